"""Golden outputs of both commands, per language, at home and abroad, with a fixed clock.

Regenerate after an intended change with:

    UPDATE_GOLDEN=1 pytest tests/triage_support/test_golden.py -q -p no:cacheprovider

which rewrites the files and then FAILS every case it rewrote (a run with UPDATE_GOLDEN=1 never
passes, so it cannot hide a change); review the diff of tests/triage_support/golden/, commit it, and
run again without UPDATE_GOLDEN.
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


def compare(name: str, actual: str, folder: Path = GOLDEN) -> None:
    # The version changes with every release: the golden files hold a placeholder.
    actual = actual.replace(json.dumps(__version__), '"<version>"')
    path = folder / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
        pytest.fail(f"{path.name} rewritten (UPDATE_GOLDEN=1): review the diff, commit it, and run again without "
                    "UPDATE_GOLDEN", pytrace=False)
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


def test_update_golden_rewrites_and_then_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    for _ in range(2):  # also when nothing changed: such a run never passes
        with pytest.raises(pytest.fail.Exception, match="rewritten"):
            compare("case.txt", "new output\n", tmp_path)
        assert (tmp_path / "case.txt").read_text(encoding="utf-8") == "new output\n"
    monkeypatch.delenv("UPDATE_GOLDEN")
    compare("case.txt", "new output\n", tmp_path)
    with pytest.raises(AssertionError, match="differs"):
        compare("case.txt", "other output\n", tmp_path)
    assert (tmp_path / "case.txt").read_text(encoding="utf-8") == "new output\n"
