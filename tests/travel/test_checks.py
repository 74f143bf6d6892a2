"""The travel checks KA601-KA609, table-driven over their answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kakaoaudit.api import Check, Severity, Status
from kakaoaudit.checks.travel_backup import BACKUP_ON, ChatBackup
from kakaoaudit.checks.travel_codes import ROAMING, SIM_PLAN, CodesAbroad, SignInWithoutPhoneNumber
from kakaoaudit.checks.travel_country import CountryLoginList
from kakaoaudit.checks.travel_network import VPN_EXIT, VPN_USED, WIFI_PLAN, PublicWifi, VpnExitCountry
from kakaoaudit.checks.travel_shared import (
    ALLOWED_COUNTRIES,
    BACKUP_KIND,
    BACKUP_REACHABLE,
    CHAT_BACKUP,
    COUNTRY_RESTRICTION,
    TWO_STEP,
    TWO_STEP_ROUTE,
)
from kakaoaudit.checks.travel_stay import DOCUMENTS, LONG_STAY, IdentityDocuments, LongStay
from kakaoaudit.checks.travel_support import SupportFromAbroad
from kakaoaudit.core.model import Phase
from kakaoaudit.travel.trip import TravelCheck, trip_of

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

ON = {COUNTRY_RESTRICTION: True}
#: A departure within the 14 days a chat backup can reportedly be restored.
SOON = date(2026, 12, 8)
ALL_CHECKS = (CountryLoginList, CodesAbroad, SignInWithoutPhoneNumber, VpnExitCountry, PublicWifi, LongStay,
              IdentityDocuments, ChatBackup, SupportFromAbroad)

CASES: list[tuple[type[Check], dict[str, Any], dict[str, str]]] = [
    # KA601 the destination among the allowed countries (K7: at most 3).
    (CountryLoginList, {COUNTRY_RESTRICTION: "unknown"}, {"restriction-unknown": "unknown"}),
    # Off scores nothing for the trip (it must never raise the travel score), and is no pass.
    (CountryLoginList, {COUNTRY_RESTRICTION: False}, {"restriction-off": "warn"}),
    (CountryLoginList, {**ON, ALLOWED_COUNTRIES: "unknown"}, {"list-unknown": "unknown"}),
    (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "TW")}, {"destination-allowed": "pass"}),
    # Not listed: reportedly approved (and added) at the first sign-in there (K7).
    (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP",)}, {"destination-missing": "warn"}),
    (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "US")}, {"destination-missing": "warn"}),
    (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "US", "FR")}, {"list-full": "fail"}),
    (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "US", "FR", "DE")}, {"list-full": "fail"}),
    # Korea as destination; Korea as home country.
    (CountryLoginList, {**ON, "travel.destination": "KR", ALLOWED_COUNTRIES: ("JP", "KR")},
     {"destination-allowed": "pass"}),
    (CountryLoginList, {**ON, "profile.home_country": "KR", "travel.destination": "JP", ALLOWED_COUNTRIES: ("KR",)},
     {"destination-missing": "warn"}),
    # KA602 codes by text message abroad (K12).
    (CodesAbroad, {SIM_PLAN: "unknown"}, {"sim-unknown": "unknown"}),
    (CodesAbroad, {SIM_PLAN: "local_sim"}, {"local-sim": "fail"}),
    (CodesAbroad, {SIM_PLAN: "home_sim", ROAMING: True}, {"roaming-on": "pass"}),
    (CodesAbroad, {SIM_PLAN: "dual_sim", ROAMING: True}, {"roaming-on": "pass"}),
    (CodesAbroad, {SIM_PLAN: "home_sim", ROAMING: False}, {"roaming-off": "fail"}),
    (CodesAbroad, {SIM_PLAN: "dual_sim", ROAMING: "unknown"}, {"roaming-unknown": "unknown"}),
    # KA603 routes without text messages (K8).
    # The backup email of 2-step verification is the backup contact (asked once, KA303).
    (SignInWithoutPhoneNumber, {TWO_STEP: True, TWO_STEP_ROUTE: "kakaotalk", BACKUP_KIND: "email",
                                BACKUP_REACHABLE: True},
     {"email-route": "pass", "two-step-kakaotalk": "pass"}),
    # The quick check does not ask the route: nothing is said about it.
    (SignInWithoutPhoneNumber, {TWO_STEP: True, BACKUP_KIND: "email", BACKUP_REACHABLE: True},
     {"email-route": "pass"}),
    # 2-step verification off: its part scores nothing during the trip (never left out).
    (SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "email", BACKUP_REACHABLE: True},
     {"email-route": "pass", "two-step-off": "warn"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "email", BACKUP_REACHABLE: False},
     {"no-email-route": "fail", "two-step-off": "warn"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "phone", BACKUP_REACHABLE: True},
     {"no-email-route": "fail", "two-step-off": "warn"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: "unknown", BACKUP_KIND: "unknown"}, {"email-route-unknown": "unknown"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "both", BACKUP_REACHABLE: "unknown"},
     {"email-route-unknown": "unknown", "two-step-off": "warn"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: True, TWO_STEP_ROUTE: "phone", BACKUP_KIND: "none",
                                SIM_PLAN: "local_sim"},
     {"no-email-route": "fail", "two-step-sms-abroad": "warn"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: True, TWO_STEP_ROUTE: "phone", BACKUP_KIND: "both",
                                BACKUP_REACHABLE: True, SIM_PLAN: "home_sim", ROAMING: True},
     {"email-route": "pass", "two-step-sms-ok": "pass"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: True, TWO_STEP_ROUTE: "phone", BACKUP_KIND: "email",
                                BACKUP_REACHABLE: True, SIM_PLAN: "unknown"},
     {"email-route": "pass", "two-step-sms-unknown": "unknown"}),
    (SignInWithoutPhoneNumber, {TWO_STEP: True, TWO_STEP_ROUTE: "unknown", BACKUP_KIND: "unknown"},
     {"email-route-unknown": "unknown", "two-step-route-unknown": "unknown"}),
    # KA604 a VPN abroad (O1, K17): no VPN habit earns full points; a VPN itself can trigger detection.
    (VpnExitCountry, {VPN_USED: "unknown"}, {"vpn-unknown": "unknown"}),
    (VpnExitCountry, {VPN_USED: False}, {"no-vpn": "pass"}),
    # A VPN is known to be used (the 7 points only "no VPN" earns are lost); its location is left out.
    (VpnExitCountry, {VPN_USED: True, VPN_EXIT: "unknown"}, {"vpn-used": "warn", "vpn-exit-unknown": "unknown"}),
    (VpnExitCountry, {VPN_USED: True, VPN_EXIT: "TW"}, {"vpn-exit-near": "warn"}),  # where you are
    (VpnExitCountry, {VPN_USED: True, VPN_EXIT: "JP"}, {"vpn-exit-near": "warn"}),  # home
    # Another allowed country is not proposed: KA403 asks to delete it (review F7).
    (VpnExitCountry, {**ON, ALLOWED_COUNTRIES: ("JP", "US"), VPN_USED: True, VPN_EXIT: "US"},
     {"vpn-exit-foreign": "warn"}),
    (VpnExitCountry, {VPN_USED: True, VPN_EXIT: "US"}, {"vpn-exit-foreign": "warn"}),
    (VpnExitCountry, {**ON, ALLOWED_COUNTRIES: ("JP",), VPN_USED: True, VPN_EXIT: "SG"},
     {"vpn-exit-foreign": "warn"}),
    # KA605 public Wi-Fi (O1).
    (PublicWifi, {WIFI_PLAN: "unknown"}, {"wifi-unknown": "unknown"}),
    (PublicWifi, {WIFI_PLAN: "mobile_data"}, {"mobile-data": "pass"}),
    (PublicWifi, {WIFI_PLAN: "vpn", VPN_USED: True}, {"wifi-with-vpn": "warn"}),
    # "No VPN" next to "only with a VPN on": not scored until the person says which holds (a sure answer never
    # counts for less than "don't know", which keeps the plan's VPN).
    (PublicWifi, {WIFI_PLAN: "vpn", VPN_USED: False}, {"wifi-vpn-conflict": "unknown"}),
    (PublicWifi, {WIFI_PLAN: "vpn", VPN_USED: "unknown"}, {"wifi-with-vpn": "warn"}),
    (PublicWifi, {WIFI_PLAN: "public"}, {"public-wifi": "warn"}),
    # KA606 long stay (O1): good to know, no points.
    (LongStay, {LONG_STAY: True}, {"long-stay": "info"}),
    (LongStay, {LONG_STAY: False}, {"short-trip": "info"}),
    (LongStay, {LONG_STAY: "unknown"}, {"long-stay-unknown": "unknown"}),
    # KA607 documents (O2, Q2).
    (IdentityDocuments, {DOCUMENTS: ("passport",)}, {"id-ready": "pass"}),
    (IdentityDocuments, {DOCUMENTS: ("other_id", "visa")}, {"id-ready": "pass"}),
    (IdentityDocuments, {DOCUMENTS: ()}, {"id-missing": "fail"}),
    (IdentityDocuments, {DOCUMENTS: "unknown"}, {"documents-unknown": "unknown"}),
    (IdentityDocuments, {LONG_STAY: True, DOCUMENTS: ("passport",)}, {"id-ready": "pass", "residence-missing": "warn"}),
    (IdentityDocuments, {LONG_STAY: True, DOCUMENTS: ("passport", "visa", "local_contact")},
     {"id-ready": "pass", "residence-ready": "pass"}),
    # KA608 chat backup (K13: restorable for 14 days).
    (ChatBackup, {BACKUP_ON: date(2026, 11, 24), "travel.depart": SOON}, {"backup-fresh": "pass"}),  # 14 days
    (ChatBackup, {BACKUP_ON: date(2026, 11, 23), "travel.depart": SOON}, {"backup-old": "warn"}),  # 15 days
    (ChatBackup, {BACKUP_ON: "unknown"}, {"backup-unknown": "unknown"}),
    (ChatBackup, {BACKUP_ON: date(2026, 11, 20), "travel.depart": "unknown"}, {"backup-fresh": "pass"}),
    # A departure more than 14 days away: no backup made now could still be restored then.
    (ChatBackup, {BACKUP_ON: date(2026, 11, 27)}, {"backup-later": "info"}),
    # Asked once with KA705: Talk Drawer Plus, or never backed up.
    (ChatBackup, {CHAT_BACKUP: "drawer"}, {"backup-drawer": "pass"}),
    (ChatBackup, {CHAT_BACKUP: "none"}, {"backup-none": "warn"}),
    (ChatBackup, {CHAT_BACKUP: "unknown"}, {"backup-unknown": "unknown"}),
    # KA609 support from abroad (O3, K15).
    (SupportFromAbroad, {}, {"time-difference": "info"}),
    (SupportFromAbroad, {"travel.destination": "KR"}, {"time-difference": "info"}),
    (SupportFromAbroad, {"profile.home_country": "KR", "travel.destination": "JP"}, {"time-difference": "info"}),
    (SupportFromAbroad, {"travel.destination": "US"}, {"time-differences": "info"}),
    (SupportFromAbroad, {"travel.destination": "FR", "travel.depart": date(2027, 3, 20),
                         "travel.return": date(2027, 4, 2)}, {"time-differences": "info"}),
    (SupportFromAbroad, {"travel.destination": "BV"}, {"no-zone": "info"}),
]


@pytest.mark.parametrize(("check", "change", "expected"), CASES)
def test_findings(travel: Any, check: type[Check], change: dict[str, Any], expected: dict[str, str]) -> None:
    assert travel.codes(check, change) == expected


def test_every_check_is_a_travel_check_with_sources(travel: Any) -> None:
    for check in ALL_CHECKS:
        assert issubclass(check, TravelCheck)
        assert check.id.startswith("KA6")
        assert check.references and all(url.startswith(("https://", "http://")) for url in check.references)
        # advice_ids name only the article's items the check's text delivers (KA602, KA608 rest on K12, K13).
        assert set(check.advice_ids) <= {"O1", "O2", "O3", "P3.1", "P3.3", "Q2", "R2", "S5", "S6"}
        assert check.why is not None and check.__doc__
        assert check.questions[0].id == "travel.planned"
        # Every question other than the gate is asked only on a trip.
        assert all(q.when.get("travel.planned") is True for q in check.questions[1:]), check.id


def test_every_finding_is_translated_advised_and_never_a_wrong_pass(travel: Any) -> None:
    for check, change, _expected in CASES:
        for finding in travel.run(check, change):
            if finding.status not in (Status.PASS, Status.INFO):
                assert finding.severity is not Severity.INFO or finding.status is Status.UNKNOWN
            if finding.status in (Status.FAIL, Status.WARN):
                assert finding.advice, (check.id, finding.code)
            for message in (finding.title, finding.detail, *finding.advice):
                if message is not None:
                    assert message.render("ja") != message.render("en"), message.msgid
                    assert message.render("ko") != message.render("en"), message.msgid


def test_unknown_answers_are_never_a_pass(travel: Any) -> None:
    unsure = {COUNTRY_RESTRICTION: "unknown", SIM_PLAN: "unknown", TWO_STEP: "unknown", BACKUP_KIND: "unknown",
              VPN_USED: "unknown", WIFI_PLAN: "unknown", LONG_STAY: "unknown", DOCUMENTS: "unknown",
              BACKUP_ON: "unknown"}
    for check in ALL_CHECKS[:-1]:  # KA609 needs no answer of its own
        statuses = {f.status for f in travel.run(check, unsure)}
        assert statuses == {Status.UNKNOWN}, check.id


def test_scoring_weights(travel: Any) -> None:
    assert {c.id: c.weight for c in ALL_CHECKS} == {"KA601": 20, "KA602": 20, "KA603": 15, "KA604": 15,
                                                    "KA605": 10, "KA606": 0, "KA607": 10, "KA608": 10, "KA609": 0}
    long_stay = travel.run(LongStay, {LONG_STAY: True})[0]
    assert (long_stay.points, long_stay.max_points, long_stay.points_at_stake) == (0, 0, 0)
    documents = travel.run(IdentityDocuments, {LONG_STAY: True, DOCUMENTS: ()})
    assert [f.max_points for f in documents] == [7, 3]


def test_severity_follows_the_consequence(travel: Any) -> None:
    no_sms = travel.run(SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "none", SIM_PLAN: "local_sim"})
    with_sms = travel.run(SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "none", SIM_PLAN: "home_sim",
                                                     ROAMING: True})
    assert (no_sms[0].severity, with_sms[0].severity) == (Severity.HIGH, Severity.MEDIUM)
    blocked = travel.run(VpnExitCountry, {**ON, ALLOWED_COUNTRIES: ("JP",), VPN_USED: True, VPN_EXIT: "SG"})
    open_ = travel.run(VpnExitCountry, {COUNTRY_RESTRICTION: False, VPN_USED: True, VPN_EXIT: "SG"})
    assert (blocked[0].severity, open_[0].severity) == (Severity.HIGH, Severity.MEDIUM)


def test_full_list_names_what_to_remove_but_never_the_home_country(travel: Any) -> None:
    finding = travel.run(CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "US", "FR")})[0]
    advice = finding.advice[0].render("en")
    assert "United States, France" in advice and "Japan" not in advice
    assert "台湾" in finding.title.render("ja")
    assert "대만" in finding.title.render("ko")


def test_vpn_advice_names_where_to_exit(travel: Any) -> None:
    finding = travel.run(VpnExitCountry, {**ON, ALLOWED_COUNTRIES: ("JP", "US"), VPN_USED: True, VPN_EXIT: "SG"})[0]
    # Never the United States, which KA403 asks to delete (review F7).
    assert finding.advice[0].render("en") == "Set the VPN's location to Taiwan or Japan."
    assert "mobile data" in finding.advice[1].render("en")
    # No output says that only the location matters (K17): the VPN itself can trigger detection.
    detail = finding.detail.render("en") if finding.detail else ""
    assert "can itself trigger" in detail and "Only its location" not in detail
    near = travel.run(VpnExitCountry, {VPN_USED: True, VPN_EXIT: "TW"})[0]
    assert near.points < near.max_points


def checklist(travel: Any, check: type[TravelCheck], change: dict[str, Any]) -> list[tuple[Phase, bool, str]]:
    answers = travel.answers(change)
    trip = trip_of(answers, travel.TODAY)
    findings = travel.run(check, change)
    return [(item.phase, item.done, item.text.render("en")) for item in check().checklist(answers, trip, findings)]


@pytest.mark.parametrize(
    ("check", "change", "expected"),
    [
        (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP",)},
         [(Phase.NOW, False, "Be ready to approve"), (Phase.AFTER_RETURN, False, "Delete Taiwan")]),
        (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "TW")},
         [(Phase.NOW, True, "Keep Taiwan"), (Phase.AFTER_RETURN, False, "Delete Taiwan")]),
        (CountryLoginList, {**ON, ALLOWED_COUNTRIES: ("JP", "US", "FR")},
         [(Phase.NOW, False, "Make room"), (Phase.AFTER_RETURN, False, "Delete Taiwan")]),
        (CountryLoginList, {COUNTRY_RESTRICTION: "unknown"},
         [(Phase.NOW, False, "Look whether"), (Phase.AFTER_RETURN, False, "Delete Taiwan")]),
        (CountryLoginList, {COUNTRY_RESTRICTION: False}, []),
        (CodesAbroad, {SIM_PLAN: "home_sim", ROAMING: True},
         [(Phase.NOW, True, "Make sure roaming"), (Phase.ABROAD, False, "If a verification code")]),
        (CodesAbroad, {SIM_PLAN: "local_sim"},
         [(Phase.NOW, False, "Keep your home number"), (Phase.ABROAD, False, "If a verification code")]),
        (SignInWithoutPhoneNumber, {TWO_STEP: False, BACKUP_KIND: "none"}, [(Phase.NOW, False, "Register")]),
        (VpnExitCountry, {VPN_USED: True, VPN_EXIT: "TW"},
         [(Phase.NOW, True, "Set your VPN's location"), (Phase.AFTER_RETURN, False, "Set your VPN's location back")]),
        (VpnExitCountry, {VPN_USED: True, VPN_EXIT: "JP"}, [(Phase.NOW, True, "Set your VPN's location")]),
        (VpnExitCountry, {VPN_USED: False}, [(Phase.ABROAD, False, "If you turn on a VPN")]),
        (PublicWifi, {WIFI_PLAN: "mobile_data"},
         [(Phase.ABROAD, True, "Use mobile data"), (Phase.AFTER_RETURN, False, "Look at the login history")]),
        (LongStay, {LONG_STAY: True}, [(Phase.ABROAD, False, "During the stay")]),
        (LongStay, {LONG_STAY: False}, []),
        (IdentityDocuments, {LONG_STAY: True, DOCUMENTS: ("passport", "visa", "local_contact")},
         [(Phase.NOW, True, "Save clear photos"), (Phase.NOW, True, "Keep copies")]),
        (ChatBackup, {BACKUP_ON: date(2026, 11, 1)}, [(Phase.DAY_BEFORE, False, "Back up")]),
        (ChatBackup, {BACKUP_ON: date(2026, 11, 27), "travel.depart": date(2026, 11, 28)},
         [(Phase.DAY_BEFORE, True, "Back up")]),
        (SupportFromAbroad, {},
         [(Phase.NOW, False, "Kakao's official help centre"), (Phase.ABROAD, False, "If your account is restricted"),
          (Phase.ABROAD, False, "kakaoaudit does not know Kakao's support hours"),
          (Phase.ABROAD, False, "Look for Kakao's replies")]),
    ],
)
def test_checklist(travel: Any, check: type[TravelCheck], change: dict[str, Any],
                   expected: list[tuple[Phase, bool, str]]) -> None:
    found = checklist(travel, check, change)
    assert [(phase, done) for phase, done, _text in found] == [(phase, done) for phase, done, _start in expected]
    for (_phase, _done, text), (_p, _d, start) in zip(found, expected, strict=True):
        assert text.startswith(start), text
