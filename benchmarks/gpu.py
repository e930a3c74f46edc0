"""The engine on a GPU against the device's physical ceiling, with a 7B-shaped model.

Builds a random-initialised Mistral-7B-shaped model from its config on the
device (no download), saves it, loads it in NF4 through the worker's own
loader (``worker.engine.loading.load_model``) with two LoRA adapters (r=16 on
every projection), and measures through the worker's ``Engine``:

  * classification of 512-token items (label scoring: one forward pass, the
    logits of the last position only) at batch 1, 8, 32, 64;
  * summarization with 48 new tokens (batched greedy ``generate``) at the
    same batch sizes;
  * mixed adapters: batches whose rows use both adapters vs the same rows on
    one adapter (the engine's two-task runs, as in benchmarks/throughput.py);
  * the peer baseline: plain ``model.generate`` of the same NF4 model and
    adapter, without the engine (the transformers + bitsandbytes + peft path
    every user starts from).

The ceiling comes from the device, measured in the same run: its copy
bandwidth (device to device) and its matrix-product rate in the dtype the
engine's matmuls run in: the compute dtype the engine chose
(``worker.engine.loading.compute_dtype``: bf16 on a GPU; on a CPU bf16 when it
has AVX-512 BF16 or AMX, else float32), and on a CPU with AVX-512 BF16 also
bf16 whatever was chosen, since bitsandbytes' 4-bit inference kernel computes
in bf16 there. The faster of those is the ceiling. Each rate is the best of
single timed runs, measured before and after the engine's runs, the best kept:
load on a shared machine only slows a measurement, and a ceiling measured
slow would put the engine above 1. A forward pass
or decode step must read every weight once (the NF4 footprint) and do 2 FLOPs
per parameter per token (plus attention); its time is at least the larger of
the two. The fraction is achieved items/s (or tokens/s) over that ceiling.

    python -m benchmarks.gpu                 # on the GPU; writes $OUT/gpu.json when OUT is set
    python -m benchmarks.gpu --tiny          # a few-MB Mistral on the CPU: the same code path, in seconds

On a GPU machine without network or bitsandbytes: ``sh benchmarks/gpu_site.sh``
here gathers the missing packages (CPython 3.12, x86-64) into .gpu-site/, which
travels with the run (``PYTHONPATH=.gpu-site python3 -m benchmarks.gpu``).

Last line: classify_frac=A summarize_frac=B mixed_vs_single=C vs_plain=D
(fractions at the largest batch; C at that batch, summarization; D: engine vs
plain generate tokens/s at that batch).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

from schemas.news import NewsItem, news_from_text
from worker.config import load_settings
from worker.engine import Engine, PreparedItem
from worker.engine.loading import LoadedModel, compute_dtype, load_model
from worker.logs import configure_logging

#: Mistral-7B-v0.1's shape.
MISTRAL_7B = dict(
    vocab_size=32000,
    hidden_size=4096,
    intermediate_size=14336,
    num_hidden_layers=32,
    num_attention_heads=32,
    num_key_value_heads=8,
    max_position_embeddings=32768,
)
TINY = dict(
    vocab_size=2048,
    hidden_size=128,
    intermediate_size=256,
    num_hidden_layers=2,
    num_attention_heads=4,
    num_key_value_heads=2,
    max_position_embeddings=2048,
)
LORA_TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
LABELS = ["positive", "negative", "neutral"]


@dataclasses.dataclass
class Device:
    name: str
    copy_bytes_per_s: float  # read + written, device to device
    matmul_flops: float  # dense matrix products, in the fastest of the dtypes the engine's matmuls run in
    matmul_dtype: str  # that dtype
    matmul_flops_by_dtype: dict[str, float] = dataclasses.field(default_factory=dict)

    def best(self, other: "Device") -> "Device":
        """Each rate at its best of two measurements (load only ever slows one down)."""
        rates = {d: max(r, other.matmul_flops_by_dtype.get(d, 0.0)) for d, r in self.matmul_flops_by_dtype.items()}
        dtype = max(rates, key=rates.__getitem__)
        copy = max(self.copy_bytes_per_s, other.copy_bytes_per_s)
        return Device(self.name, copy, rates[dtype], dtype, rates)


def synchronize(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def engine_matmul_dtypes(chosen: torch.dtype, device: torch.device) -> list[torch.dtype]:
    """The dtypes the engine's matmuls run in: the chosen compute dtype, and on a CPU with AVX-512 BF16
    bf16 too (bitsandbytes packs 4-bit weights for its bf16 inference kernel there, whatever the compute dtype)."""
    from worker.engine.dtype import cpu_bf16_flags

    dtypes = [chosen]
    if device.type == "cpu" and "avx512_bf16" in (cpu_bf16_flags() or ()) and torch.bfloat16 not in dtypes:
        dtypes.append(torch.bfloat16)
    return dtypes


def measure_device(device: torch.device, tiny: bool, dtypes: list[torch.dtype]) -> Device:
    n_bytes = (64 << 20) if tiny else (4 << 30)
    src = torch.empty(n_bytes // 2, dtype=torch.bfloat16, device=device).normal_()
    dst = torch.empty_like(src)
    copies = []
    for _ in range(8):
        synchronize(device)
        started = time.perf_counter()
        dst.copy_(src)
        synchronize(device)
        copies.append(time.perf_counter() - started)
    del src, dst
    n = 512 if tiny else 8192
    rates = {str(dtype): matmul_rate(device, n, dtype, runs=10) for dtype in dtypes}
    dtype = max(rates, key=rates.__getitem__)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    return Device(name, 2 * n_bytes / min(copies[2:]), rates[dtype], dtype, rates)


def matmul_rate(device: torch.device, n: int, dtype: torch.dtype, runs: int) -> float:
    """FLOP/s of an n x n x n product in ``dtype``: the best of ``runs`` single timed products after warm-up."""
    a = torch.randn(n, n, device=device).to(dtype)
    b = torch.randn(n, n, device=device).to(dtype)
    for _ in range(3):
        a @ b
    best = float("inf")
    for _ in range(runs):
        synchronize(device)
        started = time.perf_counter()
        a @ b
        synchronize(device)
        best = min(best, time.perf_counter() - started)
    return 2 * n**3 / best


def build_base(out: Path, shape: dict[str, int], device: torch.device, adapters: list[Path]) -> dict[str, Any]:
    """A random Mistral-shaped model saved to ``out`` (bf16), and a random LoRA adapter per path in ``adapters``."""
    from peft import LoraConfig, get_peft_model
    from transformers import MistralConfig, MistralForCausalLM

    from worker.dev.tiny_model import build_tokenizer

    tokenizer = build_tokenizer(1024)
    config = MistralConfig(
        **shape,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        tie_word_embeddings=False,
    )
    started = time.perf_counter()
    torch.manual_seed(0)
    previous = torch.get_default_dtype()
    # Built directly in bf16 on the GPU (29 GB in float32 would only be cast down); float32 on a CPU.
    torch.set_default_dtype(torch.bfloat16 if device.type == "cuda" else torch.float32)
    try:
        with torch.device(device):
            model = MistralForCausalLM(config)
    finally:
        torch.set_default_dtype(previous)
    params = sum(p.numel() for p in model.parameters())
    for seed, path in enumerate(adapters):
        torch.manual_seed(100 + seed)
        lora = LoraConfig(r=16, lora_alpha=32, target_modules=LORA_TARGETS, init_lora_weights=False, task_type="CAUSAL_LM")
        peft_model = get_peft_model(model, lora)
        with torch.no_grad():  # small random B: outputs stay finite in bf16 over 32 layers
            for name, p in peft_model.named_parameters():
                if "lora_B" in name:
                    p.mul_(0.01)
        peft_model.save_pretrained(path)
        model = peft_model.unload()
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    del model
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return {"params": params, "build_s": time.perf_counter() - started}


def items_of(n: int, prompt_tokens: int) -> list[NewsItem]:
    """News items long enough that every prompt is cut to ``prompt_tokens``."""
    words = "revenue guidance margin shares investors quarter outlook demand supply contract rates bank".split()
    items = []
    for i in range(n):
        body = " ".join(words[(i * 7 + k) % len(words)] for k in range(prompt_tokens * 2))
        items.append(news_from_text(f"g-{i}", f"Company {i} updates its outlook\n{body}"))
    return items


def timed(fn: Any, device: torch.device, repeats: int) -> tuple[float, Any]:
    """Best wall time of ``repeats`` calls after one warm-up, and the last result."""
    result = fn()
    times = []
    for _ in range(repeats):
        synchronize(device)
        started = time.perf_counter()
        result = fn()
        synchronize(device)
        times.append(time.perf_counter() - started)
    return min(times), result


def ceiling_seconds(
    dev: Device, weight_bytes: int, shape: dict[str, int], batch: int, prompt: int, new: int
) -> tuple[float, float]:
    """Lower bounds on the time of (a prefill of batch x prompt tokens, ``new`` decode steps after it).

    Each forward pass reads every weight once; each decode step also reads the
    KV cache of every row (bf16). Compute: 2 FLOPs per parameter per token, plus
    attention's QK and PV products. A step takes at least the larger of the two.
    """
    layers, hidden = shape["num_hidden_layers"], shape["hidden_size"]
    head_dim = hidden // shape["num_attention_heads"]
    params = 2 * shape["vocab_size"] * hidden + layers * (
        2 * hidden * hidden + 2 * hidden * shape["num_key_value_heads"] * head_dim + 3 * hidden * shape["intermediate_size"]
    )
    kv_bytes_per_token = 2 * layers * shape["num_key_value_heads"] * head_dim * 2

    def step(tokens: int, context: int, rows: int) -> float:
        flops = 2 * params * tokens + 4 * layers * hidden * tokens * context
        read = weight_bytes + rows * context * kv_bytes_per_token
        return max(read / dev.copy_bytes_per_s, flops / dev.matmul_flops)

    prefill = step(batch * prompt, prompt // 2, 0)
    decode = sum(step(batch, prompt + k, batch) for k in range(new))
    return prefill, decode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tiny", action="store_true", help="a few-MB model on the CPU (the test runs this)")
    parser.add_argument("--batches", default=None, help="comma-separated batch sizes (default 1,8,32,64; tiny 1,4)")
    parser.add_argument("--prompt-tokens", type=int, default=None, help="default 512 (tiny 64)")
    parser.add_argument("--new-tokens", type=int, default=None, help="default 48 (tiny 8)")
    parser.add_argument("--repeats", type=int, default=None, help="timed runs per point, best taken (default 3)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    configure_logging("WARNING", "console")
    tiny = args.tiny
    batches = [int(b) for b in (args.batches or ("1,4" if tiny else "1,8,32,64")).split(",")]
    prompt_tokens = args.prompt_tokens or (64 if tiny else 512)
    new_tokens = args.new_tokens or (8 if tiny else 48)
    repeats = args.repeats or 3
    device = torch.device("cpu" if tiny or not torch.cuda.is_available() else "cuda:0")
    shape = TINY if tiny else MISTRAL_7B
    wall = time.perf_counter()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="finnews-gpu-"))
    base, adapters = workdir / "base", [workdir / "adapter-a", workdir / "adapter-b"]
    built = build_base(base, shape, device, adapters)
    print(f"built {built['params'] / 1e6:,.1f} M params ({'tiny' if tiny else 'Mistral-7B'} shape) in {built['build_s']:.0f} s")

    tasks = [
        {"name": "sentiment_a", "kind": "classify", "labels": LABELS, "adapter": adapters[0], "output_topic": "a"},
        {"name": "sentiment_b", "kind": "classify", "labels": LABELS, "adapter": adapters[1], "output_topic": "b"},
        {"name": "headline_a", "kind": "summarize", "max_new_tokens": new_tokens, "adapter": adapters[0], "output_topic": "c"},
        {"name": "headline_b", "kind": "summarize", "max_new_tokens": new_tokens, "adapter": adapters[1], "output_topic": "d"},
    ]
    settings = load_settings(
        model={"base": base, "device": str(device), "max_input_tokens": prompt_tokens},
        tasks=tasks,
    )
    # The dtype the engine's loader chooses (the same call, cached), not one assumed for the device.
    dtype = compute_dtype(settings.model, device)
    dtypes = engine_matmul_dtypes(dtype, device)
    dev = measure_device(device, tiny, dtypes)
    print(
        f"device {dev.name}: copy {dev.copy_bytes_per_s / 1e9:.0f} GB/s (read+write), "
        + ", ".join(f"{d} matmul {r / 1e12:.3f} TFLOP/s" for d, r in dev.matmul_flops_by_dtype.items())
        + f"; engine compute dtype {str(dtype).removeprefix('torch.')}"
    )
    started = time.perf_counter()
    # The worker's loader: NF4, each task's adapter attached. Hashing 14 GB of weights proves nothing here.
    loaded = load_model(settings.model, settings.tasks, fingerprint="gpu-benchmark")
    load_s = time.perf_counter() - started
    footprint = int(loaded.model.get_memory_footprint())
    lora_bytes = sum(p.numel() * p.element_size() for n, p in loaded.model.named_parameters() if "lora_" in n)
    # What one forward pass reads: the NF4 base and one of the four loaded adapters.
    weight_bytes = footprint - lora_bytes + lora_bytes // len(tasks)
    linear4bit = sum(
        type(m).__module__.startswith("bitsandbytes") and type(m).__name__ == "Linear4bit" for m in loaded.model.modules()
    )
    print(
        f"loaded in NF4 through the worker's loader in {load_s:.0f} s: {footprint / 1e6:,.1f} MB with 4 adapters "
        f"({lora_bytes / 1e6:,.1f} MB of them); a pass reads {weight_bytes / 1e6:,.1f} MB"
    )
    spec = {t.name: t for t in settings.tasks}

    def engine(names: list[str], same_adapter: bool = False) -> Engine:
        adapters_in = {n: loaded.adapters[names[0] if same_adapter else n] for n in names}
        view: LoadedModel = dataclasses.replace(loaded, adapters=adapters_in)
        return Engine(view, [spec[n] for n in names], settings.model.max_input_tokens)

    classify, summarize = engine(["sentiment_a"]), engine(["headline_a"])
    pool = items_of(max(batches), prompt_tokens)
    prepared_c = [classify.prepare(i) for i in pool]
    prepared_s = [summarize.prepare(i) for i in pool]
    mean_prompt = statistics.mean(len(p.prompt_ids["sentiment_a"]) for p in prepared_c)
    params = built["params"]

    timings = []
    for b in batches:
        c_s, _ = timed(lambda b=b: classify.run(prepared_c[:b]), device, repeats)
        s_s, out = timed(lambda b=b: summarize.run(prepared_s[:b]), device, repeats)
        generated = sum(o.results["headline_a"].output_tokens for o in out if "headline_a" in o.results)  # type: ignore[union-attr]
        timings.append((b, c_s, s_s, generated))
    dev = dev.best(measure_device(device, tiny, dtypes))  # measured again after the engine ran: the best of both
    print(f"ceiling: {dev.matmul_dtype} matmul {dev.matmul_flops / 1e12:.3f} TFLOP/s, copy {dev.copy_bytes_per_s / 1e9:.0f} GB/s")

    rows: list[dict[str, Any]] = []
    for b, c_s, s_s, generated in timings:
        prefill_c, _ = ceiling_seconds(dev, weight_bytes, shape, b, int(mean_prompt), 0)
        prefill_s, decode_s = ceiling_seconds(dev, weight_bytes, shape, b, int(mean_prompt), new_tokens)
        row = {
            "batch": b,
            "classify_items_per_s": b / c_s,
            "classify_ceiling_items_per_s": b / prefill_c,
            "classify_frac": prefill_c / c_s,
            "summarize_items_per_s": b / s_s,
            "summarize_tokens_per_s": generated / s_s,
            "summarize_ceiling_tokens_per_s": b * new_tokens / (prefill_s + decode_s),
            "summarize_frac": (generated / s_s) / (b * new_tokens / (prefill_s + decode_s)),
            "generated_tokens": generated,
        }
        rows.append(row)
        print(
            f"batch {b:3d}: classify {row['classify_items_per_s']:8.1f} items/s ({row['classify_frac']:.1%} of "
            f"{row['classify_ceiling_items_per_s']:.0f})   summarize {row['summarize_tokens_per_s']:8.1f} tok/s "
            f"({row['summarize_frac']:.1%} of {row['summarize_ceiling_tokens_per_s']:.0f})"
        )

    # Mixed adapters: two summarize tasks, rows on two adapters vs the same rows on one.
    top = max(batches)
    half = max(1, top // 2)  # items; two tasks each, so ``top`` rows per batch
    mixed, single = engine(["headline_a", "headline_b"]), engine(["headline_a", "headline_b"], same_adapter=True)
    pairs = [mixed.prepare(i) for i in pool[:half]]
    mixed_s, _ = timed(lambda: mixed.run(pairs), device, repeats)
    single_s, _ = timed(lambda: single.run(pairs), device, repeats)
    mixed_vs_single = single_s / mixed_s
    print(f"mixed adapters ({2 * half} rows, two adapters vs one): {mixed_s:.3f} s vs {single_s:.3f} s -> {mixed_vs_single:.3f}")

    plain_s, plain_tokens = plain_generate(loaded, prepared_s[:top], "headline_a", new_tokens, device, repeats)
    engine_tps = rows[-1]["summarize_tokens_per_s"]
    vs_plain = engine_tps / (plain_tokens / plain_s)
    print(
        f"plain generate (same model and adapter, batch {top}, no engine): {plain_tokens / plain_s:.1f} tok/s; "
        f"engine {engine_tps:.1f} tok/s -> {vs_plain:.3f}"
    )
    total = time.perf_counter() - wall
    report = {
        "device": dataclasses.asdict(dev),
        "compute_dtype": str(dtype).removeprefix("torch."),
        "model": {
            "shape": shape,
            "params": params,
            "footprint_bytes": footprint,
            "bytes_read_per_pass": weight_bytes,
            "linear4bit_layers": linear4bit,
            "build_s": built["build_s"],
            "load_s": load_s,
        },
        "prompt_tokens_mean": mean_prompt,
        "new_tokens": new_tokens,
        "rows": rows,
        "mixed_vs_single": mixed_vs_single,
        "vs_plain": vs_plain,
        "total_s": total,
    }
    out = os.environ.get("OUT")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "gpu.json").write_text(json.dumps(report, indent=2))
    print(f"total {total:.0f} s; prompt tokens (mean) {mean_prompt:.0f}")
    last = rows[-1]
    print(
        f"classify_frac={last['classify_frac']:.3f} summarize_frac={last['summarize_frac']:.3f} "
        f"mixed_vs_single={mixed_vs_single:.3f} vs_plain={vs_plain:.3f}"
    )


def plain_generate(
    loaded: LoadedModel, prepared: list[PreparedItem], task: str, new_tokens: int, device: torch.device, repeats: int
) -> tuple[float, int]:
    """The same prompts through ``model.generate`` with one active adapter, as a peft user would write it."""
    from worker.engine.scoring import left_pad

    model = loaded.model
    model.set_adapter(loaded.adapters[task].name)
    input_ids, mask = left_pad([p.prompt_ids[task] for p in prepared], loaded.tokenizer.pad_token_id)
    input_ids, mask = input_ids.to(device), mask.to(device)

    @torch.inference_mode()
    def run() -> int:
        out = model.generate(
            input_ids=input_ids,
            attention_mask=mask,
            max_new_tokens=new_tokens,
            do_sample=False,
            pad_token_id=loaded.tokenizer.pad_token_id,
            eos_token_id=loaded.tokenizer.eos_token_id,
        )
        new = out[:, input_ids.shape[1] :]
        return int((new != loaded.tokenizer.pad_token_id).sum())

    seconds, tokens = timed(run, device, repeats)
    return seconds, tokens


if __name__ == "__main__":
    main()
