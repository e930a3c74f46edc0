"""A record or a first is a claim of its own: "Wins Record $780 Million Contract" over a story that never calls it one.

"Record", "All-Time High", "Largest-Ever", "First-Ever", "World's First" and "First Membrane to Win" are common words
the word check leaves alone, and what they are said of is in the story, so a superlative the story never makes passed
every check. It is unsupported when the story has no word of its kind anywhere:

- a record ("Record", "Record-Breaking", "Record High", "All-Time High", "Best-Ever", "Largest-Ever"): a record
  told as one ("record", "all-time", "best-ever", "in its history", "historic", "never before", "for the first
  time", "previous high", "new highs", "since the series began", "its largest", "the highest since 2008"), not a
  superlative of others' ("the world's largest suppliers") nor "milestone" or "unprecedented";
- a first ("First-Ever", "World's First", "Industry-First", "Becomes First Membrane to Win"): a first told as one
  ("first-ever", "first of its kind", "the world's first", "the first", "for the first time", other than a period's
  or a step's: "the first quarter", "the first patient", "the first tranche"), "the only", "never before",
  "pioneer", "inaugural", "debut", "initiates". "Unique", "novel" and "groundbreaking" are no first, nor a "first"
  of another sense ("customer-first", "first-time buyers", "at first glance"). A step's "first" in the headline
  claims nothing either ("Completes First Phase of Expansion to Double Capacity").

The story is read as a whole, not for what the word is said of: a record of another thing spares the headline. A
headline's "Record" that is a verb ("Funds Record Weekly Outflows", "Expects to Record a Gain") or a noun of another sense ("Record Date", "Track
Record", "Holders of Record") claims nothing.
"""

from __future__ import annotations

import re

__all__ = ["superlatives_read"]

