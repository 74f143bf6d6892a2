"""Contacts reach reports masked: a canary phone number and email never appear in full unless --no-redact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.formats import FORMATS

# Canaries: numbers and addresses that appear nowhere else in kakaoaudit.
ANSWERS = """
[profile]
home_country = "JP"

[contacts]
phone = "０９０－２７１８－２８１８"
email = "Zq.Canary.7f3@Canary-Mail.jp"
phone_current = false
email_access = true
email_spam_checked = false
reviewed_on = 2024-01-01

[contacts.backup]
kind = "both"
email = "backup.canary.9x@canary-mail.jp"
phone = "080-3141-5926"
reachable_without_phone = false
"""

#: What must never be shown when masked: any run of the hidden digits, the local parts and the domain.
SECRETS = ("27182818", "2718-2818", "2718", "9027182818", "31415926", "3141-5926", "3141",
           "zq.canary", "Zq.Canary", "canary.7f3", "backup.canary", "canary.9x", "canary-mail", "Canary-Mail")
MASKED = ("+81 **-****-**18", "Zq***@ca*********.jp", "+81 **-****-**26", "ba***@ca*********.jp")
FULL = ("+819027182818", "Zq.Canary.7f3@canary-mail.jp", "+818031415926", "backup.canary.9x@canary-mail.jp")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


def audit(cli: Any, answers: Path, fmt: str, *extra: str) -> str:
    # The table's whole report (on the screen it is the short view: titles only, no details).
    full = ("--full",) if fmt == "table" else ()
    result = cli("audit", "--answers", str(answers), "--only", "contacts", "--no-input", "--no-history",
                 "--format", fmt, *full, *extra)
    assert result.exit_code == 0, result.stderr
    # Markdown escapes "*" as "\\*": compare the text without escapes.
    return (result.stdout + result.stderr).replace("\\", "")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reports_show_only_masked_contacts(cli: Any, answers: Path, fmt: str) -> None:
    text = audit(cli, answers, fmt)
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into the {fmt} report"
    # The masked forms are there (they hold nothing that HTML escapes: only * + - @ . and letters).
    for masked in MASKED:
        assert masked in text, f"{masked!r} missing from the {fmt} report"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_redact_shows_them_in_full(cli: Any, answers: Path, fmt: str) -> None:
    text = audit(cli, answers, fmt, "--no-redact")
    for full in FULL:
        assert full in text, f"{full!r} missing from the {fmt} report with --no-redact"


def test_json_keeps_masked_values_in_its_message_parameters(cli: Any, answers: Path, validate_report: Any) -> None:
    result = cli("audit", "--answers", str(answers), "--only", "contacts", "--no-input", "--no-history",
                 "--format", "json")
    document = result.json()
    validate_report(document)
    params = [
        value
        for finding in document["findings"]
        for message in (finding["i18n"]["title"], finding["i18n"]["detail"], *finding["i18n"]["advice"])
        if message
        for value in message["params"].values()
        if isinstance(value, str)
    ]
    assert set(MASKED) <= set(params)
    for value in params:
        assert not any(secret in value for secret in SECRETS), value
    codes = {f["code"]: f["status"] for f in document["findings"]}
    assert codes["phone-mobile"] == "pass" and codes["phone-not-current"] == "fail"
    assert codes["backup-email"] == "pass" and codes["backup-phone"] == "pass"
