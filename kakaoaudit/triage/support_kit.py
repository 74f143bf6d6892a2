"""The support inquiry kit: the draft the article tells the user to write, and what goes with it.

From the answers it drafts the inquiry to Kakao's customer service (ADVICE R4; from abroad O3): a
subject line (「利用制限解除について」, from abroad 「利用制限解除について(海外からの問い合わせ)」), the date
and time of the restriction in local time and in Korean time (K15), the symptoms, what was tried,
the account and device details, the inquiry number and how to reach the user (abroad: the local
phone and the time difference). Around the draft: the attachments to prepare (C2, R2, Q2, O2), how
to reach the right form (S1, S2, S6), what happens after sending (S4, S5, Q1) and, with
``reapply``, the re-application checklist (R1-R3).

The draft holds the user's real name and contacts (unless `redact`): the command shows it and
writes it only where asked. It never holds a password: no question asks for one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from kakaoaudit.core import claims as kakao
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.facts import claim
from kakaoaudit.core.i18n import Msg, Private, translator
from kakaoaudit.core.localtime import local_date
from kakaoaudit.core.questions import Question
from kakaoaudit.triage import support_kit_questions
from kakaoaudit.triage.assess import FEATURE_BLOCKS, HELP_CENTRE, Item
from kakaoaudit.triage.document import Document, Section
from kakaoaudit.triage.questions import NOTICE_KIND, NOTICE_TEXT, SYMPTOMS
from kakaoaudit.triage.restriction import (
    ABROAD,
    EMAIL,
    HOME_COUNTRY,
    PHONE,
    Moment,
    Place,
    difference_to_korea,
    kst_text,
    local_text,
    minutes,
    zone_label,
)
from kakaoaudit.triage.support_kit_questions import (
    APP_VERSION,
    CONTACT_EMAIL,
    DEVICE,
    INQUIRY_NUMBER,
    LOCAL_PHONE,
    NAME,
    OS_VERSION,
    STEPS_TRIED,
)

_ = translator("kakaoaudit.support_kit")

#: The command's questions, in the order they are asked. They live apart, light, in
#: kakaoaudit.triage.support_kit_questions: every command reads them (one answers file serves all commands).
QUESTIONS: Final[tuple[Question, ...]] = support_kit_questions.QUESTIONS

OFFICIAL_URL: Final = HELP_CENTRE


@dataclass(frozen=True)
class Kit:
    """The inquiry kit, rendered in one language."""

    language: str
    redacted: bool
    reapply: bool
    subject: str
    body: str
    moment: Moment | None
    place: Place
    abroad: bool
    time_difference: str | None
    before_sending: tuple[str, ...]
    attachments: tuple[str, ...]
    how_to_send: tuple[str, ...]
    after_sending: tuple[str, ...]
    reapply_checklist: tuple[str, ...]
    #: What is missing or looks wrong in the draft (placeholders to fill in).
    warnings: tuple[str, ...]
    generated_at: datetime


# The article's subject lines (ADVICE R4; from abroad O3), as claims of the article.
_SUBJECT = claim("R4", _("About lifting a usage restriction"))
_SUBJECT_REAPPLY = claim(("R4", "R3"), _("About lifting a usage restriction (re-application)"))
_SUBJECT_ABROAD = claim("O3", _("About lifting a usage restriction (inquiry from abroad)"))
_SUBJECT_ABROAD_REAPPLY = claim(("O3", "R3"), _(
    "About lifting a usage restriction (inquiry from abroad, re-application)"))


def subject(*, abroad: bool, reapply: bool) -> Msg:
    """The subject line the article suggests (R4; from abroad O3)."""
    if abroad:
        return (_SUBJECT_ABROAD_REAPPLY if reapply else _SUBJECT_ABROAD)()
    return (_SUBJECT_REAPPLY if reapply else _SUBJECT)()


def _private_phone(value: str, region: str) -> Private:
    from kakaoaudit.contacts.phone_email import mask_phone  # noqa: PLC0415 - phonenumbers loads only here

    return Private(value, mask_phone(value, region))


def _private_email(value: str) -> Private:
    from kakaoaudit.contacts.phone_email import mask_email  # noqa: PLC0415

    return Private(value, mask_email(value))


def _labels(question_id: str, values: Iterable[str]) -> list[Msg]:
    question = next(q for q in QUESTIONS if q.id == question_id)
    labels = {choice.value: choice.label for choice in question.choices}
    return [labels[value] for value in values if value in labels]


class _Draft:
    """Collects the draft's lines and the warnings about it, in one language."""

    def __init__(self, lang: str, redact: bool) -> None:
        self.lang, self.redact = lang, redact
        self.lines: list[str] = []
        self.warnings: list[str] = []

    def text(self, message: Msg) -> str:
        return message.render(self.lang, redact=self.redact)

    def add(self, *messages: Msg | str) -> None:
        self.lines.extend(m if isinstance(m, str) else self.text(m) for m in messages)

    def bullets(self, items: list[Msg], empty: Msg) -> None:
        self.lines.extend("- " + self.text(item) for item in (items or [empty]))

    def heading(self, message: Msg) -> None:
        self.lines.extend(["", self.text(message)])

    def missing(self, placeholder: Msg, warning: Msg) -> str:
        self.warnings.append(self.text(warning))
        return self.text(placeholder)


