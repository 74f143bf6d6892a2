"""The person's answers file: read by every command, and added to (never replaced) as answers are given.

One file per person. By default it is ``answers.toml`` in kakaoaudit's own folder (``KAKAOAUDIT_HOME``,
else the platform's user data folder, where the history is kept too); ``--answers FILE`` names
another, for example one per family member. Every command that asks questions (audit, travel,
triage, support-kit) reads it first, so that what it answers is not asked again, and writes each
new answer into it at once: an interrupted questionnaire (Ctrl-C, a closed terminal) loses nothing,
and the next run continues where it stopped.

Writing merges with tomlkit into the file as it is on disk at that moment: every key, table and
comment that kakaoaudit did not change stays as it was, and a key of another command is never
removed. The file is replaced atomically (`kakaoaudit.core.output.write_atomic`), readable by its
owner only. The password is never an answer, so it is never written.

The ``[meta]`` table is kakaoaudit's own: ``[meta.answered]`` holds when each answer was given, so
that an answer describing the present (`Question.present`) is asked again after `STALE_DAYS` days;
``unfinished`` names the command whose questions were interrupted.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final

from kakaoaudit.core.answer_text import RoughDate
from kakaoaudit.core.errors import OutputError
from kakaoaudit.core.home import data_dir
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.output import write_atomic
from kakaoaudit.core.questions import STALE_DAYS, AnswerValue, Question
from kakaoaudit.core.untrusted import shown

_ = translator("kakaoaudit.questionnaire")

#: The file's name in kakaoaudit's folder.
ANSWERS_FILENAME = "answers.toml"
#: kakaoaudit's own table in the answers file.
META = "meta"


def default_path() -> Path:
    """Where a person's answers are kept when no ``--answers FILE`` is given."""
    return data_dir() / ANSWERS_FILENAME


@dataclass(frozen=True)
class Meta:
    """kakaoaudit's notes in the answers file."""

    #: When each answer was given (aware).
    answered: Mapping[str, datetime] = field(default_factory=dict)
    #: The command whose questions were interrupted, if any ("audit", "travel", "triage", "support-kit").
    unfinished: str | None = None
    #: When that interrupted questionnaire started.
    unfinished_since: datetime | None = None


def parse_meta(raw: Any, path: Path) -> Meta:
    """The ``[meta]`` table, read leniently: it is kakaoaudit's own bookkeeping, and a hand edit that
    makes no sense only means that the answers concerned count as old."""
    if not isinstance(raw, Mapping):
        return Meta()
    answered_raw = raw.get("answered")
    answered: dict[str, datetime] = {}
    if isinstance(answered_raw, Mapping):
        for key, value in answered_raw.items():
            moment = _moment(value)
            if isinstance(key, str) and moment is not None:
                answered[key] = moment
    unfinished = raw.get("unfinished")
    return Meta(answered, unfinished if isinstance(unfinished, str) and unfinished else None,
                _moment(raw.get("unfinished_since")))


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    return None


