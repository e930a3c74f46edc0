"""Corrupted copies of true headlines: the negatives a headline verifier learns from and is measured on.

The FactCC recipe (Kryscinski et al., 2020): take a (story, headline) pair known to be true and
change one fact of the headline by a rule, so the copy is unsupported by the same story. Each
rule below changes one kind of fact and returns None when the headline has nothing of that kind:

- ``name``: a company or person named in both headline and story, swapped for a name taken from
  another story's headline;
- ``number``: an amount, percentage, year, quarter or month changed (value, scale or period) to one the story
  lacks, which the fact rules catch by the number alone;
- ``direction``: a word of change flipped (rises/falls, beats/misses, raises/cuts, profit/loss)
  or a negation added ("will" -> "will not");
- ``status``: an event's status moved ("to report" -> "reports", "nominated" -> "wins",
  "plans to buy" -> "buys", "agreement to acquire" -> "completes acquisition of"), or back;
- ``role``: subject and object swapped around an asymmetric verb ("A acquires B" -> "B acquires A");
- ``entity``: FactCC's own entity swap, a name of the headline replaced by another name its story writes
  ("Skiptown Unleashes Franchising" -> "Charlotte Unleashes Franchising"): every word stays in the story, so
  only what the story says of whom can tell. The ``name`` rule draws from other stories instead, which the
  fact rules catch by the word alone.
- ``story_number``: FactCC's number swap, a number of the headline replaced by another its story writes in the same
  unit and currency ("Stifel Ordered to Pay $20 Million" -> "$132 Million", both sums in the story; a year for
  another year): the number check finds it in the story, so only what the story says the number counts can tell.

AlignScore and SummaC improved on FactCC mostly with more varied data (many tasks, sentence-level
alignment); what these rules give is cheap, labelled negatives of exactly the errors a desk cares
about. The same rules build the benchmark (benchmarks/faithfulness.py) on other data than the
training set's, so a verifier is never measured on the headlines it learned from. Pure Python.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from worker.faithfulness.common_words import COMMON_WORDS, is_common
from worker.faithfulness.facts import MONTHS, NUMBER, PERIOD, read_number
from worker.faithfulness.places import STATE_NAMES, other_names

__all__ = ["Corruption", "Corrupted", "KINDS", "corrupt", "headline_names"]


class Corruption(str, Enum):
    name = "name"
    number = "number"
    direction = "direction"
    status = "status"
    role = "role"
    entity = "entity"
    story_number = "story_number"


KINDS: tuple[Corruption, ...] = tuple(Corruption)


@dataclass(frozen=True, slots=True)
class Corrupted:
    headline: str
    kind: Corruption
    change: str  # "old -> new", for reports


#: Words of change and their opposites (each pair both ways).
_DIRECTION_PAIRS = [
    ("rises", "falls"),
    ("rose", "fell"),
    ("rise", "fall"),
    ("increases", "decreases"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("gains", "losses"),
    ("gain", "loss"),
    ("profit", "loss"),
    ("profits", "losses"),
    ("up", "down"),
    ("higher", "lower"),
    ("beats", "misses"),
    ("beat", "miss"),
    ("raises", "cuts"),
    ("raised", "cut"),
    ("boosts", "reduces"),
    ("expands", "shrinks"),
    ("expansion", "contraction"),
    ("growth", "decline"),
    ("grows", "declines"),
    ("surges", "plunges"),
    ("jumps", "drops"),
    ("soars", "slumps"),
    ("record", "weak"),
    ("strong", "weak"),
    ("positive", "negative"),
    ("upgrades", "downgrades"),
    ("approves", "rejects"),
    ("approved", "rejected"),
    ("approval", "rejection"),
    ("wins", "loses"),
    ("won", "lost"),
    ("accelerates", "slows"),
    ("improves", "worsens"),
    ("outperforms", "underperforms"),
    ("exceeds", "misses"),
    ("launches", "discontinues"),
    ("opens", "closes"),
    ("joins", "leaves"),
    ("hires", "fires"),
    ("buys", "sells"),
    ("acquires", "divests"),
    ("acquisition", "divestiture"),
    ("completes", "abandons"),
    ("completed", "abandoned"),
    ("secures", "loses"),
    ("receives", "is denied"),
    ("expands", "cuts"),
    ("bullish", "bearish"),
    ("surplus", "deficit"),
    ("best", "worst"),
    ("success", "failure"),
    ("successful", "failed"),
    ("successfully", "unsuccessfully"),
]
_DIRECTION = {a: b for a, b in _DIRECTION_PAIRS} | {b: a for a, b in _DIRECTION_PAIRS}
_NEGATABLE = re.compile(r"\b(will|can|is|are)\s+(?!not\b)([A-Za-z]+)", re.IGNORECASE)

#: Status moves: (pattern, replacement). Future or pending -> done, and done -> future.
#: A word of intent a "to" leans on ("Set to Launch", "Is Expected to Report"): moved with it, or the copy would read
#: "Set Launches", which states no status at all.
_LEANING = (
    r"(?:(?:is|are)\s+)?(?:(?:set|poised|ready|scheduled|expected|slated|preparing|prepares|gears up|gearing up|aims|"
    r"looks|moves|plans|plan|intends|seeks|agrees|hopes)\s+)?"
)
_STATUS_RULES: list[tuple[str, str]] = [
    (
        rf"\b{_LEANING}(?<!due )to (report|announce|host|hold|release|present|launch|open|acquire|buy|join|list|begin|start|issue|pay)\b",
        "{v}s",
    ),
    (r"\bwill (report|announce|host|hold|release|present|launch|open|acquire|buy|join|list|begin|start|issue|pay)\b", "{v}s"),
    (r"\bplans? to (acquire|buy|launch|open|sell|merge|list|expand|close|build|raise)\b", "{v}s"),
    (r"\b(?:(?:is|are)\s+)?(?:expects|expected) to (close|complete|report|receive|reach|launch)\b", "{v}s"),
    # Makes no copy (no verb is left: "Acme Q3 Results"); kept so that the draws of every other copy stay as they were.
    (r"\bschedules? (?:a )?(?:date|release date|conference call|call|webcast) (?:for|of) ", ""),
    (r"\bannounces? (?:the )?(?:date|release date|timing) (?:for|of) ", "Reports "),
    (r"\b(?:agreement|agrees|deal|offer|proposal|bid) to (acquire|buy|merge with|sell)\b", "completes {n}"),
    (r"\bnominated\b", "wins"),
    (r"\bnominee\b", "winner"),
    (r"\bfinalist\b", "winner"),
    (r"\bshortlisted\b", "wins"),
    (r"\bproposes\b", "completes"),
    (r"\bproposed\b", "completed"),
    (r"\bseeks\b", "secures"),
    (r"\bfiles for\b", "receives"),
    (r"\bapplies for\b", "receives"),
    (r"\bexplores\b", "completes"),
    (r"\bconsiders\b", "approves"),
    (r"\brumou?red\b", "agreed"),
    (r"\bin talks to\b", "agrees to"),
    (r"\bpreliminary\b", "final"),
    (r"\bpending\b", "completed"),
    (r"\bupcoming\b", "completed"),
    (r"\bexpected\b", "confirmed"),
    (r"\bcompletes\b", "plans"),
    (r"\bcompleted\b", "planned"),
    (r"\bcloses\b", "proposes"),
    (r"\breports\b", "to report"),
    (r"\breported\b", "expected"),
    (r"\bannounces (fourth|third|second|first|full[- ]year|annual|quarterly|q[1-4])", "to announce {v}"),
    (r"\bwins\b", "is nominated for"),
    (r"\bsigns\b", "plans to sign"),
    (r"\blaunches\b", "plans to launch"),
    (r"\bacquires\b", "plans to acquire"),
    (r"\breceives\b", "applies for"),
]
_STATUS = [(re.compile(p, re.IGNORECASE), r) for p, r in _STATUS_RULES]

#: Verbs whose subject and object may not be swapped without changing the meaning.
_ROLE_VERBS = re.compile(
    r"\b(acquires|acquire|buys|selects|names|appoints|hires|sues|invests in|backs|supplies|awards|licenses|"
    r"joins|chooses|taps|engages|retains|partners with|signs with|beats|defeats|replaces|succeeds)\b",
    re.IGNORECASE,
)
_NAME_RUN = re.compile(r"[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|&|of|de|and))*")


def corrupt(headline: str, story: str, kind: Corruption, rng: random.Random, names: Sequence[str] = ()) -> Corrupted | None:
    """A copy of ``headline`` with one fact of ``kind`` changed, or None when it has no such fact.

    ``names`` are names from other stories (``headline_names`` of other headlines), the pool a
    swapped name is drawn from; a name the story itself contains is never drawn.
    """
    rule = {
        Corruption.name: lambda: _swap_name(headline, story, rng, names),
        Corruption.number: lambda: _change_number(headline, story, rng),
        Corruption.direction: lambda: _flip_direction(headline, rng),
        Corruption.status: lambda: _move_status(headline, story, rng),
        Corruption.role: lambda: _swap_roles(headline, story),
        Corruption.entity: lambda: _swap_in_story(headline, story, rng),
        Corruption.story_number: lambda: _swap_story_number(headline, story, rng),
    }[kind]
    changed = rule()
    if changed is None or changed[0].strip().lower() == headline.strip().lower():
        return None
    return Corrupted(changed[0], kind, changed[1])


def headline_names(headline: str, story: str) -> list[str]:
    """Names of ``headline`` that its story also writes with a capital: runs of capitalised, uncommon words.

    A Title Case headline capitalises every word, so a word counts as part of a name only when it is
    not a common headline word and the story writes it capitalised too; "&" and "of" may join two.
    """
    out: list[str] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if run:
            name = headline[run[0].start() : run[-1].end()].rstrip(".,:;'")
            if len(name) >= 3 and name not in out:
                out.append(name)
        run.clear()

    for m in re.finditer(r"[A-Za-z][\w&'.-]*|&", headline):
        word = m[0].rstrip(".,:;'")
        if word in ("&", "of", "de") and run:
            continue  # joins two name words; a run ends on a name word, so a trailing joiner is never kept
        if word[:1].isupper() and not any(c.isdigit() for c in word) and word.lower() not in MONTHS and _named_in(word, story):
            run.append(m)
            continue
        close()
    close()
    return out


def _named_in(word: str, story: str) -> bool:
    """The story writes ``word`` as a name: capitalised, and, if it is also an English word ("Acme", "Apple"),
    never in lower case and not one of the common headline words."""
    if re.search(rf"\b{re.escape(word)}\b", story) is None:
        return False
    if not is_common(word):
        return True
    return word.lower() not in COMMON_WORDS and re.search(rf"\b{re.escape(word.lower())}\b", story) is None


def _swap_name(headline: str, story: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, str] | None:
    names = headline_names(headline, story)
    lowered = story.lower()
    # A few random draws rather than a filtered copy of the whole pool: it holds a name per headline.
    draws = (rng.choice(pool) for _ in range(50 if pool else 0))
    new = next((n for n in draws if n.lower() not in lowered and not any(w.lower() in lowered for w in n.split())), None)
    if not names or new is None:
        return None
    old = rng.choice(names)
    if not (_ONE_RUN.fullmatch(old) and _a_name(new)):
        return None  # after the draws, so that every other copy is drawn as before
    return headline.replace(old, new), f"{old} -> {new}"


#: One name as written: words and the marks inside them, spaces between; not a run of a headline's punctuation
#: ("NASDAQ: SUUN) (Cboe CA: SUNN", "Bitcoin (BTC), Solana (SOL"), which ``headline_names`` may give, end to end.
_ONE_RUN = re.compile(r"[\w&'’.-]+(?:\s+[\w&'’.-]+)*")


def _a_name(run: str) -> bool:
    """``run`` names someone: one run of words, two or more capitalised ("Orleans Jazz Museum") or one that is no
    common word ("Managing", "Eleventh" and "Children's" are capitalised, but name no one), an acronym ("NAB") or made
    with initials ("U.S", "D-Wave", "J.D")."""
    words = [w for w in run.split() if w.lower() not in ("&", "of", "de", "and")]
    return _ONE_RUN.fullmatch(run) is not None and (len(words) >= 2 or any(_a_name_word(w) for w in words))


def _a_name_word(word: str) -> bool:
    word = re.sub(r"(?:'s|’s|')$", "", word).strip(".")
    if word.isupper() and sum(c.isalpha() for c in word) <= 6:
        return True  # an acronym, though it spells a word: "NAB", "SHOT"
    parts = [p for p in re.split(r"[-&.]", word) if any(c.isalpha() for c in p)]
    return any(len(p) == 1 or not is_common(p) for p in parts)


#: Capitalised words that name no one: weekdays and their short forms, months' short forms.
_NO_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _swap_in_story(headline: str, story: str, rng: random.Random) -> tuple[str, str] | None:
    names = headline_names(headline, story)
    if not names:
        return None
    taken = {w.lower() for name in names for w in name.split()}
    counts: dict[str, int] = {}
    runs = (m[0].rstrip(".,:;'") for sentence in re.split(r"(?<=[.!?;])\s+", story) for m in _NAME_RUN.finditer(sentence))
    for run in runs:
        words = [w for w in run.split() if w not in ("&", "of", "de", "and")]
        if not 1 <= len(words) <= 4 or {w.lower() for w in words} & taken or run.lower() in headline.lower():
            continue
        lowered = [re.sub(r"(?:'s|’s|\.)$", "", w.lower()) for w in words]
        # Each word a name the story writes (not a sentence's first "However"), one of them no English word, none a
        # date's or a place's ("FL", "Mexico"), and none a form of the headline's own names ("Bitcoin's", "PummaToken").
        if (
            any(
                w in MONTHS or w in _NO_NAMES or w in STATE_NAMES or other_names(w) or other_names(o)
                for w, o in zip(lowered, words)
            )
            or not all(_named_in(w, story) for w in words)
            or all(is_common(w) for w in words)
            or any(w.startswith(t) or t.startswith(w) for w in lowered for t in taken if min(len(w), len(t)) >= 3)
            or sum(c.isalpha() for c in run) < 3
        ):
            continue
        counts[run] = counts.get(run, 0) + 1
    # The story's salient others (written twice or more), so the swap is plausible, not a passing mention.
    salient = sorted((run for run, n in counts.items() if n >= 2), key=lambda run: -counts[run])[:5]
    if not salient:
        return None
    old, new = rng.choice(names), rng.choice(salient)
    if not _ONE_RUN.fullmatch(old):
        return None  # after the draws, as in _swap_name
    return headline.replace(old, new, 1), f"{old} -> {new}"


#: A number that is part of a name, a code, a time, a telephone number or a date: "S&P 500", "Form 10-K", "Phase 2b",
#: "COVID-19", "8:00", "1-877-407-0789", "11/05/2021". Swapping it makes a garbled headline, not a false one.
_NUMBERED_NAME = re.compile(
    r"(?:S&P|Russell|Nasdaq|Dow|FTSE|Stoxx|STOXX|Nikkei|DAX|CAC|Form|Phase|Series|Rule|Model|Version|Gen|No\.|#|Item|"
    r"Chapter|Section|Class|Tier|Level|Stage|Fortune|Inc\.)\s*$"
)
_GLUED = re.compile(r"[-/:]\d|\d[-/:]")


def _number_kind(m: re.Match[str]) -> tuple[str | None, str, float, bool]:
    """(currency, kind, scale, is a year) of a NUMBER match, read as the number check reads it: what another number
    must share to take its place ("12 Percent" may take the story's "8%", "$20 Million" its "$132 mln")."""
    number = read_number(m)
    plain = number.kind == "amount" and number.scale == 1 and number.currency is None
    return number.currency, number.kind, number.scale, plain and bool(re.fullmatch(r"(?:19|20)\d\d", m["num"]))


def _swappable(m: re.Match[str], text: str) -> bool:
    """A number that stands for a quantity on its own: not a part of a name, a code, a time or a date ("0789" of a
    telephone number, "05" of "11/05"), and not one whose one-letter unit may be a measure ("25m" of drilling, the
    "b" of "Phase 2b") unless a currency makes it a sum."""
    start, end = m.start("num"), m.end("num")
    if _GLUED.search(text[max(0, start - 2) : start + 1]) or _GLUED.search(text[end - 1 : end + 2]):
        return False
    lead = text[max(0, start - 12) : start]
    if re.match(r"0\d", m["num"]) or _NUMBERED_NAME.search(lead):
        return False
    before = re.search(r"([A-Za-z]+)\.?\s*$", lead)
    if before and before[1].lower() in MONTHS:
        return False  # a day of a month: the number rule moves dates
    return not (m["unit"] and len(m["unit"].strip()) == 1 and m["unit"] != "%" and not (m["cur"] or m["cur_after"]))


def _same_as_written(new: str, old: str) -> bool:
    """``new`` rounds to ``old`` at ``old``'s precision: "$20.0 Million" or "12.4%" for the headline's "$20 Million"
    and "12%" is the same figure, not another."""
    places = len(old.split(".")[1]) if "." in old else 0
    return round(float(new.replace(",", "")), places) == float(old.replace(",", ""))


def _counted(m: re.Match[str], text: str) -> str:
    """What a bare number counts, as the start of the word after it ("300 staff" -> "staf"); "" where none follows."""
    after = re.match(r"\s+([A-Za-z]+)", text[m.end() :])
    return after[1][:4].lower() if after else ""


def _swap_story_number(headline: str, story: str, rng: random.Random) -> tuple[str, str] | None:
    spots = [m for m in NUMBER.finditer(headline) if not m["ord"] and _swappable(m, headline)]
    if not spots:
        return None
    m = rng.choice(spots)
    kind, old = _number_kind(m), m["num"]
    # A bare count takes only a count of the same thing ("3 g/t" never takes "4 holes"); a sum or a share its unit.
    counted = _counted(m, headline) if kind == (None, "amount", 1.0, False) else ""
    written = {s["num"] for s in NUMBER.finditer(headline)}
    others = sorted(
        {
            s["num"]
            for s in NUMBER.finditer(story)
            if not s["ord"]
            and _swappable(s, story)
            and _number_kind(s) == kind
            and not _same_as_written(s["num"], old)
            and s["num"] not in written
            and (not counted or _counted(s, story) == counted)
        }
    )
    if not others:
        return None
    new = rng.choice(others)
    return headline[: m.start("num")] + new + headline[m.end("num") :], f"{old} -> {new}"


def _change_number(headline: str, story: str, rng: random.Random) -> tuple[str, str] | None:
    spots: list[tuple[int, int, str]] = []
    for m in NUMBER.finditer(headline):
        spots.append((m.start("num"), m.end("num"), "num"))
        if m["unit"] and m["unit"].lower() in ("million", "billion", "m", "bn", "b", "mln", "thousand", "k"):
            spots.append((m.start("unit"), m.end("unit"), "unit"))
    for m in PERIOD.finditer(headline):
        spots.append((m.start(), m.end(), "period"))
    for m in re.finditer(r"\b(" + "|".join(k for k in MONTHS if len(k) > 3 and k != "sept") + r")\b", headline, re.IGNORECASE):
        if m[0][0].isupper():
            spots.append((m.start(), m.end(), "month"))
    if not spots:
        return None
    start, end, what = rng.choice(spots)
    old = headline[start:end]
    for _ in range(8):
        new = _new_number(old, what, rng)
        if new != old and (what != "num" or not re.search(rf"(?<![\d.,]){re.escape(new)}(?![\d])", story)):
            return headline[:start] + new + headline[end:], f"{old} -> {new}"
    return None


def _new_number(old: str, what: str, rng: random.Random) -> str:
    if what == "unit":
        swaps = {"million": "billion", "billion": "million", "m": "bn", "bn": "m", "b": "m", "mln": "bln", "thousand": "million"}
        swaps["k"] = "m"
        new = swaps.get(old.lower(), "billion")
        return new.capitalize() if old[:1].isupper() else new
    if what == "month":
        months = [m for m in MONTHS if len(m) > 3 and m != "sept" and m != old.lower()]
        return rng.choice(months).capitalize()
    if what == "period":
        digits = re.findall(r"[1-4]", old)
        if digits:
            return old.replace(digits[0], rng.choice([d for d in "1234" if d != digits[0]]), 1)
        words = ["First", "Second", "Third", "Fourth"]
        first = old.split()[0].split("-")[0]
        new = rng.choice([w for w in words if w.lower() != first.lower()])
        return old.replace(first, new if first[:1].isupper() else new.lower(), 1)
    digits = old.replace(",", "")
    value = float(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    if decimals == 0 and 1990 <= value <= 2035:  # a year
        return str(int(value) + rng.choice([-2, -1, 1, 2]))
    factor = rng.choice([0.5, 0.6, 0.75, 1.3, 1.5, 2.0, 3.0, 10.0])
    new_value = value * factor if value else float(rng.randint(2, 9))
    if decimals == 0:
        new_value = round(new_value)
        if new_value == value:
            new_value += rng.randint(1, 9)
        text = f"{int(new_value):,}" if "," in old else str(int(new_value))
    else:
        text = f"{new_value:.{decimals}f}"
    return text


def _flip_direction(headline: str, rng: random.Random) -> tuple[str, str] | None:
    words = [m for m in re.finditer(r"[A-Za-z]+", headline) if m[0].lower() in _DIRECTION]
    if words:
        m = rng.choice(words)
        if _no_direction(headline, m):
            return None  # after the draw, so that every other copy is drawn as before
        new = _DIRECTION[m[0].lower()]
        new = _cased(new, m[0])
        return headline[: m.start()] + new + headline[m.end() :], f"{m[0]} -> {new}"
    m = _NEGATABLE.search(headline)
    if m:
        aux = m[1]
        not_ = "Not" if m[2][:1].isupper() else "not"
        return headline[: m.end(1)] + f" {not_}" + headline[m.end(1) :], f"{aux} -> {aux} {not_}"
    return None


#: Verbs whose "up" or "down" tells no direction: "Teams Up With", "Gears Up for", "Cool Down". Flipped, the copy is
#: garbled ("Teams Down With"), not false. Not the words before a figure's "Up" ("Natural Gas Up 3%", "Plug Power Down",
#: "Dow Opens Up 200 Points", "Top Line Up 12%") nor "Ramp Up", whose flip is a false copy.
_PARTICLE_VERB = re.compile(
    r"\b(?:team|stack|gear|shak|shake|sign|set|wrap|link|pair|partner|match|lin|suit|sit|cool|calm|settl|settle|"
    r"break|count|hand|shut|crack|hunker|buckle|step|show|catch|free|heat|warm|tie|beef|rev|amp|pick|"
    r"meet|spice|switch|mix|level|play|speed|build|sum|chip|kick|start|roll|ring|fir|fire|dress)"
    r"(?:s|es|d|ed|ing|ping|ped|ting|ved|ving)?\s+$",
    re.IGNORECASE,
)
#: What a headline "raises" that is no figure going up: "Raises Concerns", "Raises the Bar", "Raises $5 Million" (money
#: raised, not a figure raised: "Cuts $5 Million" is garbled). A year or a figure after it stays: "Raises 2025 Forecast".
_RAISED_NO_FIGURE = re.compile(
    r"\s+(?:the\s+bar|concerns?|questions?|awareness|doubts?|alarms?|eyebrows|hopes|red\s+flags|funds|capital|"
    r"money|[$€£])",
    re.IGNORECASE,
)


_HYPHENS = ("-", "\u2011")


def _no_direction(headline: str, m: re.Match[str]) -> bool:
    """The word ``m`` tells no direction to flip: a compound's second part ("UL-Approved", "Shake-Up", "fresh-cut") or
    a record's ("Record-Breaking"; "Higher-Than-Expected" and "Best-Ever" flip), a verb's particle ("Teams Up"), or a
    raise that is no figure going up."""
    word = m[0].lower()
    if headline[m.start() - 1 : m.start()] in _HYPHENS or (word == "record" and headline[m.end() : m.end() + 1] in _HYPHENS):
        return True
    if word in ("up", "down") and _PARTICLE_VERB.search(headline[: m.start()]):
        return True
    return word in ("raises", "raised") and _RAISED_NO_FIGURE.match(headline, m.end()) is not None


def _move_status(headline: str, story: str, rng: random.Random) -> tuple[str, str] | None:
    found = [(pattern, repl, m) for pattern, repl in _STATUS if (m := pattern.search(headline))]
    if not found:
        return None
    # The first rules describe future or pending events: prefer them, they are the costly confusion.
    pattern, repl, m = found[0] if rng.random() < 0.7 else rng.choice(found)
    verb = m[1] if m.groups() and m[1] else ""
    new = repl.replace("{v}s", _third_person(verb)).format(v=verb, n=_DEAL_NOUN.get(verb.lower(), verb))
    # Checked after the draws, so the draws of the copies after this one are those of a run without the checks. An
    # empty replacement ("Schedules Conference Call for Q3 Results" -> "Q3 Results") leaves no verb.
    if new.startswith("{") or not new.strip():
        return None
    if not _said_of_the_subject(headline, m, story) or not _false_by_story(m[0], new, story):
        return None
    new = _cased(new, m[0])
    return headline[: m.start()] + new + headline[m.end() :], f"{m[0]} -> {new}"


#: "Agrees to Buy" made done: "Completes Purchase of", not "Completes Buy".
_DEAL_NOUN = {"acquire": "acquisition of", "buy": "purchase of", "merge with": "merger with", "sell": "sale of"}
#: A "to" that says why, or what a deal or a sum is for, not what the subject will do: "Partner to Launch", "Flock to
#: Buy", "Deal to List", "Raises $5M to Open": made "Launches", "Buys", "Lists", "Opens", the copy is no headline.
_NO_SUBJECT_BEFORE_TO = re.compile(
    r"(?:\b(?:partners?|teams?(?:\s+up)?|unites?|joins?\s+forces|collaborates?|flock|rush|race|deal|deals|agreement|"
    r"agreements|offer|bid|proposal|effort|initiative|campaign|funding|financing|grant|loan|capital|investment|"
    r"partnership|alliance|collaboration|stake|shares|locations|intent|intention|time|way|how|why|where|when|what|"
    r"likely|unlikely|able|eligible|allowed|approved|cleared|selected|chosen|invited|named|tapped|picked|"
    r"authori[sz]ed|licensed|permitted|elected|appointed|hired)|[$\d%][\w.,%]*|,)\s*$",
    re.IGNORECASE,
)
#: A headline's own verb before the "to" ("Hires Jane Doe to Join", "Enters Into Deal to Acquire"): the "to" is then a
#: purpose, and taking it away leaves two verbs in a row. Not "Announces": "Announces Acme to Join" is Acme's plan,
#: and "Announces Acme Joins" a headline.
_VERB_BEFORE_TO = re.compile(
    r"\b(?:raises|receives|secures|signs|hires|appoints|names|taps|selects|enters|launches|partners|teams|joins|"
    r"forms|creates|opens|adds|invests|uses|deploys|expands|completes|closes|wins|awarded|unveils|introduces|releases|"
    r"files|seeks|gets|earns|visits|welcomes|debuts|collaborates|acquires|buys|wants|refuses|fails|said|says|allows|"
    r"picks|inks|urges|asks|invites|helps|enables|lets|needs|votes|moves|works|continues|begins|starts|decides|"
    r"chooses|tells|calls|offers|agrees|commits|pledges|vows|promises|looks|aims|hopes|expects|intends|struggles)\b",
    re.IGNORECASE,
)


def _said_of_the_subject(headline: str, m: re.Match[str], story: str) -> bool:
    """A "to X" made "Xs" must be one subject's own plan ("NAFA to Host"), or the copy reads as no headline at all
    ("Partner Launches", "Wants Buys"); two subjects would want "Launch", which the rule does not write."""
    if m.re is not _STATUS[0][0]:
        return True  # "will report", "plans to buy": the subject's own by their words
    before = headline[: m.start()]
    if not before.strip():
        return False  # "Ready to Launch, Asterion Token ..." made "Launches, Asterion Token ...": no subject
    if re.search(r"\band\b|,(?!\s*(?:Inc|Ltd|LLC|L\.?P|Corp|Co|PLC|N\.V|S\.A|AG|SE|GmbH)\b)", before, re.IGNORECASE):
        return False  # "Acme and Beta to Launch": "Acme and Beta Launches" disagrees; "Acme, Inc." is one name
    if not m[0].lower().startswith("to "):
        return True  # a word of intent leans on the "to" and goes with it ("Set to Launch" -> "Launches")
    if _subject_named_in(before, story):
        return True  # "Ares Capital to Report", "Sterling to Acquire": the story writes the words as a name
    last = re.findall(r"[A-Za-z]+", before)[-1:] or [""]
    gerund = last[0].lower().endswith("ing") and is_common(last[0])  # "Visiting ... to Hold"; not "Boeing to Buy"
    return not gerund and not _NO_SUBJECT_BEFORE_TO.search(before) and not _VERB_BEFORE_TO.search(before)


def _subject_named_in(before: str, story: str) -> bool:
    """The last words before the "to" stand in the story as a name: written as the headline writes them, capitalised,
    and not where a sentence begins (which capitalises any word)."""
    words = re.findall(r"[\w&.'-]+", before)[-2:]
    if not words or not words[-1][:1].isupper():
        return False
    return re.search(rf"(?<![.!?]\s)(?<!^){re.escape(' '.join(words))}\b", story) is not None


def _false_by_story(old: str, new: str, story: str) -> bool:
    """The moved status is one the story does not also tell: a plan made done ("to launch" -> "launches") over a story
    that writes the launch as done somewhere ("has officially launched", "is hosting", "completed its acquisition
    of"), or a done event made a plan over one that also writes it to come ("will acquire", "will be acquired"), might
    be true, and a copy must be false. Read crudely, any mention anywhere: a copy left out costs one negative, a true
    copy labelled false teaches and measures the wrong thing."""
    # The event that moved is the replacement's ("Announces Date for" -> "Reports": a report), else the original's.
    base = _event_of(new) or _event_of(old)
    if base is None:
        return True  # "nominated" -> "wins", "preliminary" -> "final": no event verb to look up
    lowered = story.lower()
    done = "|".join(_DONE_FORMS[base])
    if _TO_PLAN.match(new):
        to_come = rf"\b(?:(?:to|will|plans?\s+to|set\s+to|expects?\s+to)\s+{base}|(?:will|to)\s+be\s+(?:{done}))\b"
        return re.search(to_come, lowered) is None
    going = re.sub(r"e$", "", base) + ("n" if base == "begin" else "") + "ing"
    done_now = (
        rf"\b(?:{done}|(?:is|are|now)\s+{going}|now\s+{base}|(?:completed|closed)\s+(?:its|the)\s+{_NOUN_OF.get(base, base)})\b"
    )
    return re.search(done_now, lowered) is None


#: The noun a story writes a done deal with: "completed its acquisition of".
_NOUN_OF = {"acquire": "acquisition", "buy": "purchase", "merge": "merger", "sell": "sale", "list": "listing"}


#: A status moved back to a plan: "to report", "plans to launch", "planned", "proposes", "is nominated for".
_TO_PLAN = re.compile(r"(?:plans?|planned|to|will|proposes|expected|is\s+nominated|applies)\b", re.IGNORECASE)
#: Base form -> done forms of the events whose status moves.
_DONE_FORMS = {
    base: forms.split()
    for base, forms in {
        "report": "reports reported",
        "announce": "announces announced",
        "host": "hosts hosted",
        "hold": "holds held",
        "release": "releases released",
        "present": "presents presented",
        "launch": "launches launched",
        "open": "opens opened",
        "acquire": "acquires acquired",
        "buy": "buys bought",
        "join": "joins joined",
        "list": "lists listed",
        "begin": "begins began begun",
        "start": "starts started",
        "issue": "issues issued",
        "pay": "pays paid",
        "sell": "sells sold",
        "merge": "merges merged",
        "expand": "expands expanded",
        "close": "closes closed",
        "build": "builds built",
        "raise": "raises raised",
        "complete": "completes completed",
        "receive": "receives received",
        "reach": "reaches reached",
        "sign": "signs signed",
    }.items()
}
_BASE_OF = {form: base for base, done in _DONE_FORMS.items() for form in (base, *done)}


def _event_of(text: str) -> str | None:
    """The base form of the first event verb in ``text``, in any of its forms."""
    return next((_BASE_OF[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _BASE_OF), None)


def _third_person(verb: str) -> str:
    """ "launch" -> "launches", "buy" -> "buys", "merge with" -> "merges with"."""
    head, _, rest = verb.partition(" ")
    if re.search(r"(?:s|sh|ch|x|z)$", head, re.IGNORECASE):
        head += "es"
    elif re.search(r"[^aeiou]y$", head, re.IGNORECASE):
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {rest}" if rest else head


def _swap_roles(headline: str, story: str) -> tuple[str, str] | None:
    m = _ROLE_VERBS.search(headline)
    if not m:
        return None
    before = headline_names(headline[: m.start()], story)
    after = headline_names(headline[m.end() :], story)
    if not before or not after:
        return None
    a, b = before[-1], after[0]
    if a.lower() == b.lower():
        return None
    left = headline[: m.start()]
    right = headline[m.end() :]
    i, j = left.rfind(a), right.find(b)
    swapped = left[:i] + b + left[i + len(a) :] + m[0] + right[:j] + a + right[j + len(b) :]
    return swapped, f"{a} <-> {b}"


def _cased(new: str, old: str) -> str:
    """``new`` in the case pattern of ``old``: UPPER, Title or lower."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return re.sub(r"\S+", lambda w: w[0][:1].upper() + w[0][1:], new)  # spaces kept: "Reports " stays apart
    return new
