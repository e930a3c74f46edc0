"""A promotion reaches a running worker: it swaps adapters between batches,
loses nothing, processes nothing twice, and refuses a broken version."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.support.news import lines, news
from tests.support.registry import register_random
from tests.support.settings import settings_for
from tests.support.topics import read_topic
from training.train import promote
from worker.kafka import clients
from worker.registry import Registry
from worker.service import run_worker

pytestmark = pytest.mark.kafka


def _paced(bootstrap: str, topic: str, values: list[bytes], rate: float) -> None:
    producer: Any = clients.producer(bootstrap, "test-paced")
    for value in values:
        producer.send(topic, key=json.loads(value)["id"].encode(), value=value)
        producer.flush()
        time.sleep(1.0 / rate)
    producer.close()


def test_promotion_swaps_at_a_batch_boundary_with_no_loss_and_refuses_a_tampered_version(
    broker: Any, tiny_model_dir: Path, tmp_path: Path
) -> None:
    registry = Registry(tmp_path / "registry")
    registry.root.mkdir()
    settings = settings_for(broker, tiny_model_dir, registry=registry.root, adapter_reconcile_s=3600.0, batch={"max_items": 4})
    task = settings.task("sentiment")
    for seed in (1, 2, 3):
        register_random(registry, tiny_model_dir, task, seed=seed, work=tmp_path)
    registry.promote("sentiment", "v0001", "initial")
    first, second, third = news(40, prefix="a"), news(40, prefix="b"), news(12, prefix="c")

    async def go() -> None:
        ready, stop = asyncio.Event(), asyncio.Event()
        worker = asyncio.create_task(run_worker(settings, install_signal_handlers=False, ready=ready, stop=stop))
        await asyncio.wait_for(ready.wait(), 90)
        loop = asyncio.get_running_loop()
        out_topic = task.output_topic

        async def wait_outputs(n: int) -> None:
            for _ in range(300):
                if len(await loop.run_in_executor(None, read_topic, broker.bootstrap, out_topic)) >= n:
                    return
                await asyncio.sleep(0.3)
            raise AssertionError(f"fewer than {n} outputs")

        feeder = threading.Thread(target=_paced, args=(broker.bootstrap, settings.topics.input, lines(first + second), 25.0))
        feeder.start()
        await wait_outputs(20)
        # Promote mid-stream: the event goes out while inputs keep flowing.
        await loop.run_in_executor(None, promote, settings, registry, "sentiment", "v0002", "better", False)
        await loop.run_in_executor(None, feeder.join)
        await wait_outputs(80)
        # A tampered version is promoted in the registry, but the worker refuses it.
        config = registry.path("sentiment", "v0003") / "adapter_config.json"
        config.write_text(config.read_text().replace('"r": 8', '"r": 9'))
        await loop.run_in_executor(None, promote, settings, registry, "sentiment", "v0003", "tampered", True)
        await asyncio.sleep(3)
        await loop.run_in_executor(None, _paced, broker.bootstrap, settings.topics.input, lines(third), 50.0)
        await wait_outputs(92)
        stop.set()
        summary = await worker
        assert summary.failed is None

    asyncio.run(asyncio.wait_for(go(), 300))

    records = [r.json() for r in read_topic(broker.bootstrap, task.output_topic)]
    counts = Counter(r["news_id"] for r in records)
    assert set(counts) == {i["id"] for i in first + second + third} and set(counts.values()) == {1}  # no loss, no repeat
    by_partition: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for r in records:
        by_partition[r["lineage"]["source_partition"]].append((r["lineage"]["source_offset"], r["lineage"]["adapter_version"]))
    for entries in by_partition.values():
        versions = [v for _, v in sorted(entries)]
        # In offset order, each partition switches once and never back: the swap is a clean cut.
        assert versions == sorted(versions), versions
    versions = Counter(r["lineage"]["adapter_version"] for r in records)
    assert versions["v0001"] > 0 and versions["v0002"] > 0 and "v0003" not in versions
    assert {r["lineage"]["adapter_version"] for r in records if r["news_id"].startswith("c-")} == {"v0002"}
    headline = [r.json() for r in read_topic(broker.bootstrap, settings.task("headline").output_topic)]
    assert {r["lineage"]["adapter_version"] for r in headline} == {"base"}  # other tasks untouched
