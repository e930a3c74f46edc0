"""A real schema registry for the tests: Apicurio Registry 2.4.2.Final, in-memory storage.

Its Confluent-compatible API answers at ``/apis/ccompat/v7`` (``ApicurioRegistry.url``), which
``confluent_kafka.schema_registry.SchemaRegistryClient`` speaks.

Apicurio publishes no runnable distribution on Maven Central, only the application's jars, so
``ensure_apicurio`` builds it once with the wrapper Maven project in ``tests/support/apicurio``
(quarkus-maven-plugin 2.16.4.Final over io.apicurio:apicurio-registry-app; see its pom.xml) and
caches the resulting ``quarkus-app`` folder in ``$FINNEWS_APICURIO_HOME`` or
``~/.cache/finnews/apicurio-2.4.2``, like brokers.py caches Kafka's jars. Maven uses its default
local repository (``~/.m2/repository``). A cold build, downloads included, takes about 40 s; a
start takes about 5 s and ~210 MB of memory.

Quirks of the registry (2.4.2), as seen from the ccompat API:

* Compatibility is not enforced unless a rule says so: the server's global level is NONE
  (Confluent's is BACKWARD). ``ApicurioRegistry.start`` therefore sets the global level to
  BACKWARD (``PUT /config``); pass ``global_compatibility=None`` for Apicurio's own default.
  A subject-level level adds a rule, but a subject set to NONE is still checked against the
  global level, and ``GET /config/{subject}`` answers NONE for a subject without its own level.
* An incompatible schema: ``POST /subjects/{s}/versions`` answers HTTP 409 with
  ``{"message": "Incompatible artifact: ...", "error_code": 0}`` (Confluent: error_code 409);
  ``POST /compatibility/subjects/{s}/versions/latest`` answers 200
  ``{"is_compatible": false, "reason": null}`` (the reason only with ``?verbose=true``).
* JSON Schema needs ``"schemaType": "JSON"`` (confluent-kafka sends it); without it: 422, 42201.
* The ids are Apicurio's content ids: the same schema text under two subjects gets one id.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from worker.dev.embedded import free_port, stop_process

APICURIO_VERSION = "2.4.2.Final"
HERE = Path(__file__).parent
PROJECT = HERE / "apicurio"  # the wrapper Maven project
# -DskipDefault switches off the "external_repos" profile of Apicurio's parent POM, which would
# add jitpack.io and packages.confluent.io to the repositories of every Apicurio dependency.
BUILD_COMMAND = ["mvn", "-q", "-B", "-DskipDefault", "package"]

log = logging.getLogger(__name__)


def apicurio_home() -> Path:
    env = os.environ.get("FINNEWS_APICURIO_HOME")
    return Path(env) if env else Path.home() / ".cache" / "finnews" / "apicurio-2.4.2"


def _built(home: Path) -> bool:
    return (home / "quarkus-run.jar").is_file()


def ensure_apicurio() -> Path:
    """The folder holding ``quarkus-run.jar``; builds and caches it on first use.

    The build runs in a scratch folder beside the cache and its ``quarkus-app`` is renamed into
    place only when complete, under a file lock, so concurrent callers wait for one build and a
    half-built cache is never used.
    """
    home = apicurio_home()
    if _built(home):
        return home
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed (needed to build Apicurio Registry)")
    home.parent.mkdir(parents=True, exist_ok=True)
    with open(home.parent / f".{home.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _built(home):  # another process built it while this one waited
            return home
        scratch = Path(tempfile.mkdtemp(prefix=f".{home.name}.build-", dir=home.parent))
        try:
            src = scratch / "src"
            shutil.copytree(PROJECT, src, ignore=shutil.ignore_patterns("target"))
            started = time.monotonic()
            done = subprocess.run(BUILD_COMMAND, cwd=src, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            elapsed = time.monotonic() - started
            if done.returncode != 0:
                tail = done.stdout.decode(errors="replace")[-6000:]
                raise RuntimeError(f"building Apicurio Registry failed ({' '.join(BUILD_COMMAND)}, {elapsed:.0f} s):\n{tail}")
            built = src / "app" / "target" / "quarkus-app"
            (built / "finnews-build.txt").write_text(f"{' '.join(BUILD_COMMAND)}\nwall time {elapsed:.1f} s\n")
            if home.exists():  # not a build of ours (no quarkus-run.jar): replace it
                shutil.rmtree(home)
            os.rename(built, home)  # atomic: same filesystem
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    message = f"apicurio registry {APICURIO_VERSION}: built in {elapsed:.1f} s into {home}"
    log.info(message)
    print(message, file=sys.stderr)
    return home


class ApicurioRegistry:
    """Apicurio Registry (in-memory storage) on a free loopback port; also a context manager.

    ``overrides`` are extra Quarkus/registry settings, passed as ``-Dkey=value``.
    """

    name = "apicurio"

    def __init__(self, global_compatibility: str | None = "BACKWARD", overrides: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.global_compatibility = global_compatibility
        self.overrides = overrides or {}
        self.workdir: Path | None = None  # made by start(): the registry's log (registry.log)
        self.start_seconds: float | None = None  # how long the last start took
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path | None:
        return self.workdir / "registry.log" if self.workdir else None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The Confluent-compatible API, for ``SchemaRegistryClient({"url": ...})``."""
        return f"{self.base_url}/apis/ccompat/v7"

    def start(self, timeout: float = 120.0) -> "ApicurioRegistry":
        java = shutil.which("java")
        if java is None:
            raise RuntimeError("java is not installed")
        home = ensure_apicurio()
        self.workdir = Path(tempfile.mkdtemp(prefix="finnews-apicurio-"))
        props = {
            "quarkus.http.host": "127.0.0.1",
            "quarkus.http.port": str(self.port),
            # The in-memory H2 pool the app asks for (20 connections at start) is more than a test needs.
            "quarkus.datasource.jdbc.initial-size": "2",
            "quarkus.datasource.jdbc.min-size": "2",
            "quarkus.datasource.jdbc.max-size": "20",
        }
        props.update(self.overrides)
        command = [
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            *(f"-D{k}={v}" for k, v in props.items()),
            "-jar",
            str(home / "quarkus-run.jar"),
        ]
        started = time.monotonic()
        assert self.log_path is not None
        with self.log_path.open("ab") as out:
            self._proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=self.workdir)
        try:
            self._wait_ready(timeout)
            if self.global_compatibility:
                self.set_global_compatibility(self.global_compatibility)
        except BaseException:
            self.stop(keep_log=True)
            raise
        self.start_seconds = time.monotonic() - started
        return self

    def set_global_compatibility(self, level: str) -> None:
        """PUT /config: the global rule, which every subject's schemas are checked against.

        (The config property ``registry.rules.global.compatibility`` enforces the same, but then
        ``GET /config`` still answers NONE; the stored rule answers what is enforced.)
        """
        req = urllib.request.Request(
            f"{self.url}/config",
            method="PUT",
            data=json.dumps({"compatibility": level}).encode(),
            headers={"Content-Type": "application/vnd.schemaregistry.v1+json"},
        )
        with urllib.request.urlopen(req, timeout=10.0) as resp:
            json.load(resp)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = f"{self.url}/subjects"
        while True:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise RuntimeError(f"apicurio registry exited with {self._proc.returncode}:\n{self._log_tail()}")
            try:
                with urllib.request.urlopen(probe, timeout=2.0) as resp:
                    json.load(resp)
                return
            except (OSError, ValueError) as exc:  # not listening yet, or starting up
                if time.monotonic() > deadline:
                    raise TimeoutError(f"apicurio registry not ready after {timeout:.0f} s ({exc}):\n{self._log_tail()}") from exc
                time.sleep(0.2)

    def _log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:] if self.log_path else ""
        except OSError:
            return ""

    def stop(self, keep_log: bool = False) -> None:
        stop_process(self._proc, timeout=20)
        self._proc = None
        if self.workdir is not None and not keep_log:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self) -> "ApicurioRegistry":
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
