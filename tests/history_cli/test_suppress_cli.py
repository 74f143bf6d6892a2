"""Suppressions through the command line: the report, the score, the exit code, the history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.history.store import HistoryStore

Cli = Callable[..., Any]
AUDIT = ("audit", "--only", "KA401", "--no-input", "--no-password", "--format", "json")


def suppress(target: str, expires: date, reason: str = "adding it next month with my daughter") -> str:
    return f'[suppress]\n"{target}" = {{ reason = "{reason}", expires = {expires.isoformat()} }}\n'


def test_a_suppressed_finding_is_listed_apart_and_not_scored(
    cli: Cli, write_answers: Callable[..., Path], today: date, validate_report: Callable[[Any], None],
    store: HistoryStore,
) -> None:
    plain = cli(*AUDIT, "--answers", str(write_answers(name="plain.toml")), "--no-history").json()
    expires = today + timedelta(days=30)
    result = cli(*AUDIT, "--answers", str(write_answers(suppress("KA401.sms-filter-blocks", expires))),
                 "--fail-on", "medium")
    assert result.exit_code == 1  # the backup-email warning (medium) still counts
    data = result.json()
    validate_report(data)
    assert "sms-filter-blocks" in {f["code"] for f in plain["findings"]}
    assert "sms-filter-blocks" not in {f["code"] for f in data["findings"]}
    (item,) = data["suppressed"]
    assert (item["code"], item["status"], item["reason"], item["expires"]) == (
        "sms-filter-blocks", "fail", "adding it next month with my daughter", expires.isoformat())
    assert data["score"] > plain["score"]
    assert "sms-filter-blocks" not in [a["code"] for a in data["top_actions"]]
    assert data["notes"] == []
    stored = store.get(store.entries()[-1].id)
    assert stored["suppressed"] == data["suppressed"]


def test_suppressing_every_problem_passes_fail_on(cli: Cli, write_answers: Callable[..., Path], today: date) -> None:
    extra = suppress("KA401", today + timedelta(days=1))
    result = cli(*AUDIT, "--answers", str(write_answers(extra)), "--fail-on", "low")
    assert result.exit_code == 0
    assert {s["code"] for s in result.json()["suppressed"]} == {"backup-email-missing", "sms-filter-blocks"}


def test_the_table_shows_the_reason_and_the_date(cli: Cli, write_answers: Callable[..., Path], today: date) -> None:
    expires = today + timedelta(days=10)
    args = [a for a in AUDIT if a not in ("--format", "json")]
    result = cli(*args, "--answers", str(write_answers(suppress("KA401.backup-email-missing", expires))))
    assert result.exit_code == 0
    flowing = " ".join(result.stdout.split())  # the table wraps long lines
    assert f"adding it next month with my daughter (until {expires.isoformat()})" in flowing


def test_an_expired_suppression_comes_back_with_a_note(cli: Cli, write_answers: Callable[..., Path],
                                                      today: date) -> None:
    ended = today - timedelta(days=2)
    saved = datetime.combine(today - timedelta(days=10), time(12), tzinfo=timezone.utc)
    path = write_answers(suppress("KA401.sms-filter-blocks", ended), mtime=saved)
    data = cli(*AUDIT, "--answers", str(path)).json()
    assert "sms-filter-blocks" in {f["code"] for f in data["findings"]}
    assert data["suppressed"] == []
    assert data["notes"] == [f"The suppression of KA401.sms-filter-blocks ended on {ended.isoformat()}, so its "
                             f"findings count again. Give it a new date or remove it from {path}."]


def test_the_history_diff_shows_a_suppression_as_a_change(cli: Cli, write_answers: Callable[..., Path],
                                                         today: date) -> None:
    assert cli(*AUDIT, "--answers", str(write_answers(name="before.toml"))).exit_code == 0
    later = write_answers(suppress("KA401.sms-filter-blocks", today + timedelta(days=5)), name="after.toml")
    assert cli(*AUDIT, "--answers", str(later)).exit_code == 0
    diff = cli("history", "diff", "--format", "json").json()
    assert diff["fixed"] == []
    assert [(c["code"], c["before"]["status"], c["after"]["status"]) for c in diff["changed"]] == [
        ("sms-filter-blocks", "fail", "suppressed")]


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ('[suppress]\nKB401 = { reason = "r", expires = SOON }\n', "did you mean KA401?"),
        ('[suppress]\nKA401 = { expires = SOON }\n', "a reason is required"),
        ('[suppress]\nKA401 = { reason = "r", expires = 2099-01-01 }\n', "more than one year ahead"),
        ('[suppress]\nKA401 = { reason = "r", expires = 2001-01-01 }\n', "already past when the file was last saved"),
        ('[suppress]\nKA401 = { reason = "r", expires = 2027-01-01T10:00:00 }\n', "without a time"),
    ],
)
def test_bad_entries_stop_the_audit_with_one_clear_line(cli: Cli, write_answers: Callable[..., Path], home: Path,
                                                        today: date, *, extra: str, fragment: str) -> None:
    path = write_answers(extra.replace("SOON", (today + timedelta(days=30)).isoformat()))
    result = cli(*AUDIT, "--answers", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith((f"kakaoaudit: {path}: [suppress] KA401:", f"kakaoaudit: {path}: [suppress] KB401:"))
    assert fragment in line
    assert not home.exists()  # nothing written, not even the history


def test_errors_in_japanese(cli: Cli, write_answers: Callable[..., Path]) -> None:
    path = write_answers('[suppress]\nKA401 = { reason = "", expires = 2099-01-01 }\n')
    result = cli("--lang", "ja", *AUDIT, "--answers", str(path))
    assert result.exit_code == 2
    assert "理由が空です" in result.stderr
    assert "1年より先です" in result.stderr
