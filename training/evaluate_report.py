"""The report of `finnews evaluate`: report.json (EvaluationReport), report.md and PNG plots.

Every figure comes from training.evaluate, the code the promotion gate
judges with, so a report's macro-F1 or ROUGE-L means what a manifest's does.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from schemas.tasks import TaskKind
from training.calibration import Calibration, ReliabilityBin
from training.evaluate import PRIMARY, calibration_for, grounding_per_item, metrics_for, reliability_for, rouge_per_item
from training.evaluate_run import EvaluationRun
from training.plots import confusion_plot, reliability_plot
from worker.engine import Classification, Summary

#: Ungrounded or looping summaries listed in report.json (all are counted); report.md shows fewer.
MAX_LISTED = 200


class FlaggedSummary(BaseModel):
    """A summary the worker's checks flag: not grounded in its story (the words it cannot support), or looping."""

    id: str
    summary: str
    reference: str
    unsupported: list[str]
    looping: bool


class EvaluationReport(BaseModel):
    """report.json of `finnews evaluate`."""

    model_config = ConfigDict(extra="forbid")

    task: str
    kind: TaskKind
    labels: list[str]
    adapter: str = Field(description="TASK@VERSION of a registry version, an adapter folder, or the bare base.")
    version: str = Field(description="The version lineage records for it.")
    adapter_name: str = Field(description="The peft adapter name it was loaded as.")
    registry_metrics: dict[str, Any] | None = Field(description="The manifest's held-out metrics at training time, if any.")
    base_model: str
    base_fingerprint: str
    data: str = Field(description="The labelled file, with the label map and limit it was read with.")
    examples: int
    failed: int = Field(description="Items the engine failed on (scored as wrong / empty).")
    metrics: dict[str, Any] = Field(description="training.evaluate.metrics_for: the figures the promotion gate computes.")
    primary_metric: str
    temperature: float | None = Field(description="Classification: the temperature the engine served at (the manifest's).")
    calibration: Calibration | None = Field(description="Classification: ECE and NLL at temperature 1 and as served.")
    reliability: list[ReliabilityBin] = Field(default_factory=list, description="Confidence bins as served.")
    reliability_before: list[ReliabilityBin] = Field(default_factory=list, description="The same bins at temperature 1.")
    flagged: list[FlaggedSummary] = Field(default_factory=list, description="Summaries: ungrounded or looping ones.")
    seconds: float
    items_per_second: float
    created_at: datetime
    plots: list[str] = Field(default_factory=list)


def _flagged(run: EvaluationRun) -> list[FlaggedSummary]:
    from worker.faithfulness.grounding import is_looping

    texts = [r.text if isinstance(r, Summary) else None for r in run.results]
    checks = grounding_per_item([e.text for e in run.examples], texts)
    out = []
    for example, text, check in zip(run.examples, texts, checks, strict=True):
        if text is None or check is None:
            continue
        looping = is_looping(text)
        if check.grounded and not looping:
            continue
        out.append(
            FlaggedSummary(
                id=example.id, summary=text, reference=example.summary or "", unsupported=list(check.unsupported), looping=looping
            )
        )
    return out


def build_report(run: EvaluationRun) -> EvaluationReport:
    spec, request = run.spec, run.request
    data = str(request.data)
    if request.label_map:
        data += " label-map " + ",".join(f"{a}={b}" for a, b in request.label_map.items())
    if request.limit:
        data += f" limit {request.limit} seed {request.seed}"
    classify = spec.kind is TaskKind.classify
    before, served = reliability_for(spec, run.examples, run.results, run.temperature, run.bias) if classify else ([], [])
    manifest = run.subject.manifest
    return EvaluationReport(
        task=spec.name,
        kind=spec.kind,
        labels=list(spec.labels),
        adapter=run.subject.name,
        version=run.version,
        adapter_name=run.adapter_name,
        registry_metrics=manifest.metrics if manifest is not None else None,
        base_model=run.base_model,
        base_fingerprint=run.base_fingerprint,
        data=data,
        examples=len(run.examples),
        failed=sum(r is None for r in run.results),
        metrics=metrics_for(spec, run.examples, run.results, run.temperature, run.bias),
        primary_metric=PRIMARY[spec.kind],
        temperature=run.temperature if classify else None,
        calibration=calibration_for(spec, run.examples, run.results, run.temperature, run.bias) if classify else None,
        reliability=served,
        reliability_before=before,
        flagged=_flagged(run)[:MAX_LISTED] if not classify else [],
        seconds=run.seconds,
        items_per_second=len(run.examples) / run.seconds if run.seconds > 0 else 0.0,
        created_at=datetime.now(timezone.utc),
    )


