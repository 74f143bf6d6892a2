"""The interactive questionnaire in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")


KA401_ONLY = ("audit", "--only", "KA401", "--no-history")


def default_sigint() -> None:
    """In the child before kakaoaudit starts: Ctrl-C interrupts, as in a person's terminal. A suite run in
    the background starts with SIGINT ignored, and an ignored signal stays ignored across exec."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(cwd: Path, *args: str, lang: str = "en") -> pexpect.spawn:
    """kakaoaudit in a real pseudo-terminal, working in `cwd` (its data folder is outside it)."""
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": lang, "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(cwd.parent / "home")}
    child = pexpect.spawn(executable, list(args), cwd=str(cwd), env=env, encoding="utf-8", timeout=30,
                          dimensions=(50, 200), preexec_fn=default_sigint)
    return child


@pytest.fixture
def in_the_background() -> Iterator[None]:
    """This process with SIGINT ignored, as a shell starts a background job (``pytest &``)."""
    saved = signal.signal(signal.SIGINT, signal.SIG_IGN)
    yield
    signal.signal(signal.SIGINT, saved)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, child.signalstatus
    return int(child.exitstatus)


def test_questionnaire_asks_conditionally_helps_and_saves(work: Path) -> None:
    child = spawn(work, *KA401_ONLY)
    child.expect(r"\[1/4\] Is 2-step verification turned on")
    child.expect("u = don't know")
    child.sendline("?")
    child.expect("Reportedly, the setting is at More")
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
    saved = (work / "mine.toml").read_text(encoding="utf-8")
    assert "enabled = true" in saved
    assert 'route = "phone"' in saved
    assert 'backup_email = "unknown"' in saved
    assert "sms_filter_blocks_kakao = false" in saved


def test_saved_answers_run_without_questions(work: Path) -> None:
    (work / "a.toml").write_text("[security.two_step]\nenabled = false\n", encoding="utf-8")
    child = spawn(work, *KA401_ONLY, "--answers", "a.toml")
    child.expect(r"\[1/1\] Does your phone block")  # only what the file leaves open is asked
    child.sendline("no")
    child.expect("2-step verification is off")
    child.expect("Save your answers")
    child.sendline("")  # default: no
    assert finish(child) == 0
    assert sorted(p.name for p in work.iterdir()) == ["a.toml"]


def test_japanese_questionnaire(work: Path) -> None:
    child = spawn(work, *KA401_ONLY, lang="ja")
    child.expect(r"\[1/4\] カカオアカウントの2段階認証はオンになっていますか")
    child.sendline("いいえ")
    child.expect(r"\[2/2\] スマートフォンで")
    child.sendline("はい")
    child.expect("スコア")
    child.expect("次回のために回答をファイルに保存しますか")
    child.sendline("n")
    assert finish(child) == 0


@pytest.mark.parametrize("at_question", [1, 2])
def test_ctrl_c_at_a_prompt_exits_130_and_writes_nothing(work: Path, at_question: int) -> None:
    child = spawn(work, *KA401_ONLY, "--output", "report.txt")
    child.expect(r"\[1/4\]")
    if at_question == 2:
        child.sendline("y")
        child.expect(r"\[2/4\]")
    child.sendintr()
    child.expect("interrupted; nothing was written")
    assert finish(child) == 130
    assert list(work.iterdir()) == []


@pytest.mark.usefixtures("in_the_background")
def test_ctrl_c_works_when_the_tests_run_in_the_background(work: Path) -> None:
    child = spawn(work, *KA401_ONLY, "--output", "report.txt")
    child.expect(r"\[1/4\]")
    child.sendintr()
    child.expect("interrupted; nothing was written", timeout=10)
    assert finish(child) == 130


def test_end_of_input_at_a_prompt_is_a_clear_error(work: Path) -> None:
    child = spawn(work, *KA401_ONLY)
    child.expect(r"\[1/4\]")
    child.sendeof()
    child.expect("the input ended before every question was answered")
    assert finish(child) == 2


QUESTION = re.compile(r"\[(\d+)/(\d+)\] ")


def answer_for(hint: str) -> str:
    """A plausible answer for the prompt's hint: "don't know" where allowed, else the first choice."""
    if "u = don't know" in hint:
        return "u"
    if "Enter = " in hint:
        return ""
    if "y/n" in hint:
        return "n"
    if "YYYY-MM-DD" in hint:
        return "2026-01-15"
    if "number" in hint:
        return "1"
    return "x"


def test_plain_kakaoaudit_asks_every_enabled_check_and_reports(work: Path) -> None:
    """`kakaoaudit` alone, as a person would run it: every question, the password prompt, the report."""
    child = spawn(work)
    asked = 0
    totals = set()
    while True:
        index = child.expect([QUESTION, r"password \(Enter to skip\): ", r"Score: ", r"Please answer with "],
                             timeout=30)
        if index == 3:
            child.expect(r" > ")
            child.sendline("1")  # the first choice is always valid where a guess was not
        elif index == 0:
            asked += 1
            assert int(child.match.group(1)) == asked
            totals.add(int(child.match.group(2)))
            child.expect(r"\n(\([^\n]*\)) > ")
            child.sendline(answer_for(child.match.group(1)))
        elif index == 1:
            child.sendline("")  # decline: the password checks are skipped
        else:
            break
    child.expect("Save your answers")
    child.sendline("n")
    assert finish(child) == 0
    assert asked >= 10
    # Follow-up questions depend on earlier answers: the counter adapts but never goes backwards.
    assert max(totals) >= asked


def test_saving_over_the_answers_file_keeps_its_settings(work: Path) -> None:
    answers = work / "a.toml"
    answers.write_text("[security.two_step]\nenabled = false\n\n[settings]\nreminder_days = 30\n", encoding="utf-8")
    child = spawn(work, *KA401_ONLY, "--answers", "a.toml")
    child.expect(r"\[1/1\] Does your phone block")
    child.sendline("n")
    child.expect("Save your answers")
    child.sendline("y")
    child.expect(r"File name")
    child.sendline("a.toml")
    child.expect(r"a.toml exists. Replace it\?")
    child.sendline("y")
    child.expect("Saved.")
    assert finish(child) == 0
    text = answers.read_text(encoding="utf-8")
    assert "sms_filter_blocks_kakao = false" in text
    assert '"reminder_days" = 30' in text
    rerun = spawn(work, *KA401_ONLY, "--answers", "a.toml", "--no-input")
    assert finish(rerun) == 0
