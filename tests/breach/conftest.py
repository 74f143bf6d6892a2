"""Shared fixtures for the kakaoaudit.breach tests.

- `offline` (autouse): any socket connect to a non-loopback address fails the test, and proxy
  variables are cleared, so the suite never touches the network.
- `range_server`: a real threaded HTTP server on 127.0.0.1 (port 0) with scripted replies
  that records every request's raw bytes.
- `forward_proxy`: a real forward proxy on 127.0.0.1 (absolute-URL requests and CONNECT tunnels)
  that relays the server's answer byte for byte and records every byte a client sent it.
- `via`: runs a test twice, reaching `range_server` directly and through `forward_proxy`.
- `big_dataset`: a session-wide 1,000,000-line sorted SHA-1 file (LF) and its CRLF twin.
- helpers exposed as fixtures (tests cannot import each other or this file): `make_body`,
  `forbidden`, `assert_no_leak`.
"""

from __future__ import annotations

import contextlib
import hashlib
import http
import ipaddress
import random
import socket
import socketserver
import threading
import traceback
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# --------------------------------------------------------------------------- offline guard


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connect to a non-loopback address; clear proxy settings."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def check(address: object) -> None:
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            # pytest.fail raises a BaseException: no `except Exception` in the code under test hides it.
            pytest.fail(f"a test tried to connect to {address[0]!r}: tests run offline", pytrace=False)

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        check(address)
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


# --------------------------------------------------------------------------- HTTP server


@dataclass
class Reply:
    """One scripted answer.

    mode: "length" (Content-Length), "chunked", "close" (no length, body ends at close),
    "silent" (accept, read the request, never answer), "drip_head" (the status line and
    headers one byte at a time), "drip_body" (headers at once, then the body one byte at a time),
    "raw" (`body` is the whole answer, head included, sent as it is: hostile answers).
    """

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    mode: str = "length"
    drip_interval: float = 0.1
    content_length: int | None = None  # override the Content-Length header


@dataclass
class Seen:
    """One request as received."""

    raw: bytes
    method: str
    path: str
    headers: dict[str, str]  # names in lower case


class RangeServer:
    """Threaded loopback HTTP server answering with `replies` in order (the last one repeats)."""

    def __init__(self) -> None:
        self.replies: list[Reply] = [Reply()]
        self.requests: list[Seen] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()
        owner = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                owner._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            block_on_close = False

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that gave up (timeout tests) is expected

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def serve(self, *replies: Reply) -> None:
        with self._lock:
            self.replies = list(replies)

    def close(self) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _next_reply(self) -> Reply:
        with self._lock:
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def _handle(self, sock: socket.socket) -> None:
        sock.settimeout(5)
        raw = b""
        try:
            while b"\r\n\r\n" not in raw:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                raw += chunk
        except OSError:
            return
        head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        method, path, _ = head[0].split(" ", 2)
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        with self._lock:
            self.requests.append(Seen(raw, method, path, headers))
        with contextlib.suppress(OSError):  # the client gave up: expected in timeout tests
            self._respond(sock, self._next_reply())

    def _respond(self, sock: socket.socket, reply: Reply) -> None:
        if reply.mode == "silent":
            self.stop.wait(10)
            return
        if reply.mode == "raw":
            sock.sendall(reply.body)
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_WR)
            return
        lines = [f"HTTP/1.1 {reply.status} {http.HTTPStatus(reply.status).phrase}", "Connection: close",
                 "Content-Type: text/plain"]
        lines += [f"{name}: {value}" for name, value in reply.headers.items()]
        if reply.mode == "chunked":
            lines.append("Transfer-Encoding: chunked")
        elif reply.mode in ("length", "drip_head", "drip_body"):
            length = len(reply.body) if reply.content_length is None else reply.content_length
            lines.append(f"Content-Length: {length}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if reply.mode == "drip_head":
            self._drip(sock, head + reply.body, reply.drip_interval)
        elif reply.mode == "drip_body":
            sock.sendall(head)
            self._drip(sock, reply.body or b"0" * 100_000, reply.drip_interval)
        elif reply.mode == "chunked":
            sock.sendall(head)
            for start in range(0, len(reply.body), 4096):
                piece = reply.body[start:start + 4096]
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            sock.sendall(b"0\r\n\r\n")
        else:  # "length", "close"
            sock.sendall(head + reply.body)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_WR)

    def _drip(self, sock: socket.socket, data: bytes, interval: float) -> None:
        for index in range(len(data)):
            if self.stop.wait(interval):
                return
            sock.sendall(data[index:index + 1])


