"""What the pipeline hands to delivery, and what it gets back; transport-neutral.

The pipeline computes each input's outputs (``Finished``) and hands a whole
batch to a ``Publish`` implementation, which says which inputs are done
(``Published.acked``: every output acknowledged, or replaced by a dead letter
the broker acknowledged) and which are no longer this worker's
(``abandoned``: the next owner redoes them). Anything else it raises: the
worker stops without acking, and the inputs are redone after the restart.

The Kafka implementations (at-least-once, exactly-once) are in
worker.kafka.delivery; ``MemoryDelivery`` keeps messages in a list, for the
no-Kafka benchmark and unit tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from schemas.deadletter import DeadLetterReason
from worker.records import InputRecord, OutputMessage


@dataclass(slots=True)
class Finished:
    """One input's outputs, ready to publish, and what to count once they are."""

    record: InputRecord
    messages: list[OutputMessage]
    dead: list[DeadLetterReason] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)  # tasks whose result is among ``messages``


@dataclass(slots=True)
class Published:
    acked: list[Finished] = field(default_factory=list)
    abandoned: list[Finished] = field(default_factory=list)


class Publish(Protocol):
    async def publish(self, batch: Sequence[Finished]) -> Published:
        """Publish a computed batch (inputs in consumption order); raise when the worker must stop."""
        ...


class MemoryDelivery:
    """Every batch is published at once, in a list."""

    def __init__(self) -> None:
        self.messages: list[OutputMessage] = []

    async def publish(self, batch: Sequence[Finished]) -> Published:
        for finished in batch:
            self.messages.extend(finished.messages)
        return Published(acked=list(batch))
