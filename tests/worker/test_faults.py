"""Short versions of the fault benchmark's scenarios (benchmarks/faults.py), with real worker
processes: slow batches while a worker joins, and kill -9 with static membership."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.support.news import lines, news
from tests.support.settings import settings_for
from tests.support.topics import read_topic, wait_for_records
from tests.support.workers import WorkerProcess
from worker.dev.demo import publish_raw

pytestmark = pytest.mark.kafka


def _seen(broker: Any, topic: str) -> Counter[str]:
    return Counter(r.json()["news_id"] for r in read_topic(broker.bootstrap, topic))


def test_batches_slower_than_max_poll_interval_while_a_worker_joins(broker: Any, tiny_model_dir: Path) -> None:
    settings = settings_for(
        broker,
        tiny_model_dir,
        kafka={"max_poll_interval_s": 10.0, "rebalance_timeout_s": 30.0},
        batch={"max_items": 4, "revoke_timeout_s": 4.0},
    )
    items = news(24)
    publish_raw(broker.bootstrap, settings.topics.input, lines(items))
    delay = 11.0  # every batch outlives max.poll.interval
    a = WorkerProcess(settings, batch_delay_s=delay, FINNEWS_WORKER_ID="slow-a")
    b: WorkerProcess | None = None
    try:
        headline = settings.task("headline").output_topic
        wait_for_records(broker.bootstrap, headline, 1, timeout=90)
        b = WorkerProcess(settings, batch_delay_s=delay, FINNEWS_WORKER_ID="slow-b")
        revoked = a.wait_for("partitions_revoked", timeout=90)
        # The revocation waited at most its deadline, well inside the rebalance timeout.
        assert revoked["seconds"] <= settings.batch.revoke_timeout_s + 2.0, revoked
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            if all(set(_seen(broker, t.output_topic)) == {i["id"] for i in items} for t in settings.tasks):
                break
            time.sleep(2.0)
        for worker in (a, b):
            assert worker.proc.poll() is None, "\n".join(worker.raw[-20:])
            assert not worker.events("worker_failed"), worker.events("worker_failed")
            # No rebalance loop: one assignment when starting, one when the other joined.
            assert len(worker.events("partitions_assigned")) <= 3, worker.events("partitions_assigned")
        assert sorted(a.assigned() + b.assigned()) == list(range(settings.topics.partitions))
    finally:
        rcs = [w.stop(timeout=120) for w in (a, b) if w is not None]
    assert rcs == [0, 0]
    for task in settings.tasks:
        seen = _seen(broker, task.output_topic)
        assert set(seen) == {i["id"] for i in items}, task.name  # nothing lost
        duplicates = sum(n - 1 for n in seen.values())
        assert duplicates <= settings.batch.max_items, seen


def test_kill_9_with_static_membership_loses_nothing_and_moves_no_partitions(broker: Any, tiny_model_dir: Path) -> None:
    if broker.name == "tansu":
        pytest.skip("Tansu does not implement static group membership (KIP-345)")
    settings = settings_for(broker, tiny_model_dir, kafka={"session_timeout_s": 30.0}, batch={"max_items": 4})
    items = news(240)
    publish_raw(broker.bootstrap, settings.topics.input, lines(items))
    headline = settings.task("headline").output_topic

    def start(name: str) -> WorkerProcess:
        return WorkerProcess(settings, batch_delay_s=0.5, FINNEWS_WORKER_ID=name, FINNEWS_KAFKA__GROUP_INSTANCE_ID=name)

    a, b = start("static-a"), start("static-b")
    try:
        deadline = time.monotonic() + 90
        while not (a.assigned() and b.assigned()) and time.monotonic() < deadline:
            time.sleep(0.3)
        before = a.assigned()
        assert before and b.assigned(), "\n".join(a.raw[-10:] + b.raw[-10:])
        b_assignments = len(b.events("partitions_assigned"))
        for _ in range(2):
            wait_for_records(broker.bootstrap, headline, len(_seen(broker, headline)) + 8, timeout=60)
            a.kill()
            a = start("static-a")
            a.wait_for("partitions_assigned", timeout=60)
            # Same partitions back, without a rebalance: the other worker was never disturbed.
            assert a.assigned() == before
            assert len(b.events("partitions_assigned")) == b_assignments
        wait_for_records(broker.bootstrap, headline, len(items), timeout=180)
    finally:
        for worker in (a, b):
            worker.stop(timeout=60)
    for task in settings.tasks:
        assert set(_seen(broker, task.output_topic)) == {i["id"] for i in items}, task.name  # nothing lost
