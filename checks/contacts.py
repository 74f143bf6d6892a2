"""KA301-KA304, the registered contacts: phone number, email, backup contacts and their regular review.

The questions here are shared by id with other checks (travel, triage, support kit), which declare
the same `Question` with the same type and choices: keep ids, types and choices stable.

Phone numbers and email addresses reach the report only inside `Private(full, masked)`, so that
a report is masked unless the user asked for ``--no-redact``. ADVICE P3.1-P3.3, C3, S3, S5.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

from kakaoaudit.api import (
    FACTS,
    KNOWN,
    Answers,
    Category,
    Check,
    Choice,
    Context,
    EmailInfo,
    Finding,
    Msg,
    PhoneInfo,
    PhoneType,
    Private,
    QType,
    Question,
    Severity,
    Status,
    check_email_at_prompt,
    check_phone_at_prompt,
    country_name,
    infer_home_country,
    likely_typo,
    mask_email,
    mask_phone,
    parse_email,
    parse_phone,
    same_email,
    same_phone,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

_ = translator(__name__)

# --------------------------------------------------------------------------------------------------
# Shared: question ids, questions, masking, reasons for bad input
# --------------------------------------------------------------------------------------------------

HOME_COUNTRY = "profile.home_country"
PHONE = "contacts.phone"
#: Yes / no / "I don't know" each (they were one checklist, whose unticked boxes read as "no").
PHONE_CURRENT = "contacts.phone_current"
EMAIL = "contacts.email"
EMAIL_ACCESS = "contacts.email_access"
EMAIL_SPAM_CHECKED = "contacts.email_spam_checked"
BACKUP_KIND = "contacts.backup.kind"
BACKUP_EMAIL = "contacts.backup.email"
BACKUP_PHONE = "contacts.backup.phone"
BACKUP_REACHABLE = "contacts.backup.reachable_without_phone"
REVIEWED_ON = "contacts.reviewed_on"

DEFAULT_HOME = "JP"

#: Official help on 2-step verification, the backup email and verification texts (KAKAO-FACTS K8).
K8_URL = FACTS["K8"].sources[0]
#: Official help on user protection measures, e.g. foreign virtual numbers (KAKAO-FACTS K1).
K1_URL = FACTS["K1"].sources[0]
#: The official help centre (KAKAO-FACTS K14).
HELP_CENTRE_URL = FACTS["K14"].sources[0]
#: Blog mirror of Kakao's FAQ on country login restriction, which mentions the email code (KAKAO-FACTS K7).
K7_URL = FACTS["K7"].sources[0]

WHERE_ACCOUNT = _("You can see it in the Kakao Account settings.")

HOME_COUNTRY_QUESTION = Question(
    HOME_COUNTRY,
    QType.COUNTRY,
    _("Which country do you live in (the country of your phone number)?"),
    help=_("A country code such as JP or KR, or a name such as Japan. Phone numbers written without "
           "'+' and a country code are read as numbers of this country."),
    default=DEFAULT_HOME,
    # Not asked when the phone number tells: +81 90-..., or 090-... from a person writing in Japanese.
    infer=infer_home_country,
    infer_from=(PHONE,),
)

PHONE_QUESTION = Question(
    PHONE,
    QType.PHONE,
    _("Which phone number is registered in your Kakao account?"),
    help=_("You can see it in the Kakao Account settings. Write it as you dial it "
           "at home (090-1234-5678) or with the country code (+81 90-1234-5678). It stays on this "
           "computer and is masked in the report."),
    prompt_check=check_phone_at_prompt,
)

PHONE_CURRENT_QUESTION = Question(
    PHONE_CURRENT,
    QType.BOOL,
    _("Is that registered number the number of the phone you use now?"),
    help=_("After a new phone, a new contract or a long stay abroad the registered number may still be the old "
           "one: it does not change by itself. Your phone's own number is in its settings, or on your contract."),
    allow_unknown=True,
    present=True,
    when={PHONE: KNOWN},
)

EMAIL_QUESTION = Question(
    EMAIL,
    QType.EMAIL,
    _("Which email address is registered in your Kakao account? (leave it empty if none is)"),
    help=_("You can see it in the Kakao Account settings. It stays on this computer "
           "and is masked in the report."),
    prompt_check=check_email_at_prompt,
)

EMAIL_ACCESS_QUESTION = Question(
    EMAIL_ACCESS,
    QType.BOOL,
    _("Can you sign in to that mailbox today (you know its password and can read new mail)?"),
    help=_("If you are not sure, try it now: open the mailbox on your phone or computer."),
    allow_unknown=True,
    present=True,
    when={EMAIL: KNOWN},
)

EMAIL_SPAM_QUESTION = Question(
    EMAIL_SPAM_CHECKED,
    QType.BOOL,
    _("When you wait for an important email, do you also look in that mailbox's spam or promotions folder?"),
    help=kakao.REPLIES_IN_SPAM(),
    allow_unknown=True,
    detail=True,
    when={EMAIL: KNOWN},
)

#: Asked once for every check and command: KA303, KA401 (the backup email of 2-step verification),
#: KA603 and the travel checks all read this answer.
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
)

BACKUP_EMAIL_QUESTION = Question(
    BACKUP_EMAIL,
    QType.EMAIL,
    _("Which backup email address is registered?"),
    help=_("It stays on this computer and is masked in the report."),
    when={BACKUP_KIND: ("email", "both")},
    detail=True,
    prompt_check=check_email_at_prompt,
)

BACKUP_PHONE_QUESTION = Question(
    BACKUP_PHONE,
    QType.PHONE,
    _("Which spare phone number is registered?"),
    help=_("Write it as you dial it at home, or with '+' and the country code. It stays on this computer "
           "and is masked in the report."),
    when={BACKUP_KIND: ("phone", "both")},
    detail=True,
    prompt_check=check_phone_at_prompt,
)

BACKUP_REACHABLE_QUESTION = Question(
    BACKUP_REACHABLE,
    QType.BOOL,
    _("If your phone were lost or stolen abroad, could you still use at least one of those backup contacts "
      "without it (open the backup mailbox elsewhere, or receive messages on the spare number)?"),
    help=_("For example: you can open the mailbox on a computer with a password you know, or the spare "
           "number is in another phone that you or your family keep."),
    allow_unknown=True,
    present=True,
    when={BACKUP_KIND: ("email", "phone", "both")},
)


def home_region(answers: Answers) -> str:
    """The region phone numbers without '+' are read in: the home country, else Japan."""
    return answers.get_text(HOME_COUNTRY) or DEFAULT_HOME


def country_label(code: str, lang: str) -> str:
    """The country's name in `lang` with its code, e.g. "Japan (JP)"; the code alone if unknown."""
    try:
        return _("{name} ({code})", name=country_name(code, lang), code=code).render(lang)
    except KeyError:
        return code


