"""`kakaoaudit history`: past audits with their trend, what changed, export, prune, forget.

    kakaoaudit history [list] [--label NAME] [--format table|json] [--reminder-days N]
    kakaoaudit history diff [OLD_ID [NEW_ID]] [--label NAME] [--format table|json] [--details]
    kakaoaudit history alias [NAME OTHER...] [--remove LABEL]
    kakaoaudit history export [-o FILE]
    kakaoaudit history prune --before YYYY-MM-DD [--yes]
    kakaoaudit history forget [--yes]
    kakaoaudit history move-aside

When the history holds audits of several people (``--label``), the list shows one line per person and
``--label NAME`` one person's audits; labels that name the same person («母» and "Mother") are joined
by ``history alias`` (kakaoaudit.history.people). ``diff`` writes the findings' titles in the run's
language and the statuses in words; check IDs and codes only with ``--details``.

`command` is built on access (a module `__getattr__`), so that its help texts are in the language
of the run that asks for it. Only click and the translator are imported at the top: `kakaoaudit
--help` lists this command without loading SQLite or the report code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from kakaoaudit.commands.delivery import deliver
from kakaoaudit.core import localtime
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.untrusted import json_safe, printable

if TYPE_CHECKING:
    from kakaoaudit.history.people import People
    from kakaoaudit.history.store import Diff, Entry, FindingChange, HistoryError, HistoryStore

_ = translator(__name__)

# `command` (the click group) comes from __getattr__ below.
__all__ = ["build"]

EXIT_OK = 0
FORMATS = ("table", "json")
#: Longest trend line, in audits (the most recent ones).
TREND_WIDTH = 40
F = TypeVar("F", bound=Callable[..., Any])


def __getattr__(name: str) -> Any:
    if name == "command":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def t(message: Msg) -> str:
    return message.render()


def _list_options(function: F) -> F:
    from kakaoaudit.history.reminder import DEFAULT_REMINDER_DAYS, REMINDER_RANGE  # noqa: PLC0415 - light
    from kakaoaudit.options import WholeNumberRange  # noqa: PLC0415

    decorators = [
        click.option("--label", default=None, metavar="NAME",
                     help=t(_("Only this person's audits (their --label or an alias; - for the audits without "
                              "a label)."))),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                     help=t(_("Output format."))),
        click.option("--reminder-days", type=WholeNumberRange(*REMINDER_RANGE), default=DEFAULT_REMINDER_DAYS,
                     show_default=True, metavar="DAYS",
                     help=t(_("Your check-up interval: remind when the last audit is older than this."))),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def build() -> click.Group:
    """The `history` command group, with help texts in the current language."""
    from click.core import ParameterSource  # noqa: PLC0415

    from kakaoaudit.options import FilePath, WholeNumberRange, common_options  # noqa: PLC0415

    @click.group(
        name="history",
        invoke_without_command=True,
        help=t(_("Your past audits: dates, scores and the trend; 'diff' shows what changed. Without a "
                 "subcommand, lists them. The history is kept in KAKAOAUDIT_HOME or your user data folder.")),
    )
    @_list_options
    @common_options
    @click.pass_context
    def history(ctx: click.Context, label: str | None, fmt: str, reminder_days: int) -> int | None:
        if ctx.invoked_subcommand is None:
            return run_list(label=label, fmt=fmt, reminder_days=reminder_days)
        # The list options belong to the listing; silently ignoring them before "diff" would mislead.
        names = {"label": "--label", "fmt": "--format", "reminder_days": "--reminder-days"}
        given = [flag for name, flag in names.items() if ctx.get_parameter_source(name) is not ParameterSource.DEFAULT]
        if given:
            from kakaoaudit.core.errors import UsageError  # noqa: PLC0415

            example = " ".join(("kakaoaudit history", str(ctx.invoked_subcommand), *given))
            raise UsageError(_("{options}: put the options after the subcommand ({command})",
                               options=", ".join(given), command=example))
        return None

    @history.command(name="list", help=t(_("List your past audits with the score trend (the default).")))
    @_list_options
    @common_options
    def list_(label: str | None, fmt: str, reminder_days: int) -> int:
        return run_list(label=label, fmt=fmt, reminder_days=reminder_days)

    @history.command(help=t(_("What was fixed, what is new and what changed between two audits (default: "
                              "the last two). With one number, that audit and the one before it.")))
    @click.argument("ids", nargs=-1, type=WholeNumberRange(min=1), metavar="[OLD_ID [NEW_ID]]")
    @click.option("--label", default=None, metavar="NAME",
                  help=t(_("Compare the last two audits of this person (their --label or an alias).")))
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help=t(_("Output format.")))
    @click.option("--details", is_flag=True, help=t(_("Also show each finding's check ID and code.")))
    @common_options
    def diff(ids: tuple[int, ...], label: str | None, fmt: str, details: bool) -> int:
        return run_diff(ids, label=label, fmt=fmt, details=details)

    @history.command(help=t(_("Say that several labels name the same person, e.g. 'kakaoaudit history alias 母 "
                              "Mother': the history, show --last and summary then treat them as one. Without "
                              "names, lists who is who.")))
    @click.argument("names", nargs=-1, metavar="[NAME OTHER...]")
    @click.option("--remove", "remove", default=None, metavar="LABEL",
                  help=t(_("Make LABEL a person of its own again.")))
    @common_options
    def alias(names: tuple[str, ...], remove: str | None) -> int:
        return run_alias(names, remove=remove)

    @history.command(help=t(_("Print every stored audit as JSON lines (one report per line), oldest first.")))
    @click.option("--output", "-o", type=FilePath(), default=None,
                  help=t(_("Write to this file (written whole or not at all) instead of the screen.")))
    @common_options
    def export(output: Path | None) -> int:
        return run_export(output)

    @history.command(help=t(_("Delete the audits made before a date (YYYY-MM-DD, your local time).")))
    @click.option("--before", "before", required=True, type=click.DateTime(formats=["%Y-%m-%d"]),
                  metavar="YYYY-MM-DD", help=t(_("Delete the audits made before this day.")))
    @click.option("--yes", is_flag=True, help=t(_("Do not ask for confirmation.")))
    @common_options
    def prune(before: datetime, yes: bool) -> int:
        return run_prune(before.date(), yes=yes)

    @history.command(help=t(_("Delete the whole history (after a confirmation, or with --yes).")))
    @click.option("--yes", is_flag=True, help=t(_("Do not ask for confirmation.")))
    @common_options
    def forget(yes: bool) -> int:
        return run_forget(yes=yes)

    @history.command(name="move-aside",
                     help=t(_("Rename the history file (e.g. a damaged one) so that a new history starts; "
                              "nothing is deleted.")))
    @common_options
    def move_aside() -> int:
        return run_move_aside()

    return history


# --------------------------------------------------------------------------- the commands


def run_list(
    *,
    label: str | None,
    fmt: str,
    reminder_days: int,
    store: HistoryStore | None = None,
    now: datetime | None = None,
    zone: tzinfo | None = None,
    people: People | None = None,
) -> int:
    """`kakaoaudit history [list]`: one person's audits, or one line per person when there are several."""
    store = _store(store)
    people = _people(people)
    moment = now or localtime.now()
    everything = _guarded(store, store.entries)
    if everything is None:
        return EXIT_OK
    groups = _by_person(everything, people)
    if label is not None:
        wanted = _wanted(label, people)
        entries = groups.get(wanted, [])
        groups = {wanted: entries} if entries else {}
    else:
        entries = list(everything)
    trends = [_trend(person, group, moment, reminder_days, zone) for person, group in groups.items()]
    if fmt == "json":
        document = {
            "path": str(store.path),
            "reminder_days": reminder_days,
            "entries": [_entry_json(entry, people) for entry in entries],
            "trends": trends,
            "people": [{"name": person, "labels": sorted({e.label for e in group if e.label is not None}),
                        "audits": len(group)} for person, group in groups.items()],
        }
        import json  # noqa: PLC0415 - only for --format json; keeps --help light
        deliver(json_safe(json.dumps(document, ensure_ascii=False, indent=2)))
        return EXIT_OK
    if not entries:
        if label:
            deliver(t(_("No audit with the label {label} in the history ({path}).", label=label,
                           path=str(store.path))))
        else:
            deliver(t(_("No audits in the history yet ({path}). Each 'kakaoaudit audit' is kept there, so that "
                           "next time you can see what changed.", path=str(store.path))))
        return EXIT_OK
    if label is None and len(groups) > 1:
        deliver(_people_table(store, entries, groups, trends, reminder_days=reminder_days, zone=zone))
    else:
        deliver(_list_table(store, entries, groups, trends, reminder_days=reminder_days, zone=zone))
    return EXIT_OK


