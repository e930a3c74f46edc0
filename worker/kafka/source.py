"""The Kafka side of a worker: one group consumer feeding the pipeline, one producer.

Built directly on aiokafka rather than on faust-streaming's agents, because a
worker whose batches take tens of seconds needs four things faust hides:
  * polling never stops while the engine works: when the pipeline is full the
    partitions are paused and ``getmany`` keeps being called, so the member
    stays inside ``max.poll.interval`` and heartbeats go on;
  * a revocation waits for in-flight work for a bounded time, well inside the
    rebalance timeout, then gives the rest back unacked (faust waits for every
    in-flight event, which got workers expelled mid-rebalance);
  * a crash of the poll loop or the commit loop ends the worker (faust keeps
    the process alive with a crashed fetcher or agent);
  * static membership (``group.instance.id``, KIP-345).

Offsets: every input is tracked from consumption to ack (``OffsetTracker``).
What is committed, and when, is the delivery's business (worker/kafka/delivery.py);
the source only tells it about assignments and revocations.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from functools import partial

import structlog
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.errors import KafkaError

from worker.config import Settings
from worker.exceptions import BrokerError
from worker.kafka import clients, lenient_headers
from worker.kafka.delivery import Delivery
from worker.kafka.offsets import OffsetTracker
from worker.kafka.ownership import NotOwner
from worker.latch import FailureLatch
from worker.records import InputRecord, Partition, timestamp_from_ms

log = structlog.get_logger(__name__)

lenient_headers.install()

#: How long leaving the group and closing the consumer may take at shutdown.
CONSUMER_STOP_TIMEOUT_S = 10.0


def make_consumer(settings: Settings) -> AIOKafkaConsumer:
    k = settings.kafka
    return clients.async_consumer(
        k,
        settings.worker_id,
        group_id=k.group_id,
        group_instance_id=k.group_instance_id,
        auto_offset_reset=k.auto_offset_reset,
        session_timeout_ms=int(k.session_timeout_s * 1000),
        heartbeat_interval_ms=int(k.heartbeat_interval_s * 1000),
        max_poll_interval_ms=int(k.max_poll_interval_s * 1000),
        rebalance_timeout_ms=int(k.rebalance_timeout_s * 1000),
        # Inputs are bounded by the broker's max.message.bytes; fetch at least one whole.
        max_partition_fetch_bytes=max(1_048_576, settings.max_item_bytes + 65_536),
        # Both modes: records of aborted upstream transactions (an exactly-once writer's: Kafka Streams,
        # Connect, Flink) are never labelled and published.
        isolation_level="read_committed",
    )


#: What the transport tells the service about the group.
OnAssigned = Callable[[list[int]], None]
OnRevoked = Callable[[set[Partition], float], Awaitable[object]]


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, source: "KafkaSource") -> None:
        self._source = source

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self._source._on_revoked(revoked)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        # Returns at once: aiokafka sends no heartbeat until this callback returns, and getting the
        # delivery ready (exactly-once: registering transactional ids) may take longer than the session
        # timeout. The partitions stay paused until they are taken (_take).
        self._source._on_assigned(assigned)


class KafkaSource:
    """Polls the input topic into ``submit``, pauses when ``room`` is 0, commits acked offsets."""

    def __init__(
        self,
        settings: Settings,
        delivery: Delivery,
        latch: FailureLatch,
        submit: Callable[[InputRecord], None],
        room: Callable[[], int],
        revoke: OnRevoked,
        on_assigned: OnAssigned,
        wait_for_room: Callable[[float], Awaitable[object]] | None = None,
        prepare: Callable[[list[bytes | None]], Awaitable[None]] | None = None,
    ) -> None:
        self.settings = settings
        # Awaited with each poll's values before their records are handed over (learning new schema ids).
        self._prepare = prepare
        self.topic = settings.topics.input
        self.consumer = make_consumer(settings)
        self.tracker = OffsetTracker()
        self.delivery = delivery
        self.latch = latch
        self._submit = submit
        self._room = room
        # While paused, wait here for room (at most a poll's time) instead of in a paused fetch,
        # which would sleep its whole timeout even when room came back at once.
        self._wait_for_room = wait_for_room
        self._revoke = revoke
        self._on_assigned_cb = on_assigned
        self._owned: set[TopicPartition] = set()
        self._taking: set[TopicPartition] = set()  # assigned, not yet taken (the delivery is getting ready for them)
        self._take_task: asyncio.Task[None] | None = None  # getting the delivery ready for ``_taking``
        self._start_offsets: dict[TopicPartition, int] = {}
        self._accepting = True
        self._poll_task: asyncio.Task[None] | None = None
        self.member_since: float | None = None  # monotonic time we last became a member; None while not
        self._out_of_group_since: float | None = time.monotonic()

    # -- lifecycle -------------------------------------------------------
    async def start(self) -> None:
        try:
            await self.consumer.start()
        except (KafkaError, OSError) as exc:
            await self.consumer.stop()
            raise BrokerError(f"cannot start consuming from Kafka at {self.settings.kafka.bootstrap_servers}: {exc}") from exc
        self.delivery.attach(self.consumer, self.tracker)
        self.consumer.subscribe([self.topic], listener=_Listener(self))
        self._poll_task = asyncio.create_task(self._poll_loop(), name="finnews-poll")
        self.latch.watch(self._poll_task, "poll loop")

    def close_intake(self) -> None:
        """Take no more inputs (draining); the consumer stays a member so commits still land."""
        self._accepting = False

    async def stop(self) -> None:
        """Commit what was acked, give the partitions up, then leave the group and close.

        In that order: once this member leaves, the next owner registers the partitions'
        transactional ids (exactly-once), which fences any transaction still running here, a batch
        whose drain timed out or an idle partition's offsets-only commit. Given up first, their
        transactions end or are abandoned as in a rebalance, and a fence after that is expected."""
        self._accepting = False
        if self._poll_task is not None:
            self._poll_task.cancel()
            await asyncio.gather(self._poll_task, return_exceptions=True)
        await self._stop_taking()
        await self.delivery.commit()
        await self._give_up(self._owned | self._taking)
        try:
            # aiokafka's stop waits for its coordination task (a rebalance in progress, a LeaveGroup).
            await asyncio.wait_for(self.consumer.stop(), CONSUMER_STOP_TIMEOUT_S)
        except TimeoutError:
            log.warning("consumer_stop_timed_out", seconds=CONSUMER_STOP_TIMEOUT_S)
        if self.settings.kafka.group_instance_id and self.settings.kafka.leave_group_on_stop:
            await asyncio.get_running_loop().run_in_executor(None, self._leave_static_group)

    async def _give_up(self, partitions: set[TopicPartition]) -> None:
        self._owned, self._taking = set(), set()
        if not partitions:
            return
        try:
            await self.delivery.revoked(sorted(partitions))
        finally:
            for tp in partitions:
                self.tracker.revoke((tp.topic, tp.partition))

    def _leave_static_group(self) -> None:
        """A static member does not leave on close (aiokafka sends no LeaveGroup for it): ask the
        coordinator to remove it (LeaveGroup v3), so a stopped worker's partitions move at once
        instead of after the session timeout. A crashed worker never gets here: it keeps its
        partitions for the session timeout and gets them back on restart without a rebalance."""
        from kafka.admin import MemberToRemove
        from kafka.errors import KafkaError as SyncKafkaError

        k = self.settings.kafka
        admin = None
        try:
            admin = clients.admin(k, f"{self.settings.worker_id}-leave")
            admin.remove_group_members(k.group_id, [MemberToRemove(group_instance_id=k.group_instance_id)])
            log.info("static_member_left", group_instance_id=k.group_instance_id)
        except (SyncKafkaError, OSError) as exc:
            log.warning("static_member_leave_failed", error=str(exc))
        finally:
            if admin is not None:
                admin.close()

    # -- ownership -------------------------------------------------------
    @property
    def owned(self) -> list[int]:
        return sorted(tp.partition for tp in self._owned)

    def is_member(self) -> bool:
        """True while the coordinator counts us in a stable generation."""
        # aiokafka exposes no public accessor for its group state.
        coordinator = self.consumer._coordinator
        subscription = self.consumer._subscription.subscription
        return (
            coordinator is not None
            and coordinator.generation > 0
            and subscription is not None
            and subscription.assignment is not None
        )

    def out_of_group_for(self) -> float:
        """Seconds this consumer has been without a group membership (0 while a member)."""
        if self.is_member():
            self._out_of_group_since = None
            return 0.0
        if self._out_of_group_since is None:
            self._out_of_group_since = time.monotonic()
        return time.monotonic() - self._out_of_group_since

    def lag(self) -> dict[int, int]:
        """Per owned partition: records not yet done, i.e. the high watermark minus the lowest offset
        not yet acked, or minus the consumer's position when everything taken is done.

        The position, not "one past the last record": a transactional upstream writer leaves a
        commit marker after its records, which the consumer steps over but no record carries, so
        lag counted from the last record never reached 0 and the watchdog killed idle workers."""
        out = {}
        for tp in self._owned:
            # read_committed: records past the last stable offset (an open upstream transaction)
            # cannot be read yet, so they are not lag this worker could work off.
            stable = self.consumer.last_stable_offset(tp)
            highwater = stable if stable is not None and stable >= 0 else self.consumer.highwater(tp)
            if highwater is None:
                continue
            key = (tp.topic, tp.partition)
            base = self.tracker.lowest_pending(key)
            if base is None:
                base = _position(self.consumer, tp)
            if base is None:
                base = self.tracker.position(key) or self._start_offsets.get(tp)
            if base is not None:
                out[tp.partition] = max(0, highwater - base)
        return out

    def _on_assigned(self, assigned: set[TopicPartition]) -> None:
        mine = {tp for tp in assigned if tp.topic == self.topic}
        # Records of these partitions are taken only once the delivery is ready for them (_take_assigned).
        self._owned = set()
        self._taking = mine
        self._start_offsets = {}
        for tp in mine:
            self.tracker.assign((tp.topic, tp.partition))
        # Paused before this callback returns, so before any fetch of them: aiokafka returns no record of a
        # paused partition and does not move its position, so nothing of them is consumed before _take.
        if mine:
            self.consumer.pause(*mine)
        self.member_since = time.monotonic()
        partitions = sorted(tp.partition for tp in mine)
        log.info("partitions_assigned", topic=self.topic, partitions=partitions)
        self._on_assigned_cb(partitions)
        loop = asyncio.get_running_loop()
        loop.create_task(self._note_start_offsets(mine))
        # A previous take was ended by the revocation that preceded this assignment (_on_revoked); were one
        # left, it is cancelled (its registrations are abandoned, shielded, in the delivery).
        if self._take_task is not None:
            self._take_task.cancel()
        self._take_task = loop.create_task(self._take(sorted(mine)), name="finnews-take") if mine else None

    async def _take(self, taking: list[TopicPartition]) -> None:
        """Let the delivery get ready for the assigned partitions (exactly-once: register their
        transactional ids, fencing any zombie), then take them, from where it says if it does.

        A task of its own, outside the assignment callback, so the member keeps heartbeating however
        long the delivery takes; a revocation meanwhile cancels it (``_stop_taking``)."""
        try:
            starts = await self.delivery.assigned(taking)
        except NotOwner as exc:
            # Lost before they were ready (expelled meanwhile): the rejoin's revocation gives them up.
            log.warning("partitions_not_taken", partitions=sorted(tp.partition for tp in taking), reason=str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - whatever it is, the partitions would never be taken
            # Left untaken, the partitions would never be worked on while /healthz stayed green (nothing
            # owned, nothing late): fail the worker, so it restarts and they move.
            self.latch.trip(exc, "partition assignment")
            return
        # No await from the first seek to taking the partitions: the poll loop cannot slip records in between.
        for tp, offset in (starts or {}).items():
            self.consumer.seek(tp, offset)
        self._owned = set(taking)
        self._taking = set()
        # The poll loop resumes them from now on (while the pipeline has room).
        if starts:
            log.debug("partitions_start", offsets={tp.partition: offset for tp, offset in starts.items()})

    async def _stop_taking(self) -> None:
        """Cancel a take in progress and wait for it: once this returns, the delivery registers nothing more
        for the partitions it was taking (exactly-once: their producers, registered or not, are stopped)."""
        task, self._take_task = self._take_task, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _note_start_offsets(self, tps: set[TopicPartition]) -> None:
        for tp in tps:
            try:
                self._start_offsets[tp] = await self.consumer.position(tp)
            except (KafkaError, asyncio.CancelledError, AssertionError):
                return  # revoked again meanwhile, or the consumer stopped

    async def _on_revoked(self, revoked: set[TopicPartition]) -> None:
        mine = {tp for tp in revoked if tp.topic == self.topic}
        self.member_since = None
        # aiokafka revokes every partition at once (eager rebalancing): a take still running is of them.
        await self._stop_taking()
        if not mine:
            return
        # Polled records of these partitions are dropped from now on; those in flight may still
        # finish (and be acked) within the deadline, until the tracker forgets the partitions.
        self._owned -= mine
        self._taking -= mine
        keys = {(tp.topic, tp.partition) for tp in mine}
        started = time.monotonic()
        try:
            report = await self._revoke(keys, self.settings.batch.revoke_timeout_s)
            await self.delivery.revoked(sorted(mine))
        finally:
            # Whatever happened, they are not ours: a stale partition in the tracker would make every
            # later commit fail as a whole.
            for key in keys:
                self.tracker.revoke(key)
        log.info(
            "partitions_revoked",
            topic=self.topic,
            partitions=sorted(tp.partition for tp in mine),
            seconds=round(time.monotonic() - started, 3),
            **report.__dict__,
        )

    # -- polling ---------------------------------------------------------
    async def _poll_loop(self) -> None:
        while True:
            room = self._room() if self._accepting else 0
            # Applied every round, not on change: a rebalance hands over partitions unpaused. Partitions
            # not yet taken stay paused whatever the room.
            if room <= 0:
                self.consumer.pause(*self.consumer.assignment())
            else:
                self.consumer.resume(*(self.consumer.assignment() - self._taking))
            wait_for_room = room <= 0 and self._accepting and self._wait_for_room is not None
            try:
                # Called even while paused: this keeps the member within max.poll.interval.
                fetched = await self.consumer.getmany(timeout_ms=0 if wait_for_room else 200, max_records=max(1, room))
            except KafkaError as exc:
                if not getattr(exc, "retriable", False):
                    raise
                log.warning("poll_failed", error=f"{type(exc).__name__}: {exc}")
                await asyncio.sleep(1.0)
                continue
            if self._prepare is not None and fetched:
                await self._prepare([m.value for messages in fetched.values() for m in messages])
            for tp, messages in fetched.items():
                key = (tp.topic, tp.partition)
                epoch = self.tracker.epoch(key)
                if tp not in self._owned or epoch is None:
                    continue  # fetched just before a revocation: the next owner reads it
                for message in messages:
                    if not self._accepting:
                        break  # intake closed mid-fetch: the rest stays uncommitted for the next run
                    self.tracker.consumed(key, message.offset)
                    self._submit(self._record(message, key, epoch))
            if self._accepting:
                # Every record below the position was taken, or was a transaction marker or an aborted
                # record the consumer stepped over: committing up to it leaves no lag behind a marker.
                for tp in self._owned:
                    position = _position(self.consumer, tp)
                    if position is not None:
                        self.tracker.passed((tp.topic, tp.partition), position)
            if wait_for_room and self._wait_for_room is not None:
                await self._wait_for_room(0.2)

    def _record(self, message: ConsumerRecord[bytes, bytes], key: Partition, epoch: int) -> InputRecord:
        tracker, offset = self.tracker, message.offset
        return InputRecord(
            topic=message.topic,
            partition=message.partition,
            offset=offset,
            timestamp=timestamp_from_ms(message.timestamp),
            key=message.key,
            value=message.value,
            headers=[(lenient_headers.header_key_bytes(k), v) for k, v in (message.headers or ())],
            ack=partial(tracker.acked, key, offset, epoch),
            owned=partial(tracker.owns, key, epoch),
        )


def _position(consumer: AIOKafkaConsumer, tp: TopicPartition) -> int | None:
    """The consumer's position in ``tp`` (past control markers), without awaiting; None if unknown."""
    # aiokafka's public position() awaits an offset reset when there is none; the watchdog must not.
    assignment = consumer._subscription.subscription
    assignment = None if assignment is None else assignment.assignment
    if assignment is None or tp not in assignment.tps:
        return None
    state = assignment.state_value(tp)
    return state.position if state is not None and state.has_valid_position else None
