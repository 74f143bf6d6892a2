"""The order, the numbers and the inferences of a questionnaire, and the quick check's selection."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone
from typing import Any

import pytest

from kakaoaudit.commands.audit import load_registry
from kakaoaudit.core.engine import questions_of
from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.questions import KNOWN, QType, Question
from kakaoaudit.questionnaire import quick
from kakaoaudit.questionnaire.flow import Questionnaire, label_for, ordered
from kakaoaudit.questionnaire.prompt import Prompter

NOW = datetime(2026, 11, 28, 12, tzinfo=timezone.utc)
CHECKS = [loaded.check for loaded in load_registry().checks]


def q(key: str, qtype: QType = QType.BOOL, **kwargs: Any) -> Question:
    return Question(key, qtype, Msg("x", key), **kwargs)


def test_follow_ups_come_right_after_their_lead() -> None:
    questions = [q("a.lead"), q("b.other"), q("a.follow", when={"a.lead": True}), q("c.infer", QType.TEXT,
                 infer_from=("a.lead",))]
    assert [x.id for x in ordered(questions)] == ["a.lead", "a.follow", "c.infer", "b.other"]


def test_labels() -> None:
    assert label_for(3, 0, 12) == "[3/12]" and label_for(3, 1, 12) == "[3a/12]" and label_for(3, 2, 12) == "[3b/12]"


def run(questions: list[Question], typed: dict[str, str], values: dict[str, Any] | None = None,
        lang: str = "en") -> tuple[list[str], dict[str, Any]]:
    out = io.StringIO()
    shown: list[str] = []

    def read(_hint: str) -> str:
        line = [ln for ln in out.getvalue().splitlines() if ln.startswith("[")][-1]
        shown.append(line.split("] ", 1)[0] + "]")
        return typed[line.split("] ", 1)[1]]

    answers = dict(values or {})
    Questionnaire(Prompter(lang, out=out, read=read), None, {}, "audit", NOW, answers, {}).ask(questions)
    return shown, answers


def test_the_counter_counts_what_is_sure_and_letters_what_follows() -> None:
    questions = [q("a.lead"), q("a.follow", when={"a.lead": True}), q("b.next"), q("c.last")]
    shown, _answers = run(questions, {"a.lead": "y", "a.follow": "n", "b.next": "n", "c.last": "n"})
    assert shown == ["[1/3]", "[1a/3]", "[2/3]", "[3/3]"]
    shown, _answers = run(questions, {"a.lead": "n", "b.next": "n", "c.last": "n"})
    assert shown == ["[1/3]", "[2/3]", "[3/3]"]  # the follow-up made moot is not asked, the count stands


def test_a_condition_on_a_known_answer() -> None:
    lead = q("s.looked", QType.DATE, allow_unknown=True, allow_never=True, rough=True)
    follow = q("s.seen", when={"s.looked": KNOWN})
    for typed, asked in (("2026-10", True), ("never", False), ("わからない", False)):
        _shown, answers = run([lead, follow], {"s.looked": typed, "s.seen": "n"})
        assert ("s.seen" in answers) is asked, typed


def test_what_can_be_inferred_is_not_asked() -> None:
    registry_questions = {x.id: x for x in questions_of(CHECKS)}
    home, phone = registry_questions["profile.home_country"], registry_questions["contacts.phone"]
    shown, answers = run([phone, home], {}, {"contacts.phone": "+82 10-1234-5678"})
    assert shown == [] and answers["profile.home_country"] == "KR"
    shown, answers = run([phone, home], {}, {"contacts.phone": "010-1234-5678"}, lang="ko")
    assert shown == [] and answers["profile.home_country"] == "KR"


@pytest.mark.parametrize(("depart", "back", "asked"), [
    (date(2026, 12, 16), date(2026, 12, 26), False),  # 11 days: not a long stay, not asked
    (date(2026, 12, 16), date(2026, 12, 29), False),  # 14 days
    (date(2026, 12, 16), date(2026, 12, 30), True),   # 15 days: the person says
    ("unknown", date(2026, 12, 30), True),
])
def test_long_stay_is_asked_only_for_long_stays(depart: Any, back: Any, asked: bool) -> None:
    [long_stay] = [x for x in questions_of(CHECKS) if x.id == "travel.long_stay"]
    values = {"travel.planned": True, "travel.depart": depart, "travel.return": back}
    answers: dict[str, Any] = dict(values)
    questionnaire = Questionnaire(Prompter("en"), None, {}, "audit", NOW, answers, {})
    questionnaire.infer([long_stay])
    assert ("travel.long_stay" not in answers) is asked
    if not asked:
        assert answers["travel.long_stay"] is False


# --- the quick check ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("trip", "password", "budget"), [(False, True, 14), (True, True, 21), (False, False, 14),
                                                           (True, False, 21)])
def test_the_quick_check_fits_its_limit_in_the_worst_case(trip: bool, password: bool, budget: int) -> None:
    runnable = [check for check in CHECKS if password or not check.needs_password]
    selection = quick.select(runnable, {"travel.planned": trip}, budget=budget)
    assert selection.most <= budget
    ids = {check.id for check in selection.checks}
    assert {"KA301", "KA401"} <= ids  # the heaviest come first
    assert not any(question.detail for question in selection.questions)
    assert selection.left_out  # the content does not fit: the rest is for --full
    if trip:
        assert {"KA601", "KA602"} <= ids


def test_checks_whose_answers_are_saved_always_run() -> None:
    every = {question.id: "unknown" for question in quick.asked_questions(CHECKS, full=True)}
    every["travel.planned"] = False
    selection = quick.select(CHECKS, every, budget=0)
    assert not selection.left_out and selection.most == 0
