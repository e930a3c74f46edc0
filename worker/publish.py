"""Sending output messages, and the delivery futures that gate every commit."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, Protocol

from worker.records import OutputMessage


class Publisher(Protocol):
    async def send(self, message: OutputMessage) -> Awaitable[Any]:
        """Queue ``message``; the returned awaitable resolves once the broker acknowledged it."""
        ...


class FaustPublisher:
    """Sends through the faust app's producer (aiokafka underneath), acks=all.

    Goes straight to ``app.producer.send`` with bytes already encoded: the
    topic/codec layer costs several times more CPU per message.
    """

    def __init__(self, app: Any) -> None:
        self._app = app

    async def send(self, message: OutputMessage) -> Awaitable[Any]:
        return await self._app.producer.send(
            message.topic, message.key, message.value, partition=None, timestamp=None, headers=message.headers
        )


class MemoryPublisher:
    """Keeps messages in a list; for the no-Kafka benchmark and unit tests."""

    def __init__(self) -> None:
        self.messages: list[OutputMessage] = []

    async def send(self, message: OutputMessage) -> Awaitable[Any]:
        self.messages.append(message)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done
