"""KA403 Login restriction by country: on, and its list of allowed countries current.

`profile.home_country` is declared here as well as in checks/contacts.py (KA301): the same id, type
and default, so that KA403 runs on its own (``--only KA403``) and the engine still asks it once.
"""

from __future__ import annotations

from collections.abc import Iterable

from kakaoaudit.api import (
    FACTS,
    Answers,
    Category,
    Check,
    Context,
    Finding,
    QType,
    Question,
    Severity,
    Status,
    country_name,
    infer_home_country,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

_ = translator(__name__)

HOME_COUNTRY = "profile.home_country"
DEFAULT_HOME = "JP"

ENABLED = "security.country_restriction.enabled"
COUNTRIES = "security.country_restriction.countries"
#: The trip's answers, read when present (a full audit): the destination of a planned trip is a country in use.
TRIP_PLANNED = "travel.planned"
TRIP_DESTINATION = "travel.destination"

#: The most countries that can be allowed at once (reportedly, KAKAO-FACTS K7).
MAX_COUNTRIES = 3

K6_URL = FACTS["K6"].sources[0]
K7_URL = FACTS["K7"].sources[0]

#: Points of the parts: the restriction on, and its list of allowed countries.
ON_POINTS, LIST_POINTS = 10, 5

_WHERE = kakao.COUNTRY_PATH()


HOME_COUNTRY_QUESTION = Question(
    HOME_COUNTRY,
    QType.COUNTRY,
    _("Which country do you live in (the country of your phone number)?"),
    help=_("A country code such as JP or KR, or a name such as Japan."),
    default=DEFAULT_HOME,
    infer=infer_home_country,
    infer_from=("contacts.phone",),
)


def home_region(answers: Answers) -> str:
    """The home country's code, else Japan."""
    return answers.get_text(HOME_COUNTRY) or DEFAULT_HOME


def country_label(code: str, lang: str) -> str:
    """The country's name in `lang` with its code, e.g. "Japan (JP)"; the code alone if unknown."""
    try:
        return _("{name} ({code})", name=country_name(code, lang), code=code).render(lang)
    except KeyError:
        return code


class CountryRestriction(Check):
    """Login restriction by country is on, with your home country allowed and no unused countries.

    What it checks
        Whether the Kakao account's login restriction by country (국가별 로그인 제한) is on, and, when it
        is, the allowed countries you see in that setting: your home country should be on it, at most 3
        countries can be (more means the answer does not match the setting), and countries you no longer
        travel to should be removed.

    Why
        Kakao advises 2-step verification and login restriction by country against abnormal logins, which
        can lead to the account's protective measure (KAKAO-FACTS K6). From Kakao's FAQ, as mirrored on a
        blog (K7, so "reportedly"): the main country is registered automatically, a traveller adds a
        country at the extra-verification screen, at most 3 countries can be allowed, and unused ones
        should be deleted; a login from a country that is not allowed must be approved by a KakaoTalk
        message or an email code, otherwise through customer service. The menu path is a blog's (K18).

    Scoring
        Two parts: the restriction on (10) and its list (5). Off scores 5 of both parts' 15 points, less
        than any state of the restriction on; "I don't know" leaves a part out.

    Findings
        ``country-restriction-on`` (pass), ``country-restriction-off`` (warn, 5 of 15 points),
        ``country-restriction-unknown``; when on: ``country-list-ok`` (pass), ``country-list-too-many``
        (warn), ``country-list-extra`` (warn, low), ``country-list-home-missing`` (warn),
        ``country-list-unknown`` (unknown).

    Sources
        https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52 (K6),
        https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7, blog mirror of Kakao's FAQ).
    """

    id = "KA403"
    title = _("Login restriction by country")
    category = Category.SECURITY
    weight = 5
    advice_ids = ()
    references = (K6_URL, K7_URL, *FACTS["K18"].sources)
    why = _("{advises} {approval}", advises=kakao.ADVISES_TWO_STEP_AND_COUNTRY(), approval=kakao.COUNTRY_APPROVAL())
    fix = _("Turn on login restriction by country, keep your home country allowed, and delete countries you no "
            "longer travel to.")
    questions = (
        HOME_COUNTRY_QUESTION,
        Question(
            ENABLED,
            QType.BOOL,
            _("Is login restriction by country turned on for your Kakao account?"),
            help=_WHERE,
            allow_unknown=True,
            lookup=places.COUNTRY_RESTRICTION,
            present=True,
        ),
        Question(
            COUNTRIES,
            QType.COUNTRIES,
            _("Which countries are allowed in that setting? (for example: JP, KR)"),
            help=_("Codes or names, separated by commas, as listed in the setting."),
            allow_unknown=True,
            lookup=places.COUNTRY_RESTRICTION,
            when={ENABLED: True},
            present=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        enabled = answers.get_bool(ENABLED)
        if enabled is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether login restriction by country is on"),
                code="country-restriction-unknown",
                detail=_WHERE,
                advice=[_("Look it up, and turn it on if it is off.")],
                max_points=ON_POINTS,
            )
            return
        if not enabled:
            yield self.finding(
                Status.WARN,
                _("Login restriction by country is off"),
                code="country-restriction-off",
                severity=Severity.MEDIUM,
                detail=_("{advises} {approval}", advises=kakao.ADVISES_TWO_STEP_AND_COUNTRY(),
                         approval=kakao.COUNTRY_APPROVAL()),
                advice=[
                    _("Turn it on in the Kakao Account settings. {where}", where=_WHERE),
                    _("Keep your registered email usable, so that you can approve your own sign-ins from abroad."),
                ],
                # Less than any state of the restriction on: both parts count, with a third of their points.
                points=LIST_POINTS,
                max_points=ON_POINTS + LIST_POINTS,
            )
            return
        yield self.finding(
            Status.PASS,
            _("Login restriction by country is on"),
            code="country-restriction-on",
            max_points=ON_POINTS,
        )
        if COUNTRIES in answers:
            trip = answers.get_text(TRIP_DESTINATION) if answers.get_bool(TRIP_PLANNED) else None
            yield from self._list_findings(answers.get_list(COUNTRIES), home_region(answers), trip, ctx.lang)

    def _list_findings(self, allowed: tuple[str, ...], home: str, trip: str | None, lang: str) -> Iterable[Finding]:
        if not allowed:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure which countries are allowed"),
                code="country-list-unknown",
                detail=_WHERE,
                advice=[_("Look at the list, and remove countries you no longer travel to.")],
                max_points=LIST_POINTS,
            )
            return
        names = _(", ").render(lang).join(country_label(code, lang) for code in allowed)
        # The destination of a planned trip is in use: never proposed for removal before the trip (KA601 asks
        # to delete it after the return).
        others = [code for code in allowed if code not in (home, trip)]
        if home not in allowed:
            yield self.finding(
                Status.WARN,
                _("Your home country {country} is not among the allowed countries ({countries})",
                  country=country_label(home, lang), countries=names),
                code="country-list-home-missing",
                severity=Severity.MEDIUM,
                detail=_("{automatic} So either the list or your home country answer is not what it should be. "
                         "{covers}", automatic=kakao.COUNTRY_MAIN_AUTOMATIC(), covers=kakao.COUNTRY_COVERS()),
                advice=[_("Check the list in the setting, and add your home country if it is missing. {where}",
                          where=_WHERE)],
                max_points=LIST_POINTS,
            )
        if len(allowed) > MAX_COUNTRIES:
            yield self.finding(
                Status.WARN,
                _("You listed {count} allowed countries ({countries})", count=len(allowed), countries=names),
                code="country-list-too-many",
                severity=Severity.LOW,
                detail=_("{limit} So this may not match the setting.",
                         limit=kakao.COUNTRY_LIMIT(limit=MAX_COUNTRIES)),
                advice=[_("Look at the list again in the setting, and remove countries you no longer travel to.")],
                max_points=LIST_POINTS,
            )
        elif others:
            yield self.finding(
                Status.WARN,
                _("Other countries than your home country are allowed: {countries}",
                  countries=_(", ").render(lang).join(country_label(code, lang) for code in others)),
                code="country-list-extra",
                severity=Severity.LOW,
                detail=_("{covers} {delete}", covers=kakao.COUNTRY_COVERS(), delete=kakao.COUNTRY_DELETE_UNUSED()),
                advice=[_("Keep a country only while you travel there, and delete it after you return. {where}",
                          where=_WHERE)],
                max_points=LIST_POINTS,
            )
        elif home in allowed and trip in allowed:
            yield self.finding(
                Status.PASS,
                _("Only your home country {country} and {destination}, for your trip, are allowed",
                  country=country_label(home, lang), destination=country_label(trip, lang)),
                code="country-list-ok",
                advice=[_("Delete {destination} after you return.", destination=country_label(trip, lang))],
                max_points=LIST_POINTS,
            )
        elif home in allowed:
            yield self.finding(
                Status.PASS,
                _("Only your home country {country} is allowed", country=country_label(home, lang)),
                code="country-list-ok",
                max_points=LIST_POINTS,
            )
