"""kakaoaudit's own report validator agrees with jsonschema on valid and mutated reports."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema
import pytest

from kakaoaudit.core.model import Report
from kakaoaudit.formats.json_report import schema_text, to_dict
from kakaoaudit.formats.schema_check import Validator, format_path, unsupported_keywords

SCHEMA = json.loads(schema_text())
OURS = Validator(SCHEMA)
THEIRS = jsonschema.Draft202012Validator(SCHEMA)


def test_the_schema_uses_only_supported_keywords() -> None:
    assert unsupported_keywords(SCHEMA) == set()
    assert unsupported_keywords({"type": "object", "patternProperties": {}, "if": {}}) == {"patternProperties", "if"}


def nodes(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, (*path, index))


def set_at(document: Any, path: tuple[str | int, ...], value: Any) -> None:
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value


def delete_at(document: Any, path: tuple[str | int, ...]) -> None:
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]


REPLACEMENTS: tuple[Any, ...] = (None, True, 0, -1, 1.5, 101, "", "x" * 200, "2026-13-99", "ZZZ", [], [1], {},
                                 {"domain": "d", "msgid": "m", "params": {}}, "pass", "KA999")


def mutations(document: Any, count: int, seed: int) -> Iterator[tuple[str, Any]]:
    rng = random.Random(seed)
    paths = [path for path, _value in nodes(document) if path]
    for _ in range(count):
        path = rng.choice(paths)
        mutated = copy.deepcopy(document)
        action = rng.random()
        if action < 0.2 and isinstance(path[-1], str):
            delete_at(mutated, path)
            yield f"delete {format_path(path)}", mutated
        elif action < 0.3:
            parent = mutated
            for part in path[:-1]:
                parent = parent[part]
            if isinstance(parent, dict):
                parent["unexpected"] = 1
                yield f"extra key at {format_path(path[:-1])}", mutated
        else:
            replacement = rng.choice(REPLACEMENTS)
            set_at(mutated, path, copy.deepcopy(replacement))
            yield f"{format_path(path)} = {replacement!r}", mutated


@pytest.fixture
def documents(edge: Callable[[str], Report]) -> list[dict[str, Any]]:
    return [to_dict(edge(kind), lang=lang) for kind, lang in (("mixed", "en"), ("all-pass", "ja"), ("nothing", "ko"))]


def test_valid_reports_are_valid(documents: list[dict[str, Any]]) -> None:
    for document in documents:
        assert THEIRS.is_valid(document)
        assert OURS.first_violation(document) is None


@pytest.mark.parametrize("seed", range(2))
def test_agrees_with_jsonschema_on_mutated_reports(documents: list[dict[str, Any]], seed: int) -> None:
    invalid = 0
    for document in documents:
        for description, mutated in mutations(document, 30, seed):
            expected = THEIRS.is_valid(mutated)
            violation = OURS.first_violation(mutated)
            assert (violation is None) is expected, description
            if violation is not None:
                invalid += 1
                # The place we point at is where jsonschema found a problem, or inside it (for oneOf).
                theirs = [tuple(error.absolute_path) for error in THEIRS.iter_errors(mutated)]
                assert any(violation.path[:len(p)] == p for p in theirs), (description, violation.path, theirs)
                assert violation.reason.render("ja") and violation.reason.render("ko")
    assert invalid > 40  # the mutations really break things


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
    violation = OURS.first_violation(document)
    assert violation is not None
    assert violation.where == where
    assert reason in violation.reason.render("en")


def test_json_equality_rules() -> None:
    validator = Validator({"enum": [1, "a", None]})
    assert validator.is_valid(1.0) and validator.is_valid("a") and validator.is_valid(None)
    assert not validator.is_valid(True)  # true is not 1 in JSON Schema
    assert Validator({"type": "integer"}).is_valid(2.0)
    assert not Validator({"type": "integer"}).is_valid(False)
    assert Validator({"const": [1, {"a": None}]}).is_valid([1.0, {"a": None}])


def test_paths_are_readable() -> None:
    assert format_path(()) == "$"
    assert format_path(("findings", 3, "status")) == "findings[3].status"
    assert format_path(("params", "a key")) == 'params["a key"]'
