"""The structure every human-readable format shares: what goes where, in which order.

The report follows the article (ADVICE.md): after the score and the top actions come its three
prevention sections, in its order and with its titles, each holding the findings whose ADVICE
IDs belong to it (P1, P2, P3), or else, for a built-in check, to the section of its category (usage
habits: P1; password, leaks and security settings: P2; registered contacts: P3). Each prevention section opens with the
article's advice for it, so that the report says it whatever the answers. Findings of travel checks
(and ADVICE O*) go to the travel section, those of recovery-readiness checks (and P4, C, T, S, R, Q)
to the recovery section, anything else to "other checks". Unknown, skipped and failed checks are
listed apart with their reasons (they are not scored), then the suppressed findings, notes, warnings
and references.

Formats (table, markdown, html) only lay this out; they decide nothing about the content.
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from kakaoaudit.core import claims
from kakaoaudit.core.i18n import Msg, Param, translator
from kakaoaudit.core.localtime import local
from kakaoaudit.core.model import (
    Category,
    ChecklistItem,
    Finding,
    Phase,
    Report,
    Status,
    Suppressed,
    TimeDifference,
    TopAction,
    TravelPlan,
)
from kakaoaudit.core.time_difference import parse_offset, versus_korea

_ = translator("kakaoaudit.formats")


class SectionKey(str, enum.Enum):
    """The report's sections, in the order they are shown."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    TRAVEL = "travel"
    RECOVERY = "recovery"
    OTHER = "other"


#: The article's three prevention sections (再発防止のための注意点), always shown, in this order.
PREVENTION: tuple[SectionKey, ...] = (SectionKey.P1, SectionKey.P2, SectionKey.P3)

PREVENTION_TITLE = _("Preventing a restriction: what to keep doing")

SECTION_TITLES: dict[SectionKey, Msg] = {
    SectionKey.P1: _("Avoid breaking the terms of use"),
    SectionKey.P2: _("Strengthen your security settings"),
    SectionKey.P3: _("Review your account information regularly"),
    SectionKey.TRAVEL: _("Travel and VPN"),
    SectionKey.RECOVERY: _("Recovery readiness"),
    SectionKey.OTHER: _("Other checks"),
}

SECTION_INTROS: dict[SectionKey, Msg] = {
    SectionKey.P1: _(
        "The article's advice: do not send many messages in a short time or the same message to many people; do "
        "not invite many people to groups at once or post promotional links over and over, even unintentionally; "
        "message the people who need it, at a sensible frequency; and re-read the terms of use and community "
        "guidelines regularly to follow the latest rules."
    ),
    SectionKey.P2: _(
        "The article's advice: turn on 2-step verification; use a strong password of 8 or more characters mixing "
        "letters, digits and symbols, hard to guess, with no birthday or simple word in it; change it regularly; "
        "use it on no other service; and keep your passwords in a password manager. Current standards (NIST SP "
        "800-63B-4) value length over a mix of symbols, and ask for a change when a password may have leaked "
        "rather than on a schedule."
    ),
    SectionKey.P3: _(
        "The article's advice: keep the registered email and phone number current after a move, a new phone or a "
        "new email provider; open the settings regularly to check that the registered information is up to date; "
        "and register a sub email address or a spare phone number for recovery."
    ),
    SectionKey.TRAVEL: _("{triggers} Prepare before you leave.", triggers=claims.ABROAD_TRIGGERS()),
    SectionKey.RECOVERY: _(
        "If a restriction happens anyway: what you need ready to get the account back. {only_kakao}",
        only_kakao=claims.NO_UNLOCK_SERVICES()),
}

PHASE_LABELS: dict[Phase, Msg] = {
    Phase.NOW: _("Now"),
    Phase.DAY_BEFORE: _("The day before you leave"),
    Phase.ABROAD: _("While abroad"),
    Phase.AFTER_RETURN: _("After you return"),
}

_PREFIX_SECTIONS = {"P1": SectionKey.P1, "P2": SectionKey.P2, "P3": SectionKey.P3}
#: Where a built-in check's finding without a P1/P2/P3 ADVICE ID goes, by its category (plugins: "other checks").
_BUILTIN = re.compile(r"^KA\d{3}$")
_CATEGORY_SECTIONS = {Category.CONDUCT: SectionKey.P1, Category.PASSWORD: SectionKey.P2, Category.BREACH: SectionKey.P2,
                      Category.SECURITY: SectionKey.P2, Category.CONTACTS: SectionKey.P3}
_RECOVERY_PREFIXES = ("P4", "C", "T", "S", "R", "Q")
#: Problems first; within the same status the finding with more points at stake first.
_STATUS_RANK = {Status.FAIL: 0, Status.WARN: 1, Status.ERROR: 2, Status.UNKNOWN: 3, Status.SKIPPED: 4,
                Status.PASS: 5, Status.INFO: 6}


