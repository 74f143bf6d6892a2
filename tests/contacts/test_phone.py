"""parse_phone / same_phone: a table of real-world inputs (JP, KR, US) and hostile ones."""

from __future__ import annotations

import time
from typing import NamedTuple

import pytest

from kakaoaudit.contacts.phone_email import (
    MAX_PHONE_INPUT,
    PHONE_PROBLEMS,
    PhoneInfo,
    PhoneType,
    parse_phone,
    same_phone,
)


class Valid(NamedTuple):
    text: str
    region: str
    e164: str
    country: str
    kind: PhoneType
    sms: bool | None


VALID = [
    # Korean mobiles
    Valid("+82 10-1234-5678", "JP", "+821012345678", "KR", PhoneType.MOBILE, True),
    Valid("010-1234-5678", "KR", "+821012345678", "KR", PhoneType.MOBILE, True),
    Valid("01012345678", "KR", "+821012345678", "KR", PhoneType.MOBILE, True),
    Valid("+82 010-1234-5678", "JP", "+821012345678", "KR", PhoneType.MOBILE, True),  # Korean habit
    Valid("+82 (0)10-1234-5678", "JP", "+821012345678", "KR", PhoneType.MOBILE, True),
    Valid("010-1234-5678", "kr", "+821012345678", "KR", PhoneType.MOBILE, True),  # region any case
    # Japanese mobiles (070 is mobile in Japan since 2014)
    Valid("090-1234-5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("080-1234-5678", "JP", "+818012345678", "JP", PhoneType.MOBILE, True),
    Valid("070-1234-5678", "JP", "+817012345678", "JP", PhoneType.MOBILE, True),
    Valid("+81 90-1234-5678", "KR", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("+81 (0)90-1234-5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("+81 (90) 1234.5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("(090) 1234-5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("090.1234.5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("tel:+81-90-1234-5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("  090 1234 5678\n", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    # full-width digits, plus, hyphens, ideographic space; IME dashes
    Valid("０９０－１２３４－５６７８", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("＋８１　９０－１２３４－５６７８", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("０９０‐１２３４‐５６７８", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("090ー1234ー5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("090−1234−5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    Valid("📞 090-1234-5678", "JP", "+819012345678", "JP", PhoneType.MOBILE, True),
    # VoIP: cannot receive the SMS codes
    Valid("050-1234-5678", "JP", "+815012345678", "JP", PhoneType.VOIP, False),
    Valid("070-1234-5678", "KR", "+827012345678", "KR", PhoneType.VOIP, False),
    Valid("+82 70-1234-5678", "JP", "+827012345678", "KR", PhoneType.VOIP, False),
    # fixed lines and others
    Valid("03-1234-5678", "JP", "+81312345678", "JP", PhoneType.FIXED_LINE, False),
    Valid("02-1234-5678", "KR", "+82212345678", "KR", PhoneType.FIXED_LINE, False),
    Valid("+82 2-123-4567", "JP", "+8221234567", "KR", PhoneType.FIXED_LINE, False),
    Valid("0120-123-456", "JP", "+81120123456", "JP", PhoneType.TOLL_FREE, False),
    Valid("0570-123-456", "JP", "+81570123456", "JP", PhoneType.UAN, False),
    Valid("020-1234-5678", "JP", "+812012345678", "JP", PhoneType.PAGER, False),
    Valid("050-1234-5678", "KR", "+825012345678", "KR", PhoneType.PERSONAL_NUMBER, False),
    # US/Canada: the plan does not tell mobiles from fixed lines
    Valid("+1 650-253-0000", "JP", "+16502530000", "US", PhoneType.FIXED_LINE_OR_MOBILE, None),
    Valid("(650) 253-0000", "US", "+16502530000", "US", PhoneType.FIXED_LINE_OR_MOBILE, None),
    Valid("+1 416 555 0199", "JP", "+14165550199", "CA", PhoneType.FIXED_LINE_OR_MOBILE, None),
    # elsewhere
    Valid("+886 912 345 678", "JP", "+886912345678", "TW", PhoneType.MOBILE, True),
    Valid("+44 7400 123456", "JP", "+447400123456", "GB", PhoneType.MOBILE, True),
    Valid("+91 98765 43210", "JP", "+919876543210", "IN", PhoneType.MOBILE, True),
]


@pytest.mark.parametrize("case", VALID, ids=[f"{c.text!r}-{c.region}" for c in VALID])
def test_valid_numbers(case: Valid) -> None:
    info = parse_phone(case.text, case.region)
    assert info.parsed and info.possible and info.valid
    assert info.problem is None
    assert info.e164 == case.e164
    assert info.region == case.country
    assert info.type is case.kind
    assert info.sms_capable is case.sms
    assert info.country_code == int(case.e164[1 : 1 + len(str(info.country_code))])


def test_non_geographic_number_has_no_region() -> None:
    info = parse_phone("+800 1234 5678")
    assert info.valid and info.type is PhoneType.TOLL_FREE
    assert info.region is None and info.country_code == 800 and info.e164 == "+80012345678"


class Invalid(NamedTuple):
    text: str
    region: str
    problem: str
    parsed: bool
    possible: bool


INVALID = [
    Invalid("", "JP", "empty", False, False),
    Invalid("   ", "JP", "empty", False, False),
    Invalid("\u3000\t\n", "JP", "empty", False, False),  # ideographic space too
    # letters: keypad conversion would make a different, valid number of a typo
    Invalid("090-ABCD-5678", "JP", "letters", False, False),
    Invalid("O90-1234-5678", "JP", "letters", False, False),  # letter O for zero
    Invalid("1-800-FLOWERS", "US", "letters", False, False),
    Invalid("+1 800 FLOWERS", "JP", "letters", False, False),
    Invalid("090-1234-5678 ext. 12", "JP", "letters", False, False),
    Invalid("abc", "JP", "letters", False, False),
    Invalid("공일공-1234-5678", "KR", "letters", False, False),
    Invalid("ｔｅｌ", "JP", "letters", False, False),
    # nothing that could be a digit
    Invalid("😀", "JP", "no_digits", False, False),
    Invalid("+", "JP", "no_digits", False, False),
    Invalid("---", "JP", "no_digits", False, False),
    Invalid("ーーー", "JP", "no_digits", False, False),
    # lengths
    Invalid("0901234567890123456789", "JP", "too_long", False, False),  # more digits than any plan
    Invalid("+81 90 1234 5678 9012 3456", "JP", "too_long", False, False),
    Invalid("0" * (MAX_PHONE_INPUT + 1), "JP", "too_long", False, False),
    Invalid("09012", "JP", "too_short", True, False),
    Invalid("+81 080", "JP", "too_short", True, False),
    Invalid("1", "JP", "not_a_number", False, False),
    Invalid("+82 10", "JP", "too_short", True, False),
    # calling codes
    Invalid("+999 1234567", "JP", "invalid_country_code", False, False),
    Invalid("090-1234-5678", "XX", "invalid_country_code", False, False),  # unknown default region
    Invalid("090-1234-5678", "", "invalid_country_code", False, False),  # "" means "+" required
    Invalid("090-1234-5678", "ZZ", "invalid_country_code", False, False),
    # wrong default region: a Korean mobile read as Japanese ("010" is Japan's international prefix)
    Invalid("010-1234-5678", "JP", "invalid", True, True),
    # a Japanese mobile read as American: too long for the US plan
    Invalid("090-1234-5678", "US", "too_long", True, False),
    # possible length but not in the plan
    Invalid("+81 10-1234-5678", "JP", "invalid", True, True),
    Invalid("0081 90-1234-5678", "JP", "invalid", True, True),  # "00" is not Japan's prefix (010 is)
]


@pytest.mark.parametrize("case", INVALID, ids=[f"{c.text[:30]!r}-{c.region}" for c in INVALID])
def test_invalid_numbers(case: Invalid) -> None:
    info = parse_phone(case.text, case.region)
    assert info.problem == case.problem
    assert info.problem in PHONE_PROBLEMS
    assert info.parsed is case.parsed
    assert info.possible is case.possible
    assert info.valid is False
    assert info.e164 is None
    assert info.type is PhoneType.UNKNOWN
    assert info.sms_capable is None


def test_wrong_default_region_has_no_country() -> None:
    info = parse_phone("010-1234-5678", "JP")
    assert info.region is None and info.country_code == 1  # read as "010" + "1 234 5678"
    assert parse_phone("010-1234-5678", "KR").valid


def test_raw_normalized_is_nfkc_and_trimmed() -> None:
    assert parse_phone("  ０９０－１２３４－５６７８\u3000").raw_normalized == "090-1234-5678"
    assert parse_phone("＋８１").raw_normalized == "+81"


@pytest.mark.parametrize(
    "text",
    ["9" * 100_000, "a" * 100_000, "０" * 100_000, "😀" * 100_000, "\ufdfa" * 100_000, "+81 " * 25_000],
    ids=["digits", "letters", "fullwidth", "emoji", "nfkc-expanding", "repeated-prefix"],
)
def test_huge_input_is_fast_and_too_long(text: str) -> None:
    start = time.perf_counter()
    info = parse_phone(text)
    elapsed = time.perf_counter() - start
    assert info.problem == "too_long"
    assert len(info.raw_normalized) <= MAX_PHONE_INPUT
    # A bound on the work, not a speed target (those are in benchmarks/): a blow-up takes seconds.
    assert elapsed < 1.0


def test_huge_whitespace_is_empty() -> None:
    assert parse_phone(" " * 100_000).problem == "empty"


@pytest.mark.parametrize(
    "text",
    ["\x00", "\ud800", "+\u0660\u0669\u0660", "٠٩٠١٢٣٤٥٦٧٨", "𝟎𝟗𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "+81\x00090", "((((", "+" * 64],
)
def test_odd_input_never_raises(text: str) -> None:
    info = parse_phone(text)
    assert isinstance(info, PhoneInfo)
    assert info.valid or info.problem in PHONE_PROBLEMS


def test_other_digit_scripts_are_understood() -> None:
    # NFKC maps mathematical digits; phonenumbers reads Arabic-Indic digits itself.
    assert parse_phone("𝟎𝟗𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖").e164 == "+819012345678"
    assert parse_phone("٠٩٠١٢٣٤٥٦٧٨").e164 == "+819012345678"


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_phone(b"090-1234-5678")  # type: ignore[arg-type]


def test_phone_type_values_are_lower_case() -> None:
    assert {t.value for t in PhoneType} == {t.name.lower() for t in PhoneType}
    assert PhoneType("mobile") is PhoneType.MOBILE and isinstance(PhoneType.MOBILE, str)


def test_repr_does_not_show_the_number() -> None:
    info = parse_phone("090-1234-5678")
    assert "1234" not in repr(info) and "9012345678" not in repr(info)
    assert "+81 **-****-**78" in repr(info)


@pytest.mark.parametrize(
    ("a", "region_a", "b", "region_b", "same"),
    [
        ("090-1234-5678", "JP", "+81 90 1234 5678", "KR", True),
        ("０９０－１２３４－５６７８", "JP", "+819012345678", "JP", True),
        ("010-1234-5678", "KR", "+82 10-1234-5678", "JP", True),
        ("090-1234-5678", "JP", "090-1234-5679", "JP", False),
        ("010-1234-5678", "KR", "010-1234-5678", "JP", False),  # valid vs not valid
        ("09012", "JP", "090-12", "JP", True),  # the same typo twice
        ("09012", "JP", "09013", "JP", False),
        ("", "JP", "", "JP", False),
        ("😀", "JP", "😀", "JP", False),
    ],
)
def test_same_phone(a: str, region_a: str, b: str, region_b: str, same: bool) -> None:
    pa, pb = parse_phone(a, region_a), parse_phone(b, region_b)
    assert same_phone(pa, pb) is same
    assert same_phone(pb, pa) is same