def build(
    answers: Answers,
    *,
    moment: Moment | None,
    place: Place,
    now: datetime,
    lang: str,
    redact: bool = False,
    reapply: bool = False,
) -> Kit:
    """The kit for these answers in `lang`; `redact` masks phone numbers and email addresses."""
    abroad = bool(answers.get_bool(ABROAD))
    home = answers.get_text(HOME_COUNTRY) or "JP"
    draft = _Draft(lang, redact)
    name = answers.get_text(NAME) or ""
    inquiry = answers.get_text(INQUIRY_NUMBER) or ""

    draft.add(_("Dear Kakao Customer Center,"), "")
    draft.add(_("My KakaoTalk account has been restricted and I cannot use it normally. Please check the "
                "restriction and tell me how to have it lifted."))
    previous = ""
    if reapply:
        previous = inquiry or draft.missing(_("[the previous inquiry number]"),
                                            _("Add the previous inquiry's number (support.inquiry_number)."))
        corrections = draft.missing(_("[write what you corrected]"),
                                    _("Write what you corrected after support's reply."))
        draft.add(_("This is a new application after my previous inquiry (inquiry number: {number}). I have "
                    "corrected the points you raised: {corrections}", number=previous, corrections=corrections))

    draft.heading(_("[When it started]"))
    from kakaoaudit.core.timezones import get_zone  # noqa: PLC0415

    # The difference on the day it started, else today where the user is (not UTC's date).
    day = moment.started.day if moment else local_date(now, get_zone(place.zone))
    time_difference = difference_to_korea(place.zone, day)
    if moment is None:
        draft.add(draft.missing(_("[date and time it started]"),
                                _("The start of the restriction is not known: fill in the date and time.")))
    else:
        draft.add(_("Local time: {local}, {place}", local=local_text(moment), place=zone_label(place, lang)),
                  _("Korean time: {kst}", kst=kst_text(moment)))

    draft.heading(_("[Symptoms]"))
    draft.bullets(_labels(SYMPTOMS, answers.get_list(SYMPTOMS)), _("(none chosen)"))
    kind = answers.get_text(NOTICE_KIND)
    if kind and kind != "none":
        draft.add(_("Notice shown: {notice}", notice=_labels(NOTICE_KIND, [kind])[0]))
    elif kind == "none":
        draft.add(_("No notice or pop-up appeared."))
    notice = answers.get_text(NOTICE_TEXT)
    if notice:
        draft.add(_("Text of the notice:"), *(f"> {line}" for line in notice.split("\n")))

    draft.heading(_("[What I have tried]"))
    draft.bullets(_labels(STEPS_TRIED, answers.get_list(STEPS_TRIED)), _("Nothing yet"))

    if reapply:
        # The re-application follows the previous inquiry: never "first inquiry" next to "follow-up of inquiry N".
        inquiry_line = _("Previous inquiry number: {number}", number=previous)
    elif inquiry:
        inquiry_line = _("Inquiry number: {number}", number=inquiry)
    else:
        inquiry_line = _("Inquiry number: none (first inquiry)")

    draft.heading(_("[Account]"))
    phone, email = answers.get_text(PHONE) or "", answers.get_text(EMAIL) or ""
    draft.add(_("Name: {name}", name=name),
              _("Registered phone number: {phone}", phone=_private_phone(phone, home)),
              _("Registered email address: {email}", email=_private_email(email)) if email
              else _("Registered email address: none"),
              inquiry_line)

    draft.heading(_("[Device]"))
    app = answers.get_text(APP_VERSION) or draft.missing(
        _("[KakaoTalk version]"), _("The KakaoTalk version is not known: look it up in the app's settings."))
    draft.add(_("Device: {device}", device=answers.get_text(DEVICE) or ""),
              _("Operating system: {os}", os=answers.get_text(OS_VERSION) or ""),
              _("KakaoTalk version: {version}", version=app))

    draft.heading(_("[How to reach me]"))
    contact = answers.get_text(CONTACT_EMAIL) or ""
    draft.add(_("Email: {email}", email=_private_email(contact)) if contact else draft.missing(
        _("Email: [an address where you can receive the reply]"),
        _("There is no reply address: add one (support.contact_email).")))
    if abroad:
        local_phone = answers.get_text(LOCAL_PHONE) or ""
        draft.add(_("I am writing from abroad: {place}.", place=zone_label(place, lang)))
        if local_phone:
            draft.add(_("Local phone number: {phone}", phone=_private_phone(local_phone, place.country)))
        else:
            draft.add(_("Local phone number: none; please contact me by email."))
        draft.add(_("Time difference: {difference}.", difference=time_difference))

    draft.add("", _("I have attached screenshots of the notice and, if needed, a photo of my ID document."))
    draft.add("", _("Thank you for your help."), name)
    _check_contacts(draft, phone, email, contact, home)

    return Kit(
        language=lang,
        redacted=redact,
        reapply=reapply,
        subject=draft.text(subject(abroad=abroad, reapply=reapply)),
        body="\n".join(draft.lines),
        moment=moment,
        place=place,
        abroad=abroad,
        time_difference=draft.text(time_difference) if abroad else None,
        before_sending=_render(lang, before_sending(answers)),
        attachments=_render(lang, attachments(answers, abroad=abroad)),
        how_to_send=_render(lang, HOW_TO_SEND + (HOW_TO_SEND_ABROAD if abroad else ())),
        after_sending=_render(lang, AFTER_SENDING),
        reapply_checklist=_render(lang, REAPPLY) if reapply else (),
        warnings=tuple(draft.warnings),
        generated_at=now,
    )


