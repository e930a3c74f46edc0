"""Replay: a slice of a topic through one or two registry versions of a task's adapter.

    slice (own consumer, no group) -> intake.decode (the worker's validation)
      -> batches -> Engine.run per version (one base, both adapters loaded)
      -> [sandbox topic, lineage replay=true] -> rows for the report

Both versions are verified against the registry (hashes, base fingerprint)
before anything is loaded, and run as two adapters of one NF4 base through
the worker's own engine. Each version runs on each batch on its own, so its
items/s and latency are its own, measured side by side.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog
from pydantic import BaseModel

from schemas.adapters import AdapterManifest
from schemas.deadletter import DeadLetterReason
from schemas.news import NewsItem
from schemas.tasks import TaskKind, TaskSpec
from training.data import load_labels
from worker.config import RecordFormat, Settings
from worker.engine import Classification, Engine, Summary
from worker.engine.adapters import AdapterRefused, verify
from worker.engine.fingerprint import model_fingerprint
from worker.engine.loading import LoadedModel, load_model
from worker.exceptions import BrokerError, FinnewsError, kafka_error
from worker.intake import Rejection, Unwrap, decode, parse_json
from worker.kafka.topic_reader import PartitionRange, SliceSpec, as_read, make_consumer, read, resolve
from worker.outputs import OutputBuilder
from worker.records import InputRecord
from worker.registry import Registry, RegistryError

log = structlog.get_logger(__name__)

#: The version replayed (--adapter) and the one it is compared with (--compare).
PRIMARY, COMPARED = "a", "b"


class ReplayError(FinnewsError):
    """The replay cannot run as asked; the message says why."""


@dataclass(frozen=True)
class VersionRef:
    task: str
    version: str  # a registry version, or "current"

    @classmethod
    def parse(cls, text: str) -> "VersionRef":
        task, sep, version = text.partition("@")
        if not sep or not task or not version:
            raise ReplayError(f"{text!r}: expected TASK@VERSION, e.g. sentiment@v0003 or sentiment@current")
        return cls(task, version)

    def __str__(self) -> str:
        return f"{self.task}@{self.version}"


@dataclass(frozen=True)
class ReplayRequest:
    slice: SliceSpec
    adapter: VersionRef
    compare: VersionRef | None = None
    labels: Path | None = None  # labels file: {"id", "label"|"summary"} per line
    label_field: str | None = None  # or a (dotted) field of each record holding the ground truth
    to_topic: str | None = None  # sandbox topic for the outputs (backfill)
    allow_live: bool = False  # let --to-topic name a live output topic
    batch_size: int = 16


@dataclass(frozen=True)
class ResolvedVersion:
    key: str  # PRIMARY or COMPARED
    ref: VersionRef  # with the version resolved ("current" -> v0003)
    manifest: AdapterManifest
    spec: TaskSpec  # the engine's task for this version (the compared one is renamed)


class BadRecord(BaseModel):
    """A record that was not replayed or not scored, and why (report.json lists them as they are)."""

    partition: int
    offset: int
    reason: str
    message: str
    version: str | None = None  # set for an inference failure of one version


@dataclass
class ItemRow:
    """One replayed item: where it came from, its ground truth, and each version's output."""

    news_id: str
    partition: int
    offset: int
    truth: str | None
    results: dict[str, Classification | Summary | None] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)


@dataclass
class ReplayRun:
    """Everything the report is made of."""

    request: ReplayRequest
    versions: list[ResolvedVersion]
    ranges: list[PartitionRange]
    rows: list[ItemRow] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    records: int = 0
    engine_seconds: dict[str, float] = field(default_factory=dict)
    wall_seconds: float = 0.0
    published: int = 0
    base_model: str = ""
    base_fingerprint: str = ""
    last_offsets: dict[int, int] = field(default_factory=dict)  # partition -> last offset read
    adapter_names: dict[str, str] = field(default_factory=dict)  # PRIMARY/COMPARED -> peft adapter name, as loaded

    @property
    def task(self) -> TaskSpec:
        return self.versions[0].spec


