"""Fixtures for the history command, the audit's history and suppressions.

Everything runs on real files: the history lives in a per-test KAKAOAUDIT_HOME, answers files are
written to tmp_path. The local time zone is UTC unless a test sets another (TZ + time.tzset), so
that dates shown in local time are predictable. Test files cannot import each other
(--import-mode=importlib): shared helpers are fixtures returning callables.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.history.store import HistoryStore

#: KA401 fully answered: 2-step on through the phone, no backup email (warn), SMS filter on (fail).
KA401_ANSWERS = """\
[security.two_step]
enabled = true
route = "phone"

[security]
sms_filter_blocks_kakao = true

[contacts.backup]
kind = "none"
"""

#: Arguments of an audit that needs no terminal and only KA401's answers.
AUDIT = ("audit", "--only", "KA401", "--no-input", "--no-password")


def set_tz(name: str) -> None:
    """Make `name` the process's local time zone (POSIX: TZ + tzset)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    os.environ["TZ"] = name
    time.tzset()


@pytest.fixture(autouse=True)
def utc_local_time() -> Iterator[Callable[[str], None]]:
    """Local time is UTC for every test; `set_local_tz("Asia/Tokyo")` changes it for one test."""
    saved = os.environ.get("TZ")
    if hasattr(time, "tzset"):
        set_tz("UTC")
    yield set_tz
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    if hasattr(time, "tzset"):
        time.tzset()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """KAKAOAUDIT_HOME for this test (not created: the history creates it)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(folder))
    return folder


@pytest.fixture
def history_file(home: Path) -> Path:
    return home / "history.sqlite3"


@pytest.fixture
def store(history_file: Path) -> HistoryStore:
    return HistoryStore(history_file, timeout=10)


@pytest.fixture
def write_answers(tmp_path: Path) -> Callable[..., Path]:
    """``write_answers(extra="", name="answers.toml", mtime=None)``: `extra` (at the top level, so it may
    start with plain keys) followed by KA401's answers."""

    def write(extra: str = "", *, name: str = "answers.toml", mtime: datetime | None = None) -> Path:
        path = tmp_path / name
        path.write_text(extra + "\n" + KA401_ANSWERS, encoding="utf-8")
        if mtime is not None:
            stamp = mtime.timestamp()
            os.utime(path, (stamp, stamp))
        return path

    return write


def finding(check_id: str, code: str, status: str, *, severity: str = "medium", points: int = 0,
            title: str | None = None) -> dict[str, Any]:
    return {"check_id": check_id, "code": code, "status": status, "severity": severity,
            "title": title or f"{check_id} {code}", "points": points, "max_points": 10}


@pytest.fixture
def make_finding() -> Callable[..., dict[str, Any]]:
    return finding


@pytest.fixture
def add_report(store: HistoryStore) -> Callable[..., int]:
    """``add_report(days_ago, score=, label=, findings=, suppressed=)`` -> id: a stored report."""

    def add(
        days_ago: float,
        *,
        score: int | None = 70,
        label: str | None = None,
        findings: list[dict[str, Any]] | None = None,
        suppressed: list[dict[str, Any]] | None = None,
        now: datetime | None = None,
    ) -> int:
        moment = (now or datetime.now(timezone.utc)) - timedelta(days=days_ago)
        return store.add({
            "schema_version": "1.0",
            "generated_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tool": {"name": "kakaoaudit", "version": "0.1.0"},
            "language": "en",
            "label": label,
            "score": score,
            "grade": "-" if score is None else "C",
            "findings": findings if findings is not None else [finding("KA401", "two-step-off", "fail")],
            "suppressed": suppressed or [],
        })

    return add


@pytest.fixture
def unusable_file() -> Callable[[str, Path], bytes]:
    """``unusable_file(kind, path)`` writes a damaged, foreign or newer history; returns its bytes."""

    def make(kind: str, path: Path) -> bytes:
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "corrupt":
            path.write_bytes(b"this is not a database, just some text that ended up here\n" * 200)
        else:
            conn = sqlite3.connect(path)
            try:
                if kind == "foreign":
                    conn.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                       "INSERT INTO notes (body) VALUES ('shopping list');")
                elif kind == "newer":
                    conn.executescript("CREATE TABLE reports (id INTEGER PRIMARY KEY, generated_at TEXT);"
                                       "PRAGMA application_id = 1262570305; PRAGMA user_version = 99;")
                else:
                    raise ValueError(kind)
                conn.commit()
            finally:
                conn.close()
        return path.read_bytes()

    return make


@pytest.fixture
def today() -> date:
    return datetime.now(timezone.utc).date()
