"""The quick check: the questions of the checks that carry the most points, in at most 15 questions.

A first audit on a terminal asks at most `QUICK_LIMIT` questions besides the password (at most
`QUICK_LIMIT_TRIP` with a trip): the checks are taken in order of their weight (the points they
carry), each with every question it still needs, as long as its questions fit; questions marked
`Question.detail` are left for ``kakaoaudit audit --full``. A check whose answers are all saved
already costs nothing and always runs. Follow-up questions count as if they were asked, so the limit
holds whatever the answers. What the quick check leaves out is skipped and listed in the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kakaoaudit.core.check import Check
from kakaoaudit.core.questions import Question, each_once

#: At most this many questions besides the password in a quick check, without a trip.
QUICK_LIMIT = 15
#: With a trip.
QUICK_LIMIT_TRIP = 22


@dataclass(frozen=True)
class Selection:
    """The checks of a quick check and the questions it may ask."""

    checks: tuple[type[Check], ...]
    left_out: tuple[type[Check], ...]
    questions: tuple[Question, ...]
    #: The most questions it can ask (follow-ups included).
    most: int


def asked_questions(checks: Sequence[type[Check]], *, full: bool) -> list[Question]:
    """The questions of `checks`, each once (`each_once`), in check order; without `full`, no `Question.detail`."""
    return each_once(question for check in checks for question in check.questions if full or not question.detail)


def select(checks: Sequence[type[Check]], answers: Mapping[str, Any], *, budget: int) -> Selection:
    """The checks that fit in `budget` questions, heaviest first (`answers`: what is known already)."""
    every = {question.id: question for question in asked_questions(checks, full=False)}
    chosen: list[type[Check]] = []
    counted: set[str] = set()
    for check in sorted(checks, key=lambda c: (-c.weight, c.id)):
        needed = _needed(check, answers, every) - counted
        if len(counted) + len(needed) <= budget and (check.weight > 0 or not needed):
            chosen.append(check)
            counted |= needed
    kept = [check for check in checks if check in chosen]
    left = [check for check in checks if check not in chosen]
    return Selection(tuple(kept), tuple(left), tuple(asked_questions(kept, full=False)), len(counted))


def _needed(check: type[Check], answers: Mapping[str, Any], every: Mapping[str, Question]) -> set[str]:
    """The questions `check` may still ask, with the ones their conditions depend on (worst case)."""
    needed: set[str] = set()
    stack = [question for question in check.questions if not question.detail]
    while stack:
        question = stack.pop()
        if question.id in needed or question.id in answers:
            continue
        if question.applies(answers) is False:
            continue  # its condition is already answered the other way: never asked
        needed.add(question.id)
        for key in question.waits_for():
            other = every.get(key)
            if other is not None:
                stack.append(other)
    return needed
