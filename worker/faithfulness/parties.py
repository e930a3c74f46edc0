"""Who did what to whom: the two parties of a headline's act, against the story's.

The words and names check passes a headline with its two names the wrong way round, since the story has every
word. Two acts are read here, where press releases name both parties and the story says who is who:

- **a title** ("A Appoints B as T", "A Names B T", "B Joins A as T"): unsupported when the story, wherever it
  writes the title, gives it to A and never to B. "Tushar Shivekar Appoints Neuralbase as Chief Technology
  Officer" over "Neuralbase ... announced the appointment of Tushar Shivekar as Chief Technology Officer". A title
  occurrence is given to the name right before it in its sentence ("the appointment of B as T", "B has been
  named T") or right after it ("T B said"); a name before "joins" takes it over the company joined ("B has joined
  A as T"); a possessive is the company whose title it is ("A's T"), no holder. A title is matched as written or
  by its initials ("Chief Technology Officer", "CTO").
- **a purchase** ("A Acquires B", "A to Acquire B", "A Completes Acquisition of B"): unsupported when the story
  has B buying A (B first in the clause before "acquired"/"acquisition of", A after it; or "A was acquired by
  B") and never A buying B.

A name is matched by its uncommon words (a surname, a company's distinctive word), never by an exchange, an
honorific or "Inc."; a story that lacks either name, or never relates them, says nothing against the headline.

Chosen on the press-release training stories: no true headline of 10,000 (or lead) newly flagged; of the 83
that give a title this way, swapping the two names is caught 52 times (the corruption module's role swap 39 of
72); of the 28 purchases, 18 (10 of 20). The rest are names the story never writes beside the title or the
verb, or companies written beside their own titles too.
"""

from __future__ import annotations

import re

from worker.faithfulness.common_words import is_common
from worker.faithfulness.facts import SENTENCE_END

__all__ = ["acquirer_reversed", "title_holder_reversed"]

_NAME = r"[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|&|of|de|and))*"
_ARTICLES = r"(?:(?:its|the|a|an|new|their|as)\s+)*"
_TITLE_START = (
    r"(?:Chief|CEO|CFO|COO|CTO|CMO|CIO|CRO|CCO|CSO|CPO|CHRO|SVP|EVP|VP|President|Vice|Director|Officer|Chair\w*|"
    r"Head|Managing|General|Partner|Principal|Senior|Executive|Board|Advis[oe]r|Counsel|Ambassador|Agent|Treasurer|"
    r"Secretary|Dean|Leader|Manager)"
)
_GIVES = re.compile(
    rf"^(?P<giver>.{{2,90}}?)\s+(?P<verb>Appoints|Names|Hires|Promotes|Taps|Elects|Welcomes|Adds)\s+(?P<holder>{_NAME}?)"
    rf"(?:\s*\([^()]{{0,60}}\))*\s*,?\s+(?:(?:as|to)\s+)?(?i:{_ARTICLES})(?P<title>{_TITLE_START}\b[^,;:|]*)"
)
_JOINS = re.compile(
    rf"^(?P<holder>.{{2,90}}?)\s+(?P<verb>Joins)\s+(?P<giver>{_NAME}?)\s+as\s+(?i:{_ARTICLES})"
    rf"(?P<title>{_TITLE_START}\b[^,;:|]*)"
)
#: Capitalised words that do not tell one name from another.
_NOT_DISTINCT = frozenset(
    "Dr Mr Ms Mrs Prof Sir Jr Sr II III MD PhD CEO CFO COO CTO LLC Inc Corp Ltd PLC OTC NASDAQ Nasdaq NYSE TSX TSXV "
    "CSE OTCQB OTCQX FRA FRANKFURT ASX LSE AIM American".split()
)
_CAPITALISED = re.compile(r"[A-Z][\w&'-]*")
#: Where a sentence the splitter kept whole ends or a quotation starts, before a title.
_CLAUSE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019]*\s|[\u201c\u201d\"]")
_JOIN = re.compile(r"\bjoin(?:s|ed|ing)?\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'|\u2019)s\b")
_AFTER = re.compile(r"\s*[-\u2013\u2014:]?\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")


def title_holder_reversed(headline: str, story: str) -> list[str]:
    """The headline's verb (``["Appoints"]``) when it gives a title to one name and the story gives it to the other."""
    m = _GIVES.search(headline[:300]) or _JOINS.search(headline[:300])
    if m is None:
        return []
    title = _title_words(m["title"])
    giver, holder = _distinct_words(m["giver"]), _distinct_words(m["holder"])
    if not title or not giver or not holder or giver & holder:
        return []
    names = {"giver": _any_of(giver), "holder": _any_of(holder)}
    if not all(p.search(story) for p in names.values()):
        return []  # a name the story lacks is the names check's to flag
    bound: set[str] = set()
    for sentence in SENTENCE_END.split(story):
        for found in _title_pattern(title).finditer(sentence):
            bound |= _bound_to(sentence, found, names)
    return [m["verb"]] if bound == {"giver"} else []


def _title_words(text: str) -> list[str]:
    """The title's capitalised words ("Chief Technology Officer" of "Chief Technology Officer to Lead ...")."""
    words: list[str] = []
    for word in re.findall(r"[\w&'-]+", text):
        if not (word[:1].isupper() or word in ("of", "and", "&")):
            break
        words.append(word)
    while words and words[-1] in ("of", "and", "&"):
        words.pop()
    return words


