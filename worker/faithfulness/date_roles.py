"""A day is one event's: "Class Action Filing on October 13, 2020" over a story whose October 13 is the lead
plaintiff deadline misdates the filing though the story writes the day.

The date check finds the headline's day somewhere in the story and passes it. A legal notice writes several days,
each of one event (the suit's filing, the deadline to seek the lead plaintiff role, the class period's first and last
days), and a headline that gives one event's day to another misstates the notice in every digit the story has: a
date's FactCC number swap, and a mistake an EDTSum hand-read met in a model's headline. So a day the headline ties
to a filing or a deadline is unsupported when the story ties that day, wherever it writes it, only to the other
event or to a class period.

What a day is tied to, read narrowly (a wrong reading would flag a true headline): a deadline where its clause
before it, or the two words after it, say so ("deadline", "last day", "must be filed by", "have until", "October
13, 2020 deadline"), since a filing's deadline is a deadline; a filing where they say only that ("Filed on October
22"); a class period where it begins or ends a range ("between May 1 and July 30"). Other events' days (a
dividend's, a meeting's) are left to the date check: their notices write "payable on or before", "of record at
the close of business on" and "adjourned until" too loosely to tell one from the other.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import dates_in

__all__ = ["date_roles_read"]

_DEADLINE = re.compile(
    r"\b(?:deadline|last\s+day|no\s+later\s+than|on\s+or\s+before|(?:have|has)\s+until|until|(?:filed|submitted|made|"
    r"received|postmarked|due)\s+(?:by|before))\b",
    re.IGNORECASE,
)
_FILED = re.compile(r"\b(?:filed|filing|commenced|lodged)\b", re.IGNORECASE)
#: An event word right after the day: "the upcoming October 13, 2020 deadline", "November 4, 2024 Lead Plaintiff
#: Deadline", "February 8, 2024 Filing Deadline".
_WORDS_AFTER_DAY = r"^,?\s*(?:(?:19|20)\d\d)?\s*(?:[\w-]+\s+){0,2}"
_DEADLINE_AFTER = re.compile(rf"{_WORDS_AFTER_DAY}deadline\b", re.IGNORECASE)
_FILED_AFTER = re.compile(rf"{_WORDS_AFTER_DAY}(?:filing|filed)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?]\s|\band\b|\bwhile\b|\bwhich\b|\bwho\b", re.IGNORECASE)
#: A day that begins or ends a range: a class period's.
_RANGE_BEFORE = re.compile(r"\b(?:between|from|through|to|and)\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    r"^,?\s*(?:(?:19|20)\d\d,?\s*)?(?:and|through|to|-|\u2013)\s*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*)",
    re.IGNORECASE,
)


def date_roles_read(headline: str, story: str) -> list[tuple[int, int]]:
    """The spans of ``headline``'s days it ties to a filing or a deadline that the story ties, wherever it writes
    that day, only to the other event or to a class period."""
    out = []
    story_days: list[tuple[tuple[int, int], list[tuple[int, int]]]] | None = None
    for span, days in dates_in(headline, numeric=False):
        event = _event_of(headline, span)
        if event not in ("deadline", "filed"):
            continue
        story_days = story_days if story_days is not None else dates_in(story, numeric=False)
        theirs = [_event_of(story, at) for at, told in story_days if set(days) & set(told)]
        if theirs and all(e is not None and e != event for e in theirs):
            out.append(span)
    return out


def _event_of(text: str, span: tuple[int, int]) -> str | None:
    """The event the day at ``span`` is tied to: "deadline", "filed", "period" (a range's end), or None."""
    left = text[max(0, span[0] - 80) : span[0]]
    if _RANGE_BEFORE.search(left) or _RANGE_AFTER.match(text[span[1] : span[1] + 20]):
        return "period"
    ends = list(_CLAUSE_END.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    after = text[span[1] : span[1] + 40]
    if _DEADLINE.search(left) or _DEADLINE_AFTER.match(after):
        return "deadline"
    if _FILED.search(left) or _FILED_AFTER.match(after):
        return "filed"
    return None
