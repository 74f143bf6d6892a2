"""Breached-password lookups: the Pwned Passwords range API (k-anonymity) and an offline copy.

Only the first five hex characters of the password's SHA-1 ever leave the machine
(`GET {base_url}/range/{PREFIX5}`); the rest of the hash (the *suffix*) is compared locally.
The offline alternative reads the files written by HIBP's PwnedPasswordsDownloader.

The online client is `kakaoaudit.range_client.RangeClient` (also reachable here as
`RangeClient`, imported on first use: it brings the network stack). This module is
stdlib-only and not translated: every failure is a `BreachLookupError` with a
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
import os
import re
import sys
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.secret import Secret

if TYPE_CHECKING:
    from kakaoaudit.breach.online import RangeClient

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


def __getattr__(name: str) -> Any:
    # The online client lives in kakaoaudit.range_client with the network stack (ssl, urllib,
    # http.client): loaded on first use, so the offline reader and the demo never pay for it.
    if name == "RangeClient":
        from kakaoaudit.breach.online import RangeClient  # noqa: PLC0415

        return RangeClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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

_PREFIX_LEN: Final = 5
# 15 digits: far above any real count (the top password is seen ~10^8 times) and far below
# Python's int-from-str digit limit, so a hostile body cannot make int() slow or raise.
_RANGE_LINE: Final = re.compile(r"([0-9A-Fa-f]{35}):([0-9]{1,15})")
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


def _os_error_text(exc: BaseException) -> str:
    """A short description of an OS-level error without anything request-specific in it."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return type(exc).__name__


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
