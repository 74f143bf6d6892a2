"""``kakaoaudit travel`` on a real terminal (pexpect): a mistyped country is asked again with suggestions."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import pexpect
import pytest

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty"), pytest.mark.calendar]

ANSWERS = """
[profile]
home_country = "JP"
[security.country_restriction]
enabled = true
countries = ["JP"]
[security.two_step]
enabled = true
route = "kakaotalk"
[contacts.backup]
kind = "email"
reachable_without_phone = true
[travel]
sim_plan = "home_sim"
roaming = true
public_wifi_plan = "mobile_data"
long_stay = false
documents = ["passport"]
[recovery]
chat_backup = "unknown"
"""


def test_the_travel_questions_on_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "answers.toml").write_text(ANSWERS, encoding="utf-8")
    depart = date.today() + timedelta(days=10)
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(tmp_path / "home"),
           "TERM": "dumb"}
    child = pexpect.spawn(executable, ["travel", "--answers", "answers.toml", "--depart", depart.isoformat(),
                                       "--no-history"], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=20,
                          dimensions=(50, 200))
    child.expect(r"\[1/\d+\] Which country are you travelling to\?")
    child.sendline("Tiawan")
    child.expect(r"did you mean Taiwan \(TW\)")
    child.sendline("台湾")
    child.expect(r"On which date do you come back\?")
    child.sendline((depart + timedelta(days=5)).isoformat())
    child.expect(r"Will you use a VPN")
    child.sendline("n")
    child.expect(r"Your answers are kept in answers.toml")
    child.expect(r"Next time: kakaoaudit travel --answers answers.toml")
    child.expect(r"Trip to Taiwan \(TW\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = (tmp_path / "answers.toml").read_text(encoding="utf-8")
    assert 'destination = "TW"' in saved and "used = false" in saved  # merged into the file it was given
    assert 'sim_plan = "home_sim"' in saved  # what was there is kept
