"""Broker administration: reachability, topic creation, partitions of a topic."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterable

from worker.config import Settings
from worker.exceptions import BrokerError
from worker.kafka import clients
from worker.kafka.clients import Connection, describe


def wait_for_port(host: str, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((host, port), timeout=1.0):
                return
        except OSError as exc:
            if time.monotonic() > deadline:
                raise BrokerError(f"nothing listens on {host}:{port} after {timeout:.0f}s: {exc}") from exc
            time.sleep(0.1)


def topics_for(settings: Settings) -> list[str]:
    return [
        settings.topics.input,
        settings.topics.deadletter,
        *(t.output_topic for t in settings.tasks if t.output_topic is not None),
        settings.adapter_events_topic,
    ]


def ensure_topics(
    connection: Connection,
    topics: Iterable[str],
    partitions: int,
    replication_factor: int = 1,
    timeout: float = 30.0,
) -> list[str]:
    """Create the topics that do not exist yet; returns the ones created."""
    from kafka.admin import NewTopic
    from kafka.errors import KafkaError, TopicAlreadyExistsError

    deadline = time.monotonic() + timeout
    while True:
        try:
            admin = clients.admin(connection, "finnews-admin")
            break
        except KafkaError as exc:
            if time.monotonic() > deadline:
                raise BrokerError(f"cannot reach Kafka at {describe(connection)}: {exc}") from exc
            time.sleep(0.5)
    try:
        existing = set(admin.list_topics())
        wanted = [t for t in dict.fromkeys(topics) if t not in existing]
        created = []
        for name in wanted:
            try:
                admin.create_topics([NewTopic(name, partitions, replication_factor)])
                created.append(name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        admin.close()


def partitions_of(connection: Connection, topic: str) -> set[int]:
    """The partition ids of ``topic`` (empty when it does not exist)."""
    consumer = clients.consumer(connection, "finnews-admin")
    try:
        return set(consumer.partitions_for_topic(topic) or ())
    finally:
        consumer.close()
