"""KA401 2-step verification: on, with a backup email, and Kakao's verification texts not filtered.

Everything said about Kakao comes from `kakaoaudit.api.claims` (KAKAO-FACTS K6, K8, K18). ADVICE P2.1.
"""

from __future__ import annotations

from collections.abc import Iterable

from kakaoaudit.api import (
    FACTS,
    Answers,
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

HELP_URL = FACTS["K8"].sources[0]
NIST_URL = "https://pages.nist.gov/800-63-4/sp800-63b/authenticators/"

ENABLED = "security.two_step.enabled"
ROUTE = "security.two_step.route"
SMS_FILTER = "security.sms_filter_blocks_kakao"
#: The backup contact is asked once, by KA303 (checks/contacts.py): the backup email of 2-step
#: verification is one of its answers ("email" or "both").
BACKUP_KIND = "contacts.backup.kind"
BACKUP_EMAIL_KINDS = ("email", "both")

#: Points of the parts of the check: 2-step verification on, its backup email, the text-message filter.
ON_POINTS, BACKUP_POINTS, FILTER_POINTS = 10, 5, 5

_WHERE = kakao.TWO_STEP_PATH()


def _has_backup_email(answers: Answers) -> bool | None:
    """Whether the account's backup contacts include an email (KA303's answer); None when not known."""
    kind = answers.get_text(BACKUP_KIND)
    return None if kind is None else kind in BACKUP_EMAIL_KINDS


# A copy of KA303's question (checks/contacts.py; check modules cannot import each other): same id,
# type, choices and text, which tests hold against the owner. KA401 reads it only with 2-step
# verification on; in a whole audit KA303's own declaration comes first and is the one asked.
BACKUP_KIND_QUESTION = Question(
    BACKUP_KIND,
    QType.CHOICE,
    _("Besides the main phone number and email, which backup contact is registered in your Kakao account "
      "(for example the backup email of 2-step verification)?"),
    help=_("Look in the Kakao Account settings, and in the 2-step verification settings."),
    choices=(
        Choice("email", _("A backup email address")),
        Choice("phone", _("A spare phone number")),
        Choice("both", _("Both")),
        Choice("none", _("Neither")),
    ),
    allow_unknown=True,
    lookup=places.ACCOUNT_SETTINGS,
    present=True,
    when={ENABLED: True},
)


class TwoStepVerification(Check):
    """2-step verification is on, with a backup email, and verification texts are not filtered.

    Kakao's 2-step verification asks for a second proof (through KakaoTalk or the contact phone
    number) when someone signs in with the password. Kakao advises adding a backup email "just in
    case you lose access to your mobile phone", and notes that verification text messages can be
    filtered when "1644" or "Kakao" is blocked on the phone (KAKAO-FACTS K8, official help); it
    advises 2-step verification against abnormal logins (K6). The menu path is reported by a blog
    (K18), so it is given as "reportedly". ADVICE P2.1.

    Scoring: three parts, 2-step verification on (10), its backup email (5) and the filter (5). With
    2-step verification off the first two score 0 (a backup email of 2-step verification cannot
    exist then); "I don't know" leaves a part out, never counts as a pass. Not knowing whether 2-step
    verification is on leaves out its part only: the backup email is still scored from the answer about
    backup contacts (registered or missing either way), so that "I don't know" never scores above "on".

    Findings: `two-step-on` (pass; with a standards note when codes come to the phone number),
    `two-step-off` (fail, high), `backup-email` / `backup-email-missing` (warn) for the backup
    email, `sms-filter-ok` / `sms-filter-blocks` (fail) for the phone's filter; an answer of
    "unknown" gives an `unknown` finding, never a pass.
    """

    id = "KA401"
    title = _("2-step verification")
    category = Category.SECURITY
    weight = 15
    advice_ids = ("P2.1",)
    references = (HELP_URL, *FACTS["K6"].sources, NIST_URL)
    why = _("{how} {advises}", how=kakao.TWO_STEP_HOW(), advises=kakao.ADVISES_TWO_STEP_AND_COUNTRY())
    fix = _(
        "Turn on 2-step verification in the Kakao Account settings, add a backup email you can open without your "
        "phone, and allow messages from \"1644\" and \"Kakao\" in your phone's spam filter."
    )
    questions = (
        Question(
            ENABLED,
            QType.BOOL,
            _("Is 2-step verification turned on for your Kakao account?"),
            help=_WHERE,
            allow_unknown=True,
            lookup=places.TWO_STEP,
            present=True,
        ),
        Question(
            ROUTE,
            QType.CHOICE,
            _("How does the 2-step verification reach you?"),
            help=_("This is shown on the 2-step verification screen of your Kakao Account settings."),
            choices=(
                Choice("kakaotalk", _("A KakaoTalk message")),
                Choice("phone", _("The contact phone number (a text message)")),
            ),
            allow_unknown=True,
            lookup=places.TWO_STEP,
            when={ENABLED: True},
            detail=True,
            present=True,
        ),
        # Asked as a plain question in every language ("is it set to block?"), never as a negative one
        # ("doesn't it block?"), which in Japanese and Korean is answered "yes" for "no, it doesn't".
        Question(
            SMS_FILTER,
            QType.BOOL,
            _("Is your phone set to block or filter text messages from numbers starting with 1644 or "
              "mentioning 'Kakao' (for example by a spam filter)?"),
            help=_("Look at the blocked numbers and spam filter settings of your phone's messaging app."),
            allow_unknown=True,
            lookup=places.PHONE_FILTER,
            present=True,
        ),
        BACKUP_KIND_QUESTION,
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        enabled = answers.get_bool(ENABLED)
        if enabled is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether 2-step verification is on"),
                code="two-step-unknown",
                detail=_WHERE,
                advice=[_("Look it up in the settings and turn it on if it is off.")],
                max_points=ON_POINTS,
            )
            yield self._backup_finding(_has_backup_email(answers), two_step_known=False)
        elif enabled:
            yield self._route_finding(answers.get_text(ROUTE))
            yield self._backup_finding(_has_backup_email(answers))
        else:
            yield self.finding(
                Status.FAIL,
                _("2-step verification is off"),
                code="two-step-off",
                severity=Severity.HIGH,
                detail=_("{how} It is off now, so that second proof is not asked for. {advises}",
                         how=kakao.TWO_STEP_HOW(), advises=kakao.ADVISES_TWO_STEP_AND_COUNTRY()),
                advice=[
                    _("Turn it on in the Kakao Account settings. {where}", where=_WHERE),
                    _("Register a backup email address at the same time, in case you lose your phone. {why}",
                      why=kakao.TWO_STEP_BACKUP_EMAIL()),
                ],
                advice_ids=("P2.1",),
                # The backup email of 2-step verification is lost with it: both parts score nothing.
                max_points=ON_POINTS + BACKUP_POINTS,
            )
        yield self._sms_filter_finding(answers.get_bool(SMS_FILTER))

    def _route_finding(self, route: str | None) -> Finding:
        if route == "phone":
            return self.finding(
                Status.PASS,
                _("2-step verification is on (through your phone number)"),
                code="two-step-on",
                detail=_("If the phone is lost, codes to its number are lost with it. {roaming}",
                         roaming=kakao.CODES_NEED_ROAMING()),
                note=_("Current standards (NIST SP 800-63B-4) treat text-message codes as a weaker second "
                       "factor, so a backup route matters."),
                advice_ids=("P2.1",),
                max_points=ON_POINTS,
            )
        return self.finding(
            Status.PASS,
            _("2-step verification is on"),
            code="two-step-on",
            advice_ids=("P2.1",),
            max_points=ON_POINTS,
        )

    def _backup_finding(self, backup: bool | None, *, two_step_known: bool = True) -> Finding:
        """The backup email part; without knowing whether 2-step verification is on, said of the account."""
        if backup is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure whether a backup email is registered for 2-step verification"),
                code="backup-email-unknown",
                detail=_WHERE,
                advice_ids=("P3.3",),
                max_points=BACKUP_POINTS,
            )
        if backup:
            return self.finding(
                Status.PASS,
                _("A backup email is registered for 2-step verification") if two_step_known
                else _("A backup email is registered in your Kakao account"),
                code="backup-email",
                advice_ids=("P3.3",),
                max_points=BACKUP_POINTS,
            )
        return self.finding(
            Status.WARN,
            _("No backup email for 2-step verification") if two_step_known
            else _("No backup email is registered in your Kakao account"),
            code="backup-email-missing",
            severity=Severity.MEDIUM,
            detail=_("If you lose your phone, or it cannot receive messages abroad, you may not be able to "
                     "sign in. {advice}", advice=kakao.TWO_STEP_BACKUP_EMAIL()),
            advice=[_("Add an email address you can open without your phone, and that you use nowhere "
                      "else for signing in, in the 2-step verification settings.")],
            advice_ids=("P3.3",),
            max_points=BACKUP_POINTS,
        )

    def _sms_filter_finding(self, blocks: bool | None) -> Finding:
        if blocks is None:
            return self.finding(
                Status.UNKNOWN,
                _("You are not sure whether your phone filters Kakao's text messages"),
                code="sms-filter-unknown",
                detail=kakao.SMS_FILTERED(),
                advice=[_("Look at the blocked numbers and spam filter of your messaging app.")],
                max_points=FILTER_POINTS,
            )
        if blocks:
            return self.finding(
                Status.FAIL,
                _("Your phone filters Kakao's verification text messages"),
                code="sms-filter-blocks",
                severity=Severity.MEDIUM,
                detail=_("{filtered} You would then not receive the codes needed to sign in or to verify your "
                         "identity.", filtered=kakao.SMS_FILTERED()),
                advice=[_("Remove \"1644\" and \"Kakao\" from the blocked numbers and spam filter of your "
                          "messaging app.")],
                max_points=FILTER_POINTS,
            )
        return self.finding(
            Status.PASS,
            _("Kakao's verification text messages are not filtered"),
            code="sms-filter-ok",
            max_points=FILTER_POINTS,
        )
