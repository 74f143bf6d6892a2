"""`kakaoaudit check-url`: one line per address, JSON, exit codes 0 / 1 / 2, standard input."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

Cli = Callable[..., Any]


@pytest.mark.parametrize(
    ("urls", "code", "labels"),
    [
        (["https://cs.kakao.com/helps"], 0, ["[official]"]),
        (["https://cs.kakao.com/helps", "https://www.kakaocorp.com"], 0, ["[official]", "[official]"]),
        (["https://kakao-help.com"], 1, ["[lookalike]"]),
        (["https://kakao.com@evil.example"], 1, ["[lookalike]"]),
        (["https://example.com"], 1, ["[not on the official list]"]),
        (["javascript:alert(1)"], 1, ["[not a web address]"]),
        ([""], 1, ["[not a web address]"]),
        (["https://cs.kakao.com/helps", "https://kakao.net"], 1, ["[official]", "[lookalike]"]),
    ],
)
def test_text_lines_and_exit_code(cli: Cli, urls: list[str], code: int, labels: list[str]) -> None:
    result = cli("check-url", *urls)
    assert result.exit_code == code, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("] ", 1)[0] + "]" for line in lines] == labels
    assert result.stderr == ""


def test_json_format(cli: Cli) -> None:
    result = cli("check-url", "--format", "json", "https://xn--kkao-53d.com/helps", "https://cs.kakao.com")
    assert result.exit_code == 1
    data = result.json()
    assert data["official_domains"] == ["kakao.com", "kakaocorp.com"]
    assert data["help_centre"] == "https://cs.kakao.com/helps"
    first, second = data["results"]
    assert first["verdict"] == "lookalike" and {"homoglyph", "punycode"} <= set(first["reasons"])
    assert first["host"] == "kаkao.com" and first["ascii_host"] == "xn--kkao-53d.com"
    assert first["domain"] == "kakao.com" and first["message"]
    assert second["verdict"] == "official" and second["input"] == "https://cs.kakao.com"


def test_japanese_output(cli: Cli) -> None:
    result = cli("check-url", "--lang", "ja", "https://kakao-help.com", "https://cs.kakao.com/helps")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("[類似ドメイン]") and "入力しないでください" in lines[0]
    assert lines[1].startswith("[公式]") and "公式ドメイン" in lines[1]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        ([], "", "Missing argument"),
        (["--format", "xml", "https://kakao.com"], "", "Invalid value"),
        (["-"], "", "standard input holds no address"),
        (["-"], "\n  \n", "standard input holds no address"),
        (["-"], "https://kakao.com\n" * 1001, "at most 1000"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_message(cli: Cli, args: list[str], stdin: str, message: str) -> None:
    result = cli("check-url", *args, stdin=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_addresses_from_standard_input(cli: Cli) -> None:
    result = cli("check-url", "-", stdin="https://cs.kakao.com/helps\n\nhttps://kakao.com/?a=1&b=2\r\n")
    assert result.exit_code == 0
    assert result.stdout.count("[official]") == 2


def test_terminal_control_characters_are_escaped(cli: Cli) -> None:
    result = cli("check-url", "https://evil.example/\x1b[2Jkakao")
    assert "\x1b" not in result.stdout and "\\u001b" in result.stdout


def test_help_is_translated_and_listed(cli: Cli) -> None:
    listing = cli("--help")
    assert "check-url" in listing.stdout
    assert "ウェブアドレスがカカオのもの" in cli("check-url", "--help", "--lang", "ja").stdout
    assert "belong to Kakao" in cli("check-url", "--help", "--lang", "en").stdout


def test_the_command_module_stays_light() -> None:
    """Listing commands imports the module; that must not pull in idna or the checks."""
    code = ("import sys, kakaoaudit.commands.check_url as m; m.command; "
            "print(sorted(n for n in ('idna', 'kakaoaudit.urls.classify', 'phonenumbers') if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
