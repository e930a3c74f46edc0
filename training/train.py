"""One training run: data -> split -> QLoRA -> evaluation (candidate and baseline
side by side on one base) -> registry -> gate -> announcement."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import structlog
from pydantic import BaseModel, ConfigDict

from schemas.adapters import AdapterEvent, AdapterManifest, DataSummary, ManifestDraft, VersionStatus
from schemas.tasks import TaskKind, TaskSpec
from training.data import Example, split
from training.evaluate import PRIMARY, calibration_for, metrics_for, predict, served_out_of_fold, without_biases
from training.finetune import TrainConfig, finetune
from training.gate import calibration_note, judge, majority_floor
from worker.config import Settings
from worker.engine import Engine
from worker.engine.adapters import mismatches, verify, verify_fit
from worker.engine.fingerprint import model_fingerprint
from worker.engine.loading import load_model
from worker.kafka.events import announce
from worker.registry import Registry

log = structlog.get_logger(__name__)


class TrainOutcome(BaseModel):
    """The version a training run registered, the gate's decision and whether workers were told."""

    model_config = ConfigDict(frozen=True)

    manifest: AdapterManifest
    promoted: bool
    reason: str
    announced: bool


#: Why ``force`` with ``promote_version=False`` is refused (by train_and_register and, before any data is read, the CLI).
FORCE_WITHOUT_PROMOTE = (
    "--force with --no-promote forces nothing: without --force a version the gate rejects is kept as rejected, "
    "and `finnews adapters promote --force` serves it later"
)


#: Why a judge version that passes the gate is not served at once (unless the task sets min_support for every version).
JUDGE_WITHOUT_THRESHOLD = (
    "a judge version serves at the threshold chosen for it, and this one has none: choose it on pairs the gate never "
    "saw, record it with `finnews adapters threshold`, then `finnews adapters promote` (or train with --min-support)"
)


def lacks_threshold(task: TaskSpec | None, manifest: AdapterManifest) -> bool:
    """A judge version that would serve at the default threshold: neither it nor its task has one. Where the task is
    not configured here (an operator's own config), the version's manifest says whether it was trained to judge."""
    if manifest.min_support is not None:
        return False
    if task is None:
        return manifest.judges is not None
    return task.judges is not None and task.min_support is None


def threshold_problem(task: TaskSpec, min_support: tuple[float, str] | None) -> str | None:
    """Why a threshold given with a training run (the value, how it was chosen) cannot be recorded; None: it can.
    Checked by train_and_register and, before any data is read, by the CLI."""
    if min_support is None:
        return None
    if task.kind is not TaskKind.classify:
        return f"--min-support is a judge's threshold: {task.name} is not a classify task"
    if not min_support[1].strip():
        return "--min-support needs --min-support-reason: the pairs, the rule and the figures"
    return None


