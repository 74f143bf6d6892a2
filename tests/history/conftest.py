"""Fixtures for the history tests: report factories, stores on real files, read-only helpers.

Test files here cannot import each other (--import-mode=importlib), so shared helpers are
fixtures that return callables.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import sqlite3
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.history.store import HistoryStore

#: The first audit of the tests; later ones are days after it.
T0 = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)

#: The version 1 schema exactly as released, typed out here on purpose: if someone edits the
#: released migration in kakaoaudit/history.py, the migration tests still build a true v1 file.
V1_DDL = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    generated_at TEXT NOT NULL,
    score INTEGER,
    grade TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX reports_by_time ON reports (generated_at, id);
PRAGMA application_id = 1262570305;
PRAGMA user_version = 1;
"""

ReportFactory = Callable[..., dict[str, Any]]


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def finding(
    check_id: str,
    code: str,
    status: str,
    *,
    severity: str = "medium",
    points: int = 0,
    title: str | None = None,
) -> dict[str, Any]:
    return {
        "check_id": check_id,
        "code": code,
        "status": status,
        "severity": severity,
        "title": title or f"{check_id} {code}",
        "points": points,
        "max_points": 10,
        "evidence": {"contact": "090-****-**78"},
    }


def report(
    day: float = 0,
    *,
    score: int | None = 72,
    grade: str | None = None,
    label: str | None = None,
    findings: list[dict[str, Any]] | None = None,
    version: str = "0.1.0",
    generated_at: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A redacted report as the CLI would hand it over, `day` days after T0."""
    body: dict[str, Any] = {
        "schema_version": "1.0",
        "generated_at": generated_at or iso(T0 + timedelta(days=day)),
        "tool": {"name": "kakaoaudit", "version": version},
        "language": "ja",
        "label": label,
        "score": score,
        "grade": grade if grade is not None else ("-" if score is None else "C"),
        "findings": findings if findings is not None else [finding("KA401", "two-step-off", "fail")],
    }
    body.update(extra)
    return body


@pytest.fixture
def make_report() -> ReportFactory:
    """``make_report(day, score=, label=, findings=, ...)`` -> a report dict."""
    return report


@pytest.fixture
def make_finding() -> Callable[..., dict[str, Any]]:
    """``make_finding(check_id, code, status, severity=, points=, title=)`` -> a finding dict."""
    return finding


@pytest.fixture
def history_path(tmp_path: Path) -> Path:
    """Where the history goes; its folder does not exist yet (the store must create it)."""
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(history_path: Path) -> HistoryStore:
    return HistoryStore(history_path, timeout=5.0)


@pytest.fixture
def v1_file(tmp_path: Path) -> Callable[[list[dict[str, Any]]], Path]:
    """Write a version 1 history by hand (the released DDL, rows inserted by raw SQL)."""

    def build(reports: list[dict[str, Any]], *, raw_rows: list[str] | None = None) -> Path:
        path = tmp_path / "v1" / "history.sqlite3"
        path.parent.mkdir(parents=True)
        conn = sqlite3.connect(path)
        try:
            conn.executescript(V1_DDL)
            for body in reports:
                stamp = datetime.fromisoformat(body["generated_at"].replace("Z", "+00:00"))
                conn.execute(
                    "INSERT INTO reports (generated_at, score, grade, tool_version, report) VALUES (?, ?, ?, ?, ?)",
                    (
                        stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                        body["score"],
                        body["grade"],
                        body["tool"]["version"],
                        json.dumps(body, ensure_ascii=False),
                    ),
                )
            for text in raw_rows or []:
                conn.execute(
                    "INSERT INTO reports (generated_at, score, grade, tool_version, report)"
                    " VALUES ('2025-06-01T00:00:00.000000Z', NULL, '-', '0.0.9', ?)",
                    (text,),
                )
            conn.commit()
        finally:
            conn.close()
        return path

    return build


#: Seconds the unprivileged child may take before it is stopped and the test fails.
UNPRIVILEGED_TIMEOUT = 60.0


@pytest.fixture
def as_unprivileged(tmp_path: Path) -> Iterator[Callable[[Callable[[Path], None]], None]]:
    """``as_unprivileged(body)``: run ``body(folder)`` where file modes bind, `folder` an empty folder of its own.

    Root ignores modes (chmod 000 stops nobody), so as root `body` runs in a forked child that first
    drops to the user "nobody" (no groups): the permission tests really run, in CI too, instead of
    being skipped. Not root: `body` runs here. Assertion failures in the child fail the test with the
    child's traceback. Skipped only where there is no unprivileged user to drop to; CI fails then.
    """
    made: list[Path] = []

    def run(body: Callable[[Path], None]) -> None:
        if os.name != "posix":
            pytest.skip("POSIX permissions only")
        if os.geteuid() != 0:
            folder = tmp_path / "unprivileged"
            folder.mkdir()
            body(folder)
            return
        try:
            user = pwd.getpwnam("nobody")
        except KeyError:
            reason = "running as root and there is no unprivileged user 'nobody' to run the permission tests as"
            if os.environ.get("CI"):
                pytest.fail(reason)
            pytest.skip(reason)
        # tmp_path's parents belong to root alone: the child gets a folder of its own in the temp dir.
        folder = Path(tempfile.mkdtemp(prefix="kakaoaudit-unprivileged-"))
        made.append(folder)
        os.chown(folder, user.pw_uid, user.pw_gid)
        _run_in_child(body, folder, user.pw_uid, user.pw_gid)

    yield run
    for folder in made:
        for path in (folder, *folder.rglob("*")):
            path.chmod(0o700)  # so that even a folder the test made unreadable can be removed
        shutil.rmtree(folder)


def _run_in_child(body: Callable[[Path], None], folder: Path, uid: int, gid: int) -> None:
    """`body(folder)` in a forked child running as `uid`/`gid`; its failure fails the test here."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            if os.geteuid() == 0 or os.access("/root", os.R_OK):
                raise AssertionError("the child still has root's rights")
            body(folder)
            status = 0
        except BaseException:  # everything goes back to the parent as text
            os.write(write_end, traceback.format_exc().encode("utf-8", "replace"))
        finally:
            os._exit(status)
    os.close(write_end)
    deadline = time.monotonic() + UNPRIVILEGED_TIMEOUT
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_end)
            pytest.fail(f"the unprivileged child took more than {UNPRIVILEGED_TIMEOUT:g} s")
        time.sleep(0.01)
    with os.fdopen(read_end, "rb") as pipe:
        report = pipe.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        pytest.fail(f"as the user 'nobody':\n{report}", pytrace=False)
