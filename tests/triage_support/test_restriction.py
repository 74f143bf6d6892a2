"""The restriction's start (local date and time) and where the user is: parsing, zones, KST."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.questions import AnswerValueError
from kakaoaudit.triage.restriction import (
    SINCE_QUESTION,
    TIME_ZONE_QUESTION,
    Moment,
    Started,
    difference_to_korea,
    distinct_zones,
    duration_text,
    korean_number,
    kst_text,
    local_text,
    location_country,
    needs_zone_choice,
    parse_started,
    resolve_place,
    zone_label,
)

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-11-20 14:30", "2026-11-20 14:30"),
        (" 2026-11-20T14:30 ", "2026-11-20 14:30"),
        ("2026/11/20 9:05", "2026-11-20 09:05"),
        ("2026.11.20 14:30:59", "2026-11-20 14:30"),
        ("2026-11-20", "2026-11-20"),
        ("２０２６－１１－２０　１４：３０", "2026-11-20 14:30"),
        ("2026年11月20日 14時30分", "2026-11-20 14:30"),
        ("2026年11月20日14時", "2026-11-20 14:00"),
        ("2026/11/20(金) 14:30", "2026-11-20 14:30"),
        ("2026/11/20（金）", "2026-11-20"),
        ("2026년 11월 20일 14시 30분", "2026-11-20 14:30"),
        ("2026년 11월 20일", "2026-11-20"),
        (date(2026, 11, 20), "2026-11-20"),
        (datetime(2026, 11, 20, 14, 30, 12), "2026-11-20 14:30"),
        ("2026-11-29 01:00", "2026-11-29 01:00"),  # one day ahead of the UTC date is allowed
    ],
)
def test_accepted_forms(raw: object, expected: str) -> None:
    assert SINCE_QUESTION.parse(raw, today=TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("next week", None),
        ("20/11/2026 14:30", None),
        ("2026-11-20 14", None),
        ("2026-02-30 10:00", "there is no such date"),
        ("2026-11-20 24:00", "there is no such time"),
        ("2026-11-20 12:60", "there is no such time"),
        ("2009-12-31", "the year is too early"),
        ("2026-12-25 10:00", "the date is in the future"),
        (datetime(2026, 11, 20, 14, 30, tzinfo=timezone.utc), "write the local time without a time zone offset"),
        (20261120, None),
        ("2026-11-20 14:30" + " " * 40 + "x", None),
    ],
)
def test_refused_with_what_would_fit(raw: object, hint: str | None) -> None:
    with pytest.raises(AnswerValueError) as caught:
        SINCE_QUESTION.parse(raw, today=TODAY)
    assert "2026-11-20 14:30" in caught.value.expected.render("en")
    assert (caught.value.hint.msgid if caught.value.hint else None) == hint


def test_unknown_and_templates() -> None:
    assert SINCE_QUESTION.parse("unknown", today=TODAY) == "unknown"
    assert "unknown" in SINCE_QUESTION.expected().render("en")
    assert "2026-11-20 14:30" in SINCE_QUESTION.expected().render("ja")


@pytest.mark.parametrize(("raw", "ok"), [("", True), ("America/Los_Angeles", True), ("Asia/Tokyo", True),
                                          ("Mars/Olympus", False), ("../etc/passwd", False), ("/etc/localtime", False),
                                          (3, False)])
def test_time_zone_question(raw: object, ok: bool) -> None:
    if ok:
        assert TIME_ZONE_QUESTION.parse(raw) == raw
    else:
        with pytest.raises(AnswerValueError):
            TIME_ZONE_QUESTION.parse(raw)


def test_distinct_zones_one_per_clock() -> None:
    assert distinct_zones("JP", TODAY) == ("Asia/Tokyo",)
    us = distinct_zones("US", TODAY)
    assert us[0] == "America/New_York"
    assert {"America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
            "Pacific/Honolulu"} <= set(us)
    assert len(us) < 15  # 29 names, far fewer clocks
    assert distinct_zones("BV", TODAY) == ()


def test_places() -> None:
    japan = resolve_place("JP", "", TODAY)
    assert (japan.zone, japan.several_zones, japan.other_zones) == ("Asia/Tokyo", False, ())
    assert not needs_zone_choice("JP", "", TODAY)
    guessed = resolve_place("US", "", TODAY)
    assert guessed.zone == "America/New_York" and guessed.other_zones and guessed.several_zones
    assert needs_zone_choice("US", "", TODAY) and not needs_zone_choice("US", "America/Denver", TODAY)
    chosen = resolve_place("US", "America/Los_Angeles", TODAY)
    assert (chosen.zone, chosen.other_zones) == ("America/Los_Angeles", ())
    assert zone_label(chosen, "ja") == "アメリカ合衆国（America/Los_Angeles）"
    assert zone_label(japan, "ko") == "일본"
    assert resolve_place("BV", "", TODAY).zone == "UTC"


@pytest.mark.parametrize(
    ("answers", "country"),
    [
        ({}, "JP"),
        ({"profile.home_country": "KR"}, "KR"),
        ({"profile.home_country": "KR", "support.abroad": False, "support.local_country": "FR"}, "KR"),
        ({"profile.home_country": "KR", "support.abroad": True, "support.local_country": "FR"}, "FR"),
    ],
)
def test_location_country(answers: dict[str, object], country: str) -> None:
    assert location_country(Answers(answers)) == country  # type: ignore[arg-type]


def test_los_angeles_in_korean_time() -> None:
    place = resolve_place("US", "America/Los_Angeles", TODAY)
    moment = Moment(Started(date(2026, 11, 26), time(9, 30)), place)
    assert local_text(moment).render("en") == "2026-11-26 09:30 (UTC-8:00)"
    assert kst_text(moment).render("en") == "2026-11-27 02:30 KST (UTC+9)"
    assert moment.elapsed(datetime(2026, 11, 28, 12, tzinfo=timezone.utc)) == (timedelta(hours=42, minutes=30),) * 2
    assert difference_to_korea(place.zone, date(2026, 11, 26)).render("en") == (
        "local time is 17 hours behind Korea")
    summer = difference_to_korea(place.zone, date(2026, 7, 1)).render("ja")
    assert summer == "現地時間は韓国より16時間遅れています"


def test_date_only_spans_the_day() -> None:
    tokyo = Moment(Started(date(2026, 11, 26), None), resolve_place("JP", "", TODAY))
    assert kst_text(tokyo).render("en") == "2026-11-26 KST (UTC+9)"
    assert local_text(tokyo).render("en") == "2026-11-26 (time not given; UTC+9:00)"
    paris = Moment(Started(date(2026, 11, 26), None), resolve_place("FR", "", TODAY))
    assert kst_text(paris).render("en") == "between 2026-11-26 08:00 and 2026-11-27 07:59 KST (UTC+9)"
    shortest, longest = paris.elapsed(datetime(2026, 11, 28, 12, tzinfo=timezone.utc))
    assert longest - shortest == timedelta(hours=23, minutes=59)


@pytest.mark.parametrize(
    ("delta", "en", "ja", "ko"),
    [
        (timedelta(minutes=5), "5 min", "5分", "5분"),
        (timedelta(hours=3), "3 h", "3時間", "3시간"),
        (timedelta(hours=3, minutes=30), "3 h 30 min", "3時間30分", "3시간 30분"),
        (timedelta(days=2), "2 d", "2日", "2일"),
        (timedelta(days=2, hours=9, minutes=59), "2 d 9 h", "2日9時間", "2일 9시간"),
        (timedelta(seconds=-5), "0 min", "0分", "0분"),
    ],
)
def test_durations(delta: timedelta, en: str, ja: str, ko: str) -> None:
    assert [duration_text(delta).render(lang) for lang in ("en", "ja", "ko")] == [en, ja, ko]


@pytest.mark.parametrize(
    ("answers", "korean"),
    [
        ({}, None),
        ({"contacts.phone": "090-1234-5678"}, False),
        ({"contacts.phone": "+82 10-1234-5678"}, True),
        ({"contacts.phone": "010-1234-5678", "profile.home_country": "KR"}, True),
        ({"contacts.phone": "+82 2-123-4567"}, False),  # a Seoul landline: no Kakao Certificate
        ({"contacts.phone": "not a number"}, None),
    ],
)
def test_korean_number(answers: dict[str, object], korean: bool | None) -> None:
    assert korean_number(Answers(answers)) is korean  # type: ignore[arg-type]


def test_parse_started_from_the_stored_text() -> None:
    assert parse_started("2026-11-20 14:30") == Started(date(2026, 11, 20), time(14, 30))
    assert parse_started("2026-11-20").clock is None


@pytest.mark.parametrize("raw", ["1時間前", "2 hours ago", "さっき", "방금", "30분 전"])
def test_relative_starts_are_kept_as_the_moment_they_mean(raw: str) -> None:
    """"1時間前" is stored as the absolute local date and time it means now: a saved answer never drifts."""
    from kakaoaudit.triage.restriction_questions import SINCE_QUESTION

    before = datetime.now().astimezone().replace(second=0, microsecond=0, tzinfo=None)
    text = SINCE_QUESTION.parse(raw, today=before.date())
    assert isinstance(text, str) and "前" not in text and "ago" not in text and "전" not in text
    moment = datetime.fromisoformat(text)
    assert before - timedelta(hours=3) <= moment <= before + timedelta(minutes=1)


def test_yesterday_is_a_day_without_a_time() -> None:
    from kakaoaudit.triage.restriction_questions import SINCE_QUESTION

    today = datetime.now().astimezone().date()
    assert SINCE_QUESTION.parse("昨日", today=today) == (today - timedelta(days=1)).isoformat()
