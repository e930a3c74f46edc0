"""Running a worker: load the engine, start faust, drain on SIGTERM, report."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import structlog

from schemas.tasks import TaskKind, TaskSpec
from worker.config import Settings
from worker.engine import Engine, EngineThread
from worker.exceptions import BrokerError, ConfigError
from worker.adapter_watch import AdapterWatcher
from worker.health import Health, HealthServer
from worker.metrics import WorkerMetrics
from worker.outputs import OutputBuilder
from worker.pipeline import OnPublished, Pipeline, PipelineStats
from worker.publish import FaustPublisher
from worker.records import InputRecord
from worker.transport import attach_input_agent, make_app, start_app

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RunSummary:
    items: int
    classified: int
    summarized: int
    dead_lettered: int
    failed: str | None
    stats: PipelineStats

    def line(self) -> str:
        return (
            f"items={self.items} classified={self.classified} "
            f"summarized={self.summarized} dead_lettered={self.dead_lettered}"
        )


def model_memory_bytes(engine: Engine) -> int:
    import torch

    if engine.loaded.device.type == "cuda":
        return int(torch.cuda.memory_allocated(engine.loaded.device))
    return int(engine.loaded.model.get_memory_footprint())


async def sample_gauges(
    app: Any, topic: str, metrics: WorkerMetrics, engine: Engine, health: Health, every: float = 5.0
) -> None:
    """Consumer lag per input partition, model memory and readiness, every few seconds."""
    consumer = app.consumer
    while True:
        await asyncio.sleep(every)
        metrics.ready.set(int(health.model_loaded and health.assigned and health.failed is None))
        metrics.lag.clear()  # drop partitions this worker no longer owns
        for tp in consumer.assignment():
            if tp.topic != topic:
                continue
            # faust exposes no public committed-offset accessor; this is what
            # its own commit logic reads. Lag as KEDA sees it: end - committed.
            committed = consumer._committed_offset.get(tp)
            highwater = consumer.highwater(tp)
            if highwater is not None:
                metrics.lag.labels(tp.topic, str(tp.partition)).set(max(0, highwater - (committed or 0)))
        metrics.model_memory.set(model_memory_bytes(engine))


def _log_watcher_end(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        # The worker keeps serving the versions it has; restarts pick up current ones.
        log.error("adapter_watcher_stopped", error=str(task.exception()))


def check_engine_matches(engine: Engine, settings: Settings) -> None:
    """A preloaded engine must compute exactly the configured tasks (topics aside)."""

    def shape(tasks: list[TaskSpec]) -> list[dict[str, object]]:
        return [t.model_dump(exclude={"output_topic"}) for t in tasks]

    if shape(engine.tasks) != shape(settings.tasks):
        raise ConfigError("the preloaded engine was built for other tasks than the settings name")


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
    """Consume until SIGTERM/SIGINT, ``stop`` is set, or ``max_items`` inputs are done.

    ``ready`` is set once the group assigned this worker its partitions;
    ``on_http`` gets the port of the health/metrics server once it listens.
    Returns after a bounded drain: in-flight inputs get ``drain_timeout_s`` to
    be published and acked; whatever is left stays uncommitted.
    """
    structlog.contextvars.bind_contextvars(worker_id=settings.worker_id)
    loop = asyncio.get_running_loop()
    metrics = WorkerMetrics()
    health = Health(hosts=settings.kafka.hosts)
    server: HealthServer | None = None
    if settings.http.port is not None:
        # Up before the model loads, so probes see "alive, not ready" meanwhile.
        server = HealthServer(health, metrics, settings.http.host, settings.http.port)
        await server.start()
        log.info("http_listening", host=settings.http.host, port=server.port)
        if on_http is not None:
            on_http(server.port)
    if engine is None:
        # Loading takes seconds to minutes; keep the loop free meanwhile.
        engine = await loop.run_in_executor(None, Engine.load, settings.model, settings.tasks, settings.registry)
    check_engine_matches(engine, settings)
    health.model_loaded = True
    for task, info in engine.loaded.adapters.items():
        metrics.adapter.labels(task, info.name, info.version).set(1)
    metrics.model_memory.set(model_memory_bytes(engine))

    engine_thread = EngineThread(engine)
    app = make_app(settings)
    builder = OutputBuilder(engine.loaded, settings.worker_id, settings.topics.deadletter)
    pipeline = Pipeline(
        settings.tasks,
        engine_thread,
        builder,
        FaustPublisher(app),
        settings.batch,
        settings.max_item_bytes,
        on_published,
        metrics,
    )
    stop = stop or asyncio.Event()
    accepting = True
    submitted = 0

    def close_intake() -> None:
        nonlocal accepting
        accepting = False
        stop.set()

    async def handle(record: InputRecord) -> None:
        nonlocal submitted
        submitted += 1
        await pipeline.submit(record)
        if max_items is not None and submitted >= max_items:
            close_intake()

    async def parked() -> None:
        await asyncio.Event().wait()  # cancelled when the app stops

    attach_input_agent(app, settings.topics.input, handle, lambda: accepting, parked)
    if install_signal_handlers:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, close_intake)

    def on_failed(fut: asyncio.Future[BaseException]) -> None:
        health.failed = f"{type(fut.result()).__name__}: {fut.result()}"
        close_intake()

    pipeline.failed.add_done_callback(on_failed)

    async def on_assigned(sender: object, assigned: set[Any], **_: object) -> None:
        mine = sorted(tp.partition for tp in assigned if tp.topic == settings.topics.input)
        log.info("partitions_assigned", topic=settings.topics.input, partitions=mine)
        health.assigned = True
        if ready is not None:
            ready.set()

    app.on_partitions_assigned.connect(on_assigned)

    try:
        await start_app(app, settings.kafka.bootstrap_servers)
    except BrokerError:
        engine_thread.close()
        if server is not None:
            await server.stop()
        raise
    pipeline.start()
    watcher: asyncio.Task[None] | None = None
    if settings.registry is not None:
        watcher = asyncio.create_task(AdapterWatcher(settings, engine_thread, metrics, settings.adapter_reconcile_s).run())
        watcher.add_done_callback(_log_watcher_end)
    sampler = asyncio.create_task(
        sample_gauges(app, settings.topics.input, metrics, engine, health, settings.metrics_interval_s)
    )
    log.info("worker_started", input=settings.topics.input, tasks=[t.name for t in settings.tasks])
    try:
        await stop.wait()
        accepting = False
        if not pipeline.failed.done():
            drained = await pipeline.drain(settings.drain_timeout_s)
            log.info("worker_draining_done", drained=drained, in_flight=pipeline.in_flight)
            # A periodic commit may be in flight with older acks, and faust's
            # commit() then only waits for it: the second call commits ours.
            for _ in range(2):
                await app.consumer.commit()
    finally:
        health.assigned = False
        sampler.cancel()
        if watcher is not None:
            watcher.cancel()
        # We drained above; faust's own wait would also wait for the events
        # left unacked on purpose (after intake closed) and never return.
        app.conf.stream_wait_empty = False
        # Stopping the consumer commits what was acked, and only that.
        await app.stop()
        await pipeline.stop()
        engine_thread.close()
        if server is not None:
            await server.stop()
        if install_signal_handlers:
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)
    failed = pipeline.failed.result() if pipeline.failed.done() else None
    summary = RunSummary(
        items=pipeline.stats.consumed,
        classified=pipeline.count(TaskKind.classify),
        summarized=pipeline.count(TaskKind.summarize),
        dead_lettered=pipeline.stats.dead_lettered,
        failed=None if failed is None else f"{type(failed).__name__}: {failed}",
        stats=pipeline.stats,
    )
    log.info("worker_stopped", **{k: v for k, v in summary.__dict__.items() if k != "stats"})
    return summary