def run_diff(
    ids: Sequence[int],
    *,
    label: str | None,
    fmt: str,
    store: HistoryStore | None = None,
    zone: tzinfo | None = None,
    details: bool = False,
    people: People | None = None,
) -> int:
    """`kakaoaudit history diff [OLD_ID [NEW_ID]]`: by default the newest audit and the one before it of
    the same person."""
    from kakaoaudit.core.errors import InputError, UsageError  # noqa: PLC0415

    if len(ids) > 2:
        raise UsageError(_("diff takes at most two audit numbers (OLD_ID NEW_ID); 'kakaoaudit history' lists them"))
    if len(ids) == 2 and ids[0] == ids[1]:
        raise UsageError(_("diff needs two different audits; 'kakaoaudit history' lists them"))
    store = _store(store)
    people = _people(people)
    entries = _guarded(store, store.entries)
    if entries is None:
        return EXIT_OK
    known = {entry.id for entry in entries}
    missing = [i for i in ids if i not in known]
    if missing:
        raise InputError(_("there is no audit no. {id} in the history; 'kakaoaudit history' lists them",
                           id=missing[0]))
    old_id: int | None = ids[0] if len(ids) == 2 else None
    new_id: int | None = ids[-1] if ids else None
    if label is not None and not ids:
        wanted = _wanted(label, people)
        own = [entry for entry in entries if people.person_of(entry.label) == wanted]
        if len(own) < 2:
            raise InputError(_("the history has {count} audit(s) with the label {label}; a comparison needs two",
                               count=len(own), label=label))
        old_id, new_id = own[-2].id, own[-1].id
    if not entries:
        raise InputError(_("the history has no audits yet; a comparison needs two"))
    if old_id is None:
        # The audit before the new one of the same person (aliases included), so that two people's
        # audits are never compared with each other.
        new = next(e for e in reversed(entries) if new_id is None or e.id == new_id)
        person = people.person_of(new.label)
        earlier = [e for e in entries
                   if (e.generated_at, e.id) < (new.generated_at, new.id) and people.person_of(e.label) == person]
        if earlier:
            old_id, new_id = earlier[-1].id, new.id
        else:
            old_id, new_id = -1, new.id  # nothing to compare: the lookup below says so
    result = _guarded(store, lambda: _lookup_diff(store, old_id, new_id))
    if result is None:
        return EXIT_OK
    if isinstance(result, LookupError):
        raise InputError(_("there is no earlier audit (with the same label) to compare with yet: run an audit "
                           "again later, or give two numbers from 'kakaoaudit history'")) from result
    if fmt == "json":
        import json  # noqa: PLC0415 - only for --format json; keeps --help light
        deliver(json_safe(json.dumps(_diff_json(result), ensure_ascii=False, indent=2)))
    else:
        titles = _guarded(store, lambda: _titles(store, result))
        deliver(_diff_table(result, zone, titles or {}, details=details))
    return EXIT_OK