def private_phone(info: PhoneInfo) -> Private:
    """The number for a report: E.164 when valid (masked unless --no-redact)."""
    return Private(info.e164 or info.raw_normalized, mask_phone(info))


def private_email(info: EmailInfo) -> Private:
    """The address for a report: the normalised form when valid (masked unless --no-redact)."""
    return Private(info.normalized or info.raw_normalized, mask_email(info))


_PHONE_REASONS = {
    "empty": _("no number was given"),
    "too_long": _("it is longer than any phone number"),
    "letters": _("it contains letters, and only digits, spaces, hyphens, brackets and '+' can be read"),
    "no_digits": _("it contains no digits"),
    "not_a_number": _("it does not look like a phone number"),
    "too_short": _("it has too few digits for a phone number of its country"),
    "invalid_length": _("its number of digits is not used in its country's numbering plan"),
    "invalid": _("its length is possible, but it is not a valid number of its country's numbering plan "
                 "(a wrong prefix, or a number of another country written without its country code)"),
}


def phone_reason(info: PhoneInfo) -> Msg:
    """Why `info` is not a valid number, in words (it says whether the length was possible)."""
    if info.problem == "invalid_country_code":
        if info.raw_normalized.startswith("+"):
            return _("the country code after '+' does not exist")
        return _("it has no country code that can be read")
    return _PHONE_REASONS.get(info.problem or "", _("it is not a valid phone number"))


#: Regions in which an invalid number is tried again, to suggest the missing country code.
_OTHER_REGIONS = ("JP", "KR", "US", "CN", "TW")


def other_region_of(info: PhoneInfo, home: str) -> tuple[str, int] | None:
    """(region, calling code) of another country in which the number, as written, would be valid."""
    if info.valid or info.raw_normalized.startswith("+") or not info.parsed:
        return None
    for region in _OTHER_REGIONS:
        if region == home:
            continue
        other = parse_phone(info.raw_normalized, region)
        if other.valid and other.region == region and other.country_code is not None:
            return region, other.country_code
    return None


def email_reason(info: EmailInfo) -> Msg:
    """Why `info` is not a valid address, in words, from its own text (not email-validator's English)."""
    if info.problem == "empty":
        return _("no address was given")
    if info.problem == "too_long":
        return _("it is longer than an email address can be")
    if info.problem == "full_width":
        return _("it contains full-width characters (typed in Japanese input mode) instead of half-width ones")
    text = info.raw_normalized
    local, at, domain = text.rpartition("@")
    if not at:
        return _("it has no @ sign")
    if text.count("@") > 1 and not text.startswith('"'):
        return _("it has more than one @ sign")
    if text.startswith('"'):
        return _("it has quotation marks before the @, a form most services do not accept")
    if any(ch.isspace() for ch in text):
        return _("it contains a space")
    if not local:
        return _("there is nothing before the @")
    if ".." in text or local.startswith(".") or local.endswith(".") or domain.endswith(".") or domain.startswith("."):
        return _("a dot is misplaced: at the start or end of a part, or two dots in a row")
    if "." not in domain:
        return _("the part after the @ is not a complete domain (for example it lacks '.com' or '.jp')")
    return _("it is not in the form name@example.com, or its domain is reserved and takes no mail")


# --------------------------------------------------------------------------------------------------
# KA301 Registered phone number: a valid mobile number, and the number of the phone you use now.
# --------------------------------------------------------------------------------------------------

_UPDATE = _("Update it in the Kakao Account settings while you can still sign in.")


