"""KA304 review of the registered information: thresholds at their edges."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from kakaoaudit.api import Status
from kakaoaudit.checks.contacts import OVERDUE_DAYS, REVIEW_DAYS, REVIEWED_ON, ContactsReview

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

TODAY = date(2026, 11, 28)  # the date of the fixture's clock


@pytest.mark.parametrize(
    ("days_ago", "code", "status"),
    [
        (0, "contacts-reviewed", Status.PASS),
        (REVIEW_DAYS, "contacts-reviewed", Status.PASS),
        (REVIEW_DAYS + 1, "contacts-review-due", Status.WARN),
        (OVERDUE_DAYS, "contacts-review-due", Status.WARN),
        (OVERDUE_DAYS + 1, "contacts-review-overdue", Status.FAIL),
        (3650, "contacts-review-overdue", Status.FAIL),
    ],
)
def test_thresholds(run_check: Any, days_ago: int, code: str, status: Status) -> None:
    when = (TODAY - timedelta(days=days_ago)).isoformat()
    (finding,) = run_check(ContactsReview, {REVIEWED_ON: when})
    assert (finding.code, finding.status) == (code, status)


def test_thresholds_are_said_to_be_kakaoaudits_own(run_check: Any) -> None:
    (finding,) = run_check(ContactsReview, {REVIEWED_ON: "2020-01-01"})
    assert finding.detail is not None
    text = finding.detail.render("en")
    assert "no source gives an interval" in text and "kakaoaudit recommends" in text and "180" in text
    assert "kakaoaudit's own recommendation" in (ContactsReview.__doc__ or "")


def test_unknown_is_never_a_pass(run_check: Any) -> None:
    (finding,) = run_check(ContactsReview, {REVIEWED_ON: "unknown"})
    assert finding.status is Status.UNKNOWN and finding.advice


@pytest.mark.parametrize("raw", ["2026-13-01", "yesterday", "2027-01-01", "1850-01-01", 20240101])
def test_bad_dates_are_refused_by_the_question(run_check: Any, raw: Any) -> None:
    from kakaoaudit.core.questions import AnswerValueError

    with pytest.raises(AnswerValueError):
        run_check(ContactsReview, {REVIEWED_ON: raw})


def test_full_width_date_is_read(run_check: Any) -> None:
    (finding,) = run_check(ContactsReview, {REVIEWED_ON: "２０２６－１０－０１"})
    assert finding.code == "contacts-reviewed"
