"""An ordinal a headline writes in digits ("18th Annual Gala") is one its story gives as an ordinal.

The number check finds 18 anywhere: "18th Annual Gala" passed over a story of the 17th annual gala held "on
Oct. 18", and "37th Annual Seminar" over one whose only 37 stood in a web address's hash. An ordinal counts
something (the how-manieth gala, generation, round, straight quarter), so a story that gives the count gives
the ordinal itself: in digits ("18th", "18 th" where a scrape split a superscript), in words ("eighteenth",
"twenty-first"), as a rank ("#43", "No. 43", "number one") or, for an anniversary, in years ("11 years", "ten
years"); a story's day of a month ("the 18th of October") counts none. A day of a month in the headline ("April
26th", "on the 26th") is a date, the date rules' to read.

An ordinal in words ("Third Straight Quarter", "Fourth Studio Album") is read more loosely, as stories tell a count
in many ways ("into second place" for "Second Leading Cause"): it is unsupported only where the story never writes
that ordinal and gives the same thing another one ("its third studio album").
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import dates_in, stem

__all__ = ["ordinal_words_told_otherwise", "ordinals_told_otherwise"]

_ORDINAL = re.compile(r"(?<![\w.,$])(?P<n>\d{1,4})(?:st|nd|rd|th)\b", re.IGNORECASE)
#: A suffix as stories write it: "18th", "18 th", "18<sup>th</sup>", "18ᵗʰ".
_SUFFIX = r"\s?(?:<sup>)?(?:st|nd|rd|th|ˢᵗ|ⁿᵈ|ʳᵈ|ᵗʰ)"
_ANNIVERSARY = re.compile(r"\s+anniversary\b", re.IGNORECASE)
#: "on the 26th", "Thursday the 5th": a day whose month the headline leaves out (nothing counted follows it).
_DAY_ALONE = re.compile(r"(?<=\bthe\s)(?P<n>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?!of\b)[A-Za-z])", re.IGNORECASE)
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TENTHS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()


def _in_words(n: int, units: list[str], teens: list[str], tenths: list[str]) -> str | None:
    """``n`` in words, one to ninety-nine, a hyphen or a space between ("twenty[- ]first"); None past that."""
    if 1 <= n <= 9:
        return units[n - 1]
    if 10 <= n <= 19:
        return teens[n - 10]
    if 20 <= n <= 99:
        tens, unit = divmod(n, 10)
        return tenths[tens - 2] if unit == 0 else rf"{_TENS[tens - 2]}[\s-]{units[unit - 1]}"
    return None


def _ordinal_in_words(n: int) -> str | None:
    return _in_words(n, _UNITS, _TEENS, _TENTHS)


def _cardinal_in_words(n: int) -> str | None:
    return _in_words(n, _CARDINALS[:9], _CARDINALS[9:], _TENS)


def ordinals_told_otherwise(headline: str, story: str) -> list[tuple[int, int]]:
    """The spans of the headline's ordinals in digits that the story never gives as ordinals (dates left out)."""
    found = list(_ORDINAL.finditer(headline))
    if not found:
        return []
    dated = [span for span, _ in dates_in(headline, numeric=False)]
    dated += [m.span() for m in _DAY_ALONE.finditer(headline)]
    # The story's days of a month count no ordinal: "the 18th of October" is no 18th gala.
    story_days = [span for span, _ in dates_in(story)]
    out = []
    for m in found:
        if any(a <= m.start() < b for a, b in dated):
            continue
        n = int(m["n"])
        digits = re.sub(r"(?<=\d)(?=(?:\d{3})+$)", ",?", str(n))  # "1,000th" for "1000th"
        told = [rf"(?<![\w.,$]){digits}{_SUFFIX}\b", rf"(?:#|\bno\.?\s?|\bnumber\s){digits}(?!\d)"]
        words, count = _ordinal_in_words(n), _cardinal_in_words(n)
        told += [rf"\b{words}\b"] if words else []
        told += [rf"\bnumber\s{count}\b"] if count else []  # "ranked number one"
        if _ANNIVERSARY.match(headline, m.end()):  # "11 Years of Service", "ten years" for "11th Anniversary"
            told += [rf"(?<![\w.,$]){digits}[\s-]years?\b"] + ([rf"\b{count}[\s-]years?\b"] if count else [])
        pattern = re.compile("|".join(told), re.IGNORECASE)
        if not any(not any(a <= t.start() < b for a, b in story_days) for t in pattern.finditer(story)):
            out.append(m.span())
    return out


_ORDINAL_WORDS = {word: n for n, word in enumerate(_UNITS, start=1) if n >= 2} | {"tenth": 10}
#: An ordinal word and the word it counts: "Third Straight", "Fourth Studio" (first is too loose: "First-Ever").
_ORDINAL_WORD = re.compile(rf"\b(?P<ordinal>{'|'.join(_ORDINAL_WORDS)})[\s-]+(?P<word>[A-Za-z]{{3,}})", re.IGNORECASE)
_ANY_ORDINAL = rf"(?:{'|'.join(_UNITS + _TEENS)}|\d+\s?(?:st|nd|rd|th))"


def ordinal_words_told_otherwise(headline: str, story: str) -> list[tuple[int, int]]:
    """The spans of the headline's ordinals in words ("Fourth Studio Album") that the story never writes, giving the
    same thing another ordinal instead ("its third studio album")."""
    out = []
    for m in _ORDINAL_WORD.finditer(headline):
        n = _ORDINAL_WORDS[m["ordinal"].lower()]
        if re.search(rf"\b{m['ordinal']}\b|(?<![\w.,$]){n}\s?(?:st|nd|rd|th)\b", story, re.IGNORECASE):
            continue
        counted = re.escape(stem(m["word"].lower())[:5])
        if re.search(rf"\b{_ANY_ORDINAL}\b(?:[\s-]+[\w'’-]+){{0,3}}?[\s-]+{counted}", story, re.IGNORECASE):
            out.append(m.span("ordinal"))
    return out
