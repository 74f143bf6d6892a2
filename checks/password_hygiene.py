"""KA102 Password habits: used nowhere else, kept in a password manager, changed when it should be.

A questionnaire only: the password itself is not needed. ADVICE P2.4, P2.5, P2.6; KAKAO-FACTS K6.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kakaoaudit.api import (
    FACTS,
    UNSURE,
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
from kakaoaudit.api import lookup_places as places

_ = translator(__name__)

#: "Select all that apply": an item left out counts as "no" (never a pass); UNSURE makes it unknown.
#: The items are worded so that "no" is the unsafe answer: "used nowhere else", "in a manager".
HABITS = "password.habits"
NOT_REUSED = "not_reused"
MANAGER = "manager"
#: KA402's item (the PC/Mac security code), asked here with the other secrets to save a question.
PC_CODE_PRIVATE = "pc_code_private"
LAST_CHANGED = "password.last_changed"

#: The article advises changing the password "regularly" and names no interval; kakaoaudit reminds
#: after a year (its own choice, said so in the report).
REMINDER_DAYS = 365

NIST_URL = "https://pages.nist.gov/800-63-4/sp800-63b/authenticators/"
OWASP_ASVS_URL = "https://owasp.org/www-project-application-security-verification-standard/"
K6_URL, K6_NEWS_URL = FACTS["K6"].sources
K9_URL = FACTS["K9"].sources[0]

_WHERE_TO_CHANGE = _("Change it in the Kakao Account settings.")
_UNSURE = _("You answered \"unknown\".")
_NOT_ANSWERED = _("This question was not answered, so the check could not tell.")
_ROTATION_NOTE = _("NIST SP 800-63B-4 and OWASP ASVS (6.2.10) no longer ask for changes on a schedule, only when a "
                   "password may have leaked; the article advises changing it regularly.")


HABITS_QUESTION = Question(
    HABITS,
    QType.MULTI,
    _("Which of these are true today about your passwords and codes? (select all that apply)"),
    help=_("\"Very similar\" counts as the same password, for example the same word with another number "
           "at the end. The password storage built into your phone or browser counts as a password "
           "manager, as do apps such as Bitwarden or 1Password; a notebook or a memo app does not. "
           "KakaoTalk for PC/Mac can ask for a 4-digit code to sign in: nobody, not even Kakao, needs to "
           "know it. An item you leave out counts as \"no\"."),
    choices=(
        Choice(NOT_REUSED, _("My Kakao password is used on no other app or website (not even a very "
                             "similar one)")),
        Choice(MANAGER, _("I keep my passwords in a password manager")),
        Choice(PC_CODE_PRIVATE, _("I have never told anyone the 4-digit security code of KakaoTalk for "
                                  "PC/Mac, nor typed it in because someone asked me to")),
        Choice(UNSURE, _("I'm not sure about these")),
    ),
    allow_unknown=True,
)


def _reason(answers: Answers, key: str) -> Msg:
    return _UNSURE if answers.is_unknown(key) or UNSURE in answers.get_list(key) else _NOT_ANSWERED


class PasswordHabits(Check):
    """Your Kakao password is used nowhere else, kept in a password manager, and changed when due.

    What it checks
        Two questions. ``password.habits`` ("select all that apply"): whether the Kakao password (or a
        close variant) is used on no other app or website (``not_reused``), and whether you keep your
        passwords in a password manager (``manager``: the one built into the phone or browser counts).
        An item left out counts as "no" (the password is reused, no manager): never a pass; "I'm not
        sure about these" (``unsure``) makes the items left out unknown. And when the password was last
        changed (``password.last_changed``).

        Changing: when the password is also used elsewhere, the report says to change it now, whatever the
        date; otherwise it gives the article's advice to change it regularly. The article names no
        interval: kakaoaudit reminds you once the last change is more than a year ago (its own choice,
        said so in the report), next to the current standards' view (change on evidence of compromise,
        not on a schedule). KA201 checks the password against known leaks: a password found there must be
        changed at once as well.

    Why
        A password used on several services leaks with the weakest of them, and attackers try leaked
        pairs of email and password everywhere. Kakao's account protective measure can be triggered when
        the account's password appears in leaks from other sites or the dark web, even without misuse
        (K6), so reuse puts the account at risk of a restriction by itself. A password manager makes a
        different strong password for each service practical (ADVICE P2.4, P2.5, P2.6).

    Findings
        ``not-reused`` (pass), ``reused`` (fail), ``reuse-unknown`` (unknown); ``manager`` (pass),
        ``no-manager`` (warn), ``manager-unknown`` (unknown); ``changed-recently`` (pass), ``change-due``
        (warn: over a year ago), ``change-now`` (warn: the password is reused, so change it now),
        ``last-changed-unknown`` (unknown).

    Sources
        https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52
        and http://ajunews.com/view/20201130162328062 (K6),
        https://cs.kakao.com/helps_html/1073185993?locale=en (K9),
        https://pages.nist.gov/800-63-4/sp800-63b/authenticators/ (NIST SP 800-63B-4 3.1.1.2),
        https://owasp.org/www-project-application-security-verification-standard/ (ASVS 5.0.0 6.2.10).
    """

    id = "KA102"
    title = _("Password habits")
    category = Category.PASSWORD
    weight = 10
    advice_ids = ("P2.4", "P2.5", "P2.6")
    references = (K6_URL, K6_NEWS_URL, K9_URL, NIST_URL, OWASP_ASVS_URL)
    why = _("A password used on other services leaks with the weakest of them. {leak}",
            leak=kakao.LEAK_PROTECTIVE_MEASURE())
    fix = _("Give Kakao a password used nowhere else, keep it in a password manager, and change it at once when "
            "it may have leaked.")
    questions = (
        HABITS_QUESTION,
        Question(
            LAST_CHANGED,
            QType.DATE,
            _("When did you last change your Kakao password? (for example 2024-05-31; a rough date is fine)"),
            help=_("If you never changed it, give the date you created the account."),
            allow_unknown=True,
            lookup=places.ACCOUNT_SETTINGS,
            past_only=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        not_reused = answers.get_flag(HABITS, NOT_REUSED)
        reused = None if not_reused is None else not not_reused
        yield self._reuse_finding(reused, answers)
        yield self._manager_finding(answers.get_flag(HABITS, MANAGER), answers)
        yield self._change_finding(answers.get_date(LAST_CHANGED), reused, ctx.today(), answers)

    def _reuse_finding(self, reused: bool | None, answers: Answers) -> Finding:
        if reused is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure whether your Kakao password is used elsewhere"),
                code="reuse-unknown",
                detail=_reason(answers, HABITS),
                advice=[_("If you cannot tell, give Kakao a new password that you are sure you use nowhere else."),
                        _WHERE_TO_CHANGE],
                max_points=10, advice_ids=("P2.5",),
            )
        if reused:
            return self.finding(
                Status.FAIL,
                _("Your Kakao password is also used on other services"),
                code="reused",
                severity=Severity.HIGH,
                detail=_("When any of those services leaks it, attackers try the same email and password on "
                         "Kakao. {leak}", leak=kakao.LEAK_PROTECTIVE_MEASURE()),
                advice=[_("Change the Kakao password now to one you use nowhere else. {advice}",
                          advice=kakao.PASSWORD_ADVICE()), _WHERE_TO_CHANGE,
                        _("Then change the password on the other services that used it too, each to its own.")],
                max_points=10, advice_ids=("P2.5",),
            )
        return self.finding(Status.PASS, _("Your Kakao password is used nowhere else"), code="not-reused",
                            max_points=10, advice_ids=("P2.5",))

    def _manager_finding(self, manager: bool | None, answers: Answers) -> Finding:
        if manager is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure whether you use a password manager"),
                code="manager-unknown",
                detail=_reason(answers, HABITS),
                advice=[_("Look in your phone's settings for saved passwords (iPhone: Passwords; Android: Google "
                          "Password Manager): if your passwords are there, you use one.")],
                max_points=5, advice_ids=("P2.6",),
            )
        if manager:
            return self.finding(Status.PASS, _("You keep your passwords in a password manager"), code="manager",
                                max_points=5, advice_ids=("P2.6",))
        return self.finding(
            Status.WARN,
            _("You do not use a password manager"),
            code="no-manager",
            severity=Severity.MEDIUM,
            detail=_("Without one, a different strong password for every service is hard to remember, which is "
                     "how passwords end up reused or simple."),
            advice=[_("Start with the one built into your phone or browser: let it create the Kakao password and "
                      "remember it for you.")],
            max_points=5, advice_ids=("P2.6",),
        )

    def _change_finding(self, changed: date | None, reused: bool | None, today: date, answers: Answers) -> Finding:
        if reused:
            return self.finding(
                Status.WARN,
                _("Change your Kakao password now: it is also used elsewhere"),
                code="change-now",
                severity=Severity.MEDIUM,
                detail=_("A password used on other services should be changed now, whenever it was last changed: "
                         "here the article and current standards agree."),
                advice=[_WHERE_TO_CHANGE],
                note=_ROTATION_NOTE, max_points=5, references=(NIST_URL, OWASP_ASVS_URL), advice_ids=("P2.4",),
            )
        if changed is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure when you last changed your Kakao password"),
                code="last-changed-unknown",
                detail=_reason(answers, LAST_CHANGED),
                advice=[_("If it has been years, or it may have leaked, change it now."), _WHERE_TO_CHANGE],
                note=_ROTATION_NOTE, max_points=5, references=(NIST_URL, OWASP_ASVS_URL), advice_ids=("P2.4",),
            )
        days = (today - changed).days
        if days > REMINDER_DAYS:
            return self.finding(
                Status.WARN,
                _("Your Kakao password was last changed more than a year ago ({date})", date=changed.isoformat()),
                code="change-due",
                severity=Severity.LOW,
                detail=_("The article advises changing the password regularly. It names no interval; kakaoaudit "
                         "reminds you after a year."),
                advice=[_("Change it to a new password used nowhere else, and let a password manager remember it."),
                        _WHERE_TO_CHANGE],
                note=_ROTATION_NOTE, max_points=5, references=(NIST_URL, OWASP_ASVS_URL), advice_ids=("P2.4",),
            )
        return self.finding(
            Status.PASS,
            _("Your Kakao password was changed within the last year ({date})", date=changed.isoformat()),
            code="changed-recently",
            note=_ROTATION_NOTE, max_points=5, references=(NIST_URL, OWASP_ASVS_URL), advice_ids=("P2.4",),
        )