def run_alias(names: Sequence[str], *, remove: str | None, people: People | None = None) -> int:
    """`kakaoaudit history alias [NAME OTHER...]` and `--remove LABEL`: who is who."""
    from kakaoaudit.core.errors import UsageError  # noqa: PLC0415
    from kakaoaudit.history.people import clean  # noqa: PLC0415

    people = _people(people)
    if remove is not None:
        if names:
            raise UsageError(_("--remove takes one label and no other names"))
        path = people.without(clean(remove)).save()
        click.echo(t(_("{label} is a person of its own again ({path}).", label=clean(remove), path=str(path))))
        return EXIT_OK
    if len(names) == 1:
        raise UsageError(_("give a name and at least one other label of the same person, e.g. kakaoaudit history "
                           "alias 母 Mother"))
    if names:
        updated = people.with_alias(names[0], names[1:])
        path = updated.save()
        person = updated.person_of(names[0]) or clean(names[0])
        click.echo(t(_("{name} is also: {others} ({path}).", name=person,
                       others=", ".join(updated.labels_of(person)[1:]), path=str(path))))
        return EXIT_OK
    if not people.names:
        click.echo(t(_("No labels are joined yet; every label is a person of its own. To join them: kakaoaudit "
                       "history alias 母 Mother")))
        return EXIT_OK
    for name, others in people.names.items():
        click.echo(t(_("{name} is also: {others}", name=name, others=", ".join(others))))
    return EXIT_OK


