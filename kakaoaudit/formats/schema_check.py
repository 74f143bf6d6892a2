"""A small JSON Schema validator for the subset `report.schema.json` uses.

jsonschema is a test dependency only; `kakaoaudit show` still has to tell a family helper what is
wrong with a report file, in their language. Supported keywords: type, enum, const, required,
properties, additionalProperties, items, minItems, maxItems, minLength, maxLength, minimum,
maximum, pattern, oneOf, anyOf, allOf and local ``$ref`` (``#/$defs/...``); annotations
($schema, $id, title, description) are ignored. A test keeps it in agreement with jsonschema on
valid and mutated reports, and another fails when the schema starts using a keyword not listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from kakaoaudit.core.i18n import Msg, translator

_ = translator("kakaoaudit.formats")

SUPPORTED = frozenset({
    "type", "enum", "const", "required", "properties", "additionalProperties", "items", "minItems", "maxItems",
    "minLength", "maxLength", "minimum", "maximum", "pattern", "oneOf", "anyOf", "allOf", "$ref", "$defs",
    "$schema", "$id", "title", "description",
})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Violation:
    """Where a document breaks the schema and why."""

    path: tuple[str | int, ...]
    reason: Msg
    expected: tuple[str, ...] = ()
    """For a wrong type: the JSON types that were expected."""

    @property
    def where(self) -> str:
        """The location as ``findings[3].status`` (``$`` for the whole document)."""
        return format_path(self.path)


def format_path(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += "[" + _quote(part) + "]"
    return text or "$"


def _quote(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def type_name(value: Any) -> str:
    """The JSON type of a Python value from `json.loads`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _is_type(value: Any, name: str) -> bool:
    actual = type_name(value)
    if name == "number":
        return actual in ("integer", "number")
    if name == "integer":
        return actual == "integer" or (actual == "number" and float(value).is_integer())
    return actual == name


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but true is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    numbers = ("integer", "number")
    if type_name(a) in numbers or type_name(b) in numbers:
        return type_name(a) in numbers and type_name(b) in numbers and bool(a == b)
    return type_name(a) == type_name(b) and bool(a == b)


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _show(value: Any) -> str:
    import json  # noqa: PLC0415 - only for error messages

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


class Validator:
    """Validates documents against one schema (the root, for resolving ``$ref``)."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.root = schema

    def first_violation(self, instance: Any) -> Violation | None:
        """The first problem in document order, or None when the document is valid."""
        return next(self.violations(instance), None)

    def is_valid(self, instance: Any) -> bool:
        return self.first_violation(instance) is None

    def violations(self, instance: Any, schema: Mapping[str, Any] | None = None,
                   path: tuple[str | int, ...] = ()) -> Iterator[Violation]:
        """Every problem, in document order (the first is the one to show)."""
        yield from self._check(instance, self.root if schema is None else schema, path)

    def _resolve(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported: {ref}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node  # type: ignore[no-any-return]

    def _check(self, value: Any, schema: Mapping[str, Any] | bool, path: tuple[str | int, ...]) -> Iterator[Violation]:
        if schema is True:
            return
        if schema is False:
            yield Violation(path, _("is not allowed here"))
            return
        assert isinstance(schema, Mapping)
        if "$ref" in schema:
            yield from self._check(value, self._resolve(schema["$ref"]), path)
        wanted = schema.get("type")
        if wanted is not None:
            names = [wanted] if isinstance(wanted, str) else list(wanted)
            if not any(_is_type(value, name) for name in names):
                yield _type_violation(path, names, value)
                return
        if "const" in schema and not _equal(value, schema["const"]):
            yield Violation(path, _("must be {value}", value=_show(schema["const"])))
        if "enum" in schema and not any(_equal(value, option) for option in schema["enum"]):
            yield Violation(path, _("must be one of {values}; found {found}",
                                    values=", ".join(_show(option) for option in schema["enum"]), found=_show(value)))
        yield from self._combinators(value, schema, path)
        if isinstance(value, str):
            yield from self._string(value, schema, path)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                yield Violation(path, _("must be at least {limit}; found {found}", limit=schema["minimum"],
                                        found=_show(value)))
            if "maximum" in schema and value > schema["maximum"]:
                yield Violation(path, _("must be at most {limit}; found {found}", limit=schema["maximum"],
                                        found=_show(value)))
        elif isinstance(value, list):
            yield from self._array(value, schema, path)
        elif isinstance(value, dict):
            yield from self._object(value, schema, path)

    def _string(self, value: str, schema: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[Violation]:
        if "minLength" in schema and len(value) < schema["minLength"]:
            yield Violation(path, _("must have at least {limit} characters", limit=schema["minLength"]))
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            yield Violation(path, _("must have at most {limit} characters", limit=schema["maxLength"]))
        if "pattern" in schema and not _regex(schema["pattern"]).search(value):
            yield Violation(path, _("{found} does not have the expected form ({pattern})", found=_show(value),
                                    pattern=schema["pattern"]))

    def _array(self, value: list[Any], schema: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[Violation]:
        if "minItems" in schema and len(value) < schema["minItems"]:
            yield Violation(path, _("must have at least {limit} items", limit=schema["minItems"]))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            yield Violation(path, _("must have at most {limit} items", limit=schema["maxItems"]))
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                yield from self._check(item, items, (*path, index))

    def _object(self, value: dict[str, Any], schema: Mapping[str, Any],
                path: tuple[str | int, ...]) -> Iterator[Violation]:
        for key in schema.get("required", ()):
            if key not in value:
                yield Violation(path, _("the key {key} is missing", key=_quote(key)))
        properties: Mapping[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                yield from self._check(item, properties[key], (*path, key))
            elif extra is False:
                yield Violation(path, _("unexpected key {key}", key=_quote(key)))
            elif extra is not True:
                yield from self._check(item, extra, (*path, key))

    def _combinators(self, value: Any, schema: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[Violation]:
        for sub in schema.get("allOf", ()):
            yield from self._check(value, sub, path)
        for keyword in ("anyOf", "oneOf"):
            if keyword not in schema:
                continue
            branches = [list(self._check(value, sub, path)) for sub in schema[keyword]]
            passing = sum(1 for errors in branches if not errors)
            if passing == 0:
                yield _closest(branches, path, value)
            elif keyword == "oneOf" and passing > 1:
                yield Violation(path, _("matches more than one of the allowed forms"))


def _closest(branches: list[list[Violation]], path: tuple[str | int, ...], value: Any) -> Violation:
    """The most telling error among alternatives that all failed.

    For ``oneOf: [null, {object}]`` and a broken object that is the object's problem, not "expected
    null"; when every alternative wanted another type, one message lists them all.
    """
    firsts = [errors[0] for errors in branches if errors]
    deepest = max(len(error.path) for error in firsts)
    candidates = [error for error in firsts if len(error.path) == deepest]
    if deepest == len(path):
        fitting = [error for error in candidates if not error.expected]
        if fitting:
            return fitting[0]
        expected = [name for error in candidates for name in error.expected]
        return _type_violation(path, list(dict.fromkeys(expected)), value)
    return candidates[0]


def _type_violation(path: tuple[str | int, ...], names: list[str], value: Any) -> Violation:
    return Violation(path, _("expected {expected}, found {found}", expected=" or ".join(names), found=type_name(value)),
                     tuple(names))


def unsupported_keywords(schema: Any) -> set[str]:
    """Keywords in `schema` this validator does not know (a test keeps this empty)."""
    found: set[str] = set()

    def walk(node: Any, keys_are_names: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if keys_are_names:
                    walk(value)
                    continue
                if key not in SUPPORTED:
                    found.add(key)
                if key in ("properties", "$defs"):
                    walk(value, True)
                elif key not in ("enum", "const", "required"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    return found
