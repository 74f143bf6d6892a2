"""KA101 Password strength: zxcvbn with the user's own details, length, personal details, composition.

The password comes from the hidden prompt (or ``--password-stdin``) as a `Secret`; nothing of it
reaches a finding: not the password, not its length (only a band: under 8, 8-14, 15 or more), not
the pieces zxcvbn matched. zxcvbn's English feedback is shown through this module's catalog.
ADVICE P2.2, P2.3; KAKAO-FACTS K9.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from kakaoaudit.api import (
    BIRTH_DATE,
    DEMO_PASSWORD,
    EMAIL,
    FACTS,
    KAKAO_ID,
    MAX_SCORED_LENGTH,
    NAME,
    PHONE,
    SERVICE,
    Answers,
    Category,
    Check,
    Context,
    Estimate,
    Finding,
    Msg,
    PersonalContext,
    QType,
    Question,
    Severity,
    Status,
    StrengthUnavailable,
    check_email_at_prompt,
    check_phone_at_prompt,
    estimate_strength,
    infer_home_country,
    personal_context,
    personal_kinds_in,
    phone_digit_forms,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

_ = translator(__name__)

# Question ids. profile.home_country, contacts.phone and contacts.email are shared with the
# contacts checks (KA3xx), which declare the same id and type; security.two_step.enabled is KA401's
# and only read here (absent or "unknown": the password counts as the only factor).
NICKNAME_ID = "profile.nickname"
KAKAO_ID_ID = "profile.kakao_id"
BIRTH_DATE_ID = "profile.birth_date"
HOME_COUNTRY_ID = "profile.home_country"
PHONE_ID = "contacts.phone"
EMAIL_ID = "contacts.email"
TWO_STEP_ID = "security.two_step.enabled"

#: The article's minimum length (ADVICE P2.2).
ARTICLE_MIN_LENGTH = 8
#: NIST SP 800-63B-4 3.1.1.2: 15 when the password is the only factor, 8 with another factor.
NIST_SINGLE_FACTOR_LENGTH = 15
NIST_MULTI_FACTOR_LENGTH = 8
#: The attacker of the time estimate: a leaked, slowly hashed copy tried 10,000 times a second
#: (zxcvbn's "offline slow hashing" scenario).
GUESSES_PER_SECOND = 10_000

NIST_URL = "https://pages.nist.gov/800-63-4/sp800-63b/authenticators/"
OWASP_ASVS_URL = "https://owasp.org/www-project-application-security-verification-standard/"
K9_URL = FACTS["K9"].sources[0]
ZXCVBN_URL = "https://github.com/dwolfhub/zxcvbn-python"

_WHERE_TO_CHANGE = _("Change it in the Kakao Account settings.")
#: A long password can still be easy to guess: the length finding never speaks for the whole password.
_LENGTH_ONLY = _("This is about its length only; how hard it is to guess is the strength finding.")
_STAYS_HERE = _("It is used only to see whether your password contains it; it stays on this computer and is "
                "never shown in the report.")

# zxcvbn's feedback, keyed by its English text (zxcvbn 4.5.0, zxcvbn/feedback.py). A sentence a
# later zxcvbn adds is shown in English (see `_feedback`) until it is added here.
_ZXCVBN_FEEDBACK: dict[str, Msg] = {
    message.msgid: message
    for message in (
        _("Use a few words, avoid common phrases."),
        _("No need for symbols, digits, or uppercase letters."),
        _("Add another word or two. Uncommon words are better."),
        _("Straight rows of keys are easy to guess."),
        _("Short keyboard patterns are easy to guess."),
        _("Use a longer keyboard pattern with more turns."),
        _('Repeats like "aaa" are easy to guess.'),
        _('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
        _("Avoid repeated words and characters."),
        _('Sequences like "abc" or "6543" are easy to guess.'),
        _("Avoid sequences."),
        _("Recent years are easy to guess."),
        _("Avoid recent years."),
        _("Avoid years that are associated with you."),
        _("Dates are often easy to guess."),
        _("Avoid dates and years that are associated with you."),
        _("This is a top-10 common password."),
        _("This is a top-100 common password."),
        _("This is a very common password."),
        _("This is similar to a commonly used password."),
        _("A word by itself is easy to guess."),
        _("Names and surnames by themselves are easy to guess."),
        _("Common names and surnames are easy to guess."),
        _("Capitalization doesn't help very much."),
        _("All-uppercase is almost as easy to guess as all-lowercase."),
        _("Reversed words aren't much harder to guess."),
        _("Predictable substitutions like '@' instead of 'a' don't help very much."),
    )
}

_KIND_LABELS: dict[str, Msg] = {
    BIRTH_DATE: _("your birth date or birth year"),
    NAME: _("your name or nickname"),
    PHONE: _("digits of your phone number"),
    KAKAO_ID: _("your Kakao ID"),
    EMAIL: _("the name part of your email address"),
    SERVICE: _("the service's own name (kakao, カカオ, 카카오)"),
}

_KIND_ADVICE: dict[str, Msg] = {
    BIRTH_DATE: _("Take out your birth date in every form: the year, the month and day, and forms such as "
                  "900512 or 平成2 are among the first guesses of anyone who knows you."),
    NAME: _("Take out your name and nickname: they are on your profile for everyone to see."),
    PHONE: _("Take out the digits of your phone number, including the last four: many people know them."),
    KAKAO_ID: _("Take out your Kakao ID: others see it when they add you."),
    EMAIL: _("Take out the name part of your email address: it is often on the same leaked lists."),
    SERVICE: _("Take out 'kakao' and the app's name: attackers add the service's name to their guesses."),
}


class PasswordStrength(Check):
    """Your password is long, hard to guess and free of your own details (birthday, name, phone, ID).

    What it checks
        The strength of the password you type at the hidden prompt (or give with ``--password-stdin``),
        estimated by zxcvbn, the estimator used by many sign-up forms, which counts the guesses an
        attacker with dictionaries, keyboard patterns, dates and common substitutions would need. zxcvbn's
        dictionaries are English, so kakaoaudit also gives it your own details (``user_inputs``): your names
        and nickname, Kakao ID, the name part of your email address, the digits of your phone number
        (whole, national, last 8 and last 4), your birth date in every common form (19900512, 900512,
        0512, 1205, 1990, 1990/05/12, and the Japanese era forms H02, 平成2, 平成2年, R5...) and the
        service's names (kakao, kakaotalk, katalk, カカオ, 카카오). A password built from them scores low,
        and kakaoaudit says which kinds of detail it found (never the detail itself).

        Thresholds: zxcvbn score 3 or 4 passes, 2 is a warning, 0 or 1 fails. Length: the article's minimum
        is 8 characters; NIST SP 800-63B-4 asks for 15 when the password is the only factor and 8 with
        2-step verification, so 8 to 14 characters pass only when 2-step verification is on (the answer of
        KA401; unknown counts as off). Composition: the article asks for letters, digits and symbols
        mixed; the report says what is missing and that current standards no longer require a mix.
        A password over 72 characters is scored on its first 72 (zxcvbn's limit) and the report says so.

    Why
        The password is the first thing an attacker tries, with lists of leaked passwords and the
        details on your profile. The article asks for 8 or more characters mixing letters, digits and
        symbols, and warns against birthdays and simple words (ADVICE P2.2, P2.3); Kakao's own advice
        after a compromise is a password that is not your ID, birth date, name or phone number (K9).

    Privacy
        The report never contains the password, its length (only "under 8", "8 to 14", "15 or more"),
        or the pieces zxcvbn matched; zxcvbn's result is read for its score and its fixed English
        feedback sentences only, and your details are dropped from zxcvbn's memory after the check.

    Findings
        ``strength-strong`` (pass, score 3-4), ``strength-fair`` (warn, score 2), ``strength-weak`` (fail,
        score 0-1), ``strength-unavailable`` (unknown: zxcvbn failed); ``no-personal-info`` (pass),
        ``personal-info`` (fail), ``personal-info-unchecked`` (unknown: the name or birth date was
        answered "unknown"); ``length-ok`` (pass), ``length-single-factor`` (warn), ``length-short``
        (fail); ``composition-mixed`` (pass), ``composition-missing`` (warn); ``empty`` (unknown: an
        empty password was given, so nothing was checked).

    Sources
        https://pages.nist.gov/800-63-4/sp800-63b/authenticators/ (NIST SP 800-63B-4 3.1.1.2),
        https://owasp.org/www-project-application-security-verification-standard/ (ASVS 5.0.0 6.2.1,
        6.2.5), https://cs.kakao.com/helps_html/1073185993?locale=en (K9),
        https://github.com/dwolfhub/zxcvbn-python (zxcvbn).
    """

    id = "KA101"
    title = _("Password strength")
    category = Category.PASSWORD
    weight = 20
    needs_password = True
    advice_ids = ("P2.2", "P2.3")
    references = (NIST_URL, OWASP_ASVS_URL, K9_URL, ZXCVBN_URL)
    why = _("The password is the first thing an attacker tries, using lists of common passwords and the "
            "details on your profile: birthdays, names and phone numbers are among the first guesses.")
    fix = _("Use a long password (15 characters or more, for example four or five unrelated words) that "
            "contains none of your own details, and let a password manager remember it.")
    # The contacts first (shared with KA301-KA304: identical ids, types and wording): the home country is
    # inferred from the phone number when it can be, and then not asked.
    questions = (
        Question(
            PHONE_ID,
            QType.PHONE,
            _("Which phone number is registered in your Kakao account?"),
            help=_("You can see it in the Kakao Account settings. Write it as you dial it "
                   "at home (090-1234-5678) or with the country code (+81 90-1234-5678). It stays on this "
                   "computer and is masked in the report."),
            prompt_check=check_phone_at_prompt,
        ),
        Question(
            HOME_COUNTRY_ID,
            QType.COUNTRY,
            _("Which country do you live in (the country of your phone number)?"),
            help=_("A country code such as JP or KR, or a name such as Japan. Phone numbers written without "
                   "'+' and a country code are read as numbers of this country."),
            default="JP",
            infer=infer_home_country,
            infer_from=(PHONE_ID,),
        ),
        Question(
            EMAIL_ID,
            QType.EMAIL,
            _("Which email address is registered in your Kakao account? (leave it empty if none is)"),
            help=_("You can see it in the Kakao Account settings. It stays on this "
                   "computer and is masked in the report."),
            prompt_check=check_email_at_prompt,
        ),
        Question(
            NICKNAME_ID,
            QType.TEXT,
            _("Your name and the nickname you use in KakaoTalk (separate several with commas)"),
            help=_STAYS_HERE,
            allow_unknown=True,
            max_length=200,
        ),
        Question(
            BIRTH_DATE_ID,
            QType.DATE,
            _("Your birth date (for example 1990-05-12, 1990/5/12 or 平成2年5月12日)"),
            help=_STAYS_HERE,
            allow_unknown=True,
            past_only=True,
        ),
        Question(
            KAKAO_ID_ID,
            QType.TEXT,
            _("Your Kakao ID, the ID others can search you by (leave it empty if you have none)"),
            help=_STAYS_HERE,
            default="",
            allow_unknown=True,
            lookup=places.ACCOUNT_SETTINGS,
            max_length=100,
            detail=True,
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        if ctx.password is None:  # the engine skips the check first; this keeps it safe on its own
            yield self.finding(Status.SKIPPED, _("No password was given"), code="skipped", severity=Severity.INFO,
                               detail=ctx.password_missing)
            return
        sample = ctx.sample_password
        password = ctx.password.reveal()
        if not password:
            yield self.finding(
                Status.UNKNOWN,
                _("The password given was empty, so its strength was not checked"),
                code="empty",
                detail=_("A Kakao account always has a password: an empty one is most likely a slip (an empty "
                         "line on standard input, or Enter pressed too early)."),
                advice=[_("Run the audit again and type the password at the hidden prompt, or give it as one "
                          "line with --password-stdin.")],
                max_points=10,
            )
            return
        context = self._context(ctx.answers)
        yield self._strength(password, context, sample)
        yield self._personal(password, context, ctx.answers)
        yield self._length(password, ctx.answers.get_bool(TWO_STEP_ID))
        yield self._composition(password)

    # ------------------------------------------------------------------ inputs

    @staticmethod
    def _context(answers: Answers) -> PersonalContext:
        return personal_context(
            names=answers.get_text(NICKNAME_ID),
            kakao_id=answers.get_text(KAKAO_ID_ID),
            email=answers.get_text(EMAIL_ID),
            phone_forms=_phone_forms(answers.get_text(PHONE_ID), answers.get_text(HOME_COUNTRY_ID) or "JP"),
            birth_date=answers.get_date(BIRTH_DATE_ID),
        )

    # ------------------------------------------------------------------ findings

    def _strength(self, password: str, context: PersonalContext, sample: bool) -> Finding:
        try:
            result = estimate_strength(password, context.user_inputs())
        except StrengthUnavailable:
            return self.finding(
                Status.UNKNOWN,
                _("The strength of your password could not be estimated"),
                code="strength-unavailable",
                detail=_("The zxcvbn estimator failed on this password (a fault in zxcvbn, not in your "
                         "password)."),
                advice=[_("Judge it by the other findings here: length, personal details and leaks.")],
                max_points=10,
            )
        detail = _join(
            [_sample_note() if sample else None, _estimate_sentence(result),
             _feedback(result.warning, password) if result.warning else None,
             _("Only its first {limit} characters were scored (the estimator's limit); a longer password is "
               "only stronger.", limit=MAX_SCORED_LENGTH) if result.truncated else None]
        )
        score = result.score
        if score >= 3:
            title = (_("Your password is very hard to guess (strength {score} of 4)", score=score) if score == 4
                     else _("Your password is hard to guess (strength {score} of 4)", score=score))
            return self.finding(Status.PASS, title, code="strength-strong", detail=detail,
                                points=10 if score == 4 else 9, max_points=10, advice_ids=("P2.2",))
        advice = [_feedback(text, password) for text in result.suggestions]
        advice += [
            _("Make it longer rather than more complicated: four or five unrelated words (in any language) make "
              "a password that is both strong and easy to remember."),
            _("Let a password manager create and remember a random password for you."),
            _WHERE_TO_CHANGE,
        ]
        if score == 2:
            return self.finding(
                Status.WARN,
                _("Your password could be guessed with some effort (strength {score} of 4)", score=score),
                code="strength-fair", severity=Severity.MEDIUM, detail=detail, advice=advice,
                points=5, max_points=10, advice_ids=("P2.2",),
            )
        return self.finding(
            Status.FAIL,
            _("Your password is easy to guess (strength {score} of 4)", score=score),
            code="strength-weak", severity=Severity.HIGH, detail=detail, advice=advice,
            points=0, max_points=10, advice_ids=("P2.2",),
        )

    def _personal(self, password: str, context: PersonalContext, answers: Answers) -> Finding:
        found = personal_kinds_in(password, context)
        if found:
            return self.finding(
                Status.FAIL,
                _("Your password contains {items}", items=_and([_KIND_LABELS[kind] for kind in found])),
                code="personal-info",
                severity=Severity.HIGH,
                detail=_("People who know you, and attackers who have your profile or a leaked list, try these "
                         "first. The article warns against birthdays and simple words. {advice}",
                         advice=kakao.PASSWORD_ADVICE()),
                advice=[*(_KIND_ADVICE[kind] for kind in found),
                        _("Choose a new password with none of these, used nowhere else."), _WHERE_TO_CHANGE],
                max_points=5,
                advice_ids=("P2.3",),
            )
        unchecked = [_KIND_LABELS[kind] for key, kind in ((NICKNAME_ID, NAME), (BIRTH_DATE_ID, BIRTH_DATE))
                     if answers.is_unknown(key)]
        checked = _and([_KIND_LABELS[kind] for kind in context.kinds()])
        if unchecked:
            return self.finding(
                Status.UNKNOWN,
                _("Your password could not be checked against {items}", items=_and(unchecked)),
                code="personal-info-unchecked",
                detail=_("You answered \"unknown\", so it was checked only against {checked}, which it does not "
                         "contain.", checked=checked),
                advice=[_("Make sure it contains no birthday (in any form) and not your name: these are among "
                          "the first guesses.")],
                max_points=5,
                advice_ids=("P2.3",),
            )
        return self.finding(
            Status.PASS,
            _("Your password contains none of the personal details you gave"),
            code="no-personal-info",
            detail=_("Checked against {checked}, also reversed and with symbols such as @ for a.",
                     checked=checked),
            max_points=5,
            advice_ids=("P2.3",),
        )

    def _length(self, password: str, two_step: bool | None) -> Finding:
        length = len(password)
        note = _("The article asks for at least 8 characters; NIST SP 800-63B-4 asks for at least 15 when the "
                 "password is the only factor and at least 8 with 2-step verification.")
        references = (NIST_URL, OWASP_ASVS_URL)
        if length < ARTICLE_MIN_LENGTH:
            return self.finding(
                Status.FAIL,
                _("Your password is shorter than 8 characters"),
                code="length-short",
                severity=Severity.HIGH,
                detail=_("Short passwords are tried first by attackers: the article asks for at least 8 "
                         "characters."),
                advice=[_("Make it at least 15 characters long: a few unrelated words are easy to remember."),
                        _WHERE_TO_CHANGE],
                note=note, max_points=5, references=references, advice_ids=("P2.2",),
            )
        if length >= NIST_SINGLE_FACTOR_LENGTH:
            return self.finding(Status.PASS, _("Your password is long enough (15 characters or more)"),
                                code="length-ok", detail=_LENGTH_ONLY,
                                note=note, max_points=5, references=references, advice_ids=("P2.2",))
        if two_step:
            return self.finding(
                Status.PASS,
                _("Your password is long enough with 2-step verification on (8 to 14 characters)"),
                code="length-ok",
                detail=_("It meets the article's minimum of 8, and with 2-step verification the password is not "
                         "the only thing protecting the account. {length_only}", length_only=_LENGTH_ONLY),
                note=note, max_points=5, references=references, advice_ids=("P2.2",),
            )
        return self.finding(
            Status.WARN,
            _("Your password has 8 to 14 characters: the article's minimum, but short for a password used alone"),
            code="length-single-factor",
            severity=Severity.MEDIUM,
            detail=(_("2-step verification is off, so the password alone protects the account.") if two_step is False
                    else _("It is not known whether 2-step verification is on, so the password may be the only "
                           "thing protecting the account.")),
            advice=[_("Make it 15 characters or more (a few unrelated words), or turn on 2-step verification."),
                    _WHERE_TO_CHANGE],
            note=note, max_points=5, references=references, advice_ids=("P2.2",),
        )

    def _composition(self, password: str) -> Finding:
        text = unicodedata.normalize("NFKC", password)
        letters = any(ch.isalpha() for ch in text)
        digits = any(ch.isdecimal() for ch in text)
        symbols = any(not ch.isalnum() for ch in text)
        note = _("NIST SP 800-63B-4 and OWASP ASVS (6.2.5) no longer require a mix of character types: length and "
                 "not being guessable matter more.")
        references = (NIST_URL, OWASP_ASVS_URL)
        missing = [label for present, label in ((letters, _("letters")), (digits, _("digits")),
                                                (symbols, _("symbols"))) if not present]
        if not missing:
            return self.finding(Status.PASS, _("Your password mixes letters, digits and symbols, as the article "
                                               "advises"), code="composition-mixed", note=note, max_points=2,
                                references=references, advice_ids=("P2.2",))
        return self.finding(
            Status.WARN,
            _("Your password has no {missing}", missing=_or(missing)),
            code="composition-missing",
            severity=Severity.LOW,
            detail=_("The article advises mixing letters, digits and symbols."),
            advice=[_("When you next change it, mix in what is missing, or simply make it longer: length adds "
                      "more strength than symbols.")],
            note=note, max_points=2, references=references, advice_ids=("P2.2",),
        )


# ---------------------------------------------------------------------- helpers


def _phone_forms(number: str | None, region: str) -> list[str]:
    """The phone number's digits in the forms people type (phonenumbers gives E.164 and national)."""
    if not number or not number.strip():
        return []
    from kakaoaudit.api import parse_phone  # noqa: PLC0415 - phonenumbers only when there is a number

    info = parse_phone(number, default_region=region)
    raw_digits = "".join(ch for ch in info.raw_normalized if ch in "0123456789")
    e164 = info.e164[1:] if info.e164 else None
    national = e164[len(str(info.country_code)):] if e164 and info.country_code else None
    return phone_digit_forms(raw_digits, national=national, e164=e164)