class RegisteredPhone(Check):
    """The registered phone number is a valid mobile number and the one of the phone you use now.

    What it checks
        The phone number registered in the Kakao account, as the user types it: with the home country
        (``profile.home_country``, default Japan) as the region for numbers written without "+", or in
        international form. Full-width digits, spaces, hyphens (also "ー"), brackets and dots are
        accepted; letters are refused (phonenumbers would read them as a keypad and turn a typo into
        another number). The report says whether the number is valid (it matches the numbering plan:
        this says nothing about whether it is in service) or only of a possible length, and its type.
        It shows the number in E.164 form (+819012345678), masked unless ``--no-redact``.

    Why
        Verification codes and 2-step verification reach you by text message on this number
        (KAKAO-FACTS K8), so it must be a mobile number: a VoIP number (Japan 050, Korea 070) or a
        fixed line cannot receive them, and Kakao's help names "unverifiable foreign virtual phone
        numbers" among the triggers of its user protection measures (K1). A registered number that is no
        longer yours delays the identity check when a restriction has to be lifted: after a phone change
        or a stay abroad it does not update by itself, and the details given to support must match the
        account and the ID document (ADVICE P3.1, C3, S3).

    Findings
        ``phone-mobile`` (pass), ``phone-mobile-in-use`` (pass: a US/Canada number that cannot be told
        apart from a landline, but is in the phone you use), ``phone-voip`` (fail), ``phone-fixed`` and
        ``phone-no-sms`` (warn), ``phone-type-unclear`` and ``phone-unreadable`` (unknown: the number
        could not be read, so nothing can be said about it); ``phone-current`` (pass),
        ``phone-not-current`` (fail), ``phone-current-unknown`` (unknown).

    Sources
        https://cs.kakao.com/helps?service=52&category=561&locale=en (K8),
        https://cs.kakao.com/helps?articleId=1073200212&service=8&category=702&device=2631&locale=en (K1).
    """

    id = "KA301"
    title = _("Registered phone number")
    category = Category.CONTACTS
    weight = 15
    advice_ids = ("P3.1", "C3", "S3")
    references = (K8_URL, K1_URL)
    why = _("{codes} If the number is not a mobile number, or no longer yours, you cannot receive them. {stale}",
            codes=kakao.CODES_BY_TEXT(), stale=kakao.CONTACTS_GO_STALE())
    fix = _("Register the number of the mobile phone you use now, in the Kakao Account settings, and update it after "
            "every new phone or number.")
    # The phone number first: the home country is inferred from it when it can be.
    questions = (PHONE_QUESTION, HOME_COUNTRY_QUESTION, PHONE_CURRENT_QUESTION)

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        current = answers.get_bool(PHONE_CURRENT)
        text = answers.get_text(PHONE)
        if text is None or not text.strip():
            yield self.finding(
                Status.UNKNOWN,
                _("No registered phone number was given"),
                code="phone-unreadable",
                detail=_("Without the number kakaoaudit cannot check it. {where}", where=WHERE_ACCOUNT),
                advice=[_("Look it up in the settings and run the audit again with it.")],
                max_points=10,
            )
        else:
            home = home_region(answers)
            yield self._type_finding(parse_phone(text, home), home, current, ctx.lang)
            yield self._current_finding(current)

    def _type_finding(self, info: PhoneInfo, home: str, current: bool | None, lang: str) -> Finding:
        phone = private_phone(info)
        if not info.valid:
            return self._unreadable(info, home, lang)
        if info.type is PhoneType.MOBILE:
            return self.finding(
                Status.PASS,
                _("Your registered number {phone} is a mobile number", phone=phone),
                code="phone-mobile",
                # No promise about a number the person says is not the phone they use now (KA301's other finding).
                detail=None if current is False else _("Mobile numbers can receive text messages. {codes}",
                                                       codes=kakao.CODES_BY_TEXT()),
                max_points=10,
            )
        if info.type is PhoneType.VOIP:
            return self.finding(
                Status.FAIL,
                _("Your registered number {phone} is an internet phone (VoIP) number", phone=phone),
                code="phone-voip",
                severity=Severity.HIGH,
                detail=self._voip_detail(info, home),
                advice=[
                    _("Register the number of your own mobile phone (in Japan 090, 080 or 070; in Korea 010) "
                      "instead."),
                    _UPDATE,
                ],
                max_points=10,
            )
        if info.type is PhoneType.FIXED_LINE_OR_MOBILE:
            if current is True:
                return self.finding(
                    Status.PASS,
                    _("Your registered number {phone} is the number of the phone you use", phone=phone),
                    code="phone-mobile-in-use",
                    detail=_("In some countries, such as the United States and Canada, mobile and landline "
                             "numbers look the same; you said this is the number of your phone, so it can receive "
                             "text messages. {codes}", codes=kakao.CODES_BY_TEXT()),
                    max_points=10,
                )
            return self.finding(
                Status.UNKNOWN,
                _("We cannot tell whether {phone} is a mobile number", phone=phone),
                code="phone-type-unclear",
                detail=_("In some countries, such as the United States and Canada, mobile and landline numbers "
                         "look the same, and you did not confirm that it is the number of the phone you use. "
                         "{codes} Text messages need a mobile number.", codes=kakao.CODES_BY_TEXT()),
                advice=[_("Make sure the registered number is the number of your mobile phone."), _UPDATE],
                max_points=10,
            )
        if info.type is PhoneType.FIXED_LINE:
            return self.finding(
                Status.WARN,
                _("Your registered number {phone} is a landline number", phone=phone),
                code="phone-fixed",
                severity=Severity.MEDIUM,
                detail=_("A landline cannot receive text messages. {codes} You could not confirm a new sign-in or "
                         "prove that the account is yours.", codes=kakao.CODES_BY_TEXT()),
                advice=[_("Register the number of your own mobile phone instead."), _UPDATE],
                max_points=10,
            )
        if info.type is PhoneType.UNKNOWN:
            return self.finding(
                Status.UNKNOWN,
                _("We cannot tell what kind of number {phone} is", phone=phone),
                code="phone-type-unclear",
                detail=_("The number is valid, but its numbering plan does not say whether it is a mobile "
                         "number. {codes} Text messages need a mobile number.", codes=kakao.CODES_BY_TEXT()),
                advice=[_("Make sure the registered number is the number of your mobile phone.")],
                max_points=10,
            )
        return self.finding(
            Status.WARN,
            _("Your registered number {phone} is not a mobile number", phone=phone),
            code="phone-no-sms",
            severity=Severity.MEDIUM,
            detail=_("Numbers of this kind ({kind}) cannot receive text messages. {codes}",
                     kind=_type_label(info.type), codes=kakao.CODES_BY_TEXT()),
            advice=[_("Register the number of your own mobile phone instead."), _UPDATE],
            max_points=10,
        )

    @staticmethod
    def _voip_detail(info: PhoneInfo, home: str) -> Msg:
        """Internet numbers usually take no text messages; only a foreign one is what Kakao lists as a trigger."""
        usual = _("Internet phone (VoIP) numbers, such as 050 in Japan or 070 in Korea, usually cannot receive text "
                  "messages. {codes}", codes=kakao.CODES_BY_TEXT())
        if info.region is not None and info.region != home:
            return _("{usual} {trigger}", usual=usual, trigger=kakao.TRIGGER_VIRTUAL_NUMBER())
        return usual

    def _unreadable(self, info: PhoneInfo, home: str, lang: str) -> Finding:
        phone = private_phone(info)
        advice = [_("Check the number in the Kakao Account settings and type it again, for example 090-1234-5678 or "
                    "+81 90-1234-5678.")]
        other = other_region_of(info, home)
        if other is not None:
            region, code = other
            digits = "".join(ch for ch in info.raw_normalized if ch.isdecimal())
            hint = (
                _("It would be a valid number of {country}. If it is, write it with its country code: +{code} "
                  "and the number without its first 0.", country=country_label(region, lang), code=code)
                if digits.startswith("0")
                else _("It would be a valid number of {country}. If it is, write its country code +{code} in "
                       "front of it.", country=country_label(region, lang), code=code)
            )
            advice.insert(0, hint)
        if info.raw_normalized.startswith("+") or info.problem in ("empty", "letters", "no_digits", "too_long"):
            detail = _("We could not check it: {reason}.", reason=phone_reason(info))
        else:
            detail = _("We read it as a number of {country} (your home country), but {reason}. So it could not "
                       "be checked.", country=country_label(home, lang), reason=phone_reason(info))
        return self.finding(
            Status.UNKNOWN,
            _("We could not read {phone} as a phone number", phone=phone),
            code="phone-unreadable",
            detail=detail,
            advice=advice,
            max_points=10,
        )

    def _current_finding(self, current: bool | None) -> Finding:
        if current is True:
            return self.finding(
                Status.PASS,
                _("The registered number is the number of the phone you use now"),
                code="phone-current",
                max_points=10,
            )
        if current is False:
            return self.finding(
                Status.FAIL,
                _("The registered number is not the number of the phone you use now"),
                code="phone-not-current",
                severity=Severity.HIGH,
                detail=_("{codes} They go to the old number, so you may be unable to sign in on a new device or "
                         "to prove that the account is yours. {stale} {match}", codes=kakao.CODES_BY_TEXT(),
                         stale=kakao.CONTACTS_GO_STALE(), match=kakao.DETAILS_MUST_MATCH()),
                advice=[
                    _UPDATE,
                    _("Update the number in other services linked to your Kakao account too, so that all of "
                      "them match."),
                ],
                max_points=10,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether the registered number is the one of the phone you use now"),
            code="phone-current-unknown",
            detail=_("Compare the number in the Kakao Account settings with your phone's own number (shown in the "
                     "phone's settings, or on your contract)."),
            advice=[_("If they differ, update the registered number now, while you can still sign in.")],
            max_points=10,
        )


