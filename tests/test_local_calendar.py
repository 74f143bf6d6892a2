"""The person's own calendar: with the clock frozen where the local date and the UTC date differ.

00:30 in Tokyo is still yesterday in UTC (until 9:00); 00:30 on Kiritimati (UTC+14) is 10:30 the day
before in UTC; 23:30 in Los Angeles is already tomorrow in UTC. At each of these moments an answer
dated today, and a trip that leaves today, must be accepted, an answer dated tomorrow refused, and
the dates shown must be the local ones. The clock is injected (`local_clock`): nothing here depends
on the real time of day, and the system time zone is set for each case (TZ + tzset).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kakaoaudit.api import Context
from kakaoaudit.core.answers import Answers

pytestmark = pytest.mark.calendar

Cli = Callable[..., Any]
Clock = Callable[[str, str], datetime]

#: (wall-clock time, zone, the local date, the UTC date at that moment)
Moment = tuple[str, str, date, date]
MOMENTS: list[Moment] = [
    ("2026-12-06 00:30", "Asia/Tokyo", date(2026, 12, 6), date(2026, 12, 5)),
    ("2026-12-06 08:59", "Asia/Tokyo", date(2026, 12, 6), date(2026, 12, 5)),
    ("2026-12-06 00:30", "Pacific/Kiritimati", date(2026, 12, 6), date(2026, 12, 5)),
    ("2026-12-05 23:30", "America/Los_Angeles", date(2026, 12, 5), date(2026, 12, 6)),
    ("2026-07-05 23:30", "America/Los_Angeles", date(2026, 7, 5), date(2026, 7, 6)),  # daylight saving time
]
IDS = [f"{zone}-{wall[5:]}" for wall, zone, _, _ in MOMENTS]


def answers_file(tmp_path: Path, today: date, extra: str = "") -> Path:
    """A traveller's answers: every date that can be "today" is today (local)."""
    text = f"""
[profile]
home_country = "JP"

[security.country_restriction]
enabled = true
countries = ["JP", "TW"]

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
{extra}

[recovery]
chat_backup = "backup"
chat_backup_on = {today.isoformat()}

[travel.vpn]
used = false
"""
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", MOMENTS, ids=IDS)
def test_context_today_is_the_local_date(local_clock: Clock, case: Moment) -> None:
    wall, zone, local_day, utc_day = case
    moment = local_clock(wall, zone)
    assert moment.date() == utc_day != local_day  # the case this file is about
    # The system's zone (zone=None) and an explicit one agree; now() stays aware.
    ctx = Context(answers=Answers({}), now=lambda: moment)
    assert ctx.today() == local_day
    assert Context(answers=Answers({}), now=lambda: moment, zone=ZoneInfo(zone)).today() == local_day
    assert Context(answers=Answers({}), now=lambda: moment, zone=timezone.utc).today() == utc_day
    assert ctx.now().utcoffset() is not None


@pytest.mark.parametrize("case", MOMENTS, ids=IDS)
def test_a_trip_that_leaves_today_is_accepted(cli: Cli, tmp_path: Path, local_clock: Clock, case: Moment) -> None:
    wall, zone, local_day, _ = case
    local_clock(wall, zone)
    back = local_day + timedelta(days=7)
    result = cli("travel", "--answers", str(answers_file(tmp_path, local_day)), "--to", "TW",
                 "--depart", local_day.isoformat(), "--return", back.isoformat(), "--format", "json", "--no-history")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert (data["travel"]["depart"], data["travel"]["return"]) == (local_day.isoformat(), back.isoformat())
    findings = {f"{f['check_id']}:{f['code']}": f for f in data["findings"]}
    # The backup made today is today's, not one from "the future" nor a day old.
    assert not any(code.startswith("KA608:") and f["status"] in ("fail", "unknown") for code, f in findings.items()), (
        [f for code, f in findings.items() if code.startswith("KA608:")])
    # Nothing says the trip is over or has no valid dates.
    assert not any(f["code"] in ("trip-over", "dates-reversed") for f in data["findings"])


