"""An officer's title is a fact: "Names Jane Doe CFO" over a story that makes her chief executive.

A title is made of common words ("Chief", "Financial", "President") and its initials of capitals the name check
leaves alone as common acronyms, so a headline that changes one title for another passed every word check. A
title in a headline is unsupported when the story never writes it in any of its forms:

- initials ("CFO", "Co-CEO", "CEOs") or "Chief <Area> Officer" stand for each other, and for "chief <area>"
  without "officer" ("chief executive Jane Doe"), and in a web address's slug ("...-new-owner-and-ceo-of-..."); initials are spelled out letter by letter, so "CMO" is any
  chief officer whose area starts with M (marketing or medical): the initials do not tell which;
- "President" needs a president who is no vice president ("Vice President", "SVP" are the vice's own forms);
- "Chairman", "Chairwoman", "Chairperson" and "Chair" stand for each other; "to Chair" is the verb.

Who holds the title is not read here (``parties.py`` reads a title given to the wrong one of two names): a story
that has the title at all supports it.
"""

from __future__ import annotations

import re

__all__ = ["title_pattern", "unsupported_titles"]

#: Officer initials: C, one to three capitals, O ("CEO", "CHRO", "CISO"); a co-holder's and a plural's too. Not
#: "CXO", any officer.
_INITIALS = r"(?:Co-)?C(?!XO)[A-Z]{1,3}Os?"
_HEADLINE_TITLE = re.compile(
    rf"(?<![\w-])(?:(?P<initials>{_INITIALS})"
    r"|(?P<chief>(?i:chief)\s+(?:[A-Za-z&-]+\s+){1,3}?(?i:officer)s?)"
    r"|(?P<chief_short>(?i:chief)\s+(?:Executive|Financial|Operating|Technology)(?!\s+(?i:officer)))"
    r"|(?P<president>(?<![Vv]ice[\s-])(?<![Vv]ice\s\s)(?:Co-)?President)"
    r"|(?P<chair>(?<!\bto\s)(?<!\bwill\s)(?:Co-)?Chair(?:man|woman|person)?))(?![\w-])"
)
#: A story's president who is no vice president: not "Vice President", "Vice-President", "vice president".
_PRESIDENT = re.compile(r"(?<![Vv]ice[\s-])(?<!VICE[\s-])\bpresident", re.IGNORECASE)
_CHAIR = re.compile(r"\bchair(?:man|men|woman|women|person|persons)?\b|\bchaired\b", re.IGNORECASE)


def unsupported_titles(headline: str, story: str) -> list[tuple[tuple[int, int], bool]]:
    """Each officer title of ``headline`` (its span) and whether ``story`` writes that title in any of its forms.

    >>> unsupported_titles("Acme Names Jane Doe CFO", "Acme named Jane Doe chief executive officer.")
    [((20, 23), False)]
    >>> unsupported_titles("Acme Names Jane Doe Chief Executive", "Jane Doe, Acme's CEO, said ...")
    [((20, 35), True)]
    """
    out = []
    for m in _HEADLINE_TITLE.finditer(headline):
        if m["president"]:
            supported = _PRESIDENT.search(story) is not None
        elif m["chair"]:
            supported = _CHAIR.search(story) is not None
        else:
            words = re.findall(r"[A-Za-z&]+", m[0])
            if m["initials"]:
                initials = re.sub(r"^Co-|s$", "", m[0])
            else:  # "Chief Financial Officer", "Chief Executive": its initials, "CFO", "CEO"
                initials = (
                    "C"
                    + "".join(w[0].upper() for w in words[1:] if w.lower() not in ("officer", "officers", "&", "and", "of"))
                    + "O"
                )
            supported = _officer_pattern(initials).search(story) is not None
        out.append((m.span(), supported))
    return out


def title_pattern(words: list[str]) -> re.Pattern[str]:
    """A title as written, or by its initials ("CTO"), or spelled out from them ("CEO": "Chief Executive Officer")."""
    forms = [r"\s+".join(re.escape(w) for w in words)]
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) >= 2 and all(w.isalpha() and not w.isupper() for w in capitals):
        forms.append("".join(w[0] for w in capitals))
    if len(words) == 1 and words[0].isupper() and words[0].isalpha() and 2 <= len(words[0]) <= 5:
        forms.append(r"\s+".join(rf"{c}\w*" for c in words[0]))
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)


def _officer_pattern(initials: str) -> re.Pattern[str]:
    """An officer's title from its initials: them, or "chief" and the words they stand for, with or without
    "officer" ("CFO", "Chief Financial Officer", "chief financial"), in any case, singular or plural."""
    area = r"[\s-]+(?:(?:and|&|of)[\s-]+)?".join(rf"{c}[a-z]*" for c in initials[1:-1])
    return re.compile(rf"\b(?:{initials}|chief[\s-]+{area})s?\b", re.IGNORECASE)
