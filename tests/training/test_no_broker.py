"""Training without a broker, as a new user would: a task from a config file, a JSONL file, no Kafka anywhere."""

from __future__ import annotations

import json
import socket
import time
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.training.test_train import separable
from training.cli import app
from worker.kafka.events import reachable_host
from worker.registry import Registry


def closed_port() -> int:
    """A loopback port nothing listens on (bound once by us, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_reachability_is_bounded_and_finds_a_listener() -> None:
    port = closed_port()
    started = time.monotonic()
    assert reachable_host([f"127.0.0.1:{port}"], timeout_s=2.0) is None
    # A non-routable address (TEST-NET-1) cannot stretch the bound either.
    assert reachable_host(["192.0.2.1:9092", f"127.0.0.1:{port}"], timeout_s=1.0) is None
    assert time.monotonic() - started < 4.0
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        listening = f"127.0.0.1:{server.getsockname()[1]}"
        assert reachable_host([f"127.0.0.1:{port}", listening]) == listening


def _two_steps(
    model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bootstrap: str, judge: bool = False
) -> list[str]:
    """A "move" task in a config file (Kafka at ``bootstrap``), its data, and the train command of two steps into
    tmp_path/registry. ``judge``: "move" judges a "headline" task's headlines (its items carry one)."""
    config = tmp_path / "finnews.toml"
    move = (
        'judges = "headline"\nprompt = "{body} {headline}:"\n\n[[tasks]]\nname = "headline"\nkind = "summarize"\n'
        if judge
        else ""
    )
    config.write_text(
        f'[kafka]\nbootstrap_servers = "{bootstrap}"\n\n[model]\nbase = "{model_dir}"\nmax_input_tokens = 64\n\n'
        f'[[tasks]]\nname = "move"\nkind = "classify"\nlabels = ["up", "down"]\n{move}output_topic = "news.move"\n'
    )
    data = tmp_path / "move.jsonl"
    rows = [{**r, "headline": "Shares move"} if judge else r for r in separable(40)]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    monkeypatch.setenv("FINNEWS_CONFIG", str(config))
    registry = str(tmp_path / "registry")
    return ["train", "--task", "move", "--data", str(data), "--max-steps", "2", "--batch-size", "8", "--registry", registry]


