"""Session fixtures: a real broker, a tiny model, and settings factories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.brokers import Broker, default_broker_kind, make_broker
from tests.support.settings import test_tasks
from worker.config import load_settings
from worker.dev.tiny_model import build_tiny_model

_started: list[str] = []


def pytest_report_header(config: pytest.Config) -> str:
    return f"finnews broker for kafka tests: {default_broker_kind()} (FINNEWS_TEST_BROKER=kafka|tansu|auto)"


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
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(scope="session")
def engine(tiny_model_dir: Path) -> Any:
    from worker.engine import Engine

    settings = load_settings(model={"base": tiny_model_dir}, tasks=test_tasks("shared"))
    return Engine.load(settings.model, settings.tasks)
