"""Helpers of the travel tests: answers for a trip, a context on a fixed day, running one check."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

import pytest

from kakaoaudit.api import Check, Context
from kakaoaudit.core.answers import Answers, Source
from kakaoaudit.core.model import Finding

#: "Today" of the unit tests (the CLI tests use the real date).
TODAY = date(2026, 11, 28)

#: A trip from Japan to Taiwan next month.
TRIP: dict[str, Any] = {
    "travel.planned": True,
    "travel.destination": "TW",
    "travel.depart": date(2026, 12, 20),
    "travel.return": date(2027, 1, 3),
    "profile.home_country": "JP",
    # The chats are backed up by hand; the date (recovery.chat_backup_on) is each test's.
    "recovery.chat_backup": "backup",
}


def answers(values: Mapping[str, Any] | None = None, **sources: Source) -> Answers:
    """The trip's answers updated with `values` (a None value removes the key)."""
    merged = {**TRIP, **(values or {})}
    kept = {key: value for key, value in merged.items() if value is not None}
    return Answers(kept, {key.replace("__", "."): source for key, source in sources.items()})


def context(values: Mapping[str, Any] | None = None, today: date = TODAY) -> Context:
    moment = datetime(today.year, today.month, today.day, 12, tzinfo=timezone.utc)
    # zone=UTC: "today" is `today` on any machine, whatever its time zone (TZ).
    return Context(answers=answers(values), now=lambda: moment, zone=timezone.utc)


def run(check: type[Check], values: Mapping[str, Any] | None = None, today: date = TODAY) -> list[Finding]:
    return list(check().run(context(values, today)))


def codes(check: type[Check], values: Mapping[str, Any] | None = None, today: date = TODAY) -> dict[str, str]:
    """code -> status of the check's findings."""
    return {f.code: f.status.value for f in run(check, values, today)}


class Helpers:
    """The helpers above, for tests (test modules cannot import conftest under --import-mode=importlib)."""

    TODAY = TODAY
    TRIP = TRIP
    answers = staticmethod(answers)
    context = staticmethod(context)
    run = staticmethod(run)
    codes = staticmethod(codes)


@pytest.fixture
def travel() -> Helpers:
    return Helpers()
