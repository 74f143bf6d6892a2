"""`dumps`: the text of ``json.dumps(value, ensure_ascii=False, indent=2)``, built faster.

With an indent, the standard library encodes in pure Python through a chain of generators; a
report is a few thousand values and that encoding was a noticeable share of ``kakaoaudit demo
--format json``. This builds the same text by direct recursion, strings escaped by the standard
library's own (C) function. Anything outside plain JSON data (dict with str keys, list, tuple,
str, int, float, bool, None) goes to `json.dumps` itself, so the result is always its result.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from json.encoder import encode_basestring  # C-accelerated when available
from typing import Any

__all__ = ["dumps"]

_INFINITY = float("inf")


class _NotPlain(Exception):
    """A value `json.dumps` must handle itself (a subclass it treats specially, a non-str key...)."""


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``."""
    parts: list[str] = []
    try:
        _encode(value, parts.append, "\n")
    except (_NotPlain, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(parts)


def _encode(value: Any, put: Callable[[str], None], newline: str) -> None:
    # The order of the tests is json.encoder's (a bool is an int, an str enum is a str).
    if isinstance(value, str):
        put(encode_basestring(value))
    elif value is None:
        put("null")
    elif value is True:
        put("true")
    elif value is False:
        put("false")
    elif isinstance(value, int):
        put(int.__repr__(value))
    elif isinstance(value, float):
        put(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            put("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            put(separator)
            separator = "," + inner
            _encode(item, put, inner)
        put(newline + "]")
    elif isinstance(value, dict):
        if not value:
            put("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotPlain
            put(separator)
            separator = "," + inner
            put(encode_basestring(key))
            put(": ")
            _encode(item, put, inner)
        put(newline + "}")
    else:
        raise _NotPlain


def _float(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