_TYPE_LABELS = {
    PhoneType.TOLL_FREE: _("toll-free"),
    PhoneType.PREMIUM_RATE: _("premium rate"),
    PhoneType.PAGER: _("pager"),
    PhoneType.PERSONAL_NUMBER: _("personal number"),
    PhoneType.UAN: _("company number"),
    PhoneType.VOICEMAIL: _("voicemail"),
    PhoneType.SHARED_COST: _("shared cost"),
}


def _type_label(kind: PhoneType) -> Msg:
    return _TYPE_LABELS.get(kind, _("not a mobile number"))


# --------------------------------------------------------------------------------------------------
# KA302 Registered email: a valid address, in a mailbox you can open today, whose spam folder you check.
# --------------------------------------------------------------------------------------------------

#: Seconds for the whole DNS lookup of one domain (only with --check-dns).
DNS_TIMEOUT = 5.0

_CHANGE = _("Change it in the Kakao Account settings to an address you use and can open.")

class RegisteredEmail(Check):
    """The registered email is a valid address in a mailbox you can open, and you check its spam folder.

    What it checks
        The email address registered in the Kakao account is checked offline with email-validator
        (syntax only, no DNS) and shown in its normalised form, masked unless ``--no-redact``.
        Internationalised domains ("例え.jp") are valid; a non-Latin part before the @ is valid but
        not every mail system delivers to it (SMTPUTF8), so it is a low warning; quoted local parts
        ('"john doe"@...') are refused, like most services do. Only with ``--check-dns`` is the domain
        looked up in DNS (MX, else A/AAAA): a domain that takes no mail is a finding, and a DNS failure
        or timeout is "unknown", never a pass. Then two questions: can you sign in to the mailbox today,
        and do you check its spam folder (asked only when you can, or are unsure).

        Offline, a domain one slip away from a common mail domain (gmial.com, yahoo.co.jpp, naver.con)
        is a warning: the syntax is valid, but mail would go astray.

    Why
        A backup route for 2-step verification can be an email (KAKAO-FACTS K8), a login from a country
        that is not allowed reportedly asks for a code sent by email (K7), and support answers restriction
        inquiries by email: replies can land in the spam or promotions folder (ADVICE P3.1, S5). An
        address you cannot open is as good as none.

    Scoring
        The format (5), the domain with ``--check-dns`` (5), the mailbox you can open (10) and its spam
        folder (5). A mailbox you cannot open scores nothing for both of its parts.

    Findings
        ``email-valid`` (pass: a valid format, which says nothing about the mailbox), ``email-typo`` (warn:
        the domain looks like a typo of a common one), ``email-international`` (warn), ``email-none`` (warn:
        no address registered), ``email-unreadable`` (unknown); with ``--check-dns``: ``email-domain-ok`` (pass),
        ``email-undeliverable`` (fail), ``email-domain-unknown`` (unknown), ``email-domain-skipped``
        (with ``--offline``); ``email-access`` / ``email-no-access`` / ``email-access-unknown``;
        ``email-spam-checked`` / ``email-spam-unchecked`` / ``email-spam-unknown``.

    Sources
        https://cs.kakao.com/helps?service=52&category=561&locale=en (K8),
        https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html (K7, blog mirror of Kakao's FAQ),
        https://cs.kakao.com/helps (K14).
    """

    id = "KA302"
    title = _("Registered email address")
    category = Category.CONTACTS
    weight = 10
    advice_ids = ("P3.1",)
    references = (K8_URL, K7_URL, HELP_CENTRE_URL)
    why = _("Replies to an inquiry come by email, and email can be the way back into the account when the phone is "
            "lost. {replies} {backup}", replies=kakao.REPLIES_IN_SPAM(), backup=kakao.TWO_STEP_BACKUP_EMAIL())
    fix = _("Register an email address you can open today, and look in its spam folder when you wait for Kakao or "
            "its support.")
    questions = (EMAIL_QUESTION, EMAIL_ACCESS_QUESTION, EMAIL_SPAM_QUESTION)

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        text = answers.get_text(EMAIL)
        if text is None or not text.strip():
            yield self._none_finding()
            return
        check_dns = ctx.options.get("check_dns") is True
        info = parse_email(text, check_dns=check_dns and not ctx.offline, dns_timeout=DNS_TIMEOUT)
        yield self._syntax_finding(info)
        if check_dns and info.domain is not None:
            yield self._dns_finding(info, ctx.offline)
        access = answers.get_bool(EMAIL_ACCESS)
        yield self._access_finding(access)
        # The spam folder matters only for a mailbox that may be readable; the quick check does not ask it.
        if access is not False and answers.asked(EMAIL_SPAM_CHECKED):
            yield self._spam_finding(answers.get_bool(EMAIL_SPAM_CHECKED))

    def _none_finding(self) -> Finding:
        return self.finding(
            Status.WARN,
            _("No email address is registered"),
            code="email-none",
            severity=Severity.MEDIUM,
            detail=_("Without an email address, replies to an inquiry have no place to arrive, and you have no way "
                     "back into the account other than your phone."),
            advice=[_("Register an email address you use and can open without your phone, in the Kakao Account "
                      "settings.")],
            max_points=5,
        )

    def _syntax_finding(self, info: EmailInfo) -> Finding:
        email = private_email(info)
        if info.local_part is None:  # not even the syntax is valid
            return self.finding(
                Status.UNKNOWN,
                _("We could not read {email} as an email address", email=email),
                code="email-unreadable",
                detail=_("We could not check it: {reason}.", reason=email_reason(info)),
                advice=[_("Check the address in the settings and type it again. {where}", where=WHERE_ACCOUNT)],
                max_points=5,
            )
        if info.smtputf8:
            return self.finding(
                Status.WARN,
                _("Your registered email {email} has non-Latin characters before the @", email=email),
                code="email-international",
                severity=Severity.LOW,
                detail=_("Such addresses are valid, but not every mail system can deliver to them, so some "
                         "messages may be lost."),
                advice=[_("If messages do not reach you, register an address with only Latin letters, digits and "
                          ". _ - before the @, which every mail system accepts.")],
                max_points=5,
            )
        typo = likely_typo(info.domain)
        if typo is not None:
            return self.finding(
                Status.WARN,
                _("The domain of your registered email {email} looks like a typo of {domain}", email=email,
                  domain=typo),
                code="email-typo",
                severity=Severity.MEDIUM,
                detail=_("Its format is valid, but the domain is one letter or two away from {domain}, a common mail "
                         "domain: mail to a misspelt domain goes astray. This is a comparison of spellings, made "
                         "offline.", domain=typo),
                advice=[_("Look at the address in the Kakao Account settings; if it is misspelt, correct it."),
                        _CHANGE],
                max_points=5,
            )
        return self.finding(
            Status.PASS,
            _("Your registered email {email} has a valid format", email=email),
            code="email-valid",
            detail=_("Only its spelling was checked: whether the mailbox works is the next question."),
            max_points=5,
        )

    def _dns_finding(self, info: EmailInfo, offline: bool) -> Finding:
        email = private_email(info)
        if offline:
            return self.finding(
                Status.SKIPPED,
                _("The domain of {email} was not looked up", email=email),
                code="email-domain-skipped",
                detail=_("not checked: --offline was given, and the lookup needs the network"),
                max_points=5,
            )
        if info.problem == "undeliverable":
            return self.finding(
                Status.FAIL,
                _("The domain of {email} does not accept email", email=email),
                code="email-undeliverable",
                severity=Severity.HIGH,
                detail=_("The internet's name service (DNS) says this domain does not exist or takes no mail, "
                         "so no mail sent to this address can arrive."),
                advice=[_("Check the spelling of the address in the settings."), _CHANGE],
                max_points=5,
            )
        if info.deliverable is True:
            return self.finding(
                Status.PASS,
                _("The domain of {email} accepts email", email=email),
                code="email-domain-ok",
                max_points=5,
            )
        return self.finding(
            Status.UNKNOWN,
            _("We could not look up the domain of {email}", email=email),
            code="email-domain-unknown",
            detail=_("The name service (DNS) did not answer in time or could not be reached, so it is not known "
                     "whether the domain takes mail."),
            advice=[_("Run the audit again with --check-dns when you are online.")],
            max_points=5,
        )

    def _access_finding(self, access: bool | None) -> Finding:
        if access is True:
            return self.finding(
                Status.PASS,
                _("You can sign in to the registered mailbox"),
                code="email-access",
                max_points=10,
            )
        if access is False:
            return self.finding(
                Status.FAIL,
                _("You cannot sign in to the registered mailbox"),
                code="email-no-access",
                severity=Severity.HIGH,
                detail=_("Nothing sent to this address would reach you, and the address cannot help you prove that the "
                         "account is yours."),
                advice=[
                    _("Recover the mailbox with its provider (their password reset), or register an address you "
                      "can open instead."),
                    _CHANGE,
                ],
                # Its spam folder cannot be checked either: both parts score nothing.
                max_points=15,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether you can sign in to the registered mailbox"),
            code="email-access-unknown",
            detail=_("An address you cannot open is as good as none when Kakao or its support writes to you."),
            advice=[_("Try it today: sign in to the mailbox and read a recent message.")],
            max_points=10,
        )

    def _spam_finding(self, checked: bool | None) -> Finding:
        if checked is True:
            return self.finding(
                Status.PASS,
                _("You look in the spam folder for important emails"),
                code="email-spam-checked",
                advice_ids=("S5",),
                max_points=5,
            )
        if checked is False:
            return self.finding(
                Status.WARN,
                _("You do not look in the spam folder for important emails"),
                code="email-spam-unchecked",
                severity=Severity.MEDIUM,
                detail=_("{replies} A missed reply means a missed deadline, and a restriction that lasts longer.",
                         replies=kakao.REPLIES_IN_SPAM()),
                advice=[
                    _("While you wait for Kakao or its support, look in the spam and promotions folders too, and "
                      "mark their messages as not spam."),
                    _("Keep the whole correspondence with support; do not delete it."),
                ],
                advice_ids=("S5",),
                max_points=5,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether you look in the spam folder"),
            code="email-spam-unknown",
            detail=kakao.REPLIES_IN_SPAM(),
            advice=[_("Find the spam folder of your mailbox now, so that you know where to look.")],
            advice_ids=("S5",),
            max_points=5,
        )


