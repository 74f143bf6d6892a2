"""KA604 VPN abroad, KA605 public Wi-Fi at airports and hotels (ADVICE O1; KAKAO-FACTS K17, K1, K7).

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
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

from .travel_shared import (  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared
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
        lookup=places.VPN_APP,
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


#: Points of a VPN plan: none; one located in the country you are in or at home; one elsewhere. Using a VPN never
#: earns full points: the connection through it can itself trigger Kakao's detection (K17).
NO_VPN_POINTS, NEAR_VPN_POINTS, FAR_VPN_POINTS = 15, 8, 3
#: Points of an internet plan abroad: mobile data; public Wi-Fi with a VPN; public Wi-Fi as it is.
MOBILE_POINTS, WIFI_VPN_POINTS, WIFI_POINTS = 10, 6, 3


def safe_exits(answers: Answers, trip: Trip) -> list[str]:
    """Where a VPN's server may best be, if one is used: the country you are in and your home country. (Other
    allowed countries of login restriction by country are not proposed: KA403 asks to delete them.)"""
    codes = [trip.destination]
    if trip.home is not None:
        codes.append(trip.home)
    return list(dict.fromkeys(codes))


class VpnExitCountry(TravelCheck):
    """A VPN abroad: best none for KakaoTalk; if one is used, located in the country you are in or at home.

    What it checks
        Whether a VPN will be on abroad (``travel.vpn.used``) and the country of its server
        (``travel.vpn.exit_country``), against where you will be and your home country.

    Why
        The article names a VPN connection itself among the triggers of Kakao's fraud detection abroad, as
        well as access from an unusual country (ADVICE O1; KAKAO-FACTS K17): no source says that only the
        VPN's location matters. So no VPN plan earns full points; one located where you are or at home at
        least avoids a sign-in from a third country. With login restriction by country on, a sign-in from a
        country that is not allowed also needs an approval (K7, reportedly).

    Scoring
        No VPN: 15; a VPN located where you are or at home: 8; elsewhere: 3. A VPN whose location you do not
        know: 0 of the 7 points only "no VPN" earns, its location left out (so that "I don't know" never
        scores above a known location).

    Findings
        ``no-vpn`` (pass), ``vpn-exit-near`` (warn), ``vpn-exit-foreign`` (warn; high when the restriction is
        on), ``vpn-unknown`` and ``vpn-exit-unknown`` (unknown; the latter with ``vpn-used``, warn). Checklist:
        the VPN's location now, back after the return.

    Sources
        The article (ADVICE O1); https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7).
    """

    id = "KA604"
    title = _("VPN abroad")
    weight = 15
    advice_ids = ("O1",)
    references = (K7_COUNTRY_LIST, K1_PROTECTION)
    why = _("{vpn} {country}", vpn=kakao.VPN_TRIGGER(), country=kakao.UNUSUAL_COUNTRY())
    fix = _("For KakaoTalk, prefer mobile data without a VPN; if you use one, set its location to the country you are "
            "in or your home country.")
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
                detail=_("Some phones and security apps turn a VPN on by themselves. {vpn}", vpn=kakao.VPN_TRIGGER()),
                advice=[_("Look at the VPN settings of your phone before you leave; if one is on, set its location "
                          "to {countries}.", countries=country_choice(safe))],
            )
            return
        if not used:
            yield self.finding(Status.PASS, _("No VPN: KakaoTalk connects from where you are"), code="no-vpn",
                               points=NO_VPN_POINTS)
            return
        exit_country = answers.get_text(VPN_EXIT)
        private = _("Turn the VPN off for KakaoTalk where your connection is your own (mobile data, your own pocket "
                    "Wi-Fi).")
        if exit_country is None:
            # Two parts: the points only "no VPN" earns are known to be lost; the location's are left out.
            yield self.finding(
                Status.WARN,
                _("You will use a VPN abroad"),
                code="vpn-used",
                severity=Severity.LOW,
                advice=[private],
                points=0,
                max_points=NO_VPN_POINTS - NEAR_VPN_POINTS,
            )
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure in which country your VPN's server is"),
                code="vpn-exit-unknown",
                detail=_("KakaoTalk seems to connect from the country of the VPN's server. {vpn}",
                         vpn=kakao.VPN_TRIGGER()),
                advice=[_("Choose the location yourself in the VPN app: {countries}.", countries=country_choice(safe))],
                max_points=NEAR_VPN_POINTS,
            )
            return
        where = country_label(exit_country)
        if exit_country in safe:
            yield self.finding(
                Status.WARN,
                _("You will use a VPN abroad, located in {country}", country=where),
                code="vpn-exit-near",
                severity=Severity.LOW,
                detail=_("{vpn} Its location, where you are or at home, at least avoids a sign-in from a third "
                         "country.", vpn=kakao.VPN_TRIGGER()),
                advice=[private],
                points=NEAR_VPN_POINTS,
            )
            return
        restricted = answers.get_bool(COUNTRY_RESTRICTION) is True
        detail = _("KakaoTalk will seem to connect from {country}. {vpn} {unusual}", country=where,
                   vpn=kakao.VPN_TRIGGER(), unusual=kakao.UNUSUAL_COUNTRY())
        if restricted:
            detail = _("{detail} {approval}", detail=detail, approval=kakao.COUNTRY_APPROVAL())
        yield self.finding(
            Status.WARN,
            _("Your VPN's server is in {country}: neither where you will be nor your home country", country=where),
            code="vpn-exit-foreign",
            severity=Severity.HIGH if restricted else Severity.MEDIUM,
            detail=detail,
            advice=[_("Set the VPN's location to {countries}.", countries=country_choice(safe)), private],
            points=FAR_VPN_POINTS,
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        safe = country_choice(safe_exits(answers, trip))
        if answers.get_bool(VPN_USED) is True:
            exit_country = answers.get_text(VPN_EXIT)
            yield self.item(Phase.NOW, _("Set your VPN's location to {countries}, and turn it off for KakaoTalk on "
                                         "mobile data", countries=safe),
                            done=any(f.code == "vpn-exit-near" for f in findings))
            if exit_country is not None and exit_country != trip.home:
                home = trip.home or exit_country
                yield self.item(Phase.AFTER_RETURN, _("Set your VPN's location back to {country}, or turn it off",
                                                      country=country_label(home)))
        else:
            yield self.item(Phase.ABROAD, _("If you turn on a VPN abroad, choose a location in {countries}. {vpn}",
                                            countries=safe, vpn=kakao.VPN_TRIGGER()))


class PublicWifi(TravelCheck):
    """A plan for the internet abroad: mobile data rather than airport and hotel Wi-Fi.

    What it checks
        How you will connect abroad (``travel.public_wifi_plan``): mostly mobile data or your own pocket
        Wi-Fi, public Wi-Fi only with a VPN, or public Wi-Fi as it is.

    Why
        The article names airport and hotel public Wi-Fi, and VPN connections, among the triggers of
        Kakao's fraud detection abroad (ADVICE O1; KAKAO-FACTS K17); public Wi-Fi is also shared with
        strangers. A VPN protects what you send over it, but does not take away the detection risk, which
        it can add to: so mobile data is best, public Wi-Fi with a VPN next, public Wi-Fi as it is last.
        After the trip, looking at the login history is Kakao's advice against misuse (K9).

    Scoring
        Mobile data or your own pocket Wi-Fi: 10; public Wi-Fi with a VPN: 6; as it is: 3. Public Wi-Fi
        "only with a VPN on" next to the answer "no VPN abroad" is not scored until you say which holds:
        scoring either reading would make a sure answer count for less than "I don't know".

    Findings
        ``mobile-data`` (pass), ``wifi-with-vpn`` (warn), ``public-wifi`` (warn), ``wifi-unknown`` and
        ``wifi-vpn-conflict`` (unknown). Checklist: no sign-in over public Wi-Fi abroad; the login history
        after the return.

    Sources
        The article (ADVICE O1); https://cs.kakao.com/helps_html/1073185993?locale=en (K9).
    """

    id = "KA605"
    title = _("Public Wi-Fi at airports and hotels")
    weight = 10
    advice_ids = ("O1",)
    references = (K9_COMPROMISE,)
    why = _("{wifi} Strangers share the network, too.", wifi=kakao.WIFI_TRIGGER())
    fix = _("Use mobile data or a pocket Wi-Fi for KakaoTalk; on public Wi-Fi a VPN protects what you send, but "
            "sign in again or change your password only on your own connection.")
    questions = TRIP + VPN_QUESTIONS + WIFI_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        plan = ctx.answers.get_text(WIFI_PLAN)
        vpn = ctx.answers.get_bool(VPN_USED)
        never_here = _("Do not sign in again, change your password or verify your account over public Wi-Fi.")
        mobile_first = _("Use mobile data or a pocket Wi-Fi for KakaoTalk where you can.")
        if plan is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure how you will connect to the internet abroad"),
                code="wifi-unknown",
                advice=[_("Plan it before you leave: mobile data or a pocket Wi-Fi for KakaoTalk.")],
            )
        elif plan == MOBILE_DATA:
            yield self.finding(Status.PASS, _("You will mostly use mobile data or your own pocket Wi-Fi"),
                               code="mobile-data", points=MOBILE_POINTS)
        elif plan == WIFI_WITH_VPN and vpn is False:
            yield self.finding(
                Status.UNKNOWN,
                _("Your answers disagree: no VPN abroad, but public Wi-Fi only with a VPN on"),
                code="wifi-vpn-conflict",
                detail=_("Until you say which is true, your plan for public Wi-Fi is not scored. {wifi}",
                         wifi=kakao.WIFI_TRIGGER()),
                advice=[_("Answer the two questions again before you leave: kakaoaudit travel --ask-again."),
                        mobile_first, never_here],
            )
        elif plan == WIFI_WITH_VPN:
            yield self.finding(
                Status.WARN,
                _("On public Wi-Fi you will turn on a VPN"),
                code="wifi-with-vpn",
                severity=Severity.LOW,
                detail=_("The VPN protects what you send over a network shared with strangers. On the other hand: "
                         "{wifi} {vpn}", wifi=kakao.WIFI_TRIGGER(), vpn=kakao.VPN_TRIGGER()),
                advice=[mobile_first, never_here],
                points=WIFI_VPN_POINTS,
            )
        else:
            yield self.finding(
                Status.WARN,
                _("You will use public Wi-Fi at airports and hotels as it is"),
                code="public-wifi",
                detail=_("Strangers share the network. {wifi}", wifi=kakao.WIFI_TRIGGER()),
                advice=[
                    mobile_first,
                    _("If you must use public Wi-Fi, a VPN located in {country} or your home country protects what "
                      "you send. On the other hand: {vpn}",
                      country=country_label(trip.destination), vpn=kakao.VPN_TRIGGER()),
                    never_here,
                ],
                points=WIFI_POINTS,
            )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        yield self.item(Phase.ABROAD, _("Use mobile data rather than airport and hotel Wi-Fi, and do not sign in again "
                                        "or change your password on public Wi-Fi"),
                        done=any(f.code == "mobile-data" for f in findings))
        yield self.item(Phase.AFTER_RETURN, _("Look at the login history in your Kakao Account settings and log out "
                                              "devices you do not recognise"))
