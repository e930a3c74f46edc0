"""The checkable facts of a text: numbers with their units, periods, tickers and words, normalised.

Pure Python (no torch), shared by the grounding check (worker/faithfulness/grounding.py): the same
patterns read the headline and its story, so "$1.2 billion" in one and "1.2bn" or "USD 1,200
million" in the other both become the amount 1.2e9, "25%" and "25 percent" the percentage 25,
"Q1", "1Q", "first quarter" and "the quarter ended March 31" the period q1.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from worker.faithfulness.common_words import COMMON_WORDS

_CURRENCY = (
    r"(?:US\$|U\.S\.\s?\$|C\$|CA\$|CAD\$|CDN\$|Cdn\$|A\$|AU\$|AUD\$|HK\$|NZ\$|S\$|NT\$|R\$|\$|€|£|¥|₹"
    r"|(?:USD|EUR|GBP|CAD|AUD|HKD|NZD|SGD|TWD|JPY|CNY|RMB|CHF|SEK|NOK|DKK|INR)(?![A-Za-z]))"
)
#: A currency's name or code after a sum ("2.5 million dollars", "3 billion yen", "50 million EUR"); never "pounds"
#: (of weight as often as sterling), and a singular only in lower case ("2024 Euro Championship", "1 Dollar Store").
_CURRENCY_AFTER = (
    r"(?:(?:U\.S\.|US|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?(?:dollars|(?-i:dollar))|euros|(?-i:euro)"
    r"|yen|yuan|renminbi|rupees|Swiss\s+francs|(?-i:USD|EUR|GBP|CAD|AUD|HKD|NZD|SGD|TWD|JPY|CNY|RMB|CHF|INR|SEK|NOK|DKK)"
    # A wire's currencies in words: "1.2 billion Swedish crowns", "400 million pounds sterling", "2 billion rand"
    r"|(?:Swedish\s+|Norwegian\s+|Danish\s+|Czech\s+|Icelandic\s+)?(?:crowns|kronor|kroner)|koruna|korunas|(?:pounds\s+)?sterling|pesos|reais|rand|roubles"
    r"|rubles|lira|ringgit|rupiah|zlotys?|forints?"
)
#: Scale words after a number. Single letters (m, b, k) only right after the digits or one space, as in "$5M", "1.2b".
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trln": 1e12,
    "trillion": 1e12,
    # Cents: "41c", "41 cents", "41¢" are $0.41 (a wire's "EPS 41c").
    "c": 0.01,
    "cent": 0.01,
    "cents": 0.01,
    "¢": 0.01,
}
_PERCENT_UNITS = ("%", "percent", "per cent", "pct")
_BASIS_POINT_UNITS = ("bps", "bp", "basis point", "basis points")

NUMBER = re.compile(
    # The lookahead first: most characters of a story start no number, and are passed over at once.
    rf"(?=[\d$€£¥₹A-Z])(?<![\w.,])(?P<cur>{_CURRENCY})?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<ord>st|nd|rd|th)\b"
    # "5.5+ Million" is millions; "Rule 10b-18" (a rule's number, as "10b5-1") is no sum in billions, though a web
    # address's "800k-7083836" is a sum.
    r"|\+?\s?-?\s?(?P<unit>%|percent\b|per\s?cent\b|pct\b|bps\b|bp\b|basis\s+points?\b"
    r"|trillion\b|trln\b|tn\b|billion\b|bn\b|bln\b|b\b(?!-\d+(?![\d.,]|\s?(?:b|bn|billion)\b))|million\b|mn\b|mln\b|mm\b|m\b|thousand\b|k\b"
    r"|cents?\b|\u00a2|(?<=\d)(?-i:c)\b)"
    # A number glued to letters ("5G", "A320") is a code, read as a word, not a number.
    r"|(?!\w))"
    # A currency written after the sum: "2.5 million dollars", "EUR" in "50 million EUR".
    rf"(?:\s(?P<cur_after>{_CURRENCY_AFTER})\b)?",
    re.IGNORECASE,
)
#: Two-digit fiscal years and abbreviated years: "FY21", "FY 2021", "Q1'21".
#: And a quarter's or half's short year after a slash ("Q2/25"), or after a space where nothing counted follows
#: ("Q1 25 Results", not "Q3 12 New Customers"). And a range's second year written short: "2024-25", "2024/25".
SHORT_YEAR = re.compile(
    r"(?:\b(?:FY|CY)\s?(?P<fy>\d{4}|\d{2})|'(?P<yy>\d{2})|(?<!\d(?:19|20)\d\d[-/\u2013])(?<=(?:19|20)\d\d[-/\u2013])(?P<ry>\d{2})(?![\d%]|[.,]\d|[-/]\d)|(?<=\b[QH][1-4]/)(?P<qy>\d{2})(?![\d%.,])|(?<=\b[QH][1-4]\s)(?P<qs>\d{2})(?=\s*(?:$|[-–—:;,|(]|results|earnings|financial|update)))\b",
    re.IGNORECASE,
)

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
PERIOD = re.compile(
    r"\b(?:Q(?P<q>[1-4])|(?P<qn>[1-4])Q|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
    r"|H(?P<h>[12])|(?P<hn>[12])H|(?P<hw>first|second|1st|2nd)[\s-]+half)"
    r"(?=\b|\d)",
    re.IGNORECASE,
)

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORDS |= {
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_TENS = {w: v for w, v in _NUMBER_WORDS.items() if v >= 20 and v % 10 == 0}
#: Not "second": "a thirty-second ad" is a length of time far more often than the 32nd.
_UNITS = {w: v for w, v in _NUMBER_WORDS.items() if 1 <= v <= 9 and w != "second"}
#: "twenty-five", "thirty three", "twenty-fifth": one number, not 20 and 5.
_COMPOUND = rf"(?P<tens>{'|'.join(_TENS)})[-\s](?P<unit>{'|'.join(_UNITS)})"
_COMPOUND_NUMBER = re.compile(rf"\b{_COMPOUND}\b", re.IGNORECASE)


def _compound_value(m: re.Match[str]) -> float:
    return float(_TENS[m["tens"].lower()] + _UNITS[m["unit"].lower()])


def _compound_numbers(text: str) -> list[tuple[tuple[int, int], Number]]:
    """Each compound number word of ``text`` with its span, read by :func:`numbers_in` and :class:`Story` alike."""
    return [
        (m.span(), Number(m[0], _compound_value(m), _compound_value(m), "amount", 1.0, 0))
        for m in _COMPOUND_NUMBER.finditer(text)
    ]


#: A count in words with its scale: "a million USDT", "ten million dollars", "twenty-five thousand".
_WORDS_WITH_SCALE = re.compile(
    rf"\b(?P<count>a|{_COMPOUND}|"
    rf"{'|'.join(sorted((w for w, v in _NUMBER_WORDS.items() if v >= 1), key=len, reverse=True))})"
    r"\s+(?P<scale>thousand|million|billion|trillion|cents?)\b"
    r"(?:\s+(?P<cur>(?:u\.?s\.?\s+|canadian\s+|australian\s+)?dollars?|euros?|pounds|yen|yuan|rupees|usd|eur|gbp|cad)\b)?",
    re.IGNORECASE,
)


#: The currency words a count in words may take that :data:`_CODE_OF` lacks ("pounds" there would be any weight's).
_CURRENCY_WORDS = {"pounds": "gbp"}


#: A share or a change told as a fraction or in percentage points: "a fifth of its jobs" (20%), "two-thirds of" (67%),
#: "a quarter of a percentage point" (25 basis points), "1.5 percentage points" (150). Only with "of" after a
#: fraction: "a third consecutive year" is no share.
_FRACTION_PERCENT = {"tenth": 10.0, "fifth": 20.0, "quarter": 25.0, "third": 100 / 3, "half": 50.0}
_FRACTION_WORDS = frozenset({"tenth", "fifth", "quarter", "third", "half", "thirds", "quarters", "percentage"})
_FRACTION = re.compile(
    r"\b(?:(?P<pp>(?:a\s+quarter|half|three[\s-]quarters)(?:\s+of)?\s+a\s+percentage\s+point)"
    r"|(?P<pp_short>three[\s-]quarters?|quarter|half)[\s-]point|(?P<pp_n>\d+(?:\.\d+)?)\s+percentage\s+points?"
    # A share, not a period's or a measure's part: "the second half of 2024", "a quarter of a century".
    r"|(?:(?:a|one)[\s-](?P<one>tenth|fifth|quarter|third)|(?P<two_thirds>two[\s-]thirds)|"
    r"(?P<three_quarters>three[\s-]quarters)|(?<!first\s)(?<!second\s)(?<!the\s)(?P<half>half))\s+of"
    r"(?!\s+(?:a\s+|an\s+|the\s+)?(?:century|centuries|decade|year|month|week|day|hour|minute|second|mile|inch|"
    r"percentage|point|20\d\d|19\d\d)\b))\b",
    re.IGNORECASE,
)


def fractions_told(text: str) -> list[Number]:
    """Shares written as fractions (percent) and changes in percentage points (basis points), as numbers."""
    out = []
    for m in _FRACTION.finditer(text):
        if m["pp"] or m["pp_short"]:
            words = (m["pp"] or m["pp_short"]).lower()
            bp = 75.0 if words.startswith("three") else 50.0 if words.startswith("half") else 25.0
            out.append(Number(m[0], bp, bp, "bp", 1.0, 0))
        elif m["pp_n"]:
            bp = float(m["pp_n"]) * 100
            out.append(Number(m[0], bp, bp, "bp", 1.0, 0))
        else:
            share = (
                _FRACTION_PERCENT[m["one"].lower()]
                if m["one"]
                else 200 / 3
                if m["two_thirds"]
                else 75.0
                if m["three_quarters"]
                else 50.0
            )
            out.append(Number(m[0], share, share, "percent", 1.0, 1))
    return out


def scaled_number_words(text: str) -> list[Number]:
    """Counts written in words with a scale word, as numbers: "ten million USDT" is 10,000,000."""
    out = []
    for m in _WORDS_WITH_SCALE.finditer(text):
        count = m["count"].lower()
        if count == "a":
            mantissa = 1.0
        elif m["tens"]:
            mantissa = _compound_value(m)
        else:
            mantissa = float(_NUMBER_WORDS[count])
        scale = _SCALES[m["scale"].lower()]
        currency = None
        if m["cur"]:
            mark = re.sub(r"\s+", " ", m["cur"].lower())
            currency = _currency(_CURRENCY_WORDS.get(mark, mark))
        out.append(Number(m[0], mantissa * scale, mantissa, "amount", scale, 0, currency))
    return out


_MONTHS = "january february march april may june july august september october november december".split()
#: Month names and their abbreviations -> month number ("Sept." and "Sep" both mean 9).
MONTHS = {m: i + 1 for i, m in enumerate(_MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}

_EXCHANGES = (
    r"NYSE(?:\s+American|\s+MKT|\s+Arca)?|NASDAQ(?:GS|GM|CM)?|AMEX|TSX[-.]V|TSXV?|CSE|LSE|AIM|ASX|OTC(?:QB|QX|MKTS)?"
    r"|OTC\s+Pink|Euronext(?:\s+[A-Z][a-z]+)?|Paris|XETRA|FWB|HKEX|SGX|NZX|JSE|BSE|NSE|SIX|OMX"
)
EXCHANGE_TICKER = re.compile(rf"\b(?P<exchange>(?i:{_EXCHANGES}))\s*:\s*(?P<symbol>[A-Z][A-Z0-9]{{0,5}}(?:\.[A-Z])?)\b")


def exchange_family(name: str) -> str:
    """An exchange's market as a headline may name it: "NYSE American" and "AMEX" are NYSE's, "NasdaqGS" Nasdaq's,
    "OTCQB" and "OTC Pink" the OTC market's, "TSX.V" Toronto's; a headline that shortens one names no other."""
    key = re.sub(r"[\s.-]", "", name.lower())
    for family, prefixes in _FAMILIES_OF_EXCHANGES.items():
        if key.startswith(prefixes):
            return family
    return key


_EXCHANGE_WORD = re.compile(rf"\b(?i:{_EXCHANGES})\b")
_FAMILIES_OF_EXCHANGES = {
    "nasdaq": ("nasdaq",),
    "nyse": ("nyse", "amex"),
    "otc": ("otc",),
    "tsx": ("tsx",),
    "lse": ("lse", "aim"),
    "euronext": ("euronext", "paris"),
    "xetra": ("xetra", "fwb"),
}
#: A symbol a Title Case headline wrote in its own case, in its brackets ("(OTC: Earth)", "(Nasdaq: Aapl)"): looked up
#: in any case. Not a colon's heading ("Nasdaq: Tech Shares Slide", "Paris: Shoppers Return").
TITLED_TICKER = re.compile(rf"\(\s*(?P<exchange>(?i:{_EXCHANGES}))\s*:\s*(?P<symbol>[A-Z][a-z][A-Za-z0-9]{{0,6}})\s*[),;]")
CASHTAG = re.compile(r"(?<![\w$])\$(?P<symbol>[A-Z]{1,6})\b")
#: Not a trademark's sign written against its word, "Leap(TM)", "Skipper(SM)" ("(SM)" apart is SM Energy's ticker).
PAREN_TICKER = re.compile(r"(?:(?<=\w)\((?!TM\)|SM\))|(?<!\w)\((?!TM\)))(?P<symbol>[A-Z]{2,5})\)")

WORD = re.compile(r"[A-Za-z0-9]+")
#: A sentence ends at a stop (or a semicolon) before a capital, never after a time's "a.m." ("at 8 a.m. ET to discuss").
SENTENCE_END = re.compile(r"(?<=[.!?;])(?<![ap]\.m\.)\s+(?=[A-Z\"'(])|\n+")
_GLUED = re.compile(r"(?<=[a-z])\d+(?![\d.,]*\d)")


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """Where the sentence around ``at`` starts and ends (at most 300 characters either side), as :data:`SENTENCE_END`
    splits them: "U.S. next month" is one sentence."""
    start = max(0, at - 300)
    for m in SENTENCE_END.finditer(text, start, at):
        start = m.end()
    end = SENTENCE_END.search(text, at, at + 300)
    return start, end.start() if end else at + 300


@dataclass(frozen=True, slots=True)
class Number:
    """A number as a text states it: its value after units, and how precisely it was written."""

    text: str  # as written, currency and unit included
    value: float  # the mantissa times the scale (percentages and basis points stay as written)
    mantissa: float  # the digits as written: 1.2 in "$1.2 billion"
    kind: str  # "amount", "percent" or "bp"
    scale: float  # 1e9 for "billion"; 1 for no scale word
    decimals: int  # digits written after the decimal point
    currency: str | None = None  # "USD", "$" (a dollar of any country), "EUR", ...; "not USD": converted into it


def read_number(match: re.Match[str]) -> Number:
    """The Number a NUMBER match writes: its value, kind, scale and currency."""
    digits = match["num"].replace(",", "")
    mantissa = float(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    unit = re.sub(r"\s+", " ", (match["unit"] or "").lower())
    kind, scale = "amount", 1.0
    if unit in _PERCENT_UNITS:
        kind = "percent"
    elif unit in _BASIS_POINT_UNITS:
        kind = "bp"
    elif unit:
        scale = _SCALES[unit]
    # A currency after a percentage is the next phrase's ("4.5% EUR notes"), not this number's.
    mark = match["cur"] or (match.groupdict().get("cur_after") if kind == "amount" else None)
    return Number(match[0].strip(), mantissa * scale, mantissa, kind, scale, decimals, _currency(mark))


#: Each currency's marks, by the code a Number carries; a bare "$" is any dollar ("$" in a Canadian release is C$).
_CURRENCY_CODES = {
    "USD": ("us$", "u.s.$", "u.s. $", "usd", "us dollars", "u.s. dollars", "us dollar", "u.s. dollar"),
    "CAD": ("c$", "ca$", "cad$", "cdn$", "cad", "canadian dollars", "canadian dollar"),
    "AUD": ("a$", "au$", "aud$", "aud", "australian dollars", "australian dollar"),
    "TWD": ("nt$", "twd"),
    "HKD": ("hk$", "hkd", "hong kong dollars", "hong kong dollar"),
    "NZD": ("nz$", "nzd", "new zealand dollars", "new zealand dollar"),
    "SGD": ("s$", "sgd", "singapore dollars", "singapore dollar"),
    "BRL": ("r$", "reais"),
    "EUR": ("€", "eur", "euro", "euros"),
    "GBP": ("£", "gbp", "sterling", "pounds sterling"),
    "JPY": ("jpy", "yen"),
    "CNY": ("cny", "rmb", "yuan", "renminbi"),
    "¥": ("¥",),  # the yen or the yuan
    "INR": ("₹", "inr", "rupees"),
    "CHF": ("chf", "swiss francs"),
    "SEK": ("sek", "swedish crowns", "swedish kronor"),
    "NOK": ("nok", "norwegian crowns", "norwegian kroner"),
    "DKK": ("dkk", "danish crowns", "danish kroner"),
    "KR": ("crowns", "kronor", "kroner"),  # a Scandinavian crown of a country unsaid
    "CZK": ("czech crowns", "koruna", "korunas"),
    "ISK": ("icelandic crowns",),
    "PESO": ("pesos",),
    "ZAR": ("rand",),
    "RUB": ("roubles", "rubles"),
    "TRY": ("lira",),
    "MYR": ("ringgit",),
    "IDR": ("rupiah",),
    "PLN": ("zloty", "zlotys"),
    "HUF": ("forint", "forints"),
    "$": ("$", "dollar", "dollars"),
}
_CODE_OF = {mark: code for code, marks in _CURRENCY_CODES.items() for mark in marks}
_DOLLARS = frozenset({"$", "USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD"})
#: A sign that writes several currencies, and those it may be.
_FAMILIES = {"$": _DOLLARS, "¥": frozenset({"¥", "JPY", "CNY"}), "KR": frozenset({"KR", "SEK", "NOK", "DKK"})}
#: "12.4 million (c. $17.0 million)": a sum followed by its conversion, so in another currency (its own sign was lost).
_CONVERTED_AFTER = re.compile(
    rf"\s*\((?:c\.|ca\.|approx(?:imately|\.)?|about|around|roughly|some|~|equivalent\s+to)?\s*(?P<cur>{_CURRENCY})\s?\d"
)


def _currency(mark: str | None) -> str | None:
    return _CODE_OF.get(re.sub(r"\s+", " ", mark.lower())) if mark else None


def same_currency(headline: str | None, story: str | None) -> bool:
    """Whether a headline's currency may be the story's: either unstated, the same, or a bare "$" and a dollar; never
    the currency a story's sum was converted into ("not USD")."""
    if headline is None or story is None:
        return True
    if story.startswith("not "):
        return not _may_be(headline, story.removeprefix("not "))
    return _may_be(headline, story)


def _may_be(a: str, b: str) -> bool:
    return a == b or b in _FAMILIES.get(a, ()) or a in _FAMILIES.get(b, ())


def numbers_in(text: str, number_words: bool = True) -> list[tuple[tuple[int, int], Number]]:
    """Every number of ``text`` with its span: numerals with units, fiscal years, and number words unless told not."""
    years = []
    for m in SHORT_YEAR.finditer(text):
        digits = m["fy"] or m["yy"] or m["ry"] or m["qy"] or m["qs"]
        if m["ry"]:  # in the first year's century: "1998-99" is 1999
            year = float(text[m.start() - 5 : m.start() - 3] + digits)
        else:
            year = float(digits) if len(digits) == 4 else 2000.0 + float(digits)
        years.append((m.span(), Number(m[0], year, year, "amount", 1.0, 0)))
    # A short year's digits are its year only ("Q2/25" states 2025, not 25).
    spans = {span for span, _ in years}
    found = [
        (m.span(), _with_conversion(read_number(m), text, m.end()))
        for m in NUMBER.finditer(text)
        if m.span() not in spans and not _a_code_in_cents(text, m)
    ]
    found += years
    compounds = _compound_numbers(text) if number_words else []
    found += compounds
    for m in NUMBER_WORD.finditer(text) if number_words else ():
        if any(a <= m.start() < b for (a, b), _ in compounds):
            continue
        value = float(_NUMBER_WORDS[m[0].lower()])
        found.append((m.span(), Number(m[0], value, value, "amount", 1.0, 0)))
    return found


