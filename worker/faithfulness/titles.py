"""An officer's title is a fact: "Names Jane Doe CFO" over a story that makes her chief executive.

A title is made of common words ("Chief", "Financial", "President") and its initials of capitals the name check
leaves alone as common acronyms, so a headline that changes one title for another passed every word check. A
title in a headline is unsupported when the story never writes it in any of its forms:

- initials ("CFO", "Co-CEO", "CEOs") or "Chief <Area> Officer" stand for each other, and for "chief <area>"
  without "officer" ("chief executive Jane Doe"), a wire's "finance chief", and in a web address's slug
  ("...-new-owner-and-ceo-of-..."); initials of this shape that stand for other words in the story are those
  ("CRO": "contract research organization"; in a headline all in capitals, "CONDO" is no officer); initials are spelled out letter by letter, so "CMO" is any
  chief officer whose area starts with M (marketing or medical): the initials do not tell which;
- "President" needs a president who is no vice president ("Vice President", "SVP" are the vice's own forms), or,
  before a name ("President Trump"), the name;
- "Chairman", "Chairwoman", "Chairperson" and "Chair" stand for each other and for "chairs" and "chairmanship",
  not for a vice chair's; "to Chair" is the verb.

Who holds the title is not read here (``parties.py`` reads a title given to the wrong one of two names): a story
that has the title at all supports it.

An appointment is one fact with how long it holds: "Names Jane Doe CEO" or "Named His Successor" over a story that
makes her interim (or acting) chief while a search for a permanent one goes on claims what the board has not done.
Read only where the headline appoints (names, appoints, promotes, to succeed...), says nothing of the meantime
itself, and every story sentence that gives the post is one of the meantime; a story that also gives the post
outright (the interim holder made permanent, another's interim post) supports it.
"""

from __future__ import annotations

import re

__all__ = ["interim_read", "title_pattern", "titles_read"]

#: Officer initials: C, one to three capitals, O ("CEO", "CHRO", "CISO"); a co-holder's and a plural's too. Not
#: "CXO", any officer.
_INITIALS = r"(?:Co-)?C(?!XO)[A-Z]{1,3}Os?"
_HEADLINE_TITLE = re.compile(
    rf"(?<![\w-])(?:(?P<initials>{_INITIALS})"
    r"|(?P<chief>(?i:chief)\s+(?:[A-Za-z&-]+\s+){1,3}?(?i:officer)s?)"
    r"|(?P<chief_short>(?i:chief)\s+(?:Executive|Financial|Operating|Technology)(?!\s+(?i:officer)))"
    r"|(?P<president>(?<![Vv]ice[\s-])(?<![Vv]ice\s\s)(?:Co-)?President)"
    r"|(?P<chair>(?<!\bto\s)(?<!\bwill\s)(?<![Vv]ice[\s-])(?:Co-)?Chair(?:man|woman|person)?))(?![\w-])"
)
#: A story's president or chair who is no vice one ("Vice President", "Vice-Chairman" are the vice's own forms).
_NOT_VICE = r"(?<!vice[\s-])"  # in any case: both patterns ignore it
_PRESIDENT = re.compile(rf"{_NOT_VICE}\bpresidents?\b", re.IGNORECASE)
_CHAIR = re.compile(rf"{_NOT_VICE}\bchair(?:s|ed|ing|man|men|woman|women|person|persons|manship)?\b", re.IGNORECASE)
#: A name right after "President" ("President Trump"): a head of state, whom the story may name without the title.
_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+(?:-[a-z]+)?)")
#: An area's chief in a wire's words: "finance chief", "technology chief" (an area word, then "chief").
_AREAS = {"F": "financ", "O": "operat", "T": "technolog", "M": "marketing", "I": "information", "R": "revenue"}