# --------------------------------------------------------------------------------------------------
# KA303 Backup contacts: a sub email or spare phone number, valid, different, reachable without your phone.
# --------------------------------------------------------------------------------------------------

_ADD = _("Add one in the Kakao Account settings; a backup email can also be added in the 2-step verification "
         "settings.")


class BackupContacts(Check):
    """A sub email or a spare phone number is registered, valid, different and usable without your phone.

    What it checks
        Whether a backup contact is registered for recovering the account (a sub email address, a spare
        phone number, or both); that each is valid (the email's syntax offline, the number with the home
        country as default region, like KA301); that it differs from the main phone number or email (a
        copy of the main contact is no second route); and whether it still works without your phone:
        the lost-phone-abroad case.

    Why
        Kakao advises adding a backup email "just in case you lose access to your mobile phone"
        (KAKAO-FACTS K8), and the article asks for a sub email address or a spare phone number for
        recovery (ADVICE P3.3). A backup that is only readable on the lost phone (a mail app with no
        password you remember, a second number in the same phone) does not help in that case.

    Findings
        ``backup-email`` / ``backup-phone`` (pass), ``backup-email-same`` / ``backup-phone-same`` (fail),
        ``backup-phone-no-sms`` (warn; with two backups, a problem of the one that is not the better is
        information, without points: the better one is the way back in), ``backup-email-unreadable`` /
        ``backup-phone-unreadable``
        (unknown), ``backup-none`` (fail), ``backup-unknown`` (unknown); ``backup-reachable`` (pass),
        ``backup-needs-phone`` (warn), ``backup-reachable-unknown`` (unknown).

    Sources
        https://cs.kakao.com/helps?service=52&category=561&locale=en (K8).
    """

    id = "KA303"
    title = _("Backup contacts for recovery")
    category = Category.CONTACTS
    weight = 10
    advice_ids = ("P3.3",)
    references = (K8_URL,)
    why = _("If your phone is lost, stolen or cannot receive messages abroad, a backup email or spare number is the "
            "way back into your account. {advice}", advice=kakao.TWO_STEP_BACKUP_EMAIL())
    # The main contacts are asked too: a backup is compared with them.
    fix = _("Add a backup email address or a spare phone number that differs from the main ones and that you can "
            "use without your phone.")
    questions = (
        PHONE_QUESTION,
        HOME_COUNTRY_QUESTION,
        EMAIL_QUESTION,
        BACKUP_KIND_QUESTION,
        BACKUP_EMAIL_QUESTION,
        BACKUP_PHONE_QUESTION,
        BACKUP_REACHABLE_QUESTION,
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        answers = ctx.answers
        kind = answers.get_text(BACKUP_KIND)
        if kind is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether a backup email or spare phone number is registered"),
                code="backup-unknown",
                detail=_("Look in the Kakao Account settings, and in the 2-step verification settings."),
                advice=[_("If there is none, add a backup email address you can open without your phone.")],
                max_points=10,
            )
            return
        if kind == "none":
            yield self.finding(
                Status.FAIL,
                _("No backup email or spare phone number is registered"),
                code="backup-none",
                severity=Severity.MEDIUM,
                detail=_("If you lose your phone, or it cannot receive messages abroad, you may have no way to "
                         "prove that the account is yours. {advice}", advice=kakao.TWO_STEP_BACKUP_EMAIL()),
                advice=[_ADD, _("Choose an address you can open on a computer, without your phone.")],
                # A backup and its use without the phone: both parts score nothing.
                max_points=20,
            )
            return
        # The addresses themselves are detail: the quick check does not ask them.
        backups = [*([self._email_finding(answers)] if kind in ("email", "both") and answers.asked(BACKUP_EMAIL)
                     else []),
                   *([self._phone_finding(answers)] if kind in ("phone", "both") and answers.asked(BACKUP_PHONE)
                     else [])]
        yield from _the_best_counts(backups)
        yield self._reachable_finding(answers.get_bool(BACKUP_REACHABLE))

    def _email_finding(self, answers: Answers) -> Finding:
        text = answers.get_text(BACKUP_EMAIL) or ""
        info = parse_email(text)
        email = private_email(info)
        if not info.valid:
            return self.finding(
                Status.UNKNOWN,
                _("We could not read the backup email {email}", email=email) if text.strip()
                else _("The backup email address was left empty"),
                code="backup-email-unreadable",
                detail=_("We could not check it: {reason}.", reason=email_reason(info)),
                advice=[_("Check the backup address in the settings and type it again.")],
                max_points=10,
            )
        main = answers.get_text(EMAIL)
        if main and same_email(info, parse_email(main)):
            return self.finding(
                Status.FAIL,
                _("The backup email {email} is the same as the main email", email=email),
                code="backup-email-same",
                severity=Severity.MEDIUM,
                detail=_("A copy of the main address is no second way in: if you lose that mailbox, you lose "
                         "both."),
                advice=[_("Register a different address as the backup, one you can open without your phone.")],
                max_points=10,
            )
        return self.finding(
            Status.PASS,
            _("A backup email {email} is registered", email=email),
            code="backup-email",
            max_points=10,
        )

    def _phone_finding(self, answers: Answers) -> Finding:
        text = answers.get_text(BACKUP_PHONE) or ""
        info = parse_phone(text, home_region(answers))
        phone = private_phone(info)
        if not info.valid:
            return self.finding(
                Status.UNKNOWN,
                _("We could not read the spare phone number {phone}", phone=phone) if text.strip()
                else _("The spare phone number was left empty"),
                code="backup-phone-unreadable",
                detail=_("We could not check it: {reason}.", reason=phone_reason(info)),
                advice=[_("Check the spare number in the settings and type it again, for example 090-1234-5678 "
                          "or +81 90-1234-5678.")],
                max_points=10,
            )
        main = answers.get_text(PHONE)
        if main and same_phone(info, parse_phone(main, home_region(answers))):
            return self.finding(
                Status.FAIL,
                _("The spare phone number {phone} is the same as the main number", phone=phone),
                code="backup-phone-same",
                severity=Severity.MEDIUM,
                detail=_("A copy of the main number is no second way in: if you lose that phone, you lose both."),
                advice=[_("Register a different number as the spare, or add a backup email instead.")],
                max_points=10,
            )
        if info.sms_capable is False:
            return self.finding(
                Status.WARN,
                _("The spare phone number {phone} is not a mobile number", phone=phone),
                code="backup-phone-no-sms",
                severity=Severity.MEDIUM,
                detail=_("Internet phone (VoIP) numbers and landlines cannot receive verification text "
                         "messages."),
                advice=[_("Register a mobile number as the spare, or add a backup email instead.")],
                max_points=10,
            )
        return self.finding(
            Status.PASS,
            _("A spare phone number {phone} is registered", phone=phone),
            code="backup-phone",
            max_points=10,
        )

    def _reachable_finding(self, reachable: bool | None) -> Finding:
        if reachable is True:
            return self.finding(
                Status.PASS,
                _("Your backup contact works without your phone"),
                code="backup-reachable",
                max_points=10,
            )
        if reachable is False:
            return self.finding(
                Status.WARN,
                _("Your backup contact only works through your phone"),
                code="backup-needs-phone",
                severity=Severity.HIGH,
                detail=_("If the phone is lost or stolen, especially abroad, the backup is lost with it, and so "
                         "is your way back into the account."),
                advice=[
                    _("Make sure you can open the backup mailbox on a computer: note its address and keep its "
                      "password in a password manager or a safe place at home."),
                    _("Or register as the spare a number that is not in your phone, such as a family member's."),
                ],
                max_points=10,
            )
        return self.finding(
            Status.UNKNOWN,
            _("You are not sure whether your backup contact works without your phone"),
            code="backup-reachable-unknown",
            detail=_("A backup that can only be read on your phone does not help when the phone is lost."),
            advice=[_("Try it: open the backup mailbox on a computer, without your phone.")],
            max_points=10,
        )


