"""KA501-KA506 usage habits, table-driven over their answers."""

from __future__ import annotations

from typing import Any

import pytest

from kakaoaudit.api import Check, Severity, Status
from kakaoaudit.checks.conduct import (
    ACTIVITY,
    REASONS,
    RESTRICTED,
    TERMS,
    AddingQuickly,
    Environment,
    HistoryAndReports,
    InvitesAndLinks,
    SendingVolume,
    TermsReviewed,
)

P, W, F, U = Status.PASS, Status.WARN, Status.FAIL, Status.UNKNOWN

CASES: list[tuple[type[Check], dict[str, Any], dict[str, Status]]] = [
    # KA501 sending volume (P1.1, P1.3, K3)
    (SendingVolume, {ACTIVITY: ["none"]}, {"sending-ok": P}),
    (SendingVolume, {ACTIVITY: ["none"]}, {"sending-ok": P}),
    (SendingVolume, {ACTIVITY: []}, {"sending-unknown": U}),  # nothing ticked: "I don't know", never a pass
    (SendingVolume, {ACTIVITY: ["same_message"]}, {"bulk-sending": W}),
    (SendingVolume, {ACTIVITY: ["many_messages", "none"]}, {"bulk-sending": W}),
    (SendingVolume, {ACTIVITY: ["group_invites", "many_friends"]}, {"sending-ok": P}),
    (SendingVolume, {ACTIVITY: "unknown"}, {"sending-unknown": U}),
    (SendingVolume, {}, {"sending-unknown": U}),
    # KA502 invitations and links (P1.2)
    (InvitesAndLinks, {ACTIVITY: ["none"]}, {"invites-links-ok": P}),
    (InvitesAndLinks, {ACTIVITY: ["group_invites"]}, {"mass-invites": W}),
    (InvitesAndLinks, {ACTIVITY: ["promo_links"]}, {"promo-links": W}),
    (InvitesAndLinks, {ACTIVITY: ["group_invites", "promo_links"]}, {"mass-invites": W, "promo-links": W}),
    (InvitesAndLinks, {ACTIVITY: ["same_message"]}, {"invites-links-ok": P}),
    (InvitesAndLinks, {ACTIVITY: "unknown"}, {"invites-links-unknown": U}),
    # KA503 friends and chats added quickly (K1)
    (AddingQuickly, {ACTIVITY: ["none"]}, {"adding-ok": P}),
    (AddingQuickly, {ACTIVITY: ["many_friends"]}, {"many-friends": W}),
    (AddingQuickly, {ACTIVITY: ["many_chats"]}, {"many-chats": W}),
    (AddingQuickly, {ACTIVITY: ["many_friends", "many_chats"]}, {"many-friends": W, "many-chats": W}),
    (AddingQuickly, {ACTIVITY: "unknown"}, {"adding-unknown": U}),
    # KA504 emulators and virtual numbers (K1)
    (Environment, {ACTIVITY: ["none"]}, {"environment-ok": P}),
    (Environment, {ACTIVITY: ["none"]}, {"environment-ok": P}),
    (Environment, {ACTIVITY: ["emulator"]}, {"pc-emulator": F}),
    (Environment, {ACTIVITY: ["virtual_number", "none"]}, {"virtual-number": F}),
    (Environment, {ACTIVITY: ["emulator", "virtual_number"]}, {"pc-emulator": F, "virtual-number": F}),
    # The other items of the shared activity question are not KA504's.
    (Environment, {ACTIVITY: ["same_message", "reported"]}, {"environment-ok": P}),
    (Environment, {ACTIVITY: ["many_friends", "emulator"]}, {"pc-emulator": F}),
    (Environment, {ACTIVITY: "unknown"}, {"environment-unknown": U}),
    (Environment, {}, {"environment-unknown": U}),
    # KA505 earlier restrictions and reports (Q3, K1, K2)
    (HistoryAndReports, {RESTRICTED: "never", ACTIVITY: ["none"]}, {"never-restricted": P, "not-reported": P}),
    # The reason part is always scored once there was a restriction: known (pass) or not (warn).
    (HistoryAndReports, {RESTRICTED: "once", REASONS: ["sending"], ACTIVITY: ["none"]},
     {"restricted-once": W, "reason-known": P, "not-reported": P}),
    (HistoryAndReports, {RESTRICTED: "several", REASONS: ["reports"], ACTIVITY: ["reported"]},
     {"restricted-repeatedly": W, "reason-known": P, "reported": W}),
    (HistoryAndReports, {RESTRICTED: "once", REASONS: "unknown", ACTIVITY: ["none"]},
     {"restricted-once": W, "reason-unknown": W, "not-reported": P}),
    (HistoryAndReports, {RESTRICTED: "once", REASONS: [], ACTIVITY: ["none"]},
     {"restricted-once": W, "reason-unknown": W, "not-reported": P}),
    (HistoryAndReports, {RESTRICTED: "unknown", ACTIVITY: "unknown"},
     {"restrictions-unknown": U, "reports-unknown": U}),
    (HistoryAndReports, {RESTRICTED: "never", ACTIVITY: ["reported", "same_message"]},
     {"never-restricted": P, "reported": W}),
    # KA506 terms of use (P1.4)
    (TermsReviewed, {TERMS: "recently"}, {"terms-read": P}),
    (TermsReviewed, {TERMS: "long_ago"}, {"terms-old": W}),
    (TermsReviewed, {TERMS: "never"}, {"terms-never": W}),
    (TermsReviewed, {TERMS: "unknown"}, {"terms-unknown": U}),
    (TermsReviewed, {}, {"terms-unknown": U}),
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
        (Environment, {ACTIVITY: ["emulator"]}, "pc-emulator", Severity.HIGH),
        (Environment, {ACTIVITY: ["virtual_number"]}, "virtual-number", Severity.HIGH),
        (HistoryAndReports, {RESTRICTED: "several", REASONS: ["other"], ACTIVITY: ["none"]}, "restricted-repeatedly",
         Severity.HIGH),
        (HistoryAndReports, {RESTRICTED: "once", REASONS: ["other"], ACTIVITY: ["none"]}, "restricted-once",
         Severity.MEDIUM),
        (TermsReviewed, {TERMS: "never"}, "terms-never", Severity.LOW),
    ],
)
def test_severity(run: Any, check: type[Check], answers: dict[str, Any], code: str, severity: Severity) -> None:
    assert {f.code: f.severity for f in run(check, answers)}[code] is severity


