"""`finnews replay` on a real broker: a known slice gives known metrics, time and
offset bounds give the same slice, production offsets stay put, A/B agreement
is right, and the report files parse."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sklearn.metrics import confusion_matrix, f1_score
from typer.testing import CliRunner

from schemas import ClassificationResult
from schemas.labels import LabelledText
from tests.support.news import MALFORMED, news
from tests.support.registry import register_random
from tests.support.settings import settings_env, settings_for
from tests.support.topics import committed_offsets, read_topic
from training.cli import app
from training.evaluate import predict, rouge_metrics
from training.replay_report import ReplayReport
from worker.dev.demo import publish_raw
from worker.engine import Classification, Engine, Summary
from worker.engine.loading import load_model
from worker.kafka import clients
from worker.registry import Registry

pytestmark = pytest.mark.kafka
# One token each in the tiny model's vocabulary, so random adapters give soft, differing scores.
LABELS = ["positive", "sell", "hold"]
TASKS = [{"name": "signal", "kind": "classify", "labels": LABELS, "output_topic": "signal-out"}]


def _texts(n: int) -> list[LabelledText]:
    return [LabelledText(id=f"e-{i:03d}", text=f"{item['headline']}\n{item['body']}") for i, item in enumerate(news(n))]


def _predictions(settings: Any, registry: Registry, versions: list[str], texts: list[LabelledText]) -> list[dict[str, str]]:
    """Each version's label per id, through the offline evaluation path (not replay).

    One item per engine run, here and in the replays below: scores of a
    batched run may differ from a lone run's in the last digits (padding),
    enough to flip a near tie; a lone run is the same computation every time.
    """
    task = settings.task("signal")
    specs = [task.model_copy(update={"name": f"v{i}", "adapter": registry.path("signal", v)}) for i, v in enumerate(versions)]
    loaded = load_model(settings.model, specs)
    out = []
    for spec in specs:
        results = predict(Engine(loaded, [spec], settings.model.max_input_tokens), [spec.name], texts, batch_size=1)[spec.name]
        out.append({t.id: r.label for t, r in zip(texts, results, strict=True) if isinstance(r, Classification)})
    return out


def _commit(bootstrap: str, group: str, topic: str, offset: int) -> None:
    from kafka import TopicPartition
    from kafka.structs import OffsetAndMetadata

    consumer = clients.consumer(bootstrap, "test-commit", group_id=group)
    try:
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or set()]
        consumer.commit({tp: OffsetAndMetadata(offset, "", -1) for tp in tps})
    finally:
        consumer.close()


def _ranges(report: ReplayReport) -> dict[int, tuple[int, int]]:
    return {p.partition: (p.start, p.end) for p in report.partitions}


@pytest.mark.parametrize("which", ["broker", "tansu"])
def test_replay_reproduces_known_metrics_and_compares_versions(
    which: str, request: pytest.FixtureRequest, tiny_model_dir: Path, tmp_path: Path
) -> None:
    broker = request.getfixturevalue(which)
    (tmp_path / "registry").mkdir()
    settings = settings_for(broker, tiny_model_dir, registry=tmp_path / "registry", tasks=TASKS)
    registry = Registry(tmp_path / "registry")
    task = settings.task("signal")
    for seed in (11, 12):
        register_random(registry, tiny_model_dir, task, seed, tmp_path, alpha=2048)
    texts = _texts(36)
    pred_a, pred_b = _predictions(settings, registry, ["v0001", "v0002"], texts)
    # Ground truth chosen against v0001's own predictions: right on two thirds, wrong on the rest,
    # so the expected metrics are known exactly, independently of replay.
    truth = {t.id: pred_a[t.id] if i % 3 else LABELS[(LABELS.index(pred_a[t.id]) + 1) % 3] for i, t in enumerate(texts)}
    assert 0 < sum(pred_a[i] == pred_b[i] for i in truth) < len(truth), "the two versions must disagree somewhere"
    wave1, wave2 = texts[:24], texts[24:]

    runner = CliRunner()
    env = settings_env(settings) | {"FINNEWS_REGISTRY": str(registry.root), "FINNEWS_LOG_LEVEL": "WARNING"}

    def finnews(*args: str) -> Any:
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result

    def write(path: Path, rows: list[LabelledText]) -> Path:
        path.write_text("".join(json.dumps({"id": r.id, "text": r.text, "label": truth[r.id]}) + "\n" for r in rows))
        return path

    topic = settings.topics.input
    published = finnews("publish", str(write(tmp_path / "wave1.jsonl", wave1)), "--labels-out", str(tmp_path / "labels.jsonl"))
    assert published.output.strip().endswith(f"published=24 invalid=0 converted=24 labels=24 -> {tmp_path / 'labels.jsonl'}")
    publish_raw(broker.bootstrap, topic, [MALFORMED["bad_json"], MALFORMED["schema_violation"]])
    time.sleep(1.2)
    boundary = datetime.now(timezone.utc)
    time.sleep(0.3)
    finnews("publish", str(write(tmp_path / "wave2.jsonl", wave2)))
    inputs = [r for r in read_topic(broker.bootstrap, topic)]
    assert len(inputs) == 38

    group = settings.kafka.group_id
    _commit(broker.bootstrap, group, topic, 1)
    before = committed_offsets(broker.bootstrap, group, topic)
    assert before and set(before.values()) == {1}

    # The whole topic, both versions, ground truth from the labels file (wave 1 only), outputs to a sandbox.
    out = tmp_path / "report-all"
    result = finnews(
        "replay",
        "--topic",
        topic,
        "--adapter",
        "signal@v0001",
        "--compare",
        "signal@v0002",
        "--labels",
        str(tmp_path / "labels.jsonl"),
        "--out",
        str(out),
        "--to-topic",
        f"sandbox-{group}",
        "--no-progress",
        "--batch-size",
        "1",
    )
    report = ReplayReport.model_validate_json((out / "report.json").read_text())
    assert (report.records, report.items, report.scored, report.bad_records) == (38, 36, 24, 2)
    assert sorted(b.reason for b in report.bad) == ["bad_json", "schema_violation"]
    gold = [truth[t.id] for t in wave1]
    a, b = report.versions
    assert (a.ref, b.ref, a.scored, a.failed) == ("signal@v0001", "signal@v0002", 24, 0)
    assert a.metrics is not None and b.metrics is not None
    for version, preds in ((a, pred_a), (b, pred_b)):
        predicted = [preds[t.id] for t in wave1]
        assert version.metrics["macro_f1"] == pytest.approx(
            f1_score(gold, predicted, labels=LABELS, average="macro", zero_division=0)
        )
        assert version.metrics["confusion_matrix"]["matrix"] == confusion_matrix(gold, predicted, labels=LABELS).tolist()
    assert a.metrics["accuracy"] == pytest.approx(16 / 24)
    assert a.items_per_second > 0 and a.latency_ms is not None and a.latency_ms.p50 > 0
    c = report.comparison
    assert c is not None and c.items == 36
    agree = sum(pred_a[t.id] == pred_b[t.id] for t in texts)
    assert c.agreement == pytest.approx(agree / 36) and c.disagreements == 36 - agree
    assert {d.news_id for d in c.disagreeing_items} == {t.id for t in texts if pred_a[t.id] != pred_b[t.id]}
    f1_delta = next(d for d in c.deltas if d.metric == "macro_f1")
    assert f1_delta.delta == pytest.approx(a.metrics["macro_f1"] - b.metrics["macro_f1"])
    assert f1_delta.ci_low <= f1_delta.delta <= f1_delta.ci_high
    assert c.verdict in result.output and result.output.strip().splitlines()[-1].startswith("records=38 items=36 scored=24 bad=2")
    assert "## Comparison" in (out / "report.md").read_text()
    assert set(report.plots) == {"confusion_signal_v0001.png", "confusion_signal_v0002.png", "latency.png", "scores.png"}
    for name in report.plots:
        with Image.open(out / name) as image:
            assert image.format == "PNG" and image.size[0] > 100 and image.size[1] > 100
            image.verify()

    # Backfill output: one result per item, v0001's, marked as replay, pointing at its input.
    positions = {r.key.decode(): (r.partition, r.offset) for r in inputs if r.key}
    sandbox = [ClassificationResult.model_validate_json(r.value) for r in read_topic(broker.bootstrap, f"sandbox-{group}")]
    assert report.published == 36 and sorted(r.news_id for r in sandbox) == sorted(t.id for t in texts)
    for r in sandbox:
        assert r.lineage.replay and r.lineage.adapter_version == "v0001" and r.label == pred_a[r.news_id]
        assert (r.lineage.source_partition, r.lineage.source_offset) == positions[r.news_id]

    # Time bounds resolve, on the broker, to the same slice as the equivalent offsets.
    registry.promote("signal", "v0002", "test")
    by_time = tmp_path / "by-time"
    finnews(
        "replay",
        "--topic",
        topic,
        "--adapter",
        "signal@current",
        "--from-time",
        boundary.isoformat(),
        "--label-field",
        "label",
        "--out",
        str(by_time),
        "--no-progress",
        "--batch-size",
        "1",
    )
    timed = ReplayReport.model_validate_json((by_time / "report.json").read_text())
    wave2_positions = [positions[t.id] for t in wave2]
    expected = {p: min(o for q, o in wave2_positions if q == p) for p in {q for q, _ in wave2_positions}}
    assert {p: s for p, (s, e) in _ranges(timed).items() if e > s} == expected
    assert (timed.items, timed.scored, timed.bad_records) == (12, 12, 0)
    ranges = _ranges(timed)
    by_offset = tmp_path / "by-offset"
    finnews(
        "replay",
        "--topic",
        topic,
        "--adapter",
        "signal@v0002",
        "--label-field",
        "label",
        "--out",
        str(by_offset),
        "--no-progress",
        "--batch-size",
        "1",
        "--from-offset",
        ",".join(f"{p}={s}" for p, (s, _) in ranges.items()),
        "--to-offset",
        ",".join(f"{p}={e}" for p, (_, e) in ranges.items()),
    )
    offset_report = ReplayReport.model_validate_json((by_offset / "report.json").read_text())
    assert _ranges(offset_report) == ranges
    assert offset_report.versions[0].metrics == timed.versions[0].metrics
    finnews(
        "replay",
        "--topic",
        topic,
        "--adapter",
        "signal@v0002",
        "--to-time",
        boundary.isoformat(),
        "--out",
        str(tmp_path / "until"),
        "--no-progress",
        "--batch-size",
        "1",
    )
    until = ReplayReport.model_validate_json((tmp_path / "until" / "report.json").read_text())
    assert timed.versions[0].ref == "signal@v0002"
    assert (until.items, until.bad_records, until.scored) == (24, 2, 0)

    # Replays never join or commit for any group: production's offsets are as they were.
    assert committed_offsets(broker.bootstrap, group, topic) == before


def test_replay_refuses_live_topics_and_broken_versions(broker: Any, tiny_model_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "registry").mkdir()
    settings = settings_for(broker, tiny_model_dir, registry=tmp_path / "registry", tasks=TASKS)
    registry = Registry(tmp_path / "registry")
    register_random(registry, tiny_model_dir, settings.task("signal"), 5, tmp_path)
    env = settings_env(settings) | {"FINNEWS_REGISTRY": str(registry.root), "FINNEWS_LOG_LEVEL": "WARNING"}
    runner = CliRunner()
    base = ["replay", "--topic", settings.topics.input, "--out", str(tmp_path / "out"), "--no-progress", "--batch-size", "1"]

    def refused(*args: str) -> str:
        result = runner.invoke(app, base + list(args), env=env)
        assert result.exit_code != 0, result.output
        return result.output

    live = settings.task("signal").output_topic
    assert "live output topic" in refused("--adapter", "signal@v0001", "--to-topic", live)
    assert "input, dead-letter or control topic" in refused("--adapter", "signal@v0001", "--to-topic", settings.topics.input)
    assert "no version 'v0009'" in refused("--adapter", "signal@v0009")
    assert "expected TASK@VERSION" in refused("--adapter", "sentiment")
    assert "not both" in refused("--adapter", "signal@v0001", "--from-offset", "0", "--from-time", "2026-01-01T00:00:00+00:00")
    assert "has no timezone" in refused("--adapter", "signal@v0001", "--from-time", "2026-01-01T00:00:00")
    weights = registry.path("signal", "v0001") / "adapter_model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\0")
    assert "sha256" in refused("--adapter", "signal@v0001")
    assert not (tmp_path / "out" / "report.json").exists()
    # --allow-live lets an operator backfill a live topic on purpose (an empty topic: nothing to write).
    register_random(registry, tiny_model_dir, settings.task("signal"), 6, tmp_path)
    ok = runner.invoke(app, base + ["--adapter", "signal@v0002", "--to-topic", live, "--allow-live"], env=env)
    assert ok.exit_code == 0, ok.output
    assert "records=0 items=0" in ok.output.strip().splitlines()[-1]


def test_replay_of_a_summarization_task_scores_rouge(broker: Any, tiny_model_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "registry").mkdir()
    tasks = [{"name": "headline", "kind": "summarize", "output_topic": "headline-out", "max_new_tokens": 6}]
    settings = settings_for(broker, tiny_model_dir, registry=tmp_path / "registry", tasks=tasks)
    registry = Registry(tmp_path / "registry")
    task = settings.task("headline")
    register_random(registry, tiny_model_dir, task, 21, tmp_path)
    texts = _texts(10)
    spec = task.model_copy(update={"adapter": registry.path("headline", "v0001")})
    engine = Engine(load_model(settings.model, [spec]), [spec], settings.model.max_input_tokens)
    offline = [r.text for r in predict(engine, ["headline"], texts, batch_size=1)["headline"] if isinstance(r, Summary)]
    # Half the references are the version's own outputs: the expected ROUGE is well above zero, and known.
    references = [offline[i] if i % 2 == 0 and offline[i] else f"Company{i % 7} quarterly revenue" for i in range(len(texts))]
    data = tmp_path / "sum.jsonl"
    data.write_text("".join(json.dumps({"id": t.id, "text": t.text, "summary": ref}) + "\n" for t, ref in zip(texts, references)))
    env = settings_env(settings) | {"FINNEWS_REGISTRY": str(registry.root), "FINNEWS_LOG_LEVEL": "WARNING"}
    runner = CliRunner()
    published = runner.invoke(app, ["publish", str(data), "--labels-out", str(tmp_path / "refs.jsonl")], env=env)
    assert published.exit_code == 0, published.output
    assert json.loads((tmp_path / "refs.jsonl").read_text().splitlines()[0]) == {"id": "e-000", "summary": references[0]}

    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "replay",
            "--topic",
            settings.topics.input,
            "--adapter",
            "headline@v0001",
            "--labels",
            str(tmp_path / "refs.jsonl"),
            "--out",
            str(out),
            "--no-progress",
            "--batch-size",
            "1",
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    report = ReplayReport.model_validate_json((out / "report.json").read_text())
    expected = rouge_metrics(references, offline)
    metrics = report.versions[0].metrics
    assert metrics is not None and report.scored == 10 and expected["rouge_l"] > 0.3
    for key in ("rouge_1", "rouge_2", "rouge_l"):
        assert metrics[key] == pytest.approx(expected[key])
    assert set(report.plots) == {"latency.png", "scores.png"} and "rouge_l=" in result.output
