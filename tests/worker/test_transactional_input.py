"""An input topic written by a transactional producer (Kafka Streams, Connect and Flink in exactly-once
mode do this): records of aborted transactions are never processed, in either delivery mode, and the
commit markers leave no lag behind, so an idle worker is not killed by its own watchdog."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.news import news
from tests.support.settings import settings_for
from tests.support.topics import committed_offsets, end_offsets, read_topic
from worker.kafka import clients
from worker.service import Worker

pytestmark = pytest.mark.kafka


async def _write_in_transactions(bootstrap: str, topic: str, aborted: list[dict[str, Any]], kept: list[dict[str, Any]]) -> None:
    producer = clients.async_producer(bootstrap, "upstream", transactional_id=f"upstream-{topic}")
    await producer.start()
    try:
        for items, commit in ((aborted, False), (kept, True)):
            await producer.begin_transaction()
            for item in items:
                await producer.send_and_wait(topic, json.dumps(item).encode(), key=str(item["id"]).encode(), partition=0)
            if commit:
                await producer.commit_transaction()
            else:
                await producer.abort_transaction()
    finally:
        await producer.stop()


@pytest.mark.parametrize("mode", ["at_least_once", "exactly_once"])
def test_aborted_upstream_records_are_skipped_and_an_idle_worker_stays_alive(
    broker: Any, tiny_model_dir: Path, engine: Any, mode: str
) -> None:
    if broker.name == "tansu":
        pytest.skip("Tansu has no transactions")
    # The shortest progress timeout allowed; the worker then idles for three of them.
    settings = settings_for(broker, tiny_model_dir, delivery=mode, progress_timeout_s=5.0, topics={"partitions": 1})
    aborted, kept = news(3, prefix="aborted"), news(4, prefix="kept")
    asyncio.run(_write_in_transactions(broker.bootstrap, settings.topics.input, aborted, kept))

    async def go() -> tuple[Any, dict[int, int]]:
        worker = Worker(settings, engine=engine)
        stop = asyncio.Event()
        running = asyncio.ensure_future(worker.run(stop))
        await asyncio.sleep(20.0)
        lag = worker._source.lag() if worker._source is not None else {}
        stop.set()
        return await asyncio.wait_for(running, 60), lag

    summary, lag = asyncio.run(go())
    assert summary.failed is None, summary.failed  # before: "no input finished for 5s ... lag 1"
    assert lag == {0: 0}
    committed = mode == "exactly_once"
    for task in settings.tasks:
        seen = sorted(r.json()["news_id"] for r in read_topic(broker.bootstrap, task.output_topic, committed_only=committed))
        assert seen == sorted(i["id"] for i in kept), task.name  # before: the aborted ones too
    # Committed past the last marker: lag as KEDA computes it (end minus committed) is 0 too.
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == end_offsets(
        broker.bootstrap, settings.topics.input
    )
