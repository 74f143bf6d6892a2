"""Hashing, range-body parsing and the error type of kakaoaudit.breach (no network, no files)."""

from __future__ import annotations

import hashlib
import pickle
import subprocess
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.breach.ranges import (
    ERROR_KINDS,
    BreachLookupError,
    _count_in_body,
    parse_range_body,
    sha1_prefix_suffix,
)
from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.secret import Secret

PASSWORD_SUFFIX = "1E4C9B93F3F0682250B6CF8331B7EE68FD8"  # SHA-1("password") after 5BAA6


# --------------------------------------------------------------------------- sha1_prefix_suffix


def test_sha1_prefix_suffix_known_value() -> None:
    assert sha1_prefix_suffix(Secret("password")) == ("5BAA6", PASSWORD_SUFFIX)


@pytest.mark.parametrize("password", ["", "パスワード", "비밀번호", "emoji 🔑", "x" * 200])
def test_sha1_prefix_suffix_is_upper_case_sha1_of_utf8(password: str) -> None:
    digest = hashlib.sha1(password.encode("utf-8")).hexdigest().upper()
    prefix, suffix = sha1_prefix_suffix(Secret(password))
    assert (prefix, suffix) == (digest[:5], digest[5:])
    assert len(prefix) == 5 and len(suffix) == 35


def test_sha1_of_lone_surrogate_is_a_clean_value_error() -> None:
    with pytest.raises(ValueError, match="not valid Unicode") as caught:
        sha1_prefix_suffix(Secret("ab\udcffcd"))
    # no chained UnicodeEncodeError: its `.object` would be the whole password
    assert caught.value.__context__ is None and caught.value.__cause__ is None


# --------------------------------------------------------------------------- parse_range_body


def test_parse_crlf_body_without_trailing_newline(make_body: Callable[..., bytes]) -> None:
    body = make_body({"password": 9_659_365}, padding=30)
    counts = parse_range_body(body)
    assert counts[PASSWORD_SUFFIX] == 9_659_365


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
@pytest.mark.parametrize("trailing", [False, True])
def test_parse_newline_styles(make_body: Callable[..., bytes], newline: str, trailing: bool) -> None:
    body = make_body({"password": 12, "hunter2": 3}, newline=newline, trailing=trailing)
    counts = parse_range_body(body)
    assert counts[PASSWORD_SUFFIX] == 12
    assert counts[hashlib.sha1(b"hunter2").hexdigest().upper()[5:]] == 3


def test_parse_bom_lower_case_blank_lines_and_spaces() -> None:
    body = (
        "\ufeff"
        f"{PASSWORD_SUFFIX.lower()}:7\r\n"
        "\r\n"
        "   \n"
        f"  {'A' * 35}:2  \r\n"
        "\r\n"
    ).encode()
    assert parse_range_body(body) == {PASSWORD_SUFFIX: 7, "A" * 35: 2}


def test_padding_lines_are_left_out() -> None:
    body = f"{'B' * 35}:0\r\n{PASSWORD_SUFFIX}:5\r\n{'C' * 35}:000".encode()
    assert parse_range_body(body) == {PASSWORD_SUFFIX: 5}


def test_duplicate_suffix_keeps_the_larger_count() -> None:
    body = f"{PASSWORD_SUFFIX}:5\r\n{PASSWORD_SUFFIX}:0\r\n{PASSWORD_SUFFIX}:9\r\n{PASSWORD_SUFFIX}:2".encode()
    assert parse_range_body(body) == {PASSWORD_SUFFIX: 9}
    assert _count_in_body(body, PASSWORD_SUFFIX) == 9


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (b"<html><body>Sign in to the hotel Wi-Fi</body></html>", 1),
        (f"{PASSWORD_SUFFIX}:5\r\n{'A' * 34}:1".encode(), 2),  # short suffix
        (f"{PASSWORD_SUFFIX}:5\r\n{'A' * 36}:1".encode(), 2),  # long suffix
        (f"{'G' * 35}:1".encode(), 1),  # not hex
        (f"{PASSWORD_SUFFIX}:x".encode(), 1),  # count not a number
        (f"{PASSWORD_SUFFIX}:-1".encode(), 1),
        (f"{PASSWORD_SUFFIX}:1:2".encode(), 1),
        (f"{PASSWORD_SUFFIX}".encode(), 1),  # no colon
        (f"{PASSWORD_SUFFIX}:".encode(), 1),
        (f"{PASSWORD_SUFFIX}:{'9' * 16}".encode(), 1),  # absurd count
        (f"{PASSWORD_SUFFIX}:١٢".encode(), 1),  # non-ASCII digits
        (f"{'A' * 35}:1\r\n{PASSWORD_SUFFIX} 5".encode(), 2),
    ],
)
def test_malformed_lines_are_rejected_by_line_number(body: bytes, line: int) -> None:
    for parse in (parse_range_body, lambda b: _count_in_body(b, PASSWORD_SUFFIX)):
        with pytest.raises(BreachLookupError) as caught:
            parse(body)
        assert caught.value.kind == "malformed"
        assert f"line {line}" in caught.value.detail
        assert PASSWORD_SUFFIX not in str(caught.value)  # the line's text is never quoted


