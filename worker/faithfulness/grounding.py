"""Does a generated headline invent a fact? Every fact in it checked against its story.

The facts of a headline are its numbers (amounts with currency and scale, percentages, basis
points, years, days, number words; a bound, "over" or "nearly", the story writes the other way round; a unit
of measure, worker/faithfulness/measures.py; a results figure's measure and span of time,
worker/faithfulness/scopes.py; a multiple, "400x"; a time of day, worker/faithfulness/clock.py),
periods (quarters and halves), months, dates, tickers, officers' titles (worker/faithfulness/titles.py) and proper
names. Each is normalised (worker/faithfulness/facts.py) and looked up in the story; so is what the
headline says happened, a direction, a negation, an event's status (worker/faithfulness/claims.py).
A headline is grounded when the story supports every one. Also here: whether a text loops, and the
extractive headline a policy falls back to, made only of the story's own words.

A headline is in Title Case, so its capitals say little about which words are names. A
capitalised word counts as an invented name only when the story has no word sharing its
beginning (inflections: "Reports" / "reported"), nor the place it names in another form ("Swedish" /
"Sweden", "GA" / "Georgia": worker/faithfulness/places.py), and it is not a common headline word
(worker/faithfulness/common_words.py); numbers, periods and codes ("5G") are checked whatever their case.
"""

from __future__ import annotations

import functools
import html
import re
import sys
import unicodedata
from dataclasses import dataclass

from worker.faithfulness.acronyms import spelled_out
from worker.faithfulness.claims import CHANGE, unsupported_claims
from worker.faithfulness.clock import clock_times
from worker.faithfulness.common_words import LEGAL_FORM, is_common, is_listed
from worker.faithfulness.date_roles import date_roles_read
from worker.faithfulness.facts import (
    CASHTAG,
    EXCHANGE_TICKER,
    MONTHS,
    PAREN_TICKER,
    TITLED_TICKER,
    WORD,
    Number,
    Story,
    approximate,
    bound_of,
    dates_in,
    numbers_in,
    period_years_in,
    periods_in,
    writes_unread_days,
)
from worker.faithfulness.institutions import WALL_STREET, other_institution_names, wall_street_told
from worker.faithfulness.measures import measures_read
from worker.faithfulness.multiples import multiples_read
from worker.faithfulness.name_runs import swapped_name_words
from worker.faithfulness.ordinals import ordinal_words_told_otherwise, ordinals_told_otherwise
from worker.faithfulness.phases import phases_read
from worker.faithfulness.places import STATE_CODES, STATE_NAMES, other_names
from worker.faithfulness.scopes import scopes_read
from worker.faithfulness.sides import sides_read
from worker.faithfulness.superlatives import superlatives_read
from worker.faithfulness.titles import interim_read, titles_read
from worker.faithfulness.totals import totals_told_as_one
from worker.faithfulness.years import whole_year_untold, whole_years_told_otherwise, years_beside_other_names

__all__ = ["Grounding", "check_grounding", "extractive_headline", "is_looping", "tidy_headline"]

#: "May" then a word (not a number): the modal verb. Unless a preposition of time comes first ("in May").
_MODAL_MAY = re.compile(r"\s+(?:Not\s+|not\s+)?[A-Za-z]")
_MONTH_BEFORE = re.compile(r"\b(?:in|on|since|by|until|from|through|early|late|mid|of|this|last|next)\s+$", re.IGNORECASE)
#: Number words a headline uses as idiom more than as a count ("One to Watch", "World's First").
_IDIOMATIC_NUMBERS = frozenset({"one", "first"})

#: Words after which a cut extract must not end (they leave a phrase hanging).
_DANGLING = frozenset(
    "a an the and or but of to in on at by for with from as its their his her our that which who whose "
    "is are was were be been has have had will would including such than into over under per via".split()
)

#: Lines ending the dateline of a wire story: "LONDON--(BUSINESS WIRE)--", "DALLAS, Oct. 1, 2020 /PRNewswire/ --".
#: Besides the wires named, a one-word wire between slashes or in parentheses, beside the dateline's date, before a
#: dash ("2024 /24-7PressRelease/ --", "2025 (NEWMEDIAWIRE) -", "(NewMediaWire) - December 27, 2024 -"), or "X MediaWire
#: (...) -": a third of the press-release training stories open on one of these.
_WIRE_MARKER = re.compile(
    r"--\s*\([A-Z][A-Za-z .&-]{2,40}\)\s*--|(?:^\W*|--\s*)News\s+Direct\s*--"
    r"|/\s*(?:PRNewswire|PR\s?Newswire|CNW|GLOBE\s+NEWSWIRE|Globe\s+Newswire|ACCESSWIRE|PRWeb|Marketwired)[^/]{0,40}/\s*-*"
    r"|\((?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|ACCESSWIRE|Reuters|MARKETWIRED)\)\s*-*"
    r"|\b(?:19|20)\d\d\s*/\s*[\w.&'-]{0,20}(?i:pressrelease|wire)[\w.&'-]{0,20}\s*/\s*[-\u2013\u2014]+"
    r"|\b(?:19|20)\d\d\s*\(\s*[A-Z][\w.&'-]{0,25}(?i:wire)[\w.&'-]{0,15}\s*\)\s*[-\u2013\u2014]+"
    r"|\(\s*[A-Z][\w.&'-]{0,25}(?i:wire)[\w.&'-]{0,15}\s*\)\s*[-\u2013\u2014]+\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"\s*[-\u2013\u2014]+"
    r"|\b[A-Z][\w.]*\s?MediaWire\s*\([^()]{0,80}\)\s*[-\u2013\u2014]+",
)
#: A wire's column name before a headline, the wire's brand as a dateline is ("420 with CNW —", "Web3MediaBreaks —",
#: "InvestorNewsBreaks –"): no fact of the story. 72 of the 10,000 press-release training headlines open with one,
#: and the rules flagged every one of them for it.
_WIRE_COLUMN = re.compile(r"^\s*(?i:420\s+with\s+CNW|[A-Z][A-Z0-9]*(?:News|Media)Breaks)\s*(?:[-\u2013\u2014]+|:)\s*")
#: A wire's tags before its headline, one or more: "UPDATE 2-", "RPT-", "CORRECTED-", "BRIEF-" (Reuters), "BREAKING:",
#: "JUST IN:". The version number of an update is no figure of the story.
_WIRE_TAGS = re.compile(
    r"^\s*(?:(?:(?:UPDATE|REFILE|RPT|CORRECTED|CORRECTION|EXCLUSIVE|BRIEF|WRAPUP|ANALYSIS|INSIGHT|FACTBOX|EXPLAINER|"
    r"PREVIEW|TIMELINE|BUZZ|COLUMN|BREAKINGVIEWS|GRAPHIC|INTERVIEW|FEATURE|NEWSMAKER|HIGHLIGHTS)(?:\s+\d{1,2})?\s*-|"
    r"(?i:breaking(?:\s+news)?|just\s+in|alert|flash|urgent|developing)(?:\s*[:\u2013\u2014|]|\s+-))\s*)+"
)
_LANGUAGE_MENU = re.compile(
    r"(?:\b(?:USA|Canada|Deutschland|France|Espa(?:n|ñ)?a|Latin America|Brazil|Italia|Nederland|Sverige|Japan|China|UK|"
    r"Europe|Asia|India|Singapore)\s+-\s+(?:English|Deutsch|Fran(?:c|ç)?ais|espa(?:n|ñ)?ol|Portugu(?:e|ê)?s|Italiano|"
    r"Nederlands|Svenska|Japanese|Chinese)\b\s*)+"
)
_PARENTHESES = re.compile(r"\s*\([^()]{0,80}\)")
#: "Acme Corp., a leading maker of widgets, ..." -> "Acme Corp. ...": the subject of a lead sentence and its apposition.
_APPOSITION = re.compile(r"^(.{2,80}?),\s+(?:a|an|the|one of)\s+[^,]{3,160}?,\s+")
#: Words a full stop follows without ending the sentence.
_ABBREVIATIONS = frozenset(
    "inc corp co ltd llc plc mr mrs ms dr st no nos vs jr sr etc approx est dept univ gov sen rep "
    "jan feb mar apr jun jul aug sep sept oct nov dec ave blvd calif fla mass tenn wash penn conn ill "
    "ariz colo ore minn wis mich md va la ala ky okla".split()
)


