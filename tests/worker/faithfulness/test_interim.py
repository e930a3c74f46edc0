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
    # a read-only review's probes: an interim word of another post, of results or a trial, "acting on"; a search told
    # as over; a title that is no post given
    # two appointments in one sentence: the interim one is another post's
    (
        "Acme Names CFO Jane Doe Chief Executive Officer",
        "BOSTON, June 3, 2025 -- Acme Robotics, Inc. today announced that its Board of Directors has appointed Jane Doe, currently Chief Financial Officer, as Chief Executive Officer and Controller Mark Ellis as interim Chief Financial Officer, effective July 1.",
        [],
    ),
    # the interim holder made permanent
    (
        "Acme Names Jane Doe Permanent CEO",
        "BOSTON, June 3, 2025 -- Acme Robotics, Inc. said its board appointed Jane Doe, who has served as interim CEO since March, as permanent chief executive officer, effective immediately.",
        [],
    ),
    # "interim results" hold no post
    (
        "Calder Mining Appoints Jane Doe Chief Executive Officer",
        "SYDNEY, Aug 20, 2025 -- Alongside its interim results, Calder Mining Ltd announced the appointment of Jane Doe as Chief Executive Officer, effective October 1. The board declared an interim dividend of 12 cents.",
        [],
    ),
    # a search told as over ("follows a search")
    (
        "Acme Names Jane Doe CEO to Succeed Bob Lee",
        "SEATTLE, Jan 6, 2025 -- Acme Cloud Inc. today announced that its Board of Directors has appointed Jane Doe as Chief Executive Officer, effective February 1. Doe succeeds Bob Lee, who has served as interim CEO since July. The appointment follows a comprehensive search for a new CEO conducted by the Board.",
        [],
    ),
    # a search concluded
    (
        "Acme Names Jane Doe as Permanent Successor to Former CEO Smith",
        "SEATTLE, Jan 6, 2025 -- Acme Cloud Inc. named Jane Doe chief executive officer, concluding its search for a permanent successor to former CEO Tom Smith. Interim CEO Bob Lee will return to his role as CFO.",
        [],
    ),
    # "CEO Search Continues" gives no post
    (
        "Acme Names Jane Doe Board Chair; CEO Search Continues",
        "DENVER, April 1, 2025 -- Acme Foods Inc. said its board named Jane Doe chair, effective immediately. John Roe, who was named interim CEO in January, will continue in that role while the board searches for a permanent chief executive.",
        [],
    ),
    # a former holder's title is no post given
    (
        "Acme Taps Former CEO John Roe to Lead Company",
        "DENVER, April 1 (Wire) - Acme Foods said it had named former CEO John Roe as interim CEO while it searches for a permanent successor to Jane Doe, who stepped down on Monday.",
        [],
    ),
    # a trial's "interim analysis" holds no post
    (
        "Acme Appoints Jane Doe Chief Medical Officer",
        "CAMBRIDGE, Mass., May 5, 2025 -- Acme Bio appointed Jane Doe as Chief Medical Officer ahead of the interim analysis of its Phase 3 trial of ACM-101, expected in the fourth quarter.",
        [],
    ),
    # "acting on" a recommendation holds no post
    (
        "Acme Names Jane Doe CEO",
        "BOSTON, June 3, 2025 -- The board of Acme Robotics named Jane Doe chief executive officer, acting on the unanimous recommendation of its search committee.",
        [],
    ),
    # the acting post was the predecessor's
    (
        "Acme Appoints Jane Doe CFO",
        "BOSTON, June 3, 2025 -- Acme Robotics appointed Jane Doe as chief financial officer, replacing John Roe, who had served as acting CFO since May.",
        [],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), INTERIM)
def test_an_interim_appointment_told_as_one_for_good_is_unsupported(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


@pytest.mark.parametrize(
    ("headline", "story"),
    [
        # a read-back's probes, true headlines each: a later comma is no second title's; a permanent successor named;
        # a successor sought, not named
        (
            "Acme Names CFO Jane Doe CEO, Effective Immediately",
            "Acme named CFO Jane Doe chief executive officer, effective immediately, and named Controller John Roe interim CFO.",
        ),
        (
            "Acme Names Jane Doe Successor to John Roe",
            "Acme named Jane Doe, who had served as interim CEO, as the permanent successor to John Roe.",
        ),
        (
            "Acme Hires Spencer Stuart to Find Successor",
            "Acme hired Spencer Stuart to search for a permanent successor to CEO John Roe. CFO Jane Doe is interim CEO.",
        ),
    ],
)
def test_an_appointment_for_good_is_no_interim_one(headline: str, story: str) -> None:
    assert check_grounding(headline, story).unsupported == []
