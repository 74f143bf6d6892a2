"""The audit's side of the history: the reminder before an audit, the record after it.

* Before: "your last audit was N days ago" (for the same --label), and a word when that is longer
  than the check-up interval (``[settings] reminder_days`` in the answers file, default 90).
* A history file that cannot be used (damaged, another program's, from a newer kakaoaudit) stops
  the audit BEFORE any question, with the choice: on a terminal the user is asked whether to move
  it aside and start a new history; otherwise the error names the command that does it. The file
  is never emptied or repaired: its rows stay where they are until the user decides.
* After the report was delivered: the redacted report is stored. A failure there is one warning
  line with how to fix it; the exit code stays the audit's (the report itself was delivered).
* The demo never touches the history (it is not the user's account), nor does --no-history.

Kept apart from `kakaoaudit.history.store` (storage only, English errors) and from the commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, Protocol

import click

from kakaoaudit.core.errors import InputError, KakaoauditError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.localtime import local_date
from kakaoaudit.history.reminder import DEFAULT_REMINDER_DAYS, REMINDER_RANGE

if TYPE_CHECKING:
    # Imported where used: `kakaoaudit history --help` reads the constants below without SQLite.
    from kakaoaudit.core.model import Report
    from kakaoaudit.history.store import Entry, HistoryError, HistoryStore

_ = translator("kakaoaudit.audit_history")

__all__ = [
    "DEFAULT_REMINDER_DAYS",
    "REMINDER_RANGE",
    "SETTINGS_SECTION",
    "UNUSABLE",
    "AuditHistory",
    "HistoryUnusable",
    "Settings",
    "days_between",
    "describe",
    "last_audit_message",
    "latest_of",
    "parse_settings",
    "remedy",
    "settings_from",
]

#: The answers file's table of settings.
SETTINGS_SECTION: Final = "settings"
#: History error kinds that mean "this file cannot be used at all": offer to move it aside.
UNUSABLE: Final = frozenset({"corrupt", "foreign", "newer"})


class HistoryUnusable(KakaoauditError):
    """The history file cannot be used and the user was not asked (no terminal): exit 2."""


class Confirmer(Protocol):
    """The part of `kakaoaudit.questionnaire.prompt.Prompter` used here."""

    def say(self, message: Msg | str) -> None: ...

    def confirm(self, question: Msg, default: bool = False) -> bool: ...


class Settings(NamedTuple):
    """The ``[settings]`` section of the answers file."""

    reminder_days: int = DEFAULT_REMINDER_DAYS


def parse_settings(raw: Any, path: Path) -> Settings:
    """Validate ``[settings]``; `InputError` on a bad value or an unknown key."""
    file = str(path)
    if not isinstance(raw, dict):
        raise InputError(_("{file}: [settings] must be a table, e.g. reminder_days = 90", file=file))
    problems: list[Msg] = []
    settings = Settings()
    for key, value in raw.items():
        if key != "reminder_days":
            import difflib  # noqa: PLC0415 - only for a typo in the settings; keeps --help light
            nearest = difflib.get_close_matches(str(key), ["reminder_days"], n=1, cutoff=0.6)
            if nearest:
                problems.append(_("{file}: [settings] unknown key '{key}'; did you mean '{suggestion}'?",
                                  file=file, key=str(key), suggestion=nearest[0]))
            else:
                problems.append(_("{file}: [settings] unknown key '{key}'; the only setting is reminder_days",
                                  file=file, key=str(key)))
            continue
        low, high = REMINDER_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append(_("{file}: [settings] reminder_days: expected a whole number of days from {low} to "
                              "{high}, got {value}", file=file, low=low, high=high, value=_shown(value)))
            continue
        settings = Settings(reminder_days=value)
    if problems:
        raise InputError(*problems)
    return settings


def describe(error: HistoryError) -> Msg:
    """What is wrong with the history file, in the user's words."""
    path = str(error.path)
    messages = {
        "corrupt": _("the history file {path} is damaged and cannot be read", path=path),
        "foreign": _("{path} is not a kakaoaudit history: the file belongs to another program", path=path),
        "newer": _("the history file {path} was written by a newer version of kakaoaudit", path=path),
        "readonly": _("the history file {path} cannot be written: it or its folder is read-only", path=path),
        "permission": _("the system denied access to the history file {path} or its folder", path=path),
        "locked": _("the history file {path} is busy: another kakaoaudit kept it locked", path=path),
    }
    from kakaoaudit.history.store import DISK_FULL  # noqa: PLC0415 - loaded once there is an error

    if error.kind == "io" and error.detail == DISK_FULL:
        return _("the disk that holds the history file {path} is full", path=path)
    return messages.get(error.kind) or _("the history file {path} cannot be used ({detail})", path=path,
                                         detail=error.detail)


