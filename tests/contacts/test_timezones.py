"""kakaoaudit.core.timezones: offsets against KST through the year (no support hours: no source gives them)."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from kakaoaudit.core.timezones import KST, format_offset, get_zone, offset_to_kst, utc_offset

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

JAN = date(2025, 1, 15)
JUL = date(2025, 7, 15)
H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("zone", "on", "to_kst", "to_utc"),
    [
        ("Asia/Tokyo", JAN, 0 * H, 9 * H),
        ("Asia/Tokyo", JUL, 0 * H, 9 * H),
        ("Asia/Seoul", JAN, 0 * H, 9 * H),
        ("Asia/Seoul", JUL, 0 * H, 9 * H),
        ("America/Los_Angeles", JAN, -17 * H, -8 * H),
        ("America/Los_Angeles", JUL, -16 * H, -7 * H),
        ("America/New_York", JAN, -14 * H, -5 * H),
        ("Australia/Sydney", JAN, 2 * H, 11 * H),  # southern summer: DST
        ("Australia/Sydney", JUL, 1 * H, 10 * H),
        ("Asia/Kolkata", JAN, -3.5 * H, 5.5 * H),
        ("Asia/Kathmandu", JUL, -3.25 * H, 5.75 * H),
        ("Europe/London", JAN, -9 * H, 0 * H),
        ("Europe/London", JUL, -8 * H, 1 * H),
        ("Asia/Taipei", JUL, -1 * H, 8 * H),
        ("Pacific/Kiritimati", JAN, 5 * H, 14 * H),
        ("UTC", JAN, -9 * H, 0 * H),
    ],
)
def test_offsets(zone: str, on: date, to_kst: timedelta, to_utc: timedelta) -> None:
    assert utc_offset(zone, on) == to_utc
    assert offset_to_kst(zone, on) == to_kst


def test_dst_change_day_uses_noon() -> None:
    # US DST starts at 2:00 on 9 March 2025: at noon it is already on.
    assert offset_to_kst("America/Los_Angeles", date(2025, 3, 9)) == -16 * H
    assert offset_to_kst("America/Los_Angeles", date(2025, 3, 8)) == -17 * H


def test_korea_had_dst_in_1988() -> None:
    assert utc_offset(KST, date(1988, 7, 1)) == 10 * H
    assert offset_to_kst("Asia/Tokyo", date(1988, 7, 1)) == -1 * H


def test_accepts_tzinfo() -> None:
    assert offset_to_kst(ZoneInfo("Asia/Tokyo"), JAN) == timedelta(0)
    assert offset_to_kst(timezone(timedelta(hours=1)), JAN) == -8 * H
    assert get_zone(KST) is KST


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "asia/tokyo_x"])
def test_unknown_zone(zone: str) -> None:
    with pytest.raises((ZoneInfoNotFoundError, ValueError)):
        offset_to_kst(zone, JAN)


def test_malformed_zone_is_value_error() -> None:
    with pytest.raises(ValueError):
        get_zone("../../etc/passwd")


@pytest.mark.parametrize(
    ("td", "text"),
    [
        (9 * H, "+9:00"),
        (-16 * H, "-16:00"),
        (5.5 * H, "+5:30"),
        (-3.5 * H, "-3:30"),
        (timedelta(0), "+0:00"),
        (-timedelta(minutes=30), "-0:30"),
        (timedelta(hours=5, minutes=45), "+5:45"),
        (timedelta(hours=9, minutes=18, seconds=59), "+9:18:59"),
        (timedelta(hours=-26), "-26:00"),
    ],
)
def test_format_offset(td: timedelta, text: str) -> None:
    assert format_offset(td) == text


def test_format_offset_of_real_zones() -> None:
    assert format_offset(offset_to_kst("America/Los_Angeles", JAN)) == "-17:00"
    assert format_offset(offset_to_kst("Asia/Kolkata", JAN)) == "-3:30"
    assert format_offset(utc_offset("Asia/Kolkata", JAN)) == "+5:30"