def _check_contacts(draft: _Draft, phone: str, email: str, contact: str, home: str) -> None:
    """Warn (never block) when a contact does not look valid: support could not reach the user."""
    from kakaoaudit.contacts.phone_email import parse_email, parse_phone  # noqa: PLC0415

    if not phone:
        draft.warnings.append(draft.text(_("The registered phone number is missing: add it (contacts.phone).")))
    elif not parse_phone(phone, home).valid:
        draft.warnings.append(draft.text(_("The registered phone number does not look valid: check it against "
                                           "the Kakao Account settings.")))
    for address in dict.fromkeys((email, contact)):
        if address and not parse_email(address).valid:
            draft.warnings.append(draft.text(_("The email address {email} does not look valid: check it.",
                                               email=_private_email(address))))


def _render(lang: str, items: Iterable[Item]) -> tuple[str, ...]:
    return tuple(item.text.render(lang) for item in items)


#: The draft itself: what to have ready and the subject line (R4), from abroad (O3).
DRAFT_SOURCES: Final = ("R4", "O3")

BEFORE_SENDING: Final = (
    Item(_("Name, birth date, phone number and registered email exactly as on your ID document: no typos, no old "
           "details. {match}", match=kakao.DETAILS_MUST_MATCH()), ("R2",)),
    Item(_("A reply address you can open now. {spam}", spam=kakao.REPLIES_IN_SPAM()), ("S3",)),
    Item(_("Never put your password or verification codes in the inquiry.")),
)
#: Said first when only what Kakao's automatic protection measures block is blocked (K1, K2).
PROTECTION_ONLY: Final = Item(_(
    "Only adding friends, starting chats or joining open chats is blocked. {lifts} Send this inquiry only if a notice "
    "asks you to verify the account or mentions a violation of the rules, or if it lasts longer than that.",
    lifts=kakao.PROTECTION_LIFTS()))
