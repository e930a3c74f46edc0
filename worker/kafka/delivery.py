"""Delivery: how outputs reach Kafka and when an input counts as done. The one module that knows the mode.

``Delivery`` is what the rest of the worker sees: ``start``, ``attach`` (the
consumer and its offset book), ``assigned`` (called by the source as a task
of its own once partitions are assigned, outside aiokafka's callback, which
stops heartbeats; cancelled by a revocation) / ``revoked`` (inside the
rebalance), ``publish`` (a computed batch), ``commit`` and
``close``. Two implementations:

* ``AtLeastOnce``: one producer (acks=all). An input is acked once every
  output it caused was acknowledged; the commit loop commits, per partition,
  the lowest offset not yet acked (``OffsetTracker``). A crash repeats the work
  done since the last commit; nothing is ever committed ahead of an output.
* ``ExactlyOnce``: one transactional producer per owned input partition. Each
  batch's outputs, dead letters and that partition's next input offset commit
  in one transaction; batches publish in consumption order, and a failed
  batch stops every later one (the worker restarts and redoes them). A
  producer is registered again (after a refusal) only once the partition is
  known to be still this worker's (worker/kafka/ownership.py): registering
  fences whoever holds the id.

Both treat the broker's verdict on each output the same way:
  * an output the broker refuses for itself (too large for its topic, an
    invalid record) is tried once more alone (a batch of several records can
    exceed a topic's limit when no record does), and if refused again becomes
    one dead letter for its input (``output_rejected``, with the broker's
    error); the input's other outputs are published;
  * anything else (no leader or coordinator past the delivery timeout, lost
    authorisation, a fenced producer while this worker owns the partition)
    raises: the worker stops, nothing of that batch is acked or committed.
Every wait on the broker is bounded, so no path can hang a partition.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka import errors as aiokafka_errors
from aiokafka.errors import (
    BrokerResponseError,
    InvalidProducerEpoch,
    InvalidTimestampError,
    KafkaError,
    MessageSizeTooLargeError,
    OutOfOrderSequenceNumber,
    ProducerFenced,
    RecordListTooLargeError,
    UnsupportedForMessageFormatError,
)

from schemas.deadletter import DeadLetterReason
from worker.config import Delivery as Mode
from worker.config import Settings
from worker.exceptions import BrokerError, ConfigError
from worker.intake import Rejection
from worker.kafka import clients
from worker.kafka.offsets import OffsetTracker
from worker.kafka.ownership import NotOwner, check_member, edge_offsets, in_group, stable_committed
from worker.latch import FailureLatch
from worker.outputs import OutputBuilder
from worker.publish import Finished, Published
from worker.records import OutputMessage, Partition

log = structlog.get_logger(__name__)

T = TypeVar("T")


class InvalidRecordError(BrokerResponseError):  # type: ignore[misc]
    """INVALID_RECORD (KIP-467): the broker refused a record for what it is (a compacted topic's record
    without a key, for one). aiokafka 0.14 has no class for code 87: it raised UnknownError (errno -1),
    with the code lost, so the refusal read as a broker failure. Registered under its code below."""

    errno = 87
    message = "INVALID_RECORD"
    description = "This record has failed the validation on the broker and hence was rejected."


aiokafka_errors.kafka_errors.setdefault(InvalidRecordError.errno, InvalidRecordError)

#: Broker errors that refuse one record for what it is; retrying it unchanged cannot help.
_REFUSED = (
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    InvalidTimestampError,
    UnsupportedForMessageFormatError,
    InvalidRecordError,
)
#: How long a revocation lets a running transaction of the revoked partitions finish before abandoning it.
REVOKE_GRACE_S = 2.0
#: How long stopping a producer may take (flushing included) before its sender is cancelled.
STOP_TIMEOUT_S = 10.0
#: How long each step of the fallback may take: cancelling the producer's sender, closing its connections.
STOP_FALLBACK_S = 3.0
#: The most ``close`` takes in either mode: running transactions get REVOKE_GRACE_S, then the producers stop at once.
CLOSE_BOUND_S = REVOKE_GRACE_S + STOP_TIMEOUT_S + 2 * STOP_FALLBACK_S
#: How long a start-up probe of the broker's transactions may take before the mode is refused.
PROBE_TIMEOUT_S = 30.0


class PublishError(BrokerError):
    """Outputs could not be delivered and were not refused for themselves: stop, commit nothing of them."""


class FencedError(PublishError):
    """Another producer took this worker's transactional id while it still owned the partition."""


def refused_for_itself(exc: BaseException) -> bool:
    return isinstance(exc, _REFUSED)


def _fenced(exc: BaseException) -> bool:
    return isinstance(exc, ProducerFenced | InvalidProducerEpoch)


