"""Breached-password lookups: the Pwned Passwords range API (k-anonymity) and an offline copy.

Only the first five hex characters of the password's SHA-1 ever leave the machine
(`GET {base_url}/range/{PREFIX5}`); the rest of the hash (the *suffix*) is compared locally.
The offline alternative reads the files written by HIBP's PwnedPasswordsDownloader.

This module is stdlib-only and not translated: every failure is a `BreachLookupError` with a
machine-readable `kind` and an English `detail`; the caller turns the kind into a localised
message. A failed lookup is "could not check", never "not found": `count()` returns 0 only
when the lookup completed.

Secrecy rules kept throughout: the password, its full hash and its suffix never appear in a
request, an exception (message, cause or context), a log or a message. Nor in the frames of
a traceback: the client derives the suffix only once the body is fetched and validated, and
the offline search's errors are re-raised fresh from `count()`, without the search's frames.
"""

from __future__ import annotations

import datetime
import email.utils
import functools
import hashlib
import http.client
import io
import ipaddress
import math
import os
import re
import socket
import ssl
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, Final, cast

from kakaoaudit import __version__, http_get
from kakaoaudit.errors import KakaoauditError
from kakaoaudit.secret import Secret

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "ERROR_KINDS",
    "MAX_BODY_BYTES",
    "BreachLookupError",
    "OfflineDataset",
    "RangeClient",
    "parse_range_body",
    "sha1_prefix_suffix",
]

DEFAULT_BASE_URL: Final = "https://api.pwnedpasswords.com"
DEFAULT_CONNECT_TIMEOUT: Final = 5.0
"""Seconds allowed for name resolution, the TCP connect and (https) the TLS handshake together."""
DEFAULT_TOTAL_TIMEOUT: Final = 15.0
"""Seconds allowed for the whole lookup: every attempt, retry wait, header and body byte."""

MAX_BODY_BYTES: Final = 1 << 20
"""Largest range body accepted (1 MiB).

A real padded range body has 800-1,000 lines of about 40 bytes, i.e. 30-40 KB; 1 MiB leaves
~25x headroom for the data set's growth while bounding memory when something else answers
(a captive portal on public Wi-Fi, a misconfigured proxy, a hostile server streaming forever).
"""

ERROR_KINDS: Final = frozenset({
    "refused", "dns", "timeout", "tls", "http", "rate_limited",
    "malformed", "too_large", "network", "dataset",
})
"""Every value `BreachLookupError.kind` can take."""

_HTTP_GET_ERRORS: Final = (http_get.ProtocolError, http_get.BodyTooLarge, http_get.BodyCutShort)
_PREFIX_LEN: Final = 5
_READ_CHUNK: Final = 64 * 1024
# 15 digits: far above any real count (the top password is seen ~10^8 times) and far below
# Python's int-from-str digit limit, so a hostile body cannot make int() slow or raise.
_RANGE_LINE: Final = re.compile(r"([0-9A-Fa-f]{35}):([0-9]{1,15})")
_HEX5: Final = re.compile(r"[0-9A-F]{5}")
_BOM: Final = b"\xef\xbb\xbf"


class BreachLookupError(KakaoauditError):
    """A breached-password lookup could not be completed ("could not check", never "not found").

    `kind` is one of `ERROR_KINDS` and is what the caller translates; `detail` is one English
    line for logs and `--verbose` output. Neither ever contains the password, its hash or its
    suffix (the 5-character prefix may appear: it is public by design).
    """

    kind: str
    detail: str

    def __init__(self, kind: str, detail: str) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown BreachLookupError kind {kind!r}")
        # One line, whatever a server's reason phrase or an OS error string contained.
        detail = " ".join(detail.split())
        # args = (kind, detail) so that pickling re-creates the error with the same fields.
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.detail} [{self.kind}]"


# --------------------------------------------------------------------------- hashing and parsing


