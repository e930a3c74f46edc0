"""The engine on a real (tiny) NF4 model with real LoRA adapters."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from schemas import NewsItem
from schemas.news import news_from_text
from tests.support.adapters import make_adapter
from tests.support.news import news
from tests.support.poison import POISON_TEXT, poisoned_engine
from worker.config import load_settings
from worker.engine import Classification, Engine, Summary

LABELS = ["up", "down", "flat"]


def _items(n: int, **kw: Any) -> list[NewsItem]:
    return [NewsItem.model_validate(d) for d in news(n, **kw)]


@pytest.fixture(scope="module")
def adapters(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("adapters")
    return make_adapter(tiny_model_dir, root / "a", seed=1), make_adapter(tiny_model_dir, root / "b", seed=2)


@pytest.fixture(scope="module")
def multi_engine(tiny_model_dir: Path, adapters: tuple[Path, Path]) -> Engine:
    """Three classify tasks on one base: adapter a, adapter b, and none; plus summarize on a."""
    a, b = adapters
    settings = load_settings(
        model={"base": tiny_model_dir},
        tasks=[
            {"name": "with-a", "kind": "classify", "labels": LABELS, "adapter": a, "output_topic": "o1"},
            {"name": "with-b", "kind": "classify", "labels": LABELS, "adapter": b, "output_topic": "o2"},
            {"name": "bare", "kind": "classify", "labels": LABELS, "output_topic": "o3"},
            {"name": "sum-a", "kind": "summarize", "adapter": a, "output_topic": "o4", "max_new_tokens": 6, "grounding": "flag"},
        ],
    )
    return Engine.load(settings.model, settings.tasks)


def test_base_is_nf4_quantized(engine: Engine) -> None:
    import bitsandbytes as bnb

    layers = [m for m in engine.loaded.model.modules() if isinstance(m, bnb.nn.Linear4bit)]
    assert layers and all(m.weight.quant_type == "nf4" for m in layers)


def test_classification_answers_within_the_label_set_with_a_probability_each(engine: Engine) -> None:
    outcomes = engine.run([engine.prepare(i) for i in _items(6)])
    for outcome in outcomes:
        result = outcome.results["sentiment"]
        assert isinstance(result, Classification)
        assert list(result.scores) == ["positive", "negative", "neutral"]
        assert math.isclose(sum(result.scores.values()), 1.0, abs_tol=1e-5)
        assert result.label == max(result.scores, key=result.scores.__getitem__)
        summary = outcome.results["headline"]
        assert isinstance(summary, Summary) and summary.output_tokens <= 8


def test_one_batch_mixes_adapters_and_matches_items_run_alone(multi_engine: Engine) -> None:
    prepared = [multi_engine.prepare(i) for i in _items(5)]
    batched = multi_engine.run(prepared)
    alone = [multi_engine.run([p])[0] for p in prepared]
    for b, s in zip(batched, alone):
        for task in ("with-a", "with-b", "bare"):
            assert b.results[task].label == s.results[task].label
            for label in LABELS:
                assert b.results[task].scores[label] == pytest.approx(s.results[task].scores[label], abs=2e-2)
        assert b.results["sum-a"].text == s.results["sum-a"].text
    # The adapters are really applied, and each to its own task.
    first = batched[0].results
    assert first["with-a"].scores != first["with-b"].scores != first["bare"].scores
    assert multi_engine.loaded.adapters["with-a"].version.startswith("sha-")
    assert multi_engine.loaded.adapters["bare"].version == "base"


def test_batched_generation_equals_single(engine: Engine) -> None:
    prepared = [engine.prepare(i) for i in _items(4)]
    batched = [o.results["headline"] for o in engine.run(prepared)]
    single = [engine.run([p])[0].results["headline"] for p in prepared]
    assert [s.text for s in batched] == [s.text for s in single]


def test_long_items_are_cut_in_the_body_and_keep_the_answer_cue(engine: Engine) -> None:
    item = _items(1, body="revenue " * 5000)[0]
    prepared = engine.prepare(item)
    tok = engine.loaded.tokenizer
    for task in engine.tasks:
        ids = prepared.prompt_ids[task.name]
        assert len(ids) <= engine.max_input_tokens
        assert tok.decode(ids).rstrip().endswith(task.template.rstrip()[-10:])


def test_an_item_that_fails_alone_does_not_fail_its_batch_mates(tiny_model_dir: Path) -> None:
    engine = poisoned_engine(load_settings(model={"base": tiny_model_dir}))
    items = _items(5)
    items[2] = items[2].model_copy(update={"body": POISON_TEXT})
    outcomes = engine.run([engine.prepare(i) for i in items])
    assert set(outcomes[2].errors) == {"sentiment", "headline"} and not outcomes[2].results
    assert "poisoned row" in str(outcomes[2].errors["sentiment"])
    for i in (0, 1, 3, 4):
        assert set(outcomes[i].results) == {"sentiment", "headline"} and not outcomes[i].errors


def test_single_token_labels_score_like_the_expanded_rows(engine: Any) -> None:
    import torch

    from worker.engine import scoring

    items = [
        engine.prepare(news_from_text(f"s{i}", text)) for i, text in enumerate(["Shares rose on profit.", "A loss; jobs cut."])
    ]
    labels = [[11], [57], [203]]  # three one-token labels of the tiny vocabulary
    rows = [scoring.ScoreRow(it.prompt_ids["sentiment"], labels, None) for it in items]
    model, pad, device = engine.loaded.model, engine._pad_id, engine.loaded.device
    fast = torch.tensor(scoring.score_rows(model, rows, pad, device))
    slow = torch.tensor(scoring._score_expanded(model, rows, pad, device))
    assert torch.allclose(fast, slow, atol=1e-4), (fast, slow)
