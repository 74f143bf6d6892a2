"""Top actions: what protects the account most comes first (docs/scoring.md, "Top actions").

The rule is severity, then fix before check, then the account's own protection (password, leaked
passwords, security settings, registered contacts) before habits, travel and recovery readiness,
then points at stake, then check ID; one action per check.
"""

from __future__ import annotations

import pytest

from kakaoaudit.core.i18n import translator
from kakaoaudit.core.model import Category, Finding, Severity, Status
from kakaoaudit.core.scoring import PROTECTING, CheckInfo, action_rank, score

_ = translator("kakaoaudit")


def finding(check_id: str, code: str, status: Status, severity: Severity, *, points: int = 0,
            max_points: int = 10) -> Finding:
    return Finding(check_id, code, status, severity, _("Fix"), advice=(_("Fix"),), points=points,
                   max_points=max_points)


#: A person's audit as the review found it: the account problems and the travel paperwork, with the
#: travel problems worth the most points.
PERSON = [
    (CheckInfo("KA102", _("Fix"), Category.PASSWORD, 10), finding("KA102", "reused", Status.FAIL, Severity.HIGH)),
    (CheckInfo("KA401", _("Fix"), Category.SECURITY, 15), finding("KA401", "two-step-off", Status.FAIL,
                                                                 Severity.HIGH)),
    (CheckInfo("KA301", _("Fix"), Category.CONTACTS, 15), finding("KA301", "phone-not-current", Status.FAIL,
                                                                 Severity.HIGH)),
    (CheckInfo("KA607", _("Fix"), Category.TRAVEL, 20), finding("KA607", "id-missing", Status.FAIL,
                                                                Severity.HIGH, max_points=20)),
    (CheckInfo("KA608", _("Fix"), Category.TRAVEL, 30), finding("KA608", "backup-old", Status.FAIL,
                                                                Severity.MEDIUM, max_points=30)),
]


def top(entries: list[tuple[CheckInfo, Finding]], limit: int = 5) -> list[str]:
    scored = score([info for info, _f in entries], [f for _i, f in entries])
    from kakaoaudit.core.scoring import top_actions

    return [a.code for a in top_actions(scored.checks, [f for _i, f in entries], limit=limit)]


def test_account_protection_comes_before_travel_paperwork() -> None:
    # Among the account's problems, more points first (15, 15 by check ID, then 10).
    assert top(PERSON) == ["phone-not-current", "two-step-off", "reused", "id-missing", "backup-old"]
    assert set(top(PERSON, limit=3)) == {"reused", "two-step-off", "phone-not-current"}


def test_a_breached_password_is_first_whatever_the_points() -> None:
    breached = (CheckInfo("KA201", _("Fix"), Category.BREACH, 5),
                finding("KA201", "breached", Status.FAIL, Severity.CRITICAL, max_points=1))
    assert top([*PERSON, breached])[0] == "breached"


def test_the_order_does_not_depend_on_the_input_order() -> None:
    assert top(list(reversed(PERSON))) == top(PERSON)


def test_severity_before_status_before_category_before_points() -> None:
    high_warn_account = action_rank(finding("KA303", "w", Status.WARN, Severity.HIGH), Category.CONTACTS, 5)
    high_fail_travel = action_rank(finding("KA601", "f", Status.FAIL, Severity.HIGH), Category.TRAVEL, 20)
    medium_fail_account = action_rank(finding("KA401", "m", Status.FAIL, Severity.MEDIUM), Category.SECURITY, 50)
    high_fail_account_few = action_rank(finding("KA101", "a", Status.FAIL, Severity.HIGH), Category.PASSWORD, 1)
    assert sorted([medium_fail_account, high_warn_account, high_fail_travel, high_fail_account_few]) == [
        high_fail_account_few, high_fail_travel, high_warn_account, medium_fail_account]


@pytest.mark.parametrize("category", list(Category))
def test_protecting_categories(category: Category) -> None:
    expected = category in (Category.PASSWORD, Category.BREACH, Category.SECURITY, Category.CONTACTS)
    assert (category in PROTECTING) is expected


def test_passes_and_unknowns_are_never_actions() -> None:
    entries = [
        (CheckInfo("KA101", _("Fix"), Category.PASSWORD, 10),
         finding("KA101", "ok", Status.PASS, Severity.INFO, points=10)),
        (CheckInfo("KA401", _("Fix"), Category.SECURITY, 10), finding("KA401", "u", Status.UNKNOWN,
                                                                     Severity.CRITICAL)),
    ]
    assert top(entries) == []
