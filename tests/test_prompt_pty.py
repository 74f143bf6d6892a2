"""The interactive questionnaire in a real pseudo-terminal (pexpect): the numbered prompts and the arrow keys.

Counts the questions of a first audit (at most 15 without a trip, 22 with one), checks that the counter
shows the real number from the first question and never jumps, that Ctrl-C keeps the answers and the
next run continues where it stopped, and that audit, triage and support-kit share one answers file
without asking anything twice or losing anything.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pexpect
import pytest
import tomllib

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

KA401_ONLY = ("audit", "--only", "KA401", "--no-history")
#: A question's number: [3/12], or [3a/12] for a follow-up of question 3.
LABEL = re.compile(r"\[(\d+)([a-z]*)/(\d+)\] ")
#: The hint before the cursor, "(yes/no, Enter = Japan, ? = help) > " / 「（はい/いいえ、? = 説明） > 」.
HINT = r"\n[(\uff08]((?:[^()\uff08\uff09\n]|[(\uff08][^()\uff08\uff09\n]*[)\uff09])*)[)\uff09] > "
PASSWORD = r"password \(Enter to skip\): |パスワード[^\n]*: "
CONFIRM = r"\[[Yy]/[Nn]\] |\uff08はい/いいえ、Enter = (?:はい|いいえ)\uff09 |\(예/아니요, Enter = (?:예|아니요)\) "


def default_sigint() -> None:
    """In the child before kakaoaudit starts: Ctrl-C interrupts, as in a person's terminal. A suite run in
    the background starts with SIGINT ignored, and an ignored signal stays ignored across exec."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(cwd: Path, *args: str, lang: str = "en", plain: bool = True, home: Path | None = None) -> pexpect.spawn:
    """kakaoaudit in a real pseudo-terminal, working in `cwd` (its data folder is outside it)."""
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": lang, "NO_COLOR": "1",
           "KAKAOAUDIT_HOME": str(home or cwd.parent / "home"), "TERM": "dumb" if plain else "xterm"}
    env.pop("KAKAOAUDIT_PLAIN", None)
    return pexpect.spawn(executable, list(args), cwd=str(cwd), env=env, encoding="utf-8", timeout=30,
                         dimensions=(50, 200), preexec_fn=default_sigint)


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


