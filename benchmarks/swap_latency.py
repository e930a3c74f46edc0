"""End-to-end latency while adapters are swapped live, vs steady state, in one run.

A real worker (tiny model in NF4, the sentiment adapter from a registry, the
headline task on the bare base) consumes a paced stream on a real broker at
about half of what its engine can do. After a steady phase, new sentiment
versions are promoted and announced, one every few seconds; the worker loads
each beside the one in service, warms it and switches between two batches.

Latency of an input: from its sending to the broker's acknowledgement of its
last output. Steady: inputs produced before the first promotion (the first
``--warmup`` seconds left out). Swap
window: inputs produced from a promotion until ``--window`` seconds after it.
Every input must come out exactly once and, per partition, the versions must
only move forward (the swap is a clean cut between batches).

    .venv/bin/python -m benchmarks.swap_latency [--swaps 3] [--steady 30] [--broker kafka|tansu]

Last line: swap_p99_ms=A steady_p99_ms=B swap_vs_steady_p99=C
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import throughput
from benchmarks.throughput import TASKS, pct
from tests.support.brokers import default_broker_kind, make_broker
from tests.support.news import lines, news
from tests.support.registry import register_random
from training.train import promote
from worker.config import Settings, load_settings
from worker.dev.tiny_model import build_tiny_model
from worker.engine import Engine
from worker.kafka.admin import ensure_topics, topics_for
from worker.logs import configure_logging
from worker.records import OutputMessage
from worker.registry import Registry
from worker.service import run_worker


def settings_for(bootstrap: str, model: Path, registry: Path, batch: int) -> Settings:
    return throughput.settings_for(
        bootstrap,
        model,
        TASKS,
        batch,
        adapter_events_topic=f"bench-events-{uuid.uuid4().hex[:8]}",
        registry=registry,
        adapter_reconcile_s=3600.0,  # swaps come from the announcements, as in production
        http={"port": None},
    )


def engine_rate(engine: Engine, values: list[bytes], batch: int) -> float:
    """Items/s the engine alone sustains at this batch size (both tasks per item)."""
    from worker.intake import validate_news

    prepared = [engine.prepare(validate_news(v)) for v in values[: 2 * batch]]  # type: ignore[arg-type]
    engine.run(prepared[:batch])  # warm-up
    started = time.perf_counter()
    engine.run(prepared[batch:])
    return batch / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--swaps", type=int, default=3)
    parser.add_argument("--steady", type=float, default=30.0, help="seconds of steady state before the first promotion")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between promotions")
    parser.add_argument("--window", type=float, default=5.0, help="seconds after a promotion counted as its swap window")
    parser.add_argument("--warmup", type=float, default=5.0, help="first seconds of the stream left out of the steady state")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--load", type=float, default=0.5, help="paced rate as a fraction of the engine's own rate")
    parser.add_argument("--broker", default=default_broker_kind(), choices=["kafka", "tansu"])
    args = parser.parse_args()
    configure_logging("WARNING", "console")

    workdir = Path(tempfile.mkdtemp(prefix="finnews-swap-"))
    model = build_tiny_model(workdir / "tiny")
    registry = Registry(workdir / "registry")
    registry.root.mkdir()
    probe = load_settings(model={"base": model}, tasks=TASKS)
    task = probe.task("sentiment")
    versions = [register_random(registry, model, task, seed=s, work=workdir).version for s in range(1, args.swaps + 2)]
    registry.promote("sentiment", versions[0], "initial")

    broker = make_broker(args.broker)
    broker.start()
    try:
        settings = settings_for(broker.bootstrap, model, registry.root, args.batch)
        ensure_topics(settings.kafka, topics_for(settings), settings.topics.partitions)
        engine = Engine.load(settings.model, settings.tasks, registry.root)
        rate = args.load * engine_rate(engine, lines(news(2 * args.batch, prefix="warm")), args.batch)
        duration = args.steady + args.swaps * args.every + args.window
        items = news(int(duration * rate) + 1, prefix="s")
        print(
            f"broker={broker.name} model=tiny-llama(NF4) batch={args.batch} paced {rate:.1f} items/s for {duration:.0f} s "
            f"({len(items)} items), {args.swaps} promotions every {args.every:g} s after {args.steady:g} s"
        )

        done_at: dict[str, float] = {}
        outputs: list[dict[str, Any]] = []

        def on_published(message: OutputMessage) -> None:
            record = json.loads(message.value)
            outputs.append(record)
            done_at[record["news_id"]] = time.time()  # the last output of an input decides its latency

        sent_at: dict[str, float] = {}
        promoted_at: list[float] = []

        async def go() -> Any:
            ready, stop = asyncio.Event(), asyncio.Event()
            worker = asyncio.create_task(
                run_worker(
                    settings, engine=engine, install_signal_handlers=False, ready=ready, stop=stop, on_published=on_published
                )
            )
            await asyncio.wait_for(ready.wait(), 90)
            loop = asyncio.get_running_loop()
            feeder = threading.Thread(target=throughput.paced_publish, args=(settings, lines(items), rate, sent_at), daemon=True)
            feeder.start()
            await asyncio.sleep(args.steady)
            for version in versions[1:]:
                promoted_at.append(time.time())
                await loop.run_in_executor(None, promote, settings, registry, "sentiment", version, "benchmark", False)
                await asyncio.sleep(args.every)
            await loop.run_in_executor(None, feeder.join)
            deadline = time.monotonic() + 120
            while len(done_at) < len(items) and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            stop.set()
            return await worker

        summary = asyncio.run(go())
    finally:
        broker.stop()

    per_input = Counter((o["news_id"], o["lineage"]["task"]) for o in outputs)
    lost = len(items) * len(TASKS) - len(per_input)
    repeated = sum(n - 1 for n in per_input.values())
    by_partition: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for o in outputs:
        if o["lineage"]["task"] == "sentiment":
            by_partition[o["lineage"]["source_partition"]].append(
                (o["lineage"]["source_offset"], o["lineage"]["adapter_version"])
            )
    clean_cut = all([v for _, v in sorted(e)] == sorted(v for _, v in e) for e in by_partition.values())
    served = Counter(o["lineage"]["adapter_version"] for o in outputs if o["lineage"]["task"] == "sentiment")
    first_output = {
        v: min(
            datetime.fromisoformat(o["lineage"]["processed_at"]).timestamp()
            for o in outputs
            if o["lineage"]["adapter_version"] == v
        )
        for v in versions[1:]
        if served[v]
    }

    steady, swapping = [], []
    started = min(sent_at.values())
    for news_id, sent in sent_at.items():
        if news_id not in done_at:
            continue
        latency = (done_at[news_id] - sent) * 1000.0
        if started + args.warmup <= sent < promoted_at[0]:
            steady.append(latency)
        elif any(p <= sent < p + args.window for p in promoted_at):
            swapping.append(latency)
    print(f"worker failed: {summary.failed}" if summary.failed else f"worker: {summary.line()}")
    print(f"outputs lost {lost}, repeated {repeated}; versions per partition only move forward: {clean_cut}")
    print("sentiment outputs per version: " + ", ".join(f"{v}={served[v]}" for v in versions))
    for version, at in zip(versions[1:], promoted_at, strict=True):
        took = f"{first_output[version] - at:.2f} s" if version in first_output else "never"
        print(f"  {version}: promoted, first output on it after {took}")
    print(f"steady:      {len(steady):4d} inputs  p50 {pct(steady, 0.5):7.1f} ms  p99 {pct(steady, 0.99):7.1f} ms")
    print(f"swap window: {len(swapping):4d} inputs  p50 {pct(swapping, 0.5):7.1f} ms  p99 {pct(swapping, 0.99):7.1f} ms")
    s99, w99 = pct(steady, 0.99), pct(swapping, 0.99)
    print(f"swap_p99_ms={w99:.1f} steady_p99_ms={s99:.1f} swap_vs_steady_p99={w99 / s99:.3f}")


if __name__ == "__main__":
    main()
