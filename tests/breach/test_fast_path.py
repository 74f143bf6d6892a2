"""The cheap whole-body validation of range bodies: it accepts exactly the clean bodies, nothing else.

`_is_clean` (a deletion pass, blocks of lines whose suffixes are skipped unread, a regex on the last
lines) must never accept a body that `parse_range_body` rejects, and `_count_in_body` must always
agree with the parser. The cases below are built to fool each part alone: lines whose 35-byte run
would cross a newline, colons or CRs hidden inside a suffix, stray bytes, counts that are not
decimal. The last tests hold it to the previous check (deletion pass plus one regex over the whole
body), copied here as the oracle, on mutations of long clean bodies.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kakaoaudit.breach.ranges import (
    _BLOCK_CRLF,
    _BLOCK_LF,
    _BLOCK_LINES,
    _CLEAN_CRLF,
    _CLEAN_LF,
    BreachLookupError,
    _count_in,
    _count_in_body,
    _is_clean,
    parse_range_body,
)

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


# --------------------------------------------------------------------------- the previous check as the oracle

_OLD_LINE = rb".{35}:[0-9]{1,15}"
_OLD_REPEAT = rb")*+" if sys.version_info >= (3, 11) else rb")*"
_OLD_CRLF = re.compile(_OLD_LINE + rb"(?:\r\n" + _OLD_LINE + _OLD_REPEAT + rb"(?:\r\n)?")
_OLD_LF = re.compile(_OLD_LINE + rb"(?:\n" + _OLD_LINE + _OLD_REPEAT + rb"\n?")


def old_is_clean(body: bytes) -> bool:
    """`_is_clean` before the blocks: the deletion pass, then one regex reading every byte."""
    crlf = b"\r" in body
    unit = b":\r\n" if crlf else b":\n"
    others = body.translate(None, b"0123456789ABCDEF")
    lines, tail = divmod(len(others), len(unit))
    if tail > 1 or others != unit * lines + b":" * tail:
        return False
    return (_OLD_CRLF if crlf else _OLD_LF).fullmatch(body) is not None


def old_count_in_body(body: bytes, suffix: str) -> int:
    clean = body[3:] if body.startswith(b"\xef\xbb\xbf") else body
    return _count_in(clean, suffix) if old_is_clean(clean) else parse_range_body(body).get(suffix, 0)


def full_outcome(count: Callable[[bytes, str], int], body: bytes) -> int | tuple[str, str]:
    try:
        return count(body, SUFFIX)
    except BreachLookupError as exc:
        return exc.kind, exc.detail  # the same error, line number included


def clean_lines(seed: int, count: int) -> list[bytes]:
    """`count` clean lines: random suffixes (SUFFIX among them, maybe twice) and 1-15 digit counts."""
    rng = random.Random(seed)
    lines = [b"%035X:%s" % (rng.getrandbits(140), b"%d" % rng.randrange(10 ** rng.randint(1, 15)))
             for _ in range(count)]
    for _ in range(rng.randint(0, 2)):
        lines[rng.randrange(count)] = b"%s:%d" % (SUFFIX.encode(), rng.randint(0, 10**9))
    return lines


def split_to_fool(line: bytes, newline: bytes, head: int) -> list[bytes]:
    """Two lines in place of one, the first short enough that a 35-byte run from its start, skipped
    unread, lands on the second one's colon: "A" * head + ":1", then a suffix shortened to match."""
    first = b"A" * head + b":1"
    return [first, b"B" * (35 - len(first) - len(newline)) + line[35:]]


def mutate(lines: list[bytes], newline: bytes, kind: str, where: int, rng: random.Random) -> bytes:
    """The body of `lines` with one fault of `kind` in line `where` (modulo the line count)."""
    index = where % len(lines)
    line = lines[index]
    at = rng.randrange(35)
    newlines = [newline] * (len(lines) - 1)
    if kind == "mixed":  # one newline of the other kind (none in a one-line body)
        if newlines:
            newlines[index % len(newlines)] = b"\n" if newline == b"\r\n" else b"\r\n"
    elif kind == "fool":
        lines[index:index + 1] = split_to_fool(line, newline, rng.randint(0, 35 - 3 - len(newline)))
        newlines.append(newline)
    elif kind == "blank":
        lines.insert(index, b"")
        newlines.append(newline)
    else:
        lines[index] = {
            "lower": line[:at] + bytes([rng.choice(b"abcdef")]) + line[at + 1:],
            "short": line[:at] + line[at + 1:],
            "long": line[:at] + b"7" + line[at:],
            "colon": line[:at] + b":" + line[at + 1:],
            "count16": line[:36] + b"1" * 16,
            "count_hex": line + bytes([rng.choice(b"ABCDEF")]),
            "no_count": line[:36],
            "lone_cr": line[:at] + b"\r" + line[at:],
            "space": line + b" ",
            "byte": line[:at] + bytes([rng.randrange(256)]) + line[at + 1:],
        }[kind]
    return b"".join(line + sep for line, sep in zip(lines, [*newlines, b""], strict=True))