def _the_best_counts(backups: list[Finding]) -> list[Finding]:
    """With two backups, the better one is the way back in: a problem with the other is said, as good to know,
    without points, so that a second, broken backup never scores below having only the working one."""
    if len(backups) < 2:
        return backups

    def rank(finding: Finding) -> float:
        # A backup that could not be read may well work: it ranks above one with a known problem.
        return finding.points / finding.max_points if finding.status.scored and finding.max_points else 0.99

    best = max(backups, key=rank)
    return [f if f is best or not f.status.scored or f.status is Status.PASS else
            dataclasses.replace(f, status=Status.INFO, severity=Severity.INFO, points=0, max_points=0)
            for f in backups]


# --------------------------------------------------------------------------------------------------
# KA304 Review of the registered information: when you last checked that it is up to date.
# --------------------------------------------------------------------------------------------------

#: At most this many days since the last review: pass (kakaoaudit's recommendation, not Kakao's).
REVIEW_DAYS = 180
#: More than this many days: fail; in between: warn.
OVERDUE_DAYS = 365

_WHAT_TO_CHECK = _(
    "Open the Kakao Account settings and check that the phone number and email are the ones you use now, and that "
    "your name and birth date match your ID document."
)
_STALE = kakao.CONTACTS_GO_STALE()
_LINKED = _("Update the same details in the services linked to your Kakao account, so that they all match.")
_RULE = _("kakaoaudit recommends checking at least every {days} days, and after every new phone, number, email "
          "provider or move, and before a trip (no source gives an interval).", days=REVIEW_DAYS)


