"""`kakaoaudit triage` and `kakaoaudit support-kit` end to end: demo, answers files, errors, output, privacy."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.i18n import LANGUAGES

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

Cli = Callable[..., Any]
ANSWERS = Path(__file__).parent / "answers"
FORMATS = Path(__file__).resolve().parents[2] / "kakaoaudit" / "formats"


def schema_validator(name: str) -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads((FORMATS / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("command", ["triage", "support-kit"])
def test_both_commands_run_on_the_demo_without_a_terminal(run_cli: Cli, command: str) -> None:
    result = run_cli(command, "--demo", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    if command == "triage":
        schema_validator("triage.schema.json").validate(data)
        assert data["situation"] == "long_term"
        assert [p["id"] for p in data["detected_phrases"]] == ["identity_verification"]
    else:
        schema_validator("support_kit.schema.json").validate(data)
        assert data["subject"] == "About lifting a usage restriction"
        assert "iPhone 13" in data["body"] and "25.9.0" in data["body"] and "iOS 18.1" in data["body"]


def test_init_sample_carries_the_triage_and_support_answers(run_cli: Cli, tmp_path: Path) -> None:
    sample = tmp_path / "sample.toml"
    assert run_cli("init", "--sample", "-o", str(sample)).exit_code == 0
    document = tomllib.loads(sample.read_text(encoding="utf-8"))
    assert document["triage"]["since"] and document["support"]["device"]
    for command in ("triage", "support-kit"):
        from_file = run_cli(command, "--answers", str(sample), "--format", "json", "--no-input")
        demo = run_cli(command, "--demo", "--format", "json")
        assert from_file.exit_code == 0, from_file.stderr
        assert from_file.json() == demo.json()


def test_init_template_lists_the_command_questions_commented_out(run_cli: Cli) -> None:
    result = run_cli("init", "-o", "-")
    assert "[triage]" in result.stdout and "[support]" in result.stdout
    assert "# since = " in result.stdout and "# device = " in result.stdout
    assert run_cli("init", "--only", "KA401", "-o", "-").stdout.count("[triage]") == 0


@pytest.mark.parametrize("command", ["triage", "support-kit"])
def test_missing_answers_are_listed_without_a_terminal(run_cli: Cli, tmp_path: Path, command: str) -> None:
    answers = tmp_path / "a.toml"
    answers.write_text('[triage]\nsymptoms = ["stuck_sending"]\nnotice_kind = "other"\n', encoding="utf-8")
    result = run_cli(command, "--answers", str(answers))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    for key in ("triage.since",) + (("support.device", "support.name") if command == "support-kit" else ()):
        assert key in result.stderr
    # optional answers with a default are not required
    assert "triage.notice_text" not in result.stderr and "support.inquiry_number" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[triage]\nsince = "last tuesday"\n', "key 'triage.since': expected a date and time like"),
        ('[triage]\nsince = "2026-02-30 10:00"\n', "there is no such date"),
        ('[support]\ntime_zone = "Mars/Base"\n', "Mars/Base is not a known time zone"),
        ('[support]\npassword = "hunter2"\n', "passwords are never read from a file"),
    ],
)
def test_bad_answers_are_one_clear_line(run_cli: Cli, tmp_path: Path, content: str, message: str) -> None:
    answers = tmp_path / "a.toml"
    answers.write_text(content, encoding="utf-8")
    result = run_cli("support-kit", "--answers", str(answers), "--no-input")
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


def test_a_start_in_the_future_of_the_place_is_refused(run_cli: Cli, tmp_path: Path) -> None:
    text = (ANSWERS / "home.toml").read_text(encoding="utf-8").replace("2026-11-27 21:15", "2026-11-28 23:00")
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = run_cli("triage", "--answers", str(answers), "--no-input")
    assert result.exit_code == 2
    assert "triage.since: 2026-11-28 23:00 is in the future in Asia/Tokyo" in result.stderr


def test_demo_and_answers_together_is_a_usage_error(run_cli: Cli) -> None:
    result = run_cli("triage", "--demo", "--answers", str(ANSWERS / "home.toml"))
    assert result.exit_code == 2 and "--demo and --answers" in result.stderr


def test_several_time_zones_without_a_terminal_are_listed(run_cli: Cli, tmp_path: Path) -> None:
    text = (ANSWERS / "abroad.toml").read_text(encoding="utf-8").replace('time_zone = "America/Los_Angeles"\n', "")
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = run_cli("triage", "--answers", str(answers), "--no-input", "--format", "json")
    data = result.json()
    assert data["place"]["time_zone"] == "America/New_York"
    assert "America/Los_Angeles" in data["place"]["other_time_zones"]
    text_out = run_cli("support-kit", "--answers", str(answers), "--no-input").stdout
    assert "support.time_zone" in text_out and "America/Los_Angeles" in text_out


def test_triage_output_goes_to_the_file_only(run_cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "triage.md"
    result = run_cli("triage", "--demo", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# kakaoaudit triage")
    assert run_cli("triage", "--demo", "--output", str(tmp_path / "missing" / "t.txt")).exit_code == 2


def test_support_kit_writes_nothing_without_output(run_cli: Cli, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    home = Path(os.environ["KAKAOAUDIT_HOME"])
    before = sorted(home.rglob("*"))
    result = run_cli("support-kit", "--answers", str(ANSWERS / "home.toml"), "--no-input")
    assert result.exit_code == 0
    assert "hanako.yamada@example.com" in result.stdout
    assert "Nothing was saved" in result.stderr
    assert list(tmp_path.iterdir()) == [] and sorted(home.rglob("*")) == before


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_support_kit_output_is_exactly_the_preview(run_cli: Cli, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "draft.out"
    result = run_cli("support-kit", "--answers", str(ANSWERS / "abroad.toml"), "--no-input", "--format", fmt,
                     "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == result.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["draft.out"]  # no temporary file left behind


def _contacts_in(text: str) -> set[str]:
    """Email addresses and phone-number-like digit runs, leaving out URLs, dates and times."""
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}Z?)?)?", " ", text)
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    phones = {" ".join(m.split()) for m in re.findall(r"\+?\d[\d\- ]{7,}\d", text)}
    return emails | phones


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_nothing_sensitive_beyond_what_the_user_typed(run_cli: Cli, lang: str) -> None:
    typed = (ANSWERS / "abroad.toml").read_text(encoding="utf-8")
    for command in ("triage", "support-kit"):
        for fmt in ("markdown", "json"):
            out = run_cli("--lang", lang, command, "--answers", str(ANSWERS / "abroad.toml"), "--no-input",
                          "--format", fmt).stdout
            for found in _contacts_in(out):
                assert found in typed, (command, found)
            if command == "support-kit":  # the draft holds exactly the contacts typed
                assert {"taro.sato@example.com", "taro.backup@example.net", "+81 90-1234-5678",
                        "+1 650-253-0000"} <= _contacts_in(out)
            if command == "triage":  # the triage needs no contact at all
                assert not {"taro.sato@example.com", "+81 90-1234-5678"} & _contacts_in(out)
                assert "For your protection" not in out  # only the matched phrases are quoted
    redacted = run_cli("support-kit", "--answers", str(ANSWERS / "abroad.toml"), "--no-input", "--redact").stdout
    assert not {"taro.sato@example.com", "taro.backup@example.net", "+81 90-1234-5678",
                "+1 650-253-0000"} & _contacts_in(redacted)
    assert "Taro Sato" in redacted


def test_the_draft_never_asks_for_or_holds_a_password(run_cli: Cli) -> None:
    from kakaoaudit.core.questions import looks_secret
    from kakaoaudit.triage import assess as triage
    from kakaoaudit.triage import support_kit

    assert not [q.id for q in (*support_kit.QUESTIONS, *triage.QUESTIONS) if looks_secret(q.id)]
    data = run_cli("support-kit", "--demo", "--format", "json").json()
    assert "Never put your password" in " ".join(data["before_sending"])
    assert not re.search(r"(password|パスワード|비밀번호)\s*[:：]", data["body"], re.IGNORECASE)


@pytest.mark.skipif("ko" not in LANGUAGES, reason="Korean is not yet selectable (core.i18n.LANGUAGES)")
def test_korean_on_the_command_line(run_cli: Cli) -> None:
    triage = run_cli("--lang", "ko", "triage", "--demo")
    assert triage.exit_code == 0 and "장기 이용제한" in triage.stdout
    kit = run_cli("support-kit", "--lang", "ko", "--demo")
    assert kit.exit_code == 0 and "이용제한 해제 문의" in kit.stdout


@pytest.mark.parametrize(("command", "options"), [("triage", ("--demo", "--format", "--output", "--no-input")),
                                                  ("support-kit", ("--reapply", "--redact", "--output"))])
def test_help(run_cli: Cli, command: str, options: tuple[str, ...]) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert all(option in result.stdout for option in options)
    japanese = run_cli("--lang", "ja", command, "--help")
    assert re.search(r"[\u3040-\u30ff]", japanese.stdout)
    assert command in run_cli("--help").stdout


def test_the_reply_address_is_the_registered_one_when_the_audit_says_it_can_be_opened(run_cli: Cli,
                                                                                      tmp_path: Path) -> None:
    """Asked once: the audit's "can you open that mailbox today?" answers the support kit's reply address."""
    base = (ANSWERS / "home.toml").read_text(encoding="utf-8").replace(
        'contact_email = "hanako.yamada@example.com"\n', "")
    opened = tmp_path / "opened.toml"
    opened.write_text(base.replace("[triage]", "email_access = true\n\n[triage]", 1), encoding="utf-8")
    result = run_cli("support-kit", "--answers", str(opened), "--format", "json", "--no-input")
    assert result.exit_code == 0, result.stderr
    assert "hanako.yamada@example.com" in result.json()["body"]
    # A mailbox the person cannot open is no reply address: the question stays.
    closed = tmp_path / "closed.toml"
    closed.write_text(base.replace("[triage]", "email_access = false\n\n[triage]", 1), encoding="utf-8")
    refused = run_cli("support-kit", "--answers", str(closed), "--format", "json", "--no-input")
    assert refused.exit_code == 2 and "support.contact_email" in refused.stderr
