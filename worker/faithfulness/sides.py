"""A figure told on one side of a pair: "Priced at 9% Premium" over a story whose 9% is a discount.

Some words come in pairs that say which way a figure lies: a share sale priced at a premium or a discount to the
last close, a budget or a trade balance in surplus or deficit. Both words are common
ones the word check leaves alone, and the figure is in the story, so a headline that puts the figure on the wrong
side passed every check. A headline's figure bound to one side ("9% premium", "premium of 9%", "a $1.2 billion
surplus") is unsupported when the story binds that figure only to the other side, never to the headline's. Bound
means the side's word right after the figure ("a 9% discount to", "$1.2 billion deficit") or right before it with
"of" and at most a hedge between ("a discount of about 9%"); only a percentage or a sum (a currency or a scale word)
is read, never a bare number (a year); a balance with one partner ("a deficit with China") is left alone, as the
partner's is the same sum the other way; a story that binds the figure to neither side says nothing here.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import Number, Story, numbers_in, sentence_span

__all__ = ["sides_read"]

#: Each pair's two sides, as the singular word (a plural "premiums" is an insurer's, no side of a price).
#: (Funds' inflows and outflows were left out: one fund's outflow is often another's inflow of the same sum.)
_PAIRS: tuple[tuple[str, str], ...] = (("premium", "discount"), ("surplus", "deficit"))
_BALANCES = frozenset(_PAIRS[1])
_PAIR_OF = {side: pair for pair in _PAIRS for side in pair}
_SIDE = "|".join(_PAIR_OF)
#: What may stand between "of" and the figure: a hedge or a bound ("a discount of about 9%", "of up to 9%").
_HEDGE = (
    r"(?:(?:about|around|roughly|nearly|almost|approximately|approx\.|c\.|circa|some|just\s+over|just\s+under|"
    r"more\s+than|less\s+than|at\s+least|up\s+to|over|~)\s*)?"
)
#: The side's word right after the figure: "9% premium", "9% discount to", "$1.2 billion trade deficit".
_SIDE_AFTER = re.compile(
    rf"[\s-]+(?:(?:trade|budget|fiscal|current[\s-]account|net)\s+)?(?P<side>{_SIDE})(?:s|es)?\b", re.IGNORECASE
)
#: The side's word right before the figure, "of" between: "a premium of 9%", "a discount of about 9 percent",
#: "deficit of $1.2B" (not "Cuts Auto Premiums 25%", an insurer's premiums cut by 25%).
_SIDE_BEFORE = re.compile(rf"\b(?P<side>{_SIDE})\s+of\s+{_HEDGE}$", re.IGNORECASE)
#: A balance with one partner ("a $30.2 billion deficit with China"): the partner's is the same sum the other way.
_PARTNER = re.compile(r"\b(?i:with)\s+(?i:the\s+)?[A-Z]")


def sides_read(headline: str, told: Story) -> list[tuple[int, int]]:
    """The spans of ``headline``'s side words whose figure the story binds only to the pair's other side."""
    if not re.search(rf"\b(?:{_SIDE})", headline, re.IGNORECASE):
        return []
    out = []
    for span, number in numbers_in(headline, number_words=False):
        side = _side_at(headline, span) if _is_sum(number) else None
        if side is None:
            continue
        stem, word_span = side
        if stem in _BALANCES and _PARTNER.search(headline):
            continue
        mentions = told.exact_mentions(number)
        if stem in _BALANCES and any(_PARTNER.search(told.text, *sentence_span(told.text, at[0])) for at in mentions):
            continue
        told_stems = {bound[0] for bound in (_side_at(told.text, at) for at in mentions) if bound is not None}
        other = next(s for s in _PAIR_OF[stem] if s != stem)
        if other in told_stems and stem not in told_stems:
            out.append(word_span)
    return out


def _side_at(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
    """The side word bound to the figure at ``span`` (its stem and span), if any."""
    after = _SIDE_AFTER.match(text, span[1])
    if after:
        return after["side"].lower(), after.span("side")
    before = _SIDE_BEFORE.search(text[max(0, span[0] - 60) : span[0]])
    if before:
        offset = max(0, span[0] - 60)
        return before["side"].lower(), (offset + before.start("side"), offset + before.end("side"))
    return None


def _is_sum(number: Number) -> bool:
    """A percentage or a sum of money or with a scale word: not a bare number, which may be a year or a count."""
    return number.kind == "percent" or number.currency is not None or number.scale > 1