#: A code's word before digits and a "c": "Model 5c", "Rule 10c", "Class 2c" name things, not cents.
_CODE_WORD_BEFORE = re.compile(
    r"\b(?:model|class|phase|rule|series|type|grade|section|form|schedule|note|tier|level|stage|article|part|item|"
    r"chapter|version|gen|generation|size|no\.?|number)\s*$",
    re.IGNORECASE,
)


def _a_code_in_cents(text: str, m: re.Match[str]) -> bool:
    return (m["unit"] or "") == "c" and _CODE_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()) is not None


def _with_conversion(number: Number, text: str, end: int) -> Number:
    """``number``, marked as in another currency than the one it is converted into right after, if it has none."""
    if number.currency is not None or number.kind != "amount":
        return number
    converted = _CONVERTED_AFTER.match(text, end)
    code = _currency(converted["cur"]) if converted else None
    return number if code is None else dataclasses.replace(number, currency=f"not {code}")


#: A period told by the month it ends in: "the quarter ended Sept. 30" (q3), "six months ended June 30" (h1).
#: Calendar quarters: the way a headline names them ("Q3") whatever the company's fiscal calendar.
_PERIOD_ENDED = re.compile(
    r"\b(?P<span>quarter|three[\s-]+months?|six[\s-]+months?|half(?:[\s-]+year)?)\s+(?:ended|ending)\s+(?:on\s+)?"
    r"(?P<month>[A-Za-z]{3,9})\.?",
    re.IGNORECASE,
)


_NAMED_BEFORE = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|fiscal|interim)[\s-]+$", re.IGNORECASE)

