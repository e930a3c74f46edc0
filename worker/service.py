"""Running a worker: load the engine, start faust, drain on SIGTERM, report."""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass

import structlog

from schemas.tasks import TaskKind, TaskSpec
from worker.config import Settings
from worker.engine import Engine, EngineThread
from worker.exceptions import ConfigError
from worker.outputs import OutputBuilder
from worker.pipeline import OnPublished, Pipeline, PipelineStats
from worker.publish import FaustPublisher
from worker.records import InputRecord
from worker.transport import attach_input_agent, make_app

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
) -> RunSummary:
    """Consume until SIGTERM/SIGINT, ``stop`` is set, or ``max_items`` inputs are done.

    ``ready`` is set once the group assigned this worker its partitions.
    Returns after a bounded drain: in-flight inputs get ``drain_timeout_s`` to
    be published and acked; whatever is left stays uncommitted.
    """
    structlog.contextvars.bind_contextvars(worker_id=settings.worker_id)
    loop = asyncio.get_running_loop()
    if engine is None:
        # Loading takes seconds to minutes; keep the loop free meanwhile.
        engine = await loop.run_in_executor(None, Engine.load, settings.model, settings.tasks)
    check_engine_matches(engine, settings)
    engine_thread = EngineThread(engine)
    app = make_app(settings)
    builder = OutputBuilder(engine.loaded, settings.worker_id, settings.topics.deadletter)
    pipeline = Pipeline(
        settings.tasks,
        engine_thread, builder, FaustPublisher(app), settings.batch, settings.max_item_bytes, on_published
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
    pipeline.failed.add_done_callback(lambda _: close_intake())

    async def on_assigned(sender: object, assigned: set[object], **_: object) -> None:
        mine = sorted(tp.partition for tp in assigned if tp.topic == settings.topics.input)  # type: ignore[attr-defined]
        log.info("partitions_assigned", topic=settings.topics.input, partitions=mine)
        if ready is not None:
            ready.set()

    app.on_partitions_assigned.connect(on_assigned)

    pipeline.start()
    await app.start()
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
        # We drained above; faust's own wait would also wait for the events
        # left unacked on purpose (after intake closed) and never return.
        app.conf.stream_wait_empty = False
        # Stopping the consumer commits what was acked, and only that.
        await app.stop()
        await pipeline.stop()
        engine_thread.close()
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