@dataclass(frozen=True)
class Grounding:
    """Whether every fact of a headline is in its story; ``unsupported`` lists the others as the headline writes them."""

    grounded: bool
    unsupported: list[str]


@functools.cache
def _invisible() -> dict[int, int | None]:
    """Characters that print nothing (Unicode's format characters: zero-width spaces and joiners, soft hyphens,
    byte-order marks, direction marks), dropped; full-width forms of ASCII ("１２％"), read as ASCII. A scrape or a
    probe that puts them inside a word ("Ac\u00adme") would otherwise make every name and number unreadable: 365 of
    400 true headlines flagged with a zero-width space inside each longer word, against 33. Built on first use, not at
    import: reading every code point's category takes a fifth of a second."""
    dropped: dict[int, int | None] = {c: None for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    return dropped | {0xFF01 + i: 0x21 + i for i in range(94)}


def visible(text: str) -> str:
    """``text`` as it reads: without characters that print nothing, full-width letters and digits as ASCII."""
    return text.translate(_invisible())


#: After a number, what it counts: people, jobs, places, things ("600 Jobs", "1,200 Employees", "35 New Stores").
_COUNTED_AFTER = re.compile(
    r"\s+(?:new\s+)?(?:jobs|positions|roles|employees|workers|staff|people|members|customers|clients|users|patients|"
    r"students|stores|locations|branches|sites|plants|offices|restaurants|homes|units|vehicles|aircraft|planes|ships|"
    r"flights|passengers|beds|schools)\b",
    re.IGNORECASE,
)


def check_grounding(headline: str, story: str) -> Grounding:
    """Check each number, period, month, ticker and proper name of ``headline`` against ``story``, and what it
    says happened: the direction of a change, a negation, an event's status.

    >>> check_grounding("Acme Reports $1.2 Billion Q1 Revenue", "Acme Corp reported first quarter revenue of 1.2bn.")
    Grounding(grounded=True, unsupported=[])
    >>> check_grounding("Acme Reports Strong First Quarter 2016 Results", "Acme reported its first quarter results.")
    Grounding(grounded=False, unsupported=['2016'])
    """
    written, headline, story = headline, visible(headline), visible(story)
    told = Story(story)
    # A wire page's language menu ("USA - English Deutschland - Deutsch") caught in a scraped title states no fact.
    headline = _LANGUAGE_MENU.sub(lambda m: " " * len(m[0]), headline)
    # Tags before a column's brand ("BREAKING: 420 with CNW —") and after it ("420 with CNW — UPDATE 2-").
    for wire in (_WIRE_TAGS, _WIRE_COLUMN, _WIRE_TAGS):
        headline = wire.sub(lambda m: " " * len(m[0]), headline)
    facts: list[tuple[int, int, bool]] = []  # (start, end, is a word) of each unsupported fact
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    def claim(span: tuple[int, int], supported: bool) -> None:
        taken.append(span)
        if not supported:
            facts.append((span[0], span[1], False))

    # A Title Case headline's symbol in its brackets ("(OTC: Earth)") is looked up in any case.
    for pattern, any_case in ((EXCHANGE_TICKER, False), (TITLED_TICKER, True)):
        for m in pattern.finditer(headline):
            span = (m.start("exchange"), m.end("symbol"))
            claim(
                span,
                told.has_symbol(m["symbol"], any_case)
                and told.has_word(WORD.findall(m["exchange"])[0])
                and told.listed_on(m["symbol"], m["exchange"], any_case),
            )
    for pattern in (CASHTAG, PAREN_TICKER):
        for m in pattern.finditer(headline):
            if free(m.span()):
                claim(m.span(), told.has_symbol(m["symbol"]))
    results_periods = told.results_periods if _RESULTS_WORD.search(headline) else set()
    for span, period in periods_in(headline):
        if free(span):
            # A headline's results are those the story reports: "Results for the Third Quarter" over a story that
            # reports the first quarter's (and speaks of the third only as a plan) names the wrong period.
            claim(span, period in told.periods and (not results_periods or period in results_periods))
    for m in (m for pattern in _RESULTS_YEAR for m in pattern.finditer(headline)):
        if _PART_OF_YEAR_BEFORE.search(headline[max(0, m.start("year") - 25) : m.start("year")]) or _PART_OF_YEAR_AFTER.match(
            headline, m.end("year")
        ):
            continue  # "Third Quarter 2024 Results", "Fiscal 2022 First Quarter Results": a quarter's year, read below
        if free(m.span("year")) and told.results_years:
            # "Reports Financial Results for 2021", "Files Annual Report for 2021" over the year ended December 31,
            # 2020: the story has 2021 (its dateline), but not as the year of these accounts.
            claim(m.span("year"), m["year"] in told.results_years)
    if results_periods and told.results_period_years:
        # A results period's year: "Reports Q2 2024 Results" over a story whose results sentence gives the second
        # quarter of 2025 (and 2024 only as what it is compared with): the number check finds 2024 anywhere.
        for m in _PERIOD_YEAR.finditer(headline):
            group = "year" if m["year"] else "year_first"
            if free(m.span(group)):
                claim(m.span(group), m[group] in told.results_period_years)
    # Counts and years the number check would find anywhere, read as what they count or date: an ordinal the story
    # gives as one ("18th Annual" over its "17th annual", dated "Oct. 18"), a year of accounts ("Full Year 2026
    # Results" over a release of its "full year 2025 financial results", dated 2026), a year the story gives the
    # named thing only with other years ("2023 Inc. 5000" over its "2024 Inc. 5000"); a whole year of a quarter's
    # accounts ("Full-Year 2025 Results" over a quarter's); a trial's phase ("Phase 3" over the story's Phase 2).
    for span, supported in phases_read(headline, story):
        if free(span):
            claim(span, supported)
    for span in [
        *ordinals_told_otherwise(headline, story),
        *ordinal_words_told_otherwise(headline, story),
        *whole_years_told_otherwise(headline, story),
        *whole_year_untold(headline, story),
        *years_beside_other_names(headline, story),
    ]:
        if free(span):
            claim(span, False)
    # A day of a month is one fact: "on May 12" over a story with May 5 and June 12 has its day and its month
    # somewhere, not this date. Read only where the story gives a date beyond its dateline (which may be the only
    # one, "effective today"), and the dateline's date counts as given.
    headline_dates = dates_in(headline, numeric=False)
    if headline_dates and dates_in(_after_dateline(story)) and not writes_unread_days(story):
        # A day given to another event than the story gives it: "Filing on October 13" over its deadline (date_roles.py)
        for span in date_roles_read(headline, story):
            if free(span):
                claim(span, False)
        for span, days in headline_dates:
            if free(span):
                claim(span, {days[0], days[-1]} <= told.dates)
    # A quarter's or half's year is one fact with it: "Q2 2024" over a story that gives the second quarter only as
    # 2025's names the wrong period, though 2024 stands elsewhere. Read where the story gives that period a year; a
    # year it gives the period is supported however written ("Q1 2025" over "1Q25").
    for span, period, year in period_years_in(headline):
        at = headline.rfind(year[2:], *span)
        if not free((at, at + 2)):
            continue  # a results period's year, read above
        if (period, year) in told.period_years:
            claim((at, at + 2), True)
        elif period in told.dated_periods and period not in told.undated_lead_periods:
            claim(span, False)
    # A deal's amount the story writes only as a running total ("has raised $108 million to date") is not this
    # deal's (worker/faithfulness/totals.py).
    totals = totals_told_as_one(headline, told)
    # A trademark's sign states no fact: "Leap(TM)", "Sober Skipper(SM)".
    for m in _MARK.finditer(headline):
        claim(m.span(), True)
    # A time of day however written: "8pm" over "8 PM", "7:30 PM" over "7:30pm" (clock.py). A story that gives no
    # time of day ("opens at 9") is held to the hour alone.
    # The story is read for times and multiples only where the headline writes one (most do not).
    headline_times = clock_times(headline, words=False)
    story_times = {time for _, time in clock_times(story)} if headline_times else set()
    for span, time in headline_times:
        if free(span):
            if story_times:
                claim(span, time in story_times)
            else:  # "at 9", "9 o'clock"; not the 9 of "May 9" or "9,000"
                hour = rf"\bat\s+{time[0]}(?!\d|[,.:]\d)|\b{time[0]}\s*o'?clock"
                claim(span, re.search(hour, story, re.IGNORECASE) is not None)
    # A multiple however written: "400x" over "400 times", "10,000 Times" over "10,000x", "3x" over "3-fold". "5
    # Times" the story writes otherwise ("five times", "fifth time") is the number check's.
    headline_multiples = _multiples(headline)
    story_multiples = {n for _, n, _ in _multiples(story)} if headline_multiples else set()
    for span, n, spelled in headline_multiples:
        if free(span) and (n in story_multiples or not spelled):
            claim(span, n in story_multiples)
    # A change's size in words: "Doubles Subscribers to 3.77 Million" over a story where they rose 45% (multiples.py);
    # a figure on the wrong side of a pair: "Priced at 9% Premium" over the story's 9% discount (sides.py).
    for span in multiples_read(headline, told) + sides_read(headline, told):
        if free(span):
            claim(span, False)
    # A measure's unit is part of its value: "1,500 Hectares" over "1,500 acres"; "0.2 GW" over "200 MW" (measures.py).
    for span, supported in measures_read(headline, story):
        if free(span):
            claim(span, supported)
    # A figure told of another measure or span of time than the story tells it of: "Net Income Up 18%" over
    # revenue's 18%, "First-Half Revenue of $2.8 Billion" over the second quarter's, "Rises to" a year-ago figure.
    for span in scopes_read(headline, told):
        if free(span):
            claim(span, False)
    # Longest first: "FY 2021" is one fact, not "FY" and 2021; "USD 1.2 billion" one amount.
    for span, number in sorted(numbers_in(headline), key=lambda f: f[0][0] - f[0][1]):
        if number.text.lower() in _IDIOMATIC_NUMBERS:
            continue
        if free(span):
            bound = bound_of(headline, span)
            supported = (
                told.supports_number(number, bound)
                or (bound is None and approximate(headline, span) and told.supports_approximately(number))
                or (bound is None and _change_of_its_measure(headline, span, number, told))
                or (bound is None and (way := _gap_way(headline, span)) is not None and told.differs_by(number, way))
            )
            if supported and _COUNTED_AFTER.match(headline, span[1]) and number.currency is None and number.scale == 1.0:
                # "Cut 600 Jobs" over "eliminate 6,000 jobs ... save $600 million"
                supported = told.counts(number, bound, near=bound is None and approximate(headline, span))
            claim(span, supported and not told.contradicts_bound(number, bound) and span not in totals)
    # A record or a first the story never claims: "Wins Record $780 Million Contract" (superlatives.py); an
    # appointment the story makes only for the meantime: "Named CEO" over an interim chief (titles.py).
    for span in superlatives_read(headline, story) + interim_read(headline, story):
        if free(span):
            claim(span, False)
    for span, supported in titles_read(headline, story):  # "CFO" over a chief executive (titles.py)
        if free(span):
            claim(span, supported)
    for m in _DOMAIN.finditer(headline):  # "HR.com", "Gate.io": a name, though its words are common ones
        if free(m.span()):
            claim(m.span(), m[0].lower() in story.lower() or _stem_named(m["stem"], story))
    for m in WALL_STREET.finditer(headline):  # "Wall St ends lower": the U.S. stock market (institutions.py)
        if free(m.span()):
            claim(m.span(), wall_street_told(story))
    if not headline.isupper():  # in capitals, "US" may be the pronoun ("JOIN US AT CES")
        for m in _US.finditer(headline):
            if free(m.span()):
                claim(m.span(), _US_IN_STORY.search(story) is not None)
    for m in _INITIALISM.finditer(headline):  # "J.P.", "T.I.C.T.": single letters to the word check, yet a name
        if free(m.span()):
            claim(m.span(), _initials_named(m[0], told))
    for m in _LETTER_COMPOUND.finditer(headline):  # "D-Wave", "T-Mobile": a letter and a common word, yet a name
        if free(m.span()) and m[0].lower() not in _LETTER_WORDS:
            claim(m.span(), _letter_compound_named(m["letter"], m["word"], story))
    # A company's parenthesis holds its symbol or short form: "Mullen Automotive Inc. (Designations)" names no one the
    # story has, though "Designations" is an English word the word check leaves alone.
    for m in _AFTER_LEGAL_FORM.finditer(headline):
        for word in WORD.finditer(m["inner"]):
            span = (m.start("inner") + word.start(), m.start("inner") + word.end())
            if word[0][:1].isupper() and free(span) and not told.has_name(word[0]):
                claim(span, False)
    facts += [(start, end, True) for start, end, supported in _words(headline, taken, told) if not supported]
    facts += [(start, end, True) for start, end in _unnamed_subject(headline, told) if free((start, end))]
    facts += [(start, end, True) for start, end in swapped_name_words(headline, told) if free((start, end))]
    unsupported = _phrases(headline, sorted(facts))
    # What it says happened: a direction, a negation, an event's status (worker/faithfulness/claims.py).
    unsupported += [c for c in unsupported_claims(headline, story) if c not in unsupported]
    return Grounding(grounded=not unsupported, unsupported=_as_written(unsupported, headline, written))


def _as_written(found: list[str], seen: str, written: str) -> list[str]:
    """Each fact of ``seen`` (the headline made visible) as ``written`` spells it, characters that print nothing and
    full-width forms kept: a retry's banned words must be the ones the model wrote."""
    if seen == written:
        return found
    kept = [i for i, c in enumerate(written) if _invisible().get(ord(c), 0) is not None]
    out = []
    for fact in found:
        k = seen.find(fact)
        out.append(written[kept[k] : kept[k + len(fact) - 1] + 1] if k >= 0 and fact else fact)
    return out


#: A parenthesis right after a company's legal form, of words only (a symbol with its exchange is read above).
_AFTER_LEGAL_FORM = re.compile(
    rf"\b{LEGAL_FORM}\.?(?:['\u2019]s)?\s*"
    r"\((?P<inner>[A-Za-z][A-Za-z&'\u2019\s-]{0,40})\)"
)
_MARK = re.compile(r"(?<=\w)\((?:TM|SM|R)\)|\(TM\)|[\u2122\u2120\u00ae]")
_MULTIPLE = re.compile(
    r"(?<![\w.,$])(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?:\s?[xX]|[\s-]?(?i:fold)|(?P<times>\s+(?i:times)))(?!\w)"
)


def _multiples(text: str) -> list[tuple[tuple[int, int], str, bool]]:
    """Each multiple ("400x", "10,000 times", "3-fold"): its span, its number without commas, and whether it is
    written with "times" (a word that also counts occasions)."""
    return [(m.span(), m["n"].replace(",", ""), m["times"] is not None) for m in _MULTIPLE.finditer(text)]


_RESULTS_WORD = re.compile(r"\b(?:results|earnings)\b", re.IGNORECASE)
_PART_OF_YEAR_BEFORE = re.compile(
    r"\b(?:quarter|Q[1-4]|half|H[12]|months|quarterly|interim|semi-?annual)\b[\s,-]*(?:fiscal\s+)?(?:year\s+)?$", re.IGNORECASE
)
#: A quarter's or half's year, either side of it: "Q2 2024", "Third Quarter of Fiscal 2024", "2024 Fourth Quarter".
_QUARTER = r"(?:Q[1-4]|[1-4]Q|H[12]|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half))"
_PERIOD_YEAR = re.compile(
    rf"\b{_QUARTER}[\s,]+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<year>(?:19|20)\d\d)\b|"
    rf"\b(?P<year_first>(?:19|20)\d\d)\s+{_QUARTER}\b",
    re.IGNORECASE,
)
#: A fiscal year a quarter or a half of it follows: "Fiscal 2022 First Quarter", "FY2022 Q1", "FY2022 Interim".
_PART_OF_YEAR_AFTER = re.compile(rf"[\s,-]*(?:{_QUARTER}|interim|half[\s-]year|(?:three|six|nine)[\s-]months?)\b", re.IGNORECASE)
#: A year a headline gives results or accounts for: "Results for 2021", "Full Year 2021", "2021 Annual Report"; not
#: "2021 Guidance" beside them. Three ways of writing it; a year two of them match is claimed once (``free``).
_RESULTS_YEAR = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?:results|report|earnings|statements)\s+for\s+(?:the\s+)?(?:full\s+|fiscal\s+)?(?:year\s+)?(?P<year>(?:19|20)\d\d)\b",
        r"\b(?:full[\s-]year|fiscal(?:\s+year)?|FY)\s*(?P<year>(?:19|20)\d\d)\b(?![\s-]+(?:outlook|guidance|forecast|"
        r"targets?|plans?|budget|expectations|priorities|goals)\b)",
        r"\b(?P<year>(?:19|20)\d\d)\s+(?:full[\s-]year\s+|annual\s+|fiscal\s+year\s+)?(?:financial\s+)?(?:results|annual\s+report|earnings)\b",
    )
)


