"""Many kakaoaudit processes writing one history at once: none may lose a row."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kakaoaudit
from kakaoaudit.history.store import HistoryStore

PROCESSES = 20
REPORTS_EACH = 10

# Each worker waits for the start file so that all of them hit the (not yet existing) file
# together: creation, migration and inserts all race.
WORKER = """
import sys, time
from pathlib import Path
from kakaoaudit.history.store import HistoryStore

path, start, worker, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
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
"""


@pytest.mark.slow
def test_parallel_processes_never_lose_a_row(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "history.sqlite3"
    start = tmp_path / "go"
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    repo = Path(kakaoaudit.__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")])),
    }

    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(start), str(n), str(REPORTS_EACH)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    time.sleep(0.3)  # let the interpreters start, so that they really start together
    start.touch()
    failures = []
    for n, worker in enumerate(workers):
        _, err = worker.communicate(timeout=120)
        if worker.returncode != 0:
            failures.append(f"worker {n}: {err}")
    assert not failures, "\n".join(failures)

    store = HistoryStore(path)
    entries = store.entries()
    assert len(entries) == PROCESSES * REPORTS_EACH
    assert len({e.id for e in entries}) == PROCESSES * REPORTS_EACH
    seen = sorted((r["worker"], r["n"]) for r in (store.get(e.id) for e in entries))
    assert seen == [(w, i) for w in range(PROCESSES) for i in range(REPORTS_EACH)]
    for w in range(PROCESSES):
        assert len(store.entries(f"worker-{w}")) == REPORTS_EACH


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
