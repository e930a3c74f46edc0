"""PNG plots of a replay: a confusion matrix per version, latency, score distributions.

matplotlib with the Agg backend (no display); each plot is one file so a
report.md can embed them and a reviewer can open one at a time.
"""

from __future__ import annotations

from pathlib import Path

from schemas.tasks import TaskKind
from training.evaluate import rouge_per_item
from training.plots import confusion_plot, pyplot
from training.replay import ReplayRun
from training.replay_report import ReplayReport
from worker.engine import Classification, Summary


def _safe(ref: str) -> str:
    return ref.replace("@", "_").replace("/", "_")


def confusion_plots(report: ReplayReport, out: Path) -> list[Path]:
    paths = []
    for v in report.versions:
        if not v.metrics or "confusion_matrix" not in v.metrics:
            continue
        f1 = v.metrics.get("macro_f1")
        title = f"{v.ref}" + (f"  macro-F1 {f1:.3f}" if isinstance(f1, float) else "")
        paths.append(confusion_plot(v.metrics["confusion_matrix"], title, out / f"confusion_{_safe(v.ref)}.png"))
    return paths


def _histograms(series: dict[str, list[float]], xlabel: str, bins: int, path: Path) -> Path | None:
    """One overlaid histogram per version; None when there is nothing to draw."""
    if not any(series.values()):
        return None
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for name, values in series.items():
        ax.hist(values, bins=bins, alpha=0.6, label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("items")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def latency_plot(run: ReplayRun, out: Path) -> Path | None:
    series = {str(v.ref): [r.latency_ms[v.key] for r in run.rows if v.key in r.latency_ms] for v in run.versions}
    return _histograms(series, "latency per item, ms (engine time of its batch)", 30, out / "latency.png")


def score_plot(run: ReplayRun, out: Path) -> Path | None:
    """Classification: the chosen label's probability; summarization: ROUGE-L per item, else output length."""
    series: dict[str, list[float]] = {}
    xlabel = ""
    for v in run.versions:
        results = [(r, r.results.get(v.key)) for r in run.rows]
        if run.task.kind is TaskKind.classify:
            series[str(v.ref)] = [res.scores[res.label] for _, res in results if isinstance(res, Classification)]
            xlabel = "probability of the chosen label"
            continue
        done = [(r, res) for r, res in results if isinstance(res, Summary)]
        scored = [(r, res) for r, res in done if r.truth is not None]
        if scored:
            per_item = rouge_per_item([r.truth or "" for r, _ in scored], [res.text for _, res in scored])
            series[str(v.ref)] = [p["rouge_l"] for p in per_item]
            xlabel = "ROUGE-L per item"
        else:
            series[str(v.ref)] = [float(res.output_tokens) for _, res in done]
            xlabel = "summary length, tokens"
    return _histograms(series, xlabel, 20, out / "scores.png")


def write_plots(run: ReplayRun, report: ReplayReport, out: Path) -> list[Path]:
    paths = confusion_plots(report, out)
    paths += [p for p in (latency_plot(run, out), score_plot(run, out)) if p is not None]
    return paths
