"""KA302 registered email, over a corpus of real-world inputs, and the DNS path (never on the network)."""

from __future__ import annotations

from typing import Any

import pytest

from kakaoaudit.api import Finding, Private, Severity, Status
from kakaoaudit.checks.contacts import EMAIL, EMAIL_ACCESS, EMAIL_SPAM_CHECKED, RegisteredEmail

SYNTAX_CODES = {"email-valid", "email-international", "email-unreadable", "email-none"}


def by_code(findings: list[Finding]) -> dict[str, Finding]:
    return {f.code: f for f in findings}


def syntax_finding(findings: list[Finding]) -> Finding:
    (found,) = [f for f in findings if f.code in SYNTAX_CODES]
    return found


def shown_address(finding: Finding) -> Private | None:
    return next((value for _name, value in finding.title.params if isinstance(value, Private)), None)


BASE = {EMAIL_ACCESS: True, EMAIL_SPAM_CHECKED: True}

# (raw address, code, status, the normalised address shown with --no-redact, a word of the reason)
CORPUS: list[tuple[str, str, Status, str | None, str | None]] = [
    ("taro@example.com", "email-valid", Status.PASS, "taro@example.com", None),
    ("Taro@Example.COM", "email-valid", Status.PASS, "Taro@example.com", None),  # upper case domain normalised
    ("  taro@example.com  ", "email-valid", Status.PASS, "taro@example.com", None),  # spaces around
    ("taro@例え.jp", "email-valid", Status.PASS, "taro@例え.jp", None),  # IDN domain
    ("taro@xn--r8jz45g.jp", "email-valid", Status.PASS, "taro@例え.jp", None),  # the same in punycode
    ("taro@ＥＸＡＭＰＬＥ.jp", "email-valid", Status.PASS, "taro@example.jp", None),  # full-width domain, IDNA-mapped
    ("山田@example.jp", "email-international", Status.WARN, "山田@example.jp", None),  # Unicode local part
    ("jürgen@example.de", "email-international", Status.WARN, "jürgen@example.de", None),
    ('"john doe"@example.com', "email-unreadable", Status.UNKNOWN, None, "quotation marks"),
    ("taro.@example.com", "email-unreadable", Status.UNKNOWN, None, "dot"),
    (".taro@example.com", "email-unreadable", Status.UNKNOWN, None, "dot"),
    ("taro@example.com.", "email-unreadable", Status.UNKNOWN, None, "dot"),
    ("taro..yamada@example.com", "email-unreadable", Status.UNKNOWN, None, "dot"),
    ("tar o@example.com", "email-unreadable", Status.UNKNOWN, None, "space"),
    ("taro@exa mple.com", "email-unreadable", Status.UNKNOWN, None, "space"),
    ("garbage", "email-unreadable", Status.UNKNOWN, None, "no @"),
    ("taro@@example.com", "email-unreadable", Status.UNKNOWN, None, "more than one @"),
    ("@example.com", "email-unreadable", Status.UNKNOWN, None, "nothing before the @"),
    ("taro@localhost", "email-unreadable", Status.UNKNOWN, None, "not a complete domain"),
    ("taro@example.invalid", "email-unreadable", Status.UNKNOWN, None, "reserved"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "email-unreadable", Status.UNKNOWN, None, "full-width"),
    ("a" * 250 + "@example.com", "email-unreadable", Status.UNKNOWN, None, "longer than an email address"),
    ("", "email-none", Status.WARN, None, None),
    ("   ", "email-none", Status.WARN, None, None),
]


@pytest.mark.parametrize("case", CORPUS, ids=[repr(case[0])[:40] for case in CORPUS])
def test_email_corpus(run_check: Any, case: tuple[str, str, Status, str | None, str | None]) -> None:
    raw, code, status, normalized, reason = case
    found = syntax_finding(run_check(RegisteredEmail, {EMAIL: raw, **BASE}))
    assert (found.code, found.status) == (code, status)
    if status is not Status.PASS:
        assert found.advice
    address = shown_address(found)
    if normalized is not None:
        assert address is not None and address.value == normalized
        assert normalized.split("@")[0] not in address.masked or len(normalized.split("@")[0]) == 1
    if reason is not None:
        assert found.detail is not None and reason in found.detail.render("en")


def test_no_email_skips_the_mailbox_questions(run_check: Any) -> None:
    findings = run_check(RegisteredEmail, {EMAIL: ""})
    assert [f.code for f in findings] == ["email-none"]


@pytest.mark.parametrize(
    ("access", "spam", "expected"),
    [
        (True, True, {"email-access": Status.PASS, "email-spam-checked": Status.PASS}),
        (True, False, {"email-access": Status.PASS, "email-spam-unchecked": Status.WARN}),
        # The spam folder matters only for a mailbox that may open.
        (False, True, {"email-no-access": Status.FAIL}),
        (False, None, {"email-no-access": Status.FAIL}),
        ("unknown", "unknown", {"email-access-unknown": Status.UNKNOWN, "email-spam-unknown": Status.UNKNOWN}),
        (True, "unknown", {"email-access": Status.PASS, "email-spam-unknown": Status.UNKNOWN}),
        # Not asked (the quick check leaves the spam folder to --full): nothing is said about it.
        (True, None, {"email-access": Status.PASS}),
        (None, None, {"email-access-unknown": Status.UNKNOWN}),
    ],
)
def test_mailbox_questions(run_check: Any, access: Any, spam: Any, expected: dict[str, Status]) -> None:
    raw: dict[str, Any] = {EMAIL: "taro@example.com"}
    if access is not None:
        raw[EMAIL_ACCESS] = access
    if spam is not None:
        raw[EMAIL_SPAM_CHECKED] = spam
    found = {f.code: f.status for f in run_check(RegisteredEmail, raw) if f.code not in SYNTAX_CODES}
    assert found == expected


