"""The Pwned Passwords range API client: one k-anonymity lookup over the network, bounded in time.

Only `GET {base_url}/range/{PREFIX5}` is sent; the suffix is compared locally, after the body
was fetched and validated (kakaoaudit.breach.ranges). Kept apart from ranges.py because it brings
the network stack (socket, ssl, http.client, urllib.request): the offline reader and the demo
never load it. Failures are `BreachLookupError`s, never "not found".

One transport, http.client, for every lookup: direct or through a proxy, HTTP or HTTPS.

- Why http.client and not urllib's opener: a lookup is one GET whose answer must be judged
  strictly, and urllib would be in the way more than it helps. It follows redirects (to be
  switched off), turns statuses into exceptions (to be undone for 429 and 5xx), stops at a 1xx
  answer like http.client but behind a handler chain, and its connections are http.client's
  anyway: the deadline hooks had to be built into http.client connections either way, and each
  urllib layer costs as much time as a loopback exchange (benchmarks/README.md).
- What is taken from urllib: the proxy *decision*, `urllib.request.getproxies()` and
  `proxy_bypass()`, the functions its ProxyHandler uses (`http_proxy` / `https_proxy`,
  `no_proxy`, and the system settings on macOS and Windows). The proxy is then used the way
  urllib uses it: an http:// lookup sends its absolute URL to the proxy; an https:// lookup asks
  the proxy for a CONNECT tunnel (`HTTPSConnection.set_tunnel`) and speaks TLS to the server
  through it, so the proxy sees only the host and port. Credentials in the proxy URL become a
  `Proxy-Authorization: Basic` header for the proxy, as in urllib.
- Deadlines: socket timeouts bound each read, not the exchange, so a server dripping one byte a
  second never trips them. Name resolution and connect (to the server or the proxy), the
  CONNECT exchange and the TLS handshake share the connect budget; before every read the socket
  timeout is set to the time left until the lookup's total deadline.
- One validator for the answer (`_check_head`), whichever way it came: http.client parses the
  status line and headers (refusing what is not HTTP/1.x) but accepts conflicting or non-numeric
  Content-Length values, a Content-Length beside chunked coding, unknown transfer codings,
  malformed header lines and a body shorter than declared when read in pieces. Each of those is a
  `BreachLookupError` naming the fault here, so a doubtful answer is "could not check" and never
  a body half understood. Chunked framing is http.client's: a size line that is not a number, a
  chunk or the last chunk cut off are errors; it does not check the two bytes that end each
  chunk, but every chunk is still read in full, as declared.
- Statuses: 200 is read; 1xx answers before it are skipped (at most 8; 101 is an error); 3xx is
  an error and never followed (the range API does not redirect, and a redirect could send the
  prefix to another host); 429 and 5xx are retried with a bounded wait; anything else is an
  error. The Content-Type is not checked: the body's own strict format decides.
- TLS: `ssl.create_default_context()` (the system's CA store, host name checked, SNI sent).
"""

from __future__ import annotations

import base64
import datetime
import email.utils
import functools
import http.client
import io
import ipaddress
import math
import re
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, Final, NamedTuple, cast

from kakaoaudit import __version__
from kakaoaudit.breach.ranges import (
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    MAX_BODY_BYTES,
    BreachLookupError,
    _count_in,
    _os_error_text,
    _validate_range_body,
    sha1_prefix_suffix,
)
from kakaoaudit.core.secret import Secret

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["RangeClient"]

_HEX5: Final = re.compile(r"[0-9A-F]{5}")
_MAX_INTERIM: Final = 8  # 1xx answers skipped before the real one (103 Early Hints, 102 Processing)
_LENGTH_DIGITS: Final = 18  # a Content-Length longer than this is not a number we could honour
_TUNNEL_STATUS: Final = re.compile(r"Tunnel connection failed: (\d{3})")


# --------------------------------------------------------------------------- deadlines


class _ResolveTimeout(OSError):
    """getaddrinfo() did not answer within the connect timeout (reported as kind "dns")."""


