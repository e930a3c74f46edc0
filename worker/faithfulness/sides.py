"""A figure told on one side of a pair: "Priced at 9% Premium" over a story whose 9% is a discount.

Some words come in pairs that say which way a figure lies: a share sale priced at a premium or a discount to the
last close, a budget or a trade balance in surplus or deficit, funds' inflows or outflows. Both words are common
ones the word check leaves alone, and the figure is in the story, so a headline that puts the figure on the wrong
side passed every check. A headline's figure bound to one side ("9% premium", "premium of 9%", "a $1.2 billion
surplus") is unsupported when the story binds that figure only to the other side, never to the headline's. Bound
means the side's word right after the figure ("a 9% discount to", "$1.2 billion deficit") or right before it with
at most "of" and a hedge between ("a discount of about 9%"); a story that binds the figure to neither says nothing
here.
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import Number, Story, numbers_in, same_currency

__all__ = ["sides_read"]

#: Each pair's two sides, as a stem any form of the word starts with.
_PAIRS: tuple[tuple[str, str], ...] = (("premium", "discount"), ("surplus", "deficit"), ("inflow", "outflow"))
_SIDE_OF = {stem: i for pair in _PAIRS for i, stem in enumerate(pair)}
_PAIR_OF = {stem: pair for pair in _PAIRS for stem in pair}
_SIDE = "|".join(_SIDE_OF)
_HEDGE = r"(?:(?:about|around|roughly|nearly|almost|approximately|some|just\s+over|just\s+under|more\s+than)\s+)?"
#: The side's word right after the figure: "9% premium", "9% discount to", "$1.2 billion trade deficit".
_SIDE_AFTER = re.compile(
    rf"[\s-]+(?:(?:trade|budget|fiscal|current[\s-]account|net)\s+)?(?P<side>{_SIDE})(?:s|es)?\b", re.IGNORECASE
)
#: The side's word right before the figure: "a premium of 9%", "a discount of about 9 percent", "deficit of $1.2B".
_SIDE_BEFORE = re.compile(rf"\b(?P<side>{_SIDE})(?:s|es)?\s+(?:of\s+)?{_HEDGE}$", re.IGNORECASE)


def sides_read(headline: str, told: Story) -> list[tuple[int, int]]:
    """The spans of ``headline``'s side words whose figure the story binds only to the pair's other side."""
    if not re.search(rf"\b(?:{_SIDE})", headline, re.IGNORECASE):
        return []
    out = []
    for span, number in numbers_in(headline, number_words=False):
        side = _side_at(headline, span)
        if side is None:
            continue
        stem, word_span = side
        sides = {s for s in (_side_at(told.text, at) for at in _mentions(told, number)) if s is not None}
        told_stems = {s for s, _ in sides}
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


def _mentions(told: Story, number: Number) -> list[tuple[int, int]]:
    """Where the story writes ``number``'s value (same kind and currency, to the digit)."""
    return [
        span
        for span, n in told.placed
        if n.kind == number.kind
        and same_currency(number.currency, n.currency)
        and abs(n.value - number.value) <= 1e-9 * max(1.0, abs(number.value))
    ]
