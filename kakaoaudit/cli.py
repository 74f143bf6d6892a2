"""The command line: click commands only — parse, call the core, render, exit code.

Exit codes: 0 fine; 1 score under ``--fail-under`` or a finding at or above ``--fail-on``;
2 usage or input error; 70 an internal error (a bug: please report); 74 the output could not be
delivered to standard output (full, closed, or a broken pipe); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import importlib
import io
import os
import re
import sys
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from kakaoaudit import __version__
from kakaoaudit.core.disclaimer import DISCLAIMER
from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.i18n import LANGUAGES, Msg, detect_language, set_language, translator
from kakaoaudit.options import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    FilePath,
    FiniteFloatRange,
    answer_options,
    check_names,
    common_options,
    report_options,
    t,
)

_ = translator("kakaoaudit")

#: Longest line of an error message: a value echoed from the input is shortened to fit.
ERROR_LINE_LENGTH = 500
DEFAULT_ANSWERS_FILE = "kakaoaudit-answers.toml"

#: Commands defined in modules of their own (each exposes `command: click.Command`), imported only
#: when listed or run. A module that does not exist yet is simply not offered.
EXTENSION_COMMANDS: dict[str, str] = {
    "travel": "kakaoaudit.commands.travel",
    "triage": "kakaoaudit.commands.triage",
    "support-kit": "kakaoaudit.commands.support_kit",
    "check-url": "kakaoaudit.commands.check_url",
    "history": "kakaoaudit.commands.history",
    "show": "kakaoaudit.commands.show",
    "summary": "kakaoaudit.commands.summary",
}

#: How `kakaoaudit --help` lists the extension commands without importing and building them: each
#: one's short help (True), else its help, which click shortens (False), as a message of the
#: command module's own domain. tests/test_cli_listing.py checks that these equal the commands' own.
EXTENSION_LISTING: dict[str, tuple[Msg, bool]] = {
    "travel": (Msg("kakaoaudit.commands.travel",
                   "Check your account before a trip abroad and get a checklist."), True),
    "triage": (Msg("kakaoaudit.commands.triage",
                   "Work out why messages stopped sending, and what to do next."), True),
    "support-kit": (Msg("kakaoaudit.commands.support_kit", "Draft your inquiry to Kakao's customer service."),
                    True),
    "check-url": (Msg("kakaoaudit.commands.check_url",
                      "Check whether a web address is one of Kakao's official domains."), True),
    "history": (Msg("kakaoaudit.commands.history",
                    "Your past audits: dates, scores and the trend; 'diff' shows what changed. Without a "
                    "subcommand, lists them. The history is kept in KAKAOAUDIT_HOME or your user data folder."),
                False),
    "show": (Msg("kakaoaudit.commands.show",
                 "Show a saved JSON report (made with --format json) in any format and language; the file is "
                 "checked first. Use - to read it from standard input, or --last for the latest audit in the "
                 "history."), False),
    "summary": (Msg("kakaoaudit.commands.summary",
                    "Summarize saved JSON reports, one row per person (the reports' --label), the person who needs "
                    "help first: score, problems by severity, \"don't know\" answers, the next trip, change since "
                    "the previous report, days since the last audit. Give report files or a folder of them; files "
                    "that are not reports are listed and skipped."), False),
}


class HelpContext(click.Context):
    """click's context, choosing the help's width as click does but without importing shutil (its
    compression modules are a noticeable share of ``kakaoaudit --help``)."""

    def make_formatter(self) -> click.HelpFormatter:
        width = self.terminal_width if self.terminal_width is not None else help_width(self.max_content_width)
        return self.formatter_class(width=width, max_width=self.max_content_width)


def help_width(max_width: int | None) -> int:
    """The width `click.HelpFormatter` takes when given none: click's forced width (its test
    runner's), else the terminal's at most `max_width` (80 by default), minus 2, at least 50."""
    from click import formatting  # noqa: PLC0415 - loaded with click; read at call time

    if formatting.FORCED_WIDTH is not None:
        return formatting.FORCED_WIDTH
    return max(min(terminal_columns(), 80 if max_width is None else max_width) - 2, 50)


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: ``COLUMNS``, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


#: click's usage-line placeholders are fixed English words, not gettext messages: named in the user's language.
_CLICK_METAVARS: dict[str, Msg] = {
    "[OPTIONS]": _("[OPTIONS]"),
    "[COMMAND] [ARGS]...": _("[COMMAND] [ARGS]..."),
    "COMMAND [ARGS]...": _("COMMAND [ARGS]..."),
}
#: The words of the commands' value placeholders (``--timeout SECONDS``, ``[OLD_ID [NEW_ID]]``): the commands
#: write them in English, like every source text, and the help shows them in the user's language.
_PLACEHOLDER_WORDS: dict[str, Msg] = {
    "SECONDS": _("SECONDS"),
    "PATH": _("PATH"),
    "CATEGORY": _("CATEGORY"),
    "NAME": _("NAME"),
    "OTHER": _("OTHER"),
    "LABEL": _("LABEL"),
    "DAYS": _("DAYS"),
    "OLD_ID": _("OLD_ID"),
    "NEW_ID": _("NEW_ID"),
    "FILES": _("FILES"),
    "DIR": _("DIR"),
    "COUNTRY": _("COUNTRY"),
    "DATE": _("DATE"),
}
_PLACEHOLDER_WORD = re.compile(r"[A-Z][A-Z_]*[A-Z]")


#: The English placeholders of the commands and parameters translated so far: an extension command is built once
#: per process, and a later run in another language (tests, an embedding program) starts again from English.
_ENGLISH: weakref.WeakKeyDictionary[click.Command | click.Parameter, tuple[str | None, ...]] = (
    weakref.WeakKeyDictionary())


def localize_usage(command: click.Command) -> None:
    """`command` (and a group's subcommands) with click's default usage placeholders and the words of its value
    placeholders in the current language; a placeholder word not in the vocabulary is kept."""
    group = command if isinstance(command, click.Group) else None
    options, subcommands = _ENGLISH.setdefault(
        command, (command.options_metavar, group.subcommand_metavar if group else None))
    command.options_metavar = t(_CLICK_METAVARS[options]) if options in _CLICK_METAVARS else options
    for param in command.params:
        (english,) = _ENGLISH.setdefault(param, (param.metavar,))
        if english:
            param.metavar = _PLACEHOLDER_WORD.sub(_placeholder_word, english)
    if group is not None:
        if subcommands in _CLICK_METAVARS:
            group.subcommand_metavar = t(_CLICK_METAVARS[subcommands])
        for subcommand in group.commands.values():
            localize_usage(subcommand)


def _placeholder_word(match: re.Match[str]) -> str:
    word = _PLACEHOLDER_WORDS.get(match.group())
    return match.group() if word is None else t(word)


class KakaoauditGroup(click.Group):
    """The command group; extension commands are imported lazily from `EXTENSION_COMMANDS`."""

    context_class = HelpContext
    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        available = [name for name in EXTENSION_COMMANDS if name in EXTENSION_LISTING or self._load(name) is not None]
        return sorted({*super().list_commands(ctx), *available})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and self._listing and cmd_name in EXTENSION_LISTING:
            return listed_command(cmd_name)
        return command or self._load(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The list needs only each command's short help: the extension commands are not imported for it.
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    @staticmethod
    def _load(name: str) -> click.Command | None:
        module_name = EXTENSION_COMMANDS.get(name)
        if module_name is None:
            return None
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            # Only "this command's module is not there"; a missing dependency inside it is a bug.
            if error.name and module_name.startswith(error.name):
                return None
            raise
        command: click.Command = module.command
        localize_usage(command)
        return command


def listed_command(name: str) -> click.Command:
    """A stand-in for the extension command `name` that only tells its short help, for the command list."""
    text, short = EXTENSION_LISTING[name]
    rendered = text.render()
    return click.Command(name, short_help=rendered) if short else click.Command(name, help=rendered)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    _no_collection_at_exit()
    _configure_streams()
    if args == ["--version"]:  # answered at once: building the translated commands is not needed
        return _finish(_version)
    debug = "--debug" in args
    from kakaoaudit.core.inputs import forget_inputs  # noqa: PLC0415 - light; a new run reads anew

    forget_inputs()
    # The language must be known before the commands are built: their help texts are translated.
    lang = _language_from(args)
    set_language(lang)
    from kakaoaudit.core.library_messages import library_language  # noqa: PLC0415 - light (stdlib gettext)

    with library_language(lang):  # click's own strings ("Usage:", its errors) in the same language
        return _finish(lambda: _run(args, debug))


def _no_collection_at_exit() -> None:
    """Leave the last garbage collection out when the process ends (~15 ms of every run).

    At exit Python searches every object for reference cycles before it frees them, a cost that
    grows with the libraries loaded (zxcvbn's word lists, phonenumbers' metadata) and buys nothing
    when the memory goes back to the system a moment later. gc.freeze in an exit handler moves the
    objects out of the collector's sight: the exit handlers still run, the standard streams are still
    flushed, and objects without cycles are still freed one by one; only cyclic garbage is left to
    the system (kakaoaudit closes its files and databases itself). mypy does the same with a hard
    exit. In a process that calls `main` more than once (the tests) it is registered once.
    """
    import atexit  # noqa: PLC0415
    import gc  # noqa: PLC0415

    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def _version() -> int:
    if sys.stdout is None:  # started with standard output closed
        from kakaoaudit.commands.delivery import deliver  # noqa: PLC0415 - says so, exit 74

        deliver("")
    try:
        click.echo(f"kakaoaudit {__version__}")
    except OSError as error:
        from kakaoaudit.commands.delivery import stdout_failed  # noqa: PLC0415 - only on failure

        raise stdout_failed(error) from None
    return EXIT_OK


def _finish(run: Callable[[], int]) -> int:
    """`run`, then what is left for standard output flushed: a failure there is exit 74, not success."""
    from kakaoaudit.core.errors import DeliveryError  # noqa: PLC0415 - loaded with the command line

    try:
        code = run()
    except DeliveryError as error:  # from _version
        _error_lines(error)
        return error.exit_code
    stream = sys.stdout
    if stream is None:
        return code
    try:
        stream.flush()
    except OSError as error:
        from kakaoaudit.commands.delivery import stdout_failed  # noqa: PLC0415 - only on failure

        failure = stdout_failed(error)
        _error_lines(failure)
        return failure.exit_code
    except ValueError:  # closed under us: nothing left to deliver
        pass
    return code


def _run(args: list[str], debug: bool) -> int:
    from kakaoaudit.core.errors import DeliveryError  # noqa: PLC0415

    try:
        result = build_cli().main(args=args, prog_name="kakaoaudit", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort) as error:
        # click turns Ctrl-C into Abort; the questionnaire's own interruption says where the answers are.
        kept = getattr(error, "kept", None) or getattr(error.__cause__, "kept", None)
        if kept:
            _error_line(t(_("interrupted; no report was written. Your answers so far are kept in {file} (never the "
                            "password): run the same command again to continue where you stopped.", file=kept)))
        else:
            _error_line(t(_("interrupted; nothing was written")))
        return EXIT_INTERRUPTED
    except click.ClickException as error:
        _show_click_error(error)
        return error.exit_code
    except KakaoauditError as error:
        _error_lines(error)
        if debug and not isinstance(error, DeliveryError):
            import traceback  # noqa: PLC0415 - only on errors with --debug; keeps start-up light

            traceback.print_exc()
        return error.exit_code
    except BrokenPipeError as error:
        from kakaoaudit.commands.delivery import stdout_failed  # noqa: PLC0415

        return stdout_failed(error).exit_code
    except Exception as error:
        if debug:
            import traceback  # noqa: PLC0415 - only on errors with --debug; keeps start-up light

            traceback.print_exc()
        _error_line(t(_("internal error ({error}); please report it. Run with --debug for details.",
                        error=type(error).__name__)))
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


def _error_lines(error: KakaoauditError) -> None:
    if getattr(error, "quiet", False):
        return
    for line in str(error).splitlines():
        _error_line(line)


def _show_click_error(error: click.ClickException) -> None:
    """click's message, with the value it echoes shortened and its control characters escaped."""
    from kakaoaudit.core.untrusted import shown  # noqa: PLC0415

    text = io.StringIO()
    error.show(file=text)
    for line in text.getvalue().splitlines():
        click.echo(shown(line, ERROR_LINE_LENGTH) if line else line, err=True)


def _language_from(args: Sequence[str]) -> str:
    for index, arg in enumerate(args):
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None and value in LANGUAGES:
            return value
    return detect_language()


def _configure_streams() -> None:
    """UTF-8 output that survives a Windows console or a pipe with a legacy encoding."""
    _fill_closed_descriptors()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            encoding = (stream.encoding or "").lower().replace("-", "")
            if encoding != "utf8" and not stream.isatty():
                stream.reconfigure(encoding="utf-8", errors="replace")
            else:
                stream.reconfigure(errors="replace")


def _fill_closed_descriptors() -> None:
    """Standard streams started closed (``>&-``) get the null device: a file opened later (the history)
    must not become "standard output". Python has set the closed stream to None: `deliver` says so."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                opened = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)


def _error_line(text: str) -> None:
    from kakaoaudit.core.untrusted import shown  # noqa: PLC0415 - light

    click.echo(f"kakaoaudit: {shown(text, ERROR_LINE_LENGTH)}", err=True)


def build_cli() -> click.Group:
    """The click command group, with help texts in the current language."""

    @click.group(
        cls=KakaoauditGroup,
        invoke_without_command=True,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
        help=t(_("Audit your own KakaoTalk account security and learn what to fix before it costs you "
                 "your account. Without a command, runs 'audit'.")) + "\n\n" + t(DISCLAIMER),
    )
    @click.version_option(__version__, "--version", prog_name="kakaoaudit", message="%(prog)s %(version)s")
    @common_options
    @click.pass_context
    def cli(ctx: click.Context) -> int | None:
        if ctx.invoked_subcommand is None:
            return int(ctx.invoke(audit))
        return None

    @cli.command(help=t(_("Run the audit: answer the questions (or give an answers file) and get a report.")))
    @click.option("--password-stdin", is_flag=True,
                  help=t(_("Read the password as one line from standard input instead of a hidden prompt.")))
    @click.option("--no-password", is_flag=True, help=t(_("Do not ask for the password; skip the password "
                                                          "checks.")))
    @click.option("--offline", is_flag=True, help=t(_("Use no network at all; network checks are skipped.")))
    @click.option("--timeout", type=FiniteFloatRange(0.5, 120), default=15.0, show_default=True, metavar="SECONDS",
                  help=t(_("Longest wait for the breach lookup, in seconds.")))
    # No envvar= here: kakaoaudit.breach.sources.hibp_base_url reads KAKAOAUDIT_HIBP_URL, so that an
    # empty variable is an error (click would skip it) and a bare `kakaoaudit` honours it too.
    @click.option("--hibp-url", default=None, metavar="URL",
                  help=t(_("Base URL of the Pwned Passwords range API (a mirror); also KAKAOAUDIT_HIBP_URL.")))
    @click.option("--hibp-dataset", type=FilePath(), default=None, metavar="PATH",
                  help=t(_("Check the password against a downloaded Pwned Passwords file or folder, offline.")))
    @click.option("--check-dns", is_flag=True,
                  help=t(_("Also look up the email domain in DNS (uses the network).")))
    @answer_options
    @report_options
    @common_options
    def audit(**options: Any) -> int:
        from kakaoaudit.commands.audit import run_audit  # noqa: PLC0415 - keeps --help light

        return run_audit(options, mode="audit")

    @cli.command(help=t(_("Run the audit on the built-in sample profile: no input, no network.")))
    @report_options
    @common_options
    def demo(**options: Any) -> int:
        from kakaoaudit.commands.audit import run_audit  # noqa: PLC0415

        return run_audit(options, mode="demo")

    @cli.command(name="checks", help=t(_("List the installed checks.")))
    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                  help=t(_("Output format.")))
    @common_options
    def list_checks(fmt: str) -> int:
        from kakaoaudit.commands.audit import list_checks as run_list  # noqa: PLC0415

        return run_list(fmt)

    @cli.command(help=t(_("Write an answers file to fill in (or, with --sample, the demo profile's answers).")))
    @click.option("--sample", is_flag=True, help=t(_("Write the built-in demo profile's answers.")))
    @click.option("--output", "-o", type=FilePath(allow_dash=True),
                  default=Path(DEFAULT_ANSWERS_FILE), show_default=True,
                  help=t(_("Where to write it; '-' prints it.")))
    @click.option("--force", is_flag=True, help=t(_("Overwrite an existing file.")))
    @click.option("--only", multiple=True, metavar="ID|CATEGORY", callback=check_names,
                  help=t(_("Only these checks' questions.")))
    @click.option("--skip", multiple=True, metavar="ID|CATEGORY", callback=check_names,
                  help=t(_("Leave out these checks' questions.")))
    @common_options
    def init(sample: bool, output: Path, force: bool, only: tuple[str, ...], skip: tuple[str, ...]) -> int:
        from kakaoaudit.commands.audit import write_init  # noqa: PLC0415

        return write_init(sample=sample, output=output, force=force, only=only, skip=skip)

    @cli.command(help=t(_("Print the JSON Schema of the JSON report.")))
    @common_options
    def schema() -> int:
        from kakaoaudit.commands.delivery import deliver  # noqa: PLC0415
        from kakaoaudit.formats.json_report import schema_text  # noqa: PLC0415

        deliver(schema_text(), nl=False)
        return EXIT_OK

    localize_usage(cli)
    return cli


