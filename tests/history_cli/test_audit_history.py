"""The audit and the history: a row per audit, the reminder, --no-history, the demo, unusable and read-only files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import kakaoaudit
from kakaoaudit.core.i18n import Private, translator
from kakaoaudit.core.model import Finding, Report, Severity, Status
from kakaoaudit.formats.json_report import to_dict
from kakaoaudit.history.audit import AuditHistory
from kakaoaudit.history.store import SCHEMA_VERSION, HistoryStore

_ = translator("kakaoaudit")

Cli = Callable[..., Any]
AUDIT = ("audit", "--only", "KA401", "--no-input", "--no-password")


def test_an_audit_keeps_its_redacted_report(cli: Cli, write_answers: Callable[..., Path], store: HistoryStore,
                                            validate_report: Callable[[Any], None]) -> None:
    result = cli(*AUDIT, "--answers", str(write_answers()), "--format", "json", "--label", "母")
    assert result.exit_code == 0, result.stderr
    (entry,) = store.entries()
    stored = store.get(entry.id)
    assert stored == result.json()  # exactly the JSON report, which is redacted
    validate_report(stored)
    assert (entry.label, entry.score, entry.grade) == ("母", stored["score"], stored["grade"])
    assert "Kept in your history as no. 1" in result.stderr
    assert "Your last audit" not in result.stderr  # nothing before the first one


def test_the_history_keeps_contacts_masked_even_after_no_redact(tmp_path: Path) -> None:
    finding = Finding("KA301", "phone-old", Status.WARN, Severity.MEDIUM,
                      _("{phone}", phone=Private("090-1234-5678", "090-****-**78")), max_points=10)
    report = Report(generated_at=datetime(2027, 1, 10, tzinfo=timezone.utc), tool_version="0.1.0", language="en",
                    score=0, grade="F", grade_capped=False, categories=(), checks=(), findings=(finding,),
                    top_actions=(), redacted=False)
    store = HistoryStore(tmp_path / "h.sqlite3")
    document = to_dict(replace(report, redacted=True), lang=report.language)
    entry_id = AuditHistory(store, label=None).record(report, document)
    assert entry_id is not None
    text = json.dumps(store.get(entry_id), ensure_ascii=False)
    assert "090-****-**78" in text
    assert "1234" not in text
    assert store.get(entry_id)["redacted"] is True


def test_no_history_writes_nothing_and_says_nothing(cli: Cli, write_answers: Callable[..., Path],
                                                   history_file: Path, add_report: Callable[..., int]) -> None:
    add_report(200)
    before = history_file.read_bytes()
    result = cli(*AUDIT, "--answers", str(write_answers()), "--no-history")
    assert result.exit_code == 0, result.stderr
    assert "history" not in result.stderr.lower()
    assert "last audit" not in result.stderr.lower()
    assert history_file.read_bytes() == before
    assert len(HistoryStore(history_file).entries()) == 1


def test_the_demo_never_touches_the_history(cli: Cli, home: Path) -> None:
    result = cli("demo", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert not home.exists()


@pytest.mark.parametrize(
    ("days_ago", "settings", "expected", "reminded"),
    [
        (0.01, "", "Your last audit was earlier today", False),
        (1, "", "Your last audit was yesterday", False),
        (89, "", "Your last audit was 89 days ago", False),
        (90, "", "Your last audit was 90 days ago", False),
        (91, "", "Your last audit was 91 days ago", True),
        (45, "[settings]\nreminder_days = 30\n", "Your last audit was 45 days ago", True),
        (120, "[settings]\nreminder_days = 180\n", "Your last audit was 120 days ago", False),
    ],
)
def test_every_audit_starts_with_the_last_audit_and_the_reminder(
    cli: Cli, write_answers: Callable[..., Path], add_report: Callable[..., int],
    *, days_ago: float, settings: str, expected: str, reminded: bool,
) -> None:
    add_report(days_ago)
    result = cli(*AUDIT, "--answers", str(write_answers(settings)))
    assert result.exit_code == 0, result.stderr
    first = result.stderr.splitlines()[0]
    then = datetime.fromtimestamp(time.time() - days_ago * 86400).date()
    if days_ago < 1 and then != datetime.now().date():  # run just after local midnight
        expected = "Your last audit was yesterday"
    assert first.startswith(expected)
    assert ("longer than your check-up interval" in result.stderr) is reminded
    cadence = 90 if not settings else int(settings.split("=")[1])
    assert f"(every {cadence} days)" in result.stderr


def test_the_reminder_is_per_label(cli: Cli, write_answers: Callable[..., Path],
                                   add_report: Callable[..., int]) -> None:
    add_report(10, label="母")
    add_report(200)
    mother = cli(*AUDIT, "--answers", str(write_answers()), "--label", " 母 ")
    assert mother.stderr.splitlines()[0].startswith("母: Your last audit was 10 days ago")
    assert "check-up interval" not in mother.stderr
    own = cli(*AUDIT, "--answers", str(write_answers()))
    assert own.stderr.splitlines()[0].startswith("Your last audit was 200 days ago")
    assert "longer than your check-up interval of 90 days" in own.stderr


def test_the_reminder_knows_a_persons_other_labels(cli: Cli, write_answers: Callable[..., Path],
                                                    add_report: Callable[..., int]) -> None:
    """«母» and "Mother" joined with `history alias` are one person: an audit as "Mother" remembers «母»'s."""
    add_report(200, label="Mother")
    add_report(10, label="母")
    assert cli("history", "alias", "母", "Mother").exit_code == 0
    mother = cli(*AUDIT, "--answers", str(write_answers()), "--label", "mother")
    assert mother.stderr.splitlines()[0].startswith("mother: Your last audit was 10 days ago"), mother.stderr
    assert "check-up interval" not in mother.stderr


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ("[settings]\nreminder_days = 0\n", "reminder_days: expected a whole number of days from 1 to 730, got 0"),
        ("[settings]\nreminder_days = true\n", "got true"),
        ("[settings]\nreminder_dayz = 30\n", "unknown key 'reminder_dayz'; did you mean 'reminder_days'?"),
        ("[settings]\ncolour = 1\n", "the only setting is reminder_days"),
        ("settings = 3\n", "[settings] must be a table"),
    ],
)
def test_bad_settings_are_one_clear_line(cli: Cli, write_answers: Callable[..., Path], home: Path,
                                         settings: str, fragment: str) -> None:
    result = cli(*AUDIT, "--answers", str(write_answers(settings)))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert not home.exists()


