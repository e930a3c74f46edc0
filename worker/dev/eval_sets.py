"""Evaluation-set records as news items: {"id", "text", "label"} or {"id", "text", "summary"}
lines become the NewsItem JSON a worker reads (headline: the text's first
line; body: the text), with the label or summary alongside (workers ignore
unknown fields), so a replay can read the ground truth from the record itself
(--label-field) as well as from a labels file.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from schemas.labels import GroundTruth, LabelledText
from schemas.news import NewsItem
from worker.intake import validation_problems


def is_eval_record(data: Any) -> bool:
    return isinstance(data, dict) and "text" in data and "headline" not in data


def news_from_eval_record(data: dict[str, Any]) -> tuple[NewsItem, bytes, GroundTruth | None] | str:
    """(the news item, the bytes to send, its ground truth), or why the record is not a valid one."""
    try:
        record = LabelledText.model_validate(data)
    except ValidationError as exc:
        return validation_problems(exc, 5)
    item = record.item()
    extra = {k: v for k, v in (("label", record.label), ("summary", record.summary)) if v is not None}
    value = json.dumps({**item.model_dump(mode="json"), **extra}).encode()
    return item, value, record.truth()
