"""A figure's measure is part of it: "Net Income Up 18%" over a story whose 18% is revenue's rise is another figure.

The number check finds the headline's figure somewhere in the story and passes it. A results story writes many
figures, each of one measure (revenue, profit, a dividend...) and one span of time (a quarter, a half, a year), and a
headline that gives one's figure to another misstates the results though every digit is in the story: FactCC's
number swap, and a common mistake of a model summarising results. So a headline's sum or percentage told of a
measure (or span of time) is unsupported when the story writes that figure only ever told of another, in clauses
that never name the headline's; and a figure the headline gives as the one reached ("Rises to $3.56 Billion") is
unsupported when the story gives it only as the one compared with ("from $3.56 billion a year earlier"). A figure
the story tells of no measure it names is left to the number check.

What a figure is told of, read narrowly (a wrong reading would flag a true headline), only where the words bind it:

- a measure right before it with nothing but a verb of change between ("Net Income Up 18%", "revenue rose 12% to
  $45.2 million", "Revenue of $1.2 Billion"), right after it ("$45.2 Million Revenue", "$45.2 million in revenue")
  or after a word of change ("a 50% jump in net profit"); nothing else (a forecast, another figure, a comparison,
  a clause's end) may stand between; a percentage "of revenue" is a ratio, of no measure;
- its span of time right before that measure ("second-quarter revenue", "Annual Dividend"), or written with it
  ("revenue for the first half was"); none at all where either text says "fiscal" (a fiscal quarter's name is the
  company's own: its fourth quarter may end in June). "Quarterly" and "monthly" are spans only of a dividend.
A sentence that pairs its figures with its measures by "respectively" tells none of them.

A deal's money is read the same way: a round's or an investment's sum ("US$10M Investment", "$10M Seed Round",
"Gross Proceeds of"), a valuation ("pre-money valuation of", "$120 million post-money") and a price per share
("exercise price of") are three figures, and "US$120M Investment" over a story whose US$120 million is only the
valuation is unsupported. A figure per share or per unit is no sum ("Private Placement at $1.00 per Unit"), a round
"at" a figure is its valuation ("a funding round at $2 billion"), and a deal's "purchase price" is no measure.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import FISCAL_CALENDAR, Story, bound_of, numbers_in, periods_in, sentence_span

__all__ = ["compared_with", "scopes_read"]

#: Each measure a results figure may be told of, and its written forms: longest first, so that "annual recurring
#: revenue" is not read as revenue nor "earnings per share" as earnings. "Income" alone is left out (interest income,
#: income tax), and so is "loss" alone (a customer's, an impairment's).
_MEASURES: tuple[tuple[str, str], ...] = (
    ("recurring revenue", r"annual(?:ized)?\s+recurring\s+revenues?|ARR"),
    ("interest income", r"net\s+interest\s+income|NII"),
    ("per share", r"(?:diluted\s+|basic\s+)?(?:EPS|earnings\s+per\s+(?:diluted\s+|basic\s+)?share)"),
    # A bank's "total operating income" is its revenue, a company's its operating profit: either.
    ("operating income", r"(?:total\s+|net\s+)?operating\s+income"),
    ("orders", r"backlog|bookings|order\s+(?:intake|book)|(?:new\s+)?orders"),
    # A deal's money is not a results measure, but each kind is another figure: a round's size is not the valuation
    # it was raised at, nor a warrant's price per share the proceeds of its exercise.
    ("valuation", r"(?:pre|post)[\s-]money(?:\s+valuations?)?|valuations?|market\s+(?:cap|capitali[sz]ation)"),
    # a price per share or unit (a deal's "purchase price" or "aggregate subscription price" is a sum: no measure)
    ("price", r"(?:exercise|offering|conversion|strike|share|issue)\s+prices?"),
    (
        "funding",
        r"(?:(?:seed|pre-seed|series\s+[a-h]|bridge|growth|strategic|equity|venture|debt|revenue[\s-]based)\s+)?"
        r"(?:funding|financing|round)"
        r"|(?:strategic\s+|equity\s+)?investments?|(?:growth|venture|equity)\s+capital|private\s+placements?|"
        r"(?:gross\s+|net\s+)?proceeds",
    ),
    ("margin", r"(?:gross|operating|net|EBITDA|profit)\s+margins?|margins?"),
    ("dividend", r"(?:quarterly\s+|annual\s+|interim\s+|final\s+|special\s+|cash\s+)?dividends?|payouts?|distributions?"),
    (
        "profit",
        r"(?:net|operating|pre-?tax|gross|core|underlying|attributable)\s+(?:profits?|income|earnings|loss(?:es)?)"
        r"|income\s+from\s+operations|(?:adjusted\s+)?EBITDA|EBIT|profits?|earnings(?!\s+(?:call|release|date|report|season))",
    ),
    (
        "revenue",
        r"(?:total\s+|net\s+|gross\s+)?revenues?(?![\s-]based)|(?:net\s+|same[\s-]store\s+|comparable\s+|retail\s+)?sales|turnover|top[\s-]line",
    ),
)
_MEASURE = re.compile("|".join(rf"(?P<m{i}>\b(?:{forms})\b)" for i, (_, forms) in enumerate(_MEASURES)), re.IGNORECASE)
#: Measures a headline may write for each other: a per-share figure is the profit's ("Net Income of $0.12 Per Share").
#: So may a bank's operating income its revenue or a company's its profit, and a margin in money the gross profit.
_ALIKE = {
    frozenset({"per share", "profit"}),
    frozenset({"operating income", "revenue"}),
    frozenset({"operating income", "profit"}),
    frozenset({"margin", "profit"}),
}
#: Where a clause ends, so a figure is not told of a measure of the clause before.
_CLAUSE_END = re.compile(r"[;(]|,\s+(?:and|but|while|whereas|with|bringing)\b|\s+(?:while|whereas|but|as|bringing)\s")
#: A headline's clauses end at any comma, colon or dash too.
_HEADLINE_CLAUSE_END = re.compile(
    r"[;,:|(]|\s[-\u2013\u2014]\s|\s+(?:while|whereas|but|as|after|on|amid|despite|following|with)\s", re.I
)
#: What may stand between a measure and its figure: a verb of change, a linking word, one percentage of change
#: ("Revenue Up 18% to $1.24 Billion", "net income was", "revenue for the first half rose 12% to").
_LINK_WORD = (
    r"(?:was|were|is|are|of|at|to|by|up|down|an?|the|its|for|in|first|second|third|fourth|full|half|year|quarter|"
    r"fiscal|total|approximately|about|nearly|almost|some|roughly|record|rose|fell|increased|decreased|grew|declined|"
    r"jumped|climbed|dropped|slipped|gained|surged|soared|slid|totaled|totalled|reached|amounted|improved|widened|"
    r"narrowed|rises?|falls?|increases?|decreases?|grows?|declines?|jumps?|climbs?|drops?|slips?|gains?|surges?|soars?|"
    r"slides?|totals?|reaches|improves?|widens?|narrows?|tops?|topped|hits?|came|comes|reported|posted|"
    r"q[1-4]|h[12]|(?:19|20)\d\d)"
)
_LINKED = re.compile(rf"\s*(?:{_LINK_WORD}[\s-]+){{0,6}}?(?:[+-]?\d+(?:\.\d+)?%\s+(?:{_LINK_WORD}\s+){{0,3}}?)?$", re.IGNORECASE)
#: Words that may stand between a figure and the measure right after it: "$20.1 Million Q2 2025 Revenue", "12%
#: Organic Sales Growth"; not a verb ("12% Driving Profit Higher").
_BEFORE_MEASURE = re.compile(
    r"\s*(?:(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:19|20)\d\d|first|second|third|fourth|quarter(?:ly)?|half|full[\s-]year|"
    r"annual|net|total|organic|adjusted|core|gross|operating|comparable|record|year-over-year|yoy|sequential)[\s-]+){0,3}"
    r"(?:(?:in|of)\s+(?:its\s+|the\s+)?)?(?=\w)",
    re.IGNORECASE,
)
#: A word of change before the measure it changes: "a 50% jump in net profit", "a 12% year-over-year decline in
#: revenue".
_CHANGE_OF = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:rise|jump|increase|growth|gain|drop|decline|fall|decrease|surge|climb|improvement|boost|"
    r"reduction|cut)s?\s+(?:in|of)\s+(?:(?:its|the|their|total|net|quarterly|annual|first|second|third|fourth|quarter|"
    r"half|full|year|q[1-4]|h[12]|fiscal|(?:19|20)\d\d)[\s-]+){0,4}(?=\w)",
    re.IGNORECASE,
)
#: A measure followed by a figure of its own labels that figure (a flattened table's or a list's next row:
#: "Revenue £45.2m £40.4m +12% Adjusted operating profit £5.1m"), not the figure before it.
_OWN_FIGURE = re.compile(
    rf"\s*[:=\u2013-]?\s*(?:{_LINK_WORD}\s+){{0,3}}?[(+-]?(?:[$\u00a3\u20ac\u00a5]|[A-Z]{{1,3}}\$|(?:USD|EUR|GBP|NOK|SEK|INR|JPY)\s?)?\d",
    re.IGNORECASE,
)
#: Money of a deal that a price per unit, or a round's "at", tells apart from the figure beside it.
_DEAL_MONEY = frozenset({"funding", "valuation"})
_PER_UNIT = re.compile(
    r"\s*(?:a|per|/)\s*(?:share|unit|warrant|note|(?:ordinary|common|class\s+[a-z])\s+share)s?\b", re.IGNORECASE
)
_AT = re.compile(r"\bat\b", re.IGNORECASE)
_OF = re.compile(r"\s*of\s+", re.IGNORECASE)
_ANY_WORD = re.compile(r"[\w'-]+\s*")
_PERCENTAGE_OF = re.compile(r"\b(?:percentage|percent|share|proportion)\s+of\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_PAIRED = re.compile(r"\s*(?:,|and|&|or|,\s+and)\s*", re.IGNORECASE)

#: Spans of time a figure may cover besides the quarters and halves :func:`periods_in` reads: a year, and a
#: dividend's "quarterly" and "monthly".
_SPANS_OF_TIME = re.compile(
    r"\b(?:(?P<year>full[\s-]year|annual(?:i[sz]ed)?)|(?P<quarterly>quarterly)|(?P<monthly>monthly))\b", re.IGNORECASE
)
#: What may stand between a span of time and its measure: "Q2 2025 revenue", "second-quarter net sales".
_PERIOD_TO_MEASURE = re.compile(r"[\s-]*(?:(?:fiscal|(?:19|20)\d\d|FY\s?\d{2,4})[\s-]+){0,2}(?:cash\s+)?$", re.IGNORECASE)
#: A year's figure told after it: "$0.96 annualized", "$2.20 on a yearly basis", "$0.96 a year" (not "a year after").
_A_YEAR_AFTER = re.compile(
    r"\s*,?\s*(?:(?:a|per)\s+(?:share|unit)\s+)?(?:annuali[sz]ed|annually|yearly|on\s+an?\s+(?:annual(?:i[sz]ed)?|yearly)\s+basis|"
    r"(?:a|per)\s+(?:year|annum)\b(?=\s*[.,;)]|\s*$))",
    re.IGNORECASE,
)
_NEXT_DIGIT = re.compile(r"\d")
_ANNUALIZED = re.compile(r"\bon\s+an\s+annuali[sz]ed\s+basis\b", re.IGNORECASE)

#: A figure a change reaches: "Rises 8.4% to $3.86 Billion", "Revenue Up to $45 Million".
_REACHED = re.compile(
    r"\b(?:rises?|rose|up|increases?|increased|grows?|grew|jumps?|jumped|climbs?|climbed|surges?|surged|gains?|gained|"
    r"soars?|soared|falls?|fell|down|drops?|dropped|declines?|declined|slides?|slid|slips?|slipped|widens?|widened|"
    r"narrows?|narrowed|improves?|improved)\s+(?:[\w%.$-]+\s+){0,3}?to\s+(?:(?:about|around|nearly|almost|roughly|a\s+record)\s+)?$",
    re.IGNORECASE,
)
#: A figure a story gives as what another is compared with: "from $3.56 billion", "compared with the year-ago $3.56
#: billion" (not "revenue from services was $45.2 million", "grew 12% from 2023 to $180 million", a range "from $2.0
#: billion to $2.1 billion")...
_COMPARED_BEFORE = re.compile(
    r"(?<!range\s)(?<!ranges\s)(?<!ranged\s)(?<!ranging\s)\b(?:compared\s+(?:to|with)|versus|vs\.?|from|against)\s+"
    r"(?:(?:the|a|an|its|year-ago|prior[\s-]year|previous[\s-]year|last\s+year's|same\s+period's)\s+){0,2}$",
    re.IGNORECASE,
)
#: ... or "$3.56 billion a year earlier", "$3.56 billion in the prior-year quarter".
_COMPARED_AFTER = re.compile(
    r"\s*(?:in\s+|for\s+|during\s+)?(?:the\s+)?(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|year[\s-]ago|prior[\s-]year"
    r"|previous[\s-]year|same\s+(?:quarter|period|month)\s+(?:a\s+year\s+ago|last\s+year|of\s+(?:the\s+)?"
    r"(?:prior|previous|last)\s+year))\b",
    re.IGNORECASE,
)


def _name(m: re.Match[str]) -> str:
    return _MEASURES[int(next(group for group, value in m.groupdict().items() if value)[1:])][0]


def _clause(text: str, at: tuple[int, int], within: tuple[int, int], clause_end: re.Pattern[str]) -> tuple[int, int]:
    """Where the clause around ``at`` starts and ends, ``within`` a sentence (or a whole headline)."""
    start, end = within
    left = max(start, at[0] - 120)
    for cut in clause_end.finditer(text, left, at[0]):
        left = cut.end()
    right = clause_end.search(text, at[1], end)
    return left, right.start() if right else end


def _share_of_measure(text: str, start: int, end: int) -> bool:
    """A percentage followed by "of" a measure is a ratio, of no measure: "45% of revenue", "45.2% of the company's
    total net sales", "50% of net profit" (a payout)."""
    of = _OF.match(text, start, end)
    at = of.end() if of else end
    for _ in range(4 if of else 0):  # the measure, or up to three words before it
        if _MEASURE.match(text, at, end):
            return True
        if (word := _ANY_WORD.match(text, at, end)) is None:
            return False
        at = word.end()
    return False


