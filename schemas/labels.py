"""Labelled text and ground truth: the evaluation sets' records and labels files.

Evaluation sets (../shared/data, feedback topics, `finnews publish`) use
{"id", "text", "label"} or {"id", "text", "summary"}; a labels file, which
`finnews publish --labels-out` writes and `finnews replay --labels` reads,
holds {"id", "label"} or {"id", "summary"} per line.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schemas.news import MAX_ID_CHARS, NewsItem, news_from_text
from schemas.tasks import TaskKind


class LabelledText(BaseModel):
    """One record of an evaluation set: a bare text with a label or a reference summary."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    text: str = Field(min_length=1)
    label: str | None = None
    summary: str | None = None
    # A judge task's records: the headline judged against ``text`` (its story), labelled supported or not.
    headline: str | None = Field(default=None, min_length=1)

    def item(self) -> NewsItem:
        """The record as the news item a prompt is rendered from; with a headline, the (story, headline) pair a judge reads."""
        item = news_from_text(self.id, self.text)
        return item if self.headline is None else item.model_copy(update={"headline": self.headline})

    def target(self, kind: TaskKind) -> str | None:
        return self.label if kind is TaskKind.classify else self.summary

    def truth(self) -> "GroundTruth | None":
        """The record's ground truth; an empty label or summary counts as none."""
        label = self.label if self.label and self.label.strip() else None
        summary = self.summary if self.summary and self.summary.strip() else None
        if label is None and summary is None:
            return None
        return GroundTruth(id=self.id, label=label, summary=summary)


class GroundTruth(BaseModel):
    """One line of a labels file: the expected label or reference summary of a news id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    label: str | None = Field(default=None, min_length=1)
    summary: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_target(self) -> "GroundTruth":
        if self.label is None and self.summary is None:
            raise ValueError("a ground-truth record needs a 'label' or a 'summary'")
        return self

    def target(self, kind: TaskKind) -> str | None:
        return self.label if kind is TaskKind.classify else self.summary
