"""At-least-once under faults, with real worker processes on a real broker; and the broker's verdict on
outputs it refuses for themselves, with a delivery driven directly."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.support.delivery import delivery_for, finished, tp, value
from tests.support.news import lines, news
from tests.support.settings import settings_for
from tests.support.topics import committed_offsets, next_offsets, read_topic, set_topic_config, wait_for_records
from tests.support.workers import WorkerProcess
from worker.dev.demo import publish_raw
from worker.service import run_worker

pytestmark = pytest.mark.kafka


def _ids(bootstrap: str, topic: str) -> Counter[str]:
    return Counter(r.json()["news_id"] for r in read_topic(bootstrap, topic))


def test_worker_killed_after_publishing_before_committing_reprocesses(broker: Any, tiny_model_dir: Path, engine: Any) -> None:
    # Commits only every hour: the kill lands after publishing, before any commit.
    settings = settings_for(broker, tiny_model_dir, kafka={"commit_interval_s": 3600.0})
    items = news(24)
    ids = {item["id"] for item in items}
    publish_raw(broker.bootstrap, settings.topics.input, lines(items))
    topics = [t.output_topic for t in settings.tasks]

    first = WorkerProcess(settings)
    try:
        for topic in topics:
            assert len(wait_for_records(broker.bootstrap, topic, len(items), timeout=120)) >= len(items)
    finally:
        first.kill()
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == {}

    # A restarted worker (same group) gets the uncommitted inputs again.
    restarted = settings.model_copy(update={"kafka": settings.kafka.model_copy(update={"commit_interval_s": 0.5})})
    summary = asyncio.run(run_worker(restarted, engine=engine, max_items=len(items), install_signal_handlers=False))
    assert summary.failed is None and summary.items == len(items)
    for topic in topics:
        seen = _ids(broker.bootstrap, topic)
        assert set(seen) == ids  # nothing lost
        assert all(n == 2 for n in seen.values())  # each input processed again, once
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == next_offsets(
        read_topic(broker.bootstrap, settings.topics.input)
    )


def test_sigterm_drains_and_commits_only_what_was_published(broker: Any, tiny_model_dir: Path) -> None:
    # One item per batch keeps the worker busy long enough to be stopped midway.
    settings = settings_for(broker, tiny_model_dir, batch={"max_items": 1}, drain_timeout_s=15.0)
    items = news(600)
    publish_raw(broker.bootstrap, settings.topics.input, lines(items))
    worker = WorkerProcess(settings)
    wait_for_records(broker.bootstrap, settings.task("headline").output_topic, 8, timeout=120)
    started = time.monotonic()
    rc = worker.stop(timeout=60)
    elapsed = time.monotonic() - started
    assert rc == 0, "\n".join(worker.raw[-20:])
    assert elapsed < settings.drain_timeout_s + 15
    assert worker.events("worker_draining_done")

    inputs = read_topic(broker.bootstrap, settings.topics.input)
    committed = committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input)
    committed_ids = {r.key.decode() for r in inputs if r.offset < committed.get(r.partition, 0)}
    assert committed_ids, "the worker committed nothing before it was stopped"
    assert len(committed_ids) < len(items), "the worker finished before SIGTERM; the test proves nothing"
    for task in settings.tasks:
        assert committed_ids <= set(_ids(broker.bootstrap, task.output_topic))


def test_two_workers_in_one_group_split_partitions(broker: Any, tiny_model_dir: Path) -> None:
    settings = settings_for(broker, tiny_model_dir)
    partitions = settings.topics.partitions
    a = WorkerProcess(settings, FINNEWS_WORKER_ID="worker-a")
    b = WorkerProcess(settings, FINNEWS_WORKER_ID="worker-b")
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            pa, pb = a.assigned(), b.assigned()
            if pa and pb and sorted(pa + pb) == list(range(partitions)):
                break
            time.sleep(0.3)
        else:
            raise AssertionError(
                f"partitions never split: a={a.assigned()} b={b.assigned()}\n" + "\n".join(a.raw[-10:] + b.raw[-10:])
            )

        items = news(40)
        publish_raw(broker.bootstrap, settings.topics.input, lines(items))
        for task in settings.tasks:
            wait_for_records(broker.bootstrap, task.output_topic, len(items), timeout=120)
    finally:
        assert a.stop() == 0
        assert b.stop() == 0

    ids = {item["id"] for item in items}
    for task in settings.tasks:
        records = read_topic(broker.bootstrap, task.output_topic)
        seen = Counter(r.json()["news_id"] for r in records)
        assert set(seen) == ids and set(seen.values()) == {1}, seen
        assert {r.json()["lineage"]["worker_id"] for r in records} == {"worker-a", "worker-b"}
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == next_offsets(
        read_topic(broker.bootstrap, settings.topics.input)
    )


def _needs_apache_kafka(broker: Any) -> None:
    if broker.name == "tansu":
        pytest.skip("Tansu enforces neither topic limits nor compaction rules, and has no transactions")


@pytest.mark.parametrize("mode", ["at_least_once", "exactly_once"])
def test_an_invalid_record_is_refused_for_itself(broker: Any, tiny_model_dir: Path, engine: Any, mode: str) -> None:
    """Finding (issue 28, 6): INVALID_RECORD (code 87, KIP-467) has no class in aiokafka, which reported it
    as UnknownError (errno -1): the refusal was taken for a broker failure and the worker crash-looped.
    A compacted topic refuses a record without a key with it."""
    _needs_apache_kafka(broker)
    settings = settings_for(broker, tiny_model_dir, delivery=mode)
    out = settings.task("sentiment").output_topic
    set_topic_config(broker.bootstrap, out, cleanup_policy="compact")

    async def go() -> Any:
        async with delivery_for(settings, engine) as delivery:
            await delivery.assigned([tp(settings)])
            keyless = finished(settings, 0, {out: value("a")}, key=None)
            return await delivery.publish([keyless, finished(settings, 1, {out: value("b")})])

    published = asyncio.run(go())
    assert [f.dead for f in published.acked] == [["output_rejected"], []]
    committed = mode == "exactly_once"
    assert [r.json()["news_id"] for r in read_topic(broker.bootstrap, out, committed_only=committed)] == ["b"]
    (letter,) = [r.json() for r in read_topic(broker.bootstrap, settings.topics.deadletter, committed_only=committed)]
    assert letter["source"]["offset"] == 0 and "InvalidRecord" in letter["message"], letter


def test_a_fitting_output_sharing_a_record_batch_with_a_refused_one_is_published(
    broker: Any, tiny_model_dir: Path, engine: Any
) -> None:
    """Finding (issue 28, 5): two batches publishing at once share the producer; a fitting output and a
    refused one landed in one record batch, were refused together, were retried "alone" at the same moment
    into one record batch again, and both became output_rejected dead letters."""
    _needs_apache_kafka(broker)
    settings = settings_for(broker, tiny_model_dir, kafka={"linger_ms": 50})
    out = settings.task("sentiment").output_topic
    set_topic_config(broker.bootstrap, out, max_message_bytes="700")
    fits, too_large = value("a", pad=300), value("b", pad=900)  # each alone: ~400 bytes fits, ~1000 does not

    async def go() -> list[Any]:
        async with delivery_for(settings, engine) as delivery:
            await delivery.assigned([tp(settings)])
            # One key: one output partition, hence one record batch while the producer lingers.
            a = finished(settings, 0, {out: fits}, key=b"same")
            b = finished(settings, 1, {out: too_large}, key=b"same")
            return list(await asyncio.gather(delivery.publish([a]), delivery.publish([b])))

    first, second = asyncio.run(go())
    assert [f.dead for f in first.acked] == [[]], "the fitting output was dead-lettered"
    assert [f.dead for f in second.acked] == [["output_rejected"]]
    assert [r.json()["news_id"] for r in read_topic(broker.bootstrap, out)] == ["a"]
    (letter,) = [r.json() for r in read_topic(broker.bootstrap, settings.topics.deadletter)]
    assert letter["source"]["offset"] == 1