def _title_pattern(words: list[str]) -> re.Pattern[str]:
    """The title as written, or by its initials ("CTO"), or spelled out from them ("CEO": "Chief Executive Officer")."""
    forms = [r"\s+".join(re.escape(w) for w in words)]
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) >= 2 and all(w.isalpha() and not w.isupper() for w in capitals):
        forms.append("".join(w[0] for w in capitals))
    if len(words) == 1 and words[0].isupper() and words[0].isalpha() and 2 <= len(words[0]) <= 5:
        forms.append(r"\s+".join(rf"{c}\w*" for c in words[0]))
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)


def _distinct_words(name: str) -> set[str]:
    """The words of a name that tell it from others: uncommon, three letters or more, no exchange or honorific."""
    words = {w.rstrip(".'") for w in _CAPITALISED.findall(name) if not is_common(w) or w.isupper()}
    return {w for w in words if len(w) > 2 and w not in _NOT_DISTINCT}


def _any_of(words: set[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")


def _bound_to(sentence: str, title: re.Match[str], names: dict[str, re.Pattern[str]]) -> set[str]:
    """Which of ``names`` this occurrence of the title is given to in its sentence (none, one, or both)."""
    out: set[str] = set()
    after = _AFTER.match(sentence, title.end())
    if after:
        out |= {role for role, pattern in names.items() if pattern.search(after[1])}
    before = sentence[max(0, title.start() - 250) : title.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    nearest = _last(before, names)
    if nearest is None or _POSSESSIVE.match(before, nearest[1]):
        return out
    joins = [j for j in _JOIN.finditer(before) if j.start() < nearest[0]]
    if joins:
        # "B has joined A as T": A is where, B (before "joined") who.
        joiner = _last(before[: joins[-1].start()], names)
        if joiner is not None:
            out.add(joiner[2])
    else:
        out.add(nearest[2])
    return out


def _last(text: str, names: dict[str, re.Pattern[str]]) -> tuple[int, int, str] | None:
    """The last of ``names`` written in ``text``: (start, end, role)."""
    last: tuple[int, int, str] | None = None
    for role, pattern in names.items():
        for found in pattern.finditer(text):
            if last is None or found.start() > last[0]:
                last = (found.start(), found.end(), role)
    return last


# -- purchases ----------------------------------------------------------------------------------------------------

_BUYS = re.compile(
    rf"^(?P<buyer>.{{2,90}}?)\s+(?P<verb>(?:(?:Agrees|Agreed|Plans|Set|Moves)\s+)?to\s+(?:Acquire|Buy)|Acquires|Buys|"
    rf"Purchases|(?:Completes|Closes|Announces|Finalizes|Completed)\s+(?:the\s+)?(?:Acquisition|Purchase)\s+of)\s+"
    rf"(?:(?:the|a|an)\s+)?(?P<bought>{_NAME}?)(?=\s*(?:\(|,|$|\s+(?:for|to|in|from|and|as|with|[-\u2013\u2014:]|[a-z])))"
)
_BUYING = re.compile(r"\b(?:acquir(?:e|es|ed|ing)|acquisition|purchas(?:e|es|ed|ing)|bought|buys?)\b", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019]*\s")
_BY = re.compile(r"\s+by\b")
_LATER_BY = re.compile(r"[^.;]{0,40}?\bby\b")


def acquirer_reversed(headline: str, story: str) -> list[str]:
    """The headline's verb (``["Acquires"]``) when it has A buy B and the story has B buy A, never A buy B."""
    m = _BUYS.search(headline[:300])
    if m is None:
        return []
    buyer, bought = _distinct_words(m["buyer"]), _distinct_words(m["bought"])
    if not buyer or not bought or buyer & bought:
        return []
    names = {"buyer": _any_of(buyer), "bought": _any_of(bought)}
    if not all(p.search(story) for p in names.values()):
        return []
    told = set()
    for sentence in SENTENCE_END.split(story):
        for verb in _BUYING.finditer(sentence):
            told |= _purchase(sentence, verb, names)
    return [m["verb"]] if ("bought", "buyer") in told and ("buyer", "bought") not in told else []


def _purchase(sentence: str, verb: re.Match[str], names: dict[str, re.Pattern[str]]) -> set[tuple[str, str]]:
    """(who buys, who is bought) as this word of buying in its sentence relates the two names, if it does."""
    before = sentence[max(0, verb.start() - 200) : verb.start()]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = sentence[verb.end() : verb.end() + 150]
    stop = _SENTENCE_BREAK.search(after)
    if stop:
        after = after[: stop.start()]
    if _BY.match(after):  # "B was acquired by A", "the acquisition by A"
        bought, buyer = _last(before, names), _first(after, names)
    elif _PASSIVE_BEFORE.search(before):
        return set()
    else:
        # The clause's first name buys ("A, a maker of X, announced the acquisition of B"), the first after is bought,
        # unless a "by" follows it ("the acquisition of B by A").
        buyer, bought = _first(before, names), _first(after, names)
        if bought is not None:
            by = _LATER_BY.match(after, bought[1])
            if by:
                buyer = _first(after[by.end() :], names)
    if buyer is None or bought is None or buyer[2] == bought[2]:
        return set()
    return {(buyer[2], bought[2])}


def _first(text: str, names: dict[str, re.Pattern[str]]) -> tuple[int, int, str] | None:
    """The first of ``names`` written in ``text``: (start, end, role)."""
    first: tuple[int, int, str] | None = None
    for role, pattern in names.items():
        found = pattern.search(text)
        if found and (first is None or found.start() < first[0]):
            first = (found.start(), found.end(), role)
    return first
