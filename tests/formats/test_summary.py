"""`kakaoaudit summary`: one row per person over many reports; bad files are listed, never fatal."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from datetime import date, timedelta, timezone
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core import localtime
from kakaoaudit.core.model import Status
from kakaoaudit.formats.terminal import cells

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

Cli = Callable[..., Any]
#: The instant these tests run at, frozen (`same_day`); "today" and the reports' dates are local dates in
#: the system's time zone, as the summary shows them (CI runs these under several TZ values).
NOW = localtime.now()
TODAY = localtime.local_date(NOW)


@pytest.fixture(autouse=True)
def same_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(localtime, "now", lambda: NOW)


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    """The demo's JSON report: a realistic size and shape."""
    from kakaoaudit.cli import main
    from kakaoaudit.core.i18n import set_language

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["demo", "--format", "json", "--lang", "en"]) in (0, 1)
    set_language("en")
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def report(base: dict[str, Any], label: str | None, day: date, score: int | None) -> dict[str, Any]:
    """`base` with another person, date and score (a shallow copy: nothing nested is changed)."""
    grade = "-" if score is None else "ABCDF"[min(4, (100 - score) // 10)]
    # 9:30 local time on `day`, stamped in UTC as reports are.
    stamp = localtime.start_of_local_day(day) + timedelta(hours=9, minutes=30)
    generated = stamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {**base, "label": label, "score": score, "grade": grade, "generated_at": generated}


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory, base: dict[str, Any]) -> Path:
    """1,000 reports of 40 people (one of them without a label), 25 each, one every 30 days."""
    folder = tmp_path_factory.mktemp("reports")
    people: list[str | None] = [f"person-{n:02d}" for n in range(39)] + [None]
    for index in range(1000):
        round_ = index // 40
        day = TODAY - timedelta(days=30 * (24 - round_) + index % 40)
        score = min(100, 40 + 2 * round_ + index % 7)
        write(folder / f"r{index:04d}.json", report(base, people[index % 40], day, score))
    return folder


def test_a_thousand_reports_one_row_per_person(cli: Cli, thousand: Path) -> None:
    result = cli("summary", str(thousand), "--format", "json", "--sort", "name")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["reports"] == 1000 and data["skipped_files"] == []
    rows = data["people"]
    assert len(rows) == 40
    assert [row["label"] for row in rows][:3] == ["person-00", "person-01", "person-02"]
    assert rows[-1]["label"] is None  # "(no label)" sorts last
    first = rows[0]
    # person-00 wrote r0000, r0040, ... r0960: the latest is r0960 (round 24), the previous r0920.
    assert first["file"].endswith("r0960.json")
    assert first["reports"] == 25
    assert first["score"] == min(100, 40 + 48 + 960 % 7)
    assert first["previous_score"] == min(100, 40 + 46 + 920 % 7)
    assert first["change"] == first["score"] - first["previous_score"]
    assert first["days_since_last_audit"] == 0
    assert rows[5]["days_since_last_audit"] == 5
    worst = first["worst_findings"]
    assert 1 <= len(worst) <= 3 and worst[0]["status"] == "fail"
    table = cli("summary", str(thousand), "--lang", "ja")
    assert "（名前なし）" in table.stdout and "person-39" not in table.stdout


@pytest.fixture
def messy(tmp_path: Path, base: dict[str, Any]) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    write(folder / "mother-old.json", report(base, "母", TODAY - timedelta(days=100), 55))
    write(folder / "mother-new.json", report(base, "母", TODAY - timedelta(days=10), 70))
    write(folder / "father.json", report(base, "父 <script>x</script>", TODAY - timedelta(days=400), None))
    (folder / "broken.json").write_text('{"tool": {"name": "kakaoaudit"}, ', encoding="utf-8")
    (folder / "empty.json").write_bytes(b"")
    (folder / "binary.json").write_bytes(bytes(range(256)))
    (folder / "text.json").write_text("These are my notes.\n", encoding="utf-8")
    write(folder / "package.json", {"name": "not-a-report", "version": "1.0"})
    write(folder / "newer.json", {**report(base, "母", TODAY, 99), "schema_version": "2.0"})
    write(folder / "bad-score.json", {**report(base, "母", TODAY, 90), "score": "high"})
    write(folder / "bad-date.json", {**report(base, "母", TODAY, 90), "generated_at": "2026-02-30T00:00:00Z"})
    # The brother's newest report has a broken finding: his previous one is used, the broken one listed.
    write(folder / "brother-old.json", report(base, "兄", TODAY - timedelta(days=50), 80))
    broken = report(base, "兄", TODAY - timedelta(days=5), 95)
    broken["findings"] = [{**base["findings"][0], "status": "perhaps"}, *base["findings"][1:]]
    write(folder / "brother-new.json", broken)
    (folder / "readme.txt").write_text("not read: not a .json file", encoding="utf-8")
    write(folder / ".hidden.json", {"x": 1})
    (folder / "sub").mkdir()
    write(folder / "sub" / "nested.json", report(base, "nested", TODAY, 10))
    return folder


def test_bad_and_foreign_files_are_listed_and_skipped(cli: Cli, messy: Path) -> None:
    result = cli("summary", str(messy), "--format", "json", "--sort", "name")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert [row["label"] for row in data["people"]] == ["兄", "母", "父 <script>x</script>"]
    brother, mother, father = data["people"]
    assert brother["file"].endswith("brother-old.json") and brother["score"] == 80 and brother["change"] is None
    assert mother["score"] == 70 and mother["change"] == 15 and mother["days_since_last_audit"] == 10
    assert mother["reports"] == 2
    assert father["score"] is None and father["change"] is None and father["days_since_last_audit"] == 400
    skipped = {Path(item["file"]).name: item["reason"] for item in data["skipped_files"]}
    assert set(skipped) == {"broken.json", "empty.json", "binary.json", "text.json", "package.json", "newer.json",
                            "bad-score.json", "bad-date.json", "brother-new.json"}
    assert "not valid JSON" in skipped["broken.json"]
    assert "the file is empty" in skipped["empty.json"]
    assert "not UTF-8" in skipped["binary.json"]
    assert "not valid JSON" in skipped["text.json"]
    assert "not a kakaoaudit report" in skipped["package.json"]
    assert "newer kakaoaudit" in skipped["newer.json"]
    assert "score: expected a whole number" in skipped["bad-score.json"]
    assert "generated_at" in skipped["bad-date.json"]
    assert "findings[0].status" in skipped["brother-new.json"]


@pytest.mark.parametrize("status", [status.value for status in Status])
def test_every_status_of_the_model_is_read_and_a_wrong_one_is_told_with_all_of_them(
    cli: Cli, base: dict[str, Any], tmp_path: Path, status: str
) -> None:
    first = {**base["findings"][0], "status": status}
    write(tmp_path / "good.json", {**report(base, "母", TODAY, 90), "findings": [first, *base["findings"][1:]]})
    wrong = {**base["findings"][0], "status": status.upper() + "?", "severity": "urgent"}
    write(tmp_path / "wrong.json", {**report(base, "兄", TODAY, 90), "findings": [wrong]})
    result = cli("summary", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert [row["label"] for row in data["people"]] == ["母"]
    (reason,) = [item["reason"] for item in data["skipped_files"]]
    assert "findings[0].status" in reason
    assert all(value.value in reason for value in Status), reason


def test_table_and_html_of_a_messy_folder(cli: Cli, messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    table = cli("summary", str(messy), "--lang", "ko")
    assert table.exit_code == 0
    assert "건너뛴 파일" in table.stdout and "empty.json" in table.stdout
    assert all(cells(line) <= 100 for line in table.stdout.splitlines())
    assert "+15" in table.stdout
    page = cli("summary", str(messy), "--format", "html", "--lang", "ja").stdout
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ja">' in page
    assert "<script>" not in page and "父 &lt;script&gt;x&lt;/script&gt;" in page
    assert "読み飛ばしたファイル" in page and "package.json" in unescape(page)


def test_narrow_screen_gets_one_block_per_person(cli: Cli, messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    table = cli("summary", str(messy / "mother-new.json"), str(messy / "father.json"), "--lang", "ja")
    assert all(cells(line) <= 50 for line in table.stdout.splitlines()), table.stdout
    assert "経過日数: 10" in table.stdout and "スコア: 70" in table.stdout


def test_files_given_one_by_one_and_twice(cli: Cli, messy: Path) -> None:
    mother = str(messy / "mother-new.json")
    data = cli("summary", mother, mother, str(messy / "mother-old.json"), "--format", "json").json()
    assert len(data["people"]) == 1 and data["people"][0]["reports"] == 2 and data["reports"] == 2


def test_nothing_readable_is_an_error_listing_why(cli: Cli, messy: Path, tmp_path: Path) -> None:
    result = cli("summary", str(messy / "empty.json"), str(tmp_path / "missing.json"))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert "no kakaoaudit JSON report could be read" in lines[0]
    assert any("the file is empty" in line for line in lines) and any("no such file" in line for line in lines)
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    assert cli("summary", str(empty)).exit_code == 2


def test_output_file(cli: Cli, messy: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.html"
    result = cli("summary", str(messy), "--format", "html", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "</html>" in target.read_text(encoding="utf-8")
