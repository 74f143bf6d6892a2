"""Suppressions: parsing the [suppress] section, applying it, and expiry at the day boundary in any zone."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kakaoaudit.core.answers import load_answers_file
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.localtime import end_of_local_day
from kakaoaudit.core.model import Category, Finding, Report, Severity, Status
from kakaoaudit.core.scoring import CheckInfo, score
from kakaoaudit.core.suppress import Suppression, Suppressions, apply, parse_section, section_parser

_ = translator("kakaoaudit")

KNOWN = ("KA401", "KA301", "KA402")
NOW = datetime(2027, 1, 10, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc
TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def parse(raw: Any, *, now: datetime = NOW, saved_at: datetime | None = None, zone: Any = UTC) -> Suppressions:
    return parse_section(raw, Path("answers.toml"), known_ids=KNOWN, now=now, zone=zone,
                         saved_at=saved_at or now - timedelta(days=1))


def problems(raw: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(InputError) as info:
        parse(raw, **kwargs)
    return [str(message) for message in info.value.messages]


def entry(reason: str = "waiting for my new phone", expires: Any = date(2027, 3, 1)) -> dict[str, Any]:
    return {"reason": reason, "expires": expires}


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"KA401": entry()}, [("KA401", None)]),
        ({"ka401": entry()}, [("KA401", None)]),  # IDs are matched without regard to case
        ({"KA401.backup-email-missing": entry()}, [("KA401", "backup-email-missing")]),
        # [suppress.KA401.backup-email-missing] and the unquoted dotted key give nested tables
        ({"KA401": {"backup-email-missing": entry()}}, [("KA401", "backup-email-missing")]),
        ({"KA401": {**entry(), "sms-filter-blocks": entry()}}, [("KA401", None), ("KA401", "sms-filter-blocks")]),
        ({"KA401": entry(expires="2027-03-01")}, [("KA401", None)]),  # a quoted date works too
        ({}, []),
    ],
)
def test_valid_entries(raw: dict[str, Any], expected: list[tuple[str, str | None]]) -> None:
    parsed = parse(raw)
    assert [(s.check_id, s.code) for s in parsed.entries] == expected
    assert all(s.expires == date(2027, 3, 1) and s.reason == "waiting for my new phone" for s in parsed.entries)


def test_reason_whitespace_is_collapsed() -> None:
    (parsed,) = parse({"KA401": entry(reason="  two\n  lines  ")}).entries
    assert parsed.reason == "two lines"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"KB401": entry()}, "no installed check has the ID KB401; did you mean KA401?"),
        ({"EXM999": entry()}, "no installed check has the ID EXM999; 'kakaoaudit checks' lists them"),
        ({"two-step": entry()}, "a key is a check ID such as KA401"),
        ({"KA401.bad code!": entry()}, "'bad code!' is not a finding code"),
        ({"KA401": {"expires": date(2027, 3, 1)}}, "a reason is required"),
        ({"KA401": entry(reason="   ")}, "the reason is empty"),
        ({"KA401": entry(reason="x" * 201)}, "the reason has 201 characters; at most 200"),
        ({"KA401": entry(reason=42)}, "reason: expected text in quotes, got 42"),
        ({"KA401": entry(reason="bell\x07")}, "control characters"),
        ({"KA401": {"reason": "r"}}, "an expiry date is required"),
        ({"KA401": entry(expires=datetime(2027, 3, 1, 10, 0))}, "expected a date YYYY-MM-DD (without a time)"),
        ({"KA401": entry(expires="next month")}, "expected a date YYYY-MM-DD"),
        ({"KA401": entry(expires="2027-02-30")}, "expected a date YYYY-MM-DD"),
        ({"KA401": entry(expires=date(2028, 1, 11))}, "more than one year ahead; the latest date allowed today is "
                                                      "2028-01-10"),
        ({"KA401": entry(expires=date(2026, 1, 10))}, "was already past when the file was last saved"),
        ({"KA401": {**entry(), "until": "2027-03-01"}}, "unknown field 'until'"),
        ({"KA401": "because"}, "expected a table like KA401 = { reason"),
        ({"KA401": entry(), "ka401": entry()}, "KA401 is suppressed twice"),
        ("KA401", "[suppress] must be a table"),
    ],
)
def test_bad_entries_are_clear_errors(raw: Any, fragment: str) -> None:
    found = problems(raw)
    assert any(fragment in line for line in found), found
    assert all(line.startswith("answers.toml: [suppress]") for line in found)


def test_every_bad_entry_is_reported_at_once() -> None:
    found = problems({"KA999": entry(), "KA401": {"reason": ""}, "KA301": entry(expires=date(2030, 1, 1))})
    assert len(found) == 4  # unknown ID; empty reason and missing expiry; too far
    assert [line.split(":")[1].strip() for line in found] == ["[suppress] KA999", "[suppress] KA401",
                                                              "[suppress] KA401", "[suppress] KA301"]


@pytest.mark.parametrize(
    ("expires", "ok"),
    [
        (date(2028, 1, 10), True),  # exactly 365 days ahead
        (date(2028, 1, 11), False),
        (NOW.date(), True),  # today: it holds until midnight
    ],
)
def test_one_year_limit(expires: date, ok: bool) -> None:
    if ok:
        assert parse({"KA401": entry(expires=expires)}).entries[0].expires == expires
    else:
        assert problems({"KA401": entry(expires=expires)})


def test_the_year_limit_follows_the_local_date() -> None:
    # 2027-01-10 20:00 UTC is already 2027-01-11 in Tokyo: one more day is allowed there.
    late = datetime(2027, 1, 10, 20, 0, tzinfo=timezone.utc)
    assert parse({"KA401": entry(expires=date(2028, 1, 11))}, now=late, zone=TOKYO).entries
    assert problems({"KA401": entry(expires=date(2028, 1, 11))}, now=late, zone=LOS_ANGELES)


@pytest.mark.parametrize(
    ("saved_at", "ok"),
    [
        # Saved before the expiry date ended: a suppression that ran out since (a note, not an error).
        (datetime(2027, 1, 5, 14, 59, tzinfo=timezone.utc), True),
        # Saved a minute after the end of 2027-01-05 in Tokyo (15:00 UTC): it was already past.
        (datetime(2027, 1, 5, 15, 1, tzinfo=timezone.utc), False),
    ],
)
def test_a_date_already_past_when_saved_is_an_error(saved_at: datetime, ok: bool) -> None:
    raw = {"KA401": entry(expires=date(2027, 1, 5))}
    if ok:
        assert parse(raw, saved_at=saved_at, zone=TOKYO).entries
    else:
        (message,) = problems(raw, saved_at=saved_at, zone=TOKYO)
        assert "2027-01-05 was already past when the file was last saved (2027-01-06 00:01)" in message


def test_saved_time_is_the_files_modification_time(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('[suppress]\nKA401 = { reason = "r", expires = 2027-01-05 }\n', encoding="utf-8")
    parser = section_parser(KNOWN, NOW, UTC)
    questions: dict[str, Any] = {}
    before = datetime(2027, 1, 1, tzinfo=timezone.utc).timestamp()
    os.utime(path, (before, before))
    loaded = load_answers_file(path, questions, today=NOW.date(), sections={"suppress": parser})
    assert loaded.sections["suppress"].entries[0].expires == date(2027, 1, 5)
    after = datetime(2027, 1, 7, tzinfo=timezone.utc).timestamp()
    os.utime(path, (after, after))
    with pytest.raises(InputError, match="already past when the file was last saved"):
        load_answers_file(path, questions, today=NOW.date(), sections={"suppress": parser})


def test_a_file_clock_ahead_of_ours_counts_as_saved_now(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('[suppress]\nKA401 = { reason = "r", expires = 2027-01-20 }\n', encoding="utf-8")
    future = datetime(2027, 6, 1, tzinfo=timezone.utc).timestamp()
    os.utime(path, (future, future))
    loaded = load_answers_file(path, {}, today=NOW.date(), sections={"suppress": section_parser(KNOWN, NOW, UTC)})
    assert loaded.sections["suppress"].entries


# --------------------------------------------------------------------------- applying


def finding(check_id: str, code: str, status: Status, *, points: int = 0, maximum: int = 10,
            severity: Severity = Severity.MEDIUM) -> Finding:
    return Finding(check_id, code, status, severity, _("OK"), points=points, max_points=maximum,
                   advice=(_("Fix"),))


def report_of(*findings: Finding) -> Report:
    checks = sorted({f.check_id for f in findings})
    infos = [CheckInfo(c, _("OK"), Category.SECURITY, 10) for c in checks]
    scored = score(infos, findings)
    return Report(
        generated_at=NOW, tool_version="0.1.0", language="en", score=scored.score, grade=scored.grade,
        grade_capped=scored.grade_capped, categories=scored.categories, checks=scored.checks,
        findings=tuple(findings), top_actions=scored.top_actions,
    )


def rules(*entries: Suppression) -> Suppressions:
    return Suppressions(Path("answers.toml"), entries)


def rule(target: str, expires: date = date(2027, 3, 1), reason: str = "later") -> Suppression:
    check_id, _dot, code = target.partition(".")
    return Suppression(check_id, code or None, reason, expires)


def notes(report: Report) -> list[str]:
    return [note.render("en") for note in report.notes]


def test_suppressed_findings_are_listed_apart_and_not_scored() -> None:
    report = report_of(
        finding("KA401", "two-step-on", Status.PASS, points=10),
        finding("KA401", "backup-email-missing", Status.WARN, points=5),
        finding("KA402", "sessions-old", Status.FAIL, severity=Severity.HIGH),
    )
    assert report.score == 40  # KA401: 15/20 of its 10 points = 8; KA402: 0 of 10
    result = apply(report, rules(rule("KA401.backup-email-missing", reason="next month")), now=NOW, zone=UTC)
    assert [(f.check_id, f.code) for f in result.findings] == [("KA401", "two-step-on"), ("KA402", "sessions-old")]
    (item,) = result.suppressed
    assert (item.finding.code, item.reason, item.expires) == ("backup-email-missing", "next month", date(2027, 3, 1))
    assert result.score == 50  # KA401 now 10/10 of 10; KA402 0/10
    assert {c.check_id: (c.points, c.max_points) for c in result.checks} == {"KA401": (10, 10), "KA402": (0, 10)}
    assert [a.code for a in result.top_actions] == ["sessions-old"]
    assert notes(result) == []


def test_a_whole_check_and_the_more_specific_entry() -> None:
    report = report_of(
        finding("KA401", "two-step-off", Status.FAIL),
        finding("KA401", "sms-filter-blocks", Status.FAIL),
        finding("KA401", "backup-email-unknown", Status.UNKNOWN, maximum=0),
    )
    result = apply(report, rules(rule("KA401", reason="whole"), rule("KA401.sms-filter-blocks", reason="own")),
                   now=NOW, zone=UTC)
    assert result.findings == ()
    assert {s.finding.code: s.reason for s in result.suppressed} == {
        "two-step-off": "whole", "sms-filter-blocks": "own", "backup-email-unknown": "whole"}
    assert result.score is None and result.grade is None  # nothing left to score


@pytest.mark.parametrize("status", [Status.PASS, Status.SKIPPED, Status.ERROR])
def test_pass_skipped_and_error_are_never_suppressed(status: Status) -> None:
    report = report_of(finding("KA401", "x", status, points=10 if status is Status.PASS else 0))
    result = apply(report, rules(rule("KA401")), now=NOW, zone=UTC)
    assert result.findings == report.findings
    assert result.suppressed == ()
    assert notes(result) == ["KA401 is suppressed until 2027-03-01, but this audit found nothing to set aside (it is "
                             "fixed, or the code is misspelt); you can remove it from answers.toml."]


def test_a_suppression_of_a_check_that_did_not_run_says_nothing() -> None:
    report = report_of(finding("KA401", "two-step-off", Status.FAIL))
    result = apply(report, rules(rule("KA301")), now=NOW, zone=UTC)
    assert result == report


def test_an_expired_suppression_counts_again_with_a_note() -> None:
    report = report_of(finding("KA401", "two-step-off", Status.FAIL))
    result = apply(report, rules(rule("KA401", expires=date(2027, 1, 9))), now=NOW, zone=UTC)
    assert result.findings == report.findings
    assert result.score == report.score == 0
    assert notes(result) == ["The suppression of KA401 ended on 2027-01-09, so its findings count again. Give it a "
                             "new date or remove it from answers.toml."]


# --------------------------------------------------------------------------- the day boundary and time zones


def tokyo(day: int, hour: int, minute: int) -> datetime:
    return datetime(2027, 3, day, hour, minute, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("now", "active"),
    [
        (tokyo(1, 0, 0), True),
        (tokyo(1, 23, 59), True),
        (datetime(2027, 3, 1, 23, 59, 59, 999999, tzinfo=TOKYO), True),
        (tokyo(2, 0, 0), False),  # the first instant of the next day
        (tokyo(2, 0, 1), False),
    ],
)
def test_expiry_is_the_end_of_the_day_around_midnight(now: datetime, active: bool) -> None:
    report = report_of(finding("KA401", "two-step-off", Status.FAIL))
    result = apply(report, rules(rule("KA401", expires=date(2027, 3, 1))), now=now, zone=TOKYO)
    assert bool(result.suppressed) is active
    assert bool(result.notes) is not active


# One instant, 2027-03-01 15:30 UTC, seen from several zones.
INSTANT = datetime(2027, 3, 1, 15, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("zone", "active"),
    [
        ("UTC", True),  # 15:30 on the 1st
        ("Asia/Tokyo", False),  # 00:30 on the 2nd (+09:00)
        ("Asia/Kathmandu", True),  # 21:15 on the 1st (+05:45)
        ("Pacific/Kiritimati", False),  # 05:30 on the 2nd (+14:00)
        ("America/Los_Angeles", True),  # 07:30 on the 1st
        ("Pacific/Pago_Pago", True),  # 04:30 on the 1st (-11:00)
    ],
)
def test_expiry_across_time_zones(zone: str, active: bool) -> None:
    suppression = rule("KA401", expires=date(2027, 3, 1))
    assert suppression.active(INSTANT, ZoneInfo(zone)) is active


@pytest.mark.parametrize(("tz", "active"), [("Asia/Tokyo", False), ("America/Los_Angeles", True), ("UTC", True)])
def test_the_systems_local_zone_is_the_default(
    tz: str, active: bool, utc_local_time: Callable[[str], None]
) -> None:
    utc_local_time(tz)  # TZ + tzset: what a user's system setting does
    suppression = rule("KA401", expires=date(2027, 3, 1))
    assert suppression.active(INSTANT) is active
    report = report_of(finding("KA401", "two-step-off", Status.FAIL))
    assert bool(apply(report, rules(suppression), now=INSTANT).suppressed) is active


@pytest.mark.parametrize(
    ("tz", "day", "expected"),
    [
        # The day DST starts is 23 hours long, the day it ends 25: the end of the day is still midnight.
        ("America/New_York", date(2027, 3, 14), datetime(2027, 3, 15, 4, 0, tzinfo=timezone.utc)),
        ("America/New_York", date(2027, 11, 7), datetime(2027, 11, 8, 5, 0, tzinfo=timezone.utc)),
        ("Europe/Berlin", date(2027, 3, 28), datetime(2027, 3, 28, 22, 0, tzinfo=timezone.utc)),
    ],
)
def test_end_of_day_across_daylight_saving(
    tz: str, day: date, expected: datetime, utc_local_time: Callable[[str], None]
) -> None:
    assert end_of_local_day(day, ZoneInfo(tz)) == expected
    utc_local_time(tz)
    assert end_of_local_day(day) == expected  # the system's zone agrees with the tz database
