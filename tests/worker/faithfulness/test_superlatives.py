"""A record or a first the story never claims is unsupported (worker/faithfulness/superlatives.py, through
check_grounding); a record of any kind in the story, or "Record" in another sense, claims nothing new."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding

_CONTRACT = (
    "ARLINGTON, Va., June 17, 2025 -- Castellan Defense Systems, Inc. today announced that the U.S. Army has awarded "
    "the company a five-year contract with a ceiling value of $780 million. The company's total backlog was $6.2 "
    "billion at the end of its fiscal first quarter."
)
_AWARD = (
    "SAN DIEGO, June 24, 2025 -- Solvaris Water Technologies said its HydraLoop 5 membrane has received the 2025 Global "
    "Water Innovation Award. Orders in the first half of 2025 totaled $63 million. It is the second time Solvaris was "
    "honored by the Forum."
)

SUPERLATIVES = [
    ("Castellan Defense Systems Wins $780 Million Army Contract", _CONTRACT, []),
    ("Castellan Defense Systems Wins Record $780 Million Army Contract", _CONTRACT, ["Record"]),
    ("Castellan Wins Largest-Ever $780 Million Army Contract", _CONTRACT, ["Largest-Ever"]),
    ("Castellan Wins $780 Million Army Contract", _CONTRACT + " It is the largest award in the company's history.", []),
    ("Castellan Wins Record $780 Million Army Contract", _CONTRACT + " It is the largest award in the company's history.", []),
    ("Solvaris HydraLoop 5 Wins 2025 Global Water Innovation Award", _AWARD, []),
    ("Solvaris HydraLoop 5 Becomes First Membrane to Win Global Water Innovation Award", _AWARD, ["First Membrane to Win"]),
    ("Solvaris Unveils World's First Self-Cleaning Membrane", _AWARD, ["World's First"]),
    (
        "Solvaris Unveils World's First Self-Cleaning Membrane",
        "Solvaris said its new membrane is the only one that cleans itself.",
        [],
    ),
    # "Record" as a verb or in another sense claims no record
    ("Crypto Funds Record Weekly Outflows of $352 Million", "Crypto funds saw outflows of $352 million last week.", []),
    ("Acme Sets Record Date for $0.25 Dividend", "Acme declared a $0.25 dividend payable to holders on May 1.", []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), SUPERLATIVES)
def test_a_record_or_a_first_needs_a_story_that_claims_one(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported
