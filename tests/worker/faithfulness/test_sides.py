"""A figure put on one side of a pair ("9% Premium", "Trade Surplus of $1.2 Billion") is held to the side the story
binds that figure to (worker/faithfulness/sides.py, through check_grounding)."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding

_PLACEMENT = (
    "PERTH, Australia, March 3, 2025 -- Coppergate Metals Ltd said it raised A$48 million in a placement to "
    "institutional investors at A$0.62 per share, an 8.8% discount to its last close of A$0.68."
)
_SHARE_SALE = (
    "NEW YORK, May 6 (Wire) - Corvellis Inc raised $250 million in an upsized share sale priced at $18.50 a share, a "
    "discount of about 9% to Tuesday's close of $20.33."
)
_TRADE = (
    "TOKYO, Jan 22 (Wire) - Norvania posted a trade deficit of $1.2 billion in December, its first in a year, as "
    "energy imports rose. Exports rose 3.4%."
)

SIDES = [
    ("Coppergate Metals Raises A$48 Million in Placement at 8.8% Discount", _PLACEMENT, []),
    ("Coppergate Metals Raises A$48 Million in Placement at 8.8% Premium", _PLACEMENT, ["Premium"]),
    ("Corvellis raises $250 mln in share sale priced at 9% discount", _SHARE_SALE, []),
    ("Corvellis raises $250 mln in share sale priced at 9% premium", _SHARE_SALE, ["premium"]),
    ("Corvellis prices share sale at a premium of 9%", _SHARE_SALE, ["premium"]),
    ("Norvania posts $1.2 bln trade deficit in December", _TRADE, []),
    ("Norvania posts $1.2 bln trade surplus in December", _TRADE, ["surplus"]),
    # a figure the story binds to neither side, or to both, says nothing here
    (
        "Acme Prices Offering at 5% Premium",
        "Acme Corp. priced its offering of 10 million shares at $21.00, 5% above Monday's close.",
        [],
    ),
    (
        "Acme Prices Offering at 5% Premium",
        "Acme priced notes at a 5% premium to par. Its shares, sold at a 5% discount, fell.",
        [],
    ),
    # a side word bound to another figure of the headline is no claim about this one
    ("Norvania Exports Rise 3.4% Despite Trade Deficit", _TRADE, []),
    # a read-only review's probes: an insurer's premiums cut (no side of a price), a year, a hedge, a hedged discount
    # an insurer's premiums cut 25% put no price on a side
    (
        "Acme Insurance Cuts Auto Premiums 25% for Two Months",
        "NORTHBROOK, Ill., April 6, 2020 -- Acme Insurance said it will cut costs for its auto customers for two months, giving them a 25% discount on their premiums for April and May as people drive less.",
        [],
    ),
    # a year is no sum: "2024 deficit" binds nothing
    (
        "Germany's 2024 Trade Surplus Shrinks to 240 Billion Euros",
        "BERLIN, Feb 20 (Wire) - Germany's 2024 deficit came to 2.6% of GDP, the statistics office said. Exports fell 1.2% last year and the trade surplus shrank to 240 billion euros from 250 billion euros in 2023.",
        [],
    ),
    # "a premium of approx. 32%" binds the figure though it is a discount to net asset value too
    (
        "Harwick Trust Offer at 32% Premium to Share Price",
        "LONDON, March 4 (Wire) - Carrow Capital's offer of 450 pence per share for Harwick Trust represents a premium of approx. 32% to Friday's closing price. Harwick shares had traded at a 32% discount to net asset value.",
        [],
    ),
    # "a discount of up to 9%" binds the figure: a premium is unsupported
    (
        "Corvellis Prices Share Sale at 9% Premium",
        "NEW YORK, May 6 (Wire) - Corvellis Inc raised $250 million in a share sale priced at $18.50 a share, a discount of up to 9% to Tuesday's close.",
        ["Premium"],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), SIDES)
def test_a_figure_is_held_to_the_side_of_the_pair_the_story_binds_it_to(
    headline: str, story: str, unsupported: list[str]
) -> None:
    assert check_grounding(headline, story).unsupported == unsupported
