"""The shared report structure: which finding goes to which section, in which order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from kakaoaudit.core.i18n import translator
from kakaoaudit.core.model import Category, ChecklistItem, Finding, Phase, Report, Severity, Status, TravelPlan
from kakaoaudit.formats import sections as s
from kakaoaudit.formats.sections import SectionKey, section_of
from kakaoaudit.formats.sections import build as arrange

_ = translator("tests.formats")


def finding(advice: tuple[str, ...], status: Status = Status.FAIL, *, check_id: str = "KA101", code: str = "x",
            points: int = 0, refs: tuple[str, ...] = ()) -> Finding:
    return Finding(check_id, code, status, Severity.MEDIUM, _("t"), advice_ids=advice, points=points, max_points=10,
                   references=refs)


@pytest.mark.parametrize(
    ("advice", "category", "expected"),
    [
        (("P1.1",), Category.CONDUCT, SectionKey.P1),
        (("P2.2", "P2.4"), Category.PASSWORD, SectionKey.P2),
        (("P3.1", "C3"), Category.CONTACTS, SectionKey.P3),
        (("C3", "P3.1"), Category.CONTACTS, SectionKey.P3),  # a prevention ID wins wherever it is listed
        (("P2.1", "P3.3"), Category.SECURITY, SectionKey.P2),  # the first prevention ID decides
        (("P2.1",), Category.TRAVEL, SectionKey.TRAVEL),  # a travel check's findings stay together
        (("P3.3",), Category.RECOVERY, SectionKey.RECOVERY),
        (("O1",), Category.SECURITY, SectionKey.TRAVEL),
        (("P4.1",), Category.SECURITY, SectionKey.RECOVERY),
        (("S6", "R2"), None, SectionKey.RECOVERY),
        (("Q2",), None, SectionKey.RECOVERY),
        ((), Category.SECURITY, SectionKey.P2),  # a built-in check without advice: the section of its category
        (("X9",), None, SectionKey.OTHER),
    ],
)
def test_section_of(advice: tuple[str, ...], category: Category | None, expected: SectionKey) -> None:
    assert section_of(finding(advice), category) is expected


def test_prevention_sections_are_always_there_in_the_article_order(edge: Callable[[str], Report]) -> None:
    view = arrange(edge("nothing"))
    assert [section.key for section in view.prevention] == [SectionKey.P1, SectionKey.P2, SectionKey.P3]
    assert all(not section.findings and not section.not_scored for section in view.prevention)
    assert view.extra == ()
    assert view.references == ()
    assert [s.SECTION_TITLES[key].render("ja") for key in s.PREVENTION] == [
        "規約違反行為の回避", "セキュリティ設定の強化", "アカウント情報の定期的な見直し"]


def test_every_finding_lands_in_exactly_one_place(edge: Callable[[str], Report]) -> None:
    report = edge("mixed")
    view = arrange(report)
    placed = [f for section in view.sections for f in (*section.findings, *section.not_scored)]
    assert sorted(placed, key=report.findings.index) == list(report.findings)
    assert len(placed) == len(set(placed))
    assert [f.status for f in view.not_scored] == [Status.UNKNOWN, Status.SKIPPED, Status.ERROR]
    assert all(f.status.scored for section in view.sections for f in section.findings)
    keys = [section.key for section in view.extra]
    assert keys == [SectionKey.TRAVEL, SectionKey.RECOVERY, SectionKey.OTHER]


def test_travel_section_appears_for_a_trip_without_travel_findings(edge: Callable[[str], Report]) -> None:
    report = edge("nothing")
    plan = TravelPlan("KR", None, None, (), ())
    view = arrange(replace(report, travel=plan))
    assert [section.key for section in view.extra] == [SectionKey.TRAVEL]


def test_top_actions_come_first_then_problems_then_passes(edge: Callable[[str], Report]) -> None:
    report = edge("mixed")
    findings = (
        finding(("P2.1",), Status.PASS, code="ok", points=10),
        finding(("P2.2",), Status.WARN, code="small", points=8),
        finding(("P2.3",), Status.FAIL, code="big", points=0),
        finding(("P2.5",), Status.WARN, code="top", points=5),
    )
    top = (replace(report.top_actions[0], check_id="KA101", code="top"),)
    view = arrange(replace(report, findings=findings, top_actions=top, checks=()))
    assert [f.code for f in view.prevention[1].findings] == ["top", "big", "small", "ok"]


def test_references_are_numbered_once_in_reading_order(edge: Callable[[str], Report]) -> None:
    findings = (
        finding(("P3.1",), refs=("https://c", "https://a")),
        finding(("P1.1",), code="y", refs=("https://a", "https://b")),
    )
    view = arrange(replace(edge("nothing"), findings=findings))
    assert view.references == ("https://a", "https://b", "https://c")
    assert view.reference_numbers(findings[0]) == [3, 1]


def test_checklist_is_grouped_by_phase_in_time_order() -> None:
    items = tuple(ChecklistItem(phase, _(phase.value)) for phase in (Phase.AFTER_RETURN, Phase.NOW, Phase.ABROAD,
                                                                       Phase.NOW))
    view = s.travel_view(TravelPlan("TW", None, None, (), items))
    assert [phase for phase, _items in view.phases] == [Phase.NOW, Phase.ABROAD, Phase.AFTER_RETURN]
    assert len(view.phases[0][1]) == 2


def test_country_name_falls_back_to_the_code() -> None:
    assert s.country_name("TW", "ja") == "台湾"
    assert s.country_name("ZZ", "ja") == "ZZ"


def test_a_plugin_without_advice_ids_goes_to_other_checks() -> None:
    assert section_of(finding((), check_id="EXM101"), Category.SECURITY) is SectionKey.OTHER
    assert section_of(finding((), check_id="KA504"), Category.CONDUCT) is SectionKey.P1
    assert section_of(finding((), check_id="KA303"), Category.CONTACTS) is SectionKey.P3


def test_information_stays_in_its_section_and_is_not_listed_as_unscored(edge: Callable[[str], Report]) -> None:
    report = edge("nothing")
    info = Finding("KA706", "safety-pass-unlikely", Status.INFO, Severity.INFO, _("t"))
    view = arrange(replace(report, findings=(*report.findings, info)))
    assert any(info in section.findings for section in view.sections) and info not in view.not_scored
    assert not Status.INFO.scored and not Status.INFO.listed_apart
