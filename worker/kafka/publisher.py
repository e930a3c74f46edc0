"""Outputs to Kafka: one aiokafka producer (acks=all), bytes already encoded."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from worker.records import OutputMessage


class KafkaPublisher:
    """A worker.publish.Publisher that sends through the worker's aiokafka producer."""

    def __init__(self, producer: Any) -> None:
        self._producer = producer

    async def send(self, message: OutputMessage) -> Awaitable[Any]:
        return await self._producer.send(message.topic, message.value, key=message.key, headers=message.headers)