class ForwardProxy:
    """A forward proxy on loopback, as a client meets one through `http_proxy` / `https_proxy`.

    An absolute-URL request (`GET http://host:port/path HTTP/1.1`) is passed on to that server in
    origin form with the client's headers, and the server's answer comes back byte for byte until
    the server closes (a hostile answer reaches the client unchanged); `CONNECT host:port` opens a
    tunnel. `aliases` maps host names to loopback addresses, so that a test URL can name a host
    that only the proxy resolves. `received` holds every byte each client sent (one entry per
    connection); `heads` the first request head of each.
    """

    def __init__(self, aliases: dict[str, tuple[str, int]] | None = None) -> None:
        self.aliases = dict(aliases or {})
        self.received: list[bytearray] = []
        self.heads: list[bytes] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port: int = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _upstream(self, host: str, port: int) -> socket.socket:
        host, port = self.aliases.get(host, (host, port))
        return socket.create_connection((host, port), timeout=15)

    def _handle(self, client: socket.socket) -> None:
        seen = bytearray()
        self.received.append(seen)
        with client, contextlib.suppress(OSError):
            client.settimeout(15)
            while b"\r\n\r\n" not in seen:
                chunk = client.recv(65536)
                if not chunk:
                    return
                seen += chunk
            head, rest = bytes(seen).split(b"\r\n\r\n", 1)
            self.heads.append(head + b"\r\n\r\n")
            request_line, _, headers = head.partition(b"\r\n")
            method, target, version = request_line.split(b" ", 2)
            if method == b"CONNECT":
                host, port = target.decode("ascii").rsplit(":", 1)
                upstream = self._upstream(host.strip("[]"), int(port))
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                if rest:
                    upstream.sendall(rest)
            else:
                url = urllib.parse.urlsplit(target.decode("ascii"))
                upstream = self._upstream(url.hostname or "", url.port or 80)
                path = (url.path or "/") + (f"?{url.query}" if url.query else "")
                upstream.sendall(b"%s %s %s\r\n%s\r\n\r\n%s" % (method, path.encode("ascii"), version, headers, rest))
            with upstream:
                relay = threading.Thread(target=self._pipe, args=(upstream, client, None), daemon=True)
                relay.start()
                self._pipe(client, upstream, seen)
                relay.join(15)

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket, record: bytearray | None) -> None:
        try:
            while data := source.recv(65536):
                if record is not None:
                    record += data
                target.sendall(data)
            target.shutdown(socket.SHUT_WR)
        except OSError:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_RDWR)  # the other side gave up: pass that on

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.listener.close()


@pytest.fixture
def proxy_factory() -> Iterator[Callable[..., ForwardProxy]]:
    """Start `ForwardProxy(aliases)`s; all are closed after the test."""
    proxies: list[ForwardProxy] = []

    def start(aliases: dict[str, tuple[str, int]] | None = None) -> ForwardProxy:
        proxies.append(ForwardProxy(aliases))
        return proxies[-1]

    yield start
    for proxy in proxies:
        proxy.close()


@pytest.fixture
def forward_proxy(proxy_factory: Callable[..., ForwardProxy]) -> ForwardProxy:
    return proxy_factory()


