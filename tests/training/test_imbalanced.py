"""A small, imbalanced classification set trains out of the box (no collapse to the majority
class), and the gate never promotes a candidate that does not beat the majority-class predictor."""

from __future__ import annotations

import json
import random
from pathlib import Path

from training.data import Example, load_file
from training.finetune import TrainConfig, class_weights
from training.gate import judge, majority_floor
from training.train import label_shares, train_and_register
from worker.config import load_settings
from worker.dev.tiny_model import build_tiny_encoder
from worker.registry import Registry

TASK = {"name": "tone", "kind": "classify", "labels": ["calm", "alarm", "hype"], "output_topic": "news.tone"}
WORDS = {
    "calm": ["steady", "unchanged", "stable", "flat", "quiet"],
    "alarm": ["crash", "panic", "default", "fraud", "collapse"],
    "hype": ["moonshot", "skyrocket", "frenzy", "euphoria", "mania"],
}


def imbalanced(n: int, seed: int = 5) -> list[dict[str, str]]:
    """61% / 31% / 8% of three keyword-marked classes, like the set that once collapsed."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        r = rng.random()
        label = "calm" if r < 0.61 else "alarm" if r < 0.92 else "hype"
        company = rng.choice(["Acme", "Globex", "Initech", "Hooli", "Stark", "Wayne", "Umbrella"])
        filler = rng.choice(["said on Monday", "told investors", "in a filing", "according to analysts"])
        rows.append({"id": f"t{i:04d}", "text": f"{company} {filler}: {rng.choice(WORDS[label])} trading today.", "label": label})
    return rows


def test_the_gate_refuses_a_candidate_that_does_not_beat_the_majority_class() -> None:
    train = ["calm"] * 61 + ["alarm"] * 31 + ["hype"] * 8
    heldout = ["calm"] * 12 + ["alarm"] * 6 + ["hype"] * 2
    what, floor = majority_floor(train, heldout, ["calm", "alarm", "hype"])
    assert what == "calm" and 0.2 < floor < 0.3
    # A constant classifier scores exactly the floor, and a weak bare base (0.18) must not let it through.
    decision = judge(
        "macro_f1", floor, 0.18, "the bare base", margin=0.0, floor=(f"the majority-class predictor ({what})", floor)
    )
    assert not decision.promote and "majority-class predictor" in decision.reason
    assert judge("macro_f1", 0.61, 0.18, "the bare base", 0.0, floor=("majority", floor)).promote


def test_class_weights_are_balanced() -> None:
    settings = load_settings(tasks=[TASK])

    examples = [Example(id=str(i), text="x", label=label) for i, label in enumerate(["calm"] * 6 + ["alarm"] * 3 + ["hype"])]
    weights = class_weights(settings.task("tone"), examples)
    assert weights["hype"] > weights["alarm"] > weights["calm"]
    assert abs(sum(weights[e.label or ""] for e in examples) / len(examples) - 1.0) < 1e-9


def test_a_small_imbalanced_set_trains_well_above_the_majority_baseline(tmp_path: Path) -> None:
    base = build_tiny_encoder(tmp_path / "encoder")
    data = tmp_path / "tone.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in imbalanced(300)))
    settings = load_settings(model={"base": base, "profile": "encoder", "max_input_tokens": 32}, tasks=[TASK])
    registry = Registry(tmp_path / "registry")
    # The defaults, except a higher rate for a tiny random-weight encoder, and a pinned seed: this
    # tiny set is seed-sensitive (length-grouped batches, the default: seeds 1, 3, 4, 5 of 0-5 pass;
    # random order: seed 0 only).
    cfg = TrainConfig(learning_rate=5e-3, batch_size=16, epochs=6, max_input_tokens=32, seed=1)
    outcome = train_and_register(
        settings,
        "tone",
        load_file(data, settings.task("tone")),
        str(data),
        registry,
        cfg,
        0.25,
        margin=0.0,
        announce_events=False,
    )
    metrics = outcome.manifest.metrics
    majority = metrics["majority_baseline"]["macro_f1"]
    assert majority < 0.3
    assert metrics["macro_f1"] > majority + 0.35, metrics
    # Every class is predicted for some held-out item: no collapse.
    confusion = metrics["confusion_matrix"]["matrix"]
    assert all(sum(row[j] for row in confusion) > 0 for j in range(3)), confusion
    assert outcome.promoted, outcome.reason
    # The class prior the label biases give back is the held-out part's, and the manifest says so.
    manifest = outcome.manifest
    if manifest.label_bias is None:
        assert manifest.label_bias_prior is None
    else:
        shares = metrics["per_class"]
        total = sum(c["support"] for c in shares.values())
        assert manifest.label_bias_prior == {k: round(c["support"] / total, 4) for k, c in shares.items()}


def test_the_prior_a_manifest_records_is_each_labels_share() -> None:
    examples = [Example(id=str(i), text="x", label=label) for i, label in enumerate(["calm"] * 6 + ["alarm"] * 3 + ["hype"])]
    assert label_shares(examples, ["calm", "alarm", "hype", "panic"]) == {"calm": 0.6, "alarm": 0.3, "hype": 0.1, "panic": 0.0}
