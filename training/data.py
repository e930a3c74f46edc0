"""Labelled examples: loading (file or Kafka topic), checking, seeded splitting, digests."""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.labels import GroundTruth, LabelledText
from schemas.tasks import TaskKind, TaskSpec
from worker.exceptions import FinnewsError
from worker.intake import parse_json


class DataError(FinnewsError):
    """The training data cannot be used; the message says why and where."""


#: A labelled record for training and evaluation (the evaluation sets' format).
Example = LabelledText


@dataclass(frozen=True)
class Split:
    train: list[Example]
    heldout: list[Example]
    source: str

    def digest(self) -> str:
        return digest(self.train + self.heldout)

    def heldout_digest(self) -> str:
        return digest(self.heldout)


def digest(examples: list[Example]) -> str:
    canonical = sorted(json.dumps(e.model_dump(), sort_keys=True) for e in examples)
    return "sha256:" + hashlib.sha256("\n".join(canonical).encode()).hexdigest()


def parse_records(
    records: list[tuple[str, bytes]],
    task: TaskSpec,
    label_map: dict[str, str] | None = None,
    drop_duplicates: bool = False,
    unlabelled: list[str] | None = None,
) -> list[Example]:
    """Validate raw records (where, bytes) for ``task``; raise DataError naming the first problems.

    ``label_map`` renames labels first (a data set's ``bullish`` as the task's ``positive``);
    ``drop_duplicates`` keeps the first record of each id instead of refusing the set; with
    ``unlabelled`` (a list), records without a label or summary are left out and their ids
    appended to it instead of refusing the set (evaluation: EDTSum has one such record).
    """
    examples, problems = [], []
    for where, raw in records:
        try:
            data: Any = parse_json(raw)
            if label_map and isinstance(data, dict) and data.get("label") in label_map:
                data = {**data, "label": label_map[data["label"]]}
            example = Example.model_validate(data)
        except (ValueError, ValidationError) as exc:
            problems.append(f"{where}: not a {{id, text, label|summary}} record ({str(exc).splitlines()[0]})")
            continue
        target = example.target(task.kind)
        if not target and unlabelled is not None:
            unlabelled.append(example.id)
            continue
        if not target:
            field = "label" if task.kind is TaskKind.classify else "summary"
            problems.append(f"{where}: no {field!r} (unlabelled) for {task.kind.value} task {task.name!r}")
            continue
        if task.kind is TaskKind.classify and target not in task.labels:
            problems.append(f"{where}: label {target!r} is not one of task {task.name!r}'s labels {list(task.labels)}")
            continue
        examples.append(example)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise DataError("; ".join(problems[:5]) + more)
    if not examples:
        raise DataError("the data set is empty")
    return unique_ids(examples, drop_duplicates)


def unique_ids(examples: list[Example], drop_duplicates: bool, where: str = "") -> list[Example]:
    """``examples`` with each id once: the first of each kept with ``drop_duplicates``, else DataError."""
    if drop_duplicates:
        seen: set[str] = set()
        examples = [e for e in examples if not (e.id in seen or seen.add(e.id))]  # type: ignore[func-returns-value]
    dupes = [i for i, n in Counter(e.id for e in examples).items() if n > 1]
    if dupes:
        raise DataError(f"duplicate ids{where}: {dupes[:5]}")
    return examples


def load_file(
    path: Path,
    task: TaskSpec,
    label_map: dict[str, str] | None = None,
    limit: int | None = None,
    seed: int = 0,
    drop_duplicates: bool = False,
    unlabelled: list[str] | None = None,
) -> list[Example]:
    """The file's examples; with ``limit``, a seeded random subset of that many (training on a CPU).
    ``unlabelled``: see parse_records."""
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    records = [(f"{path}:{n}", line) for n, line in enumerate(path.read_bytes().splitlines(), start=1) if line.strip()]
    examples = parse_records(records, task, label_map, drop_duplicates, unlabelled)
    if limit is not None and limit < len(examples):
        examples = random.Random(seed).sample(examples, limit)
    return examples