def remedy(error: HistoryError) -> Msg:
    """How to get out of it."""
    if error.kind == "newer":
        return _("Update kakaoaudit to keep using it, or move it aside and start a new history with: kakaoaudit "
                 "history move-aside (nothing is deleted). To audit without the history: --no-history.")
    if error.kind in UNUSABLE:
        return _("To keep the file and start a new history: kakaoaudit history move-aside (nothing is deleted). "
                 "To audit without the history: --no-history.")
    if error.kind == "locked":
        return _("Wait for the other kakaoaudit to finish and try again.")
    from kakaoaudit.history.store import DISK_FULL  # noqa: PLC0415 - loaded once there is an error

    if error.kind == "io":
        # Not a question of permissions: a full disk, a failing device, a path that cannot be reached.
        if error.detail == DISK_FULL:
            return _("Free some space on that disk, or set KAKAOAUDIT_HOME to a folder on another disk; "
                     "--no-history skips the history.")
        return _("Check that the disk and the folder are reachable, or set KAKAOAUDIT_HOME to another folder; "
                 "--no-history skips the history.")
    return _("Make the folder writable, or set KAKAOAUDIT_HOME to a folder you can write; --no-history skips "
             "the history.")


def days_between(earlier: datetime, now: datetime, zone: tzinfo | None = None) -> int:
    """Calendar days from `earlier` to `now` in the user's time zone ("yesterday" is 1), at least 0."""
    return max(0, (local_date(now, zone) - local_date(earlier, zone)).days)


def last_audit_message(days: int, when: date, label: str | None) -> Msg:
    """ "Your last audit was N days ago (DATE)." """
    on = when.isoformat()
    if days == 0:
        message = _("Your last audit was earlier today ({date}).", date=on)
    elif days == 1:
        message = _("Your last audit was yesterday ({date}).", date=on)
    else:
        message = _("Your last audit was {days} days ago ({date}).", days=days, date=on)
    return message if label is None else _("{label}: {message}", label=label, message=message)


class AuditHistory:
    """The history as one audit uses it; a no-op when the history is off."""

    def __init__(
        self,
        store: HistoryStore | None,
        *,
        label: str | None,
        reminder_days: int = DEFAULT_REMINDER_DAYS,
        zone: tzinfo | None = None,
    ) -> None:
        self.store = store
        self.label = label
        self.reminder_days = reminder_days
        self.zone = zone

    @classmethod
    def start(
        cls,
        *,
        enabled: bool,
        remind: bool,
        label: str | None,
        now: datetime,
        prompter: Confirmer | None,
        reminder_days: int = DEFAULT_REMINDER_DAYS,
        zone: tzinfo | None = None,
        store: HistoryStore | None = None,
    ) -> AuditHistory:
        """Open the history before the audit and print the reminder (when `remind`).

        Raises `HistoryUnusable` when the file cannot be used and there is no terminal to ask.
        """
        from kakaoaudit.history.store import HistoryError, HistoryStore  # noqa: PLC0415

        if not enabled:
            return cls(None, label=label, reminder_days=reminder_days, zone=zone)
        opened = store or HistoryStore()
        history = cls(opened, label=label, reminder_days=reminder_days, zone=zone)
        try:
            last = latest_of(opened, label)
        except HistoryError as error:
            history.store = _resolve(error, opened, prompter)
            return history
        if remind and last is not None:
            days = days_between(last.generated_at, now, zone)
            _say(last_audit_message(days, local_date(last.generated_at, zone), label))
            if days > reminder_days:
                _say(_("That is longer than your check-up interval of {cadence} days: good that you are checking "
                       "again.", cadence=reminder_days))
        return history

    def record(self, report: Report, document: dict[str, Any]) -> int | None:
        """Store `document`, the JSON form of `report` made by the caller (always redacted: the history
        outlives the moment, even after --no-redact); warn on failure. Returns the entry id."""
        if self.store is None:
            return None
        from kakaoaudit.history.store import HistoryError  # noqa: PLC0415

        try:
            entry_id = self.store.add(document)
        except HistoryError as error:
            _warn(_("this report was not kept in the history: {problem}. {fix}", problem=describe(error),
                    fix=remedy(error)))
            return None
        except ValueError as error:
            _warn(_("this report was not kept in the history: {reason}. This is a bug; please report it.",
                    reason=str(error)))
            return None
        due = local_date(report.generated_at, self.zone) + timedelta(days=self.reminder_days)
        _say(_("Kept in your history as no. {id}. Next check-up: around {date} (every {cadence} days); "
               "'kakaoaudit history' shows your trend.", id=entry_id, date=due.isoformat(),
               cadence=self.reminder_days))
        return entry_id


