"""Time-zone arithmetic against Korean time (KST), for the travel mode.

Uses `zoneinfo`: the system's tz database where there is one, else the `tzdata` package (a runtime
dependency, so Windows works too). All results are DST-aware; `on` is always a calendar date.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final
from zoneinfo import ZoneInfo

__all__ = [
    "KST",
    "format_offset",
    "get_zone",
    "offset_to_kst",
    "utc_offset",
]

#: Korea Standard Time (Asia/Seoul): UTC+9 all year since 1988.
KST: Final = ZoneInfo("Asia/Seoul")

_NOON: Final = time(12)


def get_zone(zone: str | tzinfo) -> tzinfo:
    """A `ZoneInfo` for an IANA name such as "Asia/Tokyo"; a `tzinfo` is returned as it is.

    Raises `zoneinfo.ZoneInfoNotFoundError` (a `KeyError`) for an unknown name and `ValueError` for
    a malformed one (an absolute path, "..").
    """
    if isinstance(zone, tzinfo):
        return zone
    return ZoneInfo(zone)


def utc_offset(zone: str | tzinfo, on: date) -> timedelta:
    """The zone's offset from UTC at local noon on `on` (so the day's DST, not the night's)."""
    offset = datetime.combine(on, _NOON, tzinfo=get_zone(zone)).utcoffset()
    if offset is None:  # a tzinfo that does not know: treat it as UTC
        return timedelta(0)
    return offset


def offset_to_kst(zone: str | tzinfo, on: date) -> timedelta:
    """Local time minus Korean time on `on`, each at its local noon.

    Asia/Tokyo -> 0; America/Los_Angeles -> -17 h in January, -16 h in July;
    Asia/Kolkata -> -3:30.
    """
    return utc_offset(zone, on) - utc_offset(KST, on)


def format_offset(td: timedelta) -> str:
    """ "+9:00", "-16:00", "+5:30", "-3:30", "+0:00" (seconds only when there are any: "+9:18:59")."""
    total = round(td.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours}:{minutes:02d}"
    return f"{text}:{seconds:02d}" if seconds else text
