"""kakaoaudit.core.answer_text: dates, yes/no, never, don't know and relative times as people type them."""

from __future__ import annotations

import copy
import pickle
import sys
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.core.answer_text import (
    EARLIEST_YEAR,
    MAX_INPUT_LENGTH,
    NEVER,
    RelativeTime,
    RoughDate,
    is_never,
    parse_date,
    parse_dont_know,
    parse_relative,
    parse_relative_time,
    parse_yes_no,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TODAY = date(2026, 11, 20)  # a Friday
PROPERTIES = settings(max_examples=300, deadline=None)

# The eras since 1900 as an independent oracle: (kanji, letter, first day, last day).
ERAS = (
    ("大正", "T", date(1912, 7, 30), date(1926, 12, 25)),
    ("昭和", "S", date(1926, 12, 25), date(1989, 1, 7)),
    ("平成", "H", date(1989, 1, 8), date(2019, 4, 30)),
    ("令和", "R", date(2019, 5, 1), date(9999, 12, 31)),
)


# --- parse_date: whole dates ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "2024-05-31", "2024/5/31", "2024/05/31", "2024.5.31", "2024.05.31", "20240531",
    "2024年5月31日", "2024年05月31日", "2024 年 5 月 31 日", "2024年5月31", "2024年5月31日(金)",
    "2024年5月31日（金）", "2024年5月31日(金曜日)", "2024年5月31日 金曜日", "2024/5/31(金)", "2024-05-31 (Fri)",
    "2024-05-31 (fri.)", "2024-05-31, Friday",
    "2024년 5월 31일", "2024년5월31일", "2024년 5월 31일 (금)", "2024년 5월 31일 금요일", "2024. 5. 31.", "2024.5.31.",
    "２０２４－０５－３１", "２０２４年５月３１日", "２０２４／５／３１", "　2024-05-31　", " 2024 - 05 - 31 ",
    "2024ー05ー31",  # the long-vowel mark an input method gives for a dash
    "令和6年5月31日", "令和６年５月３１日(金)", "㋿6年5月31日", "R6.5.31",
    "R6/5/31", "R6-5-31", "r6.5.31", "Ｒ６．５．３１",
])
def test_whole_dates(text: str) -> None:
    value = parse_date(text)
    assert value == date(2024, 5, 31)
    assert type(value) is date


