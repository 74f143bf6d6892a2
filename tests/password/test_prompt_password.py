"""The hidden password prompt in a real pseudo-terminal (pexpect): no echo, and Enter declines."""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

CANARY = "Otter-Compass-8830"


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(tmp_path / "home")}
    return pexpect.spawn(executable, list(args), cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30,
                         dimensions=(50, 200))


@pytest.fixture
def prepared(cli: Callable[..., Any], tmp_path: Path, dataset_file: Callable[..., Path]) -> tuple[Path, Path]:
    answers = tmp_path / "answers.toml"
    assert cli("init", "--sample", "-o", str(answers)).exit_code == 0
    return answers, dataset_file(tmp_path / "pwned.txt", {CANARY: 64})


def test_the_password_is_not_echoed_and_is_checked(tmp_path: Path, prepared: tuple[Path, Path]) -> None:
    answers, dataset = prepared
    child = spawn(tmp_path, "audit", "--answers", str(answers), "--only", "KA101,KA201", "--offline",
                  "--hibp-dataset", str(dataset))
    session = io.StringIO()
    child.logfile_read = session  # everything the terminal showed, echo included
    child.expect("only the first 5 characters of its SHA-1 hash")
    child.expect(r"Kakao account password \(Enter to skip\): ")
    child.sendline(CANARY)
    child.expect(r"Your password appears in known data leaks \(64 times\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = session.getvalue()
    assert "Your password appears in known data leaks" in shown
    assert CANARY not in shown and CANARY[:6] not in shown


def test_enter_declines_and_the_checks_are_skipped(tmp_path: Path, prepared: tuple[Path, Path]) -> None:
    answers, dataset = prepared
    child = spawn(tmp_path, "audit", "--answers", str(answers), "--only", "KA101,KA201", "--offline",
                  "--hibp-dataset", str(dataset))
    child.expect(r"Kakao account password \(Enter to skip\): ")
    child.sendline("")
    child.expect("you chose not to enter the password")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
