"""Standard output that tells when it fails: a full disk, a closed stream, a reader that went away.

Commands print their output with `deliver`, which writes it through to the stream at once: a
failure is a `DeliveryError` (exit 74, ``EX_IOERR``) raised before the command goes on as if the
output had been delivered (an audit records itself in the history only afterwards). A broken pipe
(``kakaoaudit demo | head -1``) ends the run quietly with the same code.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys

import click

from kakaoaudit.core.errors import DeliveryError
from kakaoaudit.core.i18n import translator

_ = translator("kakaoaudit")


def deliver(text: str, *, nl: bool = True) -> None:
    """Print `text` on standard output and flush it; `DeliveryError` when it cannot be delivered."""
    stream = sys.stdout
    if stream is None or getattr(stream, "closed", False):
        raise DeliveryError(_("cannot write to standard output: it is closed"))
    try:
        click.echo(text, nl=nl)
        stream.flush()
    except OSError as error:
        raise stdout_failed(error) from None


def stdout_failed(error: OSError) -> DeliveryError:
    """The `DeliveryError` for a failed write to standard output (a quiet one for a broken pipe)."""
    from kakaoaudit.core.output import reason_for  # noqa: PLC0415 - only on failure

    _discard_stdout()
    if error.errno == errno.EPIPE or isinstance(error, BrokenPipeError):
        return DeliveryError(quiet=True)
    if error.errno == errno.EBADF:
        return DeliveryError(_("cannot write to standard output: it is closed"))
    return DeliveryError(_("cannot write to standard output: {reason}", reason=reason_for(error)))


def _discard_stdout() -> None:
    """Point standard output at the null device, so that Python's last flush at exit fails no more."""
    stream = sys.stdout
    with contextlib.suppress(OSError, ValueError, AttributeError):  # io.UnsupportedOperation too
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)

