"""Settings validation and the command line's small commands."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from worker.cli import app
from worker.config import load_settings
from worker.exceptions import ConfigError

runner = CliRunner()


def test_a_bad_setting_stops_start_up_with_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINNEWS_BATCH__MAX_ITEMS", "0")
    result = runner.invoke(app, ["worker"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "FINNEWS_BATCH__MAX_ITEMS" in lines[0] and "greater than or equal to 1" in lines[0]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"kafka": {"bootstrap_servers": "nohostport"}}, "kafka.bootstrap_servers"),
        ({"tasks": [{"name": "s", "kind": "classify", "labels": ["only"], "output_topic": "o"}]}, "at least two labels"),
        (
            {"tasks": [{"name": "h", "kind": "summarize", "labels": ["a", "b"], "output_topic": "o"}]},
            "only classify tasks take labels",
        ),
        ({"tasks": [{"name": "h", "kind": "summarize", "prompt": "{nope}", "output_topic": "o"}]}, "unknown fields"),
        ({"tasks": [{"name": "h", "kind": "summarize", "output_topic": "news.raw"}]}, "clash with the input"),
        ({"tasks": [{"name": "h", "kind": "summarize", "adapter": "/does/not/exist", "output_topic": "o"}]}, "does not exist"),
    ],
)
def test_invalid_settings_are_refused(overrides: dict[str, object], expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        load_settings(**overrides)


def test_config_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "finnews.toml"
    config.write_text(
        '[batch]\nmax_items = 5\n\n[[tasks]]\nname = "mood"\nkind = "classify"\nlabels = ["good", "bad"]\noutput_topic = "news.mood"\n'
    )
    monkeypatch.setenv("FINNEWS_CONFIG", str(config))
    monkeypatch.setenv("FINNEWS_BATCH__MAX_WAIT_MS", "7")
    settings = load_settings()
    assert (settings.batch.max_items, settings.batch.max_wait_ms) == (5, 7)
    assert [t.name for t in settings.tasks] == ["mood"]


def test_schema_command_writes_valid_json_schemas(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        f"{n}.schema.json"
        for n in (
            "news_item",
            "classification_result",
            "summary_result",
            "dead_letter",
            "task_spec",
            "adapter_event",
            "adapter_manifest",
        )
    )
    news_schema = json.loads((tmp_path / "news_item.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(news_schema)
    good = {"id": "a", "headline": "h", "source": "s", "published_at": "2026-11-02T09:00:00Z"}
    jsonschema.validate(good, news_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "a"}, news_schema)
    # A real manifest (the demo's shipped adapter) validates against the exported manifest schema.
    manifest_schema = json.loads((tmp_path / "adapter_manifest.schema.json").read_text())
    shipped = Path(__file__).parents[2] / "worker" / "dev" / "demo_adapters" / "sentiment" / "v0001" / "manifest.json"
    jsonschema.validate(json.loads(shipped.read_text()), manifest_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**json.loads(shipped.read_text()), "labels": "positive"}, manifest_schema)


def test_the_console_app_holds_the_worker_and_the_training_commands() -> None:
    from training.cli import app as console

    shown = runner.invoke(console, ["--help"], terminal_width=200)
    assert shown.exit_code == 0, shown.output
    commands = "train evaluate replay adapters demo worker publish tail schema config model topics".split()
    for command in commands:
        assert f" {command} " in shown.output, command
    # The worker's own app stays free of the training commands.
    assert " train " not in runner.invoke(app, ["--help"], terminal_width=200).output


def test_model_tiny_writes_a_loadable_model(tmp_path: Path) -> None:
    from transformers import AutoConfig, AutoTokenizer

    result = runner.invoke(app, ["model", "tiny", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert AutoConfig.from_pretrained(tmp_path / "m").model_type == "llama"
    assert AutoTokenizer.from_pretrained(tmp_path / "m")("Shares rose")["input_ids"]


def test_an_unreachable_broker_is_one_line_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from worker.dev.embedded import free_port

    bootstrap = f"127.0.0.1:{free_port()}"  # nothing listens there
    monkeypatch.setenv("FINNEWS_KAFKA__BOOTSTRAP_SERVERS", bootstrap)
    result = runner.invoke(app, ["tail", "news.raw", "--max", "1"])
    assert result.exit_code == 1
    assert (
        result.output.strip().splitlines()[-1]
        == f"finnews: Kafka at {bootstrap}: KafkaTimeoutError: Unable to bootstrap from ['{bootstrap}']"
    )
    assert "Traceback" not in result.output
