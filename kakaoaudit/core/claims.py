"""Every sentence kakaoaudit says about Kakao, once, with the facts it states (`kakaoaudit.core.facts`).

The checks (through `kakaoaudit.api`), the triage, the support kit, the travel plan and the footer
all say these sentences by name, so that the same fact is worded the same everywhere and at its
source's strength: a blog-only fact says "reportedly" (「とされています」, 「~라고 알려져 있습니다」),
the article's "often"/"may" stays. Anything else the outputs say is about the user, kakaoaudit or
the standards, never about how Kakao behaves (tests/core/test_claims.py holds both rules).

Menu paths appear only where a source gives them: the article's way to support (S1) and the paths
blogs report (K18, hedged); elsewhere the outputs say "in the Kakao Account settings".
"""

from __future__ import annotations

from kakaoaudit.core.facts import claim
from kakaoaudit.core.i18n import translator

_ = translator("kakaoaudit.claims")

# --------------------------------------------------------------------------------------------------
# Who lifts a restriction, and when: one story (K1, K2, K5, T1, T2, T3, Q3)
# --------------------------------------------------------------------------------------------------

WHO_LIFTS = claim(("K1", "K2", "K5", "T1"), _(
    "Only Kakao can lift a restriction: short ones often end by themselves; Kakao says its system imposes and "
    "lifts its automatic protection measures, which its support cannot lift early; long-term restrictions and "
    "restrictions for breaking the rules go through the notice in the app or Kakao's official support."))
NO_UNLOCK_SERVICES = claim(("P4.1", "K2", "K5"), _(
    "Never use unofficial tools, apps or \"unlock services\" to lift a restriction: only Kakao lifts one, by its "
    "system or through its official support."))
SHORT_LIFTS = claim("T1", _("A short restriction often lifts by itself within a few hours to a day."))
PROTECTION_LIFTS = claim(("K1", "K2"), _(
    "Kakao says its system imposes and lifts its user protection measures by itself, usually within several "
    "weeks, and that they cannot be lifted early by hand, not even by customer service."))
PROTECTION_EXTENDED = claim("K2", _(
    "Kakao can extend the period of these measures when abnormal activity or reports repeat."))
LONG_NEEDS_SUPPORT = claim(("K5", "T2"), _(
    "Long-term restrictions, and restrictions for breaking the rules, are handled through the notice in the app "
    "or Kakao's official support."))
LONG_TAKES_TIME = claim("T2", _(
    "A long-term restriction can take days to weeks, and support may ask for ID documents or your usage history "
    "on the way: keep answering until it can confirm that the account is yours."))
SERVICE_RESTRICTION = claim("K5", _(
    "A restriction for breaking the rules (a service restriction) is a separate sanction from the automatic "
    "protection measures; its route is the notice in the app or Kakao's customer service."))
POLICY_SANCTION = claim("K5", _("Kakao restricts accounts that break its operation policy."))
REPEATED = claim("Q3", _("Repeated restrictions can last longer and may even become permanent."))
LONG_WORDING = claim("T3", _(
    "Wording such as \"identity verification required\", \"additional verification required\" or \"some "
    "features are restricted for security reasons\" likely means a long-term restriction, which usually does not "
    "lift by waiting."))
NOTICE_SAYS_LONG = claim("T3", _(
    "The notice says {phrase}: wording like this likely signals a long-term restriction, which usually does not "
    "lift by waiting."))
NOTICE_KIND_LONG = claim("T3", _(
    "The notice asks for verification or restricts features for security reasons: that likely signals a long-term "
    "restriction."))
NOTICE_KIND_POLICY = claim("K5", _(
    "The notice mentions a violation of the rules: such a service restriction is a separate sanction, handled "
    "through the notice in the app or Kakao's customer service."))
NOTICE_KIND_TEMPORARY = claim("T1", _(
    "The notice speaks of a temporary limit: short restrictions often lift within a few hours to a day."))
NOTICE_SAYS_PROTECTIVE = claim("K6", _(
    "The notice says {phrase}: Kakao's account protective measure can follow a password found in leaks or abnormal "
    "mass logins."))
FEATURES_BLOCKED = claim("K1", _(
    "Only some features are blocked (friends, new chats, open chats): that is what Kakao's user protection "
    "measures block, not what a network problem does."))