class AnswerStore:
    """One person's answers file, and how this run may use it.

    `save` is False with ``--no-save`` and on runs without a terminal (nothing is asked there).
    """

    def __init__(self, path: Path, *, explicit: bool, save: bool, meta: Meta | None = None,
                 modified: datetime | None = None) -> None:
        self.path = path
        #: True when the file was named with ``--answers``.
        self.explicit = explicit
        self.save = save
        self.meta = meta or Meta()
        #: When the file was last written (for answers without a date of their own: older files).
        self.modified = modified
        #: True once this run wrote the file.
        self.written = False

    @classmethod
    def at(cls, answers_file: Path | None, *, save: bool) -> AnswerStore:
        """The store of ``--answers FILE``, else the default file (which need not exist yet)."""
        path = Path(answers_file).expanduser() if answers_file is not None else default_path()
        modified = None
        with contextlib.suppress(OSError):
            modified = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
        return cls(path, explicit=answers_file is not None, save=save, modified=modified)

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def answered_at(self, key: str) -> datetime | None:
        """When `key` was answered: its own date, else (a file of an older version) the file's date."""
        return self.meta.answered.get(key) or self.modified

    def is_stale(self, question: Question, now: datetime) -> bool:
        """True when `question` describes the present and its saved answer is older than `STALE_DAYS`."""
        if not question.present:
            return False
        when = self.answered_at(question.id)
        return when is None or now - when > timedelta(days=STALE_DAYS)

    def answered_in_unfinished_run(self, key: str) -> bool:
        """True when `key` was answered by the questionnaire that was interrupted."""
        since = self.meta.unfinished_since
        when = self.meta.answered.get(key)
        return since is not None and when is not None and when >= since

    # --- writing ------------------------------------------------------------------------------

    def record(self, values: Mapping[str, AnswerValue], questions: Mapping[str, Question], now: datetime, *,
               lang: str, unfinished: str | bool | None = False) -> None:
        """Merge `values` into the file (the meta dates with them). `unfinished`: a command name marks
        the questionnaire as interrupted-until-finished, None clears the mark, False leaves it.

        Does nothing when saving is off. `OutputError` when the file cannot be written."""
        if not self.save or (not values and unfinished is False):
            return
        import tomlkit  # noqa: PLC0415 - only when answers are kept

        document, before, bom = self._document(tomlkit, lang)
        stamp = now.astimezone(timezone.utc).replace(microsecond=0)
        try:
            for key, value in values.items():
                question = questions.get(key)
                _set(tomlkit, document, key, _toml(value), comment=None if question is None else
                     question.prompt.render(lang).replace("\n", " "))
            meta = _last_table(tomlkit, document, META)
            if values:
                answered = _table(tomlkit, meta, "answered", f"{META}.answered")
                for key in values:
                    answered[key] = stamp
        except _NotATable as error:
            raise self._unusable(_("[{place}] is not a table in this file (an array of tables or a value): "
                                   "kakaoaudit keeps its answers there", place=error.place)) from None
        if unfinished is None:
            for name in ("unfinished", "unfinished_since"):
                if name in meta:
                    del meta[name]
        elif isinstance(unfinished, str):
            meta["unfinished"] = unfinished
            meta["unfinished_since"] = stamp
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise self._unusable(error.strerror or type(error).__name__) from None
        # Adding to the file is the point (over_input).
        write_atomic(self.path, bom + _tidy(tomlkit.dumps(document), before), over_input=True)
        self.written = self.written or bool(values)
        self.meta = parse_meta(document.unwrap().get(META), self.path)

    def _document(self, tomlkit: Any, lang: str) -> tuple[Any, str, str]:
        """The file as it is on disk now (another command may have written it since this run read it), its
        text, and its byte order mark ("\\ufeff" when it had one, kept when it is written again).

        Read as every input is (bounded); a file that became unreadable is left as it is: `OutputError`."""
        from kakaoaudit.core.answers import MAX_FILE_BYTES  # noqa: PLC0415
        from kakaoaudit.core.inputs import read_file  # noqa: PLC0415

        try:
            data = read_file(self.path, MAX_FILE_BYTES)
        except FileNotFoundError:
            data = b""
        except OSError as error:
            raise self._unusable(error.strerror or str(error)) from None
        if len(data) > MAX_FILE_BYTES:
            raise self._unusable(_("it is larger than {limit} bytes", limit=MAX_FILE_BYTES))
        bom = "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""
        try:
            text = data.decode("utf-8-sig")
            if text.strip():
                if not text.endswith("\n"):  # else what is added would be glued to the last line
                    text += "\r\n" if "\r\n" in text else "\n"
                return tomlkit.parse(text), text, bom
        except (ValueError, RecursionError, tomlkit.exceptions.TOMLKitError) as error:
            reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
            raise self._unusable(_("it is no longer a valid answers file ({reason})", reason=reason)) from None
        except Exception as error:
            raise self._unusable(type(error).__name__) from None
        document = tomlkit.document()
        for line in header_lines(lang):
            document.add(tomlkit.comment(line))
        return document, "", ""

    def _unusable(self, reason: str | Msg) -> OutputError:
        return OutputError(_("{file}: {reason}; the file was left as it is",
                             file=shown(str(self.path)), reason=reason))


#: A ``[table]`` or ``[[array of tables]]`` header line, with an optional comment.
_TABLE_HEADER = re.compile(r"\s*\[\[?[^\[\]=#]+\]\]?\s*(#.*)?")


def _tidy(text: str, before: str) -> str:
    """Blank lines where kakaoaudit wrote (tomlkit adds tables and keys without any, or with several):
    one before a table header that follows our lines or that we added, none at the top and never a second
    one in a row of our making; our lines end like the file's (CRLF or LF). The person's own lines, blank
    ones included, stay exactly as they were (the lines that `before`, the file as read, shares with
    `text`). The text is kept as tomlkit wrote it when tidying would change a single value."""
    new, old = _lines(text), _lines(before)
    authors = _written_by_us(old, new)
    if authors is None:
        return text
    lines: list[str] = []
    ours: list[bool] = []  # per line of `lines`: written by kakaoaudit (not in the file as read)
    # tomlkit ends the lines it adds with LF even in a CRLF file. Only a line that is nowhere in the file
    # as read is ours to end: one of the person's that tomlkit moved (into a multi-line string, say) stays
    # as it was, since tomllib reads CRLF and LF alike inside a string and could not tell.
    crlf = "\r\n" in before
    theirs = set(old) if crlf else set()
    for written, mine in zip(new, authors, strict=True):
        line = _with_crlf(written) if mine and crlf and written not in theirs else written
        if not line.strip() and (not lines or not lines[-1].strip()):
            if mine:
                continue  # a second blank line in a row, or one at the top: ours, dropped
            if ours and ours[-1]:  # ours, just before the person's own blank line
                del lines[-1], ours[-1]
        elif _TABLE_HEADER.fullmatch(line.rstrip("\r\n")) and lines and lines[-1].strip() and (mine or ours[-1]):
            lines.append("\r\n" if line.endswith("\r\n") else "\n")
            ours.append(True)
        lines.append(line)
        ours.append(mine)
    tidy = "".join(lines)
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib  # noqa: PLC0415
    try:
        # repr: nan equals itself there, and -0.0 differs from 0.0.
        same = repr(tomllib.loads(tidy)) == repr(tomllib.loads(text))
    except tomllib.TOMLDecodeError:
        same = False
    return tidy if same else text