ATTACHMENTS: Final = (
    Item(_("Screenshots of the notice or pop-up, with any error code."), ("C2",)),
    Item(_("The emails from Kakao about the restriction (screenshots or forwarded)."), ("T3",)),
    Item(_("If asked, a photo of an ID document with your photo, name and birth date. {documents} {photo}",
           documents=kakao.ID_DOCUMENTS(), photo=kakao.ID_PHOTO())),
)
#: Screenshots of what the symptoms show, by symptom: only those that fit are asked for.
SYMPTOM_ATTACHMENTS: Final = (
    (frozenset({"stuck_sending", "not_delivered", "not_read"}),
     Item(_('A screenshot of a message that stays "sending" or unread.'), ("C1",))),
    (FEATURE_BLOCKS, Item(_("A screenshot of the screen where adding a friend, starting a chat or joining an open chat "
                            "fails."), ("C2",))),
    (frozenset({"cannot_log_in"}), Item(_("A screenshot of the message shown when you try to sign in."), ("C2",))),
)
ATTACHMENTS_ABROAD: Final = (
    Item(_("From abroad, if asked: {documents}", documents=kakao.ABROAD_DOCUMENTS())),
)
HOW_TO_SEND: Final = (
    Item(kakao.SUPPORT_IN_APP()),
    Item(kakao.INQUIRY_CATEGORY()),
    Item(_("Copy the subject and the draft into the form, fill in every field, and attach the files."), ("S3",)),
    Item(_("Without the app, use the official help centre. {centre}", centre=kakao.HELP_CENTRE())),
    Item(_("To write an email or call instead, use only the contacts published on the official help centre, and keep "
           "this draft at hand. {hours}", hours=kakao.HOURS_UNKNOWN())),
)
HOW_TO_SEND_ABROAD: Final = (
    Item(_("{email} {kst}", email=kakao.EMAIL_FROM_ABROAD(), kst=kakao.KST())),
)
AFTER_SENDING: Final = (
    Item(kakao.REVIEW_TAKES()),
    Item(_("Answer follow-up questions quickly, and before any deadline. {long}", long=kakao.LONG_TAKES_TIME()),
         ("R1",)),
    Item(_("Check the spam and promotions folders; keep every email and the inquiry number. {spam}",
           spam=kakao.REPLIES_IN_SPAM())),
)
REAPPLY: Final = (
    Item(_("I read the whole reply and listed every point it raises, and its deadline."), ("R1",)),
    Item(_("I fixed each point; where a term was unclear, I looked it up in the official help."), ("R1", "R3")),
    Item(_("My ID photo shows the whole document, sharp, without glare, shadows or fingers."), ("R2",)),
    Item(_("My name, address and birth date match my ID and are current (also after a marriage or a move)."),
         ("R2",)),
    Item(_("The draft says what I changed and gives the previous inquiry number."), ("R3", "R4")),
    Item(_("I am sending it before the deadline."), ("R1",)),
)


def before_sending(answers: Answers) -> tuple[Item, ...]:
    """What to check before sending; first, when only feature blocks are reported, that it may not be needed."""
    symptoms = frozenset(answers.get_list(SYMPTOMS))
    protection_only = bool(symptoms) and symptoms <= FEATURE_BLOCKS and answers.get_text(NOTICE_KIND) in (
        None, "none", "temporary_limit")
    return (PROTECTION_ONLY, *BEFORE_SENDING) if protection_only else BEFORE_SENDING


