"""Phone numbers and email addresses: parse, classify, compare and mask them.

Pure and i18n-free: every result is a frozen dataclass with machine-readable codes (`PhoneType`,
the `problem` strings listed in `PHONE_PROBLEMS` / `EMAIL_PROBLEMS`); callers translate.
Nothing here raises on any `str` input, and nothing touches the network unless
`parse_email(..., check_dns=True)` is asked for explicitly.

Import cost: only the core of `phonenumbers` (about 11 MB; never `phonenumbers.geocoder` or
`phonenumbers.carrier`, about 110 MB); `email_validator` is imported on the first `parse_email`.

Privacy: the dataclasses' `repr()` shows masked values only (see `mask_phone` / `mask_email`), so a
`PhoneInfo` or `EmailInfo` that ends up in a log line or a traceback does not leak the number or the
address. The fields themselves hold the real values: treat them like the input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Final

import phonenumbers

if TYPE_CHECKING:  # pragma: no cover
    from email_validator import ValidatedEmail

__all__ = [
    "EMAIL_PROBLEMS",
    "MAX_EMAIL_INPUT",
    "MAX_PHONE_INPUT",
    "PHONE_PROBLEMS",
    "EmailInfo",
    "PhoneInfo",
    "PhoneType",
    "mask_email",
    "mask_phone",
    "parse_email",
    "parse_phone",
    "same_email",
    "same_phone",
]

# --------------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------------

#: Longest phone input (characters, after NFKC and trimming) that is parsed; longer is "too_long".
#: A formatted international number with spaces is about 20 characters; E.164 allows 15 digits.
MAX_PHONE_INPUT: Final = 64

#: Inputs longer than this (before normalisation) are not even normalised: "too_long" at once.
_PHONE_HARD_CAP: Final = 4 * MAX_PHONE_INPUT

#: The machine codes `PhoneInfo.problem` can take (None when the number is valid).
#:
#: - ``empty``: nothing but white space;
#: - ``too_long``: longer than `MAX_PHONE_INPUT` characters, or more digits than any numbering plan;
#: - ``letters``: contains letters. Rejected on purpose: phonenumbers reads letters as a phone keypad
#:   ("1-800-FLOWERS"), which silently turns a typo such as "O90" (letter O) into another, valid number;
#: - ``no_digits``: no digit at all (emoji, punctuation);
#: - ``invalid_country_code``: "+" followed by an unassigned calling code, or a national number
#:   without "+" and no usable `default_region`;
#: - ``not_a_number``: phonenumbers found no phone number in the text;
#: - ``too_short``: too few digits for the country (or after the international prefix);
#: - ``invalid_length``: a length between the plan's shortest and longest that the plan never uses;
#: - ``invalid``: a possible length but not a number of the plan (wrong prefix, unassigned range,
#:   or a national number written for another country than `default_region`).
PHONE_PROBLEMS: Final = frozenset(
    {
        "empty",
        "too_long",
        "letters",
        "no_digits",
        "invalid_country_code",
        "not_a_number",
        "too_short",
        "invalid_length",
        "invalid",
    }
)


class PhoneType(str, Enum):
    """What kind of line a number is, as far as the numbering plan says (not "in service")."""

    MOBILE = "mobile"
    FIXED_LINE = "fixed_line"
    FIXED_LINE_OR_MOBILE = "fixed_line_or_mobile"
    VOIP = "voip"
    TOLL_FREE = "toll_free"
    PREMIUM_RATE = "premium_rate"
    PAGER = "pager"
    PERSONAL_NUMBER = "personal_number"
    UAN = "uan"
    VOICEMAIL = "voicemail"
    SHARED_COST = "shared_cost"
    UNKNOWN = "unknown"


_PNT = phonenumbers.PhoneNumberType
_TYPE_MAP: Final[dict[int, PhoneType]] = {
    _PNT.MOBILE: PhoneType.MOBILE,
    _PNT.FIXED_LINE: PhoneType.FIXED_LINE,
    _PNT.FIXED_LINE_OR_MOBILE: PhoneType.FIXED_LINE_OR_MOBILE,
    _PNT.VOIP: PhoneType.VOIP,
    _PNT.TOLL_FREE: PhoneType.TOLL_FREE,
    _PNT.PREMIUM_RATE: PhoneType.PREMIUM_RATE,
    _PNT.PAGER: PhoneType.PAGER,
    _PNT.PERSONAL_NUMBER: PhoneType.PERSONAL_NUMBER,
    _PNT.UAN: PhoneType.UAN,
    _PNT.VOICEMAIL: PhoneType.VOICEMAIL,
    _PNT.SHARED_COST: PhoneType.SHARED_COST,
    _PNT.UNKNOWN: PhoneType.UNKNOWN,
}

_PARSE_ERRORS: Final[dict[int, str]] = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    phonenumbers.NumberParseException.NOT_A_NUMBER: "not_a_number",
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too_short",
    phonenumbers.NumberParseException.TOO_SHORT_NSN: "too_short",
    phonenumbers.NumberParseException.TOO_LONG: "too_long",
}

_VR = phonenumbers.ValidationResult
_LENGTH_PROBLEMS: Final[dict[int, str]] = {
    _VR.INVALID_COUNTRY_CODE: "invalid_country_code",
    _VR.TOO_SHORT: "too_short",
    _VR.TOO_LONG: "too_long",
    _VR.INVALID_LENGTH: "invalid_length",
}

#: Letters that Japanese input methods produce as a dash ("090ー1234ー5678"): not "letters".
_DASH_LETTERS: Final = frozenset({"\u30fc"})  # KATAKANA-HIRAGANA PROLONGED SOUND MARK

#: Kept as they are by `mask_phone` on input it could not parse (layout only, no information).
_PHONE_SEPARATORS: Final = frozenset(" +-()./\u30fc\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


@dataclass(frozen=True, repr=False)
class PhoneInfo:
    """What `parse_phone` found out about one phone number.

    `region` is the ISO 3166-1 alpha-2 code of the number (None for numbers of no country, such as
    +800 international freephone, and for invalid numbers of shared calling codes like +1).
    `e164` is set only when `valid` is True. `sms_capable` is True for MOBILE, None when nobody can
    tell (FIXED_LINE_OR_MOBILE, as in the US and Canada, and numbers that are not valid) and False
    for every other type (VOIP such as JP 050 / KR 070, fixed lines, pagers, toll-free...).
    """

    raw_normalized: str  # NFKC (full-width digits, plus and hyphens -> ASCII), trimmed, capped
    parsed: bool  # phonenumbers could parse it
    possible: bool  # phonenumbers.is_possible_number: the length fits (says nothing else)
    valid: bool  # phonenumbers.is_valid_number: matches the numbering plan (not "in service")
    region: str | None
    e164: str | None
    type: PhoneType
    problem: str | None  # one of PHONE_PROBLEMS, None when valid
    sms_capable: bool | None
    country_code: int | None = None  # the calling code phonenumbers read or assumed, e.g. 81

    def __repr__(self) -> str:
        return (
            f"PhoneInfo(masked={mask_phone(self)!r}, parsed={self.parsed}, possible={self.possible}, "
            f"valid={self.valid}, region={self.region!r}, type={self.type.value!r}, "
            f"problem={self.problem!r}, sms_capable={self.sms_capable})"
        )


def _sms_capable(kind: PhoneType) -> bool | None:
    if kind is PhoneType.MOBILE:
        return True
    if kind in (PhoneType.FIXED_LINE_OR_MOBILE, PhoneType.UNKNOWN):
        return None
    return False


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() and ch not in _DASH_LETTERS for ch in text)


def _has_digits(text: str) -> bool:
    return any(ch.isdecimal() for ch in text)


def _failed_phone(
    raw: str,
    problem: str,
    *,
    parsed: bool = False,
    possible: bool = False,
    region: str | None = None,
    country_code: int | None = None,
) -> PhoneInfo:
    return PhoneInfo(
        raw_normalized=raw,
        parsed=parsed,
        possible=possible,
        valid=False,
        region=region,
        e164=None,
        type=PhoneType.UNKNOWN,
        problem=problem,
        sms_capable=None,
        country_code=country_code,
    )


def _clean_region(region: str | None) -> str | None:
    if not region or region in (phonenumbers.UNKNOWN_REGION, phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY):
        return None
    return region


def parse_phone(text: str, default_region: str = "JP") -> PhoneInfo:
    """Parse and classify one phone number; never raises for a `str`.

    The text is trimmed and NFKC-normalised first (full-width digits, "＋" and "－" become ASCII),
    so "０９０－１２３４－５６７８" is the same as "090-1234-5678". Spaces, hyphens (including
    "ー" typed by a Japanese IME), brackets, dots and a "+" are accepted; "+81 (0)90-..." and a
    "tel:" URI are understood. Any other letter makes it "letters" (see `PHONE_PROBLEMS`);
    emoji and other symbols around the number are ignored.

    `default_region` (ISO alpha-2, any case) is the country assumed for a number written without
    "+": "010-1234-5678" is a Korean mobile with "KR" but not a number with "JP" (where "010" is
    the international prefix). An empty `default_region` or "ZZ" requires "+". The "00"
    international prefix is left to phonenumbers: it works where the region uses it (KR), not in
    Japan ("0081 90-..." with "JP" is "invalid").

    Input longer than `MAX_PHONE_INPUT` characters is not parsed ("too_long") and
    `raw_normalized` then keeps only its first `MAX_PHONE_INPUT` characters.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_phone() takes a str, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        return _failed_phone("", "empty")
    if len(stripped) > _PHONE_HARD_CAP:
        head = unicodedata.normalize("NFKC", stripped[:_PHONE_HARD_CAP]).strip()
        return _failed_phone(head[:MAX_PHONE_INPUT], "too_long")
    raw = unicodedata.normalize("NFKC", stripped).strip()
    if not raw:
        return _failed_phone("", "empty")
    if len(raw) > MAX_PHONE_INPUT:
        return _failed_phone(raw[:MAX_PHONE_INPUT], "too_long")
    if _has_letters(raw[4:] if raw[:4].casefold() == "tel:" else raw):
        return _failed_phone(raw, "letters")
    if not _has_digits(raw):
        return _failed_phone(raw, "no_digits")

    region = (default_region or "").strip().upper() or phonenumbers.UNKNOWN_REGION
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        return _failed_phone(raw, _PARSE_ERRORS.get(exc.error_type, "not_a_number"))
    except Exception:  # a bug in phonenumbers must not crash an audit
        return _failed_phone(raw, "not_a_number")

    possible = bool(phonenumbers.is_possible_number(number))
    valid = bool(phonenumbers.is_valid_number(number))
    country_code = int(number.country_code) if number.country_code else None
    num_region = _clean_region(phonenumbers.region_code_for_number(number))
    if not valid:
        reason = phonenumbers.is_possible_number_with_reason(number)
        problem = _LENGTH_PROBLEMS.get(reason, "invalid")
        return _failed_phone(
            raw, problem, parsed=True, possible=possible, region=num_region, country_code=country_code
        )
    kind = _TYPE_MAP.get(phonenumbers.number_type(number), PhoneType.UNKNOWN)
    return PhoneInfo(
        raw_normalized=raw,
        parsed=True,
        possible=possible,
        valid=True,
        region=num_region,
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        type=kind,
        problem=None,
        sms_capable=_sms_capable(kind),
        country_code=country_code,
    )


