"""Start-up shortcuts give the answers of what they replace.

* `countries.normalize_key`'s ASCII shortcut and per-character cache give the original function's keys;
* the commands' questions live in light modules: the same objects as the commands' modules export.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.commands.audit import command_questions
from kakaoaudit.core import countries
from kakaoaudit.triage import assess as triage
from kakaoaudit.triage import questions as triage_questions
from kakaoaudit.triage import restriction, restriction_questions, support_kit, support_kit_questions


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
