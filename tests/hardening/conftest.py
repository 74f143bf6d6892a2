"""The privacy and reliability battery (`pytest -m hardening`): shared canaries, servers and counts.

Every test module here marks itself `hardening`. The battery counts what it did (leak scans, fault
cases, generated fuzz inputs) and prints the totals at the end of the run.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

_BREACH_CONFTEST = Path(__file__).resolve().parent.parent / "breach" / "conftest.py"


def _load_breach_helpers() -> ModuleType:
    # Test folders are not packages: the breach tests' loopback server is loaded from its file.
    name = "kakaoaudit_tests_breach_helpers"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _BREACH_CONFTEST)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_helpers = _load_breach_helpers()
RangeServer = _helpers.RangeServer
Reply = _helpers.Reply
ForwardProxy = _helpers.ForwardProxy
make_range_body: Callable[..., bytes] = _helpers._make_body

#: The canaries: values that must never show up anywhere they should not.
PASSWORD = "Canary-Quokka-7731-Lantern"
PHONE = "090-7391-2468"
EMAIL = "quokka.lantern@canary-mail.example.org"
BACKUP_EMAIL = "wombat.beacon@canary-mail.example.net"

COUNTS: Counter[str] = Counter()


def count(kind: str, amount: int = 1) -> None:
    """Add to the battery's totals (`leak scans`, `fault cases`, `fuzz inputs`)."""
    COUNTS[kind] += amount


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if COUNTS:
        terminalreporter.write_line(
            f"hardening: {COUNTS['leak scans']} leak scans, {COUNTS['fault cases']} fault cases, "
            f"{COUNTS['fuzz inputs']} fuzz inputs"
        )


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


def password_forms(password: str) -> dict[str, bytes]:
    """The password, its SHA-1 in both cases and the 35-character suffix in both cases."""
    digest = sha1_hex(password)
    forms = {"password": password, "sha1": digest, "sha1 lower": digest.lower(), "suffix": digest[5:],
             "suffix lower": digest[5:].lower()}
    return {name: value.encode("utf-8") for name, value in forms.items()}


def contact_forms() -> dict[str, bytes]:
    """The canary phone and emails unmasked, in the spellings a report could use."""
    forms = {
        "phone": PHONE, "phone digits": PHONE.replace("-", ""), "phone e164": "+81" + PHONE[1:].replace("-", ""),
        "phone international": "+81 90-7391-2468", "phone tail": "7391-2468",
        "email": EMAIL, "email local part": EMAIL.split("@", maxsplit=1)[0],
        "backup email": BACKUP_EMAIL, "backup local part": BACKUP_EMAIL.split("@", maxsplit=1)[0],
    }
    return {name: value.encode("utf-8") for name, value in forms.items()}


def hits(blob: bytes, forms: dict[str, bytes]) -> list[str]:
    """The names of the forms found in `blob` (also as JSON-escaped or case-folded text)."""
    lowered = blob.lower()
    return [name for name, value in forms.items() if value in blob or value.lower() in lowered]


#: The installed command, beside the interpreter running the tests.
EXECUTABLE = shutil.which("kakaoaudit", path=str(Path(sys.executable).parent)) or "kakaoaudit"
#: Who runs a permission test when the tests run as root (root ignores permission bits).
UNPRIVILEGED_USER = "nobody"


def environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a kakaoaudit subprocess: English, no colour, no plugins, its own data folder."""
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "NO_COLOR": "1", "KAKAOAUDIT_HOME": str(home),
           "KAKAOAUDIT_NO_PLUGINS": "1"}
    env.update(extra)
    return env


def run(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60,
        **popen: Any) -> subprocess.CompletedProcess[bytes]:
    """kakaoaudit ARGS in a subprocess (bytes in and out); `popen` goes to `subprocess.run`."""
    popen.setdefault("capture_output", "stdout" not in popen and "stderr" not in popen)
    return subprocess.run([EXECUTABLE, *args], cwd=cwd, env=env or environment(cwd / ".home"), timeout=timeout,
                          check=False, **popen)


def unprivileged() -> list[str]:
    """The command prefix that runs a program as an unprivileged user: [] when not root already.

    As root (CI), `setpriv` (util-linux) switches to `UNPRIVILEGED_USER`, who must be able to run this
    interpreter and import kakaoaudit (.ci/run keeps its folders readable). Skips only when there is
    no such user or no setpriv.
    """
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    try:
        user = pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        pytest.skip(f"running as root and there is no user {UNPRIVILEGED_USER!r} to drop to")
    if setpriv is None:
        pytest.skip("running as root and there is no setpriv to drop to an unprivileged user")
    prefix = [setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import kakaoaudit.cli"], cwd="/", capture_output=True,
                           text=True, check=False, timeout=60)
    assert probe.returncode == 0, (
        f"{UNPRIVILEGED_USER} cannot run {sys.executable} with kakaoaudit (make the virtual environment and the "
        f"sources readable by all): {probe.stderr.strip()[-300:]}")
    return prefix


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder anyone may use (in the system's temporary folder), for tests run as an unprivileged user."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kakaoaudit-shared-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def range_server() -> Iterator[Any]:
    server = RangeServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def forward_proxy() -> Iterator[Any]:
    """A real forward proxy on loopback that relays answers unchanged (tests/breach/conftest.py)."""
    proxy = ForwardProxy()
    try:
        yield proxy
    finally:
        proxy.close()


@pytest.fixture
def canary_answers(cli: Callable[..., Any], tmp_path: Path) -> Path:
    """The demo profile's answers, with the canary phone and emails, in `tmp_path/input/answers.toml`."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = folder / "answers.toml"
    assert cli("init", "--sample", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    for old, new in (("090-1234-5678", PHONE), ("hanako.yamada@example.com", EMAIL),
                     ("hanako.family@example.net", BACKUP_EMAIL)):
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


PLUGIN_SOURCE = Path(__file__).parent / "plugins" / "misbehaving"


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The misbehaving checks (tests/hardening/plugins/misbehaving), installed into a folder for PYTHONPATH."""
    target = tmp_path_factory.mktemp("misbehaving-site")
    # Built from a copy: setuptools leaves build/ and *.egg-info next to the sources it builds.
    source = tmp_path_factory.mktemp("misbehaving-source") / "misbehaving"
    shutil.copytree(PLUGIN_SOURCE, source)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(target), str(source)],
        check=True, capture_output=True, timeout=180, cwd=tmp_path_factory.mktemp("misbehaving-build"),
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return target


@pytest.fixture(scope="session")
def battery() -> ModuleType:
    """This module (canaries, `count`, `hits`, the servers): test modules cannot import a conftest by name."""
    return sys.modules[__name__]