def mask_phone(text_or_info: str | PhoneInfo, default_region: str = "JP") -> str:
    """A phone number for reports that shows the calling code and the last 2 digits only.

    The exact rule:

    - a valid number is written in the international format and every digit after the calling
      code except the last two becomes "*": "+81 90-1234-5678" -> "+81 **-****-**78",
      "+1 650-253-0000" -> "+1 ***-***-**00";
    - anything else (not parsed, not valid, letters...) keeps its layout: separators
      (space + - ( ) . / and dashes) stay, every other character becomes "*", except the last two
      digits of the text, which stay: "090-ABCD-5678" -> "***-****-**78". Input that was too long
      is masked completely (and shortened to `MAX_PHONE_INPUT` characters).

    So the output never holds more than two digits of the number plus its calling code.
    A `str` is parsed first with `parse_phone(text, default_region)`.
    """
    info = text_or_info if isinstance(text_or_info, PhoneInfo) else parse_phone(text_or_info, default_region)
    if info.valid and info.e164 is not None:
        try:
            number = phonenumbers.parse(info.e164, None)
            formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        except Exception:  # fall back to the plain mask below
            formatted = ""
        prefix = f"+{info.country_code} "
        if info.country_code is not None and formatted.startswith(prefix):
            return prefix + _mask_digits(formatted[len(prefix) :], keep_last=2)
    keep = 0 if info.problem == "too_long" else 2
    return _mask_digits(info.raw_normalized[:MAX_PHONE_INPUT], keep_last=keep)


