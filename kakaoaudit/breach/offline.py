"""The offline copy of Pwned Passwords: the files written by HIBP's PwnedPasswordsDownloader.

Either one sorted file of `PREFIX5SUFFIX35:COUNT` lines (searched with seeks, never read whole) or
a directory of `PREFIX.txt` range files. Stdlib-only and not translated, like
kakaoaudit.breach.ranges: every failure is a `BreachLookupError("dataset")`; a damaged,
incomplete or unsorted copy is "could not check", never "not found".
"""

from __future__ import annotations

import os
import re
from typing import BinaryIO, Final

from kakaoaudit.breach.ranges import (
    _BOM,
    _RANGE_LINE,
    MAX_BODY_BYTES,
    BreachLookupError,
    _count_in,
    _os_error_text,
    _validate_range_body,
    sha1_prefix_suffix,
)
from kakaoaudit.core.secret import Secret

__all__ = ["OfflineDataset"]

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