@pytest.fixture(params=["direct", "proxy"])
def via(request: pytest.FixtureRequest, range_server: RangeServer, forward_proxy: ForwardProxy,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test both ways: the base URL of `range_server`, reached directly, or through
    `forward_proxy` set in `http_proxy` (which must then have carried every request the server saw)."""
    proxied = request.param == "proxy"
    if proxied:
        monkeypatch.setenv("http_proxy", forward_proxy.url)
    yield range_server.url
    assert len(forward_proxy.heads) == (len(range_server.requests) if proxied else 0)


@pytest.fixture
def range_server() -> Iterator[RangeServer]:
    server = RangeServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def reply() -> type[Reply]:
    """The `Reply` class, for scripting `range_server.serve(...)`."""
    return Reply


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --------------------------------------------------------------------------- helpers


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


def _make_body(
    entries: dict[str, int], *, padding: int = 40, newline: str = "\r\n", trailing: bool = False,
    seed: int = 0,
) -> bytes:
    """A sorted range body for the given {password: count}, plus `padding` lines of noise."""
    rng = random.Random(seed)
    lines: dict[str, int] = {}
    for _ in range(padding):
        lines[f"{rng.getrandbits(140):035X}"] = rng.choice([0, 0, 0, 1, 7, 230])
    for password, count in entries.items():
        lines[sha1_hex(password)[5:]] = count
    text = newline.join(f"{suffix}:{count}" for suffix, count in sorted(lines.items()))
    return (text + (newline if trailing else "")).encode("ascii")


@pytest.fixture
def make_body() -> Callable[..., bytes]:
    return _make_body


def _forbidden(password: str) -> list[bytes]:
    """Byte strings that must never leave the process: the password, the hash past the prefix."""
    digest = sha1_hex(password)
    suffix = digest[5:]
    parts = {password.encode("utf-8"), digest.encode(), suffix.encode()}
    # any 8 consecutive hex digits of the suffix, in either case
    parts |= {suffix[i:i + 8].encode() for i in range(len(suffix) - 7)}
    return sorted(parts | {part.lower() for part in parts})


@pytest.fixture
def forbidden() -> Callable[[str], list[bytes]]:
    return _forbidden


def _assert_no_leak(exc: BaseException, password: str) -> None:
    """Neither the error, its chain, its traceback text nor kakaoaudit's frame locals hold a secret."""
    texts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        current = current.__cause__ or current.__context__
    texts.append("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if "kakaoaudit" in frame.f_code.co_filename:
            texts += [repr(value) for value in frame.f_locals.values()]
        tb = tb.tb_next
    blob = "\n".join(texts).encode("utf-8", "replace")
    for part in _forbidden(password):
        assert part not in blob, "a secret part leaked into an error"


@pytest.fixture
def assert_no_leak() -> Callable[[BaseException, str], None]:
    return _assert_no_leak


# --------------------------------------------------------------------------- offline data sets

BIG_LINES = 1_000_000
CANARIES = {"password": 9_659_365, "P@ssw0rd": 77_000_123, "パスワード": 12_345_678, "kakaotalk!2024": 4_242_424}


@dataclass
class BigDataset:
    """1,000,000 SHA-1(str(i)) lines with count i + 1, plus canaries; sorted."""

    lf_path: Path
    crlf_path: Path  # same lines, CRLF, and no newline after the last line
    first_password: str
    last_password: str
    canaries: dict[str, int]
    size: int


def _password_for(line: str) -> str:
    count = int(line.split(":")[1])
    for password, canary_count in CANARIES.items():
        if canary_count == count:
            return password
    return str(count - 1)


@pytest.fixture(scope="session")
def big_dataset(tmp_path_factory: pytest.TempPathFactory) -> BigDataset:
    directory = tmp_path_factory.mktemp("pwned")
    sha1 = hashlib.sha1
    lines = [f"{sha1(str(i).encode()).hexdigest().upper()}:{i + 1}" for i in range(BIG_LINES)]
    lines += [f"{sha1_hex(password)}:{count}" for password, count in CANARIES.items()]
    lines.sort()  # equal-length hashes before ":" sort the lines by hash
    lf_path = directory / "pwnedpasswords.txt"
    crlf_path = directory / "pwnedpasswords-crlf.txt"
    lf_path.write_bytes(("\n".join(lines) + "\n").encode("ascii"))
    crlf_path.write_bytes("\r\n".join(lines).encode("ascii"))
    return BigDataset(lf_path, crlf_path, _password_for(lines[0]), _password_for(lines[-1]),
                      dict(CANARIES), len(lines))


@pytest.fixture
def small_lines() -> list[str]:
    """3,000 sorted HASH40:COUNT lines for SHA-1('small-{i}') with count i + 1 (about 140 KB)."""
    return sorted(f"{sha1_hex(f'small-{i}')}:{i + 1}" for i in range(3000))
