"""Every reader is bounded: a limit on what is read (not on what `stat` says), and on nesting.

`/dev/zero` has a size of 0 and never ends; a FIFO or standard input has no size at all. Each
reader of the user's input stops one byte past its limit and says so in one line (exit 2); deeply
nested TOML or JSON is one line too, never a RecursionError.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.inputs import MAX_DEPTH, read_limited, too_deep

pytestmark = [pytest.mark.hardening,
              pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")]

#: Memory the command may use at most (address space): far more than it needs, far less than an endless read.
MEMORY_LIMIT = 1024 * 1024 * 1024


def limited_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(tmp_path: Path, battery: Any, *args: str, stdin: Any = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    done = subprocess.run([battery.EXECUTABLE, *args], cwd=tmp_path, env=battery.environment(tmp_path / "home"),
                          stdin=stdin, capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=limited_memory)
    battery.count("fault cases")
    assert time.monotonic() - started < 60
    return done


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr[-500:])
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr[-1000:]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    return lines[0]


# ---- endless inputs --------------------------------------------------------------------------

def test_an_endless_file_among_reports_is_skipped_with_a_limit(tmp_path: Path, battery: Any) -> None:
    done = run(tmp_path, battery, "summary", "/dev/zero")
    assert done.returncode == 2
    assert "/dev/zero: too large for a kakaoaudit report" in done.stderr


@pytest.mark.parametrize("args", [("show", "/dev/zero"),
                                  ("audit", "--answers", "/dev/zero", "--no-password", "--offline"),
                                  ("triage", "--answers", "/dev/zero", "--no-input"),
                                  ("travel", "--answers", "/dev/zero", "--no-input")],
                         ids=["show", "audit", "triage", "travel"])
def test_an_endless_file_is_read_with_a_limit(args: tuple[str, ...], tmp_path: Path, battery: Any) -> None:
    line = one_line(run(tmp_path, battery, *args))
    assert "/dev/zero" in line and "too large" in line


@pytest.mark.parametrize("args", [("show", "-"), ("check-url", "-"),
                                  ("audit", "--password-stdin", "--only", "KA101", "--no-history", "--no-input")],
                         ids=["show", "check-url", "password"])
def test_endless_standard_input_is_read_with_a_limit(args: tuple[str, ...], tmp_path: Path, battery: Any) -> None:
    with open("/dev/zero", "rb") as zero:
        line = one_line(run(tmp_path, battery, *args, stdin=zero))
    assert "longer than" in line or "too large" in line or "more than" in line, line


def test_a_stream_that_never_ends_is_read_up_to_the_limit_plus_one() -> None:
    class Endless(io.RawIOBase):
        read_so_far = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            buffer[:] = b"x" * len(buffer)
            self.read_so_far += len(buffer)
            return len(buffer)

    stream = Endless()
    data = read_limited(io.BufferedReader(stream), 1000)
    assert len(data) == 1001
    assert stream.read_so_far < 64 * 1024  # not the whole stream, not even one more chunk than needed


# ---- nesting ---------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 100_000])
def test_deeply_nested_toml_is_one_line(depth: int, tmp_path: Path, battery: Any) -> None:
    (tmp_path / "deep.toml").write_text("x = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    for command in (("audit", "--no-password", "--offline", "--no-history"), ("triage", "--no-input")):
        line = one_line(run(tmp_path, battery, *command, "--answers", "deep.toml"))
        assert "nested too deeply" in line


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 100_000])
def test_deeply_nested_json_is_one_line(depth: int, tmp_path: Path, battery: Any) -> None:
    (tmp_path / "deep.json").write_text("[" * depth + "]" * depth, encoding="utf-8")
    assert "nested too deeply" in one_line(run(tmp_path, battery, "show", "deep.json"))
    with (tmp_path / "deep.json").open("rb") as stdin:
        assert "nested too deeply" in one_line(run(tmp_path, battery, "show", "-", stdin=stdin))
    summary = run(tmp_path, battery, "summary", "deep.json")
    assert summary.returncode == 2 and "nested too deeply" in summary.stderr


def test_nesting_in_a_real_report_is_looked_at_without_recursion() -> None:
    deep: Any = []
    for _ in range(sys.getrecursionlimit() * 2):
        deep = [deep]
    assert too_deep(deep)
    assert not too_deep({"a": [[{"b": 1}]]})
    assert too_deep({"a": [[]] * 3}, limit=1)


def test_nested_messages_in_a_report_are_one_line(tmp_path: Path, battery: Any, cli: Any) -> None:
    """Messages inside messages, under the parser's limit but over kakaoaudit's."""
    import json

    report = json.loads(cli("demo", "--format", "json").stdout)
    message: dict[str, Any] = {"domain": "kakaoaudit", "msgid": "{x}", "params": {}}
    for _ in range(200):
        message = {"domain": "kakaoaudit", "msgid": "{x}", "params": {"x": {"msg": message}}}
    report["findings"][0]["i18n"]["title"] = message
    (tmp_path / "nested.json").write_text(json.dumps(report), encoding="utf-8")
    assert "nested too deeply" in one_line(run(tmp_path, battery, "show", "nested.json"))


# ---- the password line -----------------------------------------------------------------------

def test_a_password_line_longer_than_the_limit_is_refused(cli: Any, canary_answers: Path) -> None:
    from kakaoaudit.commands.audit import MAX_PASSWORD_LENGTH

    common = ("audit", "--answers", str(canary_answers), "--password-stdin", "--only", "KA101", "--no-history")
    result = cli(*common, stdin="p" * (MAX_PASSWORD_LENGTH + 1))
    assert result.exit_code == 2
    assert "--password-stdin: the first line is longer than" in result.stderr
    assert "p" * 100 not in result.stderr
    fits = cli(*common, "--format", "json", stdin="p" * MAX_PASSWORD_LENGTH + "\r\n")
    assert fits.exit_code in (0, 1), fits.stderr


def test_a_pasted_line_at_a_prompt_is_read_with_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from kakaoaudit.core.errors import InputError
    from kakaoaudit.questionnaire import prompt

    monkeypatch.setattr(sys, "stdin", io.StringIO("y" * (prompt.MAX_LINE_LENGTH + 10)))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with pytest.raises(InputError, match="longer than"):
        prompt._read_line("> ")


def test_a_deeply_nested_history_row_is_a_damaged_entry(cli: Any, canary_answers: Path) -> None:
    import sqlite3
    from contextlib import closing

    from kakaoaudit.history.store import default_path

    for _ in range(2):
        assert cli("audit", "--answers", str(canary_answers), "--no-password", "--offline",
                   "--format", "json").exit_code in (0, 1)
    with closing(sqlite3.connect(default_path())) as conn:
        conn.execute("UPDATE reports SET report = ? WHERE id = 2", ("[" * 100_000 + "]" * 100_000,))
        conn.commit()
    for args in (("history", "diff"), ("history", "export")):
        result = cli(*args)
        assert result.exit_code == 2, result.stderr
        assert "internal error" not in result.stderr and "damaged" in result.stderr
