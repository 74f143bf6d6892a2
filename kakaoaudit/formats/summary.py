"""The family helper's overview: one row per person over many saved JSON reports.

`collect` reads every file (a folder gives its ``*.json`` files), keeps the reports it can use
and lists the others with the reason: a bad or foreign file never stops the summary. Each file is
checked only for what the summary reads (kind, version, date, label, score, grade), and the
findings of each person's latest report, so that a thousand reports summarize in about the time
it takes to parse them (`kakaoaudit show` validates one report fully). Nothing parsed is kept
while reading: each person's latest file is read again for its findings, which keeps memory flat
(keeping them made parsing measurably slower).

Rows are people (the report's ``--label``; reports without one are "(no label)"): the latest
report's date, score and grade, its worst findings, the change of score since the person's
previous report, and the days since that latest audit.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path
from typing import Any, TypeGuard

from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Severity, Status
from kakaoaudit.core.untrusted import json_safe, printable
from kakaoaudit.formats.reading import check_kind, read_json
from kakaoaudit.formats.sections import Texts, fill
from kakaoaudit.formats.terminal import FILE_WIDTH, cells, wrap

_ = translator("kakaoaudit.formats")

SUMMARY_VERSION = "1.0"
WORST = 3
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_STATUSES = {status.value for status in Status}
_SEVERITIES = {severity.value: severity for severity in Severity}
_PROBLEM_RANK = {"fail": 0, "warn": 1}

T_TITLE = _("Summary of kakaoaudit reports")
T_AS_OF = _("As of {date}; {people} people, {reports} reports")
T_NO_LABEL = _("(no label)")
T_PERSON = _("Person")
T_LATEST = _("Latest")
T_SCORE = _("Score")
T_GRADE = _("Grade")
T_CHANGE = _("Change")
T_DAYS = _("Days since")
T_WORST = _("Needs attention")
T_NOTHING = _("nothing to fix")
T_SKIPPED = _("Files skipped")
T_FILES_INTRO = _("These files were not read as reports:")
T_HOW = _("Scores are out of 100. Change is since the person's previous report; run the audit again when the last "
          "one is old (every few months, and before a trip).")


@dataclass(frozen=True)
class WorstFinding:
    check_id: str
    code: str
    status: str
    severity: str
    title: str


@dataclass(frozen=True)
class Entry:
    """One usable report file (only the parts the summary reads)."""

    path: Path
    label: str | None
    generated_at: datetime
    score: int | None
    grade: str

    @property
    def order(self) -> tuple[datetime, str]:
        return self.generated_at, str(self.path)


@dataclass(frozen=True)
class Person:
    label: str | None
    latest: Entry
    previous: Entry | None
    reports: int
    worst: tuple[WorstFinding, ...]
    days_since: int

    @property
    def change(self) -> int | None:
        if self.previous is None or self.previous.score is None or self.latest.score is None:
            return None
        return self.latest.score - self.previous.score


@dataclass(frozen=True)
class BadFile:
    path: Path
    reason: Msg


@dataclass(frozen=True)
class Summary:
    people: tuple[Person, ...]
    bad: tuple[BadFile, ...]
    as_of: date
    reports: int


def report_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: files as given, folders' ``*.json`` files (not hidden ones), each once."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as listing:
                names = sorted(entry.name for entry in listing
                               if entry.name.lower().endswith(".json") and not entry.name.startswith(".")
                               and entry.is_file())
            found.update(dict.fromkeys(path / name for name in names))
        else:
            found.setdefault(path, None)
    return list(found)


def collect(paths: Sequence[Path], *, lang: str, today: date | None = None) -> Summary:
    """Read the reports under `paths` and summarize them per person."""
    as_of = today or datetime.now(timezone.utc).date()
    by_person: dict[str | None, list[Entry]] = {}
    bad: list[BadFile] = []
    readable = 0
    files = report_files(paths)
    for path in files:
        try:
            entry, findings = _entry(path)
        except InputError as error:
            bad.append(BadFile(path, _first_message(error)))
            continue
        readable += 1
        by_person.setdefault(entry.label, []).append(entry)
        del findings  # nothing parsed is kept: a person's latest file is read again for its findings
    people = []
    for label, reports in by_person.items():
        reports.sort(key=lambda e: e.order, reverse=True)
        person = _person(label, reports, lang=lang, as_of=as_of, bad=bad)
        if person is not None:
            people.append(person)
    people.sort(key=lambda p: (p.label is None, (p.label or "").casefold(), p.label or ""))
    # Files that parsed but whose findings turned out broken when shown are not counted as reports.
    unusable = len(bad) - (len(files) - readable)
    return Summary(tuple(people), tuple(sorted(bad, key=lambda b: str(b.path))), as_of, readable - unusable)


def _first_message(error: InputError) -> Msg:
    message = error.messages[0]
    return message if isinstance(message, Msg) else Msg("kakaoaudit.literal", str(message))


def _invalid(path: Path, where: str, reason: Msg) -> InputError:
    return InputError(_("{file}: not a valid report: {where}: {reason}", file=str(path), where=where, reason=reason))


def _entry(path: Path) -> tuple[Entry, list[Any]]:
    """The summary's view of one file, and its findings (checked only where shown)."""
    data = read_json(path)
    check_kind(data, path)
    stamp = data.get("generated_at")
    if not isinstance(stamp, str) or not _DATE.fullmatch(stamp):
        raise _invalid(path, "generated_at", _("expected a UTC time like 2026-01-31T12:00:00Z"))
    try:
        generated = datetime.fromisoformat(stamp[:-1]).replace(tzinfo=timezone.utc)
    except ValueError:
        raise _invalid(path, "generated_at", _("expected a UTC time like 2026-01-31T12:00:00Z")) from None
    label = data.get("label")
    if label is not None and (not isinstance(label, str) or len(label) > 100):
        raise _invalid(path, "label", _("expected a text of at most 100 characters or null"))
    score = data.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100):
        raise _invalid(path, "score", _("expected a whole number from 0 to 100, or null"))
    grade = data.get("grade")
    if not isinstance(grade, str) or len(grade) > 2:
        raise _invalid(path, "grade", _("expected a grade such as \"B\""))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise _invalid(path, "findings", _("expected a list of findings"))
    # The file's texts are shown on a terminal and in HTML: no escape codes get through.
    return Entry(path, printable(label, one_line=True) if label else None, generated, score, grade), findings


