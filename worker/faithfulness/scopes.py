"""A figure's measure is part of it: "Net Income Up 18%" over a story whose 18% is revenue's rise is another figure.

The number check finds the headline's figure somewhere in the story and passes it. A results story writes many
figures, each of one measure (revenue, profit, a dividend...) and one span of time (a quarter, a half, a year), and a
headline that gives one's figure to another misstates the results though every digit is in the story: FactCC's
number swap, and a common mistake of a model summarising results. So a headline's sum or percentage told of a
measure (or span of time) is unsupported when the story writes that figure only ever told of another, in clauses
that never name the headline's; and a figure the headline gives as the one reached ("Rises to $3.56 Billion") is
unsupported when the story gives it only as the one compared with ("from $3.56 billion a year earlier"). A figure
the story tells of no measure it names is left to the number check.

What a figure is told of, read narrowly (a wrong reading would flag a true headline):

- a measure right after it ("$45.2 Million Revenue", "12% Revenue Growth") or after a word of change ("a 50% jump
  in net profit"); a percentage "of revenue" is a ratio, of no measure;
- else, in a headline, the one measure its clause names (none where it names two: "Revenue and Profit Rise 12% and
  8%"); in a story, the nearest measure before it in its clause;
- spans of time likewise, but not at all where either text says "fiscal" (a fiscal quarter's name is the company's
  own: its fourth quarter may end in June). "Quarterly" and "monthly" are spans only of a dividend.
A sentence that pairs its figures with its measures by "respectively" tells none of them.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import Story, bound_of, numbers_in, periods_in, sentence_span

__all__ = ["scopes_read"]

#: Each measure a results figure may be told of, and its written forms: longest first, so that "annual recurring
#: revenue" is not read as revenue nor "earnings per share" as earnings. "Income" alone is left out (interest income,
#: income tax), and so is "loss" alone (a customer's, an impairment's).
_MEASURES: tuple[tuple[str, str], ...] = (
    ("recurring revenue", r"annual(?:ized)?\s+recurring\s+revenues?|ARR"),
    ("interest income", r"net\s+interest\s+income|NII"),
    ("per share", r"(?:diluted\s+|basic\s+)?(?:EPS|earnings\s+per\s+(?:diluted\s+|basic\s+)?share)"),
    ("orders", r"backlog|bookings|order\s+(?:intake|book)|(?:new\s+)?orders"),
    ("margin", r"(?:gross|operating|net|EBITDA|profit)\s+margins?|margins?"),
    ("dividend", r"(?:quarterly\s+|annual\s+|interim\s+|final\s+|special\s+|cash\s+)?dividends?|payouts?|distributions?"),
    (
        "profit",
        r"(?:net|operating|pre-?tax|gross|core|underlying|attributable)\s+(?:profits?|income|earnings|loss(?:es)?)"
        r"|income\s+from\s+operations|(?:adjusted\s+)?EBITDA|EBIT|profits?|earnings(?!\s+(?:call|release|date|report|season))",
    ),
    (
        "revenue",
        r"(?:total\s+|net\s+|gross\s+)?revenues?|(?:net\s+|same[\s-]store\s+|comparable\s+|retail\s+)?sales|turnover|top[\s-]line",
    ),
)
_MEASURE = re.compile("|".join(rf"(?P<m{i}>\b(?:{forms})\b)" for i, (_, forms) in enumerate(_MEASURES)), re.IGNORECASE)
#: Measures a headline may write for each other: a per-share figure is the profit's ("Net Income of $0.12 Per Share").
_ALIKE = {frozenset({"per share", "profit"})}
#: Where a story's clause ends, so a figure is not told of a measure of the clause before: "net income was $5
#: million, and its board approved a buyback of $50 million", "sales were flat but orders rose 12%".
_CLAUSE_END = re.compile(r"[;(]|,\s+(?:and|but|while|whereas|with|bringing)\b|\s+(?:while|whereas|but|as|bringing)\s")
#: A headline's clauses end at any comma, colon or dash too, and at a cause or a time: "lifts quarterly dividend 8%
#: to 27 cents, yield 3.1%", "Raises Annual Revenue Forecast as Sales Rise 8%".
_HEADLINE_CLAUSE_END = re.compile(
    r"[;,:|(]|\s[-\u2013\u2014]\s|\s+(?:while|whereas|but|as|after|on|amid|despite|following)\s", re.IGNORECASE
)
#: Words that may stand between a figure and the measure it is of: "$45.2 Million Q3 Revenue", "12% Organic Sales".
_NOT_BETWEEN = frozenset(
    "on as after amid despite following to from for in of and or with while but by at vs versus than over since".split()
)
_WORD_BETWEEN = re.compile(r"[\w'-]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A word of change before the measure it changes: "a 50% jump in net profit", "a 12% increase of sales".
_CHANGE_OF = re.compile(
    r"\s*(?:rise|jump|increase|growth|gain|drop|decline|fall|decrease|surge|climb|improvement|boost|reduction|cut)s?"
    r"\s+(?:in|of)\s+(?:(?:its|the|their|total|net|quarterly|annual)\s+){0,2}(?=\w)",
    re.IGNORECASE,
)
#: A share of revenue is a ratio, of no measure: "45% of revenue", "26.7% of net sales".
_RATIO = re.compile(r"\s*of\s+(?:(?:its|total|net|adjusted)\s+)?(?:revenues?|sales|turnover)\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
#: How many characters before a figure a story's measure may stand (about a dozen words).
_BEFORE = 90

#: Spans of time a figure may cover besides the quarters and halves :func:`periods_in` reads: a year, and a
#: dividend's "quarterly" and "monthly".
_SPANS_OF_TIME = re.compile(
    r"\b(?:(?P<year>full[\s-]year|twelve[\s-]months?|12[\s-]months?|annual(?:ized)?(?=\s+(?:(?:cash|net|total)\s+)?"
    r"(?:dividends?|distributions?|payouts?|rate|revenues?|sales|profits?|income|earnings|EBITDA|guidance|outlook|forecast)\b))"
    r"|(?P<quarterly>quarterly(?=\s+(?:cash\s+)?(?:dividend|distribution|payout)))"
    r"|(?P<monthly>monthly(?=\s+(?:cash\s+)?(?:dividend|distribution|payout))))\b",
    re.IGNORECASE,
)
#: A year's figure told after it: "$0.96 annualized", "$0.96 on an annual basis", "$0.96 a year".
_A_YEAR_AFTER = re.compile(
    r"\s*,?\s*(?:annualized|annually|on\s+an\s+annual(?:ized)?\s+basis|(?:a|per)\s+(?:year|annum)\b(?!\s+(?:earlier|ago|before)))",
    re.IGNORECASE,
)
_FISCAL = re.compile(r"\bfiscal\b|\bFY", re.IGNORECASE)

#: A figure a change reaches: "rises 8.4% to $3.86 billion", "cut to about 1,200".
_REACHED = re.compile(
    r"\bto\s+(?:(?:about|around|nearly|almost|roughly|some|approximately|an?|record|new)\s+)?~?$", re.IGNORECASE
)
#: A figure a story gives as what another is compared with: "from $3.56 billion", "compared with the year-ago $3.56
#: billion" (not "revenue from services was $45.2 million", "grew 12% from 2023 to $180 million")...
_COMPARED_BEFORE = re.compile(
    r"\b(?:compared\s+(?:to|with)|versus|vs\.?|from|against)\s+"
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


def _clause(text: str, at: tuple[int, int], sentence: tuple[int, int], clause_end: re.Pattern[str]) -> tuple[int, int]:
    """Where the clause around ``at`` starts and ends, within ``sentence``."""
    start, end = sentence
    left = max(start, at[0] - _BEFORE)
    for cut in clause_end.finditer(text, left, at[0]):
        left = cut.end()
    right = clause_end.search(text, at[1], end)
    return left, right.start() if right else end


def _measure_after(text: str, span: tuple[int, int], end: int) -> str | None:
    """The measure named right after the figure at ``span`` ("$45.2 Million Revenue", "a 50% jump in profit"), "ratio"
    for a share of revenue, or None."""
    if _RATIO.match(text, span[1], end):
        return "ratio"
    at = span[1]
    if change := _CHANGE_OF.match(text, at, end):
        at = change.end()
    for _ in range(3):  # the measure, or up to two words before it ("Q2 2025 Revenue", "Organic Sales")
        while at < end and text[at].isspace():
            at += 1
        if (m := _MEASURE.match(text, at, end)) is not None:
            return _name(m)
        word = _WORD_BETWEEN.match(text, at, end)
        if word is None or word[0].lower() in _NOT_BETWEEN or (word[0][:1].isdigit() and not _YEAR.fullmatch(word[0])):
            return None
        at = word.end()
    return None


def _headline_measure(headline: str, span: tuple[int, int]) -> str | None:
    """What a headline tells its figure at ``span`` of: the measure right after it, else its clause's one measure."""
    clause = _clause(headline, span, (0, len(headline)), _HEADLINE_CLAUSE_END)
    if (after := _measure_after(headline, span, clause[1])) is not None:
        return None if after == "ratio" else after
    named = {_name(m) for m in _MEASURE.finditer(headline, *clause)}
    return named.pop() if len(named) == 1 else None