#: A period's year right after it: "Q2 2025", "second quarter of fiscal 2025", "Q2, 2025"; or a short one glued to it or
#: after a mark ("1Q25", "Q2'25", "Q2/25", "Q2 FY25"), never after a bare space ("Q4 31 December", "Q3 12 New Customers").
_YEAR_AFTER_PERIOD = re.compile(
    # "Fourth Quarter and Full Year 2025", "Q4 and FY 2025": the year is the quarter's too.
    r"(?P<also>\s+(?:and|&)\s+(?:the\s+)?(?:(?:(?:full|fiscal|entire)[\s-]+)?year(?:[\s-]end(?:ed)?)?|FY))?"
    r"(?:[\s,]*|[/-])(?:of\s+)?(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?(?P<year>(?:19|20)\d\d)\b"
    r"|(?:['/]|\s?FY\s?)?(?P<short>\d\d)(?![\d%]|[.,]\d)",
    re.IGNORECASE,
)
_PLAN_AFTER = re.compile(r"\s+(?:guidance|outlook|forecasts?|targets?|expectations|plans?|budgets?)\b", re.IGNORECASE)
#: A period written as a code, which a short year may follow ("1Q25"); not "the three months ended March31".
_PERIOD_CODE = re.compile(r"(?:[QH][1-4]|[1-4][QH])$", re.IGNORECASE)
#: Words a figure is compared with another by ("compared with", "versus", "from").
_COMPARING_WORDS = r"compared\s+(?:to|with)|versus|vs\.?|from|against"
#: A period's year told as what figures are compared with: "compared to $45.3 million in the third quarter of 2024",
#: "up from 1Q24", "(H1 2024: EUR 9 million)".
_COMPARED_BEFORE = re.compile(
    rf"(?:\(\s*|\b(?:{_COMPARING_WORDS}|relative\s+to|than|prior|previous|last)\b[^.;!?]{{0,45}})$", re.IGNORECASE
)
#: A year before a period: "2024 fourth quarter", "2025 fiscal Q1".
_YEAR_BEFORE_PERIOD = re.compile(r"\b(?P<year>(?:19|20)\d\d)(?:\s+fiscal)?[\s-]+$", re.IGNORECASE)
#: A fiscal period's end in a calendar year says nothing of the year it is named for ("fiscal first quarter, ended
#: December 31, 2025" is Q1 fiscal 2026).
_FISCAL_NEAR = re.compile(r"\bfiscal\b", re.IGNORECASE)
#: A text that names a fiscal calendar, whose quarters and halves are the company's own (its fourth quarter may end
#: in June): the period rules of claims.py and scopes.py read no calendar quarter there.
FISCAL_CALENDAR = re.compile(r"\bfiscal\b|\bFY|\bfinancial\s+year", re.IGNORECASE)
#: "the third quarter and full year ended December 31, 2024"; "March31" as a scrape glues it too.
_ENDED_YEAR = re.compile(r"\bended\s+[A-Za-z]+\.?\s*\d{1,2},?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def period_years_in(text: str) -> list[tuple[tuple[int, int], str, str]]:
    """Each quarter or half written with its year, as (span, period, year): "Q2 2025" is ("q2", "2025"), and so are
    "2Q25", "2025 second quarter" and "the quarter ended June 30, 2025"."""
    found = []
    for (start, end), period in periods_in(text):
        fiscal = _FISCAL_NEAR.search(text, max(0, start - 12), end)
        if not fiscal and (ended := _ENDED_YEAR.search(text, start, end + 60)):
            found.append(((start, ended.end()), period, ended["year"]))
        elif (
            (after := _YEAR_AFTER_PERIOD.match(text, end))
            and (after["year"] or _PERIOD_CODE.search(text, start, end))
            # "Q4 and Full-Year 2026 Outlook": the year of a plan, not the quarter's
            and not (after["also"] and _PLAN_AFTER.match(text, after.end()))
        ):
            found.append(((start, after.end()), period, after["year"] or "20" + after["short"]))
        elif before := _YEAR_BEFORE_PERIOD.search(text, max(0, start - 12), start):
            found.append(((before.start(), end), period, before["year"]))
    return found


#: A month's name as a date writes it, capitalised in any text ("20 may lose jobs", "UP TO 20 MAY" name no month).
_MONTH_NAME = r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_DAY_TO = r"\s*(?:-|\u2013|\u2014|to|through|thru|until|till|and|&)\s*"
#: A day of a month, or days: "May 12", "Sept. 12-14", "May 12, 13 and 14", "12 May", "12-14 May", "12th of May"; a
#: time's, a decimal's or an amount's digits are no day ("May 12:30", "May 1.5", "May 12 Million Passengers"), nor is a
#: count before a name ("5 March Madness Picks": a day first is followed by a year or by no capitalised word). A scrape
#: glues a month to the word before it ("the upcomingOctober 13, 2020 deadline"), as it glues digits.
_DATES = (
    re.compile(
        rf"(?:\b|(?<=[a-z]))(?P<month>{_MONTH_NAME})\.?\s+(?P<first>{_DAY})(?:,\s*{_DAY}\b)*(?:{_DAY_TO}(?P<last>{_DAY}))?\b"
        r"(?![.,:]\d|\s?(?:%|(?:percent|million|billion|thousand|m|bn|k)\b))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<first>{_DAY})(?:{_DAY_TO}(?P<last>{_DAY}))?\s+(?:of\s+)?(?P<month>{_MONTH_NAME})\b\.?"
        r"(?=,?\s+(?:19|20)\d\d\b|(?-i:(?!\s+[A-Z][a-z])))",
        re.IGNORECASE,
    ),
)
_NUMERIC_DATES = (
    re.compile(r"\b(?P<month>[01]?\d)/(?P<first>[0-3]?\d)/(?:19|20)?\d\d\b"),
    re.compile(r"\b(?:19|20)\d\d-(?P<month>[01]\d)-(?P<first>[0-3]\d)\b"),
    re.compile(r"\b(?P<first>[0-3]?\d)\.(?P<month>[01]?\d)\.(?:19|20)\d\d\b"),  # "12.05.2025", day first
    re.compile(rf"\b(?P<first>[0-3]?\d)-(?P<month>{_MONTH_NAME})-(?:19|20)?\d\d\b"),  # "1-Jan-2026"
)
#: Days a story writes in ways not read as dates ("on Monday the 12th", "on 5/12", "January first"): where it does,
#: a headline's date is not held to the story's dates.
_UNREAD_DAYS = re.compile(
    rf"\bthe\s+[0-3]?\d(?:st|nd|rd|th)\b|(?<![\d/])[01]?\d/[0-3]?\d(?![\d/])|\b{_MONTH_NAME}\.?\s+"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|twentieth|\w+tieth|thirty-first)\b",
    re.IGNORECASE,
)


def writes_unread_days(text: str) -> bool:
    """Whether ``text`` writes a day of a month in a way :func:`dates_in` does not read."""
    return _UNREAD_DAYS.search(text) is not None


def dates_in(text: str, numeric: bool = True) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Each day of a month ``text`` names, with its span, as (month, day) pairs: every day of a range ("Oct. 2-5");
    and, unless told not, dates in digits ("10/2/2025", "2025-10-02", read month first)."""
    found = []
    for pattern in _DATES + (_NUMERIC_DATES if numeric else ()):
        for m in pattern.finditer(text):
            month = int(m["month"]) if m["month"].isdigit() else MONTHS[m["month"].lower().rstrip(".")]
            first = int(re.match(r"\d+", m["first"])[0])
            last = int(re.match(r"\d+", m["last"])[0]) if m.groupdict().get("last") else first
            if not (1 <= month <= 12 and 1 <= first <= 31 and 1 <= last <= 31):
                continue
            days = range(first, last + 1) if first <= last else (first, last)
            found.append((m.span(), [(month, day) for day in days]))
    return found


def periods_in(text: str) -> list[tuple[tuple[int, int], str]]:
    """Quarters and halves, each as "q1".."q4" or "h1".."h2", with its span."""
    found = []
    for m in _PERIOD_ENDED.finditer(text):
        month = MONTHS.get(m["month"].lower())
        if month is None or month % 3:
            continue  # not the last month of a calendar quarter
        if _NAMED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "the fiscal fourth quarter ended June 30": the company's own calendar names it
        if m["span"].lower().startswith(("six", "half")):
            if month % 6 == 0:
                found.append((m.span(), f"h{month // 6}"))
        else:
            found.append((m.span(), f"q{month // 3}"))
    for m in PERIOD.finditer(text):
        if m["q"] or m["qn"] or m["qw"]:
            n = m["q"] or m["qn"] or _ORDINALS[m["qw"].lower()]
            found.append((m.span(), f"q{n}"))
        else:
            n = m["h"] or m["hn"] or _ORDINALS[m["hw"].lower()]
            found.append((m.span(), f"h{n}"))
    return found


def stem(word: str) -> str:
    """A light suffix strip, enough to match "Reports" with "reported" and "Technavio" with "Technavios"."""
    for suffix in ("ings", "ing", "ies", "ied", "ers", "es", "ed", "er", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


#: What may follow a name in a story or a headline and still be that name: plurals, possessives, a scrape's glued "s".
_NAME_ENDINGS = frozenset({"", "s", "es", "'s", "’s", "ian", "ians", "n", "ns"})
#: The endings that make a people of a place ("Kenya" / "Kenyan", "Brazil" / "Brazilian"): only from a name, never from
#: a short or common word ("Forian" is not the story's "for", nor "Showian" its "show"). Place names are no common words
#: here, though the dictionary lists them ("Asia" / "Asian").
_PEOPLE_ENDINGS = frozenset({"ian", "ians", "n", "ns"})


def _name_with_ending(stem: str, ending: str) -> bool:
    """``stem`` with ``ending`` is a form of the name ``stem``: an inflection or possessive of any, a people's of a name."""
    return ending in _NAME_ENDINGS and (ending not in _PEOPLE_ENDINGS or (len(stem) >= 4 and stem not in COMMON_WORDS))


