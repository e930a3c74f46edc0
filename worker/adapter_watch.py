"""Live adapter refresh: follow adapters.events (and the registry) and swap
adapters in the running engine, between batches, without a restart.

Events come from worker.kafka.events.AdapterEventsFollower. Events
can be missed (a worker starting as one is published), so the worker also
reconciles with the registry's ``current`` pointers at start and every
``reconcile_s`` seconds.
"""

from __future__ import annotations

import asyncio

import structlog
from pydantic import ValidationError

from schemas.adapters import AdapterEvent
from worker.config import Settings
from worker.engine import EngineThread
from worker.engine.adapters import AdapterRefused
from worker.kafka.events import AdapterEventsFollower
from worker.metrics import WorkerMetrics
from worker.registry import Registry

log = structlog.get_logger(__name__)


class AdapterWatcher:
    def __init__(self, settings: Settings, engine: EngineThread, metrics: WorkerMetrics, reconcile_s: float = 60.0) -> None:
        assert settings.registry is not None
        self.settings = settings
        self.registry = Registry(settings.registry)
        self.engine = engine
        self.metrics = metrics
        self.reconcile_s = reconcile_s
        self._served = {t.name for t in settings.tasks}

    async def run(self) -> None:
        from aiokafka.errors import KafkaError

        try:
            async with AdapterEventsFollower(self.settings) as events:
                await self.reconcile()
                loop = asyncio.get_running_loop()
                next_reconcile = loop.time() + self.reconcile_s
                while True:
                    for value in await events.poll(1.0):
                        await self.on_event(value)
                    if loop.time() >= next_reconcile:
                        await self.reconcile()
                        next_reconcile = loop.time() + self.reconcile_s
        except KafkaError as exc:
            log.error("adapter_events_failed", error=str(exc))
            raise

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
            version = self.registry.current(task)
            if version is not None:
                await self.apply(task, version)

    async def apply(self, task: str, version: str) -> None:
        if task not in self._served:
            return
        old = self.engine.serving()[task]
        if old.version == version:
            return
        try:
            new = await self.engine.swap(task, self.registry.path(task, version), version)
        except AdapterRefused as exc:
            self.metrics.adapter_swaps.labels(task, "refused").inc()
            log.error("adapter_refused", task=task, version=version, serving=old.version, reason=str(exc))
            return
        self.metrics.adapter.remove(task, old.name, old.version)
        self.metrics.adapter.labels(task, new.name, new.version).set(1)
        self.metrics.adapter_swaps.labels(task, "ok").inc()
        log.info("adapter_in_service", task=task, version=new.version, previous=old.version)
