"""The user's calendar: local dates and day boundaries, with an injectable time zone.

Every date a person gives or sees is a date of their own calendar: "today" for a departure, an
answer "changed on 2026-12-06", a suppression's expiry, "last audit N days ago", `history prune
--before DATE`. So a date is never taken from a UTC datetime (``now.date()`` in UTC is yesterday in
Japan until 9:00): it is read here, in the user's local time zone.

`now` is the one clock of the commands (aware, UTC); `today` is the user's date at that instant.
Tests freeze time by replacing `now` (monkeypatch ``kakaoaudit.core.localtime.now``), which is why
callers write ``localtime.now()`` rather than importing the function. Every other function takes
`zone`: None means the system's local time (which honours the ``TZ`` variable and daylight saving
time on every platform, through the C library), a `tzinfo` (e.g. ``ZoneInfo("Asia/Tokyo")``) fixes
it, which is what tests do.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

__all__ = ["end_of_local_day", "local", "local_date", "now", "start_of_local_day", "today"]


def now() -> datetime:
    """The current instant, aware, in UTC: the clock every command reads (tests replace it)."""
    return datetime.now(timezone.utc)  # noqa: TID251 - the one place the real clock is read


def today(zone: tzinfo | None = None) -> date:
    """The user's date now: the calendar date of `now()` in `zone` (None: the system's time zone)."""
    return local_date(now(), zone)


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