def _feedback(text: str, password: str) -> Msg:
    """zxcvbn's English sentence in the report's language; an unknown one in English, unless it could
    quote the password (then a fixed sentence instead)."""
    known = _ZXCVBN_FEEDBACK.get(text)
    if known is not None:
        return known
    if _could_quote(text, password):
        return _("The estimator gave a further hint that is not shown, because it could quote your password.")
    return _("{text}", text=text)


def _could_quote(text: str, password: str) -> bool:
    """True when `text` contains the password or any 4 characters of it in a row (any case)."""
    haystack, needle = text.casefold(), password.casefold()
    if len(needle) < 4:
        return needle in haystack
    return any(needle[i:i + 4] in haystack for i in range(len(needle) - 3))


def _estimate_sentence(result: Estimate) -> Msg:
    return _(
        "The zxcvbn estimator, also told the personal details you gave, puts it at about {guesses} guesses: "
        "{time} for an attacker who has a leaked copy and tries 10,000 passwords a second.",
        guesses=_guesses_text(result.guesses_log10),
        time=_duration(result.guesses_log10),
    )


def _guesses_text(log10: float) -> str:
    """About 10^log10 as a readable number: 130,000 below a trillion, 10^15 above (locale-neutral)."""
    if log10 < 12:
        value = 10 ** log10
        digits = max(0, int(log10) - 1)
        return f"{round(value, -digits):,.0f}"
    return f"10^{round(log10)}"