#: Words that make the number after them a bound: at least ("Over $1 Million", "More Than 10M", "1,500+ Acres"),
#: or at most ("Nearly 15,000").
_AT_LEAST_BEFORE = re.compile(
    r"\b(?:over|(?<!\bno\s)(?<!\bnot\s)more\s+than|above|(?<!\bnot\s)exceeding|exceeds?|surpassing|surpass(?:es)?|"
    r"tops|topping|beyond|at\s+least|(?:no|not)\s+less\s+than|(?:no|not)\s+fewer\s+than|in\s+excess\s+of)\s+$",
    re.IGNORECASE,
)
_AT_MOST_BEFORE = re.compile(
    r"\b(?:nearly|almost|close\s+to|just\s+under|under|(?<!\bno\s)(?<!\bnot\s)less\s+than|(?<!\bno\s)(?<!\bnot\s)fewer\s+than|"
    r"below|at\s+most|(?:no|not)\s+more\s+than|not\s+exceeding)\s+$",
    re.IGNORECASE,
)
#: A value written as near, on either side: "About $5 Billion", "Near $10,000", "Roughly 20%".
_ABOUT_BEFORE = re.compile(
    # not "about" as "concerning": "Warns About 10% Tariff Hit"
    r"(?:(?<!\bwarns\s)(?<!\bwarned\s)(?<!\btalks\s)(?<!\bworried\s)(?<!\bconcerned\s)(?<!\basks\s)(?<!\bsays\s)"
    r"(?<!\bspeaks\s)(?<!\bcares\s)(?<!\bfears\s)(?<!\bthinks\s)(?<!\bknow\s)(?<!\bcautious\s)(?<!\bupbeat\s)"
    r"(?<!\bbullish\s)(?<!\bbearish\s)(?<!\boptimistic\s)(?<!\bpessimistic\s)(?<!\bcomments\s)(?<!\bquestions\s)"
    r"\babout|\b(?:around|approximately|approx\.|roughly|near|some|circa)|~)\s*$",
    re.IGNORECASE,
)
#: A ceiling a story writes, which a headline's "Over" contradicts but which no headline's value may round into
#: ("Up to $200,000 in Grants" is not the $196,000 awarded): read only by :meth:`Story.contradicts_bound`.
_CEILING_BEFORE = re.compile(r"\b(?:up\s+to|as\s+much\s+as)\s+$", re.IGNORECASE)


Bound = Literal["at_least", "at_most"]


def bound_of(text: str, span: tuple[int, int]) -> Bound | None:
    """Whether the number at ``span`` of ``text`` is written as a bound: "at_least", "at_most", or None."""
    before = text[max(0, span[0] - 20) : span[0]]
    if text[span[1] : span[1] + 1] == "+" or "+" in text[span[0] : span[1]] or _AT_LEAST_BEFORE.search(before):
        return "at_least"
    if _AT_MOST_BEFORE.search(before):
        return "at_most"
    return None


def approximate(text: str, span: tuple[int, int]) -> bool:
    """Whether the number at ``span`` of ``text`` is written as near, on either side ("Near $10,000")."""
    return _ABOUT_BEFORE.search(text[max(0, span[0] - 20) : span[0]]) is not None


def _near(told: Number, number: Number) -> bool:
    """``told`` is of ``number``'s kind and near it on either side: within half a unit of its last significant written
    digit and a tenth of it (:meth:`Story.supports_approximately`)."""
    reach = min(0.5 * _unit(number), 0.1 * abs(number.value))
    return told.kind == number.kind and abs(told.value - number.value) <= reach * (1 + 1e-9)


def _unit(number: Number) -> float:
    """One unit of a number's last significant written digit: 100 for "1,100", 1 million for "$1 Million", 0.1 for
    "2.5"."""
    if number.decimals:
        return 10.0**-number.decimals * number.scale
    digits, zeros = int(number.mantissa), 0
    while digits and digits % 10 == 0:
        digits //= 10
        zeros += 1
    return 10.0**zeros * number.scale


#: A range whose first number leaves its scale to the second: "$30 and $35 million", "$30-35 million".
_RANGE = re.compile(
    rf"(?<![\w.,])(?P<cur>{_CURRENCY})?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"\s*(?:to|and|or|-|–)\s*{_CURRENCY}?\s?(?P<second>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<unit>trillion|tn|billion|bn|bln|million|mn|mln|thousand)\b",
    re.IGNORECASE,
)


def _scale_shared(m: re.Match[str]) -> bool:
    """A range's first number is written short ("$30 and $35 million"), not a year or a number of its own
    ("from 500,000 users in 2019 to 2 million", "$500,000 to $1 million")."""
    first = m["num"]
    second = float(re.sub(r"[^\d.]", "", m["second"]))
    return "," not in first and not re.fullmatch(r"(?:19|20)\d\d", first) and float(first) < second


