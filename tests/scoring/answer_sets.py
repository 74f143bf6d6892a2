"""Generated answer sets for the whole audit, drawn from the registry's questions and their choices.

A helper module of the tests in this folder (loaded by path: tests have no packages).

`Answering` builds an answer set the way the prompter would: questions in the engine's order, each asked
only when its condition holds, from one candidate value per question (so that two answer sets that differ
in one answer share everything else). `audit` runs every built-in check through the engine on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from hypothesis import strategies as st

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.check import Check
from kakaoaudit.core.engine import Auditor, questions_of
from kakaoaudit.core.model import Report
from kakaoaudit.core.questions import UNKNOWN, QType, Question
from kakaoaudit.core.registry import discover
from kakaoaudit.core.secret import Secret
from kakaoaudit.travel.trip import active_checks

TODAY = date(2030, 6, 10)
NOW = datetime(2030, 6, 10, 3, 0, tzinfo=timezone.utc)
#: 10 characters: the length finding of KA101 then depends on 2-step verification.
PASSWORD = "tsuki-7Ume"

PHONES = ("090-1234-5678", "+82 10-1234-5678", "050-1234-5678", "03-1234-5678", "+1 415-555-0100", "12345")
EMAILS = ("hanako@example.com", "hanako@gmial.com", "hana@example.net", "", "not-an-email")
COUNTRIES = ("JP", "KR", "TW", "US", "SG")
PAST_DAYS = (2, 30, 100, 200, 400, 900)


@cache
def builtin_checks() -> tuple[type[Check], ...]:
    return tuple(loaded.check for loaded in discover().checks if loaded.builtin)


@cache
def questions() -> tuple[Question, ...]:
    return tuple(questions_of(builtin_checks()))


def follow_ups(question_id: str) -> set[str]:
    """The questions asked only because of `question_id`'s answer, directly or through another follow-up."""
    found: set[str] = set()
    frontier = {question_id}
    while frontier:
        frontier = {q.id for q in questions() if set(q.when) & frontier and q.id not in found}
        found |= frontier
    return found


def _date(question: Question) -> st.SearchStrategy[Any]:
    if question.id == "travel.depart":
        return st.sampled_from([TODAY + timedelta(days=n) for n in (3, 20, 60)])
    if question.id == "travel.return":
        return st.sampled_from([TODAY + timedelta(days=n) for n in (70, 90, 200)])
    return st.sampled_from([TODAY - timedelta(days=n) for n in PAST_DAYS])


def candidate(question: Question) -> st.SearchStrategy[Any]:
    """One value this question could be answered with (its type, its choices), or "I don't know"."""
    kind = question.type
    if kind is QType.BOOL:
        base: st.SearchStrategy[Any] = st.booleans()
    elif kind is QType.CHOICE:
        base = st.sampled_from(question.choice_values)
    elif kind is QType.MULTI:
        base = st.lists(st.sampled_from(question.choice_values), unique=True, max_size=len(question.choices)).map(
            tuple)
    elif kind is QType.DATE:
        base = _date(question)
    elif kind is QType.PHONE:
        base = st.sampled_from(PHONES)
    elif kind is QType.EMAIL:
        base = st.sampled_from(EMAILS)
    elif kind is QType.COUNTRY:
        base = st.sampled_from(("TW", "US", "SG") if question.id == "travel.destination" else COUNTRIES)
    elif kind is QType.COUNTRIES:
        base = st.lists(st.sampled_from(COUNTRIES), unique=True, max_size=4).map(tuple)
    elif kind is QType.INT:
        base = st.integers(question.minimum or 0, question.maximum or 10)
    elif question.id == "recovery.help_bookmark":
        base = st.sampled_from(("https://cs.kakao.com/helps", "https://kakao-help.example.com/login"))
    else:
        base = st.sampled_from(("Hanako Yamada", ""))
    if question.allow_unknown:
        return st.one_of(base, st.just(UNKNOWN))
    return base


@st.composite
def candidates(draw: st.DrawFn) -> dict[str, Any]:
    """A candidate value for every question of the audit."""
    return {question.id: draw(candidate(question)) for question in questions()}


def answer_set(values: Mapping[str, Any]) -> Answers:
    """The answers a person giving `values` would end with: each question asked only when its condition holds."""
    answered: dict[str, Any] = {}
    for question in questions():
        if question.applies(answered) is False or question.id not in values:
            continue
        answered[question.id] = values[question.id]
    return Answers(answered)


def audit(values: Mapping[str, Any]) -> Report:
    """Every built-in check on the answer set of `values`, as `kakaoaudit audit` runs them (no network)."""
    answers = answer_set(values)
    checks = active_checks(list(builtin_checks()), answers, TODAY)
    return Auditor(checks, now=lambda: NOW, lang="en", offline=True, password=Secret(PASSWORD),
                   check_timeout=60).run(answers)


@dataclass(frozen=True)
class Scores:
    """What a report scores: the total and every category that has a score."""

    total: int | None
    categories: Mapping[str, int | None]

    @classmethod
    def of(cls, report: Report) -> Scores:
        return cls(report.score, {c.category.value: c.score for c in report.categories})

