"""KA701-KA706 recovery readiness, table-driven over their answers."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kakaoaudit.api import Check, Severity, Status
from kakaoaudit.checks.recovery import (
    BACKUP_PASSWORD_KEPT,
    BOOKMARK,
    CHAT_BACKUP,
    CHAT_BACKUP_ON,
    HABITS,
    HOME_COUNTRY,
    ID_DOCUMENT,
    PHONE,
    ROUTE,
    AppUpdated,
    ChatBackup,
    Evidence,
    IdDocument,
    SupportRoute,
    TalkSafetyPass,
)

P, W, F, U, INFO = Status.PASS, Status.WARN, Status.FAIL, Status.UNKNOWN, Status.INFO

RECENT = {CHAT_BACKUP: "backup", CHAT_BACKUP_ON: "2026-11-20"}
OLDER = {CHAT_BACKUP: "backup", CHAT_BACKUP_ON: "2026-10"}  # a month: its first day counts

CASES: list[tuple[type[Check], dict[str, Any], dict[str, Status]]] = [
    # KA701 the official route (S1, S6, P4.1, K14)
    (SupportRoute, {ROUTE: "app"}, {"official-route": P}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://cs.kakao.com/helps"}, {"official-bookmark": P}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "cs.kakao.com/helps?locale=ja"}, {"official-bookmark": P}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://kakao-help.com/unlock"}, {"lookalike-bookmark": F}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://cs.kakao.com@evil.example/helps"},
     {"lookalike-bookmark": F}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://xn--kkao-53d.com/helps"}, {"lookalike-bookmark": F}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://kakaotalk-guide.example/"}, {"lookalike-bookmark": F}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://someblog.example/restriction"}, {"unofficial-bookmark": W}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "javascript:alert(1)"}, {"bookmark-unreadable": U}),
    (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "unknown"}, {"bookmark-unknown": U}),
    (SupportRoute, {ROUTE: "bookmark"}, {"bookmark-unknown": U}),
    (SupportRoute, {ROUTE: "search"}, {"search-route": W}),
    (SupportRoute, {ROUTE: "unlock_service"}, {"unofficial-unlock": F}),
    (SupportRoute, {ROUTE: "not_sure"}, {"no-route": W}),
    (SupportRoute, {}, {"route-unknown": U}),
    # KA702 ID document (R2, Q2, S3)
    (IdDocument, {ID_DOCUMENT: "current"}, {"id-ready": P}),
    (IdDocument, {ID_DOCUMENT: "outdated"}, {"id-outdated": W}),
    (IdDocument, {ID_DOCUMENT: "expired"}, {"id-expired": W}),
    (IdDocument, {ID_DOCUMENT: "none"}, {"no-id": W}),
    (IdDocument, {ID_DOCUMENT: "unknown"}, {"id-unknown": U}),
    (IdDocument, {}, {"id-unknown": U}),
    # KA703 evidence (C2, T3, S5)
    (Evidence, {HABITS: ["screenshots", "keep_emails"]}, {"screenshots": P, "emails-kept": P}),
    (Evidence, {HABITS: ["screenshots"]}, {"screenshots": P, "emails-not-kept": W}),
    (Evidence, {HABITS: ["app_updates"]}, {"no-screenshots": W, "emails-not-kept": W}),
    (Evidence, {HABITS: ["none"]}, {"no-screenshots": W, "emails-not-kept": W}),
    # Nothing ticked is "I don't know" ("none of these" has its own item): never a "no".
    (Evidence, {HABITS: []}, {"habits-unknown": U}),
    (Evidence, {HABITS: "unknown"}, {"habits-unknown": U}),
    (Evidence, {}, {"habits-unknown": U}),
    # KA704 app up to date (S1)
    (AppUpdated, {HABITS: ["app_updates"]}, {"app-updated": P}),
    (AppUpdated, {HABITS: ["screenshots", "keep_emails"]}, {"app-not-updated": W}),
    (AppUpdated, {HABITS: ["none"]}, {"app-not-updated": W}),
    (AppUpdated, {}, {"habits-unknown": U}),
    # KA705 chat backup (K13, K12)
    (ChatBackup, {CHAT_BACKUP: "drawer"}, {"drawer": P}),
    # 14 days before today: still recent.
    (ChatBackup, {**RECENT, CHAT_BACKUP_ON: "2026-11-14", HABITS: [BACKUP_PASSWORD_KEPT]},
     {"backup-recent": P, "backup-password-kept": P}),
    (ChatBackup, {**RECENT, HABITS: ["screenshots"]},  # left unselected: not kept, never a pass
     {"backup-recent": P, "backup-password-missing": W}),
    (ChatBackup, {**RECENT, HABITS: ["none"]}, {"backup-recent": P, "backup-password-missing": W}),
    (ChatBackup, {**OLDER, HABITS: [BACKUP_PASSWORD_KEPT]}, {"backup-old": W, "backup-password-kept": P}),
    # The habits not asked (the quick check): nothing is said about the backup's password.
    (ChatBackup, OLDER, {"backup-old": W}),
    (ChatBackup, {CHAT_BACKUP: "backup", CHAT_BACKUP_ON: "2026-11-13"}, {"backup-old": W}),  # 15 days
    (ChatBackup, {CHAT_BACKUP: "backup", CHAT_BACKUP_ON: "unknown"}, {"backup-unknown": U}),
    (ChatBackup, {CHAT_BACKUP: "none"}, {"no-backup": W}),
    (ChatBackup, {CHAT_BACKUP: "none", HABITS: [BACKUP_PASSWORD_KEPT]}, {"no-backup": W}),
    (ChatBackup, {CHAT_BACKUP: "drawer", HABITS: []}, {"drawer": P}),
    (ChatBackup, {CHAT_BACKUP: "unknown"}, {"backup-unknown": U}),
    # KA706 Talk Safety Pass (K4)
    (TalkSafetyPass, {PHONE: "010-1234-5678", HOME_COUNTRY: "KR"}, {"safety-pass-possible": INFO}),
    (TalkSafetyPass, {PHONE: "+82 10-1234-5678", HOME_COUNTRY: "JP"}, {"safety-pass-possible": INFO}),
    (TalkSafetyPass, {PHONE: "+82 70-1234-5678", HOME_COUNTRY: "JP"}, {"safety-pass-unlikely": INFO}),
    (TalkSafetyPass, {PHONE: "02-312-3456", HOME_COUNTRY: "KR"}, {"safety-pass-unlikely": INFO}),
    (TalkSafetyPass, {PHONE: "090-1234-5678", HOME_COUNTRY: "JP"}, {"safety-pass-unlikely": INFO}),
    (TalkSafetyPass, {PHONE: "０９０－１２３４－５６７８", HOME_COUNTRY: "Japan"}, {"safety-pass-unlikely": INFO}),
    (TalkSafetyPass, {PHONE: "+1 650-253-0000", HOME_COUNTRY: "JP"}, {"safety-pass-unlikely": INFO}),
    (TalkSafetyPass, {PHONE: "090-1234-5678"}, {"safety-pass-unlikely": INFO}),
    (TalkSafetyPass, {PHONE: "12", HOME_COUNTRY: "JP"}, {"safety-pass-unknown": U}),
    (TalkSafetyPass, {PHONE: "O9O-I234-5678", HOME_COUNTRY: "JP"}, {"safety-pass-unknown": U}),
    (TalkSafetyPass, {HOME_COUNTRY: "JP"}, {"safety-pass-unknown": U}),
]


@pytest.mark.parametrize(("check", "answers", "expected"), CASES,
                         ids=[f"{c.id}-{i}" for i, (c, _a, _e) in enumerate(CASES)])
def test_findings(run: Any, check: type[Check], answers: dict[str, Any], expected: dict[str, Status]) -> None:
    findings = run(check, answers)
    assert {f.code: f.status for f in findings} == expected
    assert len(findings) == len(expected), "one finding per code"


@pytest.mark.parametrize(
    ("check", "answers", "code", "severity"),
    [
        (SupportRoute, {ROUTE: "unlock_service"}, "unofficial-unlock", Severity.HIGH),
        (SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://kakao.net"}, "lookalike-bookmark", Severity.HIGH),
        (AppUpdated, {HABITS: ["none"]}, "app-not-updated", Severity.LOW),
        (TalkSafetyPass, {PHONE: "090-1234-5678", HOME_COUNTRY: "JP"}, "safety-pass-unlikely", Severity.INFO),
    ],
)
def test_severity(run: Any, check: type[Check], answers: dict[str, Any], code: str, severity: Severity) -> None:
    assert {f.code: f.severity for f in run(check, answers)}[code] is severity


def test_lookalike_bookmark_explains_why_and_points_to_the_official_centre(run: Any) -> None:
    finding = run(SupportRoute, {ROUTE: "bookmark", BOOKMARK: "https://kakao.com.evil.example/helps"})[0]
    assert finding.detail is not None
    assert "kakao.com.evil.example" in finding.title.render("en")
    assert "https://cs.kakao.com/helps" in " ".join(a.render("en") for a in finding.advice)
    assert finding.detail.render("ja") != finding.detail.render("en")


def test_talk_safety_pass_is_informational_and_says_most_likely(run: Any) -> None:
    finding = run(TalkSafetyPass, {PHONE: "090-1234-5678", HOME_COUNTRY: "JP"})[0]
    assert finding.max_points == 0 and finding.points_at_stake == 0
    assert "most likely" in finding.title.render("en")
    assert "おそらく" in finding.title.render("ja")
    assert TalkSafetyPass.weight == 0


def test_the_phone_number_is_masked_in_reports(run: Any) -> None:
    finding = run(TalkSafetyPass, {PHONE: "090-1234-5678", HOME_COUNTRY: "JP"})[0]
    rendered = finding.title.render("en")
    assert "1234" not in rendered and "78" in rendered
    assert "1234" not in json.dumps(finding.title.to_json())
    assert "1234" in finding.title.render("en", redact=False)


def test_shared_questions_match_the_contacts_checks() -> None:
    """contacts.phone and profile.home_country are declared by KA301 too: same type, same default."""
    from kakaoaudit.checks.contacts import HOME_COUNTRY_QUESTION, PHONE_QUESTION

    mine = {q.id: q for q in TalkSafetyPass.questions}
    assert (mine[PHONE].type, mine[PHONE].choices) == (PHONE_QUESTION.type, PHONE_QUESTION.choices)
    assert mine[HOME_COUNTRY].type is HOME_COUNTRY_QUESTION.type
    assert mine[HOME_COUNTRY].default == HOME_COUNTRY_QUESTION.default == "JP"


def test_follow_up_questions_are_conditional() -> None:
    bookmark = next(q for q in SupportRoute.questions if q.id == BOOKMARK)
    assert bookmark.applies({ROUTE: "bookmark"}) is True
    assert bookmark.applies({ROUTE: "app"}) is False
    # The backup password is an item of the habits question, shared by KA703, KA704 and KA705.
    shared = [q for check in (Evidence, AppUpdated, ChatBackup) for q in check.questions if q.id == HABITS]
    assert len(shared) == 3 and all(q is shared[0] for q in shared)
    assert BACKUP_PASSWORD_KEPT in shared[0].choice_values


def test_blog_only_facts_are_worded_as_reported(run: Any) -> None:
    """K13 and K12 are blog-only: 'reportedly' / 「とされています」, never Kakao policy."""
    for answers, code in (({CHAT_BACKUP: "none"}, "no-backup"),
                          ({CHAT_BACKUP: "backup", CHAT_BACKUP_ON: "2026-11-20", HABITS: ["none"]},
                           "backup-password-missing")):
        finding = next(f for f in run(ChatBackup, answers) if f.code == code)
        assert finding.detail is not None
        assert "reportedly" in finding.detail.render("en").lower()
        assert "とされています" in finding.detail.render("ja")
