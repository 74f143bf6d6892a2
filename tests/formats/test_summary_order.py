"""`kakaoaudit summary` puts the person who needs help first: the most critical and high problems,
then the lowest score; columns for problems by severity, "don't know" answers, the next trip and days
since the last audit; `--sort`; aliases join labels; the HTML is one card per person."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.formats.terminal import cells

Cli = Callable[..., Any]
TODAY = datetime.now(timezone.utc).date()


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    from kakaoaudit.cli import main
    from kakaoaudit.core.i18n import set_language

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["demo", "--format", "json", "--lang", "en"]) in (0, 1)
    set_language("en")
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def finding(base: dict[str, Any], status: str, severity: str, n: int) -> dict[str, Any]:
    return {**base["findings"][0], "code": f"f{n}", "status": status, "severity": severity, "points": 0,
            "max_points": 10}


def person(base: dict[str, Any], folder: Path, name: str, label: str | None, *, score: int | None,
           problems: tuple[tuple[str, str], ...] = (), days_ago: int = 5, unknown: int = 0,
           trip: tuple[str, date] | None = None, trip_only: bool = False) -> Path:
    data = {**base, "label": label, "score": score, "grade": "-" if score is None else "C",
            "generated_at": f"{(TODAY - timedelta(days=days_ago)).isoformat()}T09:00:00Z",
            "findings": [finding(base, status, severity, n) for n, (status, severity) in enumerate(problems)],
            "unknown_answers": [f"q.{n}" for n in range(unknown)],
            "travel": None if trip is None else {**(base["travel"] or {}), "destination": trip[0],
                                                 "depart": trip[1].isoformat(), "return": None}}
    if trip_only:
        data["checks"] = [{**check, "category": "travel"} for check in base["checks"][:2]]
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def family(base: dict[str, Any], tmp_path: Path) -> Path:
    """Four people: the grandmother with a breached password, the mother with two high problems and a
    trip in 12 days, the father with a low score but only medium problems, and a well-kept uncle."""
    folder = tmp_path / "family"
    folder.mkdir()
    person(base, folder, "uncle", "叔父", score=95, days_ago=3)
    person(base, folder, "father", "父", score=40, problems=(("warn", "medium"),) * 4, days_ago=200)
    person(base, folder, "mother", "母", score=73, problems=(("fail", "high"), ("warn", "high"), ("warn", "low")),
           unknown=13, days_ago=2)
    person(base, folder, "mother-trip", "Mother", score=None, trip=("TW", TODAY + timedelta(days=12)),
           trip_only=True, days_ago=1)
    person(base, folder, "grandmother", "祖母", score=81, problems=(("fail", "critical"), ("fail", "high"),
                                                                 ("warn", "high")), days_ago=30)
    return folder


def labels(cli: Cli, folder: Path, *args: str) -> list[str | None]:
    result = cli("summary", str(folder), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return [row["label"] for row in result.json()["people"]]


def test_the_person_who_needs_help_comes_first(cli: Cli, family: Path) -> None:
    # Critical and high problems first (祖母 3, 母 2), then the lowest score: no score at all (the trip
    # checklist of "Mother", no audit yet) before 父's 40, before 叔父's 95.
    assert labels(cli, family) == ["祖母", "母", "Mother", "父", "叔父"]


def test_aliases_join_the_mother_and_her_trip(cli: Cli, family: Path) -> None:
    assert cli("history", "alias", "母", "Mother").exit_code == 0
    data = cli("summary", str(family), "--format", "json").json()
    assert [row["label"] for row in data["people"]] == ["祖母", "母", "父", "叔父"]
    mother = data["people"][1]
    assert mother["score"] == 73 and mother["file"].endswith("mother.json")  # the audit, not the trip checklist
    assert mother["problems"] == {"critical": 0, "high": 2, "medium": 0, "low": 1}
    assert mother["unknown_answers"] == 13
    assert mother["next_trip"] == {"destination": "TW", "depart": (TODAY + timedelta(days=12)).isoformat(),
                                   "days_until": 12}
    assert mother["reports"] == 2


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("score", ["Mother", "父", "母", "祖母", "叔父"]),
        ("name", ["Mother", "叔父", "母", "父", "祖母"]),
        ("date", ["父", "祖母", "叔父", "母", "Mother"]),
        ("trip", ["Mother", "叔父", "母", "父", "祖母"]),
    ],
)
def test_sort_changes_the_order(cli: Cli, family: Path, sort: str, expected: list[str]) -> None:
    assert labels(cli, family, "--sort", sort) == expected


def test_a_report_without_a_score_needs_help_before_a_good_one(cli: Cli, base: dict[str, Any],
                                                              tmp_path: Path) -> None:
    person(base, tmp_path, "fine", "A", score=90)
    person(base, tmp_path, "unknown", "B", score=None, unknown=20)
    assert labels(cli, tmp_path) == ["B", "A"]


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_the_table_has_the_columns_and_what_needs_attention(cli: Cli, family: Path, lang: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    cli("history", "alias", "母", "Mother")
    table = cli("summary", str(family), "--lang", lang).stdout
    assert all(cells(line) <= 100 for line in table.splitlines()), table
    assert "-----" in table  # a table at 100 columns, not the narrow blocks
    if lang != "en":
        return
    header = next(line for line in table.splitlines() if line.startswith("Person"))
    for name in ("Score", "Critical", "High", "Medium", "Low", "Don't know", "Next trip", "Days since"):
        assert name in header, name
    mother = next(line for line in table.splitlines() if line.startswith("母 "))
    assert "73 C" in mother and "TW in 12 days" in mother and " 13 " in mother
    assert "Needs attention" in table
    assert table.index("祖母") < table.index("母 ") < table.index("父")


def test_the_html_is_one_card_per_person_with_a_link(cli: Cli, family: Path) -> None:
    (family / "mother.html").write_text("<p>report</p>", encoding="utf-8")
    page = cli("summary", str(family), "--format", "html", "--lang", "ja").stdout
    assert "<table" not in page  # cards, not a squeezed table
    assert page.count('<li class="person') == 5
    assert page.index("祖母") < page.index("母") and '<a href="mother.html">' in page
    assert 'class="badge grade fail"' not in page  # 祖母 got C in this test data
    text = unescape(page)
    assert "重大" in text and "わからない" in text


def test_json_keeps_the_order_and_says_it(cli: Cli, family: Path) -> None:
    data = cli("summary", str(family), "--format", "json", "--sort", "trip").json()
    assert data["sort"] == "trip" and data["summary_version"] == "1.1"
