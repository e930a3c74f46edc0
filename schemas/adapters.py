"""Adapter versions as artifacts: the manifest of a registry version, and the
events that announce promotions and rollbacks on the adapters.events topic.

Lives in schemas because both sides read it: training writes the registry,
workers only read it (the worker never imports training).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.tasks import Profile, TaskKind, TaskSpec

MANIFEST = "manifest.json"
WEIGHTS = "adapter_model.safetensors"  # peft's file name for LoRA weights
ADAPTER_CONFIG = "adapter_config.json"
#: Files an adapter version may hold; weights are safetensors only, nothing is ever unpickled.
ALLOWED_FILES = frozenset({WEIGHTS, ADAPTER_CONFIG})


def interrupted_write_name(name: str, pid: int, thread: int) -> str:
    """The temporary name a registry file is written under before it replaces ``name`` (worker.registry)."""
    return f".{name}.{pid}.{thread}.tmp"


def is_interrupted_write(name: str) -> bool:
    """A temporary file a writer killed mid-write left in a version's folder: never loaded, so not refused for."""
    return name.startswith(f".{MANIFEST}.") and name.endswith(".tmp")


class VersionStatus(str, Enum):
    candidate = "candidate"  # registered, not yet judged by the gate
    promoted = "promoted"  # has been current at some point
    rejected = "rejected"  # failed the gate; kept for the record


class DataSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="File path or kafka:TOPIC the examples came from.")
    digest: str = Field(description="sha256 over the canonical examples, train and held-out.")
    train_count: int = Field(ge=0)
    heldout_count: int = Field(ge=0)
    heldout_digest: str = Field(description="sha256 over the held-out examples alone; the gate compares like with like.")
    label_counts: dict[str, int] = Field(default_factory=dict)


class ManifestDraft(BaseModel):
    """What a trainer knows about a new adapter version; the registry adds its version, file hashes and time."""

    model_config = ConfigDict(extra="forbid")

    task: str
    kind: TaskKind
    profile: Profile = Profile.causal
    labels: list[str] = Field(default_factory=list)
    prompt: str = Field(description="The prompt template the adapter was trained with.")
    judges: str | None = Field(
        default=None,
        description=(
            "The summarize task whose headlines the adapter was trained to judge (its task's `judges`); None: not a "
            "judge, or a manifest written before it was recorded."
        ),
    )
    base_model: str
    base_fingerprint: str
    data: DataSummary
    hyperparameters: dict[str, Any] = Field(default_factory=dict)
    metrics: dict[str, Any] = Field(default_factory=dict, description="Held-out metrics, see training.evaluate.")
    primary_metric: str = Field(description="The metric the promotion gate compares (macro_f1 or rouge_l).")
    parent_version: str | None = None
    training_seconds: float | None = None
    temperature: float | None = Field(
        default=None,
        gt=0,
        description=(
            "Temperature fitted on the held-out set (classification): the engine divides the label logits by it "
            "before the softmax, so the probabilities are calibrated; the chosen label never changes. "
            "None (manifests written before it existed): 1, the probabilities as the model gives them."
        ),
    )
    label_bias: dict[str, float] | None = Field(
        default=None,
        description=(
            "Per-label bias fitted with the temperature on the held-out set (classification), added to each "
            "label's logit after dividing by the temperature: it gives back the real class prior that class-"
            "weighted training skews, so it can change the chosen label. None: no biases."
        ),
    )
    label_bias_prior: dict[str, float] | None = Field(
        default=None,
        description=(
            "The class prior the label biases assume: each label's share of the held-out part they were fitted "
            "on. A feed whose prior differs (more news than tweets, fewer neutral items) is served with this "
            "prior's lean. None: no biases, or a manifest written before it was recorded."
        ),
    )

    min_support: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description=(
            "Judge adapters: the support below which a headline is unsupported, chosen for this version on pairs "
            "it did not train on (`finnews adapters threshold`). A judge's probabilities shift from version to "
            "version, so its threshold travels with it: the worker serves this unless the task sets min_support. "
            "None: the task's min_support, else 0.5."
        ),
    )
    min_support_reason: str = Field(default="", description="How min_support was chosen (data, rule, figures).")

    @classmethod
    def for_task(cls, task: TaskSpec, profile: Profile, **fields: Any) -> "ManifestDraft":
        """The draft of an adapter trained for ``task`` as configured: name, kind, labels and prompt from the spec."""
        return cls(
            task=task.name,
            kind=task.kind,
            profile=profile,
            labels=list(task.labels),
            prompt=task.template,
            judges=task.judges,
            **fields,
        )


class AdapterManifest(ManifestDraft):
    """manifest.json of registry/<task>/<version>/."""

    version: str = Field(pattern=r"^v\d{4,}$")
    files: dict[str, str] = Field(description="file name -> sha256 of every file of the version except the manifest.")
    status: VersionStatus = VersionStatus.candidate
    status_reason: str = ""
    created_at: AwareDatetime


class AdapterEvent(BaseModel):
    """One message on adapters.events: every worker serving ``task`` moves to ``version``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["promoted", "rolled_back"]
    task: str
    version: str
    previous_version: str | None
    base_fingerprint: str
    reason: str = ""
    at: AwareDatetime
