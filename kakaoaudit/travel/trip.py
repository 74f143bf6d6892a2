"""The travel mode's domain: the trip in the answers, its time differences to Korea and its checklist.

The travel checks (KA6xx) derive from `TravelCheck`: each one first asks `trip_of` whether there
is a trip to assess (a destination abroad, dates that make sense) and otherwise yields one finding
saying why not. `active_checks` keeps only the first of them in that case, so that a person without
a trip sees a single "no trip planned" line instead of one per check. After the audit,
`attach_plan` puts the `TravelPlan` into the report: how far every time zone of the destination is
from Korean time on the travel dates (Kakao's support works in Korean time, KAKAO-FACTS K15; its
opening hours are in no source, so none are shown: ADVICE O2, O3), and the checklist that the travel
checks contribute, ordered by when to act.

The trip's questions live here because the command (``kakaoaudit travel``), the checks and the
plan all need them; ``profile.home_country`` belongs to the contacts checks (KA301), which declare it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import ClassVar, NamedTuple

from kakaoaudit.core.answers import Answers, Source
from kakaoaudit.core.check import Check, Context
from kakaoaudit.core.errors import UsageError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import (
    Category,
    ChecklistItem,
    Finding,
    Phase,
    Report,
    Severity,
    Status,
    TimeDifference,
    TravelPlan,
)
from kakaoaudit.core.questions import QType, Question
from kakaoaudit.core.time_difference import parse_offset, versus_korea
from kakaoaudit.core.timezones import format_offset, offset_to_kst

_ = translator("kakaoaudit.travel")

PLANNED = "travel.planned"
DESTINATION = "travel.destination"
DEPART = "travel.depart"
RETURN = "travel.return"
HOME_COUNTRY = "profile.home_country"

#: Only asked when a trip is planned.
ON_TRIP: Mapping[str, bool] = {PLANNED: True}
#: The time differences are computed for at most this many days of a trip (a year covers every DST rule).
MAX_PLAN_DAYS = 366

PHASE_ORDER: tuple[Phase, ...] = (Phase.NOW, Phase.DAY_BEFORE, Phase.ABROAD, Phase.AFTER_RETURN)

TRIP_QUESTIONS: tuple[Question, ...] = (
    Question(
        PLANNED,
        QType.BOOL,
        _("Are you planning a trip abroad?"),
        help=_("Answer yes to check your account for the trip (allowed countries, verification codes abroad, "
               "VPN and Wi-Fi) and to get a checklist. 'kakaoaudit travel --to COUNTRY' does this directly."),
        # Not a security claim: "no" only leaves the travel checks out (one skipped line says so).
        default=False,
        # Asked first, before the counter: with a trip, the travel questions follow.
        opening=True,
        present=True,
    ),
    Question(
        DESTINATION,
        QType.COUNTRY,
        _("Which country are you travelling to?"),
        help=_("A country code such as TW, or the name of the country such as Taiwan, 台湾 or 대만."),
        when=ON_TRIP,
        present=True,
    ),
    Question(
        DEPART,
        QType.DATE,
        _("On which date do you leave?"),
        help=_("For example 2030-12-20, 2030/12/20 or 12/20. Answer unknown if the date is not fixed yet."),
        allow_unknown=True,
        when=ON_TRIP,
        future=True,
        present=True,
    ),
    Question(
        RETURN,
        QType.DATE,
        _("On which date do you come back?"),
        help=_("For example 2031-01-03, 2031/1/3 or 1/3. Answer unknown if the date is not fixed yet."),
        allow_unknown=True,
        when=ON_TRIP,
        future=True,
        present=True,
    ),
)


def country_label(code: str) -> Msg:
    """The country's name as a message: rendered in the report's language (台湾, Taiwan, 대만)."""
    from kakaoaudit.core import countries  # noqa: PLC0415 - the country table loads only when a trip is assessed

    return countries.label(code)


class Trip(NamedTuple):
    """A trip the travel checks can assess."""

    destination: str
    """ISO 3166-1 alpha-2 code, never the home country."""
    home: str | None
    """Where the user lives (``profile.home_country``), None when not answered."""
    depart: date | None
    return_date: date | None
    today: date

    @property
    def days(self) -> int | None:
        """Length of the trip in days, both ends counted; None without both dates."""
        if self.depart is None or self.return_date is None:
            return None
        return (self.return_date - self.depart).days + 1

    @property
    def abroad_now(self) -> bool:
        """True when the trip has already begun (an audit run while abroad)."""
        return self.depart is not None and self.depart <= self.today

    def dates(self, limit: int = MAX_PLAN_DAYS) -> list[date]:
        """The calendar days of the trip (from today when it has begun), at most `limit` of them."""
        start = max(self.depart or self.today, self.today)
        end = self.return_date if self.return_date is not None and self.return_date >= start else start
        count = min((end - start).days + 1, limit)
        return [start + timedelta(days=n) for n in range(count)]


class TripProblem(NamedTuple):
    """Why there is no trip to assess: one finding of the first travel check says so."""

    code: str
    status: Status
    title: Msg
    detail: Msg
    advice: tuple[Msg, ...] = ()


def trip_of(answers: Answers, today: date) -> Trip | TripProblem:
    """The trip in `answers`, or why the travel checks cannot assess one."""
    if answers.get_bool(PLANNED) is not True:
        return TripProblem(
            "no-trip",
            Status.SKIPPED,
            _("No trip abroad planned"),
            _("The travel checks run when you plan a trip abroad: answer travel.planned = true, or run "
              "'kakaoaudit travel --to COUNTRY' before you leave."),
        )
    destination = answers.get_text(DESTINATION)
    if destination is None:
        return TripProblem(
            "no-destination",
            Status.UNKNOWN,
            _("The destination of the trip is missing"),
            _("Give the country you are travelling to (travel.destination, or --to COUNTRY)."),
        )
    home = answers.get_text(HOME_COUNTRY)
    if destination == home:
        return TripProblem(
            "home-country",
            Status.SKIPPED,
            _("{country} is your home country", country=country_label(destination)),
            _("The travel checks are for trips abroad. If you live in another country, answer "
              "profile.home_country."),
        )
    depart, return_date = answers.get_date(DEPART), answers.get_date(RETURN)
    if depart is not None and return_date is not None and return_date < depart:
        return TripProblem(
            "dates-reversed",
            Status.UNKNOWN,
            _("The return date {back} is before the departure date {leave}", back=return_date.isoformat(),
              leave=depart.isoformat()),
            _("Correct travel.depart and travel.return in your answers."),
        )
    if return_date is not None and return_date < today:
        return TripProblem(
            "trip-over",
            Status.SKIPPED,
            _("The trip to {country} in your answers ended on {back}", country=country_label(destination),
              back=return_date.isoformat()),
            _("Give the dates of your next trip, or answer travel.planned = false."),
            (_("If you added {country} to the allowed countries for that trip, remove it now.",
               country=country_label(destination)),),
        )
    return Trip(destination, home, depart, return_date, today)


class TravelCheck(Check):
    """Base of the travel checks: they assess a `Trip` and contribute to the travel checklist.

    Subclasses implement `assess` (instead of `run`) and `checklist`. Without a trip to assess,
    `run` yields one finding saying why (no trip planned, the destination is home, the dates are
    reversed or past).
    """

    category: ClassVar[Category] = Category.TRAVEL

    def run(self, ctx: Context) -> Iterable[Finding]:
        trip = trip_of(ctx.answers, ctx.today())
        if isinstance(trip, TripProblem):
            yield self.finding(trip.status, trip.title, code=trip.code, detail=trip.detail, advice=trip.advice,
                               severity=Severity.INFO)
            return
        yield from self.assess(ctx, trip)

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        """The findings of this check for `trip`."""
        raise NotImplementedError

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        """The checklist lines of this check, given its own `findings` (none by default)."""
        return ()

    def item(self, phase: Phase, text: Msg, *, done: bool = False) -> ChecklistItem:
        """A checklist line of this check."""
        return ChecklistItem(phase, text, self.id, done)


def active_checks(checks: Sequence[type[Check]], answers: Answers, today: date) -> list[type[Check]]:
    """`checks` without the travel checks after the first when there is no trip to assess.

    The first one still runs and its single finding says why (e.g. "No trip abroad planned").
    """
    if isinstance(trip_of(answers, today), Trip):
        return list(checks)
    kept: list[type[Check]] = []
    seen_travel = False
    for check in checks:
        if issubclass(check, TravelCheck):
            if seen_travel:
                continue
            seen_travel = True
        kept.append(check)
    return kept


def validate_trip(answers: Answers, today: date) -> None:
    """The strict checks of ``kakaoaudit travel``: a trip abroad that has not begun, dates in order.

    Raises `UsageError` with one line naming the option or the answers key at fault.
    """
    destination = answers.get_text(DESTINATION)
    home = answers.get_text(HOME_COUNTRY)
    if destination is not None and destination == home:
        raise UsageError(_(
            "{where}: {country} is your home country (profile.home_country); the travel mode prepares a trip "
            "abroad. If you live elsewhere, set profile.home_country in your answers file.",
            where=_where(answers, DESTINATION, "--to"), country=country_label(destination)))
    depart, return_date = answers.get_date(DEPART), answers.get_date(RETURN)
    if depart is not None and depart < today:
        raise UsageError(_(
            "{where}: {day} is in the past; give the day you leave (today or later)",
            where=_where(answers, DEPART, "--depart"), day=depart.isoformat()))
    if return_date is not None and return_date < today:
        raise UsageError(_(
            "{where}: {day} is in the past; give the day you come back",
            where=_where(answers, RETURN, "--return"), day=return_date.isoformat()))
    if depart is not None and return_date is not None and return_date < depart:
        raise UsageError(_(
            "{where}: {back} is before the departure date {leave}",
            where=_where(answers, RETURN, "--return"), back=return_date.isoformat(), leave=depart.isoformat()))


def _where(answers: Answers, key: str, option: str) -> str:
    return option if answers.source(key) is Source.OPTION else key


def time_differences(trip: Trip) -> tuple[TimeDifference, ...]:
    """How far every time zone of the destination is from Korean time, on the trip's days.

    One entry per zone and distinct offset: a zone whose clocks change during the trip (daylight
    saving time) appears once per offset, in date order. Zones come most populous first.
    """
    from kakaoaudit.core import countries  # noqa: PLC0415

    days = trip.dates()
    found: list[TimeDifference] = []
    for zone in countries.get(trip.destination).zones:
        offsets = dict.fromkeys(offset_to_kst(zone, day) for day in days)
        found.extend(TimeDifference(zone, format_offset(offset)) for offset in offsets)
    return tuple(found)


def difference_of(trip: Trip) -> Msg | None:
    """The destination's time difference to Korea in words ("Taiwan is 1 hour behind Korea"), when the
    whole destination keeps one offset to Korea during the trip; None otherwise (see the travel plan)."""
    offsets = {entry.offset_to_kst for entry in time_differences(trip)}
    if len(offsets) != 1:
        return None
    offset = parse_offset(offsets.pop())
    return None if offset is None else versus_korea(country_label(trip.destination), offset)


def build_plan(
    checks: Sequence[type[Check]], answers: Answers, findings: Sequence[Finding], today: date
) -> TravelPlan | None:
    """The travel plan of the report, or None when there is no trip to assess."""
    trip = trip_of(answers, today)
    if not isinstance(trip, Trip):
        return None
    items: list[ChecklistItem] = []
    for check in checks:
        if not issubclass(check, TravelCheck):
            continue
        own = [f for f in findings if f.check_id == check.id]
        if not own or any(f.status is Status.ERROR for f in own):
            continue  # a check that failed to run has nothing reliable to put on the list
        items.extend(check().checklist(answers, trip, own))
    ordered = sorted(items, key=lambda item: PHASE_ORDER.index(item.phase))
    return TravelPlan(trip.destination, trip.depart, trip.return_date, time_differences(trip), tuple(ordered))


def attach_plan(report: Report, checks: Sequence[type[Check]], answers: Answers, today: date) -> Report:
    """`report` with its travel plan and, as a note, its travel readiness score (unchanged when there is
    no trip to assess)."""
    plan = build_plan(checks, answers, report.findings, today)
    if plan is None:
        return report
    score = readiness(report)
    notes = report.notes if score is None else (*report.notes, _(
        "Travel readiness: {score}/100 (the score of the category \"{category}\", kept apart from the account's "
        "score)", score=score,
        category=Category.TRAVEL.label))
    return dataclasses.replace(report, travel=plan, notes=notes)


def readiness(report: Report) -> int | None:
    """The travel readiness score: the report's score of the travel category (None when unscored)."""
    return next((c.score for c in report.categories if c.category is Category.TRAVEL), None)


def country_list(codes: Sequence[str]) -> Msg:
    """Several country names as one message: "Japan, South Korea" / 「日本、韓国」."""
    if not codes:
        raise ValueError("country_list needs at least one code")
    if len(codes) == 1:
        return country_label(codes[0])
    return _("{first}, {rest}", first=country_label(codes[0]), rest=country_list(codes[1:]))


def country_choice(codes: Sequence[str]) -> Msg:
    """Alternatives: "Taiwan, Japan or the United States" / 「台湾、日本またはアメリカ合衆国」."""
    if len(codes) <= 1:
        return country_list(codes)
    return _("{first} or {last}", first=country_list(codes[:-1]), last=country_label(codes[-1]))