@pytest.mark.parametrize(("text", "expected"), [
    ("1962/3/15", date(1962, 3, 15)),
    ("昭和37年3月15日", date(1962, 3, 15)),
    ("1962年3月15日", date(1962, 3, 15)),
    ("S37.3.15", date(1962, 3, 15)),
    ("H2.5.12", date(1990, 5, 12)),
    ("平成2年5月12日", date(1990, 5, 12)),
    ("㍻2年5月12日", date(1990, 5, 12)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("令和1年5月1日", date(2019, 5, 1)),
    ("R元.5.1", date(2019, 5, 1)),
    ("大正10年1月1日", date(1921, 1, 1)),
    ("T10.1.1", date(1921, 1, 1)),
])
def test_era_and_western_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("平成元年1月8日", date(1989, 1, 8)),      # the first day of Heisei
    ("昭和64年1月7日", date(1989, 1, 7)),      # the last day of Showa
    ("平成31年4月30日", date(2019, 4, 30)),    # the last day of Heisei
    ("令和元年5月1日", date(2019, 5, 1)),      # the first day of Reiwa
    ("昭和元年12月25日", date(1926, 12, 25)),  # the day of a change carries both names
    ("大正15年12月25日", date(1926, 12, 25)),
    ("大正元年7月30日", date(1912, 7, 30)),
    ("H1.1.8", date(1989, 1, 8)),
    ("S64.1.7", date(1989, 1, 7)),
])
def test_era_boundaries_inside(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "平成元年1月7日", "昭和64年1月8日", "昭和64年2月1日", "令和元年4月30日", "平成31年5月1日", "平成32年1月1日",
    "大正元年7月29日", "大正15年12月26日", "昭和65年1月1日", "H1.1.7", "S64.1.8", "R1.4.30", "H32.1.1",
    "平成0年1月1日", "令和0年5月1日", "R0.5.1",
])
def test_era_boundaries_outside(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)
    with pytest.raises(ValueError):
        parse_date(text, rough=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-02-29", date(2024, 2, 29)), ("2000/2/29", date(2000, 2, 29)), ("令和2年2月29日", date(2020, 2, 29)),
    ("2024년 2월 29일", date(2024, 2, 29)),
])
def test_leap_days(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "2023-02-29", "1900-02-29", "2100/2/29", "2024年2月30日", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
    "2024년 2월 30일", "令和5年2月29日", "20230229",
])
def test_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text", [
    "", " ", "　", "today", "yesterday", "never", "unknown", "2024", "2024-05", "2024年5月", "24/5/31", "31/5/2024",
    "5/31/2024", "2024-05-31T10:00", "2024-05-31 10:00", "2024/5-31", "2024-5/31", "2024.5.31/", "2024年5月31日日",
    "2024年5月31日(金", "2024年5月31日(xyz)", "2024年5月31日(Fri", "明治40年1月1日", "M40.1.1", "R6", "R6.5",
    "平成2年", "令和6年5月", "1899-12-31", "0999-01-01", "0000-01-01", "12月16日", "12/16", "-2024-05-31",
    "2024-05-31-", "2024--05-31", "2024年5月31日。", "2024/5/31 2024/5/31", "٢٠٢٤-٠٥-٣١", "２０２４-05-3１x",
    "2024-5-31 (Fri) extra", "2024年5月31日(金)(金)", "2024/5/31,", "R6.5.31.", "2024年5월31일",
])
def test_not_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_a_weekday_must_match_the_date() -> None:
    assert parse_date("2024年5月31日(金)") == date(2024, 5, 31)
    with pytest.raises(ValueError):
        parse_date("2024年5月31日(木)")
    with pytest.raises(ValueError):
        parse_date("2024-05-31 (Mon)")
    with pytest.raises(ValueError):
        parse_date("2024년 5월 31일 (월)")


def test_years_before_1900_are_refused() -> None:
    assert EARLIEST_YEAR == 1900
    assert parse_date("1900-01-01") == date(1900, 1, 1)
    for text in ("1899-12-31", "1899年12月31日", "1899"):
        with pytest.raises(ValueError):
            parse_date(text, rough=True)


# --- parse_date: rough dates ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-05", RoughDate(2024, 5)), ("2024/5", RoughDate(2024, 5)), ("2024.5", RoughDate(2024, 5)),
    ("2024. 5.", RoughDate(2024, 5)), ("2024年5月", RoughDate(2024, 5)), ("2024年 5月", RoughDate(2024, 5)),
    ("2024년 5월", RoughDate(2024, 5)), ("令和6年5月", RoughDate(2024, 5)), ("２０２４－０５", RoughDate(2024, 5)),
    ("2024", RoughDate(2024)), ("2022", RoughDate(2022)), ("2024年", RoughDate(2024)), ("2024년", RoughDate(2024)),
    ("平成2年", RoughDate(1990)), ("令和元年", RoughDate(2019)), ("昭和64年", RoughDate(1989)),
    ("平成元年", RoughDate(1989)), ("平成31年", RoughDate(2019)), ("２０２２", RoughDate(2022)),
    ("2022年頃", RoughDate(2022)), ("2022年ごろ", RoughDate(2022)), ("約2022年", RoughDate(2022)),
    ("2022년쯤", RoughDate(2022)), ("2022년경", RoughDate(2022)), ("about 2022", RoughDate(2022)),
    ("around 2024-05", RoughDate(2024, 5)), ("2022-ish", RoughDate(2022)),
])
def test_rough_dates(text: str, expected: RoughDate) -> None:
    value = parse_date(text, rough=True)
    assert isinstance(value, RoughDate)
    assert value == expected
    assert value.precision == expected.precision


