"""KA102 password habits, table-driven over its answers (today is 2026-11-28 in these tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from kakaoaudit.api import Context, Severity, Status
from kakaoaudit.checks.password_hygiene import LAST_CHANGED, MANAGER, REUSED, PasswordHabits
from kakaoaudit.core.answer_text import RoughDate

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

# The old checklist's cases, as today's yes/no/don't-know answers.
NOT_REUSED_ONLY = {REUSED: False, MANAGER: False}
MANAGER_ONLY = {REUSED: True, MANAGER: True}
BOTH = {REUSED: False, MANAGER: True}
NEITHER = {REUSED: True, MANAGER: False}
UNSURE_BOTH = {REUSED: "unknown", MANAGER: "unknown"}


def run(make_ctx: Callable[..., Context], answers: dict[str, Any]) -> dict[str, Any]:
    return {f.code: f for f in PasswordHabits().run(make_ctx(None, answers))}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({**BOTH, LAST_CHANGED: date(2026, 3, 1)},
         {"not-reused": Status.PASS, "manager": Status.PASS, "changed-recently": Status.PASS}),
        ({**NEITHER, LAST_CHANGED: date(2026, 11, 1)},
         {"reused": Status.FAIL, "no-manager": Status.WARN, "change-now": Status.WARN}),
        ({**NOT_REUSED_ONLY, LAST_CHANGED: date(2024, 6, 1)},
         {"not-reused": Status.PASS, "no-manager": Status.WARN, "change-due": Status.WARN}),
        ({**UNSURE_BOTH, LAST_CHANGED: "unknown"},
         {"reuse-unknown": Status.UNKNOWN, "manager-unknown": Status.UNKNOWN, "last-changed-unknown": Status.UNKNOWN}),
        ({**MANAGER_ONLY, LAST_CHANGED: "unknown"},
         {"reused": Status.FAIL, "manager": Status.PASS, "change-now": Status.WARN}),
        ({REUSED: "unknown", MANAGER: True, LAST_CHANGED: date(2025, 11, 28)},  # a year ago: not yet due
         {"reuse-unknown": Status.UNKNOWN, "manager": Status.PASS, "changed-recently": Status.PASS}),
        ({REUSED: "unknown", MANAGER: True, LAST_CHANGED: date(2025, 11, 27)},
         {"reuse-unknown": Status.UNKNOWN, "manager": Status.PASS, "change-due": Status.WARN}),
        ({**UNSURE_BOTH, LAST_CHANGED: date(2026, 3, 1)},
         {"reuse-unknown": Status.UNKNOWN, "manager-unknown": Status.UNKNOWN, "changed-recently": Status.PASS}),
        ({REUSED: False, MANAGER: "unknown", LAST_CHANGED: date(2026, 3, 1)},
         {"not-reused": Status.PASS, "manager-unknown": Status.UNKNOWN, "changed-recently": Status.PASS}),
        # A rough date is its first day: "2025" is the oldest the answer can mean.
        ({**BOTH, LAST_CHANGED: RoughDate(2025)}, {"not-reused": Status.PASS, "manager": Status.PASS,
                                            "change-due": Status.WARN}),
        # The quick check asks only about reuse: the other two say nothing then.
        ({REUSED: False}, {"not-reused": Status.PASS}),
        ({REUSED: True}, {"reused": Status.FAIL, "change-now": Status.WARN}),
        ({}, {"reuse-unknown": Status.UNKNOWN}),
    ],
)
def test_findings(make_ctx: Callable[..., Context], answers: dict[str, Any], expected: dict[str, Status]) -> None:
    assert {code: f.status for code, f in run(make_ctx, answers).items()} == expected


def test_unknown_is_never_a_pass_and_says_why(make_ctx: Callable[..., Context]) -> None:
    unsure = run(make_ctx, {**UNSURE_BOTH, LAST_CHANGED: "unknown"})
    assert all(f.status is Status.UNKNOWN for f in unsure.values())
    assert all(f.detail is not None and "unknown" in f.detail.render("en") for f in unsure.values())
    unanswered = run(make_ctx, {})
    assert all(f.detail is not None and "not answered" in f.detail.render("en") for f in unanswered.values())


def test_reuse_is_high_and_cites_the_protective_measure(make_ctx: Callable[..., Context]) -> None:
    reused = run(make_ctx, {**MANAGER_ONLY, LAST_CHANGED: date(2026, 1, 1)})["reused"]
    assert reused.severity is Severity.HIGH
    assert any("cs.kakao.com/search" in ref for ref in reused.references)  # KAKAO-FACTS K6
    assert "protective measure can be triggered" in reused.detail.render("en")


def test_changing_keeps_the_article_and_states_the_standards(make_ctx: Callable[..., Context]) -> None:
    due = run(make_ctx, {**BOTH, LAST_CHANGED: date(2020, 1, 1)})["change-due"]
    assert due.note is not None and "NIST" in due.note.render("en") and "regularly" in due.note.render("en")
    assert "2020-01-01" in due.title.render("en")
    assert "regularly" in due.detail.render("en")  # the article's advice is kept


def test_every_message_is_translated(make_ctx: Callable[..., Context]) -> None:
    for answers in ({**NEITHER, LAST_CHANGED: date(2020, 1, 1)},
                    {**BOTH, LAST_CHANGED: date(2020, 1, 1)},
                    {**UNSURE_BOTH, LAST_CHANGED: "unknown"}):
        for finding in run(make_ctx, answers).values():
            assert set(finding.advice_ids) <= {"P2.4", "P2.5", "P2.6"}
            if finding.status is not Status.PASS:
                assert finding.advice, finding.code
            for message in (finding.title, finding.detail, finding.note, *finding.advice):
                if message is not None:
                    assert message.render("ja") != message.render("en"), message.msgid


def test_last_changed_refuses_future_dates() -> None:
    question = next(q for q in PasswordHabits.questions if q.id == LAST_CHANGED)
    from kakaoaudit.core.questions import AnswerValueError

    with pytest.raises(AnswerValueError):
        question.parse("2099-01-01", today=date(2026, 11, 28))
    assert question.parse("unknown") == "unknown"


def test_last_changed_takes_a_month_or_a_year() -> None:
    question = next(q for q in PasswordHabits.questions if q.id == LAST_CHANGED)
    assert question.parse("2024-05", today=date(2026, 11, 28)) == RoughDate(2024, 5)
    assert question.parse(2024, today=date(2026, 11, 28)) == RoughDate(2024)  # a bare TOML year
    assert question.parse("令和6年5月", today=date(2026, 11, 28)) == RoughDate(2024, 5)


def test_reuse_and_the_manager_are_yes_no_questions() -> None:
    """An unticked box never accuses: each is asked yes / no / don't know."""
    questions = {q.id: q for q in PasswordHabits.questions}
    for key in (REUSED, MANAGER):
        assert questions[key].type.value == "bool" and questions[key].allow_unknown
