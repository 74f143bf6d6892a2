"""The built-in demo profile: answers to every built-in question, shipped in the package.

It is assembled from the TOML files in ``kakaoaudit/data/demo/`` (one per area, merged), so
that `kakaoaudit demo` and `kakaoaudit init --sample` run without any input or network.

A TOML file cannot say "in twelve days", so the dates that only make sense next to today are moved
to the day the demo runs (`RELATIVE_DAYS`): the trip leaves in 12 days and lasts 10, the last chat
backup was 20 days ago (so it is both "more than 2 weeks old" and too old for the trip, as the
report then says in both places), and the restriction of the triage demo began two days ago.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from importlib.resources import files
from typing import Any

from kakaoaudit.core import localtime

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

DEMO_PACKAGE = "kakaoaudit.data"
DEMO_FOLDER = "demo"
DEMO_NAME = "<built-in demo profile>"

#: Dates of the profile set relative to the day the demo runs: (table, key) -> days from today.
RELATIVE_DAYS: dict[tuple[str, str], int] = {
    ("travel", "depart"): 12,
    ("travel", "return"): 21,
    ("recovery", "chat_backup_on"): -20,
}
#: The start of the triage demo's restriction: two days ago, in the evening (local time).
TRIAGE_SINCE = (-2, "21:15")


def demo_document(today: date | None = None) -> dict[str, Any]:
    """The demo answers as one TOML document: the area files merged, in name order, with the dates that
    depend on today set relative to `today` (default: the system's date)."""
    folder = files(DEMO_PACKAGE).joinpath(DEMO_FOLDER)
    merged: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            _merge(merged, tomllib.loads(entry.read_text(encoding="utf-8")), entry.name)
    day = today or localtime.today()
    for (table, key), days in RELATIVE_DAYS.items():
        if key in merged.get(table, {}):
            merged[table][key] = day + timedelta(days=days)
    if "since" in merged.get("triage", {}):
        days, clock = TRIAGE_SINCE
        merged["triage"]["since"] = f"{(day + timedelta(days=days)).isoformat()} {clock}"
    return merged


def _merge(into: dict[str, Any], other: dict[str, Any], source: str) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value, source)
        elif key in into:
            raise ValueError(f"demo profile: {source} sets {key!r} again")
        else:
            into[key] = value
