"""Transport-neutral records: what came in, and what goes out.

``InputRecord`` is an input message as the transport hands it over, with the
callback that acknowledges it and the one that says whether this worker still
owns its partition; ``OutputMessage`` is an encoded record ready to send.
Neither knows which Kafka client is underneath.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from schemas.deadletter import SourcePosition

#: (topic, partition)
Partition = tuple[str, int]


def _no_ack() -> None:
    return None


def _always() -> bool:
    return True


@dataclass(slots=True)
class InputRecord:
    topic: str
    partition: int
    offset: int
    timestamp: datetime  # the Kafka record timestamp (tz-aware)
    key: bytes | None
    value: bytes | None
    # Header keys stay bytes: producers may write any bytes there.
    headers: list[tuple[bytes, bytes | None]] = field(default_factory=list)
    # Called once every output of this input was acknowledged by the broker (cheap and synchronous).
    ack: Callable[[], object] = _no_ack
    # False once the partition was revoked from this worker: its outputs would be duplicates.
    owned: Callable[[], bool] = _always

    @property
    def position(self) -> SourcePosition:
        return SourcePosition(topic=self.topic, partition=self.partition, offset=self.offset, timestamp=self.timestamp)

    @property
    def partition_key(self) -> Partition:
        return (self.topic, self.partition)


@dataclass(frozen=True, slots=True)
class OutputMessage:
    topic: str
    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]]
    task: str | None = None  # the task whose result this is; None for a dead letter


def timestamp_from_ms(ms: float | int | None) -> datetime:
    if ms is None or ms < 0:
        return datetime.now(timezone.utc)
    return datetime.fromtimestamp(ms / 1000.0, tz=timezone.utc)
