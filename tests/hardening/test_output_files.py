"""No file of the user's is ever destroyed by `-o/--output` (every command that has it).

`kakaoaudit.core.output.write_atomic` replaces only regular files, atomically (a failure half-way
leaves the previous file), writes into FIFOs and devices instead of replacing them, follows
symbolic links, leaves read-only files alone and never writes over what the command reads.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.errors import OutputError, UsageError
from kakaoaudit.core.output import write_atomic

pytestmark = [pytest.mark.hardening,
              pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and setpriv are POSIX only")]

OLD = "the user's previous file\n"
DEPART, RETURN = date.today() + timedelta(days=10), date.today() + timedelta(days=20)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the demo's JSON report and the sample answers (inputs of the commands)."""
    base = tmp_path_factory.mktemp("outputs")
    home = base / ".home"
    # The report and the answers the commands read; one audit in the history (for `history export`).
    for args in (("demo", "--format", "json", "-o", "report.json"), ("init", "--sample", "-o", "answers.toml"),
                 ("audit", "--answers", "answers.toml", "--no-password", "--offline", "-o", "audit.txt")):
        done = subprocess.run([_executable(), *args], cwd=base, env=_env(home), capture_output=True, timeout=60,
                              check=False)
        assert done.returncode in (0, 1), done.stderr
    return base


def _executable() -> str:
    import shutil

    return shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(home),
            "KAKAOAUDIT_NO_PLUGINS": "1"}


#: Every command with -o/--output, as arguments before the output path (run in `folder`).
COMMANDS: dict[str, tuple[str, ...]] = {
    "demo": ("demo", "-o"),
    "audit": ("audit", "--answers", "answers.toml", "--no-password", "--offline", "--no-history", "-o"),
    "travel": ("travel", "--answers", "answers.toml", "--to", "TW", "--depart", str(DEPART), "--return", str(RETURN),
               "--no-input", "-o"),
    "triage": ("triage", "--answers", "answers.toml", "--no-input", "-o"),
    "support-kit": ("support-kit", "--demo", "--output"),
    "show": ("show", "report.json", "--format", "markdown", "-o"),
    "summary": ("summary", "report.json", "-o"),
    "history export": ("history", "export", "-o"),
    "init": ("init", "--sample", "--force", "-o"),
}


def run(folder: Path, *args: str, **popen: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_executable(), *args], cwd=folder, env=_env(folder / ".home"), capture_output=True,
                          text=True, timeout=60, check=False, **popen)


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# ---- the mechanism, in process ---------------------------------------------------------------

def test_a_failed_write_leaves_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 battery: Any) -> None:
    """ENOSPC while the new content is written: fails if write_atomic wrote into the file itself."""
    target = tmp_path / "report.html"
    target.write_text(OLD, encoding="utf-8")
    real_write = os.write
    written: list[int] = []

    def disk_full_after_a_while(fd: int, data: Any) -> int:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(fd)
        return real_write(fd, bytes(data[:100]))  # part of it went to the disk

    monkeypatch.setattr("kakaoaudit.core.output.os.write", disk_full_after_a_while)
    with pytest.raises(OutputError) as raised:
        write_atomic(target, "x" * 10_000)
    battery.count("fault cases")
    assert "the disk is full" in str(raised.value)
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"], "a temporary file was left behind"


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from kakaoaudit.core import output

real_write = os.write
def slow_write(fd, data):
    done = real_write(fd, bytes(data[:4096]))
    print("writing", flush=True)
    time.sleep(60)  # killed here, the new content half written
    return done

