"""KA402 logged-in devices and login history, PC/Mac security code."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from kakaoaudit.api import Severity, Status
from kakaoaudit.checks.sessions import (
    OVERDUE_DAYS,
    PC_CODE_SHARED,
    REVIEW_DAYS,
    REVIEWED_ON,
    UNKNOWN_FOUND,
    SessionsReview,
)

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

TODAY = date(2026, 11, 28)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("shared", "code", "status"),
    [
        (False, "pc-code-private", Status.PASS),
        (True, "pc-code-shared", Status.FAIL),
        ("unknown", "pc-code-unknown", Status.UNKNOWN),
        (None, "pc-code-unknown", Status.UNKNOWN),  # not answered: never a pass, never an accusation
    ],
)
def test_pc_code(run_check: Any, shared: Any, code: str, status: Status) -> None:
    raw = {REVIEWED_ON: ago(1), UNKNOWN_FOUND: "none"} | ({} if shared is None else {PC_CODE_SHARED: shared})
    found = {f.code: f.status for f in run_check(SessionsReview, raw)}
    assert found[code] is status


def test_the_pc_code_is_asked_yes_no_or_dont_know() -> None:
    [question] = [q for q in SessionsReview.questions if q.id == PC_CODE_SHARED]
    assert question.type.value == "bool" and question.allow_unknown


@pytest.mark.parametrize("reviewed", ["unknown", "never"])
def test_nothing_found_is_not_credited_without_a_look(run_check: Any, reviewed: str) -> None:
    """F6/C5: "no unknown devices" is never 10/10 when the person never looked (or cannot say when)."""
    found = {f.code: f.status for f in run_check(SessionsReview, {REVIEWED_ON: reviewed, UNKNOWN_FOUND: "none",
                                                                   PC_CODE_SHARED: False})}
    assert "sessions-none-unknown" not in found
    assert found["sessions-unknown-unsure"] is Status.UNKNOWN


def test_what_was_seen_is_asked_only_after_a_dated_look() -> None:
    [question] = [q for q in SessionsReview.questions if q.id == UNKNOWN_FOUND]
    assert question.applies({REVIEWED_ON: date(2026, 1, 1)}) is True
    assert question.applies({REVIEWED_ON: "unknown"}) is False
    assert question.applies({REVIEWED_ON: "never"}) is False


def test_never_looked_is_a_real_answer(run_check: Any) -> None:
    found = {f.code: f for f in run_check(SessionsReview, {REVIEWED_ON: "never", PC_CODE_SHARED: False})}
    assert found["sessions-review-overdue"].status is Status.FAIL
    assert "never" in found["sessions-review-overdue"].title.render("en")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {REVIEWED_ON: ago(0), UNKNOWN_FOUND: "none", PC_CODE_SHARED: False},
            {"sessions-reviewed": Status.PASS, "sessions-none-unknown": Status.PASS, "pc-code-private": Status.PASS},
        ),
        (
            {REVIEWED_ON: ago(REVIEW_DAYS), UNKNOWN_FOUND: "logged_out", PC_CODE_SHARED: True},
            {"sessions-reviewed": Status.PASS, "sessions-unknown-logged-out": Status.WARN,
             "pc-code-shared": Status.FAIL},
        ),
        (
            {REVIEWED_ON: ago(REVIEW_DAYS + 1), UNKNOWN_FOUND: "still_there", PC_CODE_SHARED: "unknown"},
            {"sessions-review-due": Status.WARN, "sessions-unknown-active": Status.FAIL,
             "pc-code-unknown": Status.UNKNOWN},
        ),
        (
            {REVIEWED_ON: ago(OVERDUE_DAYS), UNKNOWN_FOUND: "none", PC_CODE_SHARED: False},
            {"sessions-review-due": Status.WARN, "sessions-none-unknown": Status.PASS, "pc-code-private": Status.PASS},
        ),
        (
            {REVIEWED_ON: ago(OVERDUE_DAYS + 1), UNKNOWN_FOUND: "unknown", PC_CODE_SHARED: False},
            {"sessions-review-overdue": Status.FAIL, "sessions-unknown-unsure": Status.UNKNOWN,
             "pc-code-private": Status.PASS},
        ),
        (
            {REVIEWED_ON: "unknown", PC_CODE_SHARED: "unknown"},
            {"sessions-review-unknown": Status.UNKNOWN, "sessions-unknown-unsure": Status.UNKNOWN,
             "pc-code-unknown": Status.UNKNOWN},
        ),
    ],
)
def test_sessions(run_check: Any, raw: dict[str, Any], expected: dict[str, Status]) -> None:
    findings = run_check(SessionsReview, raw)
    assert {f.code: f.status for f in findings} == expected
    for finding in findings:
        if finding.status is not Status.PASS:
            assert finding.advice, finding.code


def test_an_unknown_device_still_logged_in_is_critical(run_check: Any) -> None:
    findings = {f.code: f for f in run_check(SessionsReview, {REVIEWED_ON: ago(1), UNKNOWN_FOUND: "still_there",
                                                               PC_CODE_SHARED: False})}
    active = findings["sessions-unknown-active"]
    assert active.severity is Severity.CRITICAL
    advice = " ".join(a.render("en") for a in active.advice)
    assert "Log it out now" in advice and "password" in advice and "2-step verification" in advice


def test_the_90_days_are_reported_and_hedged(run_check: Any) -> None:
    findings = {f.code: f for f in run_check(SessionsReview, {REVIEWED_ON: ago(200), UNKNOWN_FOUND: "none",
                                                               PC_CODE_SHARED: False})}
    detail = findings["sessions-review-overdue"].detail
    assert detail is not None
    text = detail.render("en")
    assert "reportedly" in text.lower() and "90" in text and "kakaoaudit recommends" in text
    assert "とされて" in detail.render("ja")
    assert "http://aoe02.aoe3333.com/2025/06/blog-post_13.html" in findings["sessions-review-overdue"].references


def test_choices_are_the_shared_ones() -> None:
    questions = {q.id: q for q in SessionsReview.questions}
    assert [c.value for c in questions[UNKNOWN_FOUND].choices] == ["none", "logged_out", "still_there"]
    assert all(q.allow_unknown for q in questions.values())
    assert questions[REVIEWED_ON].past_only
