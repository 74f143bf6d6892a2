"""The HTML report: one self-contained file for the family helper, to open, print or mail.

No external assets and no JavaScript: CSS and the score gauge and category bars (SVG) are
inline; the only URLs are the references, as plain links. `<html lang>` is the report's language,
headings go h1 > h2 > h3 > h4 without gaps, every status is written out (never colour only), the
colour pairs meet WCAG AA contrast (tested), and a print stylesheet keeps findings whole on paper.
Every text is HTML-escaped, so a label or a plugin's title cannot inject markup.
"""

from __future__ import annotations

import math
import re
from html import escape

from kakaoaudit.core.disclaimer import DISCLAIMER
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Finding, Report, Status, TravelPlan
from kakaoaudit.formats import sections as s
from kakaoaudit.formats.sections import MARKS, ReportView, Section, Texts, fill

#: Text colour on background colour, with the contrast ratio each pair must reach (WCAG 2.1:
#: 4.5 for text, 3 for graphics such as the gauge and the bars against the page).
PALETTE: dict[str, tuple[str, str, float]] = {
    "body": ("#1a1a1a", "#ffffff", 4.5),
    "muted": ("#4d4d4d", "#ffffff", 4.5),
    "link": ("#0b4fa8", "#ffffff", 4.5),
    "pass": ("#ffffff", "#1d6b34", 4.5),
    "warn": ("#ffffff", "#8a4b00", 4.5),
    "fail": ("#ffffff", "#b3261e", 4.5),
    "unknown": ("#ffffff", "#5b4a8b", 4.5),
    "skipped": ("#ffffff", "#595959", 4.5),
    "error": ("#ffffff", "#7a1f8f", 4.5),
    "info": ("#ffffff", "#0b4fa8", 4.5),
    "note": ("#1a1a1a", "#e8f0fb", 4.5),
    "unmasked": ("#8c1d18", "#fdecea", 4.5),
    "demo": ("#1a1a1a", "#fff4d6", 4.5),
    "gauge-good": ("#1d6b34", "#ffffff", 3.0),
    "gauge-mid": ("#8a4b00", "#ffffff", 3.0),
    "gauge-bad": ("#b3261e", "#ffffff", 3.0),
}
_STATUS_CLASS = {status: status.value for status in Status}
_URL = re.compile(r"https?://[^\s\"'<>]+")
_GAUGE_RADIUS = 52
_ = translator("kakaoaudit.formats.brief")
#: The count on a folded list ("? 3").
T_COUNT = _("{count} items")


def render(report: Report, *, lang: str) -> str:
    """The report as one HTML document, ending with a newline."""
    return _Html(s.build(report), Texts(lang, report.redacted)).render()


def _level_colour(score: int | None) -> str:
    if score is None:
        return PALETTE["skipped"][1]
    if score >= 80:
        return PALETTE["gauge-good"][0]
    if score >= 60:
        return PALETTE["gauge-mid"][0]
    return PALETTE["gauge-bad"][0]


def stylesheet() -> str:
    """The report's CSS (screen, phone and print), also used by the summary's HTML."""
    p = {name: pair for name, pair in PALETTE.items()}
    badges = "\n".join(
        f".badge.{name} {{ color: {p[name][0]}; background: {p[name][1]}; }}"
        for name in ("pass", "warn", "fail", "unknown", "skipped", "error", "info")
    )
    borders = "\n".join(f".finding.{name} {{ border-left-color: {p[name][1]}; }}"
                        for name in ("pass", "warn", "fail", "unknown", "skipped", "error", "info"))
    return f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; color: {p["body"][0]}; background: {p["body"][1]}; line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", Meiryo,
  "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; }}
:lang(ko) body, body:lang(ko) {{ font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans CJK KR", "Malgun Gothic",
  sans-serif; }}
/* Korean breaks between words; Japanese names in tables and headings stay whole (never one character per
   line in a narrow cell); Japanese prose keeps its normal line breaking. */
:lang(ko) {{ word-break: keep-all; overflow-wrap: break-word; }}
:lang(ja) th, :lang(ja) td, :lang(ja) h1, :lang(ja) h2, :lang(ja) h3, :lang(ja) summary, .badge {{
  word-break: keep-all; overflow-wrap: break-word; }}
