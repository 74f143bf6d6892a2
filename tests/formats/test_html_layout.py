"""The HTML report's structure for the family helper: the overview (score, coverage, top actions as
<ol class="top-actions">), the look-up list, what is fine or unknown folded in <details>, and a trip
report without a grade. Positions are measured in Chromium (test_html_chromium.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from html import escape
from html.parser import HTMLParser

from kakaoaudit.core.model import Report, Status
from kakaoaudit.formats import render


class Tree(HTMLParser):
    """Each tag with the classes of the elements around it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.seen: list[tuple[str, dict[str, str | None], tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.seen.append((tag, attributes, tuple(self.stack)))
        if tag not in ("meta", "br", "circle", "rect", "text"):
            self.stack.append((tag, attributes.get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def tree(page: str) -> Tree:
    parsed = Tree()
    parsed.feed(page)
    return parsed


def test_the_overview_comes_first_with_the_top_actions_as_an_ordered_list(edge: Callable[[str], Report]) -> None:
    report = edge("mixed")
    page = render(report, "html", lang="en")
    assert page.index('class="overview"') < page.index('class="score-box"') < page.index('<ol class="top-actions">')
    assert page.index('<ol class="top-actions">') < page.index('id="categories"') < page.index('id="prevention"')
    items = re.search(r'<ol class="top-actions">(.*?)</ol>', page, re.DOTALL)
    assert items is not None and items.group(1).count("<li") == len(report.top_actions)


def test_fine_and_unknown_findings_are_folded(edge: Callable[[str], Report]) -> None:
    report = edge("mixed")
    parsed = tree(render(report, "html", lang="en"))
    for tag, attrs, around in parsed.seen:
        if tag != "article":
            continue
        folded = any(name == "details" for name, _cls in around)
        assert folded is ("pass" in (attrs.get("class") or "")), (attrs, around)
    not_scored = [around for tag, attrs, around in parsed.seen if tag == "li" and attrs.get("data-check")
                  and any(cls == "not-scored" for _name, cls in around)]
    assert len(not_scored) == len(report.not_scored)


def test_the_look_up_list_says_where_to_look(edge: Callable[[str], Report]) -> None:
    from kakaoaudit.core import lookup_places
    from kakaoaudit.core.i18n import Msg
    from kakaoaudit.core.model import LookUp

    report = replace(edge("mixed"), look_up=(
        LookUp("security.two_step.enabled", Msg("kakaoaudit.literal", "Is 2-step on?"), lookup_places.TWO_STEP),
    ))
    page = render(report, "html", lang="ja")
    assert '<ul class="look-up">' in page
    assert "Is 2-step on?" in page and escape(lookup_places.TWO_STEP.render("ja")) in page


def test_the_checklist_has_real_dates_and_no_repeated_state(edge: Callable[[str], Report]) -> None:
    page = render(edge("mixed"), "html", lang="en")
    assert "The day before you leave: 2026-12-19" in page
    assert "While abroad: 2026-12-20 to 2027-01-03" in page
    assert '<span class="sr-only">(to do)</span>' in page  # for screen readers, not on every printed line


def test_a_trip_report_is_a_checklist_without_a_grade(edge: Callable[[str], Report]) -> None:
    report = edge("mixed")
    travel_only = replace(report, checks=tuple(c for c in report.checks if c.category.value == "travel"),
                          findings=tuple(f for f in report.findings if f.check_id.startswith("KA6")))
    for fmt in ("html", "markdown", "table"):
        text = render(travel_only, fmt, lang="en")
        assert "KakaoTalk trip checklist" in text, fmt
        assert "Grade" not in text and "Score by category" not in text, fmt
        assert "Avoid breaking the terms of use" not in text, fmt  # no empty prevention section
        assert "Add Taiwan to the allowed countries." in text, fmt


def test_times_are_local_with_the_zone_named(edge: Callable[[str], Report]) -> None:
    from zoneinfo import ZoneInfo

    from kakaoaudit.formats.sections import local_time_text

    report = edge("all-pass")
    assert local_time_text(report.generated_at, ZoneInfo("Asia/Tokyo")) == "2026-11-28 21:00 JST"
    assert local_time_text(report.generated_at, ZoneInfo("Asia/Seoul")) == "2026-11-28 21:00 KST"
    assert local_time_text(report.generated_at, ZoneInfo("Asia/Kathmandu")) == "2026-11-28 17:45 UTC+05:45"
    assert local_time_text(report.generated_at, ZoneInfo("America/Sao_Paulo")) == "2026-11-28 09:00 UTC-03:00"
    assert "UTC" not in render(report, "json", lang="en").split('"generated_at": ')[1][:25]  # JSON keeps Z
    assert render(report, "json", lang="en").count('"generated_at": "2026-11-28T12:00:00Z"') == 1


def test_statuses_stay_written_out(edge: Callable[[str], Report]) -> None:
    page = render(edge("mixed"), "html", lang="ko")
    for status in (Status.FAIL, Status.WARN, Status.PASS):
        assert f"{status.label.render('ko')}</span>" in page
