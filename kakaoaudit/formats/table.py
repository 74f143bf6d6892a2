"""The terminal report: score, categories, top actions and every finding with its advice."""

from __future__ import annotations

from tabulate import tabulate

from kakaoaudit.disclaimer import DISCLAIMER
from kakaoaudit.i18n import Msg, translator
from kakaoaudit.model import Finding, Report, Status

_ = translator("kakaoaudit")

_MARKS = {
    Status.PASS: "✓",
    Status.WARN: "!",
    Status.FAIL: "✗",
    Status.UNKNOWN: "?",
    Status.SKIPPED: "-",
    Status.ERROR: "E",
}


def render(report: Report, *, lang: str) -> str:
    """The report as plain text tables (no colour) for a terminal or a text file."""
    redact = report.redacted

    def t(msg: Msg | None) -> str:
        return "" if msg is None else msg.render(lang, redact=redact)

    lines: list[str] = []
    heading = _("kakaoaudit {version} - account security report", version=report.tool_version)
    lines.append(t(heading))
    if report.label:
        lines.append(t(_("For: {label}", label=report.label)))
    when = report.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    lines.append(t(_("Date: {date}", date=when)))
    if report.mode == "demo":
        lines.append(t(_("This is the built-in demo profile, not your account.")))
    if not redact:
        lines.append(t(_("Contacts are shown unmasked (--no-redact).")))
    lines.append("")
    if report.score is None:
        lines.append(t(_("Score: not enough answers to score")))
    else:
        lines.append(t(_("Score: {score}/100   Grade: {grade}", score=report.score, grade=report.grade)))
        if report.grade_capped:
            lines.append(t(_("The grade is held at {grade} because of a critical problem.", grade=report.grade)))
    lines.append("")

    category_rows = [
        [t(c.category.label), "-" if c.score is None else f"{c.score}", f"{c.points}/{c.max_points}"]
        for c in report.categories
    ]
    if category_rows:
        lines.append(tabulate(category_rows, headers=[t(_("Category")), t(_("Score")), t(_("Points"))],
                              tablefmt="simple", colalign=("left", "right", "right")))
        lines.append("")

    if report.top_actions:
        lines.append(t(_("Do these first:")))
        for number, action in enumerate(report.top_actions, 1):
            lines.append(f"  {number}. {t(action.title)} (+{action.points_at_stake})")
            if action.advice is not None:
                lines.append(f"     {t(action.advice)}")
        lines.append("")

    scored = [f for f in report.findings if f.status.scored]
    rows = [
        [f"{_MARKS[f.status]} {t(f.status.label)}", f.check_id, t(f.title), f"{f.points}/{f.max_points}"]
        for f in scored
    ]
    if rows:
        lines.append(tabulate(rows, headers=[t(_("Status")), "ID", t(_("Finding")), t(_("Points"))],
                              tablefmt="simple"))
        lines.append("")
    details = [f for f in scored if f.status is not Status.PASS]
    if details:
        lines.append(t(_("What to do:")))
        for finding in details:
            lines.extend(_finding_block(finding, t))
        lines.append("")

    unscored = report.not_scored
    if unscored:
        lines.append(t(_("Not scored (unknown, skipped or failed checks):")))
        for finding in unscored:
            reason = t(finding.detail) if finding.detail else ""
            lines.append(f"  {_MARKS[finding.status]} {finding.check_id} {t(finding.title)}: {reason}")
        lines.append("")
    for warning in report.warnings:
        lines.append(t(_("Warning: {warning}", warning=warning)))
    lines.append(t(DISCLAIMER))
    return "\n".join(lines) + "\n"


def _finding_block(finding: Finding, t: object) -> list[str]:
    render = t if callable(t) else str
    block = [f"  [{finding.check_id}] {render(finding.title)}"]
    if finding.detail is not None:
        block.append(f"     {render(finding.detail)}")
    block.extend(f"     - {render(advice)}" for advice in finding.advice)
    if finding.note is not None:
        block.append(f"     * {render(finding.note)}")
    return block
