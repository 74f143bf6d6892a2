"""Every format x every language x (demo, all pass, all unknown, nothing enabled, mixed) renders,
with the article's structure: header, score, top actions, P1 > P2 > P3 with their titles, the
rest, and the disclaimer."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest

from kakaoaudit.core.i18n import LANGUAGES, set_language
from kakaoaudit.core.model import Report
from kakaoaudit.formats import FORMATS, render
from kakaoaudit.formats.json_report import from_dict, to_dict
from kakaoaudit.formats.sections import T_UNMASKED
from kakaoaudit.formats.terminal import cells

KINDS = ("demo", "all-pass", "all-unknown", "nothing", "mixed")
SECTION_TITLES = {
    "ja": ("規約違反行為の回避", "セキュリティ設定の強化", "アカウント情報の定期的な見直し"),
    "en": ("Avoid breaking the terms of use", "Strengthen your security settings",
           "Review your account information regularly"),
    "ko": ("이용약관 위반 행위 피하기", "보안 설정 강화", "계정 정보 정기 점검"),
}
DISCLAIMER_MARK = {"ja": "Kakao Corp. とは無関係", "en": "not affiliated with Kakao Corp.",
                   "ko": "Kakao Corp.와 관계가 없는"}


@pytest.fixture(scope="module")
def demo_report() -> Report:
    from kakaoaudit.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["demo", "--format", "json", "--lang", "en"])
    set_language("en")
    assert code in (0, 1)
    return from_dict(json.loads(out.getvalue()))


@pytest.fixture
def make(demo_report: Report, edge: Callable[[str], Report]) -> Callable[[str], Report]:
    return lambda kind: demo_report if kind == "demo" else edge(kind)


def positions(text: str, needles: tuple[str, ...]) -> list[int]:
    return [text.index(needle) for needle in needles]


class Outline(HTMLParser):
    """Headings (level, text), the html lang, every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._heading: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = int(tag[1])
            self.headings.append((self._heading, ""))

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)


def visible_titles(report: Report, lang: str) -> list[str]:
    return [f.title.render(lang, redact=report.redacted) for f in report.findings]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_language_and_kind_renders(
    make: Callable[[str], Report], validate_report: Callable[[Any], None], kind: str, fmt: str, lang: str
) -> None:
    report = make(kind)
    text = render(report, fmt, lang=lang)
    assert text.endswith("\n") and "\x1b[" not in text
    if fmt == "json":
        data = json.loads(text)
        validate_report(data)
        assert data["language"] == lang
        assert [(f["check_id"], f["code"]) for f in data["findings"]] == [(f.check_id, f.code) for f in report.findings]
        assert to_dict(from_dict(data), lang=lang) == data
        return
    body = unescape(text) if fmt == "html" else text
    if fmt == "markdown":
        body = re.sub(r"\\(.)", r"\1", body)
    assert positions(body, SECTION_TITLES[lang]) == sorted(positions(body, SECTION_TITLES[lang]))
    assert DISCLAIMER_MARK[lang] in body
    # The table wraps long titles: compare without white space.
    flat = re.sub(r"\s+", "", body)
    for title in visible_titles(report, lang):
        assert re.sub(r"\s+", "", title) in flat, title
    if report.score is not None:
        assert f"{report.score}/100" in body
    assert (T_UNMASKED.render(lang) in body) is (not report.redacted)
    if fmt == "table":
        assert all(cells(line) <= 100 for line in text.splitlines())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_demo_command_in_every_format_and_language(cli: Callable[..., Any], fmt: str, lang: str) -> None:
    result = cli("demo", "--format", fmt, "--lang", lang, "--label", "母")
    assert result.exit_code in (0, 1), result.stderr
    assert "母" in (result.json()["label"] if fmt == "json" else result.stdout)
    if fmt != "json":
        assert SECTION_TITLES[lang][1] in unescape(result.stdout)


def test_markdown_structure(make: Callable[[str], Report]) -> None:
    text = render(make("mixed"), "markdown", lang="en")
    headings = re.findall(r"^(#+) (.*)$", text, re.MULTILINE)
    levels = [len(marks) for marks, _title in headings]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    titles = [re.sub(r"\\(.)", r"\1", title) for _marks, title in headings]
    assert titles.index("1. Avoid breaking the terms of use") < titles.index("2. Strengthen your security settings")
    assert titles.index("2. Strengthen your security settings") < titles.index(
        "3. Review your account information regularly")
    for name in ("Do these first", "Not scored", "Set aside by you (not scored)", "Notes", "Warnings",
                 "References", "Travel and VPN", "Recovery readiness", "Other checks"):
        assert name in titles, name
    # Hostile text is escaped: no raw tag survives Markdown's HTML rendering.
    assert re.search(r"(?<!\\)<(script|b|i)>", text) is None and "\\<script>" in text
    assert "- [x] Add Taiwan to the allowed countries." in text
    assert "my reason \\<i>" in text and "2027-06-01" in text


