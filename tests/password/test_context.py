"""kakaoaudit.password.personal: the user's details in the forms people type them, and finding them."""

from __future__ import annotations

from datetime import date

import pytest

from kakaoaudit.password.personal import (
    BIRTH_DATE,
    EMAIL,
    KAKAO_ID,
    NAME,
    PHONE,
    SERVICE,
    birth_date_forms,
    japanese_era_forms,
    name_forms,
    personal_context,
    personal_kinds_in,
    phone_digit_forms,
)


@pytest.mark.parametrize(
    ("day", "expected", "absent"),
    [
        (date(1990, 5, 12), {"H02", "H2", "平成2", "平成02", "平成2年", "H020512", "H2.5.12", "平成2年5月12日"},
         {"平成元年"}),
        (date(1989, 1, 7), {"S64", "昭和64", "昭和64年"}, {"H01"}),  # the last day of Showa
        (date(1989, 1, 8), {"H01", "H1", "平成元", "平成元年", "平成元年1月8日"}, {"S64"}),  # the first of Heisei
        (date(2019, 4, 30), {"H31", "平成31年"}, {"R01"}),
        (date(2019, 5, 1), {"R01", "R1", "令和元年"}, {"H31"}),
        (date(2023, 3, 3), {"R05", "R5", "令和5"}, set()),
        (date(1926, 12, 25), {"S01", "昭和元年"}, {"T15"}),
        (date(1912, 7, 29), {"M45", "明治45"}, set()),
    ],
)
def test_japanese_era_forms(day: date, expected: set[str], absent: set[str]) -> None:
    forms = set(japanese_era_forms(day))
    assert expected <= forms
    assert not absent & forms


def test_era_before_meiji_gives_none() -> None:
    assert japanese_era_forms(date(1850, 1, 1)) == []


def test_birth_date_forms_cover_the_common_ways() -> None:
    forms = set(birth_date_forms(date(1990, 5, 12)))
    assert {"19900512", "900512", "0512", "1205", "1990", "12051990", "05121990", "1990-05-12", "1990/05/12",
            "1990.05.12", "1990/5/12", "05/12", "5/12", "1990年5月12日", "5月12日", "H02"} <= forms


def test_name_forms_split_and_join_both_orders() -> None:
    forms = set(name_forms("Hanako Yamada, はなこ、花子"))
    assert {"hanako", "yamada", "hanakoyamada", "yamadahanako", "はなこ", "花子"} <= forms


def test_phone_forms() -> None:
    forms = set(phone_digit_forms("09012345678", national="9012345678", e164="819012345678"))
    assert {"09012345678", "819012345678", "9012345678", "12345678", "5678"} <= forms


def _context() -> object:
    return personal_context(
        names="Hanako Yamada, はなこ, Ken",
        kakao_id="sunny_88",
        email="flower.tanaka@example.com",
        phone_forms=phone_digit_forms("09012345678", national="9012345678", e164="819012345678"),
        birth_date=date(1990, 5, 12),
    )


@pytest.mark.parametrize(
    ("password", "kinds"),
    [
        ("sakura1990", (BIRTH_DATE,)),
        ("hanako19900512", (BIRTH_DATE, NAME)),
        ("Sunny88!moon", (KAKAO_ID,)),
        ("tanaka-flower-77", (EMAIL,)),
        ("Tulip-0512!", (BIRTH_DATE,)),
        ("さくら平成2年", (BIRTH_DATE,)),
        ("ｈ０２ｓａｋｕｒａ", (BIRTH_DATE,)),  # full-width, as a Japanese keyboard may type it
        ("0k1n4w4-5678-blue", (PHONE,)),
        ("okanah-river", (NAME,)),  # reversed
        ("h4n4k0!river", (NAME,)),  # symbols for letters
        ("yamada.river", (NAME,)),
        ("ken2024!", (NAME,)),  # a 3-letter name as a whole word
        ("broken-token-river", ()),  # ...but not inside another word
        ("My-Kakao-Secret", (SERVICE,)),
        ("カカオ大好き", (SERVICE,)),
        ("비밀카카오톡", (SERVICE,)),
        ("はなこのねこ", (NAME,)),
        ("correct horse battery staple", ()),
        ("🔑🔑🔑🔑🔑🔑🔑🔑", ()),
    ],
)
def test_personal_kinds_in(password: str, kinds: tuple[str, ...]) -> None:
    context = _context()
    assert set(personal_kinds_in(password, context)) == set(kinds)  # type: ignore[arg-type]


def test_email_local_part_words() -> None:
    context = personal_context(email="sunflower.tanaka@example.jp")
    assert personal_kinds_in("Sunflower77", context) == (EMAIL,)
    assert personal_kinds_in("example-77", context) == ()  # the domain is not personal


def test_kinds_and_user_inputs_follow_what_was_given() -> None:
    only_service = personal_context()
    assert only_service.kinds() == (SERVICE,)
    assert "kakao" in only_service.user_inputs() and "카카오" in only_service.user_inputs()
    full = _context()
    assert full.kinds() == (BIRTH_DATE, NAME, PHONE, KAKAO_ID, EMAIL, SERVICE)  # type: ignore[attr-defined]
    inputs = full.user_inputs()  # type: ignore[attr-defined]
    assert len(inputs) == len(set(inputs))
    assert inputs.index("19900512") < inputs.index("kakao")  # personal words rank before service words
    assert all(len(word) >= 2 for word in inputs)
    assert "h02" in inputs  # a 3-character era year is kept
