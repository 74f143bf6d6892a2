"""Korean office hours in local time: zones of the destination, DST on the travel dates, every country."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kakaoaudit.core import countries
from kakaoaudit.core.model import SupportHours
from kakaoaudit.core.timezones import offset_to_kst
from kakaoaudit.travel.trip import Trip, local_window, support_hours, window_label

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

TODAY = date(2026, 11, 28)


def hours(destination: str, depart: date, back: date | None = None) -> dict[str, list[tuple[str, str]]]:
    """zone -> [(offset, window), ...] of a trip."""
    found: dict[str, list[tuple[str, str]]] = {}
    for entry in support_hours(Trip(destination, "JP", depart, back, TODAY)):
        found.setdefault(entry.zone, []).append((entry.offset_to_kst, entry.local_window))
    return found


@pytest.mark.parametrize(
    ("destination", "day", "zone", "offset", "window"),
    [
        ("TW", date(2027, 1, 10), "Asia/Taipei", "-1:00", "08:00-17:00"),
        ("KR", date(2027, 1, 10), "Asia/Seoul", "+0:00", "09:00-18:00"),  # Korea itself
        ("JP", date(2027, 7, 10), "Asia/Tokyo", "+0:00", "09:00-18:00"),  # Japan shares Korean time
        # The United States in January (standard time) and in July (daylight saving time).
        ("US", date(2027, 1, 10), "America/Los_Angeles", "-17:00", "16:00-01:00 (+1 day)"),
        ("US", date(2027, 7, 10), "America/Los_Angeles", "-16:00", "17:00-02:00 (+1 day)"),
        ("US", date(2027, 1, 10), "America/New_York", "-14:00", "19:00-04:00 (+1 day)"),
        ("US", date(2027, 7, 10), "America/New_York", "-13:00", "20:00-05:00 (+1 day)"),
        ("US", date(2027, 7, 10), "America/Phoenix", "-16:00", "17:00-02:00 (+1 day)"),  # no DST in Arizona
        ("US", date(2027, 7, 10), "Pacific/Honolulu", "-19:00", "14:00-23:00"),
        # The southern hemisphere: daylight saving time in January.
        ("AU", date(2027, 1, 10), "Australia/Sydney", "+2:00", "11:00-20:00"),
        ("AU", date(2027, 7, 10), "Australia/Sydney", "+1:00", "10:00-19:00"),
        ("AU", date(2027, 1, 10), "Australia/Lord_Howe", "+2:00", "11:00-20:00"),  # a half-hour DST shift
        ("AU", date(2027, 7, 10), "Australia/Lord_Howe", "+1:30", "10:30-19:30"),
        ("GB", date(2027, 1, 10), "Europe/London", "-9:00", "00:00-09:00"),
        ("GB", date(2027, 7, 10), "Europe/London", "-8:00", "01:00-10:00"),
        ("IN", date(2027, 1, 10), "Asia/Kolkata", "-3:30", "05:30-14:30"),
        ("NP", date(2027, 1, 10), "Asia/Kathmandu", "-3:15", "05:45-14:45"),
        ("KI", date(2027, 1, 10), "Pacific/Kiritimati", "+5:00", "14:00-23:00"),
        ("NZ", date(2027, 1, 10), "Pacific/Chatham", "+4:45", "13:45-22:45"),
        ("BR", date(2027, 1, 10), "America/Sao_Paulo", "-12:00", "21:00-06:00 (+1 day)"),
    ],
)
def test_one_day(destination: str, day: date, zone: str, offset: str, window: str) -> None:
    assert hours(destination, day)[zone] == [(offset, window)]


def test_every_zone_of_a_country_is_listed_most_populous_first() -> None:
    found = hours("US", date(2027, 1, 10))
    assert list(found) == list(countries.get("US").zones)
    assert next(iter(found)) == "America/New_York"
    assert set(hours("CN", date(2027, 1, 10))) == {"Asia/Shanghai", "Asia/Urumqi"}


def test_a_trip_across_a_clock_change_lists_both_offsets_in_date_order() -> None:
    # US daylight saving time begins on 14 March 2027.
    found = hours("US", date(2027, 3, 1), date(2027, 3, 31))
    assert found["America/New_York"] == [("-14:00", "19:00-04:00 (+1 day)"), ("-13:00", "20:00-05:00 (+1 day)")]
    assert found["America/Phoenix"] == [("-16:00", "17:00-02:00 (+1 day)")]
    # Before the change only: one offset.
    assert hours("US", date(2027, 3, 1), date(2027, 3, 13))["America/New_York"] == [("-14:00", "19:00-04:00 (+1 day)")]
    # Europe's change (28 March 2027) on the very day of departure.
    assert hours("FR", date(2027, 3, 28), date(2027, 3, 29))["Europe/Paris"] == [("-7:00", "02:00-11:00")]


def test_the_trip_days_not_today_decide_the_offset() -> None:
    # Planned in November (standard time) for a summer trip: the summer offset is shown.
    assert hours("US", date(2027, 7, 1), date(2027, 7, 5))["America/Los_Angeles"] == [("-16:00",
                                                                                      "17:00-02:00 (+1 day)")]


def test_a_place_without_time_zone() -> None:
    assert support_hours(Trip("BV", "JP", date(2027, 1, 10), None, TODAY)) == ()


@pytest.mark.parametrize(
    ("hours_", "window"),
    [(0, "09:00-18:00"), (-1, "08:00-17:00"), (-9, "00:00-09:00"), (-10, "23:00-08:00 (+1 day)"),
     (-17, "16:00-01:00 (+1 day)"), (-18, "15:00-00:00 (+1 day)"), (5, "14:00-23:00"), (6, "15:00-00:00 (+1 day)")],
)
def test_local_window_arithmetic(hours_: int, window: str) -> None:
    assert local_window(timedelta(hours=hours_)) == window


@pytest.mark.parametrize(
    ("window", "en", "ja", "ko"),
    [
        ("08:00-17:00", "08:00-17:00", "08:00〜17:00", "08:00~17:00"),
        ("16:00-01:00 (+1 day)", "16:00 to 01:00 the next day", "16:00〜翌日01:00", "16:00~다음 날 01:00"),
        ("something else", "something else", "something else", "something else"),
    ],
)
def test_window_label_in_each_language(window: str, en: str, ja: str, ko: str) -> None:
    label = window_label(window)
    assert (label.render("en"), label.render("ja"), label.render("ko")) == (en, ja, ko)


def test_full_country_list() -> None:
    """Every country: its zones load, its hours agree with zoneinfo, its names resolve to it."""
    day = date(2027, 1, 10)
    for country in countries.all_countries():
        trip = Trip(country.code, "JP", day, day + timedelta(days=200), TODAY)
        entries = support_hours(trip)
        assert {entry.zone for entry in entries} == set(country.zones), country.code
        for entry in entries:
            assert isinstance(entry, SupportHours)
            assert entry.offset_to_kst[0] in "+-"
            assert window_label(entry.local_window).domain != "kakaoaudit.literal", entry
        for zone in country.zones:
            first = offset_to_kst(zone, day)
            assert local_window(first) in [e.local_window for e in entries if e.zone == zone]
        for lang in ("en", "ja", "ko"):
            assert countries.lookup(country.names[lang]).code == country.code, (country.code, lang)
        assert countries.lookup(country.code.lower()).code == country.code
