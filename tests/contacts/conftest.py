"""Shared fixtures of the contacts/countries/timezones tests: no test here may use the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest


class NetworkBlocked(OSError):
    """Raised by every socket operation that would leave the machine during these tests."""


#: Every attempt, as (operation, arguments); `network_attempts` hands it to a test.
_ATTEMPTS: list[tuple[str, tuple[Any, ...]]] = []


def _blocker(operation: str) -> Any:
    def blocked(*args: Any, **kwargs: Any) -> Any:
        _ATTEMPTS.append((operation, args[1:] if args and isinstance(args[0], socket.socket) else args))
        raise NetworkBlocked(f"network access in a contacts test: {operation}")

    return blocked


@pytest.fixture(autouse=True, scope="module")
def _no_network() -> Iterator[None]:
    """Make any connect, send-to or name lookup fail, and fail the module if one was tried.

    Module-scoped (not function-scoped) so that hypothesis tests may use it; a test that expects
    attempts (DNS with the network blocked) takes `network_attempts` and clears it.
    """
    with pytest.MonkeyPatch.context() as mp:
        for method in ("connect", "connect_ex", "sendto", "sendmsg"):
            if hasattr(socket.socket, method):
                mp.setattr(socket.socket, method, _blocker(f"socket.{method}"))
        for func in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
            mp.setattr(socket, func, _blocker(func))
        _ATTEMPTS.clear()
        yield
        attempts = list(_ATTEMPTS)
        _ATTEMPTS.clear()
    assert attempts == [], f"unexpected network access: {attempts}"


@pytest.fixture
def network_attempts() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """The attempts made so far in this test; cleared afterwards (they were expected)."""
    _ATTEMPTS.clear()
    yield _ATTEMPTS
    _ATTEMPTS.clear()