def sha1_prefix_suffix(secret: Secret) -> tuple[str, str]:
    """Upper-case hex SHA-1 of the UTF-8 password, split into the 5-char prefix and 35-char suffix.

    Raises `ValueError` (with a fixed message, no password text) for a string that cannot be
    encoded as UTF-8 (a lone surrogate): there is no UTF-8 password to look up.
    """
    data: bytes | None
    try:
        data = secret.reveal().encode("utf-8")
    except UnicodeEncodeError:
        data = None
    if data is None:
        # Raised outside the except block: the codec's error holds the whole password (its
        # `.object`) and would otherwise ride along as __context__, even with `from None`.
        raise ValueError("the password is not valid Unicode text (lone surrogate)")
    # usedforsecurity=False: SHA-1 is the data set's key here, not a protection (and FIPS-mode
    # OpenSSL builds refuse SHA-1 without it).
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest().upper()
    return digest[:_PREFIX_LEN], digest[_PREFIX_LEN:]


def parse_range_body(body: bytes) -> dict[str, int]:
    """Parse a range body (`SUFFIX35:COUNT` lines) into `{SUFFIX35 (upper case): count}`.

    Decoded as `utf-8-sig` (a BOM is dropped) and split with `splitlines()`, so CRLF, LF, a
    trailing newline and blank lines are all accepted, as are lower-case suffixes and spaces
    around a line. Padding lines (`Add-Padding: true` answers, count 0) are left out of the
    result: they are made-up suffixes, and a missing key already means 0. A suffix listed twice
    keeps its larger count (the API never does it; over-warning is the safe side).

    An empty body, or any other line, is a `BreachLookupError("malformed")` naming the line
    number only (never the line's text): a range always has hundreds of lines, so an empty or
    odd answer (a captive portal's page, a proxy's error) must not read as "not found".
    """
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BreachLookupError("malformed", "the range body is not UTF-8 text") from None
    counts: dict[str, int] = {}
    match = _RANGE_LINE.fullmatch
    seen_line = False
    for lineno, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip()
        if not line:
            continue
        found = match(line)
        if found is None:
            raise BreachLookupError("malformed", f"range body line {lineno} is not SUFFIX:COUNT")
        seen_line = True
        count = int(found[2])
        if count:
            suffix = found[1].upper()
            counts[suffix] = max(count, counts.get(suffix, 0))
    if not seen_line:
        raise BreachLookupError("malformed", "the range body is empty")
    return counts


# Fast path for one lookup in a body. A padded range is ~1,000 lines: building the whole dict
# costs more than the loopback HTTP exchange itself, so a body whose lines are all exactly
# SUFFIX35:COUNT (upper-case hex; CRLF or LF newlines) is checked with two C-speed passes and
# searched with bytes.find(). Anything else (lower case, blank lines, spaces, mixed or CR-only
# newlines, junk) goes through parse_range_body(), so both paths give the same answer or the
# same error.
#
# The two passes, and why together they prove every line is [0-9A-F]{35}:[0-9]{1,15}:
# 1. Deleting the hex digits must leave exactly ":" NL ":" NL ... ":" [NL] (NL = the newline).
#    So every other byte is a hex digit, and the newlines and colons alternate.
# 2. The regex below matches the body as lines of 35 non-newline bytes, ":", 1-15 decimal digits.
#    Its 35-byte run cannot cross a newline, so its lines are the body's lines; each of those has
#    exactly one colon (pass 1), which is the regex's, so the run holds no colon, and no CR
#    either (pass 1 puts every CR of a CRLF body right before a LF): only hex digits.
# Speed: "[^\n]{35}" is a single-byte loop in sre and the deletion is one table pass, where a
# full regex with a hex class tests every byte against a class (about twice the time).
# Plain quantifiers (possessive ones need Python 3.11): the fixed-width runs leave nothing to
# backtrack into but the 1-15 digits of a count.
_CLEAN_LINE: Final = rb"[^\n]{35}:[0-9]{1,15}"
# A possessive repeat (Python 3.11+) keeps no backtracking state per line: ~15% faster. Same
# language either way: a line can only end where the next newline is.
_REPEAT: Final = rb")*+" if sys.version_info >= (3, 11) else rb")*"
_CLEAN_CRLF: Final = re.compile(_CLEAN_LINE + rb"(?:\r\n" + _CLEAN_LINE + _REPEAT + rb"(?:\r\n)?")
_CLEAN_LF: Final = re.compile(_CLEAN_LINE + rb"(?:\n" + _CLEAN_LINE + _REPEAT + rb"\n?")
_UPPER_HEX: Final = b"0123456789ABCDEF"
_DIGITS: Final = re.compile(rb"[0-9]+")


