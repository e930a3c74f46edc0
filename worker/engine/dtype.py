"""Which compute dtype the engine uses: NF4 weights are dequantized to it and every matmul runs in it.

On a GPU it is bfloat16. On a CPU it depends on the CPU: with AVX-512 BF16 or
AMX a bfloat16 matmul of the model's shape ran 2.8x (AMD EPYC) to 4x (Intel
Xeon) faster than float32, on a CPU without them (AVX2 only) about 50x slower.

The choice must be the same at every start of the same machine: a fleet whose
workers serve different dtypes gives different probabilities for the same item.
A timing taken at start is not (on a loaded 2-core EPYC the bfloat16 speed-up
measured anywhere from 1.5x to 17x), so ``auto`` on an x86-64 CPU decides by
the CPU's capability flags: bfloat16 with AVX-512 BF16 or AMX, float32
otherwise. That is also where bitsandbytes' CPU kernels draw the line: with
AVX-512 BF16 its 4-bit inference kernel computes in bfloat16 whatever the
compute dtype says. The timing is still taken, logged and reported beside the
choice (a timing that contradicts the flags is logged as a warning: pin the
dtype then); it decides only where the flags cannot be read (another
architecture), with a margin. ``model.compute_dtype`` pins the dtype at deploy
time and wins over all of it.

``compute_dtype_choice`` says what was chosen and why; the worker reports it
in /healthz and as ``finnews_compute_dtype_info``.
"""

from __future__ import annotations

import dataclasses
import functools
import platform
import time
from dataclasses import dataclass
from pathlib import Path

import structlog
import torch

log = structlog.get_logger(__name__)

#: (tokens, hidden) @ (hidden, intermediate): Gemma 3 270M's MLP up-projection on a short batch.
PROBE_SHAPE = (64, 640, 2048)
#: Where the flags cannot be read, bfloat16 must beat float32 by this factor to be chosen.
BF16_MARGIN = 1.3
#: x86 capability flags (as /proc/cpuinfo names them) with which bfloat16 matmuls run in hardware.
BF16_FLAGS = ("amx_bf16", "avx512_bf16")
_X86 = {"x86_64", "amd64", "i386", "i686", "x86"}


class Reason:
    """Why a dtype was chosen (the ``reason`` label of the metric, the field of /healthz)."""

    setting = "setting"  # model.compute_dtype pinned it
    gpu = "gpu"  # bfloat16 on a GPU
    device = "device"  # float32 on any other non-CPU device
    cpu_flags = "cpu_flags"  # the CPU's capability flags
    timed = "timed"  # a timed matmul (flags unreadable)


@dataclass(frozen=True)
class DtypeProbe:
    """The CPU's choice and the timing measured beside it (``reason``: cpu_flags or timed)."""

    dtype: torch.dtype
    float32_ms: float
    bfloat16_ms: float
    shape: tuple[int, int, int]
    threads: int
    reason: str = Reason.timed
    bf16_flags: tuple[str, ...] | None = None  # the BF16 flags found; None when they could not be read

    @property
    def bf16_speedup(self) -> float:
        return self.float32_ms / self.bfloat16_ms


@dataclass(frozen=True)
class DtypeChoice:
    """The compute dtype in service and why: what /healthz and the metrics report."""

    dtype: torch.dtype
    reason: str
    detail: str

    @property
    def name(self) -> str:
        return str(self.dtype).removeprefix("torch.")


def cpu_bf16_flags() -> tuple[str, ...] | None:
    """The BF16 capability flags of this x86 CPU (empty: none), or None when they cannot be read (not x86)."""
    if platform.machine().lower() not in _X86:
        return None
    found = _torch_cpu_flags()
    if found is None:
        found = _proc_cpuinfo_flags()
    return found


def _torch_cpu_flags() -> tuple[str, ...] | None:
    # torch's own CPU feature detection (cpuinfo, any OS); private helpers, hence the fallback.
    avx512_bf16 = getattr(torch.cpu, "_is_avx512_bf16_supported", None)
    amx = getattr(torch.cpu, "_is_amx_tile_supported", None)
    if avx512_bf16 is None or amx is None:
        return None
    try:
        return tuple(name for name, has in (("amx_bf16", amx()), ("avx512_bf16", avx512_bf16())) if has)
    except RuntimeError:
        return None


def _proc_cpuinfo_flags(path: Path = Path("/proc/cpuinfo")) -> tuple[str, ...] | None:
    try:
        text = path.read_text()
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            flags = set(value.split())
            return tuple(f for f in BF16_FLAGS if f in flags)
    return None


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