def train_and_register(
    settings: Settings,
    task_name: str,
    examples: list[Example],
    source: str,
    registry: Registry,
    cfg: TrainConfig,
    heldout_fraction: float,
    margin: float,
    force: bool = False,
    announce_events: bool = True,
    init_from: str | None = None,
    promote_version: bool = True,
    min_support: tuple[float, str] | None = None,
) -> TrainOutcome:
    """``init_from``: a version of the task (or "current") whose weights training continues from.
    ``promote_version=False`` leaves a version that passes the gate a candidate, for an operator to promote
    (a judge's threshold is chosen on pairs the gate never sees, and recorded before it serves). A judge version
    with no threshold (``min_support``: the value and how it was chosen) is left a candidate the same way, unless
    ``force``: served at the default, it would judge by a threshold nobody chose."""
    if force and not promote_version:
        raise ValueError(FORCE_WITHOUT_PROMOTE)
    task = settings.task(task_name)
    problem = threshold_problem(task, min_support)
    if problem is not None:
        raise ValueError(problem)
    assert settings.model.base is not None
    parts = split(examples, heldout_fraction, cfg.seed, source)
    parent = None
    heldout_differs = False
    if init_from is not None:
        parent = warm_start(settings, registry, task.name, init_from)
        cfg = cfg.shaped_like(registry.path(task.name, parent.version))
        # The parent may have trained on items this run holds out, which would flatter the
        # candidate; the same data, seed and --heldout give the same held-out part.
        heldout_differs = parent.data.heldout_digest != parts.heldout_digest()
        if heldout_differs:
            log.warning("warm_start_heldout_differs", task=task.name, parent=parent.version)
    current = registry.current(task.name)
    if current is not None:
        found = mismatches(registry.manifest(task.name, current), task, settings.model.profile)
        if found:
            # The task was redefined: the current version cannot serve it any
            # more (workers refuse it), so the candidate is judged against the bare base.
            log.warning("current_version_does_not_fit", task=task.name, version=current, differences=found)
            current = None
    with tempfile.TemporaryDirectory(prefix="finnews-train-") as tmp:
        result = finetune(settings.model, task, parts.train, cfg, Path(tmp))
        # Candidate and baseline (current version, else the bare base) run as two
        # adapters of one base over the same held-out items, through the engine.
        candidate = task.model_copy(update={"adapter": result.adapter_dir})
        baseline = task.model_copy(
            update={
                "name": f"{task.name}-baseline",
                "adapter": registry.path(task.name, current) if current else None,
                "output_topic": f"{task.output_topic}.baseline" if task.output_topic else None,
            }
        )
        loaded = load_model(settings.model, [candidate, baseline])
        if current:
            verify(registry.path(task.name, current), loaded.fingerprint, task.name)
        engine = Engine(loaded, [candidate, baseline], settings.model.max_input_tokens)
        predictions = predict(engine, [candidate.name, baseline.name], parts.heldout)
        # The candidate ran at temperature 1 (its folder has no manifest yet); the baseline at its own.
        metrics = metrics_for(task, parts.heldout, predictions[candidate.name])
        served = loaded.adapters[baseline.name]
        bias = list(served.bias) if served.bias else None
        base_metrics = metrics_for(task, parts.heldout, predictions[baseline.name], served.temperature, bias)
        primary = PRIMARY[task.kind]
        # Like for like: the gate judges the labels each model chooses by itself. The baseline's
        # label biases were fitted on (usually) this very held-out part, so its labels as served
        # would be judged on the items their biases were fitted to.
        judged = base_metrics
        if bias is not None:
            unbiased = without_biases(predictions[baseline.name], list(task.labels), bias)
            judged = metrics_for(task, parts.heldout, unbiased, served.temperature)
        baseline_name = current or "the bare base"
        floor = None
        calibration = None
        if task.kind is TaskKind.classify:
            majority, score = majority_floor(
                [e.label or "" for e in parts.train], [e.label or "" for e in parts.heldout], list(task.labels)
            )
            floor = (f"the majority-class predictor (always {majority!r})", score)
            metrics["majority_baseline"] = {"label": majority, primary: score}
            # Fitted on the held-out part the gate judges. The gate judges the labels the model
            # chooses by itself; label biases (kept only when they help out of fold) change some
            # choices, so what they make of the held-out part is measured out of fold beside it.
            calibration = calibration_for(task, parts.heldout, predictions[candidate.name], temperature=None)
            metrics.update(calibration.figures())
            if calibration.bias is not None:
                metrics["as_served"] = served_out_of_fold(task, parts.heldout, predictions[candidate.name])
        decision = judge(primary, metrics[primary], judged[primary], baseline_name, margin, force, floor)
        metrics["baseline"] = {"version": current or "base", primary: judged[primary]}
        if parent is not None and heldout_differs:
            metrics["warm_start_heldout_differs"] = True
            decision = replace(
                decision,
                reason=f"{decision.reason}; warm-started from {parent.version}, whose held-out part differs from this "
                "run's: it may have trained on items judged here",
            )
        if calibration is not None:
            metrics["baseline"]["ece"] = base_metrics["ece_after"]
            note = calibration_note(calibration, base_metrics["ece_after"], baseline_name)
            decision = replace(decision, reason=f"{decision.reason}; {note}")
            log.info("temperature_fitted", task=task.name, **calibration.model_dump())
        label_counts: dict[str, int] = {}
        for e in examples:
            if e.label:
                label_counts[e.label] = label_counts.get(e.label, 0) + 1
        bias_kept = calibration.bias if calibration is not None else None
        manifest = registry.register(
            result.adapter_dir,
            ManifestDraft.for_task(
                task,
                settings.model.profile,
                base_model=settings.model.base.name,
                base_fingerprint=loaded.fingerprint,
                data=DataSummary(
                    source=source,
                    digest=parts.digest(),
                    train_count=len(parts.train),
                    heldout_count=len(parts.heldout),
                    heldout_digest=parts.heldout_digest(),
                    label_counts=label_counts,
                ),
                hyperparameters={
                    **cfg.record(),
                    "init_from": f"{task.name}@{parent.version}" if parent else None,
                    "heldout_fraction": heldout_fraction,
                    "margin": margin,
                },
                metrics=metrics,
                primary_metric=primary,
                parent_version=current,
                training_seconds=result.seconds,
                temperature=calibration.temperature if calibration is not None else None,
                label_bias=dict(zip(task.labels, bias_kept, strict=True)) if bias_kept is not None else None,
                # The biases give back the prior of the held-out part they were fitted on.
                label_bias_prior=label_shares(parts.heldout, list(task.labels)) if bias_kept is not None else None,
                min_support=min_support[0] if min_support is not None else None,
                min_support_reason=min_support[1].strip() if min_support is not None else "",
            ),
        )
    log.info("version_registered", task=task.name, version=manifest.version, **{primary: metrics[primary]})
    if not decision.promote:
        registry.set_status(task.name, manifest.version, VersionStatus.rejected, decision.reason)
        log.info("version_rejected", task=task.name, version=manifest.version, reason=decision.reason)
        rejected = registry.manifest(task.name, manifest.version)
        return TrainOutcome(manifest=rejected, promoted=False, reason=decision.reason, announced=False)
    unthresholded = lacks_threshold(task, manifest)
    if not promote_version or (unthresholded and not force):
        why = JUDGE_WITHOUT_THRESHOLD if promote_version else "--no-promote"
        held = f"passed the gate, left a candidate ({why}): {decision.reason}"
        registry.set_status(task.name, manifest.version, VersionStatus.candidate, held)
        log.info("version_held", task=task.name, version=manifest.version, reason=held)
        return TrainOutcome(manifest=registry.manifest(task.name, manifest.version), promoted=False, reason=held, announced=False)
    if force:
        log.warning("promotion_forced", task=task.name, version=manifest.version, reason=decision.reason)
        if unthresholded:
            log.warning("judge_threshold_default", task=task.name, version=manifest.version, message=JUDGE_WITHOUT_THRESHOLD)
    announced = promote(settings, registry, task.name, manifest.version, decision.reason, force, announce_events)
    promoted = registry.manifest(task.name, manifest.version)
    return TrainOutcome(manifest=promoted, promoted=True, reason=decision.reason, announced=announced)


