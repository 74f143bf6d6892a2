"""`kakaoaudit show REPORT.json`: a saved JSON report, checked and shown in any format and language.

The file is validated against the report schema first: a broken file gives one line with the
first place that is wrong and why; a report from a newer kakaoaudit (a newer major
schema_version) asks to update. Texts are stored as messages, so the report renders again in
another language (``--lang``); without ``--lang`` it is shown in the language it was made in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kakaoaudit.cli import EXIT_OK, FORMAT_NAMES, FilePath, common_options, t
from kakaoaudit.core.i18n import LANGUAGES, current_language, translator

if TYPE_CHECKING:
    from kakaoaudit.core.model import Report

_ = translator(__name__)


@click.command(
    name="show",
    help=t(_("Show a saved JSON report (made with --format json) in any format and language; the file is "
             "checked first. Use - to read it from standard input.")),
)
@click.argument("report_file", metavar="REPORT.json", type=FilePath(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="table", show_default=True,
              help=t(_("Output format.")))
@click.option("--output", "-o", type=FilePath(), default=None,
              help=t(_("Write to this file (written whole or not at all) instead of the screen.")))
@common_options
@click.pass_context
def command(ctx: click.Context, report_file: Path, fmt: str, output: Path | None) -> int:
    # Imported here so that `kakaoaudit --help` stays light.
    from kakaoaudit.commands.delivery import deliver  # noqa: PLC0415
    from kakaoaudit.core.output import write_atomic  # noqa: PLC0415
    from kakaoaudit.formats.reading import load_report  # noqa: PLC0415

    report = load_report(report_file)
    if any(not check.check_id.startswith("KA") for check in report.checks):
        _load_plugin_catalogs()
    lang = current_language()
    if not _lang_given(ctx) and report.language in LANGUAGES:
        lang = report.language
    text = render_untrusted(report, report_file, fmt, lang=lang, terminal=output is None)
    if output is None:
        deliver(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(_("Written to {path}", path=str(output)).render(), err=True)
    return EXIT_OK


def render_untrusted(report: Report, path: Path, fmt: str, *, lang: str, terminal: bool) -> str:
    """The saved report rendered; a value that passed the schema but cannot be shown is one line (exit 2)."""
    from kakaoaudit.core.errors import InputError  # noqa: PLC0415
    from kakaoaudit.core.untrusted import shown  # noqa: PLC0415
    from kakaoaudit.formats import render  # noqa: PLC0415

    try:
        return render(report, fmt, lang=lang, terminal=terminal)
    except (ArithmeticError, ValueError, LookupError, TypeError) as error:
        # A report is data from a file: a number or date out of any sensible range is the file's fault.
        raise InputError(_("{file}: a value in this report cannot be shown ({reason})", file=shown(path),
                           reason=type(error).__name__)) from error  # --debug shows where


def _lang_given(ctx: click.Context | None) -> bool:
    """True when --lang was given, to this command or to kakaoaudit itself."""
    while ctx is not None:
        if ctx.get_parameter_source("lang") not in (None, click.core.ParameterSource.DEFAULT):
            return True
        ctx = ctx.parent
    return False


def _load_plugin_catalogs() -> None:
    """Plugins register their catalogs when imported: load them so their texts translate too."""
    from kakaoaudit.core.registry import discover  # noqa: PLC0415

    discover()