def saved(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


# --- a whole questionnaire, answered from the question's words -----------------------------------------

TRIP_DAY = date.today() + timedelta(days=12)


def answer_for(question: str, hint: str) -> str:
    """A valid answer for the question, chosen to open every follow-up (the longest questionnaire)."""
    text = question.casefold()
    if any(words in hint for words in ("yes/no", "はい/いいえ", "예/아니요", "y = 예")):
        return "y"
    if "1,3" in hint:
        return "1,2"
    if re.search(r"1[-〜~]\d", hint):
        return "1"
    by_words = (
        (("phone number is registered", "電話番号", "전화번호"), "090-1234-5678"),
        (("email address is registered", "メールアドレス", "이메일 주소"), "hanako@example.com"),
        (("nickname", "ニックネーム", "닉네임"), "Hanako"),
        (("birth date", "生年月日", "생년월일"), "1962/3/15"),
        (("travelling to", "渡航しますか", "여행하십니까"), "台湾"),
        (("do you leave", "出発", "출국"), f"{TRIP_DAY:%Y/%m/%d}"),
        (("come back", "帰国", "귀국"), f"{TRIP_DAY + timedelta(days=30):%Y/%m/%d}"),
        (("which countries are allowed", "許可", "허용"), "日本"),
        (("vpn's server", "vpn の接続先", "vpn 서버"), "JP"),
        (("which country do you live in", "お住まい", "사는 나라"), ""),
    )
    for words, answer in by_words:
        if any(word in text for word in words):
            return answer
    if "2024" in hint:
        return "2024/5"
    return ""


def run_questionnaire(child: pexpect.spawn, *, trip: bool, answer: Callable[[str, str], str] = answer_for,
                      password: str = "Otter-Compass-8830") -> list[tuple[str, str]]:
    """Answer every prompt until the report; the (label, question) of each question asked, in order."""
    asked: list[tuple[str, str]] = []
    while True:
        assert len(asked) < 60, asked[-5:]
        index = child.expect([HINT, PASSWORD, CONFIRM, r"Score: |スコア: |점수: ", pexpect.EOF], timeout=60)
        if index == 1:
            child.sendline(password)
            continue
        if index == 2:
            child.sendline("")
            continue
        if index >= 3:
            return asked
        hint = child.match.group(1)
        lines = [line for line in child.before.replace("\r", "").split("\n") if line.strip()]
        labelled = [line for line in lines if LABEL.match(line)]
        question = labelled[-1] if labelled else lines[-1]
        found = LABEL.match(question)
        # Only the opening question (the trip) and a time zone come without a number; anything else
        # unnumbered is the same question asked again after an answer that did not fit.
        assert found or not asked or "time zone" in question, (asked[-1], child.before[-500:])
        label = found.group(0).strip() if found else ""
        text = LABEL.sub("", question)
        asked.append((label, text))
        if not label:  # the opening question (the trip), before the counter starts
            child.sendline("y" if trip else "n")
        else:
            child.sendline(answer(text, hint))


def check_counter(asked: list[tuple[str, str]]) -> int:
    """The counter: the same total from the first numbered question, numbers 1..total in order, follow-ups
    lettered after their question. Returns the total."""
    labels = [LABEL.match(label + " ") for label, _text in asked if label]
    totals = {int(match.group(3)) for match in labels if match}
    assert len(totals) == 1, totals
    numbers = [int(match.group(1)) for match in labels if match and not match.group(2)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert numbers[-1] == totals.pop()
    return numbers[-1]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("trip", "limit"), [(False, 15), (True, 22)])
def test_a_first_audit_asks_at_most_15_questions_or_22_with_a_trip(work: Path, lang: str, trip: bool,
                                                                   limit: int) -> None:
    child = spawn(work, "audit", "--no-history", "--offline", lang=lang)
    asked = run_questionnaire(child, trip=trip)
    assert finish(child) in (0, 1)
    print(f"{lang} trip={trip}: {len(asked)} questions", *(f"{label} {text}" for label, text in asked), sep="\n")
    assert 10 <= len(asked) <= limit
    assert len({text for _label, text in asked}) == len(asked)  # nothing asked twice
    check_counter(asked)
    if lang == "ja":
        # 090 from a person writing in Japanese: Japan, not asked.
        assert not any("お住まい" in text for _label, text in asked)
    kept = saved(work.parent / "home" / "answers.toml")
    assert kept["travel"]["planned"] is trip  # type: ignore[index]
    assert "password" not in str(kept["password"]).casefold() or "reused" in kept["password"]  # type: ignore[index]
    assert "Otter" not in (work.parent / "home" / "answers.toml").read_text(encoding="utf-8")


def test_the_report_says_what_the_quick_check_did_not_cover(work: Path) -> None:
    child = spawn(work, "audit", "--no-history", "--offline", "--no-password")
    run_questionnaire(child, trip=False)
    child.expect(r"The quick check did not cover KA\d{3} ")
    child.expect(r"Run 'kakaoaudit audit --full' to answer the rest")
    assert finish(child) in (0, 1)
    # --full then asks only what is missing: the quick check's answers are kept.
    full = spawn(work, "audit", "--no-history", "--offline", "--no-password", "--full")
    asked = run_questionnaire(full, trip=False)
    assert finish(full) in (0, 1)
    texts = [text for _label, text in asked]
    assert not any("phone number is registered" in text for text in texts)
    assert any("terms of use" in text for text in texts)


# --- the numbered prompts ---------------------------------------------------------------------------------

def test_questions_help_errors_follow_ups_and_the_answers_kept(work: Path) -> None:
    child = spawn(work, *KA401_ONLY)
    child.expect(r"\[1/2\] Is 2-step verification turned on")
    child.expect("u = don't know")
    child.sendline("?")
    child.expect("Reportedly, the setting is at More")
    child.sendline("maybe")
    child.expect(r"Please answer y \(yes\) or n \(no\), or u if you don't know\.")
    child.sendline("はい")  # yes in any language
    child.expect(r"\[1a/2\] How does the 2-step verification reach you\?")
    child.expect(r"1\) A KakaoTalk message")
    child.sendline("3")
    child.expect(r"Please type one of the numbers 1 to 2 shown above, or u if you don't know\.")
    child.expect(r"1\) A KakaoTalk message")
    child.sendline("2")
    child.expect(r"\[1b/2\] Besides the main phone number and email, which backup contact")
    child.sendline("u")
    child.expect(r"\[2/2\] Is your phone set to block or filter")
    child.sendline("")
    child.expect("Please answer")
    child.sendline("아니요")
    child.expect(r"Your answers are kept in .*answers.toml \(never the password\)")
    child.expect(r"Score: \d+/100")
    assert finish(child) == 0
    assert sorted(p.name for p in work.iterdir()) == []  # kept in kakaoaudit's folder, not the working one
    kept = saved(work.parent / "home" / "answers.toml")
    assert kept["security"] == {"sms_filter_blocks_kakao": False,  # type: ignore[comparison-overlap]
                                "two_step": {"enabled": True, "route": "phone"}}
    assert kept["contacts"] == {"backup": {"kind": "unknown"}}
    assert set(kept["meta"]["answered"]) == {  # type: ignore[index]
        "security.two_step.enabled", "security.two_step.route", "contacts.backup.kind",
        "security.sms_filter_blocks_kakao"}


def test_saved_answers_are_not_asked_again_and_the_run_says_so(work: Path) -> None:
    home = work.parent / "home"
    home.mkdir()
    (home / "answers.toml").write_text("[security.two_step]\nenabled = false\n", encoding="utf-8")
    child = spawn(work, *KA401_ONLY)
    child.expect(r"Using 1 saved answers from .*answers.toml")
    child.expect(r"To change a saved answer: kakaoaudit audit --ask-again, or edit the file\.")
    child.expect(r"\[1/1\] Is your phone set to block")  # only what the file leaves open is asked
    child.sendline("no")
    child.expect("2-step verification is off")
    assert finish(child) == 0


def test_an_answer_about_today_older_than_30_days_is_asked_again(work: Path) -> None:
    home = work.parent / "home"
    home.mkdir()
    (home / "answers.toml").write_text(
        "# my notes\n[security.two_step]\nenabled = false\n[security]\nsms_filter_blocks_kakao = false\n"
        "[meta.answered]\n\"security.two_step.enabled\" = 2020-01-01T00:00:00Z\n"
        f"\"security.sms_filter_blocks_kakao\" = {date.today().isoformat()}T00:00:00Z\n", encoding="utf-8")
    child = spawn(work, *KA401_ONLY)
    child.expect(r"1 of them are asked again")
    child.expect(r"\[1/1\] Is 2-step verification turned on")
    child.expect(r"Enter keeps: no")
    child.sendline("")
    assert finish(child) == 0
    text = (home / "answers.toml").read_text(encoding="utf-8")
    assert text.startswith("# my notes")
    assert saved(home / "answers.toml")["meta"]["answered"]["security.two_step.enabled"].year == date.today().year  # type: ignore[index]


def test_japanese_questionnaire(work: Path) -> None:
    child = spawn(work, *KA401_ONLY, lang="ja")
    child.expect(r"\[1/2\] カカオアカウントの2段階認証はオンになっていますか")
    child.sendline("いいえ")
    child.expect(r"\[2/2\] スマートフォンで")
    child.sendline("はい")
    child.expect("スコア")
    assert finish(child) == 0


def test_a_date_as_people_write_it(work: Path) -> None:
    child = spawn(work, "audit", "--only", "KA304", "--no-history", lang="ja")
    child.expect(r"\[1/1\] ")
    child.sendline("2024/13/1")
    child.expect("2024年5月31日")  # what to type, in the person's language
    child.sendline("令和6年5月")
    assert finish(child) == 0
    assert saved(work.parent / "home" / "answers.toml")["contacts"]["reviewed_on"] == "2024-05"  # type: ignore[index]


def test_a_typo_in_an_email_domain_is_asked_again_then_kept(work: Path) -> None:
    child = spawn(work, "audit", "--only", "KA302", "--no-history")
    child.expect(r"\[1/1\] Which email address is registered")
    child.sendline("hanako@gmial.com")
    child.expect(r"did you mean hanako@gmail.com\?")
    child.sendline("hanako@gmial.com")  # the same again: kept (the person knows their address)
    child.expect(r"\[1a/1\] Can you sign in to that mailbox today")
    child.sendline("y")
    child.expect(r"\[1b/1\] ")
    child.sendline("n")
    assert finish(child) == 0
    assert saved(work.parent / "home" / "answers.toml")["contacts"]["email"] == "hanako@gmial.com"  # type: ignore[index]


# --- Ctrl-C, and continuing where it stopped ----------------------------------------------------------

def test_ctrl_c_keeps_the_answers_and_the_next_run_continues_where_it_stopped(work: Path) -> None:
    child = spawn(work, *KA401_ONLY, "--output", "report.txt")
    child.expect(r"\[1/2\] ")
    child.sendline("n")
    child.expect(r"\[2/2\] ")
    child.sendintr()
    child.expect(r"interrupted; no report was written\. Your answers so far are kept in .*answers.toml")
    assert finish(child) == 130
    assert list(work.iterdir()) == []  # no report
    kept = saved(work.parent / "home" / "answers.toml")
    assert kept["security"]["two_step"]["enabled"] is False  # type: ignore[index]
    assert kept["meta"]["unfinished"] == "audit"  # type: ignore[index]

    again = spawn(work, *KA401_ONLY)
    again.expect(r"Last time the questions stopped before the end \(1 answers kept\)\. Continue where you stopped\?")
    again.sendline("")
    again.expect(r"\[2/2\] Is your phone set to block")  # the same numbers: it goes on
    again.sendline("n")
    again.expect("2-step verification is off")
    assert finish(again) == 0
    assert "unfinished" not in saved(work.parent / "home" / "answers.toml")["meta"]  # type: ignore[operator]


def test_starting_again_asks_the_interrupted_answers_with_them_as_defaults(work: Path) -> None:
    child = spawn(work, *KA401_ONLY)
    child.expect(r"\[1/2\] ")
    child.sendline("n")
    child.expect(r"\[2/2\] ")
    child.sendintr()
    assert finish(child) == 130
    again = spawn(work, *KA401_ONLY)
    again.expect(r"Continue where you stopped\?")
    again.sendline("n")
    again.expect(r"\[1/2\] Is 2-step verification turned on")
    again.expect(r"Enter keeps: no")
    again.sendintr()
    assert finish(again) == 130


@pytest.mark.usefixtures("in_the_background")
def test_ctrl_c_works_when_the_tests_run_in_the_background(work: Path) -> None:
    child = spawn(work, *KA401_ONLY, "--output", "report.txt")
    child.expect(r"\[1/\d+\]")
    child.sendintr()
    child.expect("interrupted; nothing was written", timeout=10)
    assert finish(child) == 130


def test_end_of_input_at_a_prompt_is_a_clear_error(work: Path) -> None:
    child = spawn(work, *KA401_ONLY)
    child.expect(r"\[1/2\]")
    child.sendeof()
    child.expect("the input ended before every question was answered")
    assert finish(child) == 2


# --- one answers file for every command ----------------------------------------------------------------

def test_audit_triage_and_support_kit_share_one_file_and_never_ask_twice(work: Path) -> None:
    home = work.parent / "home"
    home.mkdir()
    expires = date.today() + timedelta(days=100)
    (home / "answers.toml").write_text("# Mother's answers\n[settings]\nreminder_days = 30\n\n"
                                       f"[suppress]\nKA506 = {{ reason = \"read them\", expires = {expires} }}\n",
                                       encoding="utf-8")
    every: list[str] = []
    before: dict[str, object] = {}
    for args in (("audit", "--no-history", "--offline", "--no-password"), ("triage",), ("support-kit",)):
        child = spawn(work, *args)
        asked = run_questionnaire(child, trip=False, answer=shared_answer)
        assert asked, args
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus in (0, 1), (args, child.before)
        texts = [text for _label, text in asked]
        assert not set(texts) & set(every), set(texts) & set(every)  # nothing asked twice
        every += texts
        now = saved(home / "answers.toml")
        assert_kept(before, now)
        before = now
    text = (home / "answers.toml").read_text(encoding="utf-8")
    assert text.startswith("# Mother's answers")
    assert before["settings"] == {"reminder_days": 30} and "KA506" in before["suppress"]  # type: ignore[operator]
    assert before["conduct"]["restricted_before"] and before["triage"]["symptoms"]  # type: ignore[index]
    assert before["support"]["device"]  # type: ignore[index]


def shared_answer(question: str, hint: str) -> str:
    text = question.casefold()
    if "when did it start" in text:
        return "2 hours ago"
    if "paste" in text or "notice's text" in text:
        return ""
    if "full name" in text:
        return "Hanako Yamada"
    if "which phone or computer" in text:
        return "iPhone 13"
    if "operating system" in text:
        return "iOS 18.1"
    if "version" in text:
        return "u"
    if "where support should reply" in text:
        return "hanako@example.com"
    if "inquiry number" in text:
        return ""
    if "outside your home country" in text:
        return "n"
    return answer_for(question, hint)


def assert_kept(before: object, after: object, path: str = "") -> None:
    """Every key of `before` is still in `after` (the values may have been updated by a later answer)."""
    if isinstance(before, dict):
        assert isinstance(after, dict), path
        for key, value in before.items():
            assert key in after, f"{path}.{key} was lost"
            assert_kept(value, after[key], f"{path}.{key}")


# --- arrow keys and checkboxes --------------------------------------------------------------------------

DOWN = "\x1b[B"


def test_arrow_keys_and_checkboxes_on_a_real_terminal(work: Path) -> None:
    child = spawn(work, "audit", "--only", "KA401,KA501", "--no-history", plain=False)
    child.expect(r"\[1/3\].*Is 2-step verification turned on")
    child.expect("arrow keys")
    child.send(DOWN)  # Yes -> No
    child.send("\r")
    child.expect(r"\[2/3\].*Is your phone set to block")
    child.send(DOWN + DOWN)  # Yes -> No -> I don't know
    child.send("\r")
    child.expect(r"\[3/3\].*Do any of these apply to your KakaoTalk")
    child.expect("Space ticks")
    child.send(" ")  # tick the first item
    child.send(DOWN)
    child.send(" ")  # and the second
    child.send("\r")
    child.expect("2-step verification is off")
    assert finish(child) == 0
    kept = saved(work.parent / "home" / "answers.toml")
    assert kept["security"]["two_step"]["enabled"] is False  # type: ignore[index]
    assert kept["security"]["sms_filter_blocks_kakao"] == "unknown"  # type: ignore[index]
    assert kept["conduct"]["recent_activity"] == ["same_message", "many_messages"]  # type: ignore[index]


def test_nothing_ticked_is_dont_know_not_no(work: Path) -> None:
    child = spawn(work, "audit", "--only", "KA501", "--no-history", "--format", "json", plain=False)
    child.expect(r"\[1/1\].*Do any of these apply")
    child.expect("nothing ticked = don't know")
    child.send("\r")
    child.expect('"sending-unknown"')
    assert finish(child) == 0


def test_plain_keeps_the_numbered_prompts_on_a_real_terminal(work: Path) -> None:
    child = spawn(work, *KA401_ONLY, "--plain", plain=False)
    child.expect(r"\[1/2\] Is 2-step verification turned on")
    child.expect(r"\(yes/no, u = don't know, \? = help\) > ")
    child.sendline("n")
    child.expect(r"\[2/2\] ")
    child.sendline("n")
    assert finish(child) == 0
