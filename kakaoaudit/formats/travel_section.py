"""The travel section of a report: the trip, its time difference to Korea, the checklist.

`render_travel_text(plan, lang)` is the plain-text block the table report shows under "Travel and
VPN"; `render_travel_markdown(plan, lang)` is the same as printable Markdown (a checklist with
boxes to tick). Both say how far the destination's clocks are from Korea's, in words ("Taiwan is 1
hour behind Korea"), grouped: time zones with the same offsets throughout the trip share a line (a
country with many zones stays readable; the JSON report lists every zone), with the offsets before
and after a clock change (daylight saving time) during the trip. No support hours are shown: no
source gives them, so the section says to check them on the official help centre (KAKAO-FACTS K15).
It reads only the report model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kakaoaudit.core import countries
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import ChecklistItem, Phase, TimeDifference, TravelPlan
from kakaoaudit.core.time_difference import parse_offset, versus_korea
from kakaoaudit.formats.sections import T_TIME_DIFFERENCE, phase_title
from kakaoaudit.formats.terminal import FILE_WIDTH, refit, wrap

_ = translator(__name__)

#: Zone names shown on one line of time differences; the rest are counted ("and 9 more").
ZONES_SHOWN = 4

PHASE_TITLES: dict[Phase, Msg] = {
    Phase.NOW: _("Now, before you leave"),
    Phase.DAY_BEFORE: _("The day before you leave"),
    Phase.ABROAD: _("While abroad"),
    Phase.AFTER_RETURN: _("After you return"),
}


@dataclass(frozen=True)
class ZoneGroup:
    """Time zones whose clocks keep the same offsets to Korean time throughout the trip."""

    zones: tuple[str, ...]
    offsets: tuple[str, ...]
    """Offsets to KST in date order: two when the clocks change during the trip."""


def group_zones(differences: Sequence[TimeDifference]) -> list[ZoneGroup]:
    """`differences` grouped by zones that behave alike, in order of first appearance."""
    periods: dict[str, list[str]] = {}
    for entry in differences:
        periods.setdefault(entry.zone, []).append(entry.offset_to_kst)
    groups: dict[tuple[str, ...], list[str]] = {}
    for zone, seen in periods.items():
        groups.setdefault(tuple(seen), []).append(zone)
    return [ZoneGroup(tuple(zones), key) for key, zones in groups.items()]


def _zones_text(zones: Sequence[str], lang: str) -> str:
    shown = ", ".join(zones[:ZONES_SHOWN])
    if len(zones) <= ZONES_SHOWN:
        return shown
    return _("{zones} and {count} more", zones=shown, count=len(zones) - ZONES_SHOWN).render(lang)


def _trip_lines(plan: TravelPlan, lang: str) -> list[str]:
    country = countries.label(plan.destination)
    if plan.depart is not None and plan.return_date is not None:
        days = (plan.return_date - plan.depart).days + 1
        trip = _("Trip to {country} ({code}): {depart} to {back} ({days} days)", country=country,
                 code=plan.destination, depart=plan.depart.isoformat(), back=plan.return_date.isoformat(), days=days)
    elif plan.depart is not None:
        trip = _("Trip to {country} ({code}): leaving {depart}", country=country, code=plan.destination,
                 depart=plan.depart.isoformat())
    else:
        trip = _("Trip to {country} ({code})", country=country, code=plan.destination)
    return [trip.render(lang)]


def _difference(offset_text: str, place: Msg | str) -> Msg:
    offset = parse_offset(offset_text)
    return _("{offset} from Korean time", offset=offset_text) if offset is None else versus_korea(place, offset)


def _hours_lines(plan: TravelPlan, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """The introduction, and (zones, their time difference) for each group of zones."""
    if not plan.time_differences:
        return _("No time zone is known for this destination.").render(lang), []
    groups = group_zones(plan.time_differences)
    intro = T_TIME_DIFFERENCE.render(lang)
    if len(groups) == 1 and len(groups[0].offsets) == 1:
        return intro, [("", _difference(groups[0].offsets[0], countries.label(plan.destination)).render(lang))]
    lines = []
    for group in groups:
        texts = [_difference(offset, _("local time")) for offset in group.offsets]
        text = texts[0]
        for later in texts[1:]:
            text = _("{before}; after the clock change (daylight saving time): {after}", before=text, after=later)
        lines.append((_zones_text(group.zones, lang), text.render(lang)))
    return intro, lines


def _phases(plan: TravelPlan) -> list[tuple[Phase, list[ChecklistItem]]]:
    return [(phase, items) for phase in Phase if (items := [i for i in plan.checklist if i.phase is phase])]


def render_travel_text(plan: TravelPlan, lang: str) -> str:
    """The travel section as plain text, wrapped at the report's width."""
    lines = _trip_lines(plan, lang)
    intro, hours = _hours_lines(plan, lang)
    lines.append("")
    lines.extend(wrap(intro, FILE_WIDTH))
    for zones, text in hours:
        if not zones:
            lines.extend(wrap(text, FILE_WIDTH, "  - ", "    "))
            continue
        lines.extend(wrap(zones + ":", FILE_WIDTH, "  - ", "    "))
        lines.extend(wrap(text, FILE_WIDTH, "    "))
    lines.append("")
    lines.append(_("Checklist ([x] = already in order)").render(lang))
    for phase, items in _phases(plan):
        lines.append("")
        lines.append("  " + phase_title(phase, plan, PHASE_TITLES[phase]).render(lang))
        for item in items:
            mark = "[x]" if item.done else "[ ]"
            lines.extend(wrap(item.text.render(lang), FILE_WIDTH, f"    {mark} ", "        "))
    return "\n".join(lines) + "\n"


def render_travel_markdown(plan: TravelPlan, lang: str) -> str:
    """The travel section as Markdown to print: the checklist as task lists under one heading per phase."""
    blocks = [f"**{_escape(_trip_lines(plan, lang)[0])}**"]
    intro, hours = _hours_lines(plan, lang)
    blocks.append(_escape(intro))
    if hours:
        blocks.append("\n".join(f"- {_escape(zones)}: {_escape(text)}" if zones else f"- {_escape(text)}"
                                for zones, text in hours))
    for phase, items in _phases(plan):
        blocks.append(f"#### {_escape(phase_title(phase, plan, PHASE_TITLES[phase]).render(lang))}")
        blocks.append("\n".join(f"- [{'x' if item.done else ' '}] {_escape(item.text.render(lang))}"
                                for item in items))
    return "\n\n".join(blocks) + "\n"


def _escape(text: str) -> str:
    """Markdown-inert text: the characters that would start emphasis, links or HTML are escaped."""
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#", "|"):
        text = text.replace(char, "\\" + char)
    return text


def travel_lines(plan: TravelPlan, lang: str, width: int) -> list[str]:
    """The travel section as terminal lines fitted to `width` (the short view and the full table)."""
    lines: list[str] = []
    for line in render_travel_text(plan, lang).rstrip("\n").splitlines():
        lines.extend(refit(line.rstrip(), width))
    return lines
