"""File output that never destroys a file of the user's: a report is written whole or not at all.

`write_atomic` is the only way kakaoaudit writes a file the user named (``-o/--output``, saved
answers, ``init``, ``history export``):

* a regular file (new or existing) is replaced atomically: a temporary file in the same folder,
  written, flushed to the disk (fsync), then renamed over the target (`os.replace`). A failure at
  any point (a full disk, Ctrl-C, the process killed) leaves the previous file as it was;
* a symbolic link is followed: the file it points to is replaced that way, the link stays;
* a FIFO or a character device (``/dev/null``, a terminal) is written into, never replaced;
  any other kind of file (a socket, a block device) is refused;
* a file the user made read-only (no write permission bit, or not writable by this user) is
  refused, never replaced: root could replace it, and must not either;
* a file this run read (its answers file, the report it shows: `kakaoaudit.core.inputs`) is
  refused, whatever path names it, so that a command never writes its output over its input.

Every refusal or failure is one `OutputError` line (exit 2) whose reason fits the cause.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from kakaoaudit.core.errors import OutputError, UsageError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.inputs import input_named
from kakaoaudit.core.untrusted import shown

_ = translator("kakaoaudit")

_PRIVATE_MODE, _SHARED_MODE = 0o600, 0o644
#: A domain without catalogs: the text is shown as it is.
_LITERAL = "kakaoaudit.literal"


def reason_for(error: OSError) -> Msg:
    """Why an operation on a file failed, in the user's words: each common cause its own message."""
    reasons = {
        errno.ENOSPC: _("the disk is full; free some space or choose another disk"),
        errno.EROFS: _("the file system is read-only; choose a place you can write to"),
        errno.EACCES: _("permission denied; choose a folder you can write to"),
        errno.EPERM: _("the system does not allow it (the file or its folder is protected)"),
        errno.ENOENT: _("the folder does not exist"),
        errno.EISDIR: _("it is a folder; give a file name"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.ELOOP: _("too many symbolic links"),
        errno.EFBIG: _("the file would be too large for this file system"),
        errno.EIO: _("input/output error: the disk or device failed"),
        errno.ENXIO: _("no program is reading from it"),
        errno.EPIPE: _("the program reading it has stopped"),
    }
    quota = getattr(errno, "EDQUOT", None)
    if quota is not None:
        reasons[quota] = _("your disk quota is used up; free some space or choose another disk")
    found = reasons.get(error.errno) if error.errno is not None else None
    if found is not None:
        return found
    return Msg(_LITERAL, error.strerror or type(error).__name__)  # the system's own words


def _failed(target: Path, reason: Msg) -> OutputError:
    return OutputError(_("{path}: cannot write: {reason}", path=shown(target), reason=reason))


def refuse_input(path: Path) -> None:
    """`UsageError` (exit 2) when `path` is a file this run reads: its output would destroy its input."""
    try:
        found = input_named(os.stat(path))
    except (OSError, ValueError):
        return
    if found is not None:
        raise UsageError(_("{path}: this is also what the command reads ({input}); write the output to another "
                           "file", path=shown(path), input=shown(found)))


def write_atomic(path: Path, data: str | bytes, *, private: bool = True, over_input: bool = False) -> None:
    """Write `data` to `path` as the module says; `private` new files are readable by their owner only.

    An existing file keeps its permissions (and, where kakaoaudit may set it, its owner). `over_input`
    allows replacing a file this run read, where that is the point (saving the answers over the answers
    file, after asking).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    if "\0" in str(target) or not str(path):
        raise UsageError(_("{path}: not a usable file name", path=shown(path)))
    if not over_input:
        refuse_input(target)
    try:
        found: os.stat_result | None = os.stat(target)  # follows a symbolic link
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise _failed(target, reason_for(error)) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(_("{path}: is a directory; give a file name for the output", path=shown(target)))
    if found is not None and (stat.S_ISFIFO(found.st_mode) or stat.S_ISCHR(found.st_mode)):
        _write_into(target, payload)
        return
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise OutputError(_("{path}: not a regular file; kakaoaudit writes only to files, FIFOs and devices",
                            path=shown(target)))
    # A link is followed: the file it points to is replaced, the link itself stays as it is.
    final = Path(os.path.realpath(target)) if target.is_symlink() else target
    if found is not None and (not found.st_mode & 0o222 or not os.access(final, os.W_OK)):
        raise OutputError(_("{path}: the file is read-only; kakaoaudit leaves it as it is (choose another file, "
                            "or make it writable yourself)", path=shown(target)))
    parent = final.parent if str(final.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(_("{path}: the folder {folder} does not exist", path=shown(target), folder=shown(parent)))
    mode = stat.S_IMODE(found.st_mode) if found is not None else (_PRIVATE_MODE if private else _SHARED_MODE)
    _replace(final, payload, mode, found, shown_as=target)


def _replace(final: Path, payload: bytes, mode: int, previous: os.stat_result | None, *, shown_as: Path) -> None:
    import tempfile  # noqa: PLC0415 - only when a file is written (with its imports, a share of start-up)

    parent = final.parent if str(final.parent) else Path(".")
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{final.name[:64]}.", suffix=".tmp", dir=parent)
        try:
            _write_all(fd, payload)
            os.fsync(fd)
            if os.name == "posix":
                os.fchmod(fd, mode)
                if previous is not None and os.geteuid() == 0:
                    with contextlib.suppress(OSError):
                        os.fchown(fd, previous.st_uid, previous.st_gid)
        finally:
            os.close(fd)
        os.replace(temp_name, final)
        temp_name = None
        _sync_folder(parent)
    except OSError as error:
        raise _failed(shown_as, reason_for(error)) from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _write_into(target: Path, payload: bytes) -> None:
    """Write into a FIFO or a device (it is not a file that could be replaced)."""
    # Non-blocking open: a FIFO nobody reads is an error at once (ENXIO), not a hang.
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags)
        try:
            if os.name == "posix":
                os.set_blocking(fd, True)
            _write_all(fd, payload)
        finally:
            os.close(fd)
    except OSError as error:
        raise _failed(target, reason_for(error)) from None


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view[: 1024 * 1024])
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Best effort: make the rename itself durable (POSIX; Windows cannot open a folder)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
