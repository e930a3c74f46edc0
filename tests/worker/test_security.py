"""SASL_SSL with SCRAM-SHA-512 reaches every client, and secrets never reach logs or output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.brokers import KafkaBroker
from tests.support.news import lines, news
from tests.support.settings import settings_env, settings_for
from tests.support.topics import wait_for_records
from worker.cli import app

PASSWORD = "pw-Sup3rS3cret-7d1c"


@pytest.fixture(scope="module")
def scram_broker() -> Iterator[KafkaBroker]:
    if not shutil.which("java") or not shutil.which("openssl"):
        pytest.skip("the SASL_SSL broker needs Java (Apache Kafka; Tansu has no SASL) and openssl")
    broker = KafkaBroker(scram_user=("finnews", PASSWORD), tls=True)
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


def _sasl_env(bootstrap: str, password: str, ca_file: Path | None = None) -> dict[str, str]:
    env = {
        "FINNEWS_KAFKA__BOOTSTRAP_SERVERS": bootstrap,
        "FINNEWS_KAFKA__SECURITY_PROTOCOL": "SASL_SSL" if ca_file else "SASL_PLAINTEXT",
        "FINNEWS_KAFKA__SASL_MECHANISM": "SCRAM-SHA-512",
        "FINNEWS_KAFKA__SASL_USERNAME": "finnews",
        "FINNEWS_KAFKA__SASL_PASSWORD": password,
    }
    if ca_file:
        env["FINNEWS_KAFKA__SSL_CAFILE"] = str(ca_file)
    return env


def test_config_prints_secrets_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in _sasl_env("127.0.0.1:9093", PASSWORD).items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output and '"sasl_password": "**********"' in result.output


def test_sasl_without_credentials_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINNEWS_KAFKA__SECURITY_PROTOCOL", "SASL_SSL")
    result = CliRunner().invoke(app, ["worker"])
    assert result.exit_code == 2
    assert "needs sasl_username and sasl_password" in result.output


@pytest.mark.kafka
def test_every_client_authenticates_with_scram_and_never_shows_the_password(
    scram_broker: KafkaBroker, tiny_model_dir: Path, tmp_path: Path
) -> None:
    settings = settings_for(scram_broker, tiny_model_dir)
    env = {**settings_env(settings), **_sasl_env(scram_broker.sasl_bootstrap, PASSWORD, scram_broker.ca_file)}
    outputs: list[str] = []

    def finnews(*args: str, timeout: float = 120, env_: dict[str, str] = env) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([sys.executable, "-m", "worker", *args], env=env_, capture_output=True, text=True, timeout=timeout)
        outputs.append(proc.stdout + proc.stderr)
        return proc

    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\n".join(lines(news(5))) + b"\n")
    assert "created=" in finnews("topics", "create").stdout
    assert finnews("publish", str(feed)).stdout.strip() == "published=5 invalid=0 converted=0"
    worker = finnews("worker", "--max-items", "5")
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert worker.stdout.strip().splitlines()[-1] == "items=5 classified=5 summarized=5 dead_lettered=0"
    tailed = finnews("tail", settings.task("sentiment").output_topic, "--max", "5", "--timeout", "15")
    assert len(tailed.stdout.strip().splitlines()) == 5
    assert len(wait_for_records(scram_broker.bootstrap, settings.task("headline").output_topic, 5, timeout=10)) == 5

    # A wrong password fails with a clear error, and says nothing of either password.
    wrong = finnews("worker", "--max-items", "1", env_={**env, "FINNEWS_KAFKA__SASL_PASSWORD": "not-" + PASSWORD}, timeout=180)
    assert wrong.returncode != 0
    assert "finnews: cannot start consuming from Kafka" in wrong.stderr
    for text in outputs:
        assert PASSWORD not in text