_LINK_OR_HANDLE = re.compile(r"https?://\S+|www\.\S+|(?<!\w)[@#][\w.]+")


def _words(headline: str, taken: list[tuple[int, int]], told: Story) -> list[tuple[int, int, bool]]:
    """Each remaining word of the headline that states a fact (a name, code or month), and whether the story has it."""
    checked = []
    acronyms = not headline.isupper()  # in a headline all in capitals, capitals tell nothing
    # Nor in one in lower case but for its acronyms ("acme robotics revenue up in Q3"): there a name is told from a
    # word only by the dictionary, and a handle, a hashtag or a link ("via @acmebots") is no name of the story's.
    # A word in mixed case ("Acme", "iPhone") shows the headline is cased.
    cased = any(not w.isupper() and not w.islower() for w in WORD.findall(headline) if not w.isdigit())
    if not cased:
        taken = taken + [m.span() for m in _LINK_OR_HANDLE.finditer(headline)]
    for m in WORD.finditer(headline):
        start, end = m.span()
        if any(start < b and end > a for a, b in taken):
            continue
        word = m[0]
        lower = word.lower()
        if any(c.isdigit() for c in word):  # a code: "5G", "A320", "10-K"'s "K" aside
            checked.append((start, end, told.has_word(word)))
        elif lower in MONTHS:  # "May" may be a verb: the month or the word will do
            if lower == "may" and _MODAL_MAY.match(headline[end:]) and not _MONTH_BEFORE.search(headline[:start]):
                continue  # "Batteries May Increase Range": a modal states no date
            checked.append((start, end, MONTHS[lower] in told.months or told.has_word(word)))
        elif len(word) < 2 or (cased and not any(c.isupper() for c in word)):
            continue  # lower-case words state no name; single letters are initials ("U.S.")
        elif is_common(word) and not (acronyms and word.isupper() and len(word) <= 6 and not is_listed(word)):
            continue  # a common word, unless in capitals it is an acronym ("MAO Devices")
        elif headline[start - 1 : start] in _HYPHENS and (
            told.has_word(word) or (lower == "gen" and headline[max(0, start - 5) : start - 1].lower() == "next")
        ):
            # The tail of a compound ("Next-Gen"): the story's "next-generation" will do; "Next-Gen" alone is a
            # word of praise, no name.
            continue
        else:
            checked.append(
                (
                    start,
                    end,
                    told.has_name(word)
                    or any(told.has_phrase(n) for n in (*other_names(word), *other_institution_names(word)))
                    or spelled_out(word, told.text)
                    or _cut_short_in_name(headline[:start], word, told.text)
                    or _written_apart(word, told),
                )
            )
    return checked


