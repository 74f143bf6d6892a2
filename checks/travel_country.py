"""KA601 the destination among the allowed countries of login restriction by country (ADVICE O1; K7).

The class docstring is the check's documentation page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kakaoaudit.api import (
    Answers,
    ChecklistItem,
    Context,
    Finding,
    Phase,
    Severity,
    Status,
    TravelCheck,
    Trip,
    country_label,
    country_list,
    translator,
)

from .travel_shared import (  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared
    ALLOWED_COUNTRIES,
    COUNTRY_RESTRICTION,
    K6_PROTECTIVE_MEASURE,
    K7_COUNTRY_LIST,
    MAX_ALLOWED_COUNTRIES,
    RESTRICTION_QUESTIONS,
    RESTRICTION_WHERE,
    TRIP,
)

_ = translator(__name__)



class CountryLoginList(TravelCheck):
    """The destination is among the allowed countries of login restriction by country, with room for it.

    What it checks
        When login restriction by country (국가별 로그인 제한) is on, whether the trip's destination is among
        the allowed countries (``security.country_restriction.countries``) before you leave, and whether the
        list has room for it. Your home country (``profile.home_country``) is never proposed for removal.

    Why
        From Kakao's FAQ as mirrored on a blog (KAKAO-FACTS K7, so "reportedly"): the main country is
        registered automatically, a traveller adds a country, at most 3 countries can be allowed and unused
        ones should be deleted; a sign-in from a country that is not allowed must be approved by a
        KakaoTalk message or an email code, otherwise through customer service — slow from abroad. Kakao
        advises the restriction itself (K6). A login from an unusual country is one of the triggers of
        restrictions abroad the article names (ADVICE O1). No threshold other than the 3-country limit.

    Findings
        ``restriction-off`` (pass: nothing blocks the trip), ``destination-allowed`` (pass),
        ``destination-missing`` (fail, high), ``list-full`` (fail, high: names the countries that could be
        removed), ``restriction-unknown`` and ``list-unknown`` (unknown). Checklist: add the country now,
        remove it after the return.

    Sources
        https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7),
        https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52 (K6).
    """

    id = "KA601"
    title = _("Destination among the allowed countries")
    weight = 20
    advice_ids = ("O1",)
    references = (K7_COUNTRY_LIST, K6_PROTECTIVE_MEASURE)
    why = _(
        "With login restriction by country on, a sign-in from a country that is not allowed reportedly needs an "
        "extra approval, or help from customer service, which is hard to get quickly from abroad."
    )
    fix = _("Before you leave, add the destination to the allowed countries of login restriction by country (make "
            "room first when the list is full), and remove it after you return.")
    questions = TRIP + RESTRICTION_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        answers = ctx.answers
        country = country_label(trip.destination)
        enabled = answers.get_bool(COUNTRY_RESTRICTION)
        if enabled is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether login restriction by country is on"),
                code="restriction-unknown",
                detail=_("You can see it in {where}", where=RESTRICTION_WHERE),
                advice=[_("Look it up before you leave; if it is on, add {country} to the allowed countries.",
                          country=country)],
            )
            return
        if not enabled:
            yield self.finding(
                Status.PASS,
                _("Login restriction by country is off: it does not block sign-ins from {country}", country=country),
                code="restriction-off",
                detail=_("Kakao recommends the restriction to protect the account; if you turn it on, list "
                         "{country} for the trip.", country=country),
            )
            return
        listed = answers.get_list(ALLOWED_COUNTRIES)
        if not listed:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure which countries are allowed"),
                code="list-unknown",
                detail=_("You can see it in {where}", where=RESTRICTION_WHERE),
                advice=[_("Open the setting and add {country} if it is missing.", country=country)],
            )
            return
        if trip.destination in listed:
            yield self.finding(
                Status.PASS,
                _("{country} is among your allowed countries", country=country),
                code="destination-allowed",
            )
            return
        removable = _removable(listed, trip.home)
        if len(listed) >= MAX_ALLOWED_COUNTRIES and removable:
            yield self.finding(
                Status.FAIL,
                _("{country} is not among your allowed countries, and the list is full", country=country),
                code="list-full",
                severity=Severity.HIGH,
                detail=_("The list reportedly holds at most {limit} countries. A sign-in from {country} would "
                         "need an extra approval by a KakaoTalk message or an email code, or else customer "
                         "service.", limit=MAX_ALLOWED_COUNTRIES, country=country),
                advice=[
                    _("Before you leave, remove one of {countries} from the allowed countries and add {country}: "
                      "{where}", countries=country_list(removable), country=country, where=RESTRICTION_WHERE),
                    _("After you return, remove {country} and add back what you removed if you still need it.",
                      country=country),
                ],
            )
            return
        yield self.finding(
            Status.FAIL,
            _("{country} is not among your allowed countries", country=country),
            code="destination-missing",
            severity=Severity.HIGH,
            detail=_("A sign-in from a country that is not listed reportedly needs an extra approval by a KakaoTalk "
                     "message or an email code, or else customer service, which is slow to reach from abroad."),
            advice=[
                _("Before you leave, add {country} to the allowed countries: {where}", country=country,
                  where=RESTRICTION_WHERE),
                _("After you return, remove {country} again: Kakao's FAQ reportedly advises deleting countries "
                  "you no longer use.", country=country),
            ],
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        country = country_label(trip.destination)
        codes = {finding.code for finding in findings}
        if "restriction-off" in codes:
            return
        if codes & {"restriction-unknown", "list-unknown"}:
            yield self.item(Phase.NOW, _("Check the allowed countries of login restriction by country, and add "
                                         "{country} if it is missing", country=country))
        elif "list-full" in codes:
            removable = _removable(answers.get_list(ALLOWED_COUNTRIES), trip.home)
            yield self.item(Phase.NOW, _("Make room among the allowed countries (remove one of {countries}), "
                                         "then add {country}", countries=country_list(removable), country=country))
        else:
            yield self.item(Phase.NOW, _("Add {country} to the allowed countries of login restriction by country",
                                         country=country), done="destination-allowed" in codes)
        yield self.item(Phase.AFTER_RETURN, _("Remove {country} from the allowed countries unless you go back "
                                              "soon", country=country))


def _removable(listed: Sequence[str], home: str | None) -> list[str]:
    """The listed countries that could make room: all but the home country."""
    return [code for code in listed if code != home]
