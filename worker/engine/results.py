"""What the engine returns per item and task, before lineage is attached.

Each result names the adapter version that made it: a swap may land between
a batch's run and its publishing, and lineage must tell the truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.results import HeadlineSource


@dataclass(frozen=True, slots=True)
class Classification:
    label: str
    scores: dict[str, float]
    adapter: str = "none"
    version: str = "base"


@dataclass(frozen=True, slots=True)
class JudgeRef:
    """The judge that scored a headline: its task, adapter, version and the threshold it was held to."""

    task: str
    adapter: str
    version: str
    min_support: float


@dataclass(frozen=True, slots=True)
class Summary:
    """A headline and its grounding: whether its facts are in its story, which are not, and where it came from."""

    text: str
    input_tokens: int
    output_tokens: int
    adapter: str = "none"
    version: str = "base"
    grounded: bool = True
    unsupported: tuple[str, ...] = ()
    looping: bool = False
    headline_source: HeadlineSource = "model"
    support: float | None = None  # the task's judge: probability that the story supports the headline
    judge: JudgeRef | None = None  # which judge gave ``support``; None when there is no support
