"""The score says what it knows: coverage next to the score, no grade under 60%, unknown categories."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from kakaoaudit.api import UNKNOWN, Category, Check, Context, Finding, QType, Question, Status
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.engine import Auditor
from kakaoaudit.core.i18n import translator
from kakaoaudit.formats import render
from kakaoaudit.formats.json_report import from_dict, to_dict

_ = translator("kakaoaudit")


def check(check_id: str, status: Status, category: Category = Category.SECURITY, weight: int = 10,
          questions: tuple[Question, ...] = ()) -> type[Check]:
    def run(self: Check, ctx: Context) -> Iterable[Finding]:
        yield self.finding(status, _("OK"), code=status.value)

    namespace: dict[str, Any] = {"id": check_id, "title": _("OK"), "category": category, "run": run,
                                 "weight": weight, "questions": questions}
    return type(f"C{check_id}", (Check,), namespace)


def audit(*checks: type[Check], answers: dict[str, Any] | None = None) -> Any:
    return Auditor(checks=checks).run(Answers(answers or {}))


def test_coverage_counts_the_checks_that_could_decide_of_those_that_ran() -> None:
    report = audit(check("EXM101", Status.PASS, weight=20), check("EXM102", Status.UNKNOWN, weight=30),
                   check("EXM103", Status.SKIPPED, weight=50))
    assert (report.coverage.assessed_points, report.coverage.possible_points) == (20, 50)
    assert report.score == 100
    assert report.grade is None  # 40% assessed: too little to grade, however good the 20 points are


def test_a_grade_from_60_percent_on() -> None:
    report = audit(check("EXM101", Status.PASS, weight=60), check("EXM102", Status.UNKNOWN, weight=40))
    assert report.coverage.ratio == 0.6
    assert report.grade == "A"
    report = audit(check("EXM101", Status.PASS, weight=59), check("EXM102", Status.UNKNOWN, weight=41))
    assert report.grade is None


def test_all_unknown_is_no_score_no_grade_and_no_category_score() -> None:
    report = audit(check("EXM101", Status.UNKNOWN), check("EXM102", Status.UNKNOWN, category=Category.CONDUCT))
    assert report.score is None and report.grade is None
    assert all(c.score is None for c in report.categories)
    assert (report.coverage.assessed_points, report.coverage.possible_points) == (0, 20)


def test_a_category_of_unknowns_is_not_assessed_while_others_are() -> None:
    report = audit(check("EXM101", Status.PASS), check("EXM102", Status.UNKNOWN, category=Category.CONDUCT))
    scores = {c.category: c.score for c in report.categories}
    assert scores == {Category.SECURITY: 100, Category.CONDUCT: None}
    for fmt in ("table", "markdown", "html"):
        text = render(report, fmt, lang="en", terminal=False)
        assert "not assessed" in text
        assert "The score rests on 10 of 20 points" in text
        assert "No grade" in text


def test_unknown_answers_are_listed_in_question_order() -> None:
    questions = (Question("exm.first", QType.BOOL, _("OK"), allow_unknown=True),
                 Question("exm.second", QType.BOOL, _("OK"), allow_unknown=True),
                 Question("exm.third", QType.BOOL, _("OK"), allow_unknown=True))
    report = audit(check("EXM101", Status.PASS, questions=questions),
                   answers={"exm.third": UNKNOWN, "exm.first": UNKNOWN, "exm.second": True})
    assert report.unknown_answers == ("exm.first", "exm.third")
    text = render(report, "table", lang="en", terminal=False)
    assert '"don\'t know" answers: 2' in text
    assert [item.question_id for item in report.look_up] == ["exm.first", "exm.third"]


def test_json_carries_coverage_and_reads_back(validate_report: Callable[[Any], None]) -> None:
    report = audit(check("EXM101", Status.PASS, weight=20), check("EXM102", Status.UNKNOWN, weight=30))
    data = to_dict(report, lang="en")
    assert data["coverage"] == {"assessed_points": 20, "possible_points": 50}
    assert data["grade"] is None
    validate_report(data)
    again = from_dict(json.loads(json.dumps(data)))
    assert again.coverage == report.coverage and again.grade is None


def test_a_report_of_schema_1_0_gets_its_coverage_from_its_checks(validate_report: Callable[[Any], None]) -> None:
    report = audit(check("EXM101", Status.PASS, weight=20), check("EXM102", Status.UNKNOWN, weight=30),
                   check("EXM103", Status.SKIPPED, weight=50))
    data = to_dict(report, lang="en")
    del data["coverage"], data["unknown_answers"]
    data.update(schema_version="1.0", grade="-")
    validate_report(data)
    old = from_dict(data)
    assert (old.coverage.assessed_points, old.coverage.possible_points) == (20, 50)
    assert old.grade is None
