"""When a restriction started and where the user is: shared by `kakaoaudit triage` and `support-kit`.

The start is asked once (``triage.since``) as the user's local date and time ("2026-11-20 14:30",
"2026/11/20 14:30", "2026年11月20日 14時30分", "2026년 11월 20일 14시 30분", or only the date).
The local time zone is that of the country the user is in: the home country, or the country of
their stay when abroad; a country with several time zones takes ``support.time_zone`` (asked by
the command, or listed when there is no terminal). Korea Standard Time is UTC+9 all year
(KAKAO-FACTS K15), and the support centre works in KST (its opening hours are in no source).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.i18n import Msg, translator

# The questions and the reading of the start live apart, light, in kakaoaudit.triage.restriction_questions
# (every audit reads the commands' questions); their names stay importable from here.
from kakaoaudit.triage.restriction_questions import (
    ABROAD,
    ABROAD_QUESTION,
    EARLIEST_YEAR,
    EMAIL,
    EMAIL_QUESTION,
    HOME_COUNTRY,
    HOME_COUNTRY_QUESTION,
    LOCAL_COUNTRY,
    LOCAL_COUNTRY_QUESTION,
    PHONE,
    PHONE_QUESTION,
    SINCE,
    SINCE_QUESTION,
    TIME_ZONE,
    TIME_ZONE_QUESTION,
    DateTimeQuestion,
    PastedTextQuestion,
    Started,
    TimeZoneQuestion,
    is_zone,
    parse_started,
)

__all__ = [
    "ABROAD",
    "ABROAD_QUESTION",
    "EARLIEST_YEAR",
    "EMAIL",
    "EMAIL_QUESTION",
    "HOME_COUNTRY",
    "HOME_COUNTRY_QUESTION",
    "LOCAL_COUNTRY",
    "LOCAL_COUNTRY_QUESTION",
    "PHONE",
    "PHONE_QUESTION",
    "SINCE",
    "SINCE_QUESTION",
    "TIME_ZONE",
    "TIME_ZONE_QUESTION",
    "DateTimeQuestion",
    "Moment",
    "PastedTextQuestion",
    "Place",
    "Started",
    "TimeZoneQuestion",
    "difference_to_korea",
    "distinct_zones",
    "duration_text",
    "is_zone",
    "korean_number",
    "kst_text",
    "local_text",
    "location_country",
    "minutes",
    "moment_of",
    "needs_zone_choice",
    "offset_text",
    "parse_started",
    "resolve_place",
    "zone_label",
]

_ = translator("kakaoaudit.restriction")


@dataclass(frozen=True)
class Place:
    """Where the user is: the country and the time zone used for local times."""

    country: str
    zone: str
    #: The country has several clocks, so the zone is part of the place's name.
    several_zones: bool = False
    #: The country's other distinct zones (one per offset) when none was chosen and the main zone
    #: was taken: the output lists them with how to choose.
    other_zones: tuple[str, ...] = ()


def location_country(answers: Answers) -> str:
    """The country the user is in: the country of the stay when abroad, else the home country."""
    if answers.get_bool(ABROAD):
        local = answers.get_text(LOCAL_COUNTRY)
        if local:
            return local
    return answers.get_text(HOME_COUNTRY) or "JP"


def distinct_zones(country: str, on: date) -> tuple[str, ...]:
    """The country's time zones, one per distinct pair of (winter, summer) offsets, main first.

    The United States have 29 zone names but only a handful of different clocks.
    """
    from kakaoaudit.core import countries  # noqa: PLC0415 - the country table loads only when needed
    from kakaoaudit.core.timezones import utc_offset  # noqa: PLC0415

    seen: set[tuple[timedelta, timedelta]] = set()
    zones: list[str] = []
    for zone in countries.get(country).zones:
        key = (utc_offset(zone, date(on.year, 1, 15)), utc_offset(zone, date(on.year, 7, 15)))
        if key not in seen:
            seen.add(key)
            zones.append(zone)
    return tuple(zones)


def resolve_place(country: str, chosen_zone: str | None, on: date) -> Place:
    """The place for `country`; `chosen_zone` (``support.time_zone``) wins when given."""
    zones = distinct_zones(country, on)
    if chosen_zone:
        return Place(country, chosen_zone, several_zones=len(zones) != 1 or zones[0] != chosen_zone)
    if not zones:  # uninhabited territories (BV, HM)
        return Place(country, "UTC", several_zones=True)
    return Place(country, zones[0], several_zones=len(zones) > 1, other_zones=zones[1:])


def needs_zone_choice(country: str, chosen_zone: str | None, on: date) -> bool:
    """True when the country has several clocks and no zone was chosen."""
    return not chosen_zone and len(distinct_zones(country, on)) > 1


@dataclass(frozen=True)
class Moment:
    """The start of the restriction, placed in time: local (aware) and Korean time."""

    started: Started
    place: Place

    @property
    def local(self) -> datetime:
        """The local start (the beginning of the day when only the date is known)."""
        from kakaoaudit.core.timezones import get_zone  # noqa: PLC0415

        return datetime.combine(self.started.day, self.started.clock or time(0), tzinfo=get_zone(self.place.zone))

    @property
    def local_end(self) -> datetime:
        """The latest moment it can have been: the same as `local` when the time is known."""
        if self.started.clock is not None:
            return self.local
        return self.local + timedelta(days=1) - timedelta(minutes=1)

    @property
    def utc_offset(self) -> timedelta:
        return self.local.utcoffset() or timedelta(0)

    def kst(self) -> tuple[datetime, datetime]:
        """The start in KST: (earliest, latest); equal when the time is known."""
        from kakaoaudit.core.timezones import KST  # noqa: PLC0415

        return self.local.astimezone(KST), self.local_end.astimezone(KST)

    def elapsed(self, now: datetime) -> tuple[timedelta, timedelta]:
        """(shortest, longest) time since the start; equal when the time is known."""
        return now - self.local_end.astimezone(timezone.utc), now - self.local.astimezone(timezone.utc)


def moment_of(answers: Answers, place: Place) -> Moment | None:
    """The start as a `Moment`, or None when the user does not know it."""
    text = answers.get_text(SINCE)
    if not text:
        return None
    return Moment(parse_started(text), place)


def offset_text(offset: timedelta) -> str:
    """ "UTC+9:00", "UTC-8:00"."""
    from kakaoaudit.core.timezones import format_offset  # noqa: PLC0415

    return "UTC" + format_offset(offset)


def minutes(moment: datetime) -> str:
    """ "2026-11-20 14:30": a wall-clock time as the outputs show it."""
    return moment.strftime("%Y-%m-%d %H:%M")


def local_text(moment: Moment) -> Msg:
    """The local start, with its UTC offset: "2026-11-20 14:30 (UTC+9:00)"."""
    offset = offset_text(moment.utc_offset)
    if moment.started.clock is None:
        return _("{date} (time not given; {offset})", date=moment.started.day.isoformat(), offset=offset)
    return _("{datetime} ({offset})", datetime=minutes(moment.local), offset=offset)


def kst_text(moment: Moment) -> Msg:
    """The start in Korean time: "2026-11-20 14:30 KST", or the span of a date-only start."""
    earliest, latest = moment.kst()
    if moment.started.clock is not None:
        return _("{datetime} KST (UTC+9)", datetime=minutes(earliest))
    if earliest.date() == latest.date() and earliest.hour == 0:
        return _("{date} KST (UTC+9)", date=earliest.date().isoformat())
    return _("between {start} and {end} KST (UTC+9)", start=minutes(earliest), end=minutes(latest))


def duration_text(delta: timedelta) -> Msg:
    """A duration in words: "3 hours 5 minutes", "2 days 4 hours", "45 minutes"."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("{days} d {hours} h", days=days, hours=hours) if hours else _("{days} d", days=days)
    if hours:
        return _("{hours} h {minutes} min", hours=hours, minutes=minutes) if minutes else _("{hours} h", hours=hours)
    return _("{minutes} min", minutes=minutes)


def difference_to_korea(zone: str, on: date) -> Msg:
    """The time difference between the local zone and Korea on `on`, in words ("local time is 1 hour behind Korea")."""
    from kakaoaudit.core.time_difference import versus_korea  # noqa: PLC0415
    from kakaoaudit.core.timezones import offset_to_kst  # noqa: PLC0415

    return versus_korea(_("local time"), offset_to_kst(zone, on))


def zone_label(place: Place, lang: str) -> str:
    """ "Japan", or "United States (America/Los_Angeles)" for a country with several zones."""
    from kakaoaudit.core import countries  # noqa: PLC0415

    name = countries.name(place.country, lang)
    if place.several_zones:
        return _("{country} ({zone})", country=name, zone=place.zone).render(lang)
    return name


def korean_number(answers: Answers) -> bool | None:
    """Whether the registered phone number is a South Korean mobile number; None when unknown."""
    text = answers.get_text(PHONE)
    if not text:
        return None
    from kakaoaudit.contacts.phone_email import PhoneType, parse_phone  # noqa: PLC0415 - phonenumbers loads only here

    info = parse_phone(text, answers.get_text(HOME_COUNTRY) or "JP")
    if not info.valid:
        return None
    return info.region == "KR" and info.type is PhoneType.MOBILE
