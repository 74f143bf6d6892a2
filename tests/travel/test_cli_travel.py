"""``kakaoaudit travel`` end to end (in-process): options, answers files, errors, formats, the audit's travel part."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core import localtime

Cli = Callable[..., Any]

pytestmark = pytest.mark.calendar

#: The instant these tests run at, frozen (`same_day`): "today" is the same for the tests and the command,
#: also when the run crosses midnight. In the system's time zone, whatever TZ is (CI runs several).
NOW = localtime.now()
TODAY = localtime.local_date(NOW)
DEPART = TODAY + timedelta(days=30)
BACK = TODAY + timedelta(days=44)
DATES = ("--depart", DEPART.isoformat(), "--return", BACK.isoformat())


@pytest.fixture(autouse=True)
def same_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(localtime, "now", lambda: NOW)


def answers_file(tmp_path: Path, *, home: str = "JP", allowed: str = '["JP"]', travel: str = "") -> Path:
    """An answers file with everything the travel checks ask, for a well-prepared traveller."""
    text = f"""
[profile]
home_country = "{home}"

[security.country_restriction]
enabled = true
countries = {allowed}

[security.two_step]
enabled = true
route = "kakaotalk"

[contacts.backup]
kind = "email"
reachable_without_phone = true

[travel]
planned = true
sim_plan = "home_sim"
roaming = true
public_wifi_plan = "mobile_data"
long_stay = false
documents = ["passport"]
{travel}

[travel.vpn]
used = false

