"""KA102 password habits, table-driven over its answers (today is 2026-11-28 in these tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from kakaoaudit.api import Context, Severity, Status
from kakaoaudit.checks.password_hygiene import HABITS, LAST_CHANGED, MANAGER, NOT_REUSED, PasswordHabits
from kakaoaudit.core.questions import UNSURE

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

NOT_REUSED_ONLY, MANAGER_ONLY, BOTH, NEITHER = (NOT_REUSED,), (MANAGER,), (NOT_REUSED, MANAGER), ()


def run(make_ctx: Callable[..., Context], answers: dict[str, Any]) -> dict[str, Any]:
    return {f.code: f for f in PasswordHabits().run(make_ctx(None, answers))}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({HABITS: BOTH, LAST_CHANGED: date(2026, 3, 1)},
         {"not-reused": Status.PASS, "manager": Status.PASS, "changed-recently": Status.PASS}),
        ({HABITS: NEITHER, LAST_CHANGED: date(2026, 11, 1)},
         {"reused": Status.FAIL, "no-manager": Status.WARN, "change-now": Status.WARN}),
        ({HABITS: NOT_REUSED_ONLY, LAST_CHANGED: date(2024, 6, 1)},
         {"not-reused": Status.PASS, "no-manager": Status.WARN, "change-due": Status.WARN}),
        ({HABITS: "unknown", LAST_CHANGED: "unknown"},
         {"reuse-unknown": Status.UNKNOWN, "manager-unknown": Status.UNKNOWN, "last-changed-unknown": Status.UNKNOWN}),
        ({HABITS: MANAGER_ONLY, LAST_CHANGED: "unknown"},
         {"reused": Status.FAIL, "manager": Status.PASS, "change-now": Status.WARN}),
        ({HABITS: (MANAGER, UNSURE), LAST_CHANGED: date(2025, 11, 28)},  # exactly a year ago: not yet due
         {"reuse-unknown": Status.UNKNOWN, "manager": Status.PASS, "changed-recently": Status.PASS}),
        ({HABITS: (MANAGER, UNSURE), LAST_CHANGED: date(2025, 11, 27)},
         {"reuse-unknown": Status.UNKNOWN, "manager": Status.PASS, "change-due": Status.WARN}),
        # "I'm not sure about these": what is left out is unknown, never a pass.
        ({HABITS: (UNSURE,), LAST_CHANGED: date(2026, 3, 1)},
         {"reuse-unknown": Status.UNKNOWN, "manager-unknown": Status.UNKNOWN, "changed-recently": Status.PASS}),
        ({HABITS: (NOT_REUSED, UNSURE), LAST_CHANGED: date(2026, 3, 1)},
         {"not-reused": Status.PASS, "manager-unknown": Status.UNKNOWN, "changed-recently": Status.PASS}),
        ({}, {"reuse-unknown": Status.UNKNOWN, "manager-unknown": Status.UNKNOWN,
              "last-changed-unknown": Status.UNKNOWN}),
    ],
)
def test_findings(make_ctx: Callable[..., Context], answers: dict[str, Any], expected: dict[str, Status]) -> None:
    assert {code: f.status for code, f in run(make_ctx, answers).items()} == expected


def test_unknown_is_never_a_pass_and_says_why(make_ctx: Callable[..., Context]) -> None:
    unsure = run(make_ctx, {HABITS: "unknown", LAST_CHANGED: "unknown"})
    assert all(f.status is Status.UNKNOWN for f in unsure.values())
    assert all(f.detail is not None and "unknown" in f.detail.render("en") for f in unsure.values())
    not_sure = run(make_ctx, {HABITS: (UNSURE,), LAST_CHANGED: date(2026, 3, 1)})
    assert "unknown" in not_sure["reuse-unknown"].detail.render("en")
    unanswered = run(make_ctx, {})
    assert all(f.detail is not None and "not answered" in f.detail.render("en") for f in unanswered.values())


def test_reuse_is_high_and_cites_the_protective_measure(make_ctx: Callable[..., Context]) -> None:
    reused = run(make_ctx, {HABITS: MANAGER_ONLY, LAST_CHANGED: date(2026, 1, 1)})["reused"]
    assert reused.severity is Severity.HIGH
    assert any("cs.kakao.com/search" in ref for ref in reused.references)  # KAKAO-FACTS K6
    assert "protective measure can be triggered" in reused.detail.render("en")


def test_changing_keeps_the_article_and_states_the_standards(make_ctx: Callable[..., Context]) -> None:
    due = run(make_ctx, {HABITS: BOTH, LAST_CHANGED: date(2020, 1, 1)})["change-due"]
    assert due.note is not None and "NIST" in due.note.render("en") and "regularly" in due.note.render("en")
    assert "2020-01-01" in due.title.render("en")
    assert "regularly" in due.detail.render("en")  # the article's advice is kept


def test_every_message_is_translated(make_ctx: Callable[..., Context]) -> None:
    for answers in ({HABITS: NEITHER, LAST_CHANGED: date(2020, 1, 1)},
                    {HABITS: BOTH, LAST_CHANGED: date(2020, 1, 1)},
                    {HABITS: "unknown", LAST_CHANGED: "unknown"}):
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
