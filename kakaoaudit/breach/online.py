"""The Pwned Passwords range API client: one k-anonymity lookup over the network, bounded in time.

Only `GET {base_url}/range/{PREFIX5}` is sent; the suffix is compared locally, after the body
was fetched and validated (kakaoaudit.breach). Kept apart from kakaoaudit.breach because it
brings the network stack (socket, ssl, http.client, urllib): the offline reader and the demo
never load it. Failures are `kakaoaudit.breach.BreachLookupError`s, never "not found".
"""

from __future__ import annotations

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
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, cast

from kakaoaudit import __version__
from kakaoaudit.breach import http_get
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

_HTTP_GET_ERRORS: Final = (http_get.ProtocolError, http_get.BodyTooLarge, http_get.BodyCutShort)
_READ_CHUNK: Final = 64 * 1024
_HEX5: Final = re.compile(r"[0-9A-F]{5}")


# --------------------------------------------------------------------------- HTTP plumbing
#
# urllib gives one timeout that applies to each blocking socket call separately, so a server
# that sends one byte per second never trips it. The classes below add a deadline for the whole
# exchange: name resolution and connect are bounded by the connect timeout, and before every
# read the socket timeout is set to the time left until the total deadline.


class _ResolveTimeout(OSError):
    """getaddrinfo() did not answer within the connect timeout (reported as kind "dns")."""


def _resolve(host: str, port: int, deadline: float) -> list[tuple[int, int, int, tuple[object, ...]]]:
    """getaddrinfo() bounded by `deadline`: the C resolver ignores socket timeouts."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:  # a literal address needs no resolver: no thread, no wait
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


def _open_socket(host: str, port: int, connect_deadline: float,
                 source_address: tuple[str, int] | None, *, for_tls: bool) -> socket.socket:
    """Like socket.create_connection(), with resolution and all attempts inside one deadline."""
    last_error: OSError | None = None
    for family, socktype, proto, sockaddr in _resolve(host, port, connect_deadline):
        remaining = connect_deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("connect timed out")
        sock = socket.socket(family, socktype, proto)
        try:
            sock.settimeout(remaining)
            if source_address is not None:
                sock.bind(source_address)
            sock.connect(sockaddr)
            if for_tls:
                # What is left of the connect budget bounds the TLS handshake that follows
                # (CPython bounds a whole handshake by the socket timeout set when it starts).
                remaining = connect_deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("connect timed out")
                sock.settimeout(remaining)
        except OSError as exc:
            sock.close()
            last_error = exc
            continue
        return sock
    if last_error is None:
        raise socket.gaierror("the host name resolved to no address")
    raise last_error


# Re-arming the socket timeout is a system call; a read may reuse the timeout armed less than
# this long ago, so it can end at most this late after the deadline.
_REARM_SLACK: Final = 0.05


class _DeadlineReader(io.RawIOBase):
    """Raw socket reader that bounds every read by the time left until the deadline."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self._raw = raw
        self._sock = sock
        self._deadline = deadline
        self._armed_at = -math.inf

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
                 url: str | None = None, *, deadline: float) -> None:
        super().__init__(sock, debuglevel, method, url)
        # Swap the buffered socket file for one whose raw reads check the deadline.
        self.fp = io.BufferedReader(_DeadlineReader(self.fp.detach(), sock, deadline))