@functools.lru_cache(maxsize=8)  # a client asks about the same one or two hosts every time
def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _resolve(host: str, port: int, deadline: float) -> list[tuple[int, int, int, tuple[object, ...]]]:
    """getaddrinfo() bounded by `deadline`: the C resolver ignores socket timeouts."""
    if _is_address(host):  # a literal address needs no resolver: no thread, no wait
        return [(fam, typ, proto, addr) for fam, typ, proto, _, addr in socket.getaddrinfo(
            host, port, 0, socket.SOCK_STREAM)]

    result: list[tuple[int, int, int, tuple[object, ...]]] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            for fam, typ, proto, _, addr in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
                result.append((fam, typ, proto, addr))
        except (OSError, UnicodeError) as exc:  # UnicodeError: a label idna cannot encode
            failure.append(exc)

    # A daemon thread: a resolver that hangs must not keep the process alive; it is left to
    # finish on its own (there is no way to cancel getaddrinfo()).
    worker = threading.Thread(target=work, name="kakaoaudit-resolve", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise _ResolveTimeout("name resolution timed out")
    if failure:
        exc = failure[0]
        if isinstance(exc, OSError):
            raise exc
        raise socket.gaierror(f"invalid host name ({type(exc).__name__})")
    return result


def _open_socket(host: str, port: int, deadline: float, source_address: tuple[str, int] | None) -> socket.socket:
    """Like socket.create_connection(), with resolution and all attempts inside one deadline.

    The socket is left with a timeout of the time still left, which bounds what http.client
    does next within the same budget: the CONNECT request to a proxy, the TLS handshake
    (CPython bounds a whole handshake by the timeout set when it starts).
    """
    last_error: OSError | None = None
    for family, socktype, proto, sockaddr in _resolve(host, port, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("connect timed out")
        sock = socket.socket(family, socktype, proto)
        try:
            armed_at = time.monotonic()
            sock.settimeout(remaining)
            if source_address is not None:
                sock.bind(source_address)
            sock.connect(sockaddr)
            now = time.monotonic()
            remaining = deadline - now
            if remaining <= 0:
                raise TimeoutError("connect timed out")
            if now - armed_at > _REARM_SLACK:  # see _REARM_SLACK: a fast connect keeps its timeout
                sock.settimeout(remaining)
        except OSError as exc:
            sock.close()
            last_error = exc
            continue
        return sock
    if last_error is None:
        raise socket.gaierror("the host name resolved to no address")
    raise last_error


# Re-arming the socket timeout is a system call; a read (or a connect's next step) may reuse the
# timeout armed less than this long ago, so it can end at most this late after the deadline.
_REARM_SLACK: Final = 0.05
_READ_BUFFER: Final = 65536  # bytes: a padded range answer (~40 KB) and its head in one read


class _DeadlineReader(io.RawIOBase):
    """Raw socket reader that bounds every read by the time left until the deadline."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, deadline: float, armed_at: float) -> None:
        super().__init__()
        self._raw = raw
        self._sock = sock
        self._deadline = deadline
        self._armed_at = armed_at  # when the socket's timeout was last set for this deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int | None:
        now = time.monotonic()
        remaining = self._deadline - now
        if remaining <= 0:
            raise TimeoutError("total deadline passed")
        if now - self._armed_at > _REARM_SLACK:
            # A timeout armed at time t ends a read by deadline + (now - t): keep that small.
            self._sock.settimeout(remaining)
            self._armed_at = now
        return self._raw.readinto(buffer)

    def fileno(self) -> int:
        return self._raw.fileno()

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    """HTTPResponse whose reads (status line, headers, body) all stop at `deadline`."""

    def __init__(self, sock: socket.socket, debuglevel: int = 0, method: str | None = None,
                 url: str | None = None, *, deadline: float, armed_at: float = -math.inf) -> None:
        super().__init__(sock, debuglevel, method, url)
        # Swap the buffered socket file for one whose raw reads check the deadline; a buffer that
        # holds a whole range answer takes it in one read when it has arrived (http.client's 8 KiB
        # needed three reads, each with its poll under a timeout).
        self.fp = io.BufferedReader(_DeadlineReader(self.fp.detach(), sock, deadline, armed_at), _READ_BUFFER)


class _SameStream:
    """Stands in for the socket of the answer after an interim (1xx) one: HTTPResponse reads
    through `makefile()`, which here gives the stream the interim answer was read from, with
    whatever it already buffered."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def makefile(self, mode: str) -> BinaryIO:
        return self._stream


class _BoundedConnection(http.client.HTTPConnection):
    """An HTTPConnection whose connect stays within the connect budget and whose reads stop at
    the lookup's deadline (`deadline`, a time.monotonic() value)."""

    def __init__(self, host: str, port: int, *, deadline: float, connect_timeout: float, **kwargs: Any) -> None:
        super().__init__(host, port, **kwargs)
        self._deadline = deadline
        self._connect_timeout = connect_timeout
        self._phase_end = deadline  # what bounds the socket now: the connect budget while connecting
        self._armed_at = -math.inf  # when the socket's timeout was set for the whole deadline
        # http.client builds every answer, a proxy's CONNECT answer included, with
        # response_class(sock, ...), and opens its socket through this instance attribute
        # (socket.create_connection by default, stored per instance "to allow unit tests to replace
        # it"; tests/breach/test_client.py's hanging-resolver test fails if it were ever ignored).
        self.response_class = cast("type[http.client.HTTPResponse]", self._response)
        self._create_connection = self._open

    def _response(self, sock: socket.socket, *args: Any, **kwargs: Any) -> http.client.HTTPResponse:
        return _DeadlineResponse(sock, *args, deadline=self._phase_end, armed_at=self._armed_at, **kwargs)

    def _open(self, address: tuple[str, int], timeout: object = None,
              source_address: tuple[str, int] | None = None) -> socket.socket:
        return _open_socket(address[0], address[1], self._phase_end, source_address)

    def connect(self) -> None:
        # Resolution, TCP, a proxy's CONNECT exchange and (HTTPS) the TLS handshake: one budget.
        self._phase_end = min(self._deadline, time.monotonic() + self._connect_timeout)
        try:
            super().connect()
        finally:
            self._phase_end = self._deadline
        now = time.monotonic()
        remaining = self._deadline - now
        if remaining <= 0:
            raise TimeoutError("total deadline passed")
        cast(socket.socket, self.sock).settimeout(remaining)  # sending the request, and the first read
        self._armed_at = now


class _BoundedTLSConnection(_BoundedConnection, http.client.HTTPSConnection):
    """The same over TLS (HTTPSConnection.connect: TCP, an optional tunnel, then the handshake)."""


# --------------------------------------------------------------------------- the answer


def _malformed(problem: str, fault: str) -> BreachLookupError:
    return BreachLookupError("malformed", f"the server's answer was malformed: {problem}", fault)


def _final_answer(response: http.client.HTTPResponse) -> http.client.HTTPResponse:
    """The answer after any interim (1xx) ones, read from the same stream.

    http.client skips "100 Continue" itself but returns any other 1xx as if it were the answer.
    """
    for _ in range(_MAX_INTERIM + 1):
        if response.status == 101:
            raise _malformed("it switched to another protocol (HTTP 101)", "switching_protocols")
        if not 100 <= response.status < 200:
            return response
        stream = cast(BinaryIO, response.fp)
        # The next answer owns the stream now: closing this one must not close it.
        response.fp = None  # type: ignore[assignment]  # http.client's own 'closed' state
        response = http.client.HTTPResponse(cast(socket.socket, _SameStream(stream)), method="GET")
        response.begin()
    raise _malformed(f"more than {_MAX_INTERIM} interim (1xx) answers", "interim")


def _check_head(response: http.client.HTTPResponse, max_body: int) -> int | None:
    """Validate the head of a 200 answer; return its declared length (None: chunked or to close).

    The one check of how the body is framed, for direct and proxied lookups alike: several
    differing or non-numeric Content-Length values, a Content-Length with a Transfer-Encoding,
    a transfer coding other than chunked, a header line that is not "Name: value" (it could hide
    the ones after it), or a declared length over `max_body` are errors, raised before any of the
    body is read.
    """
    headers = response.msg
    if headers.defects:
        raise _malformed("a header line is not 'Name: value'", "header")
    lengths = headers.get_all("Content-Length") or []
    codings = headers.get_all("Transfer-Encoding") or []
    if codings:
        if lengths:
            raise _malformed("both a Content-Length and a Transfer-Encoding", "length_and_coding")
        if [coding.strip().lower() for coding in ",".join(codings).split(",")] != ["chunked"]:
            raise _malformed("a transfer coding other than chunked", "transfer_coding")
        return None
    if not lengths:
        return None
    # One value, or the same value listed again ("n, n" or two equal headers: RFC 9110 8.6).
    values = {value.strip() for line in lengths for value in line.split(",")}
    if len(values) > 1:
        raise _malformed("two different Content-Length values", "content_length_conflict")
    (text,) = values
    if not (text.isascii() and text.isdigit()) or len(text) > _LENGTH_DIGITS:
        raise _malformed("a Content-Length that is not a number", "content_length_invalid")
    declared = int(text)
    if declared > max_body:
        raise BreachLookupError("too_large", f"the range body declares {declared} bytes, over {max_body}")
    return declared


def _read_body(response: http.client.HTTPResponse, declared: int | None, max_body: int) -> bytes:
    """The whole body of a 200 answer whose head `_check_head` accepted, at most `max_body` bytes."""
    error: BreachLookupError | None = None
    body = b""
    try:
        # With a length, read() raises IncompleteRead when the body is cut short; without one,
        # one byte more than allowed tells a body over the limit.
        body = response.read() if declared is not None else response.read(max_body + 1)
    except (http.client.IncompleteRead, http.client.LineTooLong, ValueError):
        if response.chunked:
            error = _malformed("the chunked body is cut off or badly framed", "chunked")
        else:
            error = BreachLookupError("network", "the connection closed before the whole body arrived",
                                      "cut_short")
    # Raised outside the except block: IncompleteRead holds the bytes read so far.
    if error is not None:
        raise error
    if len(body) > max_body:
        raise BreachLookupError("too_large", f"the range body is over {max_body} bytes")
    return body


class _Answer(NamedTuple):
    status: int
    reason: str
    retry_after: str | None
    body: bytes | None
    """The body of a 200 answer; None for any other status (not read)."""


def _classify(exc: BaseException, *, via_proxy: bool) -> BreachLookupError:
    """Map a socket / ssl / http.client failure to a BreachLookupError kind (and fault)."""
    if isinstance(exc, _ResolveTimeout):
        return BreachLookupError("dns", "name resolution timed out")
    if isinstance(exc, socket.gaierror):
        return BreachLookupError("dns", f"could not resolve the server's name ({_os_error_text(exc)})")
    if isinstance(exc, ConnectionRefusedError):
        if via_proxy:
            return BreachLookupError("refused", "the proxy refused the connection", "proxy")
        return BreachLookupError("refused", "the server refused the connection")
    if isinstance(exc, TimeoutError):  # socket.timeout is TimeoutError since 3.10
        return BreachLookupError("timeout", "the server did not answer in time")
    if isinstance(exc, ssl.SSLError):  # includes certificate verification failures (also ValueErrors)
        reason = getattr(exc, "reason", None) or type(exc).__name__
        return BreachLookupError("tls", f"TLS failed ({reason})")
    if isinstance(exc, http.client.RemoteDisconnected):  # before BadStatusLine: it is one
        return BreachLookupError("network", "the server closed the connection without answering", "no_answer")
    if isinstance(exc, (http.client.BadStatusLine, http.client.UnknownProtocol)):
        return _malformed("it does not start with an HTTP/1.x status line", "status_line")
    if isinstance(exc, http.client.LineTooLong):
        return _malformed("a line of its head is too long", "header")
    if isinstance(exc, OSError):
        tunnel = _TUNNEL_STATUS.match(str(exc))
        if tunnel is not None:  # http.client's error when a proxy will not open the tunnel
            return BreachLookupError("http", f"the proxy answered HTTP {tunnel[1]} to CONNECT", "proxy")
        return BreachLookupError("network", f"network error ({_os_error_text(exc)})")
    if isinstance(exc, http.client.HTTPException):  # more than 100 header lines, for one
        return _malformed(f"HTTP protocol error ({type(exc).__name__})", "header")
    return BreachLookupError("network", f"unexpected error ({type(exc).__name__})")


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date), None if absent/invalid."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit() and len(value) <= 10:
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds())