#: The most line comparisons `_written_by_us` makes (difflib is quadratic on a file of repeated lines):
#: a few tens of milliseconds; a larger changed part is saved as tomlkit wrote it, untidied.
_TIDY_WORK: Final = 1_000_000


def _written_by_us(before: list[str], after: list[str]) -> list[bool] | None:
    """For each line of `after`: True when kakaoaudit wrote it (not one of `before`'s, in order); None when
    the part that changed is too large to compare within `_TIDY_WORK`."""
    import difflib  # noqa: PLC0415

    same_start = 0
    while same_start < min(len(before), len(after)) and before[same_start] == after[same_start]:
        same_start += 1
    same_end = 0
    while (same_end < min(len(before), len(after)) - same_start
           and before[-1 - same_end] == after[-1 - same_end]):
        same_end += 1
    old, new = before[same_start:len(before) - same_end], after[same_start:len(after) - same_end]
    if len(old) * len(new) > _TIDY_WORK:
        return None
    authors = [False] * same_start
    for tag, _start, _end, first, last in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        authors += [tag != "equal"] * (last - first)
    return authors + [False] * same_end


def _lines(text: str) -> list[str]:
    """`text` cut after each LF, the only line break of TOML (with CRLF): each line keeps its own ending,
    so a CRLF file stays CRLF. Not str.splitlines, which also cuts at U+2028, U+0085... that TOML
    allows inside strings and comments."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _with_crlf(line: str) -> str:
    return line[:-1] + "\r\n" if line.endswith("\n") and not line.endswith("\r\n") else line


def header_lines(lang: str) -> list[str]:
    """The comment at the top of a new answers file."""
    return [
        _("kakaoaudit answers: kept by kakaoaudit so that you are not asked the same thing twice.").render(lang),
        _("You may edit it; kakaoaudit keeps your edits and comments. It never holds your password.").render(lang),
        _("[meta] is kakaoaudit's own: when each answer was given (answers about today are asked again after "
          "{days} days).", days=STALE_DAYS).render(lang),
    ]


def _toml(value: AnswerValue) -> Any:
    """The TOML value of an answer: a rough date stays what the person meant ("2024-05"), as a string."""
    if isinstance(value, RoughDate):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _table(tomlkit: Any, container: Any, name: str, place: str | None = None) -> Any:
    if name not in container:
        container.add(name, _new_table(tomlkit))
    if not isinstance(container[name], dict):  # tomlkit's tables and inline tables are dicts
        raise _NotATable(place or name)
    return container[name]


def _last_table(tomlkit: Any, document: Any, name: str) -> Any:
    """The top-level table `name`, moved to the end of the document (kakaoaudit's own table stays last)."""
    if name in document:
        table = document[name]
        if not isinstance(table, dict):
            raise _NotATable(name)
        keys = list(document.keys())
        if keys and keys[-1] != name:
            document.remove(name)
            document.add(name, table)
        return document[name]
    return _table(tomlkit, document, name)


class _NotATable(Exception):
    """A dotted key's table is something else in the person's file (an array of tables, a value)."""

    def __init__(self, place: str) -> None:
        super().__init__(place)
        self.place = place


def _set(tomlkit: Any, document: Any, key: str, value: Any, *, comment: str | None) -> None:
    """Set the dotted `key` in `document`, creating its tables; a new key gets its question as a comment.

    `_NotATable` when a table on the way is something else in the file (``[[contacts]]``, ``contacts = 1``)."""
    parts = key.split(".")
    container = document
    for depth, part in enumerate(parts[:-1]):
        container = _table(tomlkit, container, part, ".".join(parts[:depth + 1]))
    name = parts[-1]
    if name in container:
        container[name] = value
        return
    item = tomlkit.item(value)
    if comment:
        if any(isinstance(child, dict) and not _inline(child) for child in container.values()):
            # A comment line would land after the table's sub-tables: keep it on the key's own line.
            item.comment(comment)
        else:
            container.add(tomlkit.comment(comment))
    container.add(name, item)


def _new_table(tomlkit: Any) -> Any:
    table = tomlkit.table()
    table.trivia.indent = "\n"
    return table


def _inline(value: Any) -> bool:
    from tomlkit.items import InlineTable  # noqa: PLC0415

    return isinstance(value, InlineTable)


def keys_in(values: Iterable[str], questions: Mapping[str, Question]) -> list[str]:
    """The keys of `values` that are questions, in question order."""
    wanted = set(values)
    return [key for key in questions if key in wanted]
