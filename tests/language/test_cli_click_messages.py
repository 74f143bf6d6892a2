"""click's own strings ("Usage:", "Options", "Show this message and exit.", its usage errors) follow --lang
(issue 20), through the kakaoaudit.click catalog that kakaoaudit.core.library_messages installs while a
command runs."""

from __future__ import annotations

import gettext
import os
import re
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cli_no_english import ALL_COMMANDS, help_text

Cli = Callable[..., Any]
ROOT = Path(__file__).resolve().parents[2]
LOCALEDIR = ROOT / "kakaoaudit" / "locale"

#: click's English that a help screen shows.
CLICK_HELP_ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message and exit.", "Show the version and exit.",
                      "[OPTIONS]", "[COMMAND]", "[ARGS]", "default:", "[required]")
#: click's English of a usage error.
CLICK_ERROR_ENGLISH = ("Error:", "Try '", "for help", "No such option", "No such command", "Missing argument",
                       "Missing option", "Invalid value for", "is not one of", "is not a valid", "does not exist",
                       "requires an argument", "Did you mean", "Got unexpected extra argument")


@pytest.mark.parametrize("lang", ["ja", "ko"])
@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "kakaoaudit")
def test_help_has_none_of_clicks_english(lang: str, path: tuple[str, ...]) -> None:
    text = help_text(lang, path)
    found = [english for english in CLICK_HELP_ENGLISH if english in text]
    assert found == [], text
    assert text.startswith({"ja": "使い方:", "ko": "사용법:"}[lang])


@pytest.mark.parametrize(
    ("args", "japanese"),
    [
        (("audit", "--bogus"), "というオプションはありません"),
        (("checks", "--format", "xml"), "の値が正しくありません"),
        (("init", "--only"), "値が1個必要です"),
        (("nosuchcommand",), "というコマンドはありません"),
        (("demo", "--fail-under", "200"), "範囲"),
        (("demo", "--fail-under", "many"), "整数ではありません"),
        (("audit", "--timeout", "soon"), "数値ではありません"),
        (("history", "prune"), "がありません"),
        (("history", "diff", "x"), "xは整数ではありません"),  # in words, not "valid integer"
        (("schema", "extra"), "余分な引数があります"),
    ],
)
def test_usage_errors_in_japanese(cli: Cli, args: tuple[str, ...], japanese: str) -> None:
    result = cli("--lang", "ja", *args)
    assert result.exit_code == 2
    found = [text for text in CLICK_ERROR_ENGLISH if text in result.stderr]
    assert found == [], result.stderr
    assert japanese in result.stderr and "エラー:" in result.stderr, result.stderr


def test_usage_error_in_korean(cli: Cli) -> None:
    result = cli("--lang", "ko", "checks", "--format", "xml")
    assert result.exit_code == 2
    assert "오류:" in result.stderr and "값이 올바르지 않습니다" in result.stderr, result.stderr
    assert not [text for text in CLICK_ERROR_ENGLISH if text in result.stderr]


def test_english_stays_english_and_the_process_is_left_as_it_was(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "ja_JP")  # the user's own setting: an English run must not follow it
    domain = gettext.textdomain()
    assert cli("--lang", "ja", "--help").stdout.startswith("使い方:")
    result = cli("--lang", "en", "checks", "--format", "xml")
    assert "Error: Invalid value for '--format'" in result.stderr
    assert cli("--lang", "en", "--help").stdout.startswith("Usage: kakaoaudit [OPTIONS]")
    assert os.environ["LANGUAGE"] == "ja_JP" and gettext.textdomain() == domain


def test_english_help_keeps_the_english_placeholders_after_a_japanese_run(cli: Cli) -> None:
    assert "日数" in cli("--lang", "ja", "history", "list", "--help").stdout
    english = cli("--lang", "en", "history", "list", "--help").stdout
    assert "--reminder-days DAYS" in english and "日数" not in english


def _catalog(lang: str) -> gettext.GNUTranslations:
    with (LOCALEDIR / lang / "LC_MESSAGES" / "kakaoaudit.click.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_every_click_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    pytest.importorskip("babel")
    sys.path.insert(0, str(ROOT / "tools"))
    from click_catalog import click_messages

    catalog = _catalog(lang)
    for message in click_messages():
        if isinstance(message, str):
            translated = catalog.gettext(message)
            wanted = _fields(message) | set(re.findall(r"%\((\w+)\)s", message))
            got = _fields(translated) | set(re.findall(r"%\((\w+)\)s", translated))
        else:
            translated = catalog.ngettext(message[0], message[1], 2)
            wanted = _fields(message[0]) | _fields(message[1])
            got = _fields(translated)
            assert got <= wanted, (message, translated)
            wanted = got
        assert translated != message or message == "d", f"{lang}: not translated: {message!r}"
        assert got == wanted, (message, translated)


def test_the_click_catalog_matches_the_installed_click() -> None:
    pytest.importorskip("babel")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "click_catalog.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_help_does_not_read_the_catalog_before_click_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up stays light: importing the command line opens no catalog of click's messages."""
    code = ("import gettext, sys\nopened = []\nreal = gettext.translation\n"
            "gettext.translation = lambda *a, **k: (opened.append(a[0]), real(*a, **k))[1]\n"
            "import kakaoaudit.cli\nprint(opened)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "kakaoaudit.click" not in result.stdout
