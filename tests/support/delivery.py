"""A worker's delivery driven directly (no pipeline, no model run): batches of hand-made outputs."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

from aiokafka import TopicPartition

from worker.config import Settings
from worker.kafka import clients
from worker.kafka.delivery import Delivery, make_delivery
from worker.kafka.offsets import OffsetTracker
from worker.latch import FailureLatch
from worker.outputs import OutputBuilder
from worker.publish import Finished
from worker.records import InputRecord, OutputMessage

_OFFSET_KEY = b"<n + offset>"


def finished(
    settings: Settings, offset: int, outputs: dict[str, bytes], partition: int = 0, key: bytes | None = _OFFSET_KEY
) -> Finished:
    """Input ``offset`` of ``partition`` with one output per topic in ``outputs``, keyed ``n<offset>`` unless ``key``."""
    record = InputRecord(settings.topics.input, partition, offset, datetime.now(timezone.utc), b"k", b'{"id": "x"}')
    key = f"n{offset}".encode() if key is _OFFSET_KEY else key
    messages = [OutputMessage(topic, key, value, [], task=topic) for topic, value in outputs.items()]
    return Finished(record, messages, tasks=list(outputs))


def value(news_id: str, pad: int = 0) -> bytes:
    return json.dumps({"news_id": news_id, "pad": "x" * pad}).encode()


@contextlib.asynccontextmanager
async def delivery_for(settings: Settings, engine: Any, start: bool = True) -> AsyncIterator[Delivery]:
    """The configured mode's delivery, attached to a consumer of the settings' group (not subscribed)."""
    builder = OutputBuilder(engine.loaded, settings.worker_id, settings.topics.deadletter)
    delivery = make_delivery(settings, builder, FailureLatch())
    consumer = clients.async_consumer(settings.kafka, "test-delivery", group_id=settings.kafka.group_id)
    await consumer.start()
    try:
        if start:
            await delivery.start()
        delivery.attach(consumer, OffsetTracker())
        yield delivery
    finally:
        await delivery.close()
        await consumer.stop()


def tp(settings: Settings, partition: int = 0) -> TopicPartition:
    return TopicPartition(settings.topics.input, partition)
