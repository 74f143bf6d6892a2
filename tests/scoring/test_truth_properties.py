"""A score that says what it knows, and one story per report, over many generated answer sets.

Monotonic by construction (docs/scoring.md): each check scores fixed parts; a protection switched off
scores nothing in every part that depends on it and is never left out; "I don't know" leaves a part out;
the travel checks are scored apart from the account. These properties hold it, for answer sets drawn
from the registry's questions and their choices:

* switching any protection off never raises the total score or a category score;
* answering "don't know" never scores higher than the safe answer (with safe answers to its follow-ups);
* planning a trip never raises the account's score;
* no pair of findings of the same report contradicts itself; informational items carry no points;
* a finding cites only sources of the facts it states.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kakaoaudit.core import claims
from kakaoaudit.core.countries import name as country_name
from kakaoaudit.core.facts import FACT_URLS, claims_in, sources_in
from kakaoaudit.core.model import Finding, Report, Status
from kakaoaudit.core.questions import UNKNOWN


def _helpers() -> Any:
    spec = importlib.util.spec_from_file_location("kakaoaudit_answer_sets", Path(__file__).with_name("answer_sets.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_sets = _helpers()
TODAY, Scores, audit, candidates, follow_ups, questions = (
    _sets.TODAY, _sets.Scores, _sets.audit, _sets.candidates, _sets.follow_ups, _sets.questions)

RECENT, LONG_AGO = TODAY - timedelta(days=30), TODAY - timedelta(days=400)

#: (question, the protective answer, the same protection switched off). Items of "select all that apply"
#: questions are switched off by leaving them out (`ITEMS_ON`) or, for risky habits, by ticking them (`ITEMS_OFF`).
TOGGLES: tuple[tuple[str, Any, Any], ...] = (
    ("security.two_step.enabled", True, False),
    ("password.reused", False, True),
    ("password.manager", True, False),
    ("security.pc_code_shared", False, True),
    ("contacts.phone_current", True, False),
    ("contacts.email_access", True, False),
    ("contacts.email_spam_checked", True, False),
    ("security.sms_filter_blocks_kakao", False, True),
    ("security.country_restriction.enabled", True, False),
    ("security.sessions.reviewed_on", RECENT, LONG_AGO),
    ("security.sessions.unknown_found", "none", "logged_out"),
    ("security.sessions.unknown_found", "logged_out", "still_there"),
    ("contacts.backup.kind", "both", "email"),
    ("contacts.backup.kind", "both", "phone"),
    ("contacts.backup.kind", "email", "none"),
    ("contacts.backup.kind", "phone", "none"),
    ("contacts.backup.reachable_without_phone", True, False),
    ("contacts.reviewed_on", RECENT, LONG_AGO),
    ("password.last_changed", RECENT, LONG_AGO),
    ("conduct.terms_read", "recently", "long_ago"),
    ("conduct.terms_read", "long_ago", "never"),
    ("conduct.restricted_before", "never", "once"),
    ("conduct.restricted_before", "once", "several"),
    ("recovery.support_route", "app", "search"),
    ("recovery.support_route", "search", "unlock_service"),
    ("recovery.id_document", "current", "outdated"),
    ("recovery.id_document", "current", "expired"),
    ("recovery.id_document", "expired", "none"),
    ("recovery.chat_backup", "drawer", "none"),
    ("recovery.chat_backup", "backup", "none"),
    ("recovery.chat_backup_on", TODAY, LONG_AGO),
    ("travel.roaming", True, False),
    ("travel.sim_plan", "home_sim", "local_sim"),
    ("travel.vpn.used", False, True),
    ("travel.public_wifi_plan", "mobile_data", "vpn"),
    ("travel.public_wifi_plan", "vpn", "public"),
)
ITEMS_ON: tuple[tuple[str, str], ...] = (
    ("recovery.habits", "screenshots"), ("recovery.habits", "keep_emails"), ("recovery.habits", "app_updates"),
    ("recovery.habits", "backup_password_kept"),
    ("travel.documents", "passport"), ("travel.documents", "other_id"), ("travel.documents", "visa"),
    ("travel.documents", "local_contact"),
)
ITEMS_OFF: tuple[tuple[str, str], ...] = tuple(
    ("conduct.recent_activity", item) for item in ("same_message", "many_messages", "group_invites", "promo_links",
                                                   "many_friends", "many_chats", "reported", "emulator",
                                                   "virtual_number"))

#: The safe answer of every question that allows "I don't know" (follow-ups included). Values that depend on
#: other answers (the home country, the trip) are filled in by `safe_value`.
SAFE: Mapping[str, Any] = {
    "profile.nickname": "Hanako Yamada",
    "profile.kakao_id": "",
    "profile.birth_date": TODAY.replace(year=1990, month=5, day=12),
    "password.reused": False,
    "password.manager": True,
    "password.last_changed": RECENT,
    "contacts.phone_current": True,
    "contacts.email_access": True,
    "contacts.email_spam_checked": True,
    "contacts.backup.kind": "both",
    "contacts.backup.email": "hana.backup@example.org",
    "contacts.backup.phone": "+81 80-9876-5432",
    "contacts.backup.reachable_without_phone": True,
    "contacts.reviewed_on": RECENT,
    "security.two_step.enabled": True,
    "security.two_step.route": "kakaotalk",
    "security.pc_code_shared": False,
    "security.sms_filter_blocks_kakao": False,
    "security.sessions.reviewed_on": RECENT,
    "security.sessions.unknown_found": "none",
    "security.country_restriction.enabled": True,
    "security.country_restriction.countries": None,  # the home country, and the trip's destination
    "conduct.recent_activity": ("none",),
    "conduct.restricted_before": "never",
    "conduct.restriction_reasons": ("sending",),
    "conduct.terms_read": "recently",
    "travel.depart": TODAY + timedelta(days=3),
    "travel.return": TODAY + timedelta(days=70),
    "travel.sim_plan": "home_sim",
    "travel.roaming": True,
    "travel.vpn.used": False,
    "travel.vpn.exit_country": None,  # the home country
    "travel.public_wifi_plan": "mobile_data",
    "travel.long_stay": False,
    "travel.documents": ("passport", "other_id", "visa", "local_contact"),
    "recovery.help_bookmark": "https://cs.kakao.com/helps",
    "recovery.id_document": "current",
    "recovery.chat_backup": "drawer",
    "recovery.chat_backup_on": TODAY,
    "recovery.habits": ("screenshots", "keep_emails", "app_updates", "backup_password_kept"),
}

UNKNOWABLE = tuple(q.id for q in questions() if q.allow_unknown)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def safe_value(question_id: str, values: Mapping[str, Any]) -> Any:
    home = values.get("profile.home_country") or "JP"
    if question_id == "security.country_restriction.countries":
        trip = values.get("travel.destination") if values.get("travel.planned") is True else None
        return tuple(dict.fromkeys(code for code in (home, trip) if code))
    if question_id == "travel.vpn.exit_country":
        return home
    return SAFE[question_id]


def assert_not_higher(lower: Report, higher: Report, what: str) -> None:
    """Neither the total nor any category of `lower` is above `higher`'s."""
    low, high = Scores.of(lower), Scores.of(higher)
    if low.total is not None and high.total is not None:
        assert low.total <= high.total, f"{what}: total {high.total} -> {low.total}"
    for category, score in low.categories.items():
        other = high.categories.get(category)
        if score is not None and other is not None:
            assert score <= other, f"{what}: {category} {other} -> {score}"
        elif score is not None:
            assert score == 0, f"{what}: {category} not assessed -> {score}"


