"""`finnews verify`: given (story, headline) pairs through exactly the checks a published headline gets.

    {id, text, headline[, label | kind]} JSONL
      -> Engine.check_headlines: the fact rules (worker/faithfulness) and the task's judge adapter
      -> verdicts.jsonl (one line a pair: verdict, support, what was unsupported) and rates.json

A record may say what it is: ``label`` ("supported" / "unsupported") or ``kind`` (a corruption
kind, "true" for an untouched headline); the rates are then given per label and per kind, so an
outside probe with corruptions of its own reads its catch rates off rates.json.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from schemas.news import MAX_BODY_CHARS, MAX_HEADLINE_CHARS, MAX_ID_CHARS, news_from_text
from worker.engine import Engine
from worker.engine.headlines import Headline
from worker.exceptions import FinnewsError

__all__ = ["Pair", "PairVerdict", "Skipped", "VerifyError", "begin", "load_pairs", "rates", "verify_pairs", "write_rates"]


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
    engine: Engine,
    task: str,
    pairs: Sequence[Pair],
    batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
    on_batch: Callable[[list[PairVerdict]], None] | None = None,
) -> list[PairVerdict]:
    """Each pair's verdict, ``batch_size`` pairs to a judge call; ``on_batch`` is given each batch's verdicts as
    soon as they are known (the CLI writes them then, so a run that fails late keeps what it scored)."""
    out: list[PairVerdict] = []
    for start in range(0, len(pairs), batch_size):
        part = pairs[start : start + batch_size]
        checked = engine.check_headlines([(news_from_text(p.id, p.text), p.headline) for p in part], task)
        verdicts = [_verdict(p, h) for p, h in zip(part, checked, strict=True)]
        out += verdicts
        if on_batch is not None:
            on_batch(verdicts)
        if progress is not None:
            progress(len(part))
    return out


def begin(out: Path, pairs: Sequence[Pair], about: dict[str, object], resume: bool) -> list[PairVerdict]:
    """Make ``out`` ready for a run over ``pairs`` scored as ``about`` says (the task, its judge, the base), and
    return the verdicts an earlier run of the same pairs and judge left there when ``resume`` (none otherwise).

    run.json records what the verdicts were scored by, so a resumed run that would mix two judges' (or two files')
    verdicts is refused rather than reported as one. Nothing in ``out`` changes before that check passes; then
    rates.json goes (it is written last, so one left by an earlier run would stand beside verdicts it does not count).
    """
    out.mkdir(parents=True, exist_ok=True)
    verdicts_file, run_file = out / "verdicts.jsonl", out / "run.json"
    run = {**about, "pairs": len(pairs), "pairs_digest": _digest(pairs)}
    done: list[PairVerdict] = []
    # An empty verdicts file is a run stopped before its first verdict, whatever run.json says: nothing to go on from.
    resuming = resume and verdicts_file.is_file() and verdicts_file.stat().st_size > 0
    if resuming:
        earlier = _read_run(run_file)
        if earlier != run:
            raise VerifyError(
                f"{verdicts_file} was scored {'by an unknown run' if earlier is None else f'as {earlier}'}, "
                f"this run would score as {run}: give a new --out, or leave out --resume to start over"
            )
        done = _verdicts_so_far(verdicts_file, pairs)
    (out / "rates.json").unlink(missing_ok=True)
    if not done:
        verdicts_file.write_bytes(b"")
    if not resuming:  # a resumed run's run.json already says this run; a start-over replaces whatever is there
        # Replaced whole, never rewritten in place: a stop halfway through would leave a run.json no resume can read.
        partial = run_file.with_name(run_file.name + ".part")
        partial.write_text(json.dumps(run) + "\n", encoding="utf-8")
        os.replace(partial, run_file)
    return done


def _read_run(run_file: Path) -> dict[str, object] | None:
    if not run_file.is_file():
        return None
    try:
        run = json.loads(run_file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise VerifyError(f"{run_file} is unreadable ({exc}): give a new --out, or leave out --resume") from exc
    return run if isinstance(run, dict) else None


def _digest(pairs: Sequence[Pair]) -> str:
    h = hashlib.sha256()
    for p in pairs:
        h.update(p.model_dump_json().encode() + b"\n")
    return "sha256:" + h.hexdigest()


def _verdicts_so_far(verdicts_file: Path, pairs: Sequence[Pair]) -> list[PairVerdict]:
    """The verdicts at the head of the file, in the pairs' order. What follows the last newline is a line the stop
    cut, and is cut off the file too, so appending goes on from the last whole verdict; a line that is no verdict of
    its pair anywhere before that says the file was edited, and is refused."""
    raw = verdicts_file.read_bytes()
    lines = raw.split(b"\n")[:-1]  # whatever follows the last newline was cut mid-write
    done: list[PairVerdict] = []
    for number, line in enumerate(lines, start=1):
        try:
            verdict = PairVerdict.model_validate_json(line)
        except ValidationError:
            verdict = None
        if verdict is None or number > len(pairs) or verdict.id != pairs[number - 1].id:
            raise VerifyError(f"{verdicts_file}:{number} is not the verdict on pair {number}: edited since")
        done.append(verdict)
    kept = sum(len(line) + 1 for line in lines)
    if kept < len(raw):
        with verdicts_file.open("r+b") as f:
            f.truncate(kept)
    return done


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


def write_rates(out: Path, figures: dict[str, object], seconds: float, scored: int) -> None:
    """rates.json, with the seconds this run took over the ``scored`` pairs it judged itself."""
    payload = {**figures, "seconds": round(seconds, 2), "seconds_per_pair": round(seconds / max(1, scored), 4)}
    (out / "rates.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
