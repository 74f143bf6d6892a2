"""The Auditor isolates failures, honours --offline and the password; scoring is transparent."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from kakaoaudit.api import Category, Check, Context, Finding, QType, Question, Severity, Status
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.engine import Auditor, applicable, questions_of, select_checks
from kakaoaudit.core.errors import UsageError
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.scoring import CheckInfo, grade_for, score
from kakaoaudit.core.secret import Secret

_ = translator("kakaoaudit")


def check_class(check_id: str, run: Callable[[Check, Context], Iterable[Any]], **attrs: Any) -> type[Check]:
    namespace = {"id": check_id, "title": _("OK"), "category": Category.SECURITY, "run": run, **attrs}
    return type(f"C{check_id}", (Check,), namespace)


def passing(self: Check, ctx: Context) -> Iterable[Finding]:
    yield self.finding(Status.PASS, _("OK"), code="ok")


def failing(self: Check, ctx: Context) -> Iterable[Finding]:
    yield self.finding(Status.FAIL, _("Fix"), code="bad", severity=Severity.HIGH, advice=[_("Fix")])


def raising(self: Check, ctx: Context) -> Iterable[Finding]:
    raise ZeroDivisionError("boom")


def run_audit(*checks: type[Check], **kwargs: Any) -> Any:
    return Auditor(checks=checks, **kwargs).run(Answers({}))


def test_a_raising_check_becomes_error_and_the_rest_run() -> None:
    auditor = Auditor(checks=[check_class("EXM101", raising), check_class("EXM102", passing)])
    report = auditor.run(Answers({}))
    statuses = {f.check_id: f.status for f in report.findings}
    assert statuses == {"EXM101": Status.ERROR, "EXM102": Status.PASS}
    error = next(f for f in report.findings if f.check_id == "EXM101")
    assert "ZeroDivisionError" in error.detail.render("en")  # type: ignore[union-attr]
    assert "boom" in auditor.tracebacks[0]
    assert report.score == 100  # errors are out of the denominator


@pytest.mark.parametrize(
    ("run", "reason"),
    [
        (lambda self, ctx: iter([]), "no result"),
        (lambda self, ctx: iter(["text"]), "str instead of a Finding"),
        (lambda self, ctx: iter([Finding("KA999", "x", Status.PASS, Severity.INFO, _("OK"))]), "another check"),
        (lambda self, ctx: iter([self.finding(Status.PASS, _("OK"), code="x", points=50)]), "outside"),
    ],
)
def test_invalid_results_are_errors(run: Any, reason: str) -> None:
    finding = run_audit(check_class("EXM101", run)).findings[0]
    assert finding.status is Status.ERROR
    assert reason in finding.detail.render("en")


def test_offline_skips_network_checks_with_the_reason() -> None:
    report = run_audit(check_class("EXM101", passing, needs_network=True), offline=True)
    assert report.findings[0].status is Status.SKIPPED
    assert "--offline" in report.findings[0].detail.render("en")
    assert report.score is None
    assert report.grade is None


def test_password_checks_skip_without_password_and_see_it_with_one() -> None:
    seen = []

    def uses_password(self: Check, ctx: Context) -> Iterable[Finding]:
        assert ctx.password is not None
        seen.append(ctx.password.reveal())
        yield self.finding(Status.PASS, _("OK"), code="ok")

    check = check_class("EXM101", uses_password, needs_password=True)
    skipped = run_audit(check, password_missing=_("not checked: no password was given"))
    assert skipped.findings[0].status is Status.SKIPPED
    run_audit(check, password=Secret("pw"))
    assert seen == ["pw"]


def test_select_by_id_category_and_skip() -> None:
    a = check_class("EXM101", passing)
    b = check_class("EXM201", passing, category=Category.CONDUCT)
    assert select_checks([a, b], only=["exm101"]) == [a]
    assert select_checks([a, b], only=["conduct"]) == [b]
    assert select_checks([a, b], skip=["EXM101,conduct"]) == []
    with pytest.raises(UsageError, match="did you mean 'EXM101'"):
        select_checks([a, b], only=["EXM10"])
    with pytest.raises(UsageError, match="did you mean 'conduct'"):
        select_checks([a, b], only=["conduc"])


def test_questions_deduplicated_and_conditions_follow_answers() -> None:
    q1 = Question("vpn.used", QType.BOOL, _("yes"))
    q2 = Question("vpn.exit", QType.COUNTRY, _("yes"), when={"vpn.used": True})
    q3 = Question("other.thing", QType.BOOL, _("yes"), when={"not.selected": True})
    a = check_class("EXM101", passing, questions=(q1, q2))
    b = check_class("EXM102", passing, questions=(q1, q3))
    questions = questions_of([a, b])
    assert [q.id for q in questions] == ["vpn.used", "vpn.exit", "other.thing"]
    assert [q.id for q in applicable(questions, {})] == ["vpn.used", "vpn.exit"]
    assert applicable(questions, {"vpn.used": False}) == []
    assert [q.id for q in applicable(questions, {"vpn.used": True})] == ["vpn.exit"]


class TestScoring:
    def test_checks_are_worth_their_weight(self) -> None:
        def two(self: Check, ctx: Context) -> Iterable[Finding]:
            yield self.finding(Status.PASS, _("OK"), code="a", max_points=10)
            yield self.finding(Status.FAIL, _("Fix"), code="b", max_points=30)

        report = run_audit(check_class("EXM101", two, weight=20), check_class("EXM102", passing, weight=20))
        summary = {c.check_id: c for c in report.checks}
        assert (summary["EXM101"].points, summary["EXM101"].max_points) == (5, 20)
        assert summary["EXM101"].status is Status.FAIL
        assert report.score == round(100 * 25 / 40)
        assert report.top_actions[0].points_at_stake == 15

    def test_unknown_is_left_out_and_listed(self) -> None:
        def unsure(self: Check, ctx: Context) -> Iterable[Finding]:
            yield self.finding(Status.UNKNOWN, _("Unknown"), code="u")

        report = run_audit(check_class("EXM101", unsure), check_class("EXM102", failing))
        assert report.score == 0
        assert [f.code for f in report.not_scored] == ["u"]

    @pytest.mark.parametrize(
        ("value", "grade"),
        [(100, "A"), (90, "A"), (89, "B"), (80, "B"), (79, "C"), (70, "C"), (60, "D"), (59, "F"), (0, "F"),
         (None, None)],
    )
    def test_grades(self, value: int | None, grade: str) -> None:
        assert grade_for(value) == grade

    def test_a_critical_failure_caps_the_grade(self) -> None:
        def critical(self: Check, ctx: Context) -> Iterable[Finding]:
            yield self.finding(Status.FAIL, _("Fix"), code="c", severity=Severity.CRITICAL)

        checks = [check_class("EXM101", critical, weight=1), check_class("EXM102", passing, weight=99)]
        report = run_audit(*checks)
        assert report.score == 99
        assert report.grade == "D"
        assert report.grade_capped

    def test_top_actions_order_and_limit(self) -> None:
        def one(code: str, status: Status, severity: Severity, points: int) -> Callable[[Check, Context],
                                                                                     Iterable[Finding]]:
            def run(self: Check, ctx: Context) -> Iterable[Finding]:
                yield self.finding(status, _("Fix"), code=code, max_points=points, severity=severity)

            return run

        checks = [
            check_class("EXM101", one("w", Status.WARN, Severity.LOW, 10), weight=50),
            check_class("EXM102", one("f1", Status.FAIL, Severity.HIGH, 10), weight=10),
            check_class("EXM103", one("f2", Status.FAIL, Severity.MEDIUM, 20), weight=50),
            check_class("EXM104", one("f3", Status.FAIL, Severity.LOW, 10), weight=5),
        ]
        report = run_audit(*checks)
        # Severity first (high before medium before low), then a fix before a check at the same severity.
        assert [a.code for a in report.top_actions] == ["f1", "f2", "f3"]

    def test_one_top_action_per_check(self) -> None:
        def two(self: Check, ctx: Context) -> Iterable[Finding]:
            yield self.finding(Status.FAIL, _("Fix"), code="a", max_points=10, severity=Severity.HIGH)
            yield self.finding(Status.FAIL, _("Fix"), code="b", max_points=20, severity=Severity.HIGH)

        report = run_audit(check_class("EXM101", two, weight=30), check_class("EXM102", failing, weight=10))
        assert [(a.check_id, a.code) for a in report.top_actions] == [("EXM101", "b"), ("EXM102", "bad")]

    def test_category_scores(self) -> None:
        infos = [
            CheckInfo("EXM101", _("OK"), Category.SECURITY, 10),
            CheckInfo("EXM201", _("OK"), Category.CONDUCT, 10),
        ]
        findings = [
            Finding("EXM101", "a", Status.PASS, Severity.INFO, _("OK"), points=10, max_points=10),
            Finding("EXM201", "b", Status.WARN, Severity.LOW, _("OK"), points=5, max_points=10),
        ]
        scored = score(infos, findings)
        assert {c.category: c.score for c in scored.categories} == {Category.SECURITY: 100, Category.CONDUCT: 50}
        assert scored.score == 75


def test_severity_orders_by_harm_not_alphabet() -> None:
    assert Severity.CRITICAL > Severity.HIGH > Severity.MEDIUM > Severity.LOW > Severity.INFO
    assert Severity.CRITICAL >= Severity.MEDIUM
    assert Severity.LOW <= Severity.MEDIUM
    ordered = [Severity.INFO, Severity.HIGH, Severity.CRITICAL]
    assert sorted([Severity.HIGH, Severity.INFO, Severity.CRITICAL]) == ordered
    with pytest.raises(TypeError):
        assert Severity.LOW < "z"
