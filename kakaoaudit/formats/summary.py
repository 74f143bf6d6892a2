"""The family helper's overview: one row per person over many saved JSON reports, who needs help first.

`collect` reads every file (a folder gives its ``*.json`` files), keeps the reports it can use
and lists the others with the reason: a bad or foreign file never stops the summary. Each file is
checked only for what the summary reads (kind, version, date, label, score, grade, the trip), and
the findings of each person's latest report, so that a thousand reports summarize in about the time
it takes to parse them (`kakaoaudit show` validates one report fully). Nothing parsed is kept
while reading: each person's latest file is read again for its findings, which keeps memory flat
(keeping them made parsing measurably slower).

Rows are people (the report's ``--label``, joined by the aliases of `kakaoaudit.history.people`;
reports without one are "(no label)"): the latest audit's score and grade, its problems by
severity, the "don't know" answers, the next trip, the change since the person's previous report
and the days since that audit. The person who needs help comes first (`SORTS`: by default the
most critical and high problems, then the lowest score). A trip report (`kakaoaudit travel`)
gives the next trip, not the score.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path
from typing import Any, TypeGuard

from kakaoaudit.core import localtime
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.localtime import local_date
from kakaoaudit.core.model import Severity, Status
from kakaoaudit.core.untrusted import json_safe, printable
from kakaoaudit.formats.reading import check_kind, read_json
from kakaoaudit.formats.sections import Texts, fill
from kakaoaudit.formats.terminal import FILE_WIDTH, cells, wrap

_ = translator("kakaoaudit.formats")

SUMMARY_VERSION = "1.1"
WORST = 3
#: The orders `--sort` offers; "need" (the default) puts the person who needs help first.
SORTS = ("need", "score", "name", "date", "trip")
#: The severities counted, most serious first.
COUNTED = ("critical", "high", "medium", "low")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_STATUSES = {status.value for status in Status}
_SEVERITIES = {severity.value: severity for severity in Severity}
#: What a finding may hold, as told to the reader: from the model, so that a new status is never refused.
_STATUS_LIST = " / ".join(status.value for status in Status)
_SEVERITY_LIST = " / ".join(severity.value for severity in Severity)
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
T_ORDER = _("The person who needs help most comes first: the most critical and high problems, then the lowest score "
            "(--sort changes the order).")
T_CRITICAL = _("Critical")
T_HIGH = _("High")
T_MEDIUM = _("Medium")
T_LOW = _("Low")
T_UNKNOWN = _("Don't know")
T_TRIP = _("Next trip")
T_TRIP_VALUE = _("{code} in {days} days")
T_TRIP_TODAY = _("{code} today")
T_TRIP_DATE = _("{code} {date} (in {days} days)")
T_PROBLEMS = _("Problems")
T_REPORT_LINK = _("Full report")



@dataclass(frozen=True)
class WorstFinding:
    check_id: str
    code: str
    status: str
    severity: str
    title: str


@dataclass(frozen=True)
class Trip:
    destination: str
    depart: date


@dataclass(frozen=True)
class Entry:
    """One usable report file (only the parts the summary reads)."""

    path: Path
    label: str | None
    generated_at: datetime
    score: int | None
    grade: str
    trip: Trip | None = None
    """The trip the report was made for (a departure date), if any."""
    trip_only: bool = False
    """A report of `kakaoaudit travel`: only travel checks, a checklist rather than an audit."""

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
    problems: Mapping[str, int] = field(default_factory=dict)
    """Failed and warned findings of the latest audit by severity (critical, high, medium, low)."""
    unknown: int | None = None
    """"Don't know" answers of the latest audit (None: a report older than schema 1.1)."""
    next_trip: Trip | None = None
    """The earliest trip, among the person's reports, that has not started yet."""
    html: Path | None = None
    """The person's HTML report beside the JSON (same name, .html), when there is one."""

    @property
    def change(self) -> int | None:
        if self.previous is None or self.previous.score is None or self.latest.score is None:
            return None
        return self.latest.score - self.previous.score

    @property
    def serious(self) -> int:
        """Critical and high problems: what decides who needs help first."""
        return self.problems.get("critical", 0) + self.problems.get("high", 0)

    def days_to_trip(self, as_of: date) -> int | None:
        return None if self.next_trip is None else (self.next_trip.depart - as_of).days


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
    sort: str = "need"


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