_UNITS: tuple[tuple[float, Msg, Msg], ...] = (
    (60, _("1 second"), _("{n} seconds")),
    (3600, _("1 minute"), _("{n} minutes")),
    (86400, _("1 hour"), _("{n} hours")),
    (86400 * 31, _("1 day"), _("{n} days")),
    (86400 * 365, _("1 month"), _("{n} months")),
    (86400 * 365 * 100, _("1 year"), _("{n} years")),
)
_UNIT_SECONDS = (1, 60, 3600, 86400, 86400 * 30.4, 86400 * 365)


def _duration(guesses_log10: float) -> Msg:
    """The time for the guesses at `GUESSES_PER_SECOND`, in words ("3 hours", "centuries")."""
    exponent = guesses_log10 - 4  # log10(GUESSES_PER_SECOND)
    if exponent > 12:
        return _("centuries")
    seconds = 10 ** exponent
    if seconds < 1:
        return _("less than a second")
    for (limit, one, many), unit in zip(_UNITS, _UNIT_SECONDS, strict=True):
        if seconds < limit:
            count = max(1, round(seconds / unit))
            return one if count == 1 else Msg(many.domain, many.msgid, (("n", count),))
    return _("centuries")


def _sample_note() -> Msg:
    return _("This is the demo's sample password \"{sample}\", not yours.", sample=DEMO_PASSWORD)


def _join(parts: Sequence[Msg | None]) -> Msg | None:
    """Sentences one after the other (the joiner is translated: no space in Japanese)."""
    present = [part for part in parts if part is not None]
    if not present:
        return None
    joined = present[0]
    for part in present[1:]:
        joined = _("{first} {second}", first=joined, second=part)
    return joined


def _and(items: Sequence[Msg]) -> Msg:
    """"a, b and c" in the report's language."""
    if len(items) == 1:
        return items[0]
    joined = items[0]
    for item in items[1:-1]:
        joined = _("{items}, {item}", items=joined, item=item)
    return _("{items} and {last}", items=joined, last=items[-1])


def _or(items: Sequence[Msg]) -> Msg:
    """"a, b or c" in the report's language."""
    if len(items) == 1:
        return items[0]
    joined = items[0]
    for item in items[1:-1]:
        joined = _("{items}, {item}", items=joined, item=item)
    return _("{items} or {last}", items=joined, last=items[-1])
