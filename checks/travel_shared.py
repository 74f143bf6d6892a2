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
    HOME_COUNTRY,
    ON_TRIP,
    TRIP_QUESTIONS,
    Choice,
    QType,
    Question,
    infer_home_country,
    translator,
)

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

# Sources (KAKAO-FACTS).
K1_PROTECTION = "https://cs.kakao.com/helps?articleId=1073200212&service=8&category=702&device=2631&locale=en"
K6_PROTECTIVE_MEASURE = (
    "https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52"
)
K7_COUNTRY_LIST = "https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html"
K8_TWO_STEP = "https://cs.kakao.com/helps?service=52&category=561&locale=en"
K9_COMPROMISE = "https://cs.kakao.com/helps_html/1073185993?locale=en"
K12_REVERIFICATION = "https://jairo777m.blogspot.com/2021/05/ios_01084061721.html"
K13_BACKUP_BLOG = (
    "https://def.tokyohibi.com/entry/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%86%A1-%EB%8C%80%ED%99%94-"
    "%EB%B0%B1%EC%97%85-%EB%B3%B5%EC%9B%90-%EB%B0%A9%EB%B2%95"
)
K13_TALK_DRAWER = "https://cs.kakao.com/helps?articleId=1073196180&service=8&category=565&device=2062&locale=ko"
K14_HELP_CENTRE = "https://cs.kakao.com/helps"
K15_TZ = "https://www.iana.org/time-zones"

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

RESTRICTION_WHERE = _("KakaoTalk > Settings (gear icon) > Privacy/Security > Kakao Account > Country login "
                       "restriction (reportedly; on the web: accounts.kakao.com > Account security).")

# Copies of KA403's questions (checks/country_restriction.py).
RESTRICTION_QUESTIONS: tuple[Question, ...] = (
    Question(
        COUNTRY_RESTRICTION,
        QType.BOOL,
        _("Is login restriction by country turned on for your Kakao account?"),
        help=_("You can see it in {where}", where=RESTRICTION_WHERE),
        allow_unknown=True,
        when=ON_TRIP,
        present=True,
    ),
    Question(
        ALLOWED_COUNTRIES,
        QType.COUNTRIES,
        _("Which countries are allowed in that setting? (for example: JP, KR)"),
        help=_("Codes or names, separated by commas, as listed in the setting."),
        allow_unknown=True,
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
        help=_("To see it: KakaoTalk > Settings (gear icon) > Kakao Account > Account security > 2-step "
               "verification."),
        allow_unknown=True,
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
        help=_("Look in KakaoTalk > Settings (gear icon) > Kakao Account, and in the 2-step verification "
               "settings."),
        choices=(
            Choice("email", _("A backup email address")),
            Choice("phone", _("A spare phone number")),
            Choice("both", _("Both")),
            Choice("none", _("Neither")),
        ),
        allow_unknown=True,
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
