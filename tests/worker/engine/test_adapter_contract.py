"""An adapter serves only the task it was trained for: kind, profile, labels
(in order) and prompt must match the configured TaskSpec, at start-up and at a
live swap (where the old version keeps serving)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.news import news_from_text
from schemas.tasks import Profile, TaskKind, TaskSpec
from tests.support.registry import register_random
from worker.config import load_settings
from worker.engine import Classification, Engine
from worker.engine.adapters import AdapterMismatch
from worker.registry import Registry

TASK = TaskSpec(name="sentiment", kind=TaskKind.classify, labels=("positive", "negative", "neutral"), output_topic="o")


def _engine(model_dir: Path, registry: Registry, task: TaskSpec) -> Engine:
    settings = load_settings(model={"base": model_dir}, tasks=[task.model_dump()])
    return Engine.load(settings.model, settings.tasks, registry.root)


@pytest.mark.parametrize(
    ("configured", "trained_profile", "field"),
    [
        (TASK.model_copy(update={"labels": ("negative", "positive", "neutral")}), Profile.causal, "another order"),
        (TASK.model_copy(update={"labels": ("positive", "negative")}), Profile.causal, "labels: trained with"),
        (TASK.model_copy(update={"prompt": "Sentiment of {headline}? One of {labels}:"}), Profile.causal, "prompt: trained with"),
        (TaskSpec(name="sentiment", kind=TaskKind.summarize, output_topic="o"), Profile.causal, "kind: trained for classify"),
        (TASK, Profile.encoder, "profile: trained on the encoder profile"),
    ],
    ids=["labels-reordered", "labels-dropped", "prompt", "kind", "profile"],
)
def test_a_start_up_mismatch_is_refused_naming_the_field(
    configured: TaskSpec, trained_profile: Profile, field: str, tiny_model_dir: Path, tmp_path: Path
) -> None:
    registry = Registry(tmp_path / "registry")
    register_random(registry, tiny_model_dir, TASK, seed=1, work=tmp_path, profile=trained_profile)
    registry.promote("sentiment", "v0001", "test")
    with pytest.raises(AdapterMismatch, match=field):
        _engine(tiny_model_dir, registry, configured)


def test_an_adapter_folder_with_a_manifest_is_checked_too_mismatch(tiny_model_dir: Path, tmp_path: Path) -> None:
    registry = Registry(tmp_path / "registry")
    register_random(registry, tiny_model_dir, TASK, seed=1, work=tmp_path)
    reordered = TASK.model_copy(update={"name": "other", "labels": ("neutral", "negative", "positive")})
    folder = reordered.model_copy(update={"adapter": registry.path("sentiment", "v0001")})
    settings = load_settings(model={"base": tiny_model_dir}, tasks=[folder.model_dump()])
    with pytest.raises(AdapterMismatch, match="another order"):
        Engine.load(settings.model, settings.tasks)
    # The same folder under another task name, same definition: served.
    fitting = TASK.model_copy(update={"name": "other", "adapter": registry.path("sentiment", "v0001")})
    settings = load_settings(model={"base": tiny_model_dir}, tasks=[fitting.model_dump()])
    assert Engine.load(settings.model, settings.tasks).loaded.adapters["other"].version == "v0001"


def test_a_live_swap_to_a_mismatched_version_is_refused_and_the_old_one_keeps_serving(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    registry = Registry(tmp_path / "registry")
    register_random(registry, tiny_model_dir, TASK, seed=1, work=tmp_path)
    reordered = TASK.model_copy(update={"labels": ("neutral", "positive", "negative")})
    register_random(registry, tiny_model_dir, reordered, seed=2, work=tmp_path)
    registry.promote("sentiment", "v0001", "test")
    engine = _engine(tiny_model_dir, registry, TASK)
    with pytest.raises(AdapterMismatch, match=r"labels: .*another order"):
        engine.swap("sentiment", registry.path("sentiment", "v0002"), "v0002")
    assert engine.loaded.adapters["sentiment"].version == "v0001"
    (outcome,) = engine.run([engine.prepare(news_from_text("n1", "Shares fell after the profit warning."))])
    result = outcome.results["sentiment"]
    assert isinstance(result, Classification) and result.version == "v0001"
    assert list(result.scores) == ["positive", "negative", "neutral"]