#: Where a results sentence turns to the periods it is compared with.
_COMPARISON = re.compile(
    r"\b(?:(?:as\s+)?compared\s+(?:to|with)|versus|vs\.?|relative\s+to|over\s+the\s+(?:same|prior|previous|comparable)|"
    r"(?:up|down)\s+(?:\S+\s+){0,3}?from)\b",
    re.IGNORECASE,
)
#: A sentence that reports results: "today reported results of operations for the three months ended March 31",
#: "announced its financial results for the fourth quarter and year ended December 31, 2020".
_FOUR_DIGIT_YEAR = re.compile(r"(?<![\d.,$])(?:19|20)\d\d(?![\d%])")
_RESULTS_REPORTED = re.compile(
    r"\b(?:report(?:s|ed)?|announc(?:es|ed)|releas(?:es|ed)|post(?:s|ed))\b[^.]{0,80}?\b(?:results|earnings)\b[^.]{0,40}?\bfor\b"
    r"|\b(?:results|earnings)\s+(?:of\s+operations\s+)?for\s+the\b",
    re.IGNORECASE,
)
#: A sentence that files or reports a year's accounts: "filed its annual report ... on Form 20-F for the year ended".
_ACCOUNTS_FILED = re.compile(r"\b(?:annual\s+report|form\s+(?:10-K|20-F|40-F)|financial\s+statements)\b", re.IGNORECASE)
#: The end of a year the accounts cover: "for the year ended December 31, 2020", "fiscal year ended 31st March 2021",
#: "53-week fiscal year ended January 2, 2021"; not a half year's ("the half year ended 31 December 2021" is H1 of
#: fiscal 2022 in Sydney).
YEAR_ENDED = re.compile(
    r"(?<!half[\s-])\b(?:fiscal\s+)?year\s+ended\s+(?:(?P<month>[A-Z][a-z]+)\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?|"
    r"(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month_after>[A-Z][a-z]+)\.?),?\s*(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: A web address, with or without its scheme: "https://www.citybiz.co/article/750168/corintis-raises-24m",
#: "newsramp.com/curated-news/airnet-raises-180m".
#: A domain's labels bounded (at most 10, each 63 characters as DNS allows): unbounded, "1.1.1.1..." took seconds.
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,10}\.[a-z]{2,6}/\S+", re.IGNORECASE)
#: A hash's or an image name's run of letters and digits ("fb37e58ba65b77a", "8zo9Lf3j"), whose digits state
#: nothing: five runs of letters and digits or more. A slug's word keeps its number ("24m", "24million",
#: "37th", "fy2025q3").
_RUN = re.compile(r"[A-Za-z]+|\d+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _in_a_code(text: str, span: tuple[int, int]) -> bool:
    digits = _DIGITS.search(text, *span)
    if digits is None:
        return False
    start, end = digits.span()
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return len(_RUN.findall(text, start, end)) >= 5


#: Digits glued to a month by the scrape ("ended March31, 2020").
_GLUED_DAY = re.compile(r"(?<=[a-z])(?=\d)")


class Story:
    """What a story states, indexed once for every headline checked against it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = sorted({w.lower() for w in WORD.findall(text)})
        self._word_set = set(self.words)
        placed = numbers_in(text, number_words=False)
        # Digits glued to a word by the scrape ("on July14, 2020") still state a number.
        placed += [(m.span(), Number(m[0], float(m[0]), float(m[0]), "amount", 1.0, 0)) for m in _GLUED.finditer(text)]
        # A range's first number takes the scale of its second: "$30 and $35 million" states $30 million.
        placed += [(m.span(), read_number(m)) for m in _RANGE.finditer(text) if _scale_shared(m)]
        # A web address's slug copies a title without its currency: "raises-24m-series-a" beside the body's "$24M"
        # is that sum, not one in any currency that would support "€24M". A slug's number the body also writes is
        # dropped; one the body lacks stays (a release's syndication links often hold its title's figures alone).
        urls = [m.span() for m in _URL.finditer(text)]
        in_url = [any(a <= span[0] < b for a, b in urls) for span, _ in placed]
        body = {(n.kind, n.value) for (_, n), url in zip(placed, in_url) if not url}
        kept = [
            (span, n, url)
            for (span, n), url in zip(placed, in_url)
            if not url or ((n.kind, n.value) not in body and not _in_a_code(text, span))
        ]
        #: Each number the story writes in digits, with where it stands (read by worker/faithfulness/totals.py).
        self.placed = [(span, n) for span, n, _ in kept]
        self.numbers = [n for _, n in self.placed]
        self._slug_figures = {id(n) for _, n, url in kept if url}
        # Number words from the word index: one regex fewer over a long story.
        self.numbers += [Number(w, float(v), float(v), "amount", 1.0, 0) for w, v in _NUMBER_WORDS.items() if w in self._word_set]
        if self._word_set & {"thousand", "million", "billion", "trillion", "cent", "cents"}:
            self.numbers += scaled_number_words(text)
        if self._word_set & _FRACTION_WORDS:
            self.numbers += fractions_told(text)
        if self._word_set & _TENS.keys():
            self.numbers += [n for _, n in _compound_numbers(text)]
        self._mantissas: dict[float, set[str | None]] = {}
        for n in self.numbers:
            self._mantissas.setdefault(n.mantissa, set()).add(n.currency)
        self.periods = {p for _, p in periods_in(text)}
        self.months = {MONTHS[w] for w in self._word_set if w in MONTHS}

    @cached_property
    def _period_years(self) -> list[tuple[tuple[int, int], str, str]]:
        return period_years_in(self.text)

    @cached_property
    def period_years(self) -> set[tuple[str, str]]:
        """Every (period, year) the story writes together ("Q2 2025" is ("q2", "2025"))."""
        return {(period, year) for _, period, year in self._period_years}

    @cached_property
    def undated_lead_periods(self) -> set[str]:
        """The periods the story's lead (its first 500 characters) names without a year ("will release its third quarter
        results on November 5, 2025", "expects the deal to close in the third quarter of this year"): their year is the
        story's own, whatever years other mentions carry."""
        dated = [span for span, _, _ in self._period_years]
        return {
            period for (start, end), period in periods_in(self.text[:500]) if not any(a <= start and end <= b for a, b in dated)
        }

    @cached_property
    def dated_periods(self) -> set[str]:
        """The periods the story gives a year of their own: not only as what figures are compared with ("compared to
        $45.3 million in the third quarter of 2024", "(H1 2024: EUR 9 million)")."""
        return {
            period
            for (start, _), period, _ in self._period_years
            if not _COMPARED_BEFORE.search(self.text, max(0, start - 60), start)
        }

    @cached_property
    def dates(self) -> set[tuple[int, int]]:
        """Every (month, day) the story names, its web addresses' slugs included ("...-launching-april-13th"): a
        release's syndication links often hold its title's date alone, as they do its figures."""
        slugs = " ".join(re.sub(r"[-_/.]+", " ", m[0]).title() for m in _URL.finditer(self.text))
        return {day for text in (self.text, slugs) for _, days in dates_in(text) for day in days}

    @cached_property
    def _opening_sentences(self) -> list[str]:
        """The sentences of the story's first 6,000 characters, where a release states what it reports."""
        return re.split(r"(?<=[.!?])\s+(?=[A-Z])", self.text[:6000])

    @cached_property
    def _results_sentences(self) -> list[str]:
        """The story's own first three sentences that report results."""
        return [s for s in self._opening_sentences if _RESULTS_REPORTED.search(s)][:3]

    @cached_property
    def results_periods(self) -> set[str]:
        """The quarters and halves the story's own results sentences name (the first three such sentences); empty
        when it reports no results or names no period there. Read only for a headline about results."""
        periods: set[str] = set()
        for sentence in self._results_sentences:
            # The periods a results sentence compares with are not its results: "for the second quarter of 2025,
            # compared to the second quarter of 2024".
            reported = _COMPARISON.split(sentence, maxsplit=1)[0]
            periods |= {p for _, p in periods_in(_GLUED_DAY.sub(" ", reported))}
        return periods

    @cached_property
    def results_period_years(self) -> set[str]:
        """The years the story's own results sentences give their periods (the first three such sentences, each up
        to where it turns to what it is compared with): "for the second quarter ended June 30, 2025" gives 2025; a
        dateline's year or "founded in 2009" gives none."""
        years: set[str] = set()
        for sentence in self._results_sentences:
            reported = _COMPARISON.split(_GLUED_DAY.sub(" ", sentence), maxsplit=1)[0]
            for (start, end), _ in periods_in(reported):
                after = _FOUR_DIGIT_YEAR.search(reported, end, end + 45)  # "quarter ended June 30, 2025", "of 2025"
                before = _FOUR_DIGIT_YEAR.search(reported, max(0, start - 12), start)  # "2025 first quarter"
                years |= {m[0] for m in (after, before) if m}
        return years

    @cached_property
    def results_years(self) -> set[str]:
        """The years the accounts may be named for, that the story's own results or filing sentences give (the first
        three such sentences); empty when none names one. A year ended in the last week of December is that year's
        ("for the fourth quarter and year ended December 31, 2020" is 2020's), one ended in January's first week the
        year before's ("53-week fiscal year ended January 2, 2021" is fiscal 2020); a year ended in any other month
        is named either way by companies ("the year ended March 31, 2021" is fiscal 2021 in London, FY2020 in
        Tokyo), so the year before counts too where the story writes it ("2021 Results" over the year ended August
        31, 2020 is flagged)."""
        sentences = [s for s in self._opening_sentences if _RESULTS_REPORTED.search(s) or _ACCOUNTS_FILED.search(s)]
        years: set[str] = set()
        for m in (m for s in sentences[:3] for m in YEAR_ENDED.finditer(s)):
            month = MONTHS.get((m["month"] or m["month_after"]).lower())
            if month is None:
                continue  # "year ended Friday 2, 2020" is no date
            day, year = int(m["day"] or m["day_first"]), int(m["year"])
            if month == 12 and day >= 24:
                years.add(str(year))
            elif month == 1 and day <= 7:
                years.add(str(year - 1))
            else:
                years.add(str(year))
                before = rf"(?<![\d.,$]){year - 1}(?![\d%])|\bFY\s?'?{(year - 1) % 100:02d}\b"  # "2020", "FY20"
                if re.search(before, self.text, re.IGNORECASE):
                    years.add(str(year - 1))
        return years

    def has_word(self, word: str) -> bool:
        """The word, any case, or a story word sharing its beginning: all of a short word, all but 3 letters of a long one.

        Shared beginnings take inflections and derivations ("Reports" / "reported", "Contributors" /
        "contribute") and the scrape's joined words ("Achievementis"), at the price of rare false
        matches ("Meta" in "metal").
        """
        lower = word.lower()
        if lower in self._word_set:
            return True
        probe = lower[: max(5, len(lower) - 3)]
        i = bisect.bisect_left(self.words, probe)
        return i < len(self.words) and self.words[i].startswith(probe)

    def has_name(self, word: str) -> bool:
        """A name: the word in any case, or a story word that is it with an inflection or possessive (a scrape's
        "Technavios" for "Technavio"), never merely a word sharing its beginning ("Intel" is not in "intelligence")."""
        lower = word.lower()
        if lower in self._word_set:
            return True
        i = bisect.bisect_left(self.words, lower)
        while i < len(self.words) and self.words[i].startswith(lower):
            if _name_with_ending(lower, self.words[i][len(lower) :]):
                return True
            i += 1
        return any(
            lower.endswith(end) and lower[: -len(end)] in self._word_set and _name_with_ending(lower[: -len(end)], end)
            for end in _NAME_ENDINGS
            if end
        )

    def has_phrase(self, phrase: str) -> bool:
        """A name of one or more words ("united states", "u.s"), each word as :meth:`has_name` finds it, side by side."""
        words = phrase.split()
        if len(words) == 1:
            return self.has_name(phrase.replace(".", "")) or (
                "." in phrase and re.search(rf"(?<![\w.]){re.escape(phrase)}\.?(?!\w)", self.text, re.IGNORECASE) is not None
            )
        return re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", self.text, re.IGNORECASE) is not None

    def listed_on(self, symbol: str, exchange: str, any_case: bool = False) -> bool:
        """The story lists ``symbol`` on ``exchange``'s market, or never writes the symbol beside an exchange at all:
        "(NYSE: NUS)" over a story's "(NASDAQ: NUS)" names the wrong market, though "NYSE" stands beside another
        company's symbol."""
        flags = re.IGNORECASE if any_case else 0
        markets = {
            exchange_family(m["exchange"])
            for m in EXCHANGE_TICKER.finditer(self.text)
            if re.fullmatch(re.escape(symbol), m["symbol"], flags)
        }
        family = exchange_family(exchange)
        if not markets or family in markets:
            return True
        # A listing told in other ways, in a sentence that names the symbol: "(NYSE, TSX: SHOP)", "trades on the TSX
        # and on the NYSE under the symbol ACG", "(NYSE American: ACM) will transfer its listing to the Nasdaq". Not
        # an exchange of another symbol's pair ("NYSE American: DNN" beside the headline's company's).
        symbol_at = re.compile(rf"(?<![A-Za-z0-9]){re.escape(symbol)}(?![A-Za-z0-9])", flags)
        for sentence in SENTENCE_END.split(self.text):
            if not symbol_at.search(sentence):
                continue
            pairs = [m.span() for m in EXCHANGE_TICKER.finditer(sentence) if not symbol_at.fullmatch(m["symbol"])]
            if any(
                exchange_family(m[0]) == family and not any(a <= m.start() < b for a, b in pairs)
                for m in _EXCHANGE_WORD.finditer(sentence)
            ):
                return True
        return False

    def has_symbol(self, symbol: str, any_case: bool = False) -> bool:
        """A ticker symbol, case as written (or in any case), as a whole token of the story."""
        flags = re.IGNORECASE if any_case else 0
        return re.search(rf"(?<![A-Za-z0-9]){re.escape(symbol)}(?![A-Za-z0-9])", self.text, flags) is not None

    def supports_number(self, number: Number, bound: Bound | None = None) -> bool:
        """The story states this value: equal after units, or the headline rounded it (to its written precision).

        Rounding is accepted within half a unit of the headline's last written digit and 5% of the
        value: "$1.3 billion" for 1,263 million, "9%" for 9.3%, but not "$1 billion" for 1.4 billion
        nor "100,000" for 95,000 (no written decimals: exact); so is a value cut at that digit ("$101K" for
        $101,854, "123%" for 123.8%). A number without a scale word is also
        supported by the same digits anywhere in the story ("$584" beside "$584 million"), so a cut
        extract or a bare year is never judged by a unit it left out; but not by digits in another
        currency ("€777" is not "$777").

        A ``bound`` (:func:`bound_of`) also takes a value on its side of the number and near it (one unit of its last
        written digit and a quarter of it at most): "Over $1 Million" for $1,173,800, "Over 1,100%" for 1,112%,
        "Nearly 15,000" for 14,800; not "Tops $1 Billion" for $1.4 billion.
        """
        told_numbers = self.numbers
        if self._slug_figures and number.currency is not None and not self._may_write(number.currency):
            # A slug's figure copies a title without its sign; in a story that writes sums in another currency and
            # never in this one, it backs no sum in this one: "€14,000" over "award-14000" beside "$500".
            told_numbers = [n for n in self.numbers if id(n) not in self._slug_figures]
        # A figure without a currency ("2,000,000 shares") backs a sum in a named one only where the story never
        # writes that sum with a currency: "€2 Million" over "$2.0 million" (and 2,000,000 shares) is the wrong one.
        if number.kind == "amount" and number.scale == 1.0:
            currencies = (
                self._mantissas.get(number.mantissa, set())
                if told_numbers is self.numbers
                else {n.currency for n in told_numbers if n.mantissa == number.mantissa}
            )
            if any(same_currency(number.currency, c) for c in _named_if_any(number, currencies)):
                return True
        any_currency = dataclasses.replace(number, currency=None)
        agreeing = [told for told in told_numbers if _agrees(told, any_currency, bound)]
        named = _named_if_any(number, {told.currency for told in agreeing})
        return any(told.currency in named and same_currency(number.currency, told.currency) for told in agreeing)

    def _may_write(self, currency: str) -> bool:
        """Whether the story may write a sum in ``currency``: it names that currency somewhere, or none at all."""
        written = self._currencies_written
        return not written or any(same_currency(currency, c) and not c.startswith("not ") for c in written)

    @cached_property
    def _currencies_written(self) -> frozenset[str]:
        return frozenset(n.currency for n in self.numbers if n.currency is not None)

    def changes_in(self, number: Number, rise: bool | None = None) -> list[str]:
        """What each sum is ("net income of") that ``number`` (a percentage) is the change of, from another sum the
        sentence compares it with: "revenue of $864.2 million versus $792.8 million a year ago" for "Rev Up 9%"; with
        ``rise``, only a change that way ("Net Rises 12%" is not "fell to $201 million from $228 million")."""
        if number.kind != "percent":
            return []
        return [what for what, change, rose in self._changes if _agrees(change, number, None) and rise in (None, rose)]

    def differs_by(self, number: Number, above: bool | None = None) -> bool:
        """``number`` (an amount) is the gap between a figure and the estimate it is held against, in one sentence or
        the next: "Beats by $0.07" over "EPS of $0.88 ... the consensus of $0.81"; with ``above``, only a figure on that
        side of its estimate (a loss's the other way: "it lost 19 cents a share, better than the 27-cent loss")."""
        return number.kind == "amount" and any(
            _agrees(gap, number, None) and above in (None, higher) for gap, higher in self._gaps
        )

    @cached_property
    def _gaps(self) -> list[tuple[Number, bool]]:
        out = []
        for pair in _compared_sums(self.text, self.placed, estimates=True):
            gap = abs(pair.new.value - pair.old.value)
            # A sign written ("-$0.12") already says it is a loss; only a loss told in words turns "higher" around.
            signed = pair.new.value < 0 or pair.old.value < 0
            higher = (pair.new.value > pair.old.value) != (not signed and bool(_LOSS.search(pair.what)))
            out.append((Number(f"{gap}", gap, gap, "amount", 1.0, 9, pair.new.currency), higher))
        return out

    @cached_property
    def _changes(self) -> list[tuple[str, Number, bool]]:
        out = []
        for pair in _compared_sums(self.text, self.placed):
            if (pair.new.value < 0) != (pair.old.value < 0):
                continue  # from a profit to a loss: no percentage a headline could give
            # Two losses signed alike change as their sizes do: -$0.8 million from -$1.0 million is a 20% fall.
            new, old = abs(pair.new.value), abs(pair.old.value)
            change = abs(new - old) / old * 100
            out.append((pair.what, Number(pair.what[-40:], change, change, "percent", 1.0, 9), new > old))
        return out

    def contradicts_bound(self, number: Number, bound: Bound | None) -> bool:
        """The story writes this very value, and only as the other side's bound: "Under 1,000 Enrolments" over "more
        than 1,000 enrolments", "Over $5 Million" over "nearly $5 million"."""
        if bound is None or (number.scale == 1.0 and re.fullmatch(r"(?:19|20)\d\d", number.text)):
            return False  # "Up 15% Over 2023": a year, no bound
        exact = self.exact_mentions(number)
        return bool(exact) and all(self._bound_at(span) not in (None, bound) for span in exact)

    def exact_mentions(self, number: Number) -> list[tuple[int, int]]:
        """Where the story writes this very value: the same kind and currency, equal to the digit (no rounding)."""
        return [
            span
            for span, told in self.placed
            if told.kind == number.kind
            and same_currency(number.currency, told.currency)
            and math.isclose(told.value, number.value, rel_tol=1e-9)
        ]

    def _bound_at(self, span: tuple[int, int]) -> Bound | None:
        """The bound the story writes its number at ``span`` with, a ceiling ("up to") read as at most."""
        bound = bound_of(self.text, span)
        if bound is None and _CEILING_BEFORE.search(self.text[max(0, span[0] - 20) : span[0]]):
            return "at_most"
        return bound

    def counts(self, number: Number, bound: Bound | None = None, near: bool = False) -> bool:
        """The story writes this count as a count: a value without a currency that agrees with it (or, ``near``, one
        :meth:`supports_approximately` reads), not only its digits in a sum ("600 Jobs" is not "$600 million", though
        :meth:`supports_number` lets the digits stand)."""
        return any(
            told.currency is None and (_agrees(told, number, bound) or (near and _near(told, number))) for told in self.numbers
        )

    def supports_approximately(self, number: Number) -> bool:
        """The story states a value near this one, on either side: within half a unit of its last significant
        written digit and a tenth of it ("Near $10,000" for $9,975; not "About $1 Billion" for $1.2 billion)."""
        return any(same_currency(number.currency, told.currency) and _near(told, number) for told in self.numbers)

    def mentions(self, number: Number, bound: Bound | None = None) -> list[tuple[int, int]]:
        """Where the story writes, in digits, a value that supports ``number`` as :meth:`supports_number` reads it
        (bare digits beside a unit aside)."""
        return [span for span, told in self.placed if _agrees(told, number, bound)]


#: What comes right before the sum another is compared with: "compared with", "versus", "up from", "a year earlier's"
#: ("$612 million, or $1.48 a share, compared with $551 million").
_COMPARED_WITH_BEFORE = re.compile(rf"\b(?:{_COMPARING_WORDS})\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)
#: "rose from $551 million to $612 million": the older sum first.
_FROM_TO = re.compile(r"^\s*to\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)


#: A loss's figures, where a smaller one is the better ("a net loss of $0.88 per share", "it lost 19 cents a share").
_LOSS = re.compile(r"\b(?:loss(?:es)?|lost|losing)\b", re.IGNORECASE)
#: What comes before an estimate a sum is held against: "the consensus of", "analysts expected", "estimates of".
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:estimates?|estimated|consensus|expected|expecting|forecasts?|views?|projected|anticipated|polled)\b[^.;]{0,40}$"
    # "beat the $668.6 million estimate", "narrower than the $0.95 loss analysts had expected"
    r"|\b(?:beat|beats|beating|topped|tops|missed|misses|exceeded|exceeds|below|above|ahead\s+of|short\s+of|than)"
    r"\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
#: Where the words that say what a sum is stop, going back from it: "..., net income was $212.4 million".
_CLAUSE_BREAK = re.compile(r"[,;:()]")


@dataclass(frozen=True, slots=True)
class ComparedSums:
    """Two sums a story compares: the new one, the old one (or the estimate), and the words just before the new one
    in its clause, which say what it is ("net income of", "it lost")."""

    new: Number
    old: Number
    what: str


def _compared_sums(text: str, placed: list[tuple[tuple[int, int], Number]], estimates: bool = False) -> list[ComparedSums]:
    """Each pair of sums a sentence compares, of one currency and within a factor of ten of each other: a sum after a
    word of comparison and each of the (at most three) before it in its sentence ("$148.2 million, which beat the
    consensus of $139.5 million and was up from $112.4 million"), or "from $551 million to $612 million". With
    ``estimates``, only a sum after an estimate's word ("the consensus of", "beat the"), held against those before it in
    its sentence or the one before ("EPS was 41 cents. Analysts had expected 38 cents."). Nothing else is paired: any
    two sums' change would match some percentage by chance."""
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    sums = [
        (span, _signed(text, span, n), bisect.bisect_right(ends, span[0]))
        for span, n in sorted(placed, key=lambda p: p[0])
        if n.kind == "amount" and n.value > 0 and (n.currency is not None or n.scale != 1.0)
    ]

    def what(span: tuple[int, int], sentence: int) -> str:
        start = max(ends[sentence - 1] if sentence else 0, span[0] - 80)
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, span[0])]
        return text[breaks[-1] if breaks else start : span[0]]

    def alike(a: Number, b: Number) -> bool:
        low, high = sorted((abs(a.value), abs(b.value)))
        return same_currency(a.currency, b.currency) and high <= 10 * low

    out = []
    for i, (span, old, sentence) in enumerate(sums):
        start = ends[sentence - 1] if sentence else 0
        estimate = _ESTIMATE_BEFORE.search(text, max(start, span[0] - 60), span[0]) is not None
        if estimates and not estimate:
            continue
        reach = (sentence - 1, sentence) if estimates else (sentence,)
        earlier = [(s, n, at) for s, n, at in sums[max(0, i - 3) : i] if at in reach and alike(n, old)]
        if not earlier:
            continue
        if estimates or _COMPARED_WITH_BEFORE.search(text, max(start, span[0] - 40), span[0]):
            out += [ComparedSums(new, old, what(s, at)) for s, new, at in earlier]
        # "from $551 million to $612 million": the sum before "to" is the old one.
        before_span, before, _ = earlier[-1]
        if (
            not estimates
            and _FROM_TO.match(text[before_span[1] : span[0]])
            and _FROM_BEFORE.search(text, max(start, before_span[0] - 12), before_span[0])
        ):
            out.append(ComparedSums(old, before, what(before_span, sentence)))
    return out