class Delivery(Protocol):
    async def start(self) -> None:
        """Start the producer(s); refuse the mode, in one line, on a broker that cannot serve it."""

    def attach(self, consumer: AIOKafkaConsumer, tracker: OffsetTracker) -> None:
        """The group consumer and the book of consumed/acked offsets (called once the consumer started)."""

    async def assigned(self, partitions: list[TopicPartition]) -> dict[TopicPartition, int] | None:
        """Called before any record of ``partitions`` is taken, outside the rebalance callback (it may take long);
        returns offsets to start from, if not the consumer's. A revocation meanwhile cancels it: then nothing
        it prepared for ``partitions`` may stay behind."""

    async def revoked(self, partitions: list[TopicPartition]) -> None:
        """Called once the pipeline gave ``partitions`` back: settle what was acked, release them."""

    async def publish(self, batch: Sequence[Finished]) -> Published: ...

    async def commit(self) -> None:
        """Commit what can be committed now (a last time before the consumer stops)."""

    async def close(self) -> None: ...


def make_delivery(settings: Settings, builder: OutputBuilder, latch: FailureLatch) -> Delivery:
    if settings.delivery is Mode.exactly_once:
        return ExactlyOnce(settings, builder, latch)
    return AtLeastOnce(settings, builder, latch)


# -- what both modes share: sending, and the broker's verdict per output ------------------------
async def _send(producer: Any, message: OutputMessage) -> Awaitable[Any]:
    """Queue one message; a refusal raised at once (the client's own size check) comes back as a failed future."""
    try:
        return await producer.send(message.topic, message.value, key=message.key, headers=message.headers)
    except _REFUSED as exc:
        return _failed(exc)


async def _send_alone(producer: Any, message: OutputMessage) -> Awaitable[Any]:
    """Queue one message in a record batch of its own, so that the broker's verdict is about it alone.

    A plain ``send`` joins the partition's open record batch, which another publish sharing the
    producer may be filling at the same moment. aiokafka's batch API takes a batch as it is, and a
    closed batch takes no more records from ``send`` (``BatchBuilder.close``)."""
    try:
        producer._serialize(message.key, message.value, message.headers)  # the client's size check, as send makes it
    except _REFUSED as exc:
        return _failed(exc)
    batch = producer.create_batch()
    batch.append(timestamp=None, key=message.key, value=message.value, headers=message.headers)
    batch.close()
    await producer.partitions_for(message.topic)  # the partitioner needs the topic's metadata
    # The partition ``send`` would choose: the producer's own partitioner on the key.
    partition = producer._partition(message.topic, None, message.key, message.value, message.key, message.value)
    return await producer.send_batch(batch, message.topic, partition=partition)


def _failed(exc: BaseException) -> asyncio.Future[Any]:
    failed: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    failed.set_exception(exc)
    return failed


async def _verdicts(futures: Sequence[Awaitable[Any]], bound: float) -> list[BaseException | None]:
    """Each send's outcome (None: acknowledged), waiting at most ``bound`` seconds in all."""
    if not futures:
        return []
    gathered = asyncio.gather(*futures, return_exceptions=True)
    try:
        results = await asyncio.wait_for(gathered, bound)
    except TimeoutError:
        raise PublishError(f"outputs not acknowledged within {bound:.0f}s") from None
    return [r if isinstance(r, BaseException) else None for r in results]


def _retrieve_later(futures: Sequence[Awaitable[Any]]) -> None:
    """Sends given up on (their batch failed): read their outcome whenever it comes."""
    for future in futures:
        if isinstance(future, asyncio.Future):
            future.add_done_callback(_retrieve)


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A failed future nobody retrieves is logged from the garbage collector, at an arbitrary point
    # (on CPython 3.11.7 even in the middle of a compile, which then fails with a SystemError).
    if not future.cancelled():
        future.exception()


@dataclass
class _Refusals:
    """Outputs refused for themselves, per input: what replaces them with one dead letter each."""

    builder: OutputBuilder
    by_input: dict[int, list[tuple[OutputMessage, BaseException]]] = field(default_factory=dict)
    _logged: dict[int, int] = field(default_factory=dict)  # per input, how many refusals its log line named

    def add(self, index: int, message: OutputMessage, error: BaseException) -> None:
        self.by_input.setdefault(index, []).append((message, error))

    def __bool__(self) -> bool:
        return bool(self.by_input)

    def apply(self, batch: Sequence[Finished]) -> tuple[list[Finished], list[OutputMessage]]:
        """The batch with each refused output replaced by its input's one ``output_rejected`` dead letter,
        and those dead letters."""
        out, letters = list(batch), []
        for index, refused in self.by_input.items():
            finished = batch[index]
            gone = {id(m) for m, _ in refused}
            tasks = [m.task or m.topic for m, _ in refused]
            text = "; ".join(
                f"{m.topic} refused the {m.task or 'output'} ({len(m.value)} bytes): {_error(e)}" for m, e in refused
            )
            letter = self.builder.dead_letter(finished.record, Rejection(DeadLetterReason.output_rejected, text), tasks=tasks)
            if self._logged.get(index) != len(refused):  # applied again in a later round: logged once
                self._logged[index] = len(refused)
                log.warning("output_rejected", source=_source(finished), tasks=tasks, error=text)
            letters.append(letter)
            out[index] = Finished(
                finished.record,
                [m for m in finished.messages if id(m) not in gone] + [letter],
                [*finished.dead, DeadLetterReason.output_rejected],
                [t for t in finished.tasks if t not in tasks],
            )
        return out, letters


