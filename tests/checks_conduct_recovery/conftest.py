"""Helpers of the conduct and recovery tests: run one check on a dict of answers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from typing import Any

import pytest

from kakaoaudit.api import Check, Context, Finding
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.questions import AnswerValue

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
Run = Callable[..., list[Finding]]


def parsed_answers(check: type[Check], raw: Mapping[str, Any]) -> Answers:
    """`raw` parsed through the check's own questions, as an answers file would be."""
    questions = {question.id: question for question in check.questions}
    values: dict[str, AnswerValue] = {}
    for key, value in raw.items():
        values[key] = questions[key].parse(value, today=date(2026, 11, 28)) if key in questions else value
    return Answers(values)


@pytest.fixture
def run() -> Run:
    """run(CheckClass, {question id: raw answer}) -> the check's findings."""

    def run_check(check: type[Check], raw: Mapping[str, Any], *, lang: str = "en") -> list[Finding]:
        # zone=UTC: "today" is NOW's date on any machine, whatever its time zone (TZ).
        ctx = Context(answers=parsed_answers(check, raw), now=lambda: NOW, lang=lang, zone=timezone.utc)
        return list(check().run(ctx))

    return run_check