def titles_read(headline: str, story: str) -> list[tuple[tuple[int, int], bool]]:
    """Each officer title of ``headline`` (its span) and whether ``story`` writes that title in any of its forms.

    >>> titles_read("Acme Names Jane Doe CFO", "Acme named Jane Doe chief executive officer.")
    [((20, 23), False)]
    >>> titles_read("Acme Names Jane Doe Chief Executive", "Jane Doe, Acme's CEO, said ...")
    [((20, 35), True)]
    """
    out = []
    for m in _HEADLINE_TITLE.finditer(headline):
        if m["president"]:
            name = _NAME_AFTER.match(headline, m.end())
            supported = _PRESIDENT.search(story) is not None or (name is not None and _untitled(name[1], story))
        elif m["initials"] and headline.isupper():
            continue  # in capitals, "CONDO" is no officer's initials
        else:
            supported = _title_form(m).search(story) is not None
        out.append((m.span(), supported))
    return out


def title_pattern(words: list[str]) -> re.Pattern[str]:
    """A title as written, or by its initials ("CTO"), or spelled out from them ("CEO": "Chief Executive Officer")."""
    forms = [r"\s+".join(re.escape(w) for w in words)]
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) >= 2 and all(w.isalpha() and not w.isupper() for w in capitals):
        forms.append("".join(w[0] for w in capitals))
    if len(words) == 1 and words[0].isupper() and words[0].isalpha() and 2 <= len(words[0]) <= 5:
        forms.append(r"\s+".join(rf"{c}\w*" for c in words[0]))
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)


#: Another title right before a name: "Chairman Anthony Marchese", "Vice President Al Roe" are not the president.
_TITLE_BEFORE = (
    r"(?:chair\w*|C[A-Z]{1,3}O|chief(?:\s+\w+){0,3}|vice[\s-]president|[SE]?VP|director|founder|governor|mayor|"
    r"minister|secretary)[\s,]+(?:\w+\s+)?"
)


def _untitled(name: str, story: str) -> bool:
    """The story names ``name`` ("Trump"), and never with another title right before it."""
    if re.search(rf"\b{re.escape(name)}\b", story) is None:
        return False
    return re.search(rf"\b{_TITLE_BEFORE}{re.escape(name)}\b", story, re.IGNORECASE) is None


#: The officers whose initials stand for nothing else in business news: only their own words spell them out.
_OFFICERS = frozenset({"CEO", "CFO", "COO", "CTO", "CMO", "CIO"})


def _officer_pattern(initials: str) -> re.Pattern[str]:
    """An officer's title from its initials, in any case, singular or plural: the initials, with or without stops
    ("CFO", "C.F.O."); "chief" and the words they stand for, with or without "officer" ("chief financial"), or
    their letters as one word ("Chief HR Officer"); the area's chief or, for finance, director ("finance chief",
    "finance director"); for "CEO", a chief before a name ("Acme chief Jane Doe"); and, for initials that are not
    always an officer's, any words with them ("contract research organization" for "CRO", "Congressional Budget
    Office" for "CBO")."""
    letters = initials[1:-1]
    area = r"[\s-]+(?:(?:and|&|of)[\s-]+)?".join(rf"(?!(?:of|and)\b){c}[a-z]*" for c in letters)  # not "chief of staff"
    forms = [
        r"\.?".join(initials) + r"\.?",
        rf"chief[\s-]+(?:{area}|{letters}\b)",
    ]
    if initials not in _OFFICERS:
        forms.append(r"[\s-]+".join(rf"{c}\w*" for c in initials))
    if letters in _AREAS:
        forms.append(rf"{_AREAS[letters]}\w*[\s-]+chief")
    if letters == "F":
        forms.append(r"financ\w*[\s-]+director")
    if letters == "E":
        forms.append(r"(?-i:chief\s+(?=[A-Z][a-z]+\s+[A-Z]))")
    return re.compile(rf"\b(?:{'|'.join(forms)})s?\b", re.IGNORECASE)


# -- an interim appointment told as a permanent one ------------------------------------------------------------

