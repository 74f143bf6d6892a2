"""KA403 Login restriction by country: on, and its list of allowed countries current.

`profile.home_country` is declared here as well as in checks/contacts.py (KA301): the same id, type
and default, so that KA403 runs on its own (``--only KA403``) and the engine still asks it once.
"""

from __future__ import annotations

from collections.abc import Iterable

from kakaoaudit.api import (
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

_ = translator(__name__)

HOME_COUNTRY = "profile.home_country"
DEFAULT_HOME = "JP"

ENABLED = "security.country_restriction.enabled"
COUNTRIES = "security.country_restriction.countries"

#: The most countries that can be allowed at once (reportedly, KAKAO-FACTS K7).
MAX_COUNTRIES = 3

K6_URL = "https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52"
K7_URL = "https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html"

_WHERE = _("KakaoTalk > Settings (gear icon) > Privacy/Security > Kakao Account > Country login restriction, or on "
           "the web accounts.kakao.com > Account security (reportedly these are the menu names)")


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
        return f"{country_name(code, lang)} ({code})"
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
        message or an email code, otherwise through customer service. ADVICE P2.1.

    Findings
        ``country-restriction-on`` (pass), ``country-restriction-off`` (warn),
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
    advice_ids = ("P2.1",)
    references = (K6_URL, K7_URL)
    why = _(
        "With login restriction by country, a sign-in from a country you did not allow needs your approval, so "
        "a leaked password alone is not enough from abroad. Kakao recommends it together with 2-step "
        "verification."
    )
    fix = _("Turn on login restriction by country, keep your home country allowed, and delete countries you no "
            "longer travel to.")
    questions = (
        HOME_COUNTRY_QUESTION,
        Question(
            ENABLED,
            QType.BOOL,
            _("Is login restriction by country turned on for your Kakao account?"),
            help=_("You can see it in {where}", where=_WHERE),
            allow_unknown=True,
            present=True,
        ),
        Question(
            COUNTRIES,
            QType.COUNTRIES,
            _("Which countries are allowed in that setting? (for example: JP, KR)"),
            help=_("Codes or names, separated by commas, as listed in the setting."),
            allow_unknown=True,
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
                detail=_("You can see it in {where}", where=_WHERE),
                advice=[_("Look it up, and turn it on if it is off.")],
                max_points=10,
            )
            return
        if not enabled:
            yield self.finding(
                Status.WARN,
                _("Login restriction by country is off"),
                code="country-restriction-off",
                severity=Severity.MEDIUM,
                detail=_("Anyone with your password can try to sign in from any country. Kakao recommends this "
                         "setting together with 2-step verification against abnormal logins, which can lead to "
                         "a protective measure on the account."),
                advice=[
                    _("Turn it on: {where}", where=_WHERE),
                    _("Reportedly, a sign-in from a country that is not allowed is then approved through a "
                      "KakaoTalk message or a code sent by email, so keep your registered email usable."),
                ],
                max_points=10,
            )
            return
        yield self.finding(
            Status.PASS,
            _("Login restriction by country is on"),
            code="country-restriction-on",
            max_points=10,
        )
        if COUNTRIES in answers:
            yield from self._list_findings(answers.get_list(COUNTRIES), home_region(answers), ctx.lang)

    def _list_findings(self, allowed: tuple[str, ...], home: str, lang: str) -> Iterable[Finding]:
        if not allowed:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure which countries are allowed"),
                code="country-list-unknown",
                detail=_("You can see them in {where}", where=_WHERE),
                advice=[_("Look at the list, and remove countries you no longer travel to.")],
                references=(K7_URL,),
                max_points=5,
            )
            return
        names = ", ".join(country_label(code, lang) for code in allowed)
        others = [code for code in allowed if code != home]
        if home not in allowed:
            yield self.finding(
                Status.WARN,
                _("Your home country {country} is not among the allowed countries ({countries})",
                  country=country_label(home, lang), countries=names),
                code="country-list-home-missing",
                severity=Severity.MEDIUM,
                detail=_("Reportedly the main country is allowed automatically, so either the list or your home "
                         "country answer is not what it should be. Without it, every sign-in at home needs an "
                         "extra approval."),
                advice=[_("Check the list in the setting, and add your home country if it is missing: {where}",
                          where=_WHERE)],
                references=(K7_URL,),
                max_points=5,
            )
        if len(allowed) > MAX_COUNTRIES:
            yield self.finding(
                Status.WARN,
                _("You listed {count} allowed countries ({countries})", count=len(allowed), countries=names),
                code="country-list-too-many",
                severity=Severity.LOW,
                detail=_("Reportedly at most {limit} countries can be allowed, so this does not match the setting.",
                         limit=MAX_COUNTRIES),
                advice=[_("Look at the list again in the setting, and remove countries you no longer travel to.")],
                references=(K7_URL,),
                max_points=5,
            )
        elif others:
            yield self.finding(
                Status.WARN,
                _("Other countries than your home country are allowed: {countries}",
                  countries=", ".join(country_label(code, lang) for code in others)),
                code="country-list-extra",
                severity=Severity.LOW,
                detail=_("Reportedly, from an allowed country the password alone is enough to sign in, without "
                         "the extra check, and Kakao's FAQ asks you to delete countries you are no longer active "
                         "in."),
                advice=[_("Keep a country only while you travel there, and delete it after you return: {where}",
                          where=_WHERE)],
                references=(K7_URL,),
                max_points=5,
            )
        elif home in allowed:
            yield self.finding(
                Status.PASS,
                _("Only your home country {country} is allowed", country=country_label(home, lang)),
                code="country-list-ok",
                references=(K7_URL,),
                max_points=5,
            )
