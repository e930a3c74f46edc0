"""Reading whole topics and committed offsets, for assertions."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any


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


def read_topic(bootstrap: str, topic: str, timeout: float = 30.0) -> list[Record]:
    """Every record of ``topic`` up to its current end offsets."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=[bootstrap], group_id=None, enable_auto_commit=False)
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        records: list[Record] = []
        deadline = time.monotonic() + timeout
        # Tansu's end offsets can lag its log, so one more poll follows reaching them.
        extra_polls = 1
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError(f"reading {topic}: still short of {end}")
            polled = consumer.poll(timeout_ms=500)
            for tp, batch in polled.items():
                for m in batch:
                    records.append(Record(m.topic, m.partition, m.offset, m.key, m.value, dict(m.headers or [])))
            if all(consumer.position(tp) >= end[tp] for tp in tps):
                if extra_polls == 0 or not polled:
                    return records
                extra_polls -= 1
    finally:
        consumer.close()


def wait_for_records(bootstrap: str, topic: str, count: int, timeout: float) -> list[Record]:
    deadline = time.monotonic() + timeout
    while True:
        records = read_topic(bootstrap, topic)
        if len(records) >= count or time.monotonic() > deadline:
            return records
        time.sleep(0.5)


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """partition -> committed offset (missing partitions have none committed)."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=[bootstrap], group_id=group, enable_auto_commit=False)
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
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=[bootstrap], group_id=None)
    try:
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or set())]
        return {tp.partition: off for tp, off in consumer.end_offsets(tps).items()}
    finally:
        consumer.close()
