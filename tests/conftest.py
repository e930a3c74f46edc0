"""Session fixtures: a real broker, a tiny model, and settings factories."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.brokers import Broker, default_broker_kind, make_broker
from tests.support.settings import test_tasks
from worker.config import load_settings
from worker.dev.tiny_model import build_tiny_model

_started: list[str] = []

# The model tests compare numbers with tolerances set for float32 compute; compute_dtype=auto would pick
# bfloat16 on a CPU with AVX-512 BF16/AMX (worker/engine/dtype.py, tested on its own), so the same suite
# would compute differently there. Worker subprocesses inherit this too.
os.environ.setdefault("FINNEWS_MODEL__COMPUTE_DTYPE", "float32")


#: CPU flags that choose the CPU kernels behind the model tests' numbers: with avx512_bf16, bitsandbytes' NF4 matmul
#: computes in bfloat16 (float32 without), and torch's bfloat16 matmuls use AMX where amx_bf16/amx_tile are set.
CPU_FLAGS = ("avx2", "avx512f", "avx512_bf16", "amx_bf16", "amx_tile")


def cpu_kernel_line() -> str:
    """The CPU model, the kernel-relevant flags from /proc/cpuinfo, and torch's CPU capability."""
    model, flags = "unknown", None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                key, _, value = line.partition(":")
                if key.strip() == "model name" and model == "unknown":
                    model = value.strip()
                elif key.strip() == "flags" and flags is None:
                    flags = set(value.split())
    except OSError:
        pass
    if flags is None:
        shown = "flags unknown (no /proc/cpuinfo)"
    else:
        shown = " ".join(f"{f}={'yes' if f in flags else 'no'}" for f in CPU_FLAGS)
    try:
        import torch

        capability = torch.backends.cpu.get_cpu_capability()
    except (ImportError, AttributeError, RuntimeError) as exc:  # a header line must not stop the run
        capability = f"unknown ({exc})"
    return f"cpu: {model}; {shown}; torch cpu capability: {capability}"


def pytest_report_header(config: pytest.Config) -> list[str]:
    registry = (
        "Apicurio Registry 2.4.2 (built from Maven Central on first use, cached in ~/.cache/finnews)"
        if shutil.which("java")
        else "skipped: java is not installed"
    )
    return [
        f"finnews broker for kafka tests: {default_broker_kind()} (FINNEWS_TEST_BROKER=kafka|tansu|auto)",
        f"schema registry tests: {registry}",
        cpu_kernel_line(),
    ]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _started:
        terminalreporter.write_line(f"brokers that ran: {', '.join(_started)}")


def _start(kind: str) -> Iterator[Broker]:
    broker = make_broker(kind)
    broker.start()
    _started.append(f"{broker.name} on {broker.bootstrap}")
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def broker() -> Iterator[Broker]:
    """The suite's broker: Apache Kafka (KRaft) in CI, Tansu on a laptop without Java."""
    yield from _start(default_broker_kind())


@pytest.fixture(scope="session")
def tansu() -> Iterator[Broker]:
    yield from _start("tansu")


@pytest.fixture(scope="session")
def schema_registry() -> Iterator[Any]:
    """Apicurio Registry's Confluent-compatible API, in memory, with BACKWARD compatibility (Confluent's default)."""
    from tests.support.schema_registry import ApicurioRegistry

    if shutil.which("java") is None:
        pytest.skip("java is not installed: the schema registry tests need Apicurio Registry")
    registry = ApicurioRegistry().start()
    _started.append(f"apicurio-registry on {registry.url}")
    try:
        yield registry
    finally:
        registry.stop()


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(scope="session")
def engine(tiny_model_dir: Path) -> Any:
    from worker.engine import Engine

    settings = load_settings(model={"base": tiny_model_dir}, tasks=test_tasks("shared"))
    return Engine.load(settings.model, settings.tasks)
