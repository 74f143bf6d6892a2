"""One HTTP/1.1 request and its response over a connected socket, every read bounded by a deadline.

The breach lookup's direct transport (kakaoaudit.breach opens the socket and builds the request).
Why not http.client: on a loopback exchange, its header parsing (the email package) and its
buffered-file layers cost as much again as the exchange itself; a lookup needs one GET and one
answer, nothing else. Why it is strict: anything this reader does not understand (a status line
that is not HTTP/1.x, folded or nameless header lines, an unknown transfer coding, conflicting
lengths, a bad chunk) is a `ProtocolError`, so a lookup can only end as "could not check", never
as a body half understood.

Stdlib only, no text for users: kakaoaudit.breach turns these errors into its error kinds.
Errors carry sizes and counts only, never bytes from the answer.
"""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass
from typing import Final

__all__ = ["MAX_HEADERS", "MAX_HEAD_BYTES", "BodyCutShort", "BodyTooLarge", "ProtocolError", "Response", "exchange"]

MAX_HEAD_BYTES: Final = 64 * 1024
"""Largest status line plus headers accepted (http.client allows 100 lines of 64 KiB; a range
answer's head is under 1 KiB)."""
MAX_HEADERS: Final = 100
"""Most header lines accepted in one head (as http.client)."""

_RECV_BYTES: Final = 64 * 1024
_MAX_INTERIM: Final = 8  # 1xx answers skipped before the real one (103 Early Hints, 100 Continue)
_MAX_CHUNK_LINE: Final = 1024
_HEAD_END: Final = re.compile(rb"\r?\n\r?\n")
_STATUS_LINE: Final = re.compile(r"HTTP/1\.[01] ([0-9]{3})(?: ([^\x00-\x08\x0a-\x1f\x7f]*))?")
_TOKEN: Final = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_CHUNK_SIZE: Final = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?")


class ProtocolError(Exception):
    """The answer is not HTTP/1.1 this reader accepts (the message says which part, no content)."""


class BodyTooLarge(Exception):
    """The body is, or says it is, over the size allowed."""

    def __init__(self, declared: int | None) -> None:
        super().__init__("body over the size limit" if declared is None else f"body declares {declared} bytes")
        self.declared = declared


class BodyCutShort(Exception):
    """The connection closed before the whole body arrived."""

    def __init__(self, received: int, declared: int | None) -> None:
        of = f" of {declared}" if declared is not None else ""
        super().__init__(f"connection closed after {received}{of} body bytes")
        self.received = received
        self.declared = declared


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    headers: dict[str, str]
    """Lower-case names; a repeated header's values joined with ", " (RFC 9110 5.3)."""
    body: bytes | None
    """The body for a 200 answer; None for any other status (not read)."""


