"""The interactive triage and support kit in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

ANSWERS = Path(__file__).parent / "answers"


def spawn(tmp_path: Path, *args: str, lang: str = "en") -> object:
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": lang, "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(tmp_path / "home"),
           "TERM": "dumb"}  # the numbered prompts (tests/test_prompt_pty.py drives the arrow keys)
    return pexpect.spawn(executable, list(args), cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20,
                         dimensions=(50, 200))


def finish(child: object) -> int:
    child.expect(pexpect.EOF)  # type: ignore[attr-defined]
    child.close()  # type: ignore[attr-defined]
    return int(child.exitstatus)  # type: ignore[attr-defined]


def test_triage_asks_reads_a_pasted_notice_and_keeps_the_answers(tmp_path: Path) -> None:
    child = spawn(tmp_path, "triage")
    child.expect(r"\[1/\d+\] What is happening\?")
    child.expect(r"1\) Messages stay \"sending\"")
    child.sendline("1,2")
    child.expect(r"When did it start\?")
    child.sendline("next week")
    child.expect(r'Please answer with a date and time like "2026-11-20 14:30"')
    child.sendline("2026-11-27 09:00")
    child.expect(r"What did the notice or pop-up in KakaoTalk say\?")
    child.sendline("7")  # something else: the text decides
    child.expect(r"Paste the text, then press Enter on an empty line")
    child.sendline("For your protection,")
    child.sendline("additional verification")
    child.sendline("is required.")
    child.sendline("")
    child.expect(r"do other apps .* reach the internet right now\?")
    child.sendline("y")
    # Asked once for every command: the audit's question (conduct.restricted_before).
    child.expect(r"Has KakaoTalk ever restricted your account")
    child.sendline("1")
    child.expect(r"did you see a login you did not make")
    child.sendline("u")
    child.expect(r"Which country do you live in")
    child.expect(r"Enter = Japan[,)]")
    child.sendline("")
    child.expect(r"outside your home country right now\?")
    child.sendline("n")
    child.expect(r"Your answers are kept in .*answers.toml \(never the password\)")
    child.expect(r"For another person, give them a file of their own: kakaoaudit triage --answers OTHER.toml")
    child.expect(r"Long-term restriction")
    child.expect(r'The notice says "additional verification is required"')
    assert finish(child) == 0
    saved = (tmp_path / "home" / "answers.toml").read_text(encoding="utf-8")
    assert 'restricted_before = "never"' in saved
    assert 'notice_text = "For your protection,\\nadditional verification\\nis required."' in saved
    assert 'since = "2026-11-27 09:00"' in saved and "suspicious_login = \"unknown\"" in saved
    assert not [line for line in saved.splitlines() if line.split("=")[0].strip().lower().startswith("password")]


def test_support_kit_asks_the_time_zone_of_a_country_with_several(tmp_path: Path) -> None:
    from kakaoaudit.triage.restriction import distinct_zones

    text = (ANSWERS / "abroad.toml").read_text(encoding="utf-8").replace('time_zone = "America/Los_Angeles"\n', "")
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    child = spawn(tmp_path, "support-kit", "--answers", "a.toml")
    child.expect(r"United States has several time zones\. Which one are you in\?")
    child.expect(r"America/Los_Angeles \(UTC-\d+:00 today\)")
    from datetime import datetime, timezone

    number = distinct_zones("US", datetime.now(timezone.utc).date()).index("America/Los_Angeles") + 1
    child.sendline(str(number))
    child.expect(r"About lifting a usage restriction \(inquiry from abroad\)")
    child.expect(r"United States \(America/Los_Angeles\)")
    child.expect(r"Save this draft to a file\?")
    child.sendline("")  # no
    assert finish(child) == 0
    assert 'time_zone = "America/Los_Angeles"' in (tmp_path / "a.toml").read_text(encoding="utf-8")
    assert "a.toml" in {p.name for p in tmp_path.iterdir()}
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".toml", ".txt", ".md") and p.name != "a.toml"]


def test_japanese_prompts(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text((ANSWERS / "home.toml").read_text(encoding="utf-8").replace(
        'since = "2026-11-27 21:15"\n', ""), encoding="utf-8")
    child = spawn(tmp_path, "triage", "--answers", "a.toml", lang="ja")
    child.expect(r"\[1/1\] いつから起きていますか")
    child.sendline("2026年11月27日 21時15分")
    child.expect("長期的な利用制限")
    assert finish(child) == 0
    assert 'since = "2026-11-27 21:15"' in (tmp_path / "a.toml").read_text(encoding="utf-8")


def test_support_kit_shows_the_verdict_first_and_saves_the_draft(tmp_path: Path) -> None:
    import stat

    child = spawn(tmp_path, "support-kit", "--answers", str(ANSWERS / "home.toml"))
    child.expect(r"What triage says first")
    child.expect(r"Likely: ")
    child.expect(r"Dear Kakao Customer Center")
    child.expect(r"Save this draft to a file\? \(it holds your contacts in full")
    child.sendline("y")
    child.expect(r"File name \[(.*support-kit-\d{4}-\d{2}-\d{2}\.txt)\]:")
    default = Path(child.match.group(1))  # type: ignore[attr-defined]
    child.sendline("")
    child.expect(r"Saved the draft to ")
    assert finish(child) == 0
    assert default.parent == tmp_path / "home" and default.is_file()
    text = default.read_text(encoding="utf-8")
    assert text.index("What triage says first") < text.index("Dear Kakao Customer Center")
    assert stat.S_IMODE(default.stat().st_mode) == 0o600