def test_rough_accepts_whole_dates_as_plain_dates() -> None:
    value = parse_date("2024-05-31", rough=True)
    assert value == date(2024, 5, 31)
    assert type(value) is date
    assert parse_date("2024年5月31日頃", rough=True) == date(2024, 5, 31)


@pytest.mark.parametrize(("text", "expected"), [
    ("平成元年1月", RoughDate(1989, 1)),   # January 1989 is partly Heisei
    ("昭和64年1月", RoughDate(1989, 1)),   # and partly Showa
    ("令和元年5月", RoughDate(2019, 5)),
    ("平成31年4月", RoughDate(2019, 4)),
    ("昭和元年12月", RoughDate(1926, 12)),
])
def test_rough_era_months_inside(text: str, expected: RoughDate) -> None:
    assert parse_date(text, rough=True) == expected


@pytest.mark.parametrize("text", [
    "平成32年", "昭和64年2月", "令和元年4月", "平成31年5月",
    "昭和65年", "大正16年", "平成0年", "昭和元年11月", "2024年13月",
    "2024-00", "2024/13", "1899", "1899年12月", "2024年5월", "2024.5/",
])
def test_rough_dates_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, rough=True)


# --- parse_date: trip dates without a year -------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("12月16日", date(2026, 12, 16)), ("12/16", date(2026, 12, 16)), ("12월 16일", date(2026, 12, 16)),
    ("１２月１６日", date(2026, 12, 16)), ("12月16日(水)", date(2026, 12, 16)), ("12/16 (wed)", date(2026, 12, 16)),
    ("11月20日", TODAY),                       # today counts
    ("11/19", date(2027, 11, 19)),              # yesterday's date is next year's
    ("1月5日", date(2027, 1, 5)),
    ("2/29", date(2028, 2, 29)),                # the next leap day
    ("2024-05-31", date(2024, 5, 31)),          # a whole date stays what it says
])
def test_future_dates_without_a_year(text: str, expected: date) -> None:
    assert parse_date(text, future=True, today=TODAY) == expected


def test_future_leap_day_across_a_century_without_one() -> None:
    assert parse_date("2/29", future=True, today=date(2097, 3, 1)) == date(2104, 2, 29)


@pytest.mark.parametrize("text", ["2月30日", "2/30", "13/1", "0/5", "12/32", "12月16日(木)", "16/12", "12-16", "12.16"])
def test_future_dates_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, future=True, today=TODAY)


def test_month_and_day_only_with_future() -> None:
    with pytest.raises(ValueError):
        parse_date("12月16日", today=TODAY)
    with pytest.raises(ValueError):
        parse_date("12/16", rough=True, today=TODAY)


def test_future_defaults_to_the_system_date() -> None:
    value = parse_date("1/1", future=True)
    assert date.today() <= value <= date.today() + timedelta(days=366)


# --- length cap and fuzzing ----------------------------------------------------------------------


def test_length_cap() -> None:
    assert MAX_INPUT_LENGTH == 100
    padded = "2024-05-31".ljust(MAX_INPUT_LENGTH)
    assert parse_date(padded) == date(2024, 5, 31)
    with pytest.raises(ValueError):
        parse_date(padded + " ")


def test_huge_input_is_refused_fast() -> None:
    huge = "2024-05-31" + "0" * 10_000_000
    start = time.perf_counter()
    for _ in range(10):
        with pytest.raises(ValueError):
            parse_date(huge, rough=True, future=True, today=TODAY)
        assert parse_yes_no(huge) is None
        assert parse_dont_know(huge) is False
        assert is_never(huge) is False
        assert parse_relative(huge, datetime(2026, 1, 1, tzinfo=timezone.utc)) is None
    assert time.perf_counter() - start < 0.5


