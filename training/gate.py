"""The promotion gate: a candidate becomes current only when it beats the
current version (or the bare base, for a first version) on the same held-out
set by a configured margin, and, for classification, beats the majority-class
predictor on that set: a bare base can score below a constant, so beating it
proves nothing (a collapsed adapter that answers one class everywhere was once
promoted that way)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from training.calibration import Calibration


@dataclass(frozen=True)
class Decision:
    promote: bool
    reason: str


def majority_floor(train_labels: list[str], heldout_labels: list[str], labels: list[str]) -> tuple[str, float]:
    """The training set's most frequent label, and the macro-F1 of predicting it for every held-out item."""
    from training.evaluate import classification_metrics

    majority = max(labels, key=train_labels.count)
    return majority, float(classification_metrics(labels, heldout_labels, [majority] * len(heldout_labels))["macro_f1"])


def judge(
    metric: str,
    candidate: float,
    baseline: float,
    baseline_name: str,
    margin: float,
    force: bool = False,
    floor: tuple[str, float] | None = None,
) -> Decision:
    """``floor``: (what, score) the candidate must beat whatever the baseline scored (the majority-class predictor)."""
    delta = candidate - baseline
    summary = f"{metric} {candidate:.4f} vs {baseline_name} {baseline:.4f} (delta {delta:+.4f}, margin {margin:.4f})"
    if floor is not None and candidate <= floor[1] + margin:
        below = f"does not beat {floor[0]}: {metric} {candidate:.4f} vs {floor[1]:.4f} (margin {margin:.4f})"
        if force:
            return Decision(True, "forced by operator: " + below)
        return Decision(False, below)
    if delta > margin:
        return Decision(True, "beats " + summary)
    if force:
        return Decision(True, "forced by operator: " + summary)
    return Decision(False, "does not beat " + summary)


def calibration_note(candidate: "Calibration", baseline_ece: float, baseline_name: str) -> str:
    """The comparison's calibration line. Not part of the decision: the gate judges the labels the
    model chooses by itself (a temperature never changes one; label biases, when fitted, are
    measured out of fold beside it)."""
    biases = " with label biases" if candidate.bias is not None else ""
    return (
        f"ECE {candidate.ece_after:.4f} at temperature {candidate.temperature:.3f}{biases} "
        f"({candidate.ece_before:.4f} at 1, fitted on this held-out set) vs {baseline_name} {baseline_ece:.4f}"
    )
