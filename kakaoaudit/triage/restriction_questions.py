"""The questions `kakaoaudit triage` and `support-kit` share, and the reading of their answers.

Apart from kakaoaudit.restriction (the commands' time and place logic) and light, because every
command must know these questions (one answers file serves all commands): an audit reads them too.
The start is asked once (``triage.since``) as the user's local date and time; see
kakaoaudit.restriction.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Final, NamedTuple

from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import UNKNOWN, AnswerValue, AnswerValueError, QType, Question

# The messages stay in the domain of kakaoaudit.restriction, where they were written first.
_ = translator("kakaoaudit.restriction")

SINCE: Final = "triage.since"
HOME_COUNTRY: Final = "profile.home_country"
ABROAD: Final = "support.abroad"
LOCAL_COUNTRY: Final = "support.local_country"
TIME_ZONE: Final = "support.time_zone"
PHONE: Final = "contacts.phone"
EMAIL: Final = "contacts.email"

#: KakaoTalk started in March 2010: an earlier start is a typo.
EARLIEST_YEAR: Final = 2010

_WEEKDAY = r"(?:\s*\([^)]{1,4}\))?"  # "2026/11/20(金)" as Japanese calendars write it
_DATETIME: Final = re.compile(
    r"^(?P<year>\d{4})\s*[-/.年년]\s*(?P<month>\d{1,2})\s*[-/.月월]\s*(?P<day>\d{1,2})\s*[日일]?" + _WEEKDAY
    + r"(?:\s*T?\s*(?:"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?"
    r"|(?P<hour2>\d{1,2})\s*[時시]\s*(?:(?P<minute2>\d{1,2})\s*[分분]?)?"
    r"))?$"
)


class DateTimeQuestion(Question):
    """A TEXT question whose answer is a local date with an optional time, kept as
    ``"YYYY-MM-DD HH:MM"`` or ``"YYYY-MM-DD"``; anything else is refused with what would fit."""

    def expected(self) -> Msg:
        message = _('a date and time like "2026-11-20 14:30" (or only the date, "2026-11-20")')
        if self.allow_unknown:
            return _('{expected}, or "unknown"', expected=message)
        return message

    def parse(self, raw: object, *, today: date | None = None) -> AnswerValue:
        if self.allow_unknown and isinstance(raw, str) and raw.strip().lower() == UNKNOWN:
            return UNKNOWN
        return parse_started(raw, today=today, expected=self.expected()).text


class TimeZoneQuestion(Question):
    """A TEXT question whose answer is an IANA time zone name ("America/Los_Angeles"), or empty for
    "the main zone of the country"."""

    def expected(self) -> Msg:
        return _('a time zone name such as "America/Los_Angeles", or "" for the country\'s main zone')

    def parse(self, raw: object, *, today: date | None = None) -> AnswerValue:
        if not isinstance(raw, str) or len(raw) > 64:
            raise AnswerValueError(self.expected())
        name = unicodedata.normalize("NFKC", raw).strip()
        if name and not is_zone(name):
            raise AnswerValueError(self.expected(), _("{name} is not a known time zone", name=name[:64]))
        return name


class PastedTextQuestion(Question):
    """A TEXT question answered by pasting text that can span several lines (a notice).

    The commands' prompter reads it up to an empty line; in an answers file it is a TOML
    multi-line string. Windows line endings are read as plain line breaks.
    """

    def parse(self, raw: object, *, today: date | None = None) -> AnswerValue:
        if isinstance(raw, str):
            raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        return super().parse(raw, today=today)


def is_zone(name: str) -> bool:
    """True when `name` is a time zone the tz database knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415 - loads tzdata lazily

    if not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", name):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


