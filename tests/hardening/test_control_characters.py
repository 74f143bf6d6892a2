"""Control characters from untrusted text never reach a terminal, Markdown or HTML unescaped.

Untrusted: answers-file keys and values, --label, pasted notices, saved reports' texts, history
rows. One helper (`kakaoaudit.core.untrusted.printable`) escapes them, used by every renderer.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.untrusted import printable, shorten, shown

pytestmark = pytest.mark.hardening

#: Set the window title, clear the screen, a C1 CSI, a carriage return, a right-to-left override.
HOSTILE = "Mom\x1b]0;owned\x07\x1b[2J\x9b31m\r\u202eevil"
RAW = ("\x1b", "\x07", "\x9b", "\r", "\u202e")


def assert_clean(*texts: str) -> None:
    for text in texts:
        for control in RAW:
            assert control not in text, (control, text[:300])


def test_printable_escapes_what_a_terminal_obeys() -> None:
    assert printable(HOSTILE) == "Mom\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x0d\\u202eevil"
    assert printable("line one\nline\ttwo") == "line one\nline\ttwo"
    assert printable("a\nb\tc", one_line=True) == "a\\x0ab\\x09c"
    assert printable("日本語と한국어") == "日本語と한국어"
    assert shorten("x" * 1000, 20) == "x" * 12 + "…" + "x" * 7
    assert len(shown("\x1b" * 10_000)) <= 4 * 120


def test_a_label_with_control_characters_is_refused(cli: Any) -> None:
    result = cli("demo", "--label", HOSTILE)
    assert result.exit_code == 2
    assert "--label: control characters are not allowed" in result.stderr
    assert_clean(result.stderr)


def test_history_rows_are_escaped_when_shown(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A history written before labels were checked (or by hand) is replayed escaped."""
    answers = tmp_path / "answers.toml"
    assert cli("init", "--sample", "-o", str(answers)).exit_code == 0
    common = ("audit", "--answers", str(answers), "--no-password", "--offline", "--format", "json")
    assert cli(*common, "--label", "Mom").exit_code in (0, 1)
    assert cli(*common, "--label", "Mom").exit_code in (0, 1)
    from kakaoaudit.history.store import default_path

    database = default_path()
    with closing(sqlite3.connect(database)) as conn:
        rows = conn.execute("SELECT id, report FROM reports").fetchall()
        for row_id, text in rows:
            report = json.loads(text)
            report["label"] = HOSTILE
            for finding in report["findings"]:
                finding["title"] = HOSTILE
                finding["code"] = "code\x1b[2J"
            conn.execute("UPDATE reports SET label = ?, report = ? WHERE id = ?",
                         (HOSTILE, json.dumps(report), row_id))
        conn.execute("UPDATE reports SET grade = ?", ("\x1b[",))
        conn.commit()
    listing = cli("history")
    assert listing.exit_code == 0, listing.stderr
    assert "\\x1b]0;owned" in listing.stdout
    assert_clean(listing.stdout, listing.stderr)
    changed = cli("history", "diff")
    assert changed.exit_code == 0, changed.stderr
    assert_clean(changed.stdout, changed.stderr)
    assert_clean(cli("history", "--label", HOSTILE).stdout)
    # JSON output escapes them as JSON does (\u001b): data, not terminal codes.
    assert_clean(cli("history", "--format", "json").stdout, cli("history", "export").stdout)


def test_answers_file_keys_and_values_are_escaped_in_errors(cli: Any, tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text('"key\\u001b[2J" = 1\n[security.two_step]\nenabled = "yes\\u001b]0;x\\u0007"\n',
                       encoding="utf-8")
    result = cli("audit", "--answers", str(answers), "--no-password", "--offline")
    assert result.exit_code == 2
    assert "key\\x1b[2J" in result.stderr
    assert_clean(result.stderr)


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_a_saved_reports_texts_are_escaped(fmt: str, cli: Any, tmp_path: Path) -> None:
    report = json.loads(cli("demo", "--format", "json").stdout)
    report["label"] = HOSTILE[:100]
    report["findings"][0]["title"] = HOSTILE
    report["findings"][0]["i18n"]["title"] = {"domain": "kakaoaudit", "msgid": HOSTILE + " {x}",
                                             "params": {"x": HOSTILE}}
    report["findings"][0]["references"] = ["https://example.com/\x1b[2J"]
    report["checks"][0]["title"] = HOSTILE
    report["warnings"] = [HOSTILE]
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    result = cli("show", str(path), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "x1b" in result.stdout  # written as an escape (Markdown escapes the backslash again)
    assert_clean(result.stdout, result.stderr)
    summary = cli("summary", str(path), "--format", "html" if fmt == "html" else "table")
    assert summary.exit_code == 0, summary.stderr
    assert_clean(summary.stdout, summary.stderr)


def test_a_pasted_notice_is_escaped(cli: Any, tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    assert cli("init", "--sample", "-o", str(answers)).exit_code == 0
    text = answers.read_text(encoding="utf-8")
    start = text.index("notice_text = ")
    end = text.index("\n", start)
    shown_anywhere = ""
    for hostile in (HOSTILE, "Your account is \u202erestricted\u2066 now"):  # refused, or shown escaped
        answers.write_text(text[:start] + f"notice_text = {json.dumps(hostile)}" + text[end:], encoding="utf-8")
        for command in ("triage", "support-kit"):
            for fmt in ("table", "markdown", "json") if command == "triage" else ("text", "markdown", "json"):
                result = cli(command, "--answers", str(answers), "--no-input", "--format", fmt)
                assert "Traceback" not in result.stderr
                assert_clean(result.stdout, result.stderr)
                if result.exit_code == 2:
                    assert "control characters are not allowed" in result.stderr
                else:
                    assert result.exit_code in (0, 1), result.stderr
                    shown_anywhere += result.stdout
    assert "202e" in shown_anywhere, "the notice was shown nowhere: the test saw no escaping"


def test_a_file_name_with_control_characters_is_escaped_in_messages(cli: Any, tmp_path: Path) -> None:
    result = cli("show", str(tmp_path / "x\x1b[2J.json"))
    assert result.exit_code == 2
    assert "x\\x1b[2J.json: no such file" in result.stderr
    assert_clean(result.stderr)
    click_error = cli("demo", "--format", "\x1b[2J")
    assert click_error.exit_code == 2
    assert_clean(click_error.stderr)
