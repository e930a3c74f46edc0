"""The GPU benchmark is prepared for a lent H200: its whole path runs here on the CPU with --tiny."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import torch

from worker.engine.dtype import compute_dtype_choice, cpu_bf16_flags


def test_gpu_benchmark_runs_tiny_on_the_cpu_and_reports_its_line_and_json(tmp_path: Path) -> None:
    env = {**os.environ, "OUT": str(tmp_path / "out"), "CUDA_VISIBLE_DEVICES": ""}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.gpu", "--tiny", "--workdir", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"classify_frac=(\S+) summarize_frac=(\S+) mixed_vs_single=(\S+) vs_plain=(\S+)", last)
    assert match, done.stdout[-2000:]
    values = [float(v) for v in match.groups()]
    assert all(v > 0 for v in values), last
    # Holds on any CPU: the ceiling is the fastest of the dtypes the engine's matmuls run in, each rate the best
    # of single runs before and after the engine's (load only slows a measurement down).
    assert values[0] <= 1.0 and values[1] <= 1.0, "a fraction of the physical ceiling above 1 means the ceiling is wrong"
    report = json.loads((tmp_path / "out" / "gpu.json").read_text())
    # The ceiling is measured in the dtypes the engine's matmuls run in (issue 28, 7: float32 by assumption, while on
    # a CPU with AVX-512 BF16 bitsandbytes' 4-bit kernel computes in bfloat16 whatever the compute dtype, and the
    # fraction came out near 3). The engine's choice, made in the benchmark's process, is the one made here for
    # the same setting (tests/conftest.py pins float32; under auto it hangs on the CPU's flags, not on a timing).
    choice = compute_dtype_choice(os.environ.get("FINNEWS_MODEL__COMPUTE_DTYPE", "auto"), torch.device("cpu"))
    assert report["compute_dtype"] == choice.name
    measured = report["device"]["matmul_flops_by_dtype"]
    assert f"torch.{choice.name}" in measured
    if "avx512_bf16" in (cpu_bf16_flags() or ()):
        assert "torch.bfloat16" in measured
    assert [r["batch"] for r in report["rows"]] == [1, 4]
    assert all(r["generated_tokens"] > 0 for r in report["rows"])
    # Every projection of every layer was loaded in 4 bits (with its LoRA on top).
    assert report["model"]["linear4bit_layers"] == 7 * report["model"]["shape"]["num_hidden_layers"]
