"""Terminal helpers: colour only on a terminal without NO_COLOR, wrapping by display cells."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakaoaudit.formats.terminal import cells, colour_enabled, pad, strip_styles, style, wrap


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "environ", "expected"),
    [
        (True, {}, True),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": "anything"}, False),
        (True, {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value disables colour
        (False, {}, False),
        (False, {"NO_COLOR": "1"}, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(tty: bool, environ: dict[str, str], expected: bool) -> None:
    assert colour_enabled(FakeStream(tty), environ) is expected


def test_a_closed_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    stream.close()  # isatty() now raises ValueError
    assert colour_enabled(stream, {}) is False


def test_style_and_cells() -> None:
    assert style("x", "red", enabled=False) == "x"
    coloured = style("要対応", "red", "bold")
    assert "\x1b[31m" in coloured and "\x1b[1m" in coloured and strip_styles(coloured) == "要対応"
    assert cells(coloured) == 6
    assert cells("abc") == 3
    assert cells("한국어") == 6
    assert pad("日本", 6) == "日本  "
    assert pad("7", 3, right=True) == "  7"


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("2段階認証がオフになっています。パスワードが漏れると、他人があなたのアカウントにログインできます。", 20),
        ("2단계 인증이 꺼져 있습니다. 비밀번호가 유출되면 다른 사람이 계정에 로그인할 수 있습니다.", 18),
        ("Add an email address you can open without your phone, and that you use nowhere else.", 25),
        ("See https://cs.kakao.com/helps?service=52&category=561&locale=en for details", 20),
    ],
)
def test_wrapped_lines_fit_and_lose_nothing(text: str, width: int) -> None:
    lines = wrap(text, width, "  ", "    ")
    assert all(cells(line) <= width for line in lines), lines
    assert lines[0].startswith("  ") and all(line.startswith("    ") for line in lines[1:])
    assert "".join(line.strip() for line in lines).replace(" ", "") == text.replace(" ", "")


def test_japanese_punctuation_never_starts_a_line() -> None:
    text = "スマートフォンをなくしたり、海外でメッセージを受け取れなかったりすると、ログインできなくなります。"
    for width in range(8, 40):
        for line in wrap(text, width):
            assert line[:1] not in "、。」)", (width, line)


def test_newlines_are_kept() -> None:
    assert wrap("a\nb", 10) == ["a", "b"]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("abc xyz,.") + list("日本語のテキスト、。「」") + list("한국어 ")),
                 max_size=120),
    width=st.integers(min_value=4, max_value=60),
)
def test_wrap_never_overflows(text: str, width: int) -> None:
    lines = wrap(text, width, "  ", "  ")
    assert all(cells(line) <= max(width, 4) for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_korean_breaks_between_words_never_inside_one() -> None:
    """Korean separates words with spaces: a line break inside 「도구나」 reads as two words."""
    text = ("컴퓨터에서 예비 메일함을 열 수 있도록 해 두십시오. 주소를 적어 두고 비밀번호는 비밀번호 관리 도구나 "
            "집의 안전한 곳에 보관하십시오.")
    words = text.split()
    for width in range(14, 61):  # the longest word, 보관하십시오., is 13 cells
        lines = wrap(text, width)
        assert all(cells(line) <= width for line in lines), width
        assert [word for line in lines for word in line.split()] == words, width
