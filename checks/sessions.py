"""KA402 Logged-in devices and sessions: reviewed recently, unknown ones logged out, PC code never shared."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kakaoaudit.api import (
    FACTS,
    KNOWN,
    Category,
    Check,
    Choice,
    Context,
    Finding,
    QType,
    Question,
    Severity,
    Status,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

_ = translator(__name__)

REVIEWED_ON = "security.sessions.reviewed_on"
UNKNOWN_FOUND = "security.sessions.unknown_found"
#: Yes / no / "I don't know" (it was an item of a checklist, whose unticked box read as "shared").
PC_CODE_SHARED = "security.pc_code_shared"

#: At most this many days since the last look: pass (kakaoaudit's recommendation, based on the
#: 90 days the login history reportedly covers; Kakao publishes no interval).
REVIEW_DAYS = 90
#: More than this many days: fail; in between: warn.
OVERDUE_DAYS = 180

K9_URLS = FACTS["K9"].sources
K10_URL = FACTS["K10"].sources[0]
K11_URL = FACTS["K11"].sources[0]

_WHERE = kakao.LOGINS_PATH()
_RULE = _("kakaoaudit recommends looking at least every {days} days (no source gives an interval). {history}",
          days=REVIEW_DAYS, history=kakao.HISTORY_90_DAYS(days=REVIEW_DAYS))
_COMPROMISE = kakao.COMPROMISE_STEPS()
_SECURE = (
    _("Change the Kakao password to a new one that you use nowhere else, in the Kakao Account settings."),
    _("Turn on 2-step verification, with a backup email address that you use nowhere else."),
)


PC_CODE_QUESTION = Question(
    PC_CODE_SHARED,
    QType.BOOL,
    _("Has anyone else ever learned the 4-digit security code of KakaoTalk for PC/Mac, or have you ever typed it "
      "in because someone asked you to?"),
    help=_("KakaoTalk for PC/Mac can ask for a 4-digit code to sign in: nobody, not even Kakao, needs to know it. If "
           "you do not use KakaoTalk on a computer, answer no."),
    allow_unknown=True,
)


class SessionsReview(Check):
    """Logged-in devices and login history reviewed recently, unknown ones logged out, PC code kept private.

    What it checks
        - When you last looked at the Kakao account's login records and logged-in devices
          (``security.sessions.reviewed_on``);
        - whether you found a device or login you did not recognise, and whether it is still logged in
          (``security.sessions.unknown_found``);
        - whether anyone else ever learned the 4-digit security code of KakaoTalk for PC/Mac
          (``security.pc_code_shared``: yes, no or "I don't know").

        The question about what you found is asked only when you give the date you last looked; a
        "nothing found" is never credited when you never looked or do not remember when you did.

    Thresholds (kakaoaudit's own recommendation: Kakao publishes no interval)
        - up to 90 days ago: pass. The login history reportedly covers the last 90 days (KAKAO-FACTS K11,
          from a blog, not from Kakao), so looking at least that often means no login escapes you;
        - 91 to 180 days: warn (logins older than 90 days may already have dropped out of the history);
        - more than 180 days: fail;
        - "I don't know": unknown, never a pass.

    Why
        On a suspected compromise Kakao advises checking the login history and logging out unknown
        sessions, then a new password used nowhere else and 2-step verification (K9). A device you do not
        know that is still logged in can read and send messages as you. On PC/Mac a 4-digit security code
        is used when there is no Kakao Certificate, and it must never be shared (K10): whoever has it can
        sign in to KakaoTalk on their computer as you. ADVICE P2.1.

    Findings
        ``sessions-reviewed`` (pass), ``sessions-review-due`` (warn), ``sessions-review-overdue`` (fail),
        ``sessions-review-unknown``; ``sessions-none-unknown`` (pass), ``sessions-unknown-logged-out``
        (warn), ``sessions-unknown-active`` (fail, critical), ``sessions-unknown-unsure``;
        ``pc-code-private`` (pass), ``pc-code-shared`` (fail), ``pc-code-unknown``.

    Sources
        https://cs.kakao.com/helps_html/1073185993?locale=en and
        https://cs.kakao.com/helps_html/1073185963?locale=en (K9),
        https://kakao.com/talksafety/en/toolandguide/account (K10),
        http://aoe02.aoe3333.com/2025/06/blog-post_13.html (K11, blog only).
    """

    id = "KA402"
    title = _("Logged-in devices and login history")
    category = Category.SECURITY
    weight = 10
    advice_ids = ()
    references = (*K9_URLS, K10_URL, K11_URL, *FACTS["K18"].sources)
    why = _("A device you do not know that is logged in to your account can read and send messages as you. "
            "{compromise}", compromise=kakao.COMPROMISE_STEPS())
    fix = _("Look at the login history and the logged-in devices at least every {days} days, log out what is not "
            "yours, and never share the PC/Mac security code.", days=REVIEW_DAYS)
    questions = (
        Question(
            REVIEWED_ON,
            QType.DATE,
            _("When did you last look at your Kakao account's login history and logged-in devices?"),
            help=_WHERE,
            allow_unknown=True,
            lookup=places.LOGIN_MANAGEMENT,
            past_only=True,
            rough=True,
            allow_never=True,
            present=True,
        ),
        Question(
            UNKNOWN_FOUND,
            QType.CHOICE,
            _("When you last looked, was there a device or login that was not yours?"),
            help=_("For example a computer you never used, or a login from a place or at a time you were not "
                   "there."),
            choices=(
                Choice("none", _("No, all were mine")),
                Choice("logged_out", _("Yes, and I logged it out")),
                Choice("still_there", _("Yes, and it is still logged in (or I did nothing)")),
            ),
            allow_unknown=True,
            lookup=places.LOGIN_MANAGEMENT,
            present=True,
            # What the person saw is asked only when they say when they looked.
            when={REVIEWED_ON: KNOWN},
        ),
        PC_CODE_QUESTION,
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        reviewed = answers.get_date(REVIEWED_ON)
        if answers.is_never(REVIEWED_ON):
            yield self._never_finding()
        else:
            yield self._review_finding(reviewed, ctx.today())
        found = answers.get_text(UNKNOWN_FOUND)
        if found == "none" and reviewed is None:
            found = None  # "nothing found" is not credited without a look the person can date
        yield self._unknown_device_finding(found, looked=reviewed is not None)
        yield self._pc_code_finding(answers.get_bool(PC_CODE_SHARED))

    def _never_finding(self) -> Finding:
        return self.finding(
            Status.FAIL,
            _("You have never looked at the logged-in devices"),
            code="sessions-review-overdue",
            severity=Severity.MEDIUM,
            detail=_RULE,
            advice=[
                _("Look at the login history and the logged-in devices now. {where}", where=_WHERE),
                _("Log out every device and login that is not yours."),
            ],
            references=(*K9_URLS, K11_URL),
            max_points=5,
        )

    def _review_finding(self, reviewed: date | None, today: date) -> Finding:
        days = None if reviewed is None else (today - reviewed).days
        if reviewed is None or days is None or days < 0:
            return self.finding(
                Status.UNKNOWN,
                _("You do not remember when you last looked at the logged-in devices"),
                code="sessions-review-unknown",
                detail=_RULE,
                advice=[_("Look at the login history and the logged-in devices today, in the Kakao Account "
                          "settings. {where}", where=_WHERE)],
                max_points=5,
            )
        if days <= REVIEW_DAYS:
            return self.finding(
                Status.PASS,
                _("You looked at the logged-in devices {days} days ago", days=days),
                code="sessions-reviewed",
                detail=_RULE,
                max_points=5,
            )
        status, severity, code = (
            (Status.WARN, Severity.LOW, "sessions-review-due")
            if days <= OVERDUE_DAYS
            else (Status.FAIL, Severity.MEDIUM, "sessions-review-overdue")
        )
        return self.finding(
            status,
            _("You last looked at the logged-in devices {days} days ago ({date})", days=days,
              date=reviewed.isoformat()),
            code=code,
            severity=severity,
            detail=_("Logins older than the history shows may have gone unnoticed. {rule}", rule=_RULE),
            advice=[
                _("Look at the login history and the logged-in devices now, in the Kakao Account settings. "
                  "{where}", where=_WHERE),
                _("Log out every device and login that is not yours."),
            ],
            max_points=5,
        )

    def _unknown_device_finding(self, found: str | None, *, looked: bool) -> Finding:
        if found == "none":
            return self.finding(
                Status.PASS,
                _("No unknown device or login was found"),
                code="sessions-none-unknown",
                max_points=10,
            )
        if found == "logged_out":
            return self.finding(
                Status.WARN,
                _("An unknown device or login was found, and you logged it out"),
                code="sessions-unknown-logged-out",
                severity=Severity.HIGH,
                detail=_("Logging it out was right. But someone else may know your password and can sign in "
                         "again. {compromise}", compromise=_COMPROMISE),
                advice=[*_SECURE, _("If messages were sent that you did not write: {report}",
                                    report=kakao.REPORT_MISUSE())],
                max_points=10,
            )
        if found == "still_there":
            return self.finding(
                Status.FAIL,
                _("A device or login that is not yours is still logged in to your account"),
                code="sessions-unknown-active",
                severity=Severity.CRITICAL,
                detail=_("Whoever uses it can read your chats and send messages as you. {compromise}",
                         compromise=_COMPROMISE),
                advice=[
                    _("Log it out now, in the logged-in devices of your Kakao Account settings. {where}", where=_WHERE),
                    *_SECURE,
                    kakao.REPORT_MISUSE(),
                ],
                max_points=10,
            )
        return self.finding(
            Status.UNKNOWN,
            # Without a look the person can date, the question was not asked: nothing is known until they look.
            _("You are not sure whether an unknown device or login was there") if looked else
            _("Whether a device or login that is not yours is signed in is not known until you look"),
            code="sessions-unknown-unsure",
            detail=_WHERE,
            advice=[_("Look through the list and log out every device and login that is not yours.")],
            max_points=10,
        )

    def _pc_code_finding(self, shared: bool | None) -> Finding:
        if shared is False:
            return self.finding(
                Status.PASS,
                _("You never shared the PC/Mac security code"),
                code="pc-code-private",
                max_points=5,
            )
        if shared is True:
            return self.finding(
                Status.FAIL,
                _("You have shared the security code of KakaoTalk for PC/Mac"),
                code="pc-code-shared",
                severity=Severity.HIGH,
                detail=_("{code} Whoever has it can sign in to KakaoTalk on their computer as you.",
                         code=kakao.PC_CODE()),
                advice=[
                    _("Look at the logged-in devices now and log out every computer that is not yours."),
                    *_SECURE,
                    _("Never give the code to anyone, even someone who says they are Kakao or a friend."),
                ],
                max_points=5,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether you ever shared the PC/Mac security code"),
            code="pc-code-unknown",
            detail=_("{code} Whoever has it can sign in to KakaoTalk on their computer as you.", code=kakao.PC_CODE()),
            advice=[_("Look at the logged-in devices and log out every computer that is not yours. Never give the "
                      "code to anyone.")],
            max_points=5,
        )