@PROPERTIES
@given(st.text(max_size=120), st.booleans(), st.booleans(), st.dates())
def test_parse_date_raises_only_value_error(text: str, rough: bool, future: bool, today: date) -> None:
    try:
        value = parse_date(text, rough=rough, future=future, today=today)
    except ValueError:
        return
    assert isinstance(value, date)
    assert value.year >= EARLIEST_YEAR


_DATE_ALPHABET = st.sampled_from("0123456789０１２３-/.年月日년월일()（）元令和平成昭和大正RHSrhs 金曜土요일")


@PROPERTIES
@given(st.text(_DATE_ALPHABET, max_size=30), st.booleans(), st.booleans())
def test_date_like_text_raises_only_value_error(text: str, rough: bool, future: bool) -> None:
    try:
        value = parse_date(text, rough=rough, future=future, today=TODAY)
    except ValueError:
        return
    assert isinstance(value, date)
    assert value.year >= EARLIEST_YEAR


_DATES = st.dates(min_value=date(EARLIEST_YEAR, 1, 1))


@PROPERTIES
@given(_DATES)
def test_iso_dates_round_trip(value: date) -> None:
    assert parse_date(value.isoformat()) == value
    assert parse_date(value.isoformat(), rough=True) == value
    assert parse_date(f"{value.year}/{value.month}/{value.day}") == value
    assert parse_date(f"{value.year}年{value.month}月{value.day}日") == value
    assert parse_date(f"{value.year}년 {value.month}월 {value.day}일") == value
    assert parse_date(f"{value:%Y.%m.%d}") == value
    weekday = "月火水木金土日"[value.weekday()]
    assert parse_date(f"{value.year}年{value.month}月{value.day}日({weekday})") == value


@PROPERTIES
@given(st.dates(min_value=date(1912, 7, 30), max_value=date(2100, 12, 31)))
def test_era_dates_round_trip(value: date) -> None:
    for name, letter, first, last in ERAS:
        number = value.year - first.year + 1
        kanji = f"{name}{'元' if number == 1 else number}年{value.month}月{value.day}日"
        short = f"{letter}{number}.{value.month}.{value.day}"
        if first <= value <= last:
            assert parse_date(kanji) == value
            assert parse_date(short) == value
        elif number >= 1 and number <= 99:
            with pytest.raises(ValueError):
                parse_date(kanji)
            with pytest.raises(ValueError):
                parse_date(short)


# --- RoughDate -----------------------------------------------------------------------------------


def test_rough_date_is_the_first_day_of_its_period() -> None:
    year, month = RoughDate(2024), RoughDate(2024, 5)
    assert (year.precision, month.precision) == ("year", "month")
    assert (year.year, year.month, year.day) == (2024, 1, 1)
    assert (month.year, month.month, month.day) == (2024, 5, 1)
    assert year.first_day == date(2024, 1, 1) and type(year.first_day) is date
    assert year.last_day == date(2024, 12, 31)
    assert month.last_day == date(2024, 5, 31)
    assert RoughDate(2024, 2).last_day == date(2024, 2, 29)
    assert RoughDate(2023, 2).last_day == date(2023, 2, 28)


def test_rough_date_text() -> None:
    assert str(RoughDate(2024)) == RoughDate(2024).isoformat() == "2024"
    assert str(RoughDate(2024, 5)) == RoughDate(2024, 5).isoformat() == "2024-05"
    assert f"{RoughDate(2024, 5)}" == "2024-05"
    assert repr(RoughDate(2024)) == "RoughDate(2024)"
    assert repr(RoughDate(2024, 5)) == "RoughDate(2024, 5)"
    assert RoughDate.fromisoformat("2024") == RoughDate(2024)
    assert RoughDate.fromisoformat("2024-05") == RoughDate(2024, 5)
    for bad in ("2024-05-31", "24", "2024-5", "x"):
        with pytest.raises(ValueError):
            RoughDate.fromisoformat(bad)