def _mask_digits(text: str, *, keep_last: int) -> str:
    """Separators stay, the last `keep_last` decimal digits stay, everything else becomes "*"."""
    digit_positions = [i for i, ch in enumerate(text) if ch.isdecimal()]
    shown = set(digit_positions[-keep_last:]) if keep_last > 0 else set()
    return "".join(ch if (i in shown or ch in _PHONE_SEPARATORS) else "*" for i, ch in enumerate(text))


def same_phone(a: PhoneInfo, b: PhoneInfo) -> bool:
    """True when both are the same number.

    Valid numbers are compared by E.164, so "090-1234-5678" (JP) equals "+81 90 1234 5678".
    When either is not valid, the two are the same only if their decimal digits are identical
    and there is at least one (a second copy of the same typo counts as the same).
    """
    if a.e164 is not None and b.e164 is not None:
        return a.e164 == b.e164
    if a.valid or b.valid:
        return False
    da = "".join(ch for ch in a.raw_normalized if ch.isdecimal())
    db = "".join(ch for ch in b.raw_normalized if ch.isdecimal())
    return bool(da) and da == db


# --------------------------------------------------------------------------------------------------
# Email addresses
# --------------------------------------------------------------------------------------------------

#: RFC 5321 limit for a whole address (octets); longer input is "too_long" without parsing it.
MAX_EMAIL_INPUT: Final = 254