# -- resolving what to run --------------------------------------------------
def resolve_versions(settings: Settings, registry: Registry, request: ReplayRequest) -> list[ResolvedVersion]:
    refs = [(PRIMARY, request.adapter)] + ([(COMPARED, request.compare)] if request.compare else [])
    if request.compare and request.compare.task != request.adapter.task:
        raise ReplayError(f"--compare {request.compare} is not a version of task {request.adapter.task!r}")
    resolved = []
    for key, ref in refs:
        try:
            manifest = registry.resolve(ref.task, ref.version)
        except RegistryError as exc:
            raise ReplayError(str(exc)) from None
        version = manifest.version
        spec = task_spec(settings, manifest)
        if key == COMPARED:
            spec = spec.model_copy(update={"name": f"{spec.name}-compare"})
        spec = spec.model_copy(update={"adapter": registry.path(ref.task, version)})
        resolved.append(ResolvedVersion(key, VersionRef(ref.task, version), manifest, spec))
    if len(resolved) == 2:
        a, b = (r.manifest for r in resolved)
        if (a.kind, a.labels, a.profile) != (b.kind, b.labels, b.profile):
            raise ReplayError(
                f"{resolved[0].ref} and {resolved[1].ref} differ in kind, labels or profile; they cannot be compared"
            )
    return resolved


def task_spec(settings: Settings, manifest: AdapterManifest) -> TaskSpec:
    """The task as the adapter was trained: its manifest's kind, labels and prompt.

    The output topic, generation bound and grounding policy are the configured task's (lineage
    names the topic); a task no longer configured gets a placeholder, since replay output only
    goes to a sandbox topic.
    """
    configured = next((t for t in settings.tasks if t.name == manifest.task), None)
    return TaskSpec(
        name=manifest.task,
        kind=manifest.kind,
        labels=tuple(manifest.labels),
        prompt=manifest.prompt,
        # A judge replayed alone is a classifier of the (story, headline) pairs its items carry.
        output_topic=(configured.output_topic if configured else None) or f"replay.{manifest.task}",
        # How long and how headlines are generated, and what becomes of ungrounded ones, is the
        # configured task's too (TaskSpec's defaults otherwise).
        **(
            {
                "max_new_tokens": configured.max_new_tokens,
                "grounding": configured.grounding,
                "no_repeat_ngram_size": configured.no_repeat_ngram_size,
            }
            if configured
            else {}
        ),
    )


def judges_of(settings: Settings, registry: Registry, task: str, judging: str | None = None) -> list[TaskSpec]:
    """The configured judge of ``task`` (a summarize task), at its registry's current version or its own folder,
    judging the task named ``judging`` (default ``task``: a side-by-side replay renames the compared version's):
    a headline task runs with its judge, as the worker serves it."""
    out = []
    for judge in (t for t in settings.tasks if t.judges == task):
        current = registry.current(judge.name)
        adapter = registry.path(judge.name, current) if current else judge.adapter
        out.append(judge.model_copy(update={"adapter": adapter, "judges": judging or task}))
    return out


def check_sandbox(settings: Settings, request: ReplayRequest) -> None:
    """Refuse a --to-topic that would write into production."""
    target = request.to_topic
    if target is None:
        return
    never = {settings.topics.input, settings.topics.deadletter, settings.adapter_events_topic, request.slice.topic}
    if target in never:
        raise ReplayError(f"--to-topic {target!r} is an input, dead-letter or control topic; replay never writes there")
    live = {t.output_topic for t in settings.tasks if t.output_topic is not None}
    if target in live and not request.allow_live:
        raise ReplayError(f"--to-topic {target!r} is a live output topic; pass --allow-live to backfill it on purpose")


# -- running ----------------------------------------------------------------
def truth_from_record(value: bytes | None, path: str) -> str | None:
    """The (dotted) field ``path`` of a JSON record, as text; None when absent."""
    try:
        data: Any = parse_json(value or b"")
    except ValueError:
        return None
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    text = None if data is None else str(data)
    return text if text and text.strip() else None  # an empty label or summary is no ground truth


