"""Typed answers: loading and validating the TOML answers file, defaults, and read access.

No terminal I/O here: the prompter (`kakaoaudit.questionnaire.prompt`) fills in what the file leaves open.
Every error names the file, the key, the expected type and the value, and suggests the
nearest known key for a typo.
"""

from __future__ import annotations

import enum
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from kakaoaudit.core.answer_text import NEVER
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.inputs import MAX_DEPTH, read_file, too_deep
from kakaoaudit.core.questions import UNKNOWN, UNSURE, AnswerValue, AnswerValueError, Question, looks_secret

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_ = translator("kakaoaudit")

#: An answers file larger than this is refused before parsing (it is a short questionnaire).
MAX_FILE_BYTES = 1024 * 1024
#: The problems of an answers file listed one by one; the others are counted.
MAX_PROBLEMS_SHOWN = 20


class Source(str, enum.Enum):
    """Where an answer came from."""

    FILE = "file"
    PROMPT = "prompt"
    DEFAULT = "default"
    OPTION = "option"
    INFERRED = "inferred"


#: (dotted key, raw value) pairs of an answers file, as read.
RawPairs = list[tuple[str, Any]]
#: Rewrites the keys of older versions of kakaoaudit into today's: (pairs, questions) -> (pairs,
#: one note per rewritten key, the keys whose old answer said too little and are best asked again).
LegacyReader = Callable[[RawPairs, Mapping[str, Question]], tuple[RawPairs, list[Msg], set[str]]]


class AnswersFile(NamedTuple):
    """A validated answers file: the answers by question id, and the reserved sections as parsed."""

    path: Path
    values: dict[str, AnswerValue]
    sections: dict[str, Any]
    #: One line per key of an older version that was read as today's keys.
    notes: tuple[Msg, ...] = ()
    #: Keys read from an older key that said too little (a box left unticked): asked again on a terminal.
    reask: frozenset[str] = frozenset()


class Answers(Mapping[str, AnswerValue]):
    """The answers of one audit, by question id, with typed accessors for checks.

    Accessors return None when the question was not asked (its condition did not apply) or was
    answered "I don't know"; `is_unknown` tells the two apart.
    """

    def __init__(self, values: Mapping[str, AnswerValue], sources: Mapping[str, Source] | None = None) -> None:
        self._values = dict(values)
        self._sources = dict(sources or {})

    def __getitem__(self, key: str) -> AnswerValue:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def source(self, key: str) -> Source | None:
        return self._sources.get(key)

    def is_unknown(self, key: str) -> bool:
        """True when the user answered "I don't know"."""
        return self._values.get(key) == UNKNOWN

    def is_never(self, key: str) -> bool:
        """True when the user answered "never" (a question that allows it: "when did you last ...?")."""
        return self._values.get(key) == NEVER

    def get_bool(self, key: str) -> bool | None:
        value = self._values.get(key)
        return value if isinstance(value, bool) else None

    def get_text(self, key: str) -> str | None:
        value = self._values.get(key)
        return value if isinstance(value, str) and value != UNKNOWN else None

    def asked(self, key: str) -> bool:
        """True when the question has an answer ("unknown" included); False when it was not asked
        (its condition did not apply, or the quick check left it out)."""
        return key in self._values

    def get_int(self, key: str) -> int | None:
        value = self._values.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def get_date(self, key: str) -> date | None:
        value = self._values.get(key)
        return value if isinstance(value, date) else None

    def get_list(self, key: str) -> tuple[str, ...]:
        value = self._values.get(key)
        return value if isinstance(value, tuple) else ()

    def get_flag(self, key: str, item: str) -> bool | None:
        """One item of a "select all that apply" question: True when selected; None (unknown) when the
        question is unanswered, answered "unknown", or `item` is left out but "I'm not sure" (`UNSURE`)
        is selected; else False, since an item left unselected means "no" (the safe direction)."""
        value = self._values.get(key)
        if not isinstance(value, tuple):
            return None
        if item in value:
            return True
        return None if UNSURE in value else False


def load_answers_file(
    path: Path,
    questions: Mapping[str, Question],
    *,
    today: date,
    sections: Mapping[str, Callable[[Any, Path], Any]] | None = None,
    legacy: LegacyReader | None = None,
) -> AnswersFile:
    """Read and validate an answers file against the known questions.

    `sections` maps reserved top-level tables (e.g. ``suppress``) to validators that receive the
    raw table and return its parsed form; `legacy` reads the keys of older versions. Raises
    `InputError` listing every problem found.
    """
    return parse_answers(_read_toml(path), path, questions, today=today, sections=sections, legacy=legacy)


def parse_answers_text(
    text: str,
    name: Path,
    questions: Mapping[str, Question],
    *,
    today: date,
    sections: Mapping[str, Callable[[Any, Path], Any]] | None = None,
) -> AnswersFile:
    """Like `load_answers_file` for TOML text that did not come from a file (built-in profiles)."""
    return parse_answers(_parse_toml(text, str(name)), name, questions, today=today, sections=sections)


