"""Atomic file output: a report is either written whole or not at all."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from kakaoaudit.core.errors import OutputError
from kakaoaudit.core.i18n import translator

_ = translator("kakaoaudit")


def write_atomic(path: Path, data: str | bytes, *, private: bool = True) -> None:
    """Write `data` to `path` through a temporary file in the same directory and a rename.

    The temporary file is removed on any failure (including Ctrl-C), so no half-written report
    is ever left behind. `private` files are created readable by the owner only (POSIX).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    if target.is_dir():
        raise OutputError(_("{path}: is a directory; give a file name for the output", path=str(target)))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(_("{path}: the folder {folder} does not exist", path=str(target), folder=str(parent)))
    import tempfile  # noqa: PLC0415 - only when a file is written (with its imports, a share of start-up)

    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise OutputError(
            _("{path}: cannot write: {reason}", path=str(target), reason=error.strerror or type(error).__name__)
        ) from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
