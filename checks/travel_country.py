"""KA601 the destination among the allowed countries of login restriction by country (ADVICE O1; K7).

The class docstring is the check's documentation page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kakaoaudit.api import (
    FACTS,
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
from kakaoaudit.api import claims as kakao

from .travel_shared import (  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared
    ALLOWED_COUNTRIES,
    COUNTRY_RESTRICTION,
    K6_PROTECTIVE_MEASURE,
    K7_COUNTRY_LIST,
    MAX_ALLOWED_COUNTRIES,
    RESTRICTION_QUESTIONS,
    TRIP,
)

_ = translator(__name__)

#: Points of the destination's readiness: allowed already; not allowed, with room to add it; no room.
ALLOWED_POINTS, ADDABLE_POINTS, FULL_POINTS = 20, 10, 0


class CountryLoginList(TravelCheck):
    """Login restriction by country set up for the trip: on, and the destination allowed or addable.

    What it checks
        Whether login restriction by country (국가별 로그인 제한) is on, and then whether the trip's
        destination is among the allowed countries (``security.country_restriction.countries``), or can
        still be added (the list reportedly holds at most 3 countries). Your home country
        (``profile.home_country``) is never proposed for removal.

    Why
        From Kakao's FAQ as mirrored on a blog (KAKAO-FACTS K7, so "reportedly"): the main country is
        registered automatically, a traveller adds a country at the extra-verification screen, at most 3
        countries can be allowed and unused ones should be deleted; a sign-in from a country that is not
        allowed must be approved by a KakaoTalk message or an email code, otherwise through customer
        service, which is slow from abroad. Kakao advises the restriction itself (K6). A login from an
        unusual country is one of the triggers the article names (ADVICE O1).

    Scoring
        Destination allowed: 20; not allowed but the list has room: 10 (an approval at the first sign-in);
        the list full: 0. The restriction off also scores 0: it then protects nothing during the trip, and
        turning it off must never raise the travel score. "I don't know" leaves the check out.

    Findings
        ``destination-allowed`` (pass), ``destination-missing`` (warn), ``list-full`` (fail, high: names the
        countries that could be removed), ``restriction-off`` (warn, 0 points), ``restriction-unknown`` and
        ``list-unknown`` (unknown). Checklist: be ready for the approval, make room, delete the country after
        the return.

    Sources
        https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7),
        https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52 (K6).
    """

    id = "KA601"
    title = _("Login restriction by country, set for the trip")
    weight = 20
    advice_ids = ("O1",)
    references = (K7_COUNTRY_LIST, K6_PROTECTIVE_MEASURE, *FACTS["K18"].sources)
    why = _("{approval} {added}", approval=kakao.COUNTRY_APPROVAL(), added=kakao.COUNTRY_ADDED_ABROAD())
    fix = _("Keep login restriction by country on, be ready to approve your first sign-in from the destination (or "
            "make room in a full list before you leave), and delete the country after you return.")
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
                detail=kakao.COUNTRY_PATH(),
                advice=[_("Look it up before you leave, and which countries it allows.")],
            )
            return
        if not enabled:
            yield self.finding(
                Status.WARN,
                _("Login restriction by country is off: it does not protect the account while you travel"),
                code="restriction-off",
                severity=Severity.MEDIUM,
                detail=_("{advises} {covers}", advises=kakao.ADVISES_TWO_STEP_AND_COUNTRY(),
                         covers=kakao.COUNTRY_COVERS()),
                advice=[_("Consider turning it on before you leave (see KA403), and keep your registered email usable "
                          "abroad so that you can approve your own sign-ins. {where}", where=kakao.COUNTRY_PATH())],
                points=0,
            )
            return
        listed = answers.get_list(ALLOWED_COUNTRIES)
        if not listed:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure which countries are allowed"),
                code="list-unknown",
                detail=kakao.COUNTRY_PATH(),
                advice=[_("Open the setting and look whether {country} is there.", country=country)],
            )
            return
        if trip.destination in listed:
            yield self.finding(
                Status.PASS,
                _("{country} is among your allowed countries", country=country),
                code="destination-allowed",
                points=ALLOWED_POINTS,
            )
            return
        removable = _removable(listed, trip.home)
        if len(listed) >= MAX_ALLOWED_COUNTRIES and removable:
            yield self.finding(
                Status.FAIL,
                _("{country} is not among your allowed countries, and the list is full", country=country),
                code="list-full",
                severity=Severity.HIGH,
                detail=_("{limit} {approval}", limit=kakao.COUNTRY_LIMIT(limit=MAX_ALLOWED_COUNTRIES),
                         approval=kakao.COUNTRY_APPROVAL()),
                advice=[
                    _("Before you leave, delete one of {countries} from the allowed countries, so that {country} "
                      "can be added. {where}", countries=country_list(removable), country=country,
                      where=kakao.COUNTRY_PATH()),
                    _("After you return, delete {country} and add back what you removed if you still need it.",
                      country=country),
                ],
                points=FULL_POINTS,
            )
            return
        yield self.finding(
            Status.WARN,
            _("{country} is not among your allowed countries yet", country=country),
            code="destination-missing",
            severity=Severity.MEDIUM,
            detail=_("{approval} {added}", approval=kakao.COUNTRY_APPROVAL(), added=kakao.COUNTRY_ADDED_ABROAD()),
            advice=[
                _("Before you leave, make sure you can approve that first sign-in: KakaoTalk on another signed-in "
                  "device, or the registered email readable abroad (see KA603)."),
                _("After you return, delete {country} again. {delete}", country=country,
                  delete=kakao.COUNTRY_DELETE_UNUSED()),
            ],
            points=ADDABLE_POINTS,
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        country = country_label(trip.destination)
        codes = {finding.code for finding in findings}
        if "restriction-off" in codes:
            return
        if codes & {"restriction-unknown", "list-unknown"}:
            yield self.item(Phase.NOW, _("Look whether login restriction by country is on, and whether {country} is "
                                         "among its allowed countries", country=country))
        elif "list-full" in codes:
            removable = _removable(answers.get_list(ALLOWED_COUNTRIES), trip.home)
            yield self.item(Phase.NOW, _("Make room among the allowed countries (delete one of {countries})",
                                         countries=country_list(removable)))
        elif "destination-missing" in codes:
            yield self.item(Phase.NOW, _("Be ready to approve your first sign-in from {country}: KakaoTalk on another "
                                         "device, or the registered email readable abroad", country=country))
        else:
            yield self.item(Phase.NOW, _("Keep {country} among the allowed countries of login restriction by country",
                                         country=country), done=True)
        yield self.item(Phase.AFTER_RETURN, _("Delete {country} from the allowed countries unless you go back soon",
                                              country=country))


def _removable(listed: Sequence[str], home: str | None) -> list[str]:
    """The listed countries that could make room: all but the home country."""
    return [code for code in listed if code != home]
