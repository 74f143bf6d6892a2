"""mask_phone / mask_email: the documented examples, and properties over random input."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from kakaoaudit.contacts.phone_email import mask_email, mask_phone, parse_email, parse_phone

# 300 examples each; no example database (reproducible runs, nothing written next to the repo).
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize(
    ("text", "region", "masked"),
    [
        ("090-1234-5678", "JP", "+81 **-****-**78"),
        ("０９０－１２３４－５６７８", "JP", "+81 **-****-**78"),
        ("+82 10-1234-5678", "JP", "+82 **-****-**78"),
        ("010-1234-5678", "KR", "+82 **-****-**78"),
        ("03-1234-5678", "JP", "+81 *-****-**78"),
        ("+1 650-253-0000", "JP", "+1 ***-***-**00"),
        ("+886 912 345 678", "JP", "+886 *** *** *78"),
        # not valid: layout kept, all but the last two digits hidden
        ("090-ABCD-5678", "JP", "***-****-**78"),
        ("010-1234-5678", "JP", "***-****-**78"),
        ("09012", "JP", "***12"),
        ("+81 080", "JP", "+** *80"),
        ("😀", "JP", "*"),
        ("", "JP", ""),
        ("9" * 100_000, "JP", "*" * 64),  # too long: everything hidden, shortened
    ],
)
def test_mask_phone_examples(text: str, region: str, masked: str) -> None:
    assert mask_phone(text, region) == masked
    assert mask_phone(parse_phone(text, region)) == masked


def test_mask_phone_info_uses_its_own_region() -> None:
    assert mask_phone(parse_phone("010-1234-5678", "KR")) == "+82 **-****-**78"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("tanaka@example.com", "ta***@ex*****.com"),
        ("taro@example.com", "t***@ex*****.com"),  # 2-4 characters: 1 kept
        ("ab@example.com", "a***@ex*****.com"),
        ("a@example.com", "***@ex*****.com"),  # 1 character: none kept
        ("Tanaka.Taro@Example.COM", "Ta***@ex*****.com"),  # normalised domain
        ("tanaka@mail.example.co.jp", "ta***@ma**********.jp"),  # at most ten stars
        ("tanaka@ab.jp", "ta***@a*.jp"),
        ("tanaka@x.jp", "ta***@*.jp"),
        ("taro@例え.jp", "t***@例*.jp"),
        ("山田太郎さん@例え.jp", "山田***@例*.jp"),
        ("user@한국.kr", "u***@한*.kr"),
        # not valid: split at the last "@", masked the same way
        ("a@b@example.com", "a***@ex*****.com"),
        ("garbage", "ga***"),
        ("taro@", "t***@"),
        ("@example.com", "***@ex*****.com"),
        ("taro@localhost", "t***@lo*******"),
        ("", ""),
    ],
)
def test_mask_email_examples(text: str, masked: str) -> None:
    assert mask_email(text) == masked
    assert mask_email(parse_email(text)) == masked


def test_mask_email_huge_input() -> None:
    masked = mask_email("x" * 100_000 + "@example.com")
    assert masked == "xx***"  # too long: capped before the "@" is even seen


# ---- properties -------------------------------------------------------------------------------

phone_chars = st.sampled_from([*("0123456789" * 4), *" +-().ー－＋０１２３４５６７８９", "\u3000", "😀", "x"])
phone_texts = st.one_of(
    st.text(phone_chars, min_size=0, max_size=40),
    st.builds(
        lambda cc, rest: f"+{cc} {rest}",
        st.sampled_from(["1", "44", "81", "82", "86", "886", "91"]),
        st.text(st.sampled_from("0123456789 -"), min_size=4, max_size=16),
    ),
    st.from_regex(r"0[1-9]0-?\d{4}-?\d{4}", fullmatch=True),
    st.text(max_size=30),
)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdecimal())


@PROPERTY_SETTINGS
@given(text=phone_texts, region=st.sampled_from(["JP", "KR", "US", ""]))
@example(text="090-1234-5678", region="JP")
@example(text="+82 10-1234-5678", region="JP")
def test_mask_phone_reveals_at_most_two_digits_and_the_calling_code(text: str, region: str) -> None:
    info = parse_phone(text, region)
    masked = mask_phone(info)
    shown = _digits(masked)
    calling = str(info.country_code) if info.valid and info.country_code else ""
    assert len(shown) <= 2 + len(calling)
    if calling:
        assert masked.startswith(f"+{calling} ")
        assert len(_digits(masked[len(calling) + 2 :])) <= 2
    # no run of more than two digits of the number itself
    national = _digits(info.raw_normalized)
    if len(national) > 4:
        assert national not in masked
        assert national not in _digits(masked)
    if info.e164 is not None:
        assert info.e164[len(calling) + 1 :] not in masked
    assert len(masked) <= 64 + 8


@st.composite
def addresses(draw: st.DrawFn) -> str:
    # "*" is left out of local parts: it is the mask character itself.
    local_chars = st.sampled_from(
        [*string.ascii_letters, *string.digits, *"._+-'!#$%&=?^`{|}~", *"山田たろう사용자é"]
    )
    local = draw(st.text(local_chars, min_size=1, max_size=30))
    label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True) | st.sampled_from(
        ["例え", "한국", "exa"]
    )
    labels = draw(st.lists(label, min_size=1, max_size=3))
    tld = draw(st.sampled_from(["com", "jp", "kr", "co.jp", "info", "museum", "example"]))
    return f"{local}@{'.'.join(labels)}.{tld}"


email_texts = st.one_of(
    addresses(),
    st.emails().filter(lambda e: "*" not in e),
    st.text(max_size=60).filter(lambda t: "*" not in t),
    st.builds(lambda a, b: f"{a}@{b}", st.text(max_size=20), st.text(max_size=20)).filter(
        lambda t: "*" not in t
    ),
)


@PROPERTY_SETTINGS
@given(text=email_texts)
@example(text="tanaka@example.com")
@example(text="abcdefg@x.abcdefg")  # local part equal to the TLD: see the assume below
def test_mask_email_never_reveals_the_local_part(text: str) -> None:
    info = parse_email(text)
    masked = mask_email(info)
    raw = info.raw_normalized
    local = info.local_part if info.local_part is not None else raw.rpartition("@")[0] or raw
    domain = info.domain if info.domain is not None else raw.rpartition("@")[2] if "@" in raw else ""
    # The top-level domain is shown on purpose; a local part that is part of it is not a leak.
    tld = domain.rpartition(".")[2]
    assume(not (tld and len(local) > 4 and local in "." + tld))
    for part in {local, raw.rpartition("@")[0] or raw, raw.strip()}:
        if len(part) > 4:
            assert part not in masked, (part, masked)
    # the masked local part keeps at most 2 characters and always ends with ***
    masked_local = masked.rpartition("@")[0] if "@" in masked else masked
    if masked:
        assert masked_local.endswith("***")
        assert len(masked_local) <= 5
    # the domain name (without its TLD) is never shown whole
    if "@" in masked and domain:
        masked_domain = masked.rpartition("@")[2]
        head = domain.rpartition(".")[0] if "." in domain else domain
        masked_head = masked_domain.rpartition(".")[0] if "." in domain else masked_domain
        assert masked_head != head and masked_head.count("*") >= 1


@PROPERTY_SETTINGS
@given(text=st.text(max_size=300))
def test_mask_email_and_phone_never_raise(text: str) -> None:
    assert isinstance(mask_email(text), str)
    assert isinstance(mask_phone(text), str)
    assert (
        re.fullmatch(r"[^0-9]*[0-9]?[^0-9]*[0-9]?[^0-9]*", mask_phone(text, "ZZ"))
        or parse_phone(text, "ZZ").valid
    )
