"""The short terminal view: the report on a couple of screens.

What a person acts on, in the order they read it: the score with what it rests on, the top
actions with what to do, then each section's problems (one line each) with a count of what is in
order (collapsed), the answers to look up in the app and where, and how to see everything
(``--full``). Check IDs, points, severity and standards notes only with ``--details``. A trip
report (`kakaoaudit travel`) is a checklist by when to act, with real dates, and no grade.

Markdown, HTML, JSON and the table written to a file stay complete (formats.table.render).
"""

from __future__ import annotations

from kakaoaudit.core.disclaimer import DISCLAIMER
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Finding, Report, Status
from kakaoaudit.formats import sections as s
from kakaoaudit.formats.sections import ReportView, Section, Texts, fill
from kakaoaudit.formats.terminal import cells, style, wrap

_ = translator(__name__)

#: Answers to look up shown in the short view; the rest are counted (``--full`` lists them all).
LOOK_UP_SHOWN = 5
MARKS = {Status.PASS: "✓", Status.WARN: "!", Status.FAIL: "✗", Status.UNKNOWN: "?", Status.SKIPPED: "-",
         Status.ERROR: "E"}
_MARK_STYLES = {Status.PASS: ("green",), Status.WARN: ("yellow", "bold"), Status.FAIL: ("red", "bold"),
                Status.UNKNOWN: ("magenta",)}
_GRADE_STYLES = {"A": ("green", "bold"), "B": ("green", "bold"), "C": ("yellow", "bold"), "D": ("yellow", "bold"),
                 "F": ("red", "bold")}

T_LEGEND = _("✗ fix · ! check · ✓ in order · ? not known")
T_UNSURE = _("{count} not known")
T_SCORE_GRADE = _("Score: {score}/100   Grade: {grade}")
T_LOOK_UP_MORE = _("… and {count} more (--full lists them all)")
T_NOT_SCORED = _("Not in the score: {count} (could not tell or did not run)")
T_TRIP_LINE = _("{trip} — checklist: {todo} to do (--full)")
T_TRIP_SPAN = _("{trip}: {depart} to {return_date}")
T_SHORT_VIEW = _("Short view: --full explains each item and what to do; --details adds check IDs and points.")
T_TRIP_PROBLEMS = _("What the travel checks found")
T_TRIP_COUNTS = _("To do: {todo} · already in order: {done}")
T_NOTHING_FOUND = _("Nothing to fix among the travel checks that could tell.")


def render(report: Report, *, lang: str, colour: bool, width: int, details: bool = False) -> str:
    """The short view of `report` for a terminal `width` cells wide."""
    return _Brief(s.build(report), Texts(lang, report.redacted), colour, width, details).render()