def _bound(text: str, span: tuple[int, int], clause: tuple[int, int]) -> re.Match[str] | None:
    """The measure the figure at ``span`` is bound to (its match); none for a ratio ("45% of revenue")."""
    percent = re.search(r"%|per\s?cent|pct", text[span[0] : span[1]], re.IGNORECASE) is not None
    if (percent and _share_of_measure(text, span[1], clause[1])) or _PERCENTAGE_OF.search(text, clause[0], span[0]):
        return None
    per_unit = _PER_UNIT.match(text, span[1]) is not None  # "at $1.00 per Unit": a price, whatever money word is near
    for after in (_CHANGE_OF.match(text, span[1], clause[1]), _BEFORE_MEASURE.match(text, span[1], clause[1])):
        if after is not None and (m := _MEASURE.match(text, after.end(), clause[1])) is not None:
            if _name(m) in _DEAL_MONEY and (per_unit or _OWN_FIGURE.match(text, m.end(), clause[1])):
                # a price per unit is no round's sum; "$10M Round at $120M" is the round and its valuation, no
                # table's rows
                return None if per_unit else m
            if _OWN_FIGURE.match(text, m.end(), clause[1]):
                break  # a flattened table's next row: "+12% Adjusted operating profit £5.1m"
            return m
    before = list(_MEASURE.finditer(text, clause[0], span[0]))
    if before and _LINKED.fullmatch(text, before[-1].end(), span[0]):
        if len(before) > 1 and _PAIRED.fullmatch(text, before[-2].end(), before[-1].start()):
            return None  # "Revenue and Profit Rise 12% and 8%": which is whose, it does not say
        if _name(before[-1]) in _DEAL_MONEY and (per_unit or _AT.search(text, before[-1].end(), span[0])):
            return None  # "a funding round at $2 billion": its valuation; "financing at $0.10 per unit": a price
        return before[-1]
    return None


