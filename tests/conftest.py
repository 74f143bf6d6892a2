"""Shared fixtures: no unplanned network, the CLI in-process, and report validation."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run: a failure there is a bug to fix, never a roll of
# the dice in CI. KAKAOAUDIT_HYPOTHESIS=explore draws new ones (with --hypothesis-seed=N to repeat a
# run): a search for what the fixed examples miss, whose finds become @example cases.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("KAKAOAUDIT_HYPOTHESIS") == "explore" else "fixed")

_LOOPBACK_PREFIXES = ("127.", "::1", "localhost")

# Plugins installed in the test environment (the example plugin in CI) must not change the
# built-in behaviour under test, also in module- and session-scoped fixtures that run before the
# per-test environment below; plugin tests remove it from their subprocess environment.
os.environ["KAKAOAUDIT_NO_PLUGINS"] = "1"


def _is_loopback(address: Any) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        return host.startswith(_LOOPBACK_PREFIXES) or host in ("", "0.0.0.0")
    # Unix sockets (e.g. multiprocessing, pexpect) are local.
    return isinstance(address, (str, bytes))


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to a non-loopback address fails the test (tests run offline)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            pytest.fail(f"unplanned network access to {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            pytest.fail(f"unplanned network access to {address!r}")
        return real_connect_ex(self, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        text = host.decode() if isinstance(host, bytes) else str(host)
        if text.endswith(".invalid"):
            # RFC 6761: never resolves. Fail the way a resolver does, without asking one.
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if not (text.startswith(_LOOPBACK_PREFIXES) or text in ("None", "")):
            pytest.fail(f"unplanned DNS lookup of {text!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A predictable language and a private data folder for every test."""
    for name in ("KAKAOAUDIT_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR", "KAKAOAUDIT_HIBP_URL"):
        monkeypatch.delenv(name, raising=False)
    # The breach lookup honours proxies from the environment: tests that want one set it.
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    # Plugins installed in the test environment (the example plugin) must not change the built-in
    # behaviour under test; plugin tests unset this.
    monkeypatch.setenv("KAKAOAUDIT_NO_PLUGINS", "1")
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(tmp_path_factory.mktemp("kakaoaudit-home")))


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run kakaoaudit in-process: cli("demo", "--format", "json", stdin="...")."""
    from kakaoaudit.cli import main
    from kakaoaudit.core.i18n import set_language

    def run(*args: str, stdin: str = "") -> Result:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(args))
        finally:
            set_language("en")
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def report_schema() -> dict[str, Any]:
    from kakaoaudit.formats.json_report import schema_text

    schema: dict[str, Any] = json.loads(schema_text())
    return schema


@pytest.fixture
def validate_report(report_schema: dict[str, Any]) -> Callable[[Any], None]:
    """Assert a JSON report document (text or parsed) validates against the shipped schema."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(report_schema)

    def validate(document: Any) -> None:
        data = json.loads(document) if isinstance(document, str) else document
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return validate


@pytest.fixture
def local_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, str], Any]]:
    """``local_clock("2026-12-06 00:30", "Asia/Tokyo")``: the commands' clock frozen at that wall-clock
    time, and that zone made the system's time zone (TZ + tzset), as a person's computer there has it.

    Returns the frozen instant (aware, UTC). Everything reads the clock through
    `kakaoaudit.core.localtime.now`, so nothing depends on the real time of day.
    """
    import time
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from kakaoaudit.core import localtime

    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    saved = os.environ.get("TZ")

    def freeze(wall: str, zone: str) -> datetime:
        moment = datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
        os.environ["TZ"] = zone
        time.tzset()
        monkeypatch.setattr(localtime, "now", lambda: moment)
        return moment

    yield freeze
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture
def fixed_now() -> Iterator[Callable[[], Any]]:
    from datetime import datetime, timezone

    moment = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
    yield lambda: moment


def _can_write(path: Path) -> bool:
    try:
        if path.is_dir():
            probe = path / ".write-probe"
            probe.write_bytes(b"")
            probe.unlink()
        else:
            with path.open("r+b"):
                pass
    except OSError:
        return False
    return True


@pytest.fixture
def make_readonly() -> Iterator[Callable[[Path], None]]:
    """``make_readonly(path)``: make a folder or file unwritable for this process, or skip.

    Uses chmod (0o500 folder, 0o400 file). Root ignores modes: there the immutable attribute
    (chattr +i) is tried, which binds root too; without it the test is skipped. Everything is
    restored afterwards so tmp_path can be cleaned up.
    """
    undo: list[Callable[[], object]] = []

    def apply(path: Path) -> None:
        if os.name != "posix":
            pytest.skip("POSIX permissions only")
        mode = path.stat().st_mode & 0o7777
        path.chmod(0o500 if path.is_dir() else 0o400)
        undo.append(lambda: path.chmod(mode))
        if not _can_write(path):
            return
        chattr = shutil.which("chattr")
        if chattr and subprocess.run([chattr, "+i", str(path)], check=False, capture_output=True).returncode == 0:
            undo.append(lambda: subprocess.run([chattr, "-i", str(path)], check=True))
            if not _can_write(path):
                return
        pytest.skip("cannot make a path read-only here (running as root without chattr +i)")

    yield apply
    for step in reversed(undo):
        step()

