"""The input record: one financial news item on the input topic (news.raw)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = 1
#: The longest id, headline and body an item may carry; labelled records and `finnews verify`'s pairs are held to the
#: same bounds, so what one accepts the worker could be given.
MAX_ID_CHARS = 256
MAX_HEADLINE_CHARS = 2_000
MAX_BODY_CHARS = 200_000


class NewsItem(BaseModel):
    """One news item as producers publish it (JSON, UTF-8, keyed by ``id``).

    Unknown fields are ignored rather than refused, so a producer on a newer
    minor schema does not dead-letter the whole feed; ``schema_version`` is what
    gates incompatible changes.
    """

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, description="Producer-assigned unique id; the dedupe key.")
    headline: str = Field(min_length=1, max_length=MAX_HEADLINE_CHARS)
    body: str = Field(default="", max_length=MAX_BODY_CHARS)
    source: str = Field(min_length=1, max_length=200, description="Publisher or wire, e.g. 'newswire'.")
    published_at: AwareDatetime = Field(description="Publication time; must carry a timezone.")
    # Stripped, upper-cased and checked non-empty inside pydantic-core (a Python validator here
    # cost more per item than the whole rest of the record's validation).
    tickers: list[Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1)]] = Field(
        default_factory=list, max_length=100
    )
    language: str = Field(default="en", pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    url: str | None = Field(default=None, max_length=2_000)
    schema_version: Literal[1] = SCHEMA_VERSION


#: published_at of items made from bare text (evaluation sets), which have no time.
TEXT_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def news_from_text(item_id: str, text: str, source: str = "dataset") -> NewsItem:
    """A NewsItem for a bare text (the evaluation sets' {"id", "text", ...} records).

    The headline is the text's first line, cut to 300 characters; the body is
    the whole text. Training, evaluation, replay and `finnews publish` all
    convert this way, so a model sees the same prompt in each.
    """
    text = text.strip()
    first = text.splitlines()[0] if text else ""
    headline = first if len(first) <= 300 else first[:300].rsplit(" ", 1)[0]
    return NewsItem(id=item_id, headline=headline or item_id, body=text, source=source, published_at=TEXT_EPOCH)
