"""KA401 2-step verification, table-driven over its answers."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kakaoaudit.api import Context, Severity, Status
from kakaoaudit.checks.two_step import BACKUP_EMAIL, ENABLED, ROUTE, SMS_FILTER, TwoStepVerification
from kakaoaudit.core.answers import Answers


def run(answers: dict[str, object]) -> dict[str, tuple[Status, Severity]]:
    ctx = Context(answers=Answers(answers), now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))  # type: ignore[arg-type]
    return {f.code: (f.status, f.severity) for f in TwoStepVerification().run(ctx)}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            {ENABLED: True, ROUTE: "kakaotalk", BACKUP_EMAIL: True, SMS_FILTER: False},
            {"two-step-on": Status.PASS, "backup-email": Status.PASS, "sms-filter-ok": Status.PASS},
        ),
        (
            {ENABLED: True, ROUTE: "phone", BACKUP_EMAIL: False, SMS_FILTER: True},
            {"two-step-on": Status.PASS, "backup-email-missing": Status.WARN, "sms-filter-blocks": Status.FAIL},
        ),
        (
            {ENABLED: False, SMS_FILTER: False},
            {"two-step-off": Status.FAIL, "sms-filter-ok": Status.PASS},
        ),
        (
            {ENABLED: "unknown", SMS_FILTER: "unknown"},
            {"two-step-unknown": Status.UNKNOWN, "sms-filter-unknown": Status.UNKNOWN},
        ),
        (
            {ENABLED: True, ROUTE: "unknown", BACKUP_EMAIL: "unknown", SMS_FILTER: False},
            {"two-step-on": Status.PASS, "backup-email-unknown": Status.UNKNOWN, "sms-filter-ok": Status.PASS},
        ),
    ],
)
def test_findings(answers: dict[str, object], expected: dict[str, Status]) -> None:
    found = run(answers)
    assert {code: status for code, (status, _severity) in found.items()} == expected


def test_off_is_high_severity_and_never_pass_when_unsure() -> None:
    assert run({ENABLED: False, SMS_FILTER: False})["two-step-off"][1] is Severity.HIGH
    unsure = run({ENABLED: "unknown", SMS_FILTER: "unknown"})
    assert all(status is not Status.PASS for status, _ in unsure.values())


def test_every_finding_is_documented_and_referenced() -> None:
    ctx = Context(answers=Answers({ENABLED: False, SMS_FILTER: True}), now=lambda: datetime.now(timezone.utc))
    for finding in TwoStepVerification().run(ctx):
        assert finding.references and all(ref.startswith(("https://", "http://")) for ref in finding.references)
        assert set(finding.advice_ids) <= {"P2.1", "P3.3"}
        if finding.status is not Status.PASS:
            assert finding.advice, finding.code
        for message in (finding.title, finding.detail, *finding.advice):
            if message is not None:
                assert message.render("ja") != message.render("en"), message.msgid


def test_route_question_only_when_enabled() -> None:
    route = next(q for q in TwoStepVerification.questions if q.id == ROUTE)
    assert route.applies({ENABLED: False}) is False
    assert route.applies({ENABLED: True}) is True
