"""Output records: one per task per input item, each with its lineage."""

from __future__ import annotations

import math
from typing import Annotated, Literal, Union

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator


class Lineage(BaseModel):
    """Where a result came from and what made it.

    Consumers dedupe on (news_id, task, adapter_version): at-least-once delivery
    may publish a result twice after a crash, never with different lineage.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    news_id: str
    source_topic: str
    source_partition: int = Field(ge=0)
    source_offset: int = Field(ge=0)
    task: str
    adapter_name: str = Field(description="Adapter loaded for the task, or 'none' for the bare base model.")
    adapter_version: str = Field(description="Adapter version (manifest or weight digest), or 'base'.")
    base_model: str = Field(description="Name of the base model (its folder name).")
    base_fingerprint: str = Field(description="sha256 over the base model's config, tokenizer and weights.")
    worker_id: str
    source_timestamp: AwareDatetime = Field(description="Kafka timestamp of the input record.")
    processed_at: AwareDatetime
    latency_ms: float = Field(ge=0, description="processed_at minus the input record's Kafka timestamp.")
    replay: bool = Field(default=False, description="True when a replay job, not the live worker, made it.")


class ClassificationResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["classify"] = "classify"
    news_id: str
    label: str
    scores: dict[str, float] = Field(description="Probability of every configured label; sums to 1.")
    lineage: Lineage

    @model_validator(mode="after")
    def _check_scores(self) -> "ClassificationResult":
        if self.label not in self.scores:
            raise ValueError("label must be one of the scored labels")
        if not math.isclose(sum(self.scores.values()), 1.0, abs_tol=1e-4):
            raise ValueError("scores must sum to 1")
        return self


class JudgeLineage(BaseModel):
    """Which judge gave a summary its ``support``, and the threshold it was held to.

    A judge's threshold belongs to its version (schemas.adapters.AdapterManifest.min_support), and a
    judge can be swapped while the headline adapter stays: the same (news_id, task, adapter_version)
    published twice may carry two judges' words, and this says whose.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str = Field(description="The judge task (a classify task whose `judges` names this summary's task).")
    adapter_name: str
    adapter_version: str
    min_support: float = Field(ge=0.0, le=1.0, description="The support below which the judge rejected the summary.")


#: Where a published headline came from: the model's first output, its constrained second try, or the story's own lead.
HeadlineSource = Literal["model", "regenerated", "extractive"]


class SummaryResult(BaseModel):
    """A generated headline, with whether every fact in it (numbers, dates, tickers, names) is in its story.

    The grounding fields default to what records made before the check existed would say: nothing
    was checked (grounded None), so a consumer reading old records with this model still can.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["summarize"] = "summarize"
    news_id: str
    summary: str
    input_tokens: int = Field(ge=0)
    output_tokens: int = Field(ge=0, description="Tokens the model generated (its last try, when regenerated or replaced).")
    grounded: bool | None = Field(
        default=None,
        description=(
            "Every number, amount, date, ticker and name of the summary is in its story and, where the task has a "
            "judge, the judge's support reaches its threshold; None: not checked."
        ),
    )
    unsupported: list[str] = Field(default_factory=list, description="The summary's facts its story lacks, as written in it.")
    looping: bool | None = Field(
        default=None,
        description="The summary repeats itself (a phrase three times in a row, or four words twice); None: not checked.",
    )
    headline_source: HeadlineSource | None = Field(
        default=None,
        description=(
            "model: as generated; regenerated: a second, constrained try after the first stated unsupported facts "
            "or looped; extractive: the story's own lead, after both failed (per the task's grounding policy)."
        ),
    )
    support: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="The judge's calibrated probability that the story supports the summary; None: the task has no judge.",
    )
    judge: JudgeLineage | None = Field(
        default=None,
        description="The judge version that gave `support`, and its threshold; None: no support (or a record made before).",
    )
    lineage: Lineage


TaskResult = Annotated[Union[ClassificationResult, SummaryResult], Field(discriminator="kind")]
