"""Calibration in training and serving, and `finnews evaluate` on a registry version and on adapter folders.

One tiny adapter is trained for the module (the gate fits its temperature),
then evaluated through the CLI the way a user would: the report's figures
must be the gate's own on the same held-out items.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from typer.testing import CliRunner

from tests.support.adapters import make_adapter
from tests.training.test_train import ALL_LINEAR, separable
from training.cli import app
from training.data import load_file, split
from training.evaluate import rouge_metrics, summary_checks, without_biases
from training.evaluate_report import EvaluationReport, Prediction
from training.finetune import TrainConfig
from training.train import TrainOutcome, train_and_register
from worker.config import Settings, load_settings
from worker.engine import Classification, Engine
from worker.faithfulness.grounding import extractive_headline, tidy_headline
from worker.registry import Registry

TASKS_TOML = (
    '[[tasks]]\nname = "move"\nkind = "classify"\nlabels = ["up", "down"]\noutput_topic = "news.move"\n\n'
    '[[tasks]]\nname = "headline"\nkind = "summarize"\nmax_new_tokens = 6\noutput_topic = "news.headline"\n'
)


class Workspace:
    """A config file (the classify task and a summarize task on the tiny model), labelled data and a registry."""

    def __init__(self, root: Path, model_dir: Path) -> None:
        self.root = root
        self.config = root / "finnews.toml"
        self.config.write_text(f'[model]\nbase = "{model_dir}"\nmax_input_tokens = 64\n\n' + TASKS_TOML)
        self.settings: Settings = load_settings(
            model={"base": model_dir, "max_input_tokens": 64},
            tasks=[{"name": "move", "kind": "classify", "labels": ["up", "down"], "output_topic": "news.move"}],
        )
        self.data = root / "move.jsonl"
        self.data.write_text("".join(json.dumps(r) + "\n" for r in separable(120)))
        self.examples = load_file(self.data, self.settings.task("move"))
        (root / "registry").mkdir()
        self.registry = Registry(root / "registry")
        self.outcome: TrainOutcome | None = None

    def heldout_file(self) -> Path:
        """The held-out part the gate judged, in the gate's order."""
        path = self.root / "heldout.jsonl"
        heldout = split(self.examples, 0.2, 0, "").heldout
        path.write_text("".join(e.model_dump_json(exclude_none=True) + "\n" for e in heldout))
        return path


@pytest.fixture(scope="module")
def workspace(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("evaluate"), tiny_model_dir)


@pytest.fixture(scope="module")
def trained(workspace: Workspace) -> Workspace:
    """The workspace with move@v0001 trained, registered and promoted (its gate fitted the temperature)."""
    t = workspace
    cfg = TrainConfig(target_modules=ALL_LINEAR, learning_rate=3e-3, batch_size=8, max_steps=100, max_input_tokens=64, seed=0)
    t.outcome = train_and_register(t.settings, "move", t.examples, str(t.data), t.registry, cfg, 0.2, 0.0, True, False)
    return t


def _evaluate(ws: Workspace, out: Path, *args: str) -> tuple[Any, EvaluationReport | None]:
    env = {"FINNEWS_CONFIG": str(ws.config), "FINNEWS_LOG_LEVEL": "WARNING", "FINNEWS_REGISTRY": str(ws.registry.root)}
    result = CliRunner().invoke(app, ["evaluate", "--out", str(out), "--no-progress", *args], env=env)
    report = EvaluationReport.model_validate_json((out / "report.json").read_text()) if result.exit_code == 0 else None
    return result, report


def _valid_png(path: Path) -> None:
    with Image.open(path) as image:
        image.verify()
        assert image.format == "PNG" and image.size[0] > 100 and image.size[1] > 100


