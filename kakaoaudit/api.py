"""What a check author imports: the stable check API of kakaoaudit.

A check is a small declarative class::

    from kakaoaudit.api import Category, Check, Context, Finding, Question, QType, Severity, Status, translator

    _ = translator("mycompany-checks", localedir=Path(__file__).parent / "locale")

    class ScreenLock(Check):
        \"\"\"The phone's screen lock (its docstring is its documentation page).\"\"\"

        id = "EXM101"
        title = _("Screen lock on the phone")
        category = Category.SECURITY
        questions = (Question("device.screen_lock", QType.BOOL, _("Does your phone have a screen lock?")),)

        def run(self, ctx: Context) -> Iterable[Finding]:
            if ctx.answers.get_bool("device.screen_lock"):
                yield self.finding(Status.PASS, _("The screen lock is on"), code="on")
            else:
                yield self.finding(Status.FAIL, _("No screen lock"), code="off", severity=Severity.HIGH)

and an entry point in the group ``kakaoaudit.checks`` whose name is the check's ID.

A check never prints, prompts, reads files or opens sockets: everything comes from `Context`.
kakaoaudit's own checks (``kakaoaudit.checks``) import nothing of kakaoaudit but this module, so
each of them is an example a plugin can follow.

Besides the check classes, the API offers the helpers the built-in checks use (docs/plugins.md):
phone numbers and email addresses (`parse_phone`, `mask_phone`, `parse_email`, ...; `infer_home_country` for
`Question.infer`, `check_email_at_prompt`/`check_phone_at_prompt` for `Question.prompt_check`, `suggest_address`
for a likely typo in an address), country names,
the password's strength (`estimate_strength`, zxcvbn called safely) and the person's own details
in a password, the classifier of web addresses (`classify_url`), and the travel checks' base class
(`TravelCheck`). The heavy ones (phonenumbers, zxcvbn, the country table) load on first use.

What a check says about Kakao comes from `claims` (``from kakaoaudit.api import claims as kakao``;
``kakao.COUNTRY_APPROVAL()``): every sentence about Kakao, once, tied to the facts it states (`FACTS`,
KAKAO-FACTS K1-K18 and the article's items) and worded at their confidence. A finding's references
default to the sources of the claims it states. A plugin states its own with `claim(fact_ids, _("..."))`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kakaoaudit.core import claims, lookup_places
from kakaoaudit.core.answer_text import NEVER, RoughDate
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.check import BreachLookup, BreachSource, Check, Context
from kakaoaudit.core.errors import KakaoauditError
from kakaoaudit.core.facts import FACTS, Claim, Confidence, Fact, claim
from kakaoaudit.core.i18n import Msg, Private, translator
from kakaoaudit.core.model import Category, ChecklistItem, Finding, Phase, Severity, Status
from kakaoaudit.core.questions import KNOWN, NO_DEFAULT, UNKNOWN, UNSURE, Choice, QType, Question
from kakaoaudit.core.secret import DEMO_PASSWORD, Secret

if TYPE_CHECKING:
    from kakaoaudit.contacts.at_prompt import check_email as check_email_at_prompt
    from kakaoaudit.contacts.at_prompt import check_phone as check_phone_at_prompt
    from kakaoaudit.contacts.inference import infer_home_country
    from kakaoaudit.contacts.phone_email import (
        EmailInfo,
        PhoneInfo,
        PhoneType,
        mask_email,
        mask_phone,
        parse_email,
        parse_phone,
        same_email,
        same_phone,
    )
    from kakaoaudit.contacts.typos import likely_typo, suggest_address
    from kakaoaudit.core.countries import lookup as lookup_country
    from kakaoaudit.core.countries import name as country_name
    from kakaoaudit.password.personal import (
        BIRTH_DATE,
        EMAIL,
        KAKAO_ID,
        NAME,
        PHONE,
        SERVICE,
        PersonalContext,
        personal_context,
        personal_kinds_in,
        phone_digit_forms,
    )
    from kakaoaudit.password.strength import MAX_SCORED_LENGTH, Estimate, StrengthUnavailable
    from kakaoaudit.password.strength import estimate as estimate_strength
    from kakaoaudit.travel.trip import (
        HOME_COUNTRY,
        ON_TRIP,
        TRIP_QUESTIONS,
        TravelCheck,
        Trip,
        country_choice,
        country_label,
        country_list,
        difference_of,
        time_differences,
    )
    from kakaoaudit.urls.classify import UrlVerdict, Verdict
    from kakaoaudit.urls.classify import classify as classify_url
    from kakaoaudit.urls.classify import explain as explain_url

__all__ = [
    "BIRTH_DATE",
    "DEMO_PASSWORD",
    "EMAIL",
    "FACTS",
    "HOME_COUNTRY",
    "KAKAO_ID",
    "KNOWN",
    "MAX_SCORED_LENGTH",
    "NAME",
    "NEVER",
    "NO_DEFAULT",
    "ON_TRIP",
    "PHONE",
    "SERVICE",
    "TRIP_QUESTIONS",
    "UNKNOWN",
    "UNSURE",
    "Answers",
    "BreachLookup",
    "BreachSource",
    "Category",
    "Check",
    "ChecklistItem",
    "Choice",
    "Claim",
    "Confidence",
    "Context",
    "EmailInfo",
    "Estimate",
    "Fact",
    "Finding",
    "KakaoauditError",
    "Msg",
    "PersonalContext",
    "Phase",
    "PhoneInfo",
    "PhoneType",
    "Private",
    "QType",
    "Question",
    "RoughDate",
    "Secret",
    "Severity",
    "Status",
    "StrengthUnavailable",
    "TravelCheck",
    "Trip",
    "UrlVerdict",
    "Verdict",
    "check_email_at_prompt",
    "check_phone_at_prompt",
    "claim",
    "claims",
    "classify_url",
    "country_choice",
    "country_label",
    "country_list",
    "country_name",
    "difference_of",
    "estimate_strength",
    "explain_url",
    "infer_home_country",
    "likely_typo",
    "lookup_country",
    "lookup_places",
    "mask_email",
    "mask_phone",
    "parse_email",
    "parse_phone",
    "personal_context",
    "personal_kinds_in",
    "phone_digit_forms",
    "same_email",
    "same_phone",
    "suggest_address",
    "time_differences",
    "translator",
]

#: Helpers loaded on first use: name -> (module, attribute). phonenumbers, zxcvbn and the country
#: table cost tens of milliseconds, which a command that never needs them should not pay.
_LAZY: dict[str, tuple[str, str]] = {
    **{name: ("kakaoaudit.contacts.phone_email", name) for name in (
        "EmailInfo", "PhoneInfo", "PhoneType", "mask_email", "mask_phone", "parse_email", "parse_phone",
        "same_email", "same_phone")},
    "likely_typo": ("kakaoaudit.contacts.typos", "likely_typo"),
    "infer_home_country": ("kakaoaudit.contacts.inference", "infer_home_country"),
    "check_email_at_prompt": ("kakaoaudit.contacts.at_prompt", "check_email"),
    "check_phone_at_prompt": ("kakaoaudit.contacts.at_prompt", "check_phone"),
    "suggest_address": ("kakaoaudit.contacts.typos", "suggest_address"),
    "country_name": ("kakaoaudit.core.countries", "name"),
    "lookup_country": ("kakaoaudit.core.countries", "lookup"),
    **{name: ("kakaoaudit.password.personal", name) for name in (
        "BIRTH_DATE", "EMAIL", "KAKAO_ID", "NAME", "PHONE", "SERVICE", "PersonalContext", "personal_context",
        "personal_kinds_in", "phone_digit_forms")},
    **{name: ("kakaoaudit.password.strength", name) for name in (
        "MAX_SCORED_LENGTH", "Estimate", "StrengthUnavailable")},
    "estimate_strength": ("kakaoaudit.password.strength", "estimate"),
    **{name: ("kakaoaudit.travel.trip", name) for name in (
        "HOME_COUNTRY", "ON_TRIP", "TRIP_QUESTIONS", "TravelCheck", "Trip", "country_choice", "country_label",
        "country_list", "difference_of", "time_differences")},
    "UrlVerdict": ("kakaoaudit.urls.classify", "UrlVerdict"),
    "Verdict": ("kakaoaudit.urls.classify", "Verdict"),
    "classify_url": ("kakaoaudit.urls.classify", "classify"),
    "explain_url": ("kakaoaudit.urls.classify", "explain"),
}


def __getattr__(name: str) -> Any:
    """The lazily loaded helpers (PEP 562); each is imported once, then kept in this module."""
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'kakaoaudit.api' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
