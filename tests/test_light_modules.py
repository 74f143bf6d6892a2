"""Start-up shortcuts give the answers of what they replace.

* `package_files.files` is `importlib.resources.files` for packages loaded from files, and hands
  any other package (here: one in a zip archive) to importlib.resources;
* `countries.normalize_key`'s ASCII shortcut and per-character cache give the original function's keys;
* the commands' questions live in light modules: the same objects as the commands' modules export.
"""

from __future__ import annotations

import sys
import unicodedata
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.commands.audit import command_questions
from kakaoaudit.core import countries
from kakaoaudit.core.package_files import files
from kakaoaudit.triage import assess as triage
from kakaoaudit.triage import questions as triage_questions
from kakaoaudit.triage import restriction, restriction_questions, support_kit, support_kit_questions


@pytest.mark.parametrize("package", ["kakaoaudit", "kakaoaudit.data", "kakaoaudit.formats", "kakaoaudit.checks"])
def test_files_of_installed_packages_are_importlib_resources_folders(package: str) -> None:
    assert files(package) == resources.files(package)


def test_a_package_in_a_zip_archive_is_left_to_importlib_resources(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("kakaoaudit_zipped_pkg/__init__.py", "")
        handle.writestr("kakaoaudit_zipped_pkg/data.txt", "inside the zip")
    monkeypatch.syspath_prepend(str(archive))
    try:
        found = files("kakaoaudit_zipped_pkg")
        assert not isinstance(found, Path)
        assert found.joinpath("data.txt").read_text(encoding="utf-8") == "inside the zip"
    finally:
        sys.modules.pop("kakaoaudit_zipped_pkg", None)


def reference_key(text: str) -> str:
    """countries.normalize_key as first written: NFKC, case-folded, Latin accents off, L/N/M kept."""

    def fold(ch: str) -> str:
        if ch.isascii():
            return ch
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed[0].isascii() and all(unicodedata.combining(c) for c in decomposed[1:]):
            return decomposed[0]
        return ch

    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(fold(ch) for ch in folded if unicodedata.category(ch)[0] in ("L", "N", "M"))


def test_every_country_key_is_normalised_as_before() -> None:
    for country in countries.all_countries():
        for text in (country.code, *country.names.values()):
            assert countries.normalize_key(text) == reference_key(text)
    for text in ("Côte d’Ivoire", "U.S.A.", "ｊａｐａｎ", "대한 민국", "ガーナ", " KR ", "São Tomé", "ǅemal", "ß", "İ"):
        assert countries.normalize_key(text) == reference_key(text)


def test_every_ascii_character_is_normalised_as_before() -> None:
    text = "".join(chr(code) for code in range(128))
    assert countries.normalize_key(text) == reference_key(text)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_normalised_as_before(text: str) -> None:
    assert countries.normalize_key(text) == reference_key(text)


def test_the_commands_questions_are_the_commands_own() -> None:
    assert triage.QUESTIONS is triage_questions.QUESTIONS
    assert support_kit.QUESTIONS is support_kit_questions.QUESTIONS
    found = command_questions()
    for question in (*triage.QUESTIONS, *support_kit.QUESTIONS):
        assert found[question.id] is question
    assert set(found) == {question.id for question in (*triage.QUESTIONS, *support_kit.QUESTIONS)}
    for name in restriction.__all__:
        if hasattr(restriction_questions, name):
            assert getattr(restriction, name) is getattr(restriction_questions, name)
