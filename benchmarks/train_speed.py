"""Training examples per second before and after, in one run, and the fraction of the machine's matmul ceiling.

Three runs on the same base, the same examples (one pass over ``steps x
batch`` records) and the same seed, the loss on the target tokens only in all:

  before  every batch padded to the maximum length (max tokens + the label),
          rows in random order, the old fixed compute dtype (bfloat16 on a
          GPU, float32 on a CPU);
  head    what training did before this change: each batch padded to its own
          longest row, rows in random order, the old fixed dtype
          (``--no-head`` skips it);
  after   each batch padded to its own longest row, rows grouped by length,
          the compute dtype ``auto`` (on a CPU the faster of float32 and
          bfloat16 by a timed matmul).
  upper   (only with ``--upper N``) after, with LoRA on the top N layers only
          (``finnews train --layers``): backward stops below them. A different
          recipe (fewer trainable weights), so it is printed beside the others
          and never replaces "after" in the speed-up.

The ceiling is the best FLOP/s of a large square matmul measured here in
float32 and (unless the dtype probe found it clearly slower) bfloat16. A run's
useful FLOP/s counts the arithmetic a step needs on its real (unpadded) tokens,
2 FLOPs per multiply-add:
  * frozen NF4 linears of the decoder: 4 per weight per token (forward 2, the
    input gradient 2; frozen weights need no weight gradient);
  * LoRA weights: 6 per weight per token (forward, input and weight gradients);
  * layers below the first LoRA layer (``--upper``): forward only, 2 per weight;
  * causal attention: 6 x heads x head_dim x T x (T+1) per layer and row
    (QK^T and AV forward over the causal half, backward twice the forward);
  * the LM head on the target tokens only: 4 x vocab x hidden per target token.
Dequantizing NF4, norms, activations and padding are overhead, not counted.

    .venv/bin/python -m benchmarks.train_speed [--base DIR] [--data FILE] [--steps 4] [--batch 16] [--max-tokens 128] [--upper N]

Last line: before_examples_per_s=A after_examples_per_s=B speedup=C ceiling_frac=D head_examples_per_s=E speedup_vs_head=F
(and, with --upper, upper_examples_per_s=G upper_speedup=H: G over A)
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "twitter_financial_news_sentiment" / "train.jsonl"
BASE = Path.home() / ".cache" / "finnews" / "gemma-3-270m"
LABELS = {"bullish": "positive", "bearish": "negative", "neutral": "neutral"}


@dataclass(frozen=True)
class Shape:
    """What the FLOP count needs of a decoder's config."""

    layers: int
    hidden: int
    intermediate: int
    heads: int
    kv_heads: int
    head_dim: int
    vocab: int

    @classmethod
    def of(cls, base: Path) -> "Shape":
        from transformers import AutoConfig

        c = AutoConfig.from_pretrained(base)
        heads = c.num_attention_heads
        return cls(
            layers=c.num_hidden_layers,
            hidden=c.hidden_size,
            intermediate=c.intermediate_size,
            heads=heads,
            kv_heads=getattr(c, "num_key_value_heads", None) or heads,
            head_dim=getattr(c, "head_dim", None) or c.hidden_size // heads,
            vocab=c.vocab_size,
        )

    def linear_params(self) -> int:
        """Weights of one decoder layer's projections (q, k, v, o; gate, up, down)."""
        d, q, kv = self.hidden, self.heads * self.head_dim, self.kv_heads * self.head_dim
        return d * q + 2 * d * kv + q * d + 3 * d * self.intermediate

    def lora_params(self, r: int) -> int:
        """LoRA weights of one layer on q, k, v, o (the default targets): r x (in + out) each."""
        d, q, kv = self.hidden, self.heads * self.head_dim, self.kv_heads * self.head_dim
        return r * ((d + q) + 2 * (d + kv) + (q + d))

    def train_flops(self, counts: Any, r: int, first: int = 0) -> float:
        """FLOPs the counted steps needed with LoRA on layers ``first`` and up (see the module docstring)."""
        trained, frozen = self.layers - first, first
        per_token = trained * (4 * self.linear_params() + 6 * self.lora_params(r)) + frozen * 2 * self.linear_params()
        attention = (6 * trained + 2 * frozen) * self.heads * self.head_dim * (counts.squared_lengths + counts.tokens)
        head = 4 * self.vocab * self.hidden * counts.target_tokens
        return float(per_token * counts.tokens + attention + head)


