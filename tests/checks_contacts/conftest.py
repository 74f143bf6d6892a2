"""Fixtures of the contact and security-settings check tests: run a check on raw answers.

Raw answers go through each question's own `parse`, as an answers file or the prompter would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

import pytest

from kakaoaudit.api import Check, Context, Finding
from kakaoaudit.core.answers import Answers

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)

RunCheck = Callable[..., list[Finding]]


@pytest.fixture
def run_check() -> RunCheck:
    """run_check(CheckClass, {question id: raw value}, options={...}, offline=False, lang="en") -> findings."""

    def run(
        check: type[Check],
        raw: Mapping[str, Any],
        *,
        options: Mapping[str, Any] | None = None,
        offline: bool = False,
        now: datetime = NOW,
        lang: str = "en",
    ) -> list[Finding]:
        questions = {question.id: question for question in check.questions}
        values = {key: questions[key].parse(value, today=now.date()) for key, value in raw.items()}
        # zone=UTC: "today" is now's date on any machine, whatever its time zone (TZ).
        ctx = Context(answers=Answers(values), now=lambda: now, options=dict(options or {}), offline=offline,
                      lang=lang, zone=timezone.utc)
        findings = list(check().run(ctx))
        for finding in findings:  # what the engine would refuse
            assert finding.check_id == check.id
            assert 0 <= finding.points <= finding.max_points
        return findings

    return run