def _reason_phrase(reason: object) -> str:
    # The server's reason phrase is untrusted: printable ASCII only, and short.
    text = "".join(ch for ch in str(reason) if ch.isascii() and ch.isprintable())[:60]
    return f" {text}" if text else ""


# --------------------------------------------------------------------------- proxies


class _Proxy(NamedTuple):
    host: str
    port: int
    tls: bool
    """TLS to the proxy itself (an https:// proxy for an http:// lookup, as urllib does)."""
    headers: dict[str, str]
    """For the proxy only: Proxy-Authorization when its URL has a user name and password."""


def _proxy_for(scheme: str, netloc: str) -> str | None:
    """The proxy URL urllib's ProxyHandler would use for this base URL, or None (direct)."""
    proxy = urllib.request.getproxies().get(scheme)
    if not proxy or urllib.request.proxy_bypass(netloc):
        return None
    return proxy


def _parse_proxy(proxy: str, scheme: str) -> _Proxy | None:
    """Host, port, TLS and headers of a proxy URL (`http://[user:password@]host[:port]` or
    `host:port`); None when it cannot be used (another scheme, no host, a bad port)."""
    parts = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    proxy_scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        return None
    if proxy_scheme not in ("http", "https") or not parts.hostname:
        return None
    # As urllib: an https:// proxy gets TLS only for plain-HTTP lookups; a CONNECT tunnel is
    # always opened over plain TCP to the proxy.
    tls = proxy_scheme == "https" and scheme == "http"
    headers: dict[str, str] = {}
    if parts.username and parts.password:
        credentials = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password)}"
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(credentials.encode()).decode("ascii")
    return _Proxy(parts.hostname, port or (443 if tls else 80), tls, headers)


