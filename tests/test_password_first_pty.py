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
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(cwd / "home"),
           "TERM": "dumb"}
    return pexpect.spawn(executable, list(ARGS), cwd=str(cwd), env=env, encoding="utf-8", timeout=30,
                         dimensions=(50, 200))


def test_declining_the_password_skips_the_password_only_questions(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect(r"Kakao account password \(Enter to skip\): ")
    child.sendline("")
    # Only the questions KA301 needs: the nickname, Kakao ID and birth date are never asked; the home
    # country follows from a number with its country code.
    child.expect(r"\[1/1\] Which phone number is registered")
    child.sendline("+81 90-1234-5678")
    child.expect(r"\[1a/1\] Is that registered number the number of the phone you use now\?")
    child.sendline("y")
    child.expect("you chose not to enter the password")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = shown.getvalue()
    assert text.index("Kakao account password") < text.index("[1/1]")
    assert "Which country do you live in" not in text
    # (The report's own advice speaks of birthdays: only the questions must be absent.)
    assert "Your name and the nickname" not in text and "Your Kakao ID" not in text and "Your birth date" not in text


def test_with_a_password_its_questions_come_next(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect(r"Kakao account password \(Enter to skip\): ")
    child.sendline("Otter-Compass-8830")
    # --only: every question of the checks (the Kakao ID too, which the quick check leaves out).
    child.expect(r"\[1/5\] Which phone number is registered")
    child.sendline("090-1234-5678")
    child.expect(r"\[1a/5\] Which country do you live in")  # not inferred in English: 090 is not only Japan's
    child.sendline("")
    child.expect(r"\[1b/5\] Is that registered number")
    child.sendline("y")
    child.expect(r"\[2/5\] Which email address")
    child.sendline("")
    child.expect(r"\[3/5\] Your name and the nickname you use in KakaoTalk")
    child.sendline("Taro")
    child.expect(r"\[4/5\] Your birth date")
    child.terminate(force=True)
