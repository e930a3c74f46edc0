"""A clinical trial's phase is a fact of its own: "Announces Phase 3 Trial" over a story of its Phase 2 trial.

The number check finds a phase's digit anywhere in the story (a dose of 3 mg, "3 patients"), so a phase moved by one
passed. A headline's phase ("Phase 2", "Phase IIb", "Phase 1/2") is unsupported when the story names phases and never
this one, and supported as a whole when it does (not read as a name "II" or a code "2b"): roman and arabic numerals are one, a sub-phase ("2b") is its phase's, and a combined phase ("1/2") is
supported by the story's combined phase or by both of its phases. A story that names no phase says nothing against
the headline ("Phase 1 of the Treasury Plan" over a story of its first step).

Chosen on the press-release training stories: of the 34 true headlines that give a phase, none is flagged; a probe
that moved the phase of their copies by one (Phase 2 -> 3, II -> III) was caught 1 time in 4 before.
"""

from __future__ import annotations

import re

__all__ = ["phases_read"]

_PHASE = re.compile(
    r"\bphase\s+(?P<first>[1-4]|iv|i{1,3})(?P<sub>[a-c])?(?:\s*/\s*(?P<second>[1-4]|iv|i{1,3})(?P<sub2>[a-c])?)?\b",
    re.IGNORECASE,
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
Phase = tuple[str, str | None]  # (phase, second phase of a combined one)


def _phase(m: re.Match[str]) -> Phase:
    first = m["first"].lower()
    second = m["second"].lower() if m["second"] else None
    return _ROMAN.get(first, first), (_ROMAN.get(second, second) if second else None)


def phases_read(headline: str, story: str) -> list[tuple[tuple[int, int], bool]]:
    """Each of the headline's trial phases, with whether the story names it, where the story names any phase: a
    phase it names in another form ("Phase II" for its "Phase 2") is supported as a whole, not read as a name."""
    claims = [(m.span(), _phase(m)) for m in _PHASE.finditer(headline)]
    if not claims:
        return []
    told = {_phase(m) for m in _PHASE.finditer(story)}
    if not told:
        return []
    single = {p for phases in told for p in phases if p}
    return [
        (span, (first, second) in told or (first in single and (second is None or second in single)))
        for span, (first, second) in claims
    ]