#: Verbs a headline puts before a record ("Posts Record Revenue"): a plural noun ending in "s" before "Record" is
#: otherwise its subject, and "Record" the verb ("Investors Record Gains").
_VERBS_BEFORE = (
    r"posts|reports|hits|sets|achieves|sees|delivers|announces|shows|reaches|notches|logs|marks|hails|celebrates|"
    r"touches|drives|generates|breaks|smashes|expects|eyes|targets|forecasts|projects|anticipates|wins|secures|lands|"
    r"books|clinches|signs|receives|earns|gets|claims|scores|bags|nets|inks|awards|raises|closes|completes|launches|"
    r"records|enjoys|attracts|draws|welcomes|ships|sells|produces|processes|is|was|as|its|has"
)
_RECORD = re.compile(
    # "On Record", "of Record", "Track Record", "Off the Record", "the Record" (a noun: "Sets the Record Straight"), "its
    # 2021 Record" (a level once reached, not a new one)
    r"(?<!\bon\s)(?<!\bof\s)(?<!\btrack\s)(?<!\boff\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?<!\b(?:19|20)\d\d\s)"
    # "to Record", "Will Record": the verb ("Expects to Record $20 Million Gain")
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bmay\s)(?<!\bcould\s)(?<!\bwould\s)(?<!\bshould\s)"
    r"\b(?:record(?:[\s-](?:breaking|setting|high|highs|low|lows|levels?))?|all[\s-]time\s+(?:high|highs|low|lows|record)|"
    r"best[\s-]ever|largest[\s-]ever|biggest[\s-]ever|highest[\s-]ever)\b"
    r"(?!\s+(?:date|label|labels|holders?|keeping|store|stores|company|producer|deal|player)\b)",
    re.IGNORECASE,
)
_PLURAL_SUBJECT_BEFORE = re.compile(rf"\b(?!(?:{_VERBS_BEFORE})\b)[A-Za-z]+[a-rt-z]s\s+$", re.IGNORECASE)
#: A record told in the story: "record" (not "track record", "holders of record"), "all-time", "best-ever", "the
#: highest ... ever", "in its history", "historic", "never before", "for the first time", "previous high", "new highs",
#: "new benchmarks", "since the series began", a superlative of the company's own ("its largest", "our best") or
#: one held up to a time ("the highest since 2008", "the largest to date"). Not a superlative of others ("the world's
#: largest suppliers"), "milestone", "surpassing" or "unprecedented efficiency": a thing can be all of those and no
#: record.
_SUPERLATIVE = r"(?:best|highest|largest|biggest|strongest|greatest|lowest|smallest|fewest)"
_RECORD_TOLD = re.compile(
    r"(?<!\bof\s)(?<!\btrack\s)\brecord(?:s|[\s-]breaking|[\s-]setting)?\b(?!\s+(?:date|holders?|keeping|labels?)\b)|"
    rf"\ball[\s-]time\b|\b(?:{_SUPERLATIVE}|most\s+\w+)[\s-]+(?:\w+\s+){{0,3}}?ever\b|\bthan\s+ever\b|"
    r"\bin\s+(?:(?:its|our|their|the|his|her)\s+)?(?:[\w'\u2019-]+\s+){0,3}?history\b|\bhistoric\b|\bnever\s+before\b|"
    r"\bfor\s+the\s+first\s+time\b|\bprevious\s+(?:closing\s+|all[\s-]time\s+)?(?:high|record|best|peak)\b|"
    r"\b(?:new|fresh)\s+(?:highs?|lows?|peaks?|benchmarks?)\b(?!-)|\bsince\s+(?:the\s+)?(?:data\s+)?series\s+began\b|"
    rf"\b(?:its|our|their|the\s+(?:company|firm|bank|group)['\u2019]s)\s+(?:\w+\s+){{0,2}}?(?:{_SUPERLATIVE}|peak)\b|"
    rf"\b{_SUPERLATIVE}\s+(?:\w+\s+){{0,4}}?(?:since|to\s+date|yet|on\s+record)\b",
    re.IGNORECASE,
)
#: What "first" is of when it is a period's or a step's, no claim of being first: "First Quarter", "First Patient".
_STEP = (
    r"(?![\s-]+(?:quarter|half|fiscal|nine|six|three|two|time\s+since|day|week|month|year|round|phase|patient|tranche|"
    r"closing|shipment|stage|step|deliver\w*|lien)\b)"
)
#: A first claimed: "First-Ever", "World's First", "Industry-First", and being the first to do a thing ("Becomes First
#: Membrane to Win", "Is the First Bank to Offer"; not "Completes First Phase of Expansion to Double Capacity").
_FIRST = re.compile(
    rf"\bfirst[\s-]ever\b|\b(?:world|nation|country|industry|america|europe|asia|africa|canada|india|china|uk|us)['\u2019]?s\s+first\b{_STEP}|"
    rf"\bindustry[\s-]first\b|\b(?:becomes?|became|is|was|as)\s+(?:the\s+)?(?P<to>first\b{_STEP}\s+(?:\w+\s+){{0,3}}to\s+(?!be\s+held)[A-Za-z]+)",
    re.IGNORECASE,
)
#: A first told in the story: "first-ever", "first of its kind", "the world's first", "the first bank to", "for the
#: first time", "the only", "never before", "pioneered", "inaugural", "debut", "initiated". Not a "first" in a compound
#: or a phrase of another sense ("customer-first", "first-time buyers", "first aid", "at first glance", "first-party
#: data"), nor "not only", "unique", "novel" or "groundbreaking", which say a thing is new or unusual, not the first.
_FIRST_TOLD = re.compile(
    r"\bfirst[\s-](?:ever|of[\s-]its[\s-]kind|in[\s-](?:class|kind|the\s+(?:world|nation|country|industry|market))|"
    r"to[\s-]market)\b|"
    r"\b(?:world|nation|country|industry|market|america|europe|asia|africa|canada|india|china|state|region|area|city)"
    r"['\u2019]?s?[\s-]+first\b|"
    rf"(?:\b(?:the|its|their|our|his|her|a)|['\u2019]s)\s+(?:very\s+)?first\b(?!-)(?!\s+(?:glance|place|notice|aid)\b){_STEP}|"
    r"\bfirst\s+(?:time|of\s+(?:its|their)|such)\b|\b(?:the|its|their|our)\s+only\b|\bnever\s+(?:before|been)\b|"
    r"\b(?:pioneer\w*|inaugural|debut\w*|unprecedented|initiat(?:e[sd]?|ing|ion))\b",
    re.IGNORECASE,
)


def superlatives_read(headline: str, story: str) -> list[tuple[int, int]]:
    """Spans of ``headline``'s records and firsts of a kind the story never claims.

    >>> superlatives_read("Acme Wins Record $78 Million Contract", "Acme won a $78 million contract, its fiscal first.")
    [(10, 16)]
    >>> superlatives_read("Acme Posts Record Revenue", "Revenue rose to its highest level in company history.")
    []
    """
    out = []
    records = [m for m in _RECORD.finditer(headline) if not _PLURAL_SUBJECT_BEFORE.search(headline[: m.start()])]
    if records and not _RECORD_TOLD.search(story):
        out += [m.span() for m in records]
    firsts = list(_FIRST.finditer(headline))
    if firsts and not _FIRST_TOLD.search(story):
        out += [m.span("to") if m["to"] else m.span() for m in firsts]
    return out
