"""What the travel check modules (checks/travel_*.py) share: questions and the sources they cite.

The travel checks read answers that other checks own: the home country and the backup contact
(KA301, KA303 in checks/contacts.py), the login restriction by country (KA403) and 2-step
verification (KA401). They declare copies of the owners' questions — same id, type, choices, text
and default, which tests/travel/test_shared_questions.py holds against the owners — so that
``kakaoaudit travel``, which runs only the travel checks, asks them when they are missing. Each copy
is asked only when a trip is planned (`ON_TRIP`), so that someone without a trip never gets them
from the travel checks; in a full audit the owner's declaration comes first and is the one asked.

(Copies rather than imports: check modules cannot import each other, since `checks/` becomes
`kakaoaudit.checks` only when installed.)
"""

from __future__ import annotations

from kakaoaudit.api import (
    FACTS,
    HOME_COUNTRY,
    ON_TRIP,
    TRIP_QUESTIONS,
    Choice,
    QType,
    Question,
    infer_home_country,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

_ = translator("kakaoaudit.travel_shared")

COUNTRY_RESTRICTION = "security.country_restriction.enabled"
ALLOWED_COUNTRIES = "security.country_restriction.countries"
BACKUP_KIND = "contacts.backup.kind"
BACKUP_REACHABLE = "contacts.backup.reachable_without_phone"
TWO_STEP = "security.two_step.enabled"
TWO_STEP_ROUTE = "security.two_step.route"
PHONE = "contacts.phone"
CHAT_BACKUP = "recovery.chat_backup"
CHAT_BACKUP_ON = "recovery.chat_backup_on"

#: Login restriction by country allows at most this many countries (reportedly, KAKAO-FACTS K7).
MAX_ALLOWED_COUNTRIES = 3

# Sources (KAKAO-FACTS), for the checks' documentation; a finding cites those of the claims it states.
K1_PROTECTION = FACTS["K1"].sources[0]
K6_PROTECTIVE_MEASURE = FACTS["K6"].sources[0]
K7_COUNTRY_LIST = FACTS["K7"].sources[0]
K8_TWO_STEP = FACTS["K8"].sources[0]
K9_COMPROMISE = FACTS["K9"].sources[0]
K12_REVERIFICATION = FACTS["K12"].sources[0]
K13_BACKUP_BLOG = FACTS["K13"].sources[0]
K13_TALK_DRAWER = FACTS["K13-drawer"].sources[0]
K14_HELP_CENTRE = FACTS["K14"].sources[0]
K15_TZ = FACTS["K15"].sources[0]

# Copy of KA301's question (checks/contacts.py).
HOME_COUNTRY_QUESTION = Question(
    HOME_COUNTRY,
    QType.COUNTRY,
    _("Which country do you live in (the country of your phone number)?"),
    help=_("A country code such as JP or KR, or a name such as Japan. Phone numbers written without "
           "'+' and a country code are read as numbers of this country."),
    default="JP",
    when=ON_TRIP,
    infer=infer_home_country,
    infer_from=(PHONE,),
)

#: The trip and the home country it is measured against: every travel check declares these.
TRIP: tuple[Question, ...] = (*TRIP_QUESTIONS, HOME_COUNTRY_QUESTION)

# Copies of KA403's questions (checks/country_restriction.py).
RESTRICTION_QUESTIONS: tuple[Question, ...] = (
    Question(
        COUNTRY_RESTRICTION,
        QType.BOOL,
        _("Is login restriction by country turned on for your Kakao account?"),
        help=kakao.COUNTRY_PATH(),
        allow_unknown=True,
        lookup=places.COUNTRY_RESTRICTION,
        when=ON_TRIP,
        present=True,
    ),
    Question(
        ALLOWED_COUNTRIES,
        QType.COUNTRIES,
        _("Which countries are allowed in that setting? (for example: JP, KR)"),
        help=_("Codes or names, separated by commas, as listed in the setting."),
        allow_unknown=True,
        lookup=places.COUNTRY_RESTRICTION,
        when={**ON_TRIP, COUNTRY_RESTRICTION: True},
        present=True,
    ),
)

# Copies of KA401's questions (checks/two_step.py).
TWO_STEP_QUESTIONS: tuple[Question, ...] = (
    Question(
        TWO_STEP,
        QType.BOOL,
        _("Is 2-step verification turned on for your Kakao account?"),
        help=kakao.TWO_STEP_PATH(),
        allow_unknown=True,
        lookup=places.TWO_STEP,
        when=ON_TRIP,
        present=True,
    ),
    Question(
        TWO_STEP_ROUTE,
        QType.CHOICE,
        _("How does the 2-step verification reach you?"),
        help=_("This is shown on the 2-step verification screen of your Kakao Account settings."),
        choices=(
            Choice("kakaotalk", _("A KakaoTalk message")),
            Choice("phone", _("The contact phone number (a text message)")),
        ),
        allow_unknown=True,
        lookup=places.TWO_STEP,
        when={**ON_TRIP, TWO_STEP: True},
        detail=True,
        present=True,
    ),
)

# Copies of KA303's questions (checks/contacts.py).
BACKUP_QUESTIONS: tuple[Question, ...] = (
    Question(
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
        when=ON_TRIP,
        present=True,
    ),
    Question(
        BACKUP_REACHABLE,
        QType.BOOL,
        _("If your phone were lost or stolen abroad, could you still use at least one of those backup contacts "
          "without it (open the backup mailbox elsewhere, or receive messages on the spare number)?"),
        help=_("For example: you can open the mailbox on a computer with a password you know, or the spare "
               "number is in another phone that you or your family keep."),
        allow_unknown=True,
        when={**ON_TRIP, BACKUP_KIND: ("email", "phone", "both")},
        present=True,
    ),
)

# Copies of KA705's questions (checks/recovery.py): the chat backup is asked once, for every check.
CHAT_BACKUP_QUESTIONS: tuple[Question, ...] = (
    Question(
        CHAT_BACKUP,
        QType.CHOICE,
        _("Are your KakaoTalk chats backed up?"),
        help=_("The chat backup is in KakaoTalk's chat settings; Talk Drawer Plus is Kakao's paid automatic "
               "backup."),
        choices=(
            Choice("drawer", _("Yes, automatically with Talk Drawer Plus")),
            Choice("backup", _("Yes, I back them up myself (the date is asked next)")),
            Choice("none", _("No, never")),
        ),
        allow_unknown=True,
        when=ON_TRIP,
        present=True,
    ),
    Question(
        CHAT_BACKUP_ON,
        QType.DATE,
        _("On which date did you last back up your KakaoTalk chats?"),
        help=_("KakaoTalk shows the date of the last backup on its chat backup screen, in the chat settings. A "
               "month is enough (2026-10)."),
        allow_unknown=True,
        past_only=True,
        rough=True,
        present=True,
        when={**ON_TRIP, CHAT_BACKUP: "backup"},
    ),
)