def test_training_fits_a_temperature_and_the_engine_serves_at_it(trained: Workspace) -> None:
    assert trained.outcome is not None
    manifest = trained.outcome.manifest
    metrics = manifest.metrics
    assert manifest.temperature is not None and manifest.temperature == metrics["temperature"]
    assert not math.isclose(manifest.temperature, 1.0, rel_tol=1e-3)
    assert 0.0 <= metrics["ece_after"] <= 1.0 and 0.0 <= metrics["ece_before"] <= 1.0
    assert "ece" in metrics["baseline"]
    assert "ECE" in manifest.status_reason and "temperature" in manifest.status_reason  # in the gate's comparison

    engine = Engine.load(trained.settings.model, trained.settings.tasks, trained.registry.root)
    info = engine.loaded.adapters["move"]
    assert info.temperature == manifest.temperature
    items = [engine.prepare(e.item()) for e in trained.examples[:12]]
    served = [o.results["move"] for o in engine.run(items)]
    engine.loaded.adapters["move"] = replace(info, temperature=1.0, bias=None)
    raw = [o.results["move"] for o in engine.run(items)]
    bias = manifest.label_bias or {}
    assert info.bias == (tuple(bias[label] for label in manifest.labels) if bias else None)
    changed = 0
    for s, r in zip(served, raw, strict=True):
        assert isinstance(s, Classification) and isinstance(r, Classification)
        # softmax(log p / T + bias) of the raw probabilities is what the engine served.
        logits = {k: math.log(max(v, 1e-300)) / manifest.temperature + bias.get(k, 0.0) for k, v in r.scores.items()}
        norm = math.log(sum(math.exp(v - max(logits.values())) for v in logits.values())) + max(logits.values())
        for label, p in s.scores.items():
            assert p == pytest.approx(math.exp(logits[label] - norm), abs=1e-5)
        assert s.label == max(logits, key=logits.__getitem__)
        if not bias:
            assert s.label == r.label  # a temperature alone never moves the argmax
        changed += any(abs(s.scores[k] - r.scores[k]) > 1e-4 for k in s.scores)
    assert changed

    # Label biases (a held-out set of 50+ items per label may fit them): added after the
    # temperature, so they can move the chosen label; here a large one for "down" does.
    engine.loaded.adapters["move"] = replace(info, temperature=2.0, bias=(0.0, 30.0))
    biased = [o.results["move"] for o in engine.run(items)]
    for b, r in zip(biased, raw, strict=True):
        assert isinstance(b, Classification) and isinstance(r, Classification)
        up, down = (math.log(max(r.scores[k], 1e-300)) / 2.0 for k in ("up", "down"))
        assert b.scores["down"] == pytest.approx(1 / (1 + math.exp(up - down - 30.0)), abs=1e-5)
    assert all(b.label == "down" for b in biased if isinstance(b, Classification))
    assert any(r.label == "up" for r in raw if isinstance(r, Classification))


def test_evaluate_a_registry_version_gives_the_gates_figures(trained: Workspace, tmp_path: Path) -> None:
    assert trained.outcome is not None
    manifest = trained.outcome.manifest
    result, report = _evaluate(
        trained, tmp_path / "v1", "--adapter", "move@current", "--data", str(trained.heldout_file()), "--batch-size", "32"
    )
    assert result.exit_code == 0, result.output
    assert report is not None
    assert report.adapter == f"move@{manifest.version}" and report.version == manifest.version
    assert report.examples == manifest.data.heldout_count and report.failed == 0
    # The promotion gate's code on the gate's items, batched the same way: the same numbers.
    for key in ("confusion_matrix", "per_class"):
        assert report.metrics[key] == manifest.metrics[key], key
    for key in ("macro_f1", "accuracy", "temperature"):
        assert report.metrics[key] == pytest.approx(manifest.metrics[key], abs=1e-9), key
    # The gate ran candidate and baseline rows in one batch, so the padding differs: the CPU's 4-bit
    # kernels move probabilities in the last digits between batch shapes (README, pitfalls).
    assert report.metrics["ece_after"] == pytest.approx(manifest.metrics["ece_after"], abs=1e-3)
    assert report.temperature == manifest.temperature
    assert report.calibration is not None and report.calibration.ece_after == report.metrics["ece_after"]
    assert len(report.reliability) == 15 and sum(b.count for b in report.reliability) == report.examples
    assert report.plots == ["confusion.png", "reliability.png"]
    for name in report.plots:
        _valid_png(tmp_path / "v1" / name)
    text = (tmp_path / "v1" / "report.md").read_text()
    assert "ECE as served" in text and "![reliability.png](reliability.png)" in text and "| **up** |" in text
    assert f"ece={report.calibration.ece_after:.4f}" in result.output
    # Every item beside its reference, with the probabilities as served: they give the report's figures.
    rows = [Prediction.model_validate_json(line) for line in (tmp_path / "v1" / "predictions.jsonl").read_text().splitlines()]
    assert [r.id for r in rows] == [e.id for e in split(trained.examples, 0.2, 0, "").heldout]
    assert all(r.scores is not None and r.output == max(r.scores, key=r.scores.__getitem__) for r in rows)
    assert sum(r.output == r.reference for r in rows) / len(rows) == pytest.approx(report.metrics["accuracy"])


