"""Every user-facing message has a Japanese translation with the same placeholders, compiled."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("babel")


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kakaoaudit_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_catalogs_are_complete_and_compiled() -> None:
    problems = load_tool().problems()
    assert problems == [], "\n".join(problems[:40])


def test_every_source_file_with_texts_declares_its_domain() -> None:
    tool = load_tool()
    domains = dict(tool.source_files())
    assert domains[ROOT / "checks" / "two_step.py"] == "kakaoaudit.checks.two_step"
    assert domains[ROOT / "kakaoaudit" / "cli.py"] == "kakaoaudit"
    # A file that calls _() without declaring a translator would go untranslated.
    for path in [*(ROOT / "kakaoaudit").rglob("*.py"), *(ROOT / "checks").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if " _(" in text or "(_(" in text:
            assert path in domains, f"{path} uses _() without translator(...)"
