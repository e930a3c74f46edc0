"""Task specifications: what the worker does with each news item."""

from __future__ import annotations

import string
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: A judge's threshold where neither its task nor its adapter's manifest gives one.
DEFAULT_MIN_SUPPORT = 0.5

#: Fields of NewsItem a prompt template may use.
PROMPT_FIELDS = frozenset({"headline", "body", "source", "tickers", "language", "published_at", "url", "id"})

DEFAULT_CLASSIFY_PROMPT = (
    "Classify the sentiment of this financial news for the companies it names.\n"
    "Headline: {headline}\nText: {body}\nAnswer with one of: {labels}.\nSentiment:"
)
DEFAULT_SUMMARIZE_PROMPT = "Write a one-line headline for this financial news.\nText: {body}\nHeadline:"
#: A judge task's prompt: {headline} is the headline judged, {body} the story it is judged against.
#: The story comes first, so a long story is cut at its end and the headline is never cut.
DEFAULT_JUDGE_PROMPT = (
    "Does the headline state only what the story says (who, what, numbers, direction, and whether it already happened)?\n"
    "Story: {body}\nHeadline: {headline}\nAnswer with one of: {labels}.\nAnswer:"
)


class TaskKind(str, Enum):
    classify = "classify"
    summarize = "summarize"


class GroundingPolicy(str, Enum):
    """What becomes of a generated headline that states a fact its story does not (or that loops).

    The check is worker/faithfulness/grounding.py; every summary record says whether its headline is
    grounded, what was not, and where the headline came from (``headline_source``).
    """

    flag = "flag"  # publish it as generated, with grounded=false and the unsupported facts
    regenerate = "regenerate"  # generate once more with those facts banned; if still ungrounded, extractive
    extractive = "extractive"  # replace it with the story's own lead (its title line or first sentence, cut)


class Profile(str, Enum):
    """How the base model is used: the architecture family decides the whole engine path."""

    causal = "causal"  # decoder LM: classify by label scoring, summarize by generation
    encoder = "encoder"  # sequence classifier with a head per label: classify only


class TaskSpec(BaseModel):
    """One task: a kind, an optional LoRA adapter, a prompt and an output topic."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,62}$")
    kind: TaskKind
    adapter: Path | None = Field(default=None, description="Folder of a peft LoRA adapter; None = base model only.")
    labels: tuple[str, ...] = Field(default=(), description="Label set (classify only).")
    prompt: str = Field(default="", description="Template with {field} placeholders; empty = the kind's default.")
    output_topic: str | None = Field(
        default=None, min_length=1, max_length=249, pattern=r"^[A-Za-z0-9._-]+$", description="Required unless the task judges."
    )
    judges: str | None = Field(
        default=None,
        description=(
            "Classify only: the summarize task whose headlines this task scores against their stories (a verifier). "
            "It publishes nothing of its own: its first label's probability is each headline record's `support`."
        ),
    )
    min_support: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description=(
            "Judge tasks: a headline whose support is below this is unsupported (the grounding policy acts on it). "
            "None: the threshold in the judge version's manifest, chosen for that version; 0.5 where it has none. "
            "Set it only to override every version's own."
        ),
    )
    # 48, not 24: a quarter of EDTSum's headlines run past 24 Gemma tokens, and a bound of 24 cut
    # them mid-word ("... and China's Ministry of"). Most headlines stop at their EOS well before.
    max_new_tokens: int = Field(default=48, ge=1, le=1024, description="Generation bound (summarize only).")
    # Default regenerate: a desk must never be handed an invented figure (flag would publish it),
    # while a second, constrained try keeps the model's wording whenever it can (extractive at once
    # gives up the abstractive headline for every slip). The retry costs one more generate call for
    # the failing rows of a batch only, and what still fails becomes extractive, so nothing
    # ungrounded is published.
    grounding: GroundingPolicy = Field(
        default=GroundingPolicy.regenerate,
        description="Headlines stating facts their story lacks: flag | regenerate | extractive (summarize only).",
    )
    no_repeat_ngram_size: int = Field(
        default=4,
        ge=0,
        le=32,
        description=(
            "A generated headline never repeats a run of this many tokens of its own output (not of the prompt: it "
            "may copy the story); runs of digits and separators may repeat. 0 = no limit (summarize only)."
        ),
    )

    @model_validator(mode="after")
    def _check(self) -> "TaskSpec":
        if self.kind is TaskKind.classify:
            if len(self.labels) < 2:
                raise ValueError(f"task {self.name!r}: a classify task needs at least two labels")
            if len(set(self.labels)) != len(self.labels) or any(not lab.strip() for lab in self.labels):
                raise ValueError(f"task {self.name!r}: labels must be unique, non-empty strings")
        elif self.labels:
            raise ValueError(f"task {self.name!r}: only classify tasks take labels")
        if self.judges is not None and self.kind is not TaskKind.classify:
            raise ValueError(f"task {self.name!r}: only a classify task can judge another task's headlines")
        if self.judges is None and self.output_topic is None:
            raise ValueError(f"task {self.name!r}: output_topic is required (only a judge task publishes nothing of its own)")
        if self.judges is not None and self.output_topic is not None:
            raise ValueError(f"task {self.name!r}: a judge task publishes no output of its own; drop output_topic")
        fields = {f for _, f, _, _ in string.Formatter().parse(self.template) if f is not None}
        unknown = fields - PROMPT_FIELDS - {"labels"}
        if unknown:
            raise ValueError(f"task {self.name!r}: prompt uses unknown fields {sorted(unknown)}; known: {sorted(PROMPT_FIELDS)}")
        return self

    @property
    def template(self) -> str:
        if self.prompt:
            return self.prompt
        if self.judges is not None:
            return DEFAULT_JUDGE_PROMPT
        return DEFAULT_CLASSIFY_PROMPT if self.kind is TaskKind.classify else DEFAULT_SUMMARIZE_PROMPT


def default_tasks() -> list[TaskSpec]:
    """The tasks a worker runs when none are configured."""
    return [
        TaskSpec(
            name="sentiment",
            kind=TaskKind.classify,
            labels=("positive", "negative", "neutral"),
            output_topic="news.sentiment",
        ),
        TaskSpec(name="headline", kind=TaskKind.summarize, output_topic="news.headline"),
    ]
