"""A plain document of titled sections, rendered as terminal text or as Markdown.

Used by `kakaoaudit triage` and `kakaoaudit support-kit`, whose outputs are advice and a letter
rather than a scored report. The texts arrive already translated; nothing here translates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kakaoaudit.core.untrusted import printable


@dataclass(frozen=True)
class Section:
    """A titled part: paragraphs, then a list (bullets, numbered or check boxes), then a block to
    copy exactly as it is (the inquiry draft)."""

    title: str
    lines: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    numbered: bool = False
    checkboxes: bool = False
    verbatim: str | None = None


@dataclass(frozen=True)
class Document:
    title: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: tuple[str, ...] = ()


def _width(text: str) -> int:
    from wcwidth import wcswidth  # noqa: PLC0415 - only when rendering

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def _marker(section: Section, number: int, *, markdown: bool) -> str:
    if section.numbered:
        return f"{number}."
    if section.checkboxes:
        return "- [ ]" if markdown else "[ ]"
    return "-"


def _indent_item(marker: str, text: str, indent: str) -> list[str]:
    first, *rest = text.split("\n")
    pad = indent + " " * (len(marker) + 1)
    return [f"{indent}{marker} {first}", *(f"{pad}{line}" if line else "" for line in rest)]


def render_text(document: Document) -> str:
    """Plain text for a terminal or a .txt file (no colour, no wrapping)."""
    lines = [document.title, "=" * _width(document.title), *document.intro, ""]
    for section in document.sections:
        lines.append(f"■ {section.title}")
        lines.extend(f"  {line}" if line else "" for line in section.lines)
        for number, item in enumerate(section.items, 1):
            lines.extend(_indent_item(_marker(section, number, markdown=False), item, "  "))
        if section.verbatim is not None:
            rule = "-" * 60
            lines.extend([rule, *section.verbatim.split("\n"), rule])
        lines.append("")
    lines.extend(document.footer)
    # The texts carry what the user typed or pasted (a notice): no terminal escape codes get through.
    return printable("\n".join(lines).rstrip("\n") + "\n")


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render_markdown(document: Document) -> str:
    """Markdown (CommonMark); the verbatim block is fenced so that it can be copied unchanged."""
    lines = [f"# {document.title}", ""]
    for line in document.intro:
        lines.extend([line, ""])
    for section in document.sections:
        lines.extend([f"## {section.title}", ""])
        for line in section.lines:
            lines.extend([line, ""])
        if section.items:
            for number, item in enumerate(section.items, 1):
                lines.extend(_indent_item(_marker(section, number, markdown=True), item, ""))
            lines.append("")
        if section.verbatim is not None:
            fence = _fence(section.verbatim)
            lines.extend([f"{fence}text", *section.verbatim.split("\n"), fence, ""])
    for line in document.footer:
        lines.extend([f"_{line}_" if line else "", ""])
    return printable("\n".join(lines).rstrip("\n") + "\n")
