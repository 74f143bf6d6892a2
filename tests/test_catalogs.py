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


def test_the_english_catalogs_translate_nothing_so_english_reads_none_of_them(tmp_path: Path) -> None:
    """English is the source language: kakaoaudit's `en` catalogs only keep the msgids in step. gettext_for
    skips them for English, which is exact only while none of them changes a text; a plugin's are read."""
    import gettext

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from kakaoaudit.core.i18n import BUILTIN_LOCALEDIR, gettext_for, translator

    catalogs = sorted((BUILTIN_LOCALEDIR / "en" / "LC_MESSAGES").glob("*.po"))
    assert len(catalogs) > 40
    for path in catalogs:
        with path.open(encoding="utf-8") as file:
            messages = [m for m in read_po(file) if m.id]
        changed = []
        for message in messages:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            if any(text and text != source for text, source in zip(texts, ids, strict=True)):
                changed.append(message.id)
        assert changed == [], f"{path.name} changes English texts: {changed[:3]}"
    gettext_for.cache_clear()
    assert type(gettext_for("kakaoaudit", "en")) is gettext.NullTranslations
    assert type(gettext_for("kakaoaudit", "ja")) is gettext.GNUTranslations
    # A plugin whose source texts are not English ships an English catalog that does translate.
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="en", domain="plugin_texts")
    catalog.add("점검", "Check")
    target = tmp_path / "en" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "plugin_texts.mo").open("wb") as file:
        write_mo(file, catalog)
    _ = translator("plugin_texts", tmp_path)
    assert _("점검").render("en") == "Check"