#: The questions both commands share. The contact and home-country questions belong to the
#: contact checks; they are declared here identically so that the commands can ask them.
SINCE_QUESTION: Final = DateTimeQuestion(
    SINCE,
    QType.TEXT,
    _("When did it start? Your local date and time, e.g. 2026-11-20 14:30 (only the date is fine too, or "
      "\"2 hours ago\")."),
    help=_("The time where you are now (your home country, or the country you are staying in). "
           "The inquiry needs it; kakaoaudit also shows it in Korean time (KST)."),
    allow_unknown=True,
    max_length=40,
)
HOME_COUNTRY_QUESTION: Final = Question(
    HOME_COUNTRY,
    QType.COUNTRY,
    _("Which country do you live in?"),
    help=_("A country code such as JP or KR, or the country's name."),
    default="JP",
)
ABROAD_QUESTION: Final = Question(
    ABROAD,
    QType.BOOL,
    _("Are you outside your home country right now?"),
    help=_("From abroad, the inquiry needs a local contact, and the time difference to Korea matters."),
)
LOCAL_COUNTRY_QUESTION: Final = Question(
    LOCAL_COUNTRY,
    QType.COUNTRY,
    _("Which country are you in now?"),
    help=_("A country code such as US or FR, or the country's name."),
    when={ABROAD: True},
)
TIME_ZONE_QUESTION: Final = TimeZoneQuestion(
    TIME_ZONE,
    QType.TEXT,
    _("Which time zone are you in?"),
    help=_("Only asked for countries with several time zones. Empty: the country's main zone."),
    default="",
    max_length=64,
)
PHONE_QUESTION: Final = Question(
    PHONE,
    QType.PHONE,
    _("The phone number registered to your Kakao account"),
    help=_("As shown in the Kakao Account settings. Write it with the country code (+81 ...) "
           "if it is not from your home country."),
)
EMAIL_QUESTION: Final = Question(
    EMAIL,
    QType.EMAIL,
    _("The email address registered to your Kakao account"),
    help=_("As shown in the Kakao Account settings."),
)


class Started(NamedTuple):
    """The local date (and time, when known) the restriction started, as the user gave it."""

    day: date
    clock: time | None

    @property
    def text(self) -> str:
        return self.day.isoformat() + ("" if self.clock is None else f" {self.clock:%H:%M}")


def parse_started(raw: object, *, today: date | None = None, expected: Msg | None = None) -> Started:
    """The start from an answer: a string in one of the accepted forms, or a TOML date or
    local date-time. `AnswerValueError` says what would fit."""
    wanted = expected or SINCE_QUESTION.expected()
    if isinstance(raw, datetime):
        if raw.tzinfo is not None:
            raise AnswerValueError(wanted, _("write the local time without a time zone offset"))
        started = Started(raw.date(), raw.time().replace(second=0, microsecond=0))
    elif isinstance(raw, date):
        started = Started(raw, None)
    elif isinstance(raw, str):
        started = _relative(raw) or _parse_text(raw, wanted)
    else:
        raise AnswerValueError(wanted)
    if started.day.year < EARLIEST_YEAR:
        raise AnswerValueError(wanted, _("the year is too early"))
    # `today` is the user's date (their system's calendar); the place they answer about (support.time_zone)
    # can be a day ahead of it. One day of slack here; the exact check, in the place's zone, follows once
    # the place is known (kakaoaudit.commands.session.start).
    if today is not None and started.day > today + timedelta(days=1):
        raise AnswerValueError(wanted, _("the date is in the future"))
    return started


def _relative(raw: str) -> Started | None:
    """"1時間前", "yesterday", "방금" as the absolute local date and time they mean now (kept as such, so
    that a saved answer does not drift), on this computer's clock; None for any other text."""
    from kakaoaudit.core import localtime  # noqa: PLC0415
    from kakaoaudit.core.answer_text import parse_relative  # noqa: PLC0415

    found = parse_relative(raw, localtime.local(localtime.now()))
    if found is None:
        return None
    clock = None if found.day_only else found.moment.time().replace(second=0, microsecond=0)
    return Started(found.moment.date(), clock)


def _parse_text(raw: str, expected: Msg) -> Started:
    text = unicodedata.normalize("NFKC", raw).strip()
    match = _DATETIME.match(text) if len(text) <= 40 else None
    if match is None:
        raise AnswerValueError(expected)
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        raise AnswerValueError(expected, _("there is no such date")) from None
    hour = match["hour"] or match["hour2"]
    if hour is None:
        return Started(day, None)
    minute = match["minute"] or match["minute2"] or "0"
    try:
        return Started(day, time(int(hour), int(minute)))
    except ValueError:
        raise AnswerValueError(expected, _("there is no such time")) from None
