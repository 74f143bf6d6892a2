"""Text from outside made safe to show: control characters escaped, long values shortened.

Answers files, labels, saved reports and history rows are written by whoever wrote the file. A
terminal obeys escape sequences (clear the screen, set the window title, rewrite a line with a
carriage return), and bidirectional overrides reorder what a reader sees, in a terminal, Markdown
or HTML alike. Every renderer passes such text through `printable`; error messages show values
through `shown`, so that they echo at most a bounded piece of the input.
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL and the C1 controls, Unicode's line and paragraph separators,
#: and the bidirectional embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same, and tab and newline: for a value shown on one line (a label, a table cell, a file name).
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

#: What JSON (``ensure_ascii=False``) leaves as it is but a terminal may obey: DEL, C1, separators, bidi.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

#: How much of a value an error message echoes by default, in characters.
SHOWN_LENGTH = 120


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character written as a visible escape (``\\x1b``, ``\\u202e``).

    Tabs and newlines are kept unless `one_line`. Text without such characters is returned as is.
    """
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def shorten(text: str, limit: int = SHOWN_LENGTH) -> str:
    """`text` cut to at most `limit` characters: its start and its end around a "…"."""
    if len(text) <= limit:
        return text
    if limit < 3:
        return "…"[:limit]
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return text[:head] + "…" + (text[-tail:] if tail else "")


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """A value for an error message: on one line, shortened, control characters escaped."""
    return printable(shorten(str(value), limit), one_line=True)


def json_safe(text: str) -> str:
    """JSON text (from `json.dumps`) with the characters it leaves raw written as ``\\uXXXX`` escapes.

    `json.dumps` escapes C0 controls itself; the others here can only be inside strings, where the
    escape means the same character: the data stays as it is, the terminal sees no control code.
    """
    if not _UNSAFE_IN_JSON.search(text):
        return text
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
