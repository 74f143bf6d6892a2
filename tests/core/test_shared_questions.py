"""A question shared by several checks is asked whenever one of them needs it.

KA705 (recovery) asks whether the chats are backed up on every audit; the travel check KA608 declares
the same question only for a trip. The copy for the trip must never narrow who is asked: found when
the chat backup stopped being asked of people without a trip.
"""

from __future__ import annotations

from kakaoaudit.core.engine import questions_of
from kakaoaudit.core.questions import Choice, QType, Question, each_once
from kakaoaudit.core.registry import discover
from kakaoaudit.questionnaire.quick import asked_questions


def conditions_within(kept: Question, own: Question) -> bool:
    """True when every condition of `kept` is also a condition of the check's own declaration."""
    return all(key in own.when and own.when[key] == value for key, value in kept.when.items())


def test_every_check_gets_its_questions_under_no_more_conditions_than_it_declares() -> None:
    checks = [loaded.check for loaded in discover().checks]
    for merged in (questions_of(checks), asked_questions(checks, full=True)):
        kept = {question.id: question for question in merged}
        for check in checks:
            for own in check.questions:
                assert conditions_within(kept[own.id], own), (check.id, own.id, dict(kept[own.id].when))


def test_the_quick_check_keeps_the_wider_declaration_too() -> None:
    checks = [loaded.check for loaded in discover().checks]
    kept = {question.id: question for question in asked_questions(checks, full=False)}
    for check in checks:
        for own in check.questions:
            if not own.detail:
                assert own.id in kept and conditions_within(kept[own.id], own), (check.id, own.id)


def test_the_chat_backup_is_asked_without_a_trip() -> None:
    checks = [loaded.check for loaded in discover().checks]
    kept = {question.id: question for question in questions_of(checks)}
    assert kept["recovery.chat_backup"].applies({"travel.planned": False}) is not False


def test_each_once_keeps_the_first_place_and_the_fewest_conditions() -> None:
    choices = (Choice("a", None), Choice("b", None))  # type: ignore[arg-type]
    narrow = Question("x.shared", QType.CHOICE, None, choices=choices, when={"x.trip": True})  # type: ignore[arg-type]
    other = Question("x.other", QType.BOOL, None)  # type: ignore[arg-type]
    wide = Question("x.shared", QType.CHOICE, None, choices=choices)  # type: ignore[arg-type]
    assert each_once([narrow, other, wide]) == [wide, other]
    # A declaration with other conditions (not fewer of the same) does not replace the first.
    different = Question("x.shared", QType.CHOICE, None, choices=choices, when={"x.other": True})  # type: ignore[arg-type]
    assert each_once([narrow, different]) == [narrow]