def run_export(output: Path | None, *, store: HistoryStore | None = None) -> int:
    """`kakaoaudit history export`: JSON lines, oldest first."""
    store = _store(store)

    def collect() -> list[str]:
        return list(store.export())

    lines = _guarded(store, collect)
    if lines is None:
        return EXIT_OK
    if output is None:
        deliver("".join(lines), nl=False)
        return EXIT_OK
    from kakaoaudit.core.output import write_atomic  # noqa: PLC0415

    write_atomic(output, "".join(lines))
    click.echo(t(_("Exported {count} audit(s) to {path}.", count=len(lines), path=str(output))), err=True)
    return EXIT_OK


def run_prune(
    before: date,
    *,
    yes: bool,
    store: HistoryStore | None = None,
    zone: tzinfo | None = None,
) -> int:
    """`kakaoaudit history prune --before DATE`: delete the audits made before the start of DATE (local time)."""
    from kakaoaudit.core.localtime import start_of_local_day  # noqa: PLC0415

    store = _store(store)
    try:
        cutoff = start_of_local_day(before, zone)
    except (ValueError, OverflowError):  # the first days of year 1 in a zone ahead of UTC: before any audit
        deliver(t(_("No audit was made before {date}: nothing to delete.", date=before.isoformat())))
        return EXIT_OK
    entries = _guarded(store, store.entries)
    if entries is None:
        return EXIT_OK
    doomed = [entry for entry in entries if entry.generated_at < cutoff]
    if not doomed:
        deliver(t(_("No audit was made before {date}: nothing to delete.", date=before.isoformat())))
        return EXIT_OK
    question = _("Delete {count} of the {total} audits in the history, those made before {date}? This cannot be "
                 "undone.", count=len(doomed), total=len(entries), date=before.isoformat())
    if not _confirmed(question, yes, "prune"):
        deliver(t(_("Nothing was deleted.")))
        return EXIT_OK
    removed = _guarded(store, lambda: store.prune(cutoff))
    if removed is None:
        return EXIT_OK
    deliver(t(_("Deleted {count} audit(s) made before {date}; {left} remain.", count=removed,
                   date=before.isoformat(), left=len(entries) - removed)))
    return EXIT_OK


def run_forget(*, yes: bool, store: HistoryStore | None = None) -> int:
    """`kakaoaudit history forget`: delete the history file, and the files moved aside from it."""
    from kakaoaudit.core.errors import KakaoauditError  # noqa: PLC0415
    from kakaoaudit.history.store import HistoryError  # noqa: PLC0415

    store = _store(store)
    if _history_exists(store.path):
        _refuse_foreign(store, store.path)
    # Files moved aside earlier go too, but only those that are kakaoaudit's history (and their companions).
    moved = _moved_aside(store.path)
    mains = {path.name: path for path in moved if path.name == _base_of_moved(path)}
    kept = {name for name, path in mains.items() if store.not_ours(path) is not None}
    moved = [path for path in moved if _base_of_moved(path) not in kept]
    if not _history_exists(store.path) and not moved:
        deliver(t(_("There is no history to delete ({path}).", path=str(store.path))))
        return EXIT_OK
    count: int | None = None
    if _history_exists(store.path):
        try:
            count = len(store.entries())
        except HistoryError:
            count = None  # damaged, or newer: still kakaoaudit's own file, checked above
    if count is not None:
        question = _("Delete all {count} audits in {path}? This cannot be undone.", count=count,
                     path=str(store.path))
    elif _history_exists(store.path):
        question = _("Delete the history file {path}? It cannot be read, and this cannot be undone.",
                     path=str(store.path))
    else:
        question = _("Delete the {count} history file(s) moved aside earlier? This cannot be undone.",
                     count=len({_base_of_moved(p) for p in moved}))
    if moved and _history_exists(store.path):
        question = _("{question} ({count} file(s) moved aside earlier go too.)", question=question,
                     count=len({_base_of_moved(p) for p in moved}))
    if not _confirmed(question, yes, "forget"):
        deliver(t(_("Nothing was deleted.")))
        return EXIT_OK
    try:
        store.forget()
        for path in moved:
            path.unlink(missing_ok=True)
    except HistoryError as error:
        _fail(error)
    except OSError as error:
        from kakaoaudit.core.output import reason_for  # noqa: PLC0415

        raise KakaoauditError(_("could not delete {path}: {reason}", path=str(error.filename),
                                reason=reason_for(error))) from error
    deliver(t(_("The history was deleted.")))
    return EXIT_OK