def test_every_question_that_allows_dont_know_has_a_safe_answer() -> None:
    assert set(UNKNOWABLE) <= set(SAFE), f"add the safe answer of {sorted(set(UNKNOWABLE) - set(SAFE))} to SAFE"
    assert {question for question, _on, _off in TOGGLES} <= {q.id for q in questions()}
    assert {question for question, _item in ITEMS_ON + ITEMS_OFF} <= {q.id for q in questions()}


def _found_vpn_conflict() -> dict[str, Any]:
    """The answer set this property found (2026-12-05): "no VPN abroad" next to "public Wi-Fi only with a VPN
    on" scored the Wi-Fi plan as public Wi-Fi as it is (3 of 10), while "don't know" about the VPN let it
    score 6: travel 87 for the sure answer, 90 for "don't know". KA605 now leaves the conflict unscored."""
    unknown = (
        "password.reused", "password.last_changed", "contacts.email_access", "contacts.backup.kind",
        "contacts.backup.reachable_without_phone", "contacts.reviewed_on", "security.two_step.enabled",
        "security.sessions.unknown_found", "security.country_restriction.enabled",
        "security.country_restriction.countries", "conduct.recent_activity", "conduct.restricted_before",
        "conduct.terms_read", "travel.return", "travel.vpn.used", "travel.vpn.exit_country", "travel.documents",
        "recovery.id_document")
    recent = TODAY - timedelta(days=2)
    return {
        **dict.fromkeys(unknown, UNKNOWN),
        "contacts.phone": "090-1234-5678", "profile.home_country": "JP", "contacts.email": "hanako@example.com",
        "profile.nickname": "Hanako Yamada", "profile.birth_date": recent, "profile.kakao_id": "Hanako Yamada",
        "password.manager": False, "contacts.phone_current": False, "contacts.email_spam_checked": False,
        "contacts.backup.email": "hanako@example.com", "contacts.backup.phone": "090-1234-5678",
        "security.two_step.route": "kakaotalk", "security.sms_filter_blocks_kakao": False,
        "security.sessions.reviewed_on": recent, "security.pc_code_shared": False,
        "conduct.restriction_reasons": (), "travel.planned": True, "travel.destination": "TW",
        "travel.depart": TODAY + timedelta(days=3), "travel.sim_plan": "home_sim", "travel.roaming": True,
        "travel.public_wifi_plan": "vpn", "travel.long_stay": False, "recovery.chat_backup": "drawer",
        "recovery.chat_backup_on": recent, "recovery.support_route": "app",
        "recovery.help_bookmark": "https://cs.kakao.com/helps", "recovery.habits": (),
    }


