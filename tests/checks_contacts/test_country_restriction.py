"""KA403 login restriction by country."""

from __future__ import annotations

from typing import Any

import pytest

from kakaoaudit.api import Status
from kakaoaudit.checks.country_restriction import COUNTRIES, ENABLED, HOME_COUNTRY, CountryRestriction


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({ENABLED: False}, {"country-restriction-off": Status.WARN}),
        ({ENABLED: "unknown"}, {"country-restriction-unknown": Status.UNKNOWN}),
        ({ENABLED: True, COUNTRIES: ["JP"]}, {"country-restriction-on": Status.PASS, "country-list-ok": Status.PASS}),
        ({ENABLED: True, COUNTRIES: "日本"}, {"country-restriction-on": Status.PASS, "country-list-ok": Status.PASS}),
        (
            {ENABLED: True, COUNTRIES: ["JP", "US"]},
            {"country-restriction-on": Status.PASS, "country-list-extra": Status.WARN},
        ),
        (
            {ENABLED: True, COUNTRIES: "JP, KR, US, TW"},
            {"country-restriction-on": Status.PASS, "country-list-too-many": Status.WARN},
        ),
        (
            {ENABLED: True, COUNTRIES: ["KR", "US"]},
            {"country-restriction-on": Status.PASS, "country-list-home-missing": Status.WARN,
             "country-list-extra": Status.WARN},
        ),
        (
            {HOME_COUNTRY: "Korea", ENABLED: True, COUNTRIES: ["KR"]},
            {"country-restriction-on": Status.PASS, "country-list-ok": Status.PASS},
        ),
        ({ENABLED: True, COUNTRIES: "unknown"}, {"country-restriction-on": Status.PASS,
                                                  "country-list-unknown": Status.UNKNOWN}),
        ({ENABLED: True, COUNTRIES: []}, {"country-restriction-on": Status.PASS,
                                          "country-list-unknown": Status.UNKNOWN}),
        ({ENABLED: True}, {"country-restriction-on": Status.PASS}),  # list not asked (--only, a plugin run)
    ],
)
def test_country_restriction(run_check: Any, raw: dict[str, Any], expected: dict[str, Status]) -> None:
    findings = run_check(CountryRestriction, raw)
    assert {f.code: f.status for f in findings} == expected
    for finding in findings:
        if finding.status is not Status.PASS:
            assert finding.advice, finding.code


def test_the_country_names_are_in_the_audits_language(run_check: Any) -> None:
    findings = {f.code: f for f in run_check(CountryRestriction, {ENABLED: True, COUNTRIES: ["JP", "KR"]},
                                              lang="ja")}
    assert "韓国（KR）" in findings["country-list-extra"].title.render("ja")


@pytest.mark.parametrize("raw", [["Atlantis"], "JP; KR", [1, 2], {"JP": True}])
def test_bad_country_lists_are_refused_by_the_question(run_check: Any, raw: Any) -> None:
    from kakaoaudit.core.questions import AnswerValueError

    with pytest.raises(AnswerValueError):
        run_check(CountryRestriction, {ENABLED: True, COUNTRIES: raw})


def test_the_list_is_asked_only_when_on() -> None:
    countries = next(q for q in CountryRestriction.questions if q.id == COUNTRIES)
    assert countries.applies({ENABLED: True}) is True
    assert countries.applies({ENABLED: False}) is False
    assert countries.applies({ENABLED: "unknown"}) is False
