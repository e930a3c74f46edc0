"""Times of day: "8pm", "8 PM", "8:00 p.m.", "7.30pm", "noon" are one fact, however written.

The number check reads "8pm" as a code the story must have letter for letter, and "7:30 PM" as the numbers 7 and 30;
a story that writes "8 PM" or "7:30pm" then fails a true headline (a show's times, a webcast's start).
"""

from __future__ import annotations

import re

__all__ = ["ClockTime", "clock_times"]

#: (hour 1-12, minute, "a" or "p")
ClockTime = tuple[int, int, str]

_CLOCK = re.compile(
    r"(?<![\w:.,$])(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5][0-9]))?\s?(?P<half>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z])"
    # "5 AM radio stations" is a band, no time
    r"(?!\s+(?:radio|stations?|band|frequenc))"
    r"|\b(?P<noon>noon|midday|midnight)\b",
    re.IGNORECASE,
)


def clock_times(text: str, words: bool = True) -> list[tuple[tuple[int, int], ClockTime]]:
    """Each time of day in ``text`` with its span: "8pm" -> (8, 0, "p"); "noon" -> (12, 0, "p") unless not ``words``
    (a headline's "Midday Trading" states no time)."""
    out = []
    for m in _CLOCK.finditer(text):
        if m["noon"] and not words:
            continue
        if m["noon"]:
            time: ClockTime = (12, 0, "a" if m["noon"].lower() == "midnight" else "p")
        else:
            time = (int(m["hour"]), int(m["minute"] or 0), m["half"].lower())
        out.append((m.span(), time))
    return out
