"""The one topic reader: a slice of a topic, or all of it up to its end, read
with its own consumer: manual assignment, no group, no commits.

The slice is [start, end) per partition. An offset bound is one number for
every partition or one per partition (``0=120,1=98``; partitions not named
are unbounded on that side); offsets are clipped to what the partition holds;
times are turned into offsets by the broker (ListOffsets, via
``offsets_for_times``): the first record at or after ``from_time`` starts
the slice, the first record at or after ``to_time`` ends it. Without an
upper bound the slice ends at the end offsets seen when it was resolved, so
a replay of a live topic terminates.

An open upper bound (none given, or a time after the last record) is read
until the partition is drained, skipping records stamped after the bound's
time: Tansu reports end offsets per record batch (the last batch's base
offset + 1), so its end offsets cannot be trusted to include the last
batch's records. The report gives the range actually read.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from worker.exceptions import FinnewsError
from worker.kafka import clients
from worker.kafka.clients import Connection
from worker.records import InputRecord, timestamp_from_ms


class SliceError(FinnewsError):
    """The slice cannot be resolved or read; the message says why."""


class TopicMissing(SliceError):
    """The topic does not exist (or has no partitions)."""


class SliceSpec(BaseModel):
    """What the user asked for: offsets or times, each bound optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str = Field(min_length=1)
    from_offset: int | dict[int, int] | None = None
    to_offset: int | dict[int, int] | None = None
    from_time: datetime | None = None
    to_time: datetime | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "SliceSpec":
        offsets = self.from_offset is not None or self.to_offset is not None
        times = self.from_time is not None or self.to_time is not None
        if offsets and times:
            raise ValueError("give offsets (--from-offset/--to-offset) or times (--from-time/--to-time), not both")
        for t in (self.from_time, self.to_time):
            if t is not None and t.tzinfo is None:
                raise ValueError(f"{t.isoformat()} has no timezone; write e.g. 2026-11-24T00:00:00+00:00")
        for bound in (self.from_offset, self.to_offset):
            values = bound.values() if isinstance(bound, dict) else [bound] if bound is not None else []
            if any(v < 0 for v in values):
                raise ValueError("offsets cannot be negative")
        if isinstance(self.from_offset, int) and isinstance(self.to_offset, int) and self.to_offset < self.from_offset:
            raise ValueError("--to-offset is before --from-offset")
        if self.from_time is not None and self.to_time is not None and self.to_time < self.from_time:
            raise ValueError("--to-time is before --from-time")
        return self


def parse_offsets(text: str | None) -> int | dict[int, int] | None:
    """``"120"`` (every partition) or ``"0=120,1=98"`` (per partition)."""
    if text is None:
        return None
    try:
        if "=" not in text:
            return int(text)
        pairs = (part.split("=", 1) for part in text.split(",") if part.strip())
        return {int(p): int(o) for p, o in pairs}
    except ValueError:
        raise ValueError(f"{text!r}: expected an offset (120) or PARTITION=OFFSET pairs (0=120,1=98)") from None


class PartitionRange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    partition: int
    start: int  # first offset of the slice
    end: int  # one past the last offset of the slice (for an open end: as the broker reported it)
    open_end: bool = False  # read past ``end`` until the partition is drained, within the two limits below
    stop_before: int | None = None  # open end: records at or past this offset are not in the slice
    cutoff_ms: int | None = None  # open end: records stamped at or after this are not in the slice

    @property
    def size(self) -> int:
        return max(0, self.end - self.start)


def make_consumer(connection: Connection, client_id: str = "finnews-replay", committed_only: bool = False) -> Any:
    # No group: no membership and no offset commits, ever. ``committed_only``: skip records of
    # open and aborted transactions (what a read_committed consumer of exactly-once outputs sees).
    isolation = "read_committed" if committed_only else "read_uncommitted"
    return clients.consumer(connection, client_id, isolation_level=isolation)


