"""Outputs the broker refuses for themselves (too large for their topic) become one dead letter for their
input, in both delivery modes; the input's other outputs are published and its offset committed.

Before: with a headline topic limited to 300 bytes, at-least-once exited on every start with all inputs
stalled (their sentiment results published again each time), and exactly-once lost most of them."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from kafka.admin import ConfigResource, ConfigResourceType

from tests.support.delivery import delivery_for, finished, tp, value
from tests.support.news import lines, news
from tests.support.settings import settings_for
from tests.support.topics import committed_offsets, end_offsets, read_topic
from worker.dev.demo import publish_raw
from worker.kafka import clients
from worker.service import run_worker

pytestmark = pytest.mark.kafka


def _limit(bootstrap: str, topic: str, max_bytes: int) -> None:
    admin = clients.admin(bootstrap, "test-limit")
    try:
        admin.alter_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": str(max_bytes)})],
            raise_on_unknown=False,
        )
    finally:
        admin.close()


def _modes(broker: Any) -> list[str]:
    return ["at_least_once"] if broker.name == "tansu" else ["at_least_once", "exactly_once"]


@pytest.mark.parametrize("mode", ["at_least_once", "exactly_once"])
def test_a_headline_topic_that_refuses_every_headline(broker: Any, tiny_model_dir: Path, engine: Any, mode: str) -> None:
    if mode not in _modes(broker):
        pytest.skip("Tansu has no transactions")
    if broker.name == "tansu":
        pytest.skip("Tansu does not enforce max.message.bytes")
    settings = settings_for(broker, tiny_model_dir, delivery=mode)
    headline, sentiment = settings.task("headline").output_topic, settings.task("sentiment").output_topic
    _limit(broker.bootstrap, headline, 300)  # every headline with its lineage is larger
    items = news(40)
    publish_raw(broker.bootstrap, settings.topics.input, lines(items))

    summary = asyncio.run(
        asyncio.wait_for(run_worker(settings, engine=engine, max_items=len(items), install_signal_handlers=False), 240)
    )
    assert summary.failed is None, summary.failed
    committed = mode == "exactly_once"
    ids = {i["id"] for i in items}
    results = Counter(r.json()["news_id"] for r in read_topic(broker.bootstrap, sentiment, committed_only=committed))
    assert set(results) == ids and max(results.values()) == 1  # published once each, not again on every restart
    assert read_topic(broker.bootstrap, headline, committed_only=committed) == []
    letters = [r.json() for r in read_topic(broker.bootstrap, settings.topics.deadletter, committed_only=committed)]
    assert len(letters) == len(items)  # one per input
    for letter in letters:
        assert letter["reason"] == "output_rejected" and letter["tasks"] == ["headline"]
        assert "MessageSizeTooLarge" in letter["message"] and headline in letter["message"]
    assert {letter["source"]["offset"] for letter in letters if letter["source"]["partition"] == 0} == {
        r.offset for r in read_topic(broker.bootstrap, settings.topics.input) if r.partition == 0
    }
    # Every input is done: its offset is committed.
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == end_offsets(
        broker.bootstrap, settings.topics.input
    )


@pytest.mark.parametrize("mode", ["at_least_once", "exactly_once"])
def test_outputs_too_large_only_together_are_published_alone(broker: Any, tiny_model_dir: Path, engine: Any, mode: str) -> None:
    """A topic limit below the producer's record batch: several records that each fit can be refused as one
    batch; each is tried alone before anything is dead-lettered."""
    if mode not in _modes(broker) or broker.name == "tansu":
        pytest.skip("needs Apache Kafka")
    settings = settings_for(broker, tiny_model_dir, delivery=mode, kafka={"linger_ms": 200})
    out = settings.task("sentiment").output_topic
    _limit(broker.bootstrap, out, 700)

    async def go() -> Any:
        async with delivery_for(settings, engine) as delivery:
            await delivery.assigned([tp(settings)])
            # Three records of ~250 bytes: any two in one batch exceed 700; one of 900 never fits.
            batch = [finished(settings, i, {out: value(f"n{i}", pad=200)}) for i in range(3)]
            batch.append(finished(settings, 3, {out: value("big", pad=900)}))
            return await delivery.publish(batch)

    published = asyncio.run(go())
    assert len(published.acked) == 4
    assert [f.dead for f in published.acked] == [[], [], [], ["output_rejected"]]
    committed = mode == "exactly_once"
    assert sorted(r.json()["news_id"] for r in read_topic(broker.bootstrap, out, committed_only=committed)) == ["n0", "n1", "n2"]
    (letter,) = [r.json() for r in read_topic(broker.bootstrap, settings.topics.deadletter, committed_only=committed)]
    assert letter["source"]["offset"] == 3 and letter["reason"] == "output_rejected"
