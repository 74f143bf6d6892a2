"""The short terminal view and the recap: golden files in ja/en/ko, the demo on a couple of screens
(at most 80 lines at 100 columns with the recap), details only on request, the look-up list.

Golden files are in tests/formats/golden/. ``UPDATE_GOLDEN=1 pytest tests/formats/test_short_view.py``
rewrites them and then FAILS, so that an update is always looked at (never passes silently).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import LookUp, Report
from kakaoaudit.formats import recap
from kakaoaudit.formats.json_report import from_dict
from kakaoaudit.formats.table import render_terminal
from kakaoaudit.formats.terminal import cells

GOLDEN = Path(__file__).parent / "golden"
WIDTH = 100
MOMENT = datetime(2026, 12, 5, 5, 3, tzinfo=timezone.utc)  # 14:03 in Tokyo
PATH = "/home/hanako/.local/share/kakaoaudit/reports/demo.html"
_ = translator("tests.formats")


def assert_golden(name: str, text: str, folder: Path = GOLDEN) -> None:
    """`text` equals the golden file `name`; with UPDATE_GOLDEN=1 the file is rewritten and the test fails."""
    path = folder / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
        pytest.fail(f"{path.name} rewritten (UPDATE_GOLDEN=1): review the diff, then run again without it")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def tokyo() -> Iterator[None]:
    """The local time zone is Japan's for the test (POSIX TZ + tzset)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture
def demo(cli: Callable[..., Any], tokyo: None, request: pytest.FixtureRequest,
         monkeypatch: pytest.MonkeyPatch) -> Report:
    """The demo's report, made at a fixed moment (its dates are relative to today), in the test's language (its
    notes are text of that language, as in a saved report of a run in that language)."""
    from kakaoaudit.core import localtime

    monkeypatch.setattr(localtime, "now", lambda: MOMENT)
    lang = request.node.callspec.params.get("lang", "en") if hasattr(request.node, "callspec") else "en"
    result = cli("demo", "--format", "json", "--lang", lang)
    return replace(from_dict(result.json()), generated_at=MOMENT)


def short(report: Report, lang: str, **options: Any) -> str:
    return render_terminal(report, lang=lang, colour=False, width=WIDTH, **options)


def screen(report: Report, lang: str) -> str:
    """What an interactive demo run leaves on a 100-column terminal: the short view, then the recap."""
    where = recap.where_saved(PATH, command=None)
    return short(report, lang) + recap.render(report, lang=lang, width=WIDTH, where=where)


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_golden_short_view_and_recap(demo: Report, lang: str) -> None:
    assert_golden(f"demo-short-{lang}.txt", screen(demo, lang))


@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_the_demo_fits_on_a_couple_of_screens(demo: Report, lang: str) -> None:
    text = screen(demo, lang)
    lines = text.splitlines()
    assert len(lines) <= 80, len(lines)
    assert all(cells(line) <= WIDTH for line in lines)
    full = short(demo, lang, full=True)
    assert len(full.splitlines()) > 3 * len(lines)  # --full is today's whole report


def test_the_short_view_keeps_what_a_person_acts_on(demo: Report) -> None:
    text = short(demo, "en")
    assert f"Score: {demo.score}/100   Grade: {demo.grade}" in text
    assert f"The score rests on {demo.coverage.assessed_points} of {demo.coverage.possible_points} points" in text
    assert "2026-12-05 14:03 JST" in text  # local time, zone named
    top = text.index("Do these first")
    assert text.index(demo.top_actions[0].title.render("en")) > top
    for finding in demo.findings:
        title = finding.title.render("en")
        if finding.status.value in ("fail", "warn"):
            assert title in text, title
        elif finding.status.value == "pass":
            assert title not in text, title  # what is fine is counted, not listed
    assert "✓ 6 in order" in text
    assert demo.look_up and "Look these up in the app" in text
    for item in demo.look_up:
        assert item.prompt.render("en")[:30] in " ".join(text.split())


