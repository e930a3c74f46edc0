"""FINNEWS_DELIVERY=exactly_once: outputs, dead letters and offsets commit in one transaction per batch
and partition, so a read_committed consumer sees each (news id, task) once even across kill -9;
on a broker without transactions (Tansu) the mode refuses to start in one line."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.support.news import MALFORMED, lines, news
from tests.support.settings import settings_for
from tests.support.topics import committed_offsets, end_offsets, read_topic
from tests.support.workers import WorkerProcess
from worker.dev.demo import publish_raw
from worker.exceptions import ConfigError
from worker.kafka.transactions import PartitionTransactions
from worker.records import OutputMessage
from worker.service import run_worker

pytestmark = pytest.mark.kafka


def _committed(broker: Any, topic: str) -> Counter[str]:
    return Counter(r.json()["news_id"] for r in read_topic(broker.bootstrap, topic, committed_only=True))


def test_exactly_once_survives_kill_9_with_no_duplicates_for_read_committed_consumers(broker: Any, tiny_model_dir: Path) -> None:
    if broker.name == "tansu":
        pytest.skip("Tansu has no transactions")
    settings = settings_for(broker, tiny_model_dir, delivery="exactly_once", batch={"max_items": 4})
    items = news(160)
    publish_raw(broker.bootstrap, settings.topics.input, lines(items) + [MALFORMED["bad_json"]])
    headline = settings.task("headline").output_topic

    def start(name: str) -> WorkerProcess:
        return WorkerProcess(settings, batch_delay_s=0.4, FINNEWS_WORKER_ID=name)

    a, b = start("eos-a"), start("eos-b")
    try:
        for _ in range(2):
            # Killed mid-stream: a batch is in the engine or between its sends and its commit.
            target = sum(_committed(broker, headline).values()) + 12
            deadline = time.monotonic() + 90
            while sum(_committed(broker, headline).values()) < target and time.monotonic() < deadline:
                time.sleep(0.5)
            a.kill()
            a = start("eos-a")
        deadline = time.monotonic() + 240
        while len(_committed(broker, headline)) < len(items) and time.monotonic() < deadline:
            time.sleep(1.0)
        # Really in exactly-once mode: the survivor registered transactional producers for its partitions.
        assert b.events("transactional_producers_ready"), "\n".join(b.raw[-20:])
    finally:
        for worker in (a, b):
            worker.stop(timeout=60)
    ids = {i["id"] for i in items}
    for task in settings.tasks:
        seen = _committed(broker, task.output_topic)
        assert set(seen) == ids, task.name  # nothing lost
        assert [k for k, n in seen.items() if n > 1] == [], task.name  # nothing twice
    letters = read_topic(broker.bootstrap, settings.topics.deadletter, committed_only=True)
    assert len(letters) == 1  # the malformed record, dead-lettered once
    # Every input's offset was committed, inside the transactions (the worker's own commit loop is off).
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input) == end_offsets(
        broker.bootstrap, settings.topics.input
    )


def test_exactly_once_refuses_to_start_on_a_broker_without_transactions(tansu: Any, tiny_model_dir: Path) -> None:
    settings = settings_for(tansu, tiny_model_dir, delivery="exactly_once")

    async def go() -> None:
        await run_worker(settings, install_signal_handlers=False)

    with pytest.raises(ConfigError, match=r"delivery=exactly_once .* needs a broker with Kafka transactions"):
        asyncio.run(asyncio.wait_for(go(), 120))


def test_a_zombie_is_fenced_when_the_new_owner_takes_its_partition(broker: Any, tiny_model_dir: Path) -> None:
    if broker.name == "tansu":
        pytest.skip("Tansu has no transactions")
    settings = settings_for(broker, tiny_model_dir, delivery="exactly_once")
    out = settings.task("sentiment").output_topic

    def message(value: bytes) -> OutputMessage:
        return OutputMessage(topic=out, key=b"k", value=value, headers=[])

    async def go() -> tuple[bool, bool, bool]:
        zombie, owner = PartitionTransactions(settings), PartitionTransactions(settings)
        try:
            await zombie.assigned([0])
            before = await zombie.publish_atomically(0, [message(b'{"news_id": "z1"}')], 1)
            await owner.assigned([0])  # the partition moved: registering its id fences the zombie
            fenced = await zombie.publish_atomically(0, [message(b'{"news_id": "z2"}')], 2)
            after = await owner.publish_atomically(0, [message(b'{"news_id": "o2"}')], 2)
            return before, fenced, after
        finally:
            await zombie.close()
            await owner.close()

    before, fenced, after = asyncio.run(go())
    assert (before, fenced, after) == (True, False, True)
    assert sorted(_committed(broker, out)) == ["o2", "z1"]
    assert committed_offsets(broker.bootstrap, settings.kafka.group_id, settings.topics.input)[0] == 2