def _refuse_foreign(store: HistoryStore, path: Path) -> None:
    """One line, exit 2, when the file at the history's place is not kakaoaudit's history: it is not deleted."""
    from kakaoaudit.core.errors import KakaoauditError  # noqa: PLC0415

    reason = store.not_ours(path)
    if reason is None:
        return
    why = {
        "not sqlite": _("it is not a database"),
        "foreign": _("the file belongs to another program"),
        "unrecognised": _("it cannot be recognised as kakaoaudit's"),
        "unreadable": _("it cannot be read"),
    }[reason]
    # Someone else's file where ours should be (KAKAOAUDIT_HOME pointing at another folder): not ours to delete.
    raise KakaoauditError(_("{path} is not a kakaoaudit history ({why}); kakaoaudit does not delete it: move it or "
                            "delete it yourself if you are sure.", path=str(path), why=why))


def run_move_aside(*, store: HistoryStore | None = None) -> int:
    """`kakaoaudit history move-aside`: keep the file under another name; a new history starts."""
    from kakaoaudit.history.store import HistoryError  # noqa: PLC0415

    store = _store(store)
    if not store.path.exists():
        deliver(t(_("There is no history file at {path}: nothing to move.", path=str(store.path))))
        return EXIT_OK
    try:
        moved = store.move_aside()
    except HistoryError as error:
        _fail(error)
    deliver(t(_("Moved {path} to {moved}. A new history starts with your next audit; the old file is kept as "
                   "it was.", path=str(store.path), moved=str(moved))))
    return EXIT_OK


# --------------------------------------------------------------------------- helpers

T = TypeVar("T")


def _store(store: HistoryStore | None) -> HistoryStore:
    if store is not None:
        return store
    from kakaoaudit.history.store import HistoryStore  # noqa: PLC0415

    return HistoryStore()


def _guarded(store: HistoryStore, action: Callable[[], T]) -> T | None:
    """Run `action`; a file that cannot be used gets the choice to move it aside.

    Returns None when the user was asked and chose (the caller then stops); raises a
    `KakaoauditError` (exit 2) with what is wrong and how to fix it otherwise.
    """
    from kakaoaudit.history.audit import UNUSABLE, HistoryUnusable, describe, remedy  # noqa: PLC0415
    from kakaoaudit.history.store import HistoryError  # noqa: PLC0415

    try:
        return action()
    except HistoryError as error:
        if error.kind not in UNUSABLE or not _interactive():
            raise HistoryUnusable(describe(error), remedy(error)) from error
        prompter = _prompter()
        prompter.say(_("kakaoaudit: {problem}.", problem=describe(error)))
        if not prompter.confirm(_("Move it aside (nothing is deleted) and start a new history?")):
            raise HistoryUnusable(_("The file stays as it is."), remedy(error)) from error
        try:
            moved = store.move_aside()
        except HistoryError as failure:
            _fail(failure)
        prompter.say(_("Moved to {path}. A new history starts with your next audit.", path=str(moved)))
        return None


def _fail(error: HistoryError) -> NoReturn:
    from kakaoaudit.history.audit import HistoryUnusable, describe, remedy  # noqa: PLC0415

    raise HistoryUnusable(describe(error), remedy(error)) from error


def _interactive() -> bool:
    return sys.stdin.isatty()


def _prompter() -> Any:
    from kakaoaudit.core.i18n import current_language  # noqa: PLC0415
    from kakaoaudit.questionnaire.prompt import Prompter  # noqa: PLC0415

    return Prompter(current_language())


