"""Which compute dtype runs fastest here: NF4 weights are dequantized to it and every matmul runs in it.

On a GPU it is bfloat16. On a CPU it depends on the CPU: with AVX-512 BF16 or
AMX a bfloat16 matmul of the model's shape ran 4x faster than float32, on a
CPU without them (AVX2 only) about 50x slower. So ``auto`` on a CPU times one
matmul of a representative shape in both dtypes, once per process, and takes
bfloat16 only when it is clearly faster; the choice and both timings are
logged once.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass

import structlog
import torch

log = structlog.get_logger(__name__)

#: (tokens, hidden) @ (hidden, intermediate): Gemma 3 270M's MLP up-projection on a short batch.
PROBE_SHAPE = (64, 640, 2048)
#: bfloat16 must beat float32 by this factor to be chosen (timing noise on a shared CPU stays below it).
BF16_MARGIN = 1.3


@dataclass(frozen=True)
class DtypeProbe:
    dtype: torch.dtype
    float32_ms: float
    bfloat16_ms: float
    shape: tuple[int, int, int]
    threads: int

    @property
    def bf16_speedup(self) -> float:
        return self.float32_ms / self.bfloat16_ms


def _best_ms(a: torch.Tensor, b: torch.Tensor, repeats: int, give_up_ms: float | None = None) -> float:
    """Best of ``repeats`` timed matmuls after one warm-up; the warm-up alone when it exceeds ``give_up_ms``."""
    started = time.perf_counter()
    torch.matmul(a, b)
    warm_ms = (time.perf_counter() - started) * 1e3
    if give_up_ms is not None and warm_ms > give_up_ms:
        return warm_ms
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        torch.matmul(a, b)
        best = min(best, (time.perf_counter() - started) * 1e3)
    return best


def measure_cpu_matmul(shape: tuple[int, int, int] = PROBE_SHAPE, repeats: int = 3) -> DtypeProbe:
    """Time ``shape`` in float32 and bfloat16 on the CPU and pick the faster (bfloat16 only if > BF16_MARGIN x).

    Bounded: a bfloat16 warm-up already 20x slower than float32 ends the
    measurement (one matmul, ~0.4 s on a 2-core AVX2 CPU), since no kernel
    warm-up explains that much.
    """
    m, k, n = shape
    generator = torch.Generator().manual_seed(0)
    a32, b32 = torch.randn(m, k, generator=generator), torch.randn(k, n, generator=generator)
    f32 = _best_ms(a32, b32, repeats)
    bf16 = _best_ms(a32.bfloat16(), b32.bfloat16(), repeats, give_up_ms=max(20 * f32, 50.0))
    dtype = torch.bfloat16 if f32 / bf16 > BF16_MARGIN else torch.float32
    return DtypeProbe(dtype=dtype, float32_ms=f32, bfloat16_ms=bf16, shape=shape, threads=torch.get_num_threads())


@functools.cache
def _cpu_choice(threads: int) -> DtypeProbe:
    probe = measure_cpu_matmul()
    log.info(
        "compute_dtype_chosen",
        device="cpu",
        dtype=str(probe.dtype).removeprefix("torch."),
        float32_ms=round(probe.float32_ms, 2),
        bfloat16_ms=round(probe.bfloat16_ms, 2),
        bf16_speedup=round(probe.bf16_speedup, 2),
        shape="x".join(map(str, probe.shape)),
        threads=threads,
        margin=BF16_MARGIN,
    )
    return probe


def cpu_probe() -> DtypeProbe:
    """The process's CPU measurement (taken, and logged, on the first call for the current thread count)."""
    return _cpu_choice(torch.get_num_threads())


def auto_compute_dtype(device: torch.device) -> torch.dtype:
    """bfloat16 on a GPU; on a CPU whichever of float32 and bfloat16 measured faster (cached per process and thread count)."""
    if device.type == "cuda":
        return torch.bfloat16
    if device.type != "cpu":
        return torch.float32
    return cpu_probe().dtype


def resolve_compute_dtype(setting: str, device: torch.device) -> torch.dtype:
    """An explicit setting (``bfloat16``, ``float16``, ``float32``) wins; ``auto`` decides by device and measurement."""
    if setting == "auto":
        return auto_compute_dtype(device)
    dtype = getattr(torch, setting, None)
    if not isinstance(dtype, torch.dtype):
        raise ValueError(f"unknown compute dtype {setting!r}")
    return dtype
