"""Registry versions are verified before anything loads them."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemas.adapters import VersionStatus, interrupted_write_name
from schemas.tasks import TaskKind, TaskSpec
from tests.support.registry import register_random
from training.cli import app
from worker.config import load_settings
from worker.dev.tiny_model import TinyModelSpec, build_tiny_model
from worker.engine import Engine
from worker.engine.adapters import AdapterRefused
from worker.registry import Registry, RegistryError

TASK = TaskSpec(name="sentiment", kind=TaskKind.classify, labels=("positive", "negative", "neutral"), output_topic="o")


@pytest.fixture()
def registry(tmp_path: Path, tiny_model_dir: Path) -> Registry:
    reg = Registry(tmp_path / "registry")
    register_random(reg, tiny_model_dir, TASK, seed=1, work=tmp_path)
    reg.promote("sentiment", "v0001", "test")
    return reg


def _load(model_dir: Path, reg: Registry) -> Engine:
    settings = load_settings(model={"base": model_dir}, tasks=[TASK.model_dump()])
    return Engine.load(settings.model, settings.tasks, reg.root)


def test_a_worker_loads_the_current_verified_version(registry: Registry, tiny_model_dir: Path) -> None:
    engine = _load(tiny_model_dir, registry)
    assert engine.loaded.adapters["sentiment"].version == "v0001"


def test_a_tampered_file_is_refused(registry: Registry, tiny_model_dir: Path) -> None:
    config = registry.path("sentiment", "v0001") / "adapter_config.json"
    data = json.loads(config.read_text())
    data["lora_alpha"] = 999
    config.write_text(json.dumps(data))
    with pytest.raises(AdapterRefused, match="adapter_config.json: sha256"):
        _load(tiny_model_dir, registry)


def test_an_unlisted_pickle_file_is_refused(registry: Registry, tiny_model_dir: Path) -> None:
    (registry.path("sentiment", "v0001") / "adapter_model.bin").write_bytes(b"\x80\x04pickle")
    with pytest.raises(AdapterRefused, match="differ from the manifest"):
        _load(tiny_model_dir, registry)


def test_a_manifest_write_cut_short_leaves_the_version_loadable(registry: Registry, tiny_model_dir: Path) -> None:
    """A writer killed between writing a manifest's temporary file and replacing the manifest leaves the file behind;
    the version stays as it was, so it still loads (and a file merely named like one is not loaded either)."""
    (registry.path("sentiment", "v0001") / interrupted_write_name("manifest.json", 4242, 1)).write_text("{")
    assert _load(tiny_model_dir, registry).loaded.adapters["sentiment"].version == "v0001"
    (registry.path("sentiment", "v0001") / ".adapter_model.safetensors.1.1.tmp").write_text("x")
    with pytest.raises(AdapterRefused, match="differ from the manifest"):
        _load(tiny_model_dir, registry)


def test_a_write_to_a_task_the_registry_lacks_changes_nothing(registry: Registry) -> None:
    for write in (
        lambda: registry.set_status("sentimnet", "v0001", VersionStatus.candidate, "typo"),
        lambda: registry.rollback("sentimnet"),
        lambda: registry.set_min_support("sentimnet", "v0001", 0.5, "typo"),
    ):
        with pytest.raises(RegistryError, match="no task 'sentimnet'"):
            write()
    assert registry.tasks() == ["sentiment"]


def test_a_wrong_base_fingerprint_is_refused(registry: Registry, tmp_path: Path) -> None:
    other = build_tiny_model(tmp_path / "other-base", TinyModelSpec(seed=7))
    with pytest.raises(AdapterRefused, match="trained on base"):
        _load(other, registry)


def test_pointer_history_and_rollback(registry: Registry, tiny_model_dir: Path, tmp_path: Path) -> None:
    register_random(registry, tiny_model_dir, TASK, seed=2, work=tmp_path)
    assert registry.promote("sentiment", "v0002", "better") == "v0001"
    assert registry.current("sentiment") == "v0002"
    assert registry.rollback("sentiment") == ("v0002", "v0001")
    assert registry.current("sentiment") == "v0001"
    with pytest.raises(RegistryError, match="no earlier version"):
        registry.rollback("sentiment")


def test_resolve_follows_the_current_pointer_and_names_what_is_missing(
    registry: Registry, tiny_model_dir: Path, tmp_path: Path
) -> None:
    register_random(registry, tiny_model_dir, TASK, seed=2, work=tmp_path)
    assert registry.resolve("sentiment", "current").version == "v0001"
    assert registry.resolve("sentiment", "v0002").version == "v0002"
    with pytest.raises(RegistryError, match="no version 'v0009'"):
        registry.resolve("sentiment", "v0009")
    with pytest.raises(RegistryError, match="'headline' has no current version"):
        registry.resolve("headline", "current")


def test_adapters_cli_lists_shows_promotes_and_rolls_back(registry: Registry, tiny_model_dir: Path, tmp_path: Path) -> None:
    register_random(registry, tiny_model_dir, TASK, seed=3, work=tmp_path, macro_f1=0.9)
    runner = CliRunner()
    args = ["--registry", str(registry.root)]
    listed = runner.invoke(app, ["adapters", "list", *args])
    assert listed.exit_code == 0, listed.output
    assert "* sentiment        v0001  promoted" in listed.output and "v0002  candidate macro_f1=0.9000" in listed.output
    shown = runner.invoke(app, ["adapters", "show", "sentiment", "v0002", *args])
    assert json.loads(shown.output)["version"] == "v0002"
    assert json.loads(runner.invoke(app, ["adapters", "show", "sentiment", *args]).output)["version"] == "v0001"
    missing = runner.invoke(app, ["adapters", "show", "sentiment", "v0009", *args])
    assert missing.exit_code == 1 and "no version 'v0009'" in missing.output, missing.output
    promoted = runner.invoke(app, ["adapters", "promote", "sentiment", "v0002", "--no-announce", *args])
    assert promoted.exit_code == 0 and "current=v0002" in promoted.output
    rolled = runner.invoke(app, ["adapters", "rollback", "sentiment", "--no-announce", *args])
    assert rolled.exit_code == 0 and "current=v0001 (was v0002)" in rolled.output


def test_a_judges_threshold_is_recorded_in_its_manifest_with_its_reason(tmp_path: Path, tiny_model_dir: Path) -> None:
    reg = Registry(tmp_path / "registry")
    judge = TaskSpec(name="support", kind=TaskKind.classify, labels=("ok", "no"), judges="headline")
    register_random(reg, tiny_model_dir, judge, seed=4, work=tmp_path)
    files = dict(reg.manifest("support", "v0001").files)
    result = CliRunner().invoke(
        app, ["adapters", "threshold", "support", "v0001", "0.25", "--reason", "dev pairs", "--registry", str(reg.root)]
    )
    assert result.exit_code == 0, result.output
    assert "support v0001 min_support=0.25 (was none)" in result.output
    manifest = reg.manifest("support", "v0001")
    assert manifest.min_support == 0.25 and manifest.min_support_reason == "dev pairs"
    assert manifest.files == files  # the weights are untouched and still verify
    listed = CliRunner().invoke(app, ["adapters", "list", "support", "--registry", str(reg.root)])
    assert listed.exit_code == 0 and "min_support=0.25" in listed.output
    with pytest.raises(RegistryError, match="say how"):
        reg.set_min_support("support", "v0001", 0.3, " ")
    out_of_range = CliRunner().invoke(
        app, ["adapters", "threshold", "support", "v0001", "1.5", "--reason", "x", "--registry", str(reg.root)]
    )
    assert out_of_range.exit_code != 0 and reg.manifest("support", "v0001").min_support == 0.25


def test_only_a_classifier_takes_a_threshold(tmp_path: Path, tiny_model_dir: Path) -> None:
    reg = Registry(tmp_path / "registry")
    register_random(
        reg, tiny_model_dir, TaskSpec(name="headline", kind=TaskKind.summarize, output_topic="o"), seed=1, work=tmp_path
    )
    result = CliRunner().invoke(
        app, ["adapters", "threshold", "headline", "v0001", "0.5", "--reason", "x", "--registry", str(reg.root)]
    )
    assert result.exit_code != 0 and "only a classifier" in result.output
    assert reg.manifest("headline", "v0001").min_support is None


def test_writes_to_one_version_at_once_lose_none(tmp_path: Path, tiny_model_dir: Path) -> None:
    """An operator records a threshold while a trainer or another operator changes the status: every manifest
    rewrite reads, changes and writes, so without one writer at a time one of them silently undoes the other."""
    reg = Registry(tmp_path / "registry")
    judge = TaskSpec(name="support", kind=TaskKind.classify, labels=("ok", "no"), judges="headline")
    register_random(reg, tiny_model_dir, judge, seed=4, work=tmp_path)
    n = 300
    start = threading.Barrier(2)

    def thresholds() -> None:
        start.wait()
        for i in range(n):
            Registry(reg.root).set_min_support("support", "v0001", i / 1000, f"t{i}")

    def statuses() -> None:
        start.wait()
        for i in range(n):
            Registry(reg.root).set_status("support", "v0001", VersionStatus.candidate, f"s{i}")

    with ThreadPoolExecutor(2) as pool:
        for done in [pool.submit(thresholds), pool.submit(statuses)]:
            done.result()
    manifest = reg.manifest("support", "v0001")
    assert (manifest.min_support, manifest.min_support_reason, manifest.status_reason) == (
        (n - 1) / 1000,
        f"t{n - 1}",
        f"s{n - 1}",
    )