def _unwrap_for(settings: Settings, topic: str) -> Unwrap | None:
    """With schema_registry.input = registry, replayed records are read in the registry's wire format,
    each new id looked up as it comes (no lookup budget: a replay reads a slice, not a live feed)."""
    from worker.kafka.schema_registry import InputSchemas, client_for

    registry = settings.schema_registry
    if registry.input is not RecordFormat.registry:
        return None
    schemas = InputSchemas(registry, client_for(registry, retries=0), burst=1_000_000)
    schemas.prefetch(topic, client_for(registry))

    def unwrap(value: bytes) -> bytes | Rejection:
        try:
            schemas.learn(schemas.pending([value]))
        except BrokerError as exc:  # the registry stayed away: this record is reported, the replay goes on
            return Rejection(DeadLetterReason.unknown_schema, str(exc))
        return schemas.unwrap(value)

    return unwrap


def _batches(
    records: Iterator[InputRecord],
    size: int,
    max_bytes: int,
    run: ReplayRun,
    truth_of: Callable[[InputRecord, NewsItem], str | None],
    on_record: Callable[[], None],
    unwrap: Unwrap | None = None,
) -> Iterator[list[tuple[InputRecord, NewsItem, str | None]]]:
    batch: list[tuple[InputRecord, NewsItem, str | None]] = []
    task = run.task
    for record in records:
        run.records += 1
        run.last_offsets[record.partition] = max(record.offset, run.last_offsets.get(record.partition, -1))
        on_record()
        decoded = decode(record, max_bytes, unwrap)
        if isinstance(decoded, Rejection):
            run.bad.append(
                BadRecord(partition=record.partition, offset=record.offset, reason=decoded.reason.value, message=decoded.message)
            )
            continue
        if unwrap is not None and record.value is not None:
            document = unwrap(record.value)  # known good by now: decode took it
            record = dataclasses.replace(record, value=document if isinstance(document, bytes) else record.value)
        truth = truth_of(record, decoded)
        if truth is not None and task.kind is TaskKind.classify and truth not in task.labels:
            run.bad.append(
                BadRecord(
                    partition=record.partition,
                    offset=record.offset,
                    reason="unknown_label",
                    message=f"ground truth {truth!r} is not one of {list(task.labels)}",
                )
            )
            truth = None  # still replayed, just not scored
        batch.append((record, decoded, truth))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def replay(settings: Settings, registry: Registry, request: ReplayRequest, progress: bool = True) -> ReplayRun:
    """Run the slice through the versions; returns the rows the report is built from."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    check_sandbox(settings, request)
    if request.labels is not None and request.label_field is not None:
        raise ReplayError("give --labels or --label-field, not both")
    versions = resolve_versions(settings, registry, request)
    task = versions[0].spec
    truth_by_id = load_labels(request.labels, task.kind) if request.labels else None
    if settings.model.base is None:
        raise ReplayError("no base model: set model.base (FINNEWS_MODEL__BASE) or pass --base")
    model_settings = settings.model.model_copy(update={"profile": versions[0].manifest.profile})
    try:
        fingerprint = model_fingerprint(settings.model.base)
    except OSError as exc:
        raise ReplayError(f"base model {settings.model.base}: {exc}") from None
    for v in versions:
        try:
            verify(registry.path(v.ref.task, v.ref.version), fingerprint, v.ref.task)
        except AdapterRefused as exc:
            raise ReplayError(f"{v.ref} refused: {exc}") from None

    def truth_of(record: InputRecord, item: NewsItem) -> str | None:
        if truth_by_id is not None:
            return truth_by_id.get(item.id)
        if request.label_field is not None:
            return truth_from_record(record.value, request.label_field)
        return None

    from kafka.errors import KafkaError

    consumer = publisher = None
    try:
        # The broker first: a wrong address fails before minutes of model loading.
        consumer = make_consumer(settings.kafka)
        ranges = resolve(consumer, request.slice)
        # One judge adapter (the configured one of the replayed task) serves every version side by side.
        task = versions[0].ref.task
        judges = {v.key: judges_of(settings, registry, task, judging=v.spec.name) for v in versions}
        loaded = load_model(model_settings, [*(v.spec for v in versions), *judges[versions[0].key]], fingerprint=fingerprint)
        engines = {v.key: Engine(loaded, [v.spec, *judges[v.key]], model_settings.max_input_tokens) for v in versions}
        publisher = _Sandbox(settings, loaded, request.to_topic) if request.to_topic else None
        run = ReplayRun(
            request,
            versions,
            ranges,
            base_model=loaded.base_name,
            base_fingerprint=fingerprint,
            adapter_names={v.key: loaded.adapters[v.spec.name].name for v in versions},
        )
        run.engine_seconds = {v.key: 0.0 for v in versions}
        total = sum(r.size for r in ranges)
        log.info("replay_started", topic=request.slice.topic, records=total, versions=[str(v.ref) for v in versions])
        columns = (
            TextColumn("replay"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
        )
        started = time.perf_counter()
        with Progress(*columns, console=Console(stderr=True), disable=not progress) as bar:
            job = bar.add_task("replay", total=total)
            batches = _batches(
                read(consumer, request.slice.topic, ranges),
                request.batch_size,
                settings.max_item_bytes,
                run,
                truth_of,
                lambda: bar.advance(job),
                _unwrap_for(settings, request.slice.topic),
            )
            for batch in batches:
                _run_batch(run, engines, versions, batch, publisher)
        run.ranges = as_read(ranges, run.last_offsets)
        if publisher is not None:
            run.published = publisher.close()
        run.wall_seconds = time.perf_counter() - started
    except KafkaError as exc:
        raise ReplayError(f"Kafka at {settings.kafka.bootstrap_servers}: {kafka_error(exc)}") from None
    finally:
        if consumer is not None:
            consumer.close()
        if publisher is not None:
            publisher.abort()
    log.info("replay_done", records=run.records, items=len(run.rows), bad=len(run.bad), seconds=round(run.wall_seconds, 2))
    return run


def _run_batch(
    run: ReplayRun,
    engines: dict[str, Engine],
    versions: list[ResolvedVersion],
    batch: list[tuple[InputRecord, NewsItem, str | None]],
    publisher: "_Sandbox | None",
) -> None:
    rows = [ItemRow(item.id, record.partition, record.offset, truth) for record, item, truth in batch]
    for v in versions:
        engine = engines[v.key]
        started = time.perf_counter()
        outcomes = engine.run([engine.prepare(item) for _, item, _ in batch])
        seconds = time.perf_counter() - started
        run.engine_seconds[v.key] += seconds
        for row, outcome, (record, _, _) in zip(rows, outcomes, batch, strict=True):
            # Every item of a batch waits for the whole batch: that is its latency.
            row.latency_ms[v.key] = seconds * 1000.0
            row.results[v.key] = outcome.results.get(v.spec.name)
            error = outcome.errors.get(v.spec.name)
            if error is not None:
                run.bad.append(
                    BadRecord(
                        partition=record.partition,
                        offset=record.offset,
                        reason="inference_error",
                        message=str(error),
                        version=str(v.ref),
                    )
                )
    if publisher is not None:
        primary = versions[0]
        for row, (record, item, _) in zip(rows, batch, strict=True):
            result = row.results.get(primary.key)
            if result is not None:
                publisher.send(record, item, primary.spec, result)
    run.rows.extend(rows)


class _Sandbox:
    """Replay outputs into a sandbox topic, with lineage marked replay=true (kafka-python, acks=all)."""

    def __init__(self, settings: Settings, loaded: LoadedModel, topic: str) -> None:
        from worker.kafka import clients
        from worker.kafka.admin import ensure_topics

        ensure_topics(settings.kafka, [topic], settings.topics.partitions, settings.topics.replication_factor)
        self.topic = topic
        self.builder = OutputBuilder(
            loaded, f"replay-{socket.gethostname()}-{os.getpid()}", settings.topics.deadletter, replay=True
        )
        self.producer = clients.producer(settings.kafka, "finnews-replay")
        self.futures: list[Any] = []

    def send(self, record: InputRecord, item: NewsItem, spec: TaskSpec, result: Classification | Summary) -> None:
        message = self.builder.result(record, item.id, spec, result, topic=self.topic)
        self.futures.append(self.producer.send(message.topic, key=message.key, value=message.value, headers=message.headers))

    def close(self) -> int:
        """Wait until the broker acknowledged every output; returns how many."""
        self.producer.flush()
        for future in self.futures:
            future.get(timeout=30)
        sent = len(self.futures)
        self.producer.close()
        self.producer = None
        return sent

    def abort(self) -> None:
        if self.producer is not None:
            self.producer.close()
