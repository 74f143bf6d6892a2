"""The time difference to Korea: zones of the destination, DST on the travel dates, every country, in words.

No source gives Kakao's support hours (KAKAO-FACTS K15), so only the offsets are computed, never a window.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kakaoaudit.core import countries
from kakaoaudit.core.model import TimeDifference
from kakaoaudit.core.time_difference import amount, parse_offset, versus_korea
from kakaoaudit.core.timezones import format_offset, offset_to_kst
from kakaoaudit.travel.trip import Trip, difference_of, time_differences

TODAY = date(2026, 11, 28)


def hours(destination: str, depart: date, back: date | None = None) -> dict[str, list[str]]:
    """zone -> [offset, ...] of a trip."""
    found: dict[str, list[str]] = {}
    for entry in time_differences(Trip(destination, "JP", depart, back, TODAY)):
        found.setdefault(entry.zone, []).append(entry.offset_to_kst)
    return found


@pytest.mark.parametrize(
    ("destination", "day", "zone", "offset"),
    [
        ("TW", date(2027, 1, 10), "Asia/Taipei", "-1:00"),
        ("KR", date(2027, 1, 10), "Asia/Seoul", "+0:00"),  # Korea itself
        ("JP", date(2027, 7, 10), "Asia/Tokyo", "+0:00"),  # Japan shares Korean time
        # The United States in January (standard time) and in July (daylight saving time).
        ("US", date(2027, 1, 10), "America/Los_Angeles", "-17:00"),
        ("US", date(2027, 7, 10), "America/Los_Angeles", "-16:00"),
        ("US", date(2027, 1, 10), "America/New_York", "-14:00"),
        ("US", date(2027, 7, 10), "America/New_York", "-13:00"),
        ("US", date(2027, 7, 10), "America/Phoenix", "-16:00"),  # no DST in Arizona
        ("US", date(2027, 7, 10), "Pacific/Honolulu", "-19:00"),
        # The southern hemisphere: daylight saving time in January.
        ("AU", date(2027, 1, 10), "Australia/Sydney", "+2:00"),
        ("AU", date(2027, 7, 10), "Australia/Sydney", "+1:00"),
        ("AU", date(2027, 1, 10), "Australia/Lord_Howe", "+2:00"),  # a half-hour DST shift
        ("AU", date(2027, 7, 10), "Australia/Lord_Howe", "+1:30"),
        ("GB", date(2027, 1, 10), "Europe/London", "-9:00"),
        ("GB", date(2027, 7, 10), "Europe/London", "-8:00"),
        ("IN", date(2027, 1, 10), "Asia/Kolkata", "-3:30"),
        ("NP", date(2027, 1, 10), "Asia/Kathmandu", "-3:15"),
        ("KI", date(2027, 1, 10), "Pacific/Kiritimati", "+5:00"),
        ("NZ", date(2027, 1, 10), "Pacific/Chatham", "+4:45"),
        ("BR", date(2027, 1, 10), "America/Sao_Paulo", "-12:00"),
    ],
)
def test_one_day(destination: str, day: date, zone: str, offset: str) -> None:
    assert hours(destination, day)[zone] == [offset]


def test_every_zone_of_a_country_is_listed_most_populous_first() -> None:
    found = hours("US", date(2027, 1, 10))
    assert list(found) == list(countries.get("US").zones)
    assert next(iter(found)) == "America/New_York"
    assert set(hours("CN", date(2027, 1, 10))) == {"Asia/Shanghai", "Asia/Urumqi"}


def test_a_trip_across_a_clock_change_lists_both_offsets_in_date_order() -> None:
    # US daylight saving time begins on 14 March 2027.
    found = hours("US", date(2027, 3, 1), date(2027, 3, 31))
    assert found["America/New_York"] == ["-14:00", "-13:00"]
    assert found["America/Phoenix"] == ["-16:00"]
    # Before the change only: one offset.
    assert hours("US", date(2027, 3, 1), date(2027, 3, 13))["America/New_York"] == ["-14:00"]
    # Europe's change (28 March 2027) on the very day of departure.
    assert hours("FR", date(2027, 3, 28), date(2027, 3, 29))["Europe/Paris"] == ["-7:00"]


def test_the_trip_days_not_today_decide_the_offset() -> None:
    # Planned in November (standard time) for a summer trip: the summer offset is shown.
    assert hours("US", date(2027, 7, 1), date(2027, 7, 5))["America/Los_Angeles"] == ["-16:00"]


def test_a_place_without_time_zone() -> None:
    assert time_differences(Trip("BV", "JP", date(2027, 1, 10), None, TODAY)) == ()
    assert difference_of(Trip("BV", "JP", date(2027, 1, 10), None, TODAY)) is None


@pytest.mark.parametrize(
    ("offset", "en", "ja", "ko"),
    [
        (timedelta(0), "Taiwan has the same time as Korea", "台湾は韓国と同じ時刻です",
         "대만은 한국과 시간이 같습니다"),
        (timedelta(hours=-1), "Taiwan is 1 hour behind Korea", "台湾は韓国より1時間遅れています",
         "대만은 한국보다 1시간 늦습니다"),
        (timedelta(hours=2), "Taiwan is 2 hours ahead of Korea", "台湾は韓国より2時間進んでいます",
         "대만은 한국보다 2시간 빠릅니다"),
        (timedelta(hours=-3, minutes=-30), "Taiwan is 3 hours 30 minutes behind Korea",
         "台湾は韓国より3時間30分遅れています", "대만은 한국보다 3시간 30분 늦습니다"),
    ],
)
def test_the_difference_in_words(offset: timedelta, en: str, ja: str, ko: str) -> None:
    from kakaoaudit.core.countries import label

    words = versus_korea(label("TW"), offset)
    assert (words.render("en"), words.render("ja"), words.render("ko")) == (en, ja, ko)


def test_offsets_read_back() -> None:
    for minutes in range(-26 * 60, 15 * 60, 15):
        delta = timedelta(minutes=minutes)
        assert parse_offset(format_offset(delta)) == delta
    assert parse_offset("08:00-17:00") is None
    assert amount(timedelta(minutes=45)).render("en") == "45 minutes"


def test_one_offset_in_words_for_the_trip() -> None:
    words = difference_of(Trip("TW", "JP", date(2027, 1, 10), date(2027, 1, 20), TODAY))
    assert words is not None and words.render("en") == "Taiwan is 1 hour behind Korea"
    assert difference_of(Trip("US", "JP", date(2027, 1, 10), None, TODAY)) is None  # several zones


def test_full_country_list() -> None:
    """Every country: its zones load, its offsets agree with zoneinfo, its names resolve to it."""
    day = date(2027, 1, 10)
    for country in countries.all_countries():
        trip = Trip(country.code, "JP", day, day + timedelta(days=200), TODAY)
        entries = time_differences(trip)
        assert {entry.zone for entry in entries} == set(country.zones), country.code
        for entry in entries:
            assert isinstance(entry, TimeDifference)
            assert parse_offset(entry.offset_to_kst) is not None, entry
        for zone in country.zones:
            assert format_offset(offset_to_kst(zone, day)) in [e.offset_to_kst for e in entries if e.zone == zone]
        for lang in ("en", "ja", "ko"):
            assert countries.lookup(country.names[lang]).code == country.code, (country.code, lang)
        assert countries.lookup(country.code.lower()).code == country.code
