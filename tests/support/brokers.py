"""Real brokers for the tests: Apache Kafka 4.x in KRaft mode, and Tansu.

Kafka's jars come from Maven Central through fetch_kafka.sh and are cached
(``$FINNEWS_KAFKA_HOME`` or ``~/.cache/finnews/kafka-<version>``).
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from worker.dev.embedded import TansuBroker, free_port, stop_process
from worker.kafka import clients
from worker.kafka.admin import wait_for_port

KAFKA_VERSION = os.environ.get("FINNEWS_KAFKA_VERSION", "4.1.1")
HERE = Path(__file__).parent


def kafka_home() -> Path:
    env = os.environ.get("FINNEWS_KAFKA_HOME")
    return Path(env) if env else Path.home() / ".cache" / "finnews" / f"kafka-{KAFKA_VERSION}"


def ensure_kafka_jars() -> Path:
    home = kafka_home()
    libs = home / "libs"
    if not any(libs.glob("kafka_2.13-*.jar")):
        subprocess.run(["bash", str(HERE / "fetch_kafka.sh"), str(home), KAFKA_VERSION], check=True)
    return libs


class KafkaBroker:
    """A single-node KRaft broker+controller on free loopback ports."""

    name = "apache-kafka"

    def __init__(
        self, scram_user: tuple[str, str] | None = None, tls: bool = False, overrides: dict[str, str] | None = None
    ) -> None:
        self.overrides = overrides or {}  # server.properties of this broker that differ from the suite's
        self.port = free_port()
        self.controller_port = free_port()
        # With a SCRAM user, clients connect on a SASL_PLAINTEXT listener with
        # SCRAM-SHA-512; the plain listener stays for the broker's own traffic.
        self.scram_user = scram_user
        self.sasl_port = free_port() if scram_user else None
        self.tls = tls  # the SASL listener speaks SASL_SSL with a test CA
        self.ca_file: Path | None = None
        self.workdir = Path(tempfile.mkdtemp(prefix="finnews-kafka-"))
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def sasl_bootstrap(self) -> str:
        assert self.sasl_port is not None
        return f"127.0.0.1:{self.sasl_port}"

    def _properties(self) -> Path:
        props = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs": str(self.workdir / "data"),
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "4",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            # Tests start consumers right away; the default 3 s join delay only slows them.
            "group.initial.rebalance.delay.ms": "0",
            "num.partitions": "1",
            "auto.create.topics.enable": "false",
        }
        if self.scram_user:
            proto = "SASL_SSL" if self.tls else "SASL_PLAINTEXT"
            props["listeners"] += f",{proto}://127.0.0.1:{self.sasl_port}"
            props["advertised.listeners"] += f",{proto}://127.0.0.1:{self.sasl_port}"
            props["listener.security.protocol.map"] += f",{proto}:{proto}"
            props["inter.broker.listener.name"] = "PLAINTEXT"
            props["sasl.enabled.mechanisms"] = "SCRAM-SHA-512"
            props[f"listener.name.{proto.lower()}.scram-sha-512.sasl.jaas.config"] = (
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"
            )
            if self.tls:
                props["ssl.keystore.type"] = "PEM"
                props["ssl.keystore.location"] = str(self._make_certificates())
        props.update(self.overrides)
        path = self.workdir / "server.properties"
        path.write_text("".join(f"{k}={v}\n" for k, v in props.items()))
        return path

    def _make_certificates(self) -> Path:
        """A throwaway CA and a server certificate for 127.0.0.1 (openssl)."""
        d = self.workdir / "tls"
        d.mkdir(exist_ok=True)

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

        openssl(
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=finnews-test-ca",
        )
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
        (d / "san.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
        openssl(
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "san.cnf",
        )
        keystore = d / "keystore.pem"
        keystore.write_text((d / "server.key").read_text() + (d / "server.pem").read_text())
        self.ca_file = d / "ca.pem"
        return keystore

    def start(self, timeout: float = 90.0) -> "KafkaBroker":
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("java is not installed")
        libs = ensure_kafka_jars()
        props = self._properties()
        classpath = f"{libs}/*"
        # A cluster id starting with "-" would be read as an option by StorageTool.
        cluster_id = "-"
        while cluster_id.startswith("-"):
            cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        fmt = [java, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(props)]
        if self.scram_user:
            name, password = self.scram_user
            fmt += ["--add-scram", f"SCRAM-SHA-512=[name={name},password={password}]"]
        subprocess.run(fmt, check=True, capture_output=True)
        self._command = [
            java,
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            classpath,
            "kafka.Kafka",
            str(props),
        ]
        self._launch(timeout)
        return self

    def _launch(self, timeout: float) -> None:
        log = (self.workdir / "broker.log").open("ab")
        self._proc = subprocess.Popen(
            self._command,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port("127.0.0.1", self.port, timeout)
            self._wait_ready(timeout)
        except Exception:
            self.stop()
            raise

    def halt(self) -> None:
        """Stop the broker process but keep its data (an outage); ``restart`` brings it back."""
        stop_process(self._proc, timeout=20)
        self._proc = None

    def restart(self, timeout: float = 90.0) -> None:
        self._launch(timeout)

    def pause(self) -> None:
        """Freeze the broker (SIGSTOP): connections stay open and no request is answered; clients keep
        the leaders they know, so their transactional batches never expire. ``resume`` thaws it."""
        assert self._proc is not None
        os.kill(self._proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self._proc is not None
        os.kill(self._proc.pid, signal.SIGCONT)

    def _wait_ready(self, timeout: float) -> None:
        from kafka.errors import KafkaError

        deadline = time.monotonic() + timeout
        while True:
            try:
                admin = clients.admin(self.bootstrap, "test-broker-fixture")
                admin.list_topics()
                admin.close()
                return
            except KafkaError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def stop(self) -> None:
        stop_process(self._proc, timeout=20)
        self._proc = None
        shutil.rmtree(self.workdir, ignore_errors=True)


class TansuTestBroker(TansuBroker):
    name = "tansu"


Broker = KafkaBroker | TansuTestBroker


def make_broker(kind: str) -> Broker:
    if kind == "kafka":
        return KafkaBroker()
    if kind == "tansu":
        return TansuTestBroker()
    raise ValueError(f"unknown broker kind {kind!r} (kafka or tansu)")


def default_broker_kind() -> str:
    """FINNEWS_TEST_BROKER if set; else Apache Kafka where Java exists, Tansu otherwise."""
    kind = os.environ.get("FINNEWS_TEST_BROKER", "auto")
    if kind == "auto":
        return "kafka" if shutil.which("java") else "tansu"
    return kind
