"""An acronym a headline writes for a name its story spells out: "NYC" for New York City, "FDA" for the
Food and Drug Administration, "CNW" for CannabisNewsWire.

Headlines shorten; stories often do not. The name check (worker/faithfulness/grounding.py) looks a
headline's acronym up as a word, and flagged these. Here an acronym of three letters or more stands
for a run of the story's words, side by side within one clause, whose first letters spell it,
joining words ("of", "and", "the") skipped between them, each word capitalised. In lower case chance
spells too many ("customary closing conditions" for "CTA"; on press-release training stories, five
swapped names in 6,500 passed that way against six true headlines), and so it does two letters in
capitals ("Emily Yates" for "EY").
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["spelled_out"]

#: Words an acronym leaves out between the words it takes a letter from.
_JOINING = frozenset("of and the for on in to at de du des la le del da di y &".split())
#: A clause: words with no stop, comma, colon, bracket or line break between them.
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”|—–\n]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|&")
#: "CannabisNewsWire" is three words to its acronym.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Initials ("U.S. Nuclear Regulatory Commission"): each letter a word, the clause not broken by their stops.
_INITIAL = re.compile(r"\b([A-Z])\.(?=\s?[A-Z]\.)")


def acronym_letters(word: str) -> str | None:
    """The letters of an acronym as a headline writes it ("NYC", "SMEs" -> "SME"), or None for any other word."""
    core = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    if 3 <= len(core) <= 6 and core.isalpha() and core.isupper():
        return core
    return None


def spelled_out(word: str, story: str) -> bool:
    """Whether ``story`` has a run of capitalised words whose first letters spell the acronym ``word``."""
    letters = acronym_letters(word)
    if letters is None:
        return False
    return any(len(words) >= len(letters) and _spells(words, letters) for words in _clauses(story))


@lru_cache(maxsize=8)
def _clauses(story: str) -> tuple[tuple[str, ...], ...]:
    """The story's clauses as words, initials and CamelCase parts split; kept for the next acronym of a headline."""
    text = _CAMEL.sub(" ", _INITIAL.sub(r"\1 ", story.replace("U.S.", "U S ")))
    return tuple(tuple(_WORD.findall(clause)) for clause in _CLAUSE_BREAK.split(text))


def _spells(words: tuple[str, ...], letters: str) -> bool:
    """A run of ``words`` spells ``letters``: each letter the capital of the next word, joining words skipped or,
    if they start with it, standing for it ("DOD": Department of Defense). Reachable positions only, each word
    looked at once per letter: the work stays linear in the clause."""
    states = {i + 1 for i, w in enumerate(words) if w[0] == letters[0] and w.lower() not in _JOINING}
    for letter in letters[1:]:
        following: set[int] = set()
        walked: set[int] = set()  # each word looked at once per letter, however many states skip through it
        for i in sorted(states):
            while i < len(words) and i not in walked:
                walked.add(i)
                w = words[i]
                joining = w.lower() in _JOINING
                if w[0].lower() == letter.lower() and (joining or w[0].isupper()):
                    following.add(i + 1)
                if not joining:
                    break
                i += 1
        if not following:
            return False
        states = following
    return True