def attachments(answers: Answers, *, abroad: bool) -> tuple[Item, ...]:
    """The attachments to prepare: the screenshots the symptoms call for, then the rest."""
    symptoms = frozenset(answers.get_list(SYMPTOMS))
    shown = tuple(item for kinds, item in SYMPTOM_ATTACHMENTS if symptoms & kinds)
    return (ATTACHMENTS[0], *shown, *ATTACHMENTS[1:], *(ATTACHMENTS_ABROAD if abroad else ()))


def document(kit: Kit) -> Document:
    """The kit as a document: the draft first, then what goes with it."""
    from kakaoaudit.core.disclaimer import DISCLAIMER  # noqa: PLC0415

    lang = kit.language

    def t(message: Msg) -> str:
        return message.render(lang)

    intro = [t(_("Check it and fill in anything in [brackets] before sending. It never contains your password."))]
    if not kit.redacted:
        intro.append(t(_("It contains your name, phone number and email address in full.")))
    else:
        intro.append(t(_("Phone numbers and email addresses are masked (--redact): do not send it like this.")))
    sections = [Section(t(_("Subject")), lines=(kit.subject,))]
    sections.append(Section(t(_("Draft")), verbatim=kit.body))
    if kit.warnings:
        sections.append(Section(t(_("Before you send it, fix this")), items=kit.warnings))
    sections.extend([
        Section(t(_("Check before sending")), items=kit.before_sending, checkboxes=True),
        Section(t(_("Attachments to prepare")), items=kit.attachments, checkboxes=True),
        Section(t(_("How to send it")), items=kit.how_to_send, numbered=True),
        Section(t(_("After sending")), items=kit.after_sending),
    ])
    if kit.reapply:
        sections.append(Section(t(_("Re-application checklist")), items=kit.reapply_checklist, checkboxes=True))
    if kit.place.other_zones:
        sections.append(Section(t(_("Time zone")), lines=(t(_(
            "{country} has several time zones; the times use {zone}. Others: {zones}. To choose, set "
            "support.time_zone in the answers file.", country=zone_label(kit.place, lang), zone=kit.place.zone,
            zones=", ".join(kit.place.other_zones))),)))
    return Document(
        title=t(_("kakaoaudit support kit: your inquiry to Kakao's customer service")),
        intro=tuple(intro),
        sections=tuple(sections),
        footer=(t(_("Official help centre: {url}", url=OFFICIAL_URL)), t(DISCLAIMER)),
    )


FORMAT_NAME: Final = "kakaoaudit-support-kit"
FORMAT_VERSION: Final = 1


def to_json(kit: Kit, *, tool_version: str) -> dict[str, Any]:
    """The kit as the JSON document described by ``formats/support_kit.schema.json``."""
    from kakaoaudit.core.disclaimer import DISCLAIMER  # noqa: PLC0415

    restriction: dict[str, Any] | None = None
    if kit.moment is not None:
        earliest, latest = kit.moment.kst()
        restriction = {
            "local": kit.moment.started.text,
            "time_known": kit.moment.started.clock is not None,
            "utc_offset": kit.moment.utc_offset.total_seconds() / 3600,
            "kst_earliest": minutes(earliest),
            "kst_latest": minutes(latest),
        }
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "tool_version": tool_version,
        "generated_at": kit.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "language": kit.language,
        "redacted": kit.redacted,
        "reapply": kit.reapply,
        "subject": kit.subject,
        "body": kit.body,
        "restriction": restriction,
        "place": {"country": kit.place.country, "time_zone": kit.place.zone,
                  "other_time_zones": list(kit.place.other_zones)},
        "abroad": kit.abroad,
        "time_difference": kit.time_difference,
        "warnings": list(kit.warnings),
        "before_sending": list(kit.before_sending),
        "attachments": list(kit.attachments),
        "how_to_send": list(kit.how_to_send),
        "after_sending": list(kit.after_sending),
        "reapply_checklist": list(kit.reapply_checklist) if kit.reapply else None,
        "official_url": OFFICIAL_URL,
        "disclaimer": DISCLAIMER.render(kit.language),
    }
