"""Labelled records from a Kafka topic (the feedback topic), with a durable read position."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from schemas.tasks import TaskSpec
from training.data import Example, parse_records


def read_topic(bootstrap: str, topic: str, client_kwargs: dict[str, Any], timeout: float = 60.0) -> tuple[list[tuple[str, bytes]], dict[int, int]]:
    """Every record of ``topic`` up to its end offsets now: ([(where, value)], end offsets)."""
    import time

    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=bootstrap.split(","), group_id=None, enable_auto_commit=False, **client_kwargs)
    try:
        partitions = consumer.partitions_for_topic(topic)
        if not partitions:
            raise FileNotFoundError(f"topic {topic!r} does not exist")
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        records: list[tuple[str, bytes]] = []
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < end[tp] for tp in tps):
            if time.monotonic() > deadline:
                raise TimeoutError(f"reading {topic} took longer than {timeout}s")
            for batch in consumer.poll(timeout_ms=500).values():
                for m in batch:
                    if m.offset < end[TopicPartition(m.topic, m.partition)] and m.value is not None:
                        records.append((f"{topic}/{m.partition}/{m.offset}", m.value))
        return records, {tp.partition: end[tp] for tp in tps}
    finally:
        consumer.close()


def load_topic(bootstrap: str, topic: str, task: TaskSpec, client_kwargs: dict[str, Any]) -> tuple[list[Example], dict[int, int]]:
    records, end = read_topic(bootstrap, topic, client_kwargs)
    return parse_records(records, task), end


class Position:
    """The feedback topic's end offsets at the last successful run, kept in a file (atomic writes)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[int, int]:
        if not self.path.is_file():
            return {}
        return {int(k): int(v) for k, v in json.loads(self.path.read_text()).items()}

    def save(self, offsets: dict[int, int]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        tmp.write_text(json.dumps({str(k): v for k, v in sorted(offsets.items())}))
        os.replace(tmp, self.path)

    @staticmethod
    def new_records(before: dict[int, int], now: dict[int, int]) -> int:
        return sum(max(0, end - before.get(p, 0)) for p, end in now.items())