#: Words of the meantime anywhere in a text: a story without one makes no interim appointment (a cheap first test).
_INTERIM = re.compile(r"\b(?:interim|acting(?!\s+on\b)|temporary|temporarily|caretaker|pro\s+tem)\b", re.IGNORECASE)
#: A headline's appointment: "Names Jane Doe CEO", "Jane Doe Appointed CFO", "to Succeed", "Named Successor".
_APPOINTS = re.compile(
    r"\b(?:names?|named|appoints?|appointed|taps|tapped|promotes?|promoted|elevates?|elevated|hires?|hired|picks?|"
    r"selects?|selected|chooses|chose|to\s+lead|takes?\s+over|succeeds?)\b",
    re.IGNORECASE,
)
_SUCCESSOR = re.compile(r"\b(?:successor|succeeds?|to\s+succeed|replacement|replaces?|to\s+replace)\b", re.IGNORECASE)
#: A story's search for the one to hold the post for good: the one named meanwhile holds it for now.
_SEARCH_GOES_ON = re.compile(
    r"\b(?:search(?:es|ing)?|look(?:s|ing)?|seek(?:s|ing)?|hunt|identif(?:y|ies|ying)|find(?:s|ing)?)\s+for\s+"
    r"(?:a|an|its|the)\s+(?:permanent|new|long[\s-]term|full[\s-]time)\s+(?:successor|replacement|chief|CEO|leader)"
    r"|\buntil\s+(?:a|the)\s+(?:permanent\s+)?(?:successor|replacement)\s+is\b",
    re.IGNORECASE,
)
#: A story sentence that appoints someone to a post.
_STORY_APPOINTS = re.compile(
    r"\b(?:names?|named|naming|appoints?|appointed|appointment|promot\w+|elevat\w+|hired|select\w+|chosen|"
    r"will\s+(?:serve|act|become|take\s+over|assume)|to\s+(?:serve|act|become|take\s+over|assume)|"
    r"takes?\s+over|took\s+over|assum\w+|succeed\w*|successor)\b",
    re.IGNORECASE,
)


def interim_read(headline: str, story: str) -> list[tuple[int, int]]:
    """Spans of ``headline``'s appointments the story makes only for the meantime: "Names Jane Doe CEO" or "Named His
    Successor" over a story that appoints her interim (or acting) chief while a search for a permanent one goes on,
    and appoints no one to that post outright.

    >>> interim_read("Acme Names CFO Jane Doe CEO", "Acme named CFO Jane Doe interim CEO while it searches for a permanent successor.")
    [(24, 27)]
    >>> interim_read("Acme Names Jane Doe CEO", "Acme appointed Jane Doe chief executive. She was interim CEO since May.")
    []
    """
    if not _APPOINTS.search(headline) or not _INTERIM.search(story):
        return []
    every = _SENTENCE_BREAK.split(story)
    sentences = [s for s in every if _STORY_APPOINTS.search(s)]
    out = []
    for m in _HEADLINE_TITLE.finditer(headline):
        clause = _clause_start(headline, m.start())
        if (
            not _APPOINTS.search(headline, clause, m.start())  # a title someone holds ("CFO Jane Doe Named CEO")
            or (m["initials"] and headline.isupper())
            or _held_for_now(headline, m.start(), m.end())  # "Named Interim CEO": what the story says
            or _FORMER_BEFORE.search(headline, clause, m.start())  # "Taps Former CEO John Roe to Lead"
            or _NOT_THE_POST_AFTER.match(headline, m.end())  # "CEO Search Continues"
        ):
            continue
        # The latest title in the headline's clause is the post given: "Names CFO Jane Doe CEO" gives "CEO".
        later = _HEADLINE_TITLE.search(headline, m.end())
        if later and not re.search(r"[;,|]", headline[m.end() : later.start()]):
            continue
        form = _title_form(m)
        given = [_held_for_now(s, t.start(), t.end()) for s in sentences for t in form.finditer(s)]
        if given and all(given):
            out.append(m.span())
    for m in _SUCCESSOR.finditer(headline):
        clause = _clause_start(headline, m.start())
        if (
            not _APPOINTS.search(headline, clause, m.end())  # a successor named, not sought ("Hires Firm to Find Successor")
            or _SOUGHT_BEFORE.search(headline, clause, m.start())
            or _INTERIM.search(headline, clause)  # "Named Interim Successor": what the story says
            or not any(_search_goes_on(s) for s in every)
            or any(_SUCCESSOR.search(s) and not _INTERIM.search(s) and not _search_goes_on(s) for s in sentences)
        ):
            continue
        out.append(m.span())
        break
    return out