def _confirmed(question: Msg, yes: bool, name: str) -> bool:
    if yes:
        return True
    if not _interactive():
        from kakaoaudit.core.errors import UsageError  # noqa: PLC0415

        raise UsageError(_("{question} There is no terminal to ask: add --yes to confirm (kakaoaudit history "
                           "{command} --yes).", question=question, command=name))
    return bool(_prompter().confirm(question))


def _norm_label(label: str | None) -> str | None:
    """The label as the audit stores it (--label is trimmed and its spaces collapsed there)."""
    if label is None or not label.strip():
        return None
    return " ".join(label.split())


def _history_exists(path: Path) -> bool:
    return path.exists() or any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm", "-journal"))


def _moved_aside(path: Path) -> list[Path]:
    """The files `move_aside` left next to the history (with their -wal/-shm companions)."""
    try:
        return sorted(p for p in path.parent.glob(path.name + ".broken-*") if p.is_file())
    except OSError:
        return []


def _base_of_moved(path: Path) -> str:
    name = path.name
    for suffix in ("-wal", "-shm", "-journal"):
        name = name.removesuffix(suffix)
    return name


def _lookup_diff(store: HistoryStore, old_id: int | None, new_id: int | None) -> Diff | LookupError:
    """The diff, or the LookupError saying there is nothing to compare."""
    try:
        return store.diff(old_id, new_id)
    except LookupError as error:
        return error


def _people(people: People | None) -> People:
    if people is not None:
        return people
    from kakaoaudit.history.people import People  # noqa: PLC0415

    return People.load()


def _wanted(label: str, people: People) -> str | None:
    """The person `--label` asks for; "-" asks for the audits made without a label."""
    return None if label.strip() == "-" else people.person_of(label)


def _by_person(entries: Sequence[Entry], people: People) -> dict[str | None, list[Entry]]:
    groups: dict[str | None, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(people.person_of(entry.label), []).append(entry)
    return groups


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry_json(entry: Entry, people: People | None = None) -> dict[str, Any]:
    document = {
        "id": entry.id,
        "generated_at": _iso(entry.generated_at),
        "score": entry.score,
        "grade": entry.grade,
        "label": entry.label,
        "tool_version": entry.tool_version,
    }
    if people is not None:
        document["person"] = people.person_of(entry.label)
    return document


def _trend(label: str | None, group: Sequence[Entry], now: datetime, reminder_days: int,
           zone: tzinfo | None) -> dict[str, Any]:
    from kakaoaudit.core.localtime import local_date  # noqa: PLC0415
    from kakaoaudit.history.audit import days_between  # noqa: PLC0415
    from kakaoaudit.history.store import sparkline  # noqa: PLC0415

    last = group[-1]
    days = days_between(last.generated_at, now, zone)
    scores = [entry.score for entry in group]
    return {
        "label": label,
        "audits": len(group),
        "scores": scores,
        "sparkline": sparkline(scores[-TREND_WIDTH:]),
        "last_audit": _iso(last.generated_at),
        "days_since_last": days,
        "next_due": (local_date(last.generated_at, zone) + timedelta(days=reminder_days)).isoformat(),
        "overdue": days > reminder_days,
    }


def _local_text(moment: datetime, zone: tzinfo | None) -> str:
    """Local time with the zone named, as in the reports ("2026-12-05 14:03 JST")."""
    from kakaoaudit.formats.sections import local_time_text  # noqa: PLC0415

    return local_time_text(moment, zone)


def _person_name(person: str | None) -> str:
    from kakaoaudit.formats.summary import T_NO_LABEL  # noqa: PLC0415

    return person if person is not None else t(T_NO_LABEL)


def _people_table(store: HistoryStore, entries: Sequence[Entry], groups: dict[str | None, list[Entry]],
                  trends: Sequence[dict[str, Any]], *, reminder_days: int, zone: tzinfo | None) -> str:
    """One line per person (never their audits mixed), then each person's trend and next check-up."""
    from tabulate import tabulate  # noqa: PLC0415

    headers = [t(_("Person")), t(_("Audits")), t(_("Last audit")), t(_("Score")), t(_("Grade")), t(_("Trend"))]
    rows = []
    for (person, group), trend in zip(groups.items(), trends, strict=True):
        last = group[-1]
        rows.append([_person_name(person), len(group), _local_text(last.generated_at, zone),
                     "-" if last.score is None else last.score, last.grade, trend["sparkline"]])
    lines = [t(_("Your audit history: {people} people, {count} audit(s) ({path})", people=len(groups),
                 count=len(entries), path=str(store.path))), ""]
    lines.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                          colalign=("left", "right", "left", "right", "left", "left")))
    lines.extend(_trend_lines(groups, trends, reminder_days=reminder_days, zone=zone))
    lines.extend(["", t(_("One person's audits, numbered for 'history diff': kakaoaudit history --label NAME (- for "
                          "the audits without a label). Labels of the same person: kakaoaudit history alias 母 "
                          "Mother."))])
    return "\n".join(lines)


