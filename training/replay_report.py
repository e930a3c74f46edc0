"""The replay report: metrics per version, the comparison, and report.json / report.md.

Metrics come from training.evaluate (scikit-learn, rouge-score), computed on
the items that have ground truth. A comparison reports the agreement rate,
the disagreeing items, and each metric's difference (primary - compared) with
a paired bootstrap 95% confidence interval: the same resampled items score
both versions, so item difficulty cancels out.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from schemas.tasks import TaskKind
from training.evaluate import PRIMARY as PRIMARY_METRIC
from training.evaluate import classification_metrics, rouge_metrics, rouge_per_item
from training.replay import COMPARED, PRIMARY, BadRecord, ItemRow, ReplayRun
from worker.engine import Classification, Summary
from worker.kafka.topic_reader import PartitionRange, SliceSpec

#: Bootstrap resamples for the confidence intervals (seeded: a report is reproducible).
RESAMPLES = 1000
#: Disagreements listed in report.json (all are counted); report.md shows fewer.
MAX_LISTED = 1000


class Latency(BaseModel):
    p50: float
    p95: float
    p99: float
    mean: float
    max: float


class VersionReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ref: str  # TASK@VERSION
    version: str
    adapter: str  # the peft adapter name lineage records
    status: str  # registry status of the version
    registry_metric: dict[str, Any] = Field(description="The primary metric recorded at training time (its own held-out set).")
    items: int
    scored: int = Field(description="Items with ground truth, which the metrics are computed on.")
    failed: int
    metrics: dict[str, Any] | None = Field(description="None without ground truth.")
    items_per_second: float = Field(description="Items over this version's engine time alone.")
    latency_ms: Latency | None = Field(description="Per item: the engine time of the batch it ran in.")


class Disagreement(BaseModel):
    news_id: str
    partition: int
    offset: int
    primary: str
    compared: str
    truth: str | None


class Delta(BaseModel):
    metric: str
    primary: float
    compared: float
    delta: float = Field(description="primary - compared")
    ci_low: float
    ci_high: float


class Comparison(BaseModel):
    primary: str
    compared: str
    items: int
    agreement: float = Field(description="Share of items where both versions gave the same label (summaries: the same text).")
    disagreements: int
    disagreeing_items: list[Disagreement]
    deltas: list[Delta]
    verdict: str


class ReplayReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slice: SliceSpec
    partitions: list[PartitionRange]
    task: str
    kind: TaskKind
    labels: list[str]
    base_model: str
    base_fingerprint: str
    ground_truth: str  # "labels file PATH", "record field NAME" or "none"
    records: int
    items: int
    scored: int
    bad_records: int
    bad: list[BadRecord]
    versions: list[VersionReport]
    comparison: Comparison | None
    to_topic: str | None
    published: int
    wall_seconds: float
    items_per_second: float = Field(description="Items over the whole run (reading, every version, publishing).")
    created_at: datetime
    plots: list[str] = Field(default_factory=list)


# -- per version --------------------------------------------------------------
def _output(result: Classification | Summary | None) -> str | None:
    if isinstance(result, Classification):
        return result.label
    if isinstance(result, Summary):
        return result.text
    return None


def latency(values: list[float]) -> Latency | None:
    if not values:
        return None
    a = np.asarray(values)
    return Latency(
        p50=float(np.percentile(a, 50)),
        p95=float(np.percentile(a, 95)),
        p99=float(np.percentile(a, 99)),
        mean=float(a.mean()),
        max=float(a.max()),
    )


def metrics_of(run: ReplayRun, key: str, rows: list[ItemRow]) -> dict[str, Any] | None:
    if not rows:
        return None
    task = run.task
    outputs = [_output(r.results.get(key)) for r in rows]
    truth = [r.truth or "" for r in rows]
    if task.kind is TaskKind.classify:
        return classification_metrics(list(task.labels), truth, [o if o is not None else "__failed__" for o in outputs])
    return rouge_metrics(truth, [o or "" for o in outputs])


def version_report(run: ReplayRun, index: int) -> VersionReport:
    v = run.versions[index]
    scored = [r for r in run.rows if r.truth is not None]
    seconds = run.engine_seconds.get(v.key, 0.0)
    m = v.manifest
    return VersionReport(
        ref=str(v.ref),
        version=v.ref.version,
        adapter=run.adapter_names[v.key],
        status=m.status.value,
        registry_metric={m.primary_metric: m.metrics.get(m.primary_metric)},
        items=len(run.rows),
        scored=len(scored),
        failed=sum(r.results.get(v.key) is None for r in run.rows),
        metrics=metrics_of(run, v.key, scored),
        items_per_second=len(run.rows) / seconds if seconds > 0 else 0.0,
        latency_ms=latency([r.latency_ms[v.key] for r in run.rows if v.key in r.latency_ms]),
    )


# -- comparison ---------------------------------------------------------------
def _bootstrap_classify(labels: list[str], truth: list[str], a: list[str], b: list[str], rng: np.random.Generator) -> list[Delta]:
    from sklearn.metrics import accuracy_score, f1_score

    def f1(gold: np.ndarray, pred: np.ndarray) -> float:
        return float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))

    def acc(gold: np.ndarray, pred: np.ndarray) -> float:
        return float(accuracy_score(gold, pred))

    t, pa, pb = np.asarray(truth), np.asarray(a), np.asarray(b)
    out = []
    for name, fn in (("macro_f1", f1), ("accuracy", acc)):
        diffs = []
        for _ in range(RESAMPLES):
            idx = rng.integers(0, len(t), len(t))
            diffs.append(fn(t[idx], pa[idx]) - fn(t[idx], pb[idx]))
        va, vb = fn(t, pa), fn(t, pb)
        low, high = np.percentile(diffs, [2.5, 97.5])
        out.append(Delta(metric=name, primary=va, compared=vb, delta=va - vb, ci_low=float(low), ci_high=float(high)))
    return out


def _bootstrap_rouge(truth: list[str], a: list[str], b: list[str], rng: np.random.Generator) -> list[Delta]:
    ra, rb = rouge_per_item(truth, a), rouge_per_item(truth, b)
    out = []
    for name in ("rouge_1", "rouge_2", "rouge_l"):
        diff = np.asarray([x[name] - y[name] for x, y in zip(ra, rb, strict=True)])
        means = [float(diff[rng.integers(0, len(diff), len(diff))].mean()) for _ in range(RESAMPLES)]
        low, high = np.percentile(means, [2.5, 97.5])
        va, vb = float(np.mean([x[name] for x in ra])), float(np.mean([y[name] for y in rb]))
        out.append(Delta(metric=name, primary=va, compared=vb, delta=va - vb, ci_low=float(low), ci_high=float(high)))
    return out


def verdict(primary: str, compared: str, deltas: list[Delta], metric: str, agreement: float, items: int) -> str:
    d = next((d for d in deltas if d.metric == metric), None)
    if d is None:
        return f"no ground truth: {primary} and {compared} agree on {agreement:.1%} of {items} items; no metric to judge by"
    ci = f"{metric} {d.delta:+.4f}, 95% CI [{d.ci_low:+.4f}, {d.ci_high:+.4f}]"
    if d.ci_low > 0:
        return f"{primary} is better than {compared} ({ci})"
    if d.ci_high < 0:
        return f"{primary} is worse than {compared} ({ci})"
    return f"no significant difference between {primary} and {compared} ({ci})"


def comparison(run: ReplayRun, seed: int = 0) -> Comparison | None:
    if len(run.versions) < 2:
        return None
    a_ref, b_ref = (str(v.ref) for v in run.versions)
    both = [r for r in run.rows if r.results.get(PRIMARY) is not None and r.results.get(COMPARED) is not None]
    pairs = [(_output(r.results[PRIMARY]), _output(r.results[COMPARED])) for r in both]
    differ = [r for r, (x, y) in zip(both, pairs, strict=True) if x != y]
    agreement = 1.0 - len(differ) / len(both) if both else 0.0
    scored = [r for r in both if r.truth is not None]
    rng = np.random.default_rng(seed)
    deltas: list[Delta] = []
    if scored:
        truth = [r.truth or "" for r in scored]
        a = [_output(r.results[PRIMARY]) or "" for r in scored]
        b = [_output(r.results[COMPARED]) or "" for r in scored]
        if run.task.kind is TaskKind.classify:
            deltas = _bootstrap_classify(list(run.task.labels), truth, a, b, rng)
        else:
            deltas = _bootstrap_rouge(truth, a, b, rng)
    return Comparison(
        primary=a_ref,
        compared=b_ref,
        items=len(both),
        agreement=agreement,
        disagreements=len(differ),
        disagreeing_items=[
            Disagreement(
                news_id=r.news_id,
                partition=r.partition,
                offset=r.offset,
                primary=_output(r.results[PRIMARY]) or "",
                compared=_output(r.results[COMPARED]) or "",
                truth=r.truth,
            )
            for r in differ[:MAX_LISTED]
        ],
        deltas=deltas,
        verdict=verdict(a_ref, b_ref, deltas, PRIMARY_METRIC[run.task.kind], agreement, len(both)),
    )


def build_report(run: ReplayRun) -> ReplayReport:
    req = run.request
    truth = f"labels file {req.labels}" if req.labels else f"record field {req.label_field}" if req.label_field else "none"
    return ReplayReport(
        slice=req.slice,
        partitions=run.ranges,
        task=run.task.name,
        kind=run.task.kind,
        labels=list(run.task.labels),
        base_model=run.base_model,
        base_fingerprint=run.base_fingerprint,
        ground_truth=truth,
        records=run.records,
        items=len(run.rows),
        scored=sum(r.truth is not None for r in run.rows),
        bad_records=len(run.bad),
        bad=run.bad,
        versions=[version_report(run, i) for i in range(len(run.versions))],
        comparison=comparison(run),
        to_topic=req.to_topic,
        published=run.published,
        wall_seconds=run.wall_seconds,
        items_per_second=len(run.rows) / run.wall_seconds if run.wall_seconds > 0 else 0.0,
        created_at=datetime.now(timezone.utc),
    )


# -- files ----------------------------------------------------------------------
def write_json(report: ReplayReport, out: Path) -> Path:
    path = out / "report.json"
    path.write_text(report.model_dump_json(indent=2) + "\n")
    return path


def _f(value: Any) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def markdown(report: ReplayReport) -> str:
    s = report.slice

    def offset(value: int | dict[int, int] | None, default: str) -> str:
        if isinstance(value, dict):
            return ",".join(f"{p}={o}" for p, o in sorted(value.items()))
        return default if value is None else str(value)

    bounds = (
        f"times from {s.from_time.isoformat() if s.from_time else 'the start'} to {s.to_time.isoformat() if s.to_time else 'the end'} (exclusive)"
        if s.from_time or s.to_time
        else f"offsets from {offset(s.from_offset, 'the start')} to {offset(s.to_offset, 'the end')} (exclusive)"
    )
    lines = [
        f"# Replay of `{s.topic}` — task `{report.task}`",
        "",
        f"- slice: {bounds}; read per partition [start, end): "
        + ", ".join(f"{p.partition}: [{p.start}, {p.end})" for p in report.partitions),
        f"- records read: {report.records}; items replayed: {report.items}; with ground truth: {report.scored} ({report.ground_truth}); "
        f"bad records: {report.bad_records}",
        f"- base model: {report.base_model} ({report.base_fingerprint[:19]}…)",
        f"- wall time: {report.wall_seconds:.1f} s ({report.items_per_second:.1f} items/s overall)",
    ]
    if report.to_topic:
        lines.append(f"- outputs published to `{report.to_topic}`: {report.published} (lineage replay=true)")
    lines += ["", "## Versions", ""]
    primary = PRIMARY_METRIC[report.kind]
    metric_names = ["macro_f1", "accuracy"] if report.kind is TaskKind.classify else ["rouge_1", "rouge_2", "rouge_l"]
    lines.append(
        "| version | status | "
        + " | ".join(metric_names)
        + f" | registry {primary} | items/s | latency p50 / p95 / p99 ms | failed |"
    )
    lines.append("|---" * (len(metric_names) + 6) + "|")
    for v in report.versions:
        values = [_f(v.metrics.get(m)) if v.metrics else "-" for m in metric_names]
        lat = v.latency_ms
        shown = f"{lat.p50:.0f} / {lat.p95:.0f} / {lat.p99:.0f}" if lat else "-"
        lines.append(
            f"| {v.ref} | {v.status} | "
            + " | ".join(values)
            + f" | {_f(v.registry_metric.get(primary))} | {v.items_per_second:.1f} | {shown} | {v.failed} |"
        )
    for v in report.versions:
        if v.metrics and "per_class" in v.metrics:
            lines += ["", f"### {v.ref}: per class", "", "| label | precision | recall | f1 | support |", "|---|---|---|---|---|"]
            for label, m in v.metrics["per_class"].items():
                lines.append(f"| {label} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} | {m['support']} |")
            cm = v.metrics["confusion_matrix"]
            lines += ["", "Confusion matrix (rows: truth, columns: predicted):", "", "| | " + " | ".join(cm["labels"]) + " |"]
            lines.append("|---" * (len(cm["labels"]) + 1) + "|")
            for label, row in zip(cm["labels"], cm["matrix"], strict=True):
                lines.append(f"| **{label}** | " + " | ".join(str(x) for x in row) + " |")
    c = report.comparison
    if c is not None:
        lines += [
            "",
            "## Comparison",
            "",
            f"**{c.verdict}**",
            "",
            f"- agreement: {c.agreement:.2%} of {c.items} items ({c.disagreements} disagree)",
        ]
        if c.deltas:
            lines += ["", f"| metric | {c.primary} | {c.compared} | delta | 95% CI |", "|---|---|---|---|---|"]
            for d in c.deltas:
                lines.append(
                    f"| {d.metric} | {d.primary:.4f} | {d.compared:.4f} | {d.delta:+.4f} | [{d.ci_low:+.4f}, {d.ci_high:+.4f}] |"
                )
        if c.disagreeing_items:
            shown = c.disagreeing_items[:20]
            lines += [
                "",
                f"Disagreeing items (first {len(shown)} of {c.disagreements}; all in report.json up to {MAX_LISTED}):",
                "",
            ]
            lines += ["| news id | partition/offset | " + f"{c.primary} | {c.compared} | truth |", "|---|---|---|---|---|"]
            for d in shown:
                cells = [x.replace("|", "\\|").replace("\n", " ")[:80] for x in (d.primary, d.compared, d.truth or "-")]
                lines.append(f"| {d.news_id} | {d.partition}/{d.offset} | " + " | ".join(cells) + " |")
    if report.bad:
        lines += [
            "",
            f"## Bad records ({report.bad_records})",
            "",
            "| partition/offset | reason | version | message |",
            "|---|---|---|---|",
        ]
        for b in report.bad[:50]:
            lines.append(f"| {b.partition}/{b.offset} | {b.reason} | {b.version or '-'} | {b.message.replace('|', '/')[:120]} |")
    if report.plots:
        lines += ["", "## Plots", ""] + [f"![{p}]({p})" for p in report.plots]
    return "\n".join(lines) + "\n"


def write_markdown(report: ReplayReport, out: Path) -> Path:
    path = out / "report.md"
    path.write_text(markdown(report))
    return path


def summary_line(report: ReplayReport) -> str:
    """The command's last line: counts, then each version's primary metric and speed."""
    parts = [f"records={report.records} items={report.items} scored={report.scored} bad={report.bad_records}"]
    metric = PRIMARY_METRIC[report.kind]
    for v in report.versions:
        value = v.metrics.get(metric) if v.metrics else None
        parts.append(f"{v.ref} {metric}={_f(value) if value is not None else '-'} items_per_s={v.items_per_second:.1f}")
    if report.comparison is not None:
        parts.append(f"agreement={report.comparison.agreement:.4f}")
    if report.to_topic:
        parts.append(f"published={report.published}")
    return " ".join(parts)
