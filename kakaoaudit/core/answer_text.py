"""Read dates, yes/no, "never", "I don't know" and "an hour ago" the way people type them.

Pure functions over one line of typed text, in Japanese, English and Korean; nothing here prints,
prompts or translates. A date parser raises a bare `ValueError` when the text is not an accepted
date (the caller knows the question and builds the translated message); the word readers answer
`None`/`False` when the text is not one of their words.

Every reader looks at no more than `MAX_INPUT_LENGTH` characters: a longer text is refused at once,
so a pasted megabyte costs nothing. Text is compared after NFKC normalisation (full-width digits,
letters and spaces become their ordinary forms; ㍻ and ㋿ become 平成 and 令和) and case folding.

Only the standard library is used. Two packages were tried and rejected: japanera 2.1.3 (era
dates) reads 昭和37年3月15日 and R6.5.31 with none of its format directives and answers S37.3.15
with two dates (37 AD and 1962) to choose from; dateparser 1.5 (relative times) needs regex, pytz
and tzlocal, reads "2022" as 2022-01-01 (losing that only the year was meant), knows neither
さっき nor 방금 nor any era, and took 1.3 s to give up on さっき. The four eras
since 1900 are a table of dates fixed by government order, which is data rather than a library.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Final, Literal, NamedTuple, overload

from kakaoaudit.core import localtime

__all__ = [
    "EARLIEST_YEAR",
    "MAX_INPUT_LENGTH",
    "NEVER",
    "Precision",
    "RelativeTime",
    "RoughDate",
    "is_never",
    "parse_date",
    "parse_dont_know",
    "parse_relative",
    "parse_relative_time",
    "parse_yes_no",
]

#: Longer answers are refused unread: no accepted answer comes near this.
MAX_INPUT_LENGTH: Final = 100
#: Dates before this year are typos in every question kakaoaudit asks.
EARLIEST_YEAR: Final = 1900
#: The stored answer of a question that allows "I have never done that".
NEVER: Final = "never"

Precision = Literal["year", "month"]


class RoughDate(date):
    """A date known only to the month or the year: ``RoughDate(2024, 5)``, ``RoughDate(2024)``.

    It is the *first* day of its period (2024-05-01, 2024-01-01) for ordering, comparison and
    arithmetic. The questions that take a rough date ask "when did you last do X" (change the
    password, review the contacts), and the checks warn when that was long ago: the first day is the
    oldest the answer can mean, so a rough answer can make a check ask for action a little early but
    never call something recent that was not. It is also never after today when the period has
    begun, so "this year" passes a no-future-dates rule.

    ``str`` and `isoformat` give what the person meant, "2024" or "2024-05", so an answers file
    written back holds their answer, not an invented day (write it as a TOML *string*: a bare
    2024-05 is not TOML, and a bare 2024 is an integer). Two rough dates are equal when they name the
    same period (RoughDate(2024) != RoughDate(2024, 1)); against a plain `date` a rough date compares
    as its first day. Adding or subtracting a `timedelta` gives a plain `date`: the result is a day.
    Copies and pickles keep the precision.
    """

    __slots__ = ("_precision",)
    _precision: Precision

    def __new__(cls, year: int, month: int | None = None) -> RoughDate:
        """The period `year`, or `month` of `year`; `ValueError` for a year or month that does not exist."""
        self = super().__new__(cls, year, 1 if month is None else month, 1)
        self._precision = "year" if month is None else "month"
        return self

    @property
    def precision(self) -> Precision:
        """``"year"`` or ``"month"``: how much of the date the person gave."""
        return self._precision

    @property
    def first_day(self) -> date:
        """The first day of the period as a plain `date`."""
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        """The last day of the period as a plain `date`."""
        if self._precision == "year":
            return date(self.year, 12, 31)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def isoformat(self) -> str:
        """"2024" or "2024-05"."""
        if self._precision == "year":
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        if self._precision == "year":
            return f"RoughDate({self.year})"
        return f"RoughDate({self.year}, {self.month})"

    @classmethod
    def fromisoformat(cls, date_string: str, /) -> RoughDate:
        """The rough date written as "2024" or "2024-05" (what `isoformat` gives)."""
        match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2}))?", date_string)
        if match is None:
            raise ValueError(f"Invalid rough date: {date_string[:20]!r}")
        return cls(int(match[1]), None if match[2] is None else int(match[2]))

    def __reduce__(self) -> tuple[Any, ...]:
        # date pickles as (class, packed bytes), which would call RoughDate() with the bytes.
        return (RoughDate, (self.year,) if self._precision == "year" else (self.year, self.month))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RoughDate):
            return self._precision == other._precision and self.first_day == other.first_day
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        # Defined too: the inherited date.__ne__ would ignore the precision.
        if isinstance(other, RoughDate):
            return not self.__eq__(other)
        return super().__ne__(other)

    # Equal rough dates have the same first day, so the date's hash stays consistent with __eq__.
    __hash__ = date.__hash__

    # The date methods that build a new date would call RoughDate(year, month, day); the result of
    # shifting a period by days is a day, so they give a plain date.
    def __add__(self, other: timedelta, /) -> date:  # type: ignore[override]
        return self.first_day + other

    __radd__ = __add__  # type: ignore[assignment]

    @overload  # type: ignore[override]
    def __sub__(self, other: timedelta, /) -> date: ...
    @overload
    def __sub__(self, other: date, /) -> timedelta: ...
    def __sub__(self, other: timedelta | date, /) -> date | timedelta:
        if isinstance(other, timedelta):
            return self.first_day - other
        if isinstance(other, date) and not isinstance(other, datetime):
            return self.first_day - other
        return NotImplemented

    def replace(self, year: int | None = None, month: int | None = None, day: int | None = None) -> date:  # type: ignore[override]
        """A plain `date`: the first day with the given parts replaced."""
        first = self.first_day
        return first.replace(
            year=first.year if year is None else year,
            month=first.month if month is None else month,
            day=first.day if day is None else day,
        )


# --- Text normalisation -------------------------------------------------------------------------

# Dashes an input method may produce between digits; ー (the long-vowel mark) is a common slip.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ー", "-"))
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def _folded(text: str) -> str:
    """NFKC, case-folded, one space between words; `ValueError` for text past the length cap."""
    if len(text) > MAX_INPUT_LENGTH:
        raise ValueError("too long")
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _word_key(text: str) -> str | None:
    """How a short answer is compared: folded, katakana as hiragana (ハイ is はい), without spaces or
    apostrophes (dont know, 한번도), without a closing full stop, comma, "!" or "~". A question mark
    stays: a lone "?" asks for help. None when the text is past the length cap."""
    try:
        folded = _folded(text)
    except ValueError:
        return None
    folded = folded.translate(_KATAKANA_TO_HIRAGANA).replace("’", "'").replace("‘", "'")
    return folded.replace(" ", "").replace("'", "").rstrip(".。!,、~〜")


def _keys(words: Iterable[str]) -> frozenset[str]:
    """`words` as `_word_key` compares them, so the lists below can be written naturally."""
    return frozenset(key for key in map(_word_key, words) if key)


# The patterns below are kept as text: `re` compiles each on first use and caches it, so importing
# this module (every command does, through the questions) compiles nothing.

# --- Dates --------------------------------------------------------------------------------------


class _Era(NamedTuple):
    name: str
    letter: str
    first: date
    last: date | None


# The days each era began and ended, as the government's orders on era names fixed them. On the day
# of a change both names are used, so 大正15年12月25日 and 昭和元年12月25日 are the same day.
_ERAS: Final = (
    _Era("大正", "t", date(1912, 7, 30), date(1926, 12, 25)),
    _Era("昭和", "s", date(1926, 12, 25), date(1989, 1, 7)),
    _Era("平成", "h", date(1989, 1, 8), date(2019, 4, 30)),
    _Era("令和", "r", date(2019, 5, 1), None),
)
_ERA_BY_NAME: Final = {era.name: era for era in _ERAS} | {era.letter: era for era in _ERAS}

_WEEKDAYS: Final = {
    token: index
    for index in range(7)
    for token in (
        "月火水木金土日"[index],
        "月火水木金土日"[index] + "曜",
        "月火水木金土日"[index] + "曜日",
        "월화수목금토일"[index],
        "월화수목금토일"[index] + "요일",
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[index],
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[index],
    )
} | {"tues": 1, "thur": 3, "thurs": 3}

# A weekday after the date, as calendars write it: "(金)", "(금)", "(fri)"; unbracketed only in full.
_WEEKDAY: Final = (
    r"(?: ?\( ?(?P<wd>[^()]{1,9}?)\.? ?\)"
    r"| ?,? ?(?P<wdl>[月火水木金土日]曜日?|[월화수목금토일]요일|(?:mon|tues|wednes|thurs|fri|satur|sun)day))?"
)
_Y, _M, _D = r"(?P<y>[0-9]{4})", r"(?P<m>[0-9]{1,2})", r"(?P<d>[0-9]{1,2})"

# Year, month and day: 2024-05-31, 2024/5/31, 2024.5.31 and Korean 2024. 5. 31., 2024年5月31日(金),
# 2024년 5월 31일, 20240531.
_FULL_DATES: Final = (
    _Y + r" ?(?P<sep>[-/.]) ?" + _M + r" ?(?P=sep) ?" + _D + r"(?P<dot>\.)?" + _WEEKDAY,
    _Y + r" ?年 ?" + _M + r" ?月 ?" + _D + r" ?日?" + _WEEKDAY,
    _Y + r" ?년 ?" + _M + r" ?월 ?" + _D + r" ?일?" + _WEEKDAY,
    r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})",
)
# 昭和37年3月15日, 令和元年5月1日(水), and, for rough dates, 令和6年5月 and 平成2年.
_ERA_DATE: Final = (
    r"(?P<era>大正|昭和|平成|令和) ?(?P<ey>元|[0-9]{1,2}) ?年"
    r"(?: ?" + _M + r" ?月(?: ?" + _D + r" ?日?" + _WEEKDAY + r")?)?"
)
# R6.5.31, H2/5/12, S37-3-15: only complete dates, where the letter cannot mean anything else.
_ERA_LETTERS: Final = (
    r"(?P<era>[tshr]) ?(?P<ey>元|[0-9]{1,2}) ?(?P<sep>[-/.]) ?" + _M + r" ?(?P=sep) ?" + _D + _WEEKDAY
)
# Year and month, or the year alone: 2024-05, 2024/5, 2024. 5., 2024年5月, 2024년 5월, 2024, 2024年, 2024년.
_ROUGH_DATES: Final = (
    _Y + r" ?(?P<sep>[-/.]) ?" + _M + r"(?P<dot>\.)?",
    _Y + r" ?年(?: ?" + _M + r" ?月)?",
    _Y + r" ?년(?: ?" + _M + r" ?월)?",
    _Y,
)
# A trip date without its year: 12月16日, 12/16, 12월 16일 (month first, as in Japan, Korea and the US).
_MONTH_DAYS: Final = (
    _M + r" ?月 ?" + _D + r" ?日?" + _WEEKDAY,
    _M + r" ?/ ?" + _D + _WEEKDAY,
    _M + r" ?월 ?" + _D + r" ?일?" + _WEEKDAY,
)
# "About 2022" is still 2022 when only a rough date is asked.
_APPROXIMATE_BEFORE: Final = (
    r"^(?:約|およそ|大体|だいたい|about|around|approximately|approx\.?|circa|ca\.|c\.|~|대략|약) ?"
)
_APPROXIMATE_AFTER: Final = r" ?(?:頃|ごろ|ころ|くらい|ぐらい|位|あたり|辺り|쯤|경|즈음|정도|-?ish|~)$"


def parse_date(text: str, *, today: date | None = None, rough: bool = False, future: bool = False) -> date:
    """The date `text` names; `ValueError` (without a message for the user) when it names none.

    Accepted, after NFKC normalisation: 2024-05-31, 2024/5/31, 2024.5.31, 20240531,
    2024年5月31日 and 2024年5月31日(金) (a weekday must match the date), Korean 2024년 5월 31일 and
    2024. 5. 31., era dates 昭和37年3月15日, 令和元年5月1日 and R6.5.31, H2/5/12, S37-3-15 (refused
    outside the era: 平成32年, 昭和64年2月1日, 令和元年4月30日).

    With `rough`, also a month or a year, as a `RoughDate`: 2024-05, 2024/5, 2024年5月, 2024년 5월,
    令和6年5月, 2024, 2024年, 2024년, 平成2年, also with "about" (約2022年, 2022年頃, 2022년쯤).
    An era month or year is accepted when any of it lies in the era (平成元年1月 is January 1989).

    With `future` (trip dates), also a month and day without the year, 12月16日, 12/16, 12월 16일:
    the first such day on or after `today` (default: the person's date, `localtime.today()`).

    Dates before `EARLIEST_YEAR` and days that do not exist (2月30日) are refused. Whether a date
    may be in the future or the past is the caller's rule.
    """
    folded = _folded(text).translate(_DASHES)
    if rough:
        folded = re.sub(_APPROXIMATE_AFTER, "", re.sub(_APPROXIMATE_BEFORE, "", folded, count=1), count=1)
    for pattern in _FULL_DATES:
        match = re.fullmatch(pattern, folded)
        if match is not None:
            if match.groupdict().get("dot") and match["sep"] != ".":
                raise ValueError("not a date")
            return _day(int(match["y"]), int(match["m"]), int(match["d"]), _weekday_of(match))
    match = re.fullmatch(_ERA_DATE, folded) or re.fullmatch(_ERA_LETTERS, folded)
    if match is not None:
        return _era_date(match, rough=rough)
    if rough:
        for pattern in _ROUGH_DATES:
            match = re.fullmatch(pattern, folded)
            if match is not None:
                if match.groupdict().get("dot") and match["sep"] != ".":
                    raise ValueError("not a date")
                month = match.groupdict().get("m")
                return _rough(int(match["y"]), None if month is None else int(month))
    if future:
        for pattern in _MONTH_DAYS:
            match = re.fullmatch(pattern, folded)
            if match is not None:
                return _next_occurrence(int(match["m"]), int(match["d"]), _weekday_of(match),
                                        today or localtime.today())
    raise ValueError("not a date")


def _weekday_of(match: re.Match[str]) -> int | None:
    """The weekday written after the date (Monday 0), None when none was; `ValueError` for an unknown one."""
    token = match.groupdict().get("wd") or match.groupdict().get("wdl")
    if token is None:
        return None
    if token.strip() not in _WEEKDAYS:
        raise ValueError("not a weekday")
    return _WEEKDAYS[token.strip()]


def _day(year: int, month: int, day: int, weekday: int | None) -> date:
    if year < EARLIEST_YEAR:
        raise ValueError("year too early")
    value = date(year, month, day)  # ValueError for 2月30日
    if weekday is not None and weekday != value.weekday():
        raise ValueError("the weekday does not match")  # one of the two is a typo: ask again
    return value


def _rough(year: int, month: int | None) -> RoughDate:
    if year < EARLIEST_YEAR:
        raise ValueError("year too early")
    return RoughDate(year, month)


def _era_date(match: re.Match[str], *, rough: bool) -> date:
    era = _ERA_BY_NAME[match["era"]]
    number = 1 if match["ey"] == "元" else int(match["ey"])
    if number < 1:
        raise ValueError("no year 0 in an era")
    year = era.first.year + number - 1
    if match["d"] is not None:
        value: date = _day(year, int(match["m"]), int(match["d"]), _weekday_of(match))
        first = last = value
    elif not rough:
        raise ValueError("not a whole date")
    else:
        value = _rough(year, None if match["m"] is None else int(match["m"]))
        first, last = value.first_day, value.last_day
    if last < era.first or (era.last is not None and first > era.last):
        raise ValueError("outside the era")
    return value


def _next_occurrence(month: int, day: int, weekday: int | None, today: date) -> date:
    # Eight years reach the next 29 February even across a century that has none (2096 -> 2104).
    for year in range(today.year, today.year + 9):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if value >= today:
            if weekday is not None and weekday != value.weekday():
                raise ValueError("the weekday does not match")
            return value
    raise ValueError("no such day")


# --- Yes, no, never, don't know -----------------------------------------------------------------

# Clear answers only: "ok", "sure" or "ある" can answer other things than a yes/no question.
_YES: Final = _keys((
    "y", "yes", "yeah", "yep", "yup", "true", "1",
    "はい", "うん", "ええ", "そう", "そうです", "している", "しています", "してる", "してます",
    "예", "네", "응", "넵", "그래요", "하고 있음", "하고 있어요",
))
_NO: Final = _keys((
    "n", "no", "nope", "nah", "false", "0",
    "いいえ", "いや", "ううん", "いえ", "していない", "してない", "していません", "してません",
    "아니요", "아니오", "아뇨", "아니", "아니야", "안 함", "안 해요", "하고 있지 않음",
))
_DONT_KNOW: Final = _keys((
    "u", "unknown", "dk", "idk", "don't know", "do not know", "i don't know", "i do not know", "not sure",
    "no idea", "dunno", "don't remember", "can't remember",
    "わからない", "分からない", "わかりません", "分かりません", "わかんない", "不明", "知らない", "知りません",
    "覚えていない", "覚えてない", "覚えていません", "忘れた", "忘れました",
    "모름", "모르겠음", "모르겠어요", "모르겠다", "모릅니다", "몰라", "몰라요", "잘 모름", "잘 모르겠어요",
    "기억 안 남", "기억 안 나요", "기억나지 않음",
))
_NEVER_WORDS: Final = _keys((
    "never", "never did", "never done", "never ever", "not once", "not ever", "not yet", "none",
    "i never", "i have never", "i've never",
    "したことがない", "したことない", "したことがありません", "一度もない", "一度もありません", "一度もしていない",
    "ない", "なし", "無し", "無い", "ありません", "ないです", "まだ", "まだない", "まだです",
    "한 번도 없음", "한 번도 없어요", "한 번도 없다", "없음", "없어요", "없다", "없습니다", "없어",
    "아직", "아직 없음", "아직 안 함", "안 해 봤음", "안 해 봤어요",
))
# "〜たことがない" and "〜한 적 없음" with any verb: 変えたことがない, 바꾼 적 없어요; 一度も…, 한 번도….
_NEVER_PHRASES: Final = (
    r"^(?:一度も|一回も|いちども|いっかいも|한번도)"
    r"|[ただ]ことが?(?:ない|無い|ありません|ないです)$"
    r"|적(?:이|은)?없(?:음|어|어요|습니다|다|네요)?$"
)


def parse_yes_no(text: str) -> bool | None:
    """True for a clear yes, False for a clear no, None for anything else.

    English, Japanese and Korean, whatever the case or width: y, yes, true, はい, うん, ええ, そう,
    している, 예, 네, 응 (and 1, as the prompts always took); n, no, false, いいえ, いや, ううん,
    していない, 아니요, 아니오, 아뇨, 아니 (and 0).
    """
    key = _word_key(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def parse_dont_know(text: str) -> bool:
    """Whether `text` says "I don't know": u, unknown, don't know, not sure, わからない, 不明,
    知らない, 모름, 모르겠어요 and the like. A question mark is not one: "?" asks for help."""
    return _word_key(text) in _DONT_KNOW


def is_never(text: str) -> bool:
    """Whether `text` says "never" (store `NEVER`): never, したことがない, 一度もない, ない, なし,
    変えたことがない, 한 번도 없음, 없음, 바꾼 적 없어요 and the like.

    Only for questions that allow the answer: the caller decides (ない is not a no to a yes/no question).
    """
    key = _word_key(text)
    if not key:
        return False
    return key in _NEVER_WORDS or re.search(_NEVER_PHRASES, key) is not None


# --- "1時間前", "yesterday", "방금" --------------------------------------------------------------


class RelativeTime(NamedTuple):
    """A moment read from a relative answer."""

    #: Aware, in the zone of the `now` it was computed from.
    moment: datetime
    #: True when the answer names a day but not the time ("yesterday", "3日前"): `moment` is then
    #: the start of that day and the time of day is unknown.
    day_only: bool


_UNIT_NAMES: Final = {
    "seconds": ("秒", "초", "s", "sec", "secs", "second", "seconds"),
    "minutes": ("分", "분", "m", "min", "mins", "minute", "minutes"),
    "hours": ("時間", "시간", "h", "hr", "hrs", "hour", "hours"),
    "days": ("日", "일", "d", "day", "days"),
    "weeks": ("週", "週間", "주", "주일", "w", "wk", "wks", "week", "weeks"),
    "months": ("か月", "ヵ月", "ヶ月", "カ月", "ケ月", "箇月", "개월", "달", "mo", "mos", "month", "months"),
    "years": ("年", "년", "y", "yr", "yrs", "year", "years"),
}
#: Each way of writing a unit, as `_word_key` leaves it (ヶ月 has become ゖ月), and the unit it names.
_UNITS: Final = {_word_key(name) or name: unit for unit, names in _UNIT_NAMES.items() for name in names}
_NUMBER_WORDS: Final = {
    word: index + 1
    for words in (
        "一二三四五六七八九十",
        ("한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"),
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    )
    for index, word in enumerate(words)
} | {"a": 1, "an": 1}


def _alternatives(name: str, words: Iterable[str]) -> str:
    """A named group matching any of `words`, longest first ("mins" before "m")."""
    return f"(?P<{name}>" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


def _is_hangul(word: str) -> bool:
    return "\uac00" <= word[0] <= "\ud7a3"


_NUMBER: Final = r"(?:(?P<n>[0-9]{1,6}(?:\.[0-9]{1,3})?)|" + _alternatives("word", _NUMBER_WORDS) + ")"
# Matched with the spaces removed: "1時間前", "1時間半くらい前", "한 시간 전", "2h ago", "30 min ago".
_RELATIVE: Final = (
    _NUMBER + _alternatives("unit", (w for w in _UNITS if not w.isascii() and not _is_hangul(w)))
    + r"(?P<half>半)?(?:ほど|くらい|ぐらい|位)?前",
    _NUMBER + _alternatives("unit", filter(_is_hangul, _UNITS)) + r"(?P<half>반)?(?:쯤|정도|가량)?전",
    _NUMBER + _alternatives("unit", (w for w in _UNITS if w.isascii())) + r"ago",
)
# Words without a number, and how far back they point: a timedelta (a moment) or a number of days.
_RELATIVE_WORDS: Final[dict[str, timedelta | int]] = {
    **dict.fromkeys(_keys((
        "今", "いま", "たった今", "今さっき", "ついさっき", "さっき", "先ほど", "さきほど", "今しがた",
        "now", "right now", "just now", "a moment ago", "moments ago",
        "방금", "방금 전", "지금", "막", "이제 막", "조금 전", "아까", "금방",
    )), timedelta(0)),
    **dict.fromkeys(_keys(("half an hour ago",)), timedelta(minutes=30)),
    **dict.fromkeys(_keys(("今日", "きょう", "本日", "今朝", "けさ", "today", "this morning", "오늘", "오늘 아침")), 0),
    **dict.fromkeys(_keys((
        "昨日", "きのう", "昨夜", "昨晩", "ゆうべ", "yesterday", "last night", "어제", "어젯밤", "어제 밤", "어제 저녁",
    )), 1),
    **dict.fromkeys(_keys(("一昨日", "おととい", "おとつい", "the day before yesterday", "그저께", "그제", "엊그제")),
                    2),
    **dict.fromkeys(_keys(("하루 전",)), 1),
    **dict.fromkeys(_keys(("이틀 전",)), 2),
    **dict.fromkeys(_keys(("사흘 전",)), 3),
    **dict.fromkeys(_keys(("先週", "last week", "지난주", "지난 주")), 7),
}
# "since", "about" before; "から", "부터", "くらい", "쯤" after: 昨日から, 1시간 전부터, about 2h ago.
_RELATIVE_BEFORE: Final = (
    r"^(?:since|from|about|around|approx(?:imately|\.)?|roughly|約|およそ|だいたい|大体|대략|약)"
)
_RELATIVE_AFTER: Final = r"(?:から|より|부터|頃|ごろ|くらい|ぐらい|ほど|쯤|정도|가량)$"


def parse_relative(text: str, now: datetime) -> RelativeTime | None:
    """The moment a relative answer names, counted back from the aware `now`; None when `text` is
    not a relative answer (the caller then reads it as a date and time). Days count in `now`'s own
    zone (昨日 is the day before `now`'s date): pass the person's local time, e.g.
    ``localtime.local(localtime.now())``, never a UTC time (in Japan UTC is a day behind until 9:00).

    1時間前, 1時間半前, 30分前, 3日前, 昨日, 一昨日, 今朝, さっき, 今, 昨日から; 2h ago, 30 min ago,
    an hour ago, yesterday, just now; 1시간 전, 한 시간 전, 3일 전, 어제, 방금, 어제부터.
    Seconds, minutes and hours give a moment (さっき, just now and 방금 give `now`); days, weeks,
    months and years give the start of that day with `day_only` set. A naive `now` is a `ValueError`.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    key = _word_key(text)
    if not key or not any(ch.isalpha() for ch in key):
        return None  # every relative answer has a word (前, ago, 전, now, 昨日): "2026-11-20 14:00" is a date
    # The answer as typed first (先ほど ends like 2時間ほど), then without the words around it, a few at most:
    # 1時間くらい前から, about 2h ago.
    for _ in range(4):
        try:
            found = _relative(key, now)
        except (OverflowError, ValueError):  # 999999年前: before the year 1
            return None
        if found is not None:
            return found
        shorter = re.sub(_RELATIVE_AFTER, "", re.sub(_RELATIVE_BEFORE, "", key, count=1), count=1)
        if shorter == key:
            return None
        key = shorter
    return None


def parse_relative_time(text: str, now: datetime) -> datetime | None:
    """The aware moment a relative answer names (see `parse_relative`); None when it is not relative."""
    found = parse_relative(text, now)
    return None if found is None else found.moment


def _relative(key: str, now: datetime) -> RelativeTime | None:
    if key in _RELATIVE_WORDS:
        back = _RELATIVE_WORDS[key]
        if isinstance(back, timedelta):
            return _moment_before(now, back)
        return _day_before(now, days=back)
    for pattern in _RELATIVE:
        match = re.fullmatch(pattern, key)
        if match is not None:
            break
    else:
        return None
    amount = float(match["n"]) if match["n"] is not None else float(_NUMBER_WORDS[match["word"]])
    if match.groupdict().get("half"):
        amount += 0.5
    unit = _UNITS[match["unit"]]
    if unit in ("seconds", "minutes", "hours"):
        return _moment_before(now, timedelta(**{unit: amount}))
    if not amount.is_integer():
        return None  # "1.5日前" names no day
    if unit == "days":
        return _day_before(now, days=int(amount))
    if unit == "weeks":
        return _day_before(now, days=7 * int(amount))
    return _day_before(now, months=int(amount) * (12 if unit == "years" else 1))


def _moment_before(now: datetime, back: timedelta) -> RelativeTime:
    # Elapsed time, not wall-clock time: an hour ago is an hour ago across a clock change.
    tz = now.tzinfo
    return RelativeTime((now.astimezone(timezone.utc) - back).astimezone(tz), day_only=False)


def _day_before(now: datetime, *, days: int = 0, months: int = 0) -> RelativeTime:
    day = now.date() - timedelta(days=days)
    if months:
        index = day.year * 12 + day.month - 1 - months
        year, month = divmod(index, 12)
        month += 1
        day = date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return RelativeTime(datetime.combine(day, time(0), tzinfo=now.tzinfo), day_only=True)
