"""The Japanese check reference (docs/checks/*.ja.md) is Japanese, faithful to the English docstrings, and
fails the generator's check when a docstring changes without its translation (issue 20)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cli_no_english import english_words  # noqa: E402 - a sibling test module, not a package

#: Names kept in Latin letters in the Japanese pages: products, standards, libraries, protocols.
DOC_NAMES = {
    "zxcvbn", "nist", "sp", "owasp", "asvs", "have", "i", "been", "pwned", "passwords", "pwnedpasswordsdownloader",
    "hibp", "sha", "get", "add", "padding", "tls", "http", "content", "length", "api", "range", "mx", "aaaa", "a",
    "dns", "smtputf8", "email", "validator", "phonenumbers", "e", "voip", "us", "talk", "drawer", "plus", "safety",
    "pass", "kakao", "kakaotalk", "katalk", "pc", "mac", "sim", "esim", "wi", "fi", "vpn", "sms", "id", "utc",
    "kst", "faq", "r5", "h02", "john", "doe", "jp", "gmial", "yahoo", "co", "jpp", "naver", "con", "com", "kakaoaudit",
    "urlcheck", "contacts", "parse_phone", "user_inputs", "unknown", "advice", "kakao_facts", "facts", "check",
    "url", "path", "seconds", "abcde", "true", "false", "none", "backup", "screenshots", "keep_emails",
    "app_updates", "backup_password_kept", "never", "json", "smtputf", "ip", "app", "store", "google", "play",
}
CODE = re.compile(r"``[^`]+``|`[^`]+`")
URL = re.compile(r"https?://[^\s)、。]+[^\s)、。.,]")


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_check_docs_ja", ROOT / "tools" / "gen_check_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GENERATOR = load_generator()


def builtin_checks() -> list[type]:
    from kakaoaudit.core.registry import discover

    return [loaded.check for loaded in discover().checks if loaded.builtin]


@pytest.mark.parametrize("check", builtin_checks(), ids=lambda c: c.id)
def test_japanese_page_has_no_english_sentence(check: type) -> None:
    page = (GENERATOR.FOLDER / f"{check.id}.ja.md").read_text(encoding="utf-8")
    words = [w for w in english_words(page) if w.lower() not in DOC_NAMES]
    assert words == [], f"{check.id}.ja.md has English words: {words}"


@pytest.mark.parametrize("check", builtin_checks(), ids=lambda c: c.id)
def test_translation_keeps_codes_urls_and_numbers(check: type) -> None:
    import inspect

    english = inspect.cleandoc(check.__doc__ or "")
    japanese = GENERATOR.translated_doc(check, "ja")
    codes = {c.strip("`") for c in CODE.findall(english)}
    assert codes <= {c.strip("`") for c in CODE.findall(japanese)}, sorted(codes - set(CODE.findall(japanese)))
    assert set(URL.findall(english)) <= set(URL.findall(japanese))
    # Every threshold and fact ID: the numbers of the English text (outside URLs) are all in the translation.
    numbers = set(re.findall(r"\d+", URL.sub(" ", english)))
    missing = numbers - set(re.findall(r"\d+", URL.sub(" ", japanese)))
    assert not missing, f"{check.id}: numbers missing from the translation: {sorted(missing)}"


def test_hedges_stay_hedges() -> None:
    """Where the English says "reportedly", the Japanese says とされています (or names the source as a blog)."""
    import inspect

    for check in builtin_checks():
        english = inspect.cleandoc(check.__doc__ or "")
        if "reportedly" in english:
            japanese = GENERATOR.translated_doc(check, "ja")
            assert "とされています" in japanese, check.id


def test_a_changed_docstring_fails_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    check = builtin_checks()[0]
    assert GENERATOR.stale_translations() == []
    monkeypatch.setattr(check, "__doc__", (check.__doc__ or "") + "\n\nA new sentence.")
    problems = GENERATOR.stale_translations()
    assert len(problems) == 1 and f"{check.id}.ja.md" in problems[0] and GENERATOR.hash_line(check) in problems[0]
    with pytest.raises(GENERATOR.StaleTranslation):
        GENERATOR.pages()
    assert GENERATOR.main(["gen_check_docs.py", "--check"]) == 1


def test_a_missing_translation_fails_the_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(GENERATOR, "TRANSLATIONS", tmp_path)
    monkeypatch.setattr(GENERATOR, "ROOT", tmp_path.parent)
    problems = GENERATOR.stale_translations()
    assert len(problems) == len(builtin_checks()) and all("is missing" in line for line in problems)