def parse_answers(
    document: Mapping[str, Any],
    path: Path,
    questions: Mapping[str, Question],
    *,
    today: date,
    sections: Mapping[str, Callable[[Any, Path], Any]] | None = None,
    legacy: LegacyReader | None = None,
) -> AnswersFile:
    """Validate a parsed TOML document as answers; `InputError` lists every problem."""
    reserved = dict(sections or {})
    values: dict[str, AnswerValue] = {}
    parsed_sections: dict[str, Any] = {}
    problems: list[Msg] = []
    pairs: RawPairs = list(_flatten(document, questions, reserved))
    notes: list[Msg] = []
    reask: set[str] = set()
    if legacy is not None:
        pairs, notes, reask = legacy(pairs, questions)
    for key, raw in pairs:
        if key in reserved:
            parsed_sections[key] = reserved[key](raw, path)
            continue
        question = questions.get(key)
        if question is None:
            problems.append(_unknown_key(path, key, questions))
            continue
        try:
            values[key] = question.parse(raw, today=today)
        except AnswerValueError as error:
            problems.append(_bad_value(path, key, raw, error))
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            shown.append(_("{file}: and {count} more problems", file=str(path),
                           count=len(problems) - MAX_PROBLEMS_SHOWN))
        raise InputError(*shown)
    file_notes = tuple(_("{file}: {note}", file=str(path), note=note) for note in notes)
    return AnswersFile(path, values, parsed_sections, file_notes, frozenset(reask & set(values)))


def _read_toml(path: Path) -> dict[str, Any]:
    name = str(path)
    try:
        data = read_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise InputError(_("{file}: no such answers file; create one with 'kakaoaudit init'", file=name)) from None
    except IsADirectoryError:
        raise InputError(_("{file}: is a directory, not an answers file", file=name)) from None
    except OSError as error:
        raise InputError(_("{file}: cannot read: {reason}", file=name, reason=error.strerror or "")) from None
    except ValueError:  # a NUL byte in the name
        raise InputError(_("{file}: not a usable file name", file=name)) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(_("{file}: too large for an answers file (over 1 MiB)", file=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            _("{file}: not UTF-8 text (byte {offset}); save it as UTF-8", file=name, offset=error.start)
        ) from None
    return _parse_toml(text, name)


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except RecursionError:
        raise InputError(_("{file}: lists or tables are nested too deeply (more than {limit} levels)", file=name,
                           limit=MAX_DEPTH)) from None
    except tomllib.TOMLDecodeError as error:
        line, column, reason = _toml_position(error)
        raise InputError(
            _(
                "{file}: line {line}, column {column}: not valid TOML: {reason}",
                file=name,
                line=line,
                column=column,
                reason=reason,
            )
        ) from None
    if too_deep(document):
        raise InputError(_("{file}: lists or tables are nested too deeply (more than {limit} levels)", file=name,
                           limit=MAX_DEPTH))
    return document


_POSITION = re.compile(r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$", re.DOTALL)


def _toml_position(error: Exception) -> tuple[int, int, str]:
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    reason = getattr(error, "msg", None)
    match = _POSITION.match(str(error))
    if match:
        line = line or int(match["line"])
        column = column or int(match["column"])
        reason = reason or match["reason"]
    return int(line or 0), int(column or 0), str(reason or error)


def _flatten(
    document: Mapping[str, Any], questions: Mapping[str, Question], reserved: Mapping[str, Any]
) -> Iterator[tuple[str, Any]]:
    """Yield (dotted key, value) for every answer; tables are descended unless they are a reserved
    section or the key of a question (a question's value is never a table)."""
    stack: list[tuple[str, Any]] = [(str(key), value) for key, value in reversed(list(document.items()))]
    while stack:
        key, value = stack.pop()
        if key in reserved or key in questions or not isinstance(value, dict):
            yield key, value
            continue
        if not value:
            continue
        stack.extend((f"{key}.{child}", item) for child, item in reversed(list(value.items())))


def _unknown_key(path: Path, key: str, questions: Mapping[str, Question]) -> Msg:
    if looks_secret(key):
        return _(
            "{file}: key '{key}': passwords are never read from a file; kakaoaudit asks for the password "
            "with a hidden prompt or reads it with --password-stdin. Remove this key.",
            file=str(path),
            key=key,
        )
    import difflib  # noqa: PLC0415 - only for a name that is not valid

    nearest = difflib.get_close_matches(key, list(questions), n=1, cutoff=0.6)
    if nearest:
        return _("{file}: unknown key '{key}'; did you mean '{suggestion}'?", file=str(path), key=key,
                 suggestion=nearest[0])
    return _(
        "{file}: unknown key '{key}'; 'kakaoaudit init' writes a template with every key",
        file=str(path),
        key=key,
    )


def _bad_value(path: Path, key: str, raw: Any, error: AnswerValueError) -> Msg:
    shown = "…" if looks_secret(key) else _short_repr(raw)
    message = _(
        "{file}: key '{key}': expected {expected}, got {value}",
        file=str(path),
        key=key,
        expected=error.expected,
        value=shown,
    )
    if error.hint is not None:
        return _("{message} ({hint})", message=message, hint=error.hint)
    return message


def _short_repr(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        # json.dumps escapes quotes and control characters, so no terminal escape gets printed.
        return json.dumps(raw if len(raw) <= 40 else raw[:37] + "...", ensure_ascii=False)
    if isinstance(raw, (dict, list)):
        return "a table" if isinstance(raw, dict) else "a list"
    text = str(raw)
    return text if len(text) <= 40 else text[:37] + "..."