def collect(paths: Sequence[Path], *, lang: str, today: date | None = None, sort: str = "need",
            person_of: Callable[[str | None], str | None] | None = None) -> Summary:
    """Read the reports under `paths` and summarize them per person, in the order `sort` (`SORTS`).

    `person_of` names the person a label belongs to (aliases; default: the label itself).
    """
    as_of = today or localtime.today()  # the reader's date, from the clock tests can freeze
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
        name = entry.label if person_of is None else person_of(entry.label)
        by_person.setdefault(name, []).append(entry)
        del findings  # nothing parsed is kept: a person's latest file is read again for its findings
    people: list[Person] = []
    for label, reports in by_person.items():
        reports.sort(key=lambda e: e.order, reverse=True)
        person = _person(label, reports, lang=lang, as_of=as_of, bad=bad)
        if person is not None:
            people.append(person)
    people.sort(key=_SORT_KEYS[sort](as_of))
    # Files that parsed but whose findings turned out broken when shown are not counted as reports.
    unusable = len(bad) - (len(files) - readable)
    return Summary(tuple(people), tuple(sorted(bad, key=lambda b: str(b.path))), as_of, readable - unusable, sort)


def _by_name(person: Person) -> tuple[bool, str, str]:
    return person.label is None, (person.label or "").casefold(), person.label or ""


def _by_need(as_of: date) -> Callable[[Person], tuple[Any, ...]]:
    """Most critical and high problems first, then the lowest score (no score: not enough answers, also
    someone to help), then the sooner trip, then the name."""
    def key(person: Person) -> tuple[Any, ...]:
        score = -1 if person.latest.score is None else person.latest.score
        trip = person.days_to_trip(as_of)
        return (-person.serious, score, 10_000 if trip is None else trip, *_by_name(person))

    return key


_SORT_KEYS: dict[str, Callable[[date], Callable[[Person], tuple[Any, ...]]]] = {
    "need": _by_need,
    "score": lambda as_of: lambda p: (-1 if p.latest.score is None else p.latest.score, *_by_name(p)),
    "name": lambda as_of: _by_name,
    "date": lambda as_of: lambda p: (p.latest.generated_at, *_by_name(p)),
    "trip": lambda as_of: lambda p: (10_000 if p.days_to_trip(as_of) is None else p.days_to_trip(as_of),
                                     *_by_name(p)),
}


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
    if grade is None:
        grade = "-"  # not graded: too little could be assessed
    if not isinstance(grade, str) or len(grade) > 2:
        raise _invalid(path, "grade", _("expected a grade such as \"B\""))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise _invalid(path, "findings", _("expected a list of findings"))
    trip = _trip(data.get("travel"))
    checks = data.get("checks")
    trip_only = trip is not None and isinstance(checks, list) and bool(checks) and all(
        isinstance(check, dict) and check.get("category") == "travel" for check in checks)
    # The file's texts are shown on a terminal and in HTML: no escape codes get through.
    shown_label = printable(label, one_line=True) if label else None
    return Entry(path, shown_label, generated, score, grade, trip, trip_only), findings


def _trip(travel: object) -> Trip | None:
    """The trip of a report's ``travel`` (destination and departure); None when absent or unreadable (the
    trip is extra information: a report without one is still summarized)."""
    if not isinstance(travel, dict):
        return None
    destination, depart = travel.get("destination"), travel.get("depart")
    if not isinstance(destination, str) or not isinstance(depart, str) or len(destination) > 3:
        return None
    try:
        return Trip(destination, date.fromisoformat(depart))
    except ValueError:
        return None


