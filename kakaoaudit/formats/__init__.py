"""Report outputs, one module per format, each with `render(report, *, lang) -> str`.

Formats are imported only when used, so `kakaoaudit --help` stays light.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from kakaoaudit.model import Report

#: Format name -> module implementing it.
FORMATS: dict[str, str] = {
    "table": "kakaoaudit.formats.table",
    "json": "kakaoaudit.formats.json_report",
}


class Formatter(Protocol):
    """What every format module provides."""

    def render(self, report: Report, *, lang: str) -> str: ...


def render(report: Report, fmt: str, *, lang: str) -> str:
    """The report in format `fmt` and language `lang`."""
    module: Formatter = importlib.import_module(FORMATS[fmt])
    return module.render(report, lang=lang)