def test_evaluate_adapter_folders_with_and_without_a_manifest(trained: Workspace, tmp_path: Path) -> None:
    assert trained.outcome is not None
    version = trained.registry.path("move", trained.outcome.manifest.version)
    raw = tmp_path / "raw-adapter"  # a trainer's output: weights and config, no manifest, so no temperature
    raw.mkdir()
    for name in ("adapter_model.safetensors", "adapter_config.json"):
        shutil.copy2(version / name, raw / name)
    data = ["--data", str(trained.data), "--limit", "24", "--batch-size", "8"]

    result, with_manifest = _evaluate(trained, tmp_path / "m", "--adapter-dir", str(version), *data)
    assert result.exit_code == 0, result.output
    result, without = _evaluate(trained, tmp_path / "r", "--adapter-dir", str(raw), "--task", "move", *data)
    assert result.exit_code == 0, result.output
    assert with_manifest is not None and without is not None

    assert with_manifest.temperature == trained.outcome.manifest.temperature and without.temperature == 1.0
    assert without.calibration is not None and without.calibration.ece_after == without.calibration.ece_before
    assert with_manifest.examples == without.examples == 24 and "limit 24 seed 0" in without.data
    # Same weights, same labels: the temperature only moves the probabilities.
    assert with_manifest.metrics["confusion_matrix"] == without.metrics["confusion_matrix"]
    assert with_manifest.calibration is not None
    assert with_manifest.calibration.ece_before == pytest.approx(without.calibration.ece_before, abs=1e-6)
    for out in (tmp_path / "m", tmp_path / "r"):
        _valid_png(out / "confusion.png")
        _valid_png(out / "reliability.png")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--adapter", "move@v0099"], "v0099"),
        (["--adapter", "move"], "expected TASK@VERSION"),
        (["--adapter-dir", "/nonexistent"], "no such adapter folder"),
        (["--task", "nope"], "no task 'nope' is configured"),
        ([], "--task is needed"),
    ],
)
def test_evaluate_refuses_what_it_cannot_run_in_one_line(
    workspace: Workspace, tmp_path: Path, args: list[str], message: str
) -> None:
    result, _ = _evaluate(workspace, tmp_path / "x", "--data", str(workspace.data), *args)
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output


