"""The one place Kafka clients are built, each with the configured security settings.

Two client libraries, each where it fits:
  * aiokafka for the worker's own loop (group consumer, output producer,
    adapter-events follower): everything on one asyncio loop;
  * kafka-python for blocking tools (publish, tail, replay, admin, announce,
    training from a topic), which run in threads or short processes.

A connection is either the worker's ``KafkaSettings`` (bootstrap servers and
security) or a bare bootstrap string (plaintext, for tests and local tools).
"""

from __future__ import annotations

from typing import Any

from worker.config import KafkaSettings

Connection = KafkaSettings | str


def _kafka(connection: Connection) -> KafkaSettings:
    return connection if isinstance(connection, KafkaSettings) else KafkaSettings(bootstrap_servers=connection)


def describe(connection: Connection) -> str:
    """The bootstrap servers, for messages."""
    return _kafka(connection).bootstrap_servers


# -- kafka-python: blocking tools ------------------------------------------
def consumer(connection: Connection, client_id: str, **options: Any) -> Any:
    """A kafka-python consumer; by default with no group and no commits (assign and seek yourself)."""
    from kafka import KafkaConsumer

    k = _kafka(connection)
    options.setdefault("group_id", None)
    options.setdefault("enable_auto_commit", False)
    return KafkaConsumer(bootstrap_servers=k.hosts, client_id=client_id, **options, **k.kafka_python_kwargs())


def producer(connection: Connection, client_id: str, **options: Any) -> Any:
    """A kafka-python producer that waits for every in-sync replica (acks=all)."""
    from kafka import KafkaProducer

    k = _kafka(connection)
    options.setdefault("acks", "all")
    options.setdefault("linger_ms", 5)
    return KafkaProducer(bootstrap_servers=k.hosts, client_id=client_id, **options, **k.kafka_python_kwargs())


def admin(connection: Connection, client_id: str, **options: Any) -> Any:
    from kafka import KafkaAdminClient

    k = _kafka(connection)
    return KafkaAdminClient(bootstrap_servers=k.hosts, client_id=client_id, **options, **k.kafka_python_kwargs())


# -- aiokafka: the worker's event loop ------------------------------------
def async_consumer(connection: Connection, client_id: str, **options: Any) -> Any:
    from aiokafka import AIOKafkaConsumer

    k = _kafka(connection)
    options.setdefault("enable_auto_commit", False)
    options.setdefault("retry_backoff_ms", k.retry_backoff_ms)
    return AIOKafkaConsumer(bootstrap_servers=k.hosts, client_id=client_id, **options, **k.aiokafka_kwargs())


def async_producer(connection: Connection, client_id: str, **options: Any) -> Any:
    from aiokafka import AIOKafkaProducer

    k = _kafka(connection)
    options.setdefault("acks", "all")
    options.setdefault("retry_backoff_ms", k.retry_backoff_ms)
    return AIOKafkaProducer(bootstrap_servers=k.hosts, client_id=client_id, **options, **k.aiokafka_kwargs())
