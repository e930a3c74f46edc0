"""A clinical trial's phase is a fact of its own: "Announces Phase 3 Trial" over a story of its Phase 2 trial.

The number check finds a phase's digit anywhere in the story (a dose of 3 mg, "3 patients"), so a phase moved by one
passed. A headline's phase ("Phase 2", "Phase-III", "Phase IIb", "Phase 1/2") is unsupported when the story names
phases and never this one, and supported as a whole when it does (not read as a name "II" or a code "2b"). Roman and
arabic numerals are one; the story's "Phases 2 and 3" names both, its "second phase" phase 2. A sub-phase ("2b") is
supported by the story's same sub-phase or by its phase named without one, not by another sub-phase ("2a"). A
combined phase ("1/2") is supported by the story's combined phase or by both of its phases. A story that names no
phase says nothing against the headline ("Phase 1 of the Treasury Plan" over a story of its first step).

Chosen on the press-release training stories: of the 34 true headlines that give a phase, none is flagged; a probe
that moved the phase of their copies by one (Phase 2 -> 3, II -> III) was caught 1 time in 4 before. A read-only
review's probes ("Phase-III", "the second phase of drilling", "Phase 2b" over "Phase 2a") are test rows.
"""

from __future__ import annotations

import re

__all__ = ["phases_read"]

_NUMERAL = r"[1-4]|iv|i{1,3}"
_PHASE = re.compile(
    rf"\bphase[\s-]+(?P<first>{_NUMERAL})(?P<sub>[a-c])?(?:\s*/\s*(?P<second>{_NUMERAL})[a-c]?)?\b", re.IGNORECASE
)
#: Phases a story names in other words: "Phases 2 and 3", "Phases II/III", "the second phase".
_PHASES = re.compile(rf"\bphases\s+(?P<first>{_NUMERAL})[a-c]?\s*(?:,|and|/|-|to|&)\s*(?P<second>{_NUMERAL})\b", re.IGNORECASE)
_ORDINAL_PHASE = re.compile(r"\b(?P<first>first|second|third|fourth)\s+phase\b", re.IGNORECASE)
_VALUE = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "first": "1", "second": "2", "third": "3", "fourth": "4"}
Phase = tuple[str, str | None, str | None]  # (phase, its sub-phase, the second phase of a combined one)


def _value(numeral: str) -> str:
    return _VALUE.get(numeral.lower(), numeral)


def _phase(m: re.Match[str]) -> Phase:
    sub = m["sub"].lower() if m["sub"] else None
    return _value(m["first"]), sub, (_value(m["second"]) if m["second"] else None)


def _told(story: str) -> set[Phase]:
    told = {_phase(m) for m in _PHASE.finditer(story)}
    for m in _PHASES.finditer(story):
        told |= {(_value(m["first"]), None, None), (_value(m["second"]), None, None)}
    told |= {(_value(m["first"]), None, None) for m in _ORDINAL_PHASE.finditer(story)}
    return told


def phases_read(headline: str, story: str) -> list[tuple[tuple[int, int], bool]]:
    """Each of the headline's trial phases, with whether the story names it, where the story names any phase."""
    claims = [(m.span(), _phase(m)) for m in _PHASE.finditer(headline)]
    if not claims:
        return []
    told = _told(story)
    if not told:
        return []
    plain = {first for first, sub, second in told if sub is None}  # a phase named without a sub-phase
    named = {p for first, _, second in told for p in (first, second) if p}

    def supported(phase: Phase) -> bool:
        first, sub, second = phase
        if second is not None:
            return phase in told or (first in named and second in named)
        return phase in told or first in plain or (sub is None and first in named)

    return [(span, supported(phase)) for span, phase in claims]
