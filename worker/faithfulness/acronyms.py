"""An acronym a headline writes for a name its story spells out: "NYC" for New York City, "FDA" for the
Food and Drug Administration, "HK" for Hong Kong, "CNW" for CannabisNewsWire.

Headlines shorten; stories often do not. The name check (worker/faithfulness/grounding.py) looks a
headline's acronym up as a word, and flagged these. Here an acronym stands for a run of the story's
words, side by side within one clause, whose first letters spell it, joining words ("of", "and",
"the") skipped between them, each word capitalised: in lower case, chance spells too many
("customary closing conditions" for "CTA"; on press-release training stories, five swapped names
in 6,500 passed that way against six true headlines).
"""

from __future__ import annotations

import re

__all__ = ["spelled_out"]

#: Words an acronym leaves out between the words it takes a letter from.
_JOINING = frozenset("of and the for on in to at de du des la le del da di y &".split())
#: A clause: words with no stop, comma, colon or bracket between them.
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”|—–]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|&")
#: "CannabisNewsWire" is three words to its acronym; "U.S." two.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DOTTED = re.compile(r"\b([A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z])\.(?=\s)")


def acronym_letters(word: str) -> str | None:
    """The letters of an acronym as a headline writes it ("NYC", "SMEs" -> "SME"), or None for any other word."""
    core = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    if 2 <= len(core) <= 6 and core.isalpha() and core.isupper():
        return core
    return None


def spelled_out(word: str, story: str) -> bool:
    """Whether ``story`` has a run of words whose first letters spell the acronym ``word``."""
    letters = acronym_letters(word)
    if letters is None:
        return False
    text = _CAMEL.sub(" ", _DOTTED.sub(r"\1 ", story.replace("U.S.", "U S ")))
    for clause in _CLAUSE_BREAK.split(text):
        words = _WORD.findall(clause)
        if len(words) >= len(letters) and _spells(words, letters):
            return True
    return False


def _spells(words: list[str], letters: str) -> bool:
    return any(w[0] == letters[0] and w.lower() not in _JOINING and _rest(words, i + 1, letters, 1) for i, w in enumerate(words))


def _rest(words: list[str], i: int, letters: str, k: int) -> bool:
    """Words ``i`` on spell ``letters[k:]`` with their capitals; a joining word is skipped, or stands for its letter
    ("DoD": Department of Defense)."""
    if k == len(letters):
        return True
    if i == len(words):
        return False
    w = words[i]
    joining = w.lower() in _JOINING
    if w[0].lower() == letters[k].lower() and (joining or w[0].isupper()) and _rest(words, i + 1, letters, k + 1):
        return True
    return joining and _rest(words, i + 1, letters, k)
