"""A record or a first the story never claims is unsupported (worker/faithfulness/superlatives.py, through
check_grounding); a record of any kind in the story, or "Record" in another sense, claims nothing new."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding
from worker.faithfulness.superlatives import superlatives_read

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
    ("Iroko Posts Record Revenue", "Iroko Systems said revenue of $90 million set a company record.", []),
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


#: A read-only review's probes of the stricter reading (thirty-first session): firsts and records told in the many
#: ways stories tell them (A, B), running totals beside a rank word of another thing (C), and the stricter rule's own
#: catches (N). Every row's verdict was checked by hand.
REVIEW_FIRSTS_AND_RECORDS = [
    (
        "Corvane Bank Becomes First Bank to Offer Instant Crypto Payouts",
        "CHICAGO, May 5, 2025 -- Corvane Bank said it is first in the U.S. to offer instant crypto payouts to retail customers. The service goes live in June.",
        [],
    ),
    (
        "Velora Unveils World's First Solid-State Scooter",
        "CHICAGO, May 5, 2025 -- Velora Mobility unveiled a first-of-a-kind solid-state scooter at its Detroit plant. Deliveries begin in the fall.",
        [],
    ),
    (
        "Marlow County Launches First-Ever Guaranteed Income Program",
        "CHICAGO, May 5, 2025 -- Marlow County launched a first-in-the-nation guaranteed income program for family caregivers. About 500 households will enroll.",
        [],
    ),
    (
        "Quantix Launches World's First Room-Temperature Quantum Sensor",
        "CHICAGO, May 5, 2025 -- Quantix Inc. launched the world's only commercially available room-temperature quantum sensor. It ships in the third quarter.",
        [],
    ),
    (
        "Heliom Unveils Industry-First Recyclable Solar Panel",
        "CHICAGO, May 5, 2025 -- Heliom Energy unveiled a fully recyclable solar panel, the industry's only panel certified for closed-loop recovery.",
        [],
    ),
    (
        "Brantwell Becomes First Insurer to Cover Gene Therapy Costs",
        "CHICAGO, May 5, 2025 -- Brantwell Insurance was first to cover gene therapy costs for members in all 50 states, the company said.",
        [],
    ),
    (
        "Ostara Unveils World's First Hydrogen Ferry",
        "OSLO, May 5 (Wire) - Ostara Maritime unveiled a hydrogen ferry, a global first, at its shipyard in Bergen.",
        [],
    ),
    (
        "Greyfield Opens UK's First Carbon-Negative Cement Plant",
        "LONDON, May 5 (Wire) - Greyfield Materials opened a carbon-negative cement plant in Yorkshire, a UK first.",
        [],
    ),
    (
        "Fennick Opens First-Ever Urban Vertical Farms",
        "CHICAGO, May 5, 2025 -- Fennick Farms opened three urban vertical farms, first-of-their-kind facilities that grow produce above grocery stores.",
        [],
    ),
    (
        "Ostara Unveils World's First Hydrogen Ferry",
        "OSLO, May 5 (Wire) - Ostara Maritime unveiled a hydrogen ferry, a world first, at its shipyard in Bergen.",
        [],
    ),
    (
        "Lumara Hosts First-Ever Investor Day",
        "CHICAGO, May 5, 2025 -- Lumara Inc. hosted an investor day in New York, marking the first time the company has held such an event.",
        [],
    ),
    (
        "Tessaro Launches Industry-First Embedded Payroll API",
        "CHICAGO, May 5, 2025 -- Tessaro launched an embedded payroll API, an industry first for mid-market software vendors.",
        [],
    ),
    (
        "Calder Launches First-Ever Electric Pickup",
        "CHICAGO, May 5, 2025 -- Calder Motors launched a never-before-seen electric pickup with a 500-mile range.",
        [],
    ),
    (
        "Calder Launches First-Ever Electric Pickup",
        "CHICAGO, May 5, 2025 -- Calder Motors launched an electric pickup, a vehicle that has not previously been offered by the automaker.",
        [],
    ),
    (
        "Nuvio Launches World's First Smart Insulin Pen for Kids",
        "CHICAGO, May 5, 2025 -- Nuvio Health launched a smart insulin pen designed for children; no other company anywhere in the world offers one.",
        [],
    ),
    (
        "Pellham Becomes First Retailer to Accept Digital Euro",
        "PARIS, May 5 (Wire) - Pellham said it became the first retailer to accept the digital euro at its stores.",
        [],
    ),
    (
        "St. Amara Becomes First Hospital in Texas to Offer Focused Ultrasound",
        "HOUSTON, May 5, 2025 -- St. Amara Medical Center is now Texas' first hospital to offer focused ultrasound for tremor.",
        [],
    ),
    (
        "Dorrin Becomes First Airline to Fly Hydrogen Route",
        "CHICAGO, May 5, 2025 -- Dorrin Air is first globally to fly a scheduled hydrogen-electric route, it said on Monday.",
        [],
    ),
    (
        "Corvane and Tellis Announce First-Ever Partnership",
        "CHICAGO, May 5, 2025 -- Corvane and Tellis announced a first-time partnership to co-develop payment cards for gig workers.",
        [],
    ),
    (
        "Harlan Launches First-Ever Mobile App",
        "CHICAGO, May 5, 2025 -- Harlan Outfitters launched its first mobile app, available on iOS and Android.",
        [],
    ),
    (
        "Ostara Unveils World's First Hydrogen Ferry",
        "OSLO, May 5 (Wire) - Ostara Maritime unveiled the world-first hydrogen ferry at its shipyard in Bergen.",
        [],
    ),
    (
        "Vanta Labs Becomes First Company to Win FDA Nod for AI Stethoscope",
        "CHICAGO, May 5, 2025 -- Vanta Labs received FDA clearance for its AI stethoscope, the sole such device cleared in the United States.",
        [],
    ),
    (
        "Quantix Launches World's First Room-Temperature Quantum Sensor",
        "CHICAGO, May 5, 2025 -- Quantix Inc. launched a room-temperature quantum sensor, the first commercially available anywhere, it said.",
        [],
    ),
    (
        "Brisco Declares First-Ever Special Dividend",
        "CHICAGO, May 5, 2025 -- Brisco Corp. said its board declared a special dividend of $1.00 per share, a first in the company's 40-year history.",
        [],
    ),
    (
        "Marlow County Launches First-Ever Guaranteed Income Program",
        "CHICAGO, May 5, 2025 -- Marlow County launched a guaranteed income program for family caregivers, a first-in-the-state effort.",
        [],
    ),
    (
        "Calder Launches First-Ever Electric Pickup",
        "CHICAGO, May 5, 2025 -- Calder Motors said its new electric pickup is the first of its kind in North America.",
        [],
    ),
    (
        "Trelligan Posts Record Quarterly Revenue of $412 Million",
        "CHICAGO, May 5, 2025 -- Trelligan Corp. reported revenue of $412 million, the highest quarterly revenue the company has ever reported.",
        [],
    ),
    (
        "Castor Wins Largest-Ever $900 Million Navy Contract",
        "CHICAGO, May 5, 2025 -- Castor Marine won a $900 million Navy contract, the largest contract the company has ever been awarded.",
        [],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "CHICAGO, May 5, 2025 -- Iroko Systems signed a $640 million contract, Iroko's largest order, with a Gulf carrier.",
        [],
    ),
    (
        "Harwell Bank Posts Record $2.1 Billion Quarterly Profit",
        "LONDON, May 5 (Wire) - Harwell Bank reported a quarterly profit of $2.1 billion, the lender's biggest quarterly profit.",
        [],
    ),
    (
        "German Factory Orders Hit Record Level",
        "BERLIN, May 5 (Wire) - German factory orders jumped 6% in March to the highest level in more than a decade, data showed.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, a company-best result, up 31% from a year earlier.",
        [],
    ),
    (
        "Trelligan Posts Record Quarterly Revenue of $1.02 Billion",
        "CHICAGO, May 5, 2025 -- Trelligan Corp. reported revenue of $1.02 billion, marking the first time quarterly revenue has topped $1 billion.",
        [],
    ),
    (
        "Shares of Velm Close at Record High",
        "NEW YORK, May 5 (Wire) - Velm shares closed at $212, surpassing the prior high of $205 set in January.",
        [],
    ),
    (
        "Calder Delivers Record 2 Million Vehicles in Quarter",
        "CHICAGO, May 5, 2025 -- Calder Motors delivered 2 million vehicles in the first quarter, the most ever in a single quarter.",
        [],
    ),
    (
        "U.S. Economy Posts Record Growth",
        "WASHINGTON, May 5 (Wire) - The U.S. economy grew at a 7.4% annual rate, the fastest growth since 1952, data showed.",
        [],
    ),
    (
        "Solenne Ships Record Number of Units",
        "CHICAGO, May 5, 2025 -- Solenne shipped 4.2 million units in the quarter, the most since the company went public in 2012.",
        [],
    ),
    (
        "Norvik Revenue Hits All-Time High",
        "CHICAGO, May 5, 2025 -- Norvik Inc. said revenue rose 31% to $88 million. Revenue has never been higher, Chief Executive Ana Ruiz said.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, its top-ever quarterly result.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, outpacing all prior quarters.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, a new company high.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, exceeding the prior peak of $80 million reached in 2021.",
        [],
    ),
    (
        "Harwell Posts Record Annual Profit",
        "LONDON, May 5 (Wire) - Harwell Group said annual profit rose 40%, the best annual result in 25 years.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, more than in any previous quarter in its history.",
        [],
    ),
    (
        "Trelligan Posts Record Quarterly Revenue of $412 Million",
        "CHICAGO, May 5, 2025 -- Trelligan Corp. reported revenue of $412 million, the strongest quarter on record.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, beating the previous best of $80 million.",
        [],
    ),
    (
        "Harwell Bank Posts Record $2.1 Billion Quarterly Profit",
        "LONDON, May 5 (Wire) - Harwell Bank reported a quarterly profit of $2.1 billion, Harwell's biggest since 2007.",
        [],
    ),
    (
        "Calder Delivers Record 2 Million Vehicles in Quarter",
        "CHICAGO, May 5, 2025 -- Calder Motors delivered 2 million vehicles in the first quarter, the automaker's highest quarterly total.",
        [],
    ),
    (
        "Norvik Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Norvik Inc. posted revenue of $88 million, a new quarterly high.",
        [],
    ),
    (
        "Castor Wins Largest-Ever $900 Million Navy Contract",
        "CHICAGO, May 5, 2025 -- Castor Marine won a $900 million Navy contract, the biggest single award in the shipbuilder's 90 years.",
        [],
    ),
    (
        "Auction House Sets Record With $236 Million Painting Sale",
        "NEW YORK, May 5 (Wire) - A Monet sold for $236 million, the highest price ever paid for an Impressionist work at auction.",
        [],
    ),
    (
        "Calder Delivers Record 2 Million Vehicles in Quarter",
        "CHICAGO, May 5, 2025 -- Calder Motors delivered 2 million vehicles in the first quarter, topping the 1.8 million it delivered in its previous best quarter.",
        [],
    ),
    (
        "Gold Hits Record High Above $3,500",
        "NEW YORK, May 5 (Wire) - Gold rose above $3,500 an ounce, a level never reached before, as the dollar weakened.",
        [],
    ),
    (
        "Harwell Bank Posts Record $2.1 Billion Quarterly Profit",
        "LONDON, May 5 (Wire) - Harwell Bank reported a quarterly profit of $2.1 billion, the largest quarterly profit in its 300-year existence.",
        [],
    ),
    (
        "Corvane Bank Becomes First Bank to Offer Instant Crypto Payouts",
        "CHICAGO, May 5, 2025 -- Corvane Bank said it is the first U.S. bank to offer instant crypto payouts to retail customers.",
        [],
    ),
    (
        "Dorrin Becomes First Airline to Fly Hydrogen Route",
        "CHICAGO, May 5, 2025 -- Dorrin Air is first in North America to fly a scheduled hydrogen-electric route, it said on Monday.",
        [],
    ),
    (
        "Quantix Launches World's First Room-Temperature Quantum Sensor",
        "CHICAGO, May 5, 2025 -- Quantix Inc. launched a room-temperature quantum sensor, which it said is the world's only such device.",
        [],
    ),
    (
        "Nuvio Launches World's First Smart Insulin Pen for Kids",
        "CHICAGO, May 5, 2025 -- Nuvio Health launched a smart insulin pen designed for children, the first globally to track doses by age.",
        [],
    ),
    (
        "Harwell Bank Posts Record $2.1 Billion Quarterly Profit",
        "LONDON, May 5 (Wire) - Harwell Bank reported a quarterly profit of $2.1 billion, a figure unmatched in the bank's history.",
        [],
    ),
    (
        "Jobless Claims Hit Record Low",
        "WASHINGTON, May 5 (Wire) - Initial jobless claims fell to 166,000, the lowest in more than 50 years, Labor Department data showed.",
        [],
    ),
    (
        "Solenne Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Solenne posted revenue of $88 million. Chief Executive Ana Ruiz said it was the best quarter Solenne has had in its 20 years in business.",
        [],
    ),
    (
        "Solenne Posts Record Revenue of $88 Million",
        "CHICAGO, May 5, 2025 -- Solenne posted revenue of $88 million, the best quarter the company has had since it was founded.",
        [],
    ),
    (
        "Calder Delivers Record 2 Million Vehicles in Quarter",
        "CHICAGO, May 5, 2025 -- Calder Motors delivered 2 million vehicles in the first quarter, more than in any prior quarter.",
        [],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "CHICAGO, May 5, 2025 -- Iroko Systems signed a $640 million contract, the largest single order Iroko has received.",
        [],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million from investors including First Round Capital to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million from some of the best-known names in venture capital to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million from the most active edtech investors so far. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million across its seed and first institutional rounds to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million, most of it from American funds, since its founding. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million in equity and a venture loan from First Citizens Bank to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Iroko Secures $640 Million Contract",
        "CHICAGO, May 5, 2025 -- Iroko Systems signed a $640 million contract, its largest award to date.",
        [],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Skillshare Raises $108 Million in Series D Funding",
        "CHICAGO, May 5, 2025 -- Skillshare has raised $108 million in its single largest source of capital, venture equity, to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Kestrel Wins $45 Million in Contracts",
        "CHICAGO, May 5, 2025 -- Kestrel has won $45 million in contracts from its longest-standing customer, the Navy, to date.",
        ["$45 Million"],
    ),
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "CHICAGO, May 5, 2025 -- Holsper, known for its customer-first approach, launched a unique line of luxury bedding.",
        ["First-Ever"],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "CHICAGO, May 5, 2025 -- Iroko Systems signed a $640 million contract with one of the world's largest carriers, a milestone for the company.",
        ["Record"],
    ),
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "CHICAGO, May 5, 2025 -- Holsper launched a line of luxury bedding offering unprecedented softness.",
        ["First-Ever"],
    ),
    (
        "Iroko Secures Record $640 Million Contract",
        "CHICAGO, May 5, 2025 -- Iroko Systems signed a $640 million contract with a carrier, one of the first contracts for its new radar.",
        ["Record"],
    ),
    (
        "Holsper Launches First-Ever Line of Luxury Bedding",
        "CHICAGO, May 5, 2025 -- Holsper launched a line of luxury bedding. The first 500 buyers get a free pillow.",
        ["First-Ever"],
    ),
    (
        "Trelligan Posts Record Quarterly Revenue of $1.1 Billion",
        "CHICAGO, May 5, 2025 -- Trelligan Corp. said quarterly revenue rose above $1 billion for the first time since 2019, reaching $1.1 billion.",
        ["Record"],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), REVIEW_FIRSTS_AND_RECORDS)
def test_firsts_records_and_totals_as_stories_tell_them(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


#: A second read-only review's probes (thirty-first session): firsts and records told in yet more words ("a maiden
#: resource estimate", "until now", "a lifetime high", "the old attendance mark"), words that tell none ("the first
#: floor", "First Republic", "regulatory records", "a new 52-week high", "its top executives"), and headlines whose
#: "First" or "Record" claims nothing ("as First Solar Plans to", "Safety Record", "Record-Keeping"). Read with
#: superlatives_read alone: other checks have their own say on these short stories. Left out, wrong still: "eclipsing
#: the high it set in April" (a record told, not read). "Canada's largest lender" (a place's superlative, a rank among
#: others) was read as the company's own until the thirty-second session.
REVIEW_SUPERLATIVES_READ = [
    (
        "Northfield Bank Posts Record Profit",
        "TORONTO, May 5 -- Northfield Bank, Canada's largest lender, posted a profit of C$4 billion for the quarter.",
        ["Record"],
    ),
    (
        "Northfield Bank Posts Record Profit",
        "DALLAS, May 5 -- Northfield Bank, Texas's biggest lender, and New York's largest insurer merged their units.",
        ["Record"],
    ),
    (
        "Northfield Bank Posts Record Profit",
        "TORONTO, May 5 -- Northfield Bank posted a profit of C$4 billion, the bank's largest, it said.",
        [],
    ),
    ("Lumen Motors Sets Sales Record", "Lumen Motors said sales rose 12% in April.", ["Record"]),
    ("Kroner Bank Posts Deposits Record", "Kroner Bank said deposits rose 5% in the quarter.", ["Record"]),
    (
        "Brightwater Bank Becomes First Bank to Offer Bitcoin Custody",
        "CHICAGO, May 5, 2025 -- Brightwater Bank said no U.S. bank has ever offered bitcoin custody to retail clients before now. The service starts in July.",
        [],
    ),
    (
        "Brightwater Bank Becomes First Bank to Offer Bitcoin Custody",
        "CHICAGO, May 5, 2025 -- Brightwater Bank is alone among U.S. lenders in offering bitcoin custody to retail clients, it said.",
        [],
    ),
    (
        "Brightwater Bank Becomes First Bank to Offer Bitcoin Custody",
        "CHICAGO, May 5, 2025 -- Brightwater Bank is now the lone U.S. bank offering bitcoin custody to retail clients.",
        [],
    ),
    (
        "Kalgoora Gold Reports First-Ever Mineral Resource Estimate",
        "PERTH, May 5, 2025 -- Kalgoora Gold Ltd reported a maiden mineral resource estimate of 1.2 million ounces at its Mt Tarn project.",
        [],
    ),
    (
        "Halvern Energy Declares First-Ever Quarterly Dividend",
        "CHICAGO, May 5, 2025 -- Halvern Energy Inc. declared an initial quarterly dividend of $0.05 per share, payable June 30.",
        [],
    ),
    (
        "Novique Launches World's First Needle-Free Insulin Patch",
        "CHICAGO, May 5, 2025 -- Novique Health launched a needle-free insulin patch. Until now, no company had brought such a patch to market.",
        [],
    ),
    (
        "Novique Launches World's First Needle-Free Insulin Patch",
        "CHICAGO, May 5, 2025 -- Novique Health launched a needle-free insulin patch, a product previously unavailable anywhere in the world.",
        [],
    ),
    (
        "Tarrow Unveils Industry-First Recyclable Sneaker",
        "CHICAGO, May 5, 2025 -- Tarrow unveiled a fully recyclable sneaker, the latest in a string of industry firsts for the Portland brand.",
        [],
    ),
    (
        "Tarrow Unveils Industry-First Recyclable Sneaker",
        "CHICAGO, May 5, 2025 -- Tarrow unveiled a fully recyclable sneaker, which it said no rival has yet matched.",
        [],
    ),
    (
        "Corsa Pay Launches Canada's First Real-Time Payroll Card",
        "TORONTO, May 5, 2025 -- Corsa Pay launched Canada’s first real-time payroll card, the company said.",
        [],
    ),
    (
        "Corsa Pay Launches Canada's First Real-Time Payroll Card",
        "TORONTO, May 5, 2025 -- In a first for Canadian fintech, Corsa Pay launched a real-time payroll card.",
        [],
    ),
    (
        "Lindqvist Becomes First Club to Issue Fan Token on Ethereum",
        "STOCKHOLM, May 5 (Wire) - Lindqvist FC said it is the FIRST-EVER football club to issue a fan token on Ethereum.",
        [],
    ),
    (
        "Meravo Receives Approval for First-Ever Oral GLP-1 for Teens",
        "CHICAGO, May 5, 2025 -- Meravo Bio received FDA approval for its oral GLP-1 pill for teens, the first and only such drug cleared for adolescents.",
        [],
    ),
    (
        "Meravo Receives Approval for First-Ever Oral GLP-1 for Teens",
        "CHICAGO, May 5, 2025 -- Meravo Bio received FDA approval for its oral GLP-1 pill for teens, making it the only FDA-approved oral option for adolescents.",
        [],
    ),
    (
        "Dunmore Co-op Opens Town's First Grocery Store in Decades",
        "CHICAGO, May 5, 2025 -- Dunmore Co-op opened a grocery store on Main Street, the town's first since 2009.",
        [],
    ),
    (
        "Velatra Becomes First Exchange to List Tokenized Treasuries",
        "NEW YORK, May 5 (Wire) - Velatra said it became the first exchange to list tokenized Treasuries, beating rivals by weeks.",
        [],
    ),
    (
        "Arcwell Launches First-Ever Solar Subscription",
        "CHICAGO, May 5, 2025 -- Arcwell launched a solar subscription, something it said had never been done in the state.",
        [],
    ),
    (
        "Arcwell Launches First-Ever Solar Subscription",
        "CHICAGO, May 5, 2025 -- Arcwell launched a solar subscription, which it called a first of many new offerings this year.",
        [],
    ),
    (
        "Bitcoin Hits Record High Above $112,000",
        "NEW YORK, May 5 (Wire) - Bitcoin rose to $112,000 on Tuesday, surpassing its 2021 high of $69,000 and its March high of $109,000.",
        [],
    ),
    (
        "Bitcoin Hits Record High Above $112,000",
        "NEW YORK, May 5 (Wire) - Bitcoin rose to $112,000 on Tuesday, a lifetime high for the largest cryptocurrency.",
        [],
    ),
    (
        "U.S. Home Prices Hit Record High",
        "WASHINGTON, May 5 (Wire) - U.S. home prices rose 0.4% in March, topping the previous mark set in June 2022, data showed.",
        [],
    ),
    (
        "U.S. Home Prices Hit Record High",
        "WASHINGTON, May 5 (Wire) - U.S. home prices rose 0.4% in March to a new high-water mark, data showed.",
        [],
    ),
    (
        "U.S. Home Prices Hit Record High",
        "WASHINGTON, May 5 (Wire) - U.S. home prices rose 0.4% in March to levels not seen before, data showed.",
        [],
    ),
    (
        "Sensex Closes at Record High",
        "MUMBAI, May 5 (Wire) - The Sensex rose 1.2% to close at 82,500, its highest close ever.",
        [],
    ),
    (
        "Kovac Sets Record With 2:01:09 Marathon Win",
        "BERLIN, May 5 (Wire) - Kovac won the Berlin marathon in 2:01:09, a personal best and the fastest time on the course.",
        [],
    ),
    (
        "Harrow Stadium Draws Record Crowd",
        "LONDON, May 5 (Wire) - Harrow Stadium drew 82,000 fans on Saturday, breaking the old attendance mark of 79,500.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said it posted the most profitable quarter in its 60 years.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said quarterly profit rose 31% to $44 million, exceeding the previous top of $40 million in 2022.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said quarterly profit rose to $44 million, the highest quarterly profit in the company’s history.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said quarterly profit rose to $44 million, the best it has ever achieved.",
        [],
    ),
    (
        "Nasdaq Notches Largest Single-Day Gain Ever",
        "NEW YORK, May 5 (Wire) - The Nasdaq jumped 12%, its largest single-day percentage gain ever.",
        [],
    ),
    (
        "Euro Zone Unemployment Falls to Record Low",
        "BRUSSELS, May 5 (Wire) - Euro zone unemployment fell to 6.1%, the lowest since the euro was introduced in 1999.",
        [],
    ),
    (
        "Copper Price Hits All-Time High",
        "LONDON, May 5 (Wire) - Copper rose to $11,200 a tonne, an ATH for the metal, traders said.",
        [],
    ),
    (
        "Renford Retail Posts Record Holiday Sales",
        "CHICAGO, May 5, 2025 -- Renford Retail said holiday sales of $2.1 billion were the highest in the retailer's 98-year existence.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said quarterly profit rose to an unprecedented $44 million.",
        [],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. The company has never been profitable, it said in a filing.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. Financial terms were not previously disclosed.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. No other details were disclosed.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. The launch was first reported by Bloomberg News.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. 'The only question is how fast clients adopt it,' CEO Mara Lind said.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. Jefferies is acting as the sole bookrunner on a related share sale.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. The company's first quarter revenue rose 12%.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. Assets grew 40% in the first four months of the year.",
        ["World's First"],
    ),
    (
        "Haddon Launches First-Ever Mortgage for Gig Workers",
        "CHICAGO, May 5, 2025 -- Haddon Bank launched a mortgage for gig workers and first-time homeowners.",
        ["First-Ever"],
    ),
    (
        "Haddon Launches First-Ever Mortgage for Gig Workers",
        "WASHINGTON, May 5 (Wire) - Haddon Bank launched a mortgage for gig workers as first-time jobless claims rose to 241,000.",
        ["First-Ever"],
    ),
    (
        "Haddon Launches First-Ever Mortgage for Gig Workers",
        "CHICAGO, May 5, 2025 -- Haddon Bank launched a mortgage for gig workers at its branch on the first floor of the Loop tower.",
        ["First-Ever"],
    ),
    (
        "Norreth Opens First-Ever Store in Manhattan",
        "CHICAGO, May 5, 2025 -- Norreth, backed by the First National Bank of Omaha, opened a store in Manhattan.",
        ["First-Ever"],
    ),
    (
        "Norreth Opens First-Ever Store in Manhattan",
        "CHICAGO, May 5, 2025 -- Norreth opened a store in Manhattan. Shares of the retailer rose in the first hour of trading.",
        ["First-Ever"],
    ),
    (
        "Norreth Opens First-Ever Store in Manhattan",
        "CHICAGO, May 5, 2025 -- Norreth opened a store in Manhattan. Sales rose 8% over the first weekend.",
        ["First-Ever"],
    ),
    (
        "Norreth Opens First-Ever Store in Manhattan",
        "CHICAGO, May 5, 2025 -- Norreth opened a store in Manhattan. The retailer values inventory on a first-in-first-out basis.",
        ["First-Ever"],
    ),
    (
        "Tamsin Pipeline Becomes First to Win Tribal Consent in Alberta",
        "CALGARY, May 5 (Wire) - Tamsin Pipeline said it signed an agreement with the First Nations communities along its route.",
        ["First to Win"],
    ),
    (
        "Orrin Mining Unveils World's First Autonomous Haul Fleet",
        "PERTH, May 5, 2025 -- Orrin Mining unveiled an autonomous haul fleet at its Pilbara mine. Assays from the first hole returned 4.1 g/t gold.",
        ["World's First"],
    ),
    (
        "Orrin Mining Unveils World's First Autonomous Haul Fleet",
        "PERTH, May 5, 2025 -- Orrin Mining, which Pioneer Natural Resources once courted, unveiled an autonomous haul fleet.",
        ["World's First"],
    ),
    (
        "Orrin Mining Unveils World's First Autonomous Haul Fleet",
        "PERTH, May 5, 2025 -- Orrin Mining unveiled an autonomous haul fleet. Analysts at Argus initiated coverage with a buy rating.",
        ["World's First"],
    ),
    (
        "Dalby Launches First-Ever Sports Betting App",
        "CHICAGO, May 5, 2025 -- Dalby launched a sports betting app ahead of the NFL draft, in which Chicago holds the first pick.",
        ["First-Ever"],
    ),
    (
        "Dalby Launches First-Ever Sports Betting App",
        "CHICAGO, May 5, 2025 -- Dalby launched a sports betting app. Governor Ruiz signed the bill in his first term.",
        ["First-Ever"],
    ),
    (
        "Dalby Launches First-Ever Sports Betting App",
        "CHICAGO, May 5, 2025 -- Dalby launched a sports betting app. The company is first and foremost a media business, its CEO said.",
        ["First-Ever"],
    ),
    (
        "Ellory Becomes First Bank to Offer Stablecoin Accounts",
        "CHICAGO, May 5, 2025 -- Ellory Bank will offer stablecoin accounts starting in June, months after the First Republic collapse.",
        ["First Bank to Offer"],
    ),
    (
        "Ellory Becomes First Bank to Offer Stablecoin Accounts",
        "CHICAGO, May 5, 2025 -- Ellory Bank will offer stablecoin accounts starting in June, for the first time in five years expanding its product line.",
        ["First Bank to Offer"],
    ),
    (
        "Ellory Becomes First Bank to Offer Stablecoin Accounts",
        "CHICAGO, May 5, 2025 -- Ellory Bank will offer stablecoin accounts with a cloud first, mobile-led design.",
        ["First Bank to Offer"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million, according to regulatory records.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million in its most recent quarter.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million. Its top executives will host a call at 9 a.m.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million in the company's fiscal year ending June 30.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million. Most analysts have raised their price targets.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million, helped by customers with gaps in credit history.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million. 'We have never been more confident,' CEO Dana Holt said.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million, boosted by its record-keeping business.",
        ["Record"],
    ),
    (
        "Pemberton Bank Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Pemberton Bank said quarterly profit rose 9% to $310 million. It has a strong record of paying dividends.",
        ["Record"],
    ),
    (
        "Copperline Shares Hit All-Time High",
        "NEW YORK, May 5 (Wire) - Copperline shares rose 6% to $48, a new 52-week high, after the miner raised guidance.",
        ["All-Time High"],
    ),
    (
        "Copperline Shares Hit All-Time High",
        "NEW YORK, May 5 (Wire) - Copperline shares rose 6% to $48, a fresh three-month high, after the miner raised guidance.",
        ["All-Time High"],
    ),
    (
        "Copperline Shares Hit All-Time High",
        "NEW YORK, May 5 (Wire) - Copperline shares rose above $48 for the first time in three years after the miner raised guidance.",
        ["All-Time High"],
    ),
    (
        "Copperline Shares Hit All-Time High",
        "NEW YORK, May 5 (Wire) - Copperline shares rose 6% to $48, the highest since March, after the miner raised guidance.",
        ["All-Time High"],
    ),
    (
        "Copperline Shares Hit All-Time High",
        "NEW YORK, May 5 (Wire) - Copperline shares rose 6% to $48 after the miner raised guidance. The company's top-line growth beat forecasts.",
        ["All-Time High"],
    ),
    (
        "Maple & Rye Bakery Posts Record Sales",
        "PORTLAND, Ore., May 5, 2025 -- Maple & Rye Bakery, in the historic Pearl District, said sales rose 20% this spring.",
        ["Record"],
    ),
    (
        "Maple & Rye Bakery Posts Record Sales",
        "PORTLAND, Ore., May 5, 2025 -- Maple & Rye Bakery said sales rose 20% this spring after it opened a kiosk by the new high school.",
        ["Record"],
    ),
    (
        "Maple & Rye Bakery Posts Record Sales",
        "PORTLAND, Ore., May 5, 2025 -- Maple & Rye Bakery said sales rose 20% this spring, helped by Record Store Day crowds next door.",
        ["Record"],
    ),
    (
        "Maple & Rye Bakery Posts Record Sales",
        "PORTLAND, Ore., May 5, 2025 -- Maple & Rye Bakery said sales rose 20% this spring. 'Customers need good bread more than ever,' owner Ana Ruiz said.",
        ["Record"],
    ),
    (
        "Fenwick Biotech Shares Soar to Record",
        "CHICAGO, May 5, 2025 -- Fenwick Biotech shares rose 30% after trial data; the company spoke to reporters on the record.",
        ["Record"],
    ),
    (
        "Fenwick Biotech Shares Soar to Record",
        "CHICAGO, May 5, 2025 -- Fenwick Biotech shares rose 30% after trial data, their biggest gain in two weeks.",
        ["Record"],
    ),
    (
        "Solar Stocks Rise as First Solar Plans to Expand Ohio Plant",
        "NEW YORK, May 5 (Wire) - Solar stocks rose after First Solar said it plans to expand its Ohio plant.",
        [],
    ),
    (
        "Bank Stocks Rally as First Republic Agrees to Sale",
        "NEW YORK, May 5 (Wire) - Bank stocks rallied after First Republic agreed to a sale to JPMorgan.",
        [],
    ),
    (
        "Zambian Kwacha Firms as First Quantum Moves to Restart Mine",
        "LUSAKA, May 5 (Wire) - The kwacha firmed after First Quantum Minerals moved to restart its Kansanshi mine.",
        [],
    ),
    (
        "Shares of Tovira Jump as First Trial Results Point to Benefit",
        "CHICAGO, May 5, 2025 -- Shares of Tovira Bio jumped after initial trial results pointed to a benefit in patients with gout.",
        [],
    ),
    (
        "Oil Slips as First Cargo From New Field Heads to Asia",
        "LONDON, May 5 (Wire) - Oil slipped as a cargo from the new Guyana field headed to Asia.",
        [],
    ),
    (
        "Nation's First Responders Get $2 Billion Radio Upgrade",
        "WASHINGTON, May 5 (Wire) - Police and fire departments will get a $2 billion radio upgrade under a new federal grant.",
        [],
    ),
    (
        "Canada's First Nations Sign $1 Billion Pipeline Stake Deal",
        "CALGARY, May 5 (Wire) - A group of Indigenous communities signed a deal to buy a $1 billion stake in a pipeline.",
        [],
    ),
    (
        "India's First Advance Estimate Puts GDP Growth at 6.4%",
        "NEW DELHI, May 5 (Wire) - The statistics ministry's advance estimate put GDP growth at 6.4% for the fiscal year.",
        [],
    ),
    (
        "China's First Four Months Exports Rise 6%",
        "BEIJING, May 5 (Wire) - China's exports rose 6% in January-April, customs data showed.",
        [],
    ),
    (
        "Atlas Air Touts Safety Record as It Seeks New Routes",
        "CHICAGO, May 5, 2025 -- Atlas Air pointed to its safety history as it applied for new routes to Asia.",
        [],
    ),
    (
        "Fidelity Wins Record-Keeping Mandate From State Pension",
        "BOSTON, May 5 (Wire) - Fidelity won a mandate to keep the plan's books for a state pension.",
        [],
    ),
    (
        "Court Record Shows Crypto Firm Moved $40 Million",
        "NEW YORK, May 5 (Wire) - A court filing shows the crypto firm moved $40 million before its collapse.",
        [],
    ),
    (
        "Epic Launches Health Record Platform for Clinics",
        "MADISON, Wis., May 5 (Wire) - Epic launched a health data platform for small clinics.",
        [],
    ),
    (
        "Acme Sets Record Straight on Merger Talks",
        "CHICAGO, May 5, 2025 -- Acme denied a report that it was in merger talks.",
        [],
    ),
    (
        "Ridgeline Gold Shares Hit Lifetime High",
        "NEW YORK, May 5 (Wire) - Ridgeline Gold shares rose 4% on Tuesday.",
        ["Lifetime High"],
    ),
    (
        "Vantor Posts Strongest-Ever Quarter",
        "CHICAGO, May 5, 2025 -- Vantor said quarterly revenue rose 12%.",
        ["Strongest-Ever"],
    ),
    (
        "Maple Leafs Owner Marks First Year as Sole Owner",
        "TORONTO, May 5 (Wire) - The Maple Leafs owner marked a year as sole owner.",
        [],
    ),
    (
        "Acme Is First Half Winner as Costs Fall",
        "CHICAGO, May 5, 2025 -- Acme's profit rose in the first half as costs fell.",
        [],
    ),
    (
        "Brightwater Bank Becomes First Bank to Offer Bitcoin Custody",
        "CHICAGO, May 5, 2025 -- Brightwater Bank began offering bitcoin custody, becoming the first U.S. lender to do so.",
        [],
    ),
    (
        "Brightwater Bank Becomes First Bank to Offer Bitcoin Custody",
        "CHICAGO, May 5, 2025 -- Brightwater Bank began offering bitcoin custody, a landmark first for a U.S. lender.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said quarterly profit was the highest ever recorded by the company, surpassing its previous all-time high.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said it had its strongest start to a year in its history.",
        [],
    ),
    (
        "Solvin Posts Record Quarterly Profit",
        "CHICAGO, May 5, 2025 -- Solvin Corp. said quarterly profit hit a record-high $44 million.",
        [],
    ),
    (
        "Novique Launches World's First Needle-Free Insulin Patch",
        "CHICAGO, May 5, 2025 -- Novique Health launched a needle-free insulin patch, the first company in Europe to do so.",
        [],
    ),
    (
        "Novique Launches World's First Needle-Free Insulin Patch",
        "CHICAGO, May 5, 2025 -- Novique Health launched a needle-free insulin patch, a technology never seen before.",
        [],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser. First-half revenue rose; at first, clients were wary. First Solar and first responders use it; staff got first-hand training.",
        ["World's First"],
    ),
    (
        "Aurelis Launches World's First AI Wealth Adviser",
        "CHICAGO, May 5, 2025 -- Aurelis launched an AI wealth adviser in the first quarter, first and foremost for retirees.",
        ["World's First"],
    ),
    (
        "Record Store Day Lifts Vinyl Sales at Indie Shops",
        "CHICAGO, May 5, 2025 -- Vinyl sales at independent shops rose 15% over the weekend.",
        [],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), REVIEW_SUPERLATIVES_READ)
def test_what_is_and_is_not_a_first_or_a_record(headline: str, story: str, unsupported: list[str]) -> None:
    assert [headline[a:b] for a, b in superlatives_read(headline, story)] == unsupported


_RUPEE = "MUMBAI, Oct 11 (Reuters) - The Indian rupee fell to an all-time low of 84.0950 against the U.S. dollar on Friday."
#: A record's extreme is the story's: "Record High" over a story whose every record is a low is the other extreme.
RECORD_EXTREMES = [
    ("Rupee hits record high against dollar", _RUPEE, ["record high"]),
    ("Rupee hits record low against dollar", _RUPEE, []),
    ("Rupee hits all-time low", _RUPEE, []),
    ("Rupee Hits Record", _RUPEE, []),
    ("Gold hits record low", "Gold rose to a record high of $2,500; silver hit a record low in 2020.", []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), RECORD_EXTREMES)
def test_a_records_extreme_is_the_storys(headline: str, story: str, unsupported: list[str]) -> None:
    assert [headline[a:b] for a, b in superlatives_read(headline, story)] == unsupported
