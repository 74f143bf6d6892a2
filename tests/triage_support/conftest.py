"""Fixtures of the triage and support-kit tests: answer files, a fixed clock, the CLI on both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

#: The fixed "now" of every golden output.
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    from kakaoaudit.commands import session
    from kakaoaudit.core import localtime

    # The one clock of the commands, and the commands' name for it.
    monkeypatch.setattr(localtime, "now", lambda: NOW)
    monkeypatch.setattr(session, "now", lambda: NOW)
    return NOW


@pytest.fixture
def run_cli(cli: Callable[..., Any], fixed_clock: datetime) -> Callable[..., Any]:
    """The CLI with the fixed clock."""
    return cli
