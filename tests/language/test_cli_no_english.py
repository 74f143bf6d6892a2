"""No English left in a `--lang ja` or `--lang ko` run of the command line's own screens (issue 20):
`--help` of kakaoaudit and of every command, `kakaoaudit checks`, and the `init -o -` template.

What may stay in Latin letters is what a user types or reads as a name, never a sentence: product and
standard names, option names (--answers), environment variables, check and ADVICE codes (KA401, P2),
URLs, file names, TOML keys and values, the choices an option accepts, and units.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import click
import pytest

Cli = Callable[..., Any]

#: Words that may appear in Latin letters in a Japanese or Korean screen, lower-cased.
NAMES = {
    # product, company and standard names
    "kakaoaudit", "kakao", "kakaotalk", "corp", "pwned", "passwords", "range", "api", "json", "schema", "html",
    "markdown", "toml", "dns", "url", "uuid", "vpn", "wi", "fi", "sms", "id", "ids", "utc", "kst", "iana", "bash",
    "windows", "hibp", "enter", "ctrl", "esc", "tab", "nist", "owasp", "asvs", "sha", "ntlm", "diff",
    "kakaoaudit_home", "kakaoaudit_lang", "kakaoaudit_plain", "kakaoaudit_hibp_url", "answers", "no_color",
    # what a value may be, as typed (TOML and the options' choices)
    "true", "false", "unknown", "table", "markdown", "low", "medium", "high", "critical", "x", "n", "e", "g",
    "ja", "en", "ko", "jp", "kr", "us", "tw",
}
#: Whole tokens kept as they are: option names, environment variables, codes, URLs, file names, TOML keys.
KEPT = re.compile(
    r"""--?[a-z][a-z0-9-]*            # an option name
      | [A-Z][A-Z0-9]*_[A-Z0-9_]+     # an environment variable
      | \b[A-Z]{1,3}\d+\b             # KA401, P2, R4
      | https?://\S+                  # a URL
      | [\w./-]+\.(?:toml|json|md|html|txt|mo)\b  # a file name
      | \b[a-z_]+(?:\.[a-z_]+)+\b     # a TOML key (travel.planned) or a dotted name
      | \b[a-z_]+_[a-z_]+\b           # a TOML key with an underscore (home_country)
      | "[^"\n]*"                     # a TOML string value or a quoted choice
      | ``[^`\n]+``                   # code (reStructuredText style)
      | `[^`\n]+`                     # code
      | \[[a-z|]+\]                   # the choices of an option: [table|json]
      | '[^'\n]*'                     # what the user typed, echoed back
    """,
    re.VERBOSE,
)
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The Latin-letter words of `text` that are neither kept tokens nor known names."""
    stripped = KEPT.sub(" ", text)
    return sorted({word for word in WORD.findall(stripped) if word.lower() not in NAMES})


def commands() -> Iterator[tuple[str, ...]]:
    """Every command path (`()` is kakaoaudit itself), subcommands of groups included."""
    from kakaoaudit.cli import build_cli

    root = build_cli()
    context = click.Context(root)

    def walk(group: click.Group, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            yield (*path, name)
            if isinstance(command, click.Group):
                yield from walk(command, (*path, name))

    yield ()
    yield from walk(root, ())


ALL_COMMANDS = list(commands())


def test_the_scanner_finds_english() -> None:
    assert english_words("Usage: kakaoaudit [OPTIONS]") == ["OPTIONS", "Usage"]
    assert english_words("使い方: kakaoaudit --answers answers.toml KA401 https://cs.kakao.com/helps") == []
    assert english_words("Show this message and exit.") == ["Show", "and", "exit", "message", "this"]


@pytest.mark.parametrize("lang", ["ja", "ko"])
@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "kakaoaudit")
def test_help_has_no_english(cli: Cli, lang: str, path: tuple[str, ...]) -> None:
    result = cli("--lang", lang, *path, "--help")
    assert result.exit_code == 0, result.stderr
    assert english_words(result.stdout) == [], result.stdout


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_checks_table_has_no_english(cli: Cli, lang: str) -> None:
    result = cli("--lang", lang, "checks")
    assert result.exit_code == 0, result.stderr
    assert english_words(result.stdout) == [], result.stdout


@pytest.mark.parametrize("lang", ["ja", "ko"])
@pytest.mark.parametrize("sample", [False, True], ids=["template", "sample"])
def test_init_template_has_no_english(cli: Cli, lang: str, sample: bool) -> None:
    result = cli("--lang", lang, "init", "-o", "-", *(["--sample"] if sample else []))
    assert result.exit_code == 0, result.stderr
    comments = "\n".join(line for line in result.stdout.splitlines() if line.startswith("#"))
    assert english_words(comments) == [], comments
