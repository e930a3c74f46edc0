"""A results figure is checked with what the story tells it of: its measure, its span of time, and whether it is the
figure another is compared with (worker/faithfulness/scopes.py, through check_grounding)."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding

_SOFTWARE = (
    "SEATTLE, Aug. 6, 2025 -- Lindgren Software Inc. (NASDAQ: LGSW) reported second-quarter results. Revenue rose 18% "
    "to $1.24 billion, ahead of the $1.19 billion analysts expected, while net income rose 4% to $210 million. "
    "Revenue in the first half was $2.31 billion, compared with $1.98 billion a year earlier."
)
_SALMON = (
    "OSLO, Aug. 14, 2025 -- Nordvik Aquaculture ASA reported second-quarter revenue up 12% to NOK 2.84 billion as "
    "harvest volumes grew. For the first half, revenue was NOK 5.61 billion."
)
_DIVIDEND = (
    "CLEVELAND, Feb. 3, 2025 -- Dunmore Industrial Holdings raised its quarterly dividend 9% to $0.24 per share, an "
    "annualized rate of $0.96. The dividend yields about 3.1% at Friday's close."
)
_HALVORSEN = (
    "OSLO, May 2 (Wire) - Halvorsen ASA said first-quarter revenue rose 8.4% to $3.86 billion from $3.56 billion a "
    "year earlier. Adjusted EPS was $1.42."
)
_ROUND = (
    "Acme Robotics has closed a US$10 million strategic investment from Beta Ventures, at a pre-money valuation of "
    "US$120 million. The first tranche has been received."
)
_WARRANTS = (
    "Acme Corp. said holders exercised warrants for gross proceeds of approximately $7.5 million. New warrants carry an "
    "exercise price of $3.00 million per tranche."
)
_RESPECTIVELY = "Acme Corp. reported revenue and net income of $40 million and $5 million, respectively, for the third quarter."

SCOPES = [
    # a measure: revenue's figure given to net income, and back
    ("Lindgren Software Q2 Revenue Up 18% to $1.24 Billion", _SOFTWARE, []),
    ("Lindgren Software Q2 Net Income Up 18%", _SOFTWARE, ["18%"]),
    ("Lindgren Software Q2 Net Income of $1.24 Billion", _SOFTWARE, ["$1.24 Billion"]),
    ("Lindgren Software Reports $210 Million Net Income", _SOFTWARE, []),
    ("Lindgren Software Reports $210 Million in Revenue", _SOFTWARE, ["$210 Million"]),
    # a span of time: the second quarter's figure given to the first half, and a quarterly dividend to the year
    ("Nordvik Aquaculture Q2 Revenue Rises 12% to NOK 2.84 Billion", _SALMON, []),
    ("Nordvik Aquaculture First-Half Revenue Rises 12% to NOK 2.84 Billion", _SALMON, ["12%", "NOK 2.84 Billion"]),
    ("Nordvik Aquaculture First-Half Revenue of NOK 5.61 Billion", _SALMON, []),
    ("Dunmore Raises Quarterly Dividend 9% to $0.24 Per Share", _DIVIDEND, []),
    ("Dunmore Raises Annual Dividend to $0.96 Per Share", _DIVIDEND, []),
    ("Dunmore Raises Annual Dividend 9% to $0.24 Per Share", _DIVIDEND, ["$0.24"]),  # a dividend's rise is one share
    ("Dunmore Lifts Quarterly Dividend 9% to $0.24, Yield About 3.1%", _DIVIDEND, []),  # each clause its own
    # the figure compared with, given as the one reached
    ("Halvorsen Q1 Revenue Up 8.4% to $3.86 Billion", _HALVORSEN, []),
    ("Halvorsen Q1 Revenue Up 8.4% to $3.56 Billion", _HALVORSEN, ["$3.56 Billion"]),
    ("Halvorsen Q1 Revenue Rises From $3.56 Billion", _HALVORSEN, []),
    ("Halvorsen Q1 Adjusted EPS of $1.42", _HALVORSEN, []),
    ("Halvorsen Q1 Net Income of $1.42 Per Share", _HALVORSEN, []),  # a per-share figure is the profit's
    # a story that pairs figures and measures by "respectively" tells none of them
    ("Acme Q3 Net Income of $40 Million", _RESPECTIVELY, []),
    # a read-only review's probes, true headlines each: a fiscal calendar's periods, a measure right after its
    # figure, a share of revenue, "annual" and "monthly" inside a measure's name, a running total, a figure from
    # a source and not from a comparison, two measures of one clause
    (
        "Acme Q2 Revenue Up 12% to $45.2 Million",
        "Acme Corp. said revenue for the second quarter of fiscal year 2025 increased 12% to $45.2 million.",
        [],
    ),
    (
        "Acme Q3 Earnings Rise on 12% Revenue Growth",
        "In the third quarter, Acme's revenue grew 12% to $45.2 million and net income rose 20%.",
        [],
    ),
    ("Acme Q3 Gross Margin Widens to 45%", "Acme's third-quarter gross profit was $20.3 million, or 45% of revenue.", []),
    ("Acme Annual Recurring Revenue Up 30% to $100 Million", "In the third quarter, Acme's ARR rose 30% to $100 million.", []),
    ("Acme Q3 Monthly Active Users Rise 11%", "Acme's monthly active users rose 11% in the third quarter.", []),
    (
        "Acme Full-Year Revenue Rises 12% to $180 Million",
        "Acme's fourth-quarter revenue rose 15% to $50 million, bringing revenue for the year to $180 million, up 12%.",
        [],
    ),
    (
        "Acme Q3 Operating Income Rises 40% to $5.1 Million",
        "Acme's third-quarter income from operations was $5.1 million, up 40%.",
        [],
    ),
    ("Acme Q3 Revenue and Profit Rise 12% and 8%", "Acme's third-quarter revenue rose 12% and its net profit rose 8%.", []),
    ("Acme New Orders Up 12%", "Acme's sales were flat but orders rose 12% in the quarter.", []),
    # a second review's probes, true headlines each: a year's guidance or total after a quarter's figure, "$X in
    # revenue", a period compared with, share-of-revenue forms, a guidance range, annualised dividends, "a year
    # after", a change word with its modifier, a measure after a verb
    (
        "Acme Raises Full-Year Revenue Outlook to $2.1 Billion",
        "Acme reported third-quarter revenue of $540 million and raised its revenue forecast for 2025 to $2.1 billion.",
        [],
    ),
    (
        "Acme Q3 Net Income of $5.1 Million",
        "In the third quarter, Acme reported $45.2 million in revenue and $5.1 million in net income.",
        [],
    ),
    (
        "Acme Q3 Revenue Rises to $45.2 Million",
        "Acme reported third-quarter results on Tuesday. Revenue rose 5% from the second quarter to $45.2 million.",
        [],
    ),
    ("Acme Q3 Gross Margin 45.2%", "Acme's third-quarter gross profit was $20.3 million, or 45.2% of the company's revenue.", []),
    (
        "Acme Raises Revenue Forecast to $2.0 Billion-$2.1 Billion",
        "Acme now expects full-year revenue to range from $2.0 billion to $2.1 billion.",
        [],
    ),
    (
        "Acme Raises Annual Dividend to $2.20",
        "Acme raised its quarterly dividend 10% to $0.55 a share, or $2.20 on a yearly basis.",
        [],
    ),
    (
        "Acme Q3 Revenue Rises 12%",
        "Acme reported third-quarter results on Tuesday. Revenue climbed 12%, a year after it fell 5%.",
        [],
    ),
    ("Acme Q3 Revenue Down 12%", "Acme's third-quarter net income fell 30% on a 12% year-over-year decline in revenue.", []),
    ("Acme Q3 Sales Up 12% Driving Profit Higher", "Acme's third-quarter sales rose 12%. Net income rose 30% to $5 million.", []),
    # a third review's probes: a bank's operating income is its revenue, a margin in money its gross profit, a
    # payout a share of profit
    (
        "Acme Bank Q2 Revenue Rises 8% to EUR 2.1 Billion",
        "Acme Bank's second-quarter total operating income rose 8% to EUR 2.1 billion.",
        [],
    ),
    ("Acme Q2 Gross Profit Rises 12% to $20 Million", "Acme's second-quarter gross margin increased 12% to $20.0 million.", []),
    ("Acme Targets 50% Dividend Payout", "Acme said it will distribute 50% of net profit to shareholders.", []),
    # a fourth review's probes: a flattened table's next row and header, a "financial year"
    (
        "Acme Plc Revenue Rises 12% to £45.2m",
        "Acme plc announces its interim results for the six months ended 30 June 2025. Financial highlights H1 2025 H1 "
        "2024 Change Revenue £45.2m £40.4m +12% Adjusted operating profit £5.1m £4.4m +16% Profit before tax £4.0m.",
        [],
    ),
    (
        "Acme Q2 Revenue of $45.2 Million",
        "Acme Corp. reported results for the second quarter of 2025. Financial Summary Second Quarter 2025 First "
        "Quarter 2025 Revenue $45.2 million $41.9 million Net income $5.1 million $4.2 million",
        [],
    ),
    (
        "Nomura Q1 Net Income Rises 52% to $710 Million",
        "TOKYO (Wire) - Nomura Holdings reported net income of $710 million for the three months ended June 30, the "
        "first quarter of its financial year, up 52% from a year earlier.",
        [],
    ),
    # a figure the story tells of no measure is the number check's alone
    ("Acme Q3 Revenue of $40 Million", "Acme Corp. said on Monday it booked $40 million in the third quarter.", []),
    # a deal's money: a round's size is not its valuation, nor a price per share the proceeds
    ("Acme Secures US$120M Investment From Beta", _ROUND, ["US$120M"]),
    ("Acme Secures US$10M Investment From Beta", _ROUND, []),
    ("Acme Raises $10M Seed Round at $120M Valuation", _ROUND, []),
    ("Acme Raises $10M at $10M Valuation", _ROUND, ["$10M"]),
    ("Acme Warrant Exercise Brings Gross Proceeds of $3.00 Million", _WARRANTS, ["$3.00 Million"]),
    ("Acme Warrant Exercise Brings Gross Proceeds of $7.5 Million", _WARRANTS, []),
    # a figure told of a deal's money in words that are no measure ("valued at", "raised") is left alone
    ("Acme Secures $120 Million Investment", "Acme, valued at $120 million, closed a round led by Beta.", []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), SCOPES)
def test_a_results_figure_is_told_of_the_measure_and_span_of_time_its_story_gives_it(
    headline: str, story: str, unsupported: list[str]
) -> None:
    checked = check_grounding(headline, story)
    assert checked.unsupported == unsupported
    assert checked.grounded is (not unsupported)


#: A read-only review's probes of a deal's money (session 43): a price per unit, a purchase price, revenue-based
#: financing, a round "at" its valuation, a bare "pre-money"; and the swaps that must still be caught.
REVIEW_DEAL_MONEY = [
    (
        "Acme Closes $10 Million Private Placement at $1.00 per Unit",
        "Acme closed a brokered private placement of 10,000,000 units at an issue price of $1.00 per unit for gross proceeds of $10 million.",
        False,
    ),
    (
        "Acme Announces Non-Brokered Financing at $0.10 per Unit",
        "Acme announced a private placement of up to 10,000,000 units at an offering price of $0.10 per unit.",
        False,
    ),
    (
        "Acme Raises $1 Million in Equity Financing at $7 Per Share",
        "Acme sold shares at a subscription price of $7 per share for $1 million.",
        False,
    ),
    (
        "Acme Completes $500 Million Investment in Beta",
        "Acme Corp. acquired a 20% stake in Beta Inc. for a purchase price of $500 million.",
        False,
    ),
    (
        "Acme Secures $10 Million Strategic Investment From Beta",
        "Beta Corp. agreed to buy 5 million Acme shares for an aggregate subscription price of $10 million.",
        False,
    ),
    (
        "Acme Announces $10 Million Private Placement",
        "Acme entered a securities purchase agreement for an aggregate purchase price of approximately $10 million.",
        False,
    ),
    (
        "Acme Completes Sale of Beta Unit for Gross Proceeds of $100 Million",
        "Acme sold the unit for a purchase price of $100 million.",
        False,
    ),
    ("Acme Secures $2 Million Financing", "Acme Inc. secured $2 million in revenue-based financing from Beta Capital.", False),
    ("Acme Lands $2 Million in Funding", "Acme closed $2 million of revenue-based financing.", False),
    (
        "Acme Raises $100M at $1B Valuation",
        "Acme raised $100 million in a Series C funding round at a $1 billion pre-money, led by Beta.",
        False,
    ),
    ("Acme Raises $10M at $120M Valuation", "Acme raised a $10 million seed round at $120 million post-money.", False),
    ("Acme Valuation Hits $2 Billion After Funding Round", "Acme raised money in a funding round at $2 billion.", False),
    (
        "Acme Raises $120 Million Round at $10 Million Valuation",
        "Acme raised a $10 million round at a $120 million valuation.",
        True,
    ),
    (
        "Acme Secures US$120M Investment From Beta",
        "Acme has closed a US$10 million strategic investment from Beta, at a pre-money valuation of US$120 million.",
        True,
    ),
    (
        "Acme Warrant Exercise Brings Gross Proceeds of $3.00",
        "Holders exercised warrants for gross proceeds of approximately $755,000. New warrants carry an exercise price of $3.00 per share.",
        True,
    ),
    ("Acme Q2 Net Income of $0.12 Per Share", "Acme's second-quarter net income was $0.12 per share.", False),
]


@pytest.mark.parametrize(("headline", "story", "flagged"), REVIEW_DEAL_MONEY)
def test_review_probes_of_a_deals_money(headline: str, story: str, flagged: bool) -> None:
    assert check_grounding(headline, story).grounded is not flagged