def _source(finished: Finished) -> str:
    r = finished.record
    return f"{r.topic}/{r.partition}/{r.offset}"


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _send_bound(delivery_timeout_s: float) -> float:
    """How long a send may wait for its verdict: the client retries up to the delivery timeout, and the
    margin covers the last attempt, itself bounded by the request timeout (the delivery timeout too)."""
    return delivery_timeout_s + min(30.0, delivery_timeout_s)


def _failure(where: str, exc: BaseException) -> PublishError:
    return PublishError(f"{where}: {_error(exc)}")


# -- at-least-once -------------------------------------------------------------------------------
class AtLeastOnce:
    """One producer; inputs acked once their outputs are; the commit loop commits the acked prefix."""

    def __init__(self, settings: Settings, builder: OutputBuilder, latch: FailureLatch) -> None:
        self.settings = settings
        self.builder = builder
        self.latch = latch
        k = settings.kafka
        self.producer = clients.async_producer(
            k,
            f"{settings.worker_id}-out",
            linger_ms=k.linger_ms,
            max_batch_size=k.producer_batch_bytes,
            max_request_size=k.max_message_bytes,
            request_timeout_ms=int(k.delivery_timeout_s * 1000),
        )
        self.bound = _send_bound(k.delivery_timeout_s)
        self._consumer: AIOKafkaConsumer | None = None
        self._tracker: OffsetTracker | None = None
        self._commit_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        try:
            await self.producer.start()
        except Exception as exc:  # noqa: BLE001 - aiokafka raises several unrelated types for an unreachable broker
            await _stop(self.producer)
            raise BrokerError(f"cannot start consuming from Kafka at {self.settings.kafka.bootstrap_servers}: {exc}") from exc

    def attach(self, consumer: AIOKafkaConsumer, tracker: OffsetTracker) -> None:
        self._consumer, self._tracker = consumer, tracker
        self._commit_task = asyncio.create_task(self._commit_loop(), name="finnews-commit")
        self.latch.watch(self._commit_task, "commit loop")

    async def assigned(self, partitions: list[TopicPartition]) -> dict[TopicPartition, int] | None:
        return None  # start where the consumer's committed offsets say

    async def revoked(self, partitions: list[TopicPartition]) -> None:
        await self._commit({(tp.topic, tp.partition) for tp in partitions})

    async def publish(self, batch: Sequence[Finished]) -> Published:
        # One coroutine queues the whole batch, then waits: a coroutine per output would each wait
        # on the producer's full batch and be woken on every drain (most of the worker's CPU per message).
        queued: list[Awaitable[Any]] = []
        try:
            for finished in batch:
                for message in finished.messages:
                    queued.append(await _send(self.producer, message))
        except BaseException:
            _retrieve_later(queued)
            raise
        verdicts = await _verdicts(queued, self.bound)
        refusals = _Refusals(self.builder)
        position = 0
        for index, finished in enumerate(batch):
            for message in finished.messages:
                error = verdicts[position]
                position += 1
                if error is None:
                    continue
                if not refused_for_itself(error):
                    raise _failure(f"publishing to {message.topic}", error)
                # Alone, so that the verdict is about this record and not a batch it shared.
                (again,) = await _verdicts([await _send_alone(self.producer, message)], self.bound)
                if again is not None:
                    if not refused_for_itself(again):
                        raise _failure(f"publishing to {message.topic}", again)
                    refusals.add(index, message, again)
        if not refusals:
            return Published(acked=list(batch))
        replaced, letters = refusals.apply(batch)
        for letter, error in zip(letters, await _verdicts([await _send(self.producer, m) for m in letters], self.bound)):
            if error is not None:
                raise _failure(f"the dead-letter topic {letter.topic} refused an output_rejected dead letter", error)
        return Published(acked=replaced)

    async def _commit_loop(self) -> None:
        while True:
            await asyncio.sleep(self.settings.kafka.commit_interval_s)
            await self._commit()

    async def commit(self) -> None:
        await self._commit()

    async def _commit(self, partitions: set[Partition] | None = None) -> bool:
        """Commit the acked prefix of each owned partition; False when the broker refused."""
        if self._consumer is None or self._tracker is None:
            return True
        offsets = self._tracker.to_commit(partitions)
        if not offsets:
            return True
        try:
            # aiokafka retries a commit until the coordinator answers; inside a rebalance or at
            # shutdown that must not wait out a broker outage (the offsets go with the next commit).
            commit = self._consumer.commit({TopicPartition(t, p): o for (t, p), o in offsets.items()})
            await asyncio.wait_for(commit, self.settings.kafka.session_timeout_s)
        except (KafkaError, TimeoutError) as exc:
            # A rebalance or a broker outage: the offsets stay pending and go with the next commit.
            log.warning("commit_failed", error=_error(exc), partitions=sorted(p for _, p in offsets))
            return False
        self._tracker.committed(offsets)
        return True

    async def close(self) -> None:
        if self._commit_task is not None:
            self._commit_task.cancel()
            await asyncio.gather(self._commit_task, return_exceptions=True)
        await _stop(self.producer)


