"""Suppressions: findings the user chose to set aside for a while, with a reason and an expiry date.

In the answers file::

    [suppress]
    KA401 = { reason = "Backup email next month, with my daughter", expires = 2027-03-01 }
    "KA401.backup-email-missing" = { reason = "...", expires = 2027-03-01 }

A key is a check ID (every warn/fail/unknown finding of that check) or ``ID.code`` (only that
finding; the more specific entry wins). `reason` is required (1-200 characters) and so is
`expires`, a date at most 365 days after today.

Time: a suppression holds until the END of its expiry date in the user's local time zone, and
the finding counts again from the first instant of the next day. Every function takes `now`
(aware) and `zone` (None: the system's local time), so the boundary is testable at 23:59/00:01
and in any zone.

An expiry date that has passed is not an error: the finding simply counts again and the report
says so in a note. A date that was ALREADY past when the file was last saved (its modification
time) is a mistake, a typo in the year most likely, and is refused, as is a date more than a year
ahead: a suppression is a reminder to come back, not a way to forget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, Final, NamedTuple

from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.localtime import end_of_local_day, local, local_date
from kakaoaudit.core.model import Finding, Report, Status, Suppressed
from kakaoaudit.core.scoring import CheckInfo, score

_ = translator("kakaoaudit.suppress")

__all__ = [
    "MAX_DAYS_AHEAD",
    "MAX_REASON",
    "SECTION",
    "SUPPRESSIBLE",
    "Suppression",
    "Suppressions",
    "apply",
    "parse_section",
    "section_parser",
]

#: The answers file's table of suppressions.
SECTION: Final = "suppress"
#: Longest reason, in characters.
MAX_REASON: Final = 200
#: Latest expiry date, in days after today.
MAX_DAYS_AHEAD: Final = 365
#: Statuses a suppression sets aside; a pass needs none, and skipped/error findings say the
#: check did not run, which no suppression should hide.
SUPPRESSIBLE: Final = frozenset({Status.WARN, Status.FAIL, Status.UNKNOWN})

_FIELDS: Final = ("reason", "expires")
_CHECK_ID = re.compile(r"^[A-Za-z]{2,5}\d{3}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EXAMPLE: Final = 'KA401 = { reason = "...", expires = YYYY-MM-DD }'


class Suppression(NamedTuple):
    """One entry of ``[suppress]``."""

    check_id: str
    code: str | None
    """None: every suppressible finding of the check."""
    reason: str
    expires: date
    """The last day it holds (to the end of that day, local time)."""

    @property
    def target(self) -> str:
        """How the user wrote it: ``KA401`` or ``KA401.backup-email-missing``."""
        return self.check_id if self.code is None else f"{self.check_id}.{self.code}"

    def active(self, now: datetime, zone: tzinfo | None = None) -> bool:
        """True until the end of the expiry date in the user's time zone."""
        return now < end_of_local_day(self.expires, zone)

    def matches(self, finding: Finding) -> bool:
        return finding.check_id == self.check_id and self.code in (None, finding.code)


class Suppressions(NamedTuple):
    """The parsed ``[suppress]`` section and the file it came from."""

    source: Path
    entries: tuple[Suppression, ...]


def section_parser(
    known_ids: Collection[str], now: datetime, zone: tzinfo | None = None
) -> Callable[[Any, Path], Suppressions]:
    """A parser for `kakaoaudit.core.answers.load_answers_file(sections={"suppress": ...})`."""

    def parse(raw: Any, path: Path) -> Suppressions:
        return parse_section(raw, path, known_ids=known_ids, now=now, zone=zone)

    return parse


def parse_section(
    raw: Any,
    path: Path,
    *,
    known_ids: Collection[str],
    now: datetime,
    zone: tzinfo | None = None,
    saved_at: datetime | None = None,
) -> Suppressions:
    """Validate the raw ``[suppress]`` table; `InputError` lists every bad entry.

    `saved_at` is when the file was last saved (default: its modification time; `now` for text
    that is not a file, or when the clock of the file is ahead of ours).
    """
    if now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    file = str(path)
    if not isinstance(raw, dict):
        raise InputError(_("{file}: [suppress] must be a table of entries like {example}", file=file,
                           example=_EXAMPLE))
    saved = min(saved_at or _modified(path) or now, now)
    today = local_date(now, zone)
    ids = {check_id.upper(): check_id for check_id in known_ids}
    entries: list[Suppression] = []
    problems: list[Msg] = []
    seen: set[tuple[str, str | None]] = set()
    for key, value in _entries(raw):
        entry, entry_problems = _parse_entry(key, value, file, ids=ids, today=today, saved=saved, zone=zone)
        problems.extend(entry_problems)
        if entry is None:
            continue
        if (entry.check_id, entry.code) in seen:
            problems.append(_("{file}: [suppress] {key}: {target} is suppressed twice; keep one entry",
                              file=file, key=key, target=entry.target))
            continue
        seen.add((entry.check_id, entry.code))
        entries.append(entry)
    if problems:
        raise InputError(*problems)
    return Suppressions(path, tuple(entries))


