"""Result records are built as plain data on the hot path: they must be exactly what the schema models make."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
import torch

from schemas.results import ClassificationResult, JudgeLineage, SummaryResult
from schemas.tasks import TaskSpec
from worker.engine.loading import LoadedModel
from worker.engine.results import Classification, JudgeRef, Summary
from worker.outputs import HEADER_PREFIX, OutputBuilder
from worker.records import InputRecord

SENTIMENT = TaskSpec(name="sentiment", kind="classify", labels=("positive", "negative", "neutral"), output_topic="out.sentiment")
HEADLINE = TaskSpec(name="headline", kind="summarize", output_topic="out.headline")
#: The summary record's schema as last released (before `judge`): what consumers not yet upgraded validate against.
RELEASED_SUMMARY = json.loads((Path(__file__).parents[1] / "schemas" / "released" / "summary_result.schema.json").read_text())


def _as_the_model_writes(parsed: ClassificationResult | SummaryResult) -> bytes:
    """The record as its schema model serializes it. No judge, no `judge` key: a consumer on the schema before it
    (which allows no other keys) still reads every record of a feed without a judge."""
    if isinstance(parsed, SummaryResult) and parsed.judge is None:
        return parsed.model_dump_json(exclude={"judge"}).encode()
    return parsed.model_dump_json().encode()


def _builder(replay: bool) -> OutputBuilder:
    model = LoadedModel(
        model=None,
        tokenizer=None,
        decode_tokenizer=None,
        base_name="tiny-llama",
        fingerprint="f" * 64,
        adapters={},
        device=torch.device("cpu"),
    )
    return OutputBuilder(model, "worker-7", "dead", replay=replay)


@pytest.mark.parametrize("replay", [False, True])
def test_results_validate_against_the_schema_and_headers_repeat_the_lineage(replay: bool) -> None:
    stamp = datetime.now(timezone.utc) - timedelta(seconds=2)
    record = InputRecord("news.raw", 3, 41, stamp, b"n-1", b"{}")
    builder = _builder(replay)
    classified = builder.result(
        record, "n-1", SENTIMENT, Classification("negative", {"positive": 0.2, "negative": 0.7, "neutral": 0.1}, "s__v2", "v2")
    )
    summarized = builder.result(record, "n-1", HEADLINE, Summary("Shares fall", 120, 3, "h__v5", "v5"), topic="sandbox")

    c = ClassificationResult.model_validate_json(classified.value)
    s = SummaryResult.model_validate_json(summarized.value)
    assert (c.label, c.scores["negative"], classified.topic, classified.key) == ("negative", 0.7, "out.sentiment", b"n-1")
    assert (s.summary, s.input_tokens, s.output_tokens, summarized.topic) == ("Shares fall", 120, 3, "sandbox")
    for message, parsed, kind, task, adapter, version in (
        (classified, c, "classify", "sentiment", "s__v2", "v2"),
        (summarized, s, "summarize", "headline", "h__v5", "v5"),
    ):
        lineage = parsed.lineage
        assert (lineage.source_topic, lineage.source_partition, lineage.source_offset) == ("news.raw", 3, 41)
        assert (lineage.task, lineage.adapter_name, lineage.adapter_version) == (task, adapter, version)
        assert (lineage.base_model, lineage.base_fingerprint, lineage.worker_id, lineage.replay) == (
            "tiny-llama",
            "f" * 64,
            "worker-7",
            replay,
        )
        assert lineage.source_timestamp == stamp and 2000 <= lineage.latency_ms < 60_000
        # Byte for byte what the schema model itself serializes (less a summary's `judge` where there is none).
        assert message.value == _as_the_model_writes(type(parsed).model_validate_json(message.value))
        headers = {k.removeprefix(HEADER_PREFIX): v.decode() for k, v in message.headers}
        assert headers == {
            "record-type": kind,
            "news-id": "n-1",
            "task": task,
            "adapter": adapter,
            "adapter-version": version,
            "base-model": "tiny-llama",
            "base-fingerprint": "f" * 64,
            "source": "news.raw/3/41",
            "worker-id": "worker-7",
            "processed-at": lineage.processed_at.isoformat(),
            "replay": "true" if replay else "false",
        }


def test_a_summary_record_says_whether_its_headline_is_grounded_and_where_it_came_from() -> None:
    record = InputRecord("news.raw", 0, 7, datetime.now(timezone.utc), b"n-2", b"{}")
    flagged = Summary("Acme Reports 2016 Results", 120, 6, "h__v5", "v5", False, ("2016",), False, "model")
    replaced = Summary("Acme reported first quarter results", 120, 9, "h__v5", "v5", True, (), False, "extractive")
    # A judged one names the judge version and the threshold its support was held to.
    judged = Summary(
        "Acme Revenue Rises", 120, 4, "h__v5", "v5", False, (), False, "model", 0.2, JudgeRef("support", "s__v3", "v3", 0.25)
    )
    for result in (flagged, judged, replaced):
        message = _builder(False).result(record, "n-2", HEADLINE, result)
        parsed = SummaryResult.model_validate_json(message.value)
        assert (parsed.grounded, parsed.unsupported, parsed.looping, parsed.headline_source) == (
            result.grounded,
            list(result.unsupported),
            result.looping,
            result.headline_source,
        )
        assert parsed.support == result.support
        assert parsed.judge == (
            None
            if result.judge is None
            else JudgeLineage(task="support", adapter_name="s__v3", adapter_version="v3", min_support=0.25)
        )
        assert message.value == _as_the_model_writes(parsed)
        headers = dict(message.headers)
        assert headers.get(HEADER_PREFIX + "judge") == (b"support@v3 0.25" if result.judge else None)
        if result.judge is None:
            jsonschema.validate(json.loads(message.value), RELEASED_SUMMARY)
    # Records made before the check existed still validate: nothing was checked.
    old = SummaryResult.model_validate_json(
        message.value.replace(b'"grounded":true,', b"").replace(b'"headline_source":"extractive",', b"")
    )
    assert (old.grounded, old.headline_source) == (None, None)
