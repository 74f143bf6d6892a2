"""File-system faults: clear errors, no partial or temporary files, no lost history rows.

Tests run as root (here and in CI), where chmod denies nothing: read-only folders and full disks
are real tmpfs mounts (skipped with the reason where mounting is not permitted), the immutable
history file is `chattr +i`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.hardening,
              pytest.mark.skipif(os.name != "posix", reason="tmpfs mounts and chattr are POSIX only")]

Mount = Callable[[Path, str], Path]


@pytest.fixture
def tmpfs() -> Iterator[Mount]:
    """``tmpfs(folder, size)``: mount a small tmpfs on `folder`, or skip saying why it cannot be done."""
    mounted: list[Path] = []

    def mount(folder: Path, size: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        if shutil.which("mount") is None:
            pytest.skip("no mount command to make a small tmpfs")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                              check=False, capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        if subprocess.run(["umount", str(folder)], check=False, capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=True, capture_output=True)


def remount(folder: Path, mode: str) -> None:
    done = subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=False, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


def listing(folder: Path) -> list[str]:
    """Everything in `folder`, hidden temporary files included."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("kakaoaudit:", "Error:"))]


def fill_up(folder: Path, leave: int) -> Path:
    """Fill the file system of `folder` until only about `leave` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    filler = folder / "filler"
    filler.write_bytes(b"\0" * max(0, free - leave))
    return filler


# ---- report files: exit 2, one clear line, nothing left behind

def output_target(fault: str, folder: Path, tmpfs: Mount) -> Path:
    """Prepare `folder` for `fault` and return the path the command is told to write."""
    if fault == "is a directory":
        folder.mkdir()
        (folder / "existing").mkdir()
        return folder / "existing"
    if fault == "missing parent":
        folder.mkdir()
        return folder / "missing" / "report.out"
    if fault == "read-only folder":
        tmpfs(folder, "64k")
        remount(folder, "ro")
        return folder / "report.out"
    assert fault == "disk full"
    tmpfs(folder, "16k")  # smaller than the demo's HTML report and the sample answers file
    return folder / "report.out"


OUTPUT_FAULTS = ["is a directory", "missing parent", "read-only folder", "disk full"]
COMMANDS: dict[str, tuple[str, ...]] = {
    "audit report": ("demo", "--format", "html", "-o"),
    "init": ("init", "--sample", "-o"),
    "support-kit": ("support-kit", "--demo", "--format", "text", "--output"),
}
CASES = [("audit report", fault) for fault in OUTPUT_FAULTS] + [("init", "disk full"),
                                                                 ("support-kit", "read-only folder")]


@pytest.mark.parametrize(("command", "fault"), CASES)
def test_output_fault_is_one_clear_error_and_leaves_nothing(  # noqa: PLR0917 - fixtures
    command: str, fault: str, cli: Callable[..., Any], tmp_path: Path, tmpfs: Mount, battery: Any,
) -> None:
    folder = tmp_path / "out"
    target = output_target(fault, folder, tmpfs)
    before = listing(folder)
    result = cli(*COMMANDS[command], str(target))
    battery.count("fault cases")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    [line] = error_lines(result.stderr)
    assert target.name in line, line
    assert listing(folder) == before, "a partial or temporary file was left behind"


# ---- the history database: the report is still delivered, the rows already kept are all still there

def rows(database: Path) -> int:
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])


def integrity(database: Path) -> str:
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture
def audit(cli: Callable[..., Any], tmp_path: Path) -> Callable[[], Any]:
    """One whole offline audit from the sample answers (kept in the history when it can be)."""
    answers = tmp_path / "answers.toml"
    assert cli("init", "--sample", "-o", str(answers)).exit_code == 0

    def run() -> Any:
        result = cli("audit", "--answers", str(answers), "--no-password", "--offline", "--no-input",
                     "--format", "json")
        assert result.exit_code in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        assert result.json()["findings"], "the report was not delivered"
        return result

    return run


def history_home(folder: Path, monkeypatch: pytest.MonkeyPatch, audit: Callable[[], Any], kept: int) -> Path:
    """Point KAKAOAUDIT_HOME at `folder` and keep `kept` audits there; returns the database."""
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(folder))
    for _ in range(kept):
        audit()
    database = folder / "history.sqlite3"
    assert rows(database) == kept
    return database


def assert_one_history_warning(stderr: str) -> None:
    [line] = error_lines(stderr)
    assert "warning" in line and "history" in line, line


def test_history_on_a_read_only_mount(tmp_path: Path, tmpfs: Mount, monkeypatch: pytest.MonkeyPatch,
                                      audit: Callable[[], Any], battery: Any) -> None:
    folder = tmpfs(tmp_path / "home", "1m")
    database = history_home(folder, monkeypatch, audit, kept=2)
    remount(folder, "ro")
    result = audit()
    battery.count("fault cases")
    assert_one_history_warning(result.stderr)
    remount(folder, "rw")
    assert rows(database) == 2
    assert integrity(database) == "ok"


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """``immutable(path)``: chattr +i (binds root too), undone afterwards; skips where unsupported."""
    done: list[Path] = []
    chattr = shutil.which("chattr")

    def apply(path: Path) -> None:
        if chattr is None:
            pytest.skip("no chattr command")
        attempt = subprocess.run([chattr, "+i", str(path)], check=False, capture_output=True, text=True)
        if attempt.returncode != 0:
            pytest.skip(f"chattr +i is not supported here: {attempt.stderr.strip()}")
        done.append(path)

    yield apply
    for path in done:
        subprocess.run([str(chattr), "-i", str(path)], check=True, capture_output=True)


def test_history_file_immutable(tmp_path: Path, immutable: Callable[[Path], None],
                                monkeypatch: pytest.MonkeyPatch, audit: Callable[[], Any], battery: Any) -> None:
    database = history_home(tmp_path / "home", monkeypatch, audit, kept=2)
    immutable(database)
    result = audit()
    battery.count("fault cases")
    assert_one_history_warning(result.stderr)
    assert rows(database) == 2
    assert integrity(database) == "ok"


def test_disk_full_during_the_history_write(tmp_path: Path, tmpfs: Mount, monkeypatch: pytest.MonkeyPatch,
                                            audit: Callable[[], Any], battery: Any) -> None:
    folder = tmpfs(tmp_path / "home", "1m")
    database = history_home(folder, monkeypatch, audit, kept=2)
    # Room to open the database (its 32 KiB shared-memory file), not for the new report (~90 KiB).
    filler = fill_up(folder, leave=48 * 1024)
    result = audit()
    battery.count("fault cases")
    assert_one_history_warning(result.stderr)
    assert "Your last audit was" in result.stderr, "the history could not even be read: not a write fault"
    filler.unlink()
    assert rows(database) == 2
    assert integrity(database) == "ok"
    audit()  # and it is usable again once there is room
    assert rows(database) == 3