@pytest.mark.parametrize("body", [b"", b"\r\n", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_body_is_malformed_not_not_found(body: bytes) -> None:
    with pytest.raises(BreachLookupError, match="empty") as caught:
        parse_range_body(body)
    assert caught.value.kind == "malformed"
    with pytest.raises(BreachLookupError):
        _count_in_body(body, PASSWORD_SUFFIX)


def test_non_utf8_body_is_malformed() -> None:
    with pytest.raises(BreachLookupError) as caught:
        parse_range_body(b"\xff\xfe" + PASSWORD_SUFFIX.encode() + b":1")
    assert caught.value.kind == "malformed"


# --------------------------------------------------------------------------- fast path == parser

_hex35 = st.text("0123456789ABCDEFabcdef", min_size=35, max_size=35)
_line = st.one_of(
    st.tuples(_hex35, st.integers(0, 10**9)).map(lambda pair: f"{pair[0]}:{pair[1]}"),
    st.sampled_from(["", "  ", f"{PASSWORD_SUFFIX}:3", f"{PASSWORD_SUFFIX.lower()}:8", f"{PASSWORD_SUFFIX}:0"]),
    st.text("0123456789ABCDEF: \t\x0c", max_size=45),  # mostly junk
)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(_line, max_size=12),
    separator=st.sampled_from(["\r\n", "\n", "\r"]),
    bom=st.booleans(),
    trailing=st.booleans(),
)
def test_fast_lookup_agrees_with_the_parser(lines: list[str], separator: str, bom: bool, trailing: bool) -> None:
    body = (("\ufeff" if bom else "") + separator.join(lines) + (separator if trailing else "")).encode()
    try:
        expected: int | str = parse_range_body(body).get(PASSWORD_SUFFIX, 0)
    except BreachLookupError as exc:
        expected = exc.kind
    try:
        got: int | str = _count_in_body(body, PASSWORD_SUFFIX)
    except BreachLookupError as exc:
        got = exc.kind
    assert got == expected


# --------------------------------------------------------------------------- BreachLookupError


def test_error_fields_str_and_root() -> None:
    error = BreachLookupError("timeout", "the server did not answer\nin time")
    assert isinstance(error, KakaoauditError)
    assert error.kind == "timeout"
    assert error.detail == "the server did not answer in time"  # always one line
    assert str(error) == "the server did not answer in time [timeout]"


def test_error_pickles_with_its_fields() -> None:
    error = pickle.loads(pickle.dumps(BreachLookupError("rate_limited", "HTTP 429")))
    assert (error.kind, error.detail, error.fault) == ("rate_limited", "HTTP 429", None)
    error = pickle.loads(pickle.dumps(BreachLookupError("network", "cut", "cut_short")))
    assert (error.kind, error.detail, error.fault) == ("network", "cut", "cut_short")


def test_unknown_fault_is_refused() -> None:
    with pytest.raises(ValueError, match="fault"):
        BreachLookupError("malformed", "x", "something")


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown"):
        BreachLookupError("oops", "x")
    assert {"refused", "dns", "timeout", "tls", "http", "rate_limited", "malformed", "too_large",
            "network", "dataset"} == ERROR_KINDS


# --------------------------------------------------------------------------- imports go one way


def test_ranges_and_offline_never_load_the_online_client() -> None:
    # online.py imports ranges.py, never the other way round (not even lazily): the offline
    # reader and the demo stay off the network stack, and there is no import cycle.
    code = ("import sys, kakaoaudit.breach.ranges as ranges, kakaoaudit.breach.offline; "
            "assert not hasattr(ranges, 'RangeClient'); "
            "loaded = {'kakaoaudit.breach.online', 'http.client', 'ssl', 'urllib.request'} & set(sys.modules); "
            "assert not loaded, loaded")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