def _found_backup_toggle() -> dict[str, Any]:
    """The answer set this property found (2026-12-05): a trip with little prepared (travel 28) and a chat backup
    of unknown date (KA608 unknown, left out); "no backup" instead scored KA608 half its points, raising
    travel to 30. No backup now scores 0, as KA705 scores it."""
    return {
        **_found_vpn_conflict(),
        "security.two_step.enabled": False, "security.country_restriction.enabled": False,
        "security.country_restriction.countries": (), "travel.roaming": False, "travel.vpn.used": False,
        "travel.vpn.exit_country": "JP", "travel.public_wifi_plan": "mobile_data", "travel.documents": (),
        "recovery.chat_backup_on": UNKNOWN,
    }


@SETTINGS
@given(values=candidates(), toggle=st.sampled_from(TOGGLES))
@example(values=_found_backup_toggle(), toggle=("recovery.chat_backup", "backup", "none"))
def test_switching_a_protection_off_never_raises_a_score(values: dict[str, Any], toggle: tuple[str, Any, Any]) -> None:
    question, on, off = toggle
    assert_not_higher(audit({**values, question: off}), audit({**values, question: on}), f"{question} {on} -> {off}")


@SETTINGS
@given(values=candidates(), toggle=st.sampled_from(ITEMS_ON + ITEMS_OFF))
def test_leaving_out_a_good_habit_or_ticking_a_risky_one_never_raises_a_score(
        values: dict[str, Any], toggle: tuple[str, str]) -> None:
    question, item = toggle
    ticked = values[question] if isinstance(values[question], tuple) else ()
    with_item, without = (*dict.fromkeys((*ticked, item)),), tuple(x for x in ticked if x != item)
    good, bad = (with_item, without) if toggle in ITEMS_ON else (without, with_item)
    assert_not_higher(audit({**values, question: bad}), audit({**values, question: good}), f"{question}: {item}")


