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

Offsets: every input is tracked from consumption to ack (``OffsetTracker``);
the commit loop commits, per partition, the lowest offset not yet acked.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from functools import partial

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.errors import KafkaError

from worker.config import Delivery, Settings
from worker.exceptions import BrokerError
from worker.kafka import clients, lenient_headers
from worker.kafka.offsets import OffsetTracker
from worker.kafka.transactions import PartitionTransactions
from worker.records import InputRecord, Partition, timestamp_from_ms

log = structlog.get_logger(__name__)

lenient_headers.install()


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
        # Exactly-once: never process inputs of aborted transactions (an upstream exactly-once writer's).
        isolation_level="read_committed" if settings.delivery is Delivery.exactly_once else "read_uncommitted",
    )


def make_producer(settings: Settings) -> AIOKafkaProducer:
    k = settings.kafka
    return clients.async_producer(
        k,
        f"{settings.worker_id}-out",
        linger_ms=k.linger_ms,
        max_batch_size=k.producer_batch_bytes,
        max_request_size=k.max_message_bytes,
        request_timeout_ms=int(k.delivery_timeout_s * 1000),
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
        self._source._on_assigned(assigned)
        try:
            await self._source._fence_assigned()
        except (KafkaError, OSError) as exc:
            # aiokafka would log a failed listener and carry on, leaving the partitions never taken:
            # fail the worker instead, so it restarts and the partitions move.
            log.error("partition_fencing_failed", error=f"{type(exc).__name__}: {exc}")
            if not self._source.failed.done():
                self._source.failed.set_result(exc)


class KafkaSource:
    """Polls the input topic into ``submit``, pauses when ``room`` is 0, commits acked offsets."""

    def __init__(
        self,
        settings: Settings,
        submit: Callable[[InputRecord], None],
        room: Callable[[], int],
        revoke: OnRevoked,
        on_assigned: OnAssigned,
        transactions: PartitionTransactions | None = None,
        wait_for_room: Callable[[float], Awaitable[object]] | None = None,
    ) -> None:
        self.settings = settings
        self.topic = settings.topics.input
        self.consumer = make_consumer(settings)
        self.tracker = OffsetTracker()
        self._submit = submit
        self._room = room
        # While paused, wait here for room (at most a poll's time) instead of in a paused fetch,
        # which would sleep its whole timeout even when room came back at once.
        self._wait_for_room = wait_for_room
        self._revoke = revoke
        self._on_assigned_cb = on_assigned
        self.transactions = transactions  # exactly-once: offsets commit inside the output transactions
        self._owned: set[TopicPartition] = set()
        self._fencing: set[TopicPartition] = set()  # exactly-once: assigned, not yet fenced
        self._start_offsets: dict[TopicPartition, int] = {}
        self._accepting = True
        self._poll_task: asyncio.Task[None] | None = None
        self._commit_task: asyncio.Task[None] | None = None
        self.failed: asyncio.Future[BaseException] = asyncio.get_running_loop().create_future()
        self.member_since: float | None = None  # monotonic time we last became a member; None while not
        self._out_of_group_since: float | None = time.monotonic()

    # -- lifecycle -------------------------------------------------------
    async def start(self) -> None:
        try:
            await self.consumer.start()
        except (KafkaError, OSError) as exc:
            await self.consumer.stop()
            raise BrokerError(f"cannot start consuming from Kafka at {self.settings.kafka.bootstrap_servers}: {exc}") from exc
        self.consumer.subscribe([self.topic], listener=_Listener(self))
        self._poll_task = asyncio.create_task(self._poll_loop(), name="finnews-poll")
        self._commit_task = asyncio.create_task(self._commit_loop(), name="finnews-commit")
        for task in (self._poll_task, self._commit_task):
            task.add_done_callback(self._watch)

    def close_intake(self) -> None:
        """Take no more inputs (draining); the consumer stays a member so commits still land."""
        self._accepting = False

    async def stop(self) -> None:
        """Commit what was acked, leave the group, close."""
        self._accepting = False
        for task in (self._poll_task, self._commit_task):
            if task is not None:
                task.cancel()
        await asyncio.gather(*[t for t in (self._poll_task, self._commit_task) if t is not None], return_exceptions=True)
        await self.commit()
        await self.consumer.stop()
        if self.settings.kafka.group_instance_id and self.settings.kafka.leave_group_on_stop:
            await asyncio.get_running_loop().run_in_executor(None, self._leave_static_group)

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
        """Per owned partition: high watermark minus the offset we would commit (KEDA's view)."""
        out = {}
        for tp in self._owned:
            highwater = self.consumer.highwater(tp)
            if highwater is None:
                continue
            key = (tp.topic, tp.partition)
            base = self.tracker.to_commit({key}).get(key, self.tracker.last_committed(key))
            if base is None:
                base = self._start_offsets.get(tp)
            if base is not None:
                out[tp.partition] = max(0, highwater - base)
        return out

    def _on_assigned(self, assigned: set[TopicPartition]) -> None:
        mine = {tp for tp in assigned if tp.topic == self.topic}
        # Exactly-once: records of these partitions are taken only once they are fenced (_fence_assigned).
        self._owned = mine if self.transactions is None else set()
        self._fencing = mine if self.transactions is not None else set()
        self._start_offsets = {}
        for tp in mine:
            self.tracker.assign((tp.topic, tp.partition))
        self.member_since = time.monotonic()
        partitions = sorted(tp.partition for tp in mine)
        log.info("partitions_assigned", topic=self.topic, partitions=partitions)
        self._on_assigned_cb(partitions)
        asyncio.get_running_loop().create_task(self._note_start_offsets(mine))

    async def _fence_assigned(self) -> None:
        """Exactly-once: register each owned partition's transactional id (fencing any zombie
        producer of it and aborting its open transaction), then start from the offsets committed
        by now. The consumer fetched its start offsets before the fencing, when a zombie's
        transaction could still commit, hence the second look."""
        if self.transactions is None:
            return
        fencing = sorted(self._fencing)
        await self.transactions.assigned([tp.partition for tp in fencing])
        # Records fetched meanwhile were left untaken; read them again from the committed offset.
        starts = {}
        for tp in fencing:
            committed = await self.consumer.committed(tp)
            if committed is None:
                earliest = self.settings.kafka.auto_offset_reset == "earliest"
                edge = self.consumer.beginning_offsets if earliest else self.consumer.end_offsets
                committed = (await edge([tp]))[tp]
            starts[tp] = committed
        # No await from the first seek to taking the partitions: the poll loop cannot slip records in between.
        for tp, offset in starts.items():
            self.consumer.seek(tp, offset)
        self._owned = set(fencing)
        log.debug("partitions_start", offsets={tp.partition: offset for tp, offset in starts.items()})
        self._fencing = set()

    async def _note_start_offsets(self, tps: set[TopicPartition]) -> None:
        for tp in tps:
            try:
                self._start_offsets[tp] = await self.consumer.position(tp)
            except (KafkaError, asyncio.CancelledError, AssertionError):
                return  # revoked again meanwhile, or the consumer stopped

    async def _on_revoked(self, revoked: set[TopicPartition]) -> None:
        mine = {tp for tp in revoked if tp.topic == self.topic}
        self.member_since = None
        if not mine:
            return
        # Polled records of these partitions are dropped from now on; those in flight may still
        # finish (and be acked) within the deadline, until the tracker forgets the partitions.
        self._owned -= mine
        self._fencing -= mine
        keys = {(tp.topic, tp.partition) for tp in mine}
        started = time.monotonic()
        report = await self._revoke(keys, self.settings.batch.revoke_timeout_s)
        await self.commit(keys)
        for key in keys:
            self.tracker.revoke(key)
        if self.transactions is not None:
            await self.transactions.revoked([tp.partition for tp in mine])
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
            # Applied every round, not on change: a rebalance hands over partitions unpaused.
            if room <= 0:
                self.consumer.pause(*self.consumer.assignment())
            else:
                self.consumer.resume(*self.consumer.assignment())
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

    # -- commits ---------------------------------------------------------
    async def _commit_loop(self) -> None:
        while True:
            await asyncio.sleep(self.settings.kafka.commit_interval_s)
            await self.commit()

    async def commit(self, partitions: set[Partition] | None = None) -> bool:
        """Commit the acked prefix of each owned partition; False when the broker refused."""
        if self.transactions is not None:
            return True  # exactly-once: each batch's offsets were committed in its transaction
        offsets = self.tracker.to_commit(partitions)
        if not offsets:
            return True
        try:
            await self.consumer.commit({TopicPartition(t, p): o for (t, p), o in offsets.items()})
        except KafkaError as exc:
            # A rebalance or a broker outage: the offsets stay pending and go with the next commit.
            log.warning("commit_failed", error=f"{type(exc).__name__}: {exc}", partitions=sorted(p for _, p in offsets))
            return False
        self.tracker.committed(offsets)
        return True

    # -- failures --------------------------------------------------------
    def _watch(self, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None and not self.failed.done():
            log.error("consumer_failed", task=task.get_name(), error=f"{type(exc).__name__}: {exc}")
            self.failed.set_result(exc)