# -- exactly-once --------------------------------------------------------------------------------
def transactional_id(prefix: str, topic: str, partition: int) -> str:
    """``<prefix>/<topic>/<partition>``: read from the right it is unambiguous, since a topic name
    has no '/', whatever the prefix holds (with '-' as the joint, group ``a-b`` + topic ``c`` was
    group ``a`` + topic ``b-c``)."""
    return f"{prefix}/{topic}/{partition}"


def probe_id(prefix: str, worker_id: str) -> str:
    """The start-up probe's id: it ends in ``/probe:<worker>`` (no '/' in it), never in a partition number."""
    return f"{prefix}/probe:{worker_id.replace('/', '_')}"


@dataclass
class _Owned:
    """One owned input partition's transactional producer."""

    transactional_id: str
    producer: Any
    revoked: bool = False
    running: asyncio.Task[Any] | None = None  # its transaction in progress, if any
    committed: int | None = None  # the input offset its latest transaction committed
    attempt: list[Finished] | None = None  # what its latest transaction (attempt) was to publish


class ExactlyOnce:
    """Per input partition, each batch's outputs and next input offset in one transaction.

    One transactional producer per owned input partition, with the id
    ``<prefix>/<input topic>/<partition>``: the new owner of a partition
    registers its id first, which fences every older producer of it (a zombie:
    a worker expelled from the group that still runs) and aborts its open
    transaction. aiokafka's ``send_offsets_to_transaction`` has no KIP-447
    group-generation fencing; the per-partition ids give it instead. A
    transaction spans only the publishing of a computed batch, so however long
    the model takes it cannot outlive the transaction timeout.
    """

    def __init__(self, settings: Settings, builder: OutputBuilder, latch: FailureLatch) -> None:
        self.settings = settings
        self.builder = builder
        self.latch = latch
        k = settings.kafka
        self.topic = settings.topics.input
        self.group_id = k.group_id
        self.prefix = k.transactional_id_prefix or k.group_id
        # Every wait inside a transaction is bounded by the producer's own delivery timeout plus the EndTxn round trip.
        self.bound = _send_bound(k.delivery_timeout_s)
        self._owned: dict[int, _Owned] = {}
        self._consumer: AIOKafkaConsumer | None = None
        self._tracker: OffsetTracker | None = None
        self._advance_task: asyncio.Task[None] | None = None
        self._tail: asyncio.Future[bool] | None = None  # the latest batch's end: True when it published

    def _producer(self, transactional_id: str) -> Any:
        k = self.settings.kafka
        return clients.async_producer(
            k,
            f"{self.settings.worker_id}-txn",
            transactional_id=transactional_id,
            # Every transaction ends within ``bound`` (asyncio.timeout in _transaction); the margin covers EndTxn.
            transaction_timeout_ms=int((self.bound + 30.0) * 1000),
            linger_ms=k.linger_ms,
            max_batch_size=k.producer_batch_bytes,
            max_request_size=k.max_message_bytes,
            request_timeout_ms=int(k.delivery_timeout_s * 1000),
        )

    async def _register(self, transactional_id: str) -> Any:
        """A producer whose id is registered with the coordinator: older producers of that id are fenced by now."""
        producer = self._producer(transactional_id)
        try:
            await producer.start()
            # begin waits for InitProducerId (the fencing); an empty transaction ends locally.
            await producer.begin_transaction()
            await producer.abort_transaction()
        except BaseException:
            await _stop(producer)
            raise
        return producer

    async def start(self) -> None:
        """Refuse to start, in one line, on a broker without transactions (Tansu)."""
        try:
            probe = await asyncio.wait_for(self._register(probe_id(self.prefix, self.settings.worker_id)), PROBE_TIMEOUT_S)
        except (KafkaError, OSError, TimeoutError) as exc:
            raise ConfigError(
                f"delivery=exactly_once (FINNEWS_DELIVERY) needs a broker with Kafka transactions, and "
                f"{self.settings.kafka.bootstrap_servers} refused them ({type(exc).__name__}: {exc}); "
                "Tansu has none: use at_least_once there"
            ) from None
        await _stop(probe)

    def attach(self, consumer: AIOKafkaConsumer, tracker: OffsetTracker) -> None:
        self._consumer, self._tracker = consumer, tracker
        self._advance_task = asyncio.create_task(self._advance_loop(), name="finnews-advance")
        self.latch.watch(self._advance_task, "offset advance loop")

    # -- ownership ---------------------------------------------------------------------------
    async def assigned(self, partitions: list[TopicPartition]) -> dict[TopicPartition, int] | None:
        """Register every new partition's id at once (bounded: a coordinator that never answers
        fails the worker instead of leaving the partitions untaken), then start from the offsets
        committed by now. The consumer fetched its start offsets before the fencing, when a
        zombie's transaction could still commit, hence the second look."""
        new = [tp for tp in partitions if tp.partition not in self._owned]
        ids = {tp.partition: transactional_id(self.prefix, tp.topic, tp.partition) for tp in new}
        limit = self.settings.kafka.transaction_init_timeout_s
        started = time.monotonic()
        self._check_still_assigned(new)
        registering = [asyncio.ensure_future(self._register(ids[tp.partition])) for tp in new]
        try:
            done, pending = await asyncio.wait(registering, timeout=limit) if registering else (set(), set())
        except BaseException:
            # Cancelled (a revocation while registering): none of these partitions is this worker's any
            # more, so no producer of theirs may stay registered, or register later and fence the new owner.
            await _abandon(registering)
            raise
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        failed = [t for t in done if t.exception() is not None]
        for tp, task in zip(new, registering, strict=True):
            if task in done and task.exception() is None:
                self._owned[tp.partition] = _Owned(ids[tp.partition], task.result())
        if pending or failed:
            why = f"{_error(failed[0].exception())}" if failed else f"no answer within {limit:g}s"  # type: ignore[arg-type]
            raise BrokerError(
                f"cannot register transactional ids for partitions {sorted(tp.partition for tp in new)} "
                f"({why}; kafka.transaction_init_timeout_s={limit:g}): is the transaction coordinator available?"
            )
        log.info("transactional_producers_ready", partitions=sorted(self._owned), seconds=round(time.monotonic() - started, 3))
        # From here a cancellation (a revocation) finds the producers in _owned, which revoked() stops.
        starts = await asyncio.wait_for(asyncio.to_thread(self._stable_starts, partitions), limit)
        for tp, offset in starts.items():
            if tp.partition in self._owned:
                self._owned[tp.partition].committed = offset
        return starts

    def _check_still_assigned(self, partitions: list[TopicPartition]) -> None:
        """Refuse to register ids of partitions the consumer no longer holds.

        ``assigned`` runs as a task of its own after the assignment callback (worker/kafka/source.py),
        so the member may have lost the partitions between the two: a revocation cancels the task, but
        an expulsion that a heartbeat learned of (generation reset) shows only here. No round trip: the
        coordinator is asked by every heartbeat, and a revocation ends this task anyway."""
        subscription = None if self._consumer is None else self._consumer._subscription.subscription
        if subscription is None:
            return  # a delivery driven by hand (tools, tests): no group
        assignment = subscription.assignment
        gone = [tp.partition for tp in partitions if assignment is None or tp not in assignment.tps]
        coordinator = self._consumer._coordinator if self._consumer is not None else None
        if gone or coordinator is None or coordinator.generation <= 0:
            raise NotOwner(f"partitions {gone or sorted(tp.partition for tp in partitions)} are no longer assigned here")

    def _stable_starts(self, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
        """The committed offsets, as stable: a transaction of the previous owner that committed offsets
        just before our fencing may still be materialising them (a blocking client, hence a thread)."""
        k, client_id = self.settings.kafka, f"{self.settings.worker_id}-offsets"
        committed = stable_committed(k, client_id, self.group_id, partitions, k.transaction_init_timeout_s)
        missing = [tp for tp, offset in committed.items() if offset is None]
        edges = edge_offsets(k, client_id, missing) if missing else {}
        return {tp: edges[tp] if offset is None else offset for tp, offset in committed.items()}

    async def revoked(self, partitions: list[TopicPartition]) -> None:
        """Let a running transaction of these partitions end (briefly), then stop their producers."""
        owned = [self._owned.pop(tp.partition) for tp in partitions if tp.partition in self._owned]
        for state in owned:
            state.revoked = True
        running = [s.running for s in owned if s.running is not None and not s.running.done()]
        if running:
            _, late = await asyncio.wait(running, timeout=REVOKE_GRACE_S)
            for task in late:
                task.cancel()  # its inputs are abandoned: the new owner's fencing aborts what it sent
        await asyncio.gather(*(_stop(s.producer) for s in owned))

    async def commit(self) -> None:
        return None  # each batch's offsets commit inside its transactions

    async def close(self) -> None:
        if self._advance_task is not None:
            self._advance_task.cancel()
            await asyncio.gather(self._advance_task, return_exceptions=True)
        await self.revoked([TopicPartition(self.topic, p) for p in list(self._owned)])

    # -- publishing --------------------------------------------------------------------------
    async def publish(self, batch: Sequence[Finished]) -> Published:
        return await self._in_order(lambda: self._publish_now(batch))

    async def _in_order(self, work: Callable[[], Awaitable[T]]) -> T:
        """Run ``work`` after the previous batch published, and only if it did: a later batch commits
        offsets past the earlier one's inputs, so after a failure none may commit.

        The pipeline calls ``publish`` in batch order from tasks it creates in that order; the chain
        is taken before the first await, so the order holds."""
        previous, mine = self._tail, asyncio.get_running_loop().create_future()
        self._tail = mine
        ok = False
        try:
            if previous is not None and not await asyncio.shield(previous):
                raise PublishError("an earlier batch failed to publish: this one is not committed either")
            result = await work()
            ok = True
            return result
        finally:
            mine.set_result(ok)

    async def _advance_loop(self) -> None:
        """Commit past transaction markers of idle partitions.

        A transactional upstream writer leaves a marker after its records; the last batch committed
        "one past its last record", which is the marker, so lag as KEDA reads it (end minus
        committed) stayed 1 on every idle partition. When all a partition's records are done and the
        consumer stands past such a marker, an offsets-only transaction moves the commit there."""
        while True:
            await asyncio.sleep(self.settings.kafka.commit_interval_s)
            assert self._tracker is not None
            for partition, state in list(self._owned.items()):
                key = (self.topic, partition)
                position = self._tracker.position(key)
                if self._tracker.lowest_pending(key) is None and position is not None and position > (state.committed or 0):
                    await self._in_order(lambda s=state, p=partition, o=position: self._offsets_only(s, p, o))

    async def _offsets_only(self, state: _Owned, partition: int, offset: int) -> None:
        if state.revoked or (state.committed or 0) >= offset:
            return
        task = self._run(state, self._commit_offset(state.producer, partition, offset))
        await asyncio.wait([task])
        if task.cancelled() or state.revoked:
            return
        error = task.exception()
        if error is None:
            state.committed = offset
            log.debug("offsets_advanced", partition=partition, offset=offset)
        elif await self._after_failure(state, partition, offset, error) is not None:
            return
        elif _fenced(error):
            raise FencedError(f"transactional id {state.transactional_id!r} was taken by another producer") from error
        else:
            raise error

    async def _commit_offset(self, producer: Any, partition: int, offset: int) -> None:
        await asyncio.wait_for(producer.begin_transaction(), self.bound)
        try:
            offsets = {TopicPartition(self.topic, partition): offset}
            await asyncio.wait_for(producer.send_offsets_to_transaction(offsets, self.group_id), self.bound)
            await asyncio.wait_for(producer.commit_transaction(), self.bound)
        except Exception:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.abort_transaction(), self.bound)
            _retrieve_transaction_error(producer)
            raise

    @staticmethod
    def _run(state: _Owned, work: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """A transaction as a task of its own, known to the partition until it ends, even if whoever
        awaits it is cancelled (a shutdown): the revocation then waits for it or cancels it."""
        task = asyncio.ensure_future(work)
        state.running = task

        def ended(finished: asyncio.Task[T]) -> None:
            _retrieve(finished)
            if state.running is finished:
                state.running = None

        task.add_done_callback(ended)
        return task

    async def _publish_now(self, batch: Sequence[Finished]) -> Published:
        groups: dict[int, list[Finished]] = {}
        stale = []
        for finished in batch:
            if finished.record.owned():
                groups.setdefault(finished.record.partition, []).append(finished)
            else:
                stale.append(finished)  # consumed under an earlier assignment: the offsets are not ours to commit
        results = await asyncio.gather(*(self._publish_partition(p, g) for p, g in groups.items()), return_exceptions=True)
        published = Published(abandoned=stale)
        errors = []
        for group, result in zip(groups.values(), results, strict=True):
            if isinstance(result, BaseException):
                errors.append(result)
            elif result is None:
                published.abandoned.extend(group)
            else:
                published.acked.extend(result)
        if errors:
            raise errors[0]
        return published

    async def _publish_partition(self, partition: int, group: list[Finished]) -> list[Finished] | None:
        """The group's transaction, as its own task (a revocation may cancel it); None when abandoned."""
        state = self._owned.get(partition)
        if state is None:
            return None  # revoked: nothing of it was published, the new owner redoes it
        task = self._run(state, self._transact(state, partition, group))
        await asyncio.wait([task])
        if task.cancelled():
            if state.revoked:
                log.warning("transaction_abandoned", partition=partition, reason="revoked mid-transaction")
                return None
            raise PublishError(f"the transaction of partition {partition} was cancelled")
        error = task.exception()
        if error is None:
            state.committed = max(f.record.offset for f in group) + 1
            return task.result()
        if state.revoked:
            log.warning("transaction_abandoned", partition=partition, error=_error(error))
            return None
        next_offset = max(f.record.offset for f in group) + 1
        verdict = await self._after_failure(state, partition, next_offset, error)
        if verdict == "committed":
            return state.attempt or group
        if verdict == "lost":
            return None
        if _fenced(error):
            raise FencedError(
                f"transactional id {state.transactional_id!r} was taken by another producer while this worker owns "
                f"partition {partition}: does another deployment share kafka.transactional_id_prefix {self.prefix!r}?"
            ) from error
        raise error

    async def _transact(self, state: _Owned, partition: int, group: list[Finished]) -> list[Finished]:
        """The group's transaction; when the broker refuses outputs, again with those outputs alone, and
        with each one refused alone replaced by its input's dead letter."""
        current, suspects = list(group), set[int]()
        # One for the whole group, applied to the group as it came: an input whose outputs are refused in
        # two rounds gets one dead letter naming them all, not one per round.
        refusals = _Refusals(self.builder)
        next_offset = max(f.record.offset for f in group) + 1
        for _ in range(len([m for f in group for m in f.messages]) + 2):  # each retry settles one suspect at least
            messages = [m for f in current for m in f.messages]
            state.attempt = current
            failures, refused_alone = await self._transaction(state.producer, partition, messages, suspects, next_offset)
            if not failures:
                return current
            # A refused record leaves the idempotent producer's sequence numbers behind the broker's
            # (aiokafka has no KIP-360 epoch bump): every later send to that topic partition fails with
            # OutOfOrderSequenceNumber. A new instance of the same transactional id starts afresh.
            state.producer = await self._renew(state, partition)
            if refused_alone:
                owner = {id(m): i for i, f in enumerate(current) for m in f.messages}
                for index in refused_alone:
                    if messages[index].topic == self.settings.topics.deadletter:
                        raise _failure(f"the dead-letter topic {messages[index].topic} refused a dead letter", failures[index])
                    refusals.add(owner[id(messages[index])], messages[index], failures[index])
                    suspects.discard(id(messages[index]))
                current = refusals.apply(group)[0]
            suspects |= {id(messages[i]) for i in failures if i not in refused_alone}
        raise PublishError(f"the broker kept refusing the outputs of partition {partition}, dead letters included")

    async def _renew(self, state: _Owned, partition: int) -> Any:
        await _stop(state.producer)
        await self._check_owner(state, partition)
        return await asyncio.wait_for(self._register(state.transactional_id), self.settings.kafka.transaction_init_timeout_s)

    async def _after_failure(
        self, state: _Owned, partition: int, offset: int, error: BaseException
    ) -> Literal["committed", "lost"] | None:
        """What a failed transaction that was to commit ``offset`` left behind, as the broker tells:

        - "committed": the group's offset is ``offset``: the commit went through though its answer did not
          come back in time (a slow broker);
        - "lost": the group coordinator no longer counts this worker as the partition's owner (a zombie:
          paused or cut off past its session timeout, fenced by the new owner; its consumer rejoins on its
          next poll). The partition is given up here at once, so that no later batch of it commits on a
          producer nobody fenced yet; the rejoin's assignment starts again from the committed offset.
          Outside a consumer group (partitions assigned by hand) a group offset moved by another owner says so;
        - None: it still owns the partition, or that cannot be told now: the failure stands as it is."""
        try:
            committed = await self._group_offset(partition)
        except NotOwner as exc:
            self._give_up(state, partition, str(exc), error)
            return "lost"
        except Exception as exc:  # noqa: BLE001 - the coordinator or the offsets could not be read
            log.warning("ownership_unknown", partition=partition, error=_error(exc))
            return None
        if committed == offset:
            state.committed = offset
            log.warning("transaction_committed_late", partition=partition, next_offset=offset, error=_error(error))
            return "committed"
        if not in_group(self._consumer) and committed is not None and committed != state.committed:
            self._give_up(state, partition, f"the group's offset is {committed}: another owner committed", error)
            return "lost"
        return None

    async def _group_offset(self, partition: int) -> int | None:
        """The group's committed offset of ``partition``, read as stable, once the group coordinator confirmed
        this member still has it (NotOwner when it does not; other errors when it could not be asked)."""
        tp = TopicPartition(self.topic, partition)
        limit = self.settings.kafka.transaction_init_timeout_s
        if self._consumer is not None:
            await check_member(self._consumer, tp, limit)
        read = asyncio.to_thread(
            stable_committed, self.settings.kafka, f"{self.settings.worker_id}-owner", self.group_id, [tp], limit
        )
        return (await asyncio.wait_for(read, limit))[tp]

    def _give_up(self, state: _Owned, partition: int, reason: str, error: BaseException) -> None:
        log.warning("partition_given_up", partition=partition, reason=reason, error=_error(error))
        state.revoked = True
        if self._owned.get(partition) is state:
            del self._owned[partition]
        stopping = asyncio.ensure_future(_stop(state.producer))  # bounded; nothing waits for it
        stopping.add_done_callback(_retrieve)

    async def _check_owner(self, state: _Owned, partition: int) -> None:
        """Raise FencedError unless this worker still owns ``partition``: registering its id again bumps
        the epoch, which would fence the owner and let this worker commit over its work (a zombie:
        expelled, or past its shutdown). PublishError when that cannot be told."""
        try:
            if state.revoked:
                raise NotOwner(f"partition {partition} was revoked")
            committed = await self._group_offset(partition)
            if committed is not None and committed != state.committed:
                raise NotOwner(
                    f"the group's offset is {committed}, not {state.committed} as this worker left it: another owner committed"
                )
        except NotOwner as exc:
            raise FencedError(f"transactional id {state.transactional_id!r} not registered again: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - the coordinator or the offsets could not be read: the owner is unknown
            raise PublishError(f"cannot tell whether this worker still owns partition {partition}: {_error(exc)}") from exc

    async def _transaction(
        self, producer: Any, partition: int, messages: list[OutputMessage], suspects: set[int], next_offset: int
    ) -> tuple[dict[int, BaseException], set[int]]:
        """One transaction, committed only when every send was acknowledged (aiokafka would commit one
        whose records failed). Suspects go first, each alone in its record batch, so that a refusal is
        about that record. Returns the failed sends by index (empty when committed) and which of them
        were refused alone; the transaction is then left for the producer's renewal to abort."""
        futures: list[Awaitable[Any]] = []
        try:
            async with asyncio.timeout(self.bound):  # the whole transaction, whatever its retries alone
                await producer.begin_transaction()
                failures: dict[int, BaseException] = {}
                refused_alone = set()
                for index, message in enumerate(messages):
                    if id(message) in suspects:
                        (error,) = await _verdicts([await _send(producer, message)], self.bound)
                        if error is not None:
                            if not (refused_for_itself(error) or isinstance(error, OutOfOrderSequenceNumber)):
                                raise error
                            failures[index] = error
                            if refused_for_itself(error):
                                refused_alone.add(index)
                rest = [(i, m) for i, m in enumerate(messages) if id(m) not in suspects]
                for _, message in rest:
                    futures.append(await _send(producer, message))
                for (index, _), error in zip(rest, await _verdicts(futures, self.bound)):
                    if error is not None:
                        failures[index] = error
                if failures and not any(refused_for_itself(e) for e in failures.values()):
                    raise next(iter(failures.values()))
                if failures:
                    # Sends behind a refused one in its topic partition fail out of sequence: they stay suspects.
                    for error in failures.values():
                        if not (refused_for_itself(error) or isinstance(error, OutOfOrderSequenceNumber)):
                            raise error
                    return failures, refused_alone
                offsets = {TopicPartition(self.topic, partition): next_offset}
                await asyncio.wait_for(producer.send_offsets_to_transaction(offsets, self.group_id), self.bound)
                await asyncio.wait_for(producer.commit_transaction(), self.bound)
        except Exception as exc:
            _retrieve_later(futures)
            # Best effort, so that the producer is not left mid-transaction; the error raised is the first one.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.abort_transaction(), self.bound)
            _retrieve_transaction_error(producer)
            if isinstance(exc, TimeoutError):  # the whole transaction's bound, or one of its steps'
                raise PublishError(f"the transaction of partition {partition} did not end within {self.bound:g}s") from None
            raise
        except BaseException:  # cancelled (a revocation): the new owner's fencing aborts what was sent
            _retrieve_later(futures)
            _retrieve_transaction_error(producer)
            raise
        log.debug("transaction_committed", partition=partition, next_offset=next_offset, messages=len(messages))
        return {}, set()


async def _abandon(registering: Sequence[asyncio.Future[Any]]) -> None:
    """Cancel registrations and stop every producer among them, registered or not (each bounded, see
    ``_stop``); shielded, so that a second cancellation cannot leave one running behind."""

    async def settle() -> None:
        for task in registering:
            task.cancel()  # a registration cancelled mid-way stops its own producer (_register)
        results = await asyncio.gather(*registering, return_exceptions=True)
        await asyncio.gather(*(_stop(r) for r in results if not isinstance(r, BaseException)))

    await asyncio.shield(settle())


async def _stop(producer: Any, bound: float = STOP_TIMEOUT_S) -> None:
    """Stop a producer within ``bound`` + 2 x STOP_FALLBACK_S seconds, whatever it still holds.

    ``stop`` flushes first; with the broker gone that waits until batches expire (a transactional
    batch never does while its leader is known), and a cancelled ``stop`` leaves its sender running
    (aiokafka marks the producer closed before flushing). Unflushed outputs are of inputs not yet
    acked or committed: they are redone."""
    _retrieve_transaction_error(producer)
    _retrieve_batch_errors(producer)
    try:
        await asyncio.wait_for(producer.stop(), bound)
    except (KafkaError, OSError, TimeoutError) as exc:
        log.warning("producer_stop_failed", error=_error(exc) if str(exc) else f"not stopped within {bound:g}s")
        await _cancel_sender(producer, STOP_FALLBACK_S)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(producer.client.close(), STOP_FALLBACK_S)
    # A fatal error set on the transaction waiter later (a fence after the stop) is read too.
    waiter = getattr(getattr(producer, "_txn_manager", None), "_transaction_waiter", None)
    if waiter is not None:
        waiter.add_done_callback(_retrieve)
    _retrieve_batch_errors(producer)


async def _cancel_sender(producer: Any, bound: float) -> None:
    """Cancel the producer's sender task, waiting at most ``bound`` seconds for it to end.

    Cancelled, aiokafka's sender awaits each of its child tasks; a commit or an abort among them
    waits for record batches that nobody sends any more. Cancelling the sender again cancels the
    child it is awaiting, so it is cancelled until it ends, and left behind after ``bound``."""
    sender = getattr(getattr(producer, "_sender", None), "sender_task", None)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + bound
    while sender is not None and not sender.done():
        left = deadline - loop.time()
        if left <= 0:
            log.warning("producer_sender_abandoned", seconds=bound)
            return
        sender.cancel()
        await asyncio.wait([sender], timeout=min(left, 0.5))


def _retrieve_batch_errors(producer: Any) -> None:
    # A failed record batch (a fenced producer's, a stopped one's) also fails its "drained" waiter,
    # which only a send waiting for room in a full batch awaits: read it now or whenever it fails,
    # before the garbage collector logs it at an arbitrary point (see ``_retrieve``).
    accumulator = getattr(producer, "_message_accumulator", None)
    if accumulator is None:
        return
    batches = [b for queue in accumulator._batches.values() for b in queue] + list(accumulator._pending_batches)
    for batch in batches:
        for future in (batch.future, batch._drain_waiter):
            future.add_done_callback(_retrieve)


def _retrieve_transaction_error(producer: Any) -> None:
    # aiokafka also stores a fatal transaction error in its transaction manager's waiter, which no
    # caller awaits once the producer is given up; aiokafka is pinned to a minor version for such reaches.
    waiter = getattr(getattr(producer, "_txn_manager", None), "_transaction_waiter", None)
    if waiter is not None and waiter.done():
        _retrieve(waiter)