def _person(label: str | None, reports: list[Entry], *, lang: str, as_of: date,
            bad: list[BadFile]) -> Person | None:
    """The person's row from their newest report whose findings are usable (others go to `bad`)."""
    for index, latest in enumerate(reports):
        try:
            findings = _entry(latest.path)[1]
            worst = _worst_findings(latest.path, findings, lang)
        except InputError as error:
            bad.append(BadFile(latest.path, _first_message(error)))
            continue
        rest = reports[index + 1:]
        previous = next((e for e in rest if e.generated_at < latest.generated_at), None)
        days = max(0, (as_of - latest.generated_at.date()).days)
        return Person(label, latest, previous, len(reports) - index, worst, days)
    return None


def _worst_findings(path: Path, findings: list[Any], lang: str) -> tuple[WorstFinding, ...]:
    problems: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = []
    for index, finding in enumerate(findings):
        where = f"findings[{index}]"
        if not isinstance(finding, dict):
            raise _invalid(path, where, _("expected an object"))
        status, severity = finding.get("status"), finding.get("severity")
        if status not in _STATUSES:
            raise _invalid(path, where + ".status", _("expected pass, warn, fail, unknown, skipped or error"))
        if severity not in _SEVERITIES:
            raise _invalid(path, where + ".severity", _("expected info, low, medium, high or critical"))
        for key in ("check_id", "code", "title"):
            if not isinstance(finding.get(key), str):
                raise _invalid(path, f"{where}.{key}", _("expected a text"))
        points, maximum = finding.get("points"), finding.get("max_points")
        if not (_whole(points) and _whole(maximum)):
            raise _invalid(path, where + ".points", _("expected whole numbers"))
        if status in _PROBLEM_RANK:
            at_stake = maximum - points
            problems.append(((_PROBLEM_RANK[status], -_SEVERITIES[severity].rank, -at_stake, index), finding))
    problems.sort(key=lambda item: item[0])
    return tuple(
        WorstFinding(printable(f["check_id"], one_line=True), printable(f["code"], one_line=True), f["status"],
                     f["severity"], printable(_title(f, lang), one_line=True))
        for _key, f in problems[:WORST]
    )


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _title(finding: dict[str, Any], lang: str) -> str:
    """The finding's title in `lang` from its message, else as stored."""
    i18n = finding.get("i18n")
    message = i18n.get("title") if isinstance(i18n, dict) else None
    if isinstance(message, dict):
        try:
            return Msg.from_json(message).render(lang, redact=True)
        except (ValueError, TypeError, RecursionError):
            pass
    return str(finding["title"])


# Rendering ------------------------------------------------------------------------------------
def _name(person: Person, t: Texts) -> str:
    return person.label if person.label is not None else t(T_NO_LABEL)


def _change_text(change: int | None) -> str:
    if change is None:
        return "-"
    return f"{change:+d}" if change else "±0"


def _date_text(entry: Entry) -> str:
    return entry.generated_at.strftime("%Y-%m-%d")


def render(summary: Summary, fmt: str, *, lang: str, width: int = FILE_WIDTH) -> str:
    if fmt == "json":
        return render_json(summary, lang=lang)
    if fmt == "html":
        return render_html(summary, lang=lang)
    return render_table(summary, lang=lang, width=width)


