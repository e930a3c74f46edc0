"""Labelled records from a Kafka topic (the feedback topic), with a durable read position."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.tasks import TaskSpec
from training.data import Example, parse_records
from worker.kafka.clients import Connection
from worker.kafka.topic_reader import read_to_end
from worker.registry import write_atomic


def load_topic(connection: Connection, topic: str, task: TaskSpec) -> tuple[list[Example], dict[int, int]]:
    """The labelled examples on ``topic`` now, and the offsets read up to (for ``Position``)."""
    records, end = read_to_end(connection, topic, "finnews-train")
    return parse_records([(f"{r.topic}/{r.partition}/{r.offset}", r.value) for r in records if r.value is not None], task), end


class Position:
    """The feedback topic's end offsets at the last successful run, kept in a file (atomic writes)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[int, int]:
        if not self.path.is_file():
            return {}
        return {int(k): int(v) for k, v in json.loads(self.path.read_text()).items()}

    def save(self, offsets: dict[int, int]) -> None:
        write_atomic(self.path, json.dumps({str(k): v for k, v in sorted(offsets.items())}))

    @staticmethod
    def new_records(before: dict[int, int], now: dict[int, int]) -> int:
        return sum(max(0, end - before.get(p, 0)) for p, end in now.items())
