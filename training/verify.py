"""`finnews verify`: given (story, headline) pairs through exactly the checks a published headline gets.

    {id, text, headline[, label | kind]} JSONL
      -> Engine.check_headlines: the fact rules (worker/faithfulness) and the task's judge adapter
      -> verdicts.jsonl (one line a pair: verdict, support, what was unsupported) and rates.json

A record may say what it is: ``label`` ("supported" / "unsupported") or ``kind`` (a corruption
kind, "true" for an untouched headline); the rates are then given per label and per kind, so an
outside probe with corruptions of its own reads its catch rates off rates.json.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from schemas.news import MAX_BODY_CHARS, MAX_HEADLINE_CHARS, MAX_ID_CHARS, news_from_text
from worker.engine import Engine
from worker.engine.headlines import Headline
from worker.exceptions import FinnewsError

__all__ = ["Pair", "PairVerdict", "Skipped", "VerifyError", "load_pairs", "rates", "verify_pairs", "write"]


class VerifyError(FinnewsError):
    """The pairs cannot be verified as asked; the message says why."""


class Pair(BaseModel):
    """One (story, headline) pair to verify."""

    # Stripped as an item's fields are, so a blank id, story or headline is left out here, not scored as if it
    # were one (a blank story reads as the id) or failed in the middle of the run (a blank id).
    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    # The bounds of an item on the input topic: a pair the worker could never be given is left out with its
    # reason, not let fail the run halfway (a longer story) or hold it for minutes (a headline of pages).
    text: str = Field(min_length=1, max_length=MAX_BODY_CHARS, description="The story.")
    # "summary" too: the project's own data files (and EDTSum's) name the headline so; "headline" wins where both are.
    headline: str = Field(min_length=1, max_length=MAX_HEADLINE_CHARS, validation_alias=AliasChoices("headline", "summary"))
    label: str | None = Field(default=None, description="Optional: supported or unsupported, for the rates.")
    kind: str | None = Field(default=None, description="Optional: what was done to the headline, for the rates.")

    @field_validator("id", "label", "kind", mode="before")
    @classmethod
    def _numbers_as_text(cls, value: object) -> object:
        """Many datasets number their ids (and labels): read 7 as "7", rather than refuse the whole file."""
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


class PairVerdict(BaseModel):
    """The verdict on one pair: ``supported`` only when the rules and the judge both accept it."""

    id: str
    verdict: str  # "supported" | "unsupported"
    grounded: bool  # the fact rules
    unsupported: list[str]  # the facts the rules could not find in the story, as written
    looping: bool
    support: float | None  # the judge's calibrated probability; None without a judge
    judge_accepts: bool | None
    label: str | None = None
    kind: str | None = None


def _first_error(exc: ValidationError) -> str:
    """What is wrong, and where: "text: Input should be a valid string", "Invalid JSON: EOF while parsing"."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]


class Skipped(BaseModel):
    """A line of the file that is not a pair, left out of the run: where it is and why."""

    line: int
    reason: str


def load_pairs(path: Path, strict: bool = True) -> tuple[list[Pair], list[Skipped]]:
    """The file's pairs, and the lines that are not pairs. ``strict`` refuses the file for any such line;
    otherwise they are left out and returned, so one bad record of a probe's thousands costs that record
    alone (as ``finnews evaluate`` leaves out unlabelled records), and the count is reported, never hidden."""
    if not path.is_file():
        raise VerifyError(f"{path}: no such file")
    pairs: list[Pair] = []
    skipped: list[Skipped] = []
    # A byte-order mark (files saved by some editors) is no part of the first record. Lines split at "\n" only,
    # so a stray "\r" does not shift the line numbers an editor shows.
    for number, line in enumerate(path.read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            pairs.append(Pair.model_validate_json(line))
        except ValidationError as exc:
            skipped.append(Skipped(line=number, reason=f"not an {{id, text, headline}} record ({_first_error(exc)})"))
    if skipped and (strict or not pairs):
        problems = [f"{path}:{s.line}: {s.reason}" for s in skipped]
        raise VerifyError("; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
    if not pairs:
        raise VerifyError(f"{path}: no pairs")
    return pairs, skipped


def verify_pairs(
    engine: Engine, task: str, pairs: Sequence[Pair], batch_size: int = 16, progress: Callable[[int], None] | None = None
) -> list[PairVerdict]:
    """Each pair's verdict, ``batch_size`` pairs to a judge call."""
    out: list[PairVerdict] = []
    for start in range(0, len(pairs), batch_size):
        part = pairs[start : start + batch_size]
        checked = engine.check_headlines([(news_from_text(p.id, p.text), p.headline) for p in part], task)
        out += [_verdict(p, h) for p, h in zip(part, checked, strict=True)]
        if progress is not None:
            progress(len(part))
    return out


def _verdict(pair: Pair, headline: Headline) -> PairVerdict:
    return PairVerdict(
        id=pair.id,
        verdict="supported" if headline.acceptable else "unsupported",
        grounded=headline.grounded,
        unsupported=list(headline.unsupported),
        looping=headline.looping,
        support=headline.support,
        judge_accepts=None if headline.support is None else headline.supported,
        label=pair.label,
        kind=pair.kind,
    )


def rates(verdicts: Sequence[PairVerdict]) -> dict[str, object]:
    """The share judged unsupported: overall, per given label and per given kind (with counts), and the ids
    given more than once."""

    def share(group: Sequence[PairVerdict]) -> dict[str, float | int]:
        flagged = sum(v.verdict == "unsupported" for v in group)
        by_rules = sum(not v.grounded or v.looping for v in group)
        by_judge = sum(v.judge_accepts is False for v in group)
        n = len(group)
        return {"n": n, "unsupported": flagged / n, "by_rules": by_rules / n, "by_judge": by_judge / n}

    result: dict[str, object] = {"all": share(verdicts)}
    # Each line gets its verdict; an id given twice is named, since verdicts joined back by id would be ambiguous.
    repeated = sorted(i for i, n in Counter(v.id for v in verdicts).items() if n > 1)
    result["repeated_ids"] = {"count": len(repeated), "ids": repeated[:100]}
    for field in ("label", "kind"):
        values = Counter(getattr(v, field) for v in verdicts if getattr(v, field) is not None)
        if values:
            result[f"by_{field}"] = {
                value: share([v for v in verdicts if getattr(v, field) == value]) for value in sorted(values)
            }
    return result


def write(out: Path, verdicts: Sequence[PairVerdict], figures: dict[str, object], seconds: float) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "verdicts.jsonl").open("w", encoding="utf-8") as f:
        for v in verdicts:
            f.write(v.model_dump_json() + "\n")
    payload = {**figures, "seconds": round(seconds, 2), "seconds_per_pair": round(seconds / max(1, len(verdicts)), 4)}
    (out / "rates.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def timed(run: Callable[[], list[PairVerdict]]) -> tuple[list[PairVerdict], float]:
    started = time.perf_counter()
    result = run()
    return result, time.perf_counter() - started