_KINDS = ["none", "fool", "lower", "short", "long", "colon", "count16", "count_hex", "no_count", "lone_cr", "blank",
          "space", "byte", "mixed"]
# Block edges: the first lines, the last lines of a block, the first of the next, the tail.
_LINE_COUNTS = [1, 2, _BLOCK_LINES - 1, _BLOCK_LINES, _BLOCK_LINES + 1, _BLOCK_LINES + 2, 2 * _BLOCK_LINES + 1, 950]


@pytest.mark.parametrize("newline", [b"\r\n", b"\n"])
@pytest.mark.parametrize("where", [0, 5, _BLOCK_LINES - 1, _BLOCK_LINES, 2 * _BLOCK_LINES - 1, 2 * _BLOCK_LINES + 3])
@pytest.mark.parametrize("head", [0, 10, 35 - 3 - 2])
def test_a_short_line_hidden_in_a_skipped_run_is_caught(newline: bytes, where: int, head: int) -> None:
    lines = clean_lines(where, 3 * _BLOCK_LINES - 10)
    lines[where:where + 1] = split_to_fool(lines[where], newline, head)
    body = newline.join(lines)
    assert body.translate(None, b"0123456789ABCDEF") == (b":" + newline) * (len(lines) - 1) + b":"  # pass 1 holds
    if where < 2 * _BLOCK_LINES:
        # The blocks and the tail all match: only the count of the tail's colons tells.
        block, tail = (_BLOCK_CRLF, _CLEAN_CRLF) if newline == b"\r\n" else (_BLOCK_LF, _CLEAN_LF)
        position = 0
        for _ in range((len(lines) - 1) // _BLOCK_LINES):
            found = block.match(body, position)
            assert found is not None
            position = found.end()
        assert tail.fullmatch(body, position)
    assert not _is_clean(body)
    assert not old_is_clean(body)
    assert full_outcome(_count_in_body, body) == full_outcome(old_count_in_body, body)


@settings(max_examples=400, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    count=st.one_of(st.sampled_from(_LINE_COUNTS), st.integers(1, 3 * _BLOCK_LINES)),
    newline=st.sampled_from([b"\r\n", b"\n"]),
    faults=st.lists(st.tuples(st.sampled_from(_KINDS), st.integers(0, 10**6)), max_size=2),
    trailing=st.booleans(),
    bom=st.booleans(),
)
@example(seed=1, count=2 * _BLOCK_LINES + 1, newline=b"\r\n", faults=[("fool", 7)], trailing=True, bom=False)
@example(seed=2, count=_BLOCK_LINES + 1, newline=b"\n", faults=[("fool", _BLOCK_LINES - 1)], trailing=False, bom=True)
@example(seed=3, count=950, newline=b"\r\n", faults=[("none", 0)], trailing=False, bom=False)
def test_the_check_accepts_exactly_what_the_previous_one_did(
    *,
    seed: int, count: int, newline: bytes, faults: list[tuple[str, int]], trailing: bool, bom: bool
) -> None:
    rng = random.Random(seed)
    body = newline.join(clean_lines(seed, count))
    for kind, where in faults:
        if kind != "none":
            body = mutate(body.split(newline), newline, kind, where, rng)
    body = (b"\xef\xbb\xbf" if bom else b"") + body + (newline if trailing else b"")
    clean = body[3:] if bom else body
    assert _is_clean(clean) == old_is_clean(clean)
    assert full_outcome(_count_in_body, body) == full_outcome(old_count_in_body, body)


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_piece, max_size=16), repeat=st.sampled_from([1, _BLOCK_LINES + 1]))
def test_random_bodies_agree_with_the_previous_check(pieces: list[str], repeat: int) -> None:
    body = "".join(pieces).encode() * repeat
    assert _is_clean(body) == old_is_clean(body)
    assert full_outcome(_count_in_body, body) == full_outcome(old_count_in_body, body)
