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

#: A short form as headlines write it (in capitals too: "FED", "BOE"), then the ways a story may write the
#: institution out (lower case; several words each). Matched as written: "Dot" is no Department of Transportation.
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "Fed": ("federal reserve", "fomc", "federal open market committee", "u.s. central bank", "us central bank"),
    "Feds": (
        "federal agents",
        "federal authorities",
        "federal officials",
        "federal prosecutors",
        "federal investigators",
        "federal regulators",
        "federal government",
    ),
    "BoE": ("bank of england",),
    "BoJ": ("bank of japan",),
    "BoC": ("bank of canada",),
    "PBoC": ("people's bank of china", "people\u2019s bank of china"),
    "SNB": ("swiss national bank",),
    "RBA": ("reserve bank of australia",),
    "RBI": ("reserve bank of india",),
    "DoJ": ("department of justice", "justice department"),
    "DoD": ("department of defense", "defense department", "pentagon"),
    "DoE": ("department of energy", "energy department"),
    "DoT": ("department of transportation", "transportation department"),
    "DHS": ("department of homeland security", "homeland security department"),
    "HHS": ("department of health and human services", "health and human services department"),
    "FTC": ("federal trade commission",),
    "SEC": ("securities and exchange commission",),
    "CFTC": ("commodity futures trading commission",),
    "FDIC": ("federal deposit insurance corporation", "federal deposit insurance corp"),
    "IMF": ("international monetary fund",),
    "OPEC": ("organization of the petroleum exporting countries",),
}
_WRITTEN = {form: names for short, names in _SHORT_FORMS.items() for form in (short, short.upper())}

#: "Wall St" or "Wall St.": the U.S. stock market, as a wire headline names it ("Wall St ends lower").
WALL_STREET = re.compile(r"\bWall\s+St\b\.?")
#: A story that tells of the U.S. stock market: by that name or its indexes (not a bare "Dow" or "Nasdaq", which a
#: company's name or another market's story may write).
_WALL_STREET_TOLD = re.compile(
    r"\b(?:Wall\s+St(?:reet)?|U\.?S\.?\s+(?:stocks?|shares|equities|stock\s+(?:market|index|indexes|indices)(?:\s+futures)?)|"
    r"Dow\s+Jones|Dow\s+industrials|S&P\s*500|Nasdaq\s+Composite)\b",
    re.IGNORECASE,
)


def other_institution_names(word: str) -> tuple[str, ...]:
    """The ways a story may write out the institution a headline shortens to ``word`` ("Fed", "BoE"), or ()."""
    return _WRITTEN.get(word, ())


def wall_street_told(story: str) -> bool:
    """Whether ``story`` tells of the U.S. stock market, which a headline's "Wall St" names."""
    return _WALL_STREET_TOLD.search(story) is not None