def _is_clean(body: bytes) -> bool:
    """True when every line of `body` (no BOM) is exactly SUFFIX35:COUNT in upper case."""
    crlf = b"\r" in body
    unit = b":\r\n" if crlf else b":\n"
    others = body.translate(None, _UPPER_HEX)
    lines, tail = divmod(len(others), len(unit))
    if tail > 1 or others != unit * lines + b":" * tail:
        return False
    return (_CLEAN_CRLF if crlf else _CLEAN_LF).fullmatch(body) is not None


def _validate_range_body(body: bytes) -> bytes | dict[str, int]:
    """Check a whole range body; raise like `parse_range_body`; return something to search.

    A clean body (every line exactly SUFFIX35:COUNT in upper case, CRLF or LF newlines) comes
    back as bytes without a BOM; anything else goes through `parse_range_body`, whose dict
    comes back.
    """
    clean = body[len(_BOM):] if body.startswith(_BOM) else body
    if not _is_clean(clean):
        return parse_range_body(body)
    return clean


def _count_in(table: bytes | dict[str, int], suffix: str) -> int:
    """The count for `suffix` in what `_validate_range_body` returned; cannot fail."""
    if isinstance(table, dict):
        return table.get(suffix, 0)
    key = suffix.encode("ascii") + b":"
    best = 0
    position = table.find(key)
    while position >= 0:
        # Every line's only colon is at offset 35, so a hit is a whole suffix at a line start.
        start = position + len(key)
        digits = _DIGITS.match(table, start)
        if digits is not None:  # always true for a validated body; keeps mypy and readers sure
            best = max(best, int(digits[0]))
        position = table.find(key, start)
    return best


def _count_in_body(body: bytes, suffix: str) -> int:
    """`parse_range_body(body).get(suffix, 0)`, without building the dict for a clean body."""
    return _count_in(_validate_range_body(body), suffix)


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


