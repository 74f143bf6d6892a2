"""Breached-password lookups: the Pwned Passwords range format (k-anonymity), hashing and errors.

Only the first five hex characters of the password's SHA-1 ever leave the machine
(`GET {base_url}/range/{PREFIX5}`); the rest of the hash (the *suffix*) is compared locally.
The offline alternative (kakaoaudit.breach.offline) reads the files written by HIBP's
PwnedPasswordsDownloader.

The online client is `kakaoaudit.breach.online.RangeClient`; it imports this module, never
the other way round, so the offline reader and the demo never load the network stack. This
module is stdlib-only and not translated: every failure is a `BreachLookupError` with a
machine-readable `kind` and an English `detail`; the caller turns the kind into a localised
message. A failed lookup is "could not check", never "not found": `count()` returns 0 only
when the lookup completed.

Secrecy rules kept throughout: the password, its full hash and its suffix never appear in a
request, an exception (message, cause or context), a log or a message. Nor in the frames of
a traceback: the client derives the suffix only once the body is fetched and validated, and
the offline search's errors are re-raised fresh from `count()`, without the search's frames.
"""

from __future__ import annotations

import hashlib
import re
import sys
from typing import Final

from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.secret import Secret

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "ERROR_KINDS",
    "FAULTS",
    "MAX_BODY_BYTES",
    "BreachLookupError",
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

FAULTS: Final = frozenset({
    # kind "malformed": the answer's framing (the range body's own faults have no code)
    "status_line", "header", "content_length_conflict", "content_length_invalid", "length_and_coding",
    "transfer_coding", "chunked", "switching_protocols", "interim",
    # kind "network"
    "cut_short", "no_answer",
    # kind "http": a 3xx, not followed
    "redirect",
    # a proxy from the environment: refused ("refused"), no tunnel ("http"), unusable ("network")
    "proxy",
})
"""Every value `BreachLookupError.fault` can take besides None: which fault ended the lookup, so
that the reason shown to the user can name it (the kind alone is too coarse for that)."""

_PREFIX_LEN: Final = 5
# 15 digits: far above any real count (the top password is seen ~10^8 times) and far below
# Python's int-from-str digit limit, so a hostile body cannot make int() slow or raise.
_RANGE_LINE: Final = re.compile(r"([0-9A-Fa-f]{35}):([0-9]{1,15})")
_BOM: Final = b"\xef\xbb\xbf"


class BreachLookupError(KakaoauditError):
    """A breached-password lookup could not be completed ("could not check", never "not found").

    `kind` is one of `ERROR_KINDS` and is what the caller translates; `fault`, when not None,
    is one of `FAULTS` and names the fault more precisely (two different Content-Length values,
    a body cut short, ...); `detail` is one English line for logs and `--verbose` output. None
    of them ever contains the password, its hash or its suffix (the 5-character prefix may
    appear: it is public by design), nor bytes of the server's answer.
    """

    kind: str
    detail: str
    fault: str | None

    def __init__(self, kind: str, detail: str, fault: str | None = None) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown BreachLookupError kind {kind!r}")
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown BreachLookupError fault {fault!r}")
        # One line, whatever a server's reason phrase or an OS error string contained.
        detail = " ".join(detail.split())
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail
        self.fault = fault

    def __reduce__(self) -> tuple[type[BreachLookupError], tuple[str, str, str | None]]:
        # Pickling re-creates the error with the same fields.
        return type(self), (self.kind, self.detail, self.fault)

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
# SUFFIX35:COUNT (upper-case hex; CRLF or LF newlines) is checked with C-speed passes and
# searched with bytes.find(). Anything else (lower case, blank lines, spaces, mixed or CR-only
# newlines, junk) goes through parse_range_body(), so both paths give the same answer or the
# same error.
#
# Why the checks together prove every line is [0-9A-F]{35}:[0-9]{1,15}:
# 1. Deleting the hex digits must leave exactly ":" NL ":" NL ... ":" [NL] (NL = the newline).
#    So every other byte is a hex digit, there is one colon per line, and from a line start the
#    first byte that is not a hex digit is that line's colon.
# 2. The last 1-128 lines (the tail) must match _CLEAN_CRLF / _CLEAN_LF: lines of 35 non-newline
#    bytes, ":", 1-15 decimal digits. Its 35-byte run cannot cross a newline, so its lines are the
#    body's lines; each of those has exactly one colon (1), which is the regex's, so the run holds
#    no colon, and no CR either (1 puts every CR of a CRLF body right before a LF): only hex.
#    So the tail holds exactly one colon per line.
# 3. The lines before it must match blocks of exactly _BLOCK_LINES segments "35 bytes, ':', 1-15
#    digits, NL" whose 35 bytes are skipped unread. A segment starts at a line start, so by (1)
#    its run is all hex unless it holds a colon, and then the blocks hold more colons than
#    segments: the total minus the tail's colons (counted: the tail is short) rules that out.
# Speed: the deletion is one table pass; the blocks skip ~90% of the bytes a regex would read,
# halving the regex's time (sre reads ".{35}" byte by byte without DOTALL; a hex class would be
# twice as slow again). 128-line blocks balance the calls per block against the tail's reading.
_CLEAN_LINE: Final = rb".{35}:[0-9]{1,15}"
_POSSESSIVE: Final = sys.version_info >= (3, 11)
# Possessive quantifiers (Python 3.11+) keep no backtracking state per line: faster, and the
# same language: the runs are fixed-width, and a count can only end where the next newline is.
_REPEAT: Final = rb")*+" if _POSSESSIVE else rb")*"
_CLEAN_CRLF: Final = re.compile(_CLEAN_LINE + rb"(?:\r\n" + _CLEAN_LINE + _REPEAT + rb"(?:\r\n)?")
_CLEAN_LF: Final = re.compile(_CLEAN_LINE + rb"(?:\n" + _CLEAN_LINE + _REPEAT + rb"\n?")
_BLOCK_LINES: Final = 128
_SKIPPED_LINE: Final = rb"(?s:.{35}+):[0-9]{1,15}+" if _POSSESSIVE else rb"(?s:.{35}):[0-9]{1,15}"
_BLOCK_REPEAT: Final = b"{%d}%s" % (_BLOCK_LINES, b"+" if _POSSESSIVE else b"")
_BLOCK_CRLF: Final = re.compile(rb"(?:" + _SKIPPED_LINE + rb"\r\n)" + _BLOCK_REPEAT)
_BLOCK_LF: Final = re.compile(rb"(?:" + _SKIPPED_LINE + rb"\n)" + _BLOCK_REPEAT)
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
    colons = lines + tail
    if not colons:  # empty, or hex digits only
        return False
    blocks = (colons - 1) // _BLOCK_LINES  # the tail keeps 1 to _BLOCK_LINES lines
    block = _BLOCK_CRLF if crlf else _BLOCK_LF
    position = 0
    for _ in range(blocks):
        found = block.match(body, position)
        if found is None:
            return False
        position = found.end()
    if (_CLEAN_CRLF if crlf else _CLEAN_LF).fullmatch(body, position) is None:
        return False
    return body.count(b":", position) == colons - blocks * _BLOCK_LINES


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


def _os_error_text(exc: BaseException) -> str:
    """A short description of an OS-level error without anything request-specific in it."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return type(exc).__name__