def matmul_ceiling(device: torch.device, dtypes: list[torch.dtype], n: int, repeats: int = 3) -> dict[str, float]:
    """Best FLOP/s of an n x n x n matmul per dtype."""
    rates = {}
    for dtype in dtypes:
        a = torch.randn(n, n, device=device).to(dtype)
        b = torch.randn(n, n, device=device).to(dtype)
        torch.matmul(a, b)
        best = float("inf")
        for _ in range(repeats):
            if device.type == "cuda":
                torch.cuda.synchronize(device)
            started = time.perf_counter()
            torch.matmul(a, b)
            if device.type == "cuda":
                torch.cuda.synchronize(device)
            best = min(best, time.perf_counter() - started)
        rates[str(dtype).removeprefix("torch.")] = 2 * n**3 / best
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, default=BASE)
    parser.add_argument("--data", type=Path, default=DATA, help="{id, text, label} JSONL (bullish/bearish/neutral are mapped)")
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--head", action=argparse.BooleanOptionalAction, default=True, help="also run the previous training")
    parser.add_argument("--upper", type=int, default=0, help="also run 'after' with LoRA on the top N layers only")
    args = parser.parse_args()
    if not (args.base / "config.json").is_file() or not any(args.base.glob("*.safetensors")):
        print(f"skipped: no model at {args.base} (run `finnews model gemma` first)")
        return
    if not args.data.is_file():
        print(f"skipped: {args.data} is absent")
        return

    from training.data import load_file
    from training.finetune import TrainConfig, finetune
    from worker.config import ModelSettings, load_settings
    from worker.engine.dtype import cpu_probe
    from worker.engine.loading import resolve_device
    from worker.logs import configure_logging

    configure_logging("WARNING", "console")
    device = resolve_device("auto")
    old_dtype = "bfloat16" if device.type == "cuda" else "float32"
    settings = load_settings(model={"base": args.base})
    task = settings.task("sentiment")
    shape = Shape.of(args.base)

    dtypes = [torch.float32, torch.bfloat16]
    note = ""
    if device.type == "cpu":
        probe = cpu_probe()
        note = f"dtype probe {'x'.join(map(str, probe.shape))}: float32 {probe.float32_ms:.1f} ms, bfloat16 {probe.bfloat16_ms:.1f} ms"
        if probe.bf16_speedup < 0.5:  # a large bf16 matmul would take seconds to minutes here
            dtypes, note = [torch.float32], note + " (bfloat16 ceiling not measured: clearly slower)"
    rates = matmul_ceiling(device, dtypes, 8192 if device.type == "cuda" else 2048)
    ceiling = max(rates.values())
    print(
        f"matmul ceiling {ceiling / 1e9:.1f} GFLOP/s ("
        + ", ".join(f"{k} {v / 1e9:.1f}" for k, v in rates.items())
        + f") on {device.type}, {torch.get_num_threads()} threads; {note}",
        flush=True,
    )

    runs: dict[str, tuple[TrainConfig, str]] = {
        "before": (TrainConfig(pad_to_max_length=True, group_by_length=False), old_dtype),
    }
    if args.head:
        runs["head"] = (TrainConfig(group_by_length=False), old_dtype)
    runs["after"] = (TrainConfig(), "auto")
    if args.upper:
        runs["upper"] = (TrainConfig(layers=(max(0, shape.layers - args.upper), shape.layers)), "auto")
    speed: dict[str, float] = {}
    frac: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        rows = [json.loads(line) for line in args.data.read_bytes().splitlines() if line.strip()][: args.batch * args.steps]
        data = Path(tmp) / "data.jsonl"
        data.write_text("".join(json.dumps({**r, "label": LABELS.get(r["label"], r["label"])}) + "\n" for r in rows))
        examples = load_file(data, task)
        for name, (cfg, dtype) in runs.items():
            cfg.max_steps, cfg.batch_size, cfg.max_input_tokens, cfg.warmup_ratio = args.steps, args.batch, args.max_tokens, 0.0
            model = ModelSettings(base=args.base, compute_dtype=dtype, max_input_tokens=args.max_tokens)
            result = finetune(model, task, examples, cfg, Path(tmp) / name)
            counts = result.counts
            flops = shape.train_flops(counts, cfg.lora_r, cfg.layers[0] if cfg.layers else 0)
            speed[name] = result.examples_per_s
            frac[name] = flops / result.seconds / ceiling
            print(
                f"{name:<7} {speed[name]:.2f} examples/s, {result.seconds_per_step:.2f} s/step ({result.steps} steps of {args.batch}, "
                f"{counts.tokens} tokens, {counts.padded_tokens} with padding: {counts.padding_fraction:.0%} padding; "
                f"compute {result.compute_dtype}, grouped {cfg.group_by_length}, pad to max {cfg.pad_to_max_length}, "
                f"LoRA layers {list(cfg.layers) if cfg.layers else 'all'}); "
                f"{flops / counts.rows / 1e9:.1f} GFLOP/example, {flops / result.seconds / 1e9:.1f} GFLOP/s = "
                f"{frac[name]:.1%} of the ceiling; loss {result.train_loss:.3f}",
                flush=True,
            )
    line = (
        f"before_examples_per_s={speed['before']:.3f} after_examples_per_s={speed['after']:.3f} "
        f"speedup={speed['after'] / speed['before']:.2f} ceiling_frac={frac['after']:.3f}"
    )
    if "head" in speed:
        line += f" head_examples_per_s={speed['head']:.3f} speedup_vs_head={speed['after'] / speed['head']:.2f}"
    if "upper" in speed:
        line += f" upper_examples_per_s={speed['upper']:.3f} upper_speedup={speed['upper'] / speed['before']:.2f}"
    print(line)


if __name__ == "__main__":
    main()
