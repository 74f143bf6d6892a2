"""KA102 Password habits: used nowhere else, kept in a password manager, changed when it should be.

A questionnaire only: the password itself is not needed. ADVICE P2.4, P2.5, P2.6; KAKAO-FACTS K6.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kakaoaudit.api import (
    FACTS,
    Answers,
    Category,
    Check,
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

#: Yes / no / "I don't know" each: they were items of a checklist whose unticked boxes read as "no"
#: (and so accused: "you reuse the password"). KA402 asks the third item, the PC/Mac security code.
REUSED = "password.reused"
MANAGER = "password.manager"
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


REUSED_QUESTION = Question(
    REUSED,
    QType.BOOL,
    _("Do you use your Kakao password, or a very similar one, on any other app or website?"),
    help=_("\"Very similar\" counts as the same password, for example the same word with another number at the "
           "end."),
    allow_unknown=True,
)

MANAGER_QUESTION = Question(
    MANAGER,
    QType.BOOL,
    _("Do you keep your passwords in a password manager?"),
    help=_("The password storage built into your phone or browser counts as a password manager, as do apps such "
           "as Bitwarden or 1Password; a notebook or a memo app does not."),
    allow_unknown=True,
    detail=True,
)


def _reason(answers: Answers, key: str) -> Msg:
    return _UNSURE if answers.is_unknown(key) else _NOT_ANSWERED


class PasswordHabits(Check):
    """Your Kakao password is used nowhere else, kept in a password manager, and changed when due.

    What it checks
        Three questions, each answered yes, no or "I don't know" (never read from a box left unticked):
        whether the Kakao password (or a close variant) is also used on another app or website
        (``password.reused``), whether you keep your passwords in a password manager (``password.manager``:
        the one built into the phone or browser counts), and when the password was last changed
        (``password.last_changed``; a month or a year is enough). The quick check asks only the first;
        ``kakaoaudit audit --full`` asks the other two.

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
        REUSED_QUESTION,
        MANAGER_QUESTION,
        Question(
            LAST_CHANGED,
            QType.DATE,
            _("When did you last change your Kakao password? (for example 2024/5/31; a month or a year is enough)"),
            help=_("If you never changed it, give the date you created the account, roughly (a year is enough)."),
            allow_unknown=True,
            lookup=places.ACCOUNT_SETTINGS,
            past_only=True,
            rough=True,
            detail=True,
            present=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        reused = answers.get_bool(REUSED)
        yield self._reuse_finding(reused, answers)
        # The quick check asks only about reuse; `kakaoaudit audit --full` asks the rest.
        if answers.asked(MANAGER):
            yield self._manager_finding(answers.get_bool(MANAGER), answers)
        if reused or answers.asked(LAST_CHANGED):
            yield self._change_finding(answers.get_date(LAST_CHANGED), reused, ctx.today(), answers)

    def _reuse_finding(self, reused: bool | None, answers: Answers) -> Finding:
        if reused is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure whether your Kakao password is used elsewhere"),
                code="reuse-unknown",
                detail=_reason(answers, REUSED),
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
                detail=_reason(answers, MANAGER),
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
