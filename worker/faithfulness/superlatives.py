"""A record or a first is a claim of its own: "Wins Record $780 Million Contract" over a story that never calls it one.

"Record", "All-Time High", "Largest-Ever", "First-Ever", "World's First" and "First Membrane to Win" are common words
the word check leaves alone, and what they are said of is in the story, so a superlative the story never makes passed
every check. It is unsupported when the story has no word of its kind anywhere:

- a record ("Record", "Record-Breaking", "Record High", "All-Time High", "Best-Ever", "Lifetime High"): a record
  told as one ("record", "all-time", "best-ever", "in its history", "a historic surge", "never before", "for the
  first time", "the previous high", "the old attendance mark", "a new quarterly high", "its largest", "the largest
  contract the company has ever won", "the highest since 2008", "the lowest in more than 50 years"); not a record of
  another sense ("regulatory records", "on the record", "a strong record of paying"), a superlative of others' ("the
  world's largest suppliers"), a high of a short span ("a new 52-week high", "the highest since March"),
  "milestone" or "unprecedented efficiency";
- a first ("First-Ever", "World's First", "Industry-First", "Becomes First Membrane to Win"): a first told as one
  ("first-ever", "first of its kind", "first-in-the-nation", "the world's first", "a UK first", "is first in the
  U.S.", "for the first time", "the only", "the lone", "until now", "no U.S. bank has ever", "a maiden estimate",
  "an initial dividend", "pioneered", "inaugural", "debut"); not a period's, a step's or a name's "first" ("the first
  quarter", "the first patient", "the first floor", "First Republic"), "first-time buyers", "first and foremost",
  "the only question", "the sole bookrunner", nor "unique", "novel" and "groundbreaking", which say a thing is new,
  not the first. A step's "first" in the headline claims nothing either ("Completes First Phase of Expansion to
  Double Capacity"), nor a name after "as" ("Stocks Rise as First Solar Plans to Expand").

The story is read as a whole, not for what the word is said of: a record of another thing spares the headline. A
headline's "Record" that is a verb ("Funds Record Weekly Outflows", "Expects to Record a Gain"; but "Shares Soar to
Record" is the noun) or a noun of another sense ("Record Date", "Track Record", "Safety Record", "Record-Keeping")
claims nothing.
"""

from __future__ import annotations

import re

from worker.faithfulness.places import PLACE_WORDS

__all__ = ["superlatives_read"]


def _not_after(words: str) -> str:
    """Lookbehinds that keep a match from following any of ``words`` (each a fixed width, as lookbehinds must be)."""
    return "".join(rf"(?<!\b{w}\s)" for w in words.split())