def _period_of(text: str, measure: re.Match[str] | None, span: tuple[int, int], clause: tuple[int, int]) -> str | None:
    """The span of time the figure at ``span`` is bound to: right after it ("$0.96 annualized", "$4.1 million in the
    second quarter"), between its measure and it ("revenue for the first half was"), or right before its measure
    ("second-quarter revenue", "Q2 2025 Revenue")."""
    own = _NEXT_DIGIT.search(text, span[1], clause[1])  # the clause's rest up to its next figure is this one's
    if _A_YEAR_AFTER.match(text, span[1], clause[1]) or _ANNUALIZED.search(text, span[1], own.start() if own else clause[1]):
        return "year"  # "$0.96 annualized", "$2 billion in the first half on an annualized basis"
    after = _periods(text, span[1], min(clause[1], span[1] + 40))
    if after and re.fullmatch(r"\s*(?:in|for|during)\s+the\s+", text[span[1] : after[0][0]], re.IGNORECASE):
        return after[0][2]
    if measure is None:
        return None
    if _name(measure) != "recurring revenue" and (inside := _periods(text, measure.start(), measure.end())):
        return inside[0][2]  # "Annual Dividend", "quarterly dividend"
    if measure.start() < span[0] and (between := _periods(text, measure.end(), span[0])):
        return between[-1][2]
    before = _periods(text, max(clause[0], measure.start() - 60), measure.start())
    for i in range(len(before) - 1, -1, -1):
        start, end, period = before[i]
        if _PERIOD_TO_MEASURE.fullmatch(text, end, measure.start()):
            # A flattened table's header ("Second Quarter 2025 First Quarter 2025 Revenue $45.2 million $41.9
            # million"): its last column's period is not the first figure's.
            header = i > 0 and _PERIOD_TO_MEASURE.fullmatch(text, before[i - 1][1], start) is not None
            return None if header else period
    return None


