"""Registry versions made in the test, from random LoRA adapters (no training)."""

from __future__ import annotations

from pathlib import Path

from schemas.adapters import AdapterManifest, DataSummary, ManifestDraft
from schemas.tasks import Profile, TaskSpec
from tests.support.adapters import make_adapter
from worker.engine.fingerprint import model_fingerprint
from worker.registry import Registry


def register_random(
    registry: Registry,
    model_dir: Path,
    task: TaskSpec,
    seed: int,
    work: Path,
    macro_f1: float = 0.5,
    alpha: int = 32,
    profile: Profile = Profile.causal,
) -> AdapterManifest:
    adapter = make_adapter(model_dir, work / f"adapter-{task.name}-{seed}", seed=seed, alpha=alpha)
    return registry.register(
        adapter,
        ManifestDraft.for_task(
            task,
            profile,
            base_model=model_dir.name,
            base_fingerprint=model_fingerprint(model_dir),
            data=DataSummary(source="test", digest="sha256:0", train_count=0, heldout_count=0, heldout_digest="sha256:0"),
            metrics={"macro_f1": macro_f1},
            primary_metric="macro_f1",
        ),
    )