@pytest.mark.parametrize("kind", ["corrupt", "foreign", "newer"])
def test_an_unusable_history_stops_the_audit_before_any_question(
    cli: Cli, write_answers: Callable[..., Path], history_file: Path,
    unusable_file: Callable[[str, Path], bytes], kind: str,
) -> None:
    original = unusable_file(kind, history_file)
    result = cli(*AUDIT, "--answers", str(write_answers()))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert str(history_file) in lines[0]
    assert "kakaoaudit history move-aside" in lines[1]
    assert "--no-history" in lines[1]
    assert history_file.read_bytes() == original  # never repaired, emptied or written
    assert sorted(p.name for p in history_file.parent.iterdir()) == ["history.sqlite3"]

    # The two ways out that the message names:
    assert cli(*AUDIT, "--answers", str(write_answers()), "--no-history").exit_code == 0
    assert history_file.read_bytes() == original
    moved = cli("history", "move-aside")
    assert moved.exit_code == 0
    aside = [p for p in history_file.parent.iterdir() if p.name.startswith("history.sqlite3.broken-")]
    assert [p.read_bytes() for p in aside] == [original]
    again = cli(*AUDIT, "--answers", str(write_answers()))
    assert again.exit_code == 0, again.stderr
    assert len(HistoryStore(history_file).entries()) == 1


