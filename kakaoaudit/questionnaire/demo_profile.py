"""The built-in demo profile: answers to every built-in question, shipped in the package.

It is assembled from the TOML files in ``kakaoaudit/data/demo/`` (one per area, merged), so
that `kakaoaudit demo` and `kakaoaudit init --sample` run without any input or network.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

DEMO_PACKAGE = "kakaoaudit.data"
DEMO_FOLDER = "demo"
DEMO_NAME = "<built-in demo profile>"


def demo_document() -> dict[str, Any]:
    """The demo answers as one TOML document: the area files merged, in name order."""
    folder = files(DEMO_PACKAGE).joinpath(DEMO_FOLDER)
    merged: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            _merge(merged, tomllib.loads(entry.read_text(encoding="utf-8")), entry.name)
    return merged


def _merge(into: dict[str, Any], other: dict[str, Any], source: str) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value, source)
        elif key in into:
            raise ValueError(f"demo profile: {source} sets {key!r} again")
        else:
            into[key] = value
