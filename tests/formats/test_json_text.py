"""The JSON report's text is exactly json.dumps(..., ensure_ascii=False, indent=2), only built faster."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.core.i18n import LANGUAGES
from kakaoaudit.core.model import Report
from kakaoaudit.formats.json_report import to_dict
from kakaoaudit.formats.json_text import dumps

KINDS = ("demo", "all-pass", "all-unknown", "nothing", "mixed")  # the report kinds of conftest.report_of


def standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("kind", KINDS)
def test_every_report_kind_in_every_language(kind: str, report_of: Callable[[str], Report]) -> None:
    report = report_of(kind)
    for lang in LANGUAGES:
        data = to_dict(report, lang=lang)
        assert dumps(data) == standard(data)


class Mode(str, enum.Enum):
    DEMO = "demo"


class Level(enum.IntEnum):
    HIGH = 3


@pytest.mark.parametrize("value", [
    {}, [], (), "", 0, -0.0, 1e300, float("nan"), float("inf"), -float("inf"), 10**40, True, None,
    {"a": [], "b": {}, "c": [[], [{}]]}, ("tuple", [1, 2.5]), "\u2028 \x00 \" \\ é 日本 😀",
    Mode.DEMO, Level.HIGH, {"mode": Mode.DEMO, "level": Level.HIGH},
    {1: "int key"}, {None: "null key"}, {True: "bool key"}, {2.5: "float key"}, {Mode.DEMO: "enum key"},
])
def test_edge_values(value: Any) -> None:
    assert dumps(value) == standard(value)


def test_values_json_cannot_encode_fail_as_json_fails() -> None:
    for value in ({"x": object()}, {("tuple", "key"): 1}, [{1, 2}]):
        with pytest.raises(TypeError):
            standard(value)
        with pytest.raises(TypeError):
            dumps(value)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_any_json_data(value: Any) -> None:
    assert dumps(value) == standard(value)
