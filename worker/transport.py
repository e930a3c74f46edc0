"""The faust-streaming side: the app, its input agent, and event -> InputRecord.

The only module that imports faust. Offsets are committed by faust from the
events the pipeline acked, so the commit interval bounds the reprocessing a
crash causes, never what is lost.
"""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import faust

from worker.config import Settings
from worker.exceptions import BrokerError
from worker.records import InputRecord, timestamp_from_ms


def credentials(settings: Settings) -> Any:
    """faust credentials for the configured security protocol (None for PLAINTEXT)."""
    k = settings.kafka
    if k.security_protocol.startswith("SASL"):
        assert k.sasl_password is not None
        return faust.SASLCredentials(
            username=k.sasl_username,
            password=k.sasl_password.get_secret_value(),
            mechanism=k.sasl_mechanism,
            ssl_context=k.ssl_context(),
        )
    if k.security_protocol == "SSL":
        return faust.SSLCredentials(k.ssl_context())
    return None


def make_app(settings: Settings) -> faust.App:
    k = settings.kafka
    return faust.App(
        k.group_id,
        broker=[f"kafka://{h}" for h in k.hosts],
        broker_credentials=credentials(settings),
        store="memory://",
        # faust makes a data folder even with in-memory tables; by default in the
        # working directory, which is read-only in the Kubernetes deployment.
        datadir=str(Path(tempfile.gettempdir()) / f"finnews-{k.group_id}-data"),
        web_enabled=False,
        autodiscover=False,
        # Topics are provisioned by operators (`finnews topics create`), not
        # declared implicitly with guessed partition counts.
        topic_allow_declare=False,
        topic_disable_leader=True,
        consumer_auto_offset_reset=k.auto_offset_reset,
        broker_commit_interval=k.commit_interval_s,
        broker_session_timeout=k.session_timeout_s,
        broker_heartbeat_interval=k.heartbeat_interval_s,
        broker_max_poll_interval=k.max_poll_interval_s,
        broker_rebalance_timeout=max(k.session_timeout_s, 60.0),
        producer_acks=-1,
        producer_linger=k.linger_ms / 1000.0,
        # On a rebalance, wait until in-flight inputs are published and acked
        # before giving partitions away: fewer duplicates, nothing lost.
        stream_wait_empty=True,
    )


async def start_app(app: faust.App, bootstrap: str) -> None:
    """Start faust; an unreachable or refusing broker becomes one clear BrokerError."""
    from aiokafka.errors import KafkaError

    try:
        await app.start()
    except (KafkaError, OSError) as exc:
        await app.stop()
        raise BrokerError(f"cannot start consuming from Kafka at {bootstrap}: {exc}") from exc


def to_record(event: Any, ack: Callable[[], Awaitable[object]]) -> InputRecord:
    message = event.message
    return InputRecord(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        timestamp=timestamp_from_ms(message.timestamp * 1000.0 if message.timestamp else None),
        key=message.key,
        value=message.value,
        headers=[(k, v) for k, v in (message.headers or [])],
        ack=ack,
    )


def attach_input_agent(
    app: faust.App,
    topic_name: str,
    handle: Callable[[InputRecord], Awaitable[None]],
    accepting: Callable[[], bool],
    on_closed: Callable[[], Awaitable[None]],
) -> None:
    """Feed every input event to ``handle``, acking only when the pipeline says so."""
    topic = app.topic(topic_name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")

    @app.agent(topic, name="finnews-input")
    async def consume(stream: Any) -> None:
        manual = stream.noack()
        async for event in manual.events():
            if not accepting():
                # Intake is closed (draining or max-items reached): leave this
                # event unacked so it is redelivered, and take no more.
                await on_closed()
                continue

            async def ack(event: Any = event) -> object:
                return await manual.ack(event)

            await handle(to_record(event, ack))
