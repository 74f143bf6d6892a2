"""The interactive questionnaire in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")


def spawn(tmp_path: Path, *args: str, lang: str = "en") -> pexpect.spawn:
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": lang, "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(tmp_path / "home")}
    child = pexpect.spawn(executable, list(args), cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20,
                          dimensions=(50, 200))
    return child


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, child.signalstatus
    return int(child.exitstatus)


def test_questionnaire_asks_conditionally_helps_and_saves(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect(r"\[1/4\] Is 2-step verification turned on")
    child.expect("u = don't know")
    child.sendline("?")
    child.expect("To see it: KakaoTalk > Settings")
    child.sendline("maybe")
    child.expect("Please answer with true or false")
    child.sendline("y")
    child.expect(r"\[2/4\] How does the 2-step verification reach you\?")
    child.expect(r"1\) A KakaoTalk message")
    child.sendline("2")
    child.expect(r"\[3/4\] Is a backup email address registered")
    child.sendline("u")
    child.expect(r"\[4/4\] Does your phone block or filter")
    child.sendline("")
    child.expect("Please answer")
    child.sendline("n")
    child.expect(r"Score: \d+/100")
    child.expect("Save your answers to a file for next time")
    child.sendline("y")
    child.expect(r"File name \[kakaoaudit-answers.toml\]")
    child.sendline("mine.toml")
    child.expect("Saved. Next time: kakaoaudit --answers mine.toml")
    assert finish(child) == 0
    saved = (tmp_path / "mine.toml").read_text(encoding="utf-8")
    assert "enabled = true" in saved
    assert 'route = "phone"' in saved
    assert 'backup_email = "unknown"' in saved
    assert "sms_filter_blocks_kakao = false" in saved


def test_saved_answers_run_without_questions(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("[security.two_step]\nenabled = false\n", encoding="utf-8")
    child = spawn(tmp_path, "audit", "--answers", "a.toml")
    child.expect(r"\[1/1\] Does your phone block")  # only what the file leaves open is asked
    child.sendline("no")
    child.expect("2-step verification is off")
    child.expect("Save your answers")
    child.sendline("")  # default: no
    assert finish(child) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml"]


def test_japanese_questionnaire(tmp_path: Path) -> None:
    child = spawn(tmp_path, lang="ja")
    child.expect(r"\[1/4\] カカオアカウントの2段階認証はオンになっていますか")
    child.sendline("いいえ")
    child.expect(r"\[2/2\] スマートフォンで")
    child.sendline("はい")
    child.expect("スコア")
    child.expect("次回のために回答をファイルに保存しますか")
    child.sendline("n")
    assert finish(child) == 0


@pytest.mark.parametrize("at_question", [1, 2])
def test_ctrl_c_at_a_prompt_exits_130_and_writes_nothing(tmp_path: Path, at_question: int) -> None:
    child = spawn(tmp_path, "audit", "--output", "report.txt")
    child.expect(r"\[1/4\]")
    if at_question == 2:
        child.sendline("y")
        child.expect(r"\[2/4\]")
    child.sendintr()
    child.expect("interrupted; nothing was written")
    assert finish(child) == 130
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == []


def test_end_of_input_at_a_prompt_is_a_clear_error(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect(r"\[1/4\]")
    child.sendeof()
    child.expect("the input ended before every question was answered")
    assert finish(child) == 2