CANNOT_SIGN_IN = claim("K6", _(
    "You cannot sign in: Kakao's account protective measure can do that, as can a request to verify the account."))
SYMPTOMS = claim("C1", _(
    "Messages that stay \"sending\", are not delivered or stay unread for a long time are the usual signs; a "
    "network problem looks the same, but a restriction tends to last longer."))
EVIDENCE = claim("C2", _(
    "A closed pop-up may not come back, and its exact wording and error code help support tell what kind of "
    "restriction it is."))
KEEP_NOTICES = claim("T3", _(
    "Notices and emails about a restriction are evidence for the review, which may need them: do not delete "
    "them."))

# --------------------------------------------------------------------------------------------------
# What triggers Kakao's measures (K1, K3, K6; the article P1.1, P1.2)
# --------------------------------------------------------------------------------------------------

SENDING_LIMIT = claim("K3", _(
    "Kakao limits sending once more than a set number of messages goes to people or to a group, whatever the "
    "content, and does not publish that number."))
NO_SAFE_AMOUNT = claim(("K1", "K3"), _("Kakao publishes no limits for any of these, so no amount can be called "
                                       "safe."))
SPAM_MEANT_WELL = claim("P1.1", _(
    "Announcements and group messages can be taken for spam even when they are meant well."))
INVITES_AS_SPAM = claim("P1.2", _(
    "Inviting many people to groups at once, or posting promotional links over and over, can be judged as spam "
    "even when it is unintended."))
TRIGGER_FRIENDS = claim("K1", _(
    "Kakao lists adding many friends in a short time among the triggers of its user protection measures."))
TRIGGER_CHATS = claim("K1", _(
    "Kakao lists creating many chat rooms or open chats, and joining open chats abnormally often, among the "
    "triggers of its user protection measures."))
TRIGGER_EMULATOR = claim("K1", _("Kakao lists PC emulators among the triggers of its user protection measures."))
TRIGGER_VIRTUAL_NUMBER = claim("K1", _(
    "Kakao lists unverifiable foreign virtual phone numbers among the triggers of its user protection measures."))
TRIGGER_REPORTS = claim("K1", _(
    "Kakao lists many reports by other users among the triggers of its user protection measures."))
TRIGGER_ENVIRONMENT = claim("K1", _(
    "Kakao also names \"an environment similar to abusers'\" among the triggers of its user protection measures."))
PROTECTION_EFFECTS = claim("K1", _(
    "While such a measure applies, you may not be able to start new chats, add friends or search for them."))
LEAK_PROTECTIVE_MEASURE = claim("K6", _(
    "Kakao's account protective measure can be triggered when the account's password appears in leaks from other "
    "sites, even without misuse."))
MASS_LOGINS = claim("K6", _("Kakao's account protective measure can also be triggered by abnormal mass logins."))
ADVISES_TWO_STEP_AND_COUNTRY = claim("K6", _(
    "Kakao advises 2-step verification and login restriction by country against abnormal logins, which can lead "
    "to its account protective measure."))

# --------------------------------------------------------------------------------------------------
# 2-step verification, text messages and the PC/Mac code (K8, K10, K18)
# --------------------------------------------------------------------------------------------------

TWO_STEP_HOW = claim("K8", _(
    "Kakao's 2-step verification asks for a second proof, through KakaoTalk or the contact phone number, when "
    "someone signs in with the password."))
TWO_STEP_BACKUP_EMAIL = claim("K8", _(
    "Kakao advises adding a backup email to 2-step verification \"just in case you lose access to your mobile "
    "phone\"."))
SMS_FILTERED = claim("K8", _(
    "Kakao notes that verification text messages can be filtered when \"1644\" or \"Kakao\" is blocked on the "
    "phone."))
CODES_BY_TEXT = claim("K8", _("Kakao sends verification codes to the contact phone number by text message."))
TWO_STEP_PATH = claim("K18", _(
    "Reportedly, the setting is at More (…) > Settings > Kakao Account > Account security > 2-step "
    "verification; menu names change between app versions."))
PC_CODE = claim("K10", _(
    "On a computer without a Kakao Certificate, KakaoTalk for PC/Mac signs in with a 4-digit security code, and "
    "Kakao says never to share it with anyone."))

# --------------------------------------------------------------------------------------------------
# Login restriction by country (K7, K18, blog only: hedged)
# --------------------------------------------------------------------------------------------------

