"""A change's size told in words ("Doubles", "Nearly Triples", "More Than Doubles") is held to the change the story's figures
state (worker/faithfulness/multiples.py, through check_grounding)."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding

_SUBSCRIBERS = (
    "DENVER, Feb. 12, 2025 -- Brightkite Streaming Inc. said paid subscribers rose 45% to 3.77 million at the end of "
    "the fourth quarter from 2.60 million a year earlier."
)
_PROFIT = (
    "SYDNEY, Feb 21 (Wire) - Sandoval Mining Ltd said net profit for the first half rose to A$612 million "
    "($401 million) from A$413 million a year earlier, above the consensus of A$575 million."
)
_REVENUE = "Acme Corp. said its revenue rose to $31 million in the quarter from $10.2 million a year earlier."

MULTIPLES = [
    ("Brightkite Streaming Grows Paid Subscribers 45% to 3.77 Million", _SUBSCRIBERS, []),
    ("Brightkite Streaming Doubles Paid Subscribers to 3.77 Million", _SUBSCRIBERS, ["Doubles"]),
    ("Sandoval Mining H1 Profit Nearly Doubles to A$612 Million", _PROFIT, ["Nearly Doubles"]),  # not by the US$ sum
    ("Sandoval Mining H1 Profit Jumps to A$612 Million", _PROFIT, []),
    ("Acme Triples Revenue to $31 Million", _REVENUE, []),
    ("Acme Nearly Triples Revenue to $31 Million", _REVENUE, []),
    ("Acme More Than Triples Revenue to $31 Million", _REVENUE, []),
    ("Acme Quadruples Revenue to $31 Million", _REVENUE, ["Quadruples"]),
    (
        "Brightkite Streaming More Than Doubles Paid Subscribers to 5.4 Million",
        "Brightkite Streaming Inc. said paid subscribers rose to 5.4 million from 2.60 million a year earlier.",
        [],
    ),
    # a third review's probes, true headlines each: the figure of another clause, "Double-Digit", a sum or a
    # percentage beside the figure that is no change of it
    (
        "Acme Q2 Profit Doubles as Revenue Rises 12% to $45.2 Million",
        "Acme's second-quarter net income rose to $10.2 million from $5.0 million. Revenue rose 12% to $45.2 million.",
        [],
    ),
    (
        "Acme Delivers Double-Digit Growth as Revenue Rises to $45.2 Million",
        "Acme's revenue rose 14% to $45.2 million.",
        [],
    ),
    (
        "Acme Doubles Quarterly Dividend to $0.50",
        "Acme raised its quarterly dividend to $0.50 per share and authorized a $1 billion buyback, sending shares up "
        "6%. The previous dividend was $0.25.",
        [],
    ),
    # a fourth review's probes: another thing's change beside the figure, a change on the quarter before
    (
        "Acme Doubles Buyback to $1 Billion",
        "Acme Corp raised its share repurchase authorization to $1 billion on Tuesday, sending its shares up 5% in "
        "extended trading. The previous authorization was $500 million.",
        [],
    ),
    (
        "Acme Doubles Q2 Net Income to $10 Million",
        "Acme Corp. reported second-quarter net income of $10.0 million, up 12% from the first quarter. A year earlier, "
        "net income was $4.9 million.",
        [],
    ),
    # the story's own word of the size spares it, and a story that states no change says nothing
    (
        "Brightkite Streaming Doubles Paid Subscribers to 3.77 Million",
        _SUBSCRIBERS + " Its paid subscribers doubled in two years.",
        [],
    ),
    ("Acme Doubles Capacity to 300 MW", "Acme Corp. said its plant's capacity is now 300 MW after the expansion.", []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), MULTIPLES)
def test_a_change_told_in_words_is_held_to_the_figures_the_story_gives(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported
