"""A saved report checked against `report.schema.json` with jsonschema, and its first problem told in
the reader's language: `kakaoaudit show` has to tell a family helper what is wrong with a file.

jsonschema is imported only here, by the command that shows a saved report (`show`); `summary` reads
thousands of reports and checks only the fields it uses (`formats.summary`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kakaoaudit.core.i18n import Msg, translator

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

_ = translator("kakaoaudit.formats")

#: JSON Schema's type names, as the messages show them.
_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


@dataclass(frozen=True)
class Violation:
    """Where a document breaks the schema (``findings[3].status``, ``$`` for the whole) and why."""

    where: str
    reason: Msg


@cache
def _validator() -> Validator:
    import jsonschema  # noqa: PLC0415 - only the commands that read saved reports need it

    from kakaoaudit.formats.json_report import schema_text  # noqa: PLC0415

    schema = json.loads(schema_text())
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema)


def first_violation(document: Any) -> Violation | None:
    """The most telling problem of `document` (jsonschema's best match), or None when it is valid."""
    from jsonschema.exceptions import best_match  # noqa: PLC0415

    error = best_match(_validator().iter_errors(document))
    if error is None:
        return None
    # Alternatives that all failed (null or an object): the object's own problem is the telling one;
    # when every alternative only wanted another type, one message lists the types.
    while error.validator in ("oneOf", "anyOf") and error.context:
        deeper = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
        if not deeper:
            wanted = [e.validator_value for e in error.context]
            names = [name for value in wanted for name in ([value] if isinstance(value, str) else value)]
            return Violation(_where(error), _type_reason(list(dict.fromkeys(names)), error.instance))
        error = max(deeper, key=lambda e: len(e.absolute_path))
    return Violation(_where(error), _reason(error))


def _type_reason(names: list[str], value: Any) -> Msg:
    return _("expected {expected}, found {found}", expected=" or ".join(names),
             found=_TYPES.get(type(value), "null" if value is None else type(value).__name__))


def _where(error: ValidationError) -> str:
    text = ""
    for part in error.absolute_path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif str(part).isidentifier():
            text += f".{part}" if text else str(part)
        else:
            text += "[" + json.dumps(str(part), ensure_ascii=False) + "]"
    return text or "$"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _reason(error: ValidationError) -> Msg:
    keyword, value = error.validator, error.instance
    limit: Any = error.validator_value
    schema: Any = error.schema
    if keyword == "type":
        return _type_reason([limit] if isinstance(limit, str) else list(limit), value)
    if keyword == "enum":
        return _("must be one of {values}; found {found}", values=", ".join(_show(v) for v in limit),
                 found=_show(value))
    if keyword == "const":
        return _("must be {value}", value=_show(limit))
    if keyword == "required":
        missing = next((key for key in limit if isinstance(value, dict) and key not in value), "?")
        return _("the key {key} is missing", key=json.dumps(missing, ensure_ascii=False))
    if keyword == "additionalProperties":
        allowed = schema.get("properties", {}) if isinstance(schema, dict) else {}
        extra = next((key for key in value if key not in allowed), "?") if isinstance(value, dict) else "?"
        return _("unexpected key {key}", key=_show(extra))
    if keyword == "minimum":
        return _("must be at least {limit}; found {found}", limit=limit, found=_show(value))
    if keyword == "maximum":
        return _("must be at most {limit}; found {found}", limit=limit, found=_show(value))
    if keyword == "minLength":
        return _("must have at least {limit} characters", limit=limit)
    if keyword == "maxLength":
        return _("must have at most {limit} characters", limit=limit)
    if keyword == "minItems":
        return _("must have at least {limit} items", limit=limit)
    if keyword == "maxItems":
        return _("must have at most {limit} items", limit=limit)
    if keyword == "pattern":
        return _("{found} does not have the expected form ({pattern})", found=_show(value), pattern=limit)
    if keyword == "oneOf":
        return _("matches more than one of the allowed forms")
    return _("is not allowed here")
