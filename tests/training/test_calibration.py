"""Temperature scaling and ECE on synthetic scores whose true calibration is known."""

from __future__ import annotations

import numpy as np
import pytest

from training.calibration import (
    MIN_ITEMS_PER_LABEL_FOR_BIAS,
    TEMPERATURE_BOUNDS,
    calibrate,
    ece,
    logits_from_probabilities,
    out_of_fold_choices,
    reliability,
    softmax,
)


def _sampled(n: int, classes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Logits and labels drawn from softmax(logits): perfectly calibrated at T = 1 by construction."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(n, classes))
    gold = np.array([rng.choice(classes, p=p) for p in softmax(logits)])
    return logits, gold


@pytest.mark.parametrize("true_temperature", [2.5, 0.5])
def test_the_fit_recovers_a_known_temperature_and_the_ece_drops(true_temperature: float) -> None:
    logits, gold = _sampled(6000, 3, seed=7)
    # Scores that are over-confident (T > 1 undoes them) or under-confident (T < 1).
    distorted = logits * true_temperature

    found = calibrate(distorted, gold)

    assert found.temperature == pytest.approx(true_temperature, rel=0.08)
    assert found.ece_before > 0.05 and found.ece_after < 0.02
    assert found.nll_after < found.nll_before
    assert found.items == 6000
    # Calibrated scores need no temperature.
    assert calibrate(logits, gold).temperature == pytest.approx(1.0, rel=0.08)


def test_label_biases_give_back_the_prior_that_class_weights_skewed() -> None:
    logits, gold = _sampled(6000, 3, seed=11)
    # What class-weighted training teaches: p_w(c) proportional to w_c p(c), i.e. log w_c added to
    # the logits; weights 1, 3 and 6 make the two minority labels far too probable.
    weights = np.array([1.0, 3.0, 6.0])
    skewed = logits + np.log(weights)

    found = calibrate(skewed, gold)

    assert found.bias is not None and found.bias[0] == 0.0
    assert found.bias == pytest.approx(list(-np.log(weights)), abs=0.12)
    assert found.temperature == pytest.approx(1.0, rel=0.08)
    assert found.nll_after < found.nll_before and found.ece_after < 0.02 < found.ece_before
    # The biases move chosen labels back: out of fold they choose as the true posterior does.
    accuracy = lambda chosen: float((chosen == gold).mean())  # noqa: E731
    assert accuracy(out_of_fold_choices(skewed, gold)) > accuracy(skewed.argmax(-1)) + 0.02
    assert accuracy(out_of_fold_choices(skewed, gold)) == pytest.approx(accuracy(logits.argmax(-1)), abs=0.01)


def test_biases_are_not_fitted_on_too_few_items_and_stay_near_zero_on_calibrated_scores() -> None:
    logits, gold = _sampled(6000, 3, seed=11)
    few = np.concatenate([np.flatnonzero(gold == c)[: MIN_ITEMS_PER_LABEL_FOR_BIAS - 1] for c in range(3)])
    assert calibrate(logits[few] + np.log([1.0, 3.0, 6.0]), gold[few]).bias is None
    # Scores already calibrated: out of fold, biases help only by chance, and then by little.
    for seed in range(4):
        logits, gold = _sampled(6000, 3, seed=seed)
        found = calibrate(logits, gold)
        assert found.bias is None or max(abs(b) for b in found.bias) < 0.15
        assert found.nll_after == pytest.approx(found.nll_before, abs=0.005)


def test_the_temperature_never_changes_the_chosen_label() -> None:
    logits, _ = _sampled(500, 4, seed=1)
    for t in (0.2, 1.0, 3.0):
        assert (softmax(logits, t).argmax(-1) == logits.argmax(-1)).all()


def test_ece_by_hand() -> None:
    # Confidences 0.9 (right), 0.6 (wrong), 0.7 (right): bins (13/15, 14/15], (8/15, 9/15], (10/15, 11/15].
    probabilities = np.array([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7]])
    gold = np.array([0, 1, 1])
    expected = (abs(1 - 0.9) + abs(0 - 0.6) + abs(1 - 0.7)) / 3
    assert ece(probabilities, gold) == pytest.approx(expected)
    bins = reliability(probabilities, gold)
    assert len(bins) == 15 and sum(b.count for b in bins) == 3
    assert [b.accuracy for b in bins if b.count] == [0.0, 1.0, 1.0]


def test_an_all_right_held_out_set_stops_at_the_lower_bound_and_zero_probabilities_stay_finite() -> None:
    probabilities = np.array([[0.8, 0.2, 0.0], [0.1, 0.7, 0.2], [0.3, 0.0, 0.7]] * 20)
    gold = np.array([0, 1, 2] * 20)
    logits = logits_from_probabilities(probabilities)
    assert np.isfinite(logits).all()
    found = calibrate(logits, gold)
    assert found.temperature == pytest.approx(TEMPERATURE_BOUNDS[0], rel=0.01)
    assert found.ece_after < found.ece_before


def test_nothing_to_calibrate() -> None:
    found = calibrate(np.zeros((0, 3)), np.zeros(0, dtype=int))
    assert found.temperature == 1.0 and found.items == 0 and found.ece_before == 0.0