class _DeadlineHTTPConnection(http.client.HTTPConnection):
    """HTTPConnection whose connect and reads stop at the lookup's deadline."""

    def __init__(self, host: str, *, deadline: float, connect_timeout: float, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        _arm(self, deadline, connect_timeout, for_tls=False)


class _DeadlineHTTPSConnection(http.client.HTTPSConnection):
    """HTTPSConnection whose connect, TLS handshake and reads stop at the lookup's deadline."""

    def __init__(self, host: str, *, deadline: float, connect_timeout: float, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        _arm(self, deadline, connect_timeout, for_tls=True)


def _arm(connection: http.client.HTTPConnection, deadline: float, connect_timeout: float, *,
         for_tls: bool) -> None:
    """Give a fresh connection the lookup's deadline for connecting and for every read."""
    # http.client only ever calls response_class(sock, ...) (getresponse, proxy tunnel): a
    # partial carrying the deadline works there and avoids a class per request.
    connection.response_class = cast(
        "type[http.client.HTTPResponse]", functools.partial(_DeadlineResponse, deadline=deadline)
    )

    def create_connection(address: tuple[str, int], timeout: object = None,
                          source_address: tuple[str, int] | None = None) -> socket.socket:
        connect_deadline = min(deadline, time.monotonic() + connect_timeout)
        return _open_socket(address[0], address[1], connect_deadline, source_address, for_tls=for_tls)

    # HTTPConnection.connect() (also run by HTTPSConnection.connect() before its TLS wrap) opens
    # the socket through this instance attribute (socket.create_connection by default; present
    # in CPython 3.10-3.13), so DNS and connect get the bounded versions above.
    connection._create_connection = create_connection  # type: ignore[attr-defined]


class _DeadlineRequest(urllib.request.Request):
    """A Request that carries the lookup's deadline and connect timeout to the handlers."""

    def __init__(self, url: str, headers: dict[str, str], deadline: float, connect_timeout: float) -> None:
        super().__init__(url, headers=headers, method="GET")
        self.deadline = deadline
        self.connect_timeout = connect_timeout


def _limits(req: urllib.request.Request) -> tuple[float, float]:
    if isinstance(req, _DeadlineRequest):
        return req.deadline, req.connect_timeout
    # Not ours (cannot happen through RangeClient): fall back to the defaults.
    return time.monotonic() + DEFAULT_TOTAL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        deadline, connect_timeout = _limits(req)

        def factory(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            return _DeadlineHTTPConnection(host, deadline=deadline, connect_timeout=connect_timeout, **kwargs)

        return self.do_open(factory, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        super().__init__()
        self._ssl_context: ssl.SSLContext | None = None

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        deadline, connect_timeout = _limits(req)
        if self._ssl_context is None:
            # Built once per client, on first use: loading the CA store costs milliseconds.
            self._ssl_context = ssl.create_default_context()
        context = self._ssl_context

        def factory(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            return _DeadlineHTTPSConnection(
                host, deadline=deadline, connect_timeout=connect_timeout, context=context, **kwargs
            )

        return self.do_open(factory, req)


class _NoRedirectHandler(urllib.request.HTTPRedirectHandler):
    """The range API never redirects: a 3xx is reported as an "http" error, not followed."""

    def redirect_request(  # noqa: PLR0917  # the signature is urllib's
        self, req: urllib.request.Request, fp: object, code: int, msg: str, headers: object, newurl: str
    ) -> None:
        return None


def _classify(exc: BaseException) -> BreachLookupError:
    """Map a urllib / socket / ssl / http.client / http_get failure to a BreachLookupError kind."""
    if isinstance(exc, http_get.BodyTooLarge):
        if exc.declared is not None:
            return BreachLookupError("too_large", f"the range body declares {exc.declared} bytes, over the limit")
        return BreachLookupError("too_large", "the range body is over the size limit")
    if isinstance(exc, http_get.BodyCutShort):
        return BreachLookupError("network", f"the connection closed early ({exc})")
    if isinstance(exc, http_get.ProtocolError):
        return BreachLookupError("network", f"HTTP protocol error ({exc})")
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        reason = exc.reason
        if isinstance(reason, BaseException):
            return _classify(reason)
        return BreachLookupError("network", "the request failed")
    if isinstance(exc, _ResolveTimeout):
        return BreachLookupError("dns", "name resolution timed out")
    if isinstance(exc, socket.gaierror):
        return BreachLookupError("dns", f"could not resolve the server's name ({_os_error_text(exc)})")
    if isinstance(exc, ConnectionRefusedError):
        return BreachLookupError("refused", "the server refused the connection")
    if isinstance(exc, TimeoutError):  # socket.timeout is TimeoutError since 3.10
        return BreachLookupError("timeout", "the server did not answer in time")
    if isinstance(exc, ssl.SSLError):  # includes certificate verification failures
        reason = getattr(exc, "reason", None) or type(exc).__name__
        return BreachLookupError("tls", f"TLS failed ({reason})")
    if isinstance(exc, OSError):
        return BreachLookupError("network", f"network error ({_os_error_text(exc)})")
    if isinstance(exc, (http.client.HTTPException, ValueError)):
        # ValueError: http.client lets it out for a bad chunk size, for one.
        return BreachLookupError("network", f"HTTP protocol error ({type(exc).__name__})")
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


# --------------------------------------------------------------------------- the online client


class RangeClient:
    """Pwned Passwords range API client (stdlib only: sockets and ssl; urllib through a proxy).

    Sends only `GET {base_url}/range/{PREFIX5}` with `Add-Padding: true` and a kakaoaudit
    `User-Agent`; redirects are not followed. One lookup (all attempts, retry waits, connect,
    headers and body) ends within `total_timeout`; resolution plus connect within
    `connect_timeout`. 429 and 5xx answers are retried `retries` times, waiting as `Retry-After`
    asks (seconds or HTTP-date) but never more than `max_retry_after` or the time left; when the
    wait would not fit in the deadline the answer's own error is raised at once.

    Proxies from the environment (`https_proxy`, `no_proxy`) are honoured, as urllib does: a
    proxied lookup goes through urllib's opener; the usual, direct one talks to the server with
    http.client alone (urllib's handler chain costs as much as a loopback exchange), with the
    same deadlines, redirects refused and errors classified alike.
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
        self._scheme, self._netloc = parts.scheme, parts.netloc
        # Spaces or non-ASCII in a mirror's path are sent percent-encoded; escapes already there stay.
        self._path = urllib.parse.quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
        self._host, self._port, self._host_header = _host_and_port(parts)
        self._ssl_context: ssl.SSLContext | None = None
        # Decided once, as urllib's ProxyHandler would for this URL: a proxy for the scheme in
        # the environment (or the system settings) and the host not exempted by no_proxy.
        self._opener: urllib.request.OpenerDirector | None = None
        if self._scheme in urllib.request.getproxies() and not urllib.request.proxy_bypass(self._netloc):
            self._opener = urllib.request.build_opener(_HTTPHandler(), _HTTPSHandler(), _NoRedirectHandler())

    @property
    def uses_proxy(self) -> bool:
        """True when lookups go through a proxy from the environment (http_proxy / https_proxy)."""
        return self._opener is not None

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
        url = f"{self.base_url}/range/{prefix}"
        headers = {"User-Agent": self.user_agent, "Add-Padding": "true"}
        deadline = time.monotonic() + self.total_timeout
        attempt = 0
        while True:
            error: BreachLookupError
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BreachLookupError("timeout", "the lookup did not finish in time")
            try:
                status, reason, retry_after, body = self._open(url, prefix, headers, deadline, remaining)
            except (OSError, http.client.HTTPException, ValueError, *_HTTP_GET_ERRORS) as exc:  # URLError is an OSError
                error = _classify(exc)
            else:
                if body is not None:
                    return body
                retryable = status == 429 or 500 <= status <= 599
                if retryable and attempt < self.retries:
                    wait = _retry_after_seconds(retry_after)
                    if wait is None:  # no (usable) Retry-After: exponential backoff
                        wait = 0.5 * 2**attempt
                    wait = min(wait, self.max_retry_after)
                    if wait < deadline - time.monotonic():
                        self._sleep(wait)
                        attempt += 1
                        continue
                kind = "rate_limited" if status == 429 else "http"
                tries = f" after {attempt + 1} attempts" if attempt else ""
                error = BreachLookupError(
                    kind,
                    f"the server answered HTTP {status}{_reason_phrase(reason)} for range {prefix}{tries}",
                )
            # Raised outside the except block so the urllib exception is not even kept as
            # __context__ (it names the URL; harmless today, but nothing to leak is best).
            raise error

    def _open(self, url: str, prefix: str, headers: dict[str, str], deadline: float,
              remaining: float) -> tuple[int, object, str | None, bytes | None]:
        """One attempt: `(status, reason, Retry-After, body)`; the body only for a 200 answer.

        Failures are raised as OSError, http.client.HTTPException, ValueError, the errors of
        kakaoaudit.http_get, or BreachLookupError (size limits of the proxied path).
        """
        if self._opener is not None:
            try:
                response = self._opener.open(
                    _DeadlineRequest(url, headers, deadline, self.connect_timeout), timeout=remaining
                )
            except urllib.error.HTTPError as exc:
                status, reason, retry_after = exc.code, exc.reason, exc.headers.get("Retry-After")
                exc.close()
                return status, reason, retry_after, None
            return response.status, response.reason, None, self._read_body(response, deadline, prefix)
        connect_deadline = min(deadline, time.monotonic() + self.connect_timeout)
        sock = _open_socket(self._host, self._port, connect_deadline, None, for_tls=self._scheme == "https")
        try:
            if self._scheme == "https":
                if self._ssl_context is None:
                    # Built once per client, on first use: loading the CA store costs milliseconds.
                    self._ssl_context = ssl.create_default_context()
                # The handshake is bounded by the socket timeout _open_socket left: the connect budget.
                sock = self._ssl_context.wrap_socket(sock, server_hostname=self._host)
            request = b"GET %s/range/%s HTTP/1.1\r\n%s\r\n" % (
                self._path.encode("ascii"), prefix.encode("ascii"), self._header_block(headers))
            answer = http_get.exchange(sock, request, deadline, self.max_body_bytes)
        finally:
            sock.close()
        return answer.status, answer.reason, answer.headers.get("retry-after"), answer.body

    def _header_block(self, headers: dict[str, str]) -> bytes:
        lines = {"Host": self._host_header, **headers, "Accept-Encoding": "identity", "Connection": "close"}
        return "".join(f"{name}: {value}\r\n" for name, value in lines.items()).encode("ascii")

    def _read_body(self, response: http.client.HTTPResponse, deadline: float, prefix: str) -> bytes:
        error: BreachLookupError | None = None
        with response:
            if response.status != 200:
                raise BreachLookupError(
                    "http", f"the server answered HTTP {response.status}{_reason_phrase(response.reason)}"
                    f" for range {prefix}, expected 200"
                )
            declared = response.headers.get("Content-Length")
            if declared is not None and declared.strip().isdigit() and int(declared) > self.max_body_bytes:
                raise BreachLookupError(
                    "too_large", f"the range body declares {int(declared)} bytes, over {self.max_body_bytes}"
                )
            chunks: list[bytes] = []
            size = 0
            try:
                while True:
                    if time.monotonic() >= deadline:
                        raise TimeoutError("total deadline passed")
                    chunk = response.read(_READ_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > self.max_body_bytes:
                        error = BreachLookupError(
                            "too_large", f"the range body is over {self.max_body_bytes} bytes"
                        )
                        break
                    chunks.append(chunk)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                error = _classify(exc)
            # read(amt) returns short data, not IncompleteRead, when the connection closes early.
            if error is None and declared is not None and declared.strip().isdigit() and size != int(declared):
                error = BreachLookupError(
                    "network", f"the connection closed after {size} of {int(declared)} body bytes"
                )
        if error is not None:
            raise error
        return b"".join(chunks)


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