@pytest.mark.parametrize("kind", KINDS)
def test_html_outline(make: Callable[[str], Report], kind: str, lang: str) -> None:
    report = make(kind)
    page = render(report, "html", lang=lang)
    outline = Outline()
    outline.feed(page)
    levels = [level for level, _text in outline.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), outline.headings
    html_tag = next(attrs for tag, attrs in outline.tags if tag == "html")
    assert html_tag["lang"] == lang
    names = {tag for tag, _attrs in outline.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    for tag, attrs in outline.tags:
        assert "src" not in attrs and not any(name.startswith("on") for name in attrs)
        if tag == "a":
            assert (attrs["href"] or "").startswith(("https://", "http://"))
    assert "@import" not in page and "url(" not in page
    assert "@media print" in page
    texts = [text for _level, text in outline.headings]
    assert [t for t in texts if t.rstrip() in {f"{n}. {title}" for n, title in enumerate(SECTION_TITLES[lang], 1)}]


def test_html_escapes_hostile_text(make: Callable[[str], Report]) -> None:
    page = render(make("mixed"), "html", lang="en")
    outline = Outline()
    outline.feed(page)
    assert not any(tag in ("script", "b", "i") for tag, _attrs in outline.tags)
    # The label (in <title> and the header) and the plugin's finding title, each escaped.
    assert page.count("&lt;script&gt;") >= 3
    assert '<script>alert("x")</script>' in "".join(outline.text)


def test_status_is_written_out_not_only_coloured(make: Callable[[str], Report], lang: str) -> None:
    report = make("mixed")
    page = render(report, "html", lang=lang)
    for finding in report.findings:
        assert f"{finding.status.label.render(lang)}</span>" in page
    table = render(report, "table", lang=lang)
    for finding in report.findings:
        assert finding.status.label.render(lang) in table


def test_table_shows_the_travel_checklist_in_phase_order(make: Callable[[str], Report]) -> None:
    text = render(make("mixed"), "table", lang="en")
    order = ["Add Taiwan", "Charge the phone", "Avoid public Wi-Fi", "Remove the travel country"]
    assert positions(text, tuple(order)) == sorted(positions(text, tuple(order)))
    assert "Trip to Taiwan (TW)" in text
    assert "Taiwan is 1 hour behind Korea" in text and "09:00" not in text
    assert "my reason <i>" in text  # plain text: nothing to escape
    assert "A suppression expired." in text and "A plugin failed to load." in text


def test_nothing_enabled_says_so(make: Callable[[str], Report], lang: str) -> None:
    report = make("nothing")
    assert report.score is None and report.findings == ()
    for fmt in ("table", "markdown", "html"):
        text = render(report, fmt, lang=lang)
        assert {"en": "nothing to score", "ja": "採点するものがありません", "ko": "채점할 것이 없습니다"}[lang] in text


def test_all_unknown_is_never_called_ok(make: Callable[[str], Report]) -> None:
    report = make("all-unknown")
    text = render(report, "table", lang="en")
    assert "✓" not in text and "Score: not enough answers" in text
    assert text.count("You answered that you do not know.") == len(report.findings)


def test_table_fallback_travel_text_from_the_model(make: Callable[[str], Report]) -> None:
    """Used when kakaoaudit.formats.travel_section is not installed."""
    from kakaoaudit.formats.terminal import refit
    from kakaoaudit.formats.travel_section import render_travel_text

    plan = make("mixed").travel
    assert plan is not None
    text = render_travel_text(plan, "ja")
    assert text.startswith("渡航先: 台湾（TW）")
    order = ("今すぐ", "出発の前日", "海外滞在中", "帰国後")
    assert positions(text, order) == sorted(positions(text, order))
    assert "  [x] Add Taiwan to the allowed countries." in text
    assert refit("    [x] " + "長い文章です。" * 12, 40)[1].startswith("        ")
    assert all(cells(line) <= 40 for line in refit("  - " + "word " * 30, 40))
