"""Transport-neutral records: what came in, and what goes out.

``InputRecord`` is an input message as the transport hands it over, with the
callback that acknowledges it; ``OutputMessage`` is an encoded record ready to
send. Neither knows which Kafka client is underneath.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from schemas.deadletter import SourcePosition


async def _no_ack() -> None:
    return None


@dataclass(slots=True)
class InputRecord:
    topic: str
    partition: int
    offset: int
    timestamp: datetime  # the Kafka record timestamp (tz-aware)
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    ack: Callable[[], Awaitable[object]] = _no_ack

    @property
    def position(self) -> SourcePosition:
        return SourcePosition(topic=self.topic, partition=self.partition, offset=self.offset, timestamp=self.timestamp)


@dataclass(frozen=True, slots=True)
class OutputMessage:
    topic: str
    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]]


def timestamp_from_ms(ms: float | int | None) -> datetime:
    if ms is None or ms < 0:
        return datetime.now(timezone.utc)
    return datetime.fromtimestamp(ms / 1000.0, tz=timezone.utc)
