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
from worker.exceptions import FatalEngineError
from worker.outputs import OutputBuilder
from worker.pipeline import Pipeline
from worker.publish import MemoryDelivery
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
    publisher = MemoryDelivery()
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
    # One dead letter per input, naming every task that failed for it.
    assert sorted((d["reason"], sorted(d["tasks"])) for d in dead) == [
        ("bad_json", []),
        ("inference_error", ["headline", "sentiment"]),
    ]
    ok_ids = {i["id"] for k, i in enumerate(items) if k != 3}
    for task in settings.tasks:
        assert {r["news_id"] for r in by_topic[task.output_topic]} == ok_ids
    assert pipeline.stats.dead_lettered == 2 and pipeline.stats.consumed == 7


def _run(engine: Any, settings: Any, feed: list[bytes], drain_s: float = 60) -> tuple[Pipeline, MemoryDelivery]:
    delivery = MemoryDelivery()

    async def go() -> Pipeline:
        pipeline = Pipeline(
            settings.tasks,
            EngineThread(engine),
            OutputBuilder(engine.loaded, "w1", settings.topics.deadletter),
            delivery,
            BatchSettings(max_items=4, max_wait_ms=50),
            settings.max_item_bytes,
        )
        pipeline.start()
        for offset, value in enumerate(feed):
            await pipeline.submit(InputRecord("news.raw", 0, offset, datetime.now(timezone.utc), None, value))
        await pipeline.drain(drain_s)
        await pipeline.stop()
        return pipeline

    return asyncio.run(go()), delivery


def test_batches_whose_every_item_fails_inference_dead_letter_each_item_and_go_on(tiny_model_dir: Path) -> None:
    # Before: three such batches in a row raised FatalEngineError, and since those inputs were never
    # acked the worker died on them again after every restart.
    settings = load_settings(model={"base": tiny_model_dir})
    engine = poisoned_engine(settings)
    poisoned = news(12)
    for item in poisoned:
        item["body"] = POISON_TEXT
    healthy = news(2, prefix="ok")
    pipeline, delivery = _run(engine, settings, lines(poisoned) + lines(healthy))
    assert pipeline.latch.tripped is None
    dead = [json.loads(m.value) for m in delivery.messages if m.topic == settings.topics.deadletter]
    assert sorted(d["source"]["offset"] for d in dead) == list(range(12))  # exactly one per poisoned input
    assert all(d["reason"] == "inference_error" and sorted(d["tasks"]) == ["headline", "sentiment"] for d in dead)
    assert pipeline.stats.acked == 14
    for task in settings.tasks:
        assert {json.loads(m.value)["news_id"] for m in delivery.messages if m.topic == task.output_topic} == {
            i["id"] for i in healthy
        }


class _Broken:
    """A model that fails on everything, the known-good probe included: the engine itself is broken."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("device lost")

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("device lost")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)


def test_an_engine_that_fails_on_a_known_good_item_stops_the_worker(tiny_model_dir: Path) -> None:
    settings = load_settings(model={"base": tiny_model_dir})
    engine = poisoned_engine(settings)
    engine.loaded.model = _Broken(engine.loaded.model)
    pipeline, delivery = _run(engine, settings, lines(news(4)), drain_s=10)
    assert isinstance(pipeline.latch.tripped, FatalEngineError)
    assert "known-good item" in str(pipeline.latch.tripped)
    assert pipeline.stats.acked == 0 and delivery.messages == []  # nothing acked: redone after the restart