def test_rough_date_refuses_months_that_do_not_exist() -> None:
    for month in (0, 13):
        with pytest.raises(ValueError):
            RoughDate(2024, month)


def test_rough_date_equality_and_hash() -> None:
    assert RoughDate(2024, 5) == RoughDate(2024, 5)
    assert RoughDate(2024) != RoughDate(2024, 1)   # the year 2024 is not January 2024
    assert not RoughDate(2024) == RoughDate(2024, 1)  # noqa: SIM201 - == and != must agree
    assert RoughDate(2024, 5) != RoughDate(2024, 6)
    assert RoughDate(2024) == date(2024, 1, 1) and date(2024, 1, 1) == RoughDate(2024)
    assert RoughDate(2024) != date(2024, 1, 2) and date(2024, 1, 2) != RoughDate(2024)
    assert RoughDate(2024) != "2024"
    assert len({RoughDate(2024, 5), RoughDate(2024, 5), RoughDate(2024, 6)}) == 2
    assert {RoughDate(2024, 5): "x"}[RoughDate(2024, 5)] == "x"


def test_rough_date_orders_as_its_first_day() -> None:
    assert RoughDate(2024, 5) < date(2024, 5, 2)
    assert RoughDate(2024, 5) <= date(2024, 5, 1)
    assert date(2024, 4, 30) < RoughDate(2024, 5)
    assert RoughDate(2023) < RoughDate(2024, 1) < RoughDate(2024, 2)
    assert sorted([date(2024, 6, 1), RoughDate(2024, 5), date(2024, 1, 1)])[1] == RoughDate(2024, 5)
    # "this year" is never in the future, "last year" always before today
    assert RoughDate(TODAY.year) <= TODAY
    assert RoughDate(TODAY.year, TODAY.month) <= TODAY


def test_rough_date_arithmetic_gives_plain_dates() -> None:
    later = RoughDate(2024, 5) + timedelta(days=3)
    assert later == date(2024, 5, 4) and type(later) is date
    assert type(timedelta(days=3) + RoughDate(2024, 5)) is date
    earlier = RoughDate(2024, 5) - timedelta(days=1)
    assert earlier == date(2024, 4, 30) and type(earlier) is date
    assert RoughDate(2024, 5) - date(2024, 4, 1) == timedelta(days=30)
    assert date(2024, 6, 1) - RoughDate(2024, 5) == timedelta(days=31)
    assert RoughDate(2025) - RoughDate(2024) == timedelta(days=366)
    with pytest.raises(TypeError):
        RoughDate(2024) - 1  # type: ignore[operator]
    replaced = RoughDate(2024, 5).replace(day=31)
    assert replaced == date(2024, 5, 31) and type(replaced) is date
    assert RoughDate(2024).replace(year=2020) == date(2020, 1, 1)


@pytest.mark.parametrize("value", [RoughDate(2024), RoughDate(2024, 5), RoughDate(1900, 12)])
def test_rough_date_copies_and_pickles(value: RoughDate) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(value, protocol))
        assert type(restored) is RoughDate
        assert restored == value and restored.precision == value.precision and str(restored) == str(value)
    for duplicate in (copy.copy(value), copy.deepcopy(value)):
        assert type(duplicate) is RoughDate and duplicate.precision == value.precision


@PROPERTIES
@given(st.integers(EARLIEST_YEAR, 9999), st.none() | st.integers(1, 12))
def test_rough_date_round_trips_through_text_and_toml(year: int, month: int | None) -> None:
    value = RoughDate(year, month)
    assert parse_date(str(value), rough=True) == value
    loaded = tomllib.loads(f'last_changed = "{value}"\n')["last_changed"]
    assert loaded == str(value)
    again = parse_date(loaded, rough=True)
    assert isinstance(again, RoughDate) and again == value and again.precision == value.precision
    assert pickle.loads(pickle.dumps(value)) == value


