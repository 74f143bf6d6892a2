"""Korean is a complete language: listed, required by the catalog check, and used by --lang ko."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kakaoaudit.core.i18n import LANGUAGES, Msg, detect_language

ROOT = Path(__file__).resolve().parents[2]
babel = pytest.importorskip("babel")


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kakaoaudit_i18n_tool_ko", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_korean_is_offered_and_required() -> None:
    assert "ko" in LANGUAGES
    assert "ko" in load_tool().REQUIRED
    assert detect_language({"LANG": "ko_KR.UTF-8"}) == "ko"


def test_a_message_without_korean_fails_the_catalog_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    tool = load_tool()
    monkeypatch.setattr(tool, "LOCALEDIR", tmp_path)
    monkeypatch.setattr(tool, "extracted", lambda: {"demo.domain": {"Hello {name}": [("demo.py", 1)]}})
    for lang, text in (("ja", "こんにちは {name}"), ("en", ""), ("ko", "")):
        catalog = Catalog(locale=lang, domain="demo.domain")
        catalog.add("Hello {name}", text)
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with (folder / "demo.domain.po").open("wb") as handle:
            write_po(handle, catalog)
        with (folder / "demo.domain.mo").open("wb") as handle:
            write_mo(handle, catalog)
    problems = tool.problems()
    assert problems == ["demo.py:1: no ko translation: 'Hello {name}'"]


def test_core_and_report_texts_are_korean(cli: Callable[..., Any]) -> None:
    for domain, msgid in (("kakaoaudit", "Security settings"), ("kakaoaudit", "Fix"),
                          ("kakaoaudit.formats", "Strengthen your security settings"),
                          ("kakaoaudit.checks.two_step", "2-step verification is off")):
        text = Msg(domain, msgid).render("ko")
        assert text != msgid and any("\uac00" <= ch <= "\ud7a3" for ch in text), (domain, msgid)
    result = cli("demo", "--lang", "ko")
    assert "카카오톡 계정 보안 점검 보고서" in result.stdout
    assert "Kakao Corp.와 관계가 없는 도구입니다" in result.stdout
    help_text = cli("--help", "--lang", "ko").stdout
    assert "점검" in help_text
