"""In a terminal the password comes first, and declining it drops the questions only the password checks use."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

# KA101 needs the password; KA301 shares the home country and phone number with it.
ARGS = ("audit", "--only", "KA101,KA301", "--no-history", "--offline")


def spawn(cwd: Path) -> pexpect.spawn:
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(cwd / "home")}
    return pexpect.spawn(executable, list(ARGS), cwd=str(cwd), env=env, encoding="utf-8", timeout=30,
                         dimensions=(50, 200))


def test_declining_the_password_skips_the_password_only_questions(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect(r"Kakao account password \(Enter to skip\): ")
    child.sendline("")
    # Only the questions KA301 needs: the nickname, Kakao ID and birth date are never asked.
    child.expect(r"\[1/4\] Which country do you live in")
    child.sendline("")
    child.expect(r"\[2/4\] Which phone number is registered")
    child.sendline("090-1234-5678")
    child.expect(r"\[3/4\] Which email address is registered")
    child.sendline("taro@example.com")
    child.expect(r"\[4/4\] Which of these are true today about your registered phone number and email\?")
    child.sendline("1")
    child.expect("you chose not to enter the password")
    child.expect("Save your answers to a file for next time")
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = shown.getvalue()
    assert text.index("Kakao account password") < text.index("[1/4]")
    # (The report's own advice speaks of birthdays: only the questions must be absent.)
    assert "Your name and the nickname" not in text and "Your Kakao ID" not in text and "Your birth date" not in text


def test_with_a_password_its_questions_come_next(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect(r"Kakao account password \(Enter to skip\): ")
    child.sendline("Otter-Compass-8830")
    child.expect(r"\[1/7\] Your name and the nickname you use in KakaoTalk")
    child.sendline("Taro")
    child.expect(r"\[2/7\] ")
    child.terminate(force=True)
