"""The probe of corruptions the rules were not written against: its copies, its tally, its absent data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.unseen_corruptions import KINDS, main, probe

_KIND = {k.name: k for k in KINDS}


@pytest.mark.parametrize(
    ("kind", "headline", "copy"),
    [
        ("antonym", "Acme Acquires Beta", "Acme Sells Beta"),
        ("antonym", "Acme sees record growth", "Acme sees lowest growth"),
        ("ordinal_digits", "Acme Hosts 21st Annual Gala", "Acme Hosts 22nd Annual Gala"),
        ("year_of_accounts", "Acme Reports Full Year 2025 Results", "Acme Reports Full Year 2026 Results"),
        ("year_of_accounts", "Acme FY2025 Results", "Acme FY2026 Results"),
        ("quarter", "Acme Fourth Quarter Results", "Acme First Quarter Results"),
        ("currency", "Acme Raises $5 Million", "Acme Raises €5 Million"),
        ("market", "Acme (NASDAQ: ACME) Reports Revenue", "Acme (NYSE: ACME) Reports Revenue"),
        ("full_year", "Acme Reports Q1 2025 Results", "Acme Reports Full-Year 2025 Results"),
        ("award", "Acme Named Finalist for Robo Award", "Acme Wins Robo Award"),
        ("definitive", "Acme Signs LOI With Beta", "Acme Signs Definitive Agreement With Beta"),
        ("phase", "Acme Starts Phase II Trial", "Acme Starts Phase III Trial"),
        ("state", "Acme Opens Office in New York", "Acme Opens Office in Utah"),
        ("antonym", "Acme Names New CFO", None),  # no word of the kind: no copy
    ],
)
def test_each_kind_changes_the_first_fact_it_reads(kind: str, headline: str, copy: str | None) -> None:
    assert _KIND[kind].apply(headline) == copy


def test_the_probe_counts_the_copies_of_true_headlines_the_rules_pass() -> None:
    records = [
        {"id": "a", "text": "Acme acquired Beta for $5 million in March 2025.", "summary": "Acme Acquires Beta for $5 Million"},
        # flagged as written (Globex is not in its story): no copies are made of it
        {"id": "b", "text": "Acme acquired Beta for $5 million.", "summary": "Globex Acquires Beta for $5 Million"},
    ]
    tallies, missed = probe(records)
    made = {name: (t.caught, t.copies) for name, t in tallies.items() if t.copies}
    assert made == {"antonym": (1, 1), "currency": (1, 1), "scale": (1, 1)}
    assert missed == []


def test_a_missing_data_set_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--data", str(tmp_path)])
    assert capsys.readouterr().out.startswith("skipped:")


def test_the_missed_copies_are_written_as_verify_pairs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data" / "press_release_headlines"
    data.mkdir(parents=True)
    # "Three" -> "Four": a number word the story also writes, about something else, passes the rules
    record = {"id": "c", "text": "Acme sold three homes in four weeks.", "summary": "Acme Sells Three Homes"}
    (data / "train.jsonl").write_text(json.dumps(record) + "\n")
    main(["--data", str(tmp_path / "data"), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out.splitlines()
    pairs = [json.loads(line) for line in (tmp_path / "out" / "missed.jsonl").read_text().splitlines()]
    assert pairs == [
        {"id": "c#number_words", "text": record["text"], "headline": "Acme Sells Four Homes", "kind": "number_words"}
    ]
    assert out[-1].startswith("unseen_caught=") and "copies=" in out[-1]
