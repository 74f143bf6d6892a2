"""`kakaoaudit summary FILES... | DIR`: one row per person over many saved JSON reports.

For the family helper who keeps everyone's reports in one folder: the person who needs help first
(most critical and high problems, then the lowest score; ``--sort`` changes it), and per person
(the report's ``--label``, with the aliases of ``kakaoaudit history alias``) the latest score and
grade, problems by severity, "don't know" answers, the next trip, the change since their previous
report and the days since their last audit. ``--format html`` gives one card per person, readable
on a phone. Files that are not usable reports are listed with the reason and skipped; only when
no report at all can be read does the command fail (exit 2).
"""

from __future__ import annotations

from pathlib import Path

import click

from kakaoaudit.core.i18n import current_language, translator
from kakaoaudit.options import EXIT_OK, FilePath, common_options, t

_ = translator(__name__)

SUMMARY_FORMATS = ("table", "json", "html")


@click.command(
    name="summary",
    help=t(_("Summarize saved JSON reports, one row per person (the reports' --label), the person who needs help "
             "first: score, problems by severity, \"don't know\" answers, the next trip, change since the previous "
             "report, days since the last audit. Give report files or a folder of them; files that are not "
             "reports are listed and skipped.")),
)
@click.argument("paths", nargs=-1, required=True, metavar="FILES...|DIR", type=FilePath())
@click.option("--format", "fmt", type=click.Choice(SUMMARY_FORMATS), default="table", show_default=True,
              help=t(_("Output format.")))
@click.option("--output", "-o", type=FilePath(), default=None,
              help=t(_("Write to this file (written whole or not at all) instead of the screen.")))
@click.option("--sort", type=click.Choice(("need", "score", "name", "date", "trip")), default="need",
              show_default=True,
              help=t(_("Order of the people: who needs help first (most critical and high problems, then the "
                       "lowest score), lowest score, name, oldest last audit, or the soonest trip.")))
@common_options
def command(paths: tuple[Path, ...], fmt: str, output: Path | None, sort: str) -> int:
    # Imported here so that `kakaoaudit --help` stays light.
    from kakaoaudit.commands.delivery import deliver  # noqa: PLC0415
    from kakaoaudit.core.errors import InputError  # noqa: PLC0415
    from kakaoaudit.core.output import write_atomic  # noqa: PLC0415
    from kakaoaudit.formats.summary import collect, render  # noqa: PLC0415
    from kakaoaudit.formats.terminal import FILE_WIDTH, terminal_width  # noqa: PLC0415
    from kakaoaudit.history.people import People  # noqa: PLC0415

    lang = current_language()
    summary = collect(paths, lang=lang, sort=sort, person_of=People.load().person_of)
    if not summary.people:
        reasons = [item.reason for item in summary.bad[:20]]
        raise InputError(_("no kakaoaudit JSON report could be read from {paths}",
                           paths=" ".join(str(p) for p in paths)), *reasons)
    text = render(summary, fmt, lang=lang, width=terminal_width() if output is None else FILE_WIDTH)
    if output is None:
        deliver(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(_("Written to {path}", path=str(output)).render(), err=True)
    return EXIT_OK
