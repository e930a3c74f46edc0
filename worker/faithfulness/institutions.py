"""An institution's or a market's other names: a wire headline's "Fed" for a story's "Federal Reserve", "DoJ" for
"the Justice Department", "Wall St" for "U.S. stocks".

Wire headlines (Reuters, Dow Jones, Bloomberg) shorten institutions in ways their stories never write, and no
initials rule reads them: "Fed" spells nothing, "DoJ" stands for a department its story names the other way round.
The name check (worker/faithfulness/grounding.py) flagged these in a review set of wire stories (16 of 75 true
headlines flagged, 5 of them for these words alone). Only the forms below count: "Fed" is no stand-in for any
"federal" ("federal permit"), only for the central bank.
"""

from __future__ import annotations

import re

__all__ = ["WALL_STREET", "other_institution_names", "wall_street_told"]

#: A short form (lower case), then the ways a story may write the institution out (lower case; several words each).
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "fed": ("federal reserve", "fomc", "federal open market committee", "u.s. central bank", "us central bank"),
    "feds": (
        "federal agents",
        "federal authorities",
        "federal officials",
        "federal prosecutors",
        "federal investigators",
        "federal regulators",
        "federal government",
        "federal reserve",
    ),
    "boe": ("bank of england",),
    "boj": ("bank of japan",),
    "boc": ("bank of canada",),
    "pboc": ("people's bank of china", "people\u2019s bank of china"),
    "snb": ("swiss national bank",),
    "rba": ("reserve bank of australia",),
    "rbi": ("reserve bank of india",),
    "doj": ("department of justice", "justice department"),
    "dod": ("department of defense", "defense department", "pentagon"),
    "doe": ("department of energy", "energy department"),
    "dot": ("department of transportation", "transportation department"),
    "dhs": ("department of homeland security", "homeland security department"),
    "hhs": ("department of health and human services", "health and human services department"),
    "ftc": ("federal trade commission",),
    "sec": ("securities and exchange commission",),
    "cftc": ("commodity futures trading commission",),
    "fdic": ("federal deposit insurance corporation", "federal deposit insurance corp"),
    "imf": ("international monetary fund",),
    "opec": ("organization of the petroleum exporting countries",),
}

#: "Wall St" or "Wall St.": the U.S. stock market, as a wire headline names it ("Wall St ends lower").
WALL_STREET = re.compile(r"\bWall\s+St\b\.?")
#: A story that tells of the U.S. stock market: by that name, its indexes or its exchanges.
_WALL_STREET_TOLD = re.compile(
    r"\b(?:Wall\s+St(?:reet)?|U\.?S\.?\s+(?:stocks?|shares|equities|stock\s+(?:market|index|indexes|indices)(?:\s+futures)?)|"
    r"Dow(?:\s+Jones)?|S&P\s*500|Nasdaq|NYSE|New\s+York\s+Stock\s+Exchange)\b",
    re.IGNORECASE,
)


def other_institution_names(word: str) -> tuple[str, ...]:
    """The ways a story may write out the institution a headline shortens to ``word`` ("Fed", "BoE"), or ()."""
    return _SHORT_FORMS.get(word.lower(), ())


def wall_street_told(story: str) -> bool:
    """Whether ``story`` tells of the U.S. stock market, which a headline's "Wall St" names."""
    return _WALL_STREET_TOLD.search(story) is not None