class _Reader:
    """Buffered reads from the socket, each one bounded by the time left until the deadline."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline
        # A bytearray: appends and deletions from the front are amortised O(1), so a server
        # sending one byte per packet costs linear time, not quadratic.
        self.buffer = bytearray()
        self.eof = False

    def fill(self) -> bool:
        """Append one read to `buffer`; False at the end of the stream."""
        if self.eof:
            return False
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("total deadline passed")
        self._sock.settimeout(remaining)
        data = self._sock.recv(_RECV_BYTES)
        if not data:
            self.eof = True
            return False
        self.buffer += data
        return True

    def take(self, size: int) -> bytes:
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def line(self, limit: int) -> bytes | None:
        """One line without its CRLF / LF; None when the stream ends first."""
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                if end > limit:
                    raise ProtocolError("line too long")
                return self.take(end + 1).rstrip(b"\r\n")
            if len(self.buffer) > limit:
                raise ProtocolError("line too long")
            if not self.fill():
                return None


def exchange(sock: socket.socket, request: bytes, deadline: float, max_body: int) -> Response:
    """Send `request` (a whole HTTP/1.1 request with `Connection: close`) and read the answer.

    The body is read only for status 200, by Content-Length, chunked coding or up to the close;
    it may not exceed `max_body` bytes (`BodyTooLarge`, raised on a declared length before any
    of the body is read). Raises TimeoutError once `deadline` (time.monotonic()) has passed,
    OSError for socket failures, ProtocolError, BodyTooLarge and BodyCutShort. The caller
    closes the socket.
    """
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("total deadline passed")
    sock.settimeout(remaining)
    sock.sendall(request)
    reader = _Reader(sock, deadline)
    for _ in range(_MAX_INTERIM + 1):
        status, reason, headers = _read_head(reader)
        if status == 101:
            raise ProtocolError("the server switched protocols")
        if not 100 <= status < 200:
            break
    else:
        raise ProtocolError("too many interim (1xx) answers")
    if status != 200:
        return Response(status, reason, headers, None)
    return Response(status, reason, headers, _read_body(reader, headers, max_body))


def _read_head(reader: _Reader) -> tuple[int, str, dict[str, str]]:
    scanned = 0  # the end of the head is searched for only in what arrived since the last look
    while (found := _HEAD_END.search(reader.buffer, max(0, scanned - 3))) is None:
        if len(reader.buffer) > MAX_HEAD_BYTES:
            raise ProtocolError("the response head is too long")
        scanned = len(reader.buffer)
        if not reader.fill():
            if not reader.buffer:
                raise ProtocolError("the server closed the connection without answering")
            raise ProtocolError("the connection closed inside the response head")
    if found.start() > MAX_HEAD_BYTES:
        raise ProtocolError("the response head is too long")
    head = reader.take(found.start()).decode("latin-1")
    del reader.buffer[:found.end() - found.start()]
    status_line, *lines = head.split("\n")
    matched = _STATUS_LINE.fullmatch(status_line.rstrip("\r"))
    if matched is None:
        raise ProtocolError("the status line is not HTTP/1.x")
    if len(lines) > MAX_HEADERS:
        raise ProtocolError("too many header lines")
    headers: dict[str, str] = {}
    for raw_line in lines:
        line = raw_line.rstrip("\r")
        name, colon, value = line.partition(":")
        # A folded line starts with white space; a name with white space before the colon is
        # refused by RFC 9112 (5.1) and would hide what the header is.
        if not colon or _TOKEN.fullmatch(name) is None:
            raise ProtocolError("a header line is malformed")
        key = name.lower()
        value = value.strip(" \t")
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return int(matched[1]), matched[2] or "", headers


def _read_body(reader: _Reader, headers: dict[str, str], max_body: int) -> bytes:
    coding = headers.get("transfer-encoding")
    if coding is not None:
        # A Content-Length beside it is overridden (RFC 9112 6.3); nothing but plain chunked
        # is understood (no compression was asked for).
        if coding.strip().lower() != "chunked":
            raise ProtocolError("unsupported transfer coding")
        return _read_chunked(reader, max_body)
    declared = _content_length(headers.get("content-length"))
    if declared is None:
        return _read_to_close(reader, max_body)
    if declared > max_body:
        raise BodyTooLarge(declared)
    while len(reader.buffer) < declared:
        if not reader.fill():
            raise BodyCutShort(len(reader.buffer), declared)
    return reader.take(declared)


def _content_length(value: str | None) -> int | None:
    if value is None:
        return None
    # "n" or a list of the same "n, n" (RFC 9110 8.6); digits only, so int() is bounded.
    values = {part.strip() for part in value.split(",")}
    if len(values) != 1:
        raise ProtocolError("conflicting Content-Length values")
    (text,) = values
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        raise ProtocolError("the Content-Length is not a number")
    return int(text)


def _read_to_close(reader: _Reader, max_body: int) -> bytes:
    while len(reader.buffer) <= max_body:
        if not reader.fill():
            return reader.take(len(reader.buffer))
    raise BodyTooLarge(None)


def _read_chunked(reader: _Reader, max_body: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        line = reader.line(_MAX_CHUNK_LINE)
        if line is None:
            raise BodyCutShort(size, None)
        matched = _CHUNK_SIZE.fullmatch(line)
        if matched is None:
            raise ProtocolError("a chunk size line is malformed")
        length = int(matched[1], 16)
        if length == 0:
            break
        size += length
        if size > max_body:
            raise BodyTooLarge(None)
        while len(reader.buffer) < length + 2:
            if not reader.fill():
                raise BodyCutShort(size - length + len(reader.buffer), None)
        chunk = reader.take(length + 2)
        if chunk[length:] != b"\r\n":
            raise ProtocolError("a chunk does not end with CRLF")
        chunks.append(chunk[:length])
    # The trailer section: header lines up to an empty line (ignored), bounded like a head.
    for _ in range(MAX_HEADERS + 1):
        line = reader.line(_MAX_CHUNK_LINE)
        if line is None:
            raise BodyCutShort(size, None)
        if not line:
            return b"".join(chunks)
    raise ProtocolError("too many trailer lines")