def apply(report: Report, suppressions: Suppressions | None, *, now: datetime, zone: tzinfo | None = None) -> Report:
    """The report with the active suppressions' findings set aside (not scored) and notes.

    Notes say which suppressions have expired (their findings count again) and which matched
    nothing in an audit where their check ran (fixed, or a misspelt code).
    """
    if suppressions is None or not suppressions.entries:
        return report
    active = [s for s in suppressions.entries if s.active(now, zone)]
    kept: list[Finding] = []
    set_aside: list[Suppressed] = []
    used: set[Suppression] = set()
    for finding in report.findings:
        rule = _rule_for(finding, active)
        if rule is None:
            kept.append(finding)
            continue
        used.add(rule)
        set_aside.append(Suppressed(finding, rule.reason, rule.expires))
    notes = list(report.notes)
    file = str(suppressions.source)
    ran = {check.check_id for check in report.checks}
    for entry in suppressions.entries:
        if entry not in active:
            notes.append(_("The suppression of {target} ended on {date}, so its findings count again. Give it a "
                           "new date or remove it from {file}.", target=entry.target,
                           date=entry.expires.isoformat(), file=file))
        elif entry not in used and entry.check_id in ran:
            notes.append(_("{target} is suppressed until {date}, but this audit found nothing to set aside (it "
                           "is fixed, or the code is misspelt); you can remove it from {file}.",
                           target=entry.target, date=entry.expires.isoformat(), file=file))
    if not set_aside:
        return replace(report, notes=tuple(notes))
    infos = [CheckInfo(c.check_id, c.title, c.category, c.weight) for c in report.checks]
    scored = score(infos, kept)
    return replace(
        report,
        findings=tuple(kept),
        suppressed=(*report.suppressed, *set_aside),
        notes=tuple(notes),
        score=scored.score,
        grade=scored.grade,
        grade_capped=scored.grade_capped,
        categories=scored.categories,
        checks=scored.checks,
        top_actions=scored.top_actions,
        coverage=scored.coverage,
    )


# --------------------------------------------------------------------------- helpers


def _rule_for(finding: Finding, active: list[Suppression]) -> Suppression | None:
    if finding.status not in SUPPRESSIBLE:
        return None
    matching = [s for s in active if s.matches(finding)]
    # The entry naming the finding's code is more specific than the one naming the whole check.
    matching.sort(key=lambda s: s.code is None)
    return matching[0] if matching else None


