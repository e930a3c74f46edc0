"""JSON Schema export of every record type."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.adapters import AdapterEvent, AdapterManifest
from schemas.deadletter import DeadLetter
from schemas.news import NewsItem
from schemas.results import ClassificationResult, SummaryResult
from schemas.tasks import TaskSpec

RECORD_TYPES: dict[str, type[BaseModel]] = {
    "news_item": NewsItem,
    "classification_result": ClassificationResult,
    "summary_result": SummaryResult,
    "dead_letter": DeadLetter,
    "task_spec": TaskSpec,
    "adapter_event": AdapterEvent,  # records of the adapters.events topic
    "adapter_manifest": AdapterManifest,  # manifest.json of a registry version
}


def write_json_schemas(out_dir: Path) -> list[Path]:
    """Write one ``<name>.schema.json`` per record type; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in RECORD_TYPES.items():
        path = out_dir / f"{name}.schema.json"
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n")
        written.append(path)
    return written
