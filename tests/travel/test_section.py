"""The travel section: plain text for the table report, Markdown to print; time differences, never support hours."""

from __future__ import annotations

from datetime import date

import pytest

from kakaoaudit.core.i18n import translator
from kakaoaudit.core.model import ChecklistItem, Phase, TimeDifference, TravelPlan
from kakaoaudit.formats.travel_section import group_zones, render_travel_markdown, render_travel_text
from kakaoaudit.travel.trip import Trip, time_differences

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

_ = translator("kakaoaudit.travel")
TODAY = date(2026, 11, 28)


def plan(destination: str = "TW", depart: date | None = date(2026, 12, 20), back: date | None = date(2027, 1, 3),
         checklist: tuple[ChecklistItem, ...] = ()) -> TravelPlan:
    hours = time_differences(Trip(destination, "JP", depart, back, TODAY))
    return TravelPlan(destination, depart, back, hours, checklist)


ITEMS = (
    ChecklistItem(Phase.AFTER_RETURN, _("Remove {country} from the allowed countries unless you go back soon",
                                        country="TW"), "KA601"),
    ChecklistItem(Phase.NOW, _("Add {country} to the allowed countries of login restriction by country",
                               country="TW"), "KA601", done=True),
    ChecklistItem(Phase.ABROAD, _("Look for Kakao's replies in the spam and promotions folders too"), "KA609"),
)


def test_text_shows_the_trip_time_difference_and_phases_in_time_order() -> None:
    text = render_travel_text(plan(checklist=ITEMS), "en")
    assert text.startswith("Trip to Taiwan (TW): 2026-12-20 to 2027-01-03 (15 days)\n")
    assert "  - Taiwan is 1 hour behind Korea" in text
    assert "check the hours, days and languages on the official help centre" in " ".join(text.split())
    assert "09:00" not in text and "18:00" not in text
    assert text.index("Now, before you leave") < text.index("While abroad") < text.index("After you return")
    assert "The day before you leave" not in text  # a phase without items is left out
    assert "[x] Add TW" in text and "[ ] Remove TW" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_text_in_japanese_and_korean() -> None:
    japanese = render_travel_text(plan(checklist=ITEMS), "ja")
    assert "台湾は韓国より1時間遅れています" in japanese and "出発前" in japanese
    korean = render_travel_text(plan(checklist=ITEMS), "ko")
    assert "대만은 한국보다 1시간 늦습니다" in korean


def test_zones_with_the_same_offsets_share_a_line_and_clock_changes_are_shown() -> None:
    us = plan("US", date(2027, 3, 1), date(2027, 3, 31))
    groups = group_zones(us.time_differences)
    new_york = next(g for g in groups if "America/New_York" in g.zones)
    assert "America/Detroit" in new_york.zones
    assert new_york.offsets == ("-14:00", "-13:00")
    phoenix = next(g for g in groups if "America/Phoenix" in g.zones)
    assert phoenix.offsets == ("-16:00",)
    text = render_travel_text(us, "en")
    assert ("local time is 14 hours behind Korea; after the clock change (daylight saving time): local time is 13 "
            "hours behind Korea") in " ".join(text.split())
    assert "and 6 more" in " ".join(text.split())  # many zones stay readable; the JSON lists them all


def test_without_dates_or_zones() -> None:
    assert render_travel_text(plan(depart=None, back=None), "en").startswith("Trip to Taiwan (TW)\n")
    assert render_travel_text(plan(back=None), "en").startswith("Trip to Taiwan (TW): leaving 2026-12-20\n")
    nowhere = TravelPlan("BV", None, None, (), ())
    assert "No time zone is known" in render_travel_text(nowhere, "en")


def test_markdown_is_a_printable_task_list() -> None:
    markdown = render_travel_markdown(plan(checklist=ITEMS), "en")
    assert markdown.startswith("**Trip to Taiwan (TW): 2026-12-20 to 2027-01-03 (15 days)**\n\n")
    assert "- Taiwan is 1 hour behind Korea" in markdown
    assert "#### Now, before you leave\n\n- [x] Add TW" in markdown
    assert "- [ ] Look for Kakao's replies" in markdown


def test_markdown_escapes_what_would_become_markup() -> None:
    odd = TravelPlan("US", None, None, (TimeDifference("America/New_York", "-14:00"),
                                         TimeDifference("America/Chicago", "-15:00")), (
        ChecklistItem(Phase.NOW, translator("kakaoaudit.literal")("a [link](http://x) <b>*bold*</b>"), None),))
    markdown = render_travel_markdown(odd, "en")
    assert "America/New\\_York" in markdown
    assert "\\[link\\](http://x) \\<b\\>\\*bold\\*\\</b\\>" in markdown
