"""`kakaoaudit history`: list with the trend, diff, export, prune, forget, move-aside, and their errors."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.history.store import HistoryStore

Cli = Callable[..., Any]
Add = Callable[..., int]
NOW = datetime.now(timezone.utc)


# --------------------------------------------------------------------------- list


def test_an_empty_history(cli: Cli, home: Path) -> None:
    table = cli("history")
    assert table.exit_code == 0
    assert "No audits in the history yet" in table.stdout
    assert str(home / "history.sqlite3") in table.stdout
    data = cli("history", "list", "--format", "json").json()
    assert data["entries"] == [] and data["trends"] == []
    assert not home.exists()  # looking creates nothing


def test_the_list_shows_dates_scores_and_the_sparkline(cli: Cli, add_report: Add) -> None:
    for days_ago, score in ((300, 20), (200, 55), (100, None), (10, 93)):
        add_report(days_ago, score=score)
    result = cli("history")
    assert result.exit_code == 0, result.stderr
    assert "Trend: ▂▅·█  20 → 93" in result.stdout
    assert "Your last audit was 10 days ago" in result.stdout
    assert "Next check-up: around" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert [(r[0], r[3], r[4]) for r in rows] == [("1", "UTC", "20"), ("2", "UTC", "55"), ("3", "UTC", "-"),
                                                ("4", "UTC", "93")]  # local time with its zone named
    data = cli("history", "--format", "json").json()
    assert [e["score"] for e in data["entries"]] == [20, 55, None, 93]
    (trend,) = data["trends"]
    assert trend["sparkline"] == "▂▅·█"
    assert trend["days_since_last"] == 10 and trend["overdue"] is False


@pytest.mark.parametrize(("days_ago", "reminder_days", "overdue"), [(10, 90, False), (100, 90, True), (40, 30, True),
                                                                     (30, 30, False)])
def test_the_list_reminds_when_the_interval_is_over(cli: Cli, add_report: Add, days_ago: int, reminder_days: int,
                                                    overdue: bool) -> None:
    add_report(days_ago)
    result = cli("history", "--reminder-days", str(reminder_days))
    assert ("time for a new audit (kakaoaudit audit)" in result.stdout) is overdue
    assert cli("history", "list", "--format", "json", "--reminder-days", str(reminder_days)).json()[
        "trends"][0]["overdue"] is overdue


def test_one_trend_per_label(cli: Cli, add_report: Add) -> None:
    add_report(20, score=40, label="母")
    add_report(15, score=90)
    add_report(5, score=60, label="母")
    result = cli("history")
    assert "Trend: █" in result.stdout
    assert "Trend (母): ▄▅  40 → 60" in result.stdout
    assert "母: Your last audit was 5 days ago" in result.stdout
    only = cli("history", "--label", "母", "--format", "json").json()
    assert [e["score"] for e in only["entries"]] == [40, 60]
    assert cli("history", "--label", "父").stdout.startswith("No audit with the label 父")


def test_list_options_before_another_subcommand_are_refused(cli: Cli, add_report: Add) -> None:
    result = cli("history", "--format", "json", "diff")
    assert result.exit_code == 2
    assert "put the options after the subcommand (kakaoaudit history diff --format)" in result.stderr


# --------------------------------------------------------------------------- diff


def test_diff_of_the_last_two(cli: Cli, add_report: Add, make_finding: Callable[..., dict[str, Any]]) -> None:
    f = make_finding
    add_report(100, score=10, findings=[f("KA401", "two-step-off", "fail", title="2-step is off")])
    add_report(50, score=40, findings=[f("KA401", "two-step-off", "fail"), f("KA401", "sms-filter-ok", "pass")])
    add_report(1, score=80, findings=[
        f("KA401", "two-step-on", "pass", points=10),
        f("KA401", "sms-filter-blocks", "fail", title="Your phone filters texts"),
    ])
    result = cli("history", "diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("From no. 2 (")
    assert "Score: 40 → 80 (+40)" in result.stdout
    assert "  ✓ KA401 two-step-off\n" in result.stdout  # a finding without a message keeps its stored title
    assert "  ✗ Your phone filters texts\n" in result.stdout
    # Never internal codes or "absent" (the usability review): only with --details, the ID and code.
    assert "sms-filter-blocks" not in result.stdout and "absent" not in result.stdout
    assert "[KA401 sms-filter-blocks]" in cli("history", "diff", "--details").stdout
    data = cli("history", "diff", "1", "3", "--format", "json").json()
    assert (data["old"]["id"], data["new"]["id"], data["score_change"]) == (1, 3, 70)
    assert [c["code"] for c in data["fixed"]] == ["two-step-off"]
    assert [c["code"] for c in data["new_findings"]] == ["sms-filter-blocks"]
    one = cli("history", "diff", "2", "--format", "json").json()  # no. 2 and the one before it
    assert (one["old"]["id"], one["new"]["id"]) == (1, 2)


def test_diff_across_added_and_removed_checks(cli: Cli, add_report: Add,
                                             make_finding: Callable[..., dict[str, Any]]) -> None:
    f = make_finding
    add_report(30, findings=[f("KA401", "two-step-off", "fail"), f("KA301", "phone-old", "warn"),
                             f("KA502", "spam-links", "unknown")])
    add_report(1, findings=[f("KA401", "two-step-off", "fail"), f("KA702", "no-id", "fail"),
                            f("KA703", "notices-kept", "pass"), f("KA704", "update", "skipped")])
    data = cli("history", "diff", "--format", "json").json()
    assert [(c["check_id"], c["reason"]) for c in data["fixed"]] == [("KA301", "check removed")]
    assert [(c["check_id"], c["reason"]) for c in data["new_findings"]] == [("KA702", "check added")]
    assert sorted((c["check_id"], c["reason"]) for c in data["changed"]) == [("KA502", "check removed"),
                                                                             ("KA704", "check added")]
    assert data["unchanged_count"] == 1
    table = cli("history", "diff").stdout
    assert "KA301 phone-old (the check did not run this time)" in table
    assert "KA702 no-id (a check that did not run before)" in table
    assert "KA704 update: not reported → Skipped (a check that did not run before)" in table
    assert "KA703" not in table  # a pass that appears with a new check is not news


def test_a_suppressed_finding_is_a_change_never_fixed(cli: Cli, add_report: Add,
                                                     make_finding: Callable[..., dict[str, Any]]) -> None:
    f = make_finding
    add_report(30, findings=[f("KA401", "backup-email-missing", "warn")])
    add_report(1, findings=[], suppressed=[{**f("KA401", "backup-email-missing", "warn"), "reason": "soon",
                                           "expires": "2099-01-01"}])
    data = cli("history", "diff", "--format", "json").json()
    assert data["fixed"] == [] and data["new_findings"] == []
    (change,) = data["changed"]
    assert (change["before"]["status"], change["after"]["status"], change["reason"]) == ("warn", "suppressed", None)
    assert "Check → set aside" in cli("history", "diff").stdout


@pytest.mark.parametrize(
    ("args", "entries", "fragment"),
    [
        (("diff",), 0, "the history has no audits yet"),
        (("diff",), 1, "no earlier audit (with the same label) to compare with yet"),
        (("diff", "7"), 2, "there is no audit no. 7 in the history"),
        (("diff", "1", "1"), 2, "diff needs two different audits"),
        (("diff", "1", "2", "3"), 3, "at most two audit numbers"),
        (("diff", "--label", "母"), 2, "the history has 0 audit(s) with the label 母"),
    ],
)
def test_diff_errors_are_one_line(cli: Cli, add_report: Add, args: tuple[str, ...], entries: int,
                                  fragment: str) -> None:
    for n in range(entries):
        add_report(10 - n)
    result = cli("history", *args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert result.stderr.strip().count("\n") <= 1, result.stderr
    assert "Traceback" not in result.stderr


def test_diff_by_label(cli: Cli, add_report: Add) -> None:
    first = add_report(30, label="母")
    add_report(20)
    second = add_report(10, label="母")
    add_report(5)
    data = cli("history", "diff", "--label", "母", "--format", "json").json()
    assert (data["old"]["id"], data["new"]["id"]) == (first, second)


# --------------------------------------------------------------------------- export


def test_export_prints_json_lines(cli: Cli, add_report: Add) -> None:
    add_report(20, label="母")
    add_report(10, score=None)
    result = cli("history", "export")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["id"], line["label"], line["report"]["score"]) for line in lines] == [(1, "母", 70), (2, None, None)]


def test_export_to_a_private_file(cli: Cli, add_report: Add, tmp_path: Path) -> None:
    add_report(1)
    target = tmp_path / "backup.jsonl"
    result = cli("history", "export", "-o", str(target))
    assert result.exit_code == 0
    assert "Exported 1 audit(s)" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == 1
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


# --------------------------------------------------------------------------- prune


def test_prune_before_a_date(cli: Cli, store: HistoryStore, utc_local_time: Callable[[str], None]) -> None:
    def add_at(stamp: str) -> None:
        store.add({"generated_at": stamp, "tool": {"version": "0.1.0"}, "score": 50, "grade": "F", "findings": []})

    add_at("2026-02-28T14:30:00Z")  # 23:30 on the 28th in Tokyo
    add_at("2026-02-28T15:30:00Z")  # 00:30 on 1 March in Tokyo
    add_at("2026-05-01T00:00:00Z")
    utc_local_time("Asia/Tokyo")
    refused = cli("history", "prune", "--before", "2026-03-01")
    assert refused.exit_code == 2
    assert "add --yes to confirm (kakaoaudit history prune --yes)" in refused.stderr
    assert len(store.entries()) == 3
    result = cli("history", "prune", "--before", "2026-03-01", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "Deleted 1 audit(s) made before 2026-03-01; 2 remain." in result.stdout
    assert [e.generated_at.hour for e in store.entries()] == [15, 0]
    nothing = cli("history", "prune", "--before", "2026-03-01", "--yes")
    assert "nothing to delete" in nothing.stdout


@pytest.mark.parametrize("value", ["2026-13-01", "yesterday", "01/03/2026"])
def test_prune_needs_a_date(cli: Cli, value: str) -> None:
    result = cli("history", "prune", "--before", value)
    assert result.exit_code == 2
    assert "--before" in result.stderr


# --------------------------------------------------------------------------- forget and move-aside


def test_forget_needs_a_confirmation(cli: Cli, add_report: Add, history_file: Path) -> None:
    add_report(1)
    result = cli("history", "forget")
    assert result.exit_code == 2
    assert "Delete all 1 audits in" in result.stderr
    assert "--yes" in result.stderr
    assert history_file.exists()


def damaged_history(path: Path) -> bytes:
    """A kakaoaudit history whose pages are garbage: SQLite's header with kakaoaudit's application id."""
    header = bytearray(100)
    header[:16] = b"SQLite format 3\x00"
    header[16:18] = (4096).to_bytes(2, "big")
    header[68:72] = (0x4B414B41).to_bytes(4, "big")
    data = bytes(header) + b"\x5a" * (2 * 4096 - 100)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def test_forget_deletes_everything(cli: Cli, add_report: Add, history_file: Path) -> None:
    damaged_history(history_file)
    assert cli("history", "move-aside").exit_code == 0
    add_report(1)
    (history_file.parent / "unrelated.txt").write_text("mine", encoding="utf-8")
    result = cli("history", "forget", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "The history was deleted." in result.stdout
    assert [p.name for p in history_file.parent.iterdir()] == ["unrelated.txt"]
    assert cli("history", "forget", "--yes").stdout.startswith("There is no history to delete")


def test_forget_a_damaged_file(cli: Cli, history_file: Path) -> None:
    damaged_history(history_file)
    refused = cli("history", "forget")
    assert "It cannot be read" in refused.stderr
    assert cli("history", "forget", "--yes").exit_code == 0
    assert not history_file.exists()


def test_forget_keeps_a_file_that_is_not_a_history(cli: Cli, history_file: Path,
                                                   unusable_file: Callable[[str, Path], bytes]) -> None:
    original = unusable_file("corrupt", history_file)  # text, not a database: someone's file
    result = cli("history", "forget", "--yes")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "is not a kakaoaudit history (it is not a database)" in line
    assert history_file.read_bytes() == original


def test_forget_refuses_another_programs_file(cli: Cli, history_file: Path,
                                             unusable_file: Callable[[str, Path], bytes]) -> None:
    original = unusable_file("foreign", history_file)
    result = cli("history", "forget", "--yes")
    assert result.exit_code == 2
    assert "belongs to another program" in result.stderr
    assert "kakaoaudit does not delete it" in result.stderr
    assert history_file.read_bytes() == original


@pytest.mark.parametrize("command", [("history",), ("history", "diff"), ("history", "export"),
                                     ("history", "prune", "--before", "2026-01-01", "--yes")])
@pytest.mark.parametrize("kind", ["corrupt", "foreign", "newer"])
def test_an_unusable_file_is_an_error_with_the_way_out(
    cli: Cli, history_file: Path, unusable_file: Callable[[str, Path], bytes], command: tuple[str, ...], kind: str
) -> None:
    original = unusable_file(kind, history_file)
    result = cli(*command)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "kakaoaudit history move-aside" in result.stderr
    assert history_file.read_bytes() == original


def test_move_aside(cli: Cli, add_report: Add, history_file: Path) -> None:
    assert "nothing to move" in cli("history", "move-aside").stdout
    add_report(1)
    result = cli("history", "move-aside")
    assert result.exit_code == 0
    (moved,) = [p for p in history_file.parent.iterdir() if p.name.startswith("history.sqlite3.broken-")]
    assert str(moved) in result.stdout
    assert len(HistoryStore(moved).entries()) == 1  # every row kept, under the new name
    assert not history_file.exists()
    assert "No audits in the history yet" in cli("history").stdout


# --------------------------------------------------------------------------- help and language


def test_help_in_japanese(cli: Cli) -> None:
    result = cli("--lang", "ja", "history", "--help")
    assert result.exit_code == 0
    assert "点検" in result.stdout
    for name in ("diff", "export", "prune", "forget", "move-aside", "list"):
        assert name in result.stdout
    assert "history" in cli("--help").stdout
