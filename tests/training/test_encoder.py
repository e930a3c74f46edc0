"""The encoder profile: a sequence-classification base in NF4 with LoRA, trained and served the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.training.test_train import separable
from training.data import load_file
from training.finetune import TrainConfig
from training.train import train_and_register
from worker.config import load_settings
from worker.dev.tiny_model import build_tiny_encoder
from worker.engine import Classification, Engine
from worker.exceptions import ConfigError
from worker.registry import Registry

TASK = {"name": "move", "kind": "classify", "labels": ["up", "down"], "output_topic": "news.move"}


def test_an_encoder_base_refuses_summarization_tasks_at_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="serves classification tasks only"):
        load_settings(model={"profile": "encoder"}, tasks=[TASK, {"name": "h", "kind": "summarize", "output_topic": "h"}])


def test_encoder_trains_registers_and_serves(tmp_path: Path) -> None:
    base = build_tiny_encoder(tmp_path / "encoder")
    data = tmp_path / "move.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in separable(160)))
    settings = load_settings(model={"base": base, "profile": "encoder", "max_input_tokens": 48}, tasks=[TASK])
    registry = Registry(tmp_path / "registry")
    cfg = TrainConfig(learning_rate=5e-3, batch_size=16, max_steps=80, max_input_tokens=48, gradient_checkpointing=False)
    outcome = train_and_register(
        settings,
        "move",
        load_file(data, settings.task("move")),
        str(data),
        registry,
        cfg,
        0.2,
        margin=0.05,
        announce_events=False,
    )
    assert outcome.manifest.profile == "encoder"
    assert outcome.manifest.metrics["macro_f1"] > 0.9, outcome.manifest.metrics
    assert outcome.manifest.metrics["baseline"]["macro_f1"] < 0.75
    assert outcome.promoted

    # Served from the registry by the worker's engine, NF4 base plus the version's LoRA and head.
    engine = Engine.load(settings.model, settings.tasks, registry.root)
    assert engine.loaded.adapters["move"].version == "v0001"
    outcomes = engine.run([engine.prepare(e.item()) for e in load_file(data, settings.task("move"))[:6]])
    for outcome_ in outcomes:
        result = outcome_.results["move"]
        assert isinstance(result, Classification) and set(result.scores) == {"up", "down"}
        assert result.version == "v0001"
