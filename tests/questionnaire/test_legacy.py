"""Answers files of the previous version keep working: old keys read as today's, one note each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomllib

from kakaoaudit.commands.audit import known_questions, load_answers, load_registry
from kakaoaudit.core.answer_text import RoughDate  # noqa: F401 - the reader's dates may be rough
from kakaoaudit.questionnaire.legacy import read_legacy

QUESTIONS = known_questions(load_registry())


def read(pairs: dict[str, Any]) -> tuple[dict[str, Any], list[str], set[str]]:
    new, notes, reask = read_legacy(list(pairs.items()), QUESTIONS)
    return dict(new), [note.render("en") for note in notes], reask


def test_the_password_checklist_becomes_yes_no_questions_and_never_accuses() -> None:
    values, notes, reask = read({"password.habits": ["not_reused"]})
    assert values == {"password.reused": False, "password.manager": "unknown", "security.pc_code_shared": "unknown"}
    assert reask == {"password.manager", "security.pc_code_shared"}  # asked again on a terminal
    assert len(notes) == 1 and "password.habits" in notes[0] and "never as a no" in notes[0]


def test_the_contacts_checklist_becomes_yes_no_questions() -> None:
    values, _notes, reask = read({"contacts.status": ["phone_current", "email_spam_checked"]})
    assert values == {"contacts.phone_current": True, "contacts.email_access": "unknown",
                      "contacts.email_spam_checked": True}
    assert reask == {"contacts.email_access"}


@pytest.mark.parametrize("raw", ["unknown", ["unsure"]])
def test_an_unsure_checklist_is_unknown_throughout(raw: Any) -> None:
    values, _notes, _reask = read({"password.habits": raw})
    assert set(values.values()) == {"unknown"}


@pytest.mark.parametrize(("old", "kind"), [(True, "email"), (False, "none"), ("unknown", "unknown")])
def test_the_backup_email_of_2_step_verification_is_the_backup_contact(old: Any, kind: str) -> None:
    values, notes, _reask = read({"security.two_step.backup_email": old})
    assert values == {"contacts.backup.kind": kind} and len(notes) == 1


def test_todays_key_wins_and_the_old_one_is_read_silently() -> None:
    values, notes, _reask = read({"contacts.backup.kind": "phone", "security.two_step.backup_email": True,
                                  "conduct.restricted_before": "once", "triage.past_restrictions": "never"})
    assert values == {"contacts.backup.kind": "phone", "conduct.restricted_before": "once"}
    assert notes == []


def test_past_restrictions_are_asked_once() -> None:
    values, notes, _reask = read({"triage.past_restrictions": "several"})
    assert values == {"conduct.restricted_before": "several"} and "asked once" in notes[0]


def test_the_chat_backup_is_asked_once_with_its_date() -> None:
    from datetime import date

    values, notes, _reask = read({"travel.chat_backup_on": date(2026, 10, 1)})
    assert values == {"recovery.chat_backup_on": date(2026, 10, 1), "recovery.chat_backup": "backup"}
    values, notes, reask = read({"recovery.chat_backup": "recent"})
    assert values == {"recovery.chat_backup": "backup", "recovery.chat_backup_on": "unknown"}
    assert reask == {"recovery.chat_backup_on"} and "with its date" in notes[0]
    values, _notes, reask = read({"recovery.chat_backup": "older", "travel.chat_backup_on": date(2026, 10, 1)})
    assert values == {"recovery.chat_backup": "backup", "recovery.chat_backup_on": date(2026, 10, 1)}
    assert reask == set()


def test_anything_else_is_left_for_validation_to_name() -> None:
    values, notes, _reask = read({"password.habits": 3, "no.such_key": 1})
    assert values == {"password.habits": 3, "no.such_key": 1} and notes == []


OLD_FILE = """\
# written by kakaoaudit 0.1
[password]
habits = ["not_reused", "pc_code_private"]
last_changed = 2024-06-01

[contacts]
phone = "090-1234-5678"
status = ["phone_current", "email_access"]

[contacts.backup]
kind = "email"

[security]
sms_filter_blocks_kakao = false

[security.two_step]
enabled = true
route = "phone"
backup_email = false

[triage]
past_restrictions = "never"

[travel]
chat_backup_on = 2026-10-01
"""


def test_an_old_file_still_runs_without_a_terminal_with_one_note_per_old_key(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(OLD_FILE, encoding="utf-8")
    result = cli("audit", "--answers", str(path), "--only", "KA102,KA301,KA401,KA402", "--no-input", "--no-history",
                 "--format", "json")
    # KA402 asks questions the old file does not answer: listed, as for any missing answer.
    assert result.exit_code == 2 and "security.sessions.reviewed_on" in result.stderr
    assert "password.habits" not in result.stderr.split("no answer")[-1]  # the old key is not refused
    result = cli("audit", "--answers", str(path), "--only", "KA102,KA301,KA401", "--no-input", "--no-history",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "old.toml" in line]
    # password.habits, contacts.status, triage.past_restrictions, travel.chat_backup_on; backup_email says
    # nothing: today's contacts.backup.kind is in the file.
    assert len(notes) == 4
    codes = {f["code"]: f["status"] for f in result.json()["findings"]}
    assert codes["not-reused"] == "pass" and codes["phone-current"] == "pass"
    assert codes["backup-email"] == "pass"  # contacts.backup.kind answers it: today's key wins
    assert tomllib.loads(path.read_text(encoding="utf-8"))["password"]["habits"]  # the file is not rewritten


def test_loading_marks_what_to_ask_again(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    path = tmp_path / "old.toml"
    path.write_text(OLD_FILE, encoding="utf-8")
    loaded = load_answers(load_registry(), path, datetime.now(timezone.utc))
    assert loaded is not None
    assert loaded.values["password.manager"] == "unknown" and "password.manager" in loaded.reask
    assert loaded.values["conduct.restricted_before"] == "never"
    assert loaded.values["recovery.chat_backup"] == "backup"
