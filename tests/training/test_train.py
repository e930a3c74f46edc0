"""QLoRA training learns; the gate promotes a better version and rejects a worse one."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from schemas.adapters import VersionStatus
from training.data import DataError, load_file, load_files
from training.finetune import TrainConfig
from training.train import train_and_register
from worker.config import Settings, load_settings
from worker.registry import Registry, RegistryError

UP = ["soared", "rallied", "jumped", "surged", "climbed", "beat estimates", "posted record profit", "raised guidance"]
DOWN = ["plunged", "slumped", "tumbled", "sank", "fell sharply", "missed estimates", "posted a heavy loss", "cut guidance"]
ALL_LINEAR = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def separable(n: int) -> list[dict[str, str]]:
    rng = random.Random(3)
    rows = []
    for i in range(n):
        label = "up" if i % 2 == 0 else "down"
        verb = rng.choice(UP if label == "up" else DOWN)
        company = rng.choice(["Acme", "Globex", "Initech", "Hooli", "Stark", "Wayne"])
        rows.append(
            {"id": f"s{i:03d}", "text": f"{company} shares {verb} on {rng.choice(['Monday', 'Friday'])}.", "label": label}
        )
    return rows


def _settings(model_dir: Path) -> Settings:
    return load_settings(
        model={"base": model_dir, "max_input_tokens": 64},
        tasks=[{"name": "move", "kind": "classify", "labels": ["up", "down"], "output_topic": "news.move"}],
    )


def test_learns_a_separable_task_and_the_gate_judges_versions(tiny_model_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "move.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in separable(160)))
    settings = _settings(tiny_model_dir)
    examples = load_file(data, settings.task("move"))
    registry = Registry(tmp_path / "registry")
    cfg = TrainConfig(target_modules=ALL_LINEAR, learning_rate=3e-3, batch_size=8, max_steps=150, max_input_tokens=64, seed=0)

    first = train_and_register(settings, "move", examples, str(data), registry, cfg, 0.2, margin=0.05, announce_events=False)
    metrics = first.manifest.metrics
    assert metrics["baseline"]["version"] == "base" and metrics["baseline"]["macro_f1"] < 0.6  # not before
    assert metrics["macro_f1"] > 0.9  # after
    assert first.promoted and registry.current("move") == "v0001"
    manifest = first.manifest
    assert manifest.status is VersionStatus.promoted and manifest.data.heldout_count == 32
    assert set(manifest.files) == {"adapter_model.safetensors", "adapter_config.json"}
    assert manifest.hyperparameters["target_modules"] == ALL_LINEAR and manifest.training_seconds
    assert metrics["confusion_matrix"]["labels"] == ["up", "down"] and set(metrics["per_class"]) == {"up", "down"}

    # One step of training cannot beat v0001 on the same held-out set: rejected, kept, not current.
    worse = train_and_register(
        settings,
        "move",
        examples,
        str(data),
        registry,
        TrainConfig(target_modules=ALL_LINEAR, max_steps=1, batch_size=8, max_input_tokens=64),
        0.2,
        margin=0.05,
        announce_events=False,
    )
    assert not worse.promoted and worse.manifest.version == "v0002"
    assert worse.manifest.status is VersionStatus.rejected and "does not beat" in worse.manifest.status_reason
    assert worse.manifest.metrics["baseline"]["version"] == "v0001"
    assert worse.manifest.data.heldout_digest == manifest.data.heldout_digest  # the same held-out set
    assert registry.current("move") == "v0001"

    # The same one step, warm-started from v0001: it starts from v0001's weights (its LoRA shape,
    # not this config's default modules), so it scores like v0001, where the cold step did not.
    warm = train_and_register(
        settings,
        "move",
        examples,
        str(data),
        registry,
        TrainConfig(max_steps=1, batch_size=8, learning_rate=1e-6, max_input_tokens=64),
        0.2,
        margin=0.05,
        announce_events=False,
        init_from="current",
    )
    assert warm.manifest.version == "v0003" and warm.manifest.parent_version == "v0001"
    assert warm.manifest.metrics["macro_f1"] > 0.9 > worse.manifest.metrics["macro_f1"]
    assert warm.manifest.hyperparameters["init_from"] == "move@v0001"
    assert set(warm.manifest.hyperparameters["target_modules"]) == set(ALL_LINEAR)
    with pytest.raises(RegistryError, match="v0042"):
        train_and_register(
            settings, "move", examples, str(data), registry, cfg, 0.2, 0.05, announce_events=False, init_from="v0042"
        )


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "empty"),
        ([{"id": "a", "text": "t"}], "unlabelled"),
        ([{"id": "a", "text": "t", "label": "sideways"}], "not one of task 'move'"),
        (["not json"], "not a {id, text, label|summary} record"),
    ],
)
def test_unusable_data_is_refused_with_a_clear_error(
    tmp_path: Path, tiny_model_dir: Path, lines: list[object], message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("".join((json.dumps(x) if isinstance(x, dict) else str(x)) + "\n" for x in lines))
    with pytest.raises(DataError, match=message):
        load_file(path, _settings(tiny_model_dir).task("move"))


def test_several_files_train_as_one_set_less_the_texts_of_an_evaluation_set(tmp_path: Path, tiny_model_dir: Path) -> None:
    """Twitter plus PhraseBank less its all-agree sentences: labels renamed in every file, ids unique across
    them, and an evaluation set's texts kept out even where its copy differs in spacing, case, punctuation
    or a damaged non-ASCII character."""
    task = _settings(tiny_model_dir).task("move")
    tweets, sentences, held = tmp_path / "tweets.jsonl", tmp_path / "sentences.jsonl", tmp_path / "allagree.jsonl"
    tweets.write_text(
        json.dumps({"id": "t1", "text": "$ACME soars", "label": "bullish"})
        + "\n"
        + json.dumps({"id": "t2", "text": "$HOOLI sinks", "label": "bearish"})
        + "\n"
    )
    sentences.write_text(
        json.dumps({"id": "p1", "text": "Sales of Sepp\u00e4l\u00e4 rose 7 % .", "label": "up"})
        + "\n"
        + json.dumps({"id": "p2", "text": "Profit fell to EUR 3 mn .", "label": "down"})
        + "\n"
    )
    held.write_text(json.dumps({"id": "e1", "text": "sales of Sepp\ufffdl\ufffd rose 7%.", "label": "up"}) + "\n")
    examples, excluded = load_files([tweets, sentences], task, {"bullish": "up", "bearish": "down"}, exclude=[held])
    assert [(e.id, e.label) for e in examples] == [("t1", "up"), ("t2", "down"), ("p2", "down")]
    assert excluded == 1
    with pytest.raises(DataError, match="duplicate ids across"):
        load_files([sentences, sentences], task)
    with pytest.raises(DataError, match="every record is also in an --exclude file"):
        load_files([sentences], task, exclude=[sentences])
    # --drop-duplicates keeps the first of each id, within one file (press releases repeat ids) and across files
    repeated = tmp_path / "repeated.jsonl"
    repeated.write_text(sentences.read_text() + json.dumps({"id": "p1", "text": "A later copy .", "label": "down"}) + "\n")
    with pytest.raises(DataError, match="duplicate ids"):
        load_files([repeated], task)
    kept, _ = load_files([repeated, sentences], task, drop_duplicates=True)
    assert [(e.id, e.text) for e in kept] == [
        ("p1", "Sales of Sepp\u00e4l\u00e4 rose 7 % ."),
        ("p2", "Profit fell to EUR 3 mn ."),
    ]