def _modified(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except (OSError, ValueError, OverflowError):
        return None  # not a real file (a built-in profile) or an unreadable time


def _entries(raw: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(key, value) per entry; ``KA401 = { x = {...} }`` (a dotted TOML key or a nested table)
    yields ``KA401.x`` so that every way of writing ``ID.code`` in TOML works."""
    for key, value in raw.items():
        if isinstance(value, dict):
            fields = {k: v for k, v in value.items() if not isinstance(v, dict) or k in _FIELDS}
            nested = {k: v for k, v in value.items() if k not in fields}
            if fields or not nested:
                yield str(key), fields
            for code, child in nested.items():
                yield f"{key}.{code}", child
        else:
            yield str(key), value


def _parse_entry(
    key: str,
    value: Any,
    file: str,
    *,
    ids: Mapping[str, str],
    today: date,
    saved: datetime,
    zone: tzinfo | None,
) -> tuple[Suppression | None, list[Msg]]:
    problems: list[Msg] = []
    raw_id, sep, code = key.partition(".")
    check_id = ids.get(raw_id.upper())
    if check_id is None:
        problems.append(_unknown_check(file, key, raw_id, ids))
    if sep and not _CODE.match(code):
        problems.append(_("{file}: [suppress] {key}: '{code}' is not a finding code; write ID.code as in the "
                          "JSON report, e.g. \"KA401.backup-email-missing\"", file=file, key=key, code=code))
    if not isinstance(value, dict):
        problems.append(_("{file}: [suppress] {key}: expected a table like {example}, got {value}", file=file,
                          key=key, example=_EXAMPLE, value=_shown(value)))
        return None, problems
    for name in value:
        if name not in _FIELDS:
            problems.append(_("{file}: [suppress] {key}: unknown field '{field}'; an entry has only reason and "
                              "expires", file=file, key=key, field=str(name)))
    reason = _reason(value.get("reason"), file, key, problems)
    expires = _expires(value.get("expires"), file, key, today=today, saved=saved, zone=zone, problems=problems)
    if problems or check_id is None or reason is None or expires is None:
        return None, problems
    return Suppression(check_id, code if sep else None, reason, expires), problems


def _unknown_check(file: str, key: str, raw_id: str, ids: Mapping[str, str]) -> Msg:
    if not _CHECK_ID.match(raw_id):
        return _("{file}: [suppress] {key}: a key is a check ID such as KA401, or ID.code such as "
                 "\"KA401.backup-email-missing\"", file=file, key=key)
    import difflib  # noqa: PLC0415 - only for a name that is not valid

    nearest = difflib.get_close_matches(raw_id.upper(), list(ids), n=1, cutoff=0.6)
    if nearest:
        return _("{file}: [suppress] {key}: no installed check has the ID {id}; did you mean {suggestion}?",
                 file=file, key=key, id=raw_id, suggestion=ids[nearest[0]])
    return _("{file}: [suppress] {key}: no installed check has the ID {id}; 'kakaoaudit checks' lists them",
             file=file, key=key, id=raw_id)


def _reason(raw: Any, file: str, key: str, problems: list[Msg]) -> str | None:
    if raw is None:
        problems.append(_("{file}: [suppress] {key}: a reason is required: say why you accept this for now "
                          "(at most {limit} characters)", file=file, key=key, limit=MAX_REASON))
        return None
    if not isinstance(raw, str):
        problems.append(_("{file}: [suppress] {key}: reason: expected text in quotes, got {value}", file=file,
                          key=key, value=_shown(raw)))
        return None
    reason = " ".join(raw.split())
    if not reason:
        problems.append(_("{file}: [suppress] {key}: the reason is empty; say why you accept this for now",
                          file=file, key=key))
        return None
    if len(reason) > MAX_REASON:
        problems.append(_("{file}: [suppress] {key}: the reason has {length} characters; at most {limit} "
                          "are allowed", file=file, key=key, length=len(reason), limit=MAX_REASON))
        return None
    if _CONTROL.search(reason):
        problems.append(_("{file}: [suppress] {key}: the reason contains control characters", file=file, key=key))
        return None
    return reason


def _expires(
    raw: Any,
    file: str,
    key: str,
    *,
    today: date,
    saved: datetime,
    zone: tzinfo | None,
    problems: list[Msg],
) -> date | None:
    latest = today + timedelta(days=MAX_DAYS_AHEAD)
    if raw is None:
        problems.append(_("{file}: [suppress] {key}: an expiry date is required: expires = YYYY-MM-DD, at "
                          "most one year ahead (until {latest})", file=file, key=key, latest=latest.isoformat()))
        return None
    day = _as_date(raw)
    if day is None:
        problems.append(_("{file}: [suppress] {key}: expires: expected a date YYYY-MM-DD (without a time), got "
                          "{value}", file=file, key=key, value=_shown(raw)))
        return None
    if day > latest:
        problems.append(_("{file}: [suppress] {key}: expires {date} is more than one year ahead; the latest "
                          "date allowed today is {latest}", file=file, key=key, date=day.isoformat(),
                          latest=latest.isoformat()))
        return None
    if end_of_local_day(day, zone) <= saved:
        problems.append(_("{file}: [suppress] {key}: expires {date} was already past when the file was last "
                          "saved ({saved}); give a date from today on, at most one year ahead, or remove the "
                          "entry", file=file, key=key, date=day.isoformat(),
                          saved=local(saved, zone).strftime("%Y-%m-%d %H:%M")))
        return None
    return day


def _as_date(raw: Any) -> date | None:
    if isinstance(raw, datetime):
        return None  # a time of day would suggest a precision the rule (end of the day) does not have
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            return None
    return None


def _shown(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, dict):
        return "a table"
    if isinstance(raw, list):
        return "a list"
    text = repr(raw) if isinstance(raw, str) else str(raw)
    return text if len(text) <= 40 else text[:37] + "..."
