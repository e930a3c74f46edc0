"""A change's size told in words is a fact: "Doubles Subscribers to 3.77 Million" over a story where they rose 45%.

"Doubles", "Triples", "Quadruples" (and "Nearly", "More Than" before them) are common words the word check leaves
alone, and the figure after them is in the story, so an exaggerated change passed every check. Read only where the
headline gives, in the word's own clause, the figure the change reached ("Doubles Profit to A$612 Million") and the
story never writes a word of the same size ("doubled", "twice", "two-fold", "2x"): the story's sentences that write
that figure are read for the change they state, as a percentage told with its change ("up 48%", "a 48% jump") or
as the sum it is compared with ("from A$413 million"); the word is unsupported when they state one and none is of
its size. A story that states none says nothing here. ("Halves" is a word of cut, which the direction rules
already hold to the story's, claims.py.)
"""

from __future__ import annotations

import re

from worker.faithfulness.facts import Number, Story, numbers_in, sentence_span
from worker.faithfulness.scopes import compared_with

__all__ = ["multiples_read"]

_CHANGE_WORD = re.compile(
    r"\b(?P<hedge>(?:nearly|almost|close\s+to|more\s+than|over)\s+)?"
    r"(?P<word>doubl(?:es|ed|ing|e)|tripl(?:es|ed|ing|e)|quadrupl(?:es|ed|ing|e))\b"
    r"(?!-)(?!\s+(?:down|beat|digits?|whammy|dip|play|header|A|AA|crown)\b)",  # not "Double-Digit", "Doubles Down"
    re.IGNORECASE,
)
#: The story's own words of a size of change: any of them spares the headline (it may say it of another figure).
_SIZE_WORDS = re.compile(
    r"\b(?:doubl\w*|tripl\w*|quadrupl\w*|twice|thrice|(?:two|three|four)[\s-]?fold|[234](?:\.\d)?[\s-]?(?:x|times))\b",
    re.IGNORECASE,
)
#: The headline's figure the change reached, only its object between: "Doubles Paid Subscribers to 3.77 Million", not
#: "Profit Doubles as Revenue Rises 12% to $45.2 Million" nor "Doubles Dividend, Raises Buyback to $500 Million".
_OBJECT_TO = re.compile(
    r"(?:\s+(?!(?:as|while|and|after|on|amid|with|but|when|since)\b)[A-Za-z][\w'&.-]*){0,5}\s+to\s+"
    r"(?:(?:about|around|nearly|almost|roughly|some|approximately|a\s+record)\s+)?",
    re.IGNORECASE,
)
_UP_WORDS = r"up|rose|rising|rises|increased?|increasing|grew|growing|grows|gained?|jumped?|climbed?|surged?|higher"
_DOWN_WORDS = r"down|fell|falling|falls|declined?|declining|decreased?|decreasing|dropped?|lower|slid|slumped?"
#: A percentage told with its change: "rose 45%", "up by 45%", "a 45% increase", "45% higher".
_UP_BEFORE = re.compile(rf"\b(?:{_UP_WORDS})\s+(?:by\s+)?(?:about\s+|nearly\s+|some\s+)?$", re.IGNORECASE)
_DOWN_BEFORE = re.compile(rf"\b(?:{_DOWN_WORDS})\s+(?:by\s+)?(?:about\s+|nearly\s+|some\s+)?$", re.IGNORECASE)
_UP_AFTER = re.compile(r"\s*(?:increase|rise|jump|gain|growth|higher|more)\b", re.IGNORECASE)
_DOWN_AFTER = re.compile(r"\s*(?:decrease|decline|drop|fall|lower|less)\b", re.IGNORECASE)
#: What tells a percentage beside the figure to be another thing's change: a share price, a measure.
_OTHER_THING = re.compile(
    r"\b(?:shares?|stock|price|revenues?|sales|profits?|income|earnings|EPS|margins?|orders|backlog|users|customers)\b",
    re.IGNORECASE,
)
#: A change on the quarter before, not the year's: "up 12% from the first quarter", "12% sequentially".
_SEQUENTIAL = re.compile(
    r"\s*(?:(?:from|over|on|versus|vs\.?|compared\s+(?:with|to))\s+the\s+(?:first|second|third|fourth|previous|prior|"
    r"preceding|last|sequential)\s+quarter|sequential(?:ly)?|q/?q|quarter[\s-](?:over|on)[\s-]quarter)\b",
    re.IGNORECASE,
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
        reached = next((number for span, number in figures if _OBJECT_TO.fullmatch(headline, m.end(), span[0])), None)
        if reached is None:
            continue
        low, high = _allowed(m["word"], m["hedge"])
        ratios = [r for at in told.mentions(reached) for r in _ratios(told, at, reached)]
        if ratios and not any(low <= r <= high for r in ratios):
            out.append(m.span())
    return out


def _ratios(told: Story, at: tuple[int, int], figure: Number) -> list[float]:
    """The changes the sentence writing ``figure`` at ``at`` states, as new over old: a percentage told with its
    change ("rose 45%", "a 48% jump"), and the figure over a sum of its currency it is compared with ("from A$413
    million", "$2.60 million a year earlier"; not "A$612 million ($401 million)", the same sum converted, nor a
    buyback beside it)."""
    start, end = sentence_span(told.text, at[0])
    placed = [(span, number) for span, number in told.placed if start <= span[0] < end and span != at]
    out = []
    for span, number in placed:
        if number.kind == "percent":
            # Only a percentage beside the figure, no other figure between: "rose 45% to 3.77 million", "to A$612
            # million, up 48%"; not a buyback's "sending shares up 6%".
            low, high = sorted((span[0], at[0]))
            if high - low > 60 or any(low < other[0] < high for other, _ in placed if other != span):
                continue
            if _OTHER_THING.search(told.text, low, high) or _SEQUENTIAL.match(told.text, span[1]):
                continue  # another thing's change ("sending its shares up 5%", "as revenue climbed 25%") or a quarter's
            before, after = told.text[max(start, span[0] - 25) : span[0]], told.text[span[1] : span[1] + 25]
            if _UP_BEFORE.search(before) or _UP_AFTER.match(after):
                out.append(1 + number.value / 100)
            elif _DOWN_BEFORE.search(before) or _DOWN_AFTER.match(after):
                out.append(1 - number.value / 100)
        elif number.kind == "amount" and number.value > 0 < figure.value and number.currency == figure.currency:
            if compared_with(told.text, span):
                out.append(figure.value / number.value)
    return out