#: A sentence's end: not the stop of "Dr.", "Mr.", "Ms.", "Mrs." or an initial ("Jane Q. Doe").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\b[A-Z]\.)\s+(?=[A-Z\"“])|\n+")
#: Words that hold a post for the meantime, right before its title ("interim CEO", "acting chief executive") or right
#: after it ("CEO on an interim basis"); an interim dividend or interim results hold no post.
#: Up to two words between: "interim President and CEO", "acting chief financial officer".
_FOR_NOW_BEFORE = re.compile(r"\b(?:interim|acting(?!\s+on\b)|temporary|caretaker)\s+(?:[\w&-]+\s+){0,2}$", re.IGNORECASE)
_FOR_NOW_AFTER = re.compile(
    r"\s*,?\s*(?:on\s+an?\s+(?:interim|temporary|acting)\s+basis|in\s+an?\s+(?:interim|acting|temporary)\s+capacity|"
    r"ad\s+interim|pro\s+tem)\b",
    re.IGNORECASE,
)
_FORMER_BEFORE = re.compile(r"\b(?:former|onetime|outgoing|departing|retiring)\s+(?:[\w&'-]+\s+)?$", re.IGNORECASE)
#: A successor the headline says is sought, not named: "Hires Spencer Stuart to Find Successor".
_SOUGHT_BEFORE = re.compile(
    r"\b(?:find|finds|finding|search\w*|seek\w*|identify|identifies|hunt\w*|look\w*\s+for)\b(?:\s+[\w'-]+){0,3}\s+$",
    re.IGNORECASE,
)
_NOT_THE_POST_AFTER = re.compile(r"\s+(?:search|exit|departure|retires?|resigns?|steps?\s+down|succession)\b", re.IGNORECASE)
#: A search told as over ("following a comprehensive search for a new CEO", "concluding its search for a permanent
#: successor"): it goes on no longer.
_SEARCH_OVER_BEFORE = re.compile(
    r"\b(?:follow\w*|after|conclud\w*|complet\w*|end\w*|culminat\w*|result\w*)\b(?:\s+[\w'-]+){0,5}\s+$", re.IGNORECASE
)


def _clause_start(headline: str, at: int) -> int:
    """Where the headline's clause holding ``at`` starts: after the last ";" or "|" before it."""
    return max(headline.rfind(";", 0, at), headline.rfind("|", 0, at)) + 1


def _held_for_now(text: str, start: int, end: int) -> bool:
    """The title at ``start``-``end`` of ``text`` is held for the meantime ("interim CEO", "CEO on an interim basis")."""
    return bool(_FOR_NOW_BEFORE.search(text[max(0, start - 40) : start]) or _FOR_NOW_AFTER.match(text, end))


def _search_goes_on(sentence: str) -> bool:
    """The sentence tells a search for a permanent holder that is not told as over."""
    return any(not _SEARCH_OVER_BEFORE.search(sentence[: m.start()]) for m in _SEARCH_GOES_ON.finditer(sentence))


def _title_form(m: re.Match[str]) -> re.Pattern[str]:
    """A headline title's forms in a story (the same forms :func:`titles_read` accepts)."""
    if m["president"]:
        return _PRESIDENT
    if m["chair"]:
        return _CHAIR
    return _officer_pattern(_initials(m))


def _initials(m: re.Match[str]) -> str:
    """An officer title's initials: as written ("CFO"), or of its words ("Chief Financial Officer", "Chief
    Executive": "CFO", "CEO")."""
    if m["initials"]:
        return re.sub(r"^Co-|s$", "", m[0])
    words = re.findall(r"[A-Za-z&]+", m[0])
    return "C" + "".join(w[0].upper() for w in words[1:] if w.lower() not in ("officer", "officers", "&", "and", "of")) + "O"
