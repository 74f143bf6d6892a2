"""Ctrl-C in a real pseudo-terminal (pexpect): at every prompt and during the breach lookup.

Each case exits 130 saying "interrupted", leaves no new file in the working folder (the report
was asked for with --output) and adds no row to the history, which already holds one audit.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.hardening, pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")]

EXECUTABLE = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
KA401 = ("audit", "--only", "KA401", "--output", "report.json", "--format", "json")
#: Answers to KA401's questions in order (2-step on -> how it reaches you -> backup contact -> SMS filter),
#: and their numbers: the follow-ups of a question carry its number and a letter.
KA401_ANSWERS = ["y", "1", "u", "n"]
KA401_LABELS = [r"\[1/2\] ", r"\[1a/2\] ", r"\[1b/2\] ", r"\[2/2\] "]
PASSWORD_PROMPT = r"password \(Enter to skip\): "


def default_sigint() -> None:
    """In the child before kakaoaudit starts: Ctrl-C interrupts, as in a person's terminal. A suite run in
    the background (``pytest &``, nohup) starts with SIGINT ignored, and an ignored signal stays ignored
    across exec: without this every case here would wait for an interrupt that never comes."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Setup:
    """A working folder, a data folder outside it holding one audit, and how to run kakaoaudit there."""

    def __init__(self, root: Path) -> None:
        self.work = root / "work"
        self.work.mkdir()
        self.home = root / "home"
        self.env = {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(self.home),
                    "TERM": "dumb"}

    def keep_one_audit(self) -> None:
        answers = self.home.parent / "answers.toml"
        for args in (("init", "--sample", "-o", str(answers)),
                     ("audit", "--answers", str(answers), "--no-input", "--no-password", "--offline",
                      "--format", "json")):
            done = subprocess.run([EXECUTABLE, *args], env=self.env, cwd=self.home.parent, capture_output=True,
                                  timeout=60, check=False)
            assert done.returncode in (0, 1), done.stderr
        assert self.rows() == 1

    def rows(self) -> int:
        database = self.home / "history.sqlite3"
        if not database.exists():
            return 0
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
            return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])

    def spawn(self, *args: str) -> Any:
        child = pexpect.spawn(EXECUTABLE, list(args), cwd=str(self.work), env=self.env, encoding="utf-8",
                              timeout=30, dimensions=(50, 200), preexec_fn=default_sigint)
        child.logfile_read = io.StringIO()  # the whole terminal transcript, for the traceback check
        return child

    def interrupt(self, child: Any, battery: Any) -> None:
        """Ctrl-C now; then: exit 130, "interrupted", nothing new in the folder, no new history row."""
        child.sendintr()
        child.expect("interrupted")
        child.expect(pexpect.EOF)
        child.close()
        battery.count("fault cases")
        assert "Traceback" not in child.logfile_read.getvalue()
        assert child.exitstatus == 130, (child.exitstatus, child.signalstatus)
        assert sorted(path.name for path in self.work.iterdir()) == []
        assert self.rows() == 1, "the interrupted audit was kept in the history"


@pytest.fixture(scope="module")
def _kept_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding one audit, made once and copied for each test (running kakaoaudit is slow)."""
    made = Setup(tmp_path_factory.mktemp("interrupts"))
    made.keep_one_audit()
    return made.home


@pytest.fixture
def setup(_kept_home: Path, tmp_path: Path) -> Setup:
    made = Setup(tmp_path)
    shutil.copytree(_kept_home, made.home)
    assert made.rows() == 1
    return made


def test_ctrl_c_at_the_password_prompt(setup: Setup, battery: Any) -> None:
    child = setup.spawn("audit", "--only", "KA201", "--output", "report.json", "--offline")
    child.expect(PASSWORD_PROMPT)
    child.send(battery.PASSWORD[:6])  # half typed
    setup.interrupt(child, battery)


@pytest.mark.parametrize("answered", range(len(KA401_ANSWERS)))
def test_ctrl_c_at_each_question(answered: int, setup: Setup, battery: Any) -> None:
    child = setup.spawn(*KA401)
    for label, answer in zip(KA401_LABELS[:answered], KA401_ANSWERS[:answered], strict=True):
        child.expect(label)
        child.expect(" > ")
        child.sendline(answer)
    child.expect(KA401_LABELS[answered])
    child.expect(" > ")
    setup.interrupt(child, battery)


@pytest.mark.parametrize("command", ["triage", "support-kit"])
def test_ctrl_c_at_the_first_prompt_of(command: str, setup: Setup, battery: Any) -> None:
    child = setup.spawn(command, "--output", "report.json")
    child.expect(r"\[1/\d+\] ")
    child.expect(" > ")
    setup.interrupt(child, battery)


def test_ctrl_c_after_the_questions_keeps_the_answers_and_writes_no_report(setup: Setup, battery: Any) -> None:
    """The last answer is kept (in kakaoaudit's folder, never the working one) and no report is written."""
    child = setup.spawn(*KA401)
    for label, answer in zip(KA401_LABELS[:-1], KA401_ANSWERS[:-1], strict=True):
        child.expect(label)
        child.expect(" > ")
        child.sendline(answer)
    child.expect(KA401_LABELS[-1])
    child.expect(" > ")
    setup.interrupt(child, battery)
    assert "interrupted; no report was written. Your answers so far are kept in" in child.logfile_read.getvalue()
    kept = (setup.home / "answers.toml").read_text(encoding="utf-8")
    assert "enabled = true" in kept and 'route = "kakaotalk"' in kept and 'kind = "unknown"' in kept


def wait_for(condition: Callable[[], bool], child: Any, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the lookup never reached the server"
        assert child.isalive(), child.before
        time.sleep(0.05)


def test_ctrl_c_during_the_breach_lookup(setup: Setup, range_server: Any, battery: Any) -> None:
    range_server.serve(battery.Reply(mode="silent"))  # accepts, reads the request, never answers
    child = setup.spawn("audit", "--only", "KA201", "--output", "report.json", "--hibp-url", range_server.url,
                        "--timeout", "60")
    child.expect(PASSWORD_PROMPT)
    child.sendline(battery.PASSWORD)
    wait_for(lambda: bool(range_server.requests), child)
    setup.interrupt(child, battery)
