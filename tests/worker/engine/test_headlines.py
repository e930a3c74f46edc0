"""The grounding policy (flag, regenerate, extractive) and the generation constraints behind it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import torch

from schemas.news import NewsItem, news_from_text
from schemas.tasks import GroundingPolicy
from worker.config import load_settings
from worker.engine import Engine, Summary
from worker.engine.constraints import BannedSequences, NoRepeatInOutput, fact_token_sequences, repeatable_token_ids
from worker.engine.generation import GenerateRow, generate_rows
from worker.engine.headlines import story_text, write_headlines
from worker.faithfulness.grounding import check_grounding, extractive_headline, is_looping

STORY = (
    "ATLANTA--(BUSINESS WIRE)--Peachtree Logistics Corp. (NYSE: PTL) said third quarter revenue rose 12% to "
    "$584 million as parcel volumes grew. The company opened two hubs in Georgia."
)
GOOD = "Peachtree Logistics Q3 Revenue Rises 12% to $584 Million"
INVENTED = "Peachtree Logistics Reports 2016 Revenue of $584 Million"  # 2016: not in the story
LOOPING = "Peachtree Logistics to $584 Million to $584 Million to $584 Million"


class FakeModel:
    """Hands out scripted headlines per call, and records the rows of every call."""

    def __init__(self, *calls: Sequence[str]) -> None:
        self.calls = [list(c) for c in calls]
        self.rows: list[list[GenerateRow]] = []

    def __call__(self, rows: list[GenerateRow]) -> list[tuple[str, int]]:
        self.rows.append(rows)
        texts = self.calls[len(self.rows) - 1]
        assert len(texts) == len(rows)
        return [(t, len(t.split())) for t in texts]


def ban(facts: Sequence[str]) -> tuple[tuple[int, ...], ...]:
    return tuple((len(f),) for f in facts)  # stands in for the tokenizer: one "token" per fact


def _rows(n: int, no_repeat: int = 4) -> list[GenerateRow]:
    return [GenerateRow([1, 2, 3], None, no_repeat) for _ in range(n)]


def test_a_grounded_headline_is_published_as_generated() -> None:
    model = FakeModel([GOOD])
    (h,) = write_headlines(_rows(1), [STORY], [GroundingPolicy.regenerate], model, ban)
    assert (h.text, h.grounded, h.unsupported, h.looping, h.source) == (GOOD, True, (), False, "model")
    assert len(model.rows) == 1


def test_a_written_headline_is_published_tidied_and_checked_as_published() -> None:
    # An entity, a release's defined terms and a doubled word, all copied from how wire stories are scraped.
    written = 'Peachtree Logistics Corp. (the "Company") Hubs &amp; Parcel Volumes Rise Rise 12%'
    (h,) = write_headlines(_rows(1), [STORY], [GroundingPolicy.flag], FakeModel([written]), ban)
    assert h.text == "Peachtree Logistics Corp. Hubs & Parcel Volumes Rise 12%"
    assert (h.grounded, h.source) == (True, "model")


def test_flag_publishes_the_invented_fact_and_names_it() -> None:
    (h,) = write_headlines(_rows(1), [STORY], [GroundingPolicy.flag], FakeModel([INVENTED]), ban)
    assert (h.text, h.grounded, h.unsupported, h.source) == (INVENTED, False, ("2016",), "model")


def test_extractive_replaces_the_headline_with_the_story_lead() -> None:
    (h,) = write_headlines(_rows(1), [STORY], [GroundingPolicy.extractive], FakeModel([INVENTED]), ban)
    assert h.text == extractive_headline(STORY) and h.text.startswith("Peachtree Logistics Corp. said third quarter")
    assert (h.grounded, h.unsupported, h.looping, h.source) == (True, (), False, "extractive")


def test_regenerate_retries_only_the_failing_rows_in_one_call_with_their_facts_banned() -> None:
    model = FakeModel([GOOD, INVENTED, LOOPING], [GOOD, GOOD])
    policies = [GroundingPolicy.regenerate] * 3
    out = write_headlines(_rows(3), [STORY] * 3, policies, model, ban)
    assert [h.source for h in out] == ["model", "regenerated", "regenerated"]
    assert all(h.grounded and not h.looping and h.text == GOOD for h in out)
    retry_invented, retry_looping = model.rows[1]
    assert retry_invented.banned == ((4,),)  # the banned "2016"
    assert retry_invented.no_repeat_ngram_size == 4  # it did not loop: the task's own size
    assert retry_looping.banned == () and retry_looping.no_repeat_ngram_size == 3  # it looped: tighter


def test_regenerate_falls_back_to_extractive_when_the_retry_fails_too() -> None:
    model = FakeModel([INVENTED], ["Peachtree Logistics Reports 2017 Revenue"])
    (h,) = write_headlines(_rows(1), [STORY], [GroundingPolicy.regenerate], model, ban)
    assert (h.text, h.source, h.grounded) == (extractive_headline(STORY), "extractive", True)
    assert h.output_tokens == 5  # the tokens of the model's last try


def test_a_retry_that_greedy_decoding_would_repeat_is_skipped() -> None:
    # Empty, and looping under the tight size already: no new constraint, so the same output again.
    model = FakeModel(["", LOOPING])
    out = write_headlines(_rows(2, no_repeat=3), [STORY] * 2, [GroundingPolicy.regenerate] * 2, model, ban)
    assert len(model.rows) == 1 and [h.source for h in out] == ["extractive", "extractive"]


def test_policies_mix_within_a_batch() -> None:
    model = FakeModel([INVENTED, INVENTED, INVENTED], [GOOD])
    policies = [GroundingPolicy.flag, GroundingPolicy.regenerate, GroundingPolicy.extractive]
    out = write_headlines(_rows(3), [STORY] * 3, policies, model, ban)
    assert [h.source for h in out] == ["model", "regenerated", "extractive"]
    assert [h.grounded for h in out] == [False, True, True]


def test_the_story_is_the_items_headline_body_and_tickers() -> None:
    item = NewsItem(
        id="n1",
        headline="Peachtree opens hubs",
        body="Peachtree Logistics opened two hubs.",
        source="wire",
        published_at="2026-11-02T09:00:00+00:00",
        tickers=["ptl"],
    )
    assert story_text(item) == "Peachtree opens hubs\nPeachtree Logistics opened two hubs.\nPTL"
    assert story_text(news_from_text("t", STORY)) == STORY  # an evaluation text is its own story


# -- the constraints, on logits -----------------------------------------------


def test_no_repeat_bans_only_repeats_of_the_rows_own_output() -> None:
    prompt = [[7, 8, 9, 7, 8], [7, 8, 9, 7, 8]]  # the prompt's n-grams may be copied
    out = [[5, 6, 5], [5, 6, 1]]
    ids = torch.tensor([p + o for p, o in zip(prompt, out)])
    scores = NoRepeatInOutput([2, 2], prompt_len=5)(ids, torch.zeros(2, 12))
    assert scores[0, 6] == -float("inf")  # "5 6" again
    assert torch.isfinite(scores[0, torch.arange(12) != 6]).all()
    assert torch.isfinite(scores[1]).all()  # "1" was never followed by anything
    assert torch.isfinite(NoRepeatInOutput([0, 0], prompt_len=5)(ids, torch.zeros(2, 12))).all()  # 0: off


def test_no_repeat_lets_numbers_repeat_their_digits() -> None:
    # "1,000,000" on a tokenizer that splits digits: ", 0 0 0" twice is a number, not a loop.
    comma, zero, one = 3, 4, 5
    ids = torch.tensor([[9, one, comma, zero, zero, zero, comma, zero, zero]])
    banned = NoRepeatInOutput([4], prompt_len=1)(ids, torch.zeros(1, 10))
    allowed = NoRepeatInOutput([4], prompt_len=1, repeatable=frozenset({comma, zero, one}))(ids, torch.zeros(1, 10))
    assert banned[0, zero] == -float("inf") and torch.isfinite(allowed).all()


def test_banned_sequences_hold_per_row() -> None:
    ids = torch.tensor([[1, 2, 3], [1, 2, 3]])
    scores = BannedSequences([[(3, 4), (9,)], [(2, 4)]])(ids, torch.zeros(2, 10))
    assert scores[0, 4] == -float("inf") and scores[0, 9] == -float("inf")  # after "3", and 9 anywhere
    assert torch.isfinite(scores[1]).all()  # row 1's "2 4" does not follow "3"


# -- on the tiny model --------------------------------------------------------


@pytest.fixture(scope="module")
def policy_engine(tiny_model_dir: Path) -> Engine:
    settings = load_settings(
        model={"base": tiny_model_dir},
        tasks=[
            {
                "name": "as-is",
                "kind": "summarize",
                "output_topic": "o1",
                "max_new_tokens": 16,
                "grounding": "flag",
                "no_repeat_ngram_size": 0,
            },
            {"name": "no-loop", "kind": "summarize", "output_topic": "o2", "max_new_tokens": 16, "grounding": "flag"},
            {"name": "checked", "kind": "summarize", "output_topic": "o3", "max_new_tokens": 16},
        ],
    )
    return Engine.load(settings.model, settings.tasks)


def _texts() -> list[str]:
    return [
        STORY,
        "Harbor Federal Bancorp approved a buyback of 100,000 shares and added three directors in 2021.",
        "Orion Energy said output rose 4% in the fourth quarter as two new wells came online.",
    ]


def test_the_engine_publishes_each_headline_with_its_grounding(policy_engine: Engine) -> None:
    items = [news_from_text(f"n{i}", t) for i, t in enumerate(_texts())]
    outcomes = policy_engine.run([policy_engine.prepare(i) for i in items])
    for item, outcome in zip(items, outcomes, strict=True):
        story = story_text(item)
        for task in ("as-is", "no-loop"):  # flag: as generated, and the record tells the truth about it
            s = outcome.results[task]
            assert isinstance(s, Summary) and s.headline_source == "model"
            assert (s.grounded, list(s.unsupported)) == (
                check_grounding(s.text, story).grounded,
                check_grounding(s.text, story).unsupported,
            )
            assert s.looping == is_looping(s.text)
        checked = outcome.results["checked"]  # regenerate: nothing ungrounded or looping gets out
        assert isinstance(checked, Summary) and checked.grounded and not checked.looping and checked.text
        assert checked.headline_source in {"model", "regenerated", "extractive"} and checked.output_tokens <= 16


def test_generation_never_repeats_a_4gram_of_its_own_output(policy_engine: Engine) -> None:
    loaded = policy_engine.loaded
    tok = loaded.decode_tokenizer
    prompts = [policy_engine.prepare(news_from_text(f"n{i}", t)).prompt_ids["as-is"] for i, t in enumerate(_texts())]
    repeatable = repeatable_token_ids(tok)

    def run(size: int) -> list[list[int]]:
        rows = [GenerateRow(p, None, size) for p in prompts]
        return [
            g.token_ids for g in generate_rows(loaded.model, rows, 24, policy_engine._pad_id, None, loaded.device, repeatable)
        ]

    def repeats(seq: list[int]) -> bool:
        grams = [tuple(seq[i : i + 4]) for i in range(len(seq) - 3) if not set(seq[i : i + 4]) <= repeatable]
        return len(grams) != len(set(grams))

    free, bounded = run(0), run(4)
    assert any(repeats(s) for s in free), "the random tiny model is expected to loop without the constraint"
    assert not any(repeats(s) for s in bounded)


def test_banned_fact_sequences_are_not_written_again(policy_engine: Engine) -> None:
    loaded = policy_engine.loaded
    tok = loaded.decode_tokenizer
    prompt = policy_engine.prepare(news_from_text("n", STORY)).prompt_ids["as-is"]
    (first,) = generate_rows(loaded.model, [GenerateRow(prompt, None)], 12, policy_engine._pad_id, None, loaded.device)
    fact = tok.decode(first.token_ids[2:5])  # whatever it wrote, taken as an invented fact
    banned = fact_token_sequences(tok, [fact])
    (again,) = generate_rows(loaded.model, [GenerateRow(prompt, None, 0, banned)], 12, policy_engine._pad_id, None, loaded.device)
    for seq in banned:
        n = len(seq)
        assert all(tuple(again.token_ids[i : i + n]) != seq for i in range(len(again.token_ids) - n + 1))
    assert again.token_ids != first.token_ids
