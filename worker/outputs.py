"""Building output records (results and dead letters) with their lineage and headers."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pydantic_core

from schemas.deadletter import DeadLetter, DeadLetterReason
from schemas.tasks import TaskSpec
from worker.engine.loading import LoadedModel
from worker.engine.results import Classification, JudgeRef, Summary
from worker.intake import Rejection
from worker.records import InputRecord, OutputMessage

HEADER_PREFIX = "finnews-"


def _judge_lineage(judge: JudgeRef) -> dict[str, object]:
    """schemas.results.JudgeLineage as plain data."""
    return {
        "task": judge.task,
        "adapter_name": judge.adapter,
        "adapter_version": judge.version,
        "min_support": judge.min_support,
    }


def _headers_with(fixed: dict[str, tuple[str, bytes]], news_id: str, source: str, now: datetime) -> list[tuple[str, bytes]]:
    """The lineage again as Kafka headers, so kcat users need not parse the value."""
    return [
        fixed["record-type"],
        (HEADER_PREFIX + "news-id", news_id.encode()),
        fixed["task"],
        fixed["adapter"],
        fixed["adapter-version"],
        fixed["base-model"],
        fixed["base-fingerprint"],
        (HEADER_PREFIX + "source", source.encode()),
        fixed["worker-id"],
        (HEADER_PREFIX + "processed-at", now.isoformat().encode()),
        fixed["replay"],
    ]


@dataclass(frozen=True)
class OutputBuilder:
    """Knows the model and worker identity; turns engine results into messages."""

    model: LoadedModel
    worker_id: str
    deadletter_topic: str
    replay: bool = False
    max_message_bytes: int = 1_048_576
    # topic -> bytes written before each of its values: the schema registry wire format's magic byte
    # and schema id (worker/kafka/schema_registry.py); topics not named get plain JSON.
    prefixes: dict[str, bytes] = field(default_factory=dict)
    # (kind, task, adapter, version) -> its fixed headers; encoded once, not per output.
    _fixed: dict[tuple[str, str, str, str], dict[str, tuple[str, bytes]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def result(
        self, record: InputRecord, news_id: str, task: TaskSpec, result: Classification | Summary, topic: str | None = None
    ) -> OutputMessage:
        """One result record: a ClassificationResult or SummaryResult document, with lineage headers.

        Built as plain data and encoded by pydantic-core in one call: constructing and validating a
        Lineage and a result model per output was half of the worker's own CPU per message
        (``python -m benchmarks.overhead``). The values come typed from the engine and the input
        record; tests validate every kind of output against the pydantic models, which stay the schema.
        """
        now = datetime.now(timezone.utc)
        lineage = {
            "news_id": news_id,
            "source_topic": record.topic,
            "source_partition": record.partition,
            "source_offset": record.offset,
            "task": task.name,
            "adapter_name": result.adapter,
            "adapter_version": result.version,
            "base_model": self.model.base_name,
            "base_fingerprint": self.model.fingerprint,
            "worker_id": self.worker_id,
            "source_timestamp": record.timestamp,
            "processed_at": now,
            "latency_ms": max(0.0, (now - record.timestamp).total_seconds() * 1000.0),
            "replay": self.replay,
        }
        document: dict[str, object]
        if isinstance(result, Classification):
            kind = "classify"
            document = {"kind": kind, "news_id": news_id, "label": result.label, "scores": result.scores, "lineage": lineage}
        else:
            kind = "summarize"
            document = {
                "kind": kind,
                "news_id": news_id,
                "summary": result.text,
                "input_tokens": result.input_tokens,
                "output_tokens": result.output_tokens,
                "grounded": result.grounded,
                "unsupported": list(result.unsupported),
                "looping": result.looping,
                "headline_source": result.headline_source,
                "support": result.support,
            }
            if result.judge is not None:
                # Only where a judge scored the headline: consumers on the schema before `judge` (closed, no extra
                # keys) keep reading every record of a feed without a judge.
                document["judge"] = _judge_lineage(result.judge)
            document["lineage"] = lineage  # last, where the model has it
        topic = topic or task.output_topic
        return OutputMessage(
            topic=topic,
            key=news_id.encode(),
            value=self.prefixes.get(topic or "", b"") + pydantic_core.to_json(document),
            headers=self._headers(kind, record, news_id, task.name, result, now),
            task=task.name,
        )

    def _headers(
        self, kind: str, record: InputRecord, news_id: str, task: str, result: Classification | Summary, now: datetime
    ) -> list[tuple[str, bytes]]:
        key = (kind, task, result.adapter, result.version)
        fixed = self._fixed.get(key)
        if fixed is None:
            # The headers that are the same for every output of one task, adapter version and worker.
            fields = {
                "record-type": kind,
                "task": task,
                "adapter": result.adapter,
                "adapter-version": result.version,
                "base-model": self.model.base_name,
                "base-fingerprint": self.model.fingerprint,
                "worker-id": self.worker_id,
                "replay": "true" if self.replay else "false",
            }
            fixed = self._fixed[key] = {k: (HEADER_PREFIX + k, v.encode()) for k, v in fields.items()}
        source = f"{record.topic}/{record.partition}/{record.offset}"
        headers = _headers_with(fixed, news_id, source, now)
        judge = getattr(result, "judge", None)
        if judge is not None:
            # Which judge version gave the record's support, and the threshold it was held to: "support@v0003 0.25".
            headers.append((HEADER_PREFIX + "judge", f"{judge.task}@{judge.version} {judge.min_support:g}".encode()))
        return headers

    def dead_letter(self, record: InputRecord, rejection: Rejection, tasks: Sequence[str] = ()) -> OutputMessage:
        """The one dead letter of ``record``; ``tasks`` names every task that failed for it."""
        letter = _letter(record, rejection, list(tasks), self.worker_id, self.max_message_bytes)
        headers = [
            (HEADER_PREFIX + "record-type", b"dead_letter"),
            (HEADER_PREFIX + "reason", letter.reason.value.encode()),
            (HEADER_PREFIX + "source", f"{record.topic}/{record.partition}/{record.offset}".encode()),
            (HEADER_PREFIX + "worker-id", self.worker_id.encode()),
        ]
        key = record.key
        if key is not None and len(key) > MAX_DEAD_LETTER_KEY:
            key = hashlib.sha256(key).hexdigest().encode()  # still partitions the same key together
        value = self.prefixes.get(self.deadletter_topic, b"") + letter.model_dump_json().encode()
        return OutputMessage(topic=self.deadletter_topic, key=key, value=value, headers=headers)


#: Longer input keys are replaced by their sha256 as the dead letter's Kafka key (the value keeps a prefix).
MAX_DEAD_LETTER_KEY = 1024
#: Room left in a producer request for the record's framing, key and headers.
_FRAMING = 8 * 1024


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _headers(record: InputRecord) -> tuple[list[tuple[str, str | None]], bool]:
    try:
        keys = [k.decode("utf-8") for k, _ in record.headers]
        as_b64 = False
    except UnicodeDecodeError:
        keys = [base64.b64encode(k).decode("ascii") for k, _ in record.headers]
        as_b64 = True
    return [(k, _b64(v)) for k, (_, v) in zip(keys, record.headers, strict=True)], as_b64


def _letter(record: InputRecord, rejection: Rejection, tasks: list[str], worker_id: str, max_bytes: int) -> DeadLetter:
    """The dead letter of ``record``, cut down to fit in ``max_bytes`` when the original would not."""
    headers, keys_b64 = _headers(record)
    fields = dict(
        reason=rejection.reason,
        message=rejection.message[:2000],
        key_b64=_b64(record.key),
        value_b64=_b64(record.value),
        headers=headers,
        header_keys_b64=keys_b64,
        key_length=None if record.key is None else len(record.key),
        value_length=None if record.value is None else len(record.value),
        value_sha256=None if record.value is None else hashlib.sha256(record.value).hexdigest(),
        source=record.position,
        task=tasks[0] if tasks else None,
        tasks=tasks,
        worker_id=worker_id,
        dead_lettered_at=datetime.now(timezone.utc),
    )
    letter = DeadLetter(**fields)  # type: ignore[arg-type]
    budget = max_bytes - _FRAMING - min(len(record.key or b""), MAX_DEAD_LETTER_KEY)
    size = len(letter.model_dump_json())
    if size <= budget:
        return letter
    truncated: list[str] = []
    # Headers and key get at most an eighth of the budget each; the value gets what is left.
    kept, used = [], 0
    for name, value in headers:
        used += len(name) + len(value or "") + 8
        if used > budget // 8:
            truncated.append("headers")
            break
        kept.append((name, value))
    fields["headers"] = kept
    if record.key is not None and len(fields["key_b64"] or "") > budget // 8:  # type: ignore[arg-type]
        fields["key_b64"] = _b64(record.key[: (budget // 8) * 3 // 4])
        truncated.append("key")
    fields["reason"] = DeadLetterReason.oversize
    fields["message"] = (
        f"the dead letter would be {size} bytes, over the {max_bytes}-byte producer limit: original cut to a prefix "
        f"(see truncated, value_length, value_sha256); original reason {rejection.reason.value}: {rejection.message[:1000]}"
    )
    fields["value_b64"] = ""
    fields["truncated"] = truncated
    room = budget - len(DeadLetter(**fields).model_dump_json())  # type: ignore[arg-type]
    if record.value is not None:
        keep = max(0, room * 3 // 4 - 4)
        if keep < len(record.value):
            truncated.append("value")
        fields["value_b64"] = _b64(record.value[:keep])
    else:
        fields["value_b64"] = None
    fields["truncated"] = truncated
    return DeadLetter(**fields)  # type: ignore[arg-type]