def test_a_bare_toml_year_is_an_integer() -> None:
    # Why a rough date must be written as a TOML string; a caller that meets the integer passes str() of it.
    loaded = tomllib.loads("last_changed = 2022\n")["last_changed"]
    assert loaded == 2022
    assert parse_date(str(loaded), rough=True) == RoughDate(2022)
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads("last_changed = 2024-05\n")


# --- yes / no / don't know / never ---------------------------------------------------------------

# What kakaoaudit.questionnaire.prompt accepted before this module: none of it may stop working.
OLD_YES = {"y", "yes", "true", "1", "はい", "うん", "예", "네"}
OLD_NO = {"n", "no", "false", "0", "いいえ", "아니요", "아니오"}
OLD_DONT_KNOW = {"u", "unknown", "dk", "わからない", "分からない", "不明", "모름", "모르겠음"}


@pytest.mark.parametrize("text", sorted(OLD_YES | {
    "Y", "YES", "Yes", "ｙｅｓ", "ＹＥＳ", "True", "yeah",
    "yep", "はい。", "はい！", "ハイ", "ﾊｲ", " うん ", "ええ", "そう",
    "そうです", "している", "しています", "してる", "네.", "응", "넵", "예!",
}))
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize("text", sorted(OLD_NO | {
    "N", "NO", "No", "ｎｏ", "False", "nope", "いいえ。", "イイエ", "いや", "ううん", "していない", "してない",
    "していません", "아니요", "아뇨", "아니", "아니야", "안 함",
}))
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", [
    "", " ", "?", "maybe", "ok", "sure", "yes no", "yesss",
    "ない", "なし", "ある", "unknown", "u", "2", "-1", "そうでもない",
    "していないです?", "네아니요", "はいいいえ", "y n",
])
def test_neither_yes_nor_no(text: str) -> None:
    assert parse_yes_no(text) is None


@pytest.mark.parametrize("text", sorted(OLD_DONT_KNOW | {
    "U", "UNKNOWN", "ｕ", "don't know", "Don't know", "don’t know", "dont know", "do not know", "I don't know",
    "not sure", "Not Sure", "idk", "わかりません", "分かりません", "知らない", "不明",
    "覚えていない", "모르겠어요", "모르겠음", "잘 모르겠어요", "기억 안 나요", "ワカラナイ",
}))
def test_dont_know(text: str) -> None:
    assert parse_dont_know(text) is True


@pytest.mark.parametrize("text", ["?", "??", "？", "", "no", "yes", "unsure", "know", "never", "ない", "모르"])
def test_not_dont_know(text: str) -> None:
    # "?" asks for help; "unsure" is the value of the "not sure about these" item of select-all questions.
    assert parse_dont_know(text) is False


@pytest.mark.parametrize("text", [
    "never", "Never", "NEVER", "ｎｅｖｅｒ", "never.", "not once", "none", "I have never", "I've never",
    "したことがない", "したことない", "一度もない", "一度もありません", "ない", "なし", "ナシ", "無し", "まだ",
    "変えたことがない", "変更したことがありません", "読んだことない", "一度も変えていない",
    "한 번도 없음", "한번도 없음", "없음", "없어요",
    "바꾼 적 없어요", "한 적이 없습니다", "한 번도 안 바꿨어요", "아직",
])
def test_never(text: str) -> None:
    assert is_never(text) is True


@pytest.mark.parametrize("text", [
    "", "?", "no", "yes", "nevermind", "2024", "ある",
    "あります", "いいえ", "昨日", "있음", "아니요", "unknown", "ことがある",
])
def test_not_never(text: str) -> None:
    assert is_never(text) is False


def test_never_value() -> None:
    assert NEVER == "never"
    assert is_never(NEVER)


