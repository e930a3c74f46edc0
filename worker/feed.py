"""Publishing news files to the input topic, and reading topics back (kafka-python)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

from pydantic import ValidationError

from schemas.news import NewsItem


@dataclass
class PublishReport:
    published: int = 0
    invalid: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


def read_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield number, line


def check_line(line: bytes) -> NewsItem | str:
    """The NewsItem in ``line``, or why it is not one."""
    try:
        return NewsItem.model_validate_json(line)
    except ValidationError as exc:
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in exc.errors()[:5])


def make_producer(bootstrap: str, **client_kwargs: Any) -> Any:
    from kafka import KafkaProducer

    return KafkaProducer(
        bootstrap_servers=bootstrap.split(","), acks="all", linger_ms=5, client_id="finnews-publish", **client_kwargs
    )


def publish_file(
    path: Path, bootstrap: str, topic: str, *, include_invalid: bool = False, **client_kwargs: Any
) -> PublishReport:
    """Publish each valid line keyed by its id; invalid lines are reported, and sent only if asked.

    Sending invalid lines is for exercising the dead-letter path (the demo does).
    """
    report = PublishReport()
    producer = make_producer(bootstrap, **client_kwargs)
    try:
        futures = []
        for number, line in read_lines(path):
            checked = check_line(line)
            if isinstance(checked, str):
                report.invalid.append((number, checked))
                if not include_invalid:
                    continue
                key = None
            else:
                key = checked.id.encode()
            futures.append(producer.send(topic, key=key, value=line))
        for fut in futures:
            fut.get(timeout=30)
            report.published += 1
    finally:
        producer.flush()
        producer.close()
    return report


def tail(
    bootstrap: str, topic: str, *, from_beginning: bool, max_records: int | None, timeout_s: float, **client_kwargs: Any
) -> Iterator[dict[str, object]]:
    """Records of ``topic`` as dicts (value parsed as JSON when it is JSON); no group, no commits."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap.split(","),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        consumer_timeout_ms=int(timeout_s * 1000),
        client_id="finnews-tail",
        **client_kwargs,
    )
    consumer.subscribe([topic])
    try:
        for n, msg in enumerate(consumer, start=1):
            try:
                value: object = json.loads(msg.value) if msg.value is not None else None
            except (UnicodeDecodeError, json.JSONDecodeError):
                value = repr(msg.value)
            yield {
                "partition": msg.partition,
                "offset": msg.offset,
                "key": msg.key.decode("utf-8", "replace") if msg.key else None,
                "headers": {k: v.decode("utf-8", "replace") for k, v in (msg.headers or [])},
                "value": value,
            }
            if max_records is not None and n >= max_records:
                return
    finally:
        consumer.close()