def test_no_access_is_high(run_check: Any) -> None:
    found = by_code(run_check(RegisteredEmail, {EMAIL: "taro@example.com", EMAIL_ACCESS: False}))
    assert found["email-no-access"].severity is Severity.HIGH


# --- DNS: only with --check-dns; never the real network in tests ----------------------------------


class FakeDeliverability:
    """Stands in for email-validator's DNS lookup and records the domains asked for."""

    def __init__(self, outcome: str) -> None:
        self.outcome = outcome
        self.domains: list[str] = []

    def __call__(self, domain: str, domain_i18n: str, timeout: Any = None, dns_resolver: Any = None) -> Any:
        from email_validator import EmailUndeliverableError

        self.domains.append(domain)
        if self.outcome == "no-domain":
            raise EmailUndeliverableError(f"The domain name {domain_i18n} does not exist.")
        if self.outcome == "dns-error":
            raise EmailUndeliverableError("There was an error while checking if the domain name in the email "
                                          "address is deliverable: SERVFAIL")
        if self.outcome == "timeout":
            return {"unknown-deliverability": "timeout"}
        if self.outcome == "crash":
            raise OSError("no resolv.conf")
        return {"mx": [(10, "mx.example.net")], "mx_fallback_type": None}


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> Any:
    import email_validator.deliverability

    def install(outcome: str) -> FakeDeliverability:
        fake = FakeDeliverability(outcome)
        monkeypatch.setattr(email_validator.deliverability, "validate_email_deliverability", fake)
        return fake

    return install


@pytest.mark.parametrize(
    ("outcome", "code", "status"),
    [
        ("ok", "email-domain-ok", Status.PASS),
        ("no-domain", "email-undeliverable", Status.FAIL),
        ("dns-error", "email-domain-unknown", Status.UNKNOWN),
        ("timeout", "email-domain-unknown", Status.UNKNOWN),
        ("crash", "email-domain-unknown", Status.UNKNOWN),
    ],
)
def test_dns_only_with_check_dns(run_check: Any, fake_dns: Any, outcome: str, code: str, status: Status) -> None:
    fake = fake_dns(outcome)
    findings = by_code(run_check(RegisteredEmail, {EMAIL: "Taro@Example.COM", **BASE}, options={"check_dns": True}))
    assert fake.domains == ["example.com"]
    assert findings[code].status is status
    # The address itself is fine either way: the syntax finding stays a pass.
    assert findings["email-valid"].status is Status.PASS


def test_no_dns_without_the_option(run_check: Any, fake_dns: Any) -> None:
    fake = fake_dns("no-domain")
    for options in ({}, {"check_dns": False}, {"check_dns": "yes"}):
        findings = run_check(RegisteredEmail, {EMAIL: "taro@example.com", **BASE}, options=options)
        assert not any(f.code.startswith("email-domain") or f.code == "email-undeliverable" for f in findings)
    assert fake.domains == []


def test_no_dns_when_offline(run_check: Any, fake_dns: Any) -> None:
    fake = fake_dns("ok")
    findings = by_code(run_check(RegisteredEmail, {EMAIL: "taro@example.com", **BASE},
                                 options={"check_dns": True}, offline=True))
    assert fake.domains == []
    assert findings["email-domain-skipped"].status is Status.SKIPPED


def test_no_dns_for_an_unreadable_address(run_check: Any, fake_dns: Any) -> None:
    fake = fake_dns("ok")
    findings = run_check(RegisteredEmail, {EMAIL: "garbage", **BASE}, options={"check_dns": True})
    assert fake.domains == [] and "email-unreadable" in by_code(findings)


def test_check_dns_from_the_command_line(cli: Any, fake_dns: Any, tmp_path: Any) -> None:
    fake = fake_dns("no-domain")
    answers = tmp_path / "answers.toml"
    answers.write_text('[contacts]\nemail = "taro@nosuchdomain.example"\n'
                       'email_access = true\nemail_spam_checked = true\n', encoding="utf-8")
    result = cli("audit", "--answers", str(answers), "--only", "KA302", "--check-dns", "--no-input",
                 "--no-history", "--format", "json")
    assert result.exit_code == 0, result.stderr
    findings = {f["code"]: f for f in result.json()["findings"]}
    assert findings["email-undeliverable"]["status"] == "fail"
    assert "nosuchdomain" not in result.stdout  # masked
    assert fake.domains == ["nosuchdomain.example"]
    without = cli("audit", "--answers", str(answers), "--only", "KA302", "--no-input", "--no-history",
                  "--format", "json")
    assert "email-undeliverable" not in {f["code"] for f in without.json()["findings"]}
    assert fake.domains == ["nosuchdomain.example"]
