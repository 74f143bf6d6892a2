"""Report outputs, one module per format, each with `render(report, *, lang) -> str`.

Formats are imported only when used, so `kakaoaudit --help` stays light. A format may also offer
`render_terminal(report, *, lang, colour, width, full, details)` for the screen (the table does:
the short view unless `full`, colour and the terminal's width); files always get `render`,
complete and without escape codes.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the model is loaded only when a report is rendered: keeps --help light
    from kakaoaudit.core.model import Report

#: Format name -> module implementing it.
FORMATS: dict[str, str] = {
    "table": "kakaoaudit.formats.table",
    "json": "kakaoaudit.formats.json_report",
    "markdown": "kakaoaudit.formats.markdown",
    "html": "kakaoaudit.formats.html",
}


class Formatter(Protocol):
    """What every format module provides."""

    def render(self, report: Report, *, lang: str) -> str: ...


def render(report: Report, fmt: str, *, lang: str, terminal: bool = False, full: bool = False,
           details: bool = False) -> str:
    """The report in format `fmt` and language `lang`.

    `terminal` is True when the text goes to standard output (not to a file): a format with a
    `render_terminal` then fits the screen and colours it when standard output is a terminal
    and ``NO_COLOR`` is unset. The table's screen view is short unless `full`; `details` adds check
    IDs, points and severity. Files, Markdown, HTML and JSON are always complete.
    """
    module = importlib.import_module(FORMATS[fmt])
    if fmt != "json":  # JSON escapes control characters itself, and keeps the data as it is
        report = _printable(report)
    if terminal and hasattr(module, "render_terminal"):
        from kakaoaudit.formats.terminal import colour_enabled, terminal_width  # noqa: PLC0415

        text: str = module.render_terminal(report, lang=lang, colour=colour_enabled(sys.stdout),
                                           width=terminal_width(), full=full, details=details)
        return text
    formatter: Formatter = module
    return formatter.render(report, lang=lang)


def _printable(report: Any) -> Any:
    """`report` with the control characters of its plain texts escaped, part by part.

    Messages escape their own text when rendered (`Msg.render`); the other texts of a report (its
    label, ids, references; anything a saved report can carry) are escaped here, once for every format.
    """
    import dataclasses  # noqa: PLC0415 - only when a report is rendered
    import enum  # noqa: PLC0415

    from kakaoaudit.core.i18n import Msg  # noqa: PLC0415
    from kakaoaudit.core.untrusted import printable  # noqa: PLC0415

    def escaped(value: Any) -> Any:
        if isinstance(value, (Msg, enum.Enum)):
            return value
        if isinstance(value, str):
            return printable(value, one_line=True)
        if isinstance(value, tuple):
            return tuple(escaped(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: escaped(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
            return dataclasses.replace(value, **changes)
        return value

    return escaped(report)