def test_the_vocabularies_do_not_overlap() -> None:
    samples = {
        "yes": ["y", "yes", "true", "1", "はい", "うん", "ええ", "そう", "している", "예", "네", "응"],
        "no": ["n", "no", "false", "0", "いいえ", "いや", "ううん", "していない", "아니요", "아니오", "아뇨", "아니"],
        "dont_know": ["u", "unknown", "dk", "don't know",
        "not sure", "わからない", "不明", "知らない", "모름", "모르겠어요"],
        "never": ["never", "したことがない", "一度もない", "ない", "なし", "한 번도 없음", "없음", "none", "not once"],
    }
    for kind, words in samples.items():
        for word in words:
            found = {
                "yes": parse_yes_no(word) is True,
                "no": parse_yes_no(word) is False,
                "dont_know": parse_dont_know(word),
                "never": is_never(word),
            }
            assert {name for name, hit in found.items() if hit} == {kind}, word


@PROPERTIES
@given(st.text(max_size=120))
def test_word_readers_never_raise(text: str) -> None:
    assert parse_yes_no(text) in (True, False, None)
    assert parse_dont_know(text) in (True, False)
    assert is_never(text) in (True, False)


# --- relative times ------------------------------------------------------------------------------

TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 20, 14, 30, tzinfo=TOKYO)


@pytest.mark.parametrize(("text", "back"), [
    ("1時間前", timedelta(hours=1)), ("１時間前", timedelta(hours=1)), ("30分前", timedelta(minutes=30)),
    ("1時間半前", timedelta(hours=1, minutes=30)), ("2時間くらい前", timedelta(hours=2)),
    ("約2時間前", timedelta(hours=2)), ("1時間前から", timedelta(hours=1)), ("一時間前", timedelta(hours=1)),
    ("10秒前", timedelta(seconds=10)), ("48時間前", timedelta(hours=48)),
    ("さっき", timedelta(0)), ("今", timedelta(0)), ("たった今", timedelta(0)), ("先ほど", timedelta(0)),
    ("2h ago", timedelta(hours=2)), ("2 h ago", timedelta(hours=2)), ("2 hours ago", timedelta(hours=2)),
    ("30 min ago", timedelta(minutes=30)), ("30m ago", timedelta(minutes=30)), ("an hour ago", timedelta(hours=1)),
    ("1.5 hours ago", timedelta(hours=1, minutes=30)), ("about 3 hours ago", timedelta(hours=3)),
    ("half an hour ago", timedelta(minutes=30)), ("just now", timedelta(0)), ("Just Now", timedelta(0)),
    ("since 2 hours ago", timedelta(hours=2)),
    ("1시간 전", timedelta(hours=1)), ("1시간전", timedelta(hours=1)), ("한 시간 전", timedelta(hours=1)),
    ("세 시간 전", timedelta(hours=3)), ("30분 전", timedelta(minutes=30)),
    ("1시간 반 전", timedelta(hours=1, minutes=30)),
    ("2시간쯤 전", timedelta(hours=2)), ("1시간 전부터", timedelta(hours=1)), ("방금", timedelta(0)),
    ("방금 전", timedelta(0)), ("아까", timedelta(0)),
])
def test_relative_moments(text: str, back: timedelta) -> None:
    found = parse_relative(text, NOW)
    assert found == RelativeTime(NOW - back, day_only=False)
    assert parse_relative_time(text, NOW) == NOW - back


