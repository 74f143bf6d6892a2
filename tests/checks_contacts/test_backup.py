"""KA303 backup contacts: registered, valid, different from the main ones, usable without the phone."""

from __future__ import annotations

from typing import Any

import pytest

from kakaoaudit.api import Status
from kakaoaudit.checks.contacts import (
    BACKUP_EMAIL,
    BACKUP_KIND,
    BACKUP_PHONE,
    BACKUP_REACHABLE,
    EMAIL,
    HOME_COUNTRY,
    PHONE,
    BackupContacts,
)

MAIN = {PHONE: "090-1234-5678", EMAIL: "taro@example.com"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({BACKUP_KIND: "none"}, {"backup-none": Status.FAIL}),
        ({BACKUP_KIND: "unknown"}, {"backup-unknown": Status.UNKNOWN}),
        (
            {BACKUP_KIND: "email", BACKUP_EMAIL: "taro.backup@example.net", BACKUP_REACHABLE: True},
            {"backup-email": Status.PASS, "backup-reachable": Status.PASS},
        ),
        (
            {BACKUP_KIND: "email", BACKUP_EMAIL: "Taro@EXAMPLE.com", BACKUP_REACHABLE: True},
            {"backup-email-same": Status.FAIL, "backup-reachable": Status.PASS},
        ),
        (
            {BACKUP_KIND: "email", BACKUP_EMAIL: "taro@", BACKUP_REACHABLE: "unknown"},
            {"backup-email-unreadable": Status.UNKNOWN, "backup-reachable-unknown": Status.UNKNOWN},
        ),
        (
            {BACKUP_KIND: "email", BACKUP_EMAIL: "", BACKUP_REACHABLE: True},
            {"backup-email-unreadable": Status.UNKNOWN, "backup-reachable": Status.PASS},
        ),
        (
            {BACKUP_KIND: "phone", BACKUP_PHONE: "080-9876-5432", BACKUP_REACHABLE: False},
            {"backup-phone": Status.PASS, "backup-needs-phone": Status.WARN},
        ),
        (
            # the same number, written another way
            {BACKUP_KIND: "phone", BACKUP_PHONE: "+81 90 1234 5678", BACKUP_REACHABLE: True},
            {"backup-phone-same": Status.FAIL, "backup-reachable": Status.PASS},
        ),
        (
            {BACKUP_KIND: "phone", BACKUP_PHONE: "050-1111-2222", BACKUP_REACHABLE: True},
            {"backup-phone-no-sms": Status.WARN, "backup-reachable": Status.PASS},
        ),
        (
            {BACKUP_KIND: "phone", BACKUP_PHONE: "090-ABCD-5678", BACKUP_REACHABLE: True},
            {"backup-phone-unreadable": Status.UNKNOWN, "backup-reachable": Status.PASS},
        ),
        (
            {BACKUP_KIND: "both", BACKUP_EMAIL: "hanako@example.org", BACKUP_PHONE: "+82 10-1234-5678",
             BACKUP_REACHABLE: True},
            {"backup-email": Status.PASS, "backup-phone": Status.PASS, "backup-reachable": Status.PASS},
        ),
    ],
)
def test_backup(run_check: Any, raw: dict[str, Any], expected: dict[str, Status]) -> None:
    findings = run_check(BackupContacts, {**MAIN, **raw})
    assert {f.code: f.status for f in findings} == expected
    for finding in findings:
        if finding.status is not Status.PASS:
            assert finding.advice, finding.code


def test_a_backup_number_is_read_in_the_home_country(run_check: Any) -> None:
    # 010-... is a Korean mobile with home KR, and not a number at all with home JP.
    raw = {BACKUP_KIND: "phone", BACKUP_PHONE: "010-9876-5432", BACKUP_REACHABLE: True}
    assert "backup-phone" in {f.code for f in run_check(BackupContacts, {**MAIN, HOME_COUNTRY: "KR", **raw})}
    assert "backup-phone-unreadable" in {f.code for f in run_check(BackupContacts, {**MAIN, **raw})}


def test_without_main_contacts_a_backup_is_still_checked(run_check: Any) -> None:
    raw = {PHONE: "", EMAIL: "", BACKUP_KIND: "email", BACKUP_EMAIL: "taro@example.com", BACKUP_REACHABLE: True}
    assert "backup-email" in {f.code for f in run_check(BackupContacts, raw)}


def test_follow_up_questions_only_when_relevant() -> None:
    questions = {q.id: q for q in BackupContacts.questions}
    assert questions[BACKUP_EMAIL].applies({BACKUP_KIND: "both"}) is True
    assert questions[BACKUP_EMAIL].applies({BACKUP_KIND: "phone"}) is False
    assert questions[BACKUP_PHONE].applies({BACKUP_KIND: "email"}) is False
    for kind in ("none", "unknown"):
        assert questions[BACKUP_REACHABLE].applies({BACKUP_KIND: kind}) is False
    assert [c.value for c in questions[BACKUP_KIND].choices] == ["email", "phone", "both", "none"]
    assert questions[BACKUP_KIND].allow_unknown and questions[BACKUP_REACHABLE].allow_unknown
