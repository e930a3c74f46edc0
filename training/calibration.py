"""Probabilities that mean what they say: temperature scaling and expected calibration error.

Temperature scaling (Guo et al., 2017, "On Calibration of Modern Neural
Networks") divides the label logits by one scalar T > 0 before the softmax,
T fitted to minimise the negative log-likelihood of held-out labels. One
parameter cannot overfit a held-out set of a hundred items the way a
per-class or binned recalibration would, and since every logit is divided
by the same positive number the chosen label never changes: macro-F1 and
accuracy are exactly the same before and after.

The engine's classification gives per-label probabilities normalized over
the task's labels; their logarithms are the label logits up to a per-row
constant, which the softmax ignores, so ``log p`` is what T is fitted on.

ECE (expected calibration error): the top label's confidence in 15
equal-width bins over [0, 1]; the item-weighted mean gap between each bin's
accuracy and its mean confidence.
"""

from __future__ import annotations

import math

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

ECE_BINS = 15
#: The temperatures a fit may choose. A held-out set the adapter gets entirely
#: right drives the NLL optimum towards T -> 0 (ever sharper); the bounds stop
#: that at a finite, still useful sharpening.
TEMPERATURE_BOUNDS = (0.05, 20.0)


class ReliabilityBin(BaseModel):
    """One confidence bin of a reliability diagram: (lower, upper], its items, mean confidence and accuracy."""

    model_config = ConfigDict(frozen=True)

    lower: float
    upper: float
    count: int = Field(ge=0)
    confidence: float | None = Field(description="Mean top-label probability of the bin's items; None when empty.")
    accuracy: float | None = Field(description="Fraction of the bin's items whose top label is right; None when empty.")


class Calibration(BaseModel):
    """Calibration of a classifier's label probabilities on a labelled set, without and with its temperature."""

    model_config = ConfigDict(frozen=True)

    temperature: float = Field(gt=0, description="Divides the label logits before the softmax; 1 leaves them as they are.")
    ece_before: float = Field(description="ECE of the probabilities at T = 1 (15 equal-width bins).")
    ece_after: float = Field(description="ECE of the probabilities at ``temperature``.")
    nll_before: float = Field(description="Mean negative log-likelihood of the true labels at T = 1.")
    nll_after: float = Field(description="Mean negative log-likelihood of the true labels at ``temperature``.")
    items: int = Field(ge=0, description="Items it was measured on (classified items with a label).")

    def figures(self) -> dict[str, float]:
        """The figures a manifest's metrics and a report carry."""
        return {"temperature": self.temperature, "ece_before": self.ece_before, "ece_after": self.ece_after}


def logits_from_probabilities(probabilities: np.ndarray) -> np.ndarray:
    """``log p``, a zero probability (float32 underflow in the engine) clipped to the smallest positive float."""
    return np.log(np.clip(np.asarray(probabilities, dtype=np.float64), np.finfo(np.float64).tiny, None))


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    from scipy.special import softmax as _softmax

    return _softmax(np.asarray(logits, dtype=np.float64) / temperature, axis=-1)


def nll(logits: np.ndarray, gold: np.ndarray, temperature: float = 1.0) -> float:
    """Mean negative log-likelihood of the ``gold`` label indices at ``temperature``."""
    from scipy.special import log_softmax

    if len(gold) == 0:
        return 0.0
    logp = log_softmax(np.asarray(logits, dtype=np.float64) / temperature, axis=-1)
    return float(-logp[np.arange(len(gold)), gold].mean())


def fit_temperature(logits: np.ndarray, gold: np.ndarray, bounds: tuple[float, float] = TEMPERATURE_BOUNDS) -> float:
    """The T in ``bounds`` that minimises the NLL of ``gold`` (searched on log T: scale-free and always > 0)."""
    from scipy.optimize import minimize_scalar

    if len(gold) == 0:
        return 1.0
    found = minimize_scalar(
        lambda log_t: nll(logits, gold, math.exp(log_t)),
        bounds=(math.log(bounds[0]), math.log(bounds[1])),
        method="bounded",
        options={"xatol": 1e-4},
    )
    return float(math.exp(found.x))


def reliability(probabilities: np.ndarray, gold: np.ndarray, bins: int = ECE_BINS) -> list[ReliabilityBin]:
    """Top-label confidence vs accuracy in ``bins`` equal-width bins over (0, 1]."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    confidence = probabilities.max(axis=-1) if len(gold) else np.zeros(0)
    correct = (probabilities.argmax(axis=-1) == gold) if len(gold) else np.zeros(0, dtype=bool)
    # Bin b holds (b/bins, (b+1)/bins]; a confidence of exactly 0 joins the first bin.
    index = np.clip(np.ceil(confidence * bins).astype(int) - 1, 0, bins - 1)
    rows = []
    for b in range(bins):
        members = index == b
        count = int(members.sum())
        rows.append(
            ReliabilityBin(
                lower=b / bins,
                upper=(b + 1) / bins,
                count=count,
                confidence=float(confidence[members].mean()) if count else None,
                accuracy=float(correct[members].mean()) if count else None,
            )
        )
    return rows


def ece_of_bins(rows: list[ReliabilityBin]) -> float:
    total = sum(r.count for r in rows)
    if not total:
        return 0.0
    return sum(r.count / total * abs((r.accuracy or 0.0) - (r.confidence or 0.0)) for r in rows if r.count)


def ece(probabilities: np.ndarray, gold: np.ndarray, bins: int = ECE_BINS) -> float:
    """Expected calibration error of the top label (``bins`` equal-width bins)."""
    return ece_of_bins(reliability(probabilities, gold, bins))


def calibrate(logits: np.ndarray, gold: np.ndarray, temperature: float | None = None) -> Calibration:
    """ECE and NLL at T = 1 and at ``temperature``; ``None`` fits the temperature on these items first."""
    logits = np.asarray(logits, dtype=np.float64)
    gold = np.asarray(gold, dtype=int)
    t = fit_temperature(logits, gold) if temperature is None else temperature
    return Calibration(
        temperature=t,
        ece_before=ece(softmax(logits), gold) if len(gold) else 0.0,
        ece_after=ece(softmax(logits, t), gold) if len(gold) else 0.0,
        nll_before=nll(logits, gold),
        nll_after=nll(logits, gold, t),
        items=len(gold),
    )
