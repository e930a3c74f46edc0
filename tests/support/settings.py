"""Settings for one test: unique topics and group on a given broker."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

from tests.support.brokers import Broker
from worker.config import Settings, load_settings
from worker.kafka.admin import ensure_topics, topics_for


def test_tasks(tag: str) -> list[dict[str, Any]]:
    """The tasks the suite's shared engine is loaded with (output topics aside)."""
    return [
        {
            "name": "sentiment",
            "kind": "classify",
            "labels": ["positive", "negative", "neutral"],
            "output_topic": f"sentiment-{tag}",
        },
        # flag: the tiny random model's headlines are never grounded; under the default policy they would all be
        # replaced by the extractive fallback and the generation tests would compare that instead of the model's.
        {"name": "headline", "kind": "summarize", "output_topic": f"headline-{tag}", "max_new_tokens": 8, "grounding": "flag"},
    ]


def settings_for(broker: Broker, model_dir: Path, **overrides: Any) -> Settings:
    """Settings with topics and group unique to one test, so tests never share state."""
    tag = uuid.uuid4().hex[:8]
    tansu = broker.name == "tansu"
    base: dict[str, Any] = {
        "kafka": {
            "bootstrap_servers": broker.bootstrap,
            "group_id": f"g-{tag}",
            # Tansu's group join waits about half the session timeout; Kafka's minimum is 6 s.
            "session_timeout_s": 6.0,
            "heartbeat_interval_s": 1.0,
            "commit_interval_s": 0.5,
        },
        "topics": {"input": f"raw-{tag}", "deadletter": f"dead-{tag}", "partitions": 4 if not tansu else 2},
        "model": {"base": model_dir},
        "tasks": test_tasks(tag),
        "batch": {"max_items": 8, "max_wait_ms": 20},
        "worker_id": f"w-{tag}",
        "http": {"host": "127.0.0.1", "port": 0},
        "adapter_events_topic": f"events-{tag}",
        "drain_timeout_s": 20.0,
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    settings = load_settings(**base)
    ensure_topics(broker.bootstrap, topics_for(settings), settings.topics.partitions)
    return settings


def settings_env(settings: Settings) -> dict[str, str]:
    """The same settings as FINNEWS_* variables, for a worker subprocess."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINNEWS_")}
    dumped = settings.model_dump(mode="json")
    for section in ("kafka", "topics", "batch", "model", "schema_registry"):
        for key, value in dumped[section].items():
            if value is not None:
                env[f"FINNEWS_{section.upper()}__{key.upper()}"] = str(value)
    env["FINNEWS_TASKS"] = json.dumps(dumped["tasks"])
    # Every other top-level setting, so a new one can never be left out (delivery once was).
    for name, value in dumped.items():
        if name in ("kafka", "topics", "batch", "model", "schema_registry", "tasks", "http") or value is None:
            continue
        env[f"FINNEWS_{name.upper()}"] = str(value)
    env["FINNEWS_LOG_LEVEL"] = "INFO"
    env["FINNEWS_HTTP__HOST"] = settings.http.host
    if settings.http.port is not None:
        env["FINNEWS_HTTP__PORT"] = str(settings.http.port)
    return env