@pytest.mark.parametrize("case", MOMENTS, ids=IDS)
def test_yesterday_is_in_the_past_and_tomorrow_in_the_future(cli: Cli, tmp_path: Path, local_clock: Clock,
                                                             case: Moment) -> None:
    wall, zone, local_day, _ = case
    local_clock(wall, zone)
    yesterday, tomorrow = local_day - timedelta(days=1), local_day + timedelta(days=1)
    answers = str(answers_file(tmp_path, local_day))
    left = cli("travel", "--answers", answers, "--to", "TW", "--depart", yesterday.isoformat(), "--no-history")
    assert left.exit_code == 2
    assert f"--depart: {yesterday.isoformat()} is in the past" in left.stderr
    # An answer dated tomorrow (local) is refused, even where it is already that day in UTC.
    future = answers_file(tmp_path, tomorrow)
    refused = cli("travel", "--answers", str(future), "--to", "TW", "--depart", tomorrow.isoformat(), "--no-history")
    assert refused.exit_code == 2
    assert "recovery.chat_backup_on" in refused.stderr and "the date is in the future" in refused.stderr


@pytest.mark.parametrize("case", MOMENTS, ids=IDS)
def test_answers_dated_today_count_as_today_in_the_audit(cli: Cli, tmp_path: Path, local_clock: Clock,
                                                         case: Moment) -> None:
    wall, zone, local_day, _ = case
    local_clock(wall, zone)
    path = tmp_path / "answers.toml"
    path.write_text(f"""
[password]
habits = ["pc_code_private"]

[security.sessions]
reviewed_on = {local_day.isoformat()}
unknown_found = "none"

[contacts]
reviewed_on = {local_day.isoformat()}
""", encoding="utf-8")
    result = cli("audit", "--answers", str(path), "--only", "KA402,KA304", "--no-input", "--no-password",
                 "--no-history", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    by_code = {f["code"]: f for f in data["findings"]}
    # Reviewed today: 0 days ago (with the UTC date, in Tokyo it was -1 days: "you do not remember").
    assert by_code["sessions-reviewed"]["status"] == "pass"
    assert "0 days ago" in by_code["sessions-reviewed"]["title"]
    assert "sessions-review-unknown" not in by_code


def test_the_report_is_stamped_with_the_real_instant(cli: Cli, local_clock: Clock) -> None:
    moment = local_clock("2026-12-06 00:30", "Asia/Tokyo")
    data = cli("demo", "--format", "json").json()
    # The JSON keeps the instant in UTC (machine-readable); it is the frozen one.
    assert data["generated_at"] == moment.strftime("%Y-%m-%dT%H:%M:%SZ") == "2026-12-05T15:30:00Z"


def test_the_demo_and_the_sample_answers_are_dated_from_the_local_day(cli: Cli, tmp_path: Path,
                                                                      local_clock: Clock) -> None:
    local_clock("2026-12-06 00:30", "Asia/Tokyo")
    sample = tmp_path / "sample.toml"
    assert cli("init", "--sample", "-o", str(sample)).exit_code == 0
    # The sample's trip is planned from the local day: the travel mode accepts it as it is.
    result = cli("travel", "--answers", str(sample), "--no-input", "--no-history", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert result.json()["travel"] is not None


def test_history_days_and_dates_are_local(cli: Cli, tmp_path: Path, local_clock: Clock) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('[security.two_step]\nenabled = true\nroute = "phone"\nbackup_email = true\n\n'
                    "[security]\nsms_filter_blocks_kakao = false\n", encoding="utf-8")
    audit = ("audit", "--only", "KA401", "--answers", str(path), "--no-input", "--no-password")
    local_clock("2026-12-05 23:50", "Asia/Tokyo")  # 14:50 UTC
    first = cli(*audit)
    assert first.exit_code == 0, first.stderr
    assert "Next check-up: around 2027-03-05" in first.stderr  # 90 days after the local 5 December
    local_clock("2026-12-06 00:30", "Asia/Tokyo")  # 40 minutes later, the same UTC day
    second = cli(*audit)
    assert "Your last audit was yesterday (2026-12-05)." in second.stderr
    listing = cli("history", "--format", "json").json()
    assert [trend["days_since_last"] for trend in listing["trends"]] == [0]
    shown = cli("history").stdout
    assert "2026-12-05 23:50" in shown and "2026-12-06 00:30" in shown


def test_summary_shows_local_dates_and_local_days_since(cli: Cli, tmp_path: Path, local_clock: Clock) -> None:
    local_clock("2026-12-06 00:10", "Asia/Tokyo")
    report = cli("demo", "--format", "json", "--label", "母").json()
    assert report["generated_at"] == "2026-12-05T15:10:00Z"
    (tmp_path / "mother.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    local_clock("2026-12-07 08:00", "Asia/Tokyo")  # still the 6th in UTC
    data = cli("summary", str(tmp_path), "--format", "json").json()
    assert data["as_of"] == "2026-12-07"
    (person,) = data["people"]
    assert person["days_since_last_audit"] == 1
    assert "As of 2026-12-07;" in cli("summary", str(tmp_path)).stdout


def test_a_suppression_ending_today_holds_until_local_midnight(cli: Cli, tmp_path: Path, local_clock: Clock) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('[security.two_step]\nenabled = false\n\n[security]\nsms_filter_blocks_kakao = false\n\n'
                    '[suppress]\nKA401 = { reason = "turning it on with my son on Sunday", expires = 2026-12-06 }\n',
                    encoding="utf-8")
    audit = ("audit", "--only", "KA401", "--answers", str(path), "--no-input", "--no-password", "--no-history",
             "--format", "json")
    local_clock("2026-12-06 23:59", "Asia/Tokyo")
    held = cli(*audit)
    assert held.exit_code == 0, held.stderr
    assert [s["check_id"] for s in held.json()["suppressed"]] == ["KA401"]
    local_clock("2026-12-07 00:01", "Asia/Tokyo")  # still the 6th in UTC: the suppression has ended all the same
    ended = cli(*audit).json()
    assert ended["suppressed"] == []


TRIAGE_ANSWERS = """
[profile]
home_country = "{home}"

[contacts]
phone = "+81 90-1234-5678"
email = "someone@example.com"

[triage]
symptoms = ["stuck_sending"]
since = "{since}"
notice_kind = "none"
other_apps_online = true
past_restrictions = "never"
suspicious_login = false

[support]
steps_tried = ["waited"]
name = "Someone"
inquiry_number = ""
device = "iPhone 13"
os_version = "iOS 18.1"
app_version = "25.9.0"
contact_email = "someone@example.com"
abroad = false
time_zone = "{zone}"
"""


@pytest.mark.parametrize("case", [
    ("2026-12-06 00:30", "Asia/Tokyo", "2026-12-06 00:10", "JP"),
    ("2026-12-05 23:30", "America/Los_Angeles", "2026-12-05 23:10", "US"),
], ids=["Tokyo", "Los Angeles"])
def test_triage_accepts_a_start_minutes_ago_on_the_local_date(cli: Cli, tmp_path: Path, local_clock: Clock,
                                                              case: tuple[str, str, str, str]) -> None:
    wall, zone, since, home = case
    local_clock(wall, zone)
    path = tmp_path / "answers.toml"
    path.write_text(TRIAGE_ANSWERS.format(home=home, since=since, zone=zone), encoding="utf-8")
    triage = cli("triage", "--answers", str(path), "--no-input")
    assert triage.exit_code == 0, triage.stderr
    assert "20 min" in triage.stdout  # how long ago: from the local start to the frozen now
    kit = cli("support-kit", "--answers", str(path), "--no-input")
    assert kit.exit_code == 0, kit.stderr
    assert f"{since} (UTC" in kit.stdout  # the start as the person gave it, in their local time


def test_triage_refuses_a_start_later_today(cli: Cli, tmp_path: Path, local_clock: Clock) -> None:
    local_clock("2026-12-06 00:30", "Asia/Tokyo")
    path = tmp_path / "answers.toml"
    path.write_text(TRIAGE_ANSWERS.format(home="JP", since="2026-12-06 09:00", zone="Asia/Tokyo"), encoding="utf-8")
    result = cli("triage", "--answers", str(path), "--no-input")
    assert result.exit_code == 2
    assert "triage.since: 2026-12-06 09:00 is in the future in Asia/Tokyo" in result.stderr


def test_the_time_difference_is_the_one_of_the_local_day(cli: Cli, tmp_path: Path, local_clock: Clock) -> None:
    # 23:30 on 7 March in Los Angeles (PST, UTC-8) is 8 March in UTC, the day the clocks go forward (PDT):
    # today, Korea is 17 hours ahead; tomorrow, 16.
    local_clock("2026-03-07 23:30", "America/Los_Angeles")
    path = tmp_path / "answers.toml"
    text = TRIAGE_ANSWERS.format(home="JP", since="unknown", zone="America/Los_Angeles")
    path.write_text(text.replace("abroad = false", 'abroad = true\nlocal_country = "US"'), encoding="utf-8")
    kit = cli("support-kit", "--answers", str(path), "--no-input", "--format", "json")
    assert kit.exit_code == 0, kit.stderr
    assert kit.json()["time_difference"] == "local time is 17 hours behind Korea"
