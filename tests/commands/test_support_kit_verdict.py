"""`support-kit` shows triage's verdict first (a short restriction: wait before writing) and, on a
terminal, offers to save the draft (atomically, owner only, by default in kakaoaudit's folder)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.commands import support_kit

ANSWERS = Path(__file__).parent.parent / "triage_support" / "answers" / "home.toml"


def short_term(tmp_path: Path) -> Path:
    text = ANSWERS.read_text(encoding="utf-8")
    text = text.replace('notice_kind = "identity_verification"', 'notice_kind = "temporary_limit"')
    text = text.replace("引き続きご利用いただくには本人確認が必要です。", "しばらくしてからもう一度お試しください。")
    text = text.replace("セキュリティ保護のため、このアカウントの一部機能を制限しました。",
                        "一時的に機能が制限されています。")
    path = tmp_path / "short.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_verdict_comes_before_the_draft(cli: Callable[..., Any], tmp_path: Path, fmt: str) -> None:
    result = cli("support-kit", "--answers", str(short_term(tmp_path)), "--no-input", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("What triage says first") < out.index("Dear Kakao Customer Center")
    assert "Short-term restriction" in out
    assert "A short restriction often lifts by itself" in out


def test_json_stays_the_kit_schema(cli: Callable[..., Any], tmp_path: Path) -> None:
    data = cli("support-kit", "--answers", str(short_term(tmp_path)), "--no-input", "--format", "json").json()
    assert data["format"] == "kakaoaudit-support-kit" and "verdict" not in data


class Prompter:
    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.said: list[str] = []

    def confirm(self, question: Any, default: bool = False) -> bool:
        return self.answers.pop(0) == "y"

    def ask_text(self, question: Any) -> str:
        return self.answers.pop(0)

    def say(self, message: Any) -> None:
        self.said.append(message if isinstance(message, str) else message.render("en"))


def test_saving_the_draft_to_the_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(tmp_path / "home"))
    saved = support_kit.offer_to_save_draft(Prompter("y", ""), "the draft\n", "markdown")
    assert saved is not None and saved.parent == tmp_path / "home" and saved.suffix == ".md"
    assert saved.read_text(encoding="utf-8") == "the draft\n"
    if os.name == "posix":
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_saving_the_draft_where_the_person_says(tmp_path: Path) -> None:
    target = tmp_path / "letter.txt"
    target.write_text("old", encoding="utf-8")
    prompter = Prompter("y", str(target), "n")
    assert support_kit.offer_to_save_draft(prompter, "new\n", "text") is None
    assert target.read_text(encoding="utf-8") == "old" and prompter.said == ["Not saved."]
    assert support_kit.offer_to_save_draft(Prompter("y", str(target), "y"), "new\n", "text") == target
    assert target.read_text(encoding="utf-8") == "new\n"
    missing = Prompter("y", str(tmp_path / "no-such-folder" / "x.txt"))
    assert support_kit.offer_to_save_draft(missing, "x", "text") is None
    assert "does not exist" in missing.said[0]
    assert support_kit.offer_to_save_draft(Prompter("n"), "x", "text") is None
