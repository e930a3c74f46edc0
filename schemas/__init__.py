"""Pydantic models of every record on every topic, and of task specs.

Imports nothing else of ours and nothing heavy (no Kafka client, no torch): every part
of the product, and any desk that wants typed records, may import it.
"""

from schemas.deadletter import DeadLetter, DeadLetterReason, SourcePosition
from schemas.news import NewsItem
from schemas.results import (
    ClassificationResult,
    HeadlineSource,
    Lineage,
    SummaryResult,
    TaskResult,
)
from schemas.tasks import GroundingPolicy, TaskKind, TaskSpec

__all__ = [
    "ClassificationResult",
    "DeadLetter",
    "DeadLetterReason",
    "GroundingPolicy",
    "HeadlineSource",
    "Lineage",
    "NewsItem",
    "SourcePosition",
    "SummaryResult",
    "TaskKind",
    "TaskResult",
    "TaskSpec",
]