@SETTINGS
@given(values=candidates(), question=st.sampled_from(UNKNOWABLE))
@example(values=_found_vpn_conflict(), question="travel.vpn.used")
# Also found (2026-12-05): "don't know" about 2-step verification left out its backup email part, which "on"
# scores (missing: 2 of 5), security 100 -> 92; a VPN of unknown location left the whole VPN part out, which
# a known location scores (8 of 15), travel 57 -> 56.
@example(values={**_found_vpn_conflict(), "contacts.backup.kind": "phone", "security.two_step.route": UNKNOWN,
                 "security.pc_code_shared": False, "security.sms_filter_blocks_kakao": False},
         question="security.two_step.enabled")
@example(values={**_found_vpn_conflict(), "travel.vpn.used": True, "travel.public_wifi_plan": "mobile_data"},
         question="travel.vpn.exit_country")
def test_dont_know_never_scores_higher_than_the_safe_answer(values: dict[str, Any], question: str) -> None:
    safe = {**values, question: safe_value(question, values)}
    for follow_up in follow_ups(question):
        safe[follow_up] = safe_value(follow_up, safe)
    assert_not_higher(audit({**values, question: UNKNOWN}), audit(safe), f"{question}: unknown vs safe")


@SETTINGS
@given(values=candidates())
def test_planning_a_trip_never_raises_the_accounts_score(values: dict[str, Any]) -> None:
    without, with_trip = audit({**values, "travel.planned": False}), audit({**values, "travel.planned": True})
    assert without.score == with_trip.score
    assert without.coverage == with_trip.coverage
    for category, score in Scores.of(without).categories.items():
        if category != "travel":
            assert Scores.of(with_trip).categories[category] == score


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "known, not fixed: KA403 exempts the trip's destination from the allowed list only when a trip is planned, "
    "so a list of home + destination scores 5 of 5 with the trip and 2 of 5 without it. Scoring the destination "
    "as any extra country instead breaks 'don't know never scores above the safe answer' (home + destination "
    "is the only list safe for both the account and the trip's readiness, KA601); see the closing note of "
    "2026-12-05. Remove this marker when a fix makes it pass."))
def test_known_planning_a_trip_with_its_destination_allowed_keeps_the_accounts_score() -> None:
    values = {**_found_vpn_conflict(), "profile.home_country": "US", "security.country_restriction.enabled": True,
              "security.country_restriction.countries": ("TW", "US")}
    without, with_trip = audit({**values, "travel.planned": False}), audit({**values, "travel.planned": True})
    assert Scores.of(without).categories["security"] == Scores.of(with_trip).categories["security"]


# ------------------------------------------------------------------------------------------- one story


def codes(report: Report) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report.findings:
        found.setdefault(finding.check_id, set()).add(finding.code)
    return found


def has(found: dict[str, set[str]], check: str, *names: str) -> bool:
    return bool(found.get(check, set()) & set(names))


#: Pairs of findings that contradict each other: never in the same report.
NEVER_TOGETHER: tuple[tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]], ...] = (
    (("KA401", ("two-step-off",)), ("KA603", ("two-step-kakaotalk", "two-step-sms-ok", "two-step-sms-abroad"))),
    (("KA401", ("two-step-on",)), ("KA603", ("two-step-off",))),
    (("KA401", ("two-step-on",)), ("KA101", ("length-single-factor",))),
    (("KA403", ("country-restriction-off",)), ("KA601", ("destination-allowed", "destination-missing", "list-full"))),
    (("KA403", ("country-restriction-on",)), ("KA601", ("restriction-off",))),
    (("KA602", ("roaming-on",)), ("KA603", ("two-step-sms-abroad",))),
    (("KA602", ("local-sim", "roaming-off")), ("KA603", ("two-step-sms-ok",))),
    (("KA604", ("no-vpn",)), ("KA605", ("wifi-with-vpn",))),
    (("KA705", ("drawer", "no-backup")), ("KA705", ("backup-password-kept", "backup-password-missing"))),
    (("KA303", ("backup-none",)), ("KA303", ("backup-reachable", "backup-needs-phone"))),
)


