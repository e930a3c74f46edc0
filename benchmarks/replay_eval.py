"""Replay evaluation sets through registry versions, on a real broker.

For each set: publish it with `finnews publish`'s code (evaluation records
become news items; the ground truth goes to a labels file), replay the topic
with `finnews replay`'s code, and, side by side in the same process, evaluate
the same records offline through the same engine (training.evaluate), so the
printed ratio is the cost of reading from Kafka and the metrics must match.

  - FinArg ECC dev (claim vs premise) through the MiniLM adapter that
    benchmarks/quality.py trained and registered (run it first; its registry
    is --quality-registry);
  - EDTSum (summaries of press releases) through the headline adapter the
    demo ships (worker/dev/demo_adapters, trained on press-release headlines) on
    Gemma 3 270M (converted by `finnews model gemma`), the first
    --edtsum-items test records; with --edtsum-model tiny, or when Gemma is
    not converted, through the tiny causal model instead, with an adapter
    trained here on the first half of test.jsonl (random weights: its ROUGE
    is a floor) and replayed on the other half.

Sets whose data (../shared/data, or --data-dir) is absent are skipped.

    .venv/bin/python -m benchmarks.replay_eval [--only finarg|edtsum] [--broker tansu|kafka] [--out DIR]

Last line: finarg_macro_f1=A finarg_items_per_s=B edtsum_rouge_l=C edtsum_items_per_s=D
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.quality import DATA, minilm_dir
from schemas.labels import LabelledText
from schemas.tasks import Profile, TaskKind
from tests.support.brokers import make_broker
from training.data import load_file
from training.evaluate import PRIMARY, evaluate
from training.finetune import TrainConfig
from training.replay import ReplayRequest, VersionRef, replay, resolve_versions
from training.replay_files import save
from training.replay_report import ReplayReport
from training.train import train_and_register
from worker.config import Settings, load_settings
from worker.dev.tiny_model import build_tiny_model
from worker.engine import Engine
from worker.feed import publish_file
from worker.kafka.admin import ensure_topics
from worker.kafka.topic_reader import SliceSpec
from worker.logs import configure_logging
from worker.registry import Registry


def settings_for(
    bootstrap: str, base: Path, profile: Profile, max_tokens: int, tasks: list[dict[str, Any]], registry: Path
) -> Settings:
    return load_settings(
        kafka={"bootstrap_servers": bootstrap, "group_id": f"replay-bench-{uuid.uuid4().hex[:6]}"},
        model={"base": base, "profile": profile, "max_input_tokens": max_tokens},
        tasks=tasks,
        registry=registry,
        log_level="WARNING",
    )


def publish_and_replay(
    settings: Settings, registry: Registry, data: Path, ref: str, out: Path, batch: int
) -> tuple[ReplayReport, float]:
    topic = f"replay-bench-{data.parent.name}-{uuid.uuid4().hex[:6]}"
    ensure_topics(settings.kafka, [topic], 2)
    labels = out / "labels.jsonl"
    started = time.perf_counter()
    report = publish_file(data, settings.kafka, topic, labels_out=labels)
    publish_s = time.perf_counter() - started
    print(
        f"  published {report.published} records ({report.converted} converted, {report.labels} labels) to {topic} in {publish_s:.1f}s"
    )
    request = ReplayRequest(slice=SliceSpec(topic=topic), adapter=VersionRef.parse(ref), labels=labels, batch_size=batch)
    run = replay(settings, registry, request, progress=True)
    return save(run, out), run.wall_seconds


def offline(settings: Settings, registry: Registry, ref: str, data: Path) -> dict[str, Any]:
    """The same records through the same engine, from memory: the side-by-side baseline."""
    version = resolve_versions(settings, registry, ReplayRequest(slice=SliceSpec(topic="-"), adapter=VersionRef.parse(ref)))[0]
    task = version.spec
    model = settings.model.model_copy(update={"profile": version.manifest.profile})
    engine = Engine.load(model, [task])
    # Records without ground truth are replayed but not scored; offline, they are left out likewise.
    records = [LabelledText.model_validate_json(line) for line in data.read_text().splitlines() if line.strip()]
    return evaluate(engine, task, [r for r in records if r.target(task.kind)])


def show(name: str, report: ReplayReport, wall: float, base: dict[str, Any]) -> tuple[float, float]:
    v = report.versions[0]
    metric = PRIMARY[report.kind]
    value = float((v.metrics or {}).get(metric, float("nan")))
    lat = v.latency_ms
    print(
        f"{name}: records={report.records} items={report.items} scored={report.scored} bad={report.bad_records} "
        f"{metric}={value:.4f} (offline {base[metric]:.4f}) replay_items_per_s={report.items_per_second:.1f} "
        f"engine_items_per_s={v.items_per_second:.1f} offline_items_per_s={base['items_per_second']:.1f} "
        f"replay_vs_offline={report.items_per_second / base['items_per_second']:.3f} wall_s={wall:.1f}"
    )
    if lat:
        print(f"  latency per item ms p50={lat.p50:.0f} p95={lat.p95:.0f} p99={lat.p99:.0f}")
    if report.kind is TaskKind.summarize and v.metrics:
        print(f"  rouge_1={v.metrics['rouge_1']:.4f} rouge_2={v.metrics['rouge_2']:.4f} rouge_l={v.metrics['rouge_l']:.4f}")
    return value, report.items_per_second


def finarg(bootstrap: str, data_dir: Path, quality_registry: Path, out: Path, batch: int) -> tuple[float, float] | None:
    dev = data_dir / "finarg_ecc_auc" / "dev.jsonl"
    base = minilm_dir()
    registry = Registry(quality_registry)
    if not dev.is_file() or base is None:
        print(f"finarg: skipped, {'data not found at ' + str(dev) if not dev.is_file() else 'MiniLM not installed'}")
        return None
    current = registry.current("finarg")
    if current is None:
        print(f"finarg: skipped, no finarg adapter in {quality_registry}: run `python -m benchmarks.quality --only finarg` first")
        return None
    manifest = registry.manifest("finarg", current)
    max_tokens = int(manifest.hyperparameters.get("max_input_tokens", 96))
    tasks = [{"name": "finarg", "kind": "classify", "labels": manifest.labels, "output_topic": "bench.finarg"}]
    settings = settings_for(bootstrap, base, Profile.encoder, max_tokens, tasks, quality_registry)
    print(f"finarg: finarg@{manifest.version} (quality benchmark: macro_f1={manifest.metrics.get('macro_f1', float('nan')):.4f})")
    report, wall = publish_and_replay(settings, registry, dev, "finarg@current", out / "finarg", batch)
    return show("finarg_dev", report, wall, offline(settings, registry, "finarg@current", dev))


def edtsum(bootstrap: str, data_dir: Path, out: Path, batch: int, train_steps: int) -> tuple[float, float] | None:
    source = data_dir / "edtsum" / "test.jsonl"
    if not source.is_file():
        print(f"edtsum: skipped, data not found at {source}")
        return None
    model = build_tiny_model(Path.home() / ".cache" / "finnews" / "tiny-model")
    lines = [line for line in source.read_text().splitlines() if line.strip()]
    half = len(lines) // 2
    work = out / "edtsum"
    work.mkdir(parents=True, exist_ok=True)
    (work / "train.jsonl").write_text("\n".join(lines[:half]) + "\n")
    (work / "replay.jsonl").write_text("\n".join(lines[half:]) + "\n")
    registry_dir = work / "registry"
    registry_dir.mkdir(exist_ok=True)
    tasks = [{"name": "edtsum", "kind": "summarize", "output_topic": "bench.edtsum", "max_new_tokens": 32}]
    settings = settings_for(bootstrap, model, Profile.causal, 256, tasks, registry_dir)
    registry = Registry(registry_dir)
    task = settings.task("edtsum")
    cfg = TrainConfig(
        max_steps=train_steps,
        batch_size=8,
        learning_rate=2e-3,
        max_input_tokens=256,
        gradient_checkpointing=False,
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    )
    trained = train_and_register(
        settings,
        "edtsum",
        load_file(work / "train.jsonl", task),
        "edtsum[:half]",
        registry,
        cfg,
        0.1,
        0.0,
        force=True,
        announce_events=False,
    )
    print(
        f"edtsum: trained edtsum@{trained.manifest.version} on {half} records in {trained.manifest.training_seconds:.0f}s "
        f"(held-out rouge_l={trained.manifest.metrics['rouge_l']:.4f})"
    )
    report, wall = publish_and_replay(settings, registry, work / "replay.jsonl", "edtsum@current", work, batch)
    return show("edtsum", report, wall, offline(settings, registry, "edtsum@current", work / "replay.jsonl"))


def edtsum_real(bootstrap: str, data_dir: Path, out: Path, batch: int, items: int) -> tuple[float, float] | None:
    """EDTSum through the shipped headline adapter on the real base (Gemma 3 270M)."""
    from benchmarks.quality import gemma_dir
    from worker.dev.demo import bundled_registry

    source, base, registry_dir = data_dir / "edtsum" / "test.jsonl", gemma_dir(), bundled_registry()
    registry = Registry(registry_dir)
    if not source.is_file() or base is None or registry.current("headline") is None:
        print(
            "edtsum (gemma): skipped, "
            + ("data not found" if not source.is_file() else "Gemma not converted or no shipped headline adapter")
        )
        return None
    manifest = registry.manifest("headline", registry.current("headline") or "")
    work = out / "edtsum-gemma"
    work.mkdir(parents=True, exist_ok=True)
    lines = [line for line in source.read_text().splitlines() if line.strip()][:items]
    (work / "replay.jsonl").write_text("\n".join(lines) + "\n")
    max_tokens = int(manifest.hyperparameters.get("max_input_tokens", 256))
    tasks = [{"name": "headline", "kind": "summarize", "output_topic": "bench.headline", "max_new_tokens": 32}]
    settings = settings_for(bootstrap, base, Profile.causal, max_tokens, tasks, registry_dir)
    print(f"edtsum (gemma): headline@{manifest.version} on {base.name}, {len(lines)} test records")
    report, wall = publish_and_replay(settings, registry, work / "replay.jsonl", "headline@current", work, batch)
    return show("edtsum_gemma", report, wall, offline(settings, registry, "headline@current", work / "replay.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--only", choices=["finarg", "edtsum"])
    parser.add_argument(
        "--broker", choices=["tansu", "kafka"], default="tansu", help="Embedded Tansu (default) or Apache Kafka from Maven."
    )
    parser.add_argument("--quality-registry", type=Path, default=Path.home() / ".cache" / "finnews" / "quality-registry")
    parser.add_argument("--out", type=Path, default=None, help="Reports go here (default: a temporary folder).")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--train-steps", type=int, default=60)
    parser.add_argument("--edtsum-model", choices=["gemma", "tiny"], default="gemma")
    parser.add_argument("--edtsum-items", type=int, default=100, help="EDTSum test records replayed on Gemma (CPU budget).")
    args = parser.parse_args()
    configure_logging("WARNING", "console")
    out = args.out or Path(tempfile.mkdtemp(prefix="finnews-replay-eval-"))
    broker = make_broker(args.broker)
    broker.start()
    print(f"broker: {broker.name} on {broker.bootstrap}; reports in {out}")
    try:
        a = (
            finarg(broker.bootstrap, args.data_dir, args.quality_registry, out, args.batch)
            if args.only in (None, "finarg")
            else None
        )
        b = None
        if args.only in (None, "edtsum"):
            if args.edtsum_model == "gemma":
                b = edtsum_real(broker.bootstrap, args.data_dir, out, args.batch, args.edtsum_items)
            if b is None:
                b = edtsum(broker.bootstrap, args.data_dir, out, args.batch, args.train_steps)
    finally:
        broker.stop()
    fmt = lambda pair, i: "nan" if pair is None else f"{pair[i]:.4f}" if i == 0 else f"{pair[i]:.1f}"  # noqa: E731
    print(json.dumps({"reports": str(out)}))
    print(f"finarg_macro_f1={fmt(a, 0)} finarg_items_per_s={fmt(a, 1)} edtsum_rouge_l={fmt(b, 0)} edtsum_items_per_s={fmt(b, 1)}")


if __name__ == "__main__":
    main()
