"""The contact and security-settings checks in the whole: registry, demo profile, answers files, texts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.api import Check, Msg
from kakaoaudit.checks.contacts import BackupContacts, ContactsReview, RegisteredEmail, RegisteredPhone
from kakaoaudit.checks.country_restriction import CountryRestriction
from kakaoaudit.checks.sessions import SessionsReview
from kakaoaudit.core.questions import QType

CHECKS: tuple[type[Check], ...] = (
    RegisteredPhone, RegisteredEmail, BackupContacts, ContactsReview, SessionsReview, CountryRestriction,
)
IDS = ("KA301", "KA302", "KA303", "KA304", "KA402", "KA403")

#: The shared question ids other checks read, with their agreed types (and choices).
SHARED = {
    "profile.home_country": (QType.COUNTRY, ()),
    "contacts.phone": (QType.PHONE, ()),
    "contacts.email": (QType.EMAIL, ()),
    "contacts.phone_current": (QType.BOOL, ()),
    "contacts.email_access": (QType.BOOL, ()),
    "contacts.email_spam_checked": (QType.BOOL, ()),
    "contacts.backup.kind": (QType.CHOICE, ("email", "phone", "both", "none")),
    "contacts.backup.email": (QType.EMAIL, ()),
    "contacts.backup.phone": (QType.PHONE, ()),
    "contacts.backup.reachable_without_phone": (QType.BOOL, ()),
    "contacts.reviewed_on": (QType.DATE, ()),
    "security.sessions.reviewed_on": (QType.DATE, ()),
    "security.sessions.unknown_found": (QType.CHOICE, ("none", "logged_out", "still_there")),
    "security.pc_code_shared": (QType.BOOL, ()),
    "security.country_restriction.enabled": (QType.BOOL, ()),
    "security.country_restriction.countries": (QType.COUNTRIES, ()),
}


def test_registered_without_warnings() -> None:
    from kakaoaudit.core.registry import discover

    registry = discover()
    loaded = {entry.check.id: entry for entry in registry.checks}
    for check_id, check in zip(IDS, CHECKS, strict=True):
        assert loaded[check_id].check is check and loaded[check_id].builtin
    assert not [w for w in registry.warnings if any(i in w.render("en") for i in IDS)]


def test_shared_questions_have_the_agreed_types() -> None:
    declared = {q.id: q for check in CHECKS for q in check.questions}
    for question_id, (qtype, choices) in SHARED.items():
        assert declared[question_id].type is qtype, question_id
        assert declared[question_id].choice_values == choices, question_id
    # A question declared by two of these checks is declared the same way.
    for check in CHECKS:
        for question in check.questions:
            other = declared[question.id]
            assert (other.type, other.choice_values, other.default) == (
                question.type, question.choice_values, question.default)


def test_demo_runs_offline_with_a_mix_of_results(cli: Any, validate_report: Any) -> None:
    result = cli("demo", "--format", "json", "--no-history")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    validate_report(document)
    mine = [f for f in document["findings"] if f["check_id"] in IDS]
    assert {f["check_id"] for f in mine} == set(IDS)
    assert {"pass", "warn", "fail", "unknown"} <= {f["status"] for f in mine}
    assert "error" not in {f["status"] for f in mine}


def test_demo_answers_every_question_of_these_checks(cli: Any, tmp_path: Path) -> None:
    # The demo profile's answers, written as a file, run these checks without a single missing answer.
    sample = tmp_path / "sample.toml"
    assert cli("init", "--sample", "-o", str(sample), "--only", ",".join(IDS)).exit_code == 0
    result = cli("audit", "--answers", str(sample), "--only", ",".join(IDS), "--no-input", "--no-history",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[contacts]\nphone = "' + "0" * 65 + '"\n', "contacts.phone"),
        ("[contacts]\nphone = 9012345678\n", "contacts.phone"),
        ("[contacts]\nemail = true\n", "contacts.email"),
        ('[contacts]\nemail = "' + "a" * 330 + '@example.com"\n', "contacts.email"),
        ('[contacts.backup]\nkind = "sometimes"\n', "contacts.backup.kind"),
        ("[contacts]\nreviewed_on = 2999-01-01\n", "contacts.reviewed_on"),
        ('[security.sessions]\nunknown_found = "maybe"\n', "security.sessions.unknown_found"),
        ('[security.country_restriction]\ncountries = ["Atlantis"]\n', "security.country_restriction.countries"),
        ('[profile]\nhome_country = "Japna"\n', "profile.home_country"),
    ],
)
def test_bad_values_in_an_answers_file_are_one_clear_error(cli: Any, tmp_path: Path, toml: str, key: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    result = cli("audit", "--answers", str(path), "--only", ",".join(IDS), "--no-input", "--no-history")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert f"key '{key}'" in result.stderr


# --- Texts: every message of every finding in Japanese and Korean --------------------------------

ANSWER_SETS: list[tuple[type[Check], dict[str, Any]]] = [
    (RegisteredPhone, {"contacts.phone": p, "contacts.phone_current": c})
    for p in ("090-1234-5678", "050-1234-5678", "03-1234-5678", "0120-123-456", "+1 650-253-0000", "010-1234-5678",
              "+999 1", "abc", "")
    for c in (True, False, "unknown")
] + [
    (RegisteredEmail, {"contacts.email": e, **a})
    for e in ("taro@example.com", "山田@example.jp", "garbage", "", '"a b"@example.com', "a.@example.com", "a b@x.jp",
              "@x.jp", "a@@x.jp", "a@localhost", "ｔａｒｏ＠ｘ．ｊｐ", "a" * 250 + "@x.jp", "a@x.invalid",
              "taro@gmial.com")
    for a in ({"contacts.email_access": True, "contacts.email_spam_checked": True},
              {"contacts.email_access": True, "contacts.email_spam_checked": False},
              {"contacts.email_access": False}, {"contacts.email_access": True},
              {"contacts.email_access": "unknown", "contacts.email_spam_checked": "unknown"})
] + [
    (BackupContacts, {"contacts.phone": "090-1234-5678", "contacts.email": "taro@example.com",
                      "contacts.backup.kind": k, "contacts.backup.email": e, "contacts.backup.phone": p,
                      "contacts.backup.reachable_without_phone": r})
    for k in ("both", "none", "unknown")
    for e, p in (("x@example.org", "080-1111-2222"), ("taro@example.com", "090-1234-5678"), ("", ""),
                 ("bad", "050-1111-2222"))
    for r in (True, False, "unknown")
] + [
    (ContactsReview, {"contacts.reviewed_on": d})
    for d in ("2026-11-01", "2026-01-01", "2020-01-01", "unknown", "never", "2026-05", "2019")
] + [
    (SessionsReview, {"security.sessions.reviewed_on": d, "security.sessions.unknown_found": u,
                      "security.pc_code_shared": s})
    for d, u, s in (("2026-11-01", "none", False), ("2026-07-01", "logged_out", True),
                    ("2020-01-01", "still_there", "unknown"), ("unknown", "unknown", "unknown"),
                    ("never", "none", False))
] + [
    (CountryRestriction, {"security.country_restriction.enabled": e, "security.country_restriction.countries": c})
    for e, c in ((True, ["JP"]), (True, ["KR", "US", "TW", "CN"]), (True, ["JP", "US"]), (True, "unknown"),
                 (False, ["JP"]), ("unknown", ["JP"]))
]


def messages_of(message: Msg) -> list[Msg]:
    found = [message]
    for _name, value in message.params:
        if isinstance(value, Msg):
            found.extend(messages_of(value))
    return found


def declared_codes() -> set[str]:
    """Every finding code written in the checks' source."""
    from kakaoaudit.checks import contacts, country_restriction, sessions

    found: set[str] = set()
    for module in (contacts, sessions, country_restriction):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        found |= set(re.findall(r'"((?:phone|email|backup|contacts|sessions|pc-code|country)-[a-z-]+)"', source))
    return found


