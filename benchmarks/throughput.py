"""Throughput and latency of the worker: through a real broker vs. from memory.

Runs, side by side in one process with one loaded engine (the tiny model):
  (a) Kafka, one item at a time (batch max_items=1)
  (b) Kafka, micro-batched
  (c) the same engine and pipeline fed from memory, no Kafka
  (d) Kafka, micro-batched, exactly-once (transactions; Apache Kafka only), alternating with (b)
plus, from memory, each task alone at batch 1 vs micro-batched, and mixed-adapter
batches: two tasks of one kind with different LoRA adapters, so every batch's
rows use two adapters, vs the same rows all on one adapter (the engine alone,
same prepared batches, alternating; the mixed run's rows of the first task must
give the single run's answers, or the adapters were mixed up).
Throughput is measured on a backlog (all items published first): items/s from
the first consumed to the last acknowledged. Latency is measured separately
with a paced producer at half the measured throughput, so it is not queueing
behind a backlog: end-to-end from the input record's Kafka timestamp to the
broker's acknowledgement of the last output.

    .venv/bin/python -m benchmarks.throughput [--items 160] [--batch 16] [--broker kafka|tansu]

Last line: kafka_vs_memory=X summarize_batched_vs_single=Y classify_batched_vs_single=Z eos_vs_alo=E
           mixed_vs_single_classify=M mixed_vs_single_summarize=N
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import statistics
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from schemas.news import NewsItem
from tests.support.adapters import make_adapter
from tests.support.brokers import default_broker_kind, make_broker
from tests.support.news import lines, news
from worker.config import Delivery, Settings, load_settings
from worker.dev.demo import publish_raw
from worker.dev.tiny_model import build_tiny_model
from worker.engine import Engine, EngineThread, PreparedItem
from worker.engine.results import Classification, Summary
from worker.kafka import clients
from worker.kafka.admin import ensure_topics, topics_for
from worker.logs import configure_logging
from worker.outputs import OutputBuilder
from worker.pipeline import Pipeline, PipelineStats
from worker.publish import MemoryDelivery
from worker.records import InputRecord
from worker.service import run_worker

TASKS = [
    {"name": "sentiment", "kind": "classify", "labels": ["positive", "negative", "neutral"], "output_topic": "bench.sentiment"},
    {"name": "headline", "kind": "summarize", "output_topic": "bench.headline", "max_new_tokens": 24},
]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def settings_for(
    bootstrap: str,
    model: Path,
    tasks: list[dict[str, Any]],
    batch: int,
    delivery: Delivery = Delivery.at_least_once,
    **extra: Any,
) -> Settings:
    """A benchmark worker's settings on fresh topics and group; ``extra`` adds or overrides top-level settings."""
    tag = uuid.uuid4().hex[:8]
    return load_settings(
        delivery=delivery,
        kafka={"bootstrap_servers": bootstrap, "group_id": f"bench-{tag}", "session_timeout_s": 6.0, "heartbeat_interval_s": 1.0},
        topics={"input": f"bench-raw-{tag}", "deadletter": f"bench-dead-{tag}", "partitions": 4},
        model={"base": model},
        tasks=[{**t, "output_topic": f"{t['output_topic']}-{tag}"} for t in tasks],
        batch={"max_items": batch, "max_wait_ms": 20},
        worker_id="bench",
        drain_timeout_s=600.0,
        **extra,
    )


async def run_memory(engine: Engine, settings: Settings, feed: list[bytes]) -> PipelineStats:
    pipeline = Pipeline(
        settings.tasks,
        EngineThread(engine),
        OutputBuilder(engine.loaded, "bench", settings.topics.deadletter),
        MemoryDelivery(),
        settings.batch,
        settings.max_item_bytes,
    )
    pipeline.start()
    for offset, value in enumerate(feed):
        await pipeline.submit(InputRecord("memory", 0, offset, datetime.now(timezone.utc), None, value))
    await pipeline.drain(600)
    await pipeline.stop()
    return pipeline.stats


def run_kafka(engine: Engine, settings: Settings, feed: list[bytes], pace: float | None) -> PipelineStats:
    """Backlog (pace None): publish everything, then consume. Paced: publish at ``pace``/s once the worker is ready."""
    ensure_topics(settings.kafka, topics_for(settings), settings.topics.partitions)
    if pace is None:
        publish_raw(settings.kafka.bootstrap_servers, settings.topics.input, feed)

    async def go() -> PipelineStats:
        ready = asyncio.Event()
        task = asyncio.create_task(
            run_worker(settings, engine=engine, max_items=len(feed), install_signal_handlers=False, ready=ready)
        )
        if pace is not None:
            await ready.wait()
            threading.Thread(target=paced_publish, args=(settings, feed, pace), daemon=True).start()
        return (await task).stats

    return asyncio.run(go())