def _os_error_text(exc: BaseException) -> str:
    """A short description of an OS-level error without anything request-specific in it."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return type(exc).__name__


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
        if answer.status == 200 or not 200 <= answer.status < 300:
            return answer.status, answer.reason, answer.headers.get("retry-after"), answer.body
        return answer.status, answer.reason, None, None

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


# --------------------------------------------------------------------------- the offline data set

_PROBE_BYTES: Final = 128  # one probe read: longer than any valid line (40 + 1 + 15 + CRLF = 58)
_WINDOW_BYTES: Final = 4096  # once the search range is this small, read it whole and scan it
_FILE_LINE: Final = re.compile(rb"([0-9A-Fa-f]{40}):([0-9]{1,15})")
_NTLM_LINE: Final = re.compile(rb"[0-9A-Fa-f]{32}:[0-9]{1,15}")
_NTLM_RANGE_LINE: Final = re.compile(rb"[0-9A-Fa-f]{27}:[0-9]{1,15}")
_RANGE_FILE_NAME: Final = re.compile(r"[0-9A-Fa-f]{5}\.txt")
_AFTER_ALL: Final = b"\xff"  # sorts after every hex hash: "no upper neighbour seen yet"


class OfflineDataset:
    """HIBP downloader output: one sorted file `PREFIX5SUFFIX35:COUNT` lines (LF or CRLF)
    or a directory of PREFIX.txt range files.

    The single file (tens of GB) is searched with seeks: about 20 probes of 128 bytes and one
    final window of at most 4 KiB, so each lookup reads under 8 KiB whatever the file's size.
    Sortedness cannot be proven without reading everything; every line the search touches is
    checked against its neighbours, so an unsorted file is reported (kind "dataset") as soon
    as a lookup sees out-of-order lines instead of giving a wrong "not found".

    The directory form (`-s false`) holds one `PREFIX.txt` per prefix; a missing or empty file
    is an error (an incomplete download must not read as "not found").

    Not thread-safe (`bytes_read` is a plain counter); each lookup opens and closes the file, so
    nothing stays open between lookups.
    """

    bytes_read: int
    """Bytes read from disk by lookups so far (construction's validation read not included)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.bytes_read = 0
        self._data_start = 0
        if os.path.isdir(self.path):
            self.is_directory = True
            self._check_directory()
        elif os.path.isfile(self.path):
            self.is_directory = False
            self._check_file()
        elif os.path.exists(self.path):
            raise BreachLookupError("dataset", f"{self.path!r} is neither a file nor a directory")
        else:
            raise BreachLookupError("dataset", f"the offline data set {self.path!r} does not exist")

    # ---------------------------------------------------------------- validation

    def _check_file(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(256)
        except OSError as exc:
            raise BreachLookupError("dataset", f"cannot read {self.path!r} ({_os_error_text(exc)})") from None
        if head.startswith(_BOM):
            self._data_start = len(_BOM)
            head = head[len(_BOM):]
        first = head.split(b"\n", 1)[0].rstrip(b"\r")
        if not head:
            raise BreachLookupError("dataset", f"the offline data set {self.path!r} is empty")
        if _NTLM_LINE.fullmatch(first):
            raise BreachLookupError(
                "dataset", f"{self.path!r} holds NTLM hashes (downloader option -n), not SHA-1: "
                "download the SHA-1 version"
            )
        if not _FILE_LINE.fullmatch(first):
            raise BreachLookupError(
                "dataset", f"the first line of {self.path!r} is not HASH40:COUNT "
                "(expected the SHA-1 file of PwnedPasswordsDownloader)"
            )

    def _check_directory(self) -> None:
        sample: str | None = None
        try:
            with os.scandir(self.path) as entries:
                for entry in entries:
                    if _RANGE_FILE_NAME.fullmatch(entry.name) and entry.is_file():
                        sample = entry.path
                        break
            if sample is None:
                raise BreachLookupError(
                    "dataset", f"the directory {self.path!r} holds no PREFIX.txt range files"
                )
            with open(sample, "rb") as handle:
                head = handle.read(256)
        except OSError as exc:
            raise BreachLookupError("dataset", f"cannot read {self.path!r} ({_os_error_text(exc)})") from None
        if head.startswith(_BOM):
            head = head[len(_BOM):]
        first = head.split(b"\n", 1)[0].strip()
        if _NTLM_RANGE_LINE.fullmatch(first):
            raise BreachLookupError(
                "dataset", f"{self.path!r} holds NTLM range files (downloader option -n), not SHA-1: "
                "download the SHA-1 version"
            )
        if first and not _RANGE_LINE.fullmatch(first.decode("ascii", "replace")):
            raise BreachLookupError(
                "dataset", f"the range file {os.path.basename(sample)!r} in {self.path!r} is not SUFFIX:COUNT"
            )

    # ---------------------------------------------------------------- lookups

    def count(self, password: Secret) -> int:
        """How many times the password appears in the data set; 0 when it does not.

        Raises `BreachLookupError("dataset")` when the data set is unreadable, malformed,
        unsorted or incomplete where the lookup looked.
        """
        prefix = sha1_prefix_suffix(password)[0]
        if self.is_directory:
            try:
                table = _validate_range_body(self._read_range_file(prefix))
            except BreachLookupError as exc:
                if exc.kind == "dataset":
                    raise
                raise BreachLookupError("dataset", f"the range file for {prefix}: {exc.detail}") from None
            return _count_in(table, sha1_prefix_suffix(password)[1])
        try:
            with open(self.path, "rb", buffering=0) as handle:
                # The full hash is passed inline, never held in this frame.
                return self._search(handle, "".join(sha1_prefix_suffix(password)).encode("ascii"))
        except BreachLookupError as exc:
            error = BreachLookupError(exc.kind, exc.detail)
        except OSError as exc:
            error = BreachLookupError("dataset", f"cannot read {self.path!r} ({_os_error_text(exc)})")
        # A fresh error raised out here: its traceback has no frame of the search, whose locals
        # hold the full hash and the neighbouring lines of the file (a frame-locals dump, as some
        # error reporters make, would show them).
        raise error

    def _read_range_file(self, prefix: str) -> bytes:
        for name in (f"{prefix}.txt", f"{prefix.lower()}.txt"):
            candidate = os.path.join(self.path, name)
            try:
                with open(candidate, "rb") as handle:
                    body = handle.read(MAX_BODY_BYTES + 1)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise BreachLookupError("dataset", f"cannot read {name!r} ({_os_error_text(exc)})") from None
            self.bytes_read += len(body)
            if len(body) > MAX_BODY_BYTES:
                raise BreachLookupError("dataset", f"the range file {name!r} is over {MAX_BODY_BYTES} bytes")
            if not body.strip():
                raise BreachLookupError(
                    "dataset", f"the range file {name!r} is empty (incomplete download?)"
                )
            return body
        raise BreachLookupError(
            "dataset", f"no range file for prefix {prefix} in {self.path!r} (incomplete download?)"
        )

    def _read_at(self, handle: BinaryIO, offset: int, size: int) -> bytes:
        handle.seek(offset)
        data = handle.read(size)
        self.bytes_read += len(data)
        return data

    def _malformed(self, offset: int) -> BreachLookupError:
        return BreachLookupError("dataset", f"{self.path!r}: the line at byte {offset} is not HASH40:COUNT")

    def _unsorted(self, offset: int) -> BreachLookupError:
        return BreachLookupError(
            "dataset", f"{self.path!r} is not sorted (out-of-order lines near byte {offset}): "
            "use the downloader's file as written"
        )

    def _parse_line(self, line: bytes, offset: int) -> tuple[bytes, int]:
        found = _FILE_LINE.fullmatch(line.rstrip(b"\r"))
        if found is None:
            raise self._malformed(offset)
        return found[1].upper(), int(found[2])

    def _probe(self, handle: BinaryIO, mid: int, hi: int, size: int) -> tuple[int, int, bytes, int] | None:
        """First non-blank line starting in [mid, hi) as (start, end, hash, count); None if none.

        `end` is the offset just after the line's newline (or the end of the file).
        """
        # The first line starting at or after `mid` begins after the first newline at or after mid-1.
        offset = mid - 1
        buf = self._read_at(handle, offset, _PROBE_BYTES)
        newline = buf.find(b"\n")
        if newline < 0:
            if offset + len(buf) >= size:
                return None  # inside the last line: nothing starts in [mid, hi)
            raise self._malformed(mid)
        start = offset + newline + 1
        while start < hi:
            position = start - offset
            line_end = buf.find(b"\n", position)
            if line_end < 0 and offset + len(buf) < size:
                # The line runs past this read: read it again from its start.
                offset, position = start, 0
                buf = self._read_at(handle, offset, _PROBE_BYTES)
                line_end = buf.find(b"\n")
                if line_end < 0 and offset + len(buf) < size:
                    raise self._malformed(start)
            at_eof = line_end < 0  # the last line, without a newline at the end of the file
            line = buf[position:] if at_eof else buf[position:line_end]
            end = start + len(line) + (0 if at_eof else 1)
            if line.strip():
                digest, count = self._parse_line(line, start)
                return start, end, digest, count
            if at_eof:
                return None
            start = end  # a blank line: take the next one
        return None

    def _search(self, handle: BinaryIO, key: bytes) -> int:
        size = handle.seek(0, os.SEEK_END)
        lo, hi = self._data_start, size
        # Invariants: lines starting before `lo` sort below the key, lines starting at or after
        # `hi` above it. `below`/`above` are the hashes of the lines seen at those bounds: every
        # line looked at must fall strictly between them, or the file is not sorted.
        below, above = b"", _AFTER_ALL
        while hi - lo > _WINDOW_BYTES:
            mid = (lo + hi) // 2
            probe = self._probe(handle, mid, hi, size)
            if probe is None:
                hi = mid  # mid is inside the last line: the answer starts before it
                continue
            start, end, digest, count = probe
            if not below < digest < above:
                raise self._unsorted(start)
            if digest == key:
                return count
            if digest < key:
                lo, below = end, digest
            else:
                hi, above = start, digest
        if lo >= hi:
            return 0  # the last line was probed and sorts below the key
        # Read the lines starting in [lo, hi), plus enough to finish the last one, and check
        # them all (order and format): a few dozen lines, already in memory.
        window = self._read_at(handle, lo, hi - lo + _PROBE_BYTES)
        stop = window.find(b"\n", hi - lo - 1)
        if stop < 0:
            if lo + len(window) < size:
                raise self._malformed(hi)
            stop = len(window)  # the file's last line has no newline
        found = 0
        previous = below
        position = lo
        for line in window[:stop].split(b"\n"):
            if line.strip():
                digest, count = self._parse_line(line, position)
                if not previous < digest < above:
                    raise self._unsorted(position)
                if digest == key:
                    found = count
                previous = digest
            position += len(line) + 1
        return found
