"""The terminal report: score, categories, top actions, the article's three sections and the rest.

`render(report, lang=...)` gives plain text for a file or a pipe; `render_terminal` adds colour
(only where `terminal.colour_enabled` says so) and fits the terminal's width. Lines are wrapped by
display cells, so Japanese and Korean text never overflows.
"""

from __future__ import annotations

from kakaoaudit.core.disclaimer import DISCLAIMER
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Finding, Report, Status, TravelPlan
from kakaoaudit.formats import sections as s
from kakaoaudit.formats.sections import MARKS, ReportView, Section, Texts, fill
from kakaoaudit.formats.terminal import FILE_WIDTH, cells, pad, style, wrap

_STATUS_STYLES = {
    Status.PASS: ("green",),
    Status.WARN: ("yellow", "bold"),
    Status.FAIL: ("red", "bold"),
    Status.UNKNOWN: ("magenta",),
    Status.SKIPPED: ("dim",),
    Status.ERROR: ("magenta", "bold"),
    Status.INFO: ("cyan",),
}
_GRADE_STYLES = {"A": ("green", "bold"), "B": ("green", "bold"), "C": ("yellow", "bold"), "D": ("yellow", "bold"),
                 "F": ("red", "bold")}
_BAR = 10
# The core domain: the score line's message was the table's from the start (and is kept there).
_ = translator("kakaoaudit")


def render(report: Report, *, lang: str) -> str:
    """The whole report as plain text (no colour), wrapped at 100 cells, with check IDs and points: for files."""
    return render_terminal(report, lang=lang, colour=False, width=FILE_WIDTH, full=True, details=True)


def render_terminal(report: Report, *, lang: str, colour: bool, width: int, full: bool = False,
                    details: bool = False) -> str:
    """The report for a terminal `width` cells wide, in colour when `colour`: the short view
    (kakaoaudit.formats.brief), or with `full` every finding with why and what to do. `details` adds
    check IDs, points, severity and the standards notes."""
    if not full:
        from kakaoaudit.formats import brief  # noqa: PLC0415

        return brief.render(report, lang=lang, colour=colour, width=width, details=details)
    return _Layout(s.build(report), Texts(lang, report.redacted), colour, width, details).render()