COUNTRY_APPROVAL = claim("K7", _(
    "Reportedly, a sign-in from a country that is not allowed must be approved with a KakaoTalk message or a code "
    "sent by email, or else through customer service."))
COUNTRY_ADDED_ABROAD = claim("K7", _(
    "Reportedly, a traveller adds the country at that extra-verification screen."))
COUNTRY_MAIN_AUTOMATIC = claim("K7", _("Reportedly, your main country is registered automatically."))
COUNTRY_LIMIT = claim("K7", _("Reportedly, at most {limit} countries can be allowed."))
COUNTRY_DELETE_UNUSED = claim("K7", _(
    "Reportedly, Kakao's FAQ asks you to delete the countries you no longer use."))
COUNTRY_COVERS = claim("K7", _(
    "Reportedly, the extra approval is asked for sign-ins from the countries that are not on the list."))
COUNTRY_PATH = claim("K18", _(
    "Reportedly, the setting is at Settings > Privacy/Security > Kakao Account > Country login restriction, or "
    "on the web at accounts.kakao.com > Account security; menu names change between app versions."))

# --------------------------------------------------------------------------------------------------
# Logins and a suspected compromise (K9, K11, K18)
# --------------------------------------------------------------------------------------------------

COMPROMISE_STEPS = claim("K9", _(
    "On a suspected compromise, Kakao advises a new password used nowhere else, checking the login history and "
    "logging out the sessions you do not know, and 2-step verification with an email used nowhere else."))
PASSWORD_ADVICE = claim("K9", _(
    "Kakao advises a password used nowhere else that is not your ID, birth date, name or phone number."))
REPORT_MISUSE = claim("K9", _(
    "If the account was misused, contact Kakao's customer service: it can deactivate a compromised account for 7 "
    "days, and Kakao asks you to report it within 14 days."))
HISTORY_90_DAYS = claim("K11", _("Reportedly, the login history shows only the last {days} days."))
LOGINS_PATH = claim("K18", _(
    "Reportedly, the login history and the logged-in devices are under the Kakao Account's login management "
    "(로그인 관리)."))

# --------------------------------------------------------------------------------------------------
# The registered contacts and the identity check (the article C3, S3, S5, P3.1)
# --------------------------------------------------------------------------------------------------

CONTACTS_GO_STALE = claim("C3", _(
    "After a new phone, a new contract or a stay abroad, the registered details may not update by themselves, and "
    "out-of-date details can delay the identity check when a restriction has to be lifted."))
DETAILS_MUST_MATCH = claim("S3", _(
    "When you contact support, the phone number, name, birth date and email you give must match your ID "
    "document; otherwise the review will likely fail."))
REPLIES_IN_SPAM = claim("S5", _("Replies from support can land in the spam or promotions folder."))

# --------------------------------------------------------------------------------------------------
# The way to support, documents, reviews (the article S1-S6, R1-R4, Q1, Q2; K14, K15)
# --------------------------------------------------------------------------------------------------

SUPPORT_IN_APP = claim("S1", _(
    "In KakaoTalk, support is at Settings (gear icon) > Kakao Customer Center (or Help); update the app first, "
    "because the menu can look different in older versions."))
HELP_CENTRE = claim(("K14", "S6"), _(
    "Kakao's official help centre is https://cs.kakao.com/helps: check the address every time, because lookalike "
    "sites exist."))
INQUIRY_CATEGORY = claim("S2", _(
    "Choose the inquiry about usage restrictions (「利用制限に関するお問い合わせ」 in the Japanese app), or the "
    "closest category; read the descriptions so that you do not pick a wrong one."))
ID_MAY_BE_ASKED = claim("T2", _(
    "For a long-term restriction, Kakao's support may ask for an ID document or your usage history."))
ID_DOCUMENTS = claim("Q2", _(
    "The usual ID documents are a driver's licence, passport, My Number card (with photo), residence card or "
    "Basic Resident Register card, valid and with current details."))
ID_PHOTO = claim("R2", _(
    "Photograph the whole document, sharp, without glare, shadows or fingers: otherwise support may ask for it "
    "again."))
ID_DETAILS_CURRENT = claim("R2", _(
    "Support compares what you enter with the document: old details after a marriage or a move can make the "
    "review fail."))
ID_EXPIRED = claim("Q2", _("Kakao's support may not accept an expired document."))
REVIEW_TAKES = claim(("S4", "Q1"), _(
    "A review usually takes days to a week, longer on holidays and at the end of the year, and longer when "
    "documents are incomplete."))
