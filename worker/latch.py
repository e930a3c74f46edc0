"""The worker's one failure latch: any part that cannot go on trips it, the first reason wins.

The pipeline, the Kafka source and the delivery each run background tasks
whose crash must end the worker (non-zero, health false) rather than leave
it alive but stuck. They share one latch; the worker watches it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import structlog

log = structlog.get_logger(__name__)


class FailureLatch:
    def __init__(self) -> None:
        self._reason: BaseException | None = None
        self._listeners: list[Callable[[BaseException], None]] = []

    @property
    def tripped(self) -> BaseException | None:
        return self._reason

    def on_trip(self, listener: Callable[[BaseException], None]) -> None:
        self._listeners.append(listener)
        if self._reason is not None:
            listener(self._reason)

    def trip(self, exc: BaseException, where: str) -> None:
        """Record the failure (the first one wins) and tell every listener once."""
        if self._reason is not None:
            return
        self._reason = exc
        log.error("worker_part_failed", part=where, error=f"{type(exc).__name__}: {exc}")
        for listener in self._listeners:
            listener(exc)

    def watch(self, task: asyncio.Future[object], where: str) -> None:
        """Trip when ``task`` ends with an exception (a cancelled task is a normal stop)."""

        def done(finished: asyncio.Future[object]) -> None:
            if not finished.cancelled() and finished.exception() is not None:
                self.trip(finished.exception(), where)  # type: ignore[arg-type]

        task.add_done_callback(done)