class ContactsReview(Check):
    """The registered information was checked recently (kakaoaudit recommends every 180 days).

    What it checks
        The date on which you last opened the Kakao Account settings and checked the registered phone
        number, email and personal details (``contacts.reviewed_on``).

    Thresholds (kakaoaudit's own recommendation: no source gives an interval)
        - up to 180 days ago: pass (a check about every six months, and after every change of phone,
          number, email provider or address, and before a trip);
        - 181 to 365 days: warn (due);
        - more than 365 days: fail (overdue);
        - "I don't know": unknown, never a pass.
        The article asks for a regular review without a number (ADVICE P3.2); six months is a
        conservative choice that catches a phone or contract change within the same season.

    Why
        After a new phone, a new contract or a stay abroad the registered details may not update by
        themselves, and stale contacts can delay the identity check when a restriction has to be lifted
        (ADVICE P3.1, P3.2, C3). When you ask support, the name and birth date you give must match your ID
        document (S3); other services linked to the account should match too (C3).

    Findings
        ``contacts-reviewed`` (pass), ``contacts-review-due`` (warn), ``contacts-review-overdue`` (fail),
        ``contacts-review-unknown`` (unknown).

    Sources
        https://cs.kakao.com/helps (K14); the article (ADVICE P3.2).
    """

    id = "KA304"
    title = _("Regular review of the registered information")
    category = Category.CONTACTS
    weight = 5
    advice_ids = ("P3.2", "P3.1", "C3")
    references = (HELP_CENTRE_URL,)
    why = _STALE
    fix = _("Open the Kakao Account settings at least every 180 days (kakaoaudit's recommendation) and after every "
            "change, and check that the registered details are current.")
    questions = (
        Question(
            REVIEWED_ON,
            QType.DATE,
            _("When did you last open the Kakao Account settings and check that the registered phone number and "
              "email are up to date?"),
            help=_("A date such as 2025-04-01; a month or a year is enough (2025-04, 2025). Answer \"never\" if you "
                   "never did, or \"don't know\" if you do not remember."),
            allow_unknown=True,
            lookup=places.ACCOUNT_SETTINGS_NOW,
            past_only=True,
            rough=True,
            allow_never=True,
            present=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        reviewed = ctx.answers.get_date(REVIEWED_ON)
        if ctx.answers.is_never(REVIEWED_ON):
            yield self.finding(
                Status.FAIL,
                _("You have never checked the registered information"),
                code="contacts-review-overdue",
                severity=Severity.MEDIUM,
                detail=_("{why} {rule}", why=_STALE, rule=_RULE),
                advice=[_("Check it today."), _WHAT_TO_CHECK, _LINKED],
            )
            return
        if reviewed is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You do not remember when you last checked the registered information"),
                code="contacts-review-unknown",
                detail=_("{why} {rule}", why=_STALE, rule=_RULE),
                advice=[_("Check it today."), _WHAT_TO_CHECK],
            )
            return
        yield self._age_finding(reviewed, ctx.today())

    def _age_finding(self, reviewed: date, today: date) -> Finding:
        days = (today - reviewed).days
        when = reviewed.isoformat()
        if days < 0:
            return self.finding(
                Status.UNKNOWN,
                _("The date of your last review ({date}) is in the future", date=when),
                code="contacts-review-unknown",
                detail=_RULE,
                advice=[_("Give the date on which you last checked.")],
            )
        if days <= REVIEW_DAYS:
            return self.finding(
                Status.PASS,
                _("You checked the registered information {days} days ago", days=days),
                code="contacts-reviewed",
                detail=_RULE,
            )
        if days <= OVERDUE_DAYS:
            return self.finding(
                Status.WARN,
                _("You last checked the registered information {days} days ago ({date})", days=days, date=when),
                code="contacts-review-due",
                severity=Severity.LOW,
                detail=_("{why} {rule}", why=_STALE, rule=_RULE),
                advice=[_WHAT_TO_CHECK, _LINKED],
            )
        return self.finding(
            Status.FAIL,
            _("You last checked the registered information more than a year ago ({date})", date=when),
            code="contacts-review-overdue",
            severity=Severity.MEDIUM,
            detail=_("{why} {rule}", why=_STALE, rule=_RULE),
            advice=[_WHAT_TO_CHECK, _LINKED],
        )
