"""What the report is made of: dataclasses all the way down, never a NamedTuple.

Internal records are `typing.NamedTuple`s (docs/architecture.md, "Records"): cheap to create, but
a tuple. The escaping pass (`kakaoaudit.formats._printable`) rebuilds dataclasses field by field
and tuples as plain tuples, so a NamedTuple inside a report would come out of it as a bare tuple.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from kakaoaudit.core.model import Report


def _classes_in(hint: Any) -> set[type]:
    """The classes a type hint names (`tuple[Finding, ...]`, `TravelPlan | None`, ...)."""
    found: set[type] = set()
    if isinstance(hint, type) and not typing.get_args(hint):
        found.add(hint)
    origin = typing.get_origin(hint)
    if isinstance(origin, type) and origin is not types.UnionType:
        found.add(origin)
    for argument in typing.get_args(hint):
        found |= _classes_in(argument)
    return found


def _report_parts() -> set[type]:
    """Every class reachable from `Report` through the fields of dataclasses."""
    seen: set[type] = set()
    todo: list[type] = [Report]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        if dataclasses.is_dataclass(cls):
            for hint in typing.get_type_hints(cls).values():
                todo.extend(_classes_in(hint))
    return seen


def test_the_walk_reaches_the_parts_of_a_report() -> None:
    names = {cls.__name__ for cls in _report_parts()}
    assert {"Finding", "CheckSummary", "CategoryScore", "TopAction", "TravelPlan", "TimeDifference",
            "ChecklistItem", "Suppressed", "Coverage", "LookUp", "Msg"} <= names


def test_no_part_of_a_report_is_a_named_tuple() -> None:
    named_tuples = sorted(cls.__qualname__ for cls in _report_parts()
                          if issubclass(cls, tuple) and hasattr(cls, "_fields"))
    assert named_tuples == []
