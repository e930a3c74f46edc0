"""Offline validation of deploy/: Kubernetes schemas, kustomize, compose spec, Dockerfile lint."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from tests.deploy.crd_schemas import BY_KIND

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S_VERSION = "1.31.0"


def _bin(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(path).exists(), f"{name} is a test dependency (pip install -e '.[test]')"
    return path


def kustomize(directory: Path) -> list[dict[str, Any]]:
    out = subprocess.run([_bin("kubectl"), "kustomize", str(directory)], check=True, capture_output=True, text=True)
    return [doc for doc in yaml.safe_load_all(out.stdout) if doc]


def env_file() -> dict[str, str]:
    lines = (DEPLOY / "k8s/base/finnews.env").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def find(docs: list[dict[str, Any]], kind: str, name: str | None = None) -> dict[str, Any]:
    matches = [d for d in docs if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)]
    assert len(matches) == 1, f"expected one {kind} {name or ''}, found {len(matches)}"
    return matches[0]


@pytest.mark.parametrize("directory", ["k8s/base", "k8s/overlays/gpu", "k8s/topics"])
def test_kustomize_output_validates(directory: str) -> None:
    docs = kustomize(DEPLOY / directory)
    assert docs
    for doc in docs:
        if doc["kind"] in BY_KIND:
            jsonschema.validate(doc, BY_KIND[doc["kind"]])
        else:
            kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_worker_pods_fit_the_worker() -> None:
    settings = env_file()
    docs = kustomize(DEPLOY / "k8s/base")
    pod = find(docs, "Deployment", "finnews-worker")["spec"]["template"]["spec"]
    container = pod["containers"][0]
    assert pod["terminationGracePeriodSeconds"] > float(settings["FINNEWS_DRAIN_TIMEOUT_S"]) + 15
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["ports"][0]["containerPort"] == int(settings["FINNEWS_HTTP__PORT"])
    secret_env = {e["name"] for e in container["env"] if "secretKeyRef" in e.get("valueFrom", {})}
    assert {"FINNEWS_KAFKA__SASL_USERNAME", "FINNEWS_KAFKA__SASL_PASSWORD"} <= secret_env
    configmap = find(docs, "ConfigMap")["data"]
    assert configmap["FINNEWS_KAFKA__SECURITY_PROTOCOL"] == "SASL_SSL"
    assert "PASSWORD" not in " ".join(configmap), "secrets belong in the Secret, not the ConfigMap"
    find(docs, "PodDisruptionBudget", "finnews-worker")
    assert find(docs, "PersistentVolumeClaim", "finnews-registry")["spec"]["accessModes"] == ["ReadWriteMany"]
    trainer = find(docs, "CronJob", "finnews-trainer")["spec"]
    assert trainer["concurrencyPolicy"] == "Forbid"

    gpu = kustomize(DEPLOY / "k8s/overlays/gpu")
    gpu_pod = find(gpu, "Deployment", "finnews-worker")["spec"]["template"]["spec"]
    assert gpu_pod["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == "1"
    assert gpu_pod["nodeSelector"] and gpu_pod["tolerations"]
    assert find(gpu, "ConfigMap")["data"]["FINNEWS_MODEL__DEVICE"] == "cuda:0"


def test_autoscaling_on_lag_never_exceeds_the_partitions() -> None:
    settings = env_file()
    docs = kustomize(DEPLOY / "k8s/base")
    scaled = find(docs, "ScaledObject")["spec"]
    trigger = scaled["triggers"][0]["metadata"]
    assert trigger["topic"] == settings["FINNEWS_TOPICS__INPUT"]
    assert trigger["consumerGroup"] == settings["FINNEWS_KAFKA__GROUP_ID"]
    assert scaled["scaleTargetRef"]["name"] == "finnews-worker"
    topics = kustomize(DEPLOY / "k8s/topics")
    partitions = find(topics, "KafkaTopic", settings["FINNEWS_TOPICS__INPUT"])["spec"]["partitions"]
    assert 1 <= scaled["minReplicaCount"] <= scaled["maxReplicaCount"] <= partitions


def compose_spec_schema(cache: Path) -> dict[str, Any]:
    """The compose specification's JSON Schema, as shipped inside the docker-compose wheel on PyPI."""
    import json

    target = cache / "compose_spec.json"
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "docker-compose==1.29.2", "-d", str(cache)],
            check=True,
        )
        wheel = next(cache.glob("docker_compose-1.29.2-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            target.write_bytes(zf.read("compose/config/compose_spec.json"))
    return json.loads(target.read_text())


def test_compose_file_validates_and_shares_the_kubernetes_settings() -> None:
    schema = compose_spec_schema(Path.home() / ".cache" / "finnews" / "compose-spec")
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    jsonschema.validate(compose, schema)
    services = compose["services"]
    assert {"kafka", "topics-init", "worker", "trainer", "prometheus", "grafana"} <= set(services)
    for name in ("worker", "trainer"):
        assert services[name]["env_file"] == ["k8s/base/finnews.env"]
        devices = services[name]["deploy"]["resources"]["reservations"]["devices"]
        assert devices[0]["capabilities"] == ["gpu"]
    assert "KAFKA_PROCESS_ROLES" in services["kafka"]["environment"]


def test_dockerfile_passes_hadolint() -> None:
    result = subprocess.run([_bin("hadolint"), str(DEPLOY / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (DEPLOY / "Dockerfile").read_text()
    assert "USER 10001" in text and "HEALTHCHECK" in text and 'CMD ["finnews", "worker"]' in text
    assert "AS base-cpu" in text and "AS base-gpu" in text and "ARG VARIANT=gpu" in text
