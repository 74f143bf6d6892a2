"""Audit history: every report kakaoaudit writes, kept in one SQLite file so runs can be compared.

People run kakaoaudit every few months; the history answers "what changed since last time?".
This module is storage only and free of i18n: it raises `HistoryError` with a machine-readable
`kind` and an English `detail`, and the command line translates both.

The file holds reports that the caller has already redacted (no password, no hashes, contacts
masked), but it still describes someone's account, so it is created 0600 on POSIX, deleted rows
are overwritten (`secure_delete`), and `add()` refuses anything that looks like a secret.

Design notes:

* Short-lived connections, opened per operation: no handle stays open between calls, so
  `forget()` and `move_aside()` also work on Windows, and several processes can share the file.
  A file is first inspected read-only, so one we refuse is never written to.
* WAL journal, `busy_timeout`, `BEGIN IMMEDIATE` for every write and a bounded retry on
  "database is locked": concurrent runs queue up instead of failing or losing a row.
* `PRAGMA application_id` marks the file as ours, `PRAGMA user_version` is the schema version,
  and `_MIGRATIONS` upgrades older files inside one transaction. Files we cannot read safely
  (damaged, someone else's, from a newer kakaoaudit) are refused, never repaired or emptied:
  `move_aside()` renames them so the user keeps the bytes.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, get_args
from urllib.request import pathname2url

from kakaoaudit.core import localtime
from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.inputs import remember

__all__ = [
    "APPLICATION_ID",
    "DISK_FULL",
    "HISTORY_FILENAME",
    "KINDS",
    "REASON_CHECK_ADDED",
    "REASON_CHECK_REMOVED",
    "SCHEMA_VERSION",
    "SUPPRESSED",
    "Diff",
    "Entry",
    "FindingChange",
    "HistoryError",
    "HistoryStore",
    "NotOurs",
    "default_path",
    "sparkline",
]

#: Schema version of the history file, stored in `PRAGMA user_version`; equals len(_MIGRATIONS).
SCHEMA_VERSION: Final = 2
#: `PRAGMA application_id` of a kakaoaudit history file: "KAKA" in ASCII.
APPLICATION_ID: Final = 0x4B414B41
#: File name of the history inside the data directory.
HISTORY_FILENAME: Final = "history.sqlite3"

#: `FindingChange.reason` when a finding is gone because its check no longer ran at all.
REASON_CHECK_REMOVED: Final = "check removed"
#: `FindingChange.reason` when a finding is new because its check did not run before.
REASON_CHECK_ADDED: Final = "check added"
#: The status a diff gives a finding the user suppressed (set aside, not scored) in that report.
SUPPRESSED: Final = "suppressed"

#: `HistoryError.detail` of an "io" error when the disk (or the user's quota) is full.
DISK_FULL: Final = "the disk is full"
#: Why a file is not deleted as the history: not an SQLite file, another program's database, a
#: database that cannot be told to be kakaoaudit's, or a file that cannot be read to tell.
NotOurs = Literal["not sqlite", "foreign", "unrecognised", "unreadable"]
#: The first 16 bytes of every SQLite database file.
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"

HistoryErrorKind = Literal["corrupt", "foreign", "newer", "readonly", "permission", "locked", "io"]
#: Every `HistoryError.kind`.
KINDS: Final[frozenset[str]] = frozenset(get_args(HistoryErrorKind))

# SQLite files created by kakaoaudit hold account details: owner only. The -wal and -shm
# files inherit the main file's mode (SQLite copies it), so setting it here covers them too.
_FILE_MODE: Final = 0o600
_DIR_MODE: Final = 0o700
_SIDECARS: Final = ("-wal", "-shm", "-journal")

# Backoff between retries on "database is locked", on top of SQLite's own busy_timeout.
_BACKOFF_FIRST: Final = 0.01
_BACKOFF_MAX: Final = 0.5

# Keys that must never reach the history, matched case-insensitively anywhere in a key name.
# Deliberately broad ("hash" also matches "password_hash", "hashPrefix"): a false positive is
# a loud ValueError during development, a false negative is a leaked secret on disk.
_SECRET_KEY = re.compile(r"password|passwd|sha-?1|hash", re.IGNORECASE)

_BAD: Final = frozenset({"warn", "fail"})
_GOOD: Final = frozenset({"pass"})
_SPARK_BLOCKS: Final = "▁▂▃▄▅▆▇█"

_T = TypeVar("_T")


class HistoryError(KakaoauditError):
    """The history file cannot be used; `kind` says why, `detail` says it in English.

    Kinds: ``corrupt`` (damaged, or not an SQLite file), ``foreign`` (an SQLite file of another
    program), ``newer`` (written by a newer kakaoaudit), ``readonly`` (the file or its folder
    cannot be written), ``permission`` (the system denied access), ``locked`` (another process
    kept it busy past the timeout), ``io`` (any other I/O failure).
    """

    def __init__(self, kind: HistoryErrorKind, detail: str, path: Path) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown HistoryError kind {kind!r}")
        self.kind: HistoryErrorKind = kind
        self.detail = detail
        self.path = path
        super().__init__(f"{detail} ({path})")

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions with keyword-less custom __init__ args do not survive pickling otherwise
        # (multiprocessing sends exceptions back to the parent).
        return (type(self), (self.kind, self.detail, self.path))


def default_path() -> Path:
    """Where the history lives: ``$KAKAOAUDIT_HOME/history.sqlite3`` if that variable is set and
    not empty, else ``history.sqlite3`` in the platform's user data directory."""
    from kakaoaudit.core.home import data_dir  # noqa: PLC0415

    return data_dir() / HISTORY_FILENAME


