"""Building output records (results and dead letters) with their lineage and headers."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

from schemas.deadletter import DeadLetter
from schemas.results import ClassificationResult, Lineage, SummaryResult
from schemas.tasks import TaskSpec
from worker.engine.loading import LoadedModel
from worker.engine.results import Classification, Summary
from worker.intake import Rejection
from worker.records import InputRecord, OutputMessage

HEADER_PREFIX = "finnews-"


def lineage_headers(lineage: Lineage, kind: str) -> list[tuple[str, bytes]]:
    """The lineage again as Kafka headers, so kcat users need not parse the value."""
    fields = {
        "record-type": kind,
        "news-id": lineage.news_id,
        "task": lineage.task,
        "adapter": lineage.adapter_name,
        "adapter-version": lineage.adapter_version,
        "base-model": lineage.base_model,
        "base-fingerprint": lineage.base_fingerprint,
        "source": f"{lineage.source_topic}/{lineage.source_partition}/{lineage.source_offset}",
        "worker-id": lineage.worker_id,
        "processed-at": lineage.processed_at.isoformat(),
        "replay": "true" if lineage.replay else "false",
    }
    return [(HEADER_PREFIX + k, v.encode()) for k, v in fields.items()]


class OutputBuilder:
    """Knows the model and worker identity; turns engine results into messages."""

    def __init__(self, model: LoadedModel, worker_id: str, deadletter_topic: str, replay: bool = False) -> None:
        self.model = model
        self.worker_id = worker_id
        self.deadletter_topic = deadletter_topic
        self.replay = replay

    def lineage(
        self, record: InputRecord, news_id: str, task: TaskSpec, now: datetime, adapter: str, version: str
    ) -> Lineage:
        return Lineage(
            news_id=news_id,
            source_topic=record.topic,
            source_partition=record.partition,
            source_offset=record.offset,
            task=task.name,
            adapter_name=adapter,
            adapter_version=version,
            base_model=self.model.base_name,
            base_fingerprint=self.model.fingerprint,
            worker_id=self.worker_id,
            source_timestamp=record.timestamp,
            processed_at=now,
            latency_ms=max(0.0, (now - record.timestamp).total_seconds() * 1000.0),
            replay=self.replay,
        )

    def result(
        self, record: InputRecord, news_id: str, task: TaskSpec, result: Classification | Summary, topic: str | None = None
    ) -> OutputMessage:
        now = datetime.now(timezone.utc)
        lineage = self.lineage(record, news_id, task, now, result.adapter, result.version)
        model: ClassificationResult | SummaryResult
        if isinstance(result, Classification):
            model = ClassificationResult(news_id=news_id, label=result.label, scores=result.scores, lineage=lineage)
        else:
            model = SummaryResult(
                news_id=news_id,
                summary=result.text,
                input_tokens=result.input_tokens,
                output_tokens=result.output_tokens,
                lineage=lineage,
            )
        return OutputMessage(
            topic=topic or task.output_topic,
            key=news_id.encode(),
            value=model.model_dump_json().encode(),
            headers=lineage_headers(lineage, model.kind),
        )

    def dead_letter(self, record: InputRecord, rejection: Rejection, task: str | None = None) -> OutputMessage:
        letter = DeadLetter(
            reason=rejection.reason,
            message=rejection.message,
            key_b64=DeadLetter.b64(record.key),
            value_b64=DeadLetter.b64(record.value),
            headers=[(k, base64.b64encode(v or b"").decode("ascii")) for k, v in record.headers],
            source=record.position,
            task=task,
            worker_id=self.worker_id,
            dead_lettered_at=datetime.now(timezone.utc),
        )
        headers = [
            (HEADER_PREFIX + "record-type", b"dead_letter"),
            (HEADER_PREFIX + "reason", rejection.reason.value.encode()),
            (HEADER_PREFIX + "source", f"{record.topic}/{record.partition}/{record.offset}".encode()),
            (HEADER_PREFIX + "worker-id", self.worker_id.encode()),
        ]
        return OutputMessage(topic=self.deadletter_topic, key=record.key, value=letter.model_dump_json().encode(), headers=headers)
