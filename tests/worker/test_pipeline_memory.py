"""The pipeline without Kafka: dead letters, isolation of a failing item, ack after publish."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tests.support.news import MALFORMED, lines, news
from tests.support.poison import POISON_TEXT, poisoned_engine
from worker.config import BatchSettings, load_settings
from worker.engine import EngineThread
from worker.outputs import OutputBuilder
from worker.pipeline import Pipeline
from worker.publish import MemoryPublisher
from worker.records import InputRecord


def _source_offset(value: bytes) -> int:
    record = json.loads(value)
    return record["lineage"]["source_offset"] if "lineage" in record else record["source"]["offset"]


def test_failing_item_is_dead_lettered_alone_and_acks_follow_publishing(tiny_model_dir: Path) -> None:
    settings = load_settings(model={"base": tiny_model_dir})
    engine = poisoned_engine(settings)
    items = news(6)
    items[3]["body"] = POISON_TEXT
    feed = lines(items) + [MALFORMED["bad_json"]]
    publisher = MemoryPublisher()
    acked: list[int] = []

    async def go() -> Pipeline:
        pipeline = Pipeline(
            settings.tasks,
            EngineThread(engine),
            OutputBuilder(engine.loaded, "w1", settings.topics.deadletter),
            publisher,
            BatchSettings(max_items=8, max_wait_ms=50),
            settings.max_item_bytes,
        )
        pipeline.start()
        for offset, value in enumerate(feed):

            def ack(offset: int = offset) -> None:
                # Every output of this input must already be published.
                published = {_source_offset(m.value) for m in publisher.messages}
                assert offset in published, f"input {offset} acked before anything was published for it"
                acked.append(offset)

            await pipeline.submit(InputRecord("news.raw", 0, offset, datetime.now(timezone.utc), None, value, ack=ack))
        assert await pipeline.drain(30)
        await pipeline.stop()
        return pipeline

    pipeline = asyncio.run(go())
    assert sorted(acked) == list(range(len(feed)))
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for m in publisher.messages:
        by_topic.setdefault(m.topic, []).append(json.loads(m.value))
    dead = by_topic[settings.topics.deadletter]
    assert sorted((d["reason"], d["task"]) for d in dead) == [
        ("bad_json", None),
        ("inference_error", "headline"),
        ("inference_error", "sentiment"),
    ]
    ok_ids = {i["id"] for k, i in enumerate(items) if k != 3}
    for task in settings.tasks:
        assert {r["news_id"] for r in by_topic[task.output_topic]} == ok_ids
    assert pipeline.stats.dead_lettered == 3 and pipeline.stats.consumed == 7
