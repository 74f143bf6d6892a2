"""KA101 password strength, table-driven over passwords and answers."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from kakaoaudit.api import Context, Finding, Msg, Severity, Status
from kakaoaudit.checks.password_strength import PasswordStrength
from kakaoaudit.core.secret import SamplePassword

PROFILE: dict[str, Any] = {
    "profile.nickname": "山田 花子, Hanako",
    "profile.kakao_id": "sunny_88",
    "profile.birth_date": date(1990, 5, 12),
    "profile.home_country": "JP",
    "contacts.phone": "090-7392-0156",
    "contacts.email": "flower.tanaka@example.com",
    "security.two_step.enabled": True,
}


def run(make_ctx: Callable[..., Context], password: Any, **answers: Any) -> dict[str, Finding]:
    values = {**PROFILE, **{key.replace("__", "."): value for key, value in answers.items()}}
    findings = list(PasswordStrength().run(make_ctx(password, values)))
    codes = [finding.code for finding in findings]
    assert len(codes) == len(set(codes))
    return {finding.code: finding for finding in findings}


def statuses(found: dict[str, Finding]) -> dict[str, Status]:
    return {code: finding.status for code, finding in found.items()}


@pytest.mark.parametrize(
    ("password", "answers", "expected"),
    [
        # The demo's sample: weak, the birth year inside, 10 characters with 2-step on, no symbols.
        ("sakura1990", {}, {"strength-weak": Status.FAIL, "personal-info": Status.FAIL, "length-ok": Status.PASS,
                            "composition-missing": Status.WARN}),
        ("Hanako0512!", {}, {"strength-fair": Status.WARN, "personal-info": Status.FAIL, "length-ok": Status.PASS,
                             "composition-mixed": Status.PASS}),
        ("tR9#kq2!Lm", {"security__two_step__enabled": False},
         {"strength-strong": Status.PASS, "no-personal-info": Status.PASS, "length-single-factor": Status.WARN,
          "composition-mixed": Status.PASS}),
        ("tR9#kq2!Lm", {"security__two_step__enabled": "unknown"},
         {"strength-strong": Status.PASS, "no-personal-info": Status.PASS, "length-single-factor": Status.WARN,
          "composition-mixed": Status.PASS}),
        ("correct horse battery staple", {}, {"strength-strong": Status.PASS, "no-personal-info": Status.PASS,
                                              "length-ok": Status.PASS, "composition-missing": Status.WARN}),
        ("abc1!", {}, {"strength-weak": Status.FAIL, "no-personal-info": Status.PASS, "length-short": Status.FAIL,
                       "composition-mixed": Status.PASS}),
        # zxcvbn knows no Japanese or Korean words (it rates these strong or fair): the era year and
        # the service's Korean name are still found.
        ("さくら平成2年の春", {}, {"personal-info": Status.FAIL, "length-ok": Status.PASS,
                            "composition-missing": Status.WARN}),
        ("비밀번호카카오톡", {}, {"personal-info": Status.FAIL, "length-ok": Status.PASS,
                          "composition-missing": Status.WARN}),
        ("Moon-River-73920156", {}, {"personal-info": Status.FAIL, "length-ok": Status.PASS,
                                     "composition-mixed": Status.PASS}),
        ("🦊🌙🍵🎋🚲🗻🐙🎐🪁🧊🪷🫖🐢🪐🌵", {}, {"strength-strong": Status.PASS, "no-personal-info": Status.PASS,
                                    "length-ok": Status.PASS, "composition-missing": Status.WARN}),
        ("Granite-Violin-Teacup-Harbor-" * 4, {}, {"strength-strong": Status.PASS, "no-personal-info": Status.PASS,
                                                    "length-ok": Status.PASS, "composition-missing": Status.WARN}),
        ("tR9#kq2!Lm-x", {"profile__birth_date": "unknown"},
         {"strength-strong": Status.PASS, "personal-info-unchecked": Status.UNKNOWN, "length-ok": Status.PASS,
          "composition-mixed": Status.PASS}),
        ("", {}, {"empty": Status.UNKNOWN}),
    ],
)
def test_findings(make_ctx: Callable[..., Context], password: str, answers: dict[str, Any],
                  expected: dict[str, Status]) -> None:
    found = statuses(run(make_ctx, password, **answers))
    for code, status in expected.items():
        assert found.get(code) == status, (code, found)
    # Exactly one of each group: strength, personal, length, composition (or only "empty").
    assert len(found) == (1 if password == "" else 4)


def test_severities_and_points(make_ctx: Callable[..., Context]) -> None:
    found = run(make_ctx, "sakura1990")
    assert found["strength-weak"].severity is Severity.HIGH and found["strength-weak"].points == 0
    assert found["personal-info"].severity is Severity.HIGH
    assert found["composition-missing"].severity is Severity.LOW
    strong = run(make_ctx, "Granite-Violin-Teacup-Harbor")
    assert strong["strength-strong"].points == strong["strength-strong"].max_points


def test_personal_info_names_the_kinds_never_the_values(make_ctx: Callable[..., Context]) -> None:
    finding = run(make_ctx, "hanako19900512")["personal-info"]
    title = finding.title.render("en")
    assert "birth date" in title and "name" in title
    assert "生年月日" in finding.title.render("ja")
    assert len(finding.advice) >= 3  # one line per kind, then what to do


def test_the_personal_context_lowers_the_estimate(make_ctx: Callable[..., Context]) -> None:
    weak = run(make_ctx, "Hanako0512!")["strength-fair"]
    bare = {finding.code: finding for finding in PasswordStrength().run(make_ctx("Hanako0512!", {}))}
    assert "strength-strong" in bare  # without the user's details zxcvbn rates it strong
    assert "2 of 4" in weak.title.render("en")


def test_a_long_password_says_only_72_characters_were_scored(make_ctx: Callable[..., Context]) -> None:
    detail = run(make_ctx, "Granite-Violin-Teacup-Harbor-" * 4)["strength-strong"].detail
    assert detail is not None and "72" in detail.render("en")
    short = run(make_ctx, "Granite-Violin-Teacup-Harbor")["strength-strong"].detail
    assert short is not None and "72" not in short.render("en")


def test_two_step_decides_the_length_verdict(make_ctx: Callable[..., Context]) -> None:
    on = run(make_ctx, "tR9#kq2!Lm")["length-ok"]
    off = run(make_ctx, "tR9#kq2!Lm", security__two_step__enabled=False)["length-single-factor"]
    assert on.note is not None and "15" in on.note.render("en")
    assert off.advice and "15" in off.advice[0].render("en")
    # Without KA401's answer at all: the password is treated as the only factor.
    values = {k: v for k, v in PROFILE.items() if k != "security.two_step.enabled"}
    codes = {f.code for f in PasswordStrength().run(make_ctx("tR9#kq2!Lm", values))}
    assert "length-single-factor" in codes


def test_the_demo_sample_is_labelled(make_ctx: Callable[..., Context]) -> None:
    found = {f.code: f for f in PasswordStrength().run(make_ctx(SamplePassword("sakura1990"), PROFILE))}
    detail = found["strength-weak"].detail
    assert detail is not None and "sample" in detail.render("en")
    own = run(make_ctx, "sakura1990")["strength-weak"].detail
    assert own is not None and "sample" not in own.render("en")


def _messages(finding: Finding) -> list[Msg]:
    return [m for m in (finding.title, finding.detail, finding.note, *finding.advice) if m is not None]


@pytest.mark.parametrize(
    "password",
    ["Zebra-Quartz-7781", "kakao-zebra-1990", "ゼブラクオーツ7781", "zq", "Zebra-Quartz-7781-" * 5, ""],
)
def test_no_finding_contains_the_password(make_ctx: Callable[..., Context], password: str) -> None:
    for finding in PasswordStrength().run(make_ctx(password, PROFILE)):
        blob = json.dumps([m.to_json() for m in _messages(finding)], ensure_ascii=False)
        blob += "".join(m.render(lang) for m in _messages(finding) for lang in ("en", "ja", "ko"))
        if len(password) >= 2:
            assert password not in blob
        for piece in ("Zebra", "Quartz", "ゼブラ"):
            assert piece not in blob


def test_every_message_is_translated_and_referenced(make_ctx: Callable[..., Context]) -> None:
    cases = ["sakura1990", "tR9#kq2!Lm", "correct horse battery staple", "abc", ""]
    for password in cases:
        for finding in PasswordStrength().run(make_ctx(password, {**PROFILE, "security.two_step.enabled": False})):
            assert finding.references and all(ref.startswith(("https://", "http://")) for ref in finding.references)
            assert set(finding.advice_ids) <= {"P2.2", "P2.3"}
            if finding.status is not Status.PASS:
                assert finding.advice, finding.code
            for message in _messages(finding):
                assert message.render("ja") != message.render("en"), message.msgid
                assert message.render("ko") != message.render("en"), message.msgid


def test_zxcvbn_failure_is_unknown_never_pass(make_ctx: Callable[..., Context],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import zxcvbn

    monkeypatch.setattr(zxcvbn, "zxcvbn", lambda *args, **kwargs: 1 / 0)
    found = run(make_ctx, "tR9#kq2!Lm")
    assert found["strength-unavailable"].status is Status.UNKNOWN
    assert found["strength-unavailable"].advice
