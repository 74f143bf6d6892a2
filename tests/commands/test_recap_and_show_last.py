"""The end of an interactive run: the HTML copy in kakaoaudit's folder (owner only), the recap as the
last lines, and `kakaoaudit show --last` reading the latest audit back from the history."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.commands import finish

ANSWERS = """\
[security.two_step]
enabled = true
route = "phone"
backup_email = false

[security]
sms_filter_blocks_kakao = true
"""
AUDIT = ("audit", "--only", "KA401", "--no-input", "--no-password")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(folder))
    return folder


@pytest.fixture
def answers(tmp_path: Path) -> str:
    path = tmp_path / "answers.toml"
    path.write_text(ANSWERS, encoding="utf-8")
    return str(path)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(finish, "on_terminal", lambda: True)


def recap_of(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("── "))
    return lines[start:]


def test_an_interactive_audit_ends_with_the_recap_and_keeps_the_html(
    cli: Callable[..., Any], home: Path, answers: str, terminal: None,
) -> None:
    result = cli(*AUDIT, "--answers", answers)
    assert result.exit_code == 0, result.stderr
    recap = recap_of(result.stdout)
    assert len(recap) <= 12
    assert recap[1].startswith("Score ") and "\"don't know\" answers: 0" in recap[1]
    assert recap[2] == "Do these first:"
    copy = home / "reports" / "report.html"
    assert copy.is_file()
    start = next(i for i, line in enumerate(recap) if line.startswith("Full report:"))
    where = "".join(line.strip() for line in recap[start:])  # a long path wraps; its pieces join again
    assert where == f"Full report: {copy}(or: kakaoaudit show --last)"
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    html = copy.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'class="top-actions"' in html


def test_labelled_runs_keep_one_copy_per_person(cli: Callable[..., Any], home: Path, answers: str,
                                                terminal: None) -> None:
    result = cli(*AUDIT, "--answers", answers, "--label", "母")
    assert (home / "reports" / "report-母.html").is_file()
    assert "kakaoaudit show --last --label 母" in result.stdout


def test_no_history_writes_nothing_and_says_how_to_see_everything(
    cli: Callable[..., Any], home: Path, answers: str, terminal: None,
) -> None:
    result = cli(*AUDIT, "--answers", answers, "--no-history")
    assert not (home / "reports").exists()
    assert recap_of(result.stdout)[-1].startswith("Full report: run the same command with --full")


def test_the_demo_keeps_demo_html_and_no_history(cli: Callable[..., Any], home: Path, terminal: None) -> None:
    result = cli("demo")
    assert (home / "reports" / "demo.html").is_file()
    assert "show --last" not in result.stdout
    assert not (home / "history.sqlite3").exists()


def test_not_on_a_terminal_there_is_no_recap_and_no_copy(cli: Callable[..., Any], home: Path, answers: str) -> None:
    result = cli(*AUDIT, "--answers", answers)
    assert "── " not in result.stdout
    assert not (home / "reports").exists()


def test_an_html_output_is_where_the_full_report_is(cli: Callable[..., Any], home: Path, answers: str,
                                                   terminal: None, tmp_path: Path) -> None:
    out = tmp_path / "mother.html"
    result = cli(*AUDIT, "--answers", answers, "--format", "html", "-o", str(out))
    assert f"Full report: {out}" in result.stdout
    assert not (home / "reports").exists()


def test_show_last_reads_the_latest_audit(cli: Callable[..., Any], home: Path, answers: str) -> None:
    assert cli(*AUDIT, "--answers", answers, "--label", "母").exit_code == 0
    assert cli(*AUDIT, "--answers", answers, "--label", "父", "--lang", "ja").exit_code == 0
    latest = cli("show", "--last")
    assert latest.exit_code == 0, latest.stderr
    assert "対象: 父" in latest.stdout  # the language it was made in
    mother = cli("show", "--last", "--label", "母", "--format", "json").json()
    assert mother["label"] == "母" and mother["redacted"] is True
    assert cli("history", "alias", "母", "Mother").exit_code == 0
    assert cli("show", "--last", "--label", "mother", "--format", "json").json()["label"] == "母"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show",), "give a report file"),
        (("show", "x.json", "--last"), "give a report file"),
        (("show", "x.json", "--label", "母"), "--label goes with --last"),
        (("show", "--last"), "the history has no audit yet"),
        (("show", "--last", "--label", "母"), "the history has no audit of 母"),
    ],
)
def test_show_last_errors_are_one_line(cli: Callable[..., Any], home: Path, args: tuple[str, ...],
                                       message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.strip().count("\n") == 0, result.stderr
