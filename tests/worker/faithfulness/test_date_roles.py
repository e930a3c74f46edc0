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

_MUST_BE_FILED = (
    "NEW YORK, Sept. 1, 2020 -- The Law Firm announces that a class action lawsuit has been filed on behalf of investors "
    "who purchased Acme Inc. securities between May 1, 2020 and July 30, 2020. Lead plaintiff motions must be filed by "
    "October 13, 2020."
)
_UPCOMING = "The Law Firm reminds Acme Inc. investors of the upcoming October 13, 2020 deadline in the class action."

DATE_ROLES = [
    # the deadline's day told as the filing's, and the filing's as the deadline's
    ("Law Firm Reminds Acme Investors of the Class Action Filing on October 13, 2020", _NOTICE, ["October 13"]),
    ("Acme Investors: Lead Plaintiff Deadline August 14, 2020", _NOTICE, ["August 14"]),
    ("Law Firm Reminds Acme Investors of Lead Plaintiff Deadline of October 13, 2020", _NOTICE, []),
    ("Law Firm Reminds Acme Investors of Class Action Filed on August 14, 2020", _NOTICE, []),
    # a class period's days are a range, tied to no one event; "until ... to move" is no range
    ("Acme Investors Who Bought Between May 1 and July 30 Have Until October 13", _NOTICE, []),
    # a class period's last day told as the deadline or the filing's day
    ("Acme Investors Have Until July 30, 2020 to Seek Lead Plaintiff Role", _NOTICE, ["July 30"]),
    ("Acme Class Action Filed on July 30, 2020", _NOTICE, ["July 30"]),
    # a filing's deadline is a deadline, however written: "must be filed by", "Deadline for Filing", the event after
    ("Acme Investors: Lead Plaintiff Deadline Is October 13, 2020", _MUST_BE_FILED, []),
    ("Acme Investors Have Until October 13, 2020 to Seek Lead Plaintiff Role", _MUST_BE_FILED, []),
    ("Acme Investors: Deadline for Filing Lead Plaintiff Motions Is October 13, 2020", _NOTICE, []),
    ("Acme Investors: October 13, 2020 Lead Plaintiff Deadline", _NOTICE, []),
    ("Acme Investors: October 13, 2020 Filing Deadline in Securities Class Action", _NOTICE, []),
    ("Acme Class Action Filed on October 13, 2020", _UPCOMING, ["October 13"]),
    # a dividend's and a meeting's days are the date check's alone
    ("Dunmore Dividend Payable June 1 to Holders of Record May 15", _DIVIDEND, []),
    ("Dunmore Dividend Payable May 15", _DIVIDEND, []),
    ("Dunmore to Hold Annual Meeting on May 20", _DIVIDEND, []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), DATE_ROLES)
def test_a_day_is_told_of_the_event_its_story_ties_it_to(headline: str, story: str, unsupported: list[str]) -> None:
    checked = check_grounding(headline, story)
    assert checked.unsupported == unsupported
    assert checked.grounded is (not unsupported)
