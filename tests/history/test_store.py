"""HistoryStore round trips on real SQLite files: add, entries, get, latest, export, prune, forget."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import stat
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.history import store as history
from kakaoaudit.history.store import (
    Entry,
    HistoryError,
    HistoryStore,
    default_path,
    sparkline,
)

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


# ---------------------------------------------------------------- round trip


def test_add_get_entries_round_trip(store: HistoryStore, make_report: Any) -> None:
    body = make_report(0, score=72, label="母", title_ja="二段階認証がオフです")
    entry_id = store.add(body)

    assert store.get(entry_id) == body
    [entry] = store.entries()
    assert entry == Entry(
        id=entry_id,
        generated_at=T0,
        score=72,
        grade="C",
        label="母",
        tool_version="0.1.0",
    )
    assert entry.generated_at.tzinfo is timezone.utc
    assert store.latest() == entry


def test_entries_are_sorted_by_generated_at_then_id(store: HistoryStore, make_report: Any) -> None:
    late = store.add(make_report(10))
    early = store.add(make_report(1))
    tie_a = store.add(make_report(5))
    tie_b = store.add(make_report(5))
    assert [e.id for e in store.entries()] == [early, tie_a, tie_b, late]
    assert store.latest() is not None and store.latest().id == late  # type: ignore[union-attr]


def test_sub_second_times_sort_by_time_not_text(store: HistoryStore, make_report: Any) -> None:
    # As text, "…00.5Z" sorts before "…00Z"; stored timestamps must be fixed width.
    whole = store.add(make_report(generated_at="2026-11-28T21:00:00Z"))
    half = store.add(make_report(generated_at="2026-11-28T21:00:00.500Z"))
    before = store.add(make_report(generated_at="2026-11-28T20:59:59.999999Z"))
    assert [e.id for e in store.entries()] == [before, whole, half]
    assert store.get(half)["generated_at"] == "2026-11-28T21:00:00.500Z"  # stored as given


def test_offsets_are_normalised_to_utc(store: HistoryStore, make_report: Any) -> None:
    tokyo = store.add(make_report(generated_at="2026-11-29T06:00:00+09:00"))
    utc = store.add(make_report(generated_at="2026-11-28T20:30:00Z"))
    entries = store.entries()
    assert [e.id for e in entries] == [utc, tokyo]
    assert entries[1].generated_at == datetime(2026, 11, 28, 21, 0, tzinfo=timezone.utc)


def test_labels_filter_entries_and_latest(store: HistoryStore, make_report: Any) -> None:
    me_1 = store.add(make_report(1))
    mom_1 = store.add(make_report(2, label="母"))
    me_2 = store.add(make_report(3))
    dad = store.add(make_report(4, label="父"))

    assert [e.id for e in store.entries()] == [me_1, mom_1, me_2, dad]
    assert [e.id for e in store.entries("母")] == [mom_1]
    assert store.entries("nobody") == []
    assert store.latest("母") is not None and store.latest("母").id == mom_1  # type: ignore[union-attr]
    assert store.latest() is not None and store.latest().id == dad  # type: ignore[union-attr]
    assert store.latest("nobody") is None


def test_score_none_and_grade_dash(store: HistoryStore, make_report: Any) -> None:
    entry_id = store.add(make_report(0, score=None))
    [entry] = store.entries()
    assert (entry.id, entry.score, entry.grade) == (entry_id, None, "-")


def test_days_since_last(store: HistoryStore, make_report: Any) -> None:
    now = T0 + timedelta(days=100, hours=5)
    assert store.days_since_last(now) is None
    store.add(make_report(0))
    store.add(make_report(30, label="母"))
    assert store.days_since_last(now) == 70
    assert store.days_since_last(now, label="母") == 70
    assert store.days_since_last(T0 + timedelta(hours=23)) == 0
    assert store.days_since_last(now, label="父") is None
    # An audit "in the future" (a clock set wrong) is not a negative number of days.
    assert store.days_since_last(T0 - timedelta(days=3)) == 0
    with pytest.raises(ValueError, match="timezone-aware"):
        store.days_since_last(datetime(2026, 5, 1))


def test_get_unknown_id_is_a_lookup_error(store: HistoryStore, make_report: Any) -> None:
    with pytest.raises(LookupError):
        store.get(1)
    store.add(make_report(0))
    with pytest.raises(LookupError, match="42"):
        store.get(42)


def test_ids_are_never_reused_after_prune(store: HistoryStore, make_report: Any) -> None:
    first = store.add(make_report(0))
    second = store.add(make_report(1))
    assert store.prune(T0 + timedelta(days=365)) == 2
    third = store.add(make_report(2))
    assert third > second > first


# ---------------------------------------------------------------- laziness, files, modes


def test_nothing_is_created_until_the_first_write(history_path: Path, store: HistoryStore) -> None:
    assert store.entries() == []
    assert store.latest() is None
    assert store.days_since_last(T0) is None
    assert list(store.export()) == []
    assert store.prune(T0) == 0
    with pytest.raises(LookupError):
        store.diff()
    with pytest.raises(LookupError):
        store.get(1)
    store.forget()
    assert not history_path.parent.exists()


def test_first_write_creates_folders_and_uses_wal(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    assert history_path.is_file()
    conn = sqlite3.connect(history_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == history.SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == history.APPLICATION_ID
    finally:
        conn.close()


def test_an_empty_file_is_an_empty_history(history_path: Path, make_report: Any) -> None:
    history_path.parent.mkdir(parents=True)
    history_path.write_bytes(b"")
    store = HistoryStore(history_path)
    assert store.entries() == []
    assert history_path.stat().st_size == 0  # reading did not initialise it
    store.add(make_report(0))
    assert len(store.entries()) == 1


@posix_only
def test_new_file_and_folder_are_private(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    old_umask = os.umask(0)  # the modes must not depend on a permissive umask
    try:
        store.add(make_report(0))
        # Keep a connection open so that the -wal and -shm files exist to be inspected.
        conn = sqlite3.connect(history_path)
        conn.execute("SELECT count(*) FROM reports").fetchone()
        try:
            for name in ("history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"):
                mode = stat.S_IMODE((history_path.parent / name).stat().st_mode)
                assert mode == 0o600, (name, oct(mode))
        finally:
            conn.close()
        assert stat.S_IMODE(history_path.parent.stat().st_mode) == 0o700
    finally:
        os.umask(old_umask)


@posix_only
def test_existing_loose_file_is_tightened_on_write(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    history_path.chmod(0o644)
    store.add(make_report(1))
    assert stat.S_IMODE(history_path.stat().st_mode) == 0o600


def test_default_path_honours_kakaoaudit_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(tmp_path / "kh"))
    assert default_path() == tmp_path / "kh" / "history.sqlite3"
    assert HistoryStore().path == tmp_path / "kh" / "history.sqlite3"
    monkeypatch.setenv("KAKAOAUDIT_HOME", "~/kh")
    assert default_path() == Path("~/kh").expanduser() / "history.sqlite3"
    for unset in (None, ""):
        if unset is None:
            monkeypatch.delenv("KAKAOAUDIT_HOME")
        else:
            monkeypatch.setenv("KAKAOAUDIT_HOME", unset)
        expected = Path(platformdirs.user_data_dir("kakaoaudit", appauthor=False)) / "history.sqlite3"
        assert default_path() == expected


# ---------------------------------------------------------------- what add() refuses


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("top", "password"),
        ("top", "Password"),
        ("finding", "password"),
        ("finding", "new_password"),
        ("deep", "password"),
        ("deep", "sha1"),
        ("deep", "SHA-1"),
        ("deep", "sha1_prefix"),
        ("deep", "hash"),
        ("deep", "passwordHash"),
        ("list", "pw_hash"),
        ("list", "passwd"),
    ],
)
def test_add_refuses_secret_looking_keys_anywhere(
    store: HistoryStore, make_report: Any, make_finding: Any, where: str, key: str
) -> None:
    body = make_report(0)
    secret = "hunter2-do-not-store"
    if where == "top":
        body[key] = secret
    elif where == "finding":
        body["findings"][0][key] = secret
    elif where == "deep":
        body["findings"].append(make_finding("KA100", "x", "pass"))
        body["findings"][1]["evidence"] = {"account": {"checks": {key: secret}}}
    else:
        body["devices"] = [{"name": "iPhone"}, {"meta": [{key: secret}]}]
    with pytest.raises(ValueError, match="secret") as caught:
        store.add(body)
    assert key in str(caught.value)
    assert secret not in str(caught.value)  # name the key, never the value
    assert not store.path.exists()  # refused before touching the disk


def test_add_accepts_harmless_neighbours_of_secret_words(store: HistoryStore, make_report: Any) -> None:
    body = make_report(0, passed=3, passport_checked=False)
    body["findings"][0]["pass_rate"] = 0.5
    assert store.get(store.add(body)) == body


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"generated_at": None}, "generated_at"),
        ({"generated_at": "yesterday"}, "ISO 8601"),
        ({"generated_at": "2026-11-28T21:00:00"}, "UTC offset"),
        ({"score": True}, "score"),
        ({"score": "72"}, "score"),
        ({"score": 101}, "score"),
        ({"grade": 7}, "grade"),
        ({"label": 3}, "label"),
        ({"tool": {"name": "kakaoaudit"}}, "version"),
        ({"findings": None}, "findings"),
        ({"findings": [{"check_id": "KA401"}]}, "findings"),
        ({"extra": float("nan")}, "JSON"),
        ({"extra": object()}, "JSON"),
    ],
)
def test_add_validates_the_keys_it_relies_on(
    history_path: Path, store: HistoryStore, make_report: Any, change: dict[str, Any], message: str
) -> None:
    body = make_report(0)
    body.update(change)
    with pytest.raises(ValueError, match=message):
        store.add(body)
    assert not history_path.exists()


def test_add_refuses_a_non_dict(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="dict"):
        store.add([("score", 1)])  # type: ignore[arg-type]


# ---------------------------------------------------------------- export, prune, forget


def test_export_is_json_lines_with_id_and_time(store: HistoryStore, make_report: Any) -> None:
    ids = [store.add(make_report(day, label="母" if day == 2 else None)) for day in (3, 1, 2)]
    lines = list(store.export())
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert all(line.isascii() for line in lines)  # survives any console encoding
    rows = [json.loads(line) for line in lines]
    assert [row["id"] for row in rows] == [ids[1], ids[2], ids[0]]
    assert rows[0]["generated_at"] == "2026-01-02T12:00:00Z"
    assert rows[1]["label"] == "母"
    assert rows[1]["report"] == store.get(ids[2])


def test_export_reads_in_batches(store: HistoryStore, make_report: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HistoryStore, "_EXPORT_BATCH", 2)
    ids = [store.add(make_report(day % 3)) for day in range(7)]  # ties across batch edges
    exported = [json.loads(line)["id"] for line in store.export()]
    assert exported == [e.id for e in store.entries()]
    assert sorted(exported) == ids


def test_prune_removes_only_older_entries(store: HistoryStore, make_report: Any) -> None:
    ids = [store.add(make_report(day)) for day in range(5)]
    assert store.prune(T0 + timedelta(days=2)) == 2  # strictly before
    assert [e.id for e in store.entries()] == ids[2:]
    assert store.prune(T0) == 0
    with pytest.raises(ValueError, match="timezone-aware"):
        store.prune(datetime(2030, 1, 1))


def test_pruned_reports_leave_no_trace_in_the_file(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0, note="PRUNE-ME-MARKER"))
    store.add(make_report(5))
    store.prune(T0 + timedelta(days=1))
    leftovers = b"".join(p.read_bytes() for p in history_path.parent.iterdir() if p.is_file())
    assert b"PRUNE-ME-MARKER" not in leftovers


def test_forget_removes_the_file_and_its_companions(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    other = sqlite3.connect(history_path)  # keeps -wal and -shm in existence
    try:
        other.execute("SELECT count(*) FROM reports").fetchone()
        wal = history_path.with_name("history.sqlite3-wal")
        shm = history_path.with_name("history.sqlite3-shm")
        assert wal.exists() and shm.exists()
        if os.name != "posix":  # pragma: no cover - open files cannot be deleted on Windows
            other.close()
        store.forget()
        assert not history_path.exists() and not wal.exists() and not shm.exists()
    finally:
        other.close()
    store.forget()  # idempotent
    assert store.entries() == []
    store.add(make_report(1))
    assert len(store.entries()) == 1


# ---------------------------------------------------------------- locking


def test_a_held_lock_times_out_as_locked(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    blocker = sqlite3.connect(history_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        impatient = HistoryStore(history_path, timeout=0.3)
        started = time.monotonic()
        with pytest.raises(HistoryError) as caught:
            impatient.add(make_report(1))
        assert caught.value.kind == "locked"
        assert time.monotonic() - started < 3
        assert impatient.entries()[0].id == 1  # WAL: readers are not blocked by the writer
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert len(store.entries()) == 1


def test_a_writer_waits_for_a_released_lock(history_path: Path, store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0))
    blocker = sqlite3.connect(history_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: blocker.execute("COMMIT"))
    release.start()
    try:
        store.add(make_report(1))
    finally:
        release.join()
        blocker.close()
    assert len(store.entries()) == 2


def test_locked_errors_are_retried_with_backoff(
    store: HistoryStore, make_report: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite sometimes reports "database is locked" without waiting (WAL recovery, a change of
    # journal mode): the store must retry those itself.
    real_connect = HistoryStore._connect
    failures = iter([True, True, False])

    def flaky(self: HistoryStore, *, write: bool) -> sqlite3.Connection | None:
        if write and next(failures, False):
            raise sqlite3.OperationalError("database is locked")
        return real_connect(self, write=write)

    monkeypatch.setattr(HistoryStore, "_connect", flaky)
    store.add(make_report(0))
    assert len(store.entries()) == 1


# ---------------------------------------------------------------- errors, sparkline


def test_history_error_shape() -> None:
    error = HistoryError("corrupt", "the history file is damaged", Path("/x/history.sqlite3"))
    assert isinstance(error, KakaoauditError)
    assert (error.kind, error.detail, error.path) == (
        "corrupt",
        "the history file is damaged",
        Path("/x/history.sqlite3"),
    )
    assert "damaged" in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.kind, copy.detail, copy.path) == (error.kind, error.detail, error.path)
    with pytest.raises(ValueError, match="kind"):
        HistoryError("oops", "x", Path("y"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([], ""),
        ([0, 12, 13, 25, 37, 50, 62, 63, 75, 87, 88, 100], "▁▁▂▃▃▅▅▆▇▇██"),
        ([72, None, 73], "▆·▆"),
        ([-5, 150], "▁█"),
        ([70, 71, 72], "▆▆▆"),  # a fixed scale: small moves stay flat
    ],
)
def test_sparkline(scores: list[int | None], expected: str) -> None:
    assert sparkline(scores) == expected


def test_sparkline_missing_marker() -> None:
    assert sparkline([None, 100], missing=" ") == " █"