def test_evaluate_summaries_reports_rouge_grounding_and_looping(
    workspace: Workspace, tiny_model_dir: Path, tmp_path: Path
) -> None:
    adapter = make_adapter(tiny_model_dir, tmp_path / "headline-adapter", seed=5)
    data = tmp_path / "headlines.jsonl"
    stories = [
        (
            "NEW YORK, Jan. 5, 2021 /PRNewswire/ -- Acme Corp reported first quarter revenue of $1.2 billion, up 8%.",
            "Acme Reports $1.2 Billion Q1 Revenue",
        ),
        ("Globex cut its full-year outlook after weak demand in Europe.", "Globex Cuts Outlook on Weak Europe Demand"),
        ("Initech shares fell 5% on Friday after the chief executive resigned.", "Initech Falls 5% as CEO Resigns"),
        ("Hooli agreed to buy Pied Piper for $500 million in cash.", "Hooli to Buy Pied Piper for $500 Million"),
    ]
    data.write_text("".join(json.dumps({"id": f"h{i}", "text": t, "summary": s}) + "\n" for i, (t, s) in enumerate(stories)))

    result, report = _evaluate(
        workspace, tmp_path / "h", "--adapter-dir", str(adapter), "--task", "headline", "--data", str(data)
    )

    assert result.exit_code == 0, result.output
    assert report is not None and report.kind.value == "summarize" and report.examples == 4
    m = report.metrics
    assert {"rouge_1", "rouge_2", "rouge_l", "grounding_rate", "looping_rate"} <= set(m)
    assert all(0.0 <= m[k] <= 1.0 for k in ("rouge_1", "rouge_2", "rouge_l", "grounding_rate", "looping_rate"))
    # Every summary that is not grounded, or loops, is listed with what the check could not find.
    ungrounded = [f for f in report.flagged if f.unsupported]
    assert len(ungrounded) == round((1 - m["grounding_rate"]) * report.examples)
    assert sum(f.looping for f in report.flagged) == round(m["looping_rate"] * report.examples)
    assert report.temperature is None and report.calibration is None and report.plots == []
    text = (tmp_path / "h" / "report.md").read_text()
    assert "| ROUGE-1 | ROUGE-2 | ROUGE-L | grounded | looping |" in text
    assert "grounding_rate=" in result.output
    # Beside the model, the story's own lead cut at 20 words: the baseline a headline model must beat.
    expected_lead = rouge_metrics(
        [s for _, s in stories], [tidy_headline(extractive_headline(t, max_words=20), t) for t, _ in stories]
    )
    assert m["lead"] == pytest.approx(expected_lead)
    assert f"lead_rouge_1={m['lead']['rouge_1']:.4f}" in result.output
    rows = [Prediction.model_validate_json(line) for line in (tmp_path / "h" / "predictions.jsonl").read_text().splitlines()]
    assert [r.reference for r in rows] == [s for _, s in stories]
    assert sum(r.rouge_1 or 0.0 for r in rows) / 4 == pytest.approx(m["rouge_1"])
    assert sum(bool(r.grounded) for r in rows) / 4 == pytest.approx(m["grounding_rate"])


def test_summary_checks_count_the_summaries_made() -> None:
    story = "Acme Corp reported first quarter revenue of 1.2bn."
    summaries = [
        "Acme Reports $1.2 Billion Q1 Revenue",  # grounded
        "Acme Reports Strong First Quarter 2016 Results",  # 2016 is not in the story
        "Acme Revenue to $1.2 Billion to $1.2 Billion to $1.2 Billion",  # grounded, but loops
        None,  # the engine failed on this item: not a summary, so not in either rate
    ]
    rates = summary_checks([story] * 4, summaries)
    assert rates == {"grounding_rate": pytest.approx(2 / 3), "looping_rate": pytest.approx(1 / 3)}


def test_the_gate_judges_a_baseline_on_its_own_labels_with_its_biases_taken_out() -> None:
    labels = ["up", "down"]
    # Served with biases (0, +2): "down" won although the model itself preferred "up" (0.7 vs 0.3).
    raw = {"up": 0.7, "down": 0.3}
    logits = {k: math.log(v) + b for (k, v), b in zip(raw.items(), (0.0, 2.0), strict=True)}
    norm = sum(math.exp(v) for v in logits.values())
    served = Classification(label="down", scores={k: math.exp(v) / norm for k, v in logits.items()}, version="v0003")
    (judged,) = without_biases([served], labels, [0.0, 2.0])
    assert isinstance(judged, Classification) and judged.label == "up" and judged.version == "v0003"
    assert judged.scores["up"] == pytest.approx(0.7) and judged.scores["down"] == pytest.approx(0.3)
    assert without_biases([served, None], labels, None) == [served, None]
