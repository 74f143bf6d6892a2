"""Answers files of older versions keep working: their keys are read as today's, with a note each.

Answers files are people's data, so a key that kakaoaudit no longer asks is not refused: it is read
as the questions that replaced it, and one line says how. The file itself is not rewritten: when
today's key is also in the file (saved by a later run), today's key wins and the old one is left
as it is, unread.

What changed (kakaoaudit 0.2):

* ``password.habits`` and ``contacts.status``, checklists in which a box left unticked counted as
  "no" (and so could accuse: "you reuse the password"), became questions that each take yes, no or
  "I don't know". A ticked box is read as the safe answer; a box left unticked is read as "I don't
  know" (never as an accusation) and asked again on the next run in a terminal.
* The same fact was asked twice: ``security.two_step.backup_email`` is now read from
  ``contacts.backup.kind``, ``triage.past_restrictions`` from ``conduct.restricted_before``, and
  ``travel.chat_backup_on`` and the "recent"/"older" answers of ``recovery.chat_backup`` from
  ``recovery.chat_backup`` with its date ``recovery.chat_backup_on``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import UNKNOWN, UNSURE, Question

_ = translator("kakaoaudit.questionnaire")

RawPairs = list[tuple[str, Any]]

# Today's keys.
REUSED = "password.reused"
MANAGER = "password.manager"
PC_CODE_SHARED = "security.pc_code_shared"
PHONE_CURRENT = "contacts.phone_current"
EMAIL_ACCESS = "contacts.email_access"
EMAIL_SPAM_CHECKED = "contacts.email_spam_checked"
BACKUP_KIND = "contacts.backup.kind"
RESTRICTED_BEFORE = "conduct.restricted_before"
CHAT_BACKUP = "recovery.chat_backup"
CHAT_BACKUP_ON = "recovery.chat_backup_on"

# The old keys.
OLD_HABITS = "password.habits"
OLD_STATUS = "contacts.status"
OLD_TWO_STEP_BACKUP = "security.two_step.backup_email"
OLD_PAST_RESTRICTIONS = "triage.past_restrictions"
OLD_CHAT_BACKUP_ON = "travel.chat_backup_on"
#: Old answers of recovery.chat_backup that now need a date.
OLD_CHAT_BACKUP_VALUES = ("recent", "older")

#: The old checklists: old key -> (item -> (today's key, the answer a ticked item gives)).
CHECKLISTS: dict[str, dict[str, tuple[str, bool]]] = {
    OLD_HABITS: {
        "not_reused": (REUSED, False),
        "manager": (MANAGER, True),
        "pc_code_private": (PC_CODE_SHARED, False),
    },
    OLD_STATUS: {
        "phone_current": (PHONE_CURRENT, True),
        "email_access": (EMAIL_ACCESS, True),
        "email_spam_checked": (EMAIL_SPAM_CHECKED, True),
    },
}



class _Reading:
    """The state of one reading: today's keys the file has, and what the old keys add."""

    def __init__(self, present: set[str], questions: Mapping[str, Question]) -> None:
        self.present = present
        self.questions = questions
        self.added: dict[str, Any] = {}
        self.reask: set[str] = set()

    def add(self, key: str, value: Any, *, reask: bool = False) -> bool:
        """Add `key` unless the file answers it itself (today's key wins) or no question asks it."""
        if key in self.present or key in self.added or key not in self.questions:
            return False
        self.added[key] = value
        if reask:
            self.reask.add(key)
        return True


def read_legacy(pairs: RawPairs, questions: Mapping[str, Question]) -> tuple[RawPairs, list[Msg], set[str]]:
    """`pairs` with the old keys read as today's (see the module's docstring), one note per old key
    that was read, and the keys to ask again. A key that is neither today's nor an old one is left
    as it is, for validation to name."""
    reading = _Reading({key for key, _raw in pairs}, questions)
    kept: RawPairs = []
    notes: list[Msg] = []
    for key, raw in pairs:
        if key == CHAT_BACKUP and raw in OLD_CHAT_BACKUP_VALUES:
            kept.append((key, "backup"))
            if OLD_CHAT_BACKUP_ON not in reading.present:  # else the old travel question has the date
                reading.add(CHAT_BACKUP_ON, UNKNOWN, reask=True)
            notes.append(_("{key} = {old} is asked with its date now; read as {key} = \"backup\"", key=key,
                           old=_literal(raw)))
            continue
        reader = _READERS.get(key)
        note = None if reader is None or key in questions else reader(raw, reading)
        if note is None:
            kept.append((key, raw))  # today's key, or not in the old form: validation has the last word
        elif note.msgid:
            notes.append(note)
    # An old chat backup date also says that the chats were backed up.
    if CHAT_BACKUP_ON in reading.added and reading.added[CHAT_BACKUP_ON] != UNKNOWN:
        reading.add(CHAT_BACKUP, "backup")
    return kept + list(reading.added.items()), notes, reading.reask


#: A note that says nothing: the old key was read, but today's keys in the file answer it already.
_SILENT = Msg("kakaoaudit.questionnaire", "")


def _checklist(old: str) -> Callable[[Any, _Reading], Msg | None]:
    def read(raw: Any, reading: _Reading) -> Msg | None:
        if raw == UNKNOWN:
            chosen: set[str] = {UNSURE}
        elif isinstance(raw, list) and all(isinstance(item, str) for item in raw):
            chosen = set(raw)
        else:
            return None
        read_as: list[str] = []
        for item, (key, when_ticked) in CHECKLISTS[old].items():
            ticked = item in chosen
            value: Any = when_ticked if ticked else UNKNOWN
            if reading.add(key, value, reask=not ticked):
                read_as.append(f"{key} = {_literal(value)}")
        if not read_as:
            return _SILENT
        return _("'{old}' is asked as separate questions now; read as {new} (a box left unticked is read as "
                 "\"I don't know\", never as a no, and asked again)", old=old, new=", ".join(read_as))
    return read


def _two_step_backup(raw: Any, reading: _Reading) -> Msg | None:
    if raw is True:
        value = "email"
    elif raw is False:
        value = "none"
    elif raw == UNKNOWN:
        value = UNKNOWN
    else:
        return None
    if not reading.add(BACKUP_KIND, value):
        return _SILENT
    new = f"{BACKUP_KIND} = {_literal(value)}"
    return _("'{old}' is now part of the backup contact question; read as {new}", old=OLD_TWO_STEP_BACKUP, new=new)


def _past_restrictions(raw: Any, reading: _Reading) -> Msg | None:
    if not isinstance(raw, str):
        return None
    if not reading.add(RESTRICTED_BEFORE, raw):
        return _SILENT
    new = f"{RESTRICTED_BEFORE} = {_literal(raw)}"
    return _("'{old}' is now asked once for every command; read as {new}", old=OLD_PAST_RESTRICTIONS, new=new)


def _chat_backup_on(raw: Any, reading: _Reading) -> Msg | None:
    if not reading.add(CHAT_BACKUP_ON, raw):
        return _SILENT
    return _("'{old}' is now asked once for every command; read as {new}", old=OLD_CHAT_BACKUP_ON,
             new=CHAT_BACKUP_ON)


_READERS: dict[str, Callable[[Any, _Reading], Msg | None]] = {
    OLD_HABITS: _checklist(OLD_HABITS),
    OLD_STATUS: _checklist(OLD_STATUS),
    OLD_TWO_STEP_BACKUP: _two_step_backup,
    OLD_PAST_RESTRICTIONS: _past_restrictions,
    OLD_CHAT_BACKUP_ON: _chat_backup_on,
}
OLD_KEYS = frozenset(_READERS)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)