output.os.write = slow_write
output.write_atomic(Path(sys.argv[1]), "new content " * 100_000)
"""


def test_a_write_killed_half_way_leaves_the_previous_file(tmp_path: Path, battery: Any) -> None:
    target = tmp_path / "report.json"
    target.write_text(OLD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True,
                             cwd=tmp_path)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    battery.count("fault cases")
    assert child.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == OLD


def test_new_files_are_private_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    write_atomic(new, "{}")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    shared = tmp_path / "shared.json"
    shared.write_text(OLD, encoding="utf-8")
    shared.chmod(0o640)
    write_atomic(shared, "{}")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    assert shared.read_text(encoding="utf-8") == "{}"


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "latest.md"
    target.parent.mkdir()
    target.write_text(OLD, encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "reports" / "not-yet.md")
    write_atomic(dangling, "created")
    assert dangling.is_symlink() and (tmp_path / "reports" / "not-yet.md").read_text(encoding="utf-8") == "created"


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(path, "x")
        assert stat.S_ISSOCK(path.lstat().st_mode)


def test_nul_byte_in_a_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a usable file name"):
        write_atomic(Path(str(tmp_path / "a") + "\0b"), "x")


# ---- every command -------------------------------------------------------------------------

@pytest.fixture
def fifo(folder: Path) -> Iterator[Path]:
    path = folder / "out.fifo"
    os.mkfifo(path)
    try:
        yield path
    finally:
        path.unlink()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_nobody_reads_is_refused_and_kept(command: str, folder: Path, fifo: Path, battery: Any) -> None:
    done = run(folder, *COMMANDS[command], fifo.name)
    battery.count("fault cases")
    assert done.returncode == 2, done.stderr
    assert "no program is reading from it" in one_error_line(done.stderr)
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_written_into(command: str, folder: Path, fifo: Path, battery: Any) -> None:
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:  # blocks until a writer comes; a reader waiting here counts as one
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.2)
    done = run(folder, *COMMANDS[command], fifo.name)
    if reader.is_alive():  # the command never opened it: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(30)
    battery.count("fault cases")
    assert done.returncode in (0, 1), done.stderr
    assert received and received[0].strip(), "nothing came through the FIFO"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_file_stays_as_it_was(command: str, folder: Path, battery: Any) -> None:
    target = folder / f"read-only-{command.replace(' ', '-')}.out"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o444)
    done = run(folder, *COMMANDS[command], target.name)  # as root too: root could replace it
    battery.count("fault cases")
    assert done.returncode == 2, done.stderr
    assert "read-only" in one_error_line(done.stderr)
    assert target.read_text(encoding="utf-8") == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o444, "its protection was changed"


def test_a_character_device_is_written_into(folder: Path) -> None:
    done = run(folder, "demo", "-o", "/dev/null")
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_dev_full_is_a_full_disk_and_stays_a_device(folder: Path, battery: Any) -> None:
    done = run(folder, "demo", "-o", "/dev/full")
    battery.count("fault cases")
    assert done.returncode == 2
    assert "/dev/full: cannot write: the disk is full" in one_error_line(done.stderr)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "the device node was replaced"


# ---- never over the command's own input ------------------------------------------------------

def _same_file_cases(folder: Path) -> dict[str, tuple[list[str], Path, Callable[[], None]]]:
    """name -> (arguments, the input that must stay, preparation)."""
    report, answers = folder / "report.json", folder / "answers.toml"

    def links() -> None:
        for name, make in (("link.json", lambda p: p.symlink_to(report)), ("hard.json", lambda p: os.link(report, p))):
            path = folder / name
            if not os.path.lexists(path):
                make(path)

    return {
        "show": (["show", "report.json", "--format", "html", "-o", "report.json"], report, lambda: None),
        "show through a symbolic link": (["show", "link.json", "--format", "html", "-o", "report.json"], report,
                                         links),
        "show to a hard link": (["show", "report.json", "--format", "html", "-o", "hard.json"], report, links),
        "show from standard input": (["show", "-", "-o", "report.json"], report, lambda: None),
        "summary": (["summary", ".", "-o", "report.json"], report, lambda: None),
        "audit": (["audit", "--answers", "answers.toml", "--no-password", "--offline", "--no-history", "-o",
                   "answers.toml"], answers, lambda: None),
        "travel": (["travel", "--answers", "answers.toml", "--to", "TW", "--depart", str(DEPART), "--return",
                    str(RETURN), "--no-input", "-o", "answers.toml"], answers, lambda: None),
        "triage": (["triage", "--answers", "answers.toml", "--no-input", "-o", "answers.toml"], answers,
                   lambda: None),
        "support-kit": (["support-kit", "--answers", "answers.toml", "--no-input", "-o", "answers.toml"], answers,
                        lambda: None),
    }


@pytest.mark.parametrize("case", ["show", "show through a symbolic link", "show to a hard link",
                                  "show from standard input", "summary", "audit", "travel", "triage", "support-kit"])
def test_the_output_never_goes_over_the_input(case: str, folder: Path, battery: Any) -> None:
    args, kept, prepare = _same_file_cases(folder)[case]
    prepare()
    before = kept.read_bytes()
    with kept.open("rb") as stdin:
        done = run(folder, *args, stdin=stdin)
    battery.count("fault cases")
    assert done.returncode == 2, (done.stdout[:300], done.stderr)
    assert "this is also what the command reads" in one_error_line(done.stderr)
    assert kept.read_bytes() == before


def test_the_history_export_never_goes_over_the_history(folder: Path, battery: Any) -> None:
    home = folder / ".home"
    assert run(folder, "audit", "--answers", "answers.toml", "--no-password", "--offline", "-o",
               "audited.txt").returncode in (0, 1)
    database = home / "history.sqlite3"
    before = database.read_bytes()
    done = run(folder, "history", "export", "-o", str(database))
    battery.count("fault cases")
    assert done.returncode == 2
    assert "this is also what the command reads" in one_error_line(done.stderr)
    assert database.read_bytes() == before


# ---- causes, each its own message ----------------------------------------------------------

def test_each_cause_has_its_own_message(folder: Path, battery: Any) -> None:
    long_name = "x" * 300 + ".html"
    (folder / "a-folder").mkdir(exist_ok=True)
    (folder / "a-file").write_text("", encoding="utf-8")
    cases = {
        "does not exist": "missing/report.html",
        "is a directory": "a-folder",
        "the name is too long": long_name,
        "a part of the path is not a folder": "a-file/report.html",
    }
    for reason, target in cases.items():
        done = run(folder, "demo", "-o", target)
        battery.count("fault cases")
        assert done.returncode == 2
        line = one_error_line(done.stderr)
        assert reason in line, (target[:40], line)
        assert len(line) < 300, "the long name was echoed whole"


def test_permission_denied_is_not_a_full_disk(shared_tmp: Path, battery: Any) -> None:
    prefix = battery.unprivileged()
    locked = shared_tmp / "locked"
    locked.mkdir()
    locked.chmod(0o555)  # nobody may create files here, except root
    done = subprocess.run([*prefix, battery.EXECUTABLE, "demo", "-o", str(locked / "report.html")],
                          cwd=shared_tmp, env=battery.environment(shared_tmp / "home"), capture_output=True,
                          text=True, timeout=60, check=False)
    battery.count("fault cases")
    if not prefix and os.geteuid() == 0:  # pragma: no cover - unprivileged() skips or drops root
        pytest.fail("the permission test ran as root")
    assert done.returncode == 2, done.stderr
    assert "permission denied" in one_error_line(done.stderr)
    assert list(locked.iterdir()) == []


def test_an_unprivileged_user_cannot_replace_a_file_in_a_folder_they_may_write(shared_tmp: Path,
                                                                                 battery: Any) -> None:
    """The folder is writable, so a rename would succeed: the file's own protection decides."""
    prefix = battery.unprivileged()
    target = shared_tmp / "theirs.html"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o644)  # owned by root (or the test's user) when run as someone else: not writable for them
    if not prefix:
        target.chmod(0o444)
    done = subprocess.run([*prefix, battery.EXECUTABLE, "demo", "-o", str(target)], cwd=shared_tmp,
                          env=battery.environment(shared_tmp / "home"), capture_output=True, text=True, timeout=60,
                          check=False)
    battery.count("fault cases")
    assert done.returncode == 2, done.stderr
    assert "read-only" in one_error_line(done.stderr)
    assert target.read_text(encoding="utf-8") == OLD
