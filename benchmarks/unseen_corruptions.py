"""How the headline rules hold on corruptions of kinds they were never written against: a probe of our own.

    .venv/bin/python -m benchmarks.unseen_corruptions [--data DIR] [--limit N] [--seed S] [--out DIR]

The faithfulness benchmark counts the copies training/corruptions.py makes (a name, a number, a direction, a
status), the same rules the judge's training pairs were made with; an outside probe changes facts in ways of its
own. This one takes true headlines of press-release *train* stories that the fact and claim rules pass (train
only: the rules were chosen on these stories, so this is a development probe, not an evaluation), makes one copy
per kind that applies (the first matching word replaced: an antonym, a month, a year, an ordinal, a number word,
a currency, a scale, a quarter, a half, a bound, a negation, a year of accounts; and, added later, a record or a
first claimed, an officer's title, a symbol's market, a state, an award won for a nomination, a letter of intent
made a definitive agreement, a quarter's results made the full year's, a trial's phase) and counts the copies the
rules catch, per kind. Records and firsts are read loosely by design (any record or first word of the story
supports one), so most inserted ones pass. Some copies are garbled rather than false ("Sets Former Standard"): read the missed ones, which
OUT/missed.jsonl holds as {id, text, headline, kind} pairs for `finnews verify --data OUT/missed.jsonl --out DIR`
(the judge too). Rules only, about a minute for 1,500 stories on two cores.

Prints one line per kind (caught/copies and the first misses) and as its last line:
unseen_caught=A copies=N kinds=K
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from worker.faithfulness import check_grounding

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TRAIN = Path("press_release_headlines") / "train.jsonl"

_MONTHS = "January February March April May June July August September October November December".split()
_ORDINALS = "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth".split()
_NUMBERS = "Two Three Four Five Six Seven Eight Nine Ten".split()
#: Words and their opposites (as a headline writes them, capitalised); a lower-case word keeps its case.
_ANTONYMS = {
    "acquires": "Sells",
    "acquire": "Sell",
    "profit": "Loss",
    "hires": "Dismisses",
    "appoints": "Dismisses",
    "approves": "Rejects",
    "approval": "Rejection",
    "wins": "Loses",
    "expands": "Shrinks",
    "expansion": "Closure",
    "opens": "Closes",
    "launches": "Discontinues",
    "increase": "Decrease",
    "growth": "Decline",
    "partners": "Sues",
    "joins": "Leaves",
    "completes": "Terminates",
    "receives": "Is Denied",
    "awarded": "Denied",
    "record": "Lowest",
    "strengthens": "Weakens",
    "improves": "Worsens",
    "signs": "Cancels",
}
_FAILS = {"Launches": "Launch", "Completes": "Complete", "Secures": "Secure", "Receives": "Receive", "Wins": "Win"}
_BOUNDS = {"Over": "Under", "More Than": "Less Than", "Nearly": "Over", "Almost": "Over", "Up to": "At Least"}
_SCALES = {"million": "billion", "billion": "million", "Million": "Billion", "Billion": "Million"}
_TITLES = {
    "Chief Executive Officer": "Chief Financial Officer",
    "Chief Financial Officer": "Chief Operating Officer",
    "CEO": "CFO",
    "CFO": "COO",
    "COO": "CTO",
    "CTO": "CEO",
}
_MARKETS = {"NASDAQ": "NYSE", "Nasdaq": "NYSE", "NYSE": "NASDAQ", "TSX": "ASX", "CSE": "TSXV"}
_STATES = (
    "Arizona",
    "California",
    "Colorado",
    "Florida",
    "Georgia",
    "Illinois",
    "Massachusetts",
    "Michigan",
    "Nevada",
    "New Jersey",
    "New York",
    "North Carolina",
    "Ohio",
    "Oregon",
    "Pennsylvania",
    "Tennessee",
    "Texas",
    "Utah",
    "Virginia",
    "Washington",
)
_PHASES = {"1": "2", "2": "3", "3": "2", "I": "II", "II": "III", "III": "II"}
_QUARTERS = r"Q[1-4]|(?:First|Second|Third|Fourth)[\s-]Quarter"
_RESULTS = r"(?:\d{4}\s+)?(?:Financial\s+)?(?:Results|Revenue|Sales|Earnings|Net\s+Income|Profit)"


def _nth(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _keep_case(word: str, like: str) -> str:
    return word if like[:1].isupper() else word.lower()


@dataclass(frozen=True)
class Kind:
    """One way of changing a fact: the first match of ``pattern`` in a headline, replaced by ``replace``."""

    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]

    def apply(self, headline: str) -> str | None:
        """The corrupted headline, or None where the kind does not apply (or changes nothing)."""
        if not self.pattern.search(headline):
            return None
        changed = self.pattern.sub(self.replace, headline, count=1)
        return changed if changed != headline else None


KINDS = (
    Kind(
        "antonym",
        re.compile(r"\b(" + "|".join(_ANTONYMS) + r")\b", re.IGNORECASE),
        lambda m: _keep_case(_ANTONYMS[m[0].lower()], m[0]),
    ),
    Kind("month", re.compile(r"\b(" + "|".join(_MONTHS) + r")\b"), lambda m: _MONTHS[(_MONTHS.index(m[0]) + 5) % 12]),
    Kind("year", re.compile(r"\b20[12]\d\b"), lambda m: str(int(m[0]) + 1)),
    Kind(
        "year_of_accounts",
        re.compile(r"\b(Full[\s-]Year\s|Fiscal\s(?:Year\s)?|FY\s?)(20[12]\d)\b", re.IGNORECASE),
        lambda m: m[1] + str(int(m[2]) + 1),
    ),
    Kind("ordinal_digits", re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b"), lambda m: _nth(int(m[1]) + 1)),
    Kind(
        "ordinal_words", re.compile(r"\b(" + "|".join(_ORDINALS[1:-1]) + r")\b"), lambda m: _ORDINALS[_ORDINALS.index(m[0]) + 1]
    ),
    Kind("number_words", re.compile(r"\b(" + "|".join(_NUMBERS[:-1]) + r")\b"), lambda m: _NUMBERS[_NUMBERS.index(m[0]) + 1]),
    Kind("currency", re.compile(r"\$(?=\d)"), lambda m: "€"),
    Kind("scale", re.compile(r"\b(" + "|".join(_SCALES) + r")\b"), lambda m: _SCALES[m[0]]),
    Kind("percent_to_points", re.compile(r"(\d)%"), lambda m: m[1] + " Basis Points"),
    Kind(
        "quarter",
        re.compile(r"\b(First|Second|Third|Fourth) Quarter\b"),
        lambda m: _ORDINALS[(_ORDINALS.index(m[1]) + 1) % 4] + " Quarter",
    ),
    Kind(
        "half",
        re.compile(r"\b(First Half|Second Half|H1|H2)\b"),
        lambda m: {"First Half": "Second Half", "Second Half": "First Half", "H1": "H2", "H2": "H1"}[m[0]],
    ),
    Kind("bound", re.compile(r"\b(Over|More Than|Nearly|Almost|Up to)\b(?= \$?\d)"), lambda m: _BOUNDS[m[0]]),
    Kind("fails", re.compile(r"\b(" + "|".join(_FAILS) + r")\b"), lambda m: "Fails to " + _FAILS[m[0]]),
    Kind("no_longer", re.compile(r"\b(Is|Are)\b"), lambda m: m[0] + " No Longer"),
    Kind("not", re.compile(r"\b(Will|Has|Have|Can)\b"), lambda m: m[0] + " Not"),
    # Added in the twenty-ninth session, after the kinds above were read: a record or a first claimed, an officer's
    # title, a symbol's market, a place, an award's status, a preliminary deal made definitive, a quarter's results
    # made the year's, a trial's phase.
    Kind(
        "record",
        re.compile(
            r"\b(?:Reports|Posts|Announces|Achieves|Delivers|Secures|Raises|Closes) (?=[$\d]|Q[1-4]|First|Second|Third|Fourth|Full)"
        ),
        lambda m: m[0] + "Record ",
    ),
    Kind("first", re.compile(r"\b(?:Launches|Unveils|Introduces|Opens) (?!First)(?=[A-Z])"), lambda m: m[0] + "First-Ever "),
    Kind("title", re.compile(r"\b(" + "|".join(_TITLES) + r")\b"), lambda m: _TITLES[m[0]]),
    Kind("market", re.compile(r"\b(" + "|".join(_MARKETS) + r")(?=\s*:)"), lambda m: _MARKETS[m[0]]),
    Kind("state", re.compile(r"\b(" + "|".join(_STATES) + r")\b"), lambda m: _STATES[(_STATES.index(m[0]) + 7) % len(_STATES)]),
    Kind(
        "award",
        re.compile(
            r"\b(?:(?:Named|Selected as)\s+(?:an?\s+)?)?(?:Finalist|Nominee|Semifinalist)(?:\s+for)?\b|\b(?:Nominated|Shortlisted) for\b"
        ),
        lambda m: "Wins" if m[0].endswith("for") else "Winner",
    ),
    Kind(
        "definitive",
        re.compile(r"\b(?:Letter of Intent|LOI|Non-Binding Agreement|Memorandum of Understanding|MOU|Term Sheet)\b"),
        lambda m: "Definitive Agreement",
    ),
    Kind(
        "full_year",
        re.compile(rf"\b(?:{_QUARTERS})(?:\s+(?P<year>(?:19|20)\d\d))?(?=\s+{_RESULTS}\b)"),
        lambda m: "Full-Year" + (f" {m['year']}" if m["year"] else ""),
    ),
    Kind("phase", re.compile(r"\bPhase (1|2|3|I|II|III)\b"), lambda m: "Phase " + _PHASES[m[1]]),
)


@dataclass
class Tally:
    copies: int = 0
    caught: int = 0


def probe(records: list[dict[str, str]], kinds: tuple[Kind, ...] = KINDS) -> tuple[dict[str, Tally], list[dict[str, str]]]:
    """Per kind, the copies made of the true headlines the rules pass and how many the rules catch; and the missed
    copies as verify pairs."""
    tallies = {k.name: Tally() for k in kinds}
    missed: list[dict[str, str]] = []
    for record in records:
        headline, story = record["summary"].strip(), record["text"]
        copies = [(k, c) for k in kinds if (c := k.apply(headline)) is not None]
        if not copies or not check_grounding(headline, story).grounded:
            continue
        for kind, copy in copies:
            tally = tallies[kind.name]
            tally.copies += 1
            if not check_grounding(copy, story).grounded:
                tally.caught += 1
            else:
                missed.append({"id": f"{record['id']}#{kind.name}", "text": story, "headline": copy, "kind": kind.name})
    return tallies, missed


def load_records(path: Path, limit: int | None, seed: int) -> list[dict[str, str]]:
    records = [r for line in path.read_text().splitlines() if line.strip() if (r := json.loads(line)).get("summary")]
    if limit is not None and limit < len(records):
        records = random.Random(seed).sample(records, limit)
    return records


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=1500, help="A seeded sample of this many train stories.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="Folder for missed.jsonl (verify pairs).")
    args = parser.parse_args(argv)

    path = args.data / TRAIN
    if not path.is_file():
        print(f"skipped: no {TRAIN} under {args.data}")
        return
    tallies, missed = probe(load_records(path, args.limit, args.seed))
    for name, t in tallies.items():
        share = t.caught / t.copies if t.copies else float("nan")
        examples = [p["headline"][:80] for p in missed if p["kind"] == name][:3]
        print(f"{name}: caught {t.caught}/{t.copies} ({share:.3f}); missed e.g. {examples}")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        with (args.out / "missed.jsonl").open("w") as f:
            f.writelines(json.dumps(pair, ensure_ascii=False) + "\n" for pair in missed)
        print(f"missed pairs: {args.out / 'missed.jsonl'} ({len(missed)})")
    copies = sum(t.copies for t in tallies.values())
    caught = sum(t.caught for t in tallies.values())
    applied = sum(t.copies > 0 for t in tallies.values())
    print(f"unseen_caught={caught / copies if copies else float('nan'):.4f} copies={copies} kinds={applied}")


if __name__ == "__main__":
    main()