main {{ max-width: 60rem; margin: 0 auto; padding: 1rem 1rem 3rem; }}
h1 {{ font-size: 1.5rem; margin: 0 0 .3rem; line-height: 1.3; }}
h2 {{ font-size: 1.3rem; margin: 1.8rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #d0d0d0; }}
h3 {{ font-size: 1.1rem; margin: 1.3rem 0 .4rem; }}
h4 {{ font-size: 1rem; margin: 0 0 .3rem; }}
a {{ color: {p["link"][0]}; }}
.muted, .meta, .intro {{ color: {p["muted"][0]}; }}
.meta {{ font-size: .85rem; margin: 0 0 .4rem; }}
.header p {{ margin: .1rem 0; }}
.header .when {{ font-size: .9rem; color: {p["muted"][0]}; }}
.unmasked {{ color: {p["unmasked"][0]}; background: {p["unmasked"][1]}; padding: .4rem .6rem; font-weight: 700;
  border: 2px solid {p["unmasked"][0]}; border-radius: 4px; }}
.demo {{ color: {p["demo"][0]}; background: {p["demo"][1]}; padding: .2rem .6rem; border-radius: 4px;
  font-size: .9rem; }}
/* Above the fold: the score with what it rests on, beside the three things to do first. */
.overview {{ display: grid; grid-template-columns: minmax(15rem, 19rem) 1fr; gap: 1.2rem 2rem; align-items: start;
  margin-top: .8rem; }}
.overview h2 {{ margin-top: 0; }}
.score {{ display: flex; align-items: center; gap: 1rem; }}
.score-text {{ font-size: 1.35rem; font-weight: 700; margin: 0; white-space: nowrap; }}
.coverage, .no-grade, .capped {{ font-size: .9rem; margin: .4rem 0 0; }}
.gauge {{ width: 7.5rem; height: 7.5rem; flex: none; }}
ol.top-actions {{ margin: 0; padding-left: 1.4rem; }}
ol.top-actions li {{ margin: 0 0 .55rem; }}
ol.top-actions .advice {{ display: block; font-size: .92rem; }}
.gain {{ white-space: nowrap; }}
.look-up li {{ margin-bottom: .3rem; }}
.look-up .where {{ display: block; font-size: .9rem; color: {p["muted"][0]}; }}
table {{ border-collapse: collapse; margin: .4rem 0; }}
th, td {{ padding: .25rem .7rem; border-bottom: 1px solid #d0d0d0; text-align: left; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.bar {{ width: 10rem; height: .9rem; vertical-align: middle; }}
.finding {{ border: 1px solid #d0d0d0; border-left: 6px solid; border-radius: 4px; padding: .5rem .8rem;
  margin: .7rem 0; }}
.finding p, .finding ul {{ margin: .3rem 0; }}
{borders}
.badge {{ display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .85rem; font-weight: 700;
  margin-right: .4rem; white-space: nowrap; }}
{badges}
.note {{ color: {p["note"][0]}; background: {p["note"][1]}; padding: .35rem .6rem; border-radius: 4px; }}
details {{ margin: .6rem 0; }}
details > summary {{ cursor: pointer; font-weight: 700; }}
details .finding {{ padding: .3rem .8rem; margin: .4rem 0; }}
.checklist {{ list-style: none; padding-left: .5rem; }}
.sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }}
.refs a, .sources a {{ overflow-wrap: anywhere; }}
footer {{ margin-top: 2.5rem; font-size: .9rem; color: {p["muted"][0]}; }}
@media (max-width: 40rem) {{
  main {{ padding: .6rem .8rem 2rem; }}
  h1 {{ font-size: 1.2rem; }}
  h2 {{ font-size: 1.1rem; margin-top: 1.3rem; }}
  .overview {{ grid-template-columns: 1fr; gap: .6rem; margin-top: .4rem; }}
  .score-box h2 {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
  .gauge {{ width: 4.8rem; height: 4.8rem; }}
  .score-text {{ font-size: 1.15rem; }}
  .coverage, .no-grade, .capped {{ font-size: .85rem; margin-top: .2rem; }}
  ol.top-actions li {{ margin-bottom: .4rem; }}
  ol.top-actions .advice {{ font-size: .85rem; }}
  th, td {{ padding: .25rem .4rem; }}
  /* The bars only repeat the numbers: a phone keeps the names and numbers readable instead. */
  .bar-cell {{ display: none; }}
}}
@media print {{
  @page {{ margin: 10mm 11mm; }}
  /* rem follows the root: headings, badges and notes shrink with the text on paper. */
  html {{ font-size: 9pt; }}
  body {{ font-size: 1rem; line-height: 1.3; }}
  .meta {{ font-size: 7.5pt; margin: 0; }}
  .header p, .coverage {{ font-size: 8pt; }}
  main {{ max-width: none; padding: 0; }}
  h1 {{ font-size: 1.4rem; }}
  h2 {{ font-size: 1.15rem; margin: .9rem 0 .3rem; }}
  h3 {{ font-size: 1.05rem; margin: .8rem 0 .3rem; }}
  h2, h3, h4 {{ break-after: avoid; }}
  tr, .overview, ol.top-actions li, .look-up li {{ break-inside: avoid; }}
  .finding {{ margin: .3rem 0; padding: .2rem .6rem; }}
  .finding p, .finding ul {{ margin: .15rem 0; }}
  .finding ul {{ padding-left: 1.2rem; }}
  .todo-label {{ display: none; }}
  .intro {{ margin: .2rem 0; }}
  .gauge {{ width: 6rem; height: 6rem; }}
  .badge, .finding, .note, .unmasked, .demo {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .refs {{ font-size: 8pt; columns: 2; }}
  th, td {{ padding: .1rem .5rem; }}
  .intro {{ font-size: 8.5pt; }}
  ol.top-actions li {{ margin-bottom: .3rem; }}
  .phases {{ columns: 2; column-gap: 1.5rem; }}
  .phases p {{ break-after: avoid; margin: .3rem 0 .1rem; }}
  .checklist {{ margin: 0; padding-left: 0; }}
  .checklist li {{ break-inside: avoid; }}
  .refs a::after {{ content: ""; }}
}}
"""


class _Html:
    def __init__(self, view: ReportView, t: Texts) -> None:
        self.view, self.t = view, t
        self.out: list[str] = []

    def e(self, msg: Msg | str | None) -> str:
        """A text, escaped."""
        return escape(msg if isinstance(msg, str) else self.t(msg), quote=True)

    def add(self, *parts: str) -> None:
        self.out.extend(parts)

    def badge(self, status: Status) -> str:
        return (f'<span class="badge {_STATUS_CLASS[status]}">{escape(MARKS[status])} '
                f"{self.e(status.label)}</span>")

    def render(self) -> str:
        report, t = self.view.report, self.t
        trip = s.is_trip_report(report)
        heading = s.T_TRIP_TITLE if trip else s.T_TITLE
        title = self.e(heading) + (f" — {escape(report.label)}" if report.label else "")
        self.add("<!DOCTYPE html>", f'<html lang="{escape(t.lang)}">', "<head>", '<meta charset="utf-8">',
                 '<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f'<meta name="generator" content="kakaoaudit {escape(report.tool_version)}">',
                 f"<title>{title}</title>", f"<style>{stylesheet()}</style>", "</head>", "<body>", "<main>")
        self.header(heading)
        if trip:
            # A checklist for the trip: no grade and no empty prevention sections.
            self.look_up()
            for section in self.view.sections:
                if section.findings or section.not_scored or section.key is s.SectionKey.TRAVEL:
                    self.section(section, "", 2)
        else:
            self.overview()
            self.look_up()
            self.categories()
            self.add('<section aria-labelledby="prevention">',
                     f'<h2 id="prevention">{self.e(s.PREVENTION_TITLE)}</h2>')
            for number, section in enumerate(self.view.prevention, 1):
                self.section(section, f"{number}. ", 3)
            self.add("</section>")
            for section in self.view.extra:
                self.section(section, "", 2)
        self.not_scored()
        self.rest()
        masked = (f'<p class="muted">{self.e(s.T_MASKED)}</p>' if report.redacted else "")
        self.add(f"<footer>{masked}<p>{self.e(DISCLAIMER)}</p></footer>", "</main>", "</body>", "</html>")
        return "\n".join(self.out) + "\n"

    def header(self, heading: Msg) -> None:
        report = self.view.report
        self.add('<header class="header">', f"<h1>{self.e(heading)}</h1>")
        if report.label:
            self.add(f'<p class="label"><strong>{self.e(fill(s.T_FOR, label=report.label))}</strong></p>')
        self.add(f'<p class="when">{self.e(fill(s.T_DATE, date=s.format_when(report)))} · '
                 f"{self.e(fill(s.T_VERSION, version=report.tool_version))}</p>")
        if report.mode == "demo":
            self.add(f'<p class="demo">{self.e(s.T_DEMO)}</p>')
        if not report.redacted:
            self.add(f'<p class="unmasked" role="note">⚠ {self.e(s.T_UNMASKED)}</p>')
        self.add("</header>")

    def overview(self) -> None:
        """The score with what it rests on, beside the three things to do first: what a reader needs
        without scrolling, on a computer and on a phone."""
        report = self.view.report
        self.add('<div class="overview">', '<section aria-labelledby="score" class="score-box">',
                 f'<h2 id="score">{self.e(s.T_SCORE_COL)}</h2>', '<div class="score">',
                 self.gauge(report.score, report.grade), "<div>")
        if report.score is None:
            self.add(f'<p class="score-text">{self.e(s.T_NO_SCORE)}</p>')
        else:
            text = self.e(fill(s.T_SCORE, score=report.score))
            if report.grade is not None:
                text += f"<br>{self.e(fill(s.T_GRADE, grade=report.grade))}"
            self.add(f'<p class="score-text">{text}</p>')
        self.add("</div>", "</div>")
        if report.score is not None:
            self.add(f'<p class="coverage">{self.e(s.coverage_text(report))}</p>')
            if report.grade is None:
                self.add(f'<p class="no-grade">{self.e(s.T_NO_GRADE)}</p>')
            elif report.grade_capped:
                self.add(f'<p class="capped">{self.e(fill(s.T_CAPPED, grade=report.grade))}</p>')
        self.add("</section>")
        self.top_actions()
        self.add("</div>")

    def categories(self) -> None:
        report = self.view.report
        self.add('<section aria-labelledby="categories">', f'<h2 id="categories">{self.e(s.T_CATEGORIES)}</h2>')
        if not report.categories:
            self.add(f"<p>{self.e(s.T_NO_CATEGORIES)}</p>")
        else:
            self.add('<table class="categories">', f'<thead><tr><th scope="col">{self.e(s.T_CATEGORY)}</th>'
                     f'<th scope="col" class="num">{self.e(s.T_SCORE_COL)}</th>'
                     f'<th scope="col" class="num">{self.e(s.T_POINTS_COL)}</th><td class="bar-cell"></td></tr>'
                     "</thead>", "<tbody>")
            for c in report.categories:
                score = self.e(s.T_NOT_ASSESSED) if c.score is None else str(c.score)
                points = f"{c.points}/{c.max_points}" if c.max_points else "-"
                self.add(f'<tr><th scope="row">{self.e(c.category.label)}</th><td class="num">{score}</td>'
                         f'<td class="num">{points}</td><td class="bar-cell">{self.bar(c.score)}</td></tr>')
            self.add("</tbody>", "</table>")
        self.add("</section>")

    def gauge(self, score: int | None, grade: str | None) -> str:
        circumference = 2 * math.pi * _GAUGE_RADIUS
        filled = 0.0 if score is None else circumference * score / 100
        label = self.e(s.T_NO_SCORE) if score is None else self.e(fill(s.T_SCORE, score=score))
        value = "-" if score is None else str(score)
        return (
            f'<svg class="gauge" viewBox="0 0 120 120" role="img" aria-label="{label}">'
            f"<title>{label}</title>"
            f'<circle cx="60" cy="60" r="{_GAUGE_RADIUS}" fill="none" stroke="#e3e3e3" stroke-width="12"/>'
            f'<circle cx="60" cy="60" r="{_GAUGE_RADIUS}" fill="none" stroke="{_level_colour(score)}" '
            f'stroke-width="12" stroke-linecap="butt" stroke-dasharray="{filled:.2f} {circumference:.2f}" '
            'transform="rotate(-90 60 60)"/>'
            f'<text x="60" y="62" text-anchor="middle" font-size="34" font-weight="700" '
            f'fill="{PALETTE["body"][0]}">{value}</text>'
            f'<text x="60" y="86" text-anchor="middle" font-size="14" fill="{PALETTE["muted"][0]}">'
            f"{escape(grade or '')}</text></svg>"
        )

    def bar(self, score: int | None) -> str:
        width = 0 if score is None else score
        return (f'<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">'
                f'<rect width="100" height="10" fill="#e3e3e3"/>'
                f'<rect width="{width}" height="10" fill="{_level_colour(score)}"/></svg>')

    def top_actions(self) -> None:
        report = self.view.report
        self.add('<section aria-labelledby="top" class="top">', f'<h2 id="top">{self.e(s.T_TOP)}</h2>')
        if not report.top_actions:
            self.add(f"<p>{self.e(s.T_NO_TOP)}</p>")
        else:
            self.add('<ol class="top-actions">')
            for action in report.top_actions:
                found = s.gain_text(report, action)
                gain = f' <span class="muted gain">({self.e(found)})</span>' if found is not None else ""
                advice = f'<span class="advice">{self.e(action.advice)}</span>' if action.advice is not None else ""
                self.add(f'<li data-check="{escape(action.check_id)}"><strong>{self.e(action.title)}</strong>'
                         f'{gain}{advice}</li>')
            self.add("</ol>")
        self.add("</section>")

    def look_up(self) -> None:
        """The answers that were "don't know", as a to-do list with where to look in the app."""
        items = self.view.report.look_up
        if not items:
            return
        self.add('<section aria-labelledby="look-up">',
                 f'<h2 id="look-up">{self.e(fill(s.T_LOOK_UP, count=len(items)))}</h2>', '<ul class="look-up">')
        for item in items:
            where = f'<span class="where">→ {self.e(item.where)}</span>' if item.where is not None else ""
            self.add(f'<li data-question="{escape(item.question_id)}">{self.e(item.prompt)}{where}</li>')
        self.add("</ul>", "</section>")

    def section(self, section: Section, number: str, level: int) -> None:
        anchor = f"section-{section.key.value}"
        self.add(f'<section aria-labelledby="{anchor}">',
                 f'<h{level} id="{anchor}">{escape(number)}{self.e(section.title)}</h{level}>')
        if section.intro is not None:
            self.add(f'<p class="intro">{self.e(section.intro)}</p>')
        if section.key is s.SectionKey.TRAVEL and self.view.report.travel is not None:
            self.travel(self.view.report.travel, level + 1)
        if not section.findings:
            self.add(f"<p>{self.e(s.T_ONLY_UNSCORED if section.not_scored else s.T_EMPTY_SECTION)}</p>")
        problems = [f for f in section.findings if f.status is not Status.PASS]
        fine = [f for f in section.findings if f.status is Status.PASS]
        for finding in problems:
            self.finding(finding, level + 1)
        if fine:
            # What is in order is folded: a count to open, not a wall of green cards.
            summary = fill(s.T_FINE, count=len(fine))
            self.add('<details class="fine">',
                     f"<summary>{escape(MARKS[Status.PASS])} {self.e(summary)}</summary>")
            for finding in fine:
                self.finding(finding, level + 1)
            self.add("</details>")
        self.add("</section>")

    def finding(self, finding: Finding, level: int) -> None:
        status = _STATUS_CLASS[finding.status]
        self.add(f'<article class="finding {status}" data-check="{escape(finding.check_id)}" '
                 f'data-code="{escape(finding.code)}">',
                 f"<h{level}>{self.badge(finding.status)}{self.e(finding.title)}</h{level}>")
        meta = [escape(finding.check_id)]
        if finding.status is not Status.INFO:
            meta.append(self.e(fill(s.T_POINTS, points=finding.points, max_points=finding.max_points)))
        if finding.status not in (Status.PASS, Status.INFO):
            meta.append(self.e(fill(s.T_SEVERITY, severity=finding.severity.label)))
        links = [f'<a href="{escape(url, quote=True)}">[{n}]</a>' for n in self.view.reference_numbers(finding)
                 if _URL.fullmatch(url := self.view.references[n - 1])]
        if links:
            # The sources share the line of the check ID and points: one line less per finding on paper.
            meta.append(f'<span class="sources">{self.e(s.T_SOURCES)} {" ".join(links)}</span>')
        self.add(f'<p class="meta">{" · ".join(meta)}</p>')
        if finding.detail is not None:
            self.add(f"<p>{self.e(finding.detail)}</p>")
        if finding.advice and finding.status is not Status.PASS:
            self.add(f'<p class="todo-label"><strong>{self.e(s.T_WHAT_TO_DO)}</strong></p>', "<ul>",
                     *[f"<li>{self.e(advice)}</li>" for advice in finding.advice], "</ul>")
        if finding.note is not None:
            self.add(f'<p class="note">{self.e(fill(s.T_NOTE, note=finding.note))}</p>')
        self.add("</article>")

    def travel(self, plan: TravelPlan, level: int) -> None:
        t = self.t
        trip = fill(s.T_TRIP, country=s.country_name(plan.destination, t.lang), code=plan.destination)
        self.add(f'<div class="trip"><p><strong>{self.e(trip)}</strong>')
        if plan.depart or plan.return_date:
            dates = fill(s.T_TRIP_DATES, depart=s.format_date(plan.depart), return_date=s.format_date(plan.return_date))
            self.add(f"<br>{self.e(dates)}")
        self.add("</p>")
        differences = s.time_difference_lines(plan)
        if differences:
            self.add(f"<p>{self.e(s.T_TIME_DIFFERENCE)}</p>", "<ul>",
                     *[f"<li>{self.e(text)}</li>" for text in differences], "</ul>")
        phases = s.travel_view(plan).phases
        if phases:
            self.add(f"<h{level}>{self.e(s.T_CHECKLIST)}</h{level}>", '<div class="phases">')
        for phase, items in phases:
            self.add(f"<p><strong>{self.e(s.phase_title(phase, plan, s.PHASE_LABELS[phase]))}</strong></p>",
                     '<ul class="checklist">')
            for item in items:
                state = self.e(s.T_DONE if item.done else s.T_TO_DO)
                mark = "☑" if item.done else "☐"
                # The box says it; the state in words is for screen readers (no "(to do)" on every line).
                self.add(f'<li><span aria-hidden="true">{mark}</span> {self.e(item.text)} '
                         f'<span class="sr-only">({state})</span></li>')
            self.add("</ul>")
        if phases:
            self.add("</div>")
        self.add("</div>")

    def not_scored(self) -> None:
        if not self.view.not_scored:
            return
        self.add('<section aria-labelledby="not-scored">', f'<h2 id="not-scored">{self.e(s.T_NOT_SCORED)}</h2>',
                 '<details class="not-scored">',
                 f"<summary>{escape(MARKS[Status.UNKNOWN])} {self.e(fill(T_COUNT, count=len(self.view.not_scored)))}"
                 "</summary>",
                 f"<p>{self.e(s.T_NOT_SCORED_INTRO)}</p>", "<ul>")
        for finding in self.view.not_scored:
            reason = f": {self.e(finding.detail)}" if finding.detail is not None else ""
            self.add(f'<li data-check="{escape(finding.check_id)}">{self.badge(finding.status)}'
                     f"[{escape(finding.check_id)}] {self.e(finding.title)}{reason}</li>")
        self.add("</ul>", "</details>", "</section>")

    def rest(self) -> None:
        report = self.view.report
        if self.view.suppressed:
            self.add('<section aria-labelledby="suppressed">', f'<h2 id="suppressed">{self.e(s.T_SUPPRESSED)}</h2>',
                     "<ul>")
            for x in self.view.suppressed:
                text = fill(s.T_SUPPRESSED_ITEM, title=x.finding.title, reason=x.reason, expires=x.expires.isoformat())
                self.add(f"<li>{self.badge(x.finding.status)}[{escape(x.finding.check_id)}] {self.e(text)}</li>")
            self.add("</ul>", "</section>")
        for anchor, title, items in (("notes", s.T_NOTES, report.notes), ("warnings", s.T_WARNINGS, report.warnings)):
            if items:
                self.add(f'<section aria-labelledby="{anchor}">', f'<h2 id="{anchor}">{self.e(title)}</h2>', "<ul>",
                         *[f"<li>{self.e(item)}</li>" for item in items], "</ul>", "</section>")
        if self.view.references:
            self.add('<section aria-labelledby="references">',
                     f'<h2 id="references">{self.e(s.T_REFERENCES)}</h2>', '<ol class="refs">')
            for url in self.view.references:
                if _URL.fullmatch(url):
                    self.add(f'<li><a href="{escape(url, quote=True)}">{escape(url)}</a></li>')
                else:
                    self.add(f"<li>{escape(url)}</li>")
            self.add("</ol>", "</section>")