class _Layout:
    def __init__(self, view: ReportView, t: Texts, colour: bool, width: int, details: bool = True) -> None:
        self.view, self.t, self.colour, self.width, self.details = view, t, colour, width, details
        self.lines: list[str] = []

    # Small helpers -------------------------------------------------------------------------
    def styled(self, text: str, *names: str) -> str:
        return style(text, *names, enabled=self.colour)

    def para(self, msg: Msg | str, indent: str = "", subsequent: str | None = None, *styles: str) -> None:
        text = msg if isinstance(msg, str) else self.t(msg)
        for line in wrap(text, self.width, indent, subsequent):
            self.lines.append(self.styled(line, *styles) if styles else line)

    def heading(self, msg: Msg | str, underline: str = "-") -> None:
        text = msg if isinstance(msg, str) else self.t(msg)
        self.lines.append("")
        for line in wrap(text, self.width):
            self.lines.append(self.styled(line, "bold"))
        self.lines.append(underline * min(self.width, max(cells(text), 3)))

    def status(self, status: Status) -> str:
        """The status mark and word, padded so that the titles after it line up."""
        widest = max(cells(self.t(other.label)) for other in Status)
        text = pad(f"{MARKS[status]} {self.t(status.label)}", widest + 2)
        return self.styled(text, *_STATUS_STYLES[status])

    # The report ------------------------------------------------------------------------------
    def render(self) -> str:
        trip = s.is_trip_report(self.view.report)
        self.header(trip)
        if trip:
            # A checklist for the trip: no grade, no category table, no empty prevention sections.
            for section in self.view.sections:
                if section.findings or section.not_scored or section.key is s.SectionKey.TRAVEL:
                    self.section(section, "")
        else:
            self.score()
            self.categories()
            self.top_actions()
            self.heading(s.PREVENTION_TITLE, "=")
            for number, section in enumerate(self.view.prevention, 1):
                self.section(section, f"{number}. ")
            for section in self.view.extra:
                self.section(section, "")
        self.not_scored()
        self.suppressed()
        self.plain_list(s.T_NOTES, self.view.report.notes)
        self.plain_list(s.T_WARNINGS, self.view.report.warnings)
        self.references()
        self.lines.append("")
        self.para(DISCLAIMER)
        return "\n".join(self.lines) + "\n"

    def header(self, trip: bool = False) -> None:
        report, t = self.view.report, self.t

        self.para(s.T_TRIP_TITLE if trip else s.T_TITLE, "", None, "bold")
        if report.label:
            self.para(fill(s.T_FOR, label=report.label), "", None, "bold")
        self.para(t(fill(s.T_DATE, date=s.format_when(report))) + "  ·  "
                  + t(fill(s.T_VERSION, version=report.tool_version)))
        if report.mode == "demo":
            self.para(s.T_DEMO)
        if report.redacted:
            self.para(s.T_MASKED)
        else:
            self.para(s.T_UNMASKED, "", None, "red", "bold")

    def score(self) -> None:
        report, t = self.view.report, self.t
        self.lines.append("")
        if report.score is None:
            self.para(s.T_NO_SCORE, "", None, "bold")
            return
        if report.grade is None:
            self.lines.append(self.styled(t(fill(s.T_SCORE, score=report.score)), "bold"))
        else:
            line = t(_("Score: {score}/100   Grade: {grade}", score=report.score, grade=report.grade))
            self.lines.append(self.styled(line, *_GRADE_STYLES.get(report.grade, ("bold",))))
        self.para(s.coverage_text(report))
        if report.grade is None:
            self.para(s.T_NO_GRADE, "", None, "bold")
        elif report.grade_capped:
            self.para(fill(s.T_CAPPED, grade=report.grade))

    def categories(self) -> None:
        report, t = self.view.report, self.t
        self.heading(s.T_CATEGORIES)
        if not report.categories:
            self.para(s.T_NO_CATEGORIES)
            return
        rows = []
        for c in report.categories:
            filled = 0 if c.score is None else round(c.score * _BAR / 100)
            bar = "" if c.score is None else "█" * filled + "░" * (_BAR - filled)
            shown = t(s.T_NOT_ASSESSED) if c.score is None else str(c.score)
            rows.append([t(c.category.label), shown, f"{c.points}/{c.max_points}", bar])
        headers = [t(s.T_CATEGORY), t(s.T_SCORE_COL), t(s.T_POINTS_COL), ""]
        from tabulate import tabulate  # noqa: PLC0415 - only the full report has the table (the short view has none)

        table = tabulate(rows, headers=headers, tablefmt="simple", colalign=("left", "right", "right", "left"))
        if max(cells(line) for line in table.splitlines()) > self.width:
            table = tabulate([row[:3] for row in rows], headers=headers[:3], tablefmt="simple",
                             colalign=("left", "right", "right"))
        self.lines.extend(line.rstrip() for line in table.splitlines())

    def top_actions(self) -> None:
        report, t = self.view.report, self.t
        self.heading(s.T_TOP)
        if not report.top_actions:
            self.para(s.T_NO_TOP)
            return
        for number, action in enumerate(report.top_actions, 1):
            title = t(action.title)
            gain = s.gain_text(report, action) if self.details else None
            if gain is not None:
                title += f" ({t(gain)})"
            self.para(title, f"  {number}. ", "     ")
            if action.advice is not None:
                self.para(action.advice, "     ", "     ")

    def section(self, section: Section, number: str) -> None:
        self.heading(number + self.t(section.title))
        if section.intro is not None:
            self.para(section.intro, "", None, "dim")
        if section.key is s.SectionKey.TRAVEL and self.view.report.travel is not None:
            self.travel(self.view.report.travel)
        if not section.findings:
            self.lines.append("")
            self.para(s.T_ONLY_UNSCORED if section.not_scored else s.T_EMPTY_SECTION, "  ", "  ")
        for finding in section.findings:
            self.finding(finding)

    def finding(self, finding: Finding) -> None:
        t = self.t
        self.lines.append("")
        label = self.status(finding.status)
        prefix = f"  {label}  "
        indent = " " * cells(prefix)
        self.para(f"{t(finding.title)}", prefix, indent)
        if self.details:
            meta = [finding.check_id]
            if finding.status is not Status.INFO:
                meta.append(t(fill(s.T_POINTS, points=finding.points, max_points=finding.max_points)))
            if finding.status not in (Status.PASS, Status.INFO):
                meta.append(t(fill(s.T_SEVERITY, severity=finding.severity.label)))
            self.para("  ·  ".join(meta), indent, indent, "dim")
        if finding.detail is not None:
            self.para(finding.detail, indent, indent)
        if finding.advice and finding.status is not Status.PASS:
            self.para(s.T_WHAT_TO_DO, indent, indent, "bold")
            for advice in finding.advice:
                self.para(advice, indent + "- ", indent + "  ")
        if finding.note is not None and self.details:
            self.para(fill(s.T_NOTE, note=finding.note), indent + "* ", indent + "  ")
        numbers = self.view.reference_numbers(finding)
        if numbers:
            self.para(t(s.T_SOURCES) + " " + " ".join(f"[{n}]" for n in numbers), indent, indent, "dim")

    def travel(self, plan: TravelPlan) -> None:
        from kakaoaudit.formats.travel_section import travel_lines  # noqa: PLC0415 - only for a trip

        self.lines.append("")
        self.lines.extend(travel_lines(plan, self.t.lang, self.width))

    def not_scored(self) -> None:
        if not self.view.not_scored:
            return
        self.heading(s.T_NOT_SCORED)
        self.para(s.T_NOT_SCORED_INTRO, "", None, "dim")
        for finding in self.view.not_scored:
            self.lines.append("")
            prefix = f"  {self.status(finding.status)}  "
            indent = " " * cells(prefix)
            self.para(f"[{finding.check_id}] {self.t(finding.title)}", prefix, indent)
            if finding.detail is not None:
                self.para(finding.detail, indent, indent)

    def suppressed(self) -> None:
        if not self.view.suppressed:
            return
        self.heading(s.T_SUPPRESSED)
        for item in self.view.suppressed:
            text = self.t(fill(s.T_SUPPRESSED_ITEM, title=item.finding.title, reason=item.reason,
                               expires=item.expires.isoformat()))
            self.para(f"[{item.finding.check_id}] {text}", "  - ", "    ")

    def plain_list(self, title: Msg, items: tuple[Msg, ...]) -> None:
        if not items:
            return
        self.heading(title)
        for item in items:
            self.para(item, "  - ", "    ")

    def references(self) -> None:
        if not self.view.references:
            return
        self.heading(s.T_REFERENCES)
        for number, url in enumerate(self.view.references, 1):
            self.para(url, f"  [{number}] ", " " * cells(f"  [{number}] "))