#: The machine codes `EmailInfo.problem` can take (None when the address is valid).
#:
#: - ``empty``: nothing but white space;
#: - ``too_long``: the address, the part before or the part after "@" is too long;
#: - ``full_width``: not valid and contains full-width ASCII forms ("ｔａｒｏ＠..." typed with a
#:   Japanese IME in full-width mode): retype with half-width characters;
#: - ``syntax``: any other syntax error (the English reason is in `problem_detail`);
#: - ``undeliverable``: only with `check_dns=True`: the domain does not exist or takes no mail.
EMAIL_PROBLEMS: Final = frozenset({"empty", "too_long", "full_width", "syntax", "undeliverable"})

_EMAIL_HARD_CAP: Final = 4 * MAX_EMAIL_INPUT
_DNS_ERROR_PREFIX: Final = "There was an error while checking"


@dataclass(frozen=True, repr=False)
class EmailInfo:
    """What `parse_email` found out about one email address.

    `normalized` is email-validator's normalised form (domain lower case and in Unicode, local part
    as typed, NFC). `ascii_domain` is the IDNA (punycode) form of the domain. `smtputf8` is True
    when the local part itself is not ASCII (the mail servers on the way must support SMTPUTF8).

    `problem_detail` is email-validator's English explanation of a syntax or DNS failure (for a
    DNS check that could not be done: "timeout", "no_nameservers" or the exception's name).
    Privacy: it may quote parts of the address (the domain, a character), so treat it like the
    address and never copy it unmasked into a report that may be shared.

    `deliverable` is None unless `check_dns=True`; then True when the domain has MX (or A/AAAA)
    records, False when it does not ("undeliverable"), and None again when DNS could not answer
    (timeout, no name server): "could not check" is never reported as undeliverable.
    """

    raw_normalized: str  # NFC, trimmed, capped to MAX_EMAIL_INPUT characters
    valid: bool
    normalized: str | None
    local_part: str | None
    domain: str | None
    ascii_domain: str | None
    smtputf8: bool
    problem: str | None  # one of EMAIL_PROBLEMS, None when valid
    problem_detail: str | None = None
    deliverable: bool | None = None

    def __repr__(self) -> str:
        return (
            f"EmailInfo(masked={mask_email(self)!r}, valid={self.valid}, smtputf8={self.smtputf8}, "
            f"problem={self.problem!r}, deliverable={self.deliverable})"
        )