def _person(label: str | None, reports: list[Entry], *, lang: str, as_of: date,
            bad: list[BadFile]) -> Person | None:
    """The person's row from their newest audit whose findings are usable (others go to `bad`); a trip
    report stands in only when the person has no audit."""
    audits = [entry for entry in reports if not entry.trip_only] or reports
    upcoming = [entry.trip for entry in reports if entry.trip is not None and entry.trip.depart >= as_of]
    next_trip = min(upcoming, key=lambda trip: trip.depart) if upcoming else None
    for index, latest in enumerate(audits):
        try:
            data_findings, unknown = _findings_of(latest.path)
            worst, problems = _worst_findings(latest.path, data_findings, lang)
        except InputError as error:
            bad.append(BadFile(latest.path, _first_message(error)))
            continue
        rest = audits[index + 1:]
        previous = next((e for e in rest if e.generated_at < latest.generated_at), None)
        days = max(0, (as_of - local_date(latest.generated_at)).days)
        html = latest.path.with_suffix(".html")
        return Person(label, latest, previous, len(reports) - index, worst, days, problems, unknown, next_trip,
                      html if html.is_file() else None)
    return None


def _findings_of(path: Path) -> tuple[list[Any], int | None]:
    """The findings of a report file and its number of "don't know" answers (None before schema 1.1)."""
    data = read_json(path)
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list):
        raise _invalid(path, "findings", _("expected a list of findings"))
    unknown = data.get("unknown_answers")
    return findings, len(unknown) if isinstance(unknown, list) else None


def _worst_findings(path: Path, findings: list[Any], lang: str) -> tuple[tuple[WorstFinding, ...], dict[str, int]]:
    """The worst problems (fix first, then the more severe, then more points) and the problems by severity."""
    problems: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = []
    counts = dict.fromkeys(COUNTED, 0)
    for index, finding in enumerate(findings):
        where = f"findings[{index}]"
        if not isinstance(finding, dict):
            raise _invalid(path, where, _("expected an object"))
        status, severity = finding.get("status"), finding.get("severity")
        if status not in _STATUSES:
            raise _invalid(path, where + ".status", _("expected one of: {values}", values=_STATUS_LIST))
        if severity not in _SEVERITIES:
            raise _invalid(path, where + ".severity", _("expected one of: {values}", values=_SEVERITY_LIST))
        for key in ("check_id", "code", "title"):
            if not isinstance(finding.get(key), str):
                raise _invalid(path, f"{where}.{key}", _("expected a text"))
        points, maximum = finding.get("points"), finding.get("max_points")
        if not (_whole(points) and _whole(maximum)):
            raise _invalid(path, where + ".points", _("expected whole numbers"))
        if status in _PROBLEM_RANK:
            at_stake = maximum - points
            problems.append(((_PROBLEM_RANK[status], -_SEVERITIES[severity].rank, -at_stake, index), finding))
            if severity in counts:
                counts[severity] += 1
    problems.sort(key=lambda item: item[0])
    worst = tuple(
        WorstFinding(printable(f["check_id"], one_line=True), printable(f["code"], one_line=True), f["status"],
                     f["severity"], printable(_title(f, lang), one_line=True))
        for _key, f in problems[:WORST]
    )
    return worst, counts


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
_MARK = {"fail": "✗", "warn": "!"}
_COUNT_TITLES = {"critical": T_CRITICAL, "high": T_HIGH, "medium": T_MEDIUM, "low": T_LOW}


def _name(person: Person, t: Texts) -> str:
    return person.label if person.label is not None else t(T_NO_LABEL)


def _change_text(change: int | None) -> str:
    if change is None:
        return "-"
    return f"{change:+d}" if change else "±0"


def _date_text(entry: Entry) -> str:
    return local_date(entry.generated_at).isoformat()


def _score_text(person: Person) -> str:
    return "-" if person.latest.score is None else str(person.latest.score)


def _unknown_text(person: Person) -> str:
    return "-" if person.unknown is None else str(person.unknown)