class _Brief:
    def __init__(self, view: ReportView, t: Texts, colour: bool, width: int, details: bool) -> None:
        self.view, self.t, self.colour, self.width, self.details = view, t, colour, width, details
        self.lines: list[str] = []
        self.one_liner = False  # the section above took one line: the next one-line section follows it directly

    def styled(self, text: str, *names: str) -> str:
        return style(text, *names, enabled=self.colour)

    def para(self, msg: Msg | str, indent: str = "", subsequent: str | None = None, *styles: str) -> None:
        text = msg if isinstance(msg, str) else self.t(msg)
        for line in wrap(text, self.width, indent, subsequent):
            self.lines.append(self.styled(line, *styles) if styles else line)

    def heading(self, msg: Msg | str) -> None:
        self.lines.append("")
        self.para(msg, "", None, "bold")

    def mark(self, status: Status) -> str:
        return self.styled(MARKS[status], *_MARK_STYLES.get(status, ()))

    # ------------------------------------------------------------------------------------------
    def render(self) -> str:
        report = self.view.report
        trip = s.is_trip_report(report)
        self.header(trip)
        if trip:
            self.trip()
        else:
            self.score()
            self.top_actions()
            self.lines.append("")
            self.para(T_LEGEND, "", None, "dim")
            for number, section in enumerate(self.view.prevention, 1):
                self.section(section, f"{number}. ")
            for section in self.view.extra:
                self.section(section, "")
        self.look_up()
        self.suppressed()
        self.not_scored()
        self.lines.append("")
        self.para(T_SHORT_VIEW, "", None, "dim")
        self.para(DISCLAIMER, "", None, "dim")
        return "\n".join(self.lines) + "\n"

    def header(self, trip: bool) -> None:
        report, t = self.view.report, self.t
        self.para(s.T_TRIP_TITLE if trip else s.T_TITLE, "", None, "bold")
        if report.label:
            self.para(fill(s.T_FOR, label=report.label), "", None, "bold")
        self.para(t(fill(s.T_DATE, date=s.format_when(report))) + "  ·  "
                  + t(fill(s.T_VERSION, version=report.tool_version)))
        if report.mode == "demo":
            self.para(s.T_DEMO)
        if not report.redacted:
            self.para(s.T_UNMASKED, "", None, "red", "bold")

    def score(self) -> None:
        report, t = self.view.report, self.t
        self.lines.append("")
        if report.score is None:
            self.para(s.T_NO_SCORE, "", None, "bold")
            self.notes()
            return
        if report.grade is None:
            self.lines.append(self.styled(t(fill(s.T_SCORE, score=report.score)), "bold"))
        else:
            line = t(fill(T_SCORE_GRADE, score=report.score, grade=report.grade))
            self.lines.append(self.styled(line, *_GRADE_STYLES.get(report.grade, ("bold",))))
        self.para(s.coverage_text(report))
        self.notes()
        if report.grade is None:
            self.para(s.T_NO_GRADE, "", None, "bold")
        elif report.grade_capped:
            self.para(fill(s.T_CAPPED, grade=report.grade))

    def notes(self) -> None:
        """What the run left out (the quick check, suppressed findings), next to the score it qualifies."""
        for note in self.view.report.notes:
            self.para(note)

    def top_actions(self) -> None:
        report, t = self.view.report, self.t
        self.heading(s.T_TOP)
        if not report.top_actions:
            self.para(s.T_NO_TOP, "  ", "  ")
            return
        for number, action in enumerate(report.top_actions, 1):
            title = t(action.title)
            gain = s.gain_text(report, action) if self.details else None
            if gain is not None:
                title += f" ({t(gain)})"
            self.para(title, f"  {number}. ", "     ", "bold")
            if action.advice is not None:
                self.para(action.advice, "     ", "     ")

    def section(self, section: Section, number: str) -> None:
        problems = [f for f in section.findings if f.status in (Status.FAIL, Status.WARN)]
        fine = sum(1 for f in section.findings if f.status is Status.PASS)
        unsure = len(section.not_scored)
        trip = section.key is s.SectionKey.TRAVEL and self.view.report.travel is not None
        if not (problems or fine or unsure or trip):
            return  # no check of this section ran: nothing to say on the short view
        counts = []
        if fine:
            counts.append(f"{self.mark(Status.PASS)} {self.t(fill(s.T_FINE, count=fine))}")
        if unsure:
            counts.append(f"{self.mark(Status.UNKNOWN)} {self.t(fill(T_UNSURE, count=unsure))}")
        if not (problems or trip):
            # Nothing to do here: one line, and no empty line before it when the section above was alike.
            if not self.one_liner:
                self.lines.append("")
            self.lines.append(f"{number}{self.t(section.title)}:  " + "   ".join(counts))
            self.one_liner = True
            return
        self.one_liner = False
        self.heading(number + self.t(section.title))
        if trip and self.view.report.travel is not None:
            plan = self.view.report.travel
            country = s.country_name(plan.destination, self.t.lang)
            name = fill(s.T_TRIP, country=country, code=plan.destination)
            if plan.depart or plan.return_date:
                name = fill(T_TRIP_SPAN, trip=name, depart=s.format_date(plan.depart),
                            return_date=s.format_date(plan.return_date))
            todo = sum(1 for item in plan.checklist if not item.done)
            self.para(fill(T_TRIP_LINE, trip=name, todo=todo), "  ", "  ")
        for finding in problems:
            self.problem(finding)
        if counts:
            self.lines.append("  " + "   ".join(counts))

    def problem(self, finding: Finding) -> None:
        prefix = f"  {self.mark(finding.status)} "
        indent = " " * cells(prefix)
        self.para(self.t(finding.title), prefix, indent)
        if self.details:
            meta = [finding.check_id, self.t(fill(s.T_POINTS, points=finding.points, max_points=finding.max_points)),
                    self.t(fill(s.T_SEVERITY, severity=finding.severity.label))]
            self.para("  ·  ".join(meta), indent, indent, "dim")
            if finding.note is not None:
                self.para(fill(s.T_NOTE, note=finding.note), indent, indent, "dim")

    def look_up(self) -> None:
        items = self.view.report.look_up
        if not items:
            return
        self.heading(fill(s.T_LOOK_UP, count=len(items)))
        for item in items[:LOOK_UP_SHOWN]:
            prefix = f"  {self.mark(Status.UNKNOWN)} "
            indent = " " * cells(prefix)
            self.para(item.prompt, prefix, indent)
            if item.where is not None:
                self.para("→ " + self.t(item.where), indent, indent + "  ", "dim")
        if len(items) > LOOK_UP_SHOWN:
            self.para(fill(T_LOOK_UP_MORE, count=len(items) - LOOK_UP_SHOWN), "    ", "    ")

    def suppressed(self) -> None:
        if not self.view.suppressed:
            return
        self.heading(s.T_SUPPRESSED)
        for item in self.view.suppressed:
            text = fill(s.T_SUPPRESSED_ITEM, title=item.finding.title, reason=item.reason,
                        expires=item.expires.isoformat())
            self.para(text, "  - ", "    ")

    def not_scored(self) -> None:
        """What is missing from the score: the checks that did not run or failed, each with why (the
        password not given, offline); those that could not tell are the look-up list's (counted here)."""
        missing = self.view.not_scored
        listed = [f for f in missing if f.status is not Status.UNKNOWN or not self.view.report.look_up]
        if not listed:
            return
        self.heading(fill(T_NOT_SCORED, count=len(missing)))
        for finding in listed[:LOOK_UP_SHOWN]:
            prefix = f"  {self.mark(finding.status)} "
            text = self.t(finding.title)
            if finding.detail is not None:
                text += f": {self.t(finding.detail)}"
            self.para(text, prefix, " " * cells(prefix))
        if len(listed) > LOOK_UP_SHOWN:
            self.para(fill(T_LOOK_UP_MORE, count=len(listed) - LOOK_UP_SHOWN), "    ", "    ")

    # A trip report: the checklist by when to act, then the travel checks' problems -----------
    def trip(self) -> None:
        report = self.view.report
        plan = report.travel
        assert plan is not None
        from kakaoaudit.formats.travel_section import travel_lines  # noqa: PLC0415 - shared with --full

        self.lines.append("")
        self.lines.extend(travel_lines(plan, self.t.lang, self.width))
        todo = sum(1 for item in plan.checklist if not item.done)
        done = len(plan.checklist) - todo
        self.lines.append("")
        self.para(fill(T_TRIP_COUNTS, todo=todo, done=done), "", None, "bold")
        problems = [f for section in self.view.sections for f in section.findings
                    if f.status in (Status.FAIL, Status.WARN)]
        self.heading(T_TRIP_PROBLEMS)
        if not problems:
            self.para(T_NOTHING_FOUND, "  ", "  ")
        for finding in problems:
            self.problem(finding)
