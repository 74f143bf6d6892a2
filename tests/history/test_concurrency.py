"""Many kakaoaudit processes writing one history at once: none may lose a row."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kakaoaudit
from kakaoaudit.history.store import HistoryStore

PROCESSES = 20
REPORTS_EACH = 10

# Each worker says it is ready, then waits for the start file, so that all of them hit the history
# together. Mode "race": the file does not exist yet (creation, migration and inserts all race), and
# the first write transaction of each process is refused with "database is locked" at once, as SQLite
# does where waiting could deadlock or while another connection recovers the WAL: only the store's own
# retry gets past it. Mode "held": the file exists and the test holds its write lock until every
# worker has started writing: the writers must wait inside SQLite (busy_timeout), not fail and not
# spin in the retry loop. Each worker prints how many times the store retried.
WORKER = """
import random, sqlite3, sys, time
from pathlib import Path
from kakaoaudit.history.store import HistoryStore

path, ready, start = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
worker, count, mode = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]

retries = 0
real_uniform = random.uniform


def counting_uniform(a, b):  # the store draws its jittered backoff once per retry
    global retries
    retries += 1
    return real_uniform(a, b)


random.uniform = counting_uniform

if mode == "race":
    refused = []
    real_connect = sqlite3.connect

    class OnceBusy(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql == "BEGIN IMMEDIATE" and not refused:
                refused.append(sql)
                raise sqlite3.OperationalError("database is locked")
            return super().execute(sql, *args)

    def connect(*args, **kwargs):
        return real_connect(*args, factory=OnceBusy, **kwargs)

    sqlite3.connect = connect

ready.touch()
deadline = time.monotonic() + 60
while not start.exists():
    if time.monotonic() > deadline:
        sys.exit("start file never appeared")
    time.sleep(0.002)
store = HistoryStore(path, timeout=60)
for i in range(count):
    store.add({
        "schema_version": "1.0",
        "generated_at": "2026-11-28T21:%02d:%02dZ" % (worker, i),
        "tool": {"name": "kakaoaudit", "version": "0.1.0"},
        "language": "ja",
        "label": "worker-%d" % worker,
        "score": (worker * 7 + i) % 101,
        "grade": "C",
        "findings": [{"check_id": "KA401", "code": "two-step-off", "status": "fail",
                      "severity": "high", "title": "x", "points": 0, "max_points": 10}],
        "worker": worker,
        "n": i,
    })
print(retries)
"""


def run_workers(tmp_path: Path, path: Path, mode: str, while_started: Callable[[], None] = lambda: None) -> int:
    """Run the workers to the end; every one must succeed. Returns the store's retries, all added up."""
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    start = tmp_path / "go"
    repo = Path(kakaoaudit.__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")])),
    }
    readies = [tmp_path / f"ready-{n}" for n in range(PROCESSES)]
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(ready), str(start), str(n), str(REPORTS_EACH), mode],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, ready in enumerate(readies)
    ]
    deadline = time.monotonic() + 60
    while not all(ready.exists() for ready in readies):  # all started: they really start together
        assert time.monotonic() < deadline, "the workers never started"
        assert all(worker.poll() is None for worker in workers), [w.communicate() for w in workers]
        time.sleep(0.01)
    start.touch()
    while_started()
    failures, retries = [], 0
    for n, worker in enumerate(workers):
        out, err = worker.communicate(timeout=120)
        if worker.returncode != 0:
            failures.append(f"worker {n}: {err}")
        else:
            retries += int(out.strip())
    assert not failures, "\n".join(failures)
    return retries


def assert_every_row_kept(path: Path, before: int = 0) -> None:
    store = HistoryStore(path)
    entries = store.entries()
    assert len(entries) == before + PROCESSES * REPORTS_EACH
    assert len({e.id for e in entries}) == len(entries)
    seen = sorted((r["worker"], r["n"]) for r in (store.get(e.id) for e in entries) if "worker" in r)
    assert seen == [(w, i) for w in range(PROCESSES) for i in range(REPORTS_EACH)]
    for w in range(PROCESSES):
        assert len(store.entries(f"worker-{w}")) == REPORTS_EACH


@pytest.mark.slow
def test_parallel_processes_never_lose_a_row(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "history.sqlite3"
    retries = run_workers(tmp_path, path, "race")
    # Every process was refused once and got past it only by retrying.
    assert retries >= PROCESSES
    assert_every_row_kept(path)


@pytest.mark.slow
def test_writers_wait_for_a_held_lock_inside_sqlite(tmp_path: Path, make_report: Any) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).add(make_report(0))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing: nobody else may write now

    def hold_a_while() -> None:
        time.sleep(0.5)  # every worker is at its first write by now, blocked
        holder.execute("COMMIT")

    try:
        retries = run_workers(tmp_path, path, "held", hold_a_while)
    finally:
        holder.close()
    # The writers waited in SQLite's busy handler (busy_timeout): without it, each would have been
    # refused at once and retried several times (20 workers: well over a hundred retries).
    assert retries < PROCESSES, f"{retries} retries: the writers did not wait for the lock inside SQLite"
    assert_every_row_kept(path, before=1)


CRASHER = """
import os, sqlite3, sys
from pathlib import Path
from kakaoaudit.history.store import HistoryStore

path = Path(sys.argv[1])
store = HistoryStore(path)
store.add({"generated_at": "2026-11-28T21:00:00Z", "tool": {"version": "0.1.0"}, "grade": "-",
           "score": None, "findings": [], "n": 1})
# A second connection stays open, so the next add's close does not checkpoint: the row lives
# only in the -wal when the process dies without any cleanup.
keeper = sqlite3.connect(path)
keeper.execute("SELECT count(*) FROM reports").fetchone()
store.add({"generated_at": "2026-11-28T21:01:00Z", "tool": {"version": "0.1.0"}, "grade": "-",
           "score": None, "findings": [], "n": 2})
os._exit(0)
"""


def test_rows_committed_before_a_crash_survive(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    script = tmp_path / "crash.py"
    script.write_text(CRASHER, encoding="utf-8")
    repo = Path(kakaoaudit.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, str(script), str(path)], env=env, check=True, timeout=60)
    assert path.with_name("history.sqlite3-wal").stat().st_size > 0  # the crash left the WAL

    store = HistoryStore(path)
    assert [store.get(e.id)["n"] for e in store.entries()] == [1, 2]
    store.add(
        {
            "generated_at": "2026-11-28T21:02:00Z",
            "tool": {"version": "0.1.0"},
            "grade": "-",
            "score": None,
            "findings": [],
        }
    )
    assert len(HistoryStore(path).entries()) == 3
