"""The one exception root of kakaoaudit and its user-facing subclasses.

A `KakaoauditError` is an expected failure (bad input, unreachable server, unwritable file):
the command line prints its message as one line (one line per problem) and exits with
`exit_code`, never with a traceback. Messages may be `Msg` objects, rendered in the user's
language when printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kakaoaudit.core.i18n import Msg


class KakaoauditError(Exception):
    """Root of every error kakaoaudit raises on purpose."""

    #: Exit code of the command line when this error ends a command (2: usage or input error).
    exit_code: int = 2

    def __init__(self, *messages: Msg | str) -> None:
        super().__init__(*messages)
        self.messages = messages

    def __str__(self) -> str:
        return "\n".join(str(message) for message in self.messages)


class UsageError(KakaoauditError):
    """The command line was used wrongly (unknown option value, conflicting flags)."""


class InputError(KakaoauditError):
    """A file or value the user supplied is malformed; the message names what, where and how to fix."""


class OutputError(KakaoauditError):
    """A report or file could not be written; nothing partial was left behind."""


class DeliveryError(KakaoauditError):
    """Standard output failed (full, closed, or its reader went away): the output was not delivered.

    Exit 74 (``EX_IOERR`` of sysexits.h): not 1 (the score tripped ``--fail-under``/``--fail-on``), not
    2 (a usage or input error) and not 70 (a bug). `quiet` for a broken pipe: the reader stopped reading
    on purpose (``| head``), so nothing is said.
    """

    exit_code = 74

    def __init__(self, *messages: Msg | str, quiet: bool = False) -> None:
        super().__init__(*messages)
        self.quiet = quiet
