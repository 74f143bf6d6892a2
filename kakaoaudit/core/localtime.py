"""The user's calendar: local dates and day boundaries, with an injectable time zone.

Suppression expiry dates, "last audit N days ago" and `history prune --before DATE` are calendar
dates as the user sees them, so they are read in the user's local time zone. Every function takes
`zone`: None means the system's local time (which honours the ``TZ`` variable and daylight saving
time on every platform, through the C library), a `tzinfo` (e.g. ``ZoneInfo("Asia/Tokyo")``) fixes
it, which is what tests do.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

__all__ = ["end_of_local_day", "local", "local_date", "start_of_local_day"]


def local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """`moment` (aware) in `zone`, or in the system's local time when `zone` is None."""
    if moment.utcoffset() is None:
        raise ValueError("moment must be a timezone-aware datetime")
    return moment.astimezone(zone)


def local_date(moment: datetime, zone: tzinfo | None = None) -> date:
    """The calendar date of `moment` for the user."""
    return local(moment, zone).date()


def start_of_local_day(day: date, zone: tzinfo | None = None) -> datetime:
    """The first instant of `day` in the user's time zone, as an aware datetime.

    With `zone` None, the naive midnight is handed to the C library (`astimezone()` on a naive
    datetime), which knows the day's offset, daylight saving time included.
    """
    midnight = datetime.combine(day, time.min)
    if zone is None:
        return midnight.astimezone()
    return midnight.replace(tzinfo=zone)


def end_of_local_day(day: date, zone: tzinfo | None = None) -> datetime:
    """The instant `day` ends for the user: the start of the next day (exclusive bound)."""
    return start_of_local_day(day + timedelta(days=1), zone)
