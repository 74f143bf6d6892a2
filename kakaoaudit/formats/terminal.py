"""Terminal helpers: when to colour, how wide the screen is, and wrapping that counts display cells.

Japanese and Korean characters take two cells on a terminal; `len()` would make lines overflow.
Colour is used only on a terminal and never when ``NO_COLOR`` is set (https://no-color.org/) or
``TERM`` is ``dumb``;
reports written to files never contain escape codes.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Mapping
from typing import TextIO

import click
from wcwidth import wcswidth, wcwidth

#: Narrowest and widest layout; very wide lines are hard to read even on a wide terminal.
MIN_WIDTH, MAX_WIDTH, FILE_WIDTH = 40, 120, 100

_EMPHASIS = frozenset({"bold", "dim"})
# Line-breaking rules (kinsoku): no line starts with closing punctuation, none ends with an opening one.
_NO_LINE_START = set("、。，．,.)）」』】〕〉》］｝!?！？:;：；・ー…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％")
_NO_LINE_END = set("(（「『【〔〈《［｛")


def colour_enabled(stream: TextIO | None, environ: Mapping[str, str] | None = None) -> bool:
    """True only when `stream` is a terminal, ``NO_COLOR`` is unset (or empty) and ``TERM`` is not
    ``dumb`` (a terminal that shows escape codes as text)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", "") or env.get("TERM", "").strip().lower() == "dumb" or stream is None:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width() -> int:
    """The terminal's width in cells, between `MIN_WIDTH` and `MAX_WIDTH` (``COLUMNS`` is honoured)."""
    columns = shutil.get_terminal_size((FILE_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def style(text: str, *names: str, enabled: bool = True) -> str:
    """`text` in the given styles (``"bold"``, ``"dim"`` or one of click's colours) when `enabled`."""
    if not enabled or not names or not text:
        return text
    colours = [name for name in names if name not in _EMPHASIS]
    return click.style(text, fg=colours[-1] if colours else None, bold="bold" in names or None,
                       dim="dim" in names or None)


def strip_styles(text: str) -> str:
    """`text` without escape codes (click's reading of them)."""
    return click.unstyle(text)


def cells(text: str) -> int:
    """Display width of `text` in terminal cells (escape codes take none)."""
    plain = strip_styles(text)
    width = wcswidth(plain)
    if width >= 0:
        return width
    # Control characters: count what can be counted.
    return sum(max(wcwidth(ch), 0) for ch in plain)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` cells (aligned right when `right`)."""
    gap = " " * max(0, width - cells(text))
    return gap + text if right else text + gap


def _is_hangul(ch: str) -> bool:
    """Hangul syllables and jamo: Korean words are separated by spaces and never broken inside."""
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def _chunks(text: str) -> list[str]:
    """Units a line may break between: words of narrow text, single wide characters, spaces."""
    chunks: list[str] = []
    for match in re.finditer(r"\s+|[^\s]+", text):
        token = match.group()
        if token.isspace():
            chunks.append(" ")
            continue
        word = ""
        for ch in token:
            # Japanese and Chinese break between any two characters; Korean, like English, between words.
            wide = (wcwidth(ch) == 2 or unicodedata.east_asian_width(ch) in ("W", "F")) and not _is_hangul(ch)
            if wide:
                if word:
                    chunks.append(word)
                    word = ""
                chunks.append(ch)
            else:
                word += ch
        if word:
            chunks.append(word)
    # Keep closing punctuation with what precedes it and opening brackets with what follows.
    merged: list[str] = []
    carry = ""
    for chunk in chunks:
        if chunk != " " and merged and merged[-1] != " " and chunk[0] in _NO_LINE_START:
            merged[-1] += carry + chunk
            carry = ""
        elif chunk != " " and chunk[-1] in _NO_LINE_END and len(chunk) == 1:
            carry += chunk
        else:
            merged.append(carry + chunk)
            carry = ""
    if carry:
        merged.append(carry)
    return merged


def wrap(text: str, width: int, indent: str = "", subsequent_indent: str | None = None) -> list[str]:
    """`text` broken into lines of at most `width` cells, each starting with the indent.

    Breaks at spaces, and between Japanese characters (never before 。、 or after 「); Korean breaks
    between words, at spaces, as a Korean reader expects;
    a word longer than a line (a long URL) is cut. Newlines in `text` are kept.
    """
    rest = indent if subsequent_indent is None else subsequent_indent
    lines: list[str] = []
    first = True
    for paragraph in text.split("\n"):
        prefix = indent if first else rest
        first = False
        line = prefix
        room = max(1, width - cells(prefix))
        used = 0
        for piece in _chunks(paragraph):
            chunk, size = piece, cells(piece)
            if chunk == " ":
                if used:
                    line, used = line + " ", used + 1
                continue
            if used and used + size > room:
                lines.append(line.rstrip())
                line, room, used = rest, max(1, width - cells(rest)), 0
            while size > room:
                # A word that cannot fit on any line (a long URL) is cut.
                head, tail = _split_at(chunk, room)
                lines.append((line + head).rstrip())
                line, room, used = rest, max(1, width - cells(rest)), 0
                chunk, size = tail, cells(tail)
            line, used = line + chunk, used + size
        lines.append(line.rstrip())
    return lines


def _split_at(text: str, room: int) -> tuple[str, str]:
    """The longest head of `text` that fits in `room` cells (at least one character), and the rest."""
    used = 0
    for index, ch in enumerate(text):
        used += max(wcwidth(ch), 0)
        if used > room:
            cut = max(index, 1)
            return text[:cut], text[cut:]
    return text, ""


def clip(text: str, width: int) -> str:
    """`text` on one line of at most `width` cells, cut with "…" when longer (by display cells)."""
    plain = strip_styles(text)
    text = plain[: len(plain) - len(plain.lstrip(" "))] + " ".join(plain.split())
    if cells(text) <= width:
        return text
    head, _rest = _split_at(text, max(1, width - 1))
    return head.rstrip() + "…"


def refit(line: str, width: int) -> list[str]:
    """A line laid out for another width, wrapped again below its indent and list marker."""
    if cells(line) <= width:
        return [line]
    match = re.match(r"(\s*(?:[-*•]|\[[ xX]\]|\d+\.)?\s*)", line)
    lead = match.group(1) if match else ""
    return wrap(line[len(lead):], width, lead, " " * cells(lead))
