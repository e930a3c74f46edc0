"""Validate -> batch -> engine -> publish -> ack, for any transport.

The transport hands each input over with ``submit``; the pipeline acks it only
after every output it caused (results or dead letters) was acknowledged by
the broker. Commit policy stays with the transport (faust commits the acked
offsets), so nothing is committed before it is published.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import structlog

from schemas.deadletter import DeadLetterReason
from schemas.tasks import TaskKind, TaskSpec
from worker.batching import Batcher
from worker.config import BatchSettings
from worker.engine import EngineThread, ItemOutcome, PreparedItem
from worker.intake import Rejection, decode
from worker.metrics import WorkerMetrics
from worker.outputs import OutputBuilder
from worker.publish import Publisher
from worker.records import InputRecord, OutputMessage

log = structlog.get_logger(__name__)


@dataclass
class PipelineStats:
    consumed: int = 0
    acked: int = 0
    dead_lettered: int = 0
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
    prepared: PreparedItem


#: Called with every message once the broker acknowledged it (the demo's live view).
OnPublished = Callable[[OutputMessage], None]


class Pipeline:
    def __init__(
        self,
        tasks: Sequence[TaskSpec],
        engine: EngineThread,
        builder: OutputBuilder,
        publisher: Publisher,
        batch: BatchSettings,
        max_item_bytes: int,
        on_published: OnPublished | None = None,
        metrics: WorkerMetrics | None = None,
    ) -> None:
        self.engine = engine
        self.builder = builder
        self.publisher = publisher
        self.max_item_bytes = max_item_bytes
        self.stats = PipelineStats()
        self.metrics = metrics or WorkerMetrics()
        self._on_published = on_published
        self._batcher: Batcher[_Pending] = Batcher(batch, lambda p: p.prepared.tokens)
        self._slots = asyncio.Semaphore(batch.max_in_flight)
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop_task: asyncio.Task[None] | None = None
        self.failed: asyncio.Future[BaseException] = asyncio.get_running_loop().create_future()
        # Output topics come from these specs; the engine only computes.
        self._specs = {t.name: t for t in tasks}

    # -- lifecycle -------------------------------------------------------
    def start(self) -> None:
        self._loop_task = asyncio.create_task(self._batch_loop(), name="finnews-batch-loop")
        self._loop_task.add_done_callback(self._watch)

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

    # -- intake ----------------------------------------------------------
    async def submit(self, record: InputRecord) -> None:
        """Take one input. Waits while ``max_in_flight`` inputs are unpublished."""
        await self._slots.acquire()
        self._in_flight += 1
        self.metrics.in_flight.inc()
        self._idle.clear()
        self.stats.consumed += 1
        self.metrics.inputs.inc()
        if self.stats.first_consumed is None:
            self.stats.first_consumed = time.monotonic()
        decoded = decode(record, self.max_item_bytes)
        if isinstance(decoded, Rejection):
            self._spawn(self._publish_and_ack(record, [self.builder.dead_letter(record, decoded)], [decoded.reason]))
            return
        try:
            prepared = self.engine.engine.prepare(decoded)
        except (ValueError, KeyError, IndexError) as exc:
            rejection = Rejection(DeadLetterReason.inference_error, f"prompt rendering failed: {exc}")
            self._spawn(self._publish_and_ack(record, [self.builder.dead_letter(record, rejection)], [rejection.reason]))
            return
        self._batcher.put(_Pending(record, prepared))

    # -- batches ---------------------------------------------------------
    async def _batch_loop(self) -> None:
        while True:
            batch = await self._batcher.next_batch()
            started = time.perf_counter()
            outcomes = await self.engine.run([p.prepared for p in batch])
            seconds = time.perf_counter() - started
            self.stats.batches += 1
            self.metrics.batch_size.observe(len(batch))
            self.metrics.batch_seconds.observe(seconds)
            for task in self._specs:
                self.metrics.items_in.labels(task).inc(len(batch))
            log.debug("batch_done", items=len(batch), seconds=round(seconds, 4))
            # Publishing runs beside the next batch: the engine never waits on the broker.
            self._spawn(self._publish_batch(batch, outcomes))

    async def _publish_batch(self, batch: Sequence[_Pending], outcomes: Sequence[ItemOutcome]) -> None:
        jobs = []
        for pending, outcome in zip(batch, outcomes, strict=True):
            item_id = pending.prepared.item.id
            messages = [
                self.builder.result(pending.record, item_id, self._specs[task], result)
                for task, result in outcome.results.items()
            ]
            reasons = []
            for task, error in outcome.errors.items():
                rejection = Rejection(DeadLetterReason.inference_error, error)
                messages.append(self.builder.dead_letter(pending.record, rejection, task=task))
                reasons.append(rejection.reason)
            jobs.append(self._publish_and_ack(pending.record, messages, reasons, list(outcome.results)))
        await asyncio.gather(*jobs)

    async def _publish_and_ack(
        self,
        record: InputRecord,
        messages: list[OutputMessage],
        dead: Sequence[DeadLetterReason],
        tasks: Sequence[str] = (),
    ) -> None:
        deliveries = [await self.publisher.send(m) for m in messages]
        await asyncio.gather(*deliveries)
        await record.ack()
        latency = (datetime.now(timezone.utc) - record.timestamp).total_seconds()
        self.stats.latencies_ms.append(latency * 1000.0)
        self.metrics.e2e_seconds.observe(max(0.0, latency))
        self.stats.acked += 1
        self.stats.last_acked = time.monotonic()
        self.stats.dead_lettered += len(dead)
        for reason in dead:
            self.metrics.dead_letters.labels(reason.value).inc()
        for task in tasks:
            self.stats.results[task] = self.stats.results.get(task, 0) + 1
            self.metrics.items_out.labels(task).inc()
        if self._on_published is not None:
            for m in messages:
                self._on_published(m)
        self._in_flight -= 1
        self.metrics.in_flight.dec()
        self._slots.release()
        if self._in_flight == 0:
            self._idle.set()

    def count(self, kind: TaskKind) -> int:
        return sum(n for task, n in self.stats.results.items() if self._specs[task].kind is kind)

    # -- failures --------------------------------------------------------
    def _spawn(self, coro: object) -> None:
        task = asyncio.ensure_future(coro)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(self._watch)

    def _watch(self, task: asyncio.Future[None]) -> None:
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None and not self.failed.done():
            # A failed delivery or a fatal engine error: the worker must stop
            # without acking, so the inputs are redelivered after a restart.
            log.error("pipeline_failed", error=f"{type(exc).__name__}: {exc}")
            self.failed.set_result(exc)

