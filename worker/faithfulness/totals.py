"""An amount a headline gives one event that its story gives only as a running total.

"Skillshare Raises $108 Million in Series D" over "To date, Skillshare has raised over $108 million": the
number stands in the story, so the number check passes it, but there it is every round together, not this
one. A desk reads the headline's sum as the new money. So an amount of a headline about one deal (a raise,
a contract, a grant: :data:`_DEAL_VERB` and :data:`_DEAL_NOUN`) is unsupported when every place the story writes
it is a running total: "to date", "in total", "since inception" right after it, or "total funding", "bringing
its total to", "cumulative" before it in its sentence with no other number between. A headline that says it
gives a total ("Bringing Total Funding to $108 Million") claims no more than the story.

Written after a hand-read of published EDTSum headlines met the Skillshare case; the words were chosen on the
press-release training stories (no true headline of 10,000 flagged; the total swapped in for the round's sum
caught in 6 of the 7 stories that have both).
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import Story, bound_of, numbers_in, sentence_span

__all__ = ["totals_told_as_one"]

#: A headline about one deal: its verb and its thing ("Raises $20M Series B", "Wins $4 Million Contract").
_DEAL_VERB = re.compile(
    r"\b(?:rais(?:es|ed|ing)?|secur(?:es|ed|ing)?|clos(?:es|ed|ing)|lands?|bags?|nabs?|receiv(?:es|ed|ing)|gets?|"
    r"completes?|completed|announces?|wins?|won|awarded|books?|signs?|obtains?)\b",
    re.IGNORECASE,
)
_DEAL_NOUN = re.compile(
    r"\b(?:funding|financing|round|series\s+[a-h]|seed|investment|capital|raise[sd]?|secures?|contracts?|orders?|"
    r"grants?|awards?|deals?|agreements?|facility|loan|offering|placement)\b",
    re.IGNORECASE,
)
#: A headline that gives a total itself: "Bringing Total Funding to", "$50M to Date", "Secures Full $10M".
_TOTAL_IN_HEADLINE = re.compile(
    r"\b(?:total(?:s|ing|ling)?|to\s+date|cumulative|bring(?:s|ing)?|overall|aggregate|so\s+far|since|in\s+all|"
    r"altogether|full)\b",
    re.IGNORECASE,
)
#: A running total named before its amount in the same sentence: "To date, it has raised", "total funding of",
#: "bringing its total to", "a cumulative". Not a bare "total" or "aggregate": "a total of $25 million in Series A"
#: and "aggregate gross proceeds of" are one deal's sum.
_TOTAL_BEFORE = re.compile(
    r"\b(?:to\s+date|so\s+far|in\s+total|altogether|cumulative(?:ly)?|"
    r"total\s+(?:of\s+)?(?:equity\s+|venture\s+|outside\s+)?(?:funding|financing|capital|investment|raised|amount\s+raised)|"
    r"bring(?:s|ing)?\s+(?:\w+\s+){0,4}?total|since\s+(?:its\s+)?(?:inception|founding|launch))\b",
    re.IGNORECASE,
)
#: A rank set beside the amount and held up to a time ("contract from the Army, the company's largest award to date",
#: "order (its biggest to date)", ", marking its second-largest award to date"): the time is the rank's, not a
#: total's. Only right after the amount's words and a comma, a dash or a bracket: "from First Round Capital to date" and
#: "most of it from American funds, since its founding" are still totals.
_RANKED = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,6}?\s*(?:,|\u2014|\u2013|\(|\s-\s)\s*(?:(?:which\s+is|marking|making\s+it|one\s+of)\s+)?"
    r"(?:its|the|their|our|[\w-]+['\u2019]s)\s+(?:[\w-]+['\u2019]s\s+)?(?:[\w-]+[\s-])?"
    # not a rank of the total itself: "has raised $80 million, its highest total to date"
    r"(?:largest|biggest|highest|best|greatest|strongest|first|only)(?:-ever)?\s+(?!(?:total|amount|sum)\b)(?![^,;]*,)",
    re.IGNORECASE,
)
#: A running total named right after its amount: "$108 million to date", "$15 million in total venture funding".
_TOTAL_AFTER = re.compile(
    r"[^.;$\d]{0,60}?\b(?:to\s+date|so\s+far|in\s+total|altogether|cumulatively|"
    r"since\s+(?:its\s+)?(?:inception|founding|launch|being\s+founded))\b",
    re.IGNORECASE,
)


def totals_told_as_one(headline: str, told: Story) -> list[tuple[int, int]]:
    """The spans of ``headline``'s amounts, in a headline about one deal, that ``told`` writes only as running totals.

    >>> story = "To date, Skillshare has raised over $108 million in capital. OMERS led the Series D round."
    >>> totals_told_as_one("Skillshare Raises $108 Million in Series D Funding", Story(story))
    [(18, 30)]
    >>> totals_told_as_one("Skillshare Raises Series D, Bringing Total Funding to $108 Million", Story(story))
    []
    """
    if not (_DEAL_VERB.search(headline) and _DEAL_NOUN.search(headline)) or _TOTAL_IN_HEADLINE.search(headline):
        return []
    spans = []
    for span, number in numbers_in(headline, number_words=False):
        if number.kind != "amount" or number.currency is None:
            continue
        mentions = told.mentions(number, bound_of(headline, span))
        if mentions and all(_running_total(told.text, at) for at in mentions):
            spans.append(span)
    return spans


def _running_total(story: str, at: tuple[int, int]) -> bool:
    """The amount at ``at`` is named a running total in its own sentence (and not another number's)."""
    start, _ = sentence_span(story, at[0])
    before = story[start : at[0]]
    last = None
    for last in _TOTAL_BEFORE.finditer(before):
        pass
    if last is not None and not re.search(r"\d", before[last.end() :]):
        return True
    after = _TOTAL_AFTER.match(story, at[1], at[1] + 80)
    # "a $640 million contract, its largest award to date": "to date" is the superlative's, the sum one deal's.
    return after is not None and not _RANKED.match(after[0])
