"""The PNG plots replay and evaluation reports share: a confusion matrix and a reliability diagram.

matplotlib with the Agg backend (no display); each plot is one file so a
report.md can embed them and a reviewer can open one at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from training.calibration import ReliabilityBin


def pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")  # before pyplot: never look for a display
    import matplotlib.pyplot as plt

    return plt


def confusion_plot(confusion: dict[str, Any], title: str, path: Path) -> Path:
    """A confusion matrix ({"labels", "matrix"} as training.evaluate gives it) as a PNG; rows are the truth."""
    plt = pyplot()
    labels, matrix = confusion["labels"], confusion["matrix"]
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
    ax.set_title(title, fontsize=9)
    fig.colorbar(image, ax=ax, fraction=0.046)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def reliability_plot(served: list[ReliabilityBin], title: str, path: Path, before: list[ReliabilityBin] | None = None) -> Path:
    """Accuracy per confidence bin (bars) against the diagonal a calibrated model sits on, with each
    bin's item count; ``before``: the same items' bins at temperature 1, drawn as a line."""
    plt = pyplot()
    fig, (ax, counts) = plt.subplots(2, 1, figsize=(5.5, 6), sharex=True, height_ratios=[3, 1])
    width = served[0].upper - served[0].lower if served else 1.0
    filled = [b for b in served if b.count]
    ax.bar(
        [b.lower for b in filled],
        [b.accuracy or 0.0 for b in filled],
        width=width,
        align="edge",
        edgecolor="black",
        alpha=0.75,
        label="accuracy (as served)",
    )
    ax.bar(
        [b.lower for b in filled],
        [(b.confidence or 0.0) - (b.accuracy or 0.0) for b in filled],
        bottom=[b.accuracy or 0.0 for b in filled],
        width=width,
        align="edge",
        color="tab:red",
        alpha=0.3,
        label="gap to mean confidence",
    )
    if before is not None:
        shown = [b for b in before if b.count]
        ax.plot(
            [b.confidence for b in shown],
            [b.accuracy for b in shown],
            "o--",
            color="tab:gray",
            label="at temperature 1",
        )
    ax.plot([0, 1], [0, 1], color="black", linewidth=1, label="calibrated")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_ylabel("accuracy")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=7, loc="upper left")
    counts.bar([b.lower for b in served], [b.count for b in served], width=width, align="edge", edgecolor="black")
    counts.set_xlabel("confidence (probability of the chosen label)")
    counts.set_ylabel("items")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
