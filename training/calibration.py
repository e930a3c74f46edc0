"""Probabilities that mean what they say: temperature scaling and expected calibration error.

Temperature scaling (Guo et al., 2017, "On Calibration of Modern Neural
Networks") divides the label logits by one scalar T > 0 before the softmax,
T fitted to minimise the negative log-likelihood of held-out labels. Since
every logit is divided by the same positive number the chosen label never
changes: macro-F1 and accuracy are exactly the same before and after.

Bias-corrected temperature scaling (Alexandari et al., 2020, "Maximum
Likelihood with Bias-Corrected Calibration is Hard-To-Beat at Label Shift
Adaptation") adds one bias per label after dividing by T. Training weighs
classes ("balanced" weights), which teaches the model the weighted class
prior instead of the real one: minority labels come out too probable. The
biases, fitted by the same likelihood, give the real prior back, and they do
change chosen labels. Whether a held-out set supports them is decided on
that set itself: both forms are fitted on one half and scored on the other
(both ways), and the biases are kept only when they lower that out-of-fold
NLL; a set too small to split keeps the temperature alone.

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
#: The label biases a fit may choose (logit units): a held-out set a label is
#: entirely right or wrong on would otherwise push its bias without limit.
BIAS_BOUND = 10.0
#: Fewer held-out items than this per label: no biases. Each half would fit a label's bias on
#: fewer than 25 of its items, noise a served label should not move on.
MIN_ITEMS_PER_LABEL_FOR_BIAS = 50

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
    bias: list[float] | None = Field(
        default=None, description="Added to each label's logit after the temperature (the task's label order); None: none."
    )
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


def _scaled(logits: np.ndarray, temperature: float, bias: "np.ndarray | list[float] | None") -> np.ndarray:
    scaled = np.asarray(logits, dtype=np.float64) / temperature
    return scaled + np.asarray(bias, dtype=np.float64) if bias is not None else scaled


def softmax(logits: np.ndarray, temperature: float = 1.0, bias: "np.ndarray | list[float] | None" = None) -> np.ndarray:
    from scipy.special import softmax as _softmax

    return _softmax(_scaled(logits, temperature, bias), axis=-1)


def nll(logits: np.ndarray, gold: np.ndarray, temperature: float = 1.0, bias: "np.ndarray | list[float] | None" = None) -> float:
    """Mean negative log-likelihood of the ``gold`` label indices at ``temperature`` (and ``bias``)."""
    from scipy.special import log_softmax

    if len(gold) == 0:
        return 0.0
    logp = log_softmax(_scaled(logits, temperature, bias), axis=-1)
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


def fit_temperature_and_bias(
    logits: np.ndarray, gold: np.ndarray, bounds: tuple[float, float] = TEMPERATURE_BOUNDS
) -> tuple[float, list[float]]:
    """T and one bias per label minimising the NLL of ``gold``; the first label's bias is 0 (the
    softmax ignores a shift common to all), the others within +-BIAS_BOUND."""
    from scipy.optimize import minimize

    logits = np.asarray(logits, dtype=np.float64)
    k = logits.shape[1]
    if len(gold) == 0 or k < 2:
        return 1.0, [0.0] * k

    def objective(x: np.ndarray) -> float:
        return nll(logits, gold, math.exp(x[0]), np.concatenate([[0.0], x[1:]]))

    start = np.concatenate([[math.log(fit_temperature(logits, gold, bounds))], np.zeros(k - 1)])
    found = minimize(
        objective,
        start,
        method="L-BFGS-B",
        bounds=[(math.log(bounds[0]), math.log(bounds[1]))] + [(-BIAS_BOUND, BIAS_BOUND)] * (k - 1),
    )
    return float(math.exp(found.x[0])), [0.0, *(float(b) for b in found.x[1:])]


def _halves(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return order[::2], order[1::2]


def biases_help(logits: np.ndarray, gold: np.ndarray, seed: int = 0) -> bool:
    """Whether label biases lower the NLL on items they were not fitted on (two halves, both ways)."""
    logits = np.asarray(logits, dtype=np.float64)
    gold = np.asarray(gold, dtype=int)
    k = logits.shape[1]
    if k < 2 or np.bincount(gold, minlength=k).min() < MIN_ITEMS_PER_LABEL_FOR_BIAS:
        return False
    halves = _halves(len(gold), seed)
    with_bias = without = 0.0
    for fit_on, score_on in (halves, halves[::-1]):
        t, b = fit_temperature_and_bias(logits[fit_on], gold[fit_on])
        with_bias += nll(logits[score_on], gold[score_on], t, b) * len(score_on)
        without += nll(logits[score_on], gold[score_on], fit_temperature(logits[fit_on], gold[fit_on])) * len(score_on)
    return with_bias < without


def out_of_fold_choices(logits: np.ndarray, gold: np.ndarray, seed: int = 0) -> np.ndarray:
    """Each item's chosen label index under temperature and biases fitted on the other half: what
    biases fitted on a held-out set would choose on items they never saw (an honest served figure)."""
    logits = np.asarray(logits, dtype=np.float64)
    gold = np.asarray(gold, dtype=int)
    chosen = logits.argmax(axis=-1)
    halves = _halves(len(gold), seed)
    for fit_on, score_on in (halves, halves[::-1]):
        t, b = fit_temperature_and_bias(logits[fit_on], gold[fit_on])
        chosen[score_on] = softmax(logits[score_on], t, b).argmax(axis=-1)
    return chosen


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


def calibrate(
    logits: np.ndarray, gold: np.ndarray, temperature: float | None = None, bias: list[float] | None = None
) -> Calibration:
    """ECE and NLL at T = 1 and as served (``temperature``, ``bias``). ``temperature=None`` fits them on
    these items first: the temperature, and label biases where they help out of fold (biases_help)."""
    logits = np.asarray(logits, dtype=np.float64)
    gold = np.asarray(gold, dtype=int)
    t = temperature
    if t is None:
        t, bias = fit_temperature_and_bias(logits, gold) if biases_help(logits, gold) else (fit_temperature(logits, gold), None)
    return Calibration(
        temperature=t,
        bias=list(bias) if bias is not None else None,
        ece_before=ece(softmax(logits), gold) if len(gold) else 0.0,
        ece_after=ece(softmax(logits, t, bias), gold) if len(gold) else 0.0,
        nll_before=nll(logits, gold),
        nll_after=nll(logits, gold, t, bias),
        items=len(gold),
    )
