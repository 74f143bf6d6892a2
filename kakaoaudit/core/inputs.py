"""What a run reads from the user: read with a limit, parsed to a bounded depth, and remembered.

* A limit on what is actually read, not on what `stat` says: ``/dev/zero``, a FIFO, standard input
  or a file that grows while it is read report a size of 0 or a wrong one. `read_limited` reads in
  chunks and stops one byte past the limit, so memory follows the input only up to the limit.
* Deeply nested JSON or TOML is refused before any code walks it recursively (`too_deep`).
* Every file read is remembered (`remember`), so that a command never writes its output over its
  own input (`kakaoaudit.core.output` asks `input_named`), whatever path names it: a symbolic or a
  hard link to the same file is the same file (device and inode).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, BinaryIO, Protocol

#: Deepest nesting of lists and tables a JSON report or a TOML answers file may have (kakaoaudit's own
#: are at most 8 deep: messages inside messages).
MAX_DEPTH = 32
_CHUNK = 64 * 1024

#: (device, inode) -> the path given, of every file this run has read.
_read: dict[tuple[int, int], Path] = {}


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def read_limited(stream: _Readable | BinaryIO, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `stream`: more than `limit` means the input is too large."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_file(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the file `path`, which is remembered as an input of this run.

    Raises `OSError` as `open` does; the caller says what it means for its file.
    """
    with open(path, "rb") as handle:
        remember_stat(os.fstat(handle.fileno()), path)
        return read_limited(handle, limit)


def remember(path: Path) -> None:
    """Remember `path` (if it exists) as an input of this run: no output may be written over it."""
    with contextlib.suppress(OSError, ValueError):
        remember_stat(os.stat(path), path)


def remember_stat(stat: os.stat_result, path: Path) -> None:
    if stat.st_ino:  # 0 where the file system has no inode numbers: nothing to compare
        _read.setdefault((stat.st_dev, stat.st_ino), Path(path))


def input_named(stat: os.stat_result) -> Path | None:
    """The input of this run that is the file with this `stat` (same device and inode), if any."""
    if not stat.st_ino:
        return None
    return _read.get((stat.st_dev, stat.st_ino))


def forget_inputs() -> None:
    """Start a new run (the command line calls this; tests run many commands in one process)."""
    _read.clear()


def too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    """True when the lists and dicts of a parsed document nest more than `limit` levels.

    Walked level by level without recursion, looking only at containers: much cheaper than the
    parsing itself, which keeps `kakaoaudit summary` over a thousand reports fast.
    """
    if type(value) is not dict and type(value) is not list:
        return False
    level: list[Any] = [value]  # only dicts and lists
    for _level in range(limit):  # `level` holds the containers of level 1, 2, ... (the document is level 1)
        deeper: list[Any] = []
        for item in level:
            children = item.values() if type(item) is dict else item
            deeper += [child for child in children if type(child) is dict or type(child) is list]
        if not deeper:
            return False
        level = deeper
    return True