def resolve(consumer: Any, spec: SliceSpec) -> list[PartitionRange]:
    """[start, end) on every partition of the topic."""
    from kafka import TopicPartition

    partitions = consumer.partitions_for_topic(spec.topic)
    if not partitions:
        raise TopicMissing(f"topic {spec.topic!r} does not exist (or has no partitions)")
    tps = [TopicPartition(spec.topic, p) for p in sorted(partitions)]
    first = consumer.beginning_offsets(tps)
    last = consumer.end_offsets(tps)

    now_ms = int(time.time() * 1000)

    def at(when: datetime | None) -> dict[Any, int | None]:
        if when is None:
            return {tp: None for tp in tps}
        found = consumer.offsets_for_times({tp: int(when.timestamp() * 1000) for tp in tps})
        # None: no record at or after that time (the bound is open on that side).
        return {tp: found[tp].offset if found.get(tp) is not None else None for tp in tps}

    def bound(value: int | dict[int, int] | None, tp: Any) -> int | None:
        return value.get(tp.partition) if isinstance(value, dict) else value

    named = {p for b in (spec.from_offset, spec.to_offset) if isinstance(b, dict) for p in b}
    if named - {tp.partition for tp in tps}:
        raise SliceError(f"topic {spec.topic!r} has no partition(s) {sorted(named - {tp.partition for tp in tps})}")
    timed = spec.from_time is not None or spec.to_time is not None
    lows = at(spec.from_time) if timed else {tp: bound(spec.from_offset, tp) for tp in tps}
    highs = at(spec.to_time) if timed else {tp: bound(spec.to_offset, tp) for tp in tps}
    cutoff = int(spec.to_time.timestamp() * 1000) if spec.to_time is not None else now_ms
    ranges = []
    for tp in tps:
        low, high = lows[tp], highs[tp]
        if timed and spec.from_time is not None and low is None:
            ranges.append(PartitionRange(partition=tp.partition, start=last[tp], end=last[tp]))  # nothing at or after from_time
            continue
        start = max(first[tp], low) if low is not None else first[tp]
        if high is None:
            ranges.append(
                PartitionRange(partition=tp.partition, start=start, end=max(start, last[tp]), open_end=True, cutoff_ms=cutoff)
            )
        elif timed or high <= last[tp]:
            ranges.append(PartitionRange(partition=tp.partition, start=start, end=max(start, high)))
        else:  # an offset past the reported end: read what is there, up to it
            ranges.append(
                PartitionRange(partition=tp.partition, start=start, end=max(start, last[tp]), open_end=True, stop_before=high)
            )
    return ranges


def read(
    consumer: Any, topic: str, ranges: list[PartitionRange], idle_timeout_s: float = 30.0, idle_polls_at_end: int = 2
) -> Iterator[InputRecord]:
    """Every record of the slice, partitions interleaved as the broker returns them.

    Offsets inside a range may be missing (compaction, transaction markers):
    a bounded partition is done once the consumer's position reaches its
    end; an open one once ``idle_polls_at_end`` polls in a row bring nothing
    more for it past the reported end, or a record stamped at or after its cutoff.
    """
    from kafka import TopicPartition

    todo = {TopicPartition(topic, r.partition): r for r in ranges if r.size > 0 or r.open_end}
    if not todo:
        return
    consumer.assign(list(todo))
    for tp, r in todo.items():
        consumer.seek(tp, r.start)
    idle_polls = {tp: 0 for tp in todo}
    last_progress = time.monotonic()
    while todo:
        batches = consumer.poll(timeout_ms=500, max_records=500)
        finished = set()
        for tp in todo:
            idle_polls[tp] = 0 if batches.get(tp) else idle_polls[tp] + 1
        for tp, messages in batches.items():
            r = todo.get(tp)
            if r is None:
                continue
            for m in messages:
                if m.offset >= r.end and (
                    not r.open_end
                    or (r.stop_before is not None and m.offset >= r.stop_before)
                    or (r.cutoff_ms is not None and m.timestamp >= r.cutoff_ms)
                ):
                    finished.add(tp)
                    break
                last_progress = time.monotonic()
                yield InputRecord(
                    topic=m.topic,
                    partition=m.partition,
                    offset=m.offset,
                    timestamp=timestamp_from_ms(m.timestamp),
                    key=m.key,
                    value=m.value,
                    headers=[
                        (k.encode("utf-8", "surrogateescape") if isinstance(k, str) else k, v) for k, v in (m.headers or [])
                    ],
                )
        for tp, r in todo.items():
            if consumer.position(tp) >= r.end and (not r.open_end or idle_polls[tp] >= idle_polls_at_end):
                finished.add(tp)
        for tp in finished:
            del todo[tp]
            consumer.pause(tp)
        if todo and time.monotonic() - last_progress > idle_timeout_s:
            stuck = {tp.partition: (consumer.position(tp), r.end) for tp, r in todo.items()}
            raise SliceError(
                f"no records for {idle_timeout_s:.0f}s before the end of the slice (partition: (position, end)) {stuck}"
            )


def as_read(ranges: list[PartitionRange], last_offsets: dict[int, int]) -> list[PartitionRange]:
    """The ranges with each open end replaced by one past the last offset actually read."""
    out = []
    for r in ranges:
        if r.open_end:
            end = max(r.start, last_offsets[r.partition] + 1) if r.partition in last_offsets else r.start
            r = r.model_copy(update={"end": end})
        out.append(r)
    return out


def read_to_end(
    connection: Connection,
    topic: str,
    client_id: str,
    idle_timeout_s: float = 30.0,
    idle_polls_at_end: int = 2,
    committed_only: bool = False,
) -> tuple[list[InputRecord], dict[int, int]]:
    """Every record of ``topic`` now: (records, partition -> one past the last offset read).

    Raises SliceError when the topic does not exist or stops delivering before its end.
    """
    consumer = make_consumer(connection, client_id, committed_only)
    try:
        ranges = resolve(consumer, SliceSpec(topic=topic))
        records = list(read(consumer, topic, ranges, idle_timeout_s, idle_polls_at_end))
    finally:
        consumer.close()
    last: dict[int, int] = {}
    for r in records:
        last[r.partition] = max(last.get(r.partition, -1), r.offset)
    return records, {r.partition: r.end for r in as_read(ranges, last)}
