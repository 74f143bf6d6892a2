"""The end of an interactive run: the full report kept as HTML in kakaoaudit's folder, then the recap.

On a terminal the report is the short view; the whole report is one file away: kakaoaudit writes
it as HTML into its folder (``KAKAOAUDIT_HOME``, else the user data folder; ``reports/``, owner
only), always with contacts masked, and the recap that ends the run says where it is, and that
``kakaoaudit show --last`` shows the latest audit again. Nothing is written with ``--no-history``
or when the report itself went to an HTML file; the demo writes ``demo.html``.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from kakaoaudit.core.errors import OutputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Report

_ = translator(__name__)

REPORTS_FOLDER = "reports"
_UNSAFE = re.compile(r"[^\w-]+")
_PLAIN = re.compile(r"[\w.-]+")


def on_terminal() -> bool:
    """True when the person reads standard output on a terminal (tests replace it)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def home() -> Path:
    """kakaoaudit's folder: ``KAKAOAUDIT_HOME``, else the user data folder (where the history is)."""
    from kakaoaudit.history.store import default_path  # noqa: PLC0415 - only at the end of a run

    return default_path().parent


def copy_name(report: Report, *, trip: bool) -> str:
    """The HTML copy's file name: one per person (label) and kind, replaced by the next run."""
    if report.mode == "demo":
        return "demo.html"
    stem = "trip" if trip else "report"
    if report.label:
        slug = _UNSAFE.sub("-", report.label).strip("-")[:40]
        if slug:
            stem = f"{stem}-{slug}"
    return f"{stem}.html"


def save_copy(report: Report, lang: str, *, trip: bool) -> Path:
    """Write the whole report as HTML (contacts masked) into kakaoaudit's folder; `OutputError` on failure."""
    from kakaoaudit.core.output import write_atomic  # noqa: PLC0415
    from kakaoaudit.formats import render  # noqa: PLC0415

    folder = home() / REPORTS_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise OutputError(_("{path}: cannot create the folder: {reason}", path=str(folder),
                            reason=error.strerror or type(error).__name__)) from None
    path = folder / copy_name(report, trip=trip)
    write_atomic(path, render(replace(report, redacted=True), "html", lang=lang))
    if os.name == "posix":
        os.chmod(path, 0o600)
    return path


def show_last_command(report: Report) -> str:
    """The command that shows this audit again from the history."""
    command = "kakaoaudit show --last"
    if not report.label:
        return command
    # Quoted only where a shell needs it: 母 stays 母, "Aunt Kim" is quoted.
    label = report.label if _PLAIN.fullmatch(report.label) else shlex.quote(report.label)
    return f"{command} --label {label}"


def finish(report: Report, *, lang: str, options: Any, in_history: bool) -> None:
    """On a terminal: keep the HTML copy (unless told not to) and print the recap, the run's last lines."""
    if not on_terminal():
        return
    from kakaoaudit.formats import recap  # noqa: PLC0415
    from kakaoaudit.formats.sections import is_trip_report  # noqa: PLC0415
    from kakaoaudit.formats.terminal import colour_enabled, terminal_width  # noqa: PLC0415

    output, fmt = options.get("output"), options.get("fmt", "table")
    trip = is_trip_report(report)
    where: Msg
    if output is not None and fmt == "html":
        where = recap.where_saved(str(output), command=None)
    elif options.get("no_history") and report.mode != "demo":
        where = recap.where_saved(None, command=None)
    else:
        try:
            path = save_copy(report, lang, trip=trip)
        except OutputError as error:
            click.echo(f"kakaoaudit: {error}", err=True)
            where = recap.where_saved(None, command=None)
        else:
            where = recap.where_saved(str(path), command=show_last_command(report) if in_history else None)
    click.echo(recap.render(report, lang=lang, width=terminal_width(), where=where,
                            colour=colour_enabled(sys.stdout)), nl=False)
