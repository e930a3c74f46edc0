"""Running a worker: load the engine, consume, watch itself, drain on SIGTERM, report.

A worker never stays alive but stuck. Its watchdog ends it (non-zero) when
the pipeline or the consumer crashed, when inputs wait (lag or in flight)
and none finished for ``progress_timeout_s``, or when it has been out of its
consumer group for ``membership_timeout_s`` while a broker answers. /healthz
turns false at the same moment; /readyz is true only while the worker is a
group member with partitions assigned.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass

import structlog
import torch

from schemas.tasks import TaskKind, TaskSpec
from worker.adapter_watch import AdapterWatcher
from worker.config import Settings
from worker.engine import Engine, EngineThread
from worker.engine.dtype import compute_dtype_choice
from worker.exceptions import ConfigError, FatalEngineError, FinnewsError
from worker.health import Health, HealthServer
from worker.kafka import schema_registry
from worker.kafka.delivery import make_delivery
from worker.kafka.source import KafkaSource
from worker.latch import FailureLatch
from worker.metrics import WorkerMetrics
from worker.outputs import OutputBuilder
from worker.pipeline import OnPublished, Pipeline, PipelineStats
from worker.records import InputRecord

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RunSummary:
    """What a worker did before it stopped; ``line()`` is the demo's and the CLI's last line."""

    items: int
    classified: int
    summarized: int
    dead_lettered: int
    failed: str | None
    stats: PipelineStats

    def line(self) -> str:
        return f"items={self.items} classified={self.classified} summarized={self.summarized} dead_lettered={self.dead_lettered}"


def check_engine_matches(engine: Engine, settings: Settings) -> None:
    """A preloaded engine must compute exactly the configured tasks (topics aside)."""

    def shape(tasks: list[TaskSpec]) -> list[dict[str, object]]:
        return [t.model_dump(exclude={"output_topic"}) for t in tasks]

    if shape(engine.tasks) != shape(settings.tasks):
        raise ConfigError("the preloaded engine was built for other tasks than the settings name")


def load_engine(settings: Settings) -> Engine:
    """The engine for ``settings``; any loading failure is one FatalEngineError line."""
    try:
        return Engine.load(settings.model, settings.tasks, settings.registry)
    except FinnewsError:
        raise
    except (OSError, ValueError, RuntimeError, KeyError, ImportError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise FatalEngineError(f"cannot load the model from {settings.model.base}: {type(exc).__name__}: {first}") from exc


async def _cancel(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _log_watcher_end(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        # The worker keeps serving the versions it has; restarts pick up current ones.
        log.error("adapter_watcher_stopped", error=str(task.exception()))


class Worker:
    """One worker: engine thread, pipeline, Kafka source and producer, health, watchdog."""

    def __init__(
        self,
        settings: Settings,
        *,
        engine: Engine | None = None,
        max_items: int | None = None,
        on_published: OnPublished | None = None,
        ready: asyncio.Event | None = None,
        on_http: Callable[[int], None] | None = None,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.max_items = max_items
        # Hooks for whoever embeds the worker (the demo, tests): each output published, readiness, the HTTP port.
        self.on_published, self.ready, self.on_http = on_published, ready, on_http
        self.metrics = WorkerMetrics()
        self.health = Health(hosts=settings.kafka.hosts)
        self.stop_event = asyncio.Event()
        self.failure: str | None = None
        self._submitted = 0
        self.latch = FailureLatch()
        self.latch.on_trip(lambda exc: self.fail(f"{type(exc).__name__}: {exc}"))
        # Built by ``start``; ``stop`` closes, in reverse order, whatever was started.
        self._closing = contextlib.AsyncExitStack()
        self._pipeline: Pipeline | None = None
        self._source: KafkaSource | None = None

    # -- the run ---------------------------------------------------------
    async def run(self, stop: asyncio.Event | None = None) -> RunSummary:
        """Consume until ``stop`` is set, ``max_items`` inputs are done, or the watchdog fails the worker."""
        if stop is not None:
            self.stop_event = stop
        structlog.contextvars.bind_contextvars(worker_id=self.settings.worker_id)
        server = await self._start_http()
        try:
            await self.start()
            try:
                await self.stop_event.wait()
                await self.drain()
            finally:
                await self.stop()
            return self.summary()
        finally:
            if server is not None:
                await server.stop()

    async def start(self) -> None:
        """Load the model (off the loop), then start the delivery, the pipeline, the Kafka source and the
        watchers; each part started is closed by ``stop`` (or at once, if a later one fails to start)."""
        settings = self.settings
        engine = self.engine
        # Schemas registered (or looked up) once, here, before minutes of model loading: no output ever
        # waits for the registry, and a refused schema or a wrong address stops the start at once.
        wire = await asyncio.to_thread(schema_registry.connect, settings)
        if engine is None:
            # Loading takes seconds to minutes; keep the loop free meanwhile.
            engine = await asyncio.get_running_loop().run_in_executor(None, load_engine, settings)
        check_engine_matches(engine, settings)
        self.health.model_loaded = True
        stack = self._closing
        try:
            engine_thread = EngineThread(engine)
            # A batch may still be running: wait for it off the loop, so /healthz keeps answering meanwhile.
            stack.push_async_callback(asyncio.to_thread, engine_thread.close)
            for task, info in engine_thread.serving().items():
                self.metrics.adapter.labels(task, info.name, info.version).set(1)
            self.metrics.model_memory.set(engine_thread.memory_bytes())
            self._report_compute_dtype(engine_thread.model.device)
            builder = OutputBuilder(
                engine_thread.model,
                settings.worker_id,
                settings.topics.deadletter,
                max_message_bytes=settings.kafka.max_message_bytes,
                prefixes=wire.framing.headers,
            )
            delivery = make_delivery(settings, builder, self.latch)
            await delivery.start()
            stack.push_async_callback(delivery.close)
            self._pipeline = pipeline = Pipeline(
                settings.tasks,
                engine_thread,
                builder,
                delivery,
                settings.batch,
                settings.max_item_bytes,
                self.on_published,
                self.metrics,
                self.latch,
                unwrap=wire.inputs.unwrap if wire.inputs is not None else None,
            )
            stack.push_async_callback(pipeline.stop)
            source = KafkaSource(
                settings,
                delivery,
                self.latch,
                self._submit_to(pipeline),
                pipeline.room,
                self._revoke_with(pipeline),
                self._on_assigned,
                wait_for_room=pipeline.wait_for_room,
                prepare=wire.inputs.resolve if wire.inputs is not None else None,
            )
            await source.start()
            self._source = source
            stack.push_async_callback(source.stop)
            pipeline.start()
            background = [
                asyncio.create_task(self._watchdog(pipeline, source), name="finnews-watchdog"),
                asyncio.create_task(self._sample_gauges(engine_thread, pipeline, source), name="finnews-gauges"),
            ]
            if settings.registry is not None:
                watcher = asyncio.create_task(
                    AdapterWatcher(settings, engine_thread, self.metrics, settings.adapter_reconcile_s).run()
                )
                watcher.add_done_callback(_log_watcher_end)
                background.append(watcher)
            stack.push_async_callback(_cancel, background)
        except BaseException:
            await self.stop()
            raise
        # The model, tokenizers, clients and libraries live as long as the worker: keep their objects
        # out of the collector's full passes, which otherwise walk all of them every few thousand
        # outputs (measured: about a quarter of the worker's CPU per message). ``stop`` thaws them.
        gc.freeze()
        log.info(
            "worker_started",
            input=settings.topics.input,
            tasks=[t.name for t in settings.tasks],
            delivery=settings.delivery.value,
        )

    async def drain(self) -> None:
        """Take no more inputs and let what was taken finish (bounded by ``drain_timeout_s``); a failed worker skips it."""
        assert self._source is not None and self._pipeline is not None
        self._source.close_intake()
        if self.failure is None:
            drained = await self._pipeline.drain(self.settings.drain_timeout_s)
            log.info("worker_draining_done", drained=drained, in_flight=self._pipeline.in_flight)

    async def stop(self) -> None:
        """Stop the watchers, commit what was acked (and only that), leave the group, close everything."""
        self.health.assigned = False
        await self._closing.aclose()
        gc.unfreeze()  # what start froze becomes collectable again (extensions report frozen objects as leaks at exit)

    def summary(self) -> RunSummary:
        pipeline = self._pipeline
        assert pipeline is not None
        summary = RunSummary(
            items=pipeline.stats.consumed,
            classified=pipeline.count(TaskKind.classify),
            summarized=pipeline.count(TaskKind.summarize),
            dead_lettered=pipeline.stats.dead_lettered,
            failed=self.failure,
            stats=pipeline.stats,
        )
        log.info("worker_stopped", **{k: v for k, v in summary.__dict__.items() if k != "stats"})
        return summary

    async def _start_http(self) -> HealthServer | None:
        http = self.settings.http
        if http.port is None:
            return None
        # Up before the model loads, so probes see "alive, not ready" meanwhile.
        server = HealthServer(self.health, self.metrics, http.host, http.port)
        try:
            await server.start()
        except OSError as exc:
            raise ConfigError(
                f"http.port (FINNEWS_HTTP__PORT): cannot listen on {http.host}:{http.port}: {exc.strerror or exc}"
            ) from None
        log.info("http_listening", host=http.host, port=server.port)
        if self.on_http is not None:
            self.on_http(server.port)
        return server

    def _report_compute_dtype(self, device: torch.device) -> None:
        """The dtype the loader chose for this device (the same cached, stable choice) and why, in /healthz and the metrics."""
        choice = compute_dtype_choice(self.settings.model.compute_dtype, device)
        self.health.compute_dtype = {"dtype": choice.name, "reason": choice.reason, "detail": choice.detail}
        self.metrics.compute_dtype.labels(choice.name, choice.reason).set(1)

    def request_stop(self) -> None:
        if self._source is not None:
            self._source.close_intake()  # at once: the rest of a fetched batch must not slip in
        self.stop_event.set()

    def fail(self, reason: str) -> None:
        """Health turns false at once and the worker stops without draining (it exits non-zero)."""
        if self.failure is None:
            self.failure = reason
            self.health.failed = reason
            log.error("worker_failed", reason=reason)
        self.request_stop()

    # -- wiring ----------------------------------------------------------
    def _submit_to(self, pipeline: Pipeline) -> Callable[[InputRecord], None]:
        def submit(record: InputRecord) -> None:
            self._submitted += 1
            pipeline.take(record)
            if self.max_items is not None and self._submitted >= self.max_items:
                self.request_stop()

        return submit

    def _revoke_with(self, pipeline: Pipeline) -> Callable[..., object]:
        async def revoke(partitions: set[tuple[str, int]], timeout: float) -> object:
            self.health.assigned = False
            self.metrics.rebalances.labels("revoked").inc()
            return await pipeline.revoke(partitions, timeout)

        return revoke

    def _on_assigned(self, partitions: list[int]) -> None:
        self.metrics.rebalances.labels("assigned").inc()
        self.health.assigned = bool(partitions)
        if self.ready is not None:
            self.ready.set()

    # -- self-watching ---------------------------------------------------
    async def _watchdog(self, pipeline: Pipeline, source: KafkaSource, every: float = 1.0) -> None:
        settings = self.settings
        while True:
            await asyncio.sleep(every)
            owned = source.owned
            self.health.assigned = bool(owned) and source.is_member()
            lag = sum(source.lag().values())
            busy = bool(owned) and (pipeline.in_flight > 0 or lag > 0)
            if not busy:
                pipeline.last_progress = time.monotonic()
            stalled = time.monotonic() - pipeline.last_progress
            if busy and stalled > settings.progress_timeout_s:
                self.fail(
                    f"no input finished for {stalled:.0f}s with {pipeline.in_flight} in flight and lag {lag} "
                    f"on partitions {owned} (progress_timeout_s={settings.progress_timeout_s:g})"
                )
                return
            out_for = source.out_of_group_for()
            if out_for > settings.membership_timeout_s and await self.health.broker_reachable():
                self.fail(f"out of consumer group {settings.kafka.group_id!r} for {out_for:.0f}s while the broker answers")
                return

    async def _sample_gauges(self, engine: EngineThread, pipeline: Pipeline, source: KafkaSource) -> None:
        """Lag of the partitions this worker owns, model memory and readiness, every few seconds."""
        while True:
            self.metrics.lag.clear()  # only partitions this worker owns now
            for partition, lag in source.lag().items():
                self.metrics.lag.labels(source.topic, str(partition)).set(lag)
            self.metrics.ready.set(int(self.health.model_loaded and self.health.assigned and self.health.failed is None))
            self.metrics.model_memory.set(engine.memory_bytes())
            await asyncio.sleep(self.settings.metrics_interval_s)


async def run_worker(
    settings: Settings,
    *,
    engine: Engine | None = None,
    max_items: int | None = None,
    on_published: OnPublished | None = None,
    install_signal_handlers: bool = True,
    stop: asyncio.Event | None = None,
    ready: asyncio.Event | None = None,
    on_http: Callable[[int], None] | None = None,
) -> RunSummary:
    """Run one worker until SIGTERM/SIGINT, ``stop`` is set, or ``max_items`` inputs are done.

    ``ready`` is set once the group assigned this worker its partitions;
    ``on_http`` gets the port of the health/metrics server once it listens.
    Returns after a bounded drain: in-flight inputs get ``drain_timeout_s`` to
    be published and acked; whatever is left stays uncommitted.
    """
    worker = Worker(settings, engine=engine, max_items=max_items, on_published=on_published, ready=ready, on_http=on_http)
    loop = asyncio.get_running_loop()
    if install_signal_handlers:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, worker.request_stop)
    try:
        return await worker.run(stop)
    finally:
        if install_signal_handlers:
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)
