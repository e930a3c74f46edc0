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
#: Superlatives a record is told with ("the highest quarterly revenue", "the most since 2012").
_SUPERLATIVE = r"(?:best|highest|largest|biggest|strongest|greatest|lowest|smallest|fewest|fastest|most|top)"
#: Whose superlative is no record of the company's own: "the world's largest suppliers", "the nation's biggest banks".
_OTHERS = r"(?:world|nation|country|industry|market|globe|america|europe|asia|africa|region|state|city|area|sector)"
#: A record told in the story, each way it is told; not "track record", "holders of record", a superlative of others,
#: "milestone", "surpassing" or "unprecedented efficiency" (a thing can be all of those and no record).
_RECORD_TOLD = re.compile(
    "|".join(
        (
            r"(?<!\bof\s)(?<!\btrack\s)\brecord(?:s|[\s-]breaking|[\s-]setting)?\b(?!\s+(?:date|holders?|keeping|labels?)\b)",
            r"\ball[\s-]time\b|\btop[\s-]ever\b|\bthan\s+ever\b|\bhistoric\b",
            r"\b(?:company|firm|career|franchise|season)[\s-](?:best|high|record)s?\b",  # "a company-best result"
            rf"\b{_SUPERLATIVE}\b(?:[\s-]+[\w'\u2019-]+){{0,8}}?[\s-]+ever\b",  # "the largest contract it has ever won"
            r"\bnever\s+(?:been\s+)?(?:higher|lower|stronger|better|bigger|greater|larger|more)\b",
            r"\bnever[\s-](?:\w+[\s-])?before\b",  # "never before", "a level never reached before"
            r"\bin\s+(?:(?:its|our|their|the|his|her)\s+)?(?:[\w'\u2019-]+\s+){0,3}?history\b",
            # "in the shipbuilder's 90 years", "in its 300-year existence"
            r"\bin\s+(?:its|our|their|the\s+[\w-]+['\u2019]s|[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,2}?(?:years?|existence)\b",
            # "for the first time", "marks the first time revenue topped": not "the first time since 2019"
            r"\bthe\s+first\s+time\b(?!\s+(?:since|in\s+(?:a|\d|over|more|nearly|almost|several|many)))",
            r"\b(?:previous|prior|former)\s+(?:closing\s+|all[\s-]time\s+|quarterly\s+|annual\s+)?(?:high|record|best|peak)s?\b",
            r"\b(?:any|all|every)\s+(?:prior|previous|earlier)\s+(?:quarters?|years?|months?|periods?|seasons?)\b",
            r"\b(?:new|fresh)\s+(?:[\w-]+\s+)?(?:highs?|lows?|peaks?|benchmarks?)\b(?!-)",  # "a new quarterly high"
            r"\bsince\s+(?:the\s+)?(?:data\s+)?series\s+began\b",
            # a superlative of the company's own: "its largest", "Iroko's largest order", "the lender's biggest"
            rf"\b(?:its|our|their|(?!{_OTHERS}['\u2019])[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SUPERLATIVE}|peak)\b",
            # one held up to a time: "the highest since 2008", "the largest to date", "the lowest in more than 50 years"
            rf"\b{_SUPERLATIVE}\s+(?:[\w'\u2019-]+\s+){{0,6}}?(?:since|to\s+date|yet|on\s+record|"
            r"in\s+(?:(?:more\s+than|over|nearly|almost|at\s+least)\s+)?(?:a|an|\d+|\w+)\s+(?:decades?|years?|months?))\b",
            # "the largest single order Iroko has received", "the best quarter the company has had"
            rf"\b{_SUPERLATIVE}\s+(?:[\w-]+\s+){{0,3}}?(?:that\s+)?(?:the\s+)?[\w'\u2019-]+\s+(?:has|have|had)\s+"
            r"(?:ever\s+)?(?:been\s+)?(?:received|had|won|achieved|reported|recorded|posted|delivered|signed|secured|seen|"
            r"awarded|made|booked|closed|raised|completed|generated|earned)\b",
        )
    ),
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
#: People a "first-time" names, no first: "first-time buyers", "a first-time founder".
_FIRST_TIMERS = (
    r"(?:home\s*)?buyers?|homebuyers?|users?|customers?|visitors?|attendees?|investors?|founders?|participants?|guests?|"
    r"clients?|parents?|managers?|voters?|applicants?|players?|patients?|students?|owners?|entrepreneurs?|exhibitors?|"
    r"filers?|renters?|borrowers?|drivers?|donors?|travell?ers?|authors?|moms?|dads?|mothers?|fathers?|winners?|"
    r"nominees?|candidates?|directors?|novelists?|runners?|callers?"
)
#: A first told in the story, each way it is told. Not a "first" in a compound or a phrase of another sense
#: ("customer-first", "first-time buyers", "first aid", "at first glance", "first-party data", "the first 500
#: buyers"), nor "not only", "unique", "novel", "groundbreaking" or "unprecedented", which say a thing is new or
#: unusual, not the first.
_FIRST_TOLD = re.compile(
    "|".join(
        (
            r"\bfirst[\s-](?:ever|to[\s-]market)\b|\bfirst[\s-]of[\s-](?:its|their|a|the)[\s-]kind\b",
            r"\bfirst[\s-]in[\s-](?:class|kind|(?:the[\s-])?[\w.]+)\b",  # "first-in-class", "first-in-the-nation"
            r"\b(?:world|industry|global|nation|market|sector|category)[\s-]first\b",  # "the world-first ferry"
            rf"\bfirst[\s-]time\s+(?!{_FIRST_TIMERS})[a-z]",  # "a first-time partnership"
            # "the world's first", "Texas' first", "a UK first", "a first for the company"
            r"['\u2019]s?\s+first\b(?!-)(?!\s+\d[\d,]*\s)",
            r"\ban?\s+(?:[\w.'\u2019-]+\s+){0,2}?first\b(?=\s*[,.;:)!\u2014\u2013]|\s+(?:for|in|of|among)\b)",
            # "the first bank to", "its first mobile app", "for the first time": not a period's, a step's or a count's
            rf"\b(?:the|its|their|our|his|her)\s+(?:very\s+)?first\b(?!-)(?!\s+(?:glance|place|notice|aid|time\s+since)\b)(?!\s+\d[\d,]*\s){_STEP}",
            r"\b(?:is|was|be|been|became|becomes|becoming|being|are|were)\s+first\b",  # "was first to cover"
            r"\bfirst\s+(?:of\s+(?:its|their)|such)\b",
            r"(?:\b(?:the|its|their|our)|['\u2019]s)\s+(?:only|sole)\b",  # "the world's only", "the sole such device"
            r"\bnever[\s-](?:before|been)\b|\bnot\s+(?:\w+\s+)?previously\b|\bno\s+other\b",
            r"\b(?:pioneer\w*|inaugural|debut\w*|initiat(?:e[sd]?|ing|ion))\b",
        )
    ),
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