#: What a headline's percentage may be the change of ("Profit Up 11%", "4Q Net Rises 12%", "Rev Up 9 Pct"): the
#: beginnings of its words in the headline, and how the words just before the story's sum must name it ("net income
#: of", not "operating income of" nor "net sales of").
_MEASURES = (
    (
        ("profit", "net", "earnings", "income"),
        r"(?<!operating\s)(?<!gross\s)(?<!pretax\s)(?<!pre-tax\s)\bprofit|\bnet\s+(?:income|earnings|profit)|"
        r"(?<!per\s)\bearnings\b(?!\s+per)",
    ),
    (("revenue", "rev", "sales", "turnover"), r"\b(?:revenues?|sales|turnover)\b"),
    (("eps",), r"\b(?:eps|per\s+(?:diluted\s+)?share|a\s+share)\b"),
    *(
        ((m,), rf"\b{m}")
        for m in (
            "ebitda margin orders bookings deliveries shipments production output volume assets deposits loans dividend "
            "payout cash spending costs expenses subscribers customers users backlog"
        ).split()
    ),
)


def _change_of_its_measure(headline: str, span: tuple[int, int], number: Number, told: Story) -> bool:
    """A percentage the story gives only as two sums it compares ("net income of $612 million, compared with $551
    million"), where the words before the new sum name the headline's measure: "Profit Up 11%", not "Revenue Up 11%"
    over the profit's two figures, and the way the headline tells it."""
    before = [w.lower() for w in WORD.findall(headline[max(0, span[0] - 60) : span[0]])][-5:]
    named = [
        re.compile(pattern, re.IGNORECASE)
        for prefixes, pattern in _MEASURES
        if any(w == p or (len(p) > 3 and w.startswith(p)) for w in before for p in prefixes)
    ]
    if not named:
        return False
    told_way = next((w in CHANGE.up for w in reversed(before) if w in CHANGE.up | CHANGE.down), None)
    return any(pattern.search(what) for what in told.changes_in(number, told_way) for pattern in named)