def _trip_text(person: Person, as_of: date, t: Texts, *, dated: bool = False) -> str:
    """The next trip: "TW in 12 days" (in a table), or with its date (on a card)."""
    days = person.days_to_trip(as_of)
    if person.next_trip is None or days is None:
        return "-"
    trip = person.next_trip
    if days == 0:
        return t(fill(T_TRIP_TODAY, code=trip.destination))
    if dated:
        return t(fill(T_TRIP_DATE, code=trip.destination, date=trip.depart.isoformat(), days=days))
    return t(fill(T_TRIP_VALUE, code=trip.destination, days=days))


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
        "sort": summary.sort,
        "reports": summary.reports,
        "people": [
            {
                "label": p.label,
                "latest": p.latest.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "file": str(p.latest.path),
                "html": None if p.html is None else str(p.html),
                "score": p.latest.score,
                "grade": p.latest.grade,
                "previous_score": None if p.previous is None else p.previous.score,
                "change": p.change,
                "days_since_last_audit": p.days_since,
                "reports": p.reports,
                "problems": {severity: p.problems.get(severity, 0) for severity in COUNTED},
                "unknown_answers": p.unknown,
                "next_trip": None if p.next_trip is None else {
                    "destination": p.next_trip.destination, "depart": p.next_trip.depart.isoformat(),
                    "days_until": p.days_to_trip(summary.as_of)},
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


def _columns(summary: Summary, t: Texts) -> tuple[list[str], list[list[str]]]:
    # The grade and the change share the score's column ("70 C +15"): the table fits in 100 columns.
    headers = [t(m) for m in (T_PERSON, T_SCORE, *_COUNT_TITLES.values(), T_UNKNOWN, T_TRIP, T_DAYS)]
    rows = [[_name(p, t), _score_cell(p),
             *(str(p.problems.get(severity, 0)) for severity in COUNTED), _unknown_text(p),
             _trip_text(p, summary.as_of, t), str(p.days_since)] for p in summary.people]
    return headers, rows


def render_table(summary: Summary, *, lang: str, width: int = FILE_WIDTH) -> str:
    """The people in order of need (or `--sort`): a table of the figures, then what needs attention."""
    t = Texts(lang)
    lines = [t(T_TITLE), t(fill(T_AS_OF, date=summary.as_of.isoformat(), people=len(summary.people),
                                  reports=summary.reports))]
    if summary.sort == "need":
        lines.extend(wrap(t(T_ORDER), width))
    lines.append("")
    headers, rows = _columns(summary, t)
    if rows:
        table = _table(headers, rows, width)
        if table is not None:
            lines.append(table)
            lines.extend(["", t(T_WORST)])
            for person in summary.people:
                lines.extend(wrap(_name(person, t), width, "  "))
                lines.extend(_worst_lines(person, t, width, "    ", "      "))
        else:
            # Too narrow for a table: one block per person, in the same order.
            for row, person in zip(rows, summary.people, strict=True):
                lines.extend(wrap(row[0], width))
                line = ""
                for fact in (f"{name}: {value}" for name, value in zip(headers[1:], row[1:], strict=True)):
                    if line and cells(line) + 3 + cells(fact) > width:
                        lines.append(line)
                        line = ""
                    line = f"{line} · {fact}" if line else f"  {fact}"
                lines.append(line)
                lines.extend(_worst_lines(person, t, width, "  ", "    "))
                lines.append("")
    lines.extend(["", *wrap(t(T_HOW), width)])
    if summary.bad:
        lines.extend(["", t(T_SKIPPED), *wrap(t(T_FILES_INTRO), width)])
        for item in summary.bad:
            lines.extend(wrap(t(item.reason), width, "  - ", "    "))
    return "\n".join(lines) + "\n"


def _score_cell(person: Person) -> str:
    """Score, grade and the change since the previous report: "70 C +15"."""
    if person.latest.score is None:
        return "-"
    change = "" if person.change is None else f" {_change_text(person.change)}"
    return f"{person.latest.score} {person.latest.grade}{change}"


def _table(headers: list[str], rows: list[list[str]], width: int) -> str | None:
    """The table, or None when it is wider than `width` cells (then one block per person)."""
    from tabulate import tabulate  # noqa: PLC0415

    table = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                     colalign=["left", "right", *("right",) * len(COUNTED), "right", "left", "right"])
    return table if max(cells(line) for line in table.splitlines()) <= width else None


def _worst_lines(person: Person, t: Texts, width: int, indent: str, rest: str) -> list[str]:
    if not person.worst:
        return [f"{indent}{t(T_NOTHING)}"]
    return [line for w in person.worst for line in wrap(f"{_MARK[w.status]} {w.title}", width, indent, rest)]


_GRADE_CLASS = {"A": "pass", "B": "pass", "C": "warn", "D": "warn", "F": "fail"}

_CARDS_CSS = """
.people { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 1rem; padding: 0;
  list-style: none; }
.person { border: 1px solid #d0d0d0; border-left: 6px solid #595959; border-radius: 6px; padding: .7rem .9rem; }
.person.fail { border-left-color: #b3261e; } .person.warn { border-left-color: #8a4b00; }
.person.pass { border-left-color: #1d6b34; }
.person h2 { margin: 0 0 .3rem; border: 0; font-size: 1.2rem; display: flex; gap: .6rem; align-items: baseline;
  flex-wrap: wrap; }
.person .grade { font-size: 1rem; }
.person dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .8rem; margin: .3rem 0; }
.person dt { color: #4d4d4d; } .person dd { margin: 0; font-variant-numeric: tabular-nums; }
.person ul { padding-left: 1.1rem; margin: .3rem 0; }
@media print { .people { display: block; } .person { break-inside: avoid; margin-bottom: .6rem; } }
"""


def render_html(summary: Summary, *, lang: str) -> str:
    """One card per person, the person who needs help first: readable on a phone, where a table of
    eleven columns would be squeezed."""
    from kakaoaudit.formats.html import stylesheet  # noqa: PLC0415

    t = Texts(lang)

    def e(text: Msg | str) -> str:
        return escape(text if isinstance(text, str) else t(text), quote=True)

    as_of = fill(T_AS_OF, date=summary.as_of.isoformat(), people=len(summary.people), reports=summary.reports)
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(T_TITLE)}</title>", f"<style>{stylesheet()}{_CARDS_CSS}</style>", "</head>", "<body>", "<main>",
           f"<h1>{e(T_TITLE)}</h1>", f"<p>{e(as_of)}</p>"]
    if summary.sort == "need":
        out.append(f'<p class="muted">{e(T_ORDER)}</p>')
    if summary.people:
        out.append('<ol class="people">')
        for p in summary.people:
            kind = _GRADE_CLASS.get(p.latest.grade, "skipped")
            grade = (f'<span class="badge grade {kind}">{e(T_GRADE)} {escape(p.latest.grade)}</span>'
                     f'<span>{e(T_SCORE)} {_score_text(p) + ("" if p.latest.score is None else "/100")}</span>')
            facts = [(T_CHANGE, _change_text(p.change)), (T_DAYS, str(p.days_since)),
                     (T_PROBLEMS, " · ".join(f"{t(title)} {p.problems.get(sev, 0)}"
                                             for sev, title in _COUNT_TITLES.items())),
                     (T_UNKNOWN, _unknown_text(p)), (T_TRIP, _trip_text(p, summary.as_of, t, dated=True))]
            worst = "".join(
                f'<li><span class="badge {escape(w.status)}">{escape(_MARK[w.status])} '
                f"{e(Status(w.status).label)}</span>{escape(w.title)}</li>"
                for w in p.worst
            ) or f"<li>{e(T_NOTHING)}</li>"
            link = (f'<p><a href="{escape(p.html.name, quote=True)}">{e(T_REPORT_LINK)}</a></p>'
                    if p.html is not None else "")
            out.append(
                f'<li class="person {kind}"><h2>{escape(_name(p, t))} {grade}</h2>'
                "<dl>" + "".join(f"<dt>{e(name)}</dt><dd>{escape(value)}</dd>" for name, value in facts) + "</dl>"
                f'<h3 class="sr-only">{e(T_WORST)}</h3><ul>{worst}</ul>{link}</li>'
            )
        out.append("</ol>")
    out.append(f'<p class="muted">{e(T_HOW)}</p>')
    if summary.bad:
        out += [f"<h2>{e(T_SKIPPED)}</h2>", f"<p>{e(T_FILES_INTRO)}</p>", "<ul>",
                *[f"<li>{e(item.reason)}</li>" for item in summary.bad], "</ul>"]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
