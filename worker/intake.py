"""Turning raw input bytes into a NewsItem, or into a reason to dead-letter them.

Decoding is bounded: JSON is parsed by pydantic-core's parser (jiter), which
refuses nesting deeper than 200 levels and numbers beyond float range instead
of recursing or building 4,000-digit integers, and NaN/Infinity are refused.
Nothing in here raises on bad input: every record becomes a NewsItem or a
Rejection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pydantic_core
from pydantic import ValidationError

from schemas.deadletter import DeadLetterReason
from schemas.news import NewsItem
from worker.records import InputRecord


@dataclass(frozen=True, slots=True)
class Rejection:
    reason: DeadLetterReason
    message: str


def parse_json(data: bytes | str) -> Any:
    """JSON with bounded depth and number size; ValueError on anything else."""
    return pydantic_core.from_json(data, allow_inf_nan=False)


def validation_problems(exc: ValidationError, limit: int) -> str:
    """The first ``limit`` problems of a validation error, one line."""
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()[:limit])


def validate_news(data: bytes | str) -> NewsItem | Rejection:
    """A NewsItem from JSON text, or the reason it is not one (bad_json or schema_violation)."""
    try:
        parsed = parse_json(data)
    except ValueError as exc:
        return Rejection(DeadLetterReason.bad_json, f"value is not JSON: {exc}")
    if not isinstance(parsed, dict):
        return Rejection(DeadLetterReason.bad_json, f"value is a JSON {type(parsed).__name__}, not an object")
    try:
        return NewsItem.model_validate(parsed)
    except ValidationError as exc:
        return Rejection(DeadLetterReason.schema_violation, validation_problems(exc, 10))


#: Takes the JSON document out of a framed value (the schema registry's wire format), or says why not.
Unwrap = Callable[[bytes], "bytes | Rejection"]


def decode(record: InputRecord, max_bytes: int, unwrap: Unwrap | None = None) -> NewsItem | Rejection:
    """Validate one input; never raises on bad input."""
    value = record.value
    if not value:
        return Rejection(DeadLetterReason.empty, "record has no value")
    if len(value) > max_bytes:
        return Rejection(DeadLetterReason.oversize, f"value is {len(value)} bytes, the limit is {max_bytes}")
    try:
        if unwrap is not None:
            document = unwrap(value)
            if isinstance(document, Rejection):
                return document
            value = document
        value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(DeadLetterReason.undecodable, f"value is not UTF-8: {exc}")
    try:
        return validate_news(value)
    except Exception as exc:  # noqa: BLE001 - a record must never stop the worker: whatever slipped through is a dead letter
        return Rejection(DeadLetterReason.bad_json, f"value could not be decoded: {type(exc).__name__}: {exc}")
