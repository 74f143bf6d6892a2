"""KA604 VPN location, KA605 public Wi-Fi at airports and hotels (ADVICE O1; KAKAO-FACTS K1, K7, K9).

Each class docstring is the check's documentation page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kakaoaudit.api import (
    ON_TRIP,
    Answers,
    ChecklistItem,
    Choice,
    Context,
    Finding,
    Phase,
    QType,
    Question,
    Severity,
    Status,
    TravelCheck,
    Trip,
    country_choice,
    country_label,
    translator,
)

from .travel_shared import (  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared
    ALLOWED_COUNTRIES,
    COUNTRY_RESTRICTION,
    K1_PROTECTION,
    K7_COUNTRY_LIST,
    K9_COMPROMISE,
    RESTRICTION_QUESTIONS,
    TRIP,
)

_ = translator(__name__)

VPN_USED = "travel.vpn.used"
VPN_EXIT = "travel.vpn.exit_country"
WIFI_PLAN = "travel.public_wifi_plan"
MOBILE_DATA, WIFI_WITH_VPN, PUBLIC_WIFI = "mobile_data", "vpn", "public"

VPN_QUESTIONS: tuple[Question, ...] = (
    Question(
        VPN_USED,
        QType.BOOL,
        _("Will you use a VPN on your phone or computer while abroad?"),
        help=_("A VPN app sends your connection through a server in a country you choose; KakaoTalk then seems "
               "to connect from that country."),
        allow_unknown=True,
        when=ON_TRIP,
        present=True,
    ),
    Question(
        VPN_EXIT,
        QType.COUNTRY,
        _("In which country will the VPN's server (its location) be?"),
        help=_("The location chosen in the VPN app, such as JP. Answer unknown if the app chooses it by itself."),
        allow_unknown=True,
        when={**ON_TRIP, VPN_USED: True},
        present=True,
    ),
)

WIFI_QUESTIONS: tuple[Question, ...] = (
    Question(
        WIFI_PLAN,
        QType.CHOICE,
        _("How will you connect to the internet abroad?"),
        choices=(
            Choice(MOBILE_DATA, _("Mostly mobile data (roaming, an eSIM or a local SIM) or my own pocket Wi-Fi")),
            Choice(WIFI_WITH_VPN, _("Also public Wi-Fi at airports and hotels, but only with a VPN on")),
            Choice(PUBLIC_WIFI, _("Public Wi-Fi at airports, hotels and cafés as it is")),
        ),
        allow_unknown=True,
        when=ON_TRIP,
        present=True,
    ),
)


def safe_exits(answers: Answers, trip: Trip) -> list[str]:
    """Countries a VPN may exit in without looking like an unusual country: where you are, your home
    country, and the allowed countries of login restriction by country (when it is on)."""
    codes = [trip.destination]
    if trip.home is not None:
        codes.append(trip.home)
    if answers.get_bool(COUNTRY_RESTRICTION):
        codes.extend(answers.get_list(ALLOWED_COUNTRIES))
    return list(dict.fromkeys(codes))


class VpnExitCountry(TravelCheck):
    """A VPN, if used, exits in the country you are in, your home country or an allowed country.

    What it checks
        Whether a VPN will be on abroad (``travel.vpn.used``) and the country of its server
        (``travel.vpn.exit_country``), against where you will be, your home country and, when login
        restriction by country is on, its allowed countries.

    Why
        The article lists access from an unusual country's IP address and VPN connections among the causes
        of restrictions abroad (ADVICE O1; worded "reportedly": Kakao does not publish its rules); Kakao's
        help names "an environment similar to abusers'" as a trigger of its user protection measures
        (KAKAO-FACTS K1), and with the restriction on, a sign-in from a country that is not allowed needs an
        extra approval (K7). The advice covers both sides: a VPN protects you on public Wi-Fi, yet a server
        in a third country makes KakaoTalk connect from there — keep the VPN, with the right location.

    Findings
        ``no-vpn`` and ``vpn-exit-ok`` (pass), ``vpn-exit-foreign`` (warn; high when the restriction is on),
        ``vpn-unknown`` and ``vpn-exit-unknown`` (unknown). Checklist: set the location now, set it back
        after the return.

    Sources
        https://cs.kakao.com/helps?articleId=1073200212&service=8&category=702&device=2631&locale=en (K1),
        https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7).
    """

    id = "KA604"
    title = _("VPN location")
    weight = 15
    advice_ids = ("O1",)
    references = (K1_PROTECTION, K7_COUNTRY_LIST)
    why = _(
        "A VPN makes KakaoTalk connect from the country of its server. A sign-in from a country you are not in "
        "and do not usually use can reportedly trigger Kakao's detection of unusual access."
    )
    fix = _("Set the VPN's location to the country you are in, your home country or an allowed country, and keep "
            "using the VPN on public Wi-Fi.")
    questions = TRIP + RESTRICTION_QUESTIONS + VPN_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        answers = ctx.answers
        used = answers.get_bool(VPN_USED)
        safe = safe_exits(answers, trip)
        if used is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether you will use a VPN abroad"),
                code="vpn-unknown",
                detail=_("Some phones and security apps turn a VPN on by themselves."),
                advice=[_("Look at the VPN settings of your phone before you leave; if one is on, set its location "
                          "to {countries}.", countries=country_choice(safe))],
            )
            return
        if not used:
            yield self.finding(Status.PASS, _("No VPN: KakaoTalk connects from where you are"), code="no-vpn")
            return
        exit_country = answers.get_text(VPN_EXIT)
        if exit_country is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure in which country your VPN's server is"),
                code="vpn-exit-unknown",
                detail=_("KakaoTalk seems to connect from the country of the VPN's server."),
                advice=[_("Choose the location yourself in the VPN app: {countries}.", countries=country_choice(safe))],
            )
            return
        where = country_label(exit_country)
        if exit_country in safe:
            yield self.finding(
                Status.PASS,
                _("Your VPN's server is in {country}, a country you use anyway", country=where),
                code="vpn-exit-ok",
            )
            return
        blocked = answers.get_bool(COUNTRY_RESTRICTION) is True
        yield self.finding(
            Status.WARN,
            _("Your VPN's server is in {country}: neither where you will be nor a country you usually use",
              country=where),
            code="vpn-exit-foreign",
            severity=Severity.HIGH if blocked else Severity.MEDIUM,
            detail=_("KakaoTalk will seem to connect from {country}. Access from an unusual country can reportedly "
                     "trigger Kakao's detection; with login restriction by country on, the sign-in also needs an "
                     "extra approval.", country=where),
            advice=[
                _("Set the VPN's location to {countries}.", countries=country_choice(safe)),
                _("Keep using the VPN on public Wi-Fi: it protects your connection there. Only its location "
                  "matters for Kakao."),
            ],
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        safe = country_choice(safe_exits(answers, trip))
        if answers.get_bool(VPN_USED) is True:
            exit_country = answers.get_text(VPN_EXIT)
            yield self.item(Phase.NOW, _("Set your VPN's location to {countries}", countries=safe),
                            done=any(f.code == "vpn-exit-ok" for f in findings))
            if exit_country is not None and exit_country != trip.home:
                home = trip.home or exit_country
                yield self.item(Phase.AFTER_RETURN, _("Set your VPN's location back to {country}, or turn it off",
                                                      country=country_label(home)))
        else:
            yield self.item(Phase.ABROAD, _("If you turn on a VPN abroad (it protects you on public Wi-Fi), choose "
                                            "a location in {countries}", countries=safe))


class PublicWifi(TravelCheck):
    """A plan for the internet abroad that avoids signing in over open airport and hotel Wi-Fi.

    What it checks
        How you will connect abroad (``travel.public_wifi_plan``): mostly mobile data or your own pocket
        Wi-Fi, public Wi-Fi only with a VPN, or public Wi-Fi as it is.

    Why
        Airport and hotel public Wi-Fi is one of the triggers of restrictions abroad the article names
        (ADVICE O1, "reportedly"); the network is shared with strangers. After the trip, looking at the
        login history and logging out unknown sessions is Kakao's advice against misuse (KAKAO-FACTS K9).

    Findings
        ``mobile-data`` and ``wifi-with-vpn`` (pass), ``public-wifi`` (warn; also when a VPN is planned for
        public Wi-Fi but KA604's answer says no VPN), ``wifi-unknown`` (unknown). Checklist: no sign-in over
        open Wi-Fi abroad; the login history after the return.

    Sources
        https://cs.kakao.com/helps?articleId=1073200212&service=8&category=702&device=2631&locale=en (K1),
        https://cs.kakao.com/helps_html/1073185993?locale=en (K9).
    """

    id = "KA605"
    title = _("Public Wi-Fi at airports and hotels")
    weight = 10
    advice_ids = ("O1",)
    references = (K1_PROTECTION, K9_COMPROMISE)
    why = _(
        "Airport and hotel Wi-Fi is shared with strangers, and signing in through it can reportedly trigger "
        "Kakao's detection of unusual access."
    )
    fix = _("Use mobile data or a pocket Wi-Fi for KakaoTalk, public Wi-Fi only with a VPN, and never sign in again "
            "or change your password over open Wi-Fi.")
    questions = TRIP + VPN_QUESTIONS + WIFI_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        plan = ctx.answers.get_text(WIFI_PLAN)
        vpn = ctx.answers.get_bool(VPN_USED)
        if plan is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure how you will connect to the internet abroad"),
                code="wifi-unknown",
                advice=[_("Plan it before you leave: mobile data or a pocket Wi-Fi for KakaoTalk, public Wi-Fi only "
                          "with a VPN.")],
            )
        elif plan == MOBILE_DATA:
            yield self.finding(Status.PASS, _("You will mostly use mobile data or your own pocket Wi-Fi"),
                               code="mobile-data")
        elif plan == WIFI_WITH_VPN and vpn is not False:
            yield self.finding(Status.PASS, _("On public Wi-Fi you will turn on a VPN"), code="wifi-with-vpn")
        else:
            detail = _("Signing in over shared airport and hotel Wi-Fi can reportedly trigger Kakao's detection, "
                       "and strangers share the network.")
            if plan == WIFI_WITH_VPN:
                detail = _("You plan to use public Wi-Fi with a VPN, but answered that you will not use a VPN.")
            yield self.finding(
                Status.WARN,
                _("You will use public Wi-Fi at airports and hotels without protection"),
                code="public-wifi",
                detail=detail,
                advice=[
                    _("Use mobile data or a pocket Wi-Fi for KakaoTalk where you can."),
                    _("On public Wi-Fi, turn on a VPN located in {country} or your home country.",
                      country=country_label(trip.destination)),
                    _("Do not sign in again, change your password or verify your account over public Wi-Fi."),
                ],
            )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        yield self.item(Phase.ABROAD, _("On airport and hotel Wi-Fi, use mobile data or a VPN instead, and do not "
                                        "sign in again or change your password there"),
                        done=any(f.code in ("mobile-data", "wifi-with-vpn") for f in findings))
        yield self.item(Phase.AFTER_RETURN, _("Look at the login history in your Kakao Account settings and log out "
                                              "devices you do not recognise"))
