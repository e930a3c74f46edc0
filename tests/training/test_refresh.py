"""`finnews train --once` from a feedback topic: trains only when enough new records arrived,
and remembers its position durably."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support.settings import settings_for
from tests.training.test_train import separable
from training.cli import app
from training.refresh import parse_interval, position_file
from worker.dev.demo import publish_raw
from worker.kafka.admin import ensure_topics
from worker.registry import Registry

pytestmark = pytest.mark.kafka


def test_refresh_once_waits_for_enough_new_examples(
    broker: Any, tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = Registry(tmp_path / "registry")
    settings = settings_for(broker, tiny_model_dir)
    feedback = f"feedback-{settings.kafka.group_id}"
    ensure_topics(broker.bootstrap, [feedback], 2)
    rows = [json.dumps(r).encode() for r in separable(80)]
    monkeypatch.setenv("FINNEWS_KAFKA__BOOTSTRAP_SERVERS", broker.bootstrap)
    monkeypatch.setenv("FINNEWS_MODEL__BASE", str(tiny_model_dir))
    monkeypatch.setenv(
        "FINNEWS_TASKS", json.dumps([{"name": "move", "kind": "classify", "labels": ["up", "down"], "output_topic": "news.move"}])
    )
    monkeypatch.setenv("FINNEWS_ADAPTER_EVENTS_TOPIC", settings.adapter_events_topic)
    args = [
        "train",
        "--task",
        "move",
        "--data",
        f"kafka:{feedback}",
        "--registry",
        str(registry.root),
        "--once",
        "--min-new",
        "50",
        "--max-steps",
        "3",
        "--batch-size",
        "8",
    ]
    runner = CliRunner()

    publish_raw(broker.bootstrap, feedback, rows[:40])
    skipped = runner.invoke(app, args)
    assert skipped.exit_code == 0, skipped.output
    assert "skipped: fewer than 50 new records" in skipped.output
    assert not position_file(registry, "move", feedback).exists() and registry.versions("move") == []

    publish_raw(broker.bootstrap, feedback, rows[40:])
    trained = runner.invoke(app, args)
    assert trained.exit_code == 0, trained.output
    assert "move v0001" in trained.output
    manifest = registry.manifest("move", "v0001")
    assert manifest.data.source == f"kafka:{feedback}" and manifest.data.train_count + manifest.data.heldout_count == 80
    saved = json.loads(position_file(registry, "move", feedback).read_text())
    assert sum(saved.values()) == 80

    again = runner.invoke(app, args)
    assert "skipped" in again.output and registry.versions("move") == ["v0001"]


def test_intervals() -> None:
    assert parse_interval("6h") == 21600 and parse_interval("90s") == 90 and parse_interval("1.5d") == 129600
    with pytest.raises(ValueError, match="expected a number and a unit"):
        parse_interval("6 hours")
