"""The cheap whole-body validation of range bodies: it accepts exactly the clean bodies, nothing else.

`_is_clean` (a deletion pass plus one regex) must never accept a body that `parse_range_body`
rejects, and `_count_in_body` must always agree with the parser. The cases below are built to
fool each half alone: lines whose 35-byte run would cross a newline, colons or CRs hidden inside a
suffix, stray bytes, counts that are not decimal.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.breach.ranges import BreachLookupError, _count_in_body, _is_clean, parse_range_body

SUFFIX = "1E4C9B93F3F0682250B6CF8331B7EE68FD8"  # SHA-1("password") after 5BAA6
A35 = "A" * 35


def outcome(body: bytes) -> int | str:
    try:
        return _count_in_body(body, SUFFIX)
    except BreachLookupError as exc:
        return exc.kind


def parser_outcome(body: bytes) -> int | str:
    try:
        return parse_range_body(body).get(SUFFIX, 0)
    except BreachLookupError as exc:
        return exc.kind


@pytest.mark.parametrize(
    "text",
    [
        f"{A35}:1\r\n{SUFFIX}:7",
        f"{A35}:1\r\n{SUFFIX}:7\r\n",
        f"{A35}:1\n{SUFFIX}:7\n",
        f"{SUFFIX}:0",
        f"{A35}:123456789012345",
    ],
)
def test_clean_bodies_take_the_fast_path(text: str) -> None:
    assert _is_clean(text.encode())
    assert outcome(text.encode()) == parser_outcome(text.encode())


@pytest.mark.parametrize(
    "text",
    [
        # A short line followed by a line that makes up the difference: a 35-byte run that crosses
        # the newline would see a colon at offset 35 of the first line.
        f"AAAA:1\r\n{'B' * 27}:5",
        f"AAAA:1\n{'B' * 29}:5",
        f"{'A' * 30}:9\r\n{'B' * 2}:5\r\n{SUFFIX}:7",
        # A colon or a CR inside a suffix.
        f"{'A' * 20}:{'B' * 14}:1",
        f"{'A' * 20}\r{'B' * 14}:1\r\n{SUFFIX}:7",
        # Lower case, spaces, a NUL, a hex count, a 16-digit count, blank lines, CR-only or mixed newlines.
        f"{SUFFIX.lower()}:7",
        f"{SUFFIX}: 7",
        f"{SUFFIX}:7\x00",
        f"{SUFFIX}:7A",
        f"{SUFFIX}:{'9' * 16}",
        f"{A35}:1\r\n\r\n{SUFFIX}:7",
        f"{A35}:1\r{SUFFIX}:7",
        f"{A35}:1\r\n{SUFFIX}:7\n",
        f"{A35}:1\r\n\r\n",
        f"{A35}::1",
        "",
        ":\r\n:",
    ],
)
def test_anything_else_goes_to_the_parser(text: str) -> None:
    body = text.encode()
    assert not _is_clean(body)
    assert outcome(body) == parser_outcome(body)


_piece = st.sampled_from([
    "A" * 35, SUFFIX, "B" * 34, "C" * 36, "AAAA", ":", "\r\n", "\n", "\r", "7", "0", "123", "x", " ", SUFFIX[:17],
])


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_piece, max_size=16))
def test_fast_path_agrees_with_the_parser_on_adversarial_bodies(pieces: list[str]) -> None:
    body = "".join(pieces).encode()
    assert outcome(body) == parser_outcome(body)
    if _is_clean(body):
        parse_range_body(body)  # whatever the fast path accepts, the parser accepts too
