"""KA701-KA706 recovery readiness: what you need ready to get the account back (ADVICE P4.1, C2, S1-S6, R2, Q2).

Only Kakao lifts a restriction: short ones often end by themselves, its system lifts its automatic
protection measures (KAKAO-FACTS K1, K2), and long-term and policy restrictions go through the notice
or its official support (K5, ADVICE T2); no unofficial tool can (P4.1). So readiness means: knowing
the official way in and not falling for lookalike sites (S1, S6, K14), a valid ID document whose
details match (R2, Q2, S3), evidence kept (C2, T3, S5), an up-to-date app (S1), a chat backup
(K13), and knowing whether Talk Safety Pass may be open to you (K4). Every sentence about Kakao comes
from `kakaoaudit.api.claims`.
"""

from __future__ import annotations

from collections.abc import Iterable

from kakaoaudit.api import (
    FACTS,
    Answers,
    Category,
    Check,
    Choice,
    Context,
    Finding,
    Msg,
    Private,
    QType,
    Question,
    Severity,
    Status,
    claim,
    infer_home_country,
    translator,
)
from kakaoaudit.api import claims as kakao
from kakaoaudit.api import lookup_places as places

_ = translator(__name__)

HELP_CENTRE_URL = FACTS["K14"].sources[0]
#: K2: Kakao does not lift its protection measures by hand (official help).
NO_MANUAL_LIFT_URL = FACTS["K2"].sources[0]
#: K9: what to do on suspected compromise (official help).
COMPROMISE_URL = FACTS["K9"].sources[0]
#: K5: service restrictions; the route is the in-app notice or customer service (official help).
SERVICE_RESTRICTION_URL = FACTS["K5"].sources[0]
#: K13: chat backup (blog only) and Talk Drawer Plus (official help).
BACKUP_BLOG_URL = FACTS["K13"].sources[0]
DRAWER_URL = FACTS["K13-drawer"].sources[0]
#: K12: re-verification on a new device; chats deleted that way are lost (blog mirror of Kakao's FAQ).
REVERIFY_URL = FACTS["K12"].sources[0]
#: K4: Talk Safety Pass needs a Kakao Certificate issued with a South Korean mobile number (official page).
SAFETY_PASS_URL = FACTS["K4"].sources[0]

ROUTE = "recovery.support_route"
BOOKMARK = "recovery.help_bookmark"
ID_DOCUMENT = "recovery.id_document"
HABITS = "recovery.habits"
CHAT_BACKUP = "recovery.chat_backup"
#: Asked after `CHAT_BACKUP` = "backup"; the travel check KA608 reads the same answer.
CHAT_BACKUP_ON = "recovery.chat_backup_on"
#: A chat backup can reportedly be restored for 14 days (K13): a backup at most this old is recent.
RECENT_DAYS = 14
#: The habits item for the chat backup's password (KA705 reads it only when there is a backup to restore).
BACKUP_PASSWORD_KEPT = "backup_password_kept"  # noqa: S105 - a choice value, no secret
#: Shared with the contacts checks (KA3xx): same id, same type.
PHONE = "contacts.phone"
HOME_COUNTRY = "profile.home_country"

_NOT_ANSWERED = _("This question was not answered, so the check could not tell.")
_UNSURE = _("You answered \"I don't know\".")
_IN_APP = kakao.SUPPORT_IN_APP()
_BOOKMARK_IT = _("Bookmark Kakao's official help centre now, so that you never have to search for it. {centre}",
                 centre=kakao.HELP_CENTRE())
_CHECK_ADDRESSES = _("Check any address that claims to be Kakao's with: kakaoaudit check-url ADDRESS")
_CATEGORY = _("When the time comes: {category}", category=kakao.INQUIRY_CATEGORY())
#: The article's way to support, as a choice (ADVICE S1).
_APP_ROUTE = claim("S1", _("From the app: Settings (gear icon) > Kakao Customer Center or Help"))
_SAFETY_PASS_UNLIKELY = claim("K4", _("Talk Safety Pass is most likely not available with your number {number}"))


def unknown_reason(answers: Answers, key: str) -> Msg:
    """Why an answer is missing: "I don't know", or not answered at all."""
    return _UNSURE if answers.is_unknown(key) else _NOT_ANSWERED


