"""Record models refuse what a desk could not trust."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from schemas import ClassificationResult, Lineage, NewsItem


def _lineage() -> Lineage:
    now = datetime.now(timezone.utc)
    return Lineage(
        news_id="n",
        source_topic="news.raw",
        source_partition=0,
        source_offset=3,
        task="sentiment",
        adapter_name="sentiment",
        adapter_version="v1",
        base_model="m",
        base_fingerprint="sha256:x",
        worker_id="w",
        source_timestamp=now,
        processed_at=now,
        latency_ms=1.0,
    )


def test_news_item_needs_a_timezone_and_normalizes_tickers() -> None:
    base = {"id": "n1", "headline": "h", "source": "wire", "tickers": [" acme "]}
    with pytest.raises(ValidationError, match="timezone"):
        NewsItem.model_validate({**base, "published_at": "2026-11-02T09:00:00"})
    item = NewsItem.model_validate({**base, "published_at": "2026-11-02T09:00:00+01:00", "extra": 1})
    assert item.tickers == ["ACME"] and item.schema_version == 1


def test_classification_scores_must_sum_to_one_and_contain_the_label() -> None:
    with pytest.raises(ValidationError, match="sum to 1"):
        ClassificationResult(news_id="n", label="a", scores={"a": 0.5, "b": 0.2}, lineage=_lineage())
    with pytest.raises(ValidationError, match="one of the scored labels"):
        ClassificationResult(news_id="n", label="c", scores={"a": 0.5, "b": 0.5}, lineage=_lineage())
    ok = ClassificationResult(news_id="n", label="a", scores={"a": 0.7, "b": 0.3}, lineage=_lineage())
    assert ClassificationResult.model_validate_json(ok.model_dump_json()) == ok


def test_a_judge_task_publishes_nothing_and_judges_a_summarize_task() -> None:
    import pytest
    from pydantic import ValidationError

    from schemas.tasks import DEFAULT_JUDGE_PROMPT, TaskSpec
    from worker.config import load_settings
    from worker.exceptions import ConfigError

    judge = {"name": "support", "kind": "classify", "labels": ["supported", "unsupported"], "judges": "headline"}
    assert TaskSpec.model_validate(judge).template == DEFAULT_JUDGE_PROMPT
    with pytest.raises(ValidationError, match="publishes no output"):
        TaskSpec.model_validate({**judge, "output_topic": "news.support"})
    with pytest.raises(ValidationError, match="only a classify task"):
        TaskSpec.model_validate({"name": "s", "kind": "summarize", "judges": "headline"})
    with pytest.raises(ValidationError, match="output_topic is required"):
        TaskSpec.model_validate({"name": "s", "kind": "summarize"})
    headline = {"name": "headline", "kind": "summarize", "output_topic": "news.headline"}
    assert load_settings(tasks=[headline, judge]).tasks[1].judges == "headline"
    with pytest.raises(ConfigError, match="not a summarize task"):
        load_settings(tasks=[{**headline, "name": "other"}, judge])
    with pytest.raises(ConfigError, match="at most one judge"):
        load_settings(tasks=[headline, judge, {**judge, "name": "support2"}])
