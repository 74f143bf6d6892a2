"""The audit flow's travel extensions: answers preset by options, a category scope, the trip's validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kakaoaudit.commands.audit import Scope, collect_answers, run_audit
from kakaoaudit.core.answers import Source
from kakaoaudit.core.errors import InputError, UsageError
from kakaoaudit.core.model import Category
from kakaoaudit.core.registry import discover

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

TODAY = date(2026, 11, 28)


def test_preset_answers_override_the_file_and_are_marked_as_options(tmp_path: Path) -> None:
    registry = discover()
    path = tmp_path / "answers.toml"
    path.write_text('[travel]\nplanned = false\ndestination = "US"\n', encoding="utf-8")
    travel = [q for q in registry.questions().values() if q.id in ("travel.planned", "travel.destination")]
    collected = collect_answers(registry, travel, path, None, TODAY,
                                preset={"travel.planned": True, "travel.destination": "TW"})
    assert collected.values == {"travel.planned": True, "travel.destination": "TW"}
    assert collected.sources == {"travel.planned": Source.OPTION, "travel.destination": Source.OPTION}


def test_without_preset_the_file_wins(tmp_path: Path) -> None:
    registry = discover()
    path = tmp_path / "answers.toml"
    path.write_text('[travel]\nplanned = true\ndestination = "US"\n', encoding="utf-8")
    travel = [q for q in registry.questions().values() if q.id in ("travel.planned", "travel.destination")]
    collected = collect_answers(registry, travel, path, None, TODAY)
    assert collected.values["travel.destination"] == "US"
    assert collected.sources["travel.destination"] is Source.FILE


def test_scope_validation_runs_before_any_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[dict[str, object]] = []

    def refuse(answers: object, today: date) -> None:
        seen.append(dict(answers))  # type: ignore[call-overload]
        raise UsageError("refused")

    scope = Scope(preset={"travel.planned": False}, category=Category.TRAVEL, validate=refuse)
    with pytest.raises(UsageError):
        run_audit({"no_input": True, "no_history": True}, mode="audit", scope=scope)
    assert seen == [{"travel.planned": False}]  # only the travel category's questions, none run
    assert capsys.readouterr().out == ""


def test_scope_category_limits_the_questions(tmp_path: Path) -> None:
    scope = Scope(preset={"travel.planned": True, "travel.destination": "TW"}, category=Category.TRAVEL)
    with pytest.raises(InputError) as raised:
        run_audit({"no_input": True, "no_history": True}, mode="audit", scope=scope)
    text = str(raised.value)
    assert "travel.depart" in text and "security.sms_filter_blocks_kakao" not in text
