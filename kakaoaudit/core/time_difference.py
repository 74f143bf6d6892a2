"""The time difference to Korea in words: "Taiwan is 1 hour behind Korea", 「日本は韓国と同じ時刻です」.

Kakao's support centre works in Korean time (KAKAO-FACTS K15), but no source gives its opening
hours, so kakaoaudit never shows a window of hours: it says how far the user's clock is from Korea's,
and (through `kakaoaudit.core.claims`) to check the hours on the official help centre.
"""

from __future__ import annotations

import re
from datetime import timedelta

from kakaoaudit.core.i18n import Msg, translator

_ = translator("kakaoaudit")

_OFFSET = re.compile(r"^(?P<sign>[+-])(?P<hours>\d{1,2}):(?P<minutes>\d{2})(?::(?P<seconds>\d{2}))?$")


def parse_offset(text: str) -> timedelta | None:
    """ "+9:00", "-3:30" (as `kakaoaudit.core.timezones.format_offset` writes them) as a timedelta; None otherwise."""
    match = _OFFSET.match(text.strip())
    if match is None:
        return None
    size = timedelta(hours=int(match["hours"]), minutes=int(match["minutes"]), seconds=int(match["seconds"] or 0))
    return -size if match["sign"] == "-" else size


def amount(delta: timedelta) -> Msg:
    """A positive time difference in words: "1 hour", "2 hours 30 minutes", "45 minutes"."""
    minutes = round(abs(delta).total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        hours_text = _("1 hour") if hours == 1 else _("{count} hours", count=hours)
        return _("{hours} {minutes} minutes", hours=hours_text, minutes=rest)
    if hours:
        return _("1 hour") if hours == 1 else _("{count} hours", count=hours)
    return _("{count} minutes", count=rest)


def versus_korea(place: Msg | str, offset: timedelta) -> Msg:
    """Where `place`'s clock is against Korea's, `offset` being local time minus Korean time."""
    if offset == timedelta(0):
        return _("{place} has the same time as Korea", place=place)
    if offset < timedelta(0):
        return _("{place} is {amount} behind Korea", place=place, amount=amount(offset))
    return _("{place} is {amount} ahead of Korea", place=place, amount=amount(offset))