#: "Beats by $0.07", "Misses by $1.3M": a gap to an estimate, which a story gives as the two figures.
_BEAT_BY_BEFORE = re.compile(
    r"\b(?:beats?|beating|misses|missed|miss|tops|topped|exceeds|exceeded|trails|trailed|lags|lagged)"
    r"\s+(?:[\w-]+\s+){0,2}?by\s+$",
    re.IGNORECASE,
)


def _gap_way(headline: str, span: tuple[int, int]) -> bool | None:
    """Whether a "by $X" gap says the figure came in above its estimate ("Beats by") or below ("Misses by"); None where
    the headline tells no such gap."""
    verb = _BEAT_BY_BEFORE.search(headline, 0, span[0])
    if verb is None:
        return None
    return not re.match(r"(?:miss|trail|lag)", verb[0], re.IGNORECASE)


#: The name word just before a headline word: "Tarrow" in "Tarrow Pharma".
_NAME_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w&'\u2019.-]*)\s+$")
#: A name's words as wire headlines cut them short, and the words they stand for.
_CUT_SHORT = {
    "pharma": ("pharmaceutical", "pharmaceuticals"),
    "tech": ("technology", "technologies"),
    "intl": ("international",),
    "hldgs": ("holdings",),
    "bio": ("biosciences", "bioscience", "biotherapeutics", "biotechnology", "biologics"),
    "fin": ("financial",),
    "finl": ("financial",),
    "natl": ("national",),
    "mgmt": ("management",),
    "svcs": ("services",),
    "sys": ("systems",),
    "inds": ("industries",),
    "mfg": ("manufacturing",),
    "comms": ("communications",),
    "telecom": ("telecommunications",),
    "petro": ("petroleum",),
    "labs": ("laboratories",),
    "ent": ("entertainment",),
}


def _cut_short_in_name(before: str, word: str, story: str) -> bool:
    """A name's word as wire headlines cut it short, after the same name word as in the story: "Tarrow Pharma" for
    "Tarrow Pharmaceuticals", "Acme Tech" for "Acme Technologies"."""
    prior = _NAME_WORD_BEFORE.search(before)
    longer = _CUT_SHORT.get(word.lower())
    if prior is None or longer is None:
        return False
    return re.search(rf"(?<![\w.]){re.escape(prior[1])}\s+(?i:{'|'.join(longer)})\b", story) is not None


#: The hyphens a compound is written with ("Next-Gen", "Pre\u2011Launch"), once for every reading of a compound.
_HYPHEN_CHARS = "-\u2010\u2011\u2013"
_HYPHENS = frozenset(_HYPHEN_CHARS)
#: A web address as a name: "Debt.com", "Gate.io", "OrganizationalDevelopment.org".
_DOMAIN = re.compile(
    r"(?<![\w.@/])(?P<stem>[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)\.(?:com|io|ai|org|net|co|app|xyz|finance|exchange)(?![\w.])"
)


#: A capital letter joined to a word, which the word check reads as an initial and (often) a common word: "D-Wave",
#: "T-Mobile", "K-Beauty". Not "e-" or "i-" ("E-Commerce", "E-Boat", "I-Beam"): electronic or internet, no name.
#: Chosen on the press-release training stories: 97 true headlines write one, 1 not in its story ("C-UAS").
_LETTER_COMPOUND = re.compile(r"(?<![\w-])(?P<letter>(?![EI])[A-Z])-(?P<word>[A-Za-z][a-z]+)(?![\w-])")
#: Letter compounds that are English words, which a story may write in other words ("senior executives").
_LETTER_WORDS = frozenset(
    "x-ray x-rays t-shirt t-shirts t-cell t-cells b-cell b-cells c-suite u-turn a-share a-shares h-share h-shares "
    "v-shaped v-shape u-shaped l-shaped s-curve a-list b-list g-force t-bill t-bills v-neck o-ring k-beauty k-pop "
    "k-drama q-tip".split()
)


def _letter_compound_named(letter: str, word: str, story: str) -> bool:
    """The story writes the compound with or without its hyphen, the word in any of its forms ("D-Waves", "T cells")."""
    stem = re.escape(word[: max(3, len(word) - 1)])
    return re.search(rf"\b{letter}[\s\-\u2010\u2011\u2013]?{stem}\w*", story, re.IGNORECASE) is not None


def _stem_named(stem: str, story: str) -> bool:
    """A web address's name in the story: a common word as written ("Debt" for Debt.com, not "debt"), any other in any
    case ("ACME" for Acme.com)."""
    flags = 0 if is_common(stem) and not stem.islower() else re.IGNORECASE
    return re.search(rf"(?<![\w.]){re.escape(stem)}(?!\w)", story, flags) is not None


#: The United States as a headline shortens it: its letters are initials to the name check, so it is checked here.
_US = re.compile(r"(?<![\w.])(?:U\.S\.A\.?|U\.S\.?|USA|US)(?![\w.]|\.\w)")
#: A story that speaks of the United States: by name, its adjective, its currency, institutions and indices, or one
#: of its states (by name, or by postal code after a comma: "Boston, MA").
_US_IN_STORY = re.compile(
    r"(?:(?<![\w.])(?:U\.\s?S\.?|USA|US|USD|US\$|United States|America|Americans?|Congress|Senate|White House|Medicare|"
    r"Medicaid|IRS|FDA|SEC|Securities and Exchange Commission|Federal|Fed|Treasury|Treasuries|Nasdaq|NASDAQ|NYSE|"
    r"Wall Street|S&P|Dow|dollars?|Mass\.|"
    + "|".join(" ".join(w if w == "of" else w.title() for w in n.split("_")) for n in STATE_NAMES)
    + r")|,\s(?:"
    + "|".join(STATE_CODES)
    + r"))(?!\w)"
)

#: Two or more initials with their stops, at least one a capital: "J.P.", "I.B.M.", "A.T.&T."; not "e.g." nor "a.m.".
_INITIALISM = re.compile(r"(?<![\w.])(?=[a-z.&]{0,12}[A-Z])(?:[A-Za-z]\.&?){2,}(?:[A-Za-z](?![\w.]))?")
#: Words initials skip: "U.S.A." for the United States of America.
_SKIPPED = r"(?:(?:of|and|the|for|de|del|la|&)\s+)?"