@dataclass(frozen=True)
class Entry:
    """One stored report, without its body: what lists and trends need."""

    id: int
    generated_at: datetime  # aware, UTC
    score: int | None
    grade: str
    label: str | None
    tool_version: str


@dataclass(frozen=True)
class FindingChange:
    """How one finding, identified by (check_id, code), differs between two reports.

    `before` and `after` hold the finding's ``status``, ``severity``, ``points`` and ``title`` on
    each side, or None where the finding is absent. `reason` is `REASON_CHECK_REMOVED` or
    `REASON_CHECK_ADDED` when the whole check is absent on one side, else None.
    """

    check_id: str
    code: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None = None


@dataclass(frozen=True)
class Diff:
    """What changed from report `old` to report `new`.

    * `fixed`: warn/fail before; pass now, or absent now (its check removed, or it no longer
      reports that code).
    * `new_findings`: warn/fail now; pass or absent before.
    * `changed`: every other difference in status, severity or points where one side is not a
      pass: warn <-> fail, a change of severity or points, and anything to or from
      unknown/skipped/error (a check that could not run neither fixed nor caused anything);
      also unknown/skipped/error findings that appear or disappear.
    * `unchanged_count`: findings present in both reports and in none of the above.

    A finding the user suppressed in a report has the status `SUPPRESSED` there, so "fail, then
    suppressed" (and back) is a change, never "fixed" or "new".

    Findings that pass on one side and are absent on the other are not reported. Titles are not
    compared: they are translated, and the language may differ between runs.
    """

    old: Entry
    new: Entry
    fixed: tuple[FindingChange, ...]
    new_findings: tuple[FindingChange, ...]
    changed: tuple[FindingChange, ...]
    unchanged_count: int