def write_plots(report: EvaluationReport, out: Path) -> list[Path]:
    """Classification: the confusion matrix and the reliability diagram (ECE in its title)."""
    if report.kind is not TaskKind.classify:
        return []
    f1 = report.metrics["macro_f1"]
    paths = [confusion_plot(report.metrics["confusion_matrix"], f"{report.adapter}  macro-F1 {f1:.3f}", out / "confusion.png")]
    cal = report.calibration
    if cal is not None and cal.items:
        biases = " with label biases" if cal.bias is not None else ""
        title = f"{report.adapter}: ECE {cal.ece_after:.3f} at temperature {cal.temperature:.2f}{biases}"
        if abs(cal.temperature - 1.0) > 1e-9 or cal.bias is not None:
            title += f" ({cal.ece_before:.3f} at 1)"
        paths.append(reliability_plot(report.reliability, title, out / "reliability.png", report.reliability_before))
    return paths


def _f(value: Any) -> str:
    return f"{value:.4f}" if isinstance(value, float) else "-" if value is None else str(value)


def _cell(text: str, width: int = 100) -> str:
    return text.replace("|", "\\|").replace("\n", " ")[:width]


def markdown(report: EvaluationReport) -> str:
    m = report.metrics
    lines = [
        f"# Evaluation of `{report.adapter}` — task `{report.task}` ({report.kind.value})",
        "",
        f"- data: {report.data}; examples: {report.examples}; failed: {report.failed}",
        f"- adapter: {report.adapter_name} (version {report.version}); base model: {report.base_model} "
        f"({report.base_fingerprint[:19]}…)",
        f"- engine time: {report.seconds:.1f} s ({report.items_per_second:.1f} items/s)",
    ]
    if report.registry_metrics is not None:
        recorded = report.registry_metrics.get(report.primary_metric)
        line = f"- at training time, on its own held-out set: {report.primary_metric} {_f(recorded)}"
        as_served = report.registry_metrics.get("as_served")
        if isinstance(as_served, dict) and report.primary_metric in as_served:
            line += f" (the model's own labels; {_f(as_served[report.primary_metric])} with its label biases, out of fold)"
        lines.append(line)
    lines += ["", "## Metrics", ""]
    if report.kind is TaskKind.classify:
        cal = report.calibration
        lines += [
            "| macro-F1 | accuracy | temperature | ECE as served | ECE at temperature 1 | NLL as served | NLL at 1 |",
            "|---|---|---|---|---|---|---|",
            f"| {_f(m['macro_f1'])} | {_f(m['accuracy'])} | {_f(report.temperature)} | "
            + (
                f"{_f(cal.ece_after)} | {_f(cal.ece_before)} | {_f(cal.nll_after)} | {_f(cal.nll_before)} |"
                if cal
                else "- | - | - | - |"
            ),
            "",
            "ECE: 15 equal-width bins of the chosen label's probability; the temperature divides the label",
            "logits before the softmax, so by itself it changes no chosen label.",
            "",
            *(
                [
                    "Label biases, added to the logits after the temperature (they give back the class prior that",
                    "class-weighted training skews, and can change chosen labels): "
                    + ", ".join(f"{label} {b:+.3f}" for label, b in zip(report.labels, cal.bias, strict=True)),
                    "",
                ]
                if cal is not None and cal.bias is not None
                else []
            ),
            "### Per class",
            "",
            "| label | precision | recall | f1 | support |",
            "|---|---|---|---|---|",
        ]
        for label, row in m["per_class"].items():
            lines.append(f"| {label} | {row['precision']:.4f} | {row['recall']:.4f} | {row['f1']:.4f} | {row['support']} |")
        cm = m["confusion_matrix"]
        lines += ["", "### Confusion matrix (rows: truth, columns: predicted)", "", "| | " + " | ".join(cm["labels"]) + " |"]
        lines.append("|---" * (len(cm["labels"]) + 1) + "|")
        for label, row in zip(cm["labels"], cm["matrix"], strict=True):
            lines.append(f"| **{label}** | " + " | ".join(str(x) for x in row) + " |")
        if report.reliability:
            lines += [
                "",
                "### Reliability (as served)",
                "",
                "| confidence | items | mean confidence | accuracy |",
                "|---|---|---|---|",
            ]
            for b in report.reliability:
                if b.count:
                    lines.append(f"| ({b.lower:.2f}, {b.upper:.2f}] | {b.count} | {_f(b.confidence)} | {_f(b.accuracy)} |")
    else:
        lines += [
            "| ROUGE-1 | ROUGE-2 | ROUGE-L | grounded | looping |",
            "|---|---|---|---|---|",
            f"| {_f(m['rouge_1'])} | {_f(m['rouge_2'])} | {_f(m['rouge_l'])} | {m['grounding_rate']:.2%} | {m['looping_rate']:.2%} |",
            *(
                [f"| lead: {_f(m['lead']['rouge_1'])} | {_f(m['lead']['rouge_2'])} | {_f(m['lead']['rouge_l'])} | | |"]
                if "lead" in m
                else []
            ),
            "",
            "Lead: the story's own lead cut at 20 words (dateline and asides dropped), the baseline a headline model must beat.",
            "ROUGE: F-measures against the reference summaries (stemmed). Grounded: every fact of the summary",
            "(numbers, periods, months, tickers, names) is in its story; looping: the summary repeats itself",
            "(worker.faithfulness.grounding, the worker's own checks).",
        ]
        if report.flagged:
            shown = report.flagged[:20]
            lines += [
                "",
                f"### Flagged summaries (first {len(shown)}; report.json lists up to {MAX_LISTED})",
                "",
                "| id | summary | unsupported | looping |",
                "|---|---|---|---|",
            ]
            for f in shown:
                lines.append(
                    f"| {f.id} | {_cell(f.summary)} | {_cell(', '.join(f.unsupported), 60)} | {'yes' if f.looping else ''} |"
                )
    if report.plots:
        lines += ["", "## Plots", ""] + [f"![{p}]({p})" for p in report.plots]
    return "\n".join(lines) + "\n"


