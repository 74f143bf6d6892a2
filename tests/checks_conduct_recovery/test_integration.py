"""KA5xx and KA7xx in the product: registered, documented, translated, answered by the demo."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from kakaoaudit.api import Check, Status
from kakaoaudit.checks import conduct, recovery
from kakaoaudit.core.registry import discover

MINE: tuple[type[Check], ...] = (
    conduct.SendingVolume, conduct.InvitesAndLinks, conduct.AddingQuickly, conduct.Environment,
    conduct.HistoryAndReports, conduct.TermsReviewed,
    recovery.SupportRoute, recovery.IdDocument, recovery.Evidence, recovery.AppUpdated, recovery.ChatBackup,
    recovery.TalkSafetyPass,
)
Cli = Callable[..., Any]


def every_answer_combination(check: type[Check]) -> list[dict[str, Any]]:
    """A sample of answers for each question: every choice, yes/no, unknown, a few numbers."""
    options: list[list[tuple[str, Any]]] = []
    for question in check.questions:
        values: list[Any]
        if question.type.value == "bool":
            values = [True, False]
        elif question.type.value == "choice":
            values = list(question.choice_values)
        elif question.type.value == "multi":
            values = [[value] for value in question.choice_values] + [[], list(question.choice_values)]
        elif question.type.value == "phone":
            values = ["090-1234-5678", "+82 10-1234-5678", "12"]
        elif question.type.value == "country":
            values = ["JP", "KR"]
        elif question.type.value == "date":
            values = ["2026-11-20", "2026-01", "2020"]
        else:
            values = ["https://cs.kakao.com/helps", "https://kakao-help.com", "https://example.com", "ftp://x"]
        if question.allow_unknown:
            values.append("unknown")
        options.append([(question.id, value) for value in values] + [(question.id, None)])
    return [{key: value for key, value in combo if value is not None} for combo in itertools.product(*options)]


def test_registered_without_warnings_in_their_blocks() -> None:
    registry = discover()
    assert registry.warnings == ()
    registered = {loaded.check.id: loaded.check for loaded in registry.checks}
    for check in MINE:
        assert registered[check.id] is check
        assert check.id.startswith("KA5" if check.category.value == "conduct" else "KA7")


@pytest.mark.parametrize("check", MINE, ids=[c.id for c in MINE])
def test_documented_and_referenced(check: type[Check]) -> None:
    assert check.__doc__ and len(check.__doc__.split()) > 30, "the docstring is the check's documentation page"
    assert "Findings:" in check.__doc__
    assert check.why is not None and check.why.render("ja") != check.why.render("en")
    assert check.title.render("ja") != check.title.render("en")
    assert check.references and all(ref.startswith("https://") for ref in check.references)
    for question in check.questions:
        assert question.prompt.render("ja") != question.prompt.render("en"), question.id
        for choice in question.choices:
            assert choice.label.render("ja") != choice.label.render("en"), (question.id, choice.value)


@pytest.mark.parametrize("check", MINE, ids=[c.id for c in MINE])
def test_every_answer_gives_sound_findings(run: Any, check: type[Check]) -> None:
    """Over every combination of answers: findings translated, advice when not fine, never a wrong pass."""
    for answers in every_answer_combination(check):
        findings = run(check, answers)
        assert findings, answers
        codes = [f.code for f in findings]
        assert len(codes) == len(set(codes)), (answers, codes)
        for finding in findings:
            assert finding.check_id == check.id
            assert 0 <= finding.points <= finding.max_points
            if finding.status is not Status.PASS:
                assert finding.advice or finding.status is Status.UNKNOWN or finding.detail, (answers, finding.code)
            if finding.status in (Status.WARN, Status.FAIL):
                assert finding.advice, (answers, finding.code)
                assert finding.detail is not None, (answers, finding.code)
            for message in (finding.title, finding.detail, *finding.advice):
                if message is None:
                    continue
                for lang in ("ja", "ko"):
                    assert message.render(lang) != message.render("en"), (lang, message.msgid)
        unknown_answers = [key for key, value in answers.items() if value == "unknown"]
        if unknown_answers and len(check.questions) == 1:
            assert all(f.status is not Status.PASS for f in findings), answers


def test_the_demo_answers_every_question_and_mixes_results(cli: Cli, validate_report: Any) -> None:
    result = cli("demo", "--format", "json", "--only", "conduct,recovery")
    assert result.exit_code == 0, result.stderr
    report = result.json()
    validate_report(report)
    findings = [f for f in report["findings"] if f["check_id"] in {c.id for c in MINE}]
    assert {f["check_id"] for f in findings} == {c.id for c in MINE}
    statuses = {f["status"] for f in findings}
    assert {"pass", "warn"} <= statuses
    not_answered = [f["code"] for f in findings if f["status"] == "unknown"]
    assert not_answered == [], "the demo profile must answer every question of these checks"
    assert "090-1234-5678" not in result.stdout, "contacts are masked in the demo report"


def test_init_sample_contains_the_answers(cli: Cli, tmp_path: Any) -> None:
    target = tmp_path / "answers.toml"
    assert cli("init", "--sample", "--only", "conduct,recovery", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    for key in ("recent_activity", "restricted_before", "terms_read", "support_route",
                "id_document", "habits", "chat_backup"):
        assert f"\n{key} = " in text, key
