"""KA402 logged-in devices and login history, PC/Mac security code."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from kakaoaudit.api import Severity, Status
from kakaoaudit.checks.password_hygiene import PasswordHabits
from kakaoaudit.checks.sessions import (
    HABITS,
    HABITS_QUESTION,
    OVERDUE_DAYS,
    PC_CODE_PRIVATE,
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
    ("habits", "code", "status"),
    [
        ([PC_CODE_PRIVATE], "pc-code-private", Status.PASS),
        (["not_reused", PC_CODE_PRIVATE, "unsure"], "pc-code-private", Status.PASS),
        ([], "pc-code-shared", Status.FAIL),  # left unselected: "no", never a pass
        (["not_reused", "manager"], "pc-code-shared", Status.FAIL),
        (["unsure"], "pc-code-unknown", Status.UNKNOWN),  # "I'm not sure about these"
        (["manager", "unsure"], "pc-code-unknown", Status.UNKNOWN),
        ("unknown", "pc-code-unknown", Status.UNKNOWN),
        (None, "pc-code-unknown", Status.UNKNOWN),  # not answered
    ],
)
def test_pc_code_item(run_check: Any, habits: Any, code: str, status: Status) -> None:
    raw = {REVIEWED_ON: ago(1), UNKNOWN_FOUND: "none"} | ({} if habits is None else {HABITS: habits})
    found = {f.code: f.status for f in run_check(SessionsReview, raw)}
    assert found[code] is status


def test_the_habits_question_is_an_identical_copy_of_ka102s() -> None:
    [owner] = [q for q in PasswordHabits.questions if q.id == HABITS]
    assert (HABITS_QUESTION.type, HABITS_QUESTION.allow_unknown) == (owner.type, owner.allow_unknown)
    assert HABITS_QUESTION.choice_values == owner.choice_values
    assert HABITS_QUESTION.prompt.msgid == owner.prompt.msgid
    assert HABITS_QUESTION.help is not None and owner.help is not None
    assert HABITS_QUESTION.help.msgid == owner.help.msgid
    assert [c.label.msgid for c in HABITS_QUESTION.choices] == [c.label.msgid for c in owner.choices]
    for lang in ("ja", "ko"):
        assert HABITS_QUESTION.prompt.render(lang) == owner.prompt.render(lang)
        assert [c.label.render(lang) for c in HABITS_QUESTION.choices] == [c.label.render(lang) for c in owner.choices]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {REVIEWED_ON: ago(0), UNKNOWN_FOUND: "none", HABITS: [PC_CODE_PRIVATE]},
            {"sessions-reviewed": Status.PASS, "sessions-none-unknown": Status.PASS, "pc-code-private": Status.PASS},
        ),
        (
            {REVIEWED_ON: ago(REVIEW_DAYS), UNKNOWN_FOUND: "logged_out", HABITS: ["manager"]},
            {"sessions-reviewed": Status.PASS, "sessions-unknown-logged-out": Status.WARN,
             "pc-code-shared": Status.FAIL},
        ),
        (
            {REVIEWED_ON: ago(REVIEW_DAYS + 1), UNKNOWN_FOUND: "still_there", HABITS: "unknown"},
            {"sessions-review-due": Status.WARN, "sessions-unknown-active": Status.FAIL,
             "pc-code-unknown": Status.UNKNOWN},
        ),
        (
            {REVIEWED_ON: ago(OVERDUE_DAYS), UNKNOWN_FOUND: "none", HABITS: [PC_CODE_PRIVATE]},
            {"sessions-review-due": Status.WARN, "sessions-none-unknown": Status.PASS, "pc-code-private": Status.PASS},
        ),
        (
            {REVIEWED_ON: ago(OVERDUE_DAYS + 1), UNKNOWN_FOUND: "unknown", HABITS: [PC_CODE_PRIVATE]},
            {"sessions-review-overdue": Status.FAIL, "sessions-unknown-unsure": Status.UNKNOWN,
             "pc-code-private": Status.PASS},
        ),
        (
            {REVIEWED_ON: "unknown", UNKNOWN_FOUND: "unknown", HABITS: "unknown"},
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
                                                               HABITS: [PC_CODE_PRIVATE]})}
    active = findings["sessions-unknown-active"]
    assert active.severity is Severity.CRITICAL
    advice = " ".join(a.render("en") for a in active.advice)
    assert "Log it out now" in advice and "password" in advice and "2-step verification" in advice


def test_the_90_days_are_reported_and_hedged(run_check: Any) -> None:
    findings = {f.code: f for f in run_check(SessionsReview, {REVIEWED_ON: ago(200), UNKNOWN_FOUND: "none",
                                                               HABITS: [PC_CODE_PRIVATE]})}
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