def measure_cpu_matmul(shape: tuple[int, int, int] = PROBE_SHAPE, repeats: int = 3, give_up: bool = True) -> DtypeProbe:
    """Time ``shape`` in float32 and bfloat16 on the CPU and pick the faster (bfloat16 only if > BF16_MARGIN x).

    Bounded: a bfloat16 warm-up already 20x slower than float32 ends the
    measurement (one matmul, ~0.4 s on a 2-core AVX2 CPU), since no kernel
    warm-up explains that much.
    """
    m, k, n = shape
    generator = torch.Generator().manual_seed(0)
    a32, b32 = torch.randn(m, k, generator=generator), torch.randn(k, n, generator=generator)
    f32 = _best_ms(a32, b32, repeats)
    bf16 = _best_ms(a32.bfloat16(), b32.bfloat16(), repeats, give_up_ms=max(20 * f32, 50.0) if give_up else None)
    dtype = torch.bfloat16 if f32 / bf16 > BF16_MARGIN else torch.float32
    return DtypeProbe(dtype=dtype, float32_ms=f32, bfloat16_ms=bf16, shape=shape, threads=torch.get_num_threads())


@functools.cache
def _cpu_choice(threads: int) -> DtypeProbe:
    flags = cpu_bf16_flags()
    # With bf16 instructions the first bfloat16 matmul compiles its kernel (measured: 0.56 s against 1 ms
    # in float32 on an EPYC with AVX-512 BF16): no giving up on the warm-up there, or the timing always
    # disagrees with the flags.
    timed = measure_cpu_matmul(give_up=not flags)
    if flags is None:
        probe = timed
    else:
        probe = dataclasses.replace(
            timed, dtype=torch.bfloat16 if flags else torch.float32, reason=Reason.cpu_flags, bf16_flags=flags
        )
    fields = {
        "device": "cpu",
        "dtype": str(probe.dtype).removeprefix("torch."),
        "reason": probe.reason,
        "bf16_flags": list(flags) if flags is not None else None,
        "float32_ms": round(probe.float32_ms, 2),
        "bfloat16_ms": round(probe.bfloat16_ms, 2),
        "bf16_speedup": round(probe.bf16_speedup, 2),
        "shape": "x".join(map(str, probe.shape)),
        "threads": threads,
        "margin": BF16_MARGIN,
    }
    log.info("compute_dtype_chosen", **fields)
    if probe.dtype is not timed.dtype:
        # Only logged: a timing taken under load moves (the point of deciding by the flags).
        log.warning(
            "compute_dtype_timing_disagrees",
            chosen=fields["dtype"],
            timed=str(timed.dtype).removeprefix("torch."),
            hint="if this persists, pin model.compute_dtype (FINNEWS_MODEL__COMPUTE_DTYPE)",
        )
    return probe


def cpu_probe() -> DtypeProbe:
    """The process's CPU choice (taken, and logged, on the first call for the current thread count)."""
    return _cpu_choice(torch.get_num_threads())


def compute_dtype_choice(setting: str, device: torch.device) -> DtypeChoice:
    """The compute dtype for ``setting`` on ``device`` and why: an explicit setting (``bfloat16``,
    ``float16``, ``float32``) wins; ``auto`` is bfloat16 on a GPU and, on a CPU, decided by its flags."""
    if setting != "auto":
        dtype = getattr(torch, setting, None)
        if not isinstance(dtype, torch.dtype):
            raise ValueError(f"unknown compute dtype {setting!r}")
        return DtypeChoice(dtype, Reason.setting, f"model.compute_dtype={setting}")
    if device.type == "cuda":
        return DtypeChoice(torch.bfloat16, Reason.gpu, "bfloat16 on a GPU")
    if device.type != "cpu":
        return DtypeChoice(torch.float32, Reason.device, f"float32 on {device.type}")
    probe = cpu_probe()
    if probe.reason == Reason.cpu_flags:
        has = ", ".join(probe.bf16_flags or ()) or f"none of {', '.join(BF16_FLAGS)}"
        detail = f"CPU flags: {has}"
    else:
        detail = f"CPU flags unreadable; bfloat16 {probe.bf16_speedup:.2f}x float32's speed (margin {BF16_MARGIN:g})"
    return DtypeChoice(probe.dtype, probe.reason, detail)


def auto_compute_dtype(device: torch.device) -> torch.dtype:
    """bfloat16 on a GPU; on a CPU bfloat16 when its flags say so (cached per process and thread count)."""
    return compute_dtype_choice("auto", device).dtype


def resolve_compute_dtype(setting: str, device: torch.device) -> torch.dtype:
    """An explicit setting (``bfloat16``, ``float16``, ``float32``) wins; ``auto`` decides by device and CPU flags."""
    return compute_dtype_choice(setting, device).dtype
