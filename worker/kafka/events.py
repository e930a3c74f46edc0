"""The adapters.events topic: announcing promotions and rollbacks (training, the
adapters CLI), and following them (every worker).

Every worker must see every event, so the follower is not a group consumer:
it assigns itself all partitions of the topic from their end.
"""

from __future__ import annotations

import asyncio
import queue
import socket
import threading
import time
from types import TracebackType

import structlog

from schemas.adapters import AdapterEvent
from worker.config import Settings
from worker.kafka import clients
from worker.kafka.admin import partitions_of

log = structlog.get_logger(__name__)


def reachable_host(hosts: list[str], timeout_s: float = 2.0) -> str | None:
    """The first of ``hosts`` (host:port) that accepts a TCP connection within ``timeout_s`` in all, else None.

    One daemon thread per host, so a slow name lookup cannot stretch the bound.
    """
    answers: queue.Queue[str | None] = queue.Queue()

    def attempt(host: str) -> None:
        name, port = host.rsplit(":", 1)
        try:
            with socket.create_connection((name.strip("[]"), int(port)), timeout=timeout_s):
                answers.put(host)
        except OSError:  # refused, unreachable, unresolvable, timed out
            answers.put(None)

    for host in hosts:
        threading.Thread(target=attempt, args=(host,), name=f"reach-{host}", daemon=True).start()
    deadline = time.monotonic() + timeout_s
    for _ in hosts:
        try:
            host = answers.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if host is not None:
            return host
    return None


def announce(settings: Settings, event: AdapterEvent, timeout: float = 30.0, reach_timeout_s: float = 2.0) -> bool:
    """Publish ``event`` keyed by task; False when it was not sent.

    The registry's ``current`` pointer is already changed when this runs, so a
    lost event delays running workers (they also reconcile with the registry
    periodically) but never misleads a worker that starts later. Hence no
    broker reachable (a TCP connect to the bootstrap hosts, ``reach_timeout_s``
    in all) is one warning line, not a client retrying for ``timeout``; a
    reachable broker that refuses the event is an error.
    """
    from kafka.errors import KafkaError

    if reachable_host(settings.kafka.hosts, reach_timeout_s) is None:
        bootstrap = settings.kafka.bootstrap_servers
        log.warning(
            "adapter_event_skipped",
            task=event.task,
            version=event.version,
            bootstrap=bootstrap,
            message=f"no broker reachable at {bootstrap}: workers will pick up {event.task} {event.version} from the registry",
        )
        return False
    try:
        producer = clients.producer(settings.kafka, "finnews-registry", linger_ms=0)
        try:
            producer.send(settings.adapter_events_topic, key=event.task.encode(), value=event.model_dump_json().encode()).get(
                timeout=timeout
            )
        finally:
            producer.close()
    except KafkaError as exc:
        log.error("adapter_event_not_sent", task=event.task, version=event.version, error=str(exc))
        return False
    log.info("adapter_event_sent", type=event.type, task=event.task, version=event.version)
    return True


class AdapterEventsFollower:
    """``async with`` it, then ``poll()`` for the raw values of new events (an empty list when none).

    Without the topic (not created yet) it waits quietly: the worker's registry
    reconciliation still brings promotions in.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.topic = settings.adapter_events_topic
        self._consumer = clients.async_consumer(settings.kafka, f"{settings.worker_id}-adapters", group_id=None)
        self._assigned = False

    async def __aenter__(self) -> "AdapterEventsFollower":
        from aiokafka import TopicPartition

        await self._consumer.start()
        try:
            loop = asyncio.get_running_loop()
            partitions = await loop.run_in_executor(None, partitions_of, self.settings.kafka, self.topic)
            if partitions:
                tps = [TopicPartition(self.topic, p) for p in partitions]
                self._consumer.assign(tps)
                await self._consumer.seek_to_end(*tps)
                self._assigned = True
            else:
                log.warning("adapter_events_topic_missing", topic=self.topic, fallback="registry reconcile only")
        except BaseException:
            await self._consumer.stop()
            raise
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        await self._consumer.stop()

    async def poll(self, timeout_s: float = 1.0) -> list[bytes | None]:
        if not self._assigned:
            await asyncio.sleep(timeout_s)
            return []
        batches = await self._consumer.getmany(timeout_ms=int(timeout_s * 1000))
        return [record.value for records in batches.values() for record in records]
