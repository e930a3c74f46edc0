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
    # a read-only review's probes: a step's "first", a record told in other words, "to Record" the verb, a first
    # dividend told as initiated
    # a step's "first" (a round, a phase, a patient, a tranche) claims no first
    (
        "Kestrel Raises $3 Million in First Round to Expand Team",
        "AUSTIN, Texas, March 4, 2025 -- Kestrel Labs, a maker of warehouse robotics software, said it raised $3 million in the first round of its seed financing. The company will use the proceeds to expand its engineering team.",
        [],
    ),
    (
        "Halden Completes First Phase of Expansion to Double Capacity",
        "OSLO, Sept 2 (Wire) - Halden Aqua said it had completed the first phase of its hatchery expansion, which will double annual smolt capacity to 20 million fish when the second phase is finished in 2026.",
        [],
    ),
    # a level passed "for the first time" is a record
    (
        "Bitcoin Hits All-Time High Above $100,000",
        "NEW YORK, Dec 5 (Wire) - Bitcoin rose above $100,000 for the first time on Thursday, extending a rally fueled by expectations of friendlier U.S. regulation.",
        [],
    ),
    # "lowest since the series began" is a record low
    (
        "Jobless Rate Falls to Record Low of 2.1%",
        "WELLINGTON, Feb 4 (Wire) - The unemployment rate fell to 2.1% in the fourth quarter, the lowest since the data series began in 1986, Statistics Office figures showed.",
        [],
    ),
    # "to Record" is the verb
    (
        "Acme to Record $50 Million Impairment Charge",
        "CHICAGO, Jan 10, 2025 -- Acme Industries Inc. said it expects to take a non-cash impairment charge of about $50 million in the fourth quarter related to its packaging unit.",
        [],
    ),
    # a dividend initiated is a first one
    (
        "Acme Declares First-Ever Quarterly Dividend",
        "DALLAS, Feb 12, 2025 -- Acme Energy Inc. said its board approved the initiation of a quarterly cash dividend of $0.10 per share, payable on March 15 to holders of record on March 1.",
        [],
    ),
    (
        "Acme Doses First Patient in Trial to Test ACM-101",
        "CAMBRIDGE, Mass., May 5, 2025 -- Acme Bio said the first patient has been dosed in its Phase 2 trial testing ACM-101 in adults with lupus. Data are expected in 2026.",
        [],
    ),
    (
        "Pilbara Gold Completes First Tranche of Placement to Raise A$5 Million",
        "PERTH, March 3, 2025 -- Pilbara Gold Ltd said it has completed Tranche 1 of its A$5 million placement, issuing 25 million shares at A$0.20. Tranche 2 is subject to shareholder approval.",
        [],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), SUPERLATIVES)
def test_a_record_or_a_first_needs_a_story_that_claims_one(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


#: Words that say a thing is new, unusual or large, not that it is a first or a record (the thirty-first session: the
#: probe's "First-Ever" and "Record" copies were spared by "unique", "not only", "customer-first", "the world's
#: largest suppliers", "a significant milestone").
NOT_A_FIRST_OR_A_RECORD = [
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "Holsper, known for its customer-first approach, launched a line of luxury bedding. Each set is unique and not "
        "only soft but durable. First-time buyers get 10% off; first aid kits are not included.",
        ["First-Ever"],
    ),
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "Holsper launched a line of luxury bedding, the first of its kind in the market.",
        [],
    ),
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "Holsper launched a line of luxury bedding. It is the company's first line of bedding.",
        [],
    ),
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "Holsper debuted a line of luxury bedding at the Las Vegas Market.",
        [],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "Iroko Systems signed a $640 million contract with a unit of one of the world's largest carriers, a significant "
        "milestone that brings unprecedented efficiency to its network.",
        ["Record"],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "Iroko Systems signed a $640 million contract, the largest in the company's history.",
        [],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "Iroko Systems signed a $640 million contract, its largest award to date.",
        [],
    ),
    (
        "Iroko Posts Record Revenue",
        "Iroko Systems said revenue rose 40% to $90 million, setting new benchmarks for the business.",
        [],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), NOT_A_FIRST_OR_A_RECORD)
def test_newness_and_size_are_no_first_and_no_record(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        # a read-back's probes: "holders of record" and an "initiative" claim no record or first; a curly apostrophe;
        # a quarter's record; "for the first time" is a first
        ("Acme Posts Record Dividend", "Acme declared a dividend of $0.25 payable to holders of record on May 1.", ["Record"]),
        ("Acme Launches World's First AI Teller", "Acme launched an AI teller as part of its AI initiative.", ["World's First"]),
        ("Acme Unveils World\u2019s First Solid-State Battery", "Acme unveiled a solid-state battery.", ["World\u2019s First"]),
        ("Acme Reports Q3 Record Revenue", "Acme reported third-quarter revenue of $5 million.", ["Record"]),
        (
            "Acme Becomes First Bank to Offer Bitcoin",
            "Acme Bank will offer bitcoin trading, for the first time in the industry.",
            [],
        ),
    ],
)
def test_what_claims_a_record_or_a_first_in_the_story(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported
