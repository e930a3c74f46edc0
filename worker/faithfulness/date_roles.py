"""A day is one event's: "Class Action Filing on October 13, 2020" over a story whose October 13 is the lead
plaintiff deadline misdates the filing though the story writes the day.

The date check finds the headline's day somewhere in the story and passes it. Notices write several days, each of
one event (a suit filed, a deadline to join it, a class period; a dividend's record and payment dates; a meeting and
its record date), and a headline that gives one event's day to another misstates the notice in every digit the
story has: a date's FactCC number swap, and a mistake an EDTSum hand-read met in a model's headline. So a day the
headline ties to an event is unsupported when the story ties that day, wherever it writes it, only to events of
other kinds.

What a day is tied to, read narrowly (a wrong reading would flag a true headline): the event word nearest before
it in its clause, a few words away at most ("Filing on October 13", "deadline of October 13", "payable on June
1", "have until October 13"); a day with none, or in a range ("from May 1 through June 30": a class period), is
tied to nothing and left to the date check.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import dates_in

__all__ = ["date_roles_read"]

#: Each event a day may be tied to, and the words that tie it: the deadline to join a suit, a suit's filing, a
#: dividend's record and payment days, a meeting or a call. Longest first where one holds another ("record date").
_EVENTS: tuple[tuple[str, str], ...] = (
    ("deadline", r"deadline|no\s+later\s+than|on\s+or\s+before|(?:have|has)\s+until|until|due\s+(?:by|on)|expires?\s+on"),
    ("record", r"record\s+date|of\s+record|record\s+on|record\s+as\s+of"),
    ("payable", r"payable|paid|payment\s+date|pay\s+date|distribution\s+date"),
    ("filed", r"filed|filing|commenced|lodged"),
    ("meeting", r"meeting|conference\s+call|call|webcast|webinar|hearing|presentation|summit|conference|event"),
)
_EVENT = re.compile("|".join(rf"(?P<e{i}>\b(?:{words})\b)" for i, (_, words) in enumerate(_EVENTS)), re.IGNORECASE)
#: What may stand between the event word and its day: a preposition, an article, "is", "set for", up to four words;
#: never a clause's end.
_BETWEEN = re.compile(r"[\s:,-]*(?:[\w'-]+[\s,]+){0,4}?$")
_CLAUSE_END = re.compile(r"[.;!?]\s|\band\b|\bwhile\b|\bwhich\b|\bwho\b", re.IGNORECASE)
#: A day that ends a range: a class period's or an event's several days, tied to no one event.
_RANGE_BEFORE = re.compile(r"\b(?:between|from|through|to|and)\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    r"^,?\s*(?:(?:19|20)\d\d,?\s*)?(?:and|through|to|-|\u2013)\s*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*)",
    re.IGNORECASE,
)


def date_roles_read(headline: str, story: str) -> list[tuple[int, int]]:
    """The spans of ``headline``'s days it ties to an event that the story ties, wherever it writes that day, only
    to events of other kinds."""
    out = []
    story_days: list[tuple[tuple[int, int], list[tuple[int, int]]]] | None = None
    for span, days in dates_in(headline, numeric=False):
        event = _event_of(headline, span)
        if event is None:
            continue
        story_days = story_days if story_days is not None else dates_in(story, numeric=False)
        theirs = [_event_of(story, at) for at, told in story_days if set(days) & set(told)]
        if theirs and all(e is not None and e != event for e in theirs):
            out.append(span)
    return out


def _event_of(text: str, span: tuple[int, int]) -> str | None:
    """The event the day at ``span`` is tied to: the nearest event word before it in its clause."""
    left = text[max(0, span[0] - 60) : span[0]]
    ends = list(_CLAUSE_END.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    if _RANGE_BEFORE.search(left) or _RANGE_AFTER.match(text[span[1] : span[1] + 20]):
        return None
    nearest = None
    for m in _EVENT.finditer(left):
        nearest = m
    if nearest is None or not _BETWEEN.fullmatch(left, nearest.end()):
        return None
    return _EVENTS[int(next(g for g, v in nearest.groupdict().items() if v)[1:])][0]
