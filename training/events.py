"""Announcing promotions and rollbacks on the adapters.events topic (kafka-python)."""

from __future__ import annotations

import structlog

from schemas.adapters import AdapterEvent
from worker.config import Settings

log = structlog.get_logger(__name__)


def announce(settings: Settings, event: AdapterEvent, timeout: float = 30.0) -> bool:
    """Publish ``event`` keyed by task; False (and an error log) when the broker cannot take it.

    The registry's ``current`` pointer is already changed when this runs, so a
    lost event delays running workers (they also reconcile with the registry
    periodically) but never misleads a worker that starts later.
    """
    from kafka import KafkaProducer
    from kafka.errors import KafkaError

    try:
        producer = KafkaProducer(
            bootstrap_servers=settings.kafka.hosts,
            acks="all",
            client_id="finnews-registry",
            **settings.kafka.kafka_python_kwargs(),
        )
        try:
            producer.send(
                settings.adapter_events_topic, key=event.task.encode(), value=event.model_dump_json().encode()
            ).get(timeout=timeout)
        finally:
            producer.close()
    except KafkaError as exc:
        log.error("adapter_event_not_sent", task=event.task, version=event.version, error=str(exc))
        return False
    log.info("adapter_event_sent", type=event.type, task=event.task, version=event.version)
    return True