def paced_publish(settings: Settings, feed: list[bytes], rate: float, sent_at: dict[str, float] | None = None) -> None:
    """Publish ``feed`` at ``rate`` items/s, keyed by id; ``sent_at`` gets each id's wall-clock send time."""
    producer: Any = clients.producer(settings.kafka, "bench-throughput")
    start = time.monotonic()
    for i, value in enumerate(feed):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        news_id = json.loads(value)["id"]
        if sent_at is not None:
            sent_at[news_id] = time.time()
        producer.send(settings.topics.input, key=news_id.encode(), value=value)
        producer.flush()
    producer.close()


@dataclasses.dataclass
class MixedRun:
    kind: str
    mixed: list[float]  # seconds per pass over all batches
    single: list[float]
    items: int
    agree: float  # first task's answers, mixed run vs single run: max |p difference| (classify) or share equal (summarize)

    @property
    def ratio(self) -> float:
        return min(self.single) / min(self.mixed)


def mixed_adapters(model: Path, workdir: Path, feed: list[bytes], batch: int, repeats: int) -> list[MixedRun]:
    """Items/s of batches whose rows use two adapters vs the same rows on one adapter, per task kind."""
    from worker.intake import validate_news

    adapters = [make_adapter(model, workdir / f"mix-{i}", seed=10 + i) for i in range(2)]
    items = [validate_news(v) for v in feed]
    runs = []
    for kind, extra in (("classify", {"labels": ["positive", "negative", "neutral"]}), ("summarize", {"max_new_tokens": 24})):
        tasks = [
            {"name": f"{kind}_{i}", "kind": kind, "adapter": path, "output_topic": f"bench.{kind}.{i}", **extra}
            for i, path in enumerate(adapters)
        ]
        settings = load_settings(model={"base": model}, tasks=tasks)
        mixed = Engine.load(settings.model, settings.tasks)
        first = mixed.loaded.adapters[settings.tasks[0].name]
        # The same loaded model, both tasks served by the first adapter: the same rows, one adapter.
        one = dataclasses.replace(mixed.loaded, adapters={t.name: first for t in settings.tasks})
        single = Engine(one, settings.tasks, settings.model.max_input_tokens)
        prepared = [mixed.prepare(item) for item in items if isinstance(item, NewsItem)]
        batches = [prepared[i : i + batch] for i in range(0, len(prepared), batch)]

        def one_pass(engine: Engine, batches: list[list[PreparedItem]] = batches) -> tuple[float, list[Any]]:
            started = time.perf_counter()
            out = [o.results[tasks[0]["name"]] for b in batches for o in engine.run(b)]
            return time.perf_counter() - started, out

        t_mixed, t_single = [], []
        for _ in range(repeats):
            seconds, answers_mixed = one_pass(mixed)
            t_mixed.append(seconds)
            seconds, answers_single = one_pass(single)
            t_single.append(seconds)
        if kind == "classify":
            agree = max(
                abs(a.scores[k] - b.scores[k])
                for a, b in zip(answers_mixed, answers_single, strict=True)
                if isinstance(a, Classification) and isinstance(b, Classification)
                for k in a.scores
            )
        else:
            same = [a.text == b.text for a, b in zip(answers_mixed, answers_single, strict=True) if isinstance(a, Summary)]
            agree = sum(same) / len(same)
        runs.append(MixedRun(kind, t_mixed, t_single, len(prepared), agree))
    return runs


def print_mixed(runs: list[MixedRun], batch: int) -> dict[str, float]:
    print(f"\nmixed-adapter batches (batch {batch}, two adapters of one kind per batch vs one adapter; best of each)")
    for run in runs:
        check = f"max |p diff| {run.agree:.2e}" if run.kind == "classify" else f"same headlines {run.agree:.0%}"
        print(
            f"{run.kind:<10} mixed {run.items / min(run.mixed):7.2f} items/s   single adapter {run.items / min(run.single):7.2f} items/s"
            f"   ratio {run.ratio:.3f}   first task, mixed vs single run: {check}"
        )
    ratios = {run.kind: run.ratio for run in runs}
    print(f"mixed_vs_single_classify={ratios['classify']:.3f} mixed_vs_single_summarize={ratios['summarize']:.3f}")
    return ratios