@pytest.fixture
def all_messages(run_check: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Msg]:
    """Every message the checks can produce, found by running them over the answer sets."""
    import email_validator.deliverability
    from email_validator import EmailUndeliverableError

    def undeliverable(domain: str, *args: Any, **kwargs: Any) -> Any:
        raise EmailUndeliverableError(f"The domain name {domain} does not exist.")

    runs: list[tuple[type[Check], dict[str, Any], dict[str, Any]]] = [(c, a, {}) for c, a in ANSWER_SETS]
    dns_answers = {"contacts.email": "taro@example.com", "contacts.email_access": True,
                   "contacts.email_spam_checked": False}
    found: dict[str, Msg] = {}
    codes: set[str] = set()

    def collect(check: type[Check], answers: dict[str, Any], **options: Any) -> None:
        for finding in run_check(check, answers, **options):
            codes.add(finding.code)
            for message in (finding.title, finding.detail, finding.note, *finding.advice):
                if message is not None:
                    for part in messages_of(message):
                        found[part.msgid] = part

    for check, answers, options in runs:
        collect(check, answers, **options)
    deliverable = lambda *a, **k: {"mx": [(0, "mx")]}  # noqa: E731
    timeout = lambda *a, **k: {"unknown-deliverability": "timeout"}  # noqa: E731
    for outcome in (undeliverable, deliverable, timeout):
        monkeypatch.setattr(email_validator.deliverability, "validate_email_deliverability", outcome)
        collect(RegisteredEmail, dns_answers, options={"check_dns": True})
    collect(RegisteredEmail, dns_answers, options={"check_dns": True}, offline=True)
    for check in CHECKS:
        for message in (check.title, check.why, check.fix):
            assert message is not None
            found[message.msgid] = message
        for question in check.questions:
            for message in (question.prompt, question.help, *(c.label for c in question.choices)):
                if message is not None:
                    found[message.msgid] = message
    assert codes == declared_codes()  # the answer sets reach every finding
    return found


#: Messages that only join others, such as "{why} {rule}": nothing to translate.
LAYOUT = re.compile(r"^(\{\w+\}\s*)+$")


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_every_text_is_translated(all_messages: dict[str, Msg], lang: str) -> None:
    from kakaoaudit.core.i18n import gettext_for

    for msgid, message in all_messages.items():
        if LAYOUT.match(msgid):
            continue
        translated = gettext_for(message.domain, lang).gettext(msgid)
        assert translated != msgid, f"no {lang} translation: {msgid!r}"
        assert message.render(lang, redact=True)


def test_japanese_hedges_blog_facts(all_messages: dict[str, Msg]) -> None:
    for msgid, message in all_messages.items():
        if "reportedly" in msgid.lower():
            assert "とされ" in message.render("ja"), msgid
            assert "알려져" in message.render("ko") or "다고 합니다" in message.render("ko"), msgid
