"""kakaoaudit.http_get: one request and one answer over a real socket pair, strict about the answer.

The peer writes scripted bytes (in pieces, to cross every buffer boundary); each case checks the
status, headers and body read, or the error raised. An error must never carry answer bytes.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.breach.http_get import (
    MAX_HEAD_BYTES,
    BodyCutShort,
    BodyTooLarge,
    ProtocolError,
    Response,
    exchange,
)

REQUEST = b"GET /range/ABCDE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
BODY = b"0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2"


class Peer:
    """The far end of a socket pair: records the request, then writes `answer` piece by piece."""

    def __init__(self, answer: bytes, *, piece: int = 0, pause: float = 0.0, close: bool = True) -> None:
        self.client, self._server = socket.socketpair()
        self.request = b""
        self._thread = threading.Thread(target=self._run, args=(answer, piece, pause, close), daemon=True)
        self._thread.start()

    def _run(self, answer: bytes, piece: int, pause: float, close: bool) -> None:
        try:
            while not self.request.endswith(b"\r\n\r\n"):
                data = self._server.recv(4096)
                if not data:
                    return
                self.request += data
            step = piece or len(answer) or 1
            for start in range(0, len(answer), step):
                self._server.sendall(answer[start:start + step])
                if pause:
                    time.sleep(pause)
            if not close:
                time.sleep(5)
        except OSError:
            pass
        finally:
            self._server.close()

    def ask(self, *, max_body: int = 1 << 20, timeout: float = 2.0) -> Response:
        try:
            return exchange(self.client, REQUEST, time.monotonic() + timeout, max_body)
        finally:
            self.client.close()


@pytest.fixture(params=[0, 1, 7], ids=["whole", "byte-by-byte", "7-byte pieces"])
def piece(request: pytest.FixtureRequest) -> Iterator[int]:
    yield request.param


def head(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


# --------------------------------------------------------------------------- answers read


def test_content_length_body(piece: int) -> None:
    peer = Peer(head("HTTP/1.1 200 OK", f"Content-Length: {len(BODY)}", "X-Two: a", "x-two: b") + BODY,
                piece=piece)
    answer = peer.ask()
    assert (answer.status, answer.reason, answer.body) == (200, "OK", BODY)
    assert answer.headers["content-length"] == str(len(BODY))
    assert answer.headers["x-two"] == "a, b"
    assert peer.request == REQUEST


def test_bytes_after_the_declared_length_are_ignored() -> None:
    assert Peer(head("HTTP/1.1 200 OK", "Content-Length: 5") + b"12345EXTRA").ask().body == b"12345"


def test_close_delimited_body(piece: int) -> None:
    assert Peer(head("HTTP/1.0 200 OK") + BODY, piece=piece).ask().body == BODY


def test_chunked_body_with_extensions_and_trailers(piece: int) -> None:
    chunked = b"5;name=value\r\n" + BODY[:5] + b"\r\n" + b"%X\r\n" % (len(BODY) - 5) + BODY[5:] + b"\r\n"
    answer = head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked") + chunked + b"0\r\nX-Trailer: 1\r\n\r\n"
    assert Peer(answer, piece=piece).ask().body == BODY


def test_transfer_encoding_overrides_content_length() -> None:
    answer = head("HTTP/1.1 200 OK", "Content-Length: 3", "Transfer-Encoding: Chunked") + b"6\r\nabcdef\r\n0\r\n\r\n"
    assert Peer(answer).ask().body == b"abcdef"


def test_lf_only_lines_and_empty_reason_are_accepted() -> None:
    answer = b"HTTP/1.1 200\nContent-Length: 2\n\nok"
    assert Peer(answer).ask() == Response(200, "", {"content-length": "2"}, b"ok")


def test_interim_answers_are_skipped(piece: int) -> None:
    answer = head("HTTP/1.1 103 Early Hints", "Link: </x>") + head("HTTP/1.1 100 Continue") + head(
        "HTTP/1.1 200 OK", "Content-Length: 2") + b"ok"
    assert Peer(answer, piece=piece).ask().body == b"ok"


def test_error_status_is_returned_without_reading_the_body() -> None:
    answer = head("HTTP/1.1 429 Too Many Requests", "Retry-After: 7", "Content-Length: 999999999")
    reply = Peer(answer, close=False).ask()
    assert (reply.status, reply.headers["retry-after"], reply.body) == (429, "7", None)


def test_same_length_listed_twice_is_one_length() -> None:
    assert Peer(head("HTTP/1.1 200 OK", "Content-Length: 2, 2") + b"ok").ask().body == b"ok"


# --------------------------------------------------------------------------- answers refused


@pytest.mark.parametrize(
    "answer",
    [
        b"",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",  # closed inside the head
        b"HTTP/2 200\r\n\r\nok",
        b"ICY 200 OK\r\n\r\nok",
        b"<html>captive portal</html>\r\n\r\n",
        b"HTTP/1.1 2000 OK\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n Folded: line\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
        b"HTTP/1.1 200 OK\r\n: nameless\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: -2\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + b"1" * 2000 + b"\r\n",
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
        head("HTTP/1.1 100 Continue") * 20 + head("HTTP/1.1 200 OK", "Content-Length: 0"),
        b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 101 + b"\r\n",
    ],
)
def test_malformed_answers_are_protocol_errors(answer: bytes) -> None:
    with pytest.raises(ProtocolError) as caught:
        Peer(answer).ask()
    assert answer[:20] not in str(caught.value).encode() or not answer


def test_endless_head_is_refused_at_the_limit() -> None:
    answer = b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * (MAX_HEAD_BYTES + 10)
    with pytest.raises(ProtocolError, match="too long"):
        Peer(answer, close=False).ask()


@pytest.mark.parametrize(
    "answer",
    [
        head("HTTP/1.1 200 OK", "Content-Length: 10") + b"12345",
        head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked") + b"a\r\n12345",
        head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked") + b"2\r\nok\r\n",
        head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked") + b"0\r\nX-Trailer: 1\r\n",
    ],
)
def test_body_cut_short(answer: bytes) -> None:
    with pytest.raises(BodyCutShort):
        Peer(answer).ask()


@pytest.mark.parametrize(
    ("answer", "declared"),
    [
        (head("HTTP/1.1 200 OK", "Content-Length: 101"), 101),
        (head("HTTP/1.1 200 OK") + b"x" * 101, None),
        (head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked") + b"40\r\n" + b"x" * 64 + b"\r\n40\r\n", None),
    ],
)
def test_body_over_the_limit(answer: bytes, declared: int | None) -> None:
    with pytest.raises(BodyTooLarge) as caught:
        Peer(answer, close=declared is None).ask(max_body=100)
    assert caught.value.declared == declared


def test_slow_drip_stops_at_the_deadline() -> None:
    answer = head("HTTP/1.1 200 OK", "Content-Length: 1000") + b"x" * 1000
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        Peer(answer, piece=1, pause=0.02).ask(timeout=0.5)
    assert time.monotonic() - start < 1.0


def test_silence_stops_at_the_deadline() -> None:
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        Peer(b"", close=False).ask(timeout=0.3)
    assert 0.25 <= time.monotonic() - start < 1.0


def test_a_deadline_already_passed_sends_nothing() -> None:
    peer = Peer(b"")
    with pytest.raises(TimeoutError):
        exchange(peer.client, REQUEST, time.monotonic() - 1, 100)
    peer.client.close()


# --------------------------------------------------------------------------- fuzz


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([b"", b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n",
                        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"HTTP/1.1 103 Hint\r\n\r\n"]),
       st.binary(max_size=300), st.integers(min_value=0, max_value=5))
def test_any_answer_is_read_or_refused_cleanly(start: bytes, rest: bytes, piece: int) -> None:
    answer = start + rest
    try:
        reply = Peer(answer, piece=piece).ask(timeout=2.0, max_body=200)
    except (ProtocolError, BodyCutShort, BodyTooLarge):
        return
    # Read: then the answer really was HTTP/1.x with a 3-digit final status, and the body fits.
    assert answer.startswith((b"HTTP/1.0 ", b"HTTP/1.1 "))
    assert 200 <= reply.status <= 999 or reply.status < 100
    assert reply.body is None or (reply.status == 200 and len(reply.body) <= 200)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=40), max_size=8), st.booleans())
def test_chunked_round_trip(chunks: list[bytes], trailer: bool) -> None:
    encoded = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks)
    answer = head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked") + encoded + b"0\r\n"
    answer += b"T: 1\r\n\r\n" if trailer else b"\r\n"
    assert Peer(answer, piece=3).ask().body == b"".join(chunks)
