"""Rendering task prompts from news items within a token budget."""

from __future__ import annotations

from typing import Any

from schemas.news import NewsItem
from schemas.tasks import TaskSpec


def prompt_fields(item: NewsItem, task: TaskSpec, body: str | None = None) -> dict[str, Any]:
    return {
        "id": item.id,
        "headline": item.headline,
        "body": item.body if body is None else body,
        "source": item.source,
        "tickers": ", ".join(item.tickers),
        "language": item.language,
        "published_at": item.published_at.isoformat(),
        "url": item.url or "",
        "labels": ", ".join(task.labels),
    }


def render_prompt_ids(item: NewsItem, task: TaskSpec, tokenizer: Any, max_tokens: int) -> list[int]:
    """Token ids of the task prompt for ``item``, at most ``max_tokens`` long.

    An over-long item is shortened by cutting its body, never the end of the
    template: the instruction and answer cue ("Sentiment:") must stay last.
    """
    ids = tokenizer(task.template.format(**prompt_fields(item, task)), add_special_tokens=True)["input_ids"]
    if len(ids) <= max_tokens:
        return ids
    frame = tokenizer(task.template.format(**prompt_fields(item, task, body="")), add_special_tokens=True)["input_ids"]
    budget = max_tokens - len(frame)
    if budget <= 0:
        return frame[-max_tokens:]
    body_ids = tokenizer(item.body, add_special_tokens=False)["input_ids"][:budget]
    body = tokenizer.decode(body_ids, skip_special_tokens=True)
    ids = tokenizer(task.template.format(**prompt_fields(item, task, body=body)), add_special_tokens=True)["input_ids"]
    # Re-tokenizing the cut body can merge differently; trim the body further if so.
    while len(ids) > max_tokens and body:
        body = body[: max(0, len(body) - 8 * (len(ids) - max_tokens))]
        ids = tokenizer(task.template.format(**prompt_fields(item, task, body=body)), add_special_tokens=True)["input_ids"]
    return ids


def encoder_text(item: NewsItem) -> str:
    """What an encoder classifier reads: the headline and the body, once each."""
    if not item.body:
        return item.headline
    if item.body.startswith(item.headline):
        return item.body
    return f"{item.headline}\n{item.body}"


def encoder_ids(item: NewsItem, tokenizer: Any, max_tokens: int) -> list[int]:
    return tokenizer(encoder_text(item), truncation=True, max_length=max_tokens)["input_ids"]