def _initials_named(initials: str, told: Story) -> bool:
    """The story writes these initials, with or without stops or spaces ("JP Morgan", "J. P."), or spells them out in
    capitalised words side by side ("United Nations" for "U.N.", "John R. Smith" for "J.R. Smith")."""
    letters = [c for c in initials if c.isalpha()]
    pattern = r"[.\s]{0,2}&?".join(map(re.escape, letters))
    if re.search(rf"(?<![A-Za-z])(?i:{pattern})(?![a-z])", told.text):
        return True
    words = rf"\s+{_SKIPPED}".join(rf"{re.escape(c.upper())}[\w'’-]*\.?" for c in letters)
    return re.search(rf"(?<![\w.]){words}(?![\w])", told.text) is not None or spelled_out("".join(letters).upper(), told.text)


#: The verb a headline's subject stands before ("Ocean Lounge Opens", "Target Reports Q3 Results").
_SUBJECT_VERB = re.compile(
    # Verbs only as a headline uses them; not "prices", "cuts", "posts", "issues", "updates", "plans", as often nouns.
    r"\s(?:launches|launched|partners\s+with|opens|opened|reports|reported|announces|announced|acquires|acquired|"
    r"begins|introduces|unveils|completes|completed|secures|secured|named|names|joins|expands|enters|signs|signed|"
    r"receives|received|wins|won|inks|reveals|commits|addresses|strengthens|explores|appoints|hires|adds|raises|"
    r"closes|closed|releases|debuts|celebrates|welcomes|selects|taps|earns|achieves|surpasses|reaches|collaborates|"
    r"invests|sells|buys|sold|bought|delivers|expects|agrees|says|said|recognized|featured|awarded|selected|"
    r"appointed|obtains|granted|declares|provides|establishes|creates|builds|integrates|deploys|adopts|extends|"
    r"renews|reaffirms|affirms|confirms|approves|"
    # The verbs after a short capitalised subject in the 10,000 press-release training headlines and in name swaps the
    # rule missed on them, that are no plural noun as well (not "Offers", "Shares", "Awards").
    r"brings|showcases|revolutionizes|enhances|elevates|helps|becomes|continues|transforms|empowers|initiates|"
    r"redefines|accelerates|publishes|discusses|urges|unleashes|promotes|unites|arranges|recommends|subscribes|"
    r"facilitates|finishes|ramps|added)\b",
    re.IGNORECASE,
)
#: A subject that is a kind of company or a market, no name ("Tech Giant Unveils", "Insurer Reports Loss",
#: "Wall Street Closes Higher", "Dollar Hits"): its last word.
_GENERIC_SUBJECT = re.compile(
    r"\b(?:giant|firm|company|companies|maker|makers|startup|start-up|regulator|regulators|lender|lenders|insurer|"
    r"insurers|bank|banks|group|miner|miners|producer|producers|retailer|retailers|carrier|airline|automaker|chipmaker|"
    r"builder|homebuilder|developer|operator|provider|platform|fund|funds|investors?|traders?|stocks|shares|prices|oil|"
    r"crude|gold|silver|copper|dollar|yen|euro|pound|bitcoin|ether|markets?|street|index|indexes|indices|yields|"
    r"treasuries|economy|government|officials?|lawmakers|analysts?|consumers?|buyers?|sellers?|owners?|users?|"
    r"customers?|employees|workers|shareholders|patients|students|residents|families|agency|authority|court|city|state)$",
    re.IGNORECASE,
)
#: Words a subject may start with that name no one: "New Study Finds", "Top 5 Stocks", "How AI Is".
_NOT_A_NAME_START = re.compile(
    r"^(?:the|a|an|new|top|how|why|what|when|where|who|this|these|study|report|survey|research|analysts?|investors?|"
    r"experts?|global|local|leading|us|u\.s\.?|uk|european|american|chinese|india|world|fresh|latest|breaking|"
    r"exclusive|update|watch|video|podcast|webinar|interview|q&a|press|media|market|stocks?|shares?|crypto|bitcoin)\b",
    re.IGNORECASE,
)


_LEGAL_FORM = re.compile(rf",?\s+{LEGAL_FORM}\.?(?=\s|$)")


def _unnamed_subject(headline: str, told: Story) -> list[tuple[int, int]]:
    """The words of a headline's subject that name no one in the story: a common word in a name's place ("Ocean
    Lounge Opens" over a story of the B-Side Lounge, "Quant Launches" over ASICKey's launch) passes the name
    check, which leaves English words alone, but a subject names who did it. Such a word is unsupported when the
    story has it nowhere, in no case, nor the subject as a whole, and no name the story has comes before it (what
    follows a name describes it: "Farm Forward Investigation") or after it ("Independent Agent Tanya Whitaker")."""
    verb = _SUBJECT_VERB.search(headline[:80])
    if verb is None or _NOT_A_NAME_START.match(headline.lstrip()):
        return []
    # The subject without its listing and legal form: "Incident Ltd. (NASDAQ: QNTM)" is "Incident".
    subject = _LEGAL_FORM.sub(lambda m: " " * len(m[0]), _PARENTHESES.sub(lambda m: " " * len(m[0]), headline[: verb.start()]))
    parts = subject.split()
    words = list(_COMPOUND_OR_WORD.finditer(subject))
    # Up to four words, each capitalised or a number, before the verb: the subject, not a clause ("Uses B. bifidum").
    if len(parts) > 4 or any(not t[:1].isupper() and not t[:1].isdigit() for t in parts):
        return []
    if not any(m[0][:1].isupper() and not m[0].isupper() for m in words):
        return []
    if told.has_phrase(" ".join(m[0] for m in words)) or _GENERIC_SUBJECT.search(subject.rstrip(" ,")):
        return []
    out = []

    def describes_a_name(i: int) -> bool:  # a descriptor of a later name the story has: "Independent Agent Tanya Whitaker"
        return any(not is_common(later[0]) and told.has_name(later[0]) for later in words[i + 1 :])

    for i, m in enumerate(words):
        word = m[0]
        if _HYPHEN_IN.search(word):
            # A compound is one word: "Pre-Launch Technologies Reports" over a story that has "launch" but no
            # "pre-launch" names no one. One with a part the word check reads (a name, a code) is left to it.
            parts = _HYPHEN_IN.split(word)
            if not all(p.isalpha() and (is_common(p) or len(p) <= 3) for p in parts):
                continue
            if _compound_told(parts, told):
                break  # what follows describes it, as after a name
            if not describes_a_name(i):
                out.append(m.span())
            continue
        if _names_in(word, told):
            break  # what follows a name the story has describes it: "Farm Forward Investigation", "SMEV Has"
        if len(word) < 3 or not word[:1].isupper() or word.isupper() or not is_common(word) or word.lower() in MONTHS:
            continue
        if describes_a_name(i):
            continue
        if told.has_name(word):
            continue  # the story has the word ("Solar Plant Opens" over "the solar plant opened")
        out.append(m.span())
    return out


_HYPHEN_IN = re.compile(f"[{_HYPHEN_CHARS}]")
_COMPOUND_OR_WORD = re.compile(rf"[A-Za-z0-9]+(?:[{_HYPHEN_CHARS}][A-Za-z0-9]+)*")


def _compound_told(parts: list[str], told: Story) -> bool:
    """The story writes the compound's parts side by side, with a hyphen, a space or nothing between."""
    joined = rf"[{_HYPHEN_CHARS}\s]?".join(map(re.escape, parts))
    return re.search(rf"(?<![A-Za-z0-9]){joined}(?:e?s|['\u2019]s|e?d|ing)?(?![A-Za-z0-9])", told.text, re.IGNORECASE) is not None