def _list_table(store: HistoryStore, entries: Sequence[Entry], groups: dict[str | None, list[Entry]],
                trends: Sequence[dict[str, Any]], *, reminder_days: int, zone: tzinfo | None) -> str:
    from tabulate import tabulate  # noqa: PLC0415

    labelled = any(entry.label is not None for entry in entries)
    headers = [t(_("No.")), t(_("Date")), t(_("Score")), t(_("Grade"))] + ([t(_("Label"))] if labelled else [])
    # Rows come from a file anyone could have written: no terminal escape codes get through.
    rows = [
        [entry.id, _local_text(entry.generated_at, zone), "-" if entry.score is None else entry.score,
         _line(entry.grade)] + ([_line(entry.label or "")] if labelled else [])
        for entry in entries
    ]
    lines = [t(_("Your audit history ({count} audit(s), {path})", count=len(entries), path=str(store.path))), ""]
    lines.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                          colalign=("right", "left", "right", "left", "left")[: len(headers)]))
    lines.extend(_trend_lines(groups, trends, reminder_days=reminder_days, zone=zone))
    return "\n".join(lines)


def _trend_lines(groups: dict[str | None, list[Entry]], trends: Sequence[dict[str, Any]], *, reminder_days: int,
                 zone: tzinfo | None) -> list[str]:
    from kakaoaudit.core.localtime import local_date  # noqa: PLC0415
    from kakaoaudit.history.audit import last_audit_message  # noqa: PLC0415

    lines: list[str] = []
    for group, trend in zip(groups.values(), trends, strict=True):
        lines.append("")
        known = [s for s in trend["scores"] if s is not None]
        change = f"  {known[0]} → {known[-1]}" if len(known) >= 2 else ""
        if trend["label"] is None:
            lines.append(t(_("Trend: {sparkline}", sparkline=trend["sparkline"])) + change)
        else:
            lines.append(t(_("Trend ({label}): {sparkline}", label=_line(trend["label"]),
                             sparkline=trend["sparkline"])) + change)
        last_day = local_date(group[-1].generated_at, zone)
        lines.append(t(last_audit_message(trend["days_since_last"], last_day, trend["label"])))
        if trend["overdue"]:
            lines.append(t(_("That is longer than your check-up interval of {cadence} days: time for a new audit "
                             "(kakaoaudit audit).", cadence=reminder_days)))
        else:
            lines.append(t(_("Next check-up: around {date} (every {cadence} days).", date=trend["next_due"],
                             cadence=reminder_days)))
    return lines


def _line(text: str) -> str:
    """A text from the history file, on one line with its control characters escaped."""
    return printable(text, one_line=True)


def _status_text(side: dict[str, Any] | None) -> str:
    from kakaoaudit.core.model import Status  # noqa: PLC0415
    from kakaoaudit.history.store import SUPPRESSED  # noqa: PLC0415

    if side is None:
        return t(_("not reported"))
    status = side.get("status")
    if status == SUPPRESSED:
        return t(_("set aside"))
    try:
        return Status(status).label.render()
    except ValueError:
        return _line(str(status))


Titles = dict[tuple[str, str], Msg]


