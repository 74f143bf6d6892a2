"""The Markdown report: printable, readable as plain text in a mail, renders as HTML anywhere.

Every text from the report is escaped, so a label or a plugin's title can never inject markup.
"""

from __future__ import annotations

import re

from kakaoaudit.core.disclaimer import DISCLAIMER
from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.model import Finding, Report, Status, TravelPlan
from kakaoaudit.formats import sections as s
from kakaoaudit.formats.sections import MARKS, ReportView, Section, Texts, fill

# Brackets and "<" are escaped, so parentheses, "!" and ">" cannot form links, images or tags.
_SPECIAL = re.compile(r"([\\`*_\[\]<#|~&])")
# At the start of a line these would begin a list, a heading underline or a quote.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)
_AFTER_BREAK = re.compile(r"(?<=\n)(\s*)([-+=>]|\d+[.)])")


def escape(text: str, *, line_start: bool = False) -> str:
    """`text` with Markdown's special characters backslash-escaped (CommonMark).

    `line_start`: the text begins a line of the output, so a leading "-", "1." or ">" is escaped
    too (inside a line they mean nothing).
    """
    escaped = _SPECIAL.sub(r"\\\1", text)
    pattern = _LINE_START if line_start else _AFTER_BREAK
    escaped = pattern.sub(_escape_marker, escaped)
    # A line break inside a paragraph would start a new block; keep it as a hard break.
    return escaped.replace("\r", "").replace("\n", "  \n")


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    # "1." is escaped as "1\." (a backslash before a digit would stay visible).
    return indent + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)


def link(url: str) -> str:
    """A URL as an autolink; only http(s) URLs are links, anything else is shown as text."""
    if re.fullmatch(r"https?://[^\s<>]+", url):
        return f"<{url}>"
    return escape(url)


def render(report: Report, *, lang: str) -> str:
    """The report as Markdown, ending with a newline."""
    return _Markdown(s.build(report), Texts(lang, report.redacted)).render()


