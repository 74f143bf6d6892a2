"""KA402 Logged-in devices and sessions: reviewed recently, unknown ones logged out, PC code never shared."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kakaoaudit.api import (
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

K9_URLS = ("https://cs.kakao.com/helps_html/1073185993?locale=en", "https://cs.kakao.com/helps_html/1073185963?locale=en")
K10_URL = "https://kakao.com/talksafety/en/toolandguide/account"
K11_URL = "http://aoe02.aoe3333.com/2025/06/blog-post_13.html"

_WHERE = _("The login records and the logged-in devices are in the Kakao Account settings (KakaoTalk > Settings "
           "(gear icon) > Kakao Account).")
_RULE = _("Kakao publishes no interval: kakaoaudit recommends looking at least every {days} days, because the login "
          "history reportedly shows only the last {days} days.", days=REVIEW_DAYS)
_SECURE = (
    _("Change the Kakao password to a new one that you use nowhere else (not your ID, birth date, name or phone "
      "number)."),
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
    advice_ids = ("P2.1",)
    references = (*K9_URLS, K10_URL, K11_URL)
    why = _(
        "A device you do not know that is logged in to your account can read and send messages as you. Kakao "
        "advises checking the login history and logging out unknown sessions."
    )
    fix = _("Look at the login history and the logged-in devices at least every 90 days, log out what is not "
            "yours, and never share the PC/Mac security code.")
    questions = (
        Question(
            REVIEWED_ON,
            QType.DATE,
            _("When did you last look at your Kakao account's login history and logged-in devices?"),
            help=_WHERE,
            allow_unknown=True,
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
        yield self._unknown_device_finding(found)
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
                advice=[_("Look at the login history and the logged-in devices today. {where}", where=_WHERE)],
                references=(K11_URL,),
                max_points=5,
            )
        if days <= REVIEW_DAYS:
            return self.finding(
                Status.PASS,
                _("You looked at the logged-in devices {days} days ago", days=days),
                code="sessions-reviewed",
                detail=_RULE,
                references=(K11_URL,),
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
                _("Look at the login history and the logged-in devices now. {where}", where=_WHERE),
                _("Log out every device and login that is not yours."),
            ],
            references=(*K9_URLS, K11_URL),
            max_points=5,
        )

    def _unknown_device_finding(self, found: str | None) -> Finding:
        if found == "none":
            return self.finding(
                Status.PASS,
                _("No unknown device or login was found"),
                code="sessions-none-unknown",
                references=K9_URLS,
                max_points=10,
            )
        if found == "logged_out":
            return self.finding(
                Status.WARN,
                _("An unknown device or login was found, and you logged it out"),
                code="sessions-unknown-logged-out",
                severity=Severity.HIGH,
                detail=_("Logging it out was right. But someone else may know your password and can sign in "
                         "again, so Kakao advises securing the account as after a suspected compromise."),
                advice=[
                    *_SECURE,
                    _("If messages were sent that you did not write, contact the Kakao Customer Center (within 14 "
                      "days, as Kakao asks)."),
                ],
                references=K9_URLS,
                max_points=10,
            )
        if found == "still_there":
            return self.finding(
                Status.FAIL,
                _("A device or login that is not yours is still logged in to your account"),
                code="sessions-unknown-active",
                severity=Severity.CRITICAL,
                detail=_("Whoever uses it can read your chats and send messages as you."),
                advice=[
                    _("Log it out now, in the logged-in devices of your Kakao Account settings."),
                    *_SECURE,
                    _("If it was misused, contact the Kakao Customer Center within 14 days; it can deactivate a "
                      "compromised account for 7 days."),
                ],
                references=K9_URLS,
                max_points=10,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether an unknown device or login was there"),
            code="sessions-unknown-unsure",
            detail=_WHERE,
            advice=[_("Look through the list and log out every device and login that is not yours.")],
            references=K9_URLS,
            max_points=10,
        )

    def _pc_code_finding(self, shared: bool | None) -> Finding:
        if shared is False:
            return self.finding(
                Status.PASS,
                _("You never shared the PC/Mac security code"),
                code="pc-code-private",
                references=(K10_URL,),
                max_points=5,
            )
        if shared is True:
            return self.finding(
                Status.FAIL,
                _("You have shared the security code of KakaoTalk for PC/Mac"),
                code="pc-code-shared",
                severity=Severity.HIGH,
                detail=_("With that code someone else can sign in to KakaoTalk on their computer as you. Kakao "
                         "says never to share it, with anyone."),
                advice=[
                    _("Look at the logged-in devices now and log out every computer that is not yours."),
                    *_SECURE,
                    _("Never give the code to anyone, even someone who says they are Kakao or a friend."),
                ],
                references=(K10_URL, *K9_URLS),
                max_points=5,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether you ever shared the PC/Mac security code"),
            code="pc-code-unknown",
            detail=_("Whoever has the code can sign in to KakaoTalk on their computer as you."),
            advice=[_("Look at the logged-in devices and log out every computer that is not yours. Never give the "
                      "code to anyone.")],
            references=(K10_URL,),
            max_points=5,
        )
