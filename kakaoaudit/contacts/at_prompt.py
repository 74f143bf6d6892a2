"""A second look at a phone number or an email address as it is typed at the prompt (`Question.prompt_check`).

At the prompt only: an address that is not valid, or whose domain looks like a typo of a common
one (gmial.com, yahoo.co.jpp, naver.con), and a phone number with letters or without digits are
asked again with what is wrong and, where there is one, a suggestion. Typing the same answer again
keeps it: an answers file keeps it too, and the contact checks report it in their findings.
"""

from __future__ import annotations

from kakaoaudit.core.i18n import Msg, translator

_ = translator("kakaoaudit.contacts.at_prompt")

_KEEP = _("Type it again (or the same again to keep it).")


def check_email(value: object) -> Msg | None:
    """What to say about a typed email address, or None when it looks right (or is empty)."""
    if not isinstance(value, str) or not value.strip():
        return None
    from kakaoaudit.contacts.phone_email import parse_email  # noqa: PLC0415 - email-validator when an address is typed
    from kakaoaudit.contacts.typos import suggest_address  # noqa: PLC0415

    info = parse_email(value)
    suggestion = suggest_address(info.normalized or value.strip())
    shown = value.strip()[:80]
    if info.valid:
        if suggestion is None:
            return None
        return _("{email}: did you mean {suggestion}? {keep}", email=shown, suggestion=suggestion, keep=_KEEP)
    reason = _email_reason(info.problem, info.raw_normalized)
    if suggestion is not None:
        return _("{email} is not a valid email address ({reason}). Did you mean {suggestion}? {keep}", email=shown,
                 reason=reason, suggestion=suggestion, keep=_KEEP)
    return _("{email} is not a valid email address ({reason}). {keep}", email=shown, reason=reason, keep=_KEEP)


def check_phone(value: object) -> Msg | None:
    """What to say about a typed phone number that cannot be one (letters, no digits, far too long)."""
    if not isinstance(value, str) or not value.strip():
        return None
    from kakaoaudit.contacts.phone_email import parse_phone  # noqa: PLC0415 - phonenumbers when a number is typed

    info = parse_phone(value, "ZZ" if value.strip().startswith("+") else "JP")
    reasons = {
        "letters": _("it contains letters"),
        "no_digits": _("it contains no digits"),
        "too_long": _("it is longer than any phone number"),
        "not_a_number": _("it does not look like a phone number"),
    }
    reason = reasons.get(info.problem or "")
    if reason is None:
        return None
    return _("{phone} cannot be read as a phone number ({reason}). Type it as you dial it, for example "
             "090-1234-5678 or +81 90-1234-5678. {keep}", phone=value.strip()[:40], reason=reason, keep=_KEEP)


def _email_reason(problem: str | None, text: str) -> Msg:
    if problem == "full_width":
        return _("it has full-width characters: switch the keyboard to half-width")
    if problem == "too_long":
        return _("it is too long")
    if "@" not in text:
        return _("it has no @")
    if any(ch.isspace() for ch in text):
        return _("it has a space")
    domain = text.rpartition("@")[2]
    if "." not in domain:
        return _("the part after the @ is incomplete, for example it lacks .com or .jp")
    return _("it is not in the form name@example.com")
