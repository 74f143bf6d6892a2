"""Fixtures of the password checks' tests: the breach tests' loopback server, contexts, canaries.

The scriptable HTTP server (`RangeServer`, `Reply`) is the one of tests/breach/conftest.py, loaded
from its file (test folders are not packages, so it cannot be imported by name).
"""

from __future__ import annotations

import hashlib
import importlib.util
import socket
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kakaoaudit.api import Context, Secret
from kakaoaudit.core.answers import Answers

_BREACH_CONFTEST = Path(__file__).resolve().parent.parent / "breach" / "conftest.py"


def _load_breach_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kakaoaudit_tests_breach_helpers", _BREACH_CONFTEST)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_helpers = _load_breach_helpers()
RangeServer = _helpers.RangeServer
Reply = _helpers.Reply
make_range_body: Callable[..., bytes] = _helpers._make_body

TODAY = date(2026, 11, 28)


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


@pytest.fixture
def range_server() -> Iterator[Any]:
    server = RangeServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def reply() -> Any:
    return Reply


@pytest.fixture
def body() -> Callable[..., bytes]:
    """`body({"password": count}, padding=..., newline=...)`: a sorted padded range body."""
    return make_range_body


@pytest.fixture
def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_context(
    password: str | Secret | None,
    answers: dict[str, Any] | None = None,
    *,
    breach: Any = None,
    offline: bool = False,
    options: dict[str, Any] | None = None,
) -> Context:
    secret = password if isinstance(password, Secret) or password is None else Secret(password)
    return Context(
        answers=Answers(answers or {}),
        now=lambda: datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=timezone.utc),
        password=secret,
        breach=breach,
        offline=offline,
        options=options or {"timeout": 15.0},
        zone=timezone.utc,  # "today" is TODAY on any machine, whatever its time zone (TZ)
    )


def write_dataset(path: Path, entries: dict[str, int], *, newline: str = "\n", filler: int = 2000) -> Path:
    """A sorted HASH40:COUNT file like the downloader's, with `filler` lines of other hashes."""
    lines = {sha1_hex(f"filler-{i}"): i + 1 for i in range(filler)}
    lines.update({sha1_hex(password): count for password, count in entries.items()})
    path.write_bytes(newline.join(f"{digest}:{count}" for digest, count in sorted(lines.items())).encode() + b"\n")
    return path


def write_range_folder(folder: Path, entries: dict[str, int]) -> Path:
    """The downloader's `-s false` form, for the prefixes of `entries` (plus one other file)."""
    folder.mkdir(parents=True, exist_ok=True)
    by_prefix: dict[str, dict[str, int]] = {"00000": {"0" * 35: 3}}
    for password, count in entries.items():
        digest = sha1_hex(password)
        by_prefix.setdefault(digest[:5], {})[digest[5:]] = count
    for prefix, suffixes in by_prefix.items():
        (folder / f"{prefix}.txt").write_bytes(
            "\r\n".join(f"{suffix}:{count}" for suffix, count in sorted(suffixes.items())).encode()
        )
    return folder


# Test modules cannot import this file (no packages, --import-mode=importlib): helpers as fixtures.


@pytest.fixture
def make_ctx() -> Callable[..., Context]:
    return make_context


@pytest.fixture
def sha1() -> Callable[[str], str]:
    return sha1_hex


@pytest.fixture
def dataset_file() -> Callable[..., Path]:
    return write_dataset


@pytest.fixture
def range_folder() -> Callable[[Path, dict[str, int]], Path]:
    return write_range_folder
