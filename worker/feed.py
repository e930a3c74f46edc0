"""Publishing news files to the input topic, and reading topics back (kafka-python)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from schemas.labels import GroundTruth
from schemas.news import NewsItem
from worker.dev.eval_sets import is_eval_record, news_from_eval_record
from worker.intake import parse_json, validation_problems
from worker.kafka import clients
from worker.kafka.clients import Connection


@dataclass
class PublishReport:
    published: int = 0
    invalid: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    converted: int = 0  # evaluation-set records turned into news items
    labels: int = 0  # ground-truth lines written to the labels file


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
        return validation_problems(exc, 5)


@dataclass(frozen=True)
class Outgoing:
    """What one input line becomes: the news item to send, its bytes, and its ground truth if any."""

    item: NewsItem
    value: bytes
    truth: GroundTruth | None = None
    converted: bool = False  # an evaluation-set record made into a news item


def convert_line(line: bytes) -> Outgoing | str:
    """A news item as is, or an evaluation-set record ({"id", "text", "label"|"summary"}) made into one
    (worker.dev.eval_sets); or why the line is neither."""
    try:
        data = parse_json(line)
    except ValueError as exc:
        return f"record: not JSON ({exc})"
    if is_eval_record(data):
        made = news_from_eval_record(data)
        if isinstance(made, str):
            return made
        item, value, truth = made
        return Outgoing(item=item, value=value, truth=truth, converted=True)
    checked = check_line(line)
    return checked if isinstance(checked, str) else Outgoing(item=checked, value=line)


def publish_file(
    path: Path,
    connection: Connection,
    topic: str,
    *,
    include_invalid: bool = False,
    labels_out: Path | None = None,
) -> PublishReport:
    """Publish each valid line keyed by its id; invalid lines are reported, and sent only if asked.

    Lines may be news items or evaluation-set records (see ``convert_line``);
    with ``labels_out``, the ground truth of every published record that has
    one is written there, one {"id", "label"|"summary"} per line, ready for
    `finnews replay --labels`. Sending invalid lines is for exercising the
    dead-letter path (the demo does).
    """
    report = PublishReport()
    producer = clients.producer(connection, "finnews-publish")
    truths: list[GroundTruth] = []
    try:
        futures = []
        for number, line in read_lines(path):
            out = convert_line(line)
            if isinstance(out, str):
                report.invalid.append((number, out))
                if include_invalid:
                    futures.append(producer.send(topic, key=None, value=line))
                continue
            if out.converted:
                report.converted += 1
            if out.truth is not None:
                truths.append(out.truth)
            futures.append(producer.send(topic, key=out.item.id.encode(), value=out.value))
        for fut in futures:
            fut.get(timeout=30)
            report.published += 1
    finally:
        producer.flush()
        producer.close()
    if labels_out is not None:
        labels_out.parent.mkdir(parents=True, exist_ok=True)
        labels_out.write_text("".join(t.model_dump_json(exclude_none=True) + "\n" for t in truths))
        report.labels = len(truths)
    return report


def tail(
    connection: Connection, topic: str, *, from_beginning: bool, max_records: int | None, timeout_s: float
) -> Iterator[dict[str, object]]:
    """Records of ``topic`` as dicts (value parsed as JSON when it is JSON); no group, no commits."""
    consumer = clients.consumer(
        connection,
        "finnews-tail",
        auto_offset_reset="earliest" if from_beginning else "latest",
        consumer_timeout_ms=int(timeout_s * 1000),
    )
    consumer.subscribe([topic])
    try:
        for n, msg in enumerate(consumer, start=1):
            try:
                value: object = parse_json(msg.value) if msg.value is not None else None
            except ValueError:
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
