"""An appointment the story makes only for the meantime ("interim CEO while the board searches for a permanent
successor") is unsupported when the headline tells it as one for good (worker/faithfulness/titles.py, through
check_grounding)."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding

_INTERIM_CEO = (
    "RALEIGH, N.C., September 29, 2025 -- Corriedale Biosciences, Inc. today announced that Chief Executive Officer "
    "Stefan Ruehl has stepped down, effective immediately. The Board has appointed Chief Financial Officer Beverly "
    "Nakashima-Ortiz as Interim Chief Executive Officer while it conducts a search for a permanent successor. "
    "Nakashima-Ortiz will continue to serve as CFO."
)
_WIRE = (
    "HARTFORD, June 3 (Wire) - Pelham Insurance Group said Chief Executive Victor Ruiz had stepped down and named Chief "
    "Operating Officer Dana Whitcombe interim CEO while the board searches for a permanent successor."
)
_NOW_PERMANENT = (
    "AKRON, Ohio, Dec. 19, 2024 -- NewAge Industries announced the appointment of Mary Marcus to the position of CEO. "
    "In her most recent role as Interim CEO, Mary has led the organization through its expansion."
)
_OTHER_POST_INTERIM = (
    "Blink Charging today announced the appointment of Michael Bercovich as Chief Financial Officer, effective June 23. "
    "Robert Strauss has assumed the position of Interim Chief Financial Officer until Bercovich joins Blink."
)
_SUCCESSOR_NAMED = (
    "Acme Corp. said CFO John Roe will retire in March. Jane Doe, its treasurer, will succeed him as CFO. Acme's "
    "interim CEO, Ann Lee, said the search for a permanent CEO continues."
)

INTERIM = [
    ("Corriedale CEO Ruehl Steps Down; CFO Beverly Nakashima-Ortiz Named Interim CEO", _INTERIM_CEO, []),
    ("Corriedale CEO Ruehl Steps Down; CFO Beverly Nakashima-Ortiz Named CEO", _INTERIM_CEO, ["CEO"]),
    ("Corriedale Names CFO Beverly Nakashima-Ortiz Chief Executive Officer", _INTERIM_CEO, ["Chief Executive Officer"]),
    ("Pelham Insurance CEO Ruiz steps down; COO Whitcombe named interim chief", _WIRE, []),
    ("Pelham Insurance CEO Ruiz steps down; COO Whitcombe named permanent successor", _WIRE, ["successor"]),
    ("Pelham Insurance CEO Ruiz steps down; COO Whitcombe named as his successor", _WIRE, ["successor"]),
    # an interim holder made permanent, another's interim post, a successor the story names outright
    ("Mary Marcus Appointed CEO of NewAge Industries", _NOW_PERMANENT, []),
    ("Blink Charging Names Michael Bercovich Chief Financial Officer", _OTHER_POST_INTERIM, []),
    ("Acme Names Treasurer Jane Doe CFO, to Succeed John Roe", _SUCCESSOR_NAMED, []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), INTERIM)
def test_an_interim_appointment_told_as_one_for_good_is_unsupported(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported
