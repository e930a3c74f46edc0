"""Worker subprocesses (`python -m worker worker`) whose JSON logs the test can watch."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from typing import Any

from tests.support.settings import settings_env
from worker.config import Settings


class WorkerProcess:
    def __init__(self, settings: Settings, batch_delay_s: float = 0.0, commit_delay_s: float = 0.0, **env_overrides: str) -> None:
        env = settings_env(settings)
        env.update(env_overrides)
        # With a delay, every engine batch (or transaction) takes at least that long (tests/support/slow_worker.py).
        slow = batch_delay_s or commit_delay_s
        command = ["-m", "tests.support.slow_worker"] if slow else ["-m", "worker", "worker"]
        env["FINNEWS_TEST_BATCH_DELAY_S"] = str(batch_delay_s)
        env["FINNEWS_TEST_COMMIT_DELAY_S"] = str(commit_delay_s)
        self.proc = subprocess.Popen(
            [sys.executable, *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.logs: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            text = line.decode("utf-8", "replace").rstrip()
            self.raw.append(text)
            try:
                self.logs.append(json.loads(text))
            except json.JSONDecodeError:
                pass

    def events(self, name: str) -> list[dict[str, Any]]:
        return [e for e in self.logs if e.get("event") == name]

    def wait_for(self, name: str, timeout: float, predicate: Any = None) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events(name):
                if predicate is None or predicate(event):
                    return event
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"no {name!r} log within {timeout}s; exit={self.proc.poll()}; tail:\n" + "\n".join(self.raw[-30:]))

    def assigned(self) -> list[int] | None:
        events = self.events("partitions_assigned")
        return events[-1]["partitions"] if events else None

    def stop(self, timeout: float = 60.0) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
        return self.proc.wait(timeout=timeout)

    def pause(self) -> None:
        """SIGSTOP: the process holds its sockets, transactions and group membership, and answers nothing."""
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.proc.send_signal(signal.SIGCONT)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