def section_of(finding: Finding, category: Category | None) -> SectionKey:
    """The section a finding belongs to (see the module docstring)."""
    if category is Category.TRAVEL:
        return SectionKey.TRAVEL
    if category is Category.RECOVERY:
        return SectionKey.RECOVERY
    prefixes = [advice_id.split(".", 1)[0].upper() for advice_id in finding.advice_ids]
    for prefix in prefixes:
        if prefix in _PREFIX_SECTIONS:
            return _PREFIX_SECTIONS[prefix]
    for prefix in prefixes:
        if prefix.startswith("O"):
            return SectionKey.TRAVEL
        if prefix.startswith(_RECOVERY_PREFIXES):
            return SectionKey.RECOVERY
    if _BUILTIN.match(finding.check_id) and category is not None:
        return _CATEGORY_SECTIONS.get(category, SectionKey.OTHER)
    return SectionKey.OTHER


class Section(NamedTuple):
    """One section of the report with its findings."""

    key: SectionKey
    title: Msg
    intro: Msg | None
    findings: tuple[Finding, ...]
    """Scored findings (fail, warn, pass) and information: top actions first, then problems, then what is in
    order, then what is good to know."""
    not_scored: tuple[Finding, ...]
    """Findings of this section that could not be scored (listed with reasons under "Not scored")."""

    @property
    def problems(self) -> int:
        return sum(1 for f in self.findings if f.status in (Status.FAIL, Status.WARN))


class TravelView(NamedTuple):
    """The trip with its checklist grouped by phase (now, the day before, abroad, after return)."""

    plan: TravelPlan
    phases: tuple[tuple[Phase, tuple[ChecklistItem, ...]], ...]


class ReportView(NamedTuple):
    """A report arranged for reading; see the module docstring for the order."""

    report: Report
    prevention: tuple[Section, ...]
    """The article's three sections P1, P2, P3: always present, possibly empty."""
    extra: tuple[Section, ...]
    """Travel, recovery readiness and other checks: only those with findings (travel also with a trip)."""
    travel: TravelView | None
    not_scored: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    references: tuple[str, ...]
    """Every finding's references, each once, in the order they first appear in the sections."""

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.prevention + self.extra

    def reference_numbers(self, finding: Finding) -> list[int]:
        """The 1-based numbers of the finding's references in `references`."""
        return [self.references.index(url) + 1 for url in dict.fromkeys(finding.references)
                if url in self.references]

    def section_title_of(self, finding: Finding) -> Msg:
        for section in self.sections:
            if finding in section.findings or finding in section.not_scored:
                return section.title
        return SECTION_TITLES[SectionKey.OTHER]


class Texts(NamedTuple):
    """Renders messages in one language, masking contacts unless the report says otherwise."""

    lang: str
    redact: bool = True

    def __call__(self, msg: Msg | None) -> str:
        return "" if msg is None else msg.render(self.lang, redact=self.redact)


def build(report: Report) -> ReportView:
    """Arrange `report` into its sections."""
    categories = {check.check_id: check.category for check in report.checks}
    top = {(action.check_id, action.code): rank for rank, action in enumerate(report.top_actions)}
    grouped: dict[SectionKey, list[tuple[int, Finding]]] = {key: [] for key in SectionKey}
    for index, finding in enumerate(report.findings):
        grouped[section_of(finding, categories.get(finding.check_id))].append((index, finding))

    def ordered(items: list[tuple[int, Finding]]) -> tuple[Finding, ...]:
        def key(item: tuple[int, Finding]) -> tuple[int, int, int, int]:
            index, finding = item
            rank = top.get((finding.check_id, finding.code), len(top))
            return rank, _STATUS_RANK[finding.status], -finding.points_at_stake, index

        return tuple(finding for _index, finding in sorted(items, key=key))

    def section(key: SectionKey) -> Section:
        items = grouped[key]
        return Section(
            key=key,
            title=SECTION_TITLES[key],
            intro=SECTION_INTROS.get(key),
            findings=ordered([(i, f) for i, f in items if not f.status.listed_apart]),
            not_scored=tuple(f for _i, f in items if f.status.listed_apart),
        )

    prevention = tuple(section(key) for key in PREVENTION)
    extra = tuple(
        section(key)
        for key in (SectionKey.TRAVEL, SectionKey.RECOVERY, SectionKey.OTHER)
        if grouped[key] or (key is SectionKey.TRAVEL and report.travel is not None)
    )
    sections = prevention + extra
    # Not-scored findings in section order, so that the list reads like the report.
    not_scored = tuple(f for s in sections for f in s.not_scored)
    references: dict[str, None] = {}
    for s in sections:
        for finding in (*s.findings, *s.not_scored):
            references.update(dict.fromkeys(finding.references))
    return ReportView(
        report=report,
        prevention=prevention,
        extra=extra,
        travel=None if report.travel is None else travel_view(report.travel),
        not_scored=not_scored,
        suppressed=report.suppressed,
        references=tuple(references),
    )


