"""`kakaoaudit show REPORT.json` / `kakaoaudit show --last`: a saved report in any format and language.

A file is validated against the report schema first: a broken file gives one line with the first
place that is wrong and why; a report from a newer kakaoaudit (a newer major schema_version) asks
to update. ``--last`` reads the latest audit from the history instead (``--label NAME``: that
person's, aliases included). Texts are stored as messages, so the report renders again in another
language (``--lang``); without ``--lang`` it is shown in the language it was made in. On the
screen the table is the short view unless ``--full``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kakaoaudit.core.i18n import LANGUAGES, current_language, translator
from kakaoaudit.options import EXIT_OK, FORMAT_NAMES, FilePath, common_options, t

if TYPE_CHECKING:
    from kakaoaudit.core.model import Report

_ = translator(__name__)


@click.command(
    name="show",
    help=t(_("Show a saved JSON report (made with --format json) in any format and language; the file is "
             "checked first. Use - to read it from standard input, or --last for the latest audit in the "
             "history.")),
)
@click.argument("report_file", metavar="REPORT.json", required=False, type=FilePath(allow_dash=True))
@click.option("--last", is_flag=True, help=t(_("Show the latest audit from the history instead of a file.")))
@click.option("--label", default=None, metavar="NAME",
              help=t(_("With --last: the latest audit of this person (their --label or an alias).")))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="table", show_default=True,
              help=t(_("Output format.")))
@click.option("--output", "-o", type=FilePath(), default=None,
              help=t(_("Write to this file (written whole or not at all) instead of the screen.")))
@click.option("--full", is_flag=True,
              help=t(_("On the screen, show the whole report instead of the short view.")))
@click.option("--details", is_flag=True,
              help=t(_("Also show check IDs, points, severity and where current standards differ.")))
@common_options
@click.pass_context
def command(ctx: click.Context, report_file: Path | None, *, last: bool, label: str | None, fmt: str,
            output: Path | None, full: bool, details: bool) -> int:
    # Imported here so that `kakaoaudit --help` stays light.
    from kakaoaudit.commands.delivery import deliver  # noqa: PLC0415
    from kakaoaudit.core.errors import UsageError  # noqa: PLC0415
    from kakaoaudit.core.output import write_atomic  # noqa: PLC0415
    from kakaoaudit.formats.reading import load_report  # noqa: PLC0415

    if last == (report_file is not None):
        raise UsageError(_("give a report file (REPORT.json, or - for standard input) or --last, not both"))
    if label is not None and not last:
        raise UsageError(_("--label goes with --last (the latest audit of that person in the history)"))
    report = latest_report(label) if last else load_report(report_file)  # type: ignore[arg-type]
    if any(not check.check_id.startswith("KA") for check in report.checks):
        _load_plugin_catalogs()
    lang = current_language()
    if not _lang_given(ctx) and report.language in LANGUAGES:
        lang = report.language
    source = report_file if report_file is not None else Path(_("the history").render())
    text = render_untrusted(report, source, fmt, lang=lang, terminal=output is None, full=full, details=details)
    if output is None:
        deliver(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(_("Written to {path}", path=str(output)).render(), err=True)
    return EXIT_OK


def latest_report(label: str | None) -> Report:
    """The newest audit in the history (of `label`'s person when given), checked like a file."""
    from kakaoaudit.core.errors import InputError  # noqa: PLC0415
    from kakaoaudit.formats.reading import parse_report  # noqa: PLC0415
    from kakaoaudit.history.audit import HistoryUnusable, describe, remedy  # noqa: PLC0415
    from kakaoaudit.history.people import People  # noqa: PLC0415
    from kakaoaudit.history.store import HistoryError, HistoryStore  # noqa: PLC0415

    store = HistoryStore()
    try:
        entries = store.entries()
        if label is not None:
            people = People.load()
            wanted = people.person_of(label)
            entries = [entry for entry in entries if people.person_of(entry.label) == wanted]
        if not entries:
            if label is not None:
                raise InputError(_("the history has no audit of {label} ({path}); 'kakaoaudit history' lists "
                                   "the people in it", label=label, path=str(store.path)))
            raise InputError(_("the history has no audit yet ({path}); run an audit first, or give a report "
                               "file", path=str(store.path)))
        newest = entries[-1]
        data = store.get(newest.id)
    except HistoryError as error:
        raise HistoryUnusable(describe(error), remedy(error)) from error
    return parse_report(data, Path(_("history no. {id}", id=newest.id).render()))


def render_untrusted(report: Report, path: Path, fmt: str, *, lang: str, terminal: bool, full: bool = False,
                     details: bool = False) -> str:
    """The saved report rendered; a value that passed the schema but cannot be shown is one line (exit 2)."""
    from kakaoaudit.core.errors import InputError  # noqa: PLC0415
    from kakaoaudit.core.untrusted import shown  # noqa: PLC0415
    from kakaoaudit.formats import render  # noqa: PLC0415

    try:
        return render(report, fmt, lang=lang, terminal=terminal, full=full, details=details)
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
