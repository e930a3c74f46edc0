"""Validate -> batch -> engine -> publish -> ack, for any transport.

The transport hands each input over with ``submit``; the pipeline computes
each batch's outputs and hands them to the delivery (worker/kafka/delivery.py),
which publishes them and says which inputs are done; the pipeline acks those.
What an ack means for commits is the delivery's business, never this module's.

Rejected inputs travel through the batcher like valid ones (they skip the
engine), so their dead letters are published alongside their neighbours'
results: a crash then repeats dead letters no more often than results.

How much is in flight follows from the batch time: enough whole batches to
keep the engine busy, but no more than can finish within ``revoke_timeout_s``,
so giving partitions away in a rebalance never waits on minutes of queued
work. ``revoke`` drops queued inputs of revoked partitions (unacked: the new
owner redoes them) and waits a bounded time for the batch in the engine.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import Counter, deque
from collections.abc import Callable, Coroutine, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import structlog

from schemas.deadletter import DeadLetterReason
from schemas.tasks import TaskKind, TaskSpec
from worker.batching import Batcher
from worker.config import BatchSettings
from worker.engine import EngineThread, ItemOutcome, PreparedItem
from worker.exceptions import PromptError
from worker.intake import Rejection, Unwrap, decode
from worker.latch import FailureLatch
from worker.metrics import WorkerMetrics
from worker.outputs import OutputBuilder
from worker.publish import Finished, Publish
from worker.records import InputRecord, OutputMessage, Partition

log = structlog.get_logger(__name__)


@dataclass
class PipelineStats:
    consumed: int = 0
    acked: int = 0
    dead_lettered: int = 0
    abandoned: int = 0  # inputs given back unacked on a revocation
    results: dict[str, int] = field(default_factory=dict)  # task -> outputs published
    batches: int = 0
    latencies_ms: deque[float] = field(default_factory=lambda: deque(maxlen=100_000))
    first_consumed: float | None = None  # time.monotonic() of the first submit
    last_acked: float | None = None  # time.monotonic() of the latest ack

    @property
    def items_per_second(self) -> float:
        if self.first_consumed is None or self.last_acked is None or self.last_acked <= self.first_consumed:
            return 0.0
        return self.acked / (self.last_acked - self.first_consumed)


@dataclass(slots=True)
class _Pending:
    record: InputRecord
    prepared: PreparedItem | None  # None when rejected
    rejection: Rejection | None = None

    @property
    def tokens(self) -> int:
        return 0 if self.prepared is None else self.prepared.tokens


@dataclass(frozen=True)
class RevokeReport:
    dropped: int  # queued inputs given back before they reached the engine
    finished: int  # in-flight inputs that completed within the deadline
    abandoned: int  # inputs still in the engine at the deadline (their results are discarded)


#: Called with every message once the broker acknowledged it (the demo's live view).
OnPublished = Callable[[OutputMessage], None]


class Pipeline:
    def __init__(
        self,
        tasks: Sequence[TaskSpec],
        engine: EngineThread,
        builder: OutputBuilder,
        delivery: Publish,
        batch: BatchSettings,
        max_item_bytes: int,
        on_published: OnPublished | None = None,
        metrics: WorkerMetrics | None = None,
        latch: FailureLatch | None = None,
        unwrap: Unwrap | None = None,
    ) -> None:
        self.engine = engine
        self.unwrap = unwrap  # the input's wire format (schema registry), None for plain JSON
        self.builder = builder
        self.delivery = delivery
        self.latch = latch or FailureLatch()
        self.settings = batch
        self.max_item_bytes = max_item_bytes
        self.stats = PipelineStats()
        self.metrics = metrics or WorkerMetrics()
        self._on_published = on_published
        self._batcher: Batcher[_Pending] = Batcher(batch, lambda p: p.tokens)
        self._in_flight = 0
        # Read when scraped rather than counted up and down per input (one less lock per input each way).
        self.metrics.in_flight.set_function(lambda: self._in_flight)
        self._items_out = {t.name: self.metrics.items_out.labels(t.name) for t in tasks}
        self._per_partition: Counter[Partition] = Counter()
        self._revoking: set[Partition] = set()
        self._batch_seconds: float | None = None  # moving average of engine time per batch
        self._limit = min(batch.max_in_flight, 2 * batch.max_items)  # until the first batch is timed
        self._idle = asyncio.Event()
        self._idle.set()
        self._room = asyncio.Event()
        self._room.set()
        self._changed = asyncio.Event()  # set whenever an input finishes
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop_task: asyncio.Task[None] | None = None
        self.last_progress = time.monotonic()
        # Output topics come from these specs; the engine only computes.
        self._specs = {t.name: t for t in tasks}

    # -- lifecycle -------------------------------------------------------
    def start(self) -> None:
        self._loop_task = asyncio.create_task(self._batch_loop(), name="finnews-batch-loop")
        self.latch.watch(self._loop_task, "batch loop")

    async def drain(self, timeout: float) -> bool:
        """Wait until every submitted input is published and acked; False on timeout."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
            return True
        except TimeoutError:
            return False

    async def stop(self) -> None:
        for task in [self._loop_task, *self._tasks]:
            if task is not None and not task.done():
                task.cancel()
        await asyncio.gather(*[t for t in [self._loop_task, *self._tasks] if t is not None], return_exceptions=True)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    @property
    def limit(self) -> int:
        """Inputs allowed in flight: whole batches that can finish within the revocation deadline."""
        return self._limit

    def _time_batch(self, seconds: float) -> None:
        self._batch_seconds = seconds if self._batch_seconds is None else 0.7 * self._batch_seconds + 0.3 * seconds
        s = self.settings
        batches = max(2, math.floor(s.revoke_timeout_s / self._batch_seconds)) if self._batch_seconds > 0 else 2
        self._limit = max(1, min(s.max_in_flight, batches * s.max_items))

    def room(self) -> int:
        """How many more inputs may be submitted now."""
        return max(0, self._limit - self._in_flight)

    async def wait_for_room(self, timeout: float) -> None:
        """Return once a batch's worth of room is free (or all of it, when less), or after ``timeout``."""
        if self.room() >= self._room_wanted():
            return
        self._room.clear()
        try:
            await asyncio.wait_for(self._room.wait(), timeout)
        except TimeoutError:
            pass

    def _room_wanted(self) -> int:
        # Waking a paused consumer for every single finished input would fetch one record at a time.
        return min(self.settings.max_items, self.limit)

    # -- intake ----------------------------------------------------------
    async def submit(self, record: InputRecord) -> None:
        """Take one input, waiting while the in-flight limit is reached (for callers without flow control)."""
        while self.room() <= 0:
            self._room.clear()
            await self._room.wait()
        self.take(record)

    def take(self, record: InputRecord) -> None:
        """Take one input now. Never waits: a Kafka transport must keep polling, so it pauses its
        partitions when ``room`` is 0 and hands over whatever a poll already returned."""
        self._in_flight += 1
        self._per_partition[record.partition_key] += 1
        self._idle.clear()
        self.stats.consumed += 1
        self.metrics.inputs.inc()
        if self.stats.first_consumed is None:
            self.stats.first_consumed = time.monotonic()
        decoded = decode(record, self.max_item_bytes, self.unwrap)
        if isinstance(decoded, Rejection):
            self._batcher.put(_Pending(record, None, decoded))
            return
        try:
            prepared = self.engine.prepare(decoded)
        except PromptError as exc:
            rejection = Rejection(DeadLetterReason.inference_error, str(exc))
            self._batcher.put(_Pending(record, None, rejection))
            return
        self._batcher.put(_Pending(record, prepared))

    # -- rebalancing -----------------------------------------------------
    async def revoke(self, partitions: set[Partition], timeout: float) -> RevokeReport:
        """Give ``partitions`` back: drop their queued inputs, wait at most ``timeout`` for the rest.

        Nothing of theirs is acked after this returns (the transport stops
        owning them), so whatever did not finish is redone by the next owner.
        """
        self._revoking |= partitions
        try:
            dropped = self._batcher.remove(lambda p: p.record.partition_key in partitions)
            for pending in dropped:
                self._finish(pending.record)
            before = sum(self._per_partition[p] for p in partitions)
            deadline = time.monotonic() + timeout
            while (left := sum(self._per_partition[p] for p in partitions)) and time.monotonic() < deadline:
                self._changed.clear()
                try:
                    await asyncio.wait_for(self._changed.wait(), max(0.0, deadline - time.monotonic()))
                except TimeoutError:
                    break
            left = sum(self._per_partition[p] for p in partitions)
            return RevokeReport(dropped=len(dropped), finished=before - left, abandoned=left)
        finally:
            self._revoking -= partitions

    # -- batches ---------------------------------------------------------
    async def _batch_loop(self) -> None:
        while True:
            taken = await self._batcher.next_batch()
            batch: list[_Pending] = []
            for pending in taken:
                if pending.record.partition_key in self._revoking or not pending.record.owned():
                    # Given back while it waited: not worth the engine's time, the next owner redoes it.
                    self._finish(pending.record)
                else:
                    batch.append(pending)
            if not batch:
                continue
            work = [p for p in batch if p.prepared is not None]
            outcomes: list[ItemOutcome] = []
            if work:
                started = time.perf_counter()
                outcomes = await self.engine.run([p.prepared for p in work if p.prepared is not None])
                seconds = time.perf_counter() - started
                self._time_batch(seconds)
                self.stats.batches += 1
                self.metrics.batch_size.observe(len(work))
                self.metrics.batch_seconds.observe(seconds)
                for task in self._specs:
                    self.metrics.items_in.labels(task).inc(len(work))
                log.debug("batch_done", items=len(work), seconds=round(seconds, 4))
            # Publishing runs beside the next batch: the engine never waits on the broker. Tasks start
            # in the order they are created, so the delivery sees batches in consumption order.
            self._spawn(self._publish(self._outputs(batch, iter(outcomes))))

    def _outputs(self, batch: Sequence[_Pending], outcomes: Iterator[ItemOutcome]) -> list[Finished]:
        """What each input of the batch publishes; inputs revoked meanwhile leave (another worker redoes them)."""
        done = []
        for pending in batch:
            record = pending.record
            outcome = next(outcomes) if pending.prepared is not None else None
            if not record.owned():
                self._abandon(record)
                continue
            if pending.rejection is not None:
                letter = self.builder.dead_letter(record, pending.rejection)
                done.append(Finished(record, [letter], [pending.rejection.reason]))
                continue
            assert pending.prepared is not None and outcome is not None
            item_id = pending.prepared.item.id
            messages = [
                self.builder.result(record, item_id, self._specs[task], result) for task, result in outcome.results.items()
            ]
            dead = []
            if outcome.errors:
                # One dead letter per input, naming every task that failed (its other tasks are published).
                text = "; ".join(f"{task}: {error}" for task, error in outcome.errors.items())
                messages.append(
                    self.builder.dead_letter(record, Rejection(DeadLetterReason.inference_error, text), outcome.errors)
                )
                dead.append(DeadLetterReason.inference_error)
            done.append(Finished(record, messages, dead, list(outcome.results)))
        return done

    async def _publish(self, batch: list[Finished]) -> None:
        published = await self.delivery.publish(batch)
        for finished in published.abandoned:
            self._abandon(finished.record)  # no longer this worker's: nothing of it was published
        for finished in published.acked:
            finished.record.ack()
            self._acked(finished)

    def _abandon(self, record: InputRecord) -> None:
        self.stats.abandoned += 1
        self.metrics.abandoned.inc()
        self._finish(record)

    def _acked(self, done: Finished) -> None:
        record = done.record
        latency = (datetime.now(timezone.utc) - record.timestamp).total_seconds()
        self.stats.latencies_ms.append(latency * 1000.0)
        self.metrics.e2e_seconds.observe(max(0.0, latency))
        self.stats.acked += 1
        self.stats.last_acked = self.last_progress = time.monotonic()
        self.stats.dead_lettered += len(done.dead)
        for reason in done.dead:
            self.metrics.dead_letters.labels(reason.value).inc()
        for task in done.tasks:
            self.stats.results[task] = self.stats.results.get(task, 0) + 1
            self._items_out[task].inc()
        if self._on_published is not None:
            for m in done.messages:
                self._on_published(m)
        self._finish(record)

    def _finish(self, record: InputRecord) -> None:
        """One input leaves the pipeline (acked or given back)."""
        self._in_flight -= 1
        key = record.partition_key
        self._per_partition[key] -= 1
        if self._per_partition[key] <= 0:
            del self._per_partition[key]
        self._changed.set()
        if self.room() >= self._room_wanted():
            self._room.set()
        if self._in_flight == 0:
            self._idle.set()

    def count(self, kind: TaskKind) -> int:
        return sum(n for task, n in self.stats.results.items() if self._specs[task].kind is kind)

    # -- failures --------------------------------------------------------
    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        self.latch.watch(task, "publishing")
        return task