def sparkline(scores: Sequence[int | None], *, missing: str = "·") -> str:
    """One character per score on a fixed 0-100 scale: ▁ for 0-12, ... █ for 88-100.

    The scale is fixed rather than min-max so that 70, 71, 72 looks flat, as it is. Scores
    outside 0-100 are clamped; None (an audit without a score) shows as `missing`.
    """
    out = []
    for score in scores:
        if score is None:
            out.append(missing)
            continue
        clamped = max(0, min(100, score))
        # Eight equal bins of 12.5 points; 100 belongs in the top bin.
        out.append(_SPARK_BLOCKS[min(7, clamped * 8 // 100)])
    return "".join(out)


# --------------------------------------------------------------------------- schema

# Version 1, exactly as released; tests build a v1 file from this text by hand. Never edit a
# released migration: add a new one.
_V1_STATEMENTS: Final = (
    # AUTOINCREMENT: an id is never reused after prune(), so an id noted down by a user can
    # never come to mean another report.
    """CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    generated_at TEXT NOT NULL,
    score INTEGER,
    grade TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    report TEXT NOT NULL
)""",
    "CREATE INDEX reports_by_time ON reports (generated_at, id)",
)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    for statement in _V1_STATEMENTS:
        conn.execute(statement)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Version 2: the label becomes a column (indexed) so that per-account queries are cheap."""
    conn.execute("ALTER TABLE reports ADD COLUMN label TEXT")
    # Backfill in Python rather than json_extract(): older SQLite builds lack JSON functions.
    # A row whose JSON cannot be read keeps a NULL label; it is never dropped.
    rows = conn.execute("SELECT id, report FROM reports").fetchall()
    for row_id, text in rows:
        try:
            label = json.loads(text).get("label")
        except (ValueError, TypeError, AttributeError, RecursionError):
            continue
        if isinstance(label, str):
            conn.execute("UPDATE reports SET label = ? WHERE id = ?", (label, row_id))
    conn.execute("CREATE INDEX reports_by_label ON reports (label, generated_at, id)")


#: _MIGRATIONS[n] upgrades a file from version n to n + 1; run in order in one transaction.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1, _migrate_to_2)
assert len(_MIGRATIONS) == SCHEMA_VERSION

#: The columns of `reports` each version must have; a file of ours without them is damaged.
_COLUMNS: Final[dict[int, frozenset[str]]] = {
    1: frozenset({"id", "generated_at", "score", "grade", "tool_version", "report"}),
    2: frozenset({"id", "generated_at", "score", "grade", "label", "tool_version", "report"}),
}
assert set(_COLUMNS) == set(range(1, SCHEMA_VERSION + 1))
_ExportRow = tuple[int, str, str | None, str]


# --------------------------------------------------------------------------- helpers


def _format_ts(moment: datetime) -> str:
    """The stored form, fixed width: "2026-11-28T21:00:00.000000Z" (always microseconds, always "Z").

    Fixed width makes sorting the text column sort by time ("21:00:00Z" would sort after
    "21:00:00.5Z" otherwise).
    """
    # isoformat() rather than strftime("%Y"): it always pads the year to four digits.
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _parse_ts(text: str) -> datetime:
    return datetime.fromisoformat(text.removesuffix("Z")).replace(tzinfo=timezone.utc)


def _iso(moment: datetime) -> str:
    """Compact ISO 8601 in UTC with a "Z", as in reports."""
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _require_aware(moment: datetime, name: str) -> None:
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


def _parse_report_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("report['generated_at'] must be an ISO 8601 string")
    text = value.strip()
    # datetime.fromisoformat() accepts "Z" only from Python 3.11 on.
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"report['generated_at'] is not ISO 8601: {value!r}") from None
    if moment.utcoffset() is None:
        # A naive time is ambiguous by hours; reports are always written in UTC with "Z".
        raise ValueError(f"report['generated_at'] has no UTC offset: {value!r}")
    return moment.astimezone(timezone.utc)


def _secret_key_path(report: object) -> str | None:
    """The path of the first key that looks like a secret, e.g. ``findings[0].extra.password``."""
    stack: list[tuple[object, str]] = [(report, "report")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and _SECRET_KEY.search(key):
                    return f"{where}.{key}"
                stack.append((value, f"{where}.{key}"))
        elif isinstance(node, (list, tuple)):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(node))
    return None


@dataclass(frozen=True)
class _Row:
    generated_at: str
    score: int | None
    grade: str
    label: str | None
    tool_version: str
    text: str


def _prepare_row(report: object) -> _Row:
    """Validate the keys the history relies on and serialise the report; ValueError if unfit."""
    if not isinstance(report, dict):
        raise ValueError("a report is a dict")
    leaked = _secret_key_path(report)
    if leaked is not None:
        # Name the key, never its value.
        raise ValueError(f"refusing to store a report with a secret-looking key: {leaked}")
    generated_at = _parse_report_time(report.get("generated_at"))
    score = report.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100):
        raise ValueError("report['score'] must be an int from 0 to 100, or None")
    grade = report.get("grade")
    if grade is None:
        grade = "-"  # not graded (too little assessed); the column keeps "-" as schema 1.0 wrote it
    if not isinstance(grade, str):
        raise ValueError("report['grade'] must be a str or None")
    label = report.get("label")
    if label is not None and not isinstance(label, str):
        raise ValueError("report['label'] must be a str or None")
    tool = report.get("tool")
    version = tool.get("version") if isinstance(tool, dict) else None
    if not isinstance(version, str):
        raise ValueError("report['tool']['version'] must be a str")
    findings = report.get("findings")
    if not isinstance(findings, list):
        raise ValueError("report['findings'] must be a list")
    for i, finding in enumerate(findings):
        if not isinstance(finding, dict) or not all(
            isinstance(finding.get(key), str) for key in ("check_id", "code", "status")
        ):
            raise ValueError(f"report['findings'][{i}] needs str check_id, code and status")
    try:
        text = json.dumps(report, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the report is not JSON-serialisable: {exc}") from None
    return _Row(_format_ts(generated_at), score, grade, label, version, text)


def _entry(row: Sequence[Any], path: Path) -> Entry:
    try:
        generated_at = _parse_ts(str(row[1]))
    except ValueError:
        # Only a hand-edited file gets here; say which row rather than skip it.
        raise HistoryError("corrupt", f"entry {row[0]} has an unreadable time {row[1]!r}", path) from None
    return Entry(
        id=int(row[0]),
        generated_at=generated_at,
        score=row[2],
        grade=row[3],
        label=row[4],
        tool_version=row[5],
    )


def _is_busy(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11+
    if isinstance(name, str) and name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return True
    message = str(exc).lower()
    return "database is locked" in message or "database table is locked" in message


def _is_corrupt(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    if isinstance(name, str) and name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    message = str(exc).lower()
    # "Could not decode to UTF-8": a text column holds bytes SQLite never wrote.
    return any(text in message for text in ("not a database", "malformed", "could not decode"))


def _is_readonly(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    if isinstance(name, str) and name.startswith("SQLITE_READONLY"):
        return True
    return "readonly" in str(exc).lower()


def _side(finding: dict[str, Any] | None) -> dict[str, Any] | None:
    if finding is None:
        return None
    return {key: finding.get(key) for key in ("status", "severity", "points", "title")}


def _findings_by_key(report: dict[str, Any]) -> tuple[dict[tuple[str, str, int], dict[str, Any]], set[str]]:
    """Findings keyed by (check_id, code, n) and the set of check ids present.

    n numbers repeated (check_id, code) pairs in order, so that a check reporting the same code
    twice (per device, say) is compared pairwise instead of one silently hiding the other.
    Findings the user suppressed (the report's ``suppressed`` list) take part with the status
    `SUPPRESSED`: a finding set aside is neither fixed nor gone, and its check still ran.
    """
    keyed: dict[tuple[str, str, int], dict[str, Any]] = {}
    seen: Counter[tuple[str, str]] = Counter()
    findings = report.get("findings")
    suppressed = report.get("suppressed")
    set_aside = [
        {**item, "status": SUPPRESSED, "points": None}
        for item in (suppressed if isinstance(suppressed, list) else ())
        if isinstance(item, dict)
    ]
    for finding in [*(findings if isinstance(findings, list) else ()), *set_aside]:
        if not isinstance(finding, dict):
            continue
        pair = (str(finding.get("check_id")), str(finding.get("code")))
        keyed[(pair[0], pair[1], seen[pair])] = finding
        seen[pair] += 1
    return keyed, {check_id for check_id, _ in seen}


def _compare(old: Entry, new: Entry, before: dict[str, Any], after: dict[str, Any]) -> Diff:
    old_findings, old_checks = _findings_by_key(before)
    new_findings, new_checks = _findings_by_key(after)
    fixed: list[FindingChange] = []
    appeared: list[FindingChange] = []
    changed: list[FindingChange] = []
    unchanged = 0
    for key in sorted(old_findings.keys() | new_findings.keys()):
        check_id, code, _ = key
        b, a = old_findings.get(key), new_findings.get(key)
        b_status = b.get("status") if b is not None else None
        a_status = a.get("status") if a is not None else None
        reason = None
        if a is None and check_id not in new_checks:
            reason = REASON_CHECK_REMOVED
        elif b is None and check_id not in old_checks:
            reason = REASON_CHECK_ADDED
        change = FindingChange(check_id, code, _side(b), _side(a), reason)
        if b_status in _BAD and (a is None or a_status in _GOOD):
            fixed.append(change)
        elif a_status in _BAD and (b is None or b_status in _GOOD):
            appeared.append(change)
        elif a is None or b is None:
            # Present on one side only and neither fixed nor new: an unknown/skipped/error
            # finding came or went (worth showing), or a pass did (not worth it).
            if (a_status or b_status) not in _GOOD:
                changed.append(change)
        elif b_status in _GOOD and a_status in _GOOD:
            unchanged += 1
        elif any(b.get(k) != a.get(k) for k in ("status", "severity", "points")):
            changed.append(change)
        else:
            unchanged += 1
    return Diff(old, new, tuple(fixed), tuple(appeared), tuple(changed), unchanged)


# --------------------------------------------------------------------------- the store


class HistoryStore:
    """The history file. Cheap to create: nothing touches the disk until a method is called,
    and nothing is created on disk until the first write (`add`)."""

    #: Rows per read in `export()`; a class attribute so tests can make batches small.
    _EXPORT_BATCH = 200

    def __init__(self, path: Path | None = None, *, timeout: float = 10.0) -> None:
        self._path = Path(path) if path is not None else default_path()
        self._timeout = max(0.0, float(timeout))
        # PRAGMA quick_check reads the whole file: once per store is enough to catch a
        # truncated or damaged file before we write into it.
        self._checked = False

    @property
    def path(self) -> Path:
        """The SQLite file (it may not exist yet)."""
        return self._path

    # ---- public API

    def add(self, report: dict[str, Any]) -> int:
        """Store a report in one transaction and return its id.

        Raises ValueError, before touching the disk, when the report lacks the keys the
        history relies on, is not JSON-serialisable, or has a key anywhere that looks like a
        secret ("password", "passwd", "sha1", "hash": a defence in depth behind redaction).
        """
        row = _prepare_row(report)

        def insert(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "INSERT INTO reports (generated_at, score, grade, label, tool_version, report)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row.generated_at, row.score, row.grade, row.label, row.tool_version, row.text),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

        return self._write(insert)

    def entries(self, label: str | None = None) -> list[Entry]:
        """All entries, oldest first (by generated_at, then id); only `label`'s if given."""

        def query(conn: sqlite3.Connection) -> list[Entry]:
            if label is None:
                rows = conn.execute(
                    "SELECT id, generated_at, score, grade, label, tool_version FROM reports ORDER BY generated_at, id"
                )
            else:
                rows = conn.execute(
                    "SELECT id, generated_at, score, grade, label, tool_version FROM reports WHERE label = ?"
                    " ORDER BY generated_at, id",
                    (label,),
                )
            return [_entry(row, self._path) for row in rows]

        return self._read(query, [])

    def get(self, entry_id: int) -> dict[str, Any]:
        """The stored report with id `entry_id`; LookupError if there is none."""

        def query(conn: sqlite3.Connection) -> dict[str, Any] | None:
            row = conn.execute("SELECT report FROM reports WHERE id = ?", (entry_id,)).fetchone()
            return None if row is None else self._load(row[0], entry_id)

        report = self._read(query, None)
        if report is None:
            raise LookupError(f"no history entry with id {entry_id}")
        return report

    def latest(self, label: str | None = None) -> Entry | None:
        """The newest entry (of `label` if given), or None when there is none."""

        def query(conn: sqlite3.Connection) -> Entry | None:
            return self._latest(conn, label)

        return self._read(query, None)

    def days_since_last(self, now: datetime, label: str | None = None) -> int | None:
        """Whole days from the newest entry (of `label`) to `now`, or None without entries.

        `now` must be timezone-aware. An entry in the future (clock skew) counts as 0 days.
        """
        _require_aware(now, "now")
        last = self.latest(label)
        if last is None:
            return None
        return max(0, (now - last.generated_at).days)

    def diff(self, old_id: int | None = None, new_id: int | None = None) -> Diff:
        """Compare two stored reports; see `Diff` for what goes where.

        `new_id` defaults to the newest entry, `old_id` to the entry just before `new` with the
        same label (so audits of different accounts are not compared with each other); with a
        single account that is simply the last two. LookupError if an id is unknown or there
        are fewer than two entries to compare.
        """

        def query(conn: sqlite3.Connection) -> Diff | None:
            new = self._latest(conn, None) if new_id is None else self._entry_by_id(conn, new_id)
            if new is None:
                return None
            old = self._previous(conn, new) if old_id is None else self._entry_by_id(conn, old_id)
            if old is None:
                return None
            before = self._load(self._report_text(conn, old.id), old.id)
            after = self._load(self._report_text(conn, new.id), new.id)
            return _compare(old, new, before, after)

        result = self._read(query, None)
        if result is None:
            wanted = [i for i in (old_id, new_id) if i is not None]
            if wanted:
                raise LookupError(f"no history entry to compare for id(s) {wanted}")
            raise LookupError("fewer than two history entries to compare")
        return result

    def export(self) -> Iterator[str]:
        """JSON lines, oldest first: ``{"id": .., "generated_at": .., "label": .., "report": {..}}``.

        Each line ends with a newline and is pure ASCII (non-ASCII text is \\u-escaped), so it
        survives any console encoding. Lazy: errors surface on the first `next()`. Reads in
        batches with a fresh connection each, so an abandoned iterator holds no file open.
        """
        cursor: tuple[str, int] | None = None
        while True:
            batch = self._export_page(cursor)
            if not batch:
                return
            for row_id, stamp, label, text in batch:
                line = {
                    "id": row_id,
                    "generated_at": _iso(_parse_ts(stamp)),
                    "label": label,
                    "report": self._load(text, row_id),
                }
                yield json.dumps(line, ensure_ascii=True, separators=(",", ":")) + "\n"
            cursor = (batch[-1][1], batch[-1][0])

    def _export_page(self, after: tuple[str, int] | None) -> list[_ExportRow]:
        def fetch(conn: sqlite3.Connection) -> list[_ExportRow]:
            return self._export_batch(conn, after, self._EXPORT_BATCH)

        empty: list[_ExportRow] = []
        return self._read(fetch, empty)

    def prune(self, before: datetime) -> int:
        """Delete entries generated strictly before `before` (aware); return how many."""
        _require_aware(before, "before")
        if not self._exists():
            return 0  # stays lazy: pruning nothing must not create a file

        def delete(conn: sqlite3.Connection) -> int:
            cursor = conn.execute("DELETE FROM reports WHERE generated_at < ?", (_format_ts(before),))
            return cursor.rowcount

        removed = self._write(delete)
        if removed:
            self._checkpoint()
        return removed

    def not_ours(self, path: Path | None = None) -> NotOurs | None:
        """Why the file `path` (default: the history) must not be deleted as kakaoaudit's history; None
        when it may be.

        It may be when it is empty, or an SQLite database marked with kakaoaudit's application id (in
        its header, or as SQLite reads it with its -wal), or an SQLite database with nothing in it.
        Anything else there (a text file, another program's database, a damaged file that cannot be
        told apart from one) is someone's file and stays.
        """
        target = self._path if path is None else path
        try:
            with open(target, "rb") as handle:
                header = handle.read(100)
        except FileNotFoundError:
            return None
        except OSError:
            return "unreadable"
        if not header:
            return None
        if not header.startswith(_SQLITE_MAGIC):
            return "not sqlite"
        if len(header) >= 72 and int.from_bytes(header[68:72], "big") == APPLICATION_ID:
            return None
        # The header may not be written back yet (a -wal holds the first page): ask SQLite.
        try:
            uri = "file:" + pathname2url(os.path.abspath(target)) + "?mode=ro"
            with closing(sqlite3.connect(uri, uri=True, timeout=self._timeout, isolation_level=None)) as conn:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                empty = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        except sqlite3.Error:
            return "unrecognised"
        if app_id == APPLICATION_ID or (app_id == 0 and empty):
            return None
        return "foreign"

    def forget(self) -> None:
        """Delete the history file and its -wal/-shm/-journal companions. No-op if absent.

        Only a file that is kakaoaudit's history (`not_ours`) is deleted: `HistoryError` ("foreign")
        otherwise, and nothing is deleted.
        """
        reason = self.not_ours()
        if reason is not None:
            raise HistoryError("foreign", f"this file is not a kakaoaudit history ({reason}); it was not deleted",
                               self._path)
        # Companions first: a stale -wal left next to a new file would be replayed into it.
        for candidate in [*self._sidecars(self._path), self._path]:
            try:
                candidate.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise self._os_error(exc, candidate) from exc
        self._checked = False

    def move_aside(self) -> Path:
        """Rename the history (and companions) to ``history.sqlite3.broken-YYYYmmddTHHMMSS`` (local time).

        For a file that cannot be used (corrupt, foreign, newer): the user keeps every byte and
        the next `add()` starts a fresh file. Returns the new path of the main file.
        """
        if not self._exists():
            raise HistoryError("io", "there is no history file to move aside", self._path)
        # The user's local time: the name matches the clock they read (and `ls -l`).
        stamp = localtime.local(localtime.now()).strftime("%Y%m%dT%H%M%S")
        target = self._path.with_name(f"{self._path.name}.broken-{stamp}")
        n = 1
        while target.exists() or any(p.exists() for p in self._sidecars(target)):
            n += 1
            target = self._path.with_name(f"{self._path.name}.broken-{stamp}-{n}")
        moved: list[tuple[Path, Path]] = []
        try:
            # Companions first, under matching names so SQLite still pairs them with the file.
            for suffix in _SIDECARS:
                source = self._path.with_name(self._path.name + suffix)
                if source.exists():
                    destination = target.with_name(target.name + suffix)
                    os.rename(source, destination)
                    moved.append((destination, source))
            os.rename(self._path, target)
        except OSError as exc:
            for destination, source in reversed(moved):
                # Best effort; if it fails, the bytes are still there under the new name.
                with suppress(OSError):
                    os.rename(destination, source)
            raise self._os_error(exc, self._path) from exc
        self._checked = False
        return target

    # ---- transactions and retries

    def _read(self, operation: Callable[[sqlite3.Connection], _T], empty: _T) -> _T:
        """Run `operation` on a read connection; `empty` when there is no history yet."""

        def attempt() -> _T:
            conn = self._connect(write=False)
            if conn is None:
                return empty
            with closing(conn):
                return self._transaction(conn, operation, "BEGIN")

        return self._retrying(attempt)

    def _write(self, operation: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run `operation` in one BEGIN IMMEDIATE transaction, creating the file if needed."""

        def attempt() -> _T:
            conn = self._connect(write=True)
            assert conn is not None
            with closing(conn):
                return self._transaction(conn, operation)

        return self._retrying(attempt)

    @staticmethod
    def _transaction(
        conn: sqlite3.Connection, operation: Callable[[sqlite3.Connection], _T], begin: str = "BEGIN IMMEDIATE"
    ) -> _T:
        """Run `operation` in one transaction: IMMEDIATE for writes, plain BEGIN for reads.

        IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
        then writes can fail with SQLITE_BUSY without the busy handler ever being called.
        Reads get a transaction too, so that all their queries see one snapshot (diff() must not
        find an entry gone between two queries because another process pruned it).
        """
        conn.execute(begin)
        try:
            result = operation(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                # Never let a failing ROLLBACK hide the original error; closing rolls back too.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
        return result

    def _retrying(self, attempt: Callable[[], _T]) -> _T:
        """Call `attempt`, retrying on "database is locked" with jittered exponential backoff,
        for at most `timeout` seconds in all; every other failure becomes a HistoryError."""
        deadline = time.monotonic() + self._timeout
        delay = _BACKOFF_FIRST
        while True:
            try:
                return attempt()
            except sqlite3.Error as exc:
                left = deadline - time.monotonic()
                if not _is_busy(exc) or left <= 0:
                    raise self._sqlite_error(exc) from exc
                # Jitter keeps processes that collided from colliding again in lockstep.
                time.sleep(min(left, delay * random.uniform(0.5, 1.5)))  # noqa: S311
                delay = min(delay * 2, _BACKOFF_MAX)
            except OSError as exc:
                raise self._os_error(exc, self._path) from exc

    # ---- opening, checking and migrating

    def _exists(self) -> bool:
        try:
            return self._path.exists()
        except OSError as exc:  # e.g. a parent folder we may not enter
            raise self._os_error(exc, self._path) from exc

    def _connect(self, *, write: bool) -> sqlite3.Connection | None:
        """An open, checked, migrated connection; None for a read when there is no history.

        The file is first looked at through a read-only connection: SQLite never writes through
        one, not even the checkpoint it does when a read-write connection closes, so a damaged,
        foreign or newer file (and any -wal beside it) stays exactly as it was. Reads of a
        current file go on with that connection; writes and migrations open a read-write one.
        """
        if not self._exists():
            if not write:
                return None
            self._create_file()
        remember(self._path)  # kakaoaudit's own file: no report is ever written over it
        conn, version = self._open_checked()
        if not write:
            if version == SCHEMA_VERSION:
                return conn
            if version == 0:
                conn.close()
                return None  # an empty file: no history yet, and reading must not write
        conn.close()
        conn = self._open("rw")
        try:
            if version != SCHEMA_VERSION:
                # A fresh file or an older schema: switch to WAL (outside any transaction, as
                # SQLite requires), then create or migrate under the write lock.
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                self._transaction(conn, self._migrate)
            if write:
                self._tighten_permissions()
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_checked(self) -> tuple[sqlite3.Connection, int]:
        """A read-only connection to a file found to be ours (or empty), and its version."""
        try:
            return self._check(self._open("ro"))
        except sqlite3.OperationalError as exc:
            if not (self._cannot_open(exc) or _is_readonly(exc)) or self._dir_writable():
                raise
        # A WAL file in a read-only folder without its -shm cannot be read normally (SQLite
        # would have to create the -shm). Nobody can write it there either, so reading it as
        # immutable is safe; this keeps the history readable from a read-only copy.
        return self._check(self._open("ro&immutable=1"))

    def _check(self, conn: sqlite3.Connection) -> tuple[sqlite3.Connection, int]:
        try:
            version = self._inspect(conn)
            if not self._checked:
                self._check_size(conn)
                result = conn.execute("PRAGMA quick_check(1)").fetchone()
                if result is None or result[0] != "ok":
                    detail = result[0] if result else "no result"
                    raise HistoryError("corrupt", f"the history file is damaged ({detail})", self._path)
                self._checked = True
        except BaseException:
            conn.close()
            raise
        return conn, version

    def _open(self, mode: str) -> sqlite3.Connection:
        # A URI with mode=rw or ro never creates the file (a plain connect() would).
        uri = "file:" + pathname2url(os.path.abspath(self._path)) + "?mode=" + mode
        conn = sqlite3.connect(uri, uri=True, timeout=self._timeout, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
            # Deleted reports are overwritten with zeros instead of lingering in free pages.
            conn.execute("PRAGMA secure_delete = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def _create_file(self) -> None:
        """Create the parent folders (0700) and an empty file (0600) for SQLite to fill."""
        parent = self._path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True, mode=_DIR_MODE)
        except OSError as exc:
            raise self._os_error(exc, parent) from exc
        # O_EXCL: when several processes create the history at once, exactly one creates it
        # and the others use it. SQLite reads an empty file as an empty database.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            os.close(os.open(self._path, flags, _FILE_MODE))
        except FileExistsError:
            pass
        except OSError as exc:
            raise self._os_error(exc, self._path) from exc

    def _check_size(self, conn: sqlite3.Connection) -> None:
        """Refuse a file cut off mid-page (an interrupted copy, a full disk).

        SQLite always writes whole pages, and quick_check misses a cut inside the last page:
        cell contents sit at the end of a page, so the lost bytes would silently garble a report.
        A mismatch seen while another process is extending the file lasts microseconds, so it
        is looked at again before the file is called damaged.
        """
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        for attempt in range(3):
            size = self._path.stat().st_size
            if page_size <= 0 or size % page_size == 0:
                return
            if attempt < 2:
                time.sleep(0.05)
        raise HistoryError(
            "corrupt",
            f"the history file is truncated ({size} bytes is not a whole number of {page_size}-byte pages)",
            self._path,
        )

    def _inspect(self, conn: sqlite3.Connection) -> int:
        """The file's schema version (0: empty); HistoryError if it is not a usable history."""
        if not conn.in_transaction:
            # One snapshot for all the reads below: read statement by statement, a file being
            # created by another process could show its tables but not yet its application_id,
            # and look foreign.
            return self._transaction(conn, self._inspect, "BEGIN")
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            objects = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
            tables = {name for kind, name in objects if kind == "table"}
            columns = {row[1] for row in conn.execute("PRAGMA table_info(reports)")} if "reports" in tables else set()
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                raise HistoryError(
                    "corrupt", f"the history file is damaged or not an SQLite database ({exc})", self._path
                ) from exc
            raise
        if app_id == 0 and version == 0 and not objects:
            return 0
        if app_id != APPLICATION_ID:
            raise HistoryError(
                "foreign",
                f"this SQLite file belongs to another program (application_id {app_id:#010x})",
                self._path,
            )
        if version > SCHEMA_VERSION:
            raise HistoryError(
                "newer",
                f"the history file has schema version {version}, written by a newer kakaoaudit;"
                f" this one reads up to version {SCHEMA_VERSION}",
                self._path,
            )
        # Our id but not the tables of its version: damaged, not someone else's.
        if version < 1 or not _COLUMNS[version] <= columns:
            raise HistoryError("corrupt", f"the history file lacks its tables (schema version {version})", self._path)
        return int(version)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        # Inspect again under the write lock: another process may have migrated meanwhile.
        version = self._inspect(conn)
        for step in _MIGRATIONS[version:]:
            step(conn)
        if version < SCHEMA_VERSION:
            # Both pragmas are part of the transaction: a failed migration leaves the old
            # version number with the old tables.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _tighten_permissions(self) -> None:
        """Best effort: bring an existing file created with looser modes back to 0600."""
        if os.name != "posix":
            return  # Windows ACLs are inherited from the user's profile folder
        for candidate in (self._path, *self._sidecars(self._path)):
            try:
                if candidate.stat().st_mode & 0o077:
                    candidate.chmod(_FILE_MODE)
            except OSError:
                continue  # not ours, gone, or on a filesystem without modes

    def _checkpoint(self) -> None:
        """Best effort: flush the WAL into the file and truncate it, so pruned reports do not
        linger in the -wal file (secure_delete zeroes them in the main file)."""
        try:
            with closing(self._open("rw")) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another process is busy; its own checkpoint will do it

    # ---- queries shared by several methods

    def _latest(self, conn: sqlite3.Connection, label: str | None) -> Entry | None:
        if label is None:
            row = conn.execute(
                "SELECT id, generated_at, score, grade, label, tool_version FROM reports"
                " ORDER BY generated_at DESC, id DESC LIMIT 1"
            ).fetchone()
        else:
            row = conn.execute(
                "SELECT id, generated_at, score, grade, label, tool_version FROM reports WHERE label = ?"
                " ORDER BY generated_at DESC, id DESC LIMIT 1",
                (label,),
            ).fetchone()
        return None if row is None else _entry(row, self._path)

    def _entry_by_id(self, conn: sqlite3.Connection, entry_id: int) -> Entry | None:
        row = conn.execute(
            "SELECT id, generated_at, score, grade, label, tool_version FROM reports WHERE id = ?",
            (entry_id,),
        ).fetchone()
        return None if row is None else _entry(row, self._path)

    def _previous(self, conn: sqlite3.Connection, entry: Entry) -> Entry | None:
        stamp = _format_ts(entry.generated_at)
        row = conn.execute(
            "SELECT id, generated_at, score, grade, label, tool_version FROM reports WHERE label IS ?"
            " AND (generated_at < ? OR (generated_at = ? AND id < ?))"
            " ORDER BY generated_at DESC, id DESC LIMIT 1",
            (entry.label, stamp, stamp, entry.id),
        ).fetchone()
        return None if row is None else _entry(row, self._path)

    @staticmethod
    def _report_text(conn: sqlite3.Connection, entry_id: int) -> str:
        row = conn.execute("SELECT report FROM reports WHERE id = ?", (entry_id,)).fetchone()
        return "" if row is None else str(row[0])

    @staticmethod
    def _export_batch(conn: sqlite3.Connection, after: tuple[str, int] | None, size: int) -> list[_ExportRow]:
        if after is None:
            rows = conn.execute(
                "SELECT id, generated_at, label, report FROM reports ORDER BY generated_at, id LIMIT ?",
                (size,),
            )
        else:
            stamp, last_id = after
            rows = conn.execute(
                "SELECT id, generated_at, label, report FROM reports"
                " WHERE generated_at > ? OR (generated_at = ? AND id > ?)"
                " ORDER BY generated_at, id LIMIT ?",
                (stamp, stamp, last_id, size),
            )
        return [(int(r[0]), str(r[1]), r[2], str(r[3])) for r in rows]

    def _load(self, text: str, entry_id: int) -> dict[str, Any]:
        try:
            report = json.loads(text)
        except (ValueError, RecursionError):  # a row written by hand can hold anything
            report = None
        if not isinstance(report, dict):
            raise HistoryError("corrupt", f"entry {entry_id} does not hold a JSON report", self._path)
        return report

    # ---- error translation

    @staticmethod
    def _sidecars(path: Path) -> list[Path]:
        return [path.with_name(path.name + suffix) for suffix in _SIDECARS]

    @staticmethod
    def _cannot_open(exc: sqlite3.Error) -> bool:
        name = getattr(exc, "sqlite_errorname", "")
        return (isinstance(name, str) and name.startswith("SQLITE_CANTOPEN")) or ("unable to open" in str(exc).lower())

    def _dir_writable(self) -> bool:
        parent = self._path.parent
        return os.access(parent, os.W_OK | os.X_OK)

    def _sqlite_error(self, exc: sqlite3.Error) -> HistoryError:
        if _is_busy(exc):
            return HistoryError(
                "locked",
                f"another process kept the history file locked for more than {self._timeout:g} s",
                self._path,
            )
        if _is_corrupt(exc):
            return HistoryError("corrupt", f"the history file is damaged ({exc})", self._path)
        name = getattr(exc, "sqlite_errorname", "")
        message = str(exc).lower()
        if _is_readonly(exc):
            return self._access_error("readonly", str(exc))
        if self._cannot_open(exc):
            return self._access_error("io", str(exc))
        if "disk is full" in message or name == "SQLITE_FULL":
            return HistoryError("io", DISK_FULL, self._path)
        # "disk I/O error" is also what SQLite says about a folder in the file's place.
        return self._access_error("io", str(exc))

    def _os_error(self, exc: OSError, path: Path) -> HistoryError:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return HistoryError("io", DISK_FULL, self._path)
        if exc.errno == errno.EROFS:
            return HistoryError("readonly", f"{path} is on a read-only file system", self._path)
        if isinstance(exc, PermissionError):
            return self._access_error("permission", exc.strerror or str(exc), path)
        return HistoryError("io", f"{path}: {exc.strerror or exc}", self._path)

    def _access_error(self, fallback: HistoryErrorKind, reason: str, path: Path | None = None) -> HistoryError:
        """Name the actual obstacle: an unreadable file, a read-only file, or a read-only folder."""
        target = self._path
        try:
            if target.is_dir():
                return HistoryError("io", "the history path is a folder, not a file", target)
            if target.exists():
                if not os.access(target, os.R_OK):
                    return HistoryError("permission", "permission denied: the history file cannot be read", target)
                if not os.access(target, os.W_OK):
                    return HistoryError("readonly", "the history file is read-only", target)
            folder = target.parent
            while not folder.exists() and folder != folder.parent:
                folder = folder.parent
            if not os.access(folder, os.X_OK):
                return HistoryError("permission", f"permission denied: the folder {folder} cannot be entered", target)
            if not os.access(folder, os.W_OK):
                return HistoryError(
                    "readonly",
                    f"the folder {folder} is read-only, so the history cannot be written there",
                    target,
                )
        except OSError:
            pass
        where = f" ({path})" if path is not None and path != target else ""
        if fallback == "readonly":
            return HistoryError("readonly", f"the history cannot be written: {reason}{where}", target)
        if fallback == "permission":
            return HistoryError(
                "permission",
                f"permission denied: the history file or one of its folders cannot be accessed ({reason}){where}",
                target,
            )
        return HistoryError(fallback, f"the history file cannot be used: {reason}{where}", target)
