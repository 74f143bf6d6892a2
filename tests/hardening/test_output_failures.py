"""Output failures are told, with the right code; no wrong "safe"; --debug hides the password.

* Standard output full (``> /dev/full``), closed (``>&-``) or a broken pipe: exit 74 (EX_IOERR) with
  one line (quietly for a broken pipe), never 0, 1 or 70; an audit whose report was not delivered
  does not say it was and is not kept in the history.
* A byte order mark before the password on standard input is not part of it.
* `--debug` shows a failing check's traceback without the password, its SHA-1 hash, prefix or suffix.
* No colour or escape codes for ``TERM=dumb`` or ``NO_COLOR``.
* `history forget` deletes only kakaoaudit's own history.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.hardening, pytest.mark.skipif(os.name != "posix", reason="POSIX streams and devices")]

EXIT_IO = 74


@pytest.fixture
def work(tmp_path: Path, battery: Any) -> Path:
    """A folder with the sample answers; the history in its `home`."""
    done = subprocess.run([battery.EXECUTABLE, "init", "--sample", "-o", "answers.toml"], cwd=tmp_path,
                          env=battery.environment(tmp_path / "home"), capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return tmp_path


def shell(work: Path, battery: Any, command: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """`command` in sh, with `kakaoaudit` standing for the installed command."""
    script = command.replace("kakaoaudit", f'"{battery.EXECUTABLE}"')
    done = subprocess.run(["/bin/sh", "-c", script], cwd=work, env=battery.environment(work / "home", **extra),
                          capture_output=True, text=True, timeout=120, check=False)
    battery.count("fault cases")
    return done


def rows(work: Path) -> int:
    database = work / "home" / "history.sqlite3"
    if not database.exists():
        return 0
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])


AUDIT = "kakaoaudit audit --answers answers.toml --no-password --offline"


# ---- standard output -------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", ["kakaoaudit demo", "kakaoaudit demo --format json", "kakaoaudit schema",
                                     "kakaoaudit checks", "kakaoaudit history", "kakaoaudit --version",
                                     "kakaoaudit check-url https://www.kakao.com", "kakaoaudit init --sample -o -",
                                     "kakaoaudit triage --demo", "kakaoaudit support-kit --demo", AUDIT])
def test_a_full_standard_output_is_exit_74_and_one_line(command: str, work: Path, battery: Any) -> None:
    done = shell(work, battery, f"{command} > /dev/full")
    assert done.returncode == EXIT_IO, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("kakaoaudit:")]
    assert errors == ["kakaoaudit: cannot write to standard output: the disk is full; free some space or choose "
                      "another disk"], done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


@pytest.mark.parametrize("command", ["kakaoaudit demo", "kakaoaudit --version", "kakaoaudit history", AUDIT])
def test_a_closed_standard_output_is_exit_74_and_one_line(command: str, work: Path, battery: Any) -> None:
    done = shell(work, battery, f"{command} >&-")
    assert done.returncode == EXIT_IO, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "kakaoaudit: cannot write to standard output: it is closed"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [("demo",), ("demo", "--format", "json"), ("history",), ("schema",)])
def test_a_broken_pipe_is_exit_74_quietly(args: tuple[str, ...], work: Path, battery: Any) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before kakaoaudit writes a byte
    try:
        done = subprocess.run([battery.EXECUTABLE, *args], cwd=work, env=battery.environment(work / "home"),
                              stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60, check=False)
    finally:
        os.close(write_end)
    battery.count("fault cases")
    assert done.returncode == EXIT_IO
    assert done.stderr == "", done.stderr


def test_a_report_not_delivered_is_not_kept_nor_claimed(work: Path, battery: Any) -> None:
    assert shell(work, battery, f"{AUDIT} --format json > out.json").returncode in (0, 1)
    assert rows(work) == 1
    for target in ("> /dev/full", ">&-"):
        done = shell(work, battery, f"{AUDIT} {target}")
        assert done.returncode == EXIT_IO
        assert "Kept in your history" not in done.stderr
        assert rows(work) == 1, f"an audit whose report was not delivered ({target}) was kept in the history"
    # Also with --fail-under tripped: the delivery failure wins, it is not "1".
    done = shell(work, battery, f"{AUDIT} --fail-under 100 > /dev/full")
    assert done.returncode == EXIT_IO


def test_a_report_written_to_a_file_with_standard_output_closed_is_fine(work: Path, battery: Any) -> None:
    done = shell(work, battery, "kakaoaudit demo -o report.txt >&-")
    assert done.returncode == 0, done.stderr
    assert (work / "report.txt").stat().st_size > 0


def test_the_exit_code_is_documented() -> None:
    root = Path(__file__).resolve().parents[2]
    for document in ("README.md", "docs/security.md"):
        text = (root / document).read_text(encoding="utf-8")
        assert "74" in text, f"{document} does not tell exit code 74"


# ---- the password ----------------------------------------------------------------------------

def _dataset(folder: Path, password: str) -> Path:
    """An offline Pwned Passwords folder in which `password` was leaked 42 times."""
    digest = hashlib.sha1(password.encode("utf-8")).hexdigest().upper()
    dataset = folder / "ranges"
    dataset.mkdir()
    (dataset / f"{digest[:5]}.txt").write_text(f"{digest[5:]}:42\r\n", encoding="ascii")
    for prefix in ("00000", "FFFFF"):
        if not (dataset / f"{prefix}.txt").exists():
            (dataset / f"{prefix}.txt").write_text("0" * 35 + ":1\r\n", encoding="ascii")
    return dataset


@pytest.mark.parametrize("line", ["\ufeff{password}\n", "\ufeff{password}\r\n", "{password}\r\n"])
def test_a_byte_order_mark_is_not_part_of_the_password(line: str, work: Path, battery: Any) -> None:
    """Windows editors and PowerShell start the line with a BOM: the leaked password must still be found."""
    dataset = _dataset(work, battery.PASSWORD)
    done = subprocess.run(
        [battery.EXECUTABLE, "audit", "--answers", "answers.toml", "--password-stdin", "--hibp-dataset", str(dataset),
         "--offline", "--only", "KA201", "--no-history", "--format", "json"],
        cwd=work, env=battery.environment(work / "home"), input=line.format(password=battery.PASSWORD).encode(),
        capture_output=True, timeout=60, check=False)
    assert done.returncode in (0, 1), done.stderr
    [finding] = [f for f in json.loads(done.stdout)["findings"] if f["check_id"] == "KA201"]
    assert finding["status"] == "fail", finding
    assert "42" in finding["title"]


# ---- --debug ---------------------------------------------------------------------------------

def test_debug_shows_the_traceback_without_the_password(plugin_site: Path, work: Path, battery: Any) -> None:
    env = battery.environment(work / "home", PYTHONPATH=str(plugin_site))
    env.pop("KAKAOAUDIT_NO_PLUGINS")
    done = subprocess.run(
        [battery.EXECUTABLE, "audit", "--answers", "answers.toml", "--password-stdin", "--only", "HRD107,KA401",
         "--no-history", "--offline", "--format", "json", "--debug"],
        cwd=work, env=env, input=battery.PASSWORD + "\n", capture_output=True, text=True, timeout=60, check=False)
    battery.count("leak scans")
    assert done.returncode == 0, done.stderr
    assert "HRD107:" in done.stderr and "Traceback" in done.stderr and "ValueError: lookup failed for" in done.stderr
    assert "[password removed]" in done.stderr and "[hash removed]" in done.stderr
    found = battery.hits((done.stdout + done.stderr).encode(), battery.password_forms(battery.PASSWORD))
    assert not found, f"--debug showed {found}"
    digest = battery.sha1_hex(battery.PASSWORD)
    assert digest[:5] not in done.stderr and digest[:5].lower() not in done.stderr
    without = subprocess.run(
        [battery.EXECUTABLE, "audit", "--answers", "answers.toml", "--password-stdin", "--only", "HRD107,KA401",
         "--no-history", "--offline", "--format", "json"],
        cwd=work, env=env, input=battery.PASSWORD + "\n", capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in without.stderr


def test_scrub_removes_every_form() -> None:
    from kakaoaudit.core.secret import Secret, scrub

    password = "pässwörd\t'\"1"
    digest = hashlib.sha1(password.encode("utf-8")).hexdigest()
    text = (f"{password} {password!r} {password!a} {digest} {digest.upper()} {digest[:5]} "
            f"{digest[5:].upper()} {json.dumps(password)}")
    cleaned = scrub(text, Secret(password))
    for form in (password, repr(password)[1:-1], ascii(password)[1:-1], digest, digest[5:], digest[:5],
                 json.dumps(password)[1:-1]):
        assert form not in cleaned and form.upper() not in cleaned, form
    assert scrub("nothing here", None) == "nothing here"


# ---- colour ----------------------------------------------------------------------------------

def _terminal_output(battery: Any, tmp_path: Path, **env: str) -> bytes:
    pexpect = pytest.importorskip("pexpect")
    environ = battery.environment(tmp_path / "home", **env)
    if "NO_COLOR" not in env:
        environ.pop("NO_COLOR")
    child = pexpect.spawn(battery.EXECUTABLE, ["demo"], cwd=str(tmp_path), env=environ, timeout=60,
                          dimensions=(50, 120))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    output: bytes = child.before
    return output


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")
def test_no_escape_codes_for_a_dumb_terminal_or_no_color(tmp_path: Path, battery: Any) -> None:
    assert b"\x1b[" in _terminal_output(battery, tmp_path, TERM="xterm-256color"), "no colour on a real terminal"
    assert b"\x1b" not in _terminal_output(battery, tmp_path, TERM="dumb")
    assert b"\x1b" not in _terminal_output(battery, tmp_path, TERM="xterm-256color", NO_COLOR="1")


def test_colour_enabled_follows_term_and_no_color() -> None:
    from kakaoaudit.formats.terminal import colour_enabled

    class Tty:
        def isatty(self) -> bool:
            return True

    assert colour_enabled(Tty(), {"TERM": "xterm"})  # type: ignore[arg-type]
    assert not colour_enabled(Tty(), {"TERM": "dumb"})  # type: ignore[arg-type]
    assert not colour_enabled(Tty(), {"TERM": "xterm", "NO_COLOR": "1"})  # type: ignore[arg-type]
    assert not colour_enabled(None, {})


# ---- history forget --------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"diary\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_history_forget_keeps_a_file_that_is_not_kakaoaudits(content: bytes, work: Path, battery: Any) -> None:
    database = work / "home" / "history.sqlite3"
    database.parent.mkdir()
    database.write_bytes(content)
    done = shell(work, battery, "kakaoaudit history forget --yes")
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert "is not a kakaoaudit history" in line and "does not delete it" in line
    assert database.read_bytes() == content


def test_history_forget_keeps_another_programs_database(work: Path, battery: Any) -> None:
    database = work / "home" / "history.sqlite3"
    database.parent.mkdir()
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("CREATE TABLE diary (day TEXT, entry TEXT)")
        conn.execute("INSERT INTO diary VALUES ('today', 'dear diary')")
        conn.commit()
    before = database.read_bytes()
    done = shell(work, battery, "kakaoaudit history forget --yes")
    assert done.returncode == 2
    assert "belongs to another program" in done.stderr
    assert database.read_bytes() == before


def test_history_forget_keeps_a_diary_that_was_moved_aside(work: Path, battery: Any) -> None:
    home = work / "home"
    home.mkdir()
    (home / "history.sqlite3").write_text("diary\n", encoding="utf-8")
    assert shell(work, battery, "kakaoaudit history move-aside").returncode == 0
    [moved] = home.iterdir()
    assert shell(work, battery, f"{AUDIT} -o report.txt").returncode in (0, 1)  # a real history now
    done = shell(work, battery, "kakaoaudit history forget --yes")
    assert done.returncode == 0, done.stderr
    assert not (home / "history.sqlite3").exists()
    assert moved.read_text(encoding="utf-8") == "diary\n"


def test_history_forget_deletes_kakaoaudits_history(work: Path, battery: Any) -> None:
    assert shell(work, battery, f"{AUDIT} -o report.txt").returncode in (0, 1)
    assert rows(work) == 1
    done = shell(work, battery, "kakaoaudit history forget --yes")
    assert done.returncode == 0, done.stderr
    assert not (work / "home" / "history.sqlite3").exists()


# ---- what a message echoes -----------------------------------------------------------------

def test_an_error_echoes_a_bounded_piece_of_the_input(work: Path, battery: Any) -> None:
    huge = "z" * 100_000
    for args in (("travel", "--to", huge, "--no-input"), ("show", huge + ".json"), ("demo", "--format", huge),
                 ("audit", "--answers", huge, "--no-input"), ("demo", "--only", huge)):
        done = subprocess.run([battery.EXECUTABLE, *args], cwd=work, env=battery.environment(work / "home"),
                              capture_output=True, text=True, timeout=60, check=False)
        battery.count("fault cases")
        assert done.returncode == 2, (args[0], done.stderr[:300])
        assert len(done.stderr) < 2000, (args[0], len(done.stderr))
        assert "Traceback" not in done.stderr
