"""The recap that ends every interactive run: at most `MAX_LINES` lines, the last thing on the screen.

People act on what they see last (the usability review: the screen ended on references and a
prompt, and the top actions were ten screens up). So the run ends with the score and grade (or
"not enough answers"), how many answers were "don't know", the top three actions on one line each,
and where the full report is.
"""

from __future__ import annotations

from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Report
from kakaoaudit.formats import sections as s
from kakaoaudit.formats.sections import Texts, fill
from kakaoaudit.formats.terminal import cells, clip, style, wrap

_ = translator(__name__)

MAX_LINES = 12

T_HEADING = _("In short")
T_SCORE = _("Score {score}/100 · grade {grade} · \"don't know\" answers: {unknown}")
T_NO_GRADE = _("Score {score}/100 · no grade: not enough answers · \"don't know\" answers: {unknown}")
T_NO_SCORE = _("No score: not enough answers · \"don't know\" answers: {unknown}")
T_TRIP = _("Trip checklist: to do {todo} · in order {done} · \"don't know\" answers: {unknown}")
T_TOP = _("Do these first:")
T_NOTHING = _("Nothing urgent was found.")
T_FULL_FILE = _("Full report: {path} (or: {command})")
T_FULL_PATH = _("Full report: {path}")
T_FULL_AGAIN = _("Full report: run the same command with --full, or --format html -o report.html")


def where_saved(path: str | None, *, command: str | None) -> Msg:
    """Where the full report is: the HTML file kakaoaudit wrote, and the command that shows it again from
    the history (``kakaoaudit show --last``) when the run is there; without a file, how to get it."""
    if path is None:
        return T_FULL_AGAIN
    if command is None:
        return fill(T_FULL_PATH, path=path)
    return fill(T_FULL_FILE, path=path, command=command)


def render(report: Report, *, lang: str, width: int, where: Msg, colour: bool = False) -> str:
    """The recap of `report` for a terminal `width` cells wide (at most `MAX_LINES` lines)."""
    t = Texts(lang, report.redacted)
    unknown = len(report.unknown_answers)
    rule = "── " + t(T_HEADING) + " "
    lines = [style(clip(rule + "─" * max(0, width - cells(rule) - 1), width), "bold", enabled=colour)]
    if s.is_trip_report(report) and report.travel is not None:
        todo = sum(1 for item in report.travel.checklist if not item.done)
        summary = fill(T_TRIP, todo=todo, done=len(report.travel.checklist) - todo, unknown=unknown)
    elif report.score is None:
        summary = fill(T_NO_SCORE, unknown=unknown)
    elif report.grade is None:
        summary = fill(T_NO_GRADE, score=report.score, unknown=unknown)
    else:
        summary = fill(T_SCORE, score=report.score, grade=report.grade, unknown=unknown)
    lines.append(style(clip(t(summary), width), "bold", enabled=colour))
    if report.top_actions:
        lines.append(clip(t(T_TOP), width))
        lines.extend(clip(f"  {number}. {t(action.title)}", width)
                     for number, action in enumerate(report.top_actions[:3], 1))
    else:
        lines.append(clip(t(T_NOTHING), width))
    # Only the place of the full report wraps (a path must stay whole); it gets the lines left.
    room = MAX_LINES - len(lines)
    place = wrap(t(where), width, "", "  ")
    if len(place) > room:
        place = [*place[:room - 1], clip(" ".join(place[room - 1:]), width)]
    lines.extend(place)
    return "\n".join(lines) + "\n"
