"""The trip in the answers: when the travel checks run, collapse, or refuse the dates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from kakaoaudit.core.answers import Source
from kakaoaudit.core.errors import UsageError
from kakaoaudit.core.model import Status
from kakaoaudit.core.registry import discover
from kakaoaudit.travel.trip import (
    DEPART,
    DESTINATION,
    HOME_COUNTRY,
    PLANNED,
    RETURN,
    TravelCheck,
    Trip,
    TripProblem,
    active_checks,
    trip_of,
    validate_trip,
)

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("change", "code", "status"),
    [
        ({PLANNED: False}, "no-trip", Status.SKIPPED),
        ({PLANNED: None}, "no-trip", Status.SKIPPED),
        ({DESTINATION: None}, "no-destination", Status.UNKNOWN),
        ({DESTINATION: "JP"}, "home-country", Status.SKIPPED),
        ({HOME_COUNTRY: "KR", DESTINATION: "KR"}, "home-country", Status.SKIPPED),
        ({RETURN: date(2026, 12, 1)}, "dates-reversed", Status.UNKNOWN),
        ({DEPART: date(2026, 10, 1), RETURN: date(2026, 10, 9)}, "trip-over", Status.SKIPPED),
    ],
)
def test_no_trip_to_assess(travel: Any, change: dict[str, Any], code: str, status: Status) -> None:
    problem = trip_of(travel.answers(change), TODAY)
    assert isinstance(problem, TripProblem)
    assert (problem.code, problem.status) == (code, status)
    assert problem.title.render("ja") != problem.title.render("en")


@pytest.mark.parametrize(
    ("change", "days", "abroad"),
    [
        ({}, 15, False),
        ({HOME_COUNTRY: "KR", DESTINATION: "JP"}, 15, False),  # home Korea, to Japan
        ({DESTINATION: "KR"}, 15, False),  # home Japan, to Korea
        ({DEPART: date(2026, 11, 20)}, 45, True),  # already abroad: the audit still assesses it
        ({DEPART: "unknown", RETURN: "unknown"}, None, False),
        ({HOME_COUNTRY: None}, 15, False),
    ],
)
def test_trips_that_are_assessed(travel: Any, change: dict[str, Any], days: int | None, abroad: bool) -> None:
    trip = trip_of(travel.answers(change), TODAY)
    assert isinstance(trip, Trip)
    assert trip.days == days
    assert trip.abroad_now is abroad


def test_trip_dates_start_today_once_abroad_and_are_capped(travel: Any) -> None:
    trip = Trip("TW", "JP", date(2026, 11, 1), date(2026, 11, 30), TODAY)
    assert trip.dates() == [TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=2)]
    long = Trip("US", "JP", date(2027, 1, 1), date(2030, 1, 1), TODAY)
    assert len(long.dates()) == 366
    assert Trip("US", "JP", None, None, TODAY).dates() == [TODAY]
    assert Trip("US", "JP", date(2027, 1, 1), None, TODAY).dates() == [date(2027, 1, 1)]


def test_without_a_trip_only_the_first_travel_check_runs(travel: Any) -> None:
    checks = [loaded.check for loaded in discover().checks]
    travel_ids = [c.id for c in checks if issubclass(c, TravelCheck)]
    assert travel_ids == [f"KA60{n}" for n in range(1, 10)]
    kept = active_checks(checks, travel.answers({PLANNED: False}), TODAY)
    assert [c.id for c in kept if issubclass(c, TravelCheck)] == ["KA601"]
    assert [c.id for c in kept if not issubclass(c, TravelCheck)] == [c.id for c in checks if
                                                                       not issubclass(c, TravelCheck)]
    # A selection without KA601 keeps its own first travel check.
    later = [c for c in checks if c.id in ("KA401", "KA604", "KA605")]
    assert [c.id for c in active_checks(later, travel.answers({PLANNED: False}), TODAY)] == ["KA401", "KA604"]
    # With a trip, nothing is left out.
    assert active_checks(checks, travel.answers(), TODAY) == checks


def test_the_single_finding_without_a_trip(travel: Any) -> None:
    checks = [loaded.check for loaded in discover().checks if issubclass(loaded.check, TravelCheck)]
    for check in checks:
        found = travel.run(check, {PLANNED: False})
        assert [(f.code, f.status) for f in found] == [("no-trip", Status.SKIPPED)]
        assert "kakaoaudit travel --to COUNTRY" in found[0].detail.render("en")


@pytest.mark.parametrize(
    ("change", "sources", "message"),
    [
        ({DEPART: date(2026, 11, 27)}, {DEPART: Source.OPTION}, "--depart: 2026-11-27 is in the past"),
        ({DEPART: date(2026, 11, 27)}, {DEPART: Source.FILE}, "travel.depart: 2026-11-27 is in the past"),
        ({DEPART: None, RETURN: date(2026, 11, 1)}, {RETURN: Source.OPTION}, "--return: 2026-11-01 is in the past"),
        ({RETURN: date(2026, 12, 19)}, {RETURN: Source.OPTION},
         "--return: 2026-12-19 is before the departure date 2026-12-20"),
        ({DESTINATION: "JP"}, {DESTINATION: Source.OPTION}, "--to: Japan is your home country"),
        ({HOME_COUNTRY: "KR", DESTINATION: "KR"}, {DESTINATION: Source.PROMPT},
         "travel.destination: South Korea is your home country"),
    ],
)
def test_strict_validation_of_the_travel_command(travel: Any, change: dict[str, Any], sources: dict[str, Source],
                                                 message: str) -> None:
    values = travel.answers(change)
    answers = type(values)(dict(values), sources)
    with pytest.raises(UsageError) as raised:
        validate_trip(answers, TODAY)
    text = str(raised.value)
    assert text.startswith(message), text
    assert "\n" not in text


@pytest.mark.parametrize(
    "change",
    [
        {},
        {DEPART: TODAY, RETURN: TODAY},  # a day trip today
        {DEPART: "unknown", RETURN: "unknown"},
        {DESTINATION: "KR"},
        {HOME_COUNTRY: "KR", DESTINATION: "JP"},
    ],
)
def test_strict_validation_accepts_a_trip_ahead(travel: Any, change: dict[str, Any]) -> None:
    validate_trip(travel.answers(change), TODAY)