def travel_view(plan: TravelPlan) -> TravelView:
    """The checklist grouped by phase in time order; phases without items are left out."""
    phases = tuple(
        (phase, items)
        for phase in Phase
        if (items := tuple(item for item in plan.checklist if item.phase is phase))
    )
    return TravelView(plan=plan, phases=phases)


def gain_text(report: Report, action: TopAction) -> Msg | None:
    """What fixing `action` adds, in the units the reader sees at the top: points of the score out of 100
    (or of the travel readiness, for a travel check of a whole audit); None when that cannot be said.

    `TopAction.points_at_stake` counts check points (the weights), which are not the finding's own
    "0/10 points": shown raw next to them they read as two different numbers for one thing."""
    check = next((c for c in report.checks if c.check_id == action.check_id), None)
    if check is None or action.points_at_stake <= 0:
        return None
    travel_apart = check.category is Category.TRAVEL and not is_trip_report(report)
    if travel_apart:
        total = next((c.max_points for c in report.categories if c.category is Category.TRAVEL), 0)
    else:
        total = report.coverage.assessed_points if report.coverage is not None else 0
    if not total:
        return None
    gain = max(1, round(100 * action.points_at_stake / total))
    return fill(T_GAIN_TRIP if travel_apart else T_GAIN, points=gain)


def is_trip_report(report: Report) -> bool:
    """True for the report of `kakaoaudit travel`: a trip and only travel checks. It is a checklist:
    shown without a grade and without the (empty) prevention sections."""
    return (report.travel is not None and bool(report.checks)
            and all(check.category is Category.TRAVEL for check in report.checks))


def phase_title(phase: Phase, plan: TravelPlan, title: Msg) -> Msg:
    """`title` of a checklist phase with its real dates, in the traveller's calendar: the day before
    is the departure date minus one day; abroad runs from departure to return."""
    if phase is Phase.DAY_BEFORE and plan.depart is not None:
        return fill(T_PHASE_ON, phase=title, date=(plan.depart - timedelta(days=1)).isoformat())
    if phase is Phase.ABROAD and plan.depart is not None and plan.return_date is not None:
        return fill(T_PHASE_SPAN, phase=title, start=plan.depart.isoformat(), end=plan.return_date.isoformat())
    if phase is Phase.ABROAD and plan.depart is not None:
        return fill(T_PHASE_FROM, phase=title, date=plan.depart.isoformat())
    if phase is Phase.AFTER_RETURN and plan.return_date is not None:
        return fill(T_PHASE_FROM, phase=title, date=plan.return_date.isoformat())
    return title


def country_name(code: str, lang: str) -> str:
    """The destination's name in `lang` ("TW" -> 台湾), or the code when it is not known."""
    try:
        from kakaoaudit.core.countries import name  # noqa: PLC0415 - the country data is read only for trips

        return name(code, lang)
    except (KeyError, LookupError, ImportError):
        return code


def fill(msg: Msg, **params: Param) -> Msg:
    """`msg` (one of the texts below) with its placeholders' values."""
    return Msg(msg.domain, msg.msgid, tuple(sorted(params.items())))


def time_difference_lines(plan: TravelPlan) -> list[Msg]:
    """The destination's time difference to Korea in words, one line per time zone (one offset: one line
    naming the country; zones whose clocks change during the trip: both offsets)."""
    from kakaoaudit.core.countries import label  # noqa: PLC0415 - the country data is read only for trips

    by_zone: dict[str, list[TimeDifference]] = {}
    for entry in plan.time_differences:
        by_zone.setdefault(entry.zone, []).append(entry)
    offsets = {entry.offset_to_kst for entry in plan.time_differences}
    if len(offsets) == 1:
        only = parse_offset(offsets.pop())
        return [] if only is None else [versus_korea(label(plan.destination), only)]
    lines = []
    for zone, entries in by_zone.items():
        texts = [versus_korea(zone, offset) for entry in entries if (offset := parse_offset(entry.offset_to_kst))
                 is not None]
        if not texts:
            continue
        text = texts[0]
        for later in texts[1:]:
            text = fill(T_CLOCK_CHANGE, before=text, after=later)
        lines.append(text)
    return lines