def _titles(store: HistoryStore, result: Diff) -> Titles:
    """The findings' titles as messages, from both stored reports, so that they render in this run's
    language whatever language each audit was made in."""
    titles: Titles = {}
    for entry in (result.old, result.new):
        report = store.get(entry.id)
        for key in ("findings", "suppressed"):
            items = report.get(key)
            for finding in items if isinstance(items, list) else ():
                message = _message((finding.get("i18n") or {}).get("title")) if isinstance(finding, dict) else None
                if message is not None:
                    titles[(str(finding.get("check_id")), str(finding.get("code")))] = message
    return titles


def _message(data: object) -> Msg | None:
    if not isinstance(data, dict):
        return None
    try:
        return Msg.from_json(data)
    except (ValueError, TypeError, RecursionError):
        return None


def _title(change: FindingChange, titles: Titles) -> str:
    """The finding's title in the current language; as stored when it carries no message."""
    message = titles.get((change.check_id, change.code))
    if message is not None:
        return message.render(redact=True)
    side = change.after or change.before or {}
    return str(side.get("title") or change.code)


def _change_line(mark: str, change: FindingChange, titles: Titles, *, details: bool, moved: bool) -> str:
    from kakaoaudit.history.store import REASON_CHECK_ADDED, REASON_CHECK_REMOVED  # noqa: PLC0415

    line = f"  {mark} {_line(_title(change, titles))}"
    if moved:
        line += f": {_status_text(change.before)} → {_status_text(change.after)}"
    if change.reason == REASON_CHECK_ADDED:
        line += " " + t(_("(a check that did not run before)"))
    elif change.reason == REASON_CHECK_REMOVED:
        line += " " + t(_("(the check did not run this time)"))
    if details:
        line += f"  [{change.check_id} {change.code}]"
    return line


def _entry_text(entry: Entry, zone: tzinfo | None) -> str:
    score = "-" if entry.score is None else str(entry.score)
    text = t(_("no. {id} ({date}, {score} {grade})", id=entry.id, date=_local_text(entry.generated_at, zone),
               score=score, grade=entry.grade))
    return text if entry.label is None else f"{text} [{_line(entry.label)}]"


def _diff_table(result: Diff, zone: tzinfo | None, titles: Titles, *, details: bool = False) -> str:
    """What changed, in the run's language: fixed and new problems by title, other changes with the
    statuses in words (never internal codes, unless `details`)."""
    lines = [t(_("From {old} to {new}", old=_entry_text(result.old, zone), new=_entry_text(result.new, zone)))]
    if result.old.score is not None and result.new.score is not None:
        lines.append(t(_("Score: {old} → {new} ({change:+d})", old=result.old.score, new=result.new.score,
                         change=result.new.score - result.old.score)))
    sections = (
        (_("Fixed ({count})", count=len(result.fixed)), "✓", result.fixed, False),
        (_("New problems ({count})", count=len(result.new_findings)), "✗", result.new_findings, False),
        (_("Changed ({count})", count=len(result.changed)), "•", result.changed, True),
    )
    for title, mark, changes, moved in sections:
        if not changes:
            continue
        lines.extend(["", t(title)])
        lines.extend(_change_line(_mark_of(mark, change), change, titles, details=details, moved=moved)
                     for change in changes)
    if not (result.fixed or result.new_findings or result.changed):
        lines.extend(["", t(_("No finding changed."))])
    lines.extend(["", t(_("Unchanged: {count}", count=result.unchanged_count))])
    return "\n".join(lines)


def _mark_of(mark: str, change: FindingChange) -> str:
    """A new problem's mark says how bad it is: ✗ to fix, ! to check."""
    if mark == "✗" and (change.after or {}).get("status") == "warn":
        return "!"
    return mark


def _diff_json(result: Diff) -> dict[str, Any]:
    def change(item: FindingChange) -> dict[str, Any]:
        return {"check_id": item.check_id, "code": item.code, "before": item.before, "after": item.after,
                "reason": item.reason}

    score_change = None
    if result.old.score is not None and result.new.score is not None:
        score_change = result.new.score - result.old.score
    return {
        "old": _entry_json(result.old),
        "new": _entry_json(result.new),
        "score_change": score_change,
        "fixed": [change(c) for c in result.fixed],
        "new_findings": [change(c) for c in result.new_findings],
        "changed": [change(c) for c in result.changed],
        "unchanged_count": result.unchanged_count,
    }