def latest_of(store: HistoryStore, label: str | None) -> Entry | None:
    """The newest entry of the person `label` names (any of their labels: ``kakaoaudit history alias``);
    without a label, the newest entry without one (the user's own audits are not mixed with those made for
    someone else with --label)."""
    if label is None:
        own = [entry for entry in store.entries() if entry.label is None]
        return own[-1] if own else None
    from kakaoaudit.core.errors import KakaoauditError  # noqa: PLC0415
    from kakaoaudit.history.people import People  # noqa: PLC0415 - only with a label

    try:
        people = People.load()
    except KakaoauditError:  # an unreadable people file: `history` says so; the reminder uses the label alone
        return store.latest(label)
    person = people.person_of(label)
    same = [entry for entry in store.entries() if people.person_of(entry.label) == person]
    return same[-1] if same else None


def settings_from(sections: Mapping[str, Any]) -> Settings:
    """The parsed settings of an answers file's sections (defaults when absent)."""
    settings = sections.get(SETTINGS_SECTION)
    return settings if isinstance(settings, Settings) else Settings()


def _resolve(error: HistoryError, store: HistoryStore, prompter: Confirmer | None) -> HistoryStore | None:
    """Deal with a history that could not be read at the start of an audit.

    Returns the store to write to afterwards, or None for "do not keep this audit".
    """
    if error.kind not in UNUSABLE:
        _warn(_("{problem}; this audit will not be kept in the history. {fix}", problem=describe(error),
                fix=remedy(error)))
        return None
    from kakaoaudit.history.store import HistoryError  # noqa: PLC0415

    if prompter is None:
        raise HistoryUnusable(describe(error), remedy(error)) from error
    prompter.say(_("kakaoaudit: {problem}.", problem=describe(error)))
    if error.kind == "newer":
        prompter.say(_("Updating kakaoaudit keeps using it; moving it aside keeps the file under another name."))
    if not prompter.confirm(_("Move it aside (nothing is deleted) and start a new history?")):
        prompter.say(_("The file stays as it is; this audit will not be kept in the history."))
        return None
    try:
        moved = store.move_aside()
    except HistoryError as failure:
        prompter.say(_("kakaoaudit: could not move it aside: {problem}; this audit will not be kept in the "
                       "history.", problem=describe(failure)))
        return None
    prompter.say(_("Moved to {path}. A new history starts with this audit.", path=str(moved)))
    return store


def _say(message: Msg) -> None:
    click.echo(message.render(), err=True)


def _warn(message: Msg) -> None:
    click.echo("kakaoaudit: " + _("warning: {message}", message=message).render(), err=True)


def _shown(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    text = repr(raw) if isinstance(raw, str) else str(raw)
    return text if len(text) <= 40 else text[:37] + "..."