_LONGEST_COMPOUND = 40


def _written_apart(word: str, told: Story) -> bool:
    """The story writes ``word`` as two words side by side: "Eurozone" as "euro zone", "Healthcare" as "health care"."""
    # The pattern grows with the square of the word's length; no compound written apart is longer than this.
    if not 6 <= len(word) <= _LONGEST_COMPOUND or not word.isalpha():
        return False
    lower = word.lower()
    splits = "|".join(rf"{re.escape(lower[:k])}[{_HYPHEN_CHARS}\s]+{re.escape(lower[k:])}" for k in range(3, len(lower) - 2))
    return re.search(rf"(?<![A-Za-z0-9])(?:{splits})(?![A-Za-z0-9])", told.text, re.IGNORECASE) is not None


def _names_in(word: str, told: Story) -> bool:
    """The story has ``word`` as a name: with its capital (a common word), or at all (any other)."""
    if is_common(word) and not word.isupper():
        return re.search(rf"(?<![A-Za-z]){re.escape(word)}", told.text) is not None
    return told.has_name(word)


def _phrases(headline: str, facts: list[tuple[int, int, bool]]) -> list[str]:
    """The unsupported facts as the headline writes them, once each, in order; adjacent words as one name."""
    spans: list[tuple[int, int, bool]] = []
    for start, end, word in facts:
        if spans and word and spans[-1][2] and re.fullmatch(r"[\s-]*", headline[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], end, True)  # "Acme Robotics", "New-York"
        else:
            spans.append((start, end, word))
    out: list[str] = []
    for start, end, _ in spans:
        phrase = headline[start:end].strip()
        if phrase not in out:
            out.append(phrase)
    return out


def _tokens(text: str) -> list[str]:
    """The words of ``text`` lower-cased without surrounding punctuation; one per whitespace-separated word."""
    return [w.strip(".,;:!?\"'()[]{}").lower() or w for w in text.split()]


def _loop_start(tokens: list[str]) -> int | None:
    """Index of the first token of a repetition: a 1-5 token phrase a third time in a row, or a 4-gram a second time."""
    seen: set[tuple[str, ...]] = set()
    for i in range(len(tokens)):
        for n in range(1, 6):
            if 2 * n <= i <= len(tokens) - n and tokens[i - 2 * n : i - n] == tokens[i - n : i] == tokens[i : i + n]:
                return i
        gram = tuple(tokens[i : i + 4])
        if len(gram) == 4:
            if gram in seen:
                return i
            seen.add(gram)
    return None


def is_looping(text: str) -> bool:
    """Whether ``text`` repeats itself: a phrase of 1-5 words three times in a row, or any 4 words twice.

    >>> is_looping("Acme Raises Guidance to $584 Million to $584 Million to $584 Million")
    True
    """
    return _loop_start(_tokens(text)) is not None


#: A press release's defined terms copied into a headline: '(the "Company" or "Surge Copper")'.
_DEFINED_TERMS = re.compile(
    r" ?\((?:the\s+|together,?\s+)?[\"“][^()\"“”]{1,60}[\"”](?:,?\s+(?:or|and)\s+(?:the\s+)?[\"“][^()\"“”]{1,60}[\"”])*\)"
)
_DOUBLED_WORD = re.compile(r"\b([A-Za-z][A-Za-z'’]{2,})(\s+)\1\b", re.IGNORECASE)


#: What a headline does not start with: a dateline's dashes, a list's bullet, a stray stop.
#: Only marks that stand apart: "-3.2% Drop" keeps its sign, ".NET Foundation" its stop.
_LEADING_PUNCTUATION = re.compile(r"^\s*(?:[\-\u2013\u2014:;,.|/•*>]+\s+)+")


def tidy_headline(text: str, story: str) -> str:
    """A written headline as a desk should read it: HTML entities decoded ("&amp;" -> "&"), a press release's defined
    terms dropped, a word written twice in a row once, unless the story itself doubles it ("Walla Walla"), no
    leading dashes or scraped images, links as their text, nothing from a glued run on, and its brackets balanced
    (:func:`_balanced`). Nothing is added but a bracket the story closes where the headline did not, and a space
    where a dropped bracket glued two words ("promotion[Crack").

    >>> tidy_headline("Black &amp; Veatch Marks Skywell's Milestone Milestone", "Skywell reached a milestone.")
    "Black & Veatch Marks Skywell's Milestone"
    >>> tidy_headline("Acme Receives FDA 510(k Clearance", "Acme received 510(k) clearance.")
    'Acme Receives FDA 510(k) Clearance'
    """
    text = _DEFINED_TERMS.sub("", html.unescape(text))
    told = " ".join(story.lower().split())

    def once(m: re.Match[str]) -> str:
        return m[0] if " ".join(m[0].lower().split()) in told else m[1]

    text = _DOUBLED_WORD.sub(once, _unmarked(text))
    words = (_LEADING_PUNCTUATION.sub("", text) or text).split()  # never all of it: "------" stays
    glued = next((i for i, w in enumerate(words) if len(w) >= 25 and len(_LETTERS_DIGITS.findall(w)) >= _GLUED_RUN), None)
    if glued is not None and glued >= 3:  # from the run on, so long as three words are left before it
        words = words[:glued]
    return _balanced(" ".join(words), story)


#: A scrape's image, its link cut or not: "![](https://cdn.example/a.jpg", "![Karate Chop 2024](https://...)"; an
#: image's opening alone ("![The roofing market is on pace ...") leaves its caption, which is text.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]{0,300}\](?:\([^)\s]{0,2000}\)?)?|!\[")
#: A scrape's link, read as its text: "[May 2024 Proof of Reserves](https://www.gate.io/...)"; "[Update](Reuters)" is
#: no link.
_MARKDOWN_LINK = re.compile(
    r"\[([^\]\[]{1,300})\]\((?:https?://|www\.|/|#|mailto:)[^)\s]{0,2000}\)?"
)  # bounded: a scrape of many "[" stays linear
#: Letters and digits taking turns: a glued run has a dozen such changes ("2WSE-2AI7nmWSE-22.685AIAIGPU540..."), a
#: word, name, web address or code a few at most ("COVID-19", "B2B2C", "Web3").
_LETTERS_DIGITS = re.compile(r"[A-Za-z](?=\d)|\d(?=[A-Za-z])")
_GLUED_RUN = 8
_BRACKETS = {"(": ")", "[": "]"}
#: A listing the cut left open at the end: "(FRA:", "(NASDAQ: BIO", "(OTC".
_CUT_LISTING = re.compile(r"[(\[][A-Z][A-Z.\- ]{0,15}(?::\s*[A-Z0-9.]*)?")


def _unmarked(text: str) -> str:
    """``text`` without scraped images, and its links as their words, apart from the words around them."""

    def words(m: re.Match[str]) -> str:
        before = " " if m.start() and m.string[m.start() - 1].isalnum() else ""
        after = " " if m.end() < len(m.string) and m.string[m.end()].isalnum() else ""
        return f"{before}{m[1]}{after}"

    return _MARKDOWN_LINK.sub(words, _MARKDOWN_IMAGE.sub(" ", text))


