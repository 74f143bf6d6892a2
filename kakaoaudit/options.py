"""The options every command shares, and their checks: kept apart from the command line (cli.py)
so that a command module can use them without importing the command group that imports it.

Exit codes: 0 fine; 1 score under ``--fail-under`` or a finding at or above ``--fail-on``;
2 usage or input error; 70 an internal error (a bug: please report); 74 the output could not be
delivered to standard output (full, closed, or a broken pipe); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kakaoaudit.core.i18n import LANGUAGES, Msg, translator
from kakaoaudit.formats import FORMATS

_ = translator("kakaoaudit")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_IO, EXIT_INTERRUPTED = 0, 1, 2, 70, 74, 130
#: The longest file name an option accepts (Linux's PATH_MAX).
MAX_PATH_LENGTH = 4096
FORMAT_NAMES = tuple(FORMATS)
F = TypeVar("F", bound=Callable[..., Any])


def t(message: Msg) -> str:
    """A help or message text in the current language."""
    return message.render()


class FilePath(click.Path):
    """A file name option (a `pathlib.Path`), refusing what cannot name a file: an empty value, a NUL
    byte, a name longer than any file system takes. click names the option in the message."""

    def __init__(self, *, allow_dash: bool = False) -> None:
        super().__init__(path_type=Path, allow_dash=allow_dash)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            if not value.strip():
                self.fail(t(_("an empty value is not a file name")), param, ctx)
            if "\0" in value:
                self.fail(t(_("a file name cannot contain a NUL byte")), param, ctx)
            if len(value) > MAX_PATH_LENGTH:
                self.fail(t(_("the file name is longer than {limit} characters", limit=MAX_PATH_LENGTH)), param, ctx)
        return super().convert(value, param, ctx)


class FiniteFloatRange(click.FloatRange):
    """`click.FloatRange` that also refuses "nan" (it compares as inside every range), and says "not a number" in
    the user's language (click names its type in English: "is not a valid float")."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            try:
                float(value)
            except ValueError:
                self.fail(t(_("{value} is not a number", value=value[:20])), param, ctx)
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(t(_("{value} is not a number", value=str(value)[:20])), param, ctx)
        return number


class WholeNumberRange(click.IntRange):
    """`click.IntRange` that says "not a whole number" in the user's language (click: "is not a valid integer")."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            try:
                int(value)
            except ValueError:
                self.fail(t(_("{value} is not a whole number", value=value[:20])), param, ctx)
        return super().convert(value, param, ctx)


def check_names(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """--only/--skip: every value names at least one check or category."""
    for item in value:
        if not any(part.strip() for part in item.split(",")):
            raise click.BadParameter(t(_("give check IDs or categories, such as KA401 or password")))
    return value


DEBUG_KEY = "kakaoaudit.debug"


def _remember_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[DEBUG_KEY] = True  # `meta` is shared by the whole command chain


def debug_requested() -> bool:
    """True when --debug was given (to the command or to kakaoaudit itself)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get(DEBUG_KEY))


def common_options(function: F) -> F:
    """Options every command accepts."""
    function = click.option("--lang", type=click.Choice(LANGUAGES), default=None, expose_value=False,
                            is_eager=True, help=t(_("Language of the output (default: KAKAOAUDIT_LANG, "
                                                    "then the system locale).")))(function)
    function = click.option("--debug", is_flag=True, expose_value=False, callback=_remember_debug,
                            help=t(_("Show the traceback of unexpected errors.")))(function)
    return function


def answer_options(function: F) -> F:
    """Options of the commands that ask questions and keep the answers (audit, travel, triage, support-kit)."""
    decorators = [
        click.option("--answers", "-a", "answers_file", type=FilePath(), default=None,
                     help=t(_("Your answers file (default: answers.toml in KAKAOAUDIT_HOME or your user data "
                              "folder, read and kept automatically). Use one file per person."))),
        click.option("--plain", is_flag=True, envvar="KAKAOAUDIT_PLAIN",
                     help=t(_("Numbered questions, one line each, instead of arrow keys and checkboxes (for screen "
                              "readers; also KAKAOAUDIT_PLAIN=1)."))),
        click.option("--ask-again", is_flag=True,
                     help=t(_("Ask every question again, with your saved answer as the default (Enter keeps it)."))),
        click.option("--no-save", is_flag=True, help=t(_("Do not keep the answers of this run."))),
        click.option("--no-input", is_flag=True, help=t(_("Never prompt; fail listing any missing answer."))),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def report_options(function: F) -> F:
    """Options of the commands that produce a report (audit, demo)."""
    decorators = [
        click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="table", show_default=True,
                     help=t(_("Output format."))),
        click.option("--output", "-o", type=FilePath(), default=None,
                     help=t(_("Write the report to this file (written whole or not at all) instead of the "
                              "screen."))),
        click.option("--fail-under", type=WholeNumberRange(0, 100), default=None, metavar="N",
                     help=t(_("Exit with status 1 when the score is below N (or cannot be computed)."))),
        click.option("--fail-on", type=click.Choice(["low", "medium", "high", "critical"]), default=None,
                     help=t(_("Exit with status 1 when a problem of this severity or worse is found."))),
        click.option("--only", multiple=True, metavar="ID|CATEGORY", callback=check_names,
                     help=t(_("Run only these checks (IDs or categories, comma-separated)."))),
        click.option("--skip", multiple=True, metavar="ID|CATEGORY", callback=check_names,
                     help=t(_("Do not run these checks (IDs or categories, comma-separated)."))),
        click.option("--no-redact", is_flag=True,
                     help=t(_("Show phone numbers and email addresses in full in the report."))),
        click.option("--label", default=None, metavar="NAME",
                     help=t(_("Whose report this is, e.g. 'Mother', shown in the report header."))),
        click.option("--no-history", is_flag=True,
                     help=t(_("Do not keep this report in the history of past audits."))),
        click.option("--full", is_flag=True,
                     help=t(_("The whole report on the screen (why each item matters and what to do) instead of "
                              "the short view; for an audit, also every question, not only the quick check's "
                              "(answers you gave before are not asked again)."))),
        click.option("--details", is_flag=True,
                     help=t(_("Also show check IDs, points, severity and where current standards differ."))),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function
