"""The questions of `kakaoaudit support-kit`: what support asks for in an inquiry.

Apart from kakaoaudit.support_kit (the draft) and light, because every command must know these
questions (one answers file serves all commands): an audit reads them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from kakaoaudit.core.i18n import translator
from kakaoaudit.core.questions import Choice, QType, Question
from kakaoaudit.triage.questions import NOTICE_KIND, NOTICE_TEXT, SYMPTOMS
from kakaoaudit.triage.questions import QUESTIONS as TRIAGE_QUESTIONS
from kakaoaudit.triage.restriction_questions import (
    ABROAD,
    ABROAD_QUESTION,
    EMAIL_QUESTION,
    HOME_COUNTRY_QUESTION,
    LOCAL_COUNTRY_QUESTION,
    PHONE_QUESTION,
    SINCE_QUESTION,
    TIME_ZONE_QUESTION,
)

# The messages stay in the domain of kakaoaudit.support_kit, where they were written first.
_ = translator("kakaoaudit.support_kit")

STEPS_TRIED: Final = "support.steps_tried"
NAME: Final = "support.name"
INQUIRY_NUMBER: Final = "support.inquiry_number"
DEVICE: Final = "support.device"
OS_VERSION: Final = "support.os_version"
APP_VERSION: Final = "support.app_version"
CONTACT_EMAIL: Final = "support.contact_email"
LOCAL_PHONE: Final = "support.local_phone"

_TRIAGE = {question.id: question for question in TRIAGE_QUESTIONS}
#: The audit's answers the reply address is worked out from (checks/contacts.py, KA302).
REGISTERED_EMAIL: Final = "contacts.email"
EMAIL_ACCESS: Final = "contacts.email_access"


def reply_address(answers: Mapping[str, Any], lang: str) -> str | None:
    """The registered email address as the reply address, when the person said they can open that mailbox
    today; None otherwise (then it is asked)."""
    address = answers.get(REGISTERED_EMAIL)
    if answers.get(EMAIL_ACCESS) is True and isinstance(address, str) and address.strip():
        return address.strip()
    return None

QUESTIONS: Final[tuple[Question, ...]] = (
    SINCE_QUESTION,
    _TRIAGE[SYMPTOMS],
    _TRIAGE[NOTICE_KIND],
    _TRIAGE[NOTICE_TEXT],
    Question(
        STEPS_TRIED,
        QType.MULTI,
        _("What have you tried already? Choose everything that fits."),
        choices=(
            Choice("waited", _("Waited for it to lift by itself")),
            Choice("restarted", _("Restarted the app and the phone")),
            Choice("switched_network", _("Switched between Wi-Fi and mobile data")),
            Choice("updated_app", _("Updated KakaoTalk to the latest version")),
            Choice("checked_registered_info", _("Checked the registered phone number and email")),
            Choice("changed_password", _("Changed the password")),
            Choice("contacted_support", _("Contacted support before")),
        ),
    ),
    Question(
        NAME,
        QType.TEXT,
        _("Your full name, exactly as on your ID document"),
        help=_("Support compares it with the ID document you send."),
        max_length=100,
    ),
    PHONE_QUESTION,
    EMAIL_QUESTION,
    Question(
        INQUIRY_NUMBER,
        QType.TEXT,
        _("The inquiry number, if support already gave you one (empty if none)"),
        default="",
        max_length=64,
    ),
    Question(
        DEVICE,
        QType.TEXT,
        _("Which phone or computer do you use KakaoTalk on? (e.g. iPhone 15, Galaxy S24)"),
        max_length=100,
    ),
    Question(
        OS_VERSION,
        QType.TEXT,
        _("Its operating system and version (e.g. iOS 18.1, Android 15)"),
        help=_("iPhone: Settings > General > About. Android: Settings > About phone."),
        max_length=60,
    ),
    Question(
        APP_VERSION,
        QType.TEXT,
        _("KakaoTalk's version (e.g. 25.9.0)"),
        help=_("Shown in KakaoTalk's settings (version information), or on its page in the app store."),
        allow_unknown=True,
        max_length=40,
    ),
    Question(
        CONTACT_EMAIL,
        QType.EMAIL,
        _("The email address where support should reply"),
        help=_("Often the registered one. Choose an address you can open now."),
        # Not asked when the audit's answers say the registered mailbox can be opened today.
        infer=reply_address,
        infer_from=(REGISTERED_EMAIL, EMAIL_ACCESS),
    ),
    HOME_COUNTRY_QUESTION,
    ABROAD_QUESTION,
    LOCAL_COUNTRY_QUESTION,
    Question(
        LOCAL_PHONE,
        QType.PHONE,
        _("A phone number where you can be reached there (empty if none)"),
        help=_("From abroad, the inquiry should give a local contact if you have one."),
        default="",
        when={ABROAD: True},
    ),
    TIME_ZONE_QUESTION,
)