def _periods(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Each span of time between ``start`` and ``end`` of ``text``: where it starts and ends, and which it is."""
    part = text[start:end]
    found = [(start + a, start + b, period) for (a, b), period in periods_in(part)]
    found += [(start + m.start(), start + m.end(), str(m.lastgroup)) for m in _SPANS_OF_TIME.finditer(part)]
    return sorted(found)


def _periods_differ(a: str, b: str) -> bool:
    """Two spans of time a figure cannot be of both: another quarter, a half for a quarter, a year for a quarter's
    dividend; "quarterly" is any quarter."""
    quarters = {"q1", "q2", "q3", "q4", "quarterly"}
    return a != b and not ({a, b} <= quarters and "quarterly" in (a, b))


def _alike(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _ALIKE


def compared_with(text: str, span: tuple[int, int]) -> bool:
    """The figure at ``span`` is one another is compared with: a year-ago figure, a starting point."""
    return bool(_COMPARED_BEFORE.search(text, max(0, span[0] - 50), span[0]) or _COMPARED_AFTER.match(text, span[1]))


def scopes_read(headline: str, told: Story) -> list[tuple[int, int]]:
    """The spans of ``headline``'s sums and percentages bound to a measure (or span of time) that the story binds
    them only to others, or given as reached where the story only compares with them: each is unsupported. Every
    other figure is left to the number check."""
    out = []
    fiscal = None  # read once, where a figure has a span of time
    for span, number in numbers_in(headline, number_words=False):
        if number.kind != "percent" and number.currency is None:
            continue  # a count, a year: its measure is its noun, which the word check reads
        clause = _clause(headline, span, (0, len(headline)), _HEADLINE_CLAUSE_END)
        bound = _bound(headline, span, clause)
        measure = _name(bound) if bound is not None else None
        # A dividend's rise is the same share of its quarterly and its annual sum.
        period = None if number.kind == "percent" and measure == "dividend" else _period_of(headline, bound, span, clause)
        if period is not None:
            fiscal = fiscal if fiscal is not None else bool(FISCAL_CALENDAR.search(headline) or FISCAL_CALENDAR.search(told.text))
            period = None if fiscal else period
        reached = number.kind == "amount" and _REACHED.search(headline, max(0, span[0] - 40), span[0]) is not None
        if measure is None and period is None and not reached:
            continue
        mentions = told.mentions(number, bound_of(headline, span))
        if not mentions:
            continue  # the number check's to refuse
        theirs = [_story_binding(told.text, at) for at in mentions]
        if measure is not None and all(
            binding is not None and binding[0] is not None and not _alike(_name(binding[0]), measure) for binding in theirs
        ):
            out.append(span)
        elif period is not None and all(
            binding is not None and _another_period(told.text, at, binding, period) for at, binding in zip(mentions, theirs)
        ):
            out.append(span)  # "First-Half Revenue of NOK 2.84 Billion" over the second quarter's
        elif reached and all(compared_with(told.text, at) for at in mentions):
            out.append(span)  # "Revenue Rises to $3.56 Billion" over "from $3.56 billion a year earlier"
    return out


def _story_binding(text: str, at: tuple[int, int]) -> tuple[re.Match[str] | None, tuple[int, int]] | None:
    """The measure the story binds its figure at ``at`` to, and the clause it stands in; None where its sentence pairs
    figures and measures by "respectively", which tells none of them."""
    sentence = sentence_span(text, at[0])
    if _RESPECTIVELY.search(text, *sentence):
        return None
    clause = _clause(text, at, sentence, _CLAUSE_END)
    return _bound(text, at, clause), clause


def _another_period(text: str, at: tuple[int, int], binding: tuple[re.Match[str] | None, tuple[int, int]], period: str) -> bool:
    """The story binds its figure at ``at`` to another span of time than ``period``."""
    theirs = _period_of(text, binding[0], at, binding[1])
    return theirs is not None and _periods_differ(theirs, period)
