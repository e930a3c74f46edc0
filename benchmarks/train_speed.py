"""Seconds per training step on a large-vocabulary causal base, before and after, in one run.

Before: the model's own loss (the LM head over every position: 262,144 logits
per token for Gemma), gradient checkpointing, bfloat16 NF4 compute. After: the
loss on the target tokens only, no checkpointing on a CPU, the compute dtype
that suits the device (float32 on a CPU). Same base, same batches, same seed.

    .venv/bin/python -m benchmarks.train_speed [--base DIR] [--steps 3] [--batch 16]

Last line: before_s_per_step=A after_s_per_step=B speedup=C
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from training.data import load_file
from training.finetune import TrainConfig, finetune
from worker.config import ModelSettings, load_settings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "twitter_financial_news_sentiment" / "train.jsonl"
LABELS = {"bullish": "positive", "bearish": "negative", "neutral": "neutral"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, default=Path.home() / ".cache" / "finnews" / "gemma-3-270m")
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--max-tokens", type=int, default=96)
    args = parser.parse_args()
    if not (args.base / "config.json").is_file():
        raise SystemExit(f"skipped: no model at {args.base} (run `finnews model gemma` first)")
    if not DATA.is_file():
        raise SystemExit(f"skipped: {DATA} is absent")
    settings = load_settings(model={"base": args.base})
    task = settings.task("sentiment")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [json.loads(line) for line in DATA.read_text().splitlines()[: args.batch * args.steps]]
        data = Path(tmp) / "data.jsonl"
        data.write_text("".join(json.dumps({**r, "label": LABELS[r["label"]]}) + "\n" for r in rows))
        examples = load_file(data, task)
        runs = {
            "before": (TrainConfig(full_logits=True, gradient_checkpointing=True), "bfloat16"),
            "after": (TrainConfig(), "auto"),
        }
        seconds = {}
        for name, (cfg, dtype) in runs.items():
            cfg.max_steps, cfg.batch_size, cfg.max_input_tokens, cfg.warmup_ratio = args.steps, args.batch, args.max_tokens, 0.0
            model = ModelSettings(base=args.base, compute_dtype=dtype, max_input_tokens=args.max_tokens)
            result = finetune(model, task, examples, cfg, Path(tmp) / name)
            seconds[name] = result.seconds_per_step
            print(
                f"{name:<7} {result.seconds_per_step:.2f} s/step ({args.steps} steps of {args.batch} x <= {args.max_tokens} tokens, "
                f"compute {dtype}, checkpointing {cfg.gradient_checkpointing}, full logits {cfg.full_logits}, loss {result.train_loss:.3f})",
                flush=True,
            )
    print(
        f"before_s_per_step={seconds['before']:.2f} after_s_per_step={seconds['after']:.2f} speedup={seconds['before'] / seconds['after']:.1f}"
    )


if __name__ == "__main__":
    main()