def render_json(summary: Summary, *, lang: str) -> str:
    t = Texts(lang)
    document = {
        "summary_version": SUMMARY_VERSION,
        "as_of": summary.as_of.isoformat(),
        "language": lang,
        "reports": summary.reports,
        "people": [
            {
                "label": p.label,
                "latest": p.latest.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "file": str(p.latest.path),
                "score": p.latest.score,
                "grade": p.latest.grade,
                "previous_score": None if p.previous is None else p.previous.score,
                "change": p.change,
                "days_since_last_audit": p.days_since,
                "reports": p.reports,
                "worst_findings": [
                    {"check_id": w.check_id, "code": w.code, "status": w.status, "severity": w.severity,
                     "title": w.title}
                    for w in p.worst
                ],
            }
            for p in summary.people
        ],
        "skipped_files": [{"file": str(b.path), "reason": t(b.reason)} for b in summary.bad],
    }
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def render_table(summary: Summary, *, lang: str, width: int = FILE_WIDTH) -> str:
    from tabulate import tabulate  # noqa: PLC0415

    t = Texts(lang)
    lines = [t(T_TITLE), t(fill(T_AS_OF, date=summary.as_of.isoformat(), people=len(summary.people),
                                  reports=summary.reports)), ""]
    headers = [t(m) for m in (T_PERSON, T_LATEST, T_SCORE, T_GRADE, T_CHANGE, T_DAYS, T_WORST)]
    base = [[_name(p, t), _date_text(p.latest), "-" if p.latest.score is None else str(p.latest.score),
             p.latest.grade, _change_text(p.change), str(p.days_since)] for p in summary.people]
    if base:
        fixed = tabulate(base, headers=headers[:-1], tablefmt="simple")
        room = width - max(cells(line) for line in fixed.splitlines()) - 2
        if room >= 30:
            rows = []
            for row, person in zip(base, summary.people, strict=True):
                worst = [line for w in person.worst for line in wrap(f"{_MARK[w.status]} {w.title}", room, "", "  ")]
                rows.append([*row, "\n".join(worst) or t(T_NOTHING)])
            lines.append(tabulate(rows, headers=headers, tablefmt="simple",
                                  colalign=("left", "left", "right", "left", "right", "right", "left")))
        else:
            # Too narrow for a table: one block per person.
            for row, person in zip(base, summary.people, strict=True):
                lines.extend(wrap(row[0], width))
                line = ""
                for fact in (f"{name}: {value}" for name, value in zip(headers[1:6], row[1:], strict=True)):
                    if line and cells(line) + 3 + cells(fact) > width:
                        lines.append(line)
                        line = ""
                    line = f"{line} · {fact}" if line else f"  {fact}"
                lines.append(line)
                for w in person.worst:
                    lines.extend(wrap(f"{_MARK[w.status]} {w.title}", width, "  ", "    "))
                if not person.worst:
                    lines.append(f"  {t(T_NOTHING)}")
                lines.append("")
    lines.extend(["", *wrap(t(T_HOW), width)])
    if summary.bad:
        lines.extend(["", t(T_SKIPPED), *wrap(t(T_FILES_INTRO), width)])
        for item in summary.bad:
            lines.extend(wrap(t(item.reason), width, "  - ", "    "))
    return "\n".join(lines) + "\n"


_MARK = {"fail": "✗", "warn": "!"}


def render_html(summary: Summary, *, lang: str) -> str:
    from kakaoaudit.formats.html import stylesheet  # noqa: PLC0415

    t = Texts(lang)

    def e(text: Msg | str) -> str:
        return escape(text if isinstance(text, str) else t(text), quote=True)

    as_of = fill(T_AS_OF, date=summary.as_of.isoformat(), people=len(summary.people), reports=summary.reports)
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(T_TITLE)}</title>", f"<style>{stylesheet()}</style>", "</head>", "<body>", "<main>",
           f"<h1>{e(T_TITLE)}</h1>", f"<p>{e(as_of)}</p>"]
    if summary.people:
        numeric = (T_SCORE, T_CHANGE, T_DAYS)
        head = "".join(f'<th scope="col" class="{"num" if m in numeric else "text"}">{e(m)}</th>'
                       for m in (T_PERSON, T_LATEST, T_SCORE, T_GRADE, T_CHANGE, T_DAYS, T_WORST))
        out += ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
        for p in summary.people:
            worst = "".join(
                f'<li><span class="badge {escape(w.status)}">{escape(_MARK[w.status])} '
                f"{e(Status(w.status).label)}</span>{escape(w.title)}</li>"
                for w in p.worst
            ) or f"<li>{e(T_NOTHING)}</li>"
            score = "-" if p.latest.score is None else str(p.latest.score)
            out.append(
                f'<tr><th scope="row">{escape(_name(p, t))}</th><td>{_date_text(p.latest)}</td>'
                f'<td class="num">{score}</td><td>{escape(p.latest.grade)}</td>'
                f'<td class="num">{escape(_change_text(p.change))}</td><td class="num">{p.days_since}</td>'
                f'<td><ul class="checklist">{worst}</ul></td></tr>'
            )
        out += ["</tbody>", "</table>"]
    out.append(f'<p class="muted">{e(T_HOW)}</p>')
    if summary.bad:
        out += [f"<h2>{e(T_SKIPPED)}</h2>", f"<p>{e(T_FILES_INTRO)}</p>", "<ul>",
                *[f"<li>{e(item.reason)}</li>" for item in summary.bad], "</ul>"]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