@pytest.mark.parametrize(("text", "day"), [
    ("昨日", date(2026, 11, 19)), ("きのう", date(2026, 11, 19)), ("昨日から", date(2026, 11, 19)),
    ("一昨日", date(2026, 11, 18)), ("おととい", date(2026, 11, 18)), ("3日前", date(2026, 11, 17)),
    ("三日前", date(2026, 11, 17)), ("今日", date(2026, 11, 20)), ("今朝", date(2026, 11, 20)),
    ("1週間前", date(2026, 11, 13)), ("2週間前", date(2026, 11, 6)), ("先週", date(2026, 11, 13)),
    ("1か月前", date(2026, 10, 20)), ("3ヶ月前", date(2026, 8, 20)), ("1年前", date(2025, 11, 20)),
    ("yesterday", date(2026, 11, 19)), ("Yesterday", date(2026, 11, 19)), ("since yesterday", date(2026, 11, 19)),
    ("today", date(2026, 11, 20)), ("3 days ago", date(2026, 11, 17)), ("a day ago", date(2026, 11, 19)),
    ("2 weeks ago", date(2026, 11, 6)), ("last night", date(2026, 11, 19)), ("1 month ago", date(2026, 10, 20)),
    ("어제", date(2026, 11, 19)), ("어제부터", date(2026, 11, 19)), ("그저께", date(2026, 11, 18)),
    ("3일 전", date(2026, 11, 17)), ("하루 전", date(2026, 11, 19)), ("이틀 전", date(2026, 11, 18)),
    ("오늘", date(2026, 11, 20)), ("2주 전", date(2026, 11, 6)), ("한 달 전", date(2026, 10, 20)),
])
def test_relative_days(text: str, day: date) -> None:
    found = parse_relative(text, NOW)
    assert found is not None
    assert found.day_only is True
    assert found.moment == datetime(day.year, day.month, day.day, tzinfo=TOKYO)
    assert found.moment.tzinfo is TOKYO


def test_month_back_from_the_31st_lands_on_the_last_day() -> None:
    now = datetime(2026, 3, 31, 9, 0, tzinfo=TOKYO)
    found = parse_relative("1か月前", now)
    assert found is not None and found.moment.date() == date(2026, 2, 28)


@pytest.mark.parametrize("text", [
    "", "?", "2024-05-31", "2024-05-31 14:30", "14:30", "in 2 hours", "2時間後", "2시간 후", "tomorrow", "明日", "내일",
    "never", "unknown", "1.5日前", "数時間前", "hours ago", "時間前", "前", "ago", "2 parsecs ago", "-1 hours ago",
    "999999年前", "999999 years ago", "9999999時間前",
])
def test_not_relative(text: str) -> None:
    assert parse_relative(text, NOW) is None
    assert parse_relative_time(text, NOW) is None


def test_relative_counts_elapsed_time_across_a_clock_change() -> None:
    new_york = ZoneInfo("America/New_York")
    now = datetime(2026, 3, 8, 3, 30, tzinfo=new_york)  # 30 minutes after the clocks went from 02:00 to 03:00
    moment = parse_relative_time("2h ago", now)
    assert moment is not None
    assert now.astimezone(timezone.utc) - moment.astimezone(timezone.utc) == timedelta(hours=2)
    assert moment.replace(tzinfo=None) == datetime(2026, 3, 8, 0, 30)


def test_relative_keeps_the_zone_of_now() -> None:
    utc_now = datetime(2026, 11, 20, 5, 30, tzinfo=timezone.utc)
    moment = parse_relative_time("1時間前", utc_now)
    assert moment == datetime(2026, 11, 20, 4, 30, tzinfo=timezone.utc) and moment.tzinfo is timezone.utc
    day = parse_relative_time("昨日", utc_now)
    assert day == datetime(2026, 11, 19, tzinfo=timezone.utc)


def test_relative_needs_an_aware_now() -> None:
    with pytest.raises(ValueError):
        parse_relative("1時間前", datetime(2026, 11, 20, 14, 30))


@PROPERTIES
@given(st.text(max_size=120), st.datetimes(timezones=st.sampled_from([timezone.utc, TOKYO, ZoneInfo("Europe/Paris")])))
def test_relative_never_raises(text: str, now: datetime) -> None:
    found = parse_relative(text, now)
    if found is not None:
        assert found.moment.utcoffset() is not None
        assert found.moment <= now + timedelta(hours=1)  # never in the future (an hour of DST slack for day starts)
