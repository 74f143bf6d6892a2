"""Golden outputs of both commands, per language, at home and abroad, with a fixed clock.

Regenerate after an intended change with:

    UPDATE_GOLDEN=1 /work/venv/bin/pytest tests/triage_support/test_golden.py -q -p no:cacheprovider

and review the diff of tests/triage_support/golden/ before committing it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit import __version__

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

ANSWERS = Path(__file__).parent / "answers"
GOLDEN = Path(__file__).parent / "golden"

LANGS = ("ja", "en", "ko")
PLACES = ("home", "abroad")
FORMATS = {"triage": ("table", "markdown", "json"), "support-kit": ("text", "markdown", "json")}
SUFFIX = {"table": "txt", "text": "txt", "markdown": "md", "json": "json"}
CASES = [(command, lang, place, fmt) for command, formats in FORMATS.items() for lang in LANGS for place in PLACES
         for fmt in formats]


def golden_name(command: str, lang: str, place: str, fmt: str, extra: str = "") -> str:
    return f"{command}-{place}-{lang}{extra}.{SUFFIX[fmt]}"


def compare(name: str, actual: str) -> None:
    # The version changes with every release: the golden files hold a placeholder.
    actual = actual.replace(json.dumps(__version__), '"<version>"')
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path.name} missing: run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs; UPDATE_GOLDEN=1 regenerates it"


@pytest.mark.parametrize(("command", "lang", "place", "fmt"), CASES,
                         ids=[golden_name(*case) for case in CASES])
def test_golden(run_cli: Callable[..., Any], command: str, lang: str, place: str, fmt: str) -> None:
    result = run_cli("--lang", lang, command, "--answers", str(ANSWERS / f"{place}.toml"), "--format", fmt,
                     "--no-input")
    assert result.exit_code == 0, result.stderr
    compare(golden_name(command, lang, place, fmt), result.stdout)


@pytest.mark.parametrize("lang", LANGS)
def test_golden_reapply(run_cli: Callable[..., Any], lang: str) -> None:
    result = run_cli("--lang", lang, "support-kit", "--reapply", "--answers", str(ANSWERS / "abroad.toml"),
                     "--no-input")
    assert result.exit_code == 0, result.stderr
    compare(golden_name("support-kit", lang, "abroad", "text", "-reapply"), result.stdout)


def test_no_stray_golden_files() -> None:
    expected = {golden_name(*case) for case in CASES} | {
        golden_name("support-kit", lang, "abroad", "text", "-reapply") for lang in LANGS}
    assert {path.name for path in GOLDEN.iterdir()} == expected
