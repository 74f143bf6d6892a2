"""Read-only and unreadable places give "readonly" / "permission" with a clear detail, and no rows
are lost. Uses real permissions: chmod (chattr +i when running as root) for read-only places; the
unreadable ones run as an unprivileged user (as root: in a child dropped to "nobody").
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.history.store import HistoryError, HistoryStore


def kind_of(call: Any) -> HistoryError:
    with pytest.raises(HistoryError) as caught:
        call()
    return caught.value


def test_read_only_folder_without_a_history(tmp_path: Path, make_readonly: Any, make_report: Any) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    make_readonly(folder)
    store = HistoryStore(folder / "history.sqlite3")

    assert store.entries() == []  # reading nothing needs no write
    error = kind_of(lambda: store.add(make_report(0)))
    assert error.kind == "readonly"
    assert "read-only" in error.detail and str(folder) in error.detail


def test_read_only_parent_of_a_missing_folder(tmp_path: Path, make_readonly: Any, make_report: Any) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    make_readonly(folder)
    error = kind_of(lambda: HistoryStore(folder / "kakaoaudit" / "history.sqlite3").add(make_report(0)))
    assert error.kind in {"readonly", "permission"}
    assert str(folder) in error.detail


def test_read_only_folder_with_a_history(
    history_path: Path, store: HistoryStore, make_readonly: Any, make_report: Any
) -> None:
    ids = [store.add(make_report(day)) for day in range(3)]
    make_readonly(history_path.parent)

    reader = HistoryStore(history_path)
    assert [e.id for e in reader.entries()] == ids  # still readable
    assert reader.get(ids[0]) == make_report(0)
    error = kind_of(lambda: reader.add(make_report(5)))
    assert error.kind == "readonly"
    assert "read-only" in error.detail
    assert [e.id for e in HistoryStore(history_path).entries()] == ids


def test_read_only_history_file(history_path: Path, store: HistoryStore, make_readonly: Any, make_report: Any) -> None:
    first = store.add(make_report(0))
    make_readonly(history_path)

    reader = HistoryStore(history_path)
    assert [e.id for e in reader.entries()] == [first]
    for write in (
        lambda: reader.add(make_report(1)),
        lambda: reader.prune(datetime.max.replace(tzinfo=timezone.utc)),
    ):
        error = kind_of(write)
        assert error.kind == "readonly"
        assert error.detail == "the history file is read-only"
    assert len(reader.entries()) == 1


def test_unreadable_history_file(as_unprivileged: Any, make_report: Any) -> None:
    def body(folder: Path) -> None:
        history_path = folder / "history.sqlite3"
        HistoryStore(history_path).add(make_report(0))
        history_path.chmod(0)
        fresh = HistoryStore(history_path)
        for call in (fresh.entries, lambda: fresh.add(make_report(1))):
            error = kind_of(call)
            assert error.kind == "permission"
            assert "permission denied" in error.detail

    as_unprivileged(body)


def test_unreadable_folder(as_unprivileged: Any, make_report: Any) -> None:
    def body(folder: Path) -> None:
        history_path = folder / "data" / "history.sqlite3"
        HistoryStore(history_path).add(make_report(0))
        history_path.parent.chmod(0)
        error = kind_of(HistoryStore(history_path).entries)
        assert error.kind == "permission"

    as_unprivileged(body)


# Simulated failures: these run everywhere, root and Windows included, and pin the translation of
# SQLite's own error codes into kinds.


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("attempt to write a readonly database", "readonly"),
        ("database disk image is malformed", "corrupt"),
        ("file is not a database", "corrupt"),
        ("database or disk is full", "io"),
        ("disk I/O error", "io"),
        ("database is locked", "locked"),
    ],
)
def test_sqlite_errors_become_kinds(
    store: HistoryStore, make_report: Any, monkeypatch: pytest.MonkeyPatch, message: str, kind: str
) -> None:
    store.add(make_report(0))

    def failing(self: HistoryStore, *, write: bool) -> sqlite3.Connection | None:
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(HistoryStore, "_connect", failing)
    quick = HistoryStore(store.path, timeout=0.05)
    error = kind_of(lambda: quick.add(make_report(1)))
    assert error.kind == kind
    assert error.path == store.path


def test_permission_error_on_create(
    history_path: Path, store: HistoryStore, make_report: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    error = kind_of(lambda: store.add(make_report(0)))
    assert error.kind in {"permission", "readonly"}
    assert not history_path.exists()


def test_a_folder_where_the_file_should_be(history_path: Path, make_report: Any) -> None:
    history_path.mkdir(parents=True)
    store = HistoryStore(history_path)
    for call in (store.entries, lambda: store.add(make_report(0))):
        error = kind_of(call)
        assert error.kind == "io"
        assert "folder" in error.detail
