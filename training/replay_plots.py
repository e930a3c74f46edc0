"""PNG plots of a replay: a confusion matrix per version, latency, score distributions.

matplotlib with the Agg backend (no display); each plot is one file so a
report.md can embed them and a reviewer can open one at a time.
"""

from __future__ import annotations

from pathlib import Path

from schemas.tasks import TaskKind
from training.evaluate import rouge_per_item
from training.replay import ReplayRun
from training.replay_report import ReplayReport
from worker.engine import Classification, Summary


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")  # before pyplot: never look for a display
    import matplotlib.pyplot as plt

    return plt


def _safe(ref: str) -> str:
    return ref.replace("@", "_").replace("/", "_")


def confusion_plots(report: ReplayReport, out: Path) -> list[Path]:
    plt = _pyplot()
    paths = []
    for v in report.versions:
        if not v.metrics or "confusion_matrix" not in v.metrics:
            continue
        cm = v.metrics["confusion_matrix"]
        labels, matrix = cm["labels"], cm["matrix"]
        fig, ax = plt.subplots(figsize=(1.6 + 1.1 * len(labels), 1.2 + 1.0 * len(labels)))
        image = ax.imshow(matrix, cmap="Blues")
        ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("predicted")
        ax.set_ylabel("truth")
        peak = max((max(row) for row in matrix), default=0)
        for i, row in enumerate(matrix):
            for j, n in enumerate(row):
                ax.text(j, i, str(n), ha="center", va="center", color="white" if n > peak / 2 else "black")
        f1 = v.metrics.get("macro_f1")
        ax.set_title(f"{v.ref}" + (f"  macro-F1 {f1:.3f}" if isinstance(f1, float) else ""), fontsize=9)
        fig.colorbar(image, ax=ax, fraction=0.046)
        fig.tight_layout()
        path = out / f"confusion_{_safe(v.ref)}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        paths.append(path)
    return paths


def _histograms(series: dict[str, list[float]], xlabel: str, bins: int, path: Path) -> Path | None:
    """One overlaid histogram per version; None when there is nothing to draw."""
    if not any(series.values()):
        return None
    plt = _pyplot()
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