def test_ids_points_severity_and_notes_only_with_details(demo: Report) -> None:
    plain = short(demo, "en")
    for hidden in ("KA201", "severity:", "/20 points", "Current standards:", "(score +"):
        assert hidden not in plain, hidden
    detailed = short(demo, "en", details=True)
    for shown in ("KA201", "severity: critical", "0/20 points", "Current standards:", "(score +"):
        assert shown in detailed, shown
    full = short(demo, "en", full=True)
    assert "What to do:" in full and "KA201" not in full
    assert "KA201" in short(demo, "en", full=True, details=True)


def test_a_top_actions_gain_is_in_the_units_of_the_score(demo: Report) -> None:
    """D19: the stake is said as points of the score out of 100 (what the reader sees at the top), never as
    check points next to a finding's own "0/20 points"."""
    from kakaoaudit.formats.sections import gain_text

    assert demo.coverage is not None
    for action in demo.top_actions:
        check = next(c for c in demo.checks if c.check_id == action.check_id)
        found = gain_text(demo, action)
        assert found is not None
        if check.category.value == "travel":
            assert found.render("en").startswith("travel readiness +")
            continue
        expected = max(1, round(100 * action.points_at_stake / demo.coverage.assessed_points))
        assert found.render("en") == f"score +{expected}"
        assert found.render("ja") == f"スコア +{expected}"


def test_a_long_look_up_list_is_cut_on_the_short_view(demo: Report) -> None:
    items = tuple(LookUp(f"exm.q{n}", Msg("kakaoaudit.literal", f"Question {n}?"), None) for n in range(8))
    report = replace(demo, look_up=items, unknown_answers=tuple(item.question_id for item in items))
    text = short(report, "en")
    assert "Question 4?" in text and "Question 5?" not in text
    assert "… and 3 more (--full lists them all)" in text


@pytest.mark.parametrize("width", [40, 60, 100, 120])
@pytest.mark.parametrize("lang", ["ja", "en", "ko"])
def test_the_recap_is_at_most_twelve_lines(demo: Report, lang: str, width: int) -> None:
    where = recap.where_saved("/very/long/folder/" * 6 + "report-母.html", command="kakaoaudit show --last --label 母")
    text = recap.render(demo, lang=lang, width=width, where=where)
    lines = text.splitlines()
    assert len(lines) <= recap.MAX_LINES
    assert all(cells(line) <= width for line in lines), lines
    assert f"{demo.score}/100" in lines[1]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"grade": None}, "no grade: not enough answers"),
        ({"score": None, "grade": None}, "No score: not enough answers"),
        ({"top_actions": ()}, "Nothing urgent was found."),
    ],
)
def test_the_recap_says_when_there_is_no_grade(demo: Report, changes: dict[str, Any], expected: str) -> None:
    text = recap.render(replace(demo, **changes), lang="en", width=WIDTH, where=recap.where_saved(None, command=None))
    assert expected in text
    assert "--full" in text.splitlines()[-1]


def test_update_golden_rewrites_and_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    with pytest.raises(pytest.fail.Exception, match="rewritten"):
        assert_golden("x.txt", "new\n", tmp_path)
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "new\n"
    monkeypatch.delenv("UPDATE_GOLDEN")
    assert_golden("x.txt", "new\n", tmp_path)
    with pytest.raises(AssertionError):
        assert_golden("x.txt", "changed\n", tmp_path)


def test_a_trip_report_is_a_dated_checklist_on_the_short_view(edge: Callable[[str], Report]) -> None:
    report = edge("mixed")
    trip = replace(report, checks=tuple(c for c in report.checks if c.category.value == "travel"),
                   findings=tuple(f for f in report.findings if f.check_id.startswith("KA6")), look_up=())
    text = short(trip, "en")
    assert text.startswith("KakaoTalk trip checklist")
    assert "The day before you leave: 2026-12-19" in text and "After you return: from 2027-01-03" in text
    assert "To do: 3 · already in order: 1" in text
    assert "Grade" not in text and "Do these first" not in text
    lines = recap.render(trip, lang="en", width=WIDTH, where=recap.where_saved("/x/trip.html", command=None))
    assert lines.splitlines()[1].startswith("Trip checklist: to do 3 · in order 1")
    assert lines.splitlines()[-1] == "Full report: /x/trip.html"