@pytest.mark.parametrize(
    ("reasons", "hint"),
    [
        (["sending"], "KA501"),
        (["adding"], "KA503"),
        (["login"], "kakaoaudit travel"),
        (["reports"], "expect your messages"),
        (["other"], "notice you received"),
    ],
)
def test_restriction_advice_follows_the_reason(run: Any, reasons: list[str], hint: str) -> None:
    findings = run(HistoryAndReports, {RESTRICTED: "once", REASONS: reasons, ACTIVITY: ["none"]})
    restricted = next(f for f in findings if f.code == "restricted-once")
    assert any(hint in advice.render("en") for advice in restricted.advice)


def test_reasons_are_asked_only_after_a_restriction() -> None:
    reasons = next(q for q in HistoryAndReports.questions if q.id == REASONS)
    assert reasons.applies({RESTRICTED: "never"}) is False
    assert reasons.applies({RESTRICTED: "unknown"}) is False
    assert reasons.applies({RESTRICTED: "once"}) is True
    assert reasons.applies({RESTRICTED: "several"}) is True


def test_the_activity_question_is_one_shared_question() -> None:
    declared = [q for check in (SendingVolume, InvitesAndLinks, AddingQuickly, Environment, HistoryAndReports)
                for q in check.questions if q.id == ACTIVITY]
    assert len(declared) == 5 and all(q is declared[0] for q in declared)


def test_texts_never_name_a_threshold(run: Any) -> None:
    """Kakao publishes no limits (K3): no finding may state a number of messages, friends or chats."""
    answers = {ACTIVITY: ["same_message", "group_invites", "promo_links", "many_friends", "many_chats", "reported",
                          "emulator", "virtual_number"], RESTRICTED: "several", REASONS: "unknown",
               TERMS: "never"}
    for check in (SendingVolume, InvitesAndLinks, AddingQuickly, Environment, HistoryAndReports, TermsReviewed):
        for finding in run(check, {k: v for k, v in answers.items() if k in {q.id for q in check.questions}}):
            for message in (finding.title, finding.detail, *finding.advice):
                if message is None:
                    continue
                text = message.render("en")
                # The only digits allowed: check IDs, "2-step verification", the 4-digit security code of K10.
                stripped = text
                for allowed in ("KA501", "KA503", "4-digit", "2-step"):
                    stripped = stripped.replace(allowed, "")
                assert not any(ch.isdigit() for ch in stripped), text
    sending = run(SendingVolume, {ACTIVITY: ["same_message"]})[0]
    assert sending.detail is not None and "does not publish" in sending.detail.render("en")