def label_shares(examples: list[Example], labels: list[str]) -> dict[str, float]:
    """Each label's share of ``examples``, rounded to 4 places (a manifest's class prior)."""
    counts = {label: 0 for label in labels}
    for e in examples:
        if e.label in counts:
            counts[e.label] += 1
    total = sum(counts.values()) or 1
    return {label: round(n / total, 4) for label, n in counts.items()}


def warm_start(settings: Settings, registry: Registry, task: str, version: str) -> AdapterManifest:
    """The registry version a run continues from, verified like a worker verifies it (hashes,
    base fingerprint) and fitting the task as configured, before minutes of training."""
    assert settings.model.base is not None
    manifest = registry.resolve(task, version)
    path = registry.path(task, manifest.version)
    verify_fit(path, model_fingerprint(settings.model.base), settings.task(task), settings.model.profile)
    log.info("warm_start", task=task, parent=manifest.version)
    return manifest


def promote(
    settings: Settings, registry: Registry, task: str, version: str, reason: str, forced: bool, announce_events: bool = True
) -> bool:
    manifest = registry.manifest(task, version)
    previous = registry.promote(task, version, reason, forced)
    log.info("version_promoted", task=task, version=version, previous=previous, forced=forced)
    if not announce_events:
        return False
    return announce(settings, _event("promoted", task, version, previous, manifest.base_fingerprint, reason))


def rollback(
    settings: Settings, registry: Registry, task: str, reason: str, announce_events: bool = True
) -> tuple[str, str, bool]:
    old, new = registry.rollback(task, reason)
    manifest = registry.manifest(task, new)
    log.warning("version_rolled_back", task=task, old=old, new=new, reason=reason)
    sent = (
        announce(settings, _event("rolled_back", task, new, old, manifest.base_fingerprint, reason)) if announce_events else False
    )
    return old, new, sent


def _event(kind: Any, task: str, version: str, previous: str | None, fingerprint: str, reason: str) -> AdapterEvent:
    return AdapterEvent(
        type=kind,
        task=task,
        version=version,
        previous_version=previous,
        base_fingerprint=fingerprint,
        reason=reason,
        at=datetime.now(timezone.utc),
    )
