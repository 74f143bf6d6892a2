"""The benchmark runner must keep working: run it with tiny sizes and check its table.

Not a timed test (the machine is shared and noisy): the figures are not asserted, only that
every part ran and reported a row, and that the exit code agrees with the table.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"

EXPECTED_ROWS = (
    "kakaoaudit --version (wall)",
    "kakaoaudit --help (wall)",
    "kakaoaudit demo --format json (wall)",
    "kakaoaudit demo (peak RSS)",
    "breach lookup, loopback (median)",
    "offline lookup, 2,000 lines (median)",
    "offline lookup, bytes read (max)",
    "summary of 20 reports (wall)",
    "zxcvbn worst at 72 chars",
    "kakaoaudit audit with that password (max)",
)


@pytest.fixture(scope="module")
def tiny_run() -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(RUNNER), "--tiny"], capture_output=True, text=True,
                          timeout=300, check=False)


def test_runner_prints_the_whole_table(tiny_run: subprocess.CompletedProcess[str]) -> None:
    assert tiny_run.returncode in (0, 1), tiny_run.stderr[-2000:]
    lines = tiny_run.stdout.splitlines()
    assert lines[0].startswith("kakaoaudit benchmarks on ")
    assert lines[1].split() == ["what", "floor", "subject", "ratio", "target", "result"]
    rows = lines[3:-1]
    for expected in EXPECTED_ROWS:
        matching = [row for row in rows if row.startswith(expected)]
        assert matching, f"no row {expected!r} in:\n{tiny_run.stdout}"
        assert matching[0].rstrip().endswith(("OK", "MISSED"))


def test_exit_code_agrees_with_the_table(tiny_run: subprocess.CompletedProcess[str]) -> None:
    missed = any(line.rstrip().endswith("MISSED") for line in tiny_run.stdout.splitlines()[3:])
    last = tiny_run.stdout.splitlines()[-1]
    assert tiny_run.returncode == (1 if missed else 0)
    assert last == "all targets met" if not missed else last.startswith("missed: ")


def test_a_bad_option_is_refused() -> None:
    done = subprocess.run([sys.executable, str(RUNNER), "--only", "nothing"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2
    assert "invalid choice" in done.stderr
