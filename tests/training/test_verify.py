"""`finnews verify`: given (story, headline) pairs through the worker's own rules and judge, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.adapters import make_adapter
from training.cli import app

STORY = "Acme Corp said on Monday that its quarterly revenue rose 12% to $1.2 billion, beating forecasts."


def _config(root: Path, model_dir: Path, judge: Path) -> Path:
    config = root / "finnews.toml"
    config.write_text(
        f'[model]\nbase = "{model_dir}"\nmax_input_tokens = 64\n\n'
        '[[tasks]]\nname = "headline"\nkind = "summarize"\nmax_new_tokens = 6\noutput_topic = "news.headline"\n\n'
        f'[[tasks]]\nname = "support"\nkind = "classify"\nlabels = ["ok", "no"]\njudges = "headline"\nadapter = "{judge}"\n'
        "min_support = 0.0\n"
    )
    return config


def test_verify_writes_each_verdict_and_the_rates(tiny_model_dir: Path, tmp_path: Path) -> None:
    judge = make_adapter(tiny_model_dir, tmp_path / "judge", seed=4, alpha=4)
    data = tmp_path / "pairs.jsonl"
    rows = [
        {"id": "t1", "text": STORY, "headline": "Acme Revenue Rises 12%", "kind": "true", "label": "supported"},
        {"id": "n1", "text": STORY, "headline": "Globex Revenue Rises 12%", "kind": "name", "label": "unsupported"},
        {"id": "x1", "text": STORY, "headline": "Acme Revenue Rises 40%", "kind": "number", "label": "unsupported"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out"
    env = {"FINNEWS_CONFIG": str(_config(tmp_path, tiny_model_dir, judge))}
    result = CliRunner().invoke(app, ["verify", "--data", str(data), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "pairs=3 unsupported=0.6667" in result.output
    verdicts = {v["id"]: v for v in map(json.loads, (out / "verdicts.jsonl").read_text().splitlines())}
    assert verdicts["t1"]["verdict"] == "supported" and verdicts["t1"]["support"] is not None
    assert verdicts["n1"]["verdict"] == "unsupported" and verdicts["n1"]["unsupported"] == ["Globex"]
    assert verdicts["x1"]["unsupported"] == ["40%"]
    rates = json.loads((out / "rates.json").read_text())
    assert rates["by_kind"]["true"]["unsupported"] == 0.0 and rates["by_kind"]["name"]["unsupported"] == 1.0
    assert rates["by_label"]["unsupported"]["n"] == 2 and rates["seconds_per_pair"] > 0
    assert rates["judge"]["task"] == "support" and rates["judge"]["min_support"] == 0.0


def test_characters_that_print_nothing_change_no_verdict_and_no_support(tiny_model_dir: Path, tmp_path: Path) -> None:
    judge = make_adapter(tiny_model_dir, tmp_path / "judge", seed=4, alpha=4)
    data = tmp_path / "pairs.jsonl"
    hidden = STORY.replace("Acme", "Ac\u00adme").replace("revenue", "reve\u200bnue")
    rows = [
        {"id": "plain", "text": STORY, "headline": "Acme Revenue Rises 12%"},
        {"id": "hidden", "text": hidden, "headline": "Ac\u200bme Reve\ufeffnue Rises \uff11\uff12%"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out"
    env = {"FINNEWS_CONFIG": str(_config(tmp_path, tiny_model_dir, judge))}
    result = CliRunner().invoke(app, ["verify", "--data", str(data), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    plain, hidden_v = map(json.loads, (out / "verdicts.jsonl").read_text().splitlines())
    assert hidden_v["verdict"] == plain["verdict"] == "supported" and hidden_v["unsupported"] == []
    assert hidden_v["support"] == pytest.approx(plain["support"], abs=1e-4)


def test_verify_leaves_out_lines_that_are_not_pairs_and_lists_them(tiny_model_dir: Path, tmp_path: Path) -> None:
    """One bad record of a probe's file costs that record alone: it is left out, counted on stderr and listed
    (line and reason) in rates.json; ``--strict`` refuses the file instead, and a file with no pair at all is
    refused either way."""
    judge = make_adapter(tiny_model_dir, tmp_path / "judge", seed=4, alpha=4)
    data = tmp_path / "pairs.jsonl"
    good = {"id": "t1", "text": STORY, "headline": "Acme Revenue Rises 12%"}
    bad = [
        '{"id": "a", "text": "story", "headline": ""}',
        "not json",
        json.dumps({"id": " ", "text": STORY, "headline": "Acme Revenue Rises 12%"}),  # failed the run halfway
        json.dumps({"id": "b", "text": "   ", "headline": "Acme"}),  # was scored against its id
        json.dumps({"id": "c", "text": STORY, "headline": "A" * 2_001}),
        json.dumps({"id": "d", "text": "x " * 100_001, "headline": "Acme"}),  # failed the run halfway
    ]
    # Line 2 ends in a stray carriage return: it does not shift the numbers of the lines after it.
    data.write_text(json.dumps(good) + "\n" + bad[0] + "\r\n" + "\n".join(bad[1:]) + "\n" + json.dumps(good) + "\n")
    env = {"FINNEWS_CONFIG": str(_config(tmp_path, tiny_model_dir, judge))}
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["verify", "--data", str(data), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "6 line(s) of" in result.output and "pairs=2 " in result.output and "skipped=6" in result.output
    assert "1 id(s) of" in result.output
    assert [json.loads(v)["id"] for v in (out / "verdicts.jsonl").read_text().splitlines()] == ["t1", "t1"]
    figures = json.loads((out / "rates.json").read_text())
    skipped = figures["skipped"]
    assert skipped["count"] == 6 and [s["line"] for s in skipped["lines"]] == [2, 3, 4, 5, 6, 7]
    reasons = [s["reason"] for s in skipped["lines"]]
    assert "headline: String should have at least 1 character" in reasons[0]
    assert "id: String should have at least 1 character" in reasons[2]
    assert "text: String should have at least 1 character" in reasons[3]
    assert "headline: String should have at most 2000 characters" in reasons[4]
    assert "text: String should have at most 200000 characters" in reasons[5]
    assert figures["repeated_ids"] == {"count": 1, "ids": ["t1"]}

    strict = CliRunner().invoke(app, ["verify", "--data", str(data), "--out", str(tmp_path / "s"), "--strict"], env=env)
    assert strict.exit_code != 0
    assert "pairs.jsonl:2: not an {id, text, headline} record" in strict.output
    assert not (tmp_path / "s").exists()

    data.write_text('{"id": "a", "text": "story"}\n')
    refused = CliRunner().invoke(app, ["verify", "--data", str(data), "--out", str(tmp_path / "n")], env=env)
    assert refused.exit_code != 0
    assert "pairs.jsonl:1: not an {id, text, headline} record" in refused.output


def test_pairs_are_read_as_datasets_write_them(tmp_path: Path) -> None:
    """Numbered ids and labels, "summary" for the headline (as EDTSum and the project's data name it) and a
    byte-order mark are read; a record without a headline under either name is refused with its line."""
    from training.verify import VerifyError, load_pairs

    data = tmp_path / "pairs.jsonl"
    rows = [
        {"id": 7, "text": STORY, "headline": "Acme Revenue Rises 12%", "label": 1},
        {"id": "e2", "text": STORY, "summary": "Acme Beats Forecasts"},
    ]
    data.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\n" for r in rows).encode())
    (first, second), skipped = load_pairs(data)
    assert skipped == []
    assert (first.id, first.label, first.headline) == ("7", "1", "Acme Revenue Rises 12%")
    assert second.headline == "Acme Beats Forecasts"
    data.write_text(json.dumps({"id": "x", "text": STORY, "title": "no headline"}) + "\n")
    with pytest.raises(VerifyError, match="pairs.jsonl:1: not an"):
        load_pairs(data)
    # Each refusal says what is wrong, and where.
    for line, why in (
        ('{"id": "x", "text": null, "headline": "H"}', r"\(text: Input should be a valid string\)"),
        ('{"id": "x", "text": "S", "headline": "H"', r"\(Invalid JSON: EOF while parsing"),
        ("[1, 2]", r"\(Input should be an object\)"),
    ):
        data.write_text(line + "\n")
        with pytest.raises(VerifyError, match=why):
            load_pairs(data)


def test_a_stopped_run_keeps_its_verdicts_and_resume_goes_on(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verdicts are on disk as each batch is judged: a run that fails late keeps them, ``--resume`` scores only
    the rest (a line the stop cut in two is dropped and scored again), and the result is a whole run's. A
    resume that would mix two judges' verdicts, or another file's, is refused."""
    from worker.engine import Engine

    judge = make_adapter(tiny_model_dir, tmp_path / "judge", seed=4, alpha=4)
    data = tmp_path / "pairs.jsonl"
    heads = ["Acme Revenue Rises 12%", "Globex Revenue Rises 12%", "Acme Revenue Rises 40%", "Acme Beats Forecasts"]
    data.write_text("".join(json.dumps({"id": f"p{i}", "text": STORY, "headline": h}) + "\n" for i, h in enumerate(heads)))
    config = _config(tmp_path, tiny_model_dir, judge)
    env = {"FINNEWS_CONFIG": str(config)}
    args = ["verify", "--data", str(data), "--batch-size", "1"]

    whole = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "whole")], env=env)
    assert whole.exit_code == 0, whole.output

    real = Engine.check_headlines
    calls: list[int] = []

    def failing_third(self: Engine, *a: object, **k: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("out of memory")
        return real(self, *a, **k)

    monkeypatch.setattr(Engine, "check_headlines", failing_third)
    out = tmp_path / "out"
    stopped = CliRunner().invoke(app, [*args, "--out", str(out)], env=env)
    assert stopped.exit_code != 0 and "--resume goes on from there" in stopped.output
    assert [json.loads(v)["id"] for v in (out / "verdicts.jsonl").read_text().splitlines()] == ["p0", "p1"]
    assert not (out / "rates.json").exists()
    monkeypatch.setattr(Engine, "check_headlines", real)

    with (out / "verdicts.jsonl").open("a") as f:
        f.write('{"id": "p2", "verdict": "supp')  # the stop cut the third line in two
    resumed = CliRunner().invoke(app, [*args, "--out", str(out), "--resume"], env=env)
    assert resumed.exit_code == 0, resumed.output
    assert "2 of 4 pairs already have their verdict" in resumed.output and "pairs=4 " in resumed.output
    assert (out / "verdicts.jsonl").read_text() == (tmp_path / "whole" / "verdicts.jsonl").read_text()
    figures, expected = (json.loads((d / "rates.json").read_text()) for d in (out, tmp_path / "whole"))
    assert figures["all"] == expected["all"] and figures["resumed"] == 2 and expected["resumed"] == 0

    # A finished run resumed: nothing to score, the same rates.
    finished = CliRunner().invoke(app, [*args, "--out", str(out), "--resume"], env=env)
    assert finished.exit_code == 0 and "4 of 4 pairs already" in finished.output
    assert json.loads((out / "rates.json").read_text())["all"] == expected["all"]

    # Another judge threshold: these verdicts were not scored by it. A refused resume changes nothing in the folder.
    before = {f.name: f.read_bytes() for f in out.iterdir()}
    config.write_text(config.read_text().replace("min_support = 0.0", "min_support = 0.5"))
    refused = CliRunner().invoke(app, [*args, "--out", str(out), "--resume"], env=env)
    assert refused.exit_code != 0 and "give a new --out" in refused.output
    assert {f.name: f.read_bytes() for f in out.iterdir()} == before
    # Another file: the same ids, one headline changed.
    config.write_text(config.read_text().replace("min_support = 0.5", "min_support = 0.0"))
    data.write_text(data.read_text().replace("Beats Forecasts", "Misses Forecasts"))
    refused = CliRunner().invoke(app, [*args, "--out", str(out), "--resume"], env=env)
    assert refused.exit_code != 0 and "give a new --out" in refused.output
    # Without --resume a run starts over: the earlier verdicts are replaced, not added to, and it says so; an
    # unreadable run.json left by an earlier run is replaced too, not a reason to refuse.
    (out / "run.json").write_text("{not json")
    again = CliRunner().invoke(app, [*args, "--out", str(out)], env=env)
    assert again.exit_code == 0 and "4 verdict(s) of an earlier run" in again.output
    assert json.loads((out / "rates.json").read_text())["resumed"] == 0
    assert [json.loads(v)["id"] for v in (out / "verdicts.jsonl").read_text().splitlines()] == ["p0", "p1", "p2", "p3"]
    # A line edited in the middle (not the one a stop cut) is refused, not silently cut with all after it.
    lines = (out / "verdicts.jsonl").read_text().splitlines(keepends=True)
    (out / "verdicts.jsonl").write_text(lines[0] + "garbled\n" + "".join(lines[2:]))
    edited = CliRunner().invoke(app, [*args, "--out", str(out), "--resume"], env=env)
    assert edited.exit_code != 0 and "verdicts.jsonl:2 is not the verdict on pair 2: edited since" in edited.output