def _failed_email(
    raw: str, problem: str, detail: str | None = None, deliverable: bool | None = None
) -> EmailInfo:
    return EmailInfo(
        raw_normalized=raw,
        valid=False,
        normalized=None,
        local_part=None,
        domain=None,
        ascii_domain=None,
        smtputf8=False,
        problem=problem,
        problem_detail=detail,
        deliverable=deliverable,
    )


def _has_full_width(text: str) -> bool:
    return any("\uff01" <= ch <= "\uff5e" or ch == "\u3000" for ch in text)


def _syntax_problem(raw: str, message: str) -> str:
    if "too long" in message.lower():
        return "too_long"
    if _has_full_width(raw):
        return "full_width"
    return "syntax"


def _valid_email(
    raw: str, result: ValidatedEmail, deliverable: bool | None, detail: str | None = None
) -> EmailInfo:
    return EmailInfo(
        raw_normalized=raw,
        valid=True,
        normalized=result.normalized,
        local_part=result.local_part,
        domain=result.domain,
        ascii_domain=result.ascii_domain,
        smtputf8=bool(result.smtputf8),
        problem=None,
        problem_detail=detail,
        deliverable=deliverable,
    )


def parse_email(text: str, *, check_dns: bool = False, dns_timeout: float = 5.0) -> EmailInfo:
    """Validate one email address with email-validator; never raises for a `str`.

    The text is trimmed and NFC-normalised (not NFKC: that would change some legitimate Unicode
    local parts; full-width input gets its own problem code instead). Internationalised addresses
    ("taro@例え.jp", "山田@example.jp") are valid. Quoted local parts ('"john doe"@...'), IP
    literals and special-use domains (.test, .invalid, localhost...) are not, as email-validator's
    defaults say.

    Offline by default. With `check_dns=True` the domain's MX/A/AAAA records are looked up with a
    private resolver (`dns_timeout` seconds in all; dnspython's shared default resolver is not
    changed); see `EmailInfo.deliverable`.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_email() takes a str, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        return _failed_email("", "empty")
    if len(stripped) > _EMAIL_HARD_CAP:
        head = unicodedata.normalize("NFC", stripped[:_EMAIL_HARD_CAP]).strip()
        return _failed_email(head[:MAX_EMAIL_INPUT], "too_long")
    raw = unicodedata.normalize("NFC", stripped).strip()
    if not raw:
        return _failed_email("", "empty")
    if len(raw) > MAX_EMAIL_INPUT:
        return _failed_email(raw[:MAX_EMAIL_INPUT], "too_long")

    import email_validator  # noqa: PLC0415 - lazy: about 70 ms, only needed here

    try:
        result = email_validator.validate_email(raw, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        message = str(exc)
        return _failed_email(raw, _syntax_problem(raw, message), message)
    except Exception as exc:  # a bug in a dependency must not crash an audit
        return _failed_email(raw, "syntax", f"{type(exc).__name__}")
    if not check_dns:
        return _valid_email(raw, result, None)
    deliverable, detail = _check_deliverability(result, dns_timeout)
    if deliverable is False:
        return EmailInfo(
            raw_normalized=raw,
            valid=False,
            normalized=result.normalized,
            local_part=result.local_part,
            domain=result.domain,
            ascii_domain=result.ascii_domain,
            smtputf8=bool(result.smtputf8),
            problem="undeliverable",
            problem_detail=detail,
            deliverable=False,
        )
    return _valid_email(raw, result, deliverable, detail)


def _check_deliverability(result: ValidatedEmail, timeout: float) -> tuple[bool | None, str | None]:
    """(True, None) deliverable, (False, reason) undeliverable, (None, reason) could not check."""
    try:
        from email_validator import EmailUndeliverableError, caching_resolver  # noqa: PLC0415
        from email_validator.deliverability import validate_email_deliverability  # noqa: PLC0415

        # A resolver of our own: passing `timeout=` alone would change dnspython's shared default.
        resolver = caching_resolver()
        resolver.lifetime = timeout  # seconds for the whole lookup
        info = validate_email_deliverability(result.ascii_domain, result.domain, dns_resolver=resolver)
    except EmailUndeliverableError as exc:
        message = str(exc)
        if message.startswith(_DNS_ERROR_PREFIX):  # an unexpected DNS failure: not an answer
            return None, message
        return False, message
    except Exception as exc:  # no resolver configuration, no network...
        return None, type(exc).__name__
    if "unknown-deliverability" in info:
        return None, str(info["unknown-deliverability"])
    return True, None


def _keep_count(length: int) -> int:
    """How many leading characters of a part the masks show: 2 from 5 on, 1 from 2 on, else 0."""
    if length >= 5:
        return 2
    if length >= 2:
        return 1
    return 0


def _mask_local(local: str) -> str:
    return local[: _keep_count(len(local))] + "***"


def _mask_domain(domain: str) -> str:
    head, dot, tld = domain.rpartition(".")
    if not dot:  # no dot: mask it like a single label
        head, tld = domain, ""
    keep = _keep_count(len(head))
    stars = "*" * min(max(len(head) - keep, 1), 10)
    return head[:keep] + stars + (f".{tld}" if dot else "")


def mask_email(text_or_info: str | EmailInfo) -> str:
    """An email address for reports: "tanaka@example.com" -> "ta***@ex*****.com".

    The exact rule, for the part before the last "@" (the local part) and the domain:

    - local part: its first 2 characters when it has 5 or more, the first 1 when it has 2 to 4,
      none when it has 1; then always "***" (three, whatever the length);
    - domain: the last label (the top-level domain, e.g. "com", "jp") is kept; of the rest, the
      first 2 characters (5 or more), 1 (2 to 4) or none (1) are kept and every other character,
      dots included, becomes "*" (at least one, at most ten);
    - without "@": masked like a local part. Empty input gives "".

    At least one character of the local part and of the domain name is always hidden, so the
    local part is never shown whole. A valid address is masked in its normalised form (Unicode
    domain), anything else as typed (trimmed, capped to `MAX_EMAIL_INPUT` characters).
    """
    info = text_or_info if isinstance(text_or_info, EmailInfo) else parse_email(text_or_info)
    if info.local_part is not None and info.domain is not None:
        local, domain = info.local_part, info.domain
    else:
        raw = info.raw_normalized[:MAX_EMAIL_INPUT]
        if not raw:
            return ""
        local, at, domain = raw.rpartition("@")
        if not at:
            return _mask_local(raw)
    return f"{_mask_local(local)}@{_mask_domain(domain) if domain else ''}"


def _email_key(info: EmailInfo) -> str | None:
    if info.local_part is not None and info.ascii_domain is not None:
        return f"{info.local_part.casefold()}@{info.ascii_domain.lower()}"
    return None


def same_email(a: EmailInfo, b: EmailInfo) -> bool:
    """True when both are the same address.

    Parsed addresses compare the local part case-insensitively (`str.casefold`; strictly the
    local part may be case-sensitive, but no mail provider a KakaoTalk user meets treats it so)
    and the domain in its IDNA form, so "Taro@Example.COM" equals "taro@example.com" and
    "taro@例え.jp" equals "taro@xn--r8jz45g.jp". Provider tricks are not undone: "t.aro" and
    "taro+kakao" at Gmail are different addresses here. When either was not parsed, the trimmed
    inputs are compared case-insensitively (and must not be empty).
    """
    ka, kb = _email_key(a), _email_key(b)
    if ka is not None and kb is not None:
        return ka == kb
    if ka is not None or kb is not None:
        return False
    return bool(a.raw_normalized) and a.raw_normalized.casefold() == b.raw_normalized.casefold()