READ_THE_REPLY = claim("R1", _(
    "If an application is refused, the reply says what to fix and by when: fix every point before the deadline "
    "and apply again."))
KST = claim("K15", _(
    "Kakao's support centre works in Korean time (KST: UTC+9 all year, without daylight saving time)."))
HOURS_UNKNOWN = claim(("K15", "R4"), _(
    "kakaoaudit does not know Kakao's support hours: before you call, check the hours, days and languages on the "
    "official help centre."))

# --------------------------------------------------------------------------------------------------
# Backups and a new device (K12, K13: blog only, hedged; Talk Drawer Plus: Kakao's help)
# --------------------------------------------------------------------------------------------------

BACKUP_CONTENT = claim("K13", _(
    "Reportedly, a chat backup keeps text only (no photos, videos, secret chats or open chats) and can be "
    "restored for {days} days."))
BACKUP_PASSWORD = claim("K13", _(
    "Reportedly, a chat backup's password cannot be recovered: without it the backup cannot be restored."))
TALK_DRAWER = claim("K13-drawer", _(
    "Talk Drawer Plus (톡서랍 플러스) is Kakao's paid service that backs up chats and media automatically; Kakao "
    "describes it on its Korean help pages, so check whether it is offered for your account."))
REVERIFICATION = claim("K12", _(
    "Reportedly, Kakao asks to verify the phone number again on a sign-in from a new device or when the device's "
    "details change, and chats deleted that way cannot be recovered."))
CODES_NEED_ROAMING = claim("K12", _(
    "Reportedly, verification codes sent to your phone number do not arrive abroad without roaming."))
CODES_BLOCKED_24H = claim("K12", _("Reportedly, too many code requests block codes for 24 hours."))

# --------------------------------------------------------------------------------------------------
# Talk Safety Pass (K4 official; K16 blog, hedged)
# --------------------------------------------------------------------------------------------------

SAFETY_PASS = claim("K4", _(
    "Talk Safety Pass, which can relax Kakao's protection measures, needs a Kakao Certificate issued with a South "
    "Korean mobile number."))
SAFETY_PASS_OTHER_NUMBER = claim("K4", _(
    "With a Japanese or other non-Korean number you most likely cannot use it: your way is waiting until the "
    "measure lifts, or Kakao's customer service."))
SAFETY_PASS_KOREAN_NUMBER = claim("K4", _(
    "A South Korean mobile number alone does not mean you have a Kakao Certificate: if you have one issued with "
    "this number, Talk Safety Pass may be open to you."))
SAFETY_PASS_RELAXES = claim("K16", _(
    "Reportedly, it relaxes a long-term measure, which does not always lift it at once."))

# --------------------------------------------------------------------------------------------------
# Abroad (the article O1-O3, K17)
# --------------------------------------------------------------------------------------------------

ABROAD_TRIGGERS = claim(("O1", "K17"), _(
    "Abroad, a sign-in from an unusual country, airport or hotel Wi-Fi, a VPN connection and a long stay can each "
    "trigger Kakao's detection of unusual access."))
UNUSUAL_COUNTRY = claim("O1", _(
    "A sign-in from a country far from your usual one can trigger Kakao's detection of unusual access."))
VPN_TRIGGER = claim(("K17", "O1"), _(
    "A connection through a VPN can itself trigger Kakao's fraud detection, whichever country its server is in."))
WIFI_TRIGGER = claim(("K17", "O1"), _(
    "Airport and hotel public Wi-Fi can itself trigger Kakao's fraud detection."))
LONG_STAY = claim("O1", _(
    "Signing in from abroad for a long time can be judged an unusual pattern and restricted."))
ABROAD_DOCUMENTS = claim("O2", _(
    "From abroad, support may ask for a local phone number, an address, proof of residence, a visa or a residence "
    "permit."))
EMAIL_FROM_ABROAD = claim("O3", _(
    "From abroad, email is the smoother channel: it does not depend on the time difference."))
EMAIL_ABROAD_HOWTO = claim("O3", _(
    "If your account is restricted abroad, write to Kakao's customer service by email: subject \"About lifting a "
    "restriction (inquiry from abroad)\", with the date and time, what happened, a local contact and the time "
    "difference; attach your ID document and screenshots."))
