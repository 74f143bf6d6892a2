"""KA602 verification codes by text message abroad, KA603 ways to sign in without text messages.

Both read the SIM plan and roaming (ADVICE O1, O2, P3.3; KAKAO-FACTS K7, K8, K12). Each class docstring is
the check's documentation page.
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
    country_label,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

from .travel_shared import (  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared
    BACKUP_KIND,
    BACKUP_QUESTIONS,
    BACKUP_REACHABLE,
    K7_COUNTRY_LIST,
    K8_TWO_STEP,
    K12_REVERIFICATION,
    TRIP,
    TWO_STEP,
    TWO_STEP_QUESTIONS,
    TWO_STEP_ROUTE,
)

_ = translator(__name__)

SIM_PLAN = "travel.sim_plan"
ROAMING = "travel.roaming"
HOME_SIM, DUAL_SIM, LOCAL_SIM = "home_sim", "dual_sim", "local_sim"

PHONE_QUESTIONS: tuple[Question, ...] = (
    Question(
        SIM_PLAN,
        QType.CHOICE,
        _("Abroad, what happens to the SIM of the phone number registered with Kakao?"),
        help=kakao.CODES_BY_TEXT(),
        choices=(
            Choice(HOME_SIM, _("I keep my home SIM in the phone")),
            Choice(DUAL_SIM, _("I add an eSIM or second SIM for the trip and keep my home number active (dual SIM)")),
            Choice(LOCAL_SIM, _("I replace my home SIM with a local SIM")),
        ),
        allow_unknown=True,
        lookup=places.CARRIER,
        when=ON_TRIP,
        present=True,
    ),
    Question(
        ROAMING,
        QType.BOOL,
        _("Will international roaming be on for your home number, so that it receives text messages abroad?"),
        help=_("Ask your mobile carrier: some plans need roaming switched on, or an option booked, before you "
               "leave."),
        allow_unknown=True,
        lookup=places.CARRIER,
        when={**ON_TRIP, SIM_PLAN: (HOME_SIM, DUAL_SIM)},
        present=True,
    ),
)


def sms_reachable(answers: Answers) -> bool | None:
    """Whether text messages to the registered number will arrive abroad; None when not known."""
    plan = answers.get_text(SIM_PLAN)
    if plan == LOCAL_SIM:
        return False
    if plan in (HOME_SIM, DUAL_SIM):
        return answers.get_bool(ROAMING)
    return None


class CodesAbroad(TravelCheck):
    """The registered phone number will receive verification codes abroad (roaming on, home SIM kept).

    What it checks
        What happens to the SIM of the registered number abroad (``travel.sim_plan``: keep the home SIM,
        eSIM or dual SIM keeping the home number, or a local SIM replacing it) and whether roaming will be
        on for the home number (``travel.roaming``).

    Why
        Kakao asks for a code sent to the registered number on a new device, when the number is verified on
        another device or when device details change; according to a mirror of Kakao's FAQ (KAKAO-FACTS
        K12, "reportedly") codes do not arrive abroad without roaming, and too many code requests block
        them for 24 hours. A local SIM that replaces the home SIM therefore means no codes at all. Kakao's
        2-step verification also uses the contact phone number (K8). ADVICE O1, O2.

    Findings
        ``roaming-on`` (pass), ``roaming-off`` and ``local-sim`` (fail, high), ``sim-unknown`` and
        ``roaming-unknown`` (unknown). Checklist: roaming or eSIM now; abroad, no repeated code requests.

    Sources
        https://jairo777m.blogspot.com/2021/05/ios_01084061721.html (K12),
        https://cs.kakao.com/helps?service=52&category=561&locale=en (K8).
    """

    id = "KA602"
    title = _("Verification codes by text message abroad")
    weight = 20
    advice_ids = ()
    references = (K12_REVERIFICATION, K8_TWO_STEP)
    why = _("{reverify} {roaming}", reverify=kakao.REVERIFICATION(), roaming=kakao.CODES_NEED_ROAMING())
    fix = _("Keep the registered number able to receive text messages abroad: keep the home SIM or add an eSIM, and "
            "turn on roaming for it before you leave.")
    questions = TRIP + PHONE_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        plan = ctx.answers.get_text(SIM_PLAN)
        roaming = ctx.answers.get_bool(ROAMING)
        if plan is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure what happens to your home SIM abroad"),
                code="sim-unknown",
                detail=kakao.CODES_BY_TEXT(),
                advice=[_("Decide before you leave: keep the home SIM, or use an eSIM or dual SIM so that the home "
                          "number stays active.")],
            )
        elif plan == LOCAL_SIM:
            yield self.finding(
                Status.FAIL,
                _("Your home SIM will be out of the phone: Kakao's verification codes cannot reach you"),
                code="local-sim",
                severity=Severity.HIGH,
                detail=_("{codes} {reverify} Without the home SIM, you may not be able to sign in again until you "
                         "are home.", codes=kakao.CODES_BY_TEXT(), reverify=kakao.REVERIFICATION()),
                advice=[
                    _("Keep your home number active: a dual-SIM phone or an eSIM for the local line, with roaming "
                      "on for the home number."),
                    _("If you must swap the SIM, register a backup email you can read abroad (see KA603), and do not "
                      "change phones or reinstall KakaoTalk while abroad."),
                ],
            )
        elif roaming is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether roaming will be on for your home number"),
                code="roaming-unknown",
                detail=kakao.CODES_NEED_ROAMING(),
                advice=[_("Ask your mobile carrier whether your plan receives text messages in {country}.",
                          country=country_label(trip.destination))],
            )
        elif roaming:
            yield self.finding(
                Status.PASS,
                _("Roaming will be on for your home number"),
                code="roaming-on",
                detail=_("{roaming} With it on, codes can reach you wherever your carrier delivers text messages.",
                         roaming=kakao.CODES_NEED_ROAMING()),
            )
        else:
            yield self.finding(
                Status.FAIL,
                _("Roaming will be off for your home number"),
                code="roaming-off",
                severity=Severity.HIGH,
                detail=_("{roaming} {reverify} You could then not sign in.", roaming=kakao.CODES_NEED_ROAMING(),
                         reverify=kakao.REVERIFICATION()),
                advice=[_("Turn on international roaming for your home number before you leave (ask your mobile "
                          "carrier what it costs to receive text messages)."),
                        _("Also register a backup email address that you can read without your phone.")],
            )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        if answers.get_text(SIM_PLAN) == LOCAL_SIM:
            yield self.item(Phase.NOW, _("Keep your home number active abroad: a dual-SIM phone or an eSIM for the "
                                         "local line"))
        else:
            yield self.item(Phase.NOW, _("Make sure roaming is on for your home number, so that text messages "
                                         "reach it abroad"), done=sms_reachable(answers) is True)
        yield self.item(Phase.ABROAD, _("If a verification code fails to come, do not request it again and again. "
                                        "{blocked}", blocked=kakao.CODES_BLOCKED_24H()))


class SignInWithoutPhoneNumber(TravelCheck):
    """A way to receive codes without text messages: a readable backup email, 2-step through KakaoTalk.

    What it checks
        Whether a code can reach you without your phone: the account's backup contact (``contacts.backup.kind``,
        which is also the backup email of 2-step verification) when you can use it without the phone
        (``contacts.backup.reachable_without_phone``); and, with
        2-step verification on, whether its route (``security.two_step.route``) works abroad: a KakaoTalk
        message arrives over any internet connection, a text message only where the number receives texts
        (KA602's answers).

    Why
        Kakao advises a backup email for 2-step verification "just in case you lose access to your mobile
        phone" (KAKAO-FACTS K8, official), and a sign-in from a country that is not allowed can be approved
        by an email code (K7, reportedly). Abroad, text messages may not arrive (K12). ADVICE P3.3, O2.

    Findings
        ``email-route`` (pass), ``no-email-route`` (fail; high when texts will not arrive either),
        ``email-route-unknown`` (unknown); with 2-step on: ``two-step-kakaotalk`` and ``two-step-sms-ok``
        (pass), ``two-step-sms-abroad`` (warn), ``two-step-sms-unknown`` and ``two-step-route-unknown``
        (unknown); with 2-step off: ``two-step-off`` (warn, 0 of 5 points: turning it off never raises the
        travel score). Checklist: register a readable backup email now.

    Sources
        https://cs.kakao.com/helps?service=52&category=561&locale=en (K8),
        https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7).
    """

    id = "KA603"
    title = _("Sign-in routes that work abroad without text messages")
    weight = 15
    advice_ids = ("P3.3",)
    references = (K8_TWO_STEP, K7_COUNTRY_LIST)
    why = _("Abroad, text messages to your number may fail to reach you. {backup} {approval}",
            backup=kakao.TWO_STEP_BACKUP_EMAIL(), approval=kakao.COUNTRY_APPROVAL())
    fix = _("Register a backup email address that you can read on a computer or tablet without your phone, for 2-step "
            "verification too.")
    questions = TRIP + PHONE_QUESTIONS + TWO_STEP_QUESTIONS + BACKUP_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        answers = ctx.answers
        sms = sms_reachable(answers)
        email = email_route(answers)
        if email is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure you can receive a code by email without your phone"),
                code="email-route-unknown",
                detail=_("Look at the backup email of 2-step verification and the backup contact in your Kakao "
                         "Account settings."),
                advice=[_("Make sure a backup email address is registered and that you can read it without your "
                          "phone.")],
                max_points=10,
            )
        elif email:
            yield self.finding(
                Status.PASS,
                _("You can receive a code by email without your phone"),
                code="email-route",
                max_points=10,
            )
        else:
            registered = answers.get_text(BACKUP_KIND) in ("email", "both")
            yield self.finding(
                Status.FAIL,
                _("Your backup email cannot be read without your phone") if registered
                else _("No backup email is registered that you could read without your phone"),
                code="no-email-route",
                severity=Severity.HIGH if sms is False else Severity.MEDIUM,
                detail=_("If text messages do not reach you abroad, an email you can read elsewhere may be the only "
                         "way left to receive a code. {backup}", backup=kakao.TWO_STEP_BACKUP_EMAIL()),
                advice=[_("Before you leave, register a backup email address in the Kakao Account settings (for "
                          "2-step verification too), one you can open on a computer or tablet without your "
                          "phone.")],
                max_points=10,
            )
        two_step = answers.get_bool(TWO_STEP)
        # The route is detail: the quick check does not ask it.
        if two_step is True and answers.asked(TWO_STEP_ROUTE):
            yield self._two_step_finding(answers.get_text(TWO_STEP_ROUTE), sms)
        elif two_step is False:
            # Never left out when off: turning 2-step verification off must not raise the travel score.
            yield self.finding(
                Status.WARN,
                _("2-step verification is off: no second proof protects your sign-ins while you travel"),
                code="two-step-off",
                severity=Severity.LOW,
                detail=kakao.TWO_STEP_HOW(),
                advice=[_("Turn it on before you leave (see KA401), with a backup email you can read abroad.")],
                points=0,
                max_points=5,
            )

    def _two_step_finding(self, route: str | None, sms: bool | None) -> Finding:
        if route is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure how 2-step verification reaches you"),
                code="two-step-route-unknown",
                detail=_("This is shown on the 2-step verification screen of your Kakao Account settings."),
                max_points=5,
            )
        if route == "kakaotalk":
            return self.finding(
                Status.PASS,
                _("2-step verification comes as a KakaoTalk message, which works over any internet connection"),
                code="two-step-kakaotalk",
                max_points=5,
            )
        if sms is True:
            return self.finding(
                Status.PASS,
                _("2-step verification codes go to your phone number, with roaming on for it"),
                code="two-step-sms-ok",
                max_points=5,
            )
        if sms is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure 2-step verification codes will reach your phone number abroad"),
                code="two-step-sms-unknown",
                detail=kakao.CODES_NEED_ROAMING(),
                max_points=5,
            )
        return self.finding(
            Status.WARN,
            _("2-step verification codes go to your phone number, which will not receive them abroad"),
            code="two-step-sms-abroad",
            detail=_("Without roaming or with the home SIM out of the phone, a 2-step code cannot arrive."),
            advice=[_("Keep roaming on for your home number, and register the backup email of 2-step verification "
                      "before you leave.")],
            max_points=5,
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        yield self.item(Phase.NOW, _("Register a backup email address that you can read without your phone"),
                        done=email_route(answers) is True)


def email_route(answers: Answers) -> bool | None:
    """Whether a code can reach the user by the backup contact without the phone; None when the answers cannot
    tell. The backup contact is asked once (KA303), the backup email of 2-step verification included."""
    kind = answers.get_text(BACKUP_KIND)
    if kind in ("email", "both"):
        return answers.get_bool(BACKUP_REACHABLE)
    if kind in ("phone", "none"):
        return False
    return None
