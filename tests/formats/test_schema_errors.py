"""A saved report that breaks the schema is one translated line saying where and why (jsonschema)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from kakaoaudit.core.model import Report
from kakaoaudit.formats.json_report import to_dict
from kakaoaudit.formats.schema_errors import first_violation


@pytest.fixture
def documents(edge: Callable[[str], Report]) -> list[dict[str, Any]]:
    return [to_dict(edge(kind), lang=lang) for kind, lang in (("mixed", "en"), ("all-pass", "ja"), ("nothing", "ko"))]


def test_valid_reports_are_valid(documents: list[dict[str, Any]]) -> None:
    for document in documents:
        assert first_violation(document) is None


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        (lambda d: d["findings"][0].update(status="maybe"), "findings[0].status", "must be one of"),
        (lambda d: d.pop("score"), "$", 'the key "score" is missing'),
        (lambda d: d.update(extra=1), "$", 'unexpected key "extra"'),
        (lambda d: d.update(score="high"), "score", "expected integer or null, found string"),
        (lambda d: d.update(score=120), "score", "must be at most 100"),
        (lambda d: d.update(generated_at="yesterday"), "generated_at", "does not have the expected form"),
        (lambda d: d["findings"][0]["i18n"].update(title={"msgid": "x"}), "findings[0].i18n.title",
         'the key "domain" is missing'),
        (lambda d: d.update(travel=5), "travel", "expected null or object, found integer"),
        (lambda d: d["tool"].update(name="other"), "tool.name", 'must be "kakaoaudit"'),
    ],
)
def test_first_violation_says_where_and_why(documents: list[dict[str, Any]], change: Callable[[dict[str, Any]], Any],
                                            where: str, reason: str) -> None:
    document = copy.deepcopy(documents[0])
    change(document)
    violation = first_violation(document)
    assert violation is not None
    assert violation.where == where
    assert reason in violation.reason.render("en")


def test_every_reason_is_translated(documents: list[dict[str, Any]]) -> None:
    document = copy.deepcopy(documents[0])
    document["findings"][0]["status"] = "maybe"
    violation = first_violation(document)
    assert violation is not None
    assert violation.reason.render("ja") != violation.reason.render("en") != violation.reason.render("ko")