# --------------------------------------------------------------------------- the online client


class RangeClient:
    """Pwned Passwords range API client (stdlib only: http.client, with urllib's proxy settings).

    Sends only `GET {base_url}/range/{PREFIX5}` with `Add-Padding: true` and a kakaoaudit
    `User-Agent` (plus `Host`, `Accept-Encoding: identity` and `Connection: close`); redirects
    are not followed. One lookup (all attempts, retry waits, connect, headers and body) ends
    within `total_timeout`; resolution plus connect (and TLS) within `connect_timeout`. 429 and
    5xx answers are retried `retries` times, waiting as `Retry-After` asks (seconds or
    HTTP-date) but never more than `max_retry_after` or the time left; when the wait would not
    fit in the deadline the answer's own error is raised at once.

    Proxies from the environment (`http_proxy` / `https_proxy`, `no_proxy`) are honoured as
    urllib does, decided once at construction; direct and proxied lookups share one code path
    and one validation of the answer (see the module's docstring).
    A bad `base_url` (not http/https, no host, a query or fragment, credentials) is a
    `ValueError` at construction: it is a configuration mistake, not a failed lookup.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
        retries: int = 2,
        max_retry_after: float = 5.0,
        user_agent: str | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = _check_base_url(base_url)
        for name, value in (("connect_timeout", connect_timeout), ("total_timeout", total_timeout)):
            if not (value > 0 and math.isfinite(value)):
                raise ValueError(f"{name} must be a positive number of seconds")
        if retries < 0:
            raise ValueError("retries must be >= 0")
        if not (max_retry_after >= 0 and math.isfinite(max_retry_after)):
            raise ValueError("max_retry_after must be >= 0 seconds")
        if max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be positive")
        agent = f"kakaoaudit/{__version__}" if user_agent is None else user_agent
        if not agent or not agent.isascii() or not agent.isprintable():
            raise ValueError("user_agent must be printable ASCII")
        self.connect_timeout = float(connect_timeout)
        self.total_timeout = float(total_timeout)
        self.retries = retries
        self.max_retry_after = float(max_retry_after)
        self.user_agent = agent
        self.max_body_bytes = max_body_bytes
        self._sleep = sleep
        parts = urllib.parse.urlsplit(self.base_url)
        self._scheme = parts.scheme
        # Spaces or non-ASCII in a mirror's path are sent percent-encoded; escapes already there stay.
        self._path = urllib.parse.quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
        self._host, self._port, self._host_header = _host_and_port(parts)
        self._ssl_context: ssl.SSLContext | None = None
        proxy_url = _proxy_for(self._scheme, parts.netloc)
        self._proxy = None if proxy_url is None else _parse_proxy(proxy_url, self._scheme)
        self._unusable_proxy = proxy_url is not None and self._proxy is None

    @property
    def uses_proxy(self) -> bool:
        """True when lookups go through a proxy from the environment (http_proxy / https_proxy)."""
        return self._proxy is not None or self._unusable_proxy

    def count(self, password: Secret) -> int:
        """How many times the password appears in breaches; 0 when it does not.

        Raises `BreachLookupError` on any failure (never 0 for an incomplete lookup), and
        `ValueError` for a password that is not valid Unicode (see `sha1_prefix_suffix`).
        """
        # Only the prefix is held while the network is in use; the suffix is derived again
        # afterwards, so no frame of a failed request (as seen by a traceback) contains it.
        prefix = sha1_prefix_suffix(password)[0]
        table = _validate_range_body(self.fetch_range(prefix))
        return _count_in(table, sha1_prefix_suffix(password)[1])

    def fetch_range(self, prefix: str) -> bytes:
        """The raw body of `GET {base_url}/range/{prefix}` (prefix: 5 hex characters)."""
        prefix = prefix.upper()
        if not _HEX5.fullmatch(prefix):
            raise ValueError("a range prefix is exactly 5 hex characters")
        if self._unusable_proxy:
            raise BreachLookupError(
                "network", f"the {self._scheme}_proxy setting is not an http:// proxy kakaoaudit can use", "proxy"
            )
        deadline = time.monotonic() + self.total_timeout
        attempt = 0
        while True:
            error: BreachLookupError
            if deadline - time.monotonic() <= 0:
                raise BreachLookupError("timeout", "the lookup did not finish in time")
            try:
                answer = self._exchange(prefix, deadline)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                error = _classify(exc, via_proxy=self._proxy is not None)
            else:
                if answer.body is not None:
                    return answer.body
                status = answer.status
                retryable = status == 429 or 500 <= status <= 599
                if retryable and attempt < self.retries:
                    wait = _retry_after_seconds(answer.retry_after)
                    if wait is None:  # no (usable) Retry-After: exponential backoff
                        wait = 0.5 * 2**attempt
                    wait = min(wait, self.max_retry_after)
                    if wait < deadline - time.monotonic():
                        self._sleep(wait)
                        attempt += 1
                        continue
                error = _status_error(answer, prefix, attempt)
            # Raised outside the except block so the library's exception is not even kept as
            # __context__ (it may hold bytes of the answer; nothing to leak is best).
            raise error

    def _exchange(self, prefix: str, deadline: float) -> _Answer:
        """One attempt: the request, the answer's head checked, and the body of a 200 answer.

        Failures are raised as OSError, http.client.HTTPException, ValueError, or
        BreachLookupError (what the validation refused).
        """
        connection = self._connection(deadline)
        response: http.client.HTTPResponse | None = None
        try:
            origin_form = f"{self._path}/range/{prefix}"
            if self._proxy is not None and self._scheme == "http":  # the proxy needs the whole URL
                target = f"http://{self._host_header}{origin_form}"
            else:
                target = origin_form
            connection.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
            for name, value in self._headers():
                connection.putheader(name, value)
            connection.endheaders()  # connects (bounded), then sends the request
            response = _final_answer(connection.getresponse())
            status, reason = response.status, response.reason
            if status != 200:
                return _Answer(status, reason, response.getheader("Retry-After"), None)
            declared = _check_head(response, self.max_body_bytes)
            return _Answer(status, reason, None, _read_body(response, declared, self.max_body_bytes))
        finally:
            if response is not None:
                response.close()
            connection.close()

    def _connection(self, deadline: float) -> _BoundedConnection:
        limits = {"deadline": deadline, "connect_timeout": self.connect_timeout}
        proxy = self._proxy
        if self._scheme == "https":
            connection: _BoundedConnection
            if proxy is None:
                connection = _BoundedTLSConnection(self._host, self._port, context=self._tls(), **limits)
            else:
                connection = _BoundedTLSConnection(proxy.host, proxy.port, context=self._tls(), **limits)
                # TLS with the server through the proxy's CONNECT tunnel: SNI and the certificate
                # check are for the server's name (http.client uses the tunnel host for both).
                connection.set_tunnel(self._host, self._port, headers=proxy.headers)
            return connection
        if proxy is None:
            return _BoundedConnection(self._host, self._port, **limits)
        if proxy.tls:
            return _BoundedTLSConnection(proxy.host, proxy.port, context=self._tls(), **limits)
        return _BoundedConnection(proxy.host, proxy.port, **limits)

    def _tls(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            # Built once per client, on first use: loading the CA store costs milliseconds.
            self._ssl_context = ssl.create_default_context()
        return self._ssl_context

    def _headers(self) -> list[tuple[str, str]]:
        """The request's headers: exactly the ones docs/privacy.md lists (a test checks it)."""
        headers = [("Host", self._host_header), ("User-Agent", self.user_agent), ("Add-Padding", "true"),
                   ("Accept-Encoding", "identity"), ("Connection", "close")]
        if self._proxy is not None and self._scheme == "http":
            headers += self._proxy.headers.items()  # for the proxy, which drops it before forwarding
        return headers