#: A minus sign right before a sum, itself after a space or a bracket ("EPS of -$0.12", "(-0.15)"); not a range's dash
#: ("$10-$12") nor one spaced from its sum ("$10 - $12"). Brackets alone are no sign: "$5 million ($0.12 per share)".
_MINUS_BEFORE = re.compile(r"(?:^|[\s(])[-\u2212\u2013]$")


def _signed(text: str, span: tuple[int, int], number: Number) -> Number:
    """``number`` as the story signs it: negative where a minus stands right before it."""
    if _MINUS_BEFORE.search(text[max(0, span[0] - 2) : span[0]]):
        return dataclasses.replace(number, value=-number.value)
    return number


def _named_if_any(number: Number, currencies: set[str | None]) -> set[str | None]:
    """The currencies a story writes a value in that may back ``number``: for a sum in a named currency, the named
    ones if there are any (the figures without one are then other things: shares, units), else all."""
    named = currencies - {None}
    return named if number.currency is not None and named else currencies


def _agrees(told: Number, number: Number, bound: Bound | None) -> bool:
    """The story's ``told`` is the headline's ``number``: equal, rounded to the headline's written precision, or on
    the ``bound``'s side of it and near it (:meth:`Story.supports_number`)."""
    if told.kind != number.kind or not same_currency(number.currency, told.currency):
        return False
    if math.isclose(told.value, number.value, rel_tol=1e-9, abs_tol=1e-12):
        return True
    diff = abs(told.value - number.value)
    half_ulp = 0.5 * 10.0 ** (-number.decimals) * number.scale
    if diff <= half_ulp * (1 + 1e-9) and diff <= 0.05 * abs(told.value):
        return True
    # Without a bound, a percentage rounded to its written digit is that percentage ("Up 5%" for 5.4%) within 10% of
    # it, as wire headlines round a share price's move ("More Than 5% Stake" is not 4.6%).
    if bound is None and number.kind == "percent" and diff <= half_ulp * (1 + 1e-9) and diff <= 0.1 * abs(told.value):
        return True
    # Without a bound, a round count written with its thousands' commas is rounded at its last digit that is not zero
    # ("27,000 Jobs" for 26,700), within 5% of it; not one of a single such digit ("5,000" for 4,800, "100,000" for
    # 95,300), nor one without commas (a year, "Inc. 5000"). The cheap tests first: _agrees runs once per story number.
    if bound is None and number.kind == "amount" and number.scale == 1.0 and "," in number.text:
        digits = number.text.replace(",", "")
        significant = digits.rstrip("0")
        zeros = len(digits) - len(significant)
        if (
            digits.isdigit()
            and len(significant) >= 2
            and zeros >= 3
            and diff <= 0.5 * 10.0**zeros
            and diff <= 0.05 * abs(told.value)
        ):
            return True
    # Cut rather than rounded, one unit of the last written digit at most: "$101K" for $101,854, "123%" for 123.8%,
    # "$48 Billion" for 48.83 billion; not under a bound ("Below $48 Billion" is not 48.83 billion).
    unit = 2 * half_ulp
    if bound is None and 0 <= told.value - number.value < unit and told.value - number.value <= 0.05 * abs(told.value):
        return True
    # Near a bound: within one unit of its last written digit and a quarter of it ("Tops $1 Billion" is not
    # $1.4 billion). A quarter alone let four changed numbers of 2,075 through on training stories
    # ("Over 22 Years" over a story's 25) and no more true headlines.
    reach = min(_unit(number), 0.25 * number.value) if bound else 0.0
    if bound == "at_least" and number.value <= told.value < number.value + reach:
        return True
    return bound == "at_most" and number.value - reach < told.value <= number.value