[recovery]
chat_backup = "backup"
chat_backup_on = {TODAY.isoformat()}
"""
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


def travel_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("travel", *args, "--format", "json", "--no-history")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def finding_codes(data: dict[str, Any]) -> dict[str, str]:
    return {f"{f['check_id']}:{f['code']}": f["status"] for f in data["findings"]}


def test_travel_with_options_and_a_file(cli: Cli, tmp_path: Path, validate_report: Callable[[Any], None]) -> None:
    data = travel_json(cli, "--answers", str(answers_file(tmp_path)), "--to", "TW", *DATES)
    validate_report(data)
    assert {c["check_id"] for c in data["checks"]} == {f"KA60{n}" for n in range(1, 10)}
    assert [c["category"] for c in data["categories"]] == ["travel"]
    travel = data["travel"]
    assert (travel["destination"], travel["depart"], travel["return"]) == ("TW", DEPART.isoformat(), BACK.isoformat())
    assert travel["time_differences"] == [{"zone": "Asia/Taipei", "offset_to_kst": "-1:00"}]
    assert [item["phase"] for item in travel["checklist"]] == sorted(
        (item["phase"] for item in travel["checklist"]), key=["now", "day_before", "abroad", "after_return"].index)
    # The only thing missing for this traveller: Taiwan among the allowed countries.
    assert finding_codes(data)["KA601:destination-missing"] == "warn"
    score = data["categories"][0]["score"]
    assert data["score"] == score
    assert f"Travel readiness: {score}/100" in data["notes"][0]


def test_the_sample_answers_run_without_a_terminal(cli: Cli, tmp_path: Path,
                                                   validate_report: Callable[[Any], None]) -> None:
    sample = tmp_path / "sample.toml"
    assert cli("init", "--sample", "-o", str(sample)).exit_code == 0
    assert "[travel]" in sample.read_text(encoding="utf-8")
    data = travel_json(cli, "--answers", str(sample), "--to", "TW", *DATES)
    validate_report(data)
    assert data["travel"]["destination"] == "TW"
    statuses = {f["status"] for f in data["findings"]}
    assert {"pass", "fail", "warn"} <= statuses  # the demo profile is a realistic mix


def test_options_override_the_file(cli: Cli, tmp_path: Path) -> None:
    path = answers_file(tmp_path, allowed='["JP", "KR"]',
                        travel=f'destination = "US"\ndepart = {DEPART.isoformat()}\nreturn = {BACK.isoformat()}')
    assert travel_json(cli, "--answers", str(path))["travel"]["destination"] == "US"
    data = travel_json(cli, "--answers", str(path), "--to", "韓国", "--return", (BACK + timedelta(days=1)).isoformat())
    travel = data["travel"]
    assert (travel["destination"], travel["depart"], travel["return"]) == (
        "KR", DEPART.isoformat(), (BACK + timedelta(days=1)).isoformat())
    # Korea itself: no time difference, and Korea is allowed.
    assert travel["time_differences"] == [{"zone": "Asia/Seoul", "offset_to_kst": "+0:00"}]
    codes = finding_codes(data)
    assert codes["KA601:destination-allowed"] == "pass"
    assert codes["KA609:time-difference"] == "info"


@pytest.mark.parametrize(
    ("text", "code"),
    [("tw", "TW"), (" TW ", "TW"), ("TWN", "TW"), ("Taiwan", "TW"), ("台湾", "TW"), ("대만", "TW"),
     ("ｔａｉｗａｎ", "TW"), ("韓国", "KR"), ("한국", "KR"), ("South Korea", "KR"), ("アメリカ", "US"), ("USA", "US"),
     ("미국", "US")],
)
def test_country_as_code_or_name(cli: Cli, tmp_path: Path, text: str, code: str) -> None:
    data = travel_json(cli, "--answers", str(answers_file(tmp_path)), "--to", text, *DATES)
    assert data["travel"]["destination"] == code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--to", "Tiawan"), "kakaoaudit: --to: unknown country 'Tiawan'; did you mean TW (Taiwan)"),
        (("--to", "Japna"), "kakaoaudit: --to: unknown country 'Japna'; did you mean JP (Japan)"),
        (("--to", "zzzzqq"), "kakaoaudit: --to: unknown country 'zzzzqq'; give a country code such as TW"),
        (("--to", "TW", "--depart", "2020-01-01"), "kakaoaudit: --depart: 2020-01-01 is in the past"),
        (("--to", "TW", "--depart", "2026-02-30"), "kakaoaudit: --depart: '2026-02-30' is not a date"),
        (("--to", "TW", "--return", "next week"), "kakaoaudit: --return: 'next week' is not a date"),
        (("--to", "TW", "--depart", BACK.isoformat(), "--return", DEPART.isoformat()),
         f"kakaoaudit: --return: {DEPART.isoformat()} is before the departure date {BACK.isoformat()}"),
        (("--to", "JP", *DATES), "kakaoaudit: --to: Japan is your home country"),
    ],
)
def test_bad_input_is_one_clear_line(cli: Cli, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = cli("travel", "--answers", str(answers_file(tmp_path)), *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_typo_suggestions_in_japanese(cli: Cli, tmp_path: Path) -> None:
    result = cli("--lang", "ja", "travel", "--answers", str(answers_file(tmp_path)), "--to", "Tiawan")
    assert result.exit_code == 2
    assert "TW (台湾)" in result.stderr


def test_full_width_digits_in_dates(cli: Cli, tmp_path: Path) -> None:
    wide = DEPART.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    data = travel_json(cli, "--answers", str(answers_file(tmp_path)), "--to", "TW", "--depart", wide, "--return",
                       BACK.isoformat())
    assert data["travel"]["depart"] == DEPART.isoformat()


def test_dates_from_the_file_are_checked_too(cli: Cli, tmp_path: Path) -> None:
    past = (TODAY - timedelta(days=3)).isoformat()
    path = answers_file(tmp_path, travel=f'destination = "TW"\ndepart = {past}\nreturn = {BACK.isoformat()}')
    result = cli("travel", "--answers", str(path), "--no-history")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kakaoaudit: travel.depart: {past} is in the past"), result.stderr


@pytest.mark.parametrize(
    ("trip", "expected"),
    [
        (("KR", '["KR"]', "JP"), ("Asia/Tokyo", "+0:00", "destination-missing", "warn")),  # home Korea, to Japan
        (("KR", '["KR", "JP"]', "Japan"), ("Asia/Tokyo", "+0:00", "destination-allowed", "pass")),
        (("JP", '["JP", "KR"]', "KR"), ("Asia/Seoul", "+0:00", "destination-allowed", "pass")),  # to Korea itself
        (("JP", '["JP"]', "대한민국"), ("Asia/Seoul", "+0:00", "destination-missing", "warn")),
        (("KR", '["KR"]', "TH"), ("Asia/Bangkok", "-2:00", "destination-missing", "warn")),
    ],
)
def test_home_country_japan_and_korea(cli: Cli, tmp_path: Path, trip: tuple[str, str, str],
                                      expected: tuple[str, str, str, str]) -> None:
    home, allowed, to = trip
    zone, offset, ka601, status = expected
    data = travel_json(cli, "--answers", str(answers_file(tmp_path, home=home, allowed=allowed)), "--to", to, *DATES)
    assert [(h["zone"], h["offset_to_kst"]) for h in data["travel"]["time_differences"]] == [(zone, offset)]
    assert finding_codes(data)[f"KA601:{ka601}"] == status


def test_home_country_korea_cannot_travel_to_korea(cli: Cli, tmp_path: Path) -> None:
    result = cli("travel", "--answers", str(answers_file(tmp_path, home="KR", allowed='["KR"]')), "--to", "KR",
                 *DATES)
    assert result.exit_code == 2
    assert result.stderr.startswith("kakaoaudit: --to: South Korea is your home country")


def test_missing_answers_list_only_what_the_travel_checks_need(cli: Cli) -> None:
    result = cli("travel", "--to", "TW", *DATES, "--no-input")
    assert result.exit_code == 2
    assert "travel.sim_plan" in result.stderr
    assert "security.country_restriction.enabled" in result.stderr
    assert "travel.destination" not in result.stderr  # given by --to
    # The chat backup is asked once for every command (KA705 and KA608 read the same answer).
    assert "recovery.chat_backup:" in result.stderr
    for other in ("conduct.", "recovery.support_route", "security.sms_filter", "contacts.phone"):
        assert other not in result.stderr


def test_audit_without_a_trip_has_one_skipped_travel_line(cli: Cli, tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("planned = true", "planned = false")
    path.write_text(text, encoding="utf-8")
    result = cli("audit", "--answers", str(path), "--only", "travel", "--format", "json", "--no-history")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert [(f["check_id"], f["code"], f["status"]) for f in data["findings"]] == [("KA601", "no-trip", "skipped")]
    assert data["travel"] is None
    assert data["skipped"][0]["reason"].startswith("The travel checks run when you plan a trip abroad")


def test_audit_with_travel_answers_shows_the_travel_section(cli: Cli, tmp_path: Path) -> None:
    path = answers_file(tmp_path, travel=f'destination = "TW"\ndepart = {DEPART.isoformat()}\n'
                                         f'return = {BACK.isoformat()}')
    result = cli("audit", "--answers", str(path), "--only", "travel", "--no-history")
    assert result.exit_code == 0, result.stderr
    assert "Trip to Taiwan (TW)" in result.stdout
    assert "Checklist ([x] = already in order)" in result.stdout
    assert "[ ] Be ready to approve your first sign-in from Taiwan" in " ".join(result.stdout.split())
    # A checklist, not a graded report: what is left to do, no letter grade, no empty prevention sections.
    assert "To do: " in result.stdout
    assert "Grade" not in result.stdout and "Avoid breaking the terms of use" not in result.stdout
    assert f"The day before you leave: {(DEPART - timedelta(days=1)).isoformat()}" in result.stdout


def test_table_and_markdown_in_japanese(cli: Cli, tmp_path: Path) -> None:
    path = str(answers_file(tmp_path))
    table = cli("--lang", "ja", "travel", "--answers", path, "--to", "US", "--no-history", *DATES)
    assert table.exit_code == 0, table.stderr
    assert "アメリカ合衆国" in table.stdout
    assert "America/Los_Angeles" in table.stdout
    markdown = cli("--lang", "ja", "travel", "--answers", path, "--to", "TW", "--format", "markdown", "--no-history",
                   *DATES)
    assert markdown.exit_code == 0, markdown.stderr
    assert "- [ ] " in markdown.stdout and "- [x] " in markdown.stdout


def test_the_report_is_written_whole_to_a_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "trip.json"
    result = cli("travel", "--answers", str(answers_file(tmp_path)), "--to", "TW", *DATES, "--format", "json",
                 "-o", str(out), "--no-history")
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["travel"]["destination"] == "TW"


def test_help_in_each_language(cli: Cli) -> None:
    english = cli("travel", "--help")
    assert english.exit_code == 0
    assert "--to COUNTRY" in english.stdout and "--depart DATE" in english.stdout
    japanese = cli("--lang", "ja", "travel", "--help")
    assert "海外" in japanese.stdout
    assert "travel" in cli("--help").stdout


def test_the_demo_profile_plans_a_trip(cli: Cli, validate_report: Callable[[Any], None]) -> None:
    result = cli("demo", "--format", "json", "--no-history")
    assert result.exit_code in (0, 1), result.stderr
    data = result.json()
    validate_report(data)
    travel = [f for f in data["findings"] if f["check_id"].startswith("KA6")]
    if date(2031, 1, 3) >= TODAY:  # the demo's trip has fixed dates (see kakaoaudit/data/demo/travel.toml)
        assert data["travel"]["destination"] == "TW"
        assert {f["status"] for f in travel} >= {"pass", "warn", "fail"}
    else:
        assert data["travel"] is None
        assert [f["code"] for f in travel] == ["trip-over"]


def test_only_and_skip_narrow_the_travel_checks(cli: Cli, tmp_path: Path) -> None:
    path = str(answers_file(tmp_path))
    data = travel_json(cli, "--answers", path, "--to", "TW", *DATES, "--only", "KA601,KA602")
    assert [c["check_id"] for c in data["checks"]] == ["KA601", "KA602"]
    for selection in (("--only", "KA401"), ("--skip", "travel")):
        result = cli("travel", "--answers", path, "--to", "TW", *DATES, *selection)
        assert result.exit_code == 2
        assert result.stderr.startswith("kakaoaudit: --only/--skip leave no travel check to run")


def test_a_suppressed_travel_finding_leaves_the_score_and_the_checklist(cli: Cli, tmp_path: Path) -> None:
    path = answers_file(tmp_path)
    expires = (TODAY + timedelta(days=60)).isoformat()
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f'\n[suppress]\n"KA601.destination-missing" = {{ reason = "Adding it at the airport", '
                     f"expires = {expires} }}\n")
    data = travel_json(cli, "--answers", str(path), "--to", "TW", *DATES)
    assert [s["check_id"] for s in data["suppressed"]] == ["KA601"]
    assert not [item for item in data["travel"]["checklist"] if item["check_id"] == "KA601"]
    score = data["categories"][0]["score"]
    assert any(note.startswith(f"Travel readiness: {score}/100") for note in data["notes"])


@pytest.mark.parametrize("written", ["{d:%Y/%m/%d}", "{d.year}年{d.month}月{d.day}日", "{d.month}/{d.day}"])
def test_the_dates_of_the_options_as_people_write_them(cli: Cli, tmp_path: Path, written: str) -> None:
    from datetime import date as day
    from datetime import timedelta

    leave = day.today() + timedelta(days=20)
    data = travel_json(cli, "--answers", str(answers_file(tmp_path)), "--to", "TW", "--depart",
                       written.format(d=leave), "--return", (leave + timedelta(days=5)).isoformat())
    assert data["travel"]["depart"] == leave.isoformat()
