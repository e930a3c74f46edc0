"""Where outputs go: the Publisher protocol (delivery futures gate every commit) and an in-memory one.

The Kafka publisher is worker.kafka.publisher.KafkaPublisher."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, Protocol

from worker.records import OutputMessage


class Publisher(Protocol):
    async def send(self, message: OutputMessage) -> Awaitable[Any]:
        """Queue ``message``; the returned awaitable resolves once the broker acknowledged it."""
        ...


class AtomicPublisher(Protocol):
    async def publish_atomically(self, partition: int, messages: list[OutputMessage], next_offset: int) -> bool:
        """Publish ``messages`` and commit input offset ``next_offset`` of ``partition`` in one transaction.

        False when the partition is no longer this worker's: nothing was published.
        """
        ...


class MemoryPublisher:
    """Keeps messages in a list; for the no-Kafka benchmark and unit tests."""

    def __init__(self) -> None:
        self.messages: list[OutputMessage] = []

    async def send(self, message: OutputMessage) -> Awaitable[Any]:
        self.messages.append(message)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done
