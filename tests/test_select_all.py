"""Conditions with several parts, and the items of "select all that apply" questions."""

from __future__ import annotations

import pytest

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.questions import UNKNOWN, UNSURE, QType, Question

_ = translator("kakaoaudit")

TWO_CONDITIONS = Question("a.c", QType.BOOL, _("yes"), when={"a.first": True, "a.second": ("x", "y")})


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, None),
        ({"a.first": True}, None),
        ({"a.second": "x"}, None),
        # A condition known to be false wins, whichever order the conditions are declared in.
        ({"a.second": "z"}, False),
        ({"a.first": False}, False),
        ({"a.first": True, "a.second": "z"}, False),
        ({"a.first": True, "a.second": "y"}, True),
    ],
)
def test_a_known_false_condition_wins_over_an_unanswered_one(answers: dict[str, object], expected: bool | None) -> None:
    assert TWO_CONDITIONS.applies(answers) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (("a", "b"), True),
        (("a",), True),
        (("b",), False),  # left unselected: "no", never a pass
        ((), False),
        ((UNSURE,), None),  # "I'm not sure about these": unknown
        (("a", UNSURE), True),
        (("b", UNSURE), None),
        (UNKNOWN, None),
        (None, None),  # not answered: unknown
    ],
)
def test_get_flag(value: object, expected: bool | None) -> None:
    values = {} if value is None else {"x.status": value}
    assert Answers(values).get_flag("x.status", "a") is expected  # type: ignore[arg-type]