class _Markdown:
    def __init__(self, view: ReportView, t: Texts) -> None:
        self.view, self.t = view, t
        self.out: list[str] = []

    def text(self, msg: Msg | str | None) -> str:
        return escape(msg if isinstance(msg, str) else self.t(msg))

    def para(self, msg: Msg | str | None) -> str:
        """A text that starts a line of its own."""
        return escape(msg if isinstance(msg, str) else self.t(msg), line_start=True)

    def block(self, *lines: str) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.out.extend(lines)

    def status(self, status: Status) -> str:
        return f"{MARKS[status]} {self.text(status.label)}"

    def render(self) -> str:
        report = self.view.report
        trip = s.is_trip_report(report)
        self.block(f"# {self.text(s.T_TRIP_TITLE if trip else s.T_TITLE)}")
        header = []
        if report.label:
            header.append(f"**{self.text(fill(s.T_FOR, label=report.label))}**")
        header.append(self.text(fill(s.T_DATE, date=s.format_when(report))) + " · "
                      + self.text(fill(s.T_VERSION, version=report.tool_version)))
        if report.mode == "demo":
            header.append(f"*{self.text(s.T_DEMO)}*")
        header.append(self.text(s.T_MASKED) if report.redacted else f"**⚠ {self.text(s.T_UNMASKED)}**")
        self.block(*[line + "  " for line in header[:-1]], header[-1])
        if trip:
            # A checklist for the trip: no grade and no empty prevention sections.
            self.look_up()
            for section in self.view.sections:
                if section.findings or section.not_scored or section.key is s.SectionKey.TRAVEL:
                    self.section(section, "", "##")
        else:
            self.score()
            self.top_actions()
            self.look_up()
            self.block(f"## {self.text(s.PREVENTION_TITLE)}")
            for number, section in enumerate(self.view.prevention, 1):
                self.section(section, f"{number}. ", "###")
            for section in self.view.extra:
                self.section(section, "", "##")
        self.not_scored()
        if self.view.suppressed:
            self.block(f"## {self.text(s.T_SUPPRESSED)}")
            self.block(*[
                f"- [{escape(x.finding.check_id)}] " + self.text(fill(
                    s.T_SUPPRESSED_ITEM, title=x.finding.title, reason=x.reason, expires=x.expires.isoformat()))
                for x in self.view.suppressed
            ])
        for title, items in ((s.T_NOTES, report.notes), (s.T_WARNINGS, report.warnings)):
            if items:
                self.block(f"## {self.text(title)}")
                self.block(*[f"- {self.text(item)}" for item in items])
        if self.view.references:
            self.block(f"## {self.text(s.T_REFERENCES)}")
            self.block(*[f"{n}. {link(url)}" for n, url in enumerate(self.view.references, 1)])
        self.block("---")
        self.block(f"*{self.text(DISCLAIMER)}*")
        return "\n".join(self.out) + "\n"

    def score(self) -> None:
        report = self.view.report
        if report.score is None:
            self.block(f"## {self.text(s.T_NO_SCORE)}")
        else:
            heading = self.text(fill(s.T_SCORE, score=report.score))
            if report.grade is not None:
                heading += f" · {self.text(fill(s.T_GRADE, grade=report.grade))}"
            self.block(f"## {heading}")
            self.block(self.para(s.coverage_text(report)))
            if report.grade is None:
                self.block(self.para(s.T_NO_GRADE))
            elif report.grade_capped:
                self.block(self.para(fill(s.T_CAPPED, grade=report.grade)))
        self.block(f"### {self.text(s.T_CATEGORIES)}")
        if not report.categories:
            self.block(self.para(s.T_NO_CATEGORIES))
            return
        rows = [f"| {self.text(s.T_CATEGORY)} | {self.text(s.T_SCORE_COL)} | {self.text(s.T_POINTS_COL)} |",
                "| --- | ---: | ---: |"]
        not_assessed = self.text(s.T_NOT_ASSESSED)
        rows += [
            f"| {self.text(c.category.label)} | {not_assessed if c.score is None else c.score} | "
            f"{c.points}/{c.max_points} |"
            for c in report.categories
        ]
        self.block(*rows)

    def top_actions(self) -> None:
        report = self.view.report
        self.block(f"## {self.text(s.T_TOP)}")
        if not report.top_actions:
            self.block(self.para(s.T_NO_TOP))
            return
        lines = []
        for number, action in enumerate(report.top_actions, 1):
            found = s.gain_text(report, action)
            gain = f" ({self.text(found)})" if found is not None else ""
            lines.append(f"{number}. **{self.text(action.title)}**{gain}" + ("  " if action.advice else ""))
            if action.advice is not None:
                lines.append(f"   {self.text(action.advice)}")
        self.block(*lines)

    def look_up(self) -> None:
        items = self.view.report.look_up
        if not items:
            return
        self.block(f"## {self.text(fill(s.T_LOOK_UP, count=len(items)))}")
        lines = []
        for item in items:
            lines.append(f"- {self.text(item.prompt)}" + ("  " if item.where is not None else ""))
            if item.where is not None:
                lines.append(f"  → {self.text(item.where)}")
        self.block(*lines)

    def section(self, section: Section, number: str, level: str) -> None:
        self.block(f"{level} {number}{self.text(section.title)}")
        if section.intro is not None:
            self.block(f"*{self.text(section.intro)}*")
        if section.key is s.SectionKey.TRAVEL and self.view.report.travel is not None:
            self.travel(self.view.report.travel)
        if not section.findings:
            self.block(self.para(s.T_ONLY_UNSCORED if section.not_scored else s.T_EMPTY_SECTION))
        for finding in section.findings:
            self.finding(finding, level + "#")

    def finding(self, finding: Finding, level: str) -> None:
        self.block(f"{level} {self.status(finding.status)}: {self.text(finding.title)}")
        meta = [escape(finding.check_id)]
        if finding.status is not Status.INFO:
            meta.append(self.text(fill(s.T_POINTS, points=finding.points, max_points=finding.max_points)))
        if finding.status not in (Status.PASS, Status.INFO):
            meta.append(self.text(fill(s.T_SEVERITY, severity=finding.severity.label)))
        self.block(f"*{' · '.join(meta)}*")
        if finding.detail is not None:
            self.block(self.para(finding.detail))
        if finding.advice and finding.status is not Status.PASS:
            self.block(f"**{self.text(s.T_WHAT_TO_DO)}**")
            self.block(*[f"- {self.text(advice)}" for advice in finding.advice])
        if finding.note is not None:
            self.block(f"> {self.text(fill(s.T_NOTE, note=finding.note))}")
        numbers = self.view.reference_numbers(finding)
        if numbers:
            # Numbers into the list of references at the end, where the links are.
            self.block(f"{self.text(s.T_SOURCES)} " + " ".join(f"\\[{n}\\]" for n in numbers))

    def travel(self, plan: TravelPlan) -> None:
        t = self.t
        view = s.travel_view(plan)
        trip = fill(s.T_TRIP, country=s.country_name(plan.destination, t.lang), code=plan.destination)
        lines = [f"**{self.text(trip)}**"]
        if plan.depart or plan.return_date:
            lines[-1] += "  "
            lines.append(self.text(fill(s.T_TRIP_DATES, depart=s.format_date(plan.depart),
                                        return_date=s.format_date(plan.return_date))))
        self.block(*lines)
        differences = s.time_difference_lines(plan)
        if differences:
            self.block(self.para(s.T_TIME_DIFFERENCE))
            self.block(*["- " + self.text(text) for text in differences])
        for phase, items in view.phases:
            self.block(f"**{self.text(s.phase_title(phase, plan, s.PHASE_LABELS[phase]))}**")
            self.block(*[f"- [{'x' if item.done else ' '}] {self.text(item.text)}" for item in items])

    def not_scored(self) -> None:
        if not self.view.not_scored:
            return
        self.block(f"## {self.text(s.T_NOT_SCORED)}")
        self.block(self.para(s.T_NOT_SCORED_INTRO))
        lines = []
        for finding in self.view.not_scored:
            reason = f": {self.text(finding.detail)}" if finding.detail is not None else ""
            lines.append(f"- {self.status(finding.status)}: [{escape(finding.check_id)}] "
                         f"{self.text(finding.title)}{reason}")
        self.block(*lines)
