"""The command line: click commands only — parse, call the core, render, exit code.

Exit codes: 0 fine; 1 score under ``--fail-under`` or a finding at or above ``--fail-on``;
2 usage or input error; 130 interrupted (Ctrl-C); 70 an internal error (a bug: please report).
"""

from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from kakaoaudit import __version__
from kakaoaudit.disclaimer import DISCLAIMER
from kakaoaudit.errors import KakaoauditError
from kakaoaudit.formats import FORMATS
from kakaoaudit.i18n import LANGUAGES, Msg, detect_language, set_language, translator

_ = translator("kakaoaudit")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130
DEFAULT_ANSWERS_FILE = "kakaoaudit-answers.toml"
FORMAT_NAMES = tuple(FORMATS)
F = TypeVar("F", bound=Callable[..., Any])

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


class KakaoauditGroup(click.Group):
    """The command group; extension commands are imported lazily from `EXTENSION_COMMANDS`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        available = [name for name in EXTENSION_COMMANDS if self._load(name) is not None]
        return sorted({*super().list_commands(ctx), *available})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, cmd_name) or self._load(cmd_name)

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
        return command


def t(message: Msg) -> str:
    """A help or message text in the current language."""
    return message.render()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered at once: building the translated commands is not needed
        click.echo(f"kakaoaudit {__version__}")
        return EXIT_OK
    debug = "--debug" in args
    _configure_streams()
    # The language must be known before the commands are built: their help texts are translated.
    set_language(_language_from(args))
    try:
        result = build_cli().main(args=args, prog_name="kakaoaudit", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _error_line(t(_("interrupted; nothing was written")))
        return EXIT_INTERRUPTED
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except KakaoauditError as error:
        for line in str(error).splitlines():
            _error_line(line)
        if debug:
            import traceback  # noqa: PLC0415 - only on errors with --debug; keeps start-up light

            traceback.print_exc()
        return error.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        if debug:
            import traceback  # noqa: PLC0415 - only on errors with --debug; keeps start-up light

            traceback.print_exc()
        _error_line(t(_("internal error ({error}); please report it. Run with --debug for details.",
                        error=type(error).__name__)))
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


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
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            encoding = (stream.encoding or "").lower().replace("-", "")
            if encoding != "utf8" and not stream.isatty():
                stream.reconfigure(encoding="utf-8", errors="replace")
            else:
                stream.reconfigure(errors="replace")


def _error_line(text: str) -> None:
    click.echo(f"kakaoaudit: {text}", err=True)


def common_options(function: F) -> F:
    """Options every command accepts."""
    function = click.option("--lang", type=click.Choice(LANGUAGES), default=None, expose_value=False,
                            is_eager=True, help=t(_("Language of the output (default: KAKAOAUDIT_LANG, "
                                                    "then the system locale).")))(function)
    function = click.option("--debug", is_flag=True, expose_value=False,
                            help=t(_("Show the traceback of unexpected errors.")))(function)
    return function


def report_options(function: F) -> F:
    """Options of the commands that produce a report (audit, demo)."""
    decorators = [
        click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="table", show_default=True,
                     help=t(_("Output format."))),
        click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
                     help=t(_("Write the report to this file (written whole or not at all) instead of the "
                              "screen."))),
        click.option("--fail-under", type=click.IntRange(0, 100), default=None, metavar="N",
                     help=t(_("Exit with status 1 when the score is below N (or cannot be computed)."))),
        click.option("--fail-on", type=click.Choice(["low", "medium", "high", "critical"]), default=None,
                     help=t(_("Exit with status 1 when a problem of this severity or worse is found."))),
        click.option("--only", multiple=True, metavar="ID|CATEGORY",
                     help=t(_("Run only these checks (IDs or categories, comma-separated)."))),
        click.option("--skip", multiple=True, metavar="ID|CATEGORY",
                     help=t(_("Do not run these checks (IDs or categories, comma-separated)."))),
        click.option("--no-redact", is_flag=True,
                     help=t(_("Show phone numbers and email addresses in full in the report."))),
        click.option("--label", default=None, metavar="NAME",
                     help=t(_("Whose report this is, e.g. 'Mother', shown in the report header."))),
        click.option("--no-history", is_flag=True,
                     help=t(_("Do not keep this report in the history of past audits."))),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


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
    @click.option("--answers", "-a", "answers_file", type=click.Path(path_type=Path), default=None,
                  help=t(_("TOML file with your answers ('kakaoaudit init' writes one).")))
    @click.option("--password-stdin", is_flag=True,
                  help=t(_("Read the password as one line from standard input instead of a hidden prompt.")))
    @click.option("--no-password", is_flag=True, help=t(_("Do not ask for the password; skip the password "
                                                          "checks.")))
    @click.option("--offline", is_flag=True, help=t(_("Use no network at all; network checks are skipped.")))
    @click.option("--timeout", type=click.FloatRange(0.5, 120), default=15.0, show_default=True, metavar="SECONDS",
                  help=t(_("Longest wait for the breach lookup, in seconds.")))
    @click.option("--hibp-url", envvar="KAKAOAUDIT_HIBP_URL", default=None, metavar="URL",
                  help=t(_("Base URL of the Pwned Passwords range API (a mirror); also KAKAOAUDIT_HIBP_URL.")))
    @click.option("--hibp-dataset", type=click.Path(path_type=Path), default=None, metavar="PATH",
                  help=t(_("Check the password against a downloaded Pwned Passwords file or folder, offline.")))
    @click.option("--check-dns", is_flag=True,
                  help=t(_("Also look up the email domain in DNS (uses the network).")))
    @click.option("--no-input", is_flag=True, help=t(_("Never prompt; fail listing any missing answer.")))
    @report_options
    @common_options
    def audit(**options: Any) -> int:
        from kakaoaudit.run import run_audit  # noqa: PLC0415 - keeps --help light

        return run_audit(options, mode="audit")

    @cli.command(help=t(_("Run the audit on the built-in sample profile: no input, no network.")))
    @report_options
    @common_options
    def demo(**options: Any) -> int:
        from kakaoaudit.run import run_audit  # noqa: PLC0415

        return run_audit(options, mode="demo")

    @cli.command(name="checks", help=t(_("List the installed checks.")))
    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                  help=t(_("Output format.")))
    @common_options
    def list_checks(fmt: str) -> int:
        from kakaoaudit.run import list_checks as run_list  # noqa: PLC0415

        return run_list(fmt)

    @cli.command(help=t(_("Write an answers file to fill in (or, with --sample, the demo profile's answers).")))
    @click.option("--sample", is_flag=True, help=t(_("Write the built-in demo profile's answers.")))
    @click.option("--output", "-o", type=click.Path(path_type=Path, allow_dash=True),
                  default=Path(DEFAULT_ANSWERS_FILE), show_default=True,
                  help=t(_("Where to write it; '-' prints it.")))
    @click.option("--force", is_flag=True, help=t(_("Overwrite an existing file.")))
    @click.option("--only", multiple=True, metavar="ID|CATEGORY", help=t(_("Only these checks' questions.")))
    @click.option("--skip", multiple=True, metavar="ID|CATEGORY", help=t(_("Leave out these checks' questions.")))
    @common_options
    def init(sample: bool, output: Path, force: bool, only: tuple[str, ...], skip: tuple[str, ...]) -> int:
        from kakaoaudit.run import write_init  # noqa: PLC0415

        return write_init(sample=sample, output=output, force=force, only=only, skip=skip)

    @cli.command(help=t(_("Print the JSON Schema of the JSON report.")))
    @common_options
    def schema() -> int:
        from kakaoaudit.formats.json_report import schema_text  # noqa: PLC0415

        click.echo(schema_text(), nl=False)
        return EXIT_OK

    return cli