#: Records of another sense, kept the same in headlines and stories: "Safety Record", "medical records".
_RECORD_KINDS = "safety court health medical public police criminal patient dental"

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
    # 2021 Record" (a level once reached, not a new one); a record of another sense ("Safety Record", "Court Record")
    # or one of many ("One Record at a Time"); "Will Record", the verb ("Will Record $20 Million Gain"; "to Record" is
    # read in superlatives_read)
    r"(?<!\b(?:19|20)\d\d\s)"
    + _not_after("on of track off the its their will may could would should")
    + _not_after(f"{_RECORD_KINDS} voting service driving one each every per")
    + r"\b(?:record(?:[\s-](?:breaking|setting|high|highs|low|lows|levels?))?|all[\s-]time\s+(?:high|highs|low|lows|record)|"
    r"lifetime\s+(?:high|highs|low|lows)|best[\s-]ever|[a-z]+est[\s-]ever)\b"
    r"(?![\s-]+(?:date|label|labels|holders?|keeping|keeper|store|stores|company|producer|deal|player|straight|"
    r"platform|system|request)\b)",
    re.IGNORECASE,
)
#: "to Record" is the verb ("Expects to Record $20 Million Gain") unless a climb goes to it ("Shares Soar to Record").
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_CLIMB_TO_BEFORE = re.compile(
    r"\b(?:soar|soars|soared|rise|rises|rose|climb|climbs|climbed|jump|jumps|jumped|surge|surges|surged|rally|rallies|"
    r"advance|advances|grow|grows|up)\s+to\s+$",
    re.IGNORECASE,
)
#: What ends a noun's "Record" after a plural ("Sets Sales Record", "Posts Deposits Record in Q3"): the verb takes an
#: object ("Investors Record Gains").
_NOUN_ENDS = re.compile(r"\s*(?:$|[,;:.!?\u2014\u2013|]|-\s|\s(?:in|for|as|on|at|with|amid|after|despite|of)\b)", re.IGNORECASE)
_PLURAL_SUBJECT_BEFORE = re.compile(rf"\b(?!(?:{_VERBS_BEFORE})\b)[A-Za-z]+[a-rt-z]s\s+$", re.IGNORECASE)
#: A count of years or the like: "the first time in three years", "in more than a decade".
_COUNT_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten"
_SPAN = rf"(?:(?:over|more\s+than|nearly|almost|at\s+least)\s+)?(?:\d+|a|an|{_COUNT_WORDS}|several|many|years|decades|months)\b"
#: Superlatives a record is told with ("the highest quarterly revenue", "Iroko's largest order").
_SUPERLATIVE = r"(?:best|highest|largest|biggest|strongest|greatest|lowest|smallest|fewest|fastest)"
#: Whose superlative is no record of the company's own: "the world's largest suppliers", "the nation's biggest banks".
_OTHERS = (
    r"(?:world|nation|country|industry|market|globe|america|europe|asia|africa|region|state|city|area|sector|"
    + "|".join(sorted(PLACE_WORDS))
    + ")"
)
#: A span of time short enough that a high within it is no record: "the highest since March", "a 52-week high",
#: "their biggest gain in two weeks".
_SHORT_SPAN = rf"(?:\d+|{_COUNT_WORDS}|eleven|twelve|several|a\s+few|a|an)[\s-]+(?:days?|weeks?|months?)"
#: A record told in the story, each way it is told; not "track record", "holders of record", "on the record",
#: "medical records", "record-keeping", a superlative of others, "milestone", "surpassing" or "unprecedented
#: efficiency" (a thing can be all of those and no record), nor a high of a short span ("a new 52-week high").
_RECORD_TOLD = re.compile(
    "|".join(
        (
            r"(?<!\bon\sthe\s)(?<!\boff\sthe\s)(?<!\bfor\sthe\s)"
            + _not_after(f"{_RECORD_KINDS} of track strong regulatory financial tax")
            + r"\brecord(?:s|[\s-]breaking|[\s-]setting)?\b(?![\s-]+(?:date|holders?|keeping|keepers?|labels?|stores?|of)\b)",
            r"\ball[\s-]time\b|\btop[\s-]ever\b|\bhistoric(?:al)?\s+(?:[\w-]+\s+){0,2}?(?:surges?|rises?|runs?|booms?|highs?|lows?|levels?|peaks?|milestones?|records?|"
            r"achievements?|performance|quarter|year|results?|growth|gains?|rally|sales|revenues?|profits?|demand|volumes?)\b",
            r"\blifetime\s+(?:highs?|lows?)\b|\bATH\b",
            r"\b(?:company|firm|career|franchise|season|personal)[\s-](?:best|high|record)s?\b",  # "a company-best result"
            rf"\b(?:{_SUPERLATIVE}|the\s+most)\b(?:[\s-]+[\w'\u2019-]+){{0,8}}?[\s-]+ever\b",  # "the largest ... it has ever won"
            r"\b(?:higher|greater|stronger|larger|bigger|better|faster)\s+than\s+ever\b",
            r"\bnever\s+(?:been\s+)?(?:higher|lower|stronger|better|bigger|greater|larger)\b",
            r"\bnever[\s-](?:\w+[\s-])?before\b",  # "never before", "a level never reached before"
            r"\bunprecedented\s+(?:\$|\d|levels?|highs?|heights)",  # "rose to an unprecedented $44 million"
            # "in its history", "in company history", "in the shipbuilder's 90 years", "in its 300-year existence"
            r"\bin\s+(?:(?:its|our|their|his|her|the\s+[\w-]+['\u2019]s|[\w-]+['\u2019]s|company|corporate|recorded|"
            r"modern)\s+)?(?:\d+[\s-]year\s+)?history\b",
            r"\bin\s+(?:its|our|their|the\s+[\w-]+['\u2019]s|[\w-]+['\u2019]s)\s+(?:\d+[\s-]+years?|\d+-year\s+existence)\b",
            # "for the first time", "marks the first time revenue topped": not "the first time since 2019" or "in years"
            rf"\bthe\s+first\s+time\b(?!\s+(?:since|in\s+{_SPAN}))",
            r"\b(?:previous|prior|former|old)\s+(?:[\w-]+\s+)?(?:high|record|best|peak|mark|top)s?\b",  # "the old attendance mark"
            r"\b(?:not|never)\s+(?:been\s+)?(?:seen|reached|achieved|recorded|witnessed)\s+before\b",  # "levels not seen before"
            r"\bsurpass\w*\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:high|peak|record|best)\b",  # "surpassing its 2021 high"
            r"\b(?:any|all|every)\s+(?:prior|previous|earlier)\s+(?:quarters?|years?|months?|periods?|seasons?)\b",
            # "a new quarterly high", "new benchmarks": not "a new 52-week high" nor "the new high school"
            r"\b(?:new|fresh)\s+(?!\S*(?:day|week|month)\b)(?:[\w-]+\s+)?(?:highs?|lows?|peaks?|benchmarks?)\b(?![\s-]+school)",
            r"\bsince\s+(?:the\s+)?(?:data\s+)?(?:series|records)\s+began\b",
            # a superlative of the company's own: "its largest", "Iroko's largest order", "the lender's biggest"; not
            # one of a short span ("their biggest gain in two weeks")
            rf"(?<![\w-])(?:its|our|their|(?!{_OTHERS}['\u2019])[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SUPERLATIVE}|peak)\b"
            rf"(?![^.;]{{0,40}}?\b(?:in|over)\s+(?:the\s+(?:past|last)\s+)?{_SHORT_SPAN}\b)",
            # held up to a time: "the highest since 2008", "the largest to date", "the lowest in more than 50 years"; not
            # "the highest since March" nor "in two weeks"
            rf"\b(?:{_SUPERLATIVE}|most)\s+(?:[\w'\u2019-]+\s+){{0,6}}?(?:since\s+(?:\d{{4}}|records|inception|its|it|the\s+company|"
            r"the\s+\w+\s+(?:was|went|began))|to\s+date|yet|on\s+record|"
            r"in\s+(?:(?:more\s+than|over|nearly|almost|at\s+least)\s+)?(?:a|an|\d+|\w+)\s+(?:decades?|years?))\b",
            # "the largest single order Iroko has received", "the best quarter the company has had"
            rf"\b{_SUPERLATIVE}\s+(?:[\w-]+\s+){{0,3}}?(?:that\s+)?(?:the\s+)?[\w'\u2019-]+\s+(?:has|have|had)\s+"
            r"(?:ever\s+)?(?:been\s+)?(?:received|had|won|achieved|reported|recorded|posted|delivered|signed|secured|seen|"
            r"awarded|made|booked|closed|raised|completed|generated|earned)\b",
        )
    ),
    re.IGNORECASE,
)
#: What "first" is of when it is a period's or a step's, no claim of being first: "First Quarter", "First Patient",
#: "First Four Months"; or a name or a phrase of another sense: "First Nations", "First Responders", "First Look".
_STEP = (
    rf"(?![\s-]+(?:quarter|half|fiscal|nine|six|three|two|four|five|seven|eight|ten|time\s+since|time\s+in\s+{_SPAN}|days?|weeks?|"
    r"months?|years?|round|phase|patient|tranche|closing|shipment|stage|step|deliver\w*|lien|floor|hours?|minutes?|weekend|"
    r"pick|term|hole|inning|leg|lap|draft|look|reading|advance|estimates?|responders?|nations?|national|republic|"
    r"citizens|horizon|solar|quantum|majestic|american|trust|glance|place|notice|aid|and\s+foremost)\b)"
)
#: A first claimed: "First-Ever", "World's First", "Industry-First", and being the first to do a thing ("Becomes First
#: Membrane to Win", "Is the First Bank to Offer", "Hailed as the First"; not "Completes First Phase of Expansion to
#: Double Capacity", nor "as First Solar Plans to Expand", a name after the conjunction).
_FIRST = re.compile(
    rf"\bfirst[\s-]ever\b|\b(?:world|nation|country|industry|america|europe|asia|africa|canada|india|china|uk|us)['\u2019]?s\s+first\b{_STEP}|"
    rf"\bindustry[\s-]first\b|\b(?:(?:becomes?|became|is|was)\s+(?:the\s+)?|as\s+the\s+)"
    rf"(?P<to>first\b{_STEP}\s+(?:\w+\s+){{0,3}}to\s+(?!be\s+held)[A-Za-z]+)",
    re.IGNORECASE,
)
#: People a "first-time" names, no first: "first-time buyers", "a first-time founder".
_FIRST_TIMERS = (
    r"(?:home\s*)?buyers?|homebuyers?|homeowners?|users?|customers?|visitors?|attendees?|investors?|founders?|"
    r"participants?|guests?|clients?|parents?|managers?|voters?|applicants?|players?|patients?|students?|owners?|"
    r"entrepreneurs?|exhibitors?|filers?|renters?|borrowers?|drivers?|donors?|travell?ers?|authors?|moms?|dads?|"
    r"mothers?|fathers?|winners?|nominees?|candidates?|directors?|novelists?|runners?|callers?|jobless|claims?"
)
#: A place or a field a first is held in: "a UK first", "a global first", "first in the nation".
_ARENA = r"(?:world|global|industry|nation|national|country|state|market|category|sector|u\.?s\.?|uk|region|city)"
#: A first told in the story, each way it is told. Not a "first" in a compound or a phrase of another sense
#: ("customer-first", "first-time buyers", "first aid", "at first glance", "first-party data", "the first 500
#: buyers", "first and foremost", "First Nations"), nor "not only", "unique", "novel", "groundbreaking" or
#: "unprecedented", which say a thing is new or unusual, not the first.
_FIRST_TOLD = re.compile(
    "|".join(
        (
            r"\bfirst[\s-](?:ever|to[\s-]market|time[\s-]ever)\b|\bfirst[\s-]of[\s-](?:its|their|a|the)[\s-]kind\b|\bfirsts\b",
            rf"\bfirst[\s-]in[\s-](?:class|kind|(?:the[\s-])?{_ARENA})\b",  # "first-in-class", "first-in-the-nation"
            rf"\b{_ARENA}[\s-]first\b(?![\s-]+(?:quarter|half|time))",  # "the world-first ferry", "an industry first"
            rf"\ban?\s+first[\s-]time\s+(?!{_FIRST_TIMERS})[a-z]",  # "a first-time partnership"
            # "the world's first", "Texas' first", "Canada's first": not "the company's first quarter"
            rf"['\u2019]s?\s+first\b(?!-)(?!\s+\d[\d,]*\s){_STEP}",
            # "a UK first", "a first for the company": not "a cloud first, mobile-led design"
            r"\ban?\s+(?:(?:(?-i:[A-Z][\w.]*)|landmark|major|notable|significant|true|genuine|real|rare)\s+){0,2}first\b(?=\s*[,.;:)!\u2014\u2013]|\s+(?:for|in|of|among)\b)",
            # "the first bank to", "its first mobile app", "for the first time": not a period's, a step's or a count's
            rf"\b(?:the|its|their|our|his|her)\s+(?:very\s+)?first\b(?!-)(?!\s+\d[\d,]*\s){_STEP}",
            # "was first to cover", "is first in the U.S.", "first globally"
            r"\b(?:is|was|be|been|became|becomes|becoming|being|are|were)\s+first\s+(?:to|in|among|globally|worldwide|"
            r"nationally|of\s+its)\b|\bfirst\s+(?:globally|worldwide|nationally)\b",
            r"\bfirst\s+(?:of\s+(?:its|their)|such)\b",
            # "the world's only", "the only FDA-approved", "the sole such device": not "the only question", "the sole
            # bookrunner"
            r"(?:\b(?:the|its|their|our)|['\u2019]s)\s+(?:only|sole)\b(?!\s+(?:question|way|thing|things|reason|time|"
            r"difference|problem|catch|issue|downside|people|requirement|condition|change|exception|cost|bookrunner|"
            r"underwriter|manager|arranger|agent|owner|shareholder|member|director|officer|purpose|discretion|"
            r"responsibility|lead|advisor|adviser|placement)\b)",
            r"\balone\s+among\b|\bthe\s+lone\b|\buntil\s+now\b|\bno\s+rival\b|\bmaiden\b|\bpreviously\s+(?:unavailable|unseen)\b",
            r"\bnever[\s-](?:\w+[\s-])?before\b|\bnever\s+been\s+(?:done|offered|seen|available|built|made|attempted|tried|possible)\b",
            r"\bnot\s+(?:been\s+)?previously\s+(?:been\s+)?(?:offered|available|seen|done|possible|launched|sold|built|made)\b",
            # "no other company offers one", "no U.S. bank has ever offered": not "no other details were disclosed"
            r"\bno\s+(?:other\s+)?(?:[\w.]+\s+){0,2}?(?:has|had|have)\s+(?:ever|yet|previously)\b|"
            r"\bno\s+other\s+(?:[\w.]+\s+){0,5}?(?:offers?|provides?|makes?|sells?|can|does)\b",
            r"(?-i:\bpioneer\w*)|(?-i:\bPioneer(?:ed|ing)\b)|\binaugural\b|\bdebut\w*",  # not "Pioneer Natural Resources"
            r"\b(?:initial\s+|initiat\w*\s+(?:of\s+)?(?:an?\s+|its\s+|the\s+)?)(?:\w+\s+){0,2}?dividend",  # a first dividend
        )
    ),
    re.IGNORECASE,
)


