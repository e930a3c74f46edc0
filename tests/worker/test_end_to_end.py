"""The main job against a real broker: every valid input gets one output per task
with correct lineage; malformed inputs are dead-lettered while the worker goes on."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import ClassificationResult, DeadLetter, SummaryResult
from tests.support.news import MALFORMED, lines, news
from tests.support.settings import settings_for
from tests.support.topics import committed_offsets, next_offsets, read_topic
from worker.dev.demo import publish_raw
from worker.service import run_worker

pytestmark = pytest.mark.kafka


@pytest.mark.parametrize("which", ["broker", "tansu"])
def test_every_valid_input_gets_one_output_per_task(
    which: str, request: pytest.FixtureRequest, tiny_model_dir: Path, engine: Any
) -> None:
    broker = request.getfixturevalue(which)
    settings = settings_for(broker, tiny_model_dir)
    valid = news(30)
    feed = lines(valid[:10]) + list(MALFORMED.values()) + lines(valid[10:])
    publish_raw(broker.bootstrap, settings.topics.input, feed)

    summary = asyncio.run(
        asyncio.wait_for(run_worker(settings, engine=engine, max_items=len(feed), install_signal_handlers=False), 180)
    )

    assert summary.failed is None
    assert (summary.items, summary.classified, summary.summarized, summary.dead_lettered) == (34, 30, 30, 4)
    inputs = {r.key.decode(): r for r in read_topic(broker.bootstrap, settings.topics.input) if r.key}
    ids = {item["id"] for item in valid}

    sentiment = [
        ClassificationResult.model_validate_json(r.value)
        for r in read_topic(broker.bootstrap, settings.task("sentiment").output_topic)
    ]
    headline_records = read_topic(broker.bootstrap, settings.task("headline").output_topic)
    headlines = [SummaryResult.model_validate_json(r.value) for r in headline_records]
    assert sorted(r.news_id for r in sentiment) == sorted(ids)
    assert sorted(r.news_id for r in headlines) == sorted(ids)

    for result in [*sentiment, *headlines]:
        lineage = result.lineage
        source = inputs[result.news_id]
        assert (lineage.source_topic, lineage.source_partition, lineage.source_offset) == (
            settings.topics.input,
            source.partition,
            source.offset,
        )
        assert lineage.base_fingerprint == engine.loaded.fingerprint
        assert lineage.adapter_name == "none" and lineage.adapter_version == "base"
        assert lineage.worker_id == settings.worker_id
        assert lineage.processed_at >= lineage.source_timestamp
    for result in sentiment:
        assert result.label in ("positive", "negative", "neutral")
        assert set(result.scores) == {"positive", "negative", "neutral"}
        assert result.scores[result.label] == max(result.scores.values())
    for result in headlines:
        assert 0 <= result.output_tokens <= 8 and result.input_tokens > 0

    # Lineage is in the headers too, and records are keyed by news id.
    for record in headline_records:
        assert record.key == record.headers["finnews-news-id"]
        assert record.headers["finnews-task"] == b"headline"
        assert record.headers["finnews-base-fingerprint"] == engine.loaded.fingerprint.encode()

    dead = [DeadLetter.model_validate_json(r.value) for r in read_topic(broker.bootstrap, settings.topics.deadletter)]
    assert sorted(d.reason.value for d in dead) == sorted(MALFORMED)
    for letter in dead:
        original = MALFORMED[letter.reason.value]
        assert (base64.b64decode(letter.value_b64) if letter.value_b64 else b"") == original
        assert letter.source.topic == settings.topics.input and letter.message

    # Everything consumed was published, so everything is committed.
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == next_offsets(
        read_topic(broker.bootstrap, settings.topics.input)
    )


def test_publish_command_reports_invalid_lines_and_publishes_the_rest(
    broker: Any, tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from worker.cli import app

    settings = settings_for(broker, tiny_model_dir)
    feed = tmp_path / "feed.jsonl"
    deep = b'{"id": "deep", "x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    feed.write_bytes(b"\n".join(lines(news(3)) + [MALFORMED["bad_json"], MALFORMED["schema_violation"], deep]) + b"\n")
    monkeypatch.setenv("FINNEWS_KAFKA__BOOTSTRAP_SERVERS", broker.bootstrap)
    monkeypatch.setenv("FINNEWS_TOPICS__INPUT", settings.topics.input)
    result = CliRunner().invoke(app, ["publish", str(feed)])
    # Invalid lines make the command fail (scripts must notice), after sending the valid ones.
    assert result.exit_code == 1, result.output
    assert "published=3 invalid=3" in result.output and "3 record(s) sent" in result.output
    assert "feed.jsonl:4: invalid" in result.output and "feed.jsonl:5: invalid" in result.output
    assert "feed.jsonl:6: invalid" in result.output and "Traceback" not in result.output
    keys = sorted(r.key for r in read_topic(broker.bootstrap, settings.topics.input))
    assert keys == [b"n-0000", b"n-0001", b"n-0002"]

    tailed = CliRunner().invoke(app, ["tail", settings.topics.input, "--max", "3", "--timeout", "10"])
    assert tailed.exit_code == 0, tailed.output
    assert sorted(json.loads(line)["key"] for line in tailed.output.splitlines()) == ["n-0000", "n-0001", "n-0002"]