def load_files(
    paths: list[Path],
    task: TaskSpec,
    label_map: dict[str, str] | None = None,
    limit: int | None = None,
    seed: int = 0,
    drop_duplicates: bool = False,
    exclude: list[Path] | None = None,
) -> tuple[list[Example], int]:
    """The examples of several files, one set (ids must stay unique across them), less every record
    whose text is also in an ``exclude`` file (an evaluation set drawn from the same source), and
    how many were left out that way. ``limit`` samples the union, after the exclusion."""
    examples: list[Example] = []
    for path in paths:
        examples.extend(load_file(path, task, label_map, None, seed, drop_duplicates))
    examples = unique_ids(examples, drop_duplicates, where=f" across {[str(p) for p in paths]}")
    held_back = {same_text(t) for path in exclude or [] for t in texts_of(path)}
    kept = [e for e in examples if same_text(e.text) not in held_back]
    if not kept:
        raise DataError("every record is also in an --exclude file")
    excluded = len(examples) - len(kept)
    if limit is not None and limit < len(kept):
        kept = random.Random(seed).sample(kept, limit)
    return kept, excluded


def same_text(text: str) -> str:
    """A text as compared across data sets: lower case, ASCII letters and digits only (PhraseBank's
    copies differ in spacing, punctuation and how their damaged non-ASCII characters were saved)."""
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())


def texts_of(path: Path) -> list[str]:
    """The ``text`` of every record of a JSONL file (any labels or none)."""
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    texts = []
    for n, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data: Any = parse_json(line)
        except ValueError as exc:
            raise DataError(f"{path}:{n}: not JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise DataError(f"{path}:{n}: no 'text'")
        texts.append(data["text"])
    return texts


def parse_label_map(text: str | None) -> dict[str, str]:
    """``bullish=positive,bearish=negative`` as a dict; DataError when malformed."""
    if not text:
        return {}
    pairs = [part.split("=", 1) for part in text.split(",") if part.strip()]
    if any(len(p) != 2 or not p[0].strip() or not p[1].strip() for p in pairs):
        raise DataError(f"--label-map expects FROM=TO[,FROM=TO...], got {text!r}")
    return {a.strip(): b.strip() for a, b in pairs}


def split(examples: list[Example], heldout_fraction: float, seed: int, source: str) -> Split:
    """A seeded split; classification is stratified so every label is held out in proportion."""
    rng = random.Random(seed)
    by_target: dict[str | None, list[Example]] = {}
    for e in sorted(examples, key=lambda e: e.id):
        by_target.setdefault(e.label, []).append(e)
    train, heldout = [], []
    for group in by_target.values():
        rng.shuffle(group)
        n = max(1, round(len(group) * heldout_fraction)) if len(group) > 1 else 0
        heldout.extend(group[:n])
        train.extend(group[n:])
    if not train or not heldout:
        raise DataError(f"{len(examples)} examples are too few to split into train and held-out")
    rng.shuffle(train)
    return Split(train=train, heldout=heldout, source=source)


def load_labels(path: Path, kind: TaskKind) -> dict[str, str]:
    """A labels file ({"id", "label"|"summary"} per line) as news id -> expected label or summary."""
    if not path.is_file():
        raise DataError(f"{path}: no such labels file")
    truth: dict[str, str] = {}
    problems = []
    field = "label" if kind is TaskKind.classify else "summary"
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = GroundTruth.model_validate_json(line)
        except ValidationError as exc:
            problems.append(f"{path}:{number}: {str(exc).splitlines()[-1].strip()}")
            continue
        target = record.target(kind)
        if target is None:
            problems.append(f"{path}:{number}: no {field!r}")
        elif record.id in truth and truth[record.id] != target:
            problems.append(f"{path}:{number}: id {record.id!r} has two different {field}s")
        else:
            truth[record.id] = target
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise DataError("; ".join(problems[:5]) + more)
    if not truth:
        raise DataError(f"{path}: no ground truth in the labels file")
    return truth