def row(name: str, stats: PipelineStats) -> str:
    lat = list(stats.latencies_ms)
    return f"{name:<34} {stats.items_per_second:8.2f} items/s   p50 {pct(lat, 0.5):8.1f} ms   p99 {pct(lat, 0.99):8.1f} ms   batches {stats.batches}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=160)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=2, help="Kafka/memory runs alternate; best of each is compared.")
    parser.add_argument("--broker", default=default_broker_kind(), choices=["kafka", "tansu"])
    parser.add_argument("--mixed-only", action="store_true", help="only the mixed-adapter comparison (no broker)")
    args = parser.parse_args()
    configure_logging("WARNING", "console")

    workdir = Path(tempfile.mkdtemp(prefix="finnews-bench-"))
    model = build_tiny_model(workdir / "tiny")
    feed = lines(news(args.items))
    if args.mixed_only:
        print_mixed(mixed_adapters(model, workdir, feed[: max(args.batch * 4, 32)], args.batch, max(3, args.repeats)), args.batch)
        return
    base = load_settings(model={"base": model}, tasks=TASKS)
    engine = Engine.load(base.model, base.tasks)
    print(f"broker={args.broker} items={args.items} batch={args.batch} model=tiny-llama(NF4) device={engine.loaded.device}")

    broker = make_broker(args.broker)
    broker.start()
    try:
        bs = broker.bootstrap
        kafka_b, memory_b, eos_b = [], [], []
        eos = Delivery.exactly_once
        for _ in range(args.repeats):
            memory_b.append(asyncio.run(run_memory(engine, settings_for(bs, model, TASKS, args.batch), feed)))
            kafka_b.append(run_kafka(engine, settings_for(bs, model, TASKS, args.batch), feed, None))
            if broker.name != "tansu":  # Tansu has no transactions
                eos_b.append(run_kafka(engine, settings_for(bs, model, TASKS, args.batch, eos), feed, None))
        kafka_1 = run_kafka(engine, settings_for(bs, model, TASKS, 1), feed, None)
        best_k = max(kafka_b, key=lambda s: s.items_per_second)
        best_m = max(memory_b, key=lambda s: s.items_per_second)
        paced_rate_b = 0.5 * best_k.items_per_second
        paced_rate_1 = 0.5 * kafka_1.items_per_second
        n_paced = max(20, args.items // 4)
        lat_b = run_kafka(engine, settings_for(bs, model, TASKS, args.batch), feed[:n_paced], paced_rate_b)
        lat_1 = run_kafka(engine, settings_for(bs, model, TASKS, 1), feed[:n_paced], paced_rate_1)
    finally:
        broker.stop()

    per_task = {}
    for task in TASKS:
        eng = Engine(engine.loaded, load_settings(model={"base": model}, tasks=[task]).tasks, base.model.max_input_tokens)
        single = asyncio.run(run_memory(eng, settings_for("127.0.0.1:1", model, [task], 1), feed))
        batched = asyncio.run(run_memory(eng, settings_for("127.0.0.1:1", model, [task], args.batch), feed))
        per_task[task["kind"]] = (single, batched)

    print("\nthroughput on a backlog (both tasks per item)")
    for i, (k, m) in enumerate(zip(kafka_b, memory_b)):
        print(row(f"(c) memory, batch {args.batch}, run {i + 1}", m))
        print(row(f"(b) kafka, batch {args.batch}, run {i + 1}", k))
    for i, e in enumerate(eos_b):
        print(row(f"(d) kafka exactly-once, run {i + 1}", e))
    print(row("(a) kafka, one item at a time", kafka_1))
    print(f"\nlatency with a paced producer ({n_paced} items at half the backlog throughput)")
    print(row(f"(b) kafka, batch {args.batch} @ {paced_rate_b:.1f}/s", lat_b))
    print(row(f"(a) kafka, batch 1 @ {paced_rate_1:.1f}/s", lat_1))
    print("\none task alone, from memory")
    for kind, (single, batched) in per_task.items():
        print(row(f"{kind}, batch 1", single))
        print(row(f"{kind}, batch {args.batch}", batched))

    x = best_k.items_per_second / best_m.items_per_second
    y = per_task["summarize"][1].items_per_second / per_task["summarize"][0].items_per_second
    z = per_task["classify"][1].items_per_second / per_task["classify"][0].items_per_second
    kafka_batched_vs_single = best_k.items_per_second / kafka_1.items_per_second
    print(
        f"\nkafka batched vs one-at-a-time: {kafka_batched_vs_single:.2f}x; median kafka {statistics.median(s.items_per_second for s in kafka_b):.2f} vs memory {statistics.median(s.items_per_second for s in memory_b):.2f} items/s"
    )
    if eos_b:
        best_e = max(eos_b, key=lambda s: s.items_per_second)
        e = f"{best_e.items_per_second / best_k.items_per_second:.3f}"
        print(
            f"exactly-once vs at-least-once (best of each): {best_e.items_per_second:.2f} vs {best_k.items_per_second:.2f} items/s"
        )
    else:
        e = "nan"
    mixed_runs = mixed_adapters(model, workdir, feed[: max(args.batch * 4, 32)], args.batch, max(3, args.repeats))
    m = print_mixed(mixed_runs, args.batch)
    print(
        f"kafka_vs_memory={x:.3f} summarize_batched_vs_single={y:.2f} classify_batched_vs_single={z:.2f} eos_vs_alo={e} "
        f"mixed_vs_single_classify={m['classify']:.3f} mixed_vs_single_summarize={m['summarize']:.3f}"
    )


if __name__ == "__main__":
    main()
