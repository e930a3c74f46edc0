"""An ordinal a headline writes in digits ("18th Annual Gala") is one its story gives as an ordinal.

The number check finds 18 anywhere: "18th Annual Gala" passed over a story of the 17th annual gala held "on
Oct. 18", and "37th Annual Seminar" over one whose only 37 stood in a web address's hash. An ordinal counts
something (the how-manieth gala, generation, round, straight quarter), so a story that gives the count gives
the ordinal itself: in digits ("18th", "18 th" where a scrape split a superscript), in words ("eighteenth",
"twenty-first"), as a rank ("#43", "No. 43") or, for an anniversary, in years ("11 years"). A day of a month ("April 26th") is a date, the date rules' to read.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import dates_in

__all__ = ["ordinals_told_otherwise"]

_ORDINAL = re.compile(r"(?<![\w.,$])(?P<n>\d{1,4})(?:st|nd|rd|th)\b", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"\s+anniversary\b", re.IGNORECASE)
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TENTHS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()


def _in_words(n: int) -> str | None:
    """The ordinal's words, one to ninety-nine, a hyphen or a space between ("twenty[- ]first"); None past that."""
    if 1 <= n <= 9:
        return _UNITS[n - 1]
    if 10 <= n <= 19:
        return _TEENS[n - 10]
    if 20 <= n <= 99:
        tens, unit = divmod(n, 10)
        return _TENTHS[tens - 2] if unit == 0 else rf"{_TENS[tens - 2]}[\s-]{_UNITS[unit - 1]}"
    return None


def ordinals_told_otherwise(headline: str, story: str) -> list[tuple[int, int]]:
    """The spans of the headline's ordinals in digits that the story never gives as ordinals (dates left out)."""
    found = list(_ORDINAL.finditer(headline))
    if not found:
        return []
    dated = [span for span, _ in dates_in(headline, numeric=False)]
    out = []
    for m in found:
        if any(a <= m.start() < b for a, b in dated):
            continue
        n = int(m["n"])
        words = _in_words(n)
        # A rank as a number ("ranks as the #43 agent", "No. 43"); an anniversary's count in years ("11 Years of
        # Service" for "11th Anniversary").
        told = rf"(?<![\w.,$]){n}\s?(?:st|nd|rd|th)\b|(?:#|\bno\.\s?|\bnumber\s){n}(?!\d)" + (rf"|\b{words}\b" if words else "")
        if _ANNIVERSARY.match(headline, m.end()):
            told += rf"|(?<![\w.,$]){n}[\s-]years?\b"
        if not re.search(told, story, re.IGNORECASE):
            out.append(m.span())
    return out
