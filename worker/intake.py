"""Turning raw input bytes into a NewsItem, or into a reason to dead-letter them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import ValidationError

from schemas.deadletter import DeadLetterReason
from schemas.news import NewsItem
from worker.records import InputRecord


@dataclass(frozen=True, slots=True)
class Rejection:
    reason: DeadLetterReason
    message: str


def decode(record: InputRecord, max_bytes: int) -> NewsItem | Rejection:
    """Validate one input; never raises on bad input."""
    value = record.value
    if not value:
        return Rejection(DeadLetterReason.empty, "record has no value")
    if len(value) > max_bytes:
        return Rejection(DeadLetterReason.oversize, f"value is {len(value)} bytes, the limit is {max_bytes}")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(DeadLetterReason.undecodable, f"value is not UTF-8: {exc}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejection(DeadLetterReason.bad_json, f"value is not JSON: {exc}")
    if not isinstance(data, dict):
        return Rejection(DeadLetterReason.bad_json, f"value is a JSON {type(data).__name__}, not an object")
    try:
        return NewsItem.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()[:10]
        )
        return Rejection(DeadLetterReason.schema_violation, problems)
