"""The worker's own CPU cost per message, against a raw aiokafka loop, on the same records.

Both read the same input topic (1 KB news items, published once) on a real
broker, each with its own consumer group, in this one process, alternating:

  raw     aiokafka consume -> json.loads -> add a label and the input position
          -> json.dumps -> produce it (about 1 KB, like the worker's result
          value plus its lineage headers), await the acknowledgements of each
          fetched batch, commit (raw-100B, printed beside it: the same with an
          output of only the id, the label and the position);
  worker  the real worker (``run_worker``: decode and validate, batching, the
          engine thread hop, outputs with lineage, acks, offset commits,
          metrics, watchdog) with a no-op engine that returns a fixed
          classification at once, one classify task, so one output per input
          like the raw loop.

CPU is this process's CPU time (every thread; the broker is another process),
from the first call of the run to its end, over the number of inputs.

    .venv/bin/python -m benchmarks.overhead [--items 20000] [--repeats 3] [--broker kafka|tansu]

Last line: worker_us_per_msg=A raw_us_per_msg=B overhead_ratio=C
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from tests.support.brokers import default_broker_kind, make_broker
from tests.support.news import lines, news
from worker.config import Settings, load_settings
from worker.dev.demo import publish_raw
from worker.dev.tiny_model import build_tiny_model
from worker.engine import Engine, ItemOutcome, PreparedItem
from worker.engine.results import Classification
from worker.kafka import clients
from worker.kafka.admin import ensure_topics
from worker.logs import configure_logging
from worker.service import run_worker

TASK = {"name": "sentiment", "kind": "classify", "labels": ["positive", "negative", "neutral"], "output_topic": "overhead.out"}
VALUE_BYTES = 1024


class NoOpEngine(Engine):
    """The real engine class and loaded tiny model, doing no model work: no tokenizing, fixed results."""

    def prepare(self, item):  # type: ignore[no-untyped-def]
        return PreparedItem(item=item, prompt_ids={})

    def run(self, batch: Sequence[PreparedItem]) -> list[ItemOutcome]:
        info = self.loaded.adapters[TASK["name"]]
        fixed = Classification(
            label="neutral",
            scores={"positive": 0.1, "negative": 0.1, "neutral": 0.8},
            adapter=info.name,
            version=info.version,
        )
        return [ItemOutcome(results={TASK["name"]: fixed}) for _ in batch]


def feed(n: int) -> list[bytes]:
    """``n`` valid news items of about VALUE_BYTES each."""
    out = []
    for value in lines(news(n, prefix="ovh")):
        item = json.loads(value)
        item["body"] = item["body"] + " " + "x" * max(0, VALUE_BYTES - len(value) - 1)
        out.append(json.dumps(item).encode())
    return out


def worker_settings(bootstrap: str, model: Path, topic: str, out_topic: str, batch: int) -> Settings:
    return load_settings(
        kafka={"bootstrap_servers": bootstrap, "group_id": f"overhead-worker-{uuid.uuid4().hex[:8]}"},
        topics={"input": topic, "deadletter": f"{topic}-dead", "partitions": 4},
        model={"base": model},
        tasks=[{**TASK, "output_topic": out_topic}],
        batch={"max_items": batch},
        http={"port": None},
        worker_id="overhead",
    )


async def run_raw(bootstrap: str, topic: str, out_topic: str, n: int, echo: bool = True) -> tuple[float, float]:
    """The peer baseline: what any consume-transform-produce loop pays. Returns (cpu seconds, wall seconds).

    ``echo``: the output is the input with a label and its position (about 1 KB); else only the id,
    the label and the position (about 100 bytes).
    """
    cpu0, wall0 = time.process_time(), time.perf_counter()
    consumer = clients.async_consumer(
        bootstrap, "overhead-raw", group_id=f"overhead-raw-{uuid.uuid4().hex[:8]}", auto_offset_reset="earliest"
    )
    producer = clients.async_producer(bootstrap, "overhead-raw-out", linger_ms=5)
    await consumer.start()
    await producer.start()
    consumer.subscribe([topic])
    done = 0
    try:
        while done < n:
            fetched = await consumer.getmany(timeout_ms=1000, max_records=500)
            deliveries = []
            for records in fetched.values():
                for record in records:
                    item = json.loads(record.value)
                    position = {"topic": record.topic, "partition": record.partition, "offset": record.offset}
                    if echo:
                        out = {**item, "label": "neutral", "input": position}
                    else:
                        out = {"id": item["id"], "label": "neutral", "input": position}
                    deliveries.append(await producer.send(out_topic, json.dumps(out).encode(), key=record.key))
                    done += 1
            await asyncio.gather(*deliveries)
            if deliveries:
                await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()
    return time.process_time() - cpu0, time.perf_counter() - wall0


async def run_the_worker(settings: Settings, engine: Engine, n: int) -> tuple[float, float]:
    cpu0, wall0 = time.process_time(), time.perf_counter()
    summary = await run_worker(settings, engine=engine, max_items=n, install_signal_handlers=False)
    if summary.stats.acked != n or summary.failed:
        raise RuntimeError(f"worker acked {summary.stats.acked} of {n} (failed: {summary.failed})")
    return time.process_time() - cpu0, time.perf_counter() - wall0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3, help="raw and worker runs alternate; the median of each is compared")
    parser.add_argument("--batch", type=int, default=64, help="the worker's batch.max_items")
    parser.add_argument("--broker", default=default_broker_kind(), choices=["kafka", "tansu"])
    args = parser.parse_args()
    configure_logging("WARNING", "console")

    workdir = Path(tempfile.mkdtemp(prefix="finnews-overhead-"))
    model = build_tiny_model(workdir / "tiny")
    values = feed(args.items)
    tag = uuid.uuid4().hex[:8]
    topic, out_topic = f"overhead-in-{tag}", f"overhead-out-{tag}"
    broker = make_broker(args.broker)
    broker.start()
    try:
        bs = broker.bootstrap
        base = worker_settings(bs, model, topic, out_topic, args.batch)
        engine = NoOpEngine(Engine.load(base.model, base.tasks).loaded, base.tasks, base.model.max_input_tokens)
        ensure_topics(bs, [topic, out_topic, base.topics.deadletter], 4)
        publish_raw(bs, topic, values)
        print(
            f"broker={broker.name} items={args.items} value_bytes~{statistics.mean(map(len, values)):.0f} "
            f"worker batch={args.batch} tasks=1 (one output per input, like the raw loop)"
        )
        raw_runs, worker_runs, small_runs = [], [], []
        for r in range(args.repeats):
            raw_runs.append(asyncio.run(run_raw(bs, topic, out_topic, args.items)))
            small_runs.append(asyncio.run(run_raw(bs, topic, out_topic, args.items, echo=False)))
            settings = worker_settings(bs, model, topic, out_topic, args.batch)
            worker_runs.append(asyncio.run(run_the_worker(settings, engine, args.items)))
            for name, (cpu, wall) in (("raw", raw_runs[-1]), ("raw-100B", small_runs[-1]), ("worker", worker_runs[-1])):
                print(
                    f"run {r + 1} {name:<8} cpu {cpu:7.2f} s  wall {wall:7.2f} s  "
                    f"{cpu / args.items * 1e6:7.1f} us/msg cpu  {args.items / wall:8.0f} msg/s"
                )
    finally:
        broker.stop()

    pairs = [w[0] / r[0] for w, r in zip(worker_runs, raw_runs, strict=True)]
    print(
        "worker/raw CPU per alternating pair: "
        + " ".join(f"{p:.2f}" for p in pairs)
        + f" (median {statistics.median(pairs):.2f})"
    )
    small_us = statistics.median(c for c, _ in small_runs) / args.items * 1e6
    small_pairs = statistics.median(w[0] / r[0] for w, r in zip(worker_runs, small_runs, strict=True))
    print(
        f"against raw-100B (outputs a tenth of the worker's size): {small_us:.1f} us/msg, ratio {small_pairs:.2f} (median of pairs)"
    )
    raw_us = statistics.median(c for c, _ in raw_runs) / args.items * 1e6
    worker_us = statistics.median(c for c, _ in worker_runs) / args.items * 1e6
    print(f"worker_us_per_msg={worker_us:.1f} raw_us_per_msg={raw_us:.1f} overhead_ratio={worker_us / raw_us:.2f}")


if __name__ == "__main__":
    main()
