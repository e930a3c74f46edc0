"""No alive-but-stuck worker: liveness follows progress, readiness follows group membership,
and start-up failures are one line."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support.news import lines, news
from tests.support.settings import settings_for
from tests.worker.test_observability import get
from worker.dev.demo import publish_raw
from worker.service import run_worker


class StuckEngine:
    """The shared engine, except that every batch first hangs for ``seconds``."""

    def __init__(self, engine: Any, seconds: float) -> None:
        self._engine, self._seconds = engine, seconds

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def run(self, batch: Sequence[Any]) -> Any:
        time.sleep(self._seconds)
        return self._engine.run(batch)


@pytest.mark.kafka
def test_a_worker_that_makes_no_progress_fails_liveness_and_exits_non_zero(
    broker: Any, tiny_model_dir: Path, engine: Any
) -> None:
    settings = settings_for(broker, tiny_model_dir, progress_timeout_s=5.0)
    publish_raw(broker.bootstrap, settings.topics.input, lines(news(4)))

    async def go() -> tuple[Any, list[int], float]:
        ports: list[int] = []
        statuses: list[int] = []
        loop = asyncio.get_running_loop()
        worker = asyncio.create_task(
            run_worker(settings, engine=StuckEngine(engine, 14.0), install_signal_handlers=False, on_http=ports.append)
        )
        started = time.monotonic()
        while not worker.done():
            await asyncio.sleep(0.5)
            if ports:
                try:
                    status, _ = await loop.run_in_executor(None, get, ports[0], "/healthz")
                except OSError:
                    continue  # the server is gone: the worker is shutting down
                statuses.append(status)
        return await worker, statuses, time.monotonic() - started

    summary, statuses, elapsed = asyncio.run(go())
    assert summary.failed is not None and "no input finished" in summary.failed, summary.failed
    assert 200 in statuses and statuses[-1] == 500, statuses
    assert elapsed < 60


@pytest.mark.kafka
def test_readiness_needs_assigned_partitions(broker: Any, tiny_model_dir: Path, engine: Any) -> None:
    # One partition, two workers: exactly one of them owns it and is ready.
    settings = settings_for(broker, tiny_model_dir, topics={"partitions": 1}, metrics_interval_s=0.3)

    async def go() -> list[tuple[int, dict[str, Any]]]:
        loop = asyncio.get_running_loop()
        ports: list[int] = []
        stop = asyncio.Event()
        workers = [
            asyncio.create_task(
                run_worker(
                    settings.model_copy(update={"worker_id": f"w{i}"}),
                    engine=engine,
                    install_signal_handlers=False,
                    stop=stop,
                    on_http=ports.append,
                )
            )
            for i in range(2)
        ]
        answers: list[tuple[int, dict[str, Any]]] = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            await asyncio.sleep(1.0)
            answers = []
            for port in ports:
                status, body = await loop.run_in_executor(None, get, port, "/readyz")
                answers.append((status, json.loads(body)))
            if len(answers) == 2 and sorted(s for s, _ in answers) == [200, 503]:
                break
        stop.set()
        await asyncio.gather(*workers)
        return answers

    answers = asyncio.run(go())
    assert sorted(s for s, _ in answers) == [200, 503], answers
    idle = next(body for status, body in answers if status == 503)
    assert idle["partitions_assigned"] is False and idle["model_loaded"] is True


def _invoke(args: list[str], monkeypatch: pytest.MonkeyPatch, **env: str) -> Any:
    from worker.cli import app

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return CliRunner().invoke(app, args)


def _one_line(result: Any) -> str:
    """The one line that is not a structured (JSON) log line."""
    out = result.output.strip()
    assert "Traceback" not in out, out
    plain = []
    for line in out.splitlines():
        try:
            json.loads(line)
        except ValueError:
            plain.append(line)
    assert len(plain) == 1 and plain[0].startswith("finnews: "), out
    return plain[0]


def test_worker_with_an_impossible_broker_port_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _invoke(["worker"], monkeypatch, FINNEWS_KAFKA__BOOTSTRAP_SERVERS="127.0.0.1:99999")
    assert result.exit_code == 2
    assert "FINNEWS_KAFKA__BOOTSTRAP_SERVERS" in _one_line(result) and "99999" in result.output


def test_worker_with_a_model_folder_without_weights_is_one_line(
    tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "model"
    empty.mkdir()
    (empty / "config.json").write_text((tiny_model_dir / "config.json").read_text())
    result = _invoke(
        ["worker"],
        monkeypatch,
        FINNEWS_MODEL__BASE=str(empty),
        FINNEWS_HTTP__PORT="0",
        FINNEWS_KAFKA__BOOTSTRAP_SERVERS="127.0.0.1:9",
    )
    assert result.exit_code == 1
    assert "cannot load the model" in _one_line(result)


def test_worker_whose_http_port_is_taken_is_one_line(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _invoke(
            ["worker"],
            monkeypatch,
            FINNEWS_MODEL__BASE=str(tiny_model_dir),
            FINNEWS_HTTP__HOST="127.0.0.1",
            FINNEWS_HTTP__PORT=str(port),
            FINNEWS_KAFKA__BOOTSTRAP_SERVERS="127.0.0.1:9",
        )
    assert result.exit_code == 1
    assert f"{port}" in _one_line(result) and "http.port" in result.output


@pytest.mark.kafka
def test_a_crashed_consumer_ends_the_worker_non_zero(
    broker: Any, tiny_model_dir: Path, engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from worker.kafka.source import KafkaSource

    def broken(self: Any, message: Any, key: Any, epoch: int) -> Any:
        raise RuntimeError("consumer bug")

    monkeypatch.setattr(KafkaSource, "_record", broken)
    settings = settings_for(broker, tiny_model_dir)
    publish_raw(broker.bootstrap, settings.topics.input, lines(news(2)))
    started = time.monotonic()
    summary = asyncio.run(run_worker(settings, engine=engine, install_signal_handlers=False))
    assert summary.failed is not None and "consumer bug" in summary.failed
    assert time.monotonic() - started < 60
