"""KA608 chat backup fresh before departure (KAKAO-FACTS K12, K13).

The class docstring is the check's documentation page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from kakaoaudit.api import (
    Answers,
    ChecklistItem,
    Context,
    Finding,
    Phase,
    Severity,
    Status,
    TravelCheck,
    Trip,
    translator,
)
from kakaoaudit.api import claims as kakao

from .travel_shared import (  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared
    CHAT_BACKUP,
    CHAT_BACKUP_ON,
    CHAT_BACKUP_QUESTIONS,
    K12_REVERIFICATION,
    K13_BACKUP_BLOG,
    K13_TALK_DRAWER,
    TRIP,
)

_ = translator(__name__)

#: The chat backup is asked once, with KA705 (``recovery.chat_backup`` and its date).
BACKUP_ON = CHAT_BACKUP_ON
#: A chat backup can reportedly be restored for 14 days (K13).
RESTORE_DAYS = 14


def reference_day(trip: Trip) -> date:
    """The day the backup must still be restorable: the departure, or today once abroad."""
    return trip.depart if trip.depart is not None and trip.depart > trip.today else trip.today


class ChatBackup(TravelCheck):
    """A chat backup that can still be restored on the day you leave.

    What it checks
        The date of the last chat backup (``recovery.chat_backup_on``, asked once with KA705 after
        ``recovery.chat_backup``) against the day you leave (or today once abroad). Chats backed up
        automatically by Talk Drawer Plus pass.

    Why
        If Kakao asks to verify the number again abroad (a new device, changed device details), chats that
        were not backed up can reportedly be lost for good (KAKAO-FACTS K12). KakaoTalk's chat backup
        reportedly keeps text only (no photos, videos, secret or open chats), can be restored for 14 days and
        its password cannot be recovered (K13, blog); Talk Drawer Plus, Kakao's paid service, backs up chats
        and media (K13, official). The 14 days are the only threshold used.

    Scoring
        A backup that can still be restored on the day you leave, or Talk Drawer Plus: 10; an older
        backup: 5; no backup: 0. A departure more than 14 days away is not scored yet.

    Findings
        ``backup-fresh`` (pass: at most 14 days old on the day you leave), ``backup-drawer`` (pass: Talk
        Drawer Plus), ``backup-old`` (warn), ``backup-none`` (warn: never backed up), ``backup-later`` (info:
        the departure is more than 14 days away, so no backup made now would still be restorable then),
        ``backup-unknown`` (unknown). Checklist: back up the day before you leave.

    Sources
        https://def.tokyohibi.com/entry/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%86%A1-%EB%8C%80%ED%99%94-%EB%B0%B1%EC%97%85-%EB%B3%B5%EC%9B%90-%EB%B0%A9%EB%B2%95
        (K13), https://cs.kakao.com/helps?articleId=1073196180&service=8&category=565&device=2062&locale=ko
        (K13), https://jairo777m.blogspot.com/2021/05/ios_01084061721.html (K12).
    """

    id = "KA608"
    title = _("Chat backup before departure")
    weight = 10
    advice_ids = ()
    references = (K13_BACKUP_BLOG, K13_TALK_DRAWER, K12_REVERIFICATION)
    why = _("{reverify} {content}", reverify=kakao.REVERIFICATION(), content=kakao.BACKUP_CONTENT(days=RESTORE_DAYS))
    fix = _("Back up your chats the day before you leave and keep the backup password somewhere safe.")
    questions = TRIP + CHAT_BACKUP_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        kind = ctx.answers.get_text(CHAT_BACKUP)
        backup = ctx.answers.get_date(BACKUP_ON) if kind == "backup" else None
        advice = [
            _("Back up your chats the day before you leave, on the chat backup screen of KakaoTalk's chat settings."),
            _("Write the backup password down somewhere safe. {lost}", lost=kakao.BACKUP_PASSWORD()),
            _("Save photos and videos separately. {drawer}", drawer=kakao.TALK_DRAWER()),
        ]
        if kind == "drawer":
            yield self.finding(Status.PASS, _("Talk Drawer Plus backs up your chats automatically"),
                               code="backup-drawer")
            return
        if kind == "none":
            yield self.finding(
                Status.WARN,
                _("Your chats are not backed up"),
                code="backup-none",
                severity=Severity.MEDIUM,
                detail=kakao.REVERIFICATION(),
                advice=advice,
                points=0,  # nothing to restore: below an old backup (half), as KA705 scores it
            )
            return
        if backup is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You do not know when your chats were last backed up"),
                code="backup-unknown",
                advice=advice,
            )
            return
        reference = reference_day(trip)
        if (reference - trip.today).days > RESTORE_DAYS:
            # No backup made today can still be restored on a departure this far ahead: nothing to judge yet.
            yield self.finding(
                Status.INFO,
                _("Back up your chats shortly before you leave on {reference}", reference=reference.isoformat()),
                code="backup-later",
                detail=kakao.BACKUP_CONTENT(days=RESTORE_DAYS),
                advice=advice,
            )
            return
        age = (reference - backup).days
        if age <= RESTORE_DAYS:
            yield self.finding(
                Status.PASS,
                _("Your chat backup of {day} can still be restored on {reference}", day=backup.isoformat(),
                  reference=reference.isoformat()),
                code="backup-fresh",
            )
            return
        yield self.finding(
            Status.WARN,
            _("Your last chat backup ({day}) will be {age} days old on {reference}", day=backup.isoformat(),
              age=age, reference=reference.isoformat()),
            code="backup-old",
            severity=Severity.MEDIUM,
            detail=_("{content} {reverify}", content=kakao.BACKUP_CONTENT(days=RESTORE_DAYS),
                     reverify=kakao.REVERIFICATION()),
            advice=advice,
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        kind = answers.get_text(CHAT_BACKUP)
        backup = answers.get_date(BACKUP_ON) if kind == "backup" else None
        done = kind == "drawer" or (backup is not None and trip.depart is not None and (trip.depart - backup).days <= 1)
        yield self.item(Phase.DAY_BEFORE, _("Back up your KakaoTalk chats and keep the backup password somewhere "
                                            "safe"), done=done)
