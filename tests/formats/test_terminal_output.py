"""The table on a real terminal (a pty): coloured and fitted to its width; never coloured with
NO_COLOR, in a pipe or in a file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from kakaoaudit.formats.terminal import cells

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")
EXECUTABLE = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    return {**base, "KAKAOAUDIT_HOME": str(tmp_path / "home"), **extra}


def on_terminal(tmp_path: Path, columns: int, *args: str, **extra: str) -> str:
    child = pexpect.spawn(EXECUTABLE, list(args), cwd=str(tmp_path), env=env(tmp_path, **extra), encoding="utf-8",
                          timeout=60, dimensions=(40, columns))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus in (0, 1), child.before
    return str(child.before).replace("\r\n", "\n")


@pytest.mark.parametrize(("lang", "columns"), [("ja", 60), ("ko", 72), ("en", 100)])
def test_coloured_and_fitted_on_a_terminal(tmp_path: Path, lang: str, columns: int) -> None:
    text = on_terminal(tmp_path, columns, "demo", "--lang", lang)
    assert ANSI.search(text), "no colour on a terminal"
    widest = max(cells(line) for line in text.splitlines())
    assert widest <= columns, (widest, [line for line in text.splitlines() if cells(line) > columns][:3])


def test_no_color_turns_colour_off(tmp_path: Path) -> None:
    text = on_terminal(tmp_path, 80, "demo", NO_COLOR="1")
    assert not ANSI.search(text)
    assert "Score:" in text


def test_no_colour_in_a_pipe_or_a_file(tmp_path: Path) -> None:
    piped = subprocess.run([EXECUTABLE, "demo"], capture_output=True, text=True, env=env(tmp_path), timeout=60,
                           check=False)
    assert piped.returncode in (0, 1) and "Score:" in piped.stdout and not ANSI.search(piped.stdout)
    target = tmp_path / "report.txt"
    on_terminal(tmp_path, 80, "demo", "-o", str(target))
    written = target.read_text(encoding="utf-8")
    assert "Score:" in written and not ANSI.search(written)
    assert max(cells(line) for line in written.splitlines()) <= 100


def test_show_reads_a_report_piped_in(tmp_path: Path) -> None:
    report = subprocess.run([EXECUTABLE, "demo", "--format", "json", "--lang", "ja"], capture_output=True,
                            env=env(tmp_path), timeout=60, check=False).stdout
    shown = subprocess.run([EXECUTABLE, "show", "-", "--format", "markdown"], input=report, capture_output=True,
                           env=env(tmp_path), timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    assert "セキュリティ設定の強化" in shown.stdout.decode("utf-8")
