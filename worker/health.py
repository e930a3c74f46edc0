"""Liveness, readiness and Prometheus endpoints, served from the worker's event loop.

GET /healthz  200 while the worker is alive; 500 from the moment its watchdog
              failed it (pipeline or consumer crashed, no progress, out of
              its group), just before it exits; both name the engine's
              compute dtype and why it was chosen (null until it is known)
GET /readyz   200 when the model is loaded, the worker is a group member
              with partitions assigned and a broker answers; 503 with the
              failing checks otherwise
GET /metrics  Prometheus text format
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from worker.metrics import WorkerMetrics


@dataclass
class Health:
    """What the endpoints report; the service updates it as things happen."""

    hosts: list[str]
    model_loaded: bool = False
    assigned: bool = False
    failed: str | None = None
    # The engine's compute dtype and why (worker/engine/dtype.py): {"dtype": ..., "reason": ..., "detail": ...}.
    compute_dtype: dict[str, str] | None = None

    async def broker_reachable(self, timeout: float = 1.0) -> bool:
        for host in self.hosts:
            name, port = host.rsplit(":", 1)
            try:
                _, writer = await asyncio.wait_for(asyncio.open_connection(name, int(port)), timeout)
            except (OSError, TimeoutError):
                continue
            writer.close()
            return True
        return False

    async def checks(self) -> dict[str, bool]:
        return {
            "model_loaded": self.model_loaded,
            "partitions_assigned": self.assigned,
            "broker_reachable": await self.broker_reachable(),
            "pipeline_ok": self.failed is None,
        }


class HealthServer:
    def __init__(self, health: Health, metrics: WorkerMetrics, host: str, port: int) -> None:
        self.health = health
        self.metrics = metrics
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        app.router.add_get("/metrics", self._metrics)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:  # an ephemeral port, for tests
            self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _healthz(self, _: web.Request) -> web.Response:
        ok = self.health.failed is None
        body = {"alive": ok, "failed": self.health.failed, "compute_dtype": self.health.compute_dtype}
        return web.json_response(body, status=200 if ok else 500)

    async def _readyz(self, _: web.Request) -> web.Response:
        checks = await self.health.checks()
        ready = all(checks.values())
        return web.json_response({"ready": ready, **checks}, status=200 if ready else 503)

    async def _metrics(self, _: web.Request) -> web.Response:
        return web.Response(body=self.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})