class SupportRoute(Check):
    """The official way to Kakao's support, and no unofficial "unlock" services.

    The article: reach support in the app (Settings > Kakao Customer Center / Help, after updating the
    app, ADVICE S1), use the official help centre https://cs.kakao.com/helps and check the domain
    because of lookalike sites (S6), and never unofficial tools or methods to lift a restriction
    (P4.1): only Kakao lifts one, by its system or through its official support (KAKAO-FACTS K2, K5).
    Official domains are kakao.com with its subdomains and
    kakaocorp.com (K14); a bookmarked address is classified by `kakaoaudit.urls.classify` (the same as
    ``kakaoaudit check-url``), which only reads the text and opens nothing.

    Findings: `official-route`, `official-bookmark` (pass); `lookalike-bookmark` (fail, high),
    `unofficial-bookmark` (warn), `search-route` (warn), `no-route` (warn), `unofficial-unlock` (fail,
    high); `bookmark-unknown`, `bookmark-unreadable`, `route-unknown` (unknown).
    """

    id = "KA701"
    title = _("The official way to Kakao's support")
    category = Category.RECOVERY
    weight = 10
    advice_ids = ("P4.1", "S1", "S6")
    references = (HELP_CENTRE_URL, NO_MANUAL_LIFT_URL, SERVICE_RESTRICTION_URL)
    why = _("{only_kakao} Fake sites and unlock services that imitate Kakao are after your account details.",
            only_kakao=kakao.NO_UNLOCK_SERVICES())
    fix = _("Contact Kakao only from the app or through a bookmark of the official help centre, never through an "
            "unlock service. {in_app} {centre}", in_app=kakao.SUPPORT_IN_APP(), centre=kakao.HELP_CENTRE())
    questions = (
        Question(
            ROUTE,
            QType.CHOICE,
            _("If KakaoTalk restricted your account, how would you contact Kakao?"),
            choices=(
                Choice("app", _APP_ROUTE()),
                Choice("bookmark", _("Through a bookmark of Kakao's help centre")),
                Choice("search", _("I would search the web for Kakao's support")),
                Choice("unlock_service", _("Through a service, app or person that offers to unlock accounts")),
                Choice("not_sure", _("I don't know how")),
            ),
        ),
        Question(
            BOOKMARK,
            QType.TEXT,
            _("What is the address of that bookmark? (copy it from your browser)"),
            help=_("kakaoaudit only reads the address; it does not open it."),
            allow_unknown=True,
            max_length=2000,
            when={ROUTE: "bookmark"},
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        route = ctx.answers.get_text(ROUTE)
        if route == "app":
            yield self.finding(Status.PASS, _("You know the official way to contact Kakao's support"),
                               code="official-route", advice=[_CATEGORY])
        elif route == "bookmark":
            yield self._bookmark(ctx.answers)
        elif route == "search":
            yield self.finding(
                Status.WARN,
                _("You would search the web to find Kakao's support"),
                code="search-route",
                detail=_("Search results can lead to lookalike domains and fake support sites that ask for your "
                         "account details. {centre}", centre=kakao.HELP_CENTRE()),
                advice=[_IN_APP, _BOOKMARK_IT, _CHECK_ADDRESSES],
            )
        elif route == "unlock_service":
            yield self.finding(
                Status.FAIL,
                _("You would use an unofficial service to unlock your account"),
                code="unofficial-unlock",
                severity=Severity.HIGH,
                detail=_("{only_kakao} Anyone else who offers to unlock the account can only take your password, "
                         "codes or ID documents, and with them the account.", only_kakao=kakao.NO_UNLOCK_SERVICES()),
                advice=[
                    _("Never give your password, verification codes or ID documents to an unlock service, app or "
                      "person."),
                    _IN_APP,
                    _BOOKMARK_IT,
                ],
                advice_ids=("P4.1", "S6"),
            )
        elif route == "not_sure":
            yield self.finding(
                Status.WARN,
                _("You do not know how to contact Kakao's support"),
                code="no-route",
                detail=_("In a hurry, people search the web and end up on fake support sites. Knowing the official "
                         "way in advance avoids that."),
                advice=[_IN_APP, _BOOKMARK_IT, _CATEGORY],
            )
        else:
            yield self.finding(Status.UNKNOWN, _("We could not tell how you would contact Kakao"),
                               code="route-unknown", detail=_NOT_ANSWERED, advice=[_IN_APP, _BOOKMARK_IT])

    def _bookmark(self, answers: Answers) -> Finding:
        from kakaoaudit.api import Verdict, classify_url, explain_url  # noqa: PLC0415 - idna only for a bookmark

        address = answers.get_text(BOOKMARK)
        if address is None:
            return self.finding(
                Status.UNKNOWN,
                _("We could not check your bookmark of Kakao's help centre"),
                code="bookmark-unknown",
                detail=unknown_reason(answers, BOOKMARK),
                advice=[_("Open the bookmark's details in your browser and check the address with: kakaoaudit "
                          "check-url ADDRESS"), _BOOKMARK_IT],
            )
        result = classify_url(address)
        host = result.host or ""
        if result.verdict is Verdict.OFFICIAL:
            return self.finding(Status.PASS, _("Your bookmark leads to Kakao's official site ({host})", host=host),
                                code="official-bookmark", advice=[_CATEGORY])
        if result.verdict is Verdict.LOOKALIKE:
            return self.finding(
                Status.FAIL,
                _("Your bookmark for Kakao's support leads to a lookalike site ({host})", host=host),
                code="lookalike-bookmark",
                severity=Severity.HIGH,
                detail=explain_url(result),
                advice=[
                    _("Delete this bookmark."),
                    _BOOKMARK_IT,
                    _("If you ever entered your Kakao password there: {compromise}",
                      compromise=kakao.COMPROMISE_STEPS()),
                ],
            )
        if result.verdict is Verdict.NOT_OFFICIAL:
            return self.finding(
                Status.WARN,
                _("Your bookmark for Kakao's support is not a Kakao site ({host})", host=host),
                code="unofficial-bookmark",
                detail=explain_url(result),
                advice=[_("Replace the bookmark with Kakao's official help centre. {centre}",
                          centre=kakao.HELP_CENTRE())],
            )
        return self.finding(
            Status.UNKNOWN,
            _("The bookmarked address could not be read"),
            code="bookmark-unreadable",
            detail=explain_url(result),
            advice=[_("Copy the address again from the bookmark's details."), _BOOKMARK_IT],
        )


class IdDocument(Check):
    """A valid photo ID whose name, birth date and address are current.

    For a long-term restriction Kakao's support may ask for an ID document (ADVICE T2). The article:
    usable documents are a driver's licence, passport, My Number card (with photo), residence card
    or Basic Resident Register card, valid and current (Q2); what you enter (phone, name, birth date,
    registered email) must match the document exactly (S3); after a marriage or a move old details
    make the review fail (R2); and the photo must show the whole document, sharp, without glare,
    shadow or fingers (R2).

    Findings: `id-ready` (pass), `id-outdated`, `id-expired`, `no-id` (warn); "unknown" gives
    `id-unknown`.
    """

    id = "KA702"
    title = _("An ID document ready for Kakao's identity check")
    category = Category.RECOVERY
    weight = 8
    advice_ids = ("R2", "Q2", "S3")
    references = (HELP_CENTRE_URL,)
    why = _("{asked} {current}", asked=kakao.ID_MAY_BE_ASKED(), current=kakao.ID_DETAILS_CURRENT())
    fix = _("Keep a valid photo ID at hand (driver's licence, passport, My Number card with photo or residence "
            "card), and have its name and address updated after a marriage or a move.")
    questions = (
        Question(
            ID_DOCUMENT,
            QType.CHOICE,
            _("Do you have a valid photo ID (driver's licence, passport, national ID card, residence card) whose "
              "name, birth date and address are current?"),
            help=_("A national ID card is for example the My Number card with photo in Japan, or the resident "
                   "registration card in Korea."),
            choices=(
                Choice("current", _("Yes, valid and with my current name and address")),
                Choice("outdated", _("Yes, but the name or address on it is no longer current (for example after "
                                     "marrying or moving)")),
                Choice("expired", _("It has expired")),
                Choice("none", _("I have no photo ID")),
            ),
            allow_unknown=True,
        ),
    )

    _PHOTO = _("{photo} Both sides if asked.", photo=kakao.ID_PHOTO())
    _MATCH = kakao.DETAILS_MUST_MATCH()

    def run(self, ctx: Context) -> Iterable[Finding]:
        answer = ctx.answers.get_text(ID_DOCUMENT)
        if answer is None:
            yield self.finding(Status.UNKNOWN, _("We could not tell whether your ID document is ready"),
                               code="id-unknown", detail=unknown_reason(ctx.answers, ID_DOCUMENT),
                               advice=[_("Look at the expiry date and the address on your driver's licence, passport "
                                         "or My Number card.")])
        elif answer == "current":
            yield self.finding(Status.PASS, _("You have a valid photo ID with current details"), code="id-ready",
                               advice=[self._PHOTO, self._MATCH])
        elif answer == "outdated":
            yield self.finding(
                Status.WARN,
                _("The name or address on your ID document is out of date"),
                code="id-outdated",
                detail=kakao.ID_DETAILS_CURRENT(),
                advice=[_("Have the details on the document updated at the office that issued it."), self._MATCH],
            )
        elif answer == "expired":
            yield self.finding(
                Status.WARN,
                _("Your photo ID has expired"),
                code="id-expired",
                detail=_("{expired} {review}", expired=kakao.ID_EXPIRED(), review=kakao.REVIEW_TAKES()),
                advice=[_("Renew it, or keep another valid photo ID (passport, My Number card with photo, residence "
                          "card) at hand."), self._PHOTO],
            )
        else:
            yield self.finding(
                Status.WARN,
                _("You have no photo ID"),
                code="no-id",
                detail=_("Without an ID document you may not be able to prove that the account is yours. {asked}",
                         asked=kakao.ID_MAY_BE_ASKED()),
                advice=[_("Consider getting a photo ID, such as a My Number card with photo or a passport.")],
            )


HABITS_QUESTION = Question(
    HABITS,
    QType.MULTI,
    _("Which of these do you do? (choose all that apply)"),
    choices=(
        Choice("screenshots", _("When KakaoTalk shows a notice or error about my account, I take a screenshot "
                                "before closing it")),
        Choice("keep_emails", _("I keep Kakao's emails, and look in the spam folder when I expect one")),
        Choice("app_updates", _("I keep KakaoTalk up to date (automatic updates, or I install updates when "
                                "offered)")),
        # KA705's follow-up, asked here to save a question; left out, the password counts as not kept.
        Choice(BACKUP_PASSWORD_KEPT, _("If I made a chat backup, I keep its password somewhere safe (for example "
                                       "in a password manager)")),
        Choice("none", _("None of these")),
    ),
    # Nothing ticked is "I don't know", never "none of these" (which has its own item).
    allow_unknown=True,
    empty_is_unknown=True,
    present=True,
)


class Evidence(Check):
    """Screenshots of notices and error messages, and Kakao's emails kept.

    The article: read in-app notices and pop-ups, note error codes and take screenshots, because a
    closed pop-up may not come back (ADVICE C2); wording such as 「本人確認が必要」 or 「セキュリティ上の
    理由で一部機能が制限されています」 signals a long-term restriction, so keep notices and emails as
    evidence (T3); do not miss replies, check the spam and promotions folders, keep the whole
    correspondence (S5). Kakao's route for service restrictions is the in-app notice or customer
    service (KAKAO-FACTS K5).

    Findings: `screenshots` / `no-screenshots` and `emails-kept` / `emails-not-kept` (pass / warn);
    `habits-unknown` when the question was not answered.
    """

    id = "KA703"
    title = _("Keeping notices and Kakao's emails as evidence")
    category = Category.RECOVERY
    weight = 6
    advice_ids = ("C2", "T3", "S5")
    references = (SERVICE_RESTRICTION_URL, HELP_CENTRE_URL)
    why = kakao.EVIDENCE()
    fix = _("Take a screenshot of every notice or error about your account before closing it, and keep all of "
            "Kakao's emails, looking in the spam and promotions folders too.")
    questions = (
        HABITS_QUESTION,
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        if HABITS not in ctx.answers or ctx.answers.is_unknown(HABITS):
            yield self.finding(Status.UNKNOWN, _("We could not tell whether you keep notices and emails"),
                               code="habits-unknown", detail=unknown_reason(ctx.answers, HABITS))
            return
        habits = set(ctx.answers.get_list(HABITS))
        if "screenshots" in habits:
            yield self.finding(Status.PASS, _("You take screenshots of notices"), code="screenshots", max_points=3)
        else:
            yield self.finding(
                Status.WARN,
                _("You do not take screenshots of KakaoTalk's notices"),
                code="no-screenshots",
                detail=_("{evidence} {wording}", evidence=kakao.EVIDENCE(), wording=kakao.LONG_WORDING()),
                advice=[_("When a notice or error about your account appears, take a screenshot before closing it, "
                          "and note the date, time and any error code.")],
                advice_ids=("C2", "T3"),
                max_points=3,
            )
        if "keep_emails" in habits:
            yield self.finding(Status.PASS, _("You keep Kakao's emails"), code="emails-kept", max_points=3)
        else:
            yield self.finding(
                Status.WARN,
                _("You do not keep Kakao's emails"),
                code="emails-not-kept",
                detail=_("{keep} {spam} A reply that goes unanswered delays the review.",
                         keep=kakao.KEEP_NOTICES(), spam=kakao.REPLIES_IN_SPAM()),
                advice=[_("Keep every email from Kakao and your replies; while you wait for an answer, look in the "
                          "spam and promotions folders too.")],
                advice_ids=("S5", "T3"),
                max_points=3,
            )


class AppUpdated(Check):
    """KakaoTalk kept up to date.

    The article: update the app before going to Settings > Kakao Customer Center / Help, because the
    menu's place and names can differ between versions (ADVICE S1). Shares the habits question with
    KA703.

    Findings: `app-updated` (pass), `app-not-updated` (warn, low); `habits-unknown` when the question
    was not answered.
    """

    id = "KA704"
    title = _("KakaoTalk kept up to date")
    category = Category.RECOVERY
    weight = 4
    advice_ids = ("S1",)
    references = (HELP_CENTRE_URL,)
    why = _("{in_app} Updates also bring fixes.", in_app=kakao.SUPPORT_IN_APP())
    fix = _("Turn on automatic updates for KakaoTalk in the App Store or Google Play, and update it before "
            "contacting support.")
    questions = (HABITS_QUESTION,)

    def run(self, ctx: Context) -> Iterable[Finding]:
        if HABITS not in ctx.answers or ctx.answers.is_unknown(HABITS):
            yield self.finding(Status.UNKNOWN, _("We could not tell whether KakaoTalk is up to date"),
                               code="habits-unknown", detail=unknown_reason(ctx.answers, HABITS))
        elif "app_updates" in ctx.answers.get_list(HABITS):
            yield self.finding(Status.PASS, _("KakaoTalk is kept up to date"), code="app-updated")
        else:
            yield self.finding(
                Status.WARN,
                _("KakaoTalk may not be up to date"),
                code="app-not-updated",
                severity=Severity.LOW,
                detail=_("{in_app} The fixes of newer versions are missing too.", in_app=kakao.SUPPORT_IN_APP()),
                advice=[_("Turn on automatic updates for KakaoTalk in the App Store or Google Play, or update it now, "
                          "and always before contacting support.")],
            )


class ChatBackup(Check):
    """A recent chat backup, and its password kept.

    KakaoTalk's chat backup reportedly holds text only (no photos or videos, no secret or open
    chats), can be restored for 14 days, and its password cannot be recovered (KAKAO-FACTS K13,
    blog only: stated as "reportedly"). Talk Drawer Plus is Kakao's official paid service that backs
    up chats and media automatically (K13, official). Re-verification on a new device can delete
    chats for good (K12, blog mirror of Kakao's FAQ). The "2 weeks" of the question is K13's 14 days.

    Asked once for every check and command: whether the chats are backed up (``recovery.chat_backup``:
    Talk Drawer Plus, "I back them up myself", never) and, for a backup of one's own, its date
    (``recovery.chat_backup_on``, a month is enough); the travel check KA608 reads the same answers. A
    backup at most 14 days old is recent.

    Whether the backup's password is kept is an item of the habits question (``recovery.habits``,
    shared with KA703 and KA704): left unselected, it counts as not kept; nothing ticked at all is
    "I don't know", and then nothing is said about the password.

    Findings: `drawer`, `backup-recent` (pass), `backup-old`, `no-backup` (warn),
    `backup-password-kept` (pass) / `backup-password-missing` (warn); "unknown" gives
    `backup-unknown`.
    """

    id = "KA705"
    title = _("A recent chat backup")
    category = Category.RECOVERY
    weight = 6
    references = (BACKUP_BLOG_URL, DRAWER_URL, REVERIFY_URL)
    why = kakao.REVERIFICATION()
    fix = _("Make a chat backup in KakaoTalk's chat settings, again right before changing phones or travelling, "
            "and keep its password somewhere safe; or use Talk Drawer Plus where Kakao offers it.")
    questions = (
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
            lookup=places.CHAT_BACKUP,
            present=True,
        ),
        Question(
            CHAT_BACKUP_ON,
            QType.DATE,
            _("On which date did you last back up your KakaoTalk chats?"),
            help=_("KakaoTalk shows the date of the last backup on its chat backup screen, in the chat settings. A "
                   "month is enough (2026-10)."),
            allow_unknown=True,
            lookup=places.CHAT_BACKUP,
            past_only=True,
            rough=True,
            present=True,
            when={CHAT_BACKUP: "backup"},
        ),
        HABITS_QUESTION,
    )

    @staticmethod
    def _kind(ctx: Context) -> str | None:
        """"drawer", "recent", "older" or "none"; None when not known (the date of a backup included)."""
        kind = ctx.answers.get_text(CHAT_BACKUP)
        if kind != "backup":
            return kind
        made = ctx.answers.get_date(CHAT_BACKUP_ON)
        if made is None:
            return None
        return "recent" if (ctx.today() - made).days <= RECENT_DAYS else "older"

    _CONTENT = kakao.BACKUP_CONTENT(days=14)
    _MAKE_ONE = _("Make a chat backup in KakaoTalk's chat settings, and again right before changing phones or "
                  "travelling. {drawer}", drawer=kakao.TALK_DRAWER())
    #: Both parts, the backup (6) and its password (2), so that no backup scores below a kept-up one.
    _BOTH = 8

    def run(self, ctx: Context) -> Iterable[Finding]:
        backup = self._kind(ctx)
        if backup is None:
            yield self.finding(Status.UNKNOWN, _("We could not tell whether your chats are backed up"),
                               code="backup-unknown",
                               detail=unknown_reason(ctx.answers, CHAT_BACKUP_ON if ctx.answers.get_text(CHAT_BACKUP) ==
                                                     "backup" else CHAT_BACKUP),
                               advice=[self._MAKE_ONE], max_points=self._BOTH)
            return
        if backup == "drawer":
            # Talk Drawer Plus has no backup password to lose: both parts are in order.
            yield self.finding(Status.PASS, _("Your chats are backed up automatically with Talk Drawer Plus"),
                               code="drawer", max_points=self._BOTH)
            return
        if backup == "recent":
            yield self.finding(Status.PASS, _("You made a chat backup recently"), code="backup-recent",
                               detail=self._CONTENT, max_points=6)
        elif backup == "older":
            yield self.finding(
                Status.WARN,
                _("Your last chat backup is more than 2 weeks old"),
                code="backup-old",
                detail=_("{content} Yours may no longer be available.", content=self._CONTENT),
                advice=[self._MAKE_ONE],
                max_points=6,
            )
        else:
            yield self.finding(
                Status.WARN,
                _("Your chats are not backed up"),
                code="no-backup",
                detail=kakao.REVERIFICATION(),
                advice=[self._MAKE_ONE],
                # Nothing for no backup: an old one (older than the 14 days it can be restored) scores no
                # more than none, and never less (found by the property test).
                points=0,
                max_points=self._BOTH,
            )
            return
        if HABITS not in ctx.answers or ctx.answers.is_unknown(HABITS):
            return  # not asked (the quick check), or "I don't know": nothing is said about the password
        if BACKUP_PASSWORD_KEPT in ctx.answers.get_list(HABITS):
            yield self.finding(Status.PASS, _("The backup password is kept safe"), code="backup-password-kept",
                               max_points=2)
        else:
            yield self.finding(
                Status.WARN,
                _("The chat backup's password is not kept"),
                code="backup-password-missing",
                detail=kakao.BACKUP_PASSWORD(),
                advice=[_("Keep the backup password in a password manager or written down somewhere safe. If it is "
                          "lost, make a new backup with a new password.")],
                max_points=2,
            )


class TalkSafetyPass(Check):
    """Whether Talk Safety Pass may be open to the registered number (good to know, not scored).

    Talk Safety Pass (톡안녕패스), which can relax Kakao's protection measures, needs a Kakao Certificate
    issued with a South Korean mobile number: users with Japanese or other numbers most likely cannot
    use it, and their route is waiting or customer service (KAKAO-FACTS K4, official page). A South
    Korean mobile number does not show that a certificate was issued with it, so even then the report
    says "may". The number is read with `kakaoaudit.contacts.parse_phone`, the home country being the
    default region. Nothing here is right or wrong, so the findings are information, without points;
    the same sentences are used by ``kakaoaudit triage``.

    Findings: `safety-pass-possible` (info, South Korean mobile number), `safety-pass-unlikely` (info);
    `safety-pass-unknown` when the number is missing or cannot be read.
    """

    id = "KA706"
    title = _("Talk Safety Pass for your phone number")
    category = Category.RECOVERY
    weight = 0
    advice_ids = ()
    references = (SAFETY_PASS_URL,)
    why = _("{needs} {other}", needs=kakao.SAFETY_PASS(), other=kakao.SAFETY_PASS_OTHER_NUMBER())
    fix = _("There is nothing to fix here. Without a South Korean mobile number, keep the registered phone number "
            "and email current, so that you can prove the account is yours if a measure applies.")
    questions = (
        Question(
            PHONE,
            QType.PHONE,
            _("Which phone number is registered to your Kakao account?"),
            help=_("Write it with the country code if it is not from the country you live in, for example "
                   "+82 10-1234-5678."),
        ),
        Question(
            HOME_COUNTRY,
            QType.COUNTRY,
            _("Which country do you live in?"),
            help=_("A country code such as JP or KR, or the country's name."),
            default="JP",
            infer=infer_home_country,
            infer_from=(PHONE,),
        ),
    )

    def run(self, ctx: Context) -> Iterable[Finding]:
        from kakaoaudit.api import PhoneType, mask_phone, parse_phone  # noqa: PLC0415 - phonenumbers

        number = ctx.answers.get_text(PHONE)
        if number is None:
            yield self.finding(Status.UNKNOWN, _("We could not tell whether Talk Safety Pass may be open to you"),
                               code="safety-pass-unknown", detail=unknown_reason(ctx.answers, PHONE))
            return
        info = parse_phone(number, default_region=ctx.answers.get_text(HOME_COUNTRY) or "JP")
        shown = Private(number, mask_phone(info))
        if not info.valid:
            yield self.finding(
                Status.UNKNOWN,
                _("We could not read your registered phone number {number}", number=shown),
                code="safety-pass-unknown",
                detail=_("So we cannot tell whether Talk Safety Pass may be open to you."),
                advice=[_("Write the number with its country code, for example +81 90-1234-5678.")],
            )
        elif info.region == "KR" and info.type is PhoneType.MOBILE:
            yield self.finding(
                Status.INFO,
                _("Your registered number {number} is a South Korean mobile number", number=shown),
                code="safety-pass-possible",
                detail=_("{needs} {korean}", needs=kakao.SAFETY_PASS(), korean=kakao.SAFETY_PASS_KOREAN_NUMBER()),
            )
        else:
            yield self.finding(
                Status.INFO,
                _SAFETY_PASS_UNLIKELY(number=shown),
                code="safety-pass-unlikely",
                detail=_("{needs} {other}", needs=kakao.SAFETY_PASS(), other=kakao.SAFETY_PASS_OTHER_NUMBER()),
                advice=[_("Keep your registered phone number and email current, so that you can be reached and prove "
                          "the account is yours.")],
            )
