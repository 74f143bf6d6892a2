"""What a Japanese reader sees: `--lang ja` runs of demo, travel, triage and support-kit, and the prompt hints,
read against the glossary and the typography rules (tests/language/ja_rules.py)."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kakaoaudit.core.questions import QType, Question
from kakaoaudit.questionnaire.prompt import Prompter

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 12, 5)


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"kakaoaudit_tests_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


rules = _load("ja_rules")
#: A line break the table view put inside a Japanese phrase (「オープン⏎    チャット」).
_WRAPPED = re.compile(r"(?<=[" + rules.JAPANESE + r"、。」）])\n[ \t]*(?:    )?(?=[" + rules.JAPANESE + "「（])")


def problems(result: Any) -> list[str]:
    found: list[str] = rules.problems(_WRAPPED.sub("", result.stdout + "\n" + result.stderr))
    return found


@pytest.fixture(scope="module")
def trip() -> tuple[str, str]:
    depart = date.today() + timedelta(days=20)
    return depart.isoformat(), (depart + timedelta(days=14)).isoformat()


RUNS: dict[str, tuple[str, ...]] = {
    "demo": ("demo", "--no-history"),
    "demo --full": ("demo", "--full", "--no-history"),
    "demo markdown": ("demo", "--format", "markdown", "--no-history"),
    "demo --full markdown": ("demo", "--full", "--format", "markdown", "--no-history"),
    "triage --demo": ("triage", "--demo"),
    "support-kit --demo": ("support-kit", "--demo"),
}


@pytest.mark.parametrize("name", RUNS)
def test_a_japanese_run_reads_as_japanese(cli: Callable[..., Any], name: str) -> None:
    result = cli(*RUNS[name], "--lang", "ja")
    assert result.exit_code in (0, 1), result.stderr
    assert "カカオ" in result.stdout  # the run is in Japanese at all
    found = problems(result)
    assert found == [], "\n".join(found[:40])


@pytest.mark.parametrize("destination", ["TW", "US", "KR"])
@pytest.mark.parametrize("form", ["table", "markdown"])
def test_a_japanese_travel_run_reads_as_japanese(cli: Callable[..., Any], tmp_path: Path, trip: tuple[str, str],
                                                 destination: str, form: str) -> None:
    sample = tmp_path / "sample.toml"
    assert cli("init", "--sample", "-o", str(sample)).exit_code == 0
    result = cli("travel", "--lang", "ja", "--answers", str(sample), "--to", destination, "--depart", trip[0],
                 "--return", trip[1], "--no-input", "--no-history", "--format", form)
    assert result.exit_code in (0, 1), result.stderr
    # Time differences in words, never arithmetic such as 「-1:00」 (review D7).
    assert "韓国より" in result.stdout or "韓国と同じ時刻" in result.stdout
    assert ":00)" not in result.stdout and "KST から" not in result.stdout
    found = problems(result)
    assert found == [], "\n".join(found[:40])


def test_the_triage_date_line_names_the_place_in_words(cli: Callable[..., Any]) -> None:
    """「日本の時刻で2026-12-05 03:04時点」 rather than 「…(UTC+9:00)時点、日本」 (review D14)."""
    text = cli("triage", "--demo", "--lang", "ja").stdout
    assert "の時刻で" in text and "時点、" not in text


# --- the prompt hints ------------------------------------------------------------------------------


def _hint(lang: str, question: Question, previous: Any = None) -> str:
    prompter = Prompter(lang, out=io.StringIO(), read=lambda _prompt: "")
    return prompter.hint(question) if previous is None else prompter.hint(question, previous)


def _question(kind: QType, **extra: Any) -> Question:
    from kakaoaudit.core.i18n import Msg

    return Question("test.question", kind, Msg("kakaoaudit.questionnaire", "yes"), **extra)


def test_a_yes_no_hint_announces_the_words_of_the_language() -> None:
    question = _question(QType.BOOL, allow_unknown=True)
    assert _hint("ja", question) == "（はい/いいえ、u = わからない、? = 説明）"
    assert "예/아니요" in _hint("ko", question)
    assert _hint("en", question).startswith("(yes/no, ")


def test_a_multiple_choice_hint_asks_for_numbers_separated_by_commas() -> None:
    from kakaoaudit.core.i18n import Msg
    from kakaoaudit.core.questions import Choice

    choices = tuple(Choice(value, Msg("kakaoaudit.questionnaire", value)) for value in ("yes", "no"))
    hint = _hint("ja", _question(QType.MULTI, choices=choices))
    assert "番号をカンマ区切りで入力" in hint
    assert rules.problems(hint) == []


def test_the_default_country_is_shown_by_its_name() -> None:
    question = _question(QType.COUNTRY, default="JP")
    assert "Enter = 日本、" in _hint("ja", question)
    assert "JP" not in _hint("ja", question)
    assert "Enter = Japan," in _hint("en", question)


def test_a_kept_answer_list_is_joined_the_japanese_way() -> None:
    question = _question(QType.COUNTRIES)
    assert "日本、台湾" in _hint("ja", question, previous=["JP", "TW"])


def test_a_confirmation_asks_for_hai_or_iie(monkeypatch: pytest.MonkeyPatch) -> None:
    from kakaoaudit.core.i18n import Msg

    asked: list[str] = []
    prompter = Prompter("ja", out=io.StringIO(), read=lambda prompt: asked.append(prompt) or "はい")
    assert prompter.confirm(Msg("kakaoaudit.questionnaire", "yes")) is True
    assert "（はい/いいえ、Enter = いいえ）" in asked[0]
    assert rules.problems(asked[0]) == []
