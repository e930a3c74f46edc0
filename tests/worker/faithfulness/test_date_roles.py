"""A day is checked with the event its story ties it to (worker/faithfulness/date_roles.py, through check_grounding)."""

from __future__ import annotations

import pytest

from worker.faithfulness import check_grounding

_NOTICE = (
    "NEW YORK, Oct. 1, 2020 -- The Law Firm reminds investors that a class action lawsuit was filed on August 14, "
    "2020 on behalf of Acme Inc. investors who bought shares between May 1, 2020 and July 30, 2020. Investors have "
    "until October 13, 2020 to move the court to serve as lead plaintiff. The lead plaintiff deadline is October 13, "
    "2020."
)
_DIVIDEND = (
    "CLEVELAND, May 2, 2025 -- Dunmore Industrial declared a quarterly dividend of $0.24 per share, payable on June 1, "
    "2025 to shareholders of record on May 15, 2025. Its annual meeting is set for May 20, 2025."
)

DATE_ROLES = [
    # the deadline's day told as the filing's, and the filing's as the deadline's
    ("Law Firm Reminds Acme Investors of the Class Action Filing on October 13, 2020", _NOTICE, ["October 13"]),
    ("Acme Investors: Lead Plaintiff Deadline August 14, 2020", _NOTICE, ["August 14"]),
    ("Law Firm Reminds Acme Investors of Lead Plaintiff Deadline of October 13, 2020", _NOTICE, []),
    ("Law Firm Reminds Acme Investors of Class Action Filed on August 14, 2020", _NOTICE, []),
    # a class period's days are a range, tied to no one event; "until ... to move" is no range
    ("Acme Investors Who Bought Between May 1 and July 30 Have Until October 13", _NOTICE, []),
    # a dividend's payment and record days, and a meeting's
    ("Dunmore Dividend Payable June 1 to Holders of Record May 15", _DIVIDEND, []),
    ("Dunmore Dividend Payable May 15", _DIVIDEND, ["May 15"]),
    ("Dunmore Sets Record Date of June 1 for Dividend", _DIVIDEND, ["June 1"]),
    ("Dunmore to Hold Annual Meeting on May 20", _DIVIDEND, []),
    # a day the headline ties to nothing is the date check's alone
    ("Dunmore Declares Dividend, Pays June 1", _DIVIDEND, []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), DATE_ROLES)
def test_a_day_is_told_of_the_event_its_story_ties_it_to(headline: str, story: str, unsupported: list[str]) -> None:
    checked = check_grounding(headline, story)
    assert checked.unsupported == unsupported
    assert checked.grounded is (not unsupported)