def _status_error(answer: _Answer, prefix: str, attempt: int) -> BreachLookupError:
    status = answer.status
    tries = f" after {attempt + 1} attempts" if attempt else ""
    said = f"the server answered HTTP {status}{_reason_phrase(answer.reason)} for range {prefix}{tries}"
    if status == 429:
        return BreachLookupError("rate_limited", said)
    if 300 <= status < 400:
        return BreachLookupError("http", f"{said}: a redirect, not followed", "redirect")
    return BreachLookupError("http", said)


def _host_and_port(parts: urllib.parse.SplitResult) -> tuple[str, int, str]:
    """(host to connect to and name in TLS, port, Host header) of a base URL `_check_base_url` accepted."""
    host = cast(str, parts.hostname)  # checked by _check_base_url
    default = 443 if parts.scheme == "https" else 80
    port = parts.port or default
    try:
        ipaddress.ip_address(host)
    except ValueError:
        host = host.encode("idna").decode("ascii")  # an internationalised name, in its ASCII form
        literal = host
    else:
        literal = f"[{host}]" if ":" in host else host
    return host, port, literal if port == default else f"{literal}:{port}"


def _check_base_url(base_url: str) -> str:
    """Validate the base URL and return it without trailing slashes; ValueError when unusable."""
    parts = urllib.parse.urlsplit(base_url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("the Pwned Passwords base URL must start with http:// or https://")
    if not parts.hostname:
        raise ValueError("the Pwned Passwords base URL has no host")
    if parts.query or parts.fragment or parts.username is not None or parts.password is not None:
        raise ValueError("the Pwned Passwords base URL must not have a query, fragment or credentials")
    try:
        parts.port  # noqa: B018  # property access validates the port number
        parts.hostname.encode("idna")
    except (ValueError, UnicodeError):
        raise ValueError("the Pwned Passwords base URL has an invalid host or port") from None
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc, parts.path.rstrip("/"), "", ""))
