"""The init template explains how to write each answer in everyday words, with the examples of the reader's
country (issue 20: 「文字」 not 「文字列」, はい/いいえ next to true/false, Korean examples in Korean)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Cli = Callable[..., Any]
PREFIX = {"ja": "# 書き方: ", "ko": "# 입력 형식: ", "en": "# Expected: "}


def how_to_lines(cli: Cli, lang: str) -> list[str]:
    result = cli("--lang", lang, "init", "-o", "-")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(PREFIX[lang])]
    assert len(lines) > 30
    return lines


def test_japanese_words_for_value_types(cli: Cli) -> None:
    lines = how_to_lines(cli, "ja")
    text = "\n".join(lines)
    for jargon in ("文字列", "次の中からのリスト", "次の中から:", "true または false", "ブール"):
        assert jargon not in text
    assert all("はい" in line and "いいえ" in line for line in lines if "true" in line)
    assert "上の選択肢から1つ" in text and "上の選択肢からいくつでも" in text
    assert '"090-1234-5678"' in text and "+82" not in text and "010-" not in text
    assert '"日本"' in text


def test_korean_words_and_korean_examples(cli: Cli) -> None:
    lines = how_to_lines(cli, "ko")
    text = "\n".join(lines)
    assert all("예" in line and "아니요" in line for line in lines if "true" in line)
    assert '"010-1234-5678"' in text and '"+82 10-1234-5678"' in text
    for japanese in ("+81", "090-", "日本", "文字"):
        assert japanese not in text
    assert '"한국"' in text and "위 선택지 중 하나" in text


def test_english_template(cli: Cli) -> None:
    text = "\n".join(how_to_lines(cli, "en"))
    assert "true (yes) or false (no)" in text and "string" not in text


@pytest.mark.parametrize(("lang", "answered"),
                         [("ja", "に回答した場合"), ("ko", "에 답한 경우"), ("en", "is answered")])
def test_a_condition_on_an_answer_is_said_in_words(cli: Cli, lang: str, answered: str) -> None:
    text = cli("--lang", lang, "init", "-o", "-").stdout
    assert "<answered>" not in text and f"contacts.phone{' ' if lang == 'en' else ''}{answered}" in text
