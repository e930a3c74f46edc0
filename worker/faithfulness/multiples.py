"""A change's size told in words is a fact: "Doubles Subscribers to 3.77 Million" over a story where they rose 45%.

"Doubles", "Triples", "Quadruples" (and "Nearly", "More Than" before them) are common words the word check leaves alone,
and the figure after them is in the story, so an exaggerated change passed every check. Read only where the headline
gives the figure the change reached ("Doubles Profit to A$612 Million") and the story never writes a word of the
same size ("doubled", "twice", "two-fold", "2x"): the story's sentences that write that figure are read for the
change they state, as a percentage ("up 48%") or as the figure it came from ("from A$413 million"); the word is
unsupported when they state one and none is of its size. A story that states none says nothing here. ("Halves" is
a word of cut, which the direction rules already hold to the story's, claims.py.)
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import Number, Story, numbers_in, sentence_span

__all__ = ["multiples_read"]

_CHANGE_WORD = re.compile(
    r"\b(?P<hedge>(?:nearly|almost|close\s+to|more\s+than|over)\s+)?"
    r"(?P<word>doubl(?:es|ed|ing|e)|tripl(?:es|ed|ing|e)|quadrupl(?:es|ed|ing|e))\b",
    re.IGNORECASE,
)
#: The story's own words of a size of change: any of them spares the headline (it may say it of another figure).
_SIZE_WORDS = re.compile(
    r"\b(?:doubl\w*|tripl\w*|quadrupl\w*|twice|thrice|(?:two|three|four)[\s-]?fold|[234](?:\.\d)?[\s-]?(?:x|times))\b",
    re.IGNORECASE,
)
#: The headline's figure the change reached: "to 3.77 Million", "to A$612 mln".
_TO_BEFORE = re.compile(r"\bto\s+(?:(?:about|around|nearly|almost|roughly|some|approximately|a\s+record)\s+)?$", re.IGNORECASE)
_UP = re.compile(
    r"\b(?:up|rose|rising|rises|increased?|increasing|grew|growing|grows|gained?|jumped?|climbed?|surged?|higher)\b",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:down|fell|falling|falls|declined?|declining|decreased?|decreasing|dropped?|lower|slid|slumped?)\b", re.IGNORECASE
)
#: The ratio of new to old each word writes.
_SIZES = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}


def _allowed(word: str, hedge: str | None) -> tuple[float, float]:
    """The ratios of new to old that ``word`` (and its ``hedge``) allows: doubling is 1.84x to 2.3x, "nearly"
    doubling 1.5x to 2.04x, "more than" doubling 1.94x or more."""
    size = next(ratio for stem, ratio in _SIZES.items() if word.lower().startswith(stem))
    if hedge and re.match(r"(?:more\s+than|over)", hedge, re.IGNORECASE):
        return size * 0.97, 1e9
    if hedge:
        return size * 0.75, size * 1.02
    return size * 0.92, size * 1.15


def multiples_read(headline: str, told: Story) -> list[tuple[int, int]]:
    """The spans of ``headline``'s words of a change's size that the story's own figures contradict."""
    words = list(_CHANGE_WORD.finditer(headline))
    if not words or _SIZE_WORDS.search(told.text):
        return []
    figures = [(span, number) for span, number in numbers_in(headline, number_words=False) if number.kind == "amount"]
    out = []
    for m in words:
        reached = next(
            (
                (span, number)
                for span, number in figures
                if span[0] > m.end() and _TO_BEFORE.search(headline, max(0, span[0] - 30), span[0])
            ),
            None,
        )
        if reached is None:
            continue
        low, high = _allowed(m["word"], m["hedge"])
        ratios = [r for at in told.mentions(reached[1]) for r in _ratios(told, at, reached[1])]
        if ratios and not any(low <= r <= high for r in ratios):
            out.append(m.span())
    return out


def _ratios(told: Story, at: tuple[int, int], figure: Number) -> list[float]:
    """The changes the sentence writing ``figure`` at ``at`` states, as new over old: each percentage with a word of
    rise or fall, and the figure over each other sum of its currency there (the one it came from, if any; not "A$612
    million ($401 million)", the same sum converted)."""
    start, end = sentence_span(told.text, at[0])
    sentence = told.text[start:end]
    up, down = _UP.search(sentence) is not None, _DOWN.search(sentence) is not None
    out = []
    for span, number in told.placed:
        if not (start <= span[0] < end) or span == at:
            continue
        if number.kind == "percent":
            out += ([1 + number.value / 100] if up else []) + ([1 - number.value / 100] if down else [])
        elif number.kind == "amount" and number.value > 0 < figure.value and number.currency == figure.currency:
            out.append(figure.value / number.value)
    return out