def _balanced(text: str, story: str) -> str:
    """``text`` with each bracket it opens and never closes closed where the story closes it ("510(k" -> "510(k)"),
    else dropped with what follows it when that is a listing the cut left open at the end ("(FRA:"), else dropped
    alone; and each closing bracket it never opened dropped, but a list's ("1) ... 2) ...")."""
    for opening, closing in _BRACKETS.items():
        strays: list[int] = []  # unopened closings, then unclosed openings, by position
        unclosed: list[int] = []
        for i, c in enumerate(text):
            if c == opening:
                unclosed.append(i)
            elif c == closing:
                if unclosed:
                    unclosed.pop()
                else:
                    strays.append(i)
        # Last first: a change at i moves nothing before it.
        for i in sorted(strays + unclosed, reverse=True):
            head = re.search(r"\S*$", text[:i])[0]
            tail = re.match(r"[^\s()\[\]]*", text[i + 1 :])[0]
            if text[i] == closing:
                if not re.fullmatch(r"\w", head):  # "1) Revenue Up 2) Margin Down": a list's numbers keep theirs
                    text = text[:i] + text[i + 1 :]
            elif tail and f"{head}{opening}{tail}{closing}" in story:
                text = f"{text[: i + 1 + len(tail)]}{closing}{text[i + 1 + len(tail) :]}"
            elif _CUT_LISTING.fullmatch(text[i:]):
                text = text[:i].rstrip(" ,;:-")
            else:  # "promotion[Crack" is two words; "510(k" one
                glue = " " if opening == "[" and text[i - 1 : i].isalpha() and text[i + 1 : i + 2].isalpha() else ""
                text = text[:i] + glue + text[i + 1 :]
    return " ".join(text.split())


def extractive_headline(story: str, max_words: int = 20) -> str:
    """A headline made only of the story's own words: its title line if it has one, else its lead sentence.

    A short first line is taken as the title. Otherwise the dateline ("LONDON--(BUSINESS WIRE)--",
    "DALLAS, Oct. 1, 2020 /PRNewswire/ --") is dropped and the first sentence kept without its
    asides, cut at a word boundary to ``max_words`` words, never ending on a dangling word or
    mid-repetition. (ROUGE-1 against EDTSum's 500 human test headlines: 0.38 at 20 words.)
    """
    # A scraped image's caption and a link's address are not the story's lead ("![Source: Freepik] Gold's ...").
    story = _unmarked(story)
    lines = [line.strip() for line in story.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    first = _after_dateline(lines[0])
    if len(lines) > 1 and 3 <= len(first.split()) <= max_words:
        return _cut(first, max_words)
    return _cut(_compressed(_first_sentence(_after_dateline(" ".join(lines)))), max_words)


def _after_dateline(text: str) -> str:
    """The text after its wire dateline; "" when it is only a dateline (a line "NEW YORK (Reuters) -" is no title)."""
    marker = _WIRE_MARKER.search(text[:400])
    if marker:
        return text[marker.end() :].strip()
    dateline = _DATELINE.match(text[:250])
    if dateline and _is_place(dateline) and not text[dateline.end() : dateline.end() + 1].islower():
        return text[dateline.end() :].strip()
    return text


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"[\[(]?(?:{_MONTH}\s+{_DAY},?|{_DAY}\s+{_MONTH},?)\s+(?:19|20)\d\d[\])]?"
#: A place's word: a capital (any script's), or a joiner ("Coeur d'Alene", "Trinidad and Tobago").
_PLACE_WORD = r"(?:[^\W\d_a-z][\w.'\u2019-]*|d['\u2019][^\W\d_a-z][\w-]*|and|de|del|da|du|la|le|van|von)"
#: A dateline without a wire's name, at the very start: a place, maybe a wire in brackets, maybe a weekday, the date,
#: maybe a time, then a dash, a colon, or (after a time) a space ("Austin, Texas (Newsworthy.ai) Wednesday Aug 20, 2025
#: @ 7:00 AM Central \u2014", "Kingsport, Tennessee \u2013 December 17, 2024 \u2013", "LONDON, 17 December 2024 \u2013",
#: "MISSISSAUGA, ON / PR Karma / May 22, 2024 14:05"), and a wire's name after it ("- (ACN Newswire) -", "(EZ Newswire) --").
_DATELINE = re.compile(
    rf"^\W{{0,3}}(?P<place>{_PLACE_WORD}(?:[,\s/]+{_PLACE_WORD}){{0,7}}?)(?P<wire>\s*\([^()]{{1,40}}\))?(?P<sep>[,\s/\u2013\u2014-]+)"
    rf"(?:[A-Z][a-z]+day,?\s+)?{_DATE}"
    r"(?:\s*@?\s*\d{1,2}:\d\d(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z][\w/]*)?)?"
    r"(?:\s*\([^()]{1,40}\))?(?:\s*[-\u2013\u2014:]+|(?<=\d\d:\d\d)\s)(?:\s*\([^()]{1,40}\)\s*[-\u2013\u2014]+)?\s*"
)
#: Words that start a sentence or a title, not a place: "Between March 1 - June 30", "Acme To Host Investor Day On May 5".
_NOT_PLACE = frozenset("On Of To For The At In By From Between During Until Since As With And Or Its Is Are Will".split())


def _is_place(dateline: re.Match[str]) -> bool:
    """The words before a dateline's date name a place the way datelines write it: with a comma or a slash ("Austin,
    Texas", "Singapore / June 3"), or beside a wire's name ("New York (Newsworthy.ai)"); no word of a sentence."""
    place = dateline["place"]
    words = re.findall(r"[\w.'\u2019-]+", place)
    marked = re.search(r"[,/]", place + dateline["sep"]) is not None or dateline["wire"] is not None
    return marked and not any(w in _NOT_PLACE for w in words)


def _compressed(sentence: str) -> str:
    """A lead sentence without what a headline leaves out: asides in parentheses, the subject's apposition, "today".

    "Acme Corp. (NYSE: ACME), a maker of widgets, today announced that it ..." -> "Acme Corp. announced it ...".
    Only words are dropped, never added, so the result is still the story's own words.
    """
    sentence = re.sub(r"\s+([,.;:])", r"\1", " ".join(_PARENTHESES.sub(" ", sentence).split()))
    sentence = re.sub(r"([,;:])[,;:]+", r"\1", sentence)  # "Winners, Inc., (OTC: WNRS), through" -> "Inc., through"
    sentence = _APPOSITION.sub(lambda m: m[1] + " ", sentence, count=1)
    sentence = re.sub(r"\b(?:today|recently)\s+", "", sentence)
    return re.sub(r"\b(announced|announces|said|says|reported|reports)\s+that\b", r"\1", sentence)


def _first_sentence(text: str) -> str:
    for m in re.finditer(r"[.!?][\"')\]]?\s+(?=[A-Z0-9\"'(])", text):
        before = text[: m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or len(last) <= 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last):
            continue  # "Inc.", "U.S.", an initial: not the end of the sentence
        return text[: m.start() + 1]
    return text


def _cut(text: str, max_words: int) -> str:
    words = text.split()
    keep = words[:max_words]
    loop = _loop_start(_tokens(" ".join(keep)))
    if loop is not None:
        keep = keep[:loop]
    while keep and (keep[-1].lower().strip(",;:-") in _DANGLING or not WORD.search(keep[-1])):
        keep.pop()
    out = " ".join(keep).rstrip(",;:-– ")
    if len(keep) < len(words):
        out = out.rstrip(".")
    return out
