"""On a terminal (a real pty): the choice about an unusable history, and the confirmations."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kakaoaudit.history.store import HistoryStore

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

AUDIT = ("audit", "--only", "KA401", "--no-password")


def spawn(cwd: Path, home: Path, *args: str, lang: str = "en") -> pexpect.spawn:
    executable = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
    env = {**os.environ, "KAKAOAUDIT_LANG": lang, "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(home), "TZ": "UTC"}
    return pexpect.spawn(executable, list(args), cwd=str(cwd), env=env, encoding="utf-8", timeout=20,
                         dimensions=(50, 200))


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, child.signalstatus
    return int(child.exitstatus)


def aside(history_file: Path) -> list[Path]:
    return [p for p in history_file.parent.iterdir() if p.name.startswith("history.sqlite3.broken-")]


def test_audit_on_a_terminal_offers_to_move_a_damaged_history_aside(
    tmp_path: Path, home: Path, history_file: Path, write_answers: Callable[..., Path],
    unusable_file: Callable[[str, Path], bytes],
) -> None:
    original = unusable_file("corrupt", history_file)
    child = spawn(tmp_path, home, *AUDIT, "--answers", str(write_answers()))
    child.expect("is damaged and cannot be read")
    child.expect(r"Move it aside \(nothing is deleted\) and start a new history\? \[y/N\]")
    child.sendline("y")
    child.expect("Moved to .*history.sqlite3.broken-")
    child.expect(r"Score: \d+/100")
    child.expect("Kept in your history as no. 1")
    assert finish(child) == 0
    (moved,) = aside(history_file)
    assert moved.read_bytes() == original
    assert len(HistoryStore(history_file).entries()) == 1


def test_declining_keeps_the_file_and_the_audit_goes_on(
    tmp_path: Path, home: Path, history_file: Path, write_answers: Callable[..., Path],
    unusable_file: Callable[[str, Path], bytes],
) -> None:
    original = unusable_file("newer", history_file)
    child = spawn(tmp_path, home, *AUDIT, "--answers", str(write_answers()))
    child.expect("was written by a newer version of kakaoaudit")
    child.expect("Updating kakaoaudit keeps using it")
    child.expect(r"\[y/N\]")
    child.sendline("")  # the default is no
    child.expect("this audit will not be kept in the history")
    child.expect(r"Score: \d+/100")
    assert finish(child) == 0
    assert history_file.read_bytes() == original
    assert aside(history_file) == []


def test_history_list_on_a_terminal_offers_the_same_choice(
    tmp_path: Path, home: Path, history_file: Path, unusable_file: Callable[[str, Path], bytes],
) -> None:
    unusable_file("foreign", history_file)
    child = spawn(tmp_path, home, "history")
    child.expect("belongs to another program")
    child.expect(r"\[y/N\]")
    child.sendline("n")
    child.expect("The file stays as it is.")
    assert finish(child) == 2
    child = spawn(tmp_path, home, "history")
    child.expect(r"\[y/N\]")
    child.sendline("y")
    child.expect("A new history starts with your next audit.")
    assert finish(child) == 0
    assert len(aside(history_file)) == 1


@pytest.mark.parametrize(("answer", "deleted"), [("y", True), ("n", False), ("", False)])
def test_forget_asks_first(tmp_path: Path, home: Path, history_file: Path, add_report: Callable[..., int],
                           *, answer: str, deleted: bool) -> None:
    add_report(3)
    add_report(1)
    child = spawn(tmp_path, home, "history", "forget")
    child.expect(r"Delete all 2 audits in .*history.sqlite3\? This cannot be undone. \[y/N\]")
    child.sendline(answer)
    child.expect("The history was deleted." if deleted else "Nothing was deleted.")
    assert finish(child) == 0
    assert history_file.exists() is not deleted


def test_the_questions_in_japanese(tmp_path: Path, home: Path, history_file: Path, add_report: Callable[..., int],
                                   unusable_file: Callable[[str, Path], bytes]) -> None:
    add_report(1)
    child = spawn(tmp_path, home, "history", "prune", "--before", "2099-01-01", lang="ja")
    child.expect("削除しますか")
    child.sendline("いいえ")
    child.expect("削除していません")
    assert finish(child) == 0
    assert len(HistoryStore(history_file).entries()) == 1
