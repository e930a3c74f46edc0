"""Headlines that never invent a fact: each generated headline checked against its story, then the task's policy.

A headline is acceptable when it is non-empty, grounded (worker/faithfulness/grounding.py: every number,
date, ticker and name is in the story), does not loop, and, where the task has a judge (a verifier
adapter: schemas.tasks.TaskSpec.judges), the judge's calibrated probability that the story supports
it (``support``) reaches the judge's ``min_support``: the rules catch an invented fact by its
words, the judge a changed meaning (a flipped direction, an event said done that is only planned,
swapped roles). What becomes of the others is the task's ``grounding`` policy
(schemas.tasks.GroundingPolicy):

- flag: published as generated, its record saying grounded=false and what was unsupported;
- regenerate: generated once more, greedy, with the unsupported facts' token sequences banned
  for that row (and, if it looped, a tighter no-repeat size); if that still fails, extractive.
  A retry whose constraints would be the same as the first try's (an empty or looping headline
  already under the tighter size, or one only the judge rejected) would repeat the same greedy
  output, so it goes to extractive at once;
- extractive: replaced by the story's own lead (its title line or first sentence, cut).

The retries of one batch run as one generate call, and each round's judging as one scoring call.
Torch-free apart from the generate and judge callables.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from schemas.news import NewsItem
from schemas.results import HeadlineSource
from schemas.tasks import GroundingPolicy
from worker.engine.generation import GenerateRow
from worker.engine.prompts import encoder_text
from worker.faithfulness.grounding import check_grounding, extractive_headline, is_looping, tidy_headline

#: The no-repeat n-gram size of a retry after a looping headline (the task's own, if already this tight).
RETRY_NO_REPEAT = 3

#: Runs rows through the model: (headline text, tokens generated) per row, in order.
Generate = Callable[[list[GenerateRow]], list[tuple[str, int]]]
#: The token sequences that would write these facts again (constraints.fact_token_sequences on the model's tokenizer).
BanFacts = Callable[[Sequence[str]], tuple[tuple[int, ...], ...]]
#: Scores (row index, headline) pairs against their rows' stories: (support, enough) per pair, None
#: where the row's task has no judge.
Judge = Callable[[list[tuple[int, str]]], list["tuple[float, bool] | None"]]


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline as published, with its grounding."""

    text: str
    output_tokens: int  # tokens the model generated (its last try)
    grounded: bool
    unsupported: tuple[str, ...]
    looping: bool
    source: HeadlineSource
    support: float | None = None  # the judge's probability that the story supports it; None without a judge
    supported: bool = True  # support reaches the judge's min_support (True without a judge)

    @property
    def acceptable(self) -> bool:
        return bool(self.text) and self.grounded and not self.looping and self.supported


def story_text(item: NewsItem) -> str:
    """What a headline is checked against: the item's headline and body (once each) and its tickers."""
    text = encoder_text(item)
    return f"{text}\n{' '.join(item.tickers)}" if item.tickers else text


def judge(text: str, output_tokens: int, story: str, source: HeadlineSource) -> Headline:
    """A headline with its grounding checked against ``story``."""
    grounding = check_grounding(text, story)
    return Headline(text, output_tokens, grounding.grounded, tuple(grounding.unsupported), is_looping(text), source)


def write_headlines(
    rows: Sequence[GenerateRow],
    stories: Sequence[str],
    policies: Sequence[GroundingPolicy],
    generate: Generate,
    ban_facts: BanFacts,
    judge_meaning: Judge | None = None,
) -> list[Headline]:
    """Generate a headline per row and apply each row's policy to those that are not acceptable."""
    written = zip(generate(list(rows)), stories, strict=True)
    headlines = [judge(tidy_headline(text, story), tokens, story, "model") for (text, tokens), story in written]
    apply_judge(headlines, range(len(headlines)), judge_meaning)
    retries = {
        i: retry
        for i, (row, headline, policy) in enumerate(zip(rows, headlines, policies, strict=True))
        if policy is GroundingPolicy.regenerate and not headline.acceptable
        if (retry := _constrained(row, headline, ban_facts)) is not None
    }
    if retries:
        again = generate(list(retries.values()))
        for i, (text, tokens) in zip(retries, again, strict=True):
            headlines[i] = judge(tidy_headline(text, stories[i]), tokens, stories[i], "regenerated")
        apply_judge(headlines, list(retries), judge_meaning)
    replaced = [
        i
        for i, (headline, policy) in enumerate(zip(headlines, policies, strict=True))
        if not headline.acceptable and policy is not GroundingPolicy.flag
    ]
    for i in replaced:
        headlines[i] = _extractive(headlines[i], stories[i])
    # The lead is judged too, so its record carries the judge's word like any other.
    apply_judge(headlines, [i for i in replaced if headlines[i].source == "extractive"], judge_meaning)
    return headlines


def apply_judge(headlines: list[Headline], rows: Sequence[int], judge_meaning: Judge | None) -> None:
    """Each listed headline with the judge's support (in place); one scoring call for all of them."""
    todo = [i for i in rows if headlines[i].text]
    if judge_meaning is None or not todo:
        return
    for i, verdict in zip(todo, judge_meaning([(i, headlines[i].text) for i in todo]), strict=True):
        if verdict is not None:
            headlines[i] = dataclasses.replace(headlines[i], support=verdict[0], supported=verdict[1])


def _constrained(row: GenerateRow, headline: Headline, ban_facts: BanFacts) -> GenerateRow | None:
    """The row again under constraints that rule out this headline's faults; None when no constraint would change it."""
    banned = ban_facts(headline.unsupported) if headline.unsupported else ()
    size = row.no_repeat_ngram_size
    if headline.looping and (size == 0 or size > RETRY_NO_REPEAT):
        size = RETRY_NO_REPEAT
    if not banned and size == row.no_repeat_ngram_size:
        return None  # greedy decoding would write the same headline again
    return dataclasses.replace(row, no_repeat_ngram_size=size, banned=tuple(sorted({*row.banned, *banned})))


def _extractive(failed: Headline, story: str) -> Headline:
    # Checked like any headline, so the record tells the truth even for a story whose lead the check cannot support.
    replacement = judge(tidy_headline(extractive_headline(story), story), failed.output_tokens, story, "extractive")
    return replacement if replacement.text else failed