@pytest.mark.parametrize("kind", ["corrupt", "newer"])
def test_the_unusable_file_messages(cli: Cli, write_answers: Callable[..., Path], history_file: Path,
                                    unusable_file: Callable[[str, Path], bytes], kind: str) -> None:
    unusable_file(kind, history_file)
    result = cli("--lang", "ja", *AUDIT, "--answers", str(write_answers()))
    assert result.exit_code == 2
    expected = {"corrupt": "壊れて", "newer": "新しい"}[kind]
    assert expected in result.stderr
    assert "kakaoaudit history move-aside" in result.stderr


def test_a_read_only_data_folder_keeps_the_report_and_warns(
    cli: Cli, write_answers: Callable[..., Path], home: Path, add_report: Callable[..., int],
    make_readonly: Callable[[Path], None],
) -> None:
    add_report(30, score=55)
    assert [p.name for p in home.iterdir()] == ["history.sqlite3"]  # the last connection took its -wal along
    make_readonly(home / "history.sqlite3")
    make_readonly(home)  # as on a read-only mount: neither the file nor the folder can change
    result = cli(*AUDIT, "--answers", str(write_answers()), "--format", "json", "--fail-under", "100")
    assert result.exit_code == 1  # the audit's own exit code: the report was delivered
    assert result.json()["findings"]
    assert result.stderr.splitlines()[0].startswith("Your last audit was 30 days ago")  # still readable
    warnings = [line for line in result.stderr.splitlines() if line.startswith("kakaoaudit: warning:")]
    assert len(warnings) == 1, result.stderr
    assert "not kept in the history" in warnings[0]
    assert "KAKAOAUDIT_HOME" in warnings[0]
    listed = cli("history", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [e["score"] for e in listed.json()["entries"]] == [55]


def test_a_read_only_folder_without_a_history_yet(cli: Cli, write_answers: Callable[..., Path], home: Path,
                                                  make_readonly: Callable[[Path], None]) -> None:
    home.mkdir()
    make_readonly(home)
    result = cli(*AUDIT, "--answers", str(write_answers()))
    assert result.exit_code == 0
    assert "Score" in result.stdout
    assert "kakaoaudit: warning: this report was not kept in the history" in result.stderr
    assert list(home.iterdir()) == []


def test_a_failed_report_write_keeps_no_history(cli: Cli, write_answers: Callable[..., Path], tmp_path: Path,
                                                home: Path) -> None:
    result = cli(*AUDIT, "--answers", str(write_answers()), "-o", str(tmp_path / "missing" / "r.json"))
    assert result.exit_code == 2
    assert not (home / "history.sqlite3").exists() or not HistoryStore(home / "history.sqlite3").entries()


V1_DDL = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    generated_at TEXT NOT NULL,
    score INTEGER,
    grade TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX reports_by_time ON reports (generated_at, id);
PRAGMA application_id = 1262570305;
PRAGMA user_version = 1;
"""


def test_a_history_from_an_older_version_is_migrated(cli: Cli, write_answers: Callable[..., Path],
                                                     history_file: Path) -> None:
    history_file.parent.mkdir(parents=True)
    old = {"schema_version": "1.0", "generated_at": "2026-01-05T09:00:00Z", "tool": {"version": "0.0.9"},
           "label": "母", "score": 40, "grade": "F",
           "findings": [{"check_id": "KA401", "code": "two-step-off", "status": "fail", "severity": "high",
                         "title": "2-step verification is off", "points": 0, "max_points": 10}]}
    with sqlite3.connect(history_file) as conn:
        conn.executescript(V1_DDL)
        conn.execute("INSERT INTO reports (generated_at, score, grade, tool_version, report) VALUES (?, ?, ?, ?, ?)",
                     ("2026-01-05T09:00:00.000000Z", 40, "F", "0.0.9", json.dumps(old)))
    conn.close()
    listed = cli("history", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    assert [(e["id"], e["score"], e["label"]) for e in listed.json()["entries"]] == [(1, 40, "母")]
    audit = cli(*AUDIT, "--answers", str(write_answers()), "--label", "母")
    assert audit.exit_code == 0, audit.stderr
    assert audit.stderr.startswith("母: Your last audit was")
    diff = cli("history", "diff", "--format", "json")
    assert diff.exit_code == 0, diff.stderr
    assert [c["code"] for c in diff.json()["fixed"]] == ["two-step-off"]
    with sqlite3.connect(history_file) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    conn.close()


@pytest.mark.slow
def test_twenty_audits_at_once_lose_no_row(write_answers: Callable[..., Path], home: Path, tmp_path: Path) -> None:
    answers = write_answers()
    repo = Path(kakaoaudit.__file__).resolve().parent.parent
    env = {**os.environ, "KAKAOAUDIT_HOME": str(home), "NO_COLOR": "1"}
    start = tmp_path / "go"
    # Each process waits for the start file, so that all of them create and write the history together.
    script = (
        "import sys, time, pathlib\n"
        "start = pathlib.Path(sys.argv[1])\n"
        "while not start.exists():\n"
        "    time.sleep(0.002)\n"
        "from kakaoaudit.cli import main\n"
        "sys.exit(main(sys.argv[2:]))\n"
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(start), *AUDIT, "--answers", str(answers), "--format", "json",
             "--label", f"worker-{n}"],
            env=env, cwd=str(repo.parent), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(20)
    ]
    time.sleep(1.0)  # let the interpreters import everything first
    start.touch()
    outcomes = [(*worker.communicate(timeout=120), worker.returncode) for worker in workers]
    assert [code for _out, _err, code in outcomes] == [0] * 20, [err for _out, err, code in outcomes if code]
    store = HistoryStore(home / "history.sqlite3")
    entries = store.entries()
    assert sorted(e.label or "" for e in entries) == sorted(f"worker-{n}" for n in range(20))
    assert len({e.id for e in entries}) == 20
    for (out, _err, _code), n in zip(outcomes, range(20), strict=True):
        mine = store.entries(f"worker-{n}")
        assert len(mine) == 1
        assert store.get(mine[0].id) == json.loads(out)


def test_a_report_the_history_refuses_is_a_warning_not_a_lost_report(
    cli: Cli, write_answers: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    from kakaoaudit.formats import json_report

    real = json_report.to_dict

    def leaky(report: Report, *, lang: str) -> dict[str, Any]:
        return {**real(replace(report), lang=lang), "password_hint": "x"}

    monkeypatch.setattr(json_report, "to_dict", leaky)
    result = cli(*AUDIT, "--answers", str(write_answers()))
    assert result.exit_code == 0
    assert "Score" in result.stdout
    assert "not kept in the history" in result.stderr
    assert "password_hint" in result.stderr  # the key is named, never a value
    assert not (home / "history.sqlite3").exists() or not HistoryStore(home / "history.sqlite3").entries()


@pytest.mark.parametrize(
    ("earlier", "now", "zone", "days"),
    [
        # Two hours apart but on both sides of midnight in Tokyo: "yesterday" there, "today" in London.
        ("2027-03-01T14:30:00+00:00", "2027-03-01T16:30:00+00:00", "Asia/Tokyo", 1),
        ("2027-03-01T14:30:00+00:00", "2027-03-01T16:30:00+00:00", "Europe/London", 0),
        ("2027-03-01T00:00:00+00:00", "2027-05-30T00:00:00+00:00", "UTC", 90),
        ("2027-03-02T00:00:00+00:00", "2027-03-01T00:00:00+00:00", "UTC", 0),  # a clock that went back
    ],
)
def test_days_are_calendar_days_in_the_users_zone(earlier: str, now: str, zone: str, days: int) -> None:
    from zoneinfo import ZoneInfo

    from kakaoaudit.history.audit import days_between

    assert days_between(datetime.fromisoformat(earlier), datetime.fromisoformat(now), ZoneInfo(zone)) == days
