"""KA301 registered phone number, over a corpus of real-world inputs."""

from __future__ import annotations

from typing import Any

import pytest

from kakaoaudit.api import Finding, Private, Severity, Status
from kakaoaudit.checks.contacts import HOME_COUNTRY, PHONE, PHONE_CURRENT, RegisteredPhone


def phone_finding(findings: list[Finding]) -> Finding:
    (found,) = [f for f in findings if f.code.startswith("phone-") and not f.code.startswith("phone-current")
                and f.code != "phone-not-current"]
    return found


def shown_number(finding: Finding) -> Private | None:
    for _name, value in finding.title.params:
        if isinstance(value, Private):
            return value
    return None


# (raw number, home country, the number is current, code, status, E.164 shown with --no-redact)
CORPUS: list[tuple[str, str, Any, str, Status, str | None]] = [
    # mobiles
    ("010-1234-5678", "KR", True, "phone-mobile", Status.PASS, "+821012345678"),
    ("+82 10-1234-5678", "JP", True, "phone-mobile", Status.PASS, "+821012345678"),
    ("090-1234-5678", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("080-1234-5678", "JP", True, "phone-mobile", Status.PASS, "+818012345678"),
    ("070-1234-5678", "JP", True, "phone-mobile", Status.PASS, "+817012345678"),
    # full-width digits and hyphens, with and without +, brackets, spaces, the IME's long dash
    ("０９０－１２３４－５６７８", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("＋８１ ９０ １２３４ ５６７８", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("+819012345678", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("09012345678", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("(090) 1234 5678", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("090ー1234ー5678", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    ("+81 (0)90-1234-5678", "JP", True, "phone-mobile", Status.PASS, "+819012345678"),
    # VoIP: Japan 050, Korea 070 (written at home, and from abroad)
    ("050-1234-5678", "JP", True, "phone-voip", Status.FAIL, "+815012345678"),
    ("070-1234-5678", "KR", True, "phone-voip", Status.FAIL, "+827012345678"),
    ("+82 70-1234-5678", "JP", True, "phone-voip", Status.FAIL, "+827012345678"),
    # fixed lines and other numbers that take no text message
    ("03-1234-5678", "JP", True, "phone-fixed", Status.WARN, "+81312345678"),
    ("02-123-4567", "KR", True, "phone-fixed", Status.WARN, "+8221234567"),
    ("0120-123-456", "JP", True, "phone-no-sms", Status.WARN, "+81120123456"),
    # the US: mobile and landline look the same
    ("+1 650-253-0000", "JP", True, "phone-mobile-in-use", Status.PASS, "+16502530000"),
    ("(650) 253-0000", "US", False, "phone-type-unclear", Status.UNKNOWN, "+16502530000"),
    ("+1 650-253-0000", "JP", "unknown", "phone-type-unclear", Status.UNKNOWN, "+16502530000"),
    # unreadable: never a pass
    ("090-ABCD-5678", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("tel: call me", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("090-1234-5678-9999-1234-5678-1234", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("12", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("+999 1234 5678", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("010-1234-5678", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("---", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
    ("   ", "JP", True, "phone-unreadable", Status.UNKNOWN, None),
]


@pytest.mark.parametrize("case", CORPUS, ids=[f"{case[0]!r}-{case[1]}" for case in CORPUS])
def test_phone_corpus(run_check: Any, case: tuple[str, str, Any, str, Status, str | None]) -> None:
    raw, home, current, code, status, e164 = case
    found = phone_finding(run_check(RegisteredPhone, {HOME_COUNTRY: home, PHONE: raw, PHONE_CURRENT: current}))
    assert (found.code, found.status) == (code, status)
    if status is not Status.PASS:
        assert found.advice, "a problem always says what to do"
    number = shown_number(found)
    if e164 is not None:
        assert number is not None and number.value == e164
        assert e164[-2:] in number.masked and e164[3:-2] not in number.masked
        assert found.title.render("en", redact=False).count(e164) == 1
    elif number is not None:
        assert not any(ch.isdigit() for ch in number.masked[:-2])


def test_voip_is_high_and_fixed_is_medium(run_check: Any) -> None:
    voip = phone_finding(run_check(RegisteredPhone, {PHONE: "050-1234-5678", PHONE_CURRENT: True}))
    fixed = phone_finding(run_check(RegisteredPhone, {PHONE: "03-1234-5678", PHONE_CURRENT: True}))
    assert voip.severity is Severity.HIGH and fixed.severity is Severity.MEDIUM
    assert voip.points == 0 and fixed.points == fixed.max_points // 2


def test_home_country_defaults_to_japan(run_check: Any) -> None:
    found = phone_finding(run_check(RegisteredPhone, {PHONE: "090-1234-5678", PHONE_CURRENT: True}))
    assert shown_number(found) == Private("+819012345678", "+81 **-****-**78")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("090-ABCD-5678", "letters"),
        ("12", "too few digits"),
        ("+999 1234 5678", "country code after '+' does not exist"),
        ("010-1234-5678", "not a valid number"),
        ("090-1234-5678-9999-1234-5678-1234", "longer than any phone number"),
    ],
)
def test_unreadable_says_why(run_check: Any, raw: str, reason: str) -> None:
    found = phone_finding(run_check(RegisteredPhone, {PHONE: raw, PHONE_CURRENT: True}))
    assert found.detail is not None and reason in found.detail.render("en")


def test_a_foreign_number_without_its_country_code_gets_a_hint(run_check: Any) -> None:
    found = phone_finding(run_check(RegisteredPhone, {HOME_COUNTRY: "JP", PHONE: "010-1234-5678",
                                                      PHONE_CURRENT: True}))
    hint = found.advice[0].render("en")
    assert "South Korea (KR)" in hint and "+82" in hint
    # Country names are written in the language the audit runs in.
    in_japanese = phone_finding(run_check(RegisteredPhone, {PHONE: "010-1234-5678", PHONE_CURRENT: True},
                                          lang="ja"))
    assert "韓国（KR）" in in_japanese.advice[0].render("ja")


def test_only_possible_and_valid_are_told_apart(run_check: Any) -> None:
    # "invalid" has a possible length; "too_short" has not: the reasons say which.
    possible = phone_finding(run_check(RegisteredPhone, {PHONE: "010-1234-5678", PHONE_CURRENT: True}))
    impossible = phone_finding(run_check(RegisteredPhone, {PHONE: "12", PHONE_CURRENT: True}))
    assert possible.detail is not None and "its length is possible" in possible.detail.render("en")
    assert impossible.detail is not None and "its length is possible" not in impossible.detail.render("en")


@pytest.mark.parametrize(
    ("current", "code", "status"),
    [
        (True, "phone-current", Status.PASS),
        (False, "phone-not-current", Status.FAIL),
        ("unknown", "phone-current-unknown", Status.UNKNOWN),
    ],
)
def test_current_number(run_check: Any, current: Any, code: str, status: Status) -> None:
    findings = run_check(RegisteredPhone, {PHONE: "090-1234-5678", PHONE_CURRENT: current})
    found = {f.code: f for f in findings}
    assert found[code].status is status
    if status is Status.FAIL:
        advice = " ".join(a.render("en") for a in found[code].advice)
        assert "linked" in advice  # C3: linked services should match
        assert found[code].detail is not None and "ID document" in found[code].detail.render("en")  # S3


def test_questions_are_the_shared_ones() -> None:
    from kakaoaudit.core.questions import QType

    questions = {q.id: q for q in RegisteredPhone.questions}
    assert questions[HOME_COUNTRY].type is QType.COUNTRY and questions[HOME_COUNTRY].default == "JP"
    assert questions[PHONE].type is QType.PHONE and not questions[PHONE].allow_unknown
    # Yes, no or "I don't know": never read from a box left unticked.
    assert questions[PHONE_CURRENT].type is QType.BOOL and questions[PHONE_CURRENT].allow_unknown


def test_no_sms_promise_for_a_number_that_is_not_the_phone_in_use(run_check: Any) -> None:
    """F8: a mobile number is not "able to receive Kakao's SMS" next to "not the phone you use now"."""
    current = phone_finding(run_check(RegisteredPhone, {PHONE: "090-1234-5678", PHONE_CURRENT: True}))
    old = phone_finding(run_check(RegisteredPhone, {PHONE: "090-1234-5678", PHONE_CURRENT: False}))
    assert current.detail is not None and "verification codes" in current.detail.render("en")
    assert old.code == "phone-mobile" and old.detail is None