#: A record's extreme: "record high", "all-time low", "lifetime highs".
_EXTREME = re.compile(r"\b(?:record|all[\s-]time|lifetime)[\s-]+(?P<end>high|low)s?\b", re.IGNORECASE)


def superlatives_read(headline: str, story: str) -> list[tuple[int, int]]:
    """Spans of ``headline``'s records and firsts of a kind the story never claims.

    >>> superlatives_read("Acme Wins Record $78 Million Contract", "Acme won a $78 million contract, its fiscal first.")
    [(10, 16)]
    >>> superlatives_read("Acme Posts Record Revenue", "Revenue rose to its highest level in company history.")
    []
    """
    out = []
    records = [
        m
        for m in _RECORD.finditer(headline)
        if not (_PLURAL_SUBJECT_BEFORE.search(headline[: m.start()]) and not _NOUN_ENDS.match(headline, m.end()))
        and not (_TO_BEFORE.search(headline[: m.start()]) and not _CLIMB_TO_BEFORE.search(headline[: m.start()]))
    ]
    if records and not _RECORD_TOLD.search(story):
        out += [m.span() for m in records]
    elif records:
        # "Record High" over a story whose every record is a low ("fell to an all-time low"): the other extreme.
        told = {m["end"].lower() for m in _EXTREME.finditer(story)}
        out += [m.span() for m in _EXTREME.finditer(headline) if told and m["end"].lower() not in told]
    firsts = list(_FIRST.finditer(headline))
    if firsts and not _FIRST_TOLD.search(story):
        out += [m.span("to") if m["to"] else m.span() for m in firsts]
    return out
