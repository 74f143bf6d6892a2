"""The questions of `kakaoaudit triage`: what happened, the notice, the network, the history.

Apart from kakaoaudit.triage.assess (the assessment) and light, because every command must know these
questions (one answers file serves all commands): an audit reads them too.
"""

from __future__ import annotations

from typing import Final

from kakaoaudit.core.i18n import translator
from kakaoaudit.core.questions import Choice, QType, Question
from kakaoaudit.triage.restriction_questions import (
    ABROAD_QUESTION,
    HOME_COUNTRY_QUESTION,
    LOCAL_COUNTRY_QUESTION,
    SINCE_QUESTION,
    TIME_ZONE_QUESTION,
    PastedTextQuestion,
)

# The messages stay in the domain of kakaoaudit.triage, where they were written first.
_ = translator("kakaoaudit.triage")

SYMPTOMS: Final = "triage.symptoms"
NOTICE_KIND: Final = "triage.notice_kind"
NOTICE_TEXT: Final = "triage.notice_text"
OTHER_APPS_ONLINE: Final = "triage.other_apps_online"
#: Asked once for every command: the audit's question (KA505, checks/conduct.py) is the one asked when
#: the checks are installed; an answers file's old ``triage.past_restrictions`` is read as this.
PAST_RESTRICTIONS: Final = "conduct.restricted_before"
SUSPICIOUS_LOGIN: Final = "triage.suspicious_login"

_NOTICE_SHOWN: Final = ("identity_verification", "security_restriction", "temporary_limit", "protective_measure",
                        "policy_violation", "other")

QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        SYMPTOMS,
        QType.MULTI,
        _("What is happening? Choose everything that fits."),
        help=_("Leave it empty if none fits."),
        choices=(
            Choice("stuck_sending", _('Messages stay "sending" and never finish')),
            Choice("not_delivered", _("Messages do not reach the other person")),
            Choice("not_read", _('Messages stay unread for a long time (the "1" does not go away)')),
            Choice("cannot_add_friends", _("I cannot add or search for friends")),
            Choice("cannot_start_chats", _("I cannot start new chats or create chat rooms")),
            Choice("cannot_join_open_chats", _("I cannot join open chats")),
            Choice("cannot_log_in", _("I was logged out or cannot sign in")),
        ),
    ),
    SINCE_QUESTION,
    Question(
        NOTICE_KIND,
        QType.CHOICE,
        _("What did the notice or pop-up in KakaoTalk say?"),
        help=_("Notices appear when you sign in or send a message. If you took a screenshot, look at it."),
        choices=(
            Choice("none", _("No notice or pop-up appeared")),
            Choice("identity_verification", _("It asked for identity verification or additional verification")),
            Choice("security_restriction", _("It said some features are restricted for security reasons")),
            Choice("temporary_limit", _("It said a feature is temporarily limited, or to try again later")),
            Choice("protective_measure", _("It said the account is protected because of a leaked password or "
                                           "unusual logins")),
            Choice("policy_violation", _("It mentioned a violation of the terms of use or operating policy")),
            Choice("other", _("Something else")),
        ),
        allow_unknown=True,
    ),
    PastedTextQuestion(
        NOTICE_TEXT,
        QType.TEXT,
        _("Paste or type the notice's text (empty to skip)."),
        help=_("Its exact words tell a long restriction from a short one. Only the text you paste is used; "
               "it is not sent anywhere."),
        default="",
        max_length=5000,
        when={NOTICE_KIND: _NOTICE_SHOWN},
    ),
    Question(
        OTHER_APPS_ONLINE,
        QType.BOOL,
        _("On the same phone, do other apps (a web browser, email) reach the internet right now?"),
        help=_("Open a web page to see. If nothing loads, the network is the likely cause."),
        allow_unknown=True,
    ),
    Question(
        PAST_RESTRICTIONS,
        QType.CHOICE,
        _("Has your account been restricted before?"),
        choices=(
            Choice("never", _("Never")),
            Choice("once", _("Once")),
            Choice("several", _("Several times")),
        ),
        allow_unknown=True,
        present=True,
    ),
    Question(
        SUSPICIOUS_LOGIN,
        QType.BOOL,
        _("Recently, did you see a login you did not make, or learn that your password leaked?"),
        help=_("For example a login alert from Kakao, or a leak warning from another service where you used "
               "the same password."),
        allow_unknown=True,
    ),
    HOME_COUNTRY_QUESTION,
    ABROAD_QUESTION,
    LOCAL_COUNTRY_QUESTION,
    TIME_ZONE_QUESTION,
)
