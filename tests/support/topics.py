"""Reading whole topics and committed offsets, for assertions (through the product's one reader)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from worker.kafka import clients
from worker.kafka.topic_reader import TopicMissing, read_to_end


@dataclass
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict[str, bytes]

    def json(self) -> Any:
        assert self.value is not None
        return json.loads(self.value)


def read_topic(bootstrap: str, topic: str, timeout: float = 30.0, committed_only: bool = False) -> list[Record]:
    """Every record of ``topic`` up to its end now (an absent topic reads as empty); ``committed_only``
    reads as a read_committed consumer does (records of aborted or open transactions left out)."""
    try:
        records, _ = read_to_end(
            bootstrap, topic, "test-read", idle_timeout_s=timeout, idle_polls_at_end=1, committed_only=committed_only
        )
    except TopicMissing:
        return []
    return [
        Record(r.topic, r.partition, r.offset, r.key, r.value, {k.decode("utf-8", "replace"): v for k, v in r.headers})
        for r in records
    ]


def wait_for_records(bootstrap: str, topic: str, count: int, timeout: float) -> list[Record]:
    deadline = time.monotonic() + timeout
    while True:
        records = read_topic(bootstrap, topic)
        if len(records) >= count or time.monotonic() > deadline:
            return records
        time.sleep(0.5)


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """partition -> committed offset (missing partitions have none committed)."""
    from kafka import TopicPartition

    consumer = clients.consumer(bootstrap, "test-offsets", group_id=group)
    try:
        out = {}
        for p in sorted(consumer.partitions_for_topic(topic) or set()):
            committed = consumer.committed(TopicPartition(topic, p))
            if committed is not None:
                out[p] = committed
        return out
    finally:
        consumer.close()


def next_offsets(records: list[Record]) -> dict[int, int]:
    """partition -> the offset after the last record read: what a full commit holds."""
    out: dict[int, int] = {}
    for r in records:
        out[r.partition] = max(out.get(r.partition, 0), r.offset + 1)
    return out


def end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    from kafka import TopicPartition

    consumer = clients.consumer(bootstrap, "test-offsets")
    try:
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or set())]
        return {tp.partition: off for tp, off in consumer.end_offsets(tps).items()}
    finally:
        consumer.close()


def set_topic_config(bootstrap: str, topic: str, **configs: str) -> None:
    """Change topic-level configs (dots as underscores: ``max_message_bytes="700"``) and wait until the
    broker shows them; it applies them to the partitions' logs asynchronously, so allow it a moment more."""
    from kafka.admin import ConfigResource, ConfigResourceType

    wanted = {k.replace("_", "."): v for k, v in configs.items()}
    admin = clients.admin(bootstrap, "test-topic-config")
    try:
        admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs=wanted)], raise_on_unknown=False)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            shown = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])["topic"][topic]
            if all(shown.get(k, {}).get("value") == v for k, v in wanted.items()):
                break
            time.sleep(0.1)
        time.sleep(0.5)
    finally:
        admin.close()