class Prediction(BaseModel):
    """One item of predictions.jsonl: what the engine made of it beside the reference."""

    model_config = ConfigDict(frozen=True)

    id: str
    reference: str = Field(description="The file's label or summary.")
    output: str | None = Field(description="The chosen label or the headline; None where the item failed.")
    scores: dict[str, float] | None = Field(default=None, description="Classification: the label probabilities as served.")
    rouge_1: float | None = None
    rouge_l: float | None = None
    grounded: bool | None = None
    unsupported: list[str] = Field(default_factory=list)
    looping: bool | None = None
    headline_source: str | None = Field(default=None, description="model, regenerated or extractive (the grounding policy).")
    support: float | None = Field(default=None, description="The headline judge's probability that the story supports it.")


def predictions(run: EvaluationRun) -> list[Prediction]:
    """Every item's output beside its reference, in the file's order (for error analysis)."""
    summaries = [r.text if isinstance(r, Summary) else None for r in run.results]
    references = [e.summary or "" for e in run.examples]
    rouge = rouge_per_item(references, [t or "" for t in summaries]) if run.spec.kind is TaskKind.summarize else None
    rows = []
    for i, (example, result) in enumerate(zip(run.examples, run.results, strict=True)):
        if isinstance(result, Classification):
            rows.append(Prediction(id=example.id, reference=example.label or "", output=result.label, scores=result.scores))
        elif isinstance(result, Summary) and rouge is not None:
            rows.append(
                Prediction(
                    id=example.id,
                    reference=references[i],
                    output=result.text,
                    rouge_1=rouge[i]["rouge_1"],
                    rouge_l=rouge[i]["rouge_l"],
                    grounded=result.grounded,
                    unsupported=list(result.unsupported),
                    looping=result.looping,
                    headline_source=result.headline_source,
                    support=result.support,
                )
            )
        else:
            rows.append(Prediction(id=example.id, reference=example.label or example.summary or "", output=None))
    return rows


def save(run: EvaluationRun, out: Path) -> EvaluationReport:
    """Build the report and write report.json, report.md, predictions.jsonl and the PNG plots into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    report = build_report(run)
    report.plots = [p.name for p in write_plots(report, out)]
    (out / "report.json").write_text(report.model_dump_json(indent=2) + "\n")
    (out / "report.md").write_text(markdown(report))
    (out / "predictions.jsonl").write_text("".join(row.model_dump_json() + "\n" for row in predictions(run)))
    return report


def summary_line(report: EvaluationReport) -> str:
    """The command's last line: the primary metric, and calibration or the summary checks."""
    m = report.metrics
    parts = [
        f"{report.adapter} examples={report.examples} failed={report.failed} {report.primary_metric}={_f(m[report.primary_metric])}"
    ]
    if report.calibration is not None:
        c = report.calibration
        biases = " label_bias=" + ",".join(f"{b:+.3f}" for b in c.bias) if c.bias is not None else ""
        parts.append(f"temperature={c.temperature:.3f}{biases} ece={c.ece_after:.4f} ece_at_1={c.ece_before:.4f}")
    elif report.kind is TaskKind.summarize:
        parts.append(f"grounding_rate={m['grounding_rate']:.4f} looping_rate={m['looping_rate']:.4f}")
        if "lead" in m:
            parts.append(f"rouge_1={_f(m['rouge_1'])} lead_rouge_1={_f(m['lead']['rouge_1'])}")
    return " ".join(parts)
