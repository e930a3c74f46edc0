"""Health, readiness and metrics of a running worker on a real broker; the
dashboard and alerts query only metrics the worker exports."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.news import MALFORMED, lines, news
from tests.support.settings import settings_for
from worker.dev.demo import publish_raw
from worker.engine.dtype import compute_dtype_choice
from worker.health import Health, HealthServer
from worker.metrics import WorkerMetrics
from worker.service import run_worker

ROOT = Path(__file__).resolve().parents[2]


def get(port: int, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def exported_names(exposition: str) -> set[str]:
    """Sample names, plus the families declared by TYPE lines (labelled metrics not yet observed)."""
    names = {line.split("{")[0].split(" ")[0] for line in exposition.splitlines() if line and not line.startswith("#")}
    names |= {line.split()[2] for line in exposition.splitlines() if line.startswith("# TYPE ")}
    return names


def queried_names() -> set[str]:
    dashboard = json.loads((ROOT / "deploy/grafana/dashboards/finnews.json").read_text())
    exprs = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    alerts = yaml.safe_load((ROOT / "deploy/prometheus/alerts.yml").read_text())
    exprs += [rule["expr"] for group in alerts["groups"] for rule in group["rules"]]
    return {name for expr in exprs for name in re.findall(r"\bfinnews_[a-z_]+", expr)}


def documented_names() -> set[str]:
    guide = (ROOT / "deploy/README.md").read_text()
    return set(re.findall(r"^\| `(finnews_[a-z_]+)`", guide, flags=re.M))


def test_readyz_names_the_failing_checks() -> None:
    async def go() -> list[tuple[int, Any]]:
        health = Health(hosts=["127.0.0.1:1"])
        server = HealthServer(health, WorkerMetrics(), "127.0.0.1", 0)
        await server.start()
        try:
            loop = asyncio.get_running_loop()
            results = []
            for path in ("/healthz", "/readyz"):
                status, body = await loop.run_in_executor(None, get, server.port, path)
                results.append((status, json.loads(body)))
            health.failed = "FatalEngineError: boom"
            status, body = await loop.run_in_executor(None, get, server.port, "/healthz")
            results.append((status, json.loads(body)))
            return results
        finally:
            await server.stop()

    (live, live_body), (ready, ready_body), (dead, dead_body) = asyncio.run(go())
    assert live == 200 and live_body["alive"] is True
    assert ready == 503 and ready_body["ready"] is False
    assert ready_body["model_loaded"] is False and ready_body["broker_reachable"] is False
    assert dead == 500 and "boom" in dead_body["failed"]


@pytest.mark.kafka
def test_running_worker_serves_health_and_every_metric_the_dashboard_needs(
    broker: Any, tiny_model_dir: Path, engine: Any
) -> None:
    settings = settings_for(broker, tiny_model_dir, metrics_interval_s=0.3)
    feed = lines(news(12)) + [MALFORMED["bad_json"]]

    async def go() -> dict[str, Any]:
        ports: list[int] = []
        ready, stop = asyncio.Event(), asyncio.Event()
        worker = asyncio.create_task(
            run_worker(settings, engine=engine, install_signal_handlers=False, ready=ready, stop=stop, on_http=ports.append)
        )
        await asyncio.wait_for(ready.wait(), 60)
        loop = asyncio.get_running_loop()
        seen: dict[str, Any] = {"healthz": await loop.run_in_executor(None, get, ports[0], "/healthz")}
        await loop.run_in_executor(None, publish_raw, broker.bootstrap, settings.topics.input, feed)
        metrics = ""
        for _ in range(200):
            await asyncio.sleep(0.2)
            _, body = await loop.run_in_executor(None, get, ports[0], "/metrics")
            metrics = body.decode()
            if (
                "finnews_inputs_total 13.0" in metrics
                and "finnews_consumer_lag{" in metrics
                and "finnews_in_flight 0.0" in metrics
            ):
                break
        seen["metrics"] = metrics
        seen["readyz"] = await loop.run_in_executor(None, get, ports[0], "/readyz")
        stop.set()
        await worker
        return seen

    seen = asyncio.run(go())
    assert seen["healthz"][0] == 200
    # The compute dtype the loader chose for the engine's device, and why (issue 28, 7).
    choice = compute_dtype_choice(settings.model.compute_dtype, engine.loaded.device)
    assert json.loads(seen["healthz"][1])["compute_dtype"] == {
        "dtype": choice.name,
        "reason": choice.reason,
        "detail": choice.detail,
    }
    assert f'finnews_compute_dtype_info{{dtype="{choice.name}",reason="{choice.reason}"}} 1.0' in seen["metrics"]
    status, body = seen["readyz"]
    assert status == 200, body
    assert json.loads(body) == {
        "ready": True,
        "model_loaded": True,
        "partitions_assigned": True,
        "broker_reachable": True,
        "pipeline_ok": True,
    }
    metrics = seen["metrics"]
    assert 'finnews_items_out_total{task="sentiment"} 12.0' in metrics
    assert 'finnews_dead_letters_total{reason="bad_json"} 1.0' in metrics
    assert 'finnews_adapter_info{adapter="none",task="headline",version="base"} 1.0' in metrics
    exported = exported_names(metrics)
    missing = queried_names() - exported
    assert not missing, f"the dashboard or alerts query metrics the worker does not export: {missing}"
    documented = documented_names()
    assert documented, "deploy/README.md lists no metrics"
    base_names = {re.sub(r"_(total|bucket|sum|count|created)$", "", n) for n in exported}
    assert documented <= base_names, f"documented but not exported: {documented - base_names}"
    assert {"finnews_inputs", "finnews_consumer_lag", "finnews_model_memory_bytes"} <= documented
