"""Live adapter refresh: follow adapters.events (and the registry) and swap
adapters in the running engine, between batches, without a restart.

Every worker must see every event, so this is not a group consumer: it
assigns itself all partitions of the events topic from their end. Events
can be missed (a worker starting as one is published), so the worker also
reconciles with the registry's ``current`` pointers at start and every
``reconcile_s`` seconds.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import structlog
from pydantic import ValidationError

from schemas.adapters import AdapterEvent
from worker.admin import partitions_of
from worker.config import Settings
from worker.engine import EngineThread
from worker.engine.adapters import AdapterRefused, current_version, version_dir
from worker.metrics import WorkerMetrics

log = structlog.get_logger(__name__)


class AdapterWatcher:
    def __init__(self, settings: Settings, engine: EngineThread, metrics: WorkerMetrics, reconcile_s: float = 60.0) -> None:
        assert settings.registry is not None
        self.settings = settings
        self.registry: Path = settings.registry
        self.engine = engine
        self.metrics = metrics
        self.reconcile_s = reconcile_s
        self._served = {t.name for t in settings.tasks}

    async def run(self) -> None:
        from aiokafka import AIOKafkaConsumer, TopicPartition
        from aiokafka.errors import KafkaError

        topic = self.settings.adapter_events_topic
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.settings.kafka.hosts,
            group_id=None,
            enable_auto_commit=False,
            client_id=f"{self.settings.worker_id}-adapters",
            **self.settings.kafka.aiokafka_kwargs(),
        )
        await consumer.start()
        try:
            partitions = await asyncio.get_running_loop().run_in_executor(
                None,
                lambda: partitions_of(
                    self.settings.kafka.bootstrap_servers, topic, **self.settings.kafka.kafka_python_kwargs()
                ),
            )
            if partitions:
                tps = [TopicPartition(topic, p) for p in partitions]
                consumer.assign(tps)
                await consumer.seek_to_end(*tps)
            else:
                log.warning("adapter_events_topic_missing", topic=topic, fallback="registry reconcile only")
            await self.reconcile()
            loop = asyncio.get_running_loop()
            next_reconcile = loop.time() + self.reconcile_s
            while True:
                if partitions:
                    batches = await consumer.getmany(timeout_ms=1000)
                    for records in batches.values():
                        for record in records:
                            await self.on_event(record.value)
                else:
                    await asyncio.sleep(1.0)
                if loop.time() >= next_reconcile:
                    await self.reconcile()
                    next_reconcile = loop.time() + self.reconcile_s
        except KafkaError as exc:
            log.error("adapter_events_failed", error=str(exc))
            raise
        finally:
            await consumer.stop()

    async def on_event(self, raw: bytes | None) -> None:
        try:
            event = AdapterEvent.model_validate_json(raw or b"")
        except ValidationError as exc:
            log.warning("adapter_event_invalid", error=str(exc).splitlines()[0])
            return
        log.info("adapter_event", type=event.type, task=event.task, version=event.version)
        await self.apply(event.task, event.version)

    async def reconcile(self) -> None:
        for task in self._served:
            version = current_version(self.registry, task)
            if version is not None:
                await self.apply(task, version)

    async def apply(self, task: str, version: str) -> None:
        if task not in self._served:
            return
        engine = self.engine.engine
        old = engine.loaded.adapters[task]
        if old.version == version:
            return
        try:
            new = await self.engine.call(engine.swap, task, version_dir(self.registry, task, version), version)
        except AdapterRefused as exc:
            self.metrics.adapter_swaps.labels(task, "refused").inc()
            log.error("adapter_refused", task=task, version=version, serving=old.version, reason=str(exc))
            return
        self.metrics.adapter.remove(task, old.name, old.version)
        self.metrics.adapter.labels(task, new.name, new.version).set(1)
        self.metrics.adapter_swaps.labels(task, "ok").inc()
        log.info("adapter_in_service", task=task, version=new.version, previous=old.version)
