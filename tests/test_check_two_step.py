"""KA401 2-step verification, table-driven over its answers."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.api import Context, Severity, Status
from kakaoaudit.checks.two_step import BACKUP_KIND, ENABLED, ROUTE, SMS_FILTER, TwoStepVerification
from kakaoaudit.core.answers import Answers


def run(answers: dict[str, object]) -> dict[str, tuple[Status, Severity]]:
    ctx = Context(answers=Answers(answers), now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))  # type: ignore[arg-type]
    return {f.code: (f.status, f.severity) for f in TwoStepVerification().run(ctx)}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            {ENABLED: True, ROUTE: "kakaotalk", BACKUP_KIND: "email", SMS_FILTER: False},
            {"two-step-on": Status.PASS, "backup-email": Status.PASS, "sms-filter-ok": Status.PASS},
        ),
        (
            {ENABLED: True, ROUTE: "phone", BACKUP_KIND: "phone", SMS_FILTER: True},
            {"two-step-on": Status.PASS, "backup-email-missing": Status.WARN, "sms-filter-blocks": Status.FAIL},
        ),
        (
            {ENABLED: False, SMS_FILTER: False},
            {"two-step-off": Status.FAIL, "sms-filter-ok": Status.PASS},
        ),
        (
            {ENABLED: "unknown", SMS_FILTER: "unknown"},
            {"two-step-unknown": Status.UNKNOWN, "backup-email-unknown": Status.UNKNOWN,
             "sms-filter-unknown": Status.UNKNOWN},
        ),
        # Not knowing whether it is on leaves out that part only: the backup email is known either way.
        (
            {ENABLED: "unknown", BACKUP_KIND: "phone", SMS_FILTER: False},
            {"two-step-unknown": Status.UNKNOWN, "backup-email-missing": Status.WARN, "sms-filter-ok": Status.PASS},
        ),
        (
            {ENABLED: "unknown", BACKUP_KIND: "both", SMS_FILTER: False},
            {"two-step-unknown": Status.UNKNOWN, "backup-email": Status.PASS, "sms-filter-ok": Status.PASS},
        ),
        (
            {ENABLED: True, ROUTE: "unknown", BACKUP_KIND: "unknown", SMS_FILTER: False},
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


def test_a_whole_audit_with_two_step_off(cli: Any, tmp_path: Path) -> None:
    """The demo profile's answers with 2-step verification off: the report's finding, score and top action."""
    sample = tmp_path / "on.toml"
    assert cli("init", "--sample", "-o", str(sample)).exit_code == 0
    text = sample.read_text(encoding="utf-8")
    head, table = text.split("[security.two_step]\n", 1)
    body, rest = table.split("\n[", 1)
    assert re.search(r"^enabled = true$", body, flags=re.MULTILINE)
    # Off, and the follow-up questions (asked only when it is on) left out, as a person's file would be.
    body = re.sub(r"^enabled = true$", "enabled = false", body, flags=re.MULTILINE)
    body = re.sub(r"^(route|backup_email) = .*$", "", body, flags=re.MULTILINE)
    off_file = tmp_path / "off.toml"
    off_file.write_text(head + "[security.two_step]\n" + body + "\n[" + rest, encoding="utf-8")
    args = ("--no-password", "--offline", "--no-input", "--no-history")

    on = cli("audit", "--answers", str(sample), *args, "--format", "json").json()
    result = cli("audit", "--answers", str(off_file), *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    off = result.json()

    ka401 = [f for f in off["findings"] if f["check_id"] == "KA401"]
    assert {f["code"]: (f["status"], f["severity"]) for f in ka401} == {
        "two-step-off": ("fail", "high"),
        "sms-filter-blocks": ("fail", "medium"),
    }
    (check,) = [c for c in off["checks"] if c["check_id"] == "KA401"]
    assert (check["points"], check["max_points"], check["status"]) == (0, 15, "fail")
    # The score follows: every check's points over the possible points, and lower than with 2-step on.
    account = [c for c in off["checks"] if c["category"] != "travel"]  # the trip is scored apart
    assert off["score"] == round(100 * sum(c["points"] for c in account) / sum(c["max_points"] for c in account))
    assert off["score"] < on["score"]
    security = {c["category"]: c["score"] for c in off["categories"]}["security"]
    assert security < {c["category"]: c["score"] for c in on["categories"]}["security"]
    # Turning it on is THE top action: high, and the account's own protection before the trip's.
    action = off["top_actions"][0]
    assert (action["check_id"], action["code"], action["severity"]) == ("KA401", "two-step-off", "high")
    assert 0 < action["points_at_stake"] <= check["max_points"]
    assert "2-step verification" in action["advice"]
    ranks = ["critical", "high", "medium", "low", "info"]
    severities = [ranks.index(a["severity"]) for a in off["top_actions"]]
    assert severities == sorted(severities)
    assert not any(a["code"] == "two-step-off" for a in on["top_actions"])
    # And the printed report says it.
    table = cli("audit", "--answers", str(off_file), *args).stdout
    assert "2-step verification is off" in table
def test_the_backup_email_is_read_from_the_backup_contact_question() -> None:
    """One fact, asked once: KA401's backup email is KA303's backup contact ("email" or "both")."""
    for kind, code in (("email", "backup-email"), ("both", "backup-email"), ("phone", "backup-email-missing"),
                       ("none", "backup-email-missing")):
        assert code in run({ENABLED: True, ROUTE: "phone", BACKUP_KIND: kind, SMS_FILTER: False})
    assert not any(q.id == "security.two_step.backup_email" for q in TwoStepVerification.questions)


def test_the_backup_contact_question_is_an_identical_copy_of_ka303s() -> None:
    from kakaoaudit.checks.contacts import BACKUP_KIND_QUESTION as OWNER

    [copy] = [q for q in TwoStepVerification.questions if q.id == BACKUP_KIND]
    assert (copy.type, copy.choice_values, copy.allow_unknown, copy.present) == (
        OWNER.type, OWNER.choice_values, OWNER.allow_unknown, OWNER.present)
    for lang in ("en", "ja", "ko"):
        assert copy.prompt.render(lang) == OWNER.prompt.render(lang)
        assert [c.label.render(lang) for c in copy.choices] == [c.label.render(lang) for c in OWNER.choices]
