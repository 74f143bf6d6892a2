"""Filling a message's placeholders without evaluating it: a message template is data, never code.

A saved report carries its messages' templates (msgids), and whoever edited the file chose them.
`str.format` would run what a template asks for: ``{a:>2000000000}`` pads to gigabytes,
``{a.__class__}`` and ``{a[0]}`` reach into the values, ``{a!r}`` changes them. `fill` replaces only
plain ``{name}`` fields and the few formats kakaoaudit's own catalogs use (``{count:,}``,
``{seconds:g}``, ``{change:+d}``, for numbers); anything else in braces stays as written. The result
is at most `limit` characters, so a template that repeats a field cannot grow without bound.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: ``{{`` and ``}}`` (a literal brace), or ``{name}`` with one of the allowed number formats.
_FIELD = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)(?::(,|g|\+d))?\}")
#: What a cut result ends with.
CUT = "…"


def _formatted(value: object, spec: str | None) -> str:
    if spec is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if spec != "g" and not isinstance(value, int):
        return str(value)  # "," and "+d" as kakaoaudit uses them: whole numbers only
    return format(value, spec)


def names(template: str) -> set[str]:
    """The names of the fields `fill` would fill in `template`."""
    return {match.group(1) for match in _FIELD.finditer(template) if match.group(1)}


def fill(template: str, values: Mapping[str, object], *, limit: int | None = None) -> str:
    """`template` with its ``{name}`` fields replaced by `values` (as `str`), at most `limit` characters.

    A field whose name is not in `values`, or written in any other form, is kept as it is written.
    """
    pieces: list[str] = []
    size = 0
    position = 0
    for match in _FIELD.finditer(template):
        token = match.group()
        name = match.group(1)
        if token in ("{{", "}}"):
            replacement = token[0]
        elif name in values:
            replacement = _formatted(values[name], match.group(2))
        else:
            replacement = token
        for piece in (template[position:match.start()], replacement):
            pieces.append(piece)
            size += len(piece)
        position = match.end()
        if limit is not None and size > limit:
            break
    else:
        pieces.append(template[position:])
        size += len(pieces[-1])
    text = "".join(pieces)
    if limit is not None and size > limit:
        return text[: max(0, limit - len(CUT))] + CUT
    return text
