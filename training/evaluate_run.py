"""`finnews evaluate`: a labelled file through one adapter, by the worker's own engine.

    registry version (TASK@VERSION) | adapter folder | the bare base
      -> verified like a worker verifies it (hashes, base fingerprint, task fit)
      -> Engine (NF4 base + that adapter, served at its manifest's temperature)
      -> training.evaluate: the figures the promotion gate computes

A registry version runs as the task it was trained for (its manifest's kind,
labels and prompt), like replay; a folder with a manifest too, unless --task
names a configured task it must fit; a folder without one (a trainer's raw
output) and the bare base run as the configured --task.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from schemas.adapters import MANIFEST, AdapterManifest
from schemas.tasks import TaskSpec
from training.data import Example, load_file
from training.evaluate import predict
from training.replay import VersionRef, judges_of, task_spec
from worker.config import Settings
from worker.engine import Classification, Engine, Summary
from worker.engine.adapters import AdapterRefused, read_manifest, verify
from worker.engine.fingerprint import model_fingerprint
from worker.engine.loading import load_model
from worker.exceptions import FinnewsError
from worker.registry import Registry, RegistryError

log = structlog.get_logger(__name__)


class EvaluationError(FinnewsError):
    """The evaluation cannot run as asked; the message says why."""


@dataclass(frozen=True)
class EvaluationRequest:
    data: Path  # JSONL of {"id", "text", "label"|"summary"}
    task: str | None = None  # a configured task: needed for a folder without a manifest and for the bare base
    adapter: VersionRef | None = None  # a registry version ("current" allowed)
    adapter_dir: Path | None = None  # or an adapter folder
    label_map: dict[str, str] = field(default_factory=dict)
    limit: int | None = None
    seed: int = 0
    batch_size: int = 16


@dataclass(frozen=True)
class Subject:
    """What is evaluated: the task as it runs, the adapter folder (None: the bare base), its manifest."""

    name: str  # TASK@VERSION, the folder, or "TASK (bare base)"
    spec: TaskSpec
    path: Path | None
    manifest: AdapterManifest | None


@dataclass
class EvaluationRun:
    """Everything the report is made of."""

    request: EvaluationRequest
    subject: Subject
    examples: list[Example]
    results: list[Classification | Summary | None]
    version: str  # as lineage records it
    adapter_name: str
    temperature: float  # the one the engine served classification at
    bias: list[float] | None  # the label biases it served with (the task's label order), if any
    base_model: str
    base_fingerprint: str
    seconds: float
    skipped_unlabelled: int = 0  # records of the file without a label or summary, left out

    @property
    def spec(self) -> TaskSpec:
        return self.subject.spec


def _configured(settings: Settings, name: str | None, why: str) -> TaskSpec:
    if name is None:
        raise EvaluationError(f"--task is needed {why}")
    if name not in {t.name for t in settings.tasks}:
        raise EvaluationError(f"no task {name!r} is configured (tasks: {[t.name for t in settings.tasks]})")
    return settings.task(name)


def resolve_subject(settings: Settings, registry: Registry, request: EvaluationRequest) -> Subject:
    """The task spec, adapter folder and manifest to evaluate (nothing loaded or verified yet)."""
    if request.adapter is not None and request.adapter_dir is not None:
        raise EvaluationError("give --adapter TASK@VERSION or --adapter-dir DIR, not both")
    ref = request.adapter
    if ref is not None:
        if request.task is not None and request.task != ref.task:
            raise EvaluationError(f"--adapter {ref} is not a version of --task {request.task!r}")
        try:
            manifest = registry.resolve(ref.task, ref.version)
        except RegistryError as exc:
            raise EvaluationError(str(exc)) from None
        path = registry.path(ref.task, manifest.version)
        spec = task_spec(settings, manifest).model_copy(update={"adapter": path})
        return Subject(f"{ref.task}@{manifest.version}", spec, path, manifest)
    folder = request.adapter_dir
    if folder is not None:
        if not folder.is_dir():
            raise EvaluationError(f"{folder}: no such adapter folder")
        manifest = read_manifest(folder) if (folder / MANIFEST).is_file() else None
        if manifest is not None and request.task is None:
            spec = task_spec(settings, manifest)
        else:
            spec = _configured(settings, request.task, "for an adapter folder without a manifest")
        return Subject(str(folder), spec.model_copy(update={"adapter": folder}), folder, manifest)
    spec = _configured(settings, request.task, "to evaluate the bare base (or give --adapter / --adapter-dir)")
    return Subject(f"{spec.name} (bare base)", spec.model_copy(update={"adapter": None}), None, None)


def run_evaluation(
    settings: Settings, registry: Registry, request: EvaluationRequest, on_batch: Callable[[int, int], None] | None = None
) -> EvaluationRun:
    """Load the subject on the configured base, run the file's examples through the engine;
    ``on_batch(items, total)`` after each batch (a progress bar)."""
    if settings.model.base is None:
        raise EvaluationError("no base model: set model.base (FINNEWS_MODEL__BASE) or pass --base")
    subject = resolve_subject(settings, registry, request)
    spec = subject.spec
    # Before minutes of model loading: a bad file or a label outside the task's fails now.
    unlabelled: list[str] = []
    examples = load_file(request.data, spec, request.label_map, request.limit, request.seed, unlabelled=unlabelled)
    if unlabelled:
        log.warning("unlabelled_records_skipped", count=len(unlabelled), first=unlabelled[:3])
    profile = subject.manifest.profile if subject.manifest is not None else settings.model.profile
    model_settings = settings.model.model_copy(update={"profile": profile})
    try:
        fingerprint = model_fingerprint(settings.model.base)
    except OSError as exc:
        raise EvaluationError(f"base model {settings.model.base}: {exc}") from None
    if subject.manifest is not None and subject.path is not None:
        # Verified as a worker verifies a registry version: numbers from a tampered or
        # foreign-base adapter would mean nothing.
        try:
            verify(subject.path, fingerprint, subject.manifest.task)
        except AdapterRefused as exc:
            raise EvaluationError(f"{subject.name} refused: {exc}") from None
    # A headline task is evaluated with its judge, as the worker serves it: the judge's verdicts decide what is published.
    tasks = [spec, *judges_of(settings, registry, spec.name)]
    loaded = load_model(model_settings, tasks, fingerprint=fingerprint)
    engine = Engine(loaded, tasks, model_settings.max_input_tokens)
    info = loaded.adapters[spec.name]
    log.info("evaluation_started", subject=subject.name, examples=len(examples), temperature=info.temperature)
    started = time.perf_counter()
    progress = (lambda n: on_batch(n, len(examples))) if on_batch is not None else None
    results = predict(engine, [spec.name], examples, request.batch_size, progress)[spec.name]
    seconds = time.perf_counter() - started
    log.info("evaluation_done", subject=subject.name, seconds=round(seconds, 2), failed=sum(r is None for r in results))
    return EvaluationRun(
        request=request,
        subject=subject,
        examples=examples,
        results=results,
        version=info.version,
        adapter_name=info.name,
        temperature=info.temperature,
        bias=list(info.bias) if info.bias is not None else None,
        base_model=loaded.base_name,
        base_fingerprint=fingerprint,
        seconds=seconds,
        skipped_unlabelled=len(unlabelled),
    )
