"""Schema versions and unusable files: migrations, newer, corrupt and foreign files, move_aside."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.history import store as history
from kakaoaudit.history.store import HistoryError, HistoryStore


def pragma(path: Path, name: str) -> Any:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def columns(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute("PRAGMA table_info(reports)")}
    finally:
        conn.close()


def indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def expect_kind(kind: str, call: Any) -> HistoryError:
    with pytest.raises(HistoryError) as caught:
        call()
    assert caught.value.kind == kind, caught.value
    return caught.value


# ---------------------------------------------------------------- migrations


def test_v1_file_is_migrated_with_every_row(v1_file: Any, make_report: Any) -> None:
    reports = [make_report(0), make_report(1, label="母", score=None), make_report(2, label="父")]
    path = v1_file(reports, raw_rows=["{not json"])
    assert pragma(path, "user_version") == 1 and "label" not in columns(path)

    store = HistoryStore(path)
    entries = store.entries()

    assert len(entries) == 4  # the unreadable row is kept, not dropped
    assert pragma(path, "user_version") == history.SCHEMA_VERSION == 2
    assert pragma(path, "journal_mode") == "wal"
    assert "label" in columns(path)
    assert "reports_by_label" in indexes(path)
    # Labels were backfilled from the stored JSON.
    assert [e.label for e in entries] == [None, None, "母", "父"]
    # Ids are kept: 1-3 are the reports, 4 the broken row (dated earlier, so listed first).
    assert [e.id for e in entries] == [4, 1, 2, 3]
    assert [e.id for e in store.entries("母")] == [2]
    assert [store.get(i) for i in (1, 2, 3)] == reports
    # New rows get fresh ids after the migrated ones.
    assert store.add(make_report(3, label="母")) == 5
    assert [e.id for e in store.entries("母")] == [2, 5]
    # The row that was already broken stays visible and says so when read.
    with pytest.raises(HistoryError) as caught:
        store.get(4)
    assert caught.value.kind == "corrupt"


def test_v1_file_is_migrated_by_a_write_too(v1_file: Any, make_report: Any) -> None:
    path = v1_file([make_report(0, label="母")])
    store = HistoryStore(path)
    new_id = store.add(make_report(1, label="母"))
    assert [e.id for e in store.entries("母")] == [1, new_id]
    assert pragma(path, "user_version") == 2


def test_a_failed_migration_leaves_the_v1_file_untouched(
    v1_file: Any, make_report: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = v1_file([make_report(0), make_report(1, label="母")])

    def broken_v2(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE reports ADD COLUMN label TEXT")
        conn.execute("DELETE FROM reports")
        raise RuntimeError("simulated crash in the middle of a migration")

    monkeypatch.setattr(history, "_MIGRATIONS", (history._MIGRATIONS[0], broken_v2))
    with pytest.raises(RuntimeError, match="simulated"):
        HistoryStore(path).entries()
    assert pragma(path, "user_version") == 1
    assert "label" not in columns(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    finally:
        conn.close()

    monkeypatch.undo()
    assert len(HistoryStore(path).entries()) == 2


def test_a_newer_file_is_refused_and_left_alone(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    conn = sqlite3.connect(history_path)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    before = history_path.read_bytes()

    fresh = HistoryStore(history_path)
    error = expect_kind("newer", fresh.entries)
    assert "3" in error.detail and "2" in error.detail
    expect_kind("newer", lambda: fresh.add(make_report(1)))
    expect_kind("newer", lambda: fresh.prune(datetime.now(timezone.utc)))
    assert history_path.read_bytes() == before
    assert pragma(history_path, "user_version") == 3


# ---------------------------------------------------------------- damaged and foreign files


def make_real_history(path: Path, make_report: Any, count: int = 40) -> bytes:
    store = HistoryStore(path)
    for day in range(count):
        store.add(make_report(day, note="x" * 2000))  # several pages
    return path.read_bytes()


def test_random_bytes_are_corrupt(history_path: Path, make_report: Any) -> None:
    history_path.parent.mkdir(parents=True)
    junk = os.urandom(8192)
    history_path.write_bytes(junk)
    store = HistoryStore(history_path)
    error = expect_kind("corrupt", store.entries)
    assert "not an SQLite database" in error.detail or "damaged" in error.detail
    expect_kind("corrupt", lambda: store.add(make_report(0)))
    expect_kind("corrupt", store.diff)
    assert history_path.read_bytes() == junk  # never "repaired" or overwritten


def test_a_text_file_is_corrupt(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    history_path.write_text("hello, this is not a database\n")
    expect_kind("corrupt", HistoryStore(history_path).entries)


@pytest.mark.parametrize("cut", ["header", "first-page", "half", "last-page", "last-byte"])
def test_a_truncated_history_is_corrupt(history_path: Path, make_report: Any, cut: str) -> None:
    whole = make_real_history(history_path, make_report)
    page = 4096
    assert len(whole) % page == 0 and len(whole) > 8 * page
    keep = {
        "header": 60,
        "first-page": page,
        "half": len(whole) // 2 // page * page,
        "last-page": len(whole) - page,
        "last-byte": len(whole) - 1,
    }[cut]
    history_path.write_bytes(whole[:keep])
    store = HistoryStore(history_path)
    with pytest.raises(HistoryError) as caught:
        store.entries()
        store.get(store.entries()[-1].id)
        store.add(make_report(99))
    assert caught.value.kind == "corrupt"
    assert history_path.read_bytes() == whole[:keep]


def test_a_foreign_sqlite_file_is_refused_untouched(history_path: Path, make_report: Any) -> None:
    history_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(history_path)
    conn.executescript("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bibimbap');")
    conn.close()
    before = history_path.read_bytes()

    store = HistoryStore(history_path)
    error = expect_kind("foreign", store.entries)
    assert "another program" in error.detail
    expect_kind("foreign", lambda: store.add(make_report(0)))
    assert history_path.read_bytes() == before
    assert pragma(history_path, "journal_mode") == "delete"  # not even switched to WAL


def test_a_foreign_application_id_is_refused(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(history_path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    error = expect_kind("foreign", HistoryStore(history_path).entries)
    assert "0x000004d2" in error.detail


def test_a_foreign_file_with_a_reports_table_is_still_foreign(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(history_path)
    conn.executescript("CREATE TABLE reports (id INTEGER PRIMARY KEY, body TEXT); PRAGMA user_version = 1;")
    conn.close()
    expect_kind("foreign", HistoryStore(history_path).entries)


def test_our_id_without_our_tables_is_corrupt(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(history_path)
    conn.executescript(f"PRAGMA application_id = {history.APPLICATION_ID}; PRAGMA user_version = 2;")
    conn.close()
    expect_kind("corrupt", HistoryStore(history_path).entries)


# ---------------------------------------------------------------- move_aside


def test_move_aside_keeps_the_bytes_and_frees_the_name(history_path: Path, make_report: Any) -> None:
    history_path.parent.mkdir(parents=True)
    junk = os.urandom(5000)
    history_path.write_bytes(junk)
    wal = history_path.with_name("history.sqlite3-wal")
    wal.write_bytes(b"stale wal")
    store = HistoryStore(history_path)
    expect_kind("corrupt", store.entries)

    moved = store.move_aside()

    assert moved.parent == history_path.parent
    assert moved.name.startswith("history.sqlite3.broken-")
    stamp = moved.name.removeprefix("history.sqlite3.broken-")
    assert len(stamp) == 15 and stamp[8] == "T" and stamp.replace("T", "").isdigit()
    assert moved.read_bytes() == junk
    # The companion moves with it, so a stale WAL is never replayed into the next file.
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"stale wal"
    assert not history_path.exists() and not wal.exists()

    store.add(make_report(0))
    assert len(store.entries()) == 1
    assert moved.read_bytes() == junk


def test_move_aside_twice_in_one_second_does_not_overwrite(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    store = HistoryStore(history_path)
    history_path.write_bytes(b"first")
    first = store.move_aside()
    history_path.write_bytes(b"second")
    second = store.move_aside()
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"


def test_move_aside_of_a_foreign_file(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(history_path)
    conn.executescript("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me');")
    conn.close()
    moved = HistoryStore(history_path).move_aside()
    conn = sqlite3.connect(moved)
    try:
        assert conn.execute("SELECT t FROM notes").fetchall() == [("keep me",)]
    finally:
        conn.close()


def test_move_aside_without_a_file(history_path: Path) -> None:
    expect_kind("io", HistoryStore(history_path).move_aside)


def test_export_of_a_corrupt_row_names_the_entry(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    conn = sqlite3.connect(history_path)
    conn.execute("UPDATE reports SET report = ?", (json.dumps([1, 2]),))
    conn.commit()
    conn.close()
    error = expect_kind("corrupt", lambda: list(store.export()))
    assert "entry 1" in error.detail


def test_a_hand_edited_time_is_reported_not_skipped(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    store.add(make_report(1))
    conn = sqlite3.connect(history_path)
    conn.execute("UPDATE reports SET generated_at = 'last tuesday' WHERE id = 2")
    conn.commit()
    conn.close()
    error = expect_kind("corrupt", store.entries)
    assert "entry 2" in error.detail