def test_train_promotes_and_says_in_one_line_that_workers_read_the_registry(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bootstrap = f"127.0.0.1:{closed_port()}"
    args = _two_steps(tiny_model_dir, tmp_path, monkeypatch, bootstrap)
    registry = tmp_path / "registry"

    result = CliRunner().invoke(app, [*args, "--force"])  # --force: promote whatever two steps learnt

    assert result.exit_code == 0, result.output
    assert "move v0001 promoted" in result.output
    assert Registry(registry).current("move") == "v0001"
    logs = [json.loads(line) for line in result.output.splitlines() if line.startswith('{"')]
    assert not [r for r in logs if r.get("level") == "error"], logs
    assert "ERROR" not in result.output  # no Kafka client retrying and complaining
    skipped = [r for r in logs if r["event"] == "adapter_event_skipped"]
    assert len(skipped) == 1 and skipped[0]["level"] == "warning"
    assert skipped[0]["message"] == f"no broker reachable at {bootstrap}: workers will pick up move v0001 from the registry"
    promoted = next(r for r in logs if r["event"] == "version_promoted")
    waited = datetime.fromisoformat(skipped[0]["timestamp"]) - datetime.fromisoformat(promoted["timestamp"])
    assert waited.total_seconds() < 10  # the announce part: a refused connect, not 30 s of retries


def test_no_promote_registers_and_judges_a_version_but_serves_nothing(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A judge's threshold is chosen after training, so its version must wait, registered but not served."""
    args = _two_steps(tiny_model_dir, tmp_path, monkeypatch, f"127.0.0.1:{closed_port()}")
    root = str(tmp_path / "registry")

    forced = CliRunner().invoke(app, [*args, "--force", "--no-promote"])
    assert forced.exit_code != 0 and "--force with --no-promote forces nothing" in forced.output
    held = CliRunner().invoke(app, [*args, "--no-promote"])

    assert held.exit_code == 0, held.output
    registry = Registry(Path(root))
    status = registry.manifest("move", "v0001").status.value
    # Two steps may or may not beat the bare base (the CPU's dtype decides): either way nothing is served.
    expected = (
        "move v0001 candidate: passed the gate, left a candidate (--no-promote)"
        if status == "candidate"
        else "move v0001 rejected"
    )
    assert status in {"candidate", "rejected"} and expected in held.output
    assert registry.current("move") is None and registry.history("move") == []
    threshold = ["adapters", "threshold", "move", "v0001", "0.4", "--reason", "test", "--registry", root]
    assert CliRunner().invoke(app, threshold).exit_code == 0
    promote = ["adapters", "promote", "move", "v0001", "--no-announce", "--registry", root]
    promoted = CliRunner().invoke(app, promote + (["--force"] if status == "rejected" else []))
    assert promoted.exit_code == 0, promoted.output
    assert registry.current("move") == "v0001" and registry.manifest("move", "v0001").min_support == 0.4
    # Now current: a new threshold would split the workers serving it from those that start later.
    again = CliRunner().invoke(app, [*threshold[:4], "0.6", "--reason", "test", "--registry", root])
    assert again.exit_code != 0 and "is current" in again.output
    assert registry.manifest("move", "v0001").min_support == 0.4
    assert CliRunner().invoke(app, [*threshold[:4], "0.6", "--reason", "test", "--registry", root, "--force"]).exit_code == 0
    assert registry.manifest("move", "v0001").min_support == 0.6
    refresh = CliRunner().invoke(app, ["train", "--task", "move", "--data", "kafka:news.feedback", "--once", "--no-promote"])
    assert refresh.exit_code != 0 and "--no-promote is for one training run" in refresh.output


def test_a_judge_with_no_threshold_waits_for_one(tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A judge version that passes the gate but has no threshold of its own would serve at the default, one nobody
    chose: training leaves it a candidate, and promoting it needs a threshold recorded first (or --force)."""
    args = _two_steps(tiny_model_dir, tmp_path, monkeypatch, f"127.0.0.1:{closed_port()}", judge=True)
    args[args.index("--max-steps") + 1] = "60"  # enough to pass the gate on any CPU: the story names its move
    args += ["--lr", "3e-3", "--target-modules", "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj", "--no-announce"]
    root = tmp_path / "registry"
    registry = Registry(root)

    held = CliRunner().invoke(app, args)

    assert held.exit_code == 0, held.output
    assert "move v0001 candidate: passed the gate, left a candidate (a judge version serves at the threshold" in held.output
    assert registry.current("move") is None
    promote = ["adapters", "promote", "move", "v0001", "--no-announce", "--registry", str(root)]
    refused = CliRunner().invoke(app, promote)
    assert refused.exit_code != 0 and "this one has none" in refused.output and registry.current("move") is None
    # An operator whose config lacks the task: the version's manifest says what it was trained to judge.
    assert registry.manifest("move", "v0001").judges == "headline"
    elsewhere = tmp_path / "operator.toml"
    elsewhere.write_text('[[tasks]]\nname = "other"\nkind = "classify"\nlabels = ["a", "b"]\noutput_topic = "o"\n')
    refused = CliRunner().invoke(app, promote, env={"FINNEWS_CONFIG": str(elsewhere)})
    assert refused.exit_code != 0 and "this one has none" in refused.output and registry.current("move") is None
    threshold = ["adapters", "threshold", "move", "v0001", "0.4", "--reason", "test", "--registry", str(root)]
    assert CliRunner().invoke(app, threshold).exit_code == 0
    assert CliRunner().invoke(app, promote).exit_code == 0 and registry.current("move") == "v0001"

    # A threshold chosen beforehand travels with the run's version, which is then served like any other.
    unexplained = CliRunner().invoke(app, [*args, "--min-support", "0.3"])
    assert unexplained.exit_code != 0 and "--min-support needs --min-support-reason" in unexplained.output
    args[args.index("--registry") + 1] = str(tmp_path / "other")
    chosen = CliRunner().invoke(app, [*args, "--min-support", "0.3", "--min-support-reason", "dev pairs"])
    assert chosen.exit_code == 0, chosen.output
    other = Registry(tmp_path / "other")
    assert other.current("move") == "v0001"
    manifest = other.manifest("move", "v0001")
    assert (manifest.min_support, manifest.min_support_reason) == (0.3, "dev pairs")