def coverage_text(report: Report) -> Msg:
    """What the score rests on: "from 20 of 190 points; 12 answers unknown"."""
    return fill(T_COVERAGE, assessed=report.coverage.assessed_points, possible=report.coverage.possible_points,
                unknown=len(report.unknown_answers))


def format_date(day: date | None) -> str:
    return "-" if day is None else day.isoformat()


def format_when(report: Report, zone: tzinfo | None = None) -> str:
    """The audit's date and time in the reader's local time, with the zone named: "2026-12-05 14:03 JST".

    `zone` None is the system's local time (kakaoaudit.core.localtime); JSON keeps UTC.
    """
    return local_time_text(report.generated_at, zone)


def local_time_text(moment: datetime, zone: tzinfo | None = None) -> str:
    """`moment` (aware) as "YYYY-MM-DD HH:MM ZONE" in local time; a zone without an abbreviation is
    named by its offset ("UTC+05:45")."""
    shown = local(moment, zone)
    name = shown.tzname() or ""
    if not name or name[0] in "+-" or name[0].isdigit():
        offset = shown.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        name = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{shown:%Y-%m-%d %H:%M} {name}"


#: The mark of each status, the same in every format.
MARKS = {
    Status.PASS: "✓",
    Status.WARN: "!",
    Status.FAIL: "✗",
    Status.UNKNOWN: "?",
    Status.SKIPPED: "-",
    Status.ERROR: "E",
    Status.INFO: "i",
}

# Texts shared by the formats (one msgid each, so one translation each).
T_TITLE = _("KakaoTalk account security report")
T_FOR = _("For: {label}")
T_DATE = _("Date: {date}")
T_VERSION = _("Made by kakaoaudit {version}")
T_DEMO = _("This is the built-in demo profile, not your account.")
T_MASKED = _("Contacts: masked (phone numbers and email addresses are partly hidden).")
T_UNMASKED = _("Contacts shown unmasked (made with --no-redact): share this report with care.")
T_SCORE = _("Score: {score}/100")
T_GRADE = _("Grade: {grade}")
T_NO_SCORE = _("Score: not enough answers to compute a score")
T_CAPPED = _("The grade is held at {grade} because of a critical problem.")
T_COVERAGE = _("The score rests on {assessed} of {possible} points; \"don't know\" answers: {unknown}.")
T_NO_GRADE = _("No grade: too many answers were \"don't know\" to grade the account (less than 60% of the points "
               "could be assessed). Look up the answers you did not know and run the audit again.")
T_NOT_ASSESSED = _("not assessed")
T_CATEGORIES = _("Score by category")
T_CATEGORY = _("Category")
T_SCORE_COL = _("Score")
T_POINTS_COL = _("Points")
T_NO_CATEGORIES = _("No check was run, so there is nothing to score.")
T_TOP = _("Do these first")
T_NO_TOP = _("Nothing urgent: no problem was found among the checks that could be scored.")
T_GAIN = _("score +{points}")
T_GAIN_TRIP = _("travel readiness +{points}")
T_EMPTY_SECTION = _("No check of this section was run.")
# Headings and counts every renderer shows (the short terminal view, Markdown, HTML).
T_TRIP_TITLE = _("KakaoTalk trip checklist")
T_LOOK_UP = _("Look these up in the app (\"don't know\" answers: {count})")
T_FINE = _("{count} in order")
T_ONLY_UNSCORED = _("The checks of this section could not tell; see \"Not scored\" below.")
T_POINTS = _("{points}/{max_points} points")
T_SEVERITY = _("severity: {severity}")
T_WHAT_TO_DO = _("What to do:")
T_NOTE = _("Current standards: {note}")
T_SOURCES = _("Sources:")
T_NOT_SCORED = _("Not scored")
T_NOT_SCORED_INTRO = _(
    "These checks could not tell or did not run, so they are left out of the score (never counted as OK). "
    "Answer the question or fix the reason, then run the audit again."
)
T_SUPPRESSED = _("Set aside by you (not scored)")
T_SUPPRESSED_ITEM = _("{title}: {reason} (until {expires})")
T_NOTES = _("Notes")
T_WARNINGS = _("Warnings")
T_REFERENCES = _("References")
T_TRIP = _("Trip to {country} ({code})")
T_TRIP_DATES = _("From {depart} to {return_date}")
T_TIME_DIFFERENCE = _("{kst} {hours}", kst=claims.KST(), hours=claims.HOURS_UNKNOWN())
T_CLOCK_CHANGE = _("{before}; after the clock change (daylight saving time): {after}")
T_CHECKLIST = _("Checklist")
T_PHASE_ON = _("{phase}: {date}")
T_PHASE_SPAN = _("{phase}: {start} to {end}")
T_PHASE_FROM = _("{phase}: from {date}")
T_DONE = _("done")
T_TO_DO = _("to do")