def _story_measure(text: str, span: tuple[int, int], clause: tuple[int, int]) -> str | None:
    """What a story tells its figure at ``span`` of: the measure right after it, else the nearest before it."""
    if (after := _measure_after(text, span, clause[1])) is not None:
        return None if after == "ratio" else after
    before = list(_MEASURE.finditer(text, clause[0], span[0]))
    return _name(before[-1]) if before else None


def _periods(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Where each span of time between ``start`` and ``end`` of ``text`` begins, and which it is, in order; not the
    "annual" of a measure's name."""
    part = text[start:end]
    found = [(start + at, period) for (at, _), period in periods_in(part)]
    found += [(start + m.start(), str(m.lastgroup)) for m in _SPANS_OF_TIME.finditer(part)]
    return sorted(found)


def _story_period(text: str, span: tuple[int, int], clause: tuple[int, int]) -> str | None:
    """The span of time a story tells its figure at ``span`` of: named right after it ("$4.1 million in the second
    quarter"), else the nearest before it in its clause."""
    if _A_YEAR_AFTER.match(text, span[1]):
        return "year"
    after = _periods(text, span[1], min(clause[1], span[1] + 40))
    if after and re.fullmatch(r"\s*(?:(?:in|for|during|of)\s+(?:the\s+)?)?", text[span[1] : after[0][0]], re.IGNORECASE):
        return after[0][1]
    before = _periods(text, clause[0], span[0])
    return before[-1][1] if before else None


def _periods_differ(a: str, b: str) -> bool:
    """Two spans of time a figure cannot be of both: another quarter, a half for a quarter, a year for a quarter's
    dividend; "quarterly" is any quarter."""
    quarters = {"q1", "q2", "q3", "q4", "quarterly"}
    return a != b and not ({a, b} <= quarters and "quarterly" in (a, b))


def _alike(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _ALIKE


def _compared(text: str, span: tuple[int, int]) -> bool:
    """The figure at ``span`` is one another is compared with: a year-ago figure, a starting point."""
    return bool(_COMPARED_BEFORE.search(text, max(0, span[0] - 50), span[0]) or _COMPARED_AFTER.match(text, span[1]))


def scopes_read(headline: str, told: Story) -> list[tuple[int, int]]:
    """The spans of ``headline``'s sums and percentages told of a measure (or span of time) that the story writes only
    of others, or given as reached where the story only compares with them: each is unsupported. Every other figure
    is left to the number check."""
    out = []
    fiscal = None  # read once, where a figure has a span of time
    for span, number in numbers_in(headline, number_words=False):
        if number.kind != "percent" and number.currency is None:
            continue  # a count, a year: its measure is its noun, which the word check reads
        clause = _clause(headline, span, (0, len(headline)), _HEADLINE_CLAUSE_END)
        measure = _headline_measure(headline, span)
        periods = {period for _, period in _periods(headline, *clause)} | (
            {"year"} if _A_YEAR_AFTER.match(headline, span[1]) else set()
        )
        # A dividend's rise is the same share of its quarterly and its annual sum.
        period = periods.pop() if len(periods) == 1 and not (number.kind == "percent" and measure == "dividend") else None
        if period is not None:
            fiscal = fiscal if fiscal is not None else bool(_FISCAL.search(headline) or _FISCAL.search(told.text))
            period = None if fiscal else period
        reached = number.kind == "amount" and _REACHED.search(headline, max(0, span[0] - 30), span[0]) is not None
        if measure is None and period is None and not reached:
            continue
        mentions = told.mentions(number, bound_of(headline, span))
        if not mentions:
            continue  # the number check's to refuse
        if measure is not None and all(_told_of_another(told.text, at, measure) for at in mentions):
            out.append(span)
        elif period is not None and all(_told_of_another_period(told.text, at, period) for at in mentions):
            out.append(span)  # "First-Half Revenue of NOK 2.84 Billion" over the second quarter's
        elif reached and all(_compared(told.text, at) for at in mentions):
            out.append(span)  # "Revenue Rises to $3.56 Billion" over "from $3.56 billion a year earlier"
    return out


def _told_of_another(text: str, at: tuple[int, int], measure: str) -> bool:
    """The story tells its figure at ``at`` of another measure than ``measure``, in a clause that names it nowhere
    before the figure ("Net income and revenue rose 12% and 5%" pairs them some way it does not say)."""
    sentence = sentence_span(text, at[0])
    if _RESPECTIVELY.search(text, *sentence):
        return False
    clause = _clause(text, at, sentence, _CLAUSE_END)
    theirs = _story_measure(text, at, clause)
    return (
        theirs is not None
        and not _alike(theirs, measure)
        and not any(_alike(_name(m), measure) for m in _MEASURE.finditer(text, clause[0], at[0]))
    )


def _told_of_another_period(text: str, at: tuple[int, int], period: str) -> bool:
    """The story tells its figure at ``at`` of another span of time than ``period``, in a clause that names it nowhere
    before the figure."""
    sentence = sentence_span(text, at[0])
    if _RESPECTIVELY.search(text, *sentence):
        return False
    clause = _clause(text, at, sentence, _CLAUSE_END)
    theirs = _story_period(text, at, clause)
    return (
        theirs is not None
        and _periods_differ(theirs, period)
        and all(_periods_differ(other, period) for _, other in _periods(text, clause[0], at[0]))
    )
