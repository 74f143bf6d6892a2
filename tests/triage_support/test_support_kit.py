"""The support kit: subject lines, the draft's content, masking and warnings, in ja, en and ko."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from typing import Any

import pytest

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.questions import looks_secret
from kakaoaudit.triage.restriction import Moment, Started, resolve_place
from kakaoaudit.triage.support_kit import QUESTIONS, build, document, subject, to_json

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
HOME: dict[str, Any] = {
    "profile.home_country": "JP",
    "contacts.phone": "090-1234-5678",
    "contacts.email": "hanako.yamada@example.com",
    "triage.symptoms": ("stuck_sending",),
    "triage.notice_kind": "identity_verification",
    "triage.notice_text": "本人確認が必要です。",
    "support.steps_tried": ("waited",),
    "support.name": "山田 花子",
    "support.inquiry_number": "",
    "support.device": "iPhone 13",
    "support.os_version": "iOS 18.1",
    "support.app_version": "25.9.0",
    "support.contact_email": "hanako.backup@example.net",
    "support.abroad": False,
}
ABROAD: dict[str, Any] = {**HOME, "support.abroad": True, "support.local_country": "US",
                          "support.local_phone": "+1 650-253-0000", "support.inquiry_number": "KR-1"}
TOKYO = resolve_place("JP", "", NOW.date())
LA = resolve_place("US", "America/Los_Angeles", NOW.date())


def kit(values: dict[str, Any], *, lang: str = "en", abroad: bool = False, **options: Any) -> Any:
    place = LA if abroad else TOKYO
    moment = Moment(Started(date(2026, 11, 26), time(9, 30)), place)
    return build(Answers(values), moment=moment, place=place, now=NOW, lang=lang, **options)


@pytest.mark.parametrize(
    ("lang", "abroad", "reapply", "expected"),
    [
        ("ja", False, False, "利用制限解除について"),
        ("ja", True, False, "利用制限解除について（海外からの問い合わせ）"),
        ("ja", False, True, "利用制限解除について（再申請）"),
        ("ja", True, True, "利用制限解除について（海外からの問い合わせ・再申請）"),
        ("en", False, False, "About lifting a usage restriction"),
        ("en", True, False, "About lifting a usage restriction (inquiry from abroad)"),
        ("ko", False, False, "이용제한 해제 문의"),
        ("ko", True, False, "이용제한 해제 문의(해외에서 문의)"),
    ],
)
def test_subject_lines(lang: str, abroad: bool, reapply: bool, expected: str) -> None:
    assert subject(abroad=abroad, reapply=reapply).render(lang) == expected


def test_home_draft_holds_what_support_asks_for() -> None:
    body = kit(HOME).body
    for expected in ("2026-11-26 09:30 (UTC+9:00), Japan", "2026-11-26 09:30 KST (UTC+9)",
                     'Messages stay "sending" and never finish', "It asked for identity verification",
                     "> 本人確認が必要です。", "Waited for it to lift by itself", "Name: 山田 花子",
                     "090-1234-5678", "hanako.yamada@example.com", "Inquiry number: none (first inquiry)",
                     "Device: iPhone 13", "Operating system: iOS 18.1", "KakaoTalk version: 25.9.0",
                     "Email: hanako.backup@example.net"):
        assert expected in body, expected
    assert "abroad" not in body and "Time difference" not in body


def test_abroad_draft_has_the_local_contact_and_time_difference() -> None:
    result = kit(ABROAD, abroad=True)
    assert "2026-11-26 09:30 (UTC-8:00), United States (America/Los_Angeles)" in result.body
    assert "2026-11-27 02:30 KST (UTC+9)" in result.body
    assert "Local phone number: +1 650-253-0000" in result.body
    assert "Time difference: local time is 17 hours behind Korea." in result.body
    assert "Inquiry number: KR-1" in result.body
    assert result.time_difference == "local time is 17 hours behind Korea"
    assert any("visa" in line for line in result.attachments)
    assert any("email is the smoother channel" in line for line in result.how_to_send)
    assert any("check the hours, days and languages" in line for line in result.how_to_send)


def test_abroad_without_a_local_phone_asks_for_email() -> None:
    assert "Local phone number: none; please contact me by email." in kit(
        {**ABROAD, "support.local_phone": ""}, abroad=True).body


def test_redact_masks_every_contact_but_nothing_else() -> None:
    result = kit(ABROAD, abroad=True, redact=True)
    for secret in ("090-1234-5678", "hanako.yamada@example.com", "hanako.backup@example.net", "650-253-0000"):
        assert secret not in result.body
    assert "+81 **-****-**78" in result.body and "+1 ***-***-**00" in result.body
    assert "ha***@ex*****.com" in result.body
    assert "山田 花子" in result.body  # the name is not a contact: support needs it as it is


def test_missing_and_invalid_details_are_placeholders_and_warnings() -> None:
    values = {**HOME, "support.app_version": "unknown", "contacts.phone": "12", "contacts.email": "",
              "support.contact_email": "not-an-address"}
    place = TOKYO
    result = build(Answers(values), moment=None, place=place, now=NOW, lang="en", reapply=True)
    for placeholder in ("[date and time it started]", "[KakaoTalk version]", "[the previous inquiry number]",
                        "[write what you corrected]", "Registered email address: none"):
        assert placeholder in result.body
    assert len(result.warnings) == 6
    assert any("not-an-address" in warning for warning in result.warnings)
    assert result.reapply_checklist and result.subject.endswith("(re-application)")


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_every_text_is_translated(lang: str) -> None:
    result = kit(ABROAD, abroad=True, lang=lang, reapply=True)
    english = kit(ABROAD, abroad=True, lang="en", reapply=True)
    if lang != "en":
        assert result.subject != english.subject
        for mine, source in zip(result.how_to_send + result.reapply_checklist,
                                english.how_to_send + english.reapply_checklist, strict=True):
            assert mine != source
    assert re.search(r"[\u3040-\u30ff]" if lang == "ja" else r"[\uac00-\ud7a3]" if lang == "ko" else r"[A-Za-z]",
                     result.body)
    assert document(result).title


def test_questions_never_ask_for_a_secret() -> None:
    assert not [q.id for q in QUESTIONS if looks_secret(q.id)]
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))
    assert "support.local_phone" in ids and "support.contact_email" in ids and "contacts.phone" in ids


def test_json_shape() -> None:
    data = to_json(kit(ABROAD, abroad=True), tool_version="0")
    assert data["format"] == "kakaoaudit-support-kit" and data["abroad"] is True
    assert data["restriction"]["kst_earliest"] == "2026-11-27 02:30"
    assert data["reapply_checklist"] is None and data["official_url"] == "https://cs.kakao.com/helps"


def test_the_re_application_draft_names_only_the_previous_inquiry() -> None:
    """Review F11: never "follow-up of inquiry N" and "none (first inquiry)" in the same draft."""
    result = kit({**HOME, "support.inquiry_number": "JP-77"}, reapply=True)
    assert "(inquiry number: JP-77)" in result.body and "Previous inquiry number: JP-77" in result.body
    assert "first inquiry" not in result.body
    without = kit({**HOME, "support.inquiry_number": ""}, reapply=True)
    assert "first inquiry" not in without.body and "[the previous inquiry number]" in without.body


@pytest.mark.parametrize(
    ("symptoms", "wanted", "unwanted"),
    [
        (("stuck_sending",), 'stays "sending"', "adding a friend"),
        (("cannot_add_friends",), "adding a friend", 'stays "sending"'),
        (("cannot_log_in",), "try to sign in", 'stays "sending"'),
    ],
)
def test_attachments_follow_the_symptoms(symptoms: tuple[str, ...], wanted: str, unwanted: str) -> None:
    """Review F16: a screenshot of a message stuck "sending" only when messages are stuck."""
    attachments = " ".join(kit({**HOME, "triage.symptoms": symptoms}).attachments)
    assert wanted in attachments and unwanted not in attachments


def test_a_protection_measure_alone_says_support_cannot_lift_it_early() -> None:
    """Review F2: for blocked friends or chats only, the kit says first that Kakao's system lifts it."""
    only = kit({**HOME, "triage.symptoms": ("cannot_add_friends",), "triage.notice_kind": "none"})
    assert "cannot be lifted early by hand, not even by customer service" in only.before_sending[0]
    assert not any("cannot be lifted early" in line for line in kit(HOME).before_sending)