def text(message: Any) -> str:
    return "" if message is None else message.render("en")


def every_text(finding: Finding) -> list[Any]:
    return [finding.title, finding.detail, *finding.advice, finding.note]


@SETTINGS
@given(values=candidates())
def test_no_finding_contradicts_another_of_the_same_report(values: dict[str, Any]) -> None:
    report = audit(values)
    found = codes(report)
    for (check_a, codes_a), (check_b, codes_b) in NEVER_TOGETHER:
        assert not (has(found, check_a, *codes_a) and has(found, check_b, *codes_b)), (check_a, codes_a, check_b,
                                                                                      codes_b)
    # A code by email without the phone, while the report says there is no such email (KA303, KA401).
    if has(found, "KA603", "email-route"):
        assert not (has(found, "KA303", "backup-none", "backup-needs-phone")
                    and has(found, "KA401", "backup-email-missing", "two-step-off"))
    by_key = {(f.check_id, f.code): f for f in report.findings}
    # The VPN advice never proposes a country that KA403 asks to delete (review F7).
    extra = by_key.get(("KA403", "country-list-extra"))
    vpn = [f for f in report.findings if f.check_id == "KA604"]
    if extra is not None and vpn:
        listed = values["security.country_restriction.countries"]
        home = values["profile.home_country"]
        trip = values["travel.destination"] if values["travel.planned"] else None
        for code in set(listed) - {home, trip}:
            for finding in vpn:
                assert country_name(code, "en") not in " ".join(text(a) for a in finding.advice), code
    # "Long enough" is about the length only, next to a weak strength (F9); the email's format, not the mailbox (F12).
    for finding in report.findings:
        if (finding.check_id, finding.code) == ("KA101", "length-ok"):
            assert "long enough" in text(finding.title) and "length only" in text(finding.detail)
        if (finding.check_id, finding.code) == ("KA302", "email-valid"):
            assert "valid format" in text(finding.title) and "valid address" not in text(finding.title)


@SETTINGS
@given(values=candidates())
def test_information_is_never_scored_and_a_scored_finding_has_points_at_stake(values: dict[str, Any]) -> None:
    for finding in audit(values).findings:
        if finding.status is Status.INFO:
            assert finding.points == finding.max_points == 0, finding
        elif finding.status.scored:
            assert finding.max_points > 0, f"{finding.check_id} {finding.code}: scored with 0/0 points"


@SETTINGS
@given(values=candidates())
def test_a_finding_cites_only_the_sources_of_what_it_states(values: dict[str, Any]) -> None:
    for finding in audit(values).findings:
        stated = set(sources_in(every_text(finding)))
        cited = {url for url in finding.references if url in FACT_URLS}
        assert cited <= stated, f"{finding.check_id} {finding.code} cites {sorted(cited - stated)}"
        # and what it states, it cites (the article's items have no URL of their own)
        assert stated <= set(finding.references), f"{finding.check_id} {finding.code} omits {stated - cited}"


@SETTINGS
@given(values=candidates())
def test_talk_safety_pass_is_worded_the_same_as_in_the_triage(values: dict[str, Any]) -> None:
    """KA706 states the K4 claims the triage notes state: "most likely cannot"; a Korean number only "may"."""
    for finding in audit(values).findings:
        if finding.check_id == "KA706" and finding.status is Status.INFO:
            said = set(claims_in(every_text(finding)))
            assert claims.SAFETY_PASS in said
            assert said & {claims.SAFETY_PASS_OTHER_NUMBER, claims.SAFETY_PASS_KOREAN_NUMBER}


@pytest.mark.parametrize("kind", ["both", "email", "phone"])
def test_the_follow_ups_of_a_backup_are_its_own(kind: str) -> None:
    assert follow_ups("contacts.backup.kind") == {"contacts.backup.email", "contacts.backup.phone",
                                                  "contacts.backup.reachable_without_phone"}
    assert "security.two_step.route" in follow_ups("security.two_step.enabled")
