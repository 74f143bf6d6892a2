"""KA501-KA506 usage habits that can trigger a restriction (ADVICE P1.1-P1.4, Q3; KAKAO-FACTS K1-K3, K5).

Kakao's systems restrict an account by themselves when its use looks like spam or abuse: sending
more than a set number of messages (K3), adding many friends or creating or joining many chats in a
short time, PC emulators, unverifiable foreign virtual numbers and many reports by other users (K1).
Kakao publishes no numbers for any of these, so these checks never name a "safe" amount: they ask
whether the behaviour happened and explain what it risks, with practical alternatives.

Questions are few and answerable without looking anything up: one "what happened in the last month"
list shared by KA501-KA503 and KA505, one about the set-up (KA504), one about earlier restrictions
with a follow-up about their reasons (KA505), and one about the terms of use (KA506).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from kakaoaudit.api import (
    FACTS,
    Answers,
    Category,
    Check,
    Choice,
    Context,
    Finding,
    Msg,
    QType,
    Question,
    Severity,
    Status,
    translator,
)
from kakaoaudit.api import claims as kakao

_ = translator(__name__)

#: K1: user protection measures, their triggers and effects (official help).
PROTECTION_URL = FACTS["K1"].sources[0]
#: K2: Kakao does not lift the measures by hand; repeats extend them (official help).
NO_MANUAL_LIFT_URL = FACTS["K2"].sources[0]
#: K3: sending more than a set, unpublished number of messages triggers limits (official help).
SENDING_LIMIT_URL = FACTS["K3"].sources[0]
#: K5: service restrictions for policy violations (official help).
SERVICE_RESTRICTION_URL = FACTS["K5"].sources[0]
#: K10: KakaoTalk for PC/Mac and its security code (official page).
PC_APP_URL = FACTS["K10"].sources[0]
HELP_CENTRE_URL = FACTS["K14"].sources[0]

ACTIVITY = "conduct.recent_activity"
RESTRICTED = "conduct.restricted_before"
REASONS = "conduct.restriction_reasons"
TERMS = "conduct.terms_read"

NONE = "none"
#: The items of the activity question that KA504 reads (the others are KA501-KA503's and KA505's).
ENVIRONMENT_ITEMS = frozenset({"emulator", "virtual_number"})

ACTIVITY_QUESTION = Question(
    ACTIVITY,
    QType.MULTI,
    _("Do any of these apply to your KakaoTalk, in the last month or now? (choose all that apply)"),
    help=_("No source says how many counts as 'many'. Answer for what felt like a lot compared with your "
           "usual use, including announcements to a club, school or work group. An emulator runs phone apps on a "
           "computer (for example BlueStacks or Nox). KakaoTalk for PC/Mac, Kakao's own computer app, is not an "
           "emulator."),
    choices=(
        Choice("same_message", _("I sent the same message to many people or groups (for example an announcement)")),
        Choice("many_messages", _("I sent very many messages in a short time")),
        Choice("group_invites", _("I invited many people to group chats at once")),
        Choice("promo_links", _("I posted advertising or referral links in many chats")),
        Choice("many_friends", _("I added many friends in a short time")),
        Choice("many_chats", _("I created or joined many chat rooms or open chats in a short time")),
        Choice("reported", _("Kakao or another user told me that I was reported")),
        # KA504's set-up, asked here to save a question: a state of today rather than an event.
        Choice("emulator", _("I use the phone version of KakaoTalk on a computer through an emulator")),
        Choice("virtual_number", _("The account's phone number is a virtual or internet number from another "
                                   "country, obtained through an app or a website")),
        Choice(NONE, _("None of these")),
    ),
    allow_unknown=True,
    # Nothing ticked is "I don't know": "none of these" has its own item, so no box left unticked reads as a no.
    empty_is_unknown=True,
    present=True,
)

_NOT_ANSWERED = _("This question was not answered, so the check could not tell.")
_UNSURE = _("You answered \"I don't know\".")
_NO_NUMBERS = kakao.NO_SAFE_AMOUNT()


def selected(answers: Answers, key: str) -> frozenset[str] | None:
    """The choices picked in a multi-choice answer ("none" left out); None when unknown or unanswered."""
    if key not in answers or answers.is_unknown(key):
        return None
    return frozenset(answers.get_list(key)) - {NONE}


def unknown_reason(answers: Answers, key: str) -> Msg:
    """Why an answer is missing: "I don't know", or not answered at all."""
    return _UNSURE if answers.is_unknown(key) else _NOT_ANSWERED


class SendingVolume(Check):
    """Many messages in a short time, or the same message to many people or groups.

    Kakao's help says that sending more than a set number of messages to individuals or to a group
    triggers a limit, whatever the content (KAKAO-FACTS K3, official help); the number is not
    published, so the check names none. The article adds that event announcements and group
    messages can trigger it even when meant well (ADVICE P1.1), and advises messaging the people who
    need it at a sensible frequency (P1.3).

    Findings: `sending-ok` (pass), `bulk-sending` (warn) when the user sent the same message to many
    people or very many messages recently; an answer of "unknown" gives `sending-unknown`.
    """

    id = "KA501"
    title = _("Sending many messages or the same message to many people")
    category = Category.CONDUCT
    weight = 10
    advice_ids = ("P1.1", "P1.3")
    references = (SENDING_LIMIT_URL,)
    why = kakao.SENDING_LIMIT()
    fix = _("Spread your messages over time and send each one only to the people who need it. For an announcement, "
            "post it once in a group chat people joined themselves, or use a channel meant for announcements.")
    questions = (ACTIVITY_QUESTION,)

    def run(self, ctx: Context) -> Iterable[Finding]:
        picked = selected(ctx.answers, ACTIVITY)
        if picked is None:
            yield self.finding(
                Status.UNKNOWN,
                _("We could not tell whether you sent many messages recently"),
                code="sending-unknown",
                detail=unknown_reason(ctx.answers, ACTIVITY),
                advice=[_("Think back over the last month: did you send an announcement or the same message to "
                          "many people? Then answer again.")],
            )
            return
        if picked & {"same_message", "many_messages"}:
            yield self.finding(
                Status.WARN,
                _("You recently sent many messages, or the same message to many people"),
                code="bulk-sending",
                severity=Severity.MEDIUM,
                detail=_("{limit} {meant_well}", limit=kakao.SENDING_LIMIT(), meant_well=kakao.SPAM_MEANT_WELL()),
                advice=[
                    _("Spread your messages over time instead of sending them all at once."),
                    _("Send a message only to the people who need it, and not the same text to everyone."),
                    _("For an announcement to many people, post it once in a group chat they joined themselves, "
                      "or use a channel meant for announcements (a mailing list, a website or a notice board)."),
                ],
            )
            return
        yield self.finding(Status.PASS, _("No bulk sending in the last month"), code="sending-ok")


class InvitesAndLinks(Check):
    """Mass invitations to group chats and advertising links posted in many chats.

    The article warns that inviting many people to groups or posting promotional links
    excessively can be judged as spam even when unintended (ADVICE P1.2). Kakao sanctions breaches
    of its operation policy with service restrictions, whose route is the in-app notice or customer
    service (KAKAO-FACTS K5), and counts messages regardless of content (K3).

    Findings: `invites-links-ok` (pass), `mass-invites` and `promo-links` (warn); "unknown" gives
    `invites-links-unknown`.
    """

    id = "KA502"
    title = _("Mass group invitations and advertising links")
    category = Category.CONDUCT
    weight = 8
    advice_ids = ("P1.2",)
    references = (SERVICE_RESTRICTION_URL, SENDING_LIMIT_URL)
    why = kakao.INVITES_AS_SPAM()
    fix = _("Invite only people who expect it, a few at a time, or share the group chat's invitation link so that "
            "they join themselves; post a link only where people asked for it, once.")
    questions = (ACTIVITY_QUESTION,)

    def run(self, ctx: Context) -> Iterable[Finding]:
        picked = selected(ctx.answers, ACTIVITY)
        if picked is None:
            yield self.finding(
                Status.UNKNOWN,
                _("We could not tell whether you sent mass invitations or links recently"),
                code="invites-links-unknown",
                detail=unknown_reason(ctx.answers, ACTIVITY),
                advice=[_("Think back over the last month and answer again.")],
            )
            return
        if not picked & {"group_invites", "promo_links"}:
            yield self.finding(Status.PASS, _("No mass invitations or advertising links in the last month"),
                               code="invites-links-ok")
            return
        if "group_invites" in picked:
            yield self.finding(
                Status.WARN,
                _("You recently invited many people to group chats at once"),
                code="mass-invites",
                detail=_("{spam} {sanction}", spam=kakao.INVITES_AS_SPAM(), sanction=kakao.POLICY_SANCTION()),
                advice=[
                    _("Invite only people who expect it, a few at a time."),
                    _("Share a group chat's invitation link with the people who want to join, so that they join "
                      "themselves."),
                ],
                max_points=5,
            )
        if "promo_links" in picked:
            yield self.finding(
                Status.WARN,
                _("You recently posted advertising or referral links in many chats"),
                code="promo-links",
                detail=_("{spam} {sanction}", spam=kakao.INVITES_AS_SPAM(), sanction=kakao.POLICY_SANCTION()),
                advice=[
                    _("Post a link only where people asked for it, once, not in every chat."),
                    _("For advertising, use a channel meant for it rather than personal and group chats."),
                ],
                max_points=5,
            )


class AddingQuickly(Check):
    """Many friends added, or many chat rooms and open chats created or joined, in a short time.

    Kakao's help lists these among the triggers of its user protection measures (이용자보호조치):
    many friends added in a short time, many chat rooms or open chats created, abnormally frequent
    open-chat joining. While a measure applies, new chats, adding friends and friend search may not
    work; it usually lifts automatically "within several weeks" (KAKAO-FACTS K1), and Kakao does not
    lift it by hand (K2). No number is published. ADVICE P1.3 (a sensible pace).

    Findings: `adding-ok` (pass), `many-friends` and `many-chats` (warn); "unknown" gives
    `adding-unknown`.
    """

    id = "KA503"
    title = _("Adding many friends or chats in a short time")
    category = Category.CONDUCT
    weight = 8
    advice_ids = ()
    references = (PROTECTION_URL, NO_MANUAL_LIFT_URL)
    why = _("{friends} {effects}", friends=kakao.TRIGGER_FRIENDS(), effects=kakao.PROTECTION_EFFECTS())
    fix = _("Add friends and create or join chats gradually, only the ones you need. If a measure already blocks "
            "you, wait. {lifts}", lifts=kakao.PROTECTION_LIFTS())
    questions = (ACTIVITY_QUESTION,)

    _EFFECT = _("{effects} {lifts}", effects=kakao.PROTECTION_EFFECTS(), lifts=kakao.PROTECTION_LIFTS())

    def run(self, ctx: Context) -> Iterable[Finding]:
        picked = selected(ctx.answers, ACTIVITY)
        if picked is None:
            yield self.finding(
                Status.UNKNOWN,
                _("We could not tell whether you added many friends or chats recently"),
                code="adding-unknown",
                detail=unknown_reason(ctx.answers, ACTIVITY),
                advice=[_("Think back over the last month and answer again.")],
            )
            return
        if not picked & {"many_friends", "many_chats"}:
            yield self.finding(Status.PASS, _("No burst of new friends or chats in the last month"), code="adding-ok")
            return
        if "many_friends" in picked:
            yield self.finding(
                Status.WARN,
                _("You recently added many friends in a short time"),
                code="many-friends",
                detail=_("{trigger} {effect} {no_numbers}", trigger=kakao.TRIGGER_FRIENDS(), effect=self._EFFECT,
                         no_numbers=_NO_NUMBERS),
                advice=[
                    _("Add friends gradually, and only people you actually know."),
                    _("If adding friends is already blocked, wait for the measure to end."),
                ],
                max_points=5,
            )
        if "many_chats" in picked:
            yield self.finding(
                Status.WARN,
                _("You recently created or joined many chat rooms or open chats"),
                code="many-chats",
                detail=_("{trigger} {effect} {no_numbers}", trigger=kakao.TRIGGER_CHATS(), effect=self._EFFECT,
                         no_numbers=_NO_NUMBERS),
                advice=[
                    _("Join only the open chats you will really use, one at a time, and leave the ones you do "
                      "not need."),
                    _("Before creating a new group chat, check whether an existing one can be used."),
                ],
                max_points=5,
            )


class Environment(Check):
    """The phone app in a PC emulator, or an account on a foreign virtual phone number.

    Kakao's help lists PC emulators, unverifiable foreign virtual phone numbers and "an environment
    similar to abusers'" among the triggers of its user protection measures (KAKAO-FACTS K1).
    KakaoTalk for PC/Mac is Kakao's own computer app (K10) and is not an emulator. No ADVICE item
    names this; it belongs with the article's conduct advice in spirit, and is scored in its own
    right.

    Findings: `environment-ok` (pass), `pc-emulator` and `virtual-number` (fail, high); "unknown"
    gives `environment-unknown`.
    """

    id = "KA504"
    title = _("PC emulators and foreign virtual phone numbers")
    category = Category.CONDUCT
    weight = 10
    references = (PROTECTION_URL, PC_APP_URL)
    why = _("{emulator} {virtual}", emulator=kakao.TRIGGER_EMULATOR(), virtual=kakao.TRIGGER_VIRTUAL_NUMBER())
    fix = _("Use KakaoTalk for PC/Mac, Kakao's own computer app, instead of an emulator, and register a mobile "
            "phone number of your own, from a mobile carrier, on the account.")
    questions = (
        ACTIVITY_QUESTION,
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        activity = selected(ctx.answers, ACTIVITY)
        if activity is None:
            yield self.finding(
                Status.UNKNOWN,
                _("We could not tell whether you use an emulator or a virtual phone number"),
                code="environment-unknown",
                detail=unknown_reason(ctx.answers, ACTIVITY),
                advice=[_("If you are not sure what kind of number the account uses, look at the phone number in "
                          "KakaoTalk's settings and ask whoever set it up.")],
            )
            return
        picked = activity & ENVIRONMENT_ITEMS
        if not picked:
            yield self.finding(Status.PASS, _("No emulator and no foreign virtual number"), code="environment-ok")
            return
        if "emulator" in picked:
            yield self.finding(
                Status.FAIL,
                _("You use KakaoTalk's phone app on a computer through an emulator"),
                code="pc-emulator",
                severity=Severity.HIGH,
                detail=_("{trigger} {effects}", trigger=kakao.TRIGGER_EMULATOR(), effects=kakao.PROTECTION_EFFECTS()),
                advice=[
                    _("Use KakaoTalk for PC/Mac, Kakao's own computer app, instead of the phone version in an "
                      "emulator."),
                    kakao.PC_CODE(),
                ],
                max_points=5,
            )
        if "virtual_number" in picked:
            yield self.finding(
                Status.FAIL,
                _("Your account uses a foreign virtual phone number"),
                code="virtual-number",
                severity=Severity.HIGH,
                detail=_("{trigger} {codes} A number you do not control can stop receiving them.",
                         trigger=kakao.TRIGGER_VIRTUAL_NUMBER(), codes=kakao.CODES_BY_TEXT()),
                advice=[
                    _("Register a mobile phone number of your own, from a mobile carrier, on the account."),
                    _("Until then, keep 2-step verification with a backup email address, so that you have another "
                      "way to prove the account is yours."),
                ],
                max_points=5,
            )


class HistoryAndReports(Check):
    """Earlier restrictions, their reasons, and reports by other users.

    Kakao can extend the period of its measures when abnormal activity or reports repeat, and does
    not lift them by hand (KAKAO-FACTS K2, official); many reports by other users are one of the
    triggers (K1). The article adds that repeated restrictions last longer and can become permanent,
    and advises understanding the earlier reasons (ADVICE Q3; stated as "reportedly"). Knowing the
    rules that were broken is the article's P1.4.

    Findings: `never-restricted` (pass), `restricted-once` (warn), `restricted-repeatedly` (warn,
    high), `reason-unknown` (warn) when the reason is not known, `reported` (warn) / `not-reported`
    (pass); "unknown" answers give `restrictions-unknown` / `reports-unknown`.
    """

    id = "KA505"
    title = _("Earlier restrictions and reports by other users")
    category = Category.CONDUCT
    weight = 8
    advice_ids = ("Q3", "P1.4")
    references = (NO_MANUAL_LIFT_URL, PROTECTION_URL)
    why = _("{extended} {repeated}", extended=kakao.PROTECTION_EXTENDED(), repeated=kakao.REPEATED())
    fix = _("Find the reason for an earlier restriction in Kakao's notice or email and avoid repeating it. Message "
            "only people who expect your messages, and leave chats where they are not welcome.")
    questions = (
        ACTIVITY_QUESTION,
        Question(
            RESTRICTED,
            QType.CHOICE,
            _("Has KakaoTalk ever restricted your account (for example you could not send messages or add friends, "
              "or a notice said features were limited)?"),
            choices=(
                Choice("never", _("No, never")),
                Choice("once", _("Once")),
                Choice("several", _("More than once")),
            ),
            allow_unknown=True,
            # Asked once for every command: triage reads this answer too.
            present=True,
        ),
        Question(
            REASONS,
            QType.MULTI,
            _("What was the reason, as far as you know? (choose all that apply)"),
            help=_("The notice in the app or Kakao's email about the restriction often names it."),
            choices=(
                Choice("sending", _("Sending many messages, or the same message to many people")),
                Choice("adding", _("Adding many friends or joining many chats")),
                Choice("login", _("A login from a new phone, another country or through a VPN")),
                Choice("reports", _("Reports by other users")),
                Choice("other", _("Another reason")),
            ),
            allow_unknown=True,
            when={RESTRICTED: ("once", "several")},
        ),
    )

    _REASON_ADVICE: ClassVar[dict[str, Msg]] = {
        "sending": _("Spread messages over time and do not send the same text to many people (see KA501)."),
        "adding": _("Add friends and join open chats gradually (see KA503)."),
        "login": _("Prepare logins from a new phone or from abroad: keep your registered phone number and email "
                   "current, and run 'kakaoaudit travel' before a trip."),
        "reports": _("Message only people who expect your messages, and leave chats where they are not welcome."),
        "other": _("Read the notice you received again and follow what it asks."),
    }

    def run(self, ctx: Context) -> Iterable[Finding]:
        yield from self._history(ctx.answers)
        yield self._reports(ctx.answers)

    def _history(self, answers: Answers) -> Iterable[Finding]:
        history = answers.get_text(RESTRICTED)
        if history is None:
            yield self.finding(
                Status.UNKNOWN,
                _("We could not tell whether your account was restricted before"),
                code="restrictions-unknown",
                detail=unknown_reason(answers, RESTRICTED),
                advice=[_("Look for earlier notices in KakaoTalk and emails from Kakao about a restriction.")],
                max_points=6,
            )
            return
        if history == "never":
            yield self.finding(Status.PASS, _("Your account has never been restricted"), code="never-restricted",
                               max_points=6)
            return
        reasons = selected(answers, REASONS)
        advice = [self._REASON_ADVICE[reason] for reason in self._REASON_ADVICE if reason in (reasons or ())]
        detail = _("{extended} {repeated}", extended=kakao.PROTECTION_EXTENDED(), repeated=kakao.REPEATED())
        if history == "several":
            yield self.finding(
                Status.WARN,
                _("Your account has been restricted more than once"),
                code="restricted-repeatedly",
                severity=Severity.HIGH,
                detail=detail,
                advice=[*advice, _("Re-read Kakao's terms of use and operation policy, and avoid whatever led to "
                                   "the earlier restrictions.")],
                max_points=6,
            )
        else:
            yield self.finding(
                Status.WARN,
                _("Your account has been restricted before"),
                code="restricted-once",
                detail=detail,
                advice=[*advice, _("Avoid whatever led to that restriction, so that it does not happen again.")],
                max_points=6,
            )
        if reasons is None or not reasons:
            yield self.finding(
                Status.WARN,
                _("You do not know why your account was restricted"),
                code="reason-unknown",
                detail=_("Without the reason you cannot avoid repeating it. The notice in the app or Kakao's email "
                         "often shows the reason or an error code."),
                advice=[
                    _("Look for that notice or email, and keep a copy."),
                    _("If you cannot find it, ask Kakao's customer service. {centre}", centre=kakao.HELP_CENTRE()),
                ],
                max_points=2,
            )
        else:
            yield self.finding(Status.PASS, _("You know why your account was restricted"), code="reason-known",
                               max_points=2)

    def _reports(self, answers: Answers) -> Finding:
        picked = selected(answers, ACTIVITY)
        if picked is None:
            return self.finding(
                Status.UNKNOWN,
                _("We could not tell whether other users reported you"),
                code="reports-unknown",
                detail=unknown_reason(answers, ACTIVITY),
                max_points=4,
            )
        if "reported" in picked:
            return self.finding(
                Status.WARN,
                _("You were told that you were reported by other users"),
                code="reported",
                detail=_("{trigger} {extended}", trigger=kakao.TRIGGER_REPORTS(), extended=kakao.PROTECTION_EXTENDED()),
                advice=[
                    _("Message people who know you and expect your messages; do not post advertising."),
                    _("Leave group chats and open chats where your messages are not welcome."),
                ],
                max_points=4,
            )
        return self.finding(Status.PASS, _("No reports by other users that you know of"), code="not-reported",
                            max_points=4)


class TermsReviewed(Check):
    """The terms of use and operation policy, read recently.

    The article advises re-reading the terms of use and community guidelines regularly and following
    the latest rules (ADVICE P1.4). Kakao restricts breaches of its operation policy (service
    restrictions, KAKAO-FACTS K5). The check names no period: "recently, or when Kakao last announced a
    change" passes.

    Findings: `terms-read` (pass), `terms-old` and `terms-never` (warn, low); "unknown" gives
    `terms-unknown`.
    """

    id = "KA506"
    title = _("Knowing the current terms of use")
    category = Category.CONDUCT
    weight = 4
    advice_ids = ("P1.4",)
    references = (SERVICE_RESTRICTION_URL, HELP_CENTRE_URL)
    why = _("{sanction} The rules change over time.", sanction=kakao.POLICY_SANCTION())
    fix = _("Read Kakao's terms of use and operation policy on Kakao's official sites, and again whenever Kakao "
            "announces a change, paying attention to spam, advertising and invitations.")
    questions = (
        Question(
            TERMS,
            QType.CHOICE,
            _("When did you last read KakaoTalk's terms of use or operation policy?"),
            choices=(
                Choice("recently", _("Recently, or when Kakao last announced a change")),
                Choice("long_ago", _("A long time ago")),
                Choice("never", _("Never")),
            ),
            allow_unknown=True,
            present=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answer = ctx.answers.get_text(TERMS)
        read_them = _("Read Kakao's terms of use and operation policy on Kakao's official sites (kakao.com, "
                      "{url}), and again whenever Kakao announces a change.", url=HELP_CENTRE_URL)
        if answer is None:
            yield self.finding(Status.UNKNOWN, _("You do not remember when you last read the terms of use"),
                               code="terms-unknown", detail=unknown_reason(ctx.answers, TERMS), advice=[read_them])
        elif answer == "recently":
            yield self.finding(Status.PASS, _("You know the current terms of use"), code="terms-read")
        else:
            never = answer == "never"
            yield self.finding(
                Status.WARN,
                _("You have never read the terms of use") if never else _("You read the terms of use long ago"),
                code="terms-never" if never else "terms-old",
                severity=Severity.LOW,
                detail=_("{sanction} The rules change over time: what was fine before may not be now.",
                         sanction=kakao.POLICY_SANCTION()),
                advice=[read_them, _("Pay attention to what they say about spam, advertising and invitations.")],
            )
