"""A hostile range server, reached directly and through a real forward proxy (the `via` fixture).

Each answer below is sent byte for byte by a loopback server (the proxy relays it unchanged).
The password's suffix is never in the bodies of the refused answers: a lookup that took any of
them at its word would say "not found", which the audit shows as `pass`. Every one must end as a
`BreachLookupError` (`unknown` in the audit) whose fault names what was wrong; the valid ones
give the count.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakaoaudit.breach.online import RangeClient
from kakaoaudit.breach.ranges import MAX_BODY_BYTES, BreachLookupError
from kakaoaudit.core.secret import Secret

PASSWORD = "hostile canary password"
SUFFIX = hashlib.sha1(PASSWORD.encode()).hexdigest().upper()[5:]
OK = "HTTP/1.1 200 OK"
FAST = {"connect_timeout": 1.0, "total_timeout": 2.0}


def head(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def chunked(body: bytes, *, last: bool = True) -> bytes:
    pieces = [b"%x\r\n%s\r\n" % (len(body[i:i + 4096]), body[i:i + 4096]) for i in range(0, len(body), 4096)]
    return b"".join(pieces) + (b"0\r\n\r\n" if last else b"")


def bodies(make_body: Callable[..., bytes]) -> tuple[bytes, bytes]:
    """(a range without the password, the same range with it seen 4,242 times)."""
    absent = make_body({"someone else's password": 5}, padding=300)
    assert SUFFIX.encode() not in absent
    return absent, make_body({"someone else's password": 5, PASSWORD: 4_242}, padding=300)


def hostile_answers(body: bytes) -> dict[str, tuple[bytes, str, str | None]]:
    """name -> (the whole answer, the error kind, the fault) for a body without the password."""
    n = len(body)
    big = (body + b"\r\n") * (MAX_BODY_BYTES // n + 1)
    another_range = b"\r\n".join(b"ABCDE" + line for line in body.splitlines())  # PREFIX5SUFFIX35:COUNT lines
    return {
        "two Content-Length headers that differ": (
            head(OK, f"Content-Length: {n - 42}", f"Content-Length: {n}") + body, "malformed",
            "content_length_conflict"),
        "one Content-Length with two values": (
            head(OK, f"Content-Length: {n}, {n - 42}") + body, "malformed", "content_length_conflict"),
        "a Content-Length that is not a number": (
            head(OK, f"Content-Length: {n}abc") + body, "malformed", "content_length_invalid"),
        "a negative Content-Length": (head(OK, "Content-Length: -1") + body, "malformed", "content_length_invalid"),
        "a hex Content-Length": (head(OK, f"Content-Length: 0x{n:x}") + body, "malformed", "content_length_invalid"),
        "Content-Length and chunked": (
            head(OK, f"Content-Length: {n}", "Transfer-Encoding: chunked") + chunked(body), "malformed",
            "length_and_coding"),
        "chunked, then Content-Length": (
            head(OK, "Transfer-Encoding: chunked", f"Content-Length: {n - 42}") + chunked(body), "malformed",
            "length_and_coding"),
        "gzip then chunked": (head(OK, "Transfer-Encoding: gzip, chunked") + chunked(body), "malformed",
                              "transfer_coding"),
        "chunked twice": (head(OK, "Transfer-Encoding: chunked", "Transfer-Encoding: chunked") + chunked(body),
                          "malformed", "transfer_coding"),
        "a chunk size that is not hex": (
            head(OK, "Transfer-Encoding: chunked") + b"zz\r\n" + body + b"\r\n0\r\n\r\n", "malformed", "chunked"),
        "a chunk longer than its size line": (
            head(OK, "Transfer-Encoding: chunked") + b"10\r\n" + body + b"\r\n0\r\n\r\n", "malformed", "chunked"),
        "a negative chunk size": (
            head(OK, "Transfer-Encoding: chunked") + b"-5\r\n" + body + b"\r\n0\r\n\r\n", "malformed", "chunked"),
        "a chunk cut off": (
            head(OK, "Transfer-Encoding: chunked") + b"%x\r\n" % (n + 500) + body, "malformed", "chunked"),
        "no last chunk": (head(OK, "Transfer-Encoding: chunked") + chunked(body, last=False), "malformed", "chunked"),
        "a body cut short": (head(OK, f"Content-Length: {n + 500}") + body, "network", "cut_short"),
        "a declared body over 1 MiB": (head(OK, "Content-Length: 50000000") + body, "too_large", None),
        "an undeclared body over 1 MiB": (head(OK) + big, "too_large", None),
        "a chunked body over 1 MiB": (head(OK, "Transfer-Encoding: chunked") + chunked(big), "too_large", None),
        "101 Switching Protocols": (
            head("HTTP/1.1 101 Switching Protocols", "Upgrade: h2c", "Connection: Upgrade")
            + head(OK, f"Content-Length: {n}") + body, "malformed", "switching_protocols"),
        "endless interim answers": (
            head("HTTP/1.1 103 Early Hints", "Link: </a.css>") * 20 + head(OK, f"Content-Length: {n}") + body,
            "malformed", "interim"),
        "a redirect": (head("HTTP/1.1 302 Found", "Location: http://127.0.0.1:9/range/ABCDE", "Content-Length: 0"),
                       "http", "redirect"),
        "a permanent redirect with a body": (
            head("HTTP/1.1 308 Permanent Redirect", "Location: /elsewhere", f"Content-Length: {n}") + body,
            "http", "redirect"),
        "a garbage status line": (b"HTTP/1.1 2OO OK\r\n" + head(f"Content-Length: {n}") + body, "malformed",
                                  "status_line"),
        "a status line that is not HTTP": (b"ICY 200 OK\r\n\r\n" + body, "malformed", "status_line"),
        "an HTTP/2 status line": (b"HTTP/2 200\r\n\r\n" + body, "malformed", "status_line"),
        "an HTTP/0.9 answer (the body alone)": (body, "malformed", "status_line"),
        "a header line without a colon, hiding chunked": (
            head(OK, "X-Junk", "Transfer-Encoding: chunked") + chunked(body), "malformed", "header"),
        "a folded first header line": (
            head(OK, " Transfer-Encoding: chunked") + chunked(body), "malformed", "header"),
        "a space before a header's colon": (
            head(OK, f"Content-Length : {n - 42}") + body, "malformed", "header"),
        "a header line over 64 KiB": (head(OK, "X-Long: " + "a" * 70_000, f"Content-Length: {n}") + body,
                                      "malformed", "header"),
        "more than 100 header lines": (head(OK, *["X-Many: 1"] * 101, f"Content-Length: {n}") + body,
                                       "malformed", "header"),
        "nothing at all": (b"", "network", "no_answer"),
        "another range's lines, prefix and all": (
            head(OK, f"Content-Length: {len(another_range)}") + another_range, "malformed", None),
        "a sign-in page with status 200": (
            head(OK, "Content-Type: text/html", "Content-Length: 31") + b"<html>Please sign in</html>\r\n\r\n",
            "malformed", None),
    }


def valid_answers(body: bytes) -> dict[str, bytes]:
    """name -> a whole answer that must be read, for a body with the password (count 4,242)."""
    n = len(body)
    return {
        "103 Early Hints, then 200": head("HTTP/1.1 103 Early Hints", "Link: </a.css>; rel=preload")
        + head(OK, f"Content-Length: {n}") + body,
        "100 Continue and 102 Processing, then 200": head("HTTP/1.1 100 Continue")
        + head("HTTP/1.1 102 Processing") + head(OK, f"Content-Length: {n}") + body,
        "the same Content-Length twice": head(OK, f"Content-Length: {n}", f"Content-Length: {n}") + body,
        "chunked with an extension and a trailer": head(OK, "Transfer-Encoding: Chunked")
        + b"%x;name=value\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n" % (n, body),
        "HTTP/1.0, no length, ended by the close": head("HTTP/1.0 200 OK") + body,
        "LF-only head": f"{OK}\nContent-Length: {n}\n\n".encode() + body,
        "bytes after the declared length (not read)": head(OK, f"Content-Length: {n}") + body + b"\r\nJUNK:1",
    }


def names(table: Callable[[bytes], dict[str, Any]]) -> list[str]:
    return sorted(table(b"x" * 100))


@pytest.mark.parametrize("case", names(hostile_answers))
def test_hostile_answer_is_unknown(  # noqa: PLR0917  # fixtures and the case
    case: str, via: str, range_server: Any, reply: Any, make_body: Callable[..., bytes],
    assert_no_leak: Callable[[BaseException, str], None],
) -> None:
    answer, kind, fault = hostile_answers(bodies(make_body)[0])[case]
    range_server.serve(reply(mode="raw", body=answer))
    start = time.monotonic()
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, **FAST).count(Secret(PASSWORD))
    assert (caught.value.kind, caught.value.fault) == (kind, fault), caught.value
    assert time.monotonic() - start < 1.5  # refused on what it saw, not by the deadline
    assert len(range_server.requests) == 1  # nothing retried, no redirect followed
    assert_no_leak(caught.value, PASSWORD)


@pytest.mark.parametrize("case", names(valid_answers))
def test_valid_answer_gives_the_count(case: str, via: str, range_server: Any, reply: Any,
                                      make_body: Callable[..., bytes]) -> None:
    range_server.serve(reply(mode="raw", body=valid_answers(bodies(make_body)[1])[case]))
    assert RangeClient(via, **FAST).count(Secret(PASSWORD)) == 4_242


def test_declared_body_over_the_limit_is_refused_before_reading(via: str, range_server: Any, reply: Any) -> None:
    # 50 MB declared, then one byte every 0.1 s: refused on the header, long before the deadline.
    range_server.serve(reply(mode="drip_body", content_length=50_000_000, body=b"0" * 50))
    start = time.monotonic()
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, total_timeout=5).count(Secret(PASSWORD))
    assert caught.value.kind == "too_large"
    assert time.monotonic() - start < 1.0


def test_drip_feed_slower_than_the_deadline(via: str, range_server: Any, reply: Any,
                                            make_body: Callable[..., bytes]) -> None:
    # A byte every 20 ms never trips a per-read timeout; the total deadline ends it.
    range_server.serve(reply(mode="drip_body", body=bodies(make_body)[1], drip_interval=0.02))
    start = time.monotonic()
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, connect_timeout=0.5, total_timeout=1.0).count(Secret(PASSWORD))
    assert caught.value.kind == "timeout"
    assert 0.9 <= time.monotonic() - start < 1.6


def test_429_with_retry_after_then_the_range(via: str, range_server: Any, reply: Any,
                                             make_body: Callable[..., bytes]) -> None:
    waits: list[float] = []
    range_server.serve(reply(mode="raw", body=head("HTTP/1.1 429 Too Many Requests", "Retry-After: 3",
                                                   "Content-Length: 0")),
                       reply(body=bodies(make_body)[1]))
    assert RangeClient(via, sleep=waits.append).count(Secret(PASSWORD)) == 4_242
    assert waits == [3.0]


def test_429_every_time_is_unknown(via: str, range_server: Any, reply: Any) -> None:
    waits: list[float] = []
    range_server.serve(reply(status=429, headers={"Retry-After": "1"}))
    with pytest.raises(BreachLookupError) as caught:
        RangeClient(via, retries=2, sleep=waits.append).count(Secret(PASSWORD))
    assert caught.value.kind == "rate_limited"
    assert waits == [1.0, 1.0] and len(range_server.requests) == 3


def test_500_then_the_range(via: str, range_server: Any, reply: Any, make_body: Callable[..., bytes]) -> None:
    waits: list[float] = []
    range_server.serve(reply(status=500), reply(body=bodies(make_body)[1], mode="chunked"))
    assert RangeClient(via, sleep=waits.append).count(Secret(PASSWORD)) == 4_242
    assert waits == [0.5]


def test_a_refused_answer_is_not_retried_into_a_pass(via: str, range_server: Any, reply: Any,
                                                     make_body: Callable[..., bytes]) -> None:
    # A malformed answer is final: the lookup does not try again and take a later answer.
    absent, _ = bodies(make_body)
    broken = head(OK, f"Content-Length: {len(absent)}", "Content-Length: 3") + absent
    range_server.serve(reply(mode="raw", body=broken), reply(body=absent))
    with pytest.raises(BreachLookupError):
        RangeClient(via, sleep=lambda _: None).count(Secret(PASSWORD))
    assert len(range_server.requests) == 1


# --------------------------------------------------------------------------- fuzz

STARTS = [b"", b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n",
          b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"HTTP/1.1 103 Hint\r\n\r\n",
          b"HTTP/1.0 200 OK\r\n\r\n" + b"A" * 35 + b":"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.sampled_from(STARTS), rest=st.binary(max_size=200))
def test_any_answer_is_a_count_or_unknown(via: str, range_server: Any, reply: Any, start: bytes,
                                          rest: bytes) -> None:
    answer = start + rest
    range_server.serve(reply(mode="raw", body=answer))
    try:
        found = RangeClient(via, **FAST).count(Secret(PASSWORD))
    except BreachLookupError:
        return
    # Read: then it really was an HTTP/1.x answer (nothing else can give a count, not even 0).
    assert found >= 0
    assert answer.startswith((b"HTTP/1.0 ", b"HTTP/1.1 "))
