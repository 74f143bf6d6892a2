"""Who is who: labels that name the same person («母» and "Mother"), kept in ``people.toml``.

A family helper labels reports with ``--label``, and not always the same way. ``people.toml`` in
kakaoaudit's folder (``KAKAOAUDIT_HOME``, else the user data folder, next to the history) says
which labels are one person::

    # Labels that name the same person (kakaoaudit history alias).
    [people]
    "母" = ["Mother", "お母さん"]

The key is the name shown; the list holds the other labels. Labels match whatever their case and
spacing ("mother" is "Mother"). ``kakaoaudit history alias NAME OTHER...`` writes the file (atomically,
owner only); it may be edited by hand. `history`, `history diff`, `show --last --label` and
`summary` group by person through `People.person_of`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import translator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

_ = translator(__name__)

FILENAME = "people.toml"
SECTION = "people"
MAX_LABEL = 100


def key(label: str) -> str:
    """How labels are compared: spaces collapsed, case folded."""
    return " ".join(label.split()).casefold()


def clean(label: str) -> str:
    """A label as the audit stores it (trimmed, spaces collapsed); `InputError` when empty or too long."""
    text = " ".join(label.split())
    if not text:
        raise InputError(_("a name cannot be empty"))
    if len(text) > MAX_LABEL or any(not ch.isprintable() for ch in text):
        raise InputError(_("{name}: a name is at most {limit} printable characters", name=text[:40],
                           limit=MAX_LABEL))
    return text


def default_path() -> Path:
    from kakaoaudit.history.store import default_path as history_path  # noqa: PLC0415 - same folder

    return history_path().parent / FILENAME


@dataclass(frozen=True)
class People:
    """The people and their other labels; every label not listed is a person of its own."""

    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> People:
        """The file's people (none when it does not exist); `InputError` naming the file when it is broken."""
        path = path or default_path()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return cls({}, path)
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(_("{file}: cannot read: {reason}", file=str(path), reason=str(error)[:80])) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InputError(_("{file}: not valid TOML: {reason}", file=str(path), reason=str(error)[:120])) from None
        table = data.get(SECTION, {})
        if not isinstance(table, dict):
            raise InputError(_("{file}: [people] must be a table of names, e.g. \"母\" = [\"Mother\"]", file=str(path)))
        names: dict[str, tuple[str, ...]] = {}
        for name, value in table.items():
            others = [value] if isinstance(value, str) else value
            if not isinstance(others, list) or not all(isinstance(other, str) for other in others):
                raise InputError(_("{file}: [people] {name}: expected a list of other names, e.g. [\"Mother\"]",
                                   file=str(path), name=name))
            names[clean(name)] = tuple(clean(other) for other in others)
        return cls(names, path)

    def person_of(self, label: str | None) -> str | None:
        """The person a label names (the shown name), or the label itself when it is not listed; None for
        no label."""
        if label is None or not label.strip():
            return None
        wanted = key(label)
        for name, others in self.names.items():
            if wanted == key(name) or any(wanted == key(other) for other in others):
                return name
        return " ".join(label.split())

    def labels_of(self, person: str) -> tuple[str, ...]:
        """Every label of `person`: the name and its other labels."""
        name = self.person_of(person)
        if name is None:
            return ()
        return (name, *self.names.get(name, ()))

    def with_alias(self, name: str, others: Iterable[str]) -> People:
        """These people with `others` added as labels of `name` (moved from any other person)."""
        person = self.person_of(clean(name)) or clean(name)
        moving = [clean(other) for other in others]
        moved = {key(other) for other in moving}
        names: dict[str, tuple[str, ...]] = {}
        for existing, labels in self.names.items():
            if key(existing) in moved and existing != person:
                # A person named by a label that now belongs to someone else joins them.
                moving.extend(labels)
                continue
            names[existing] = tuple(label for label in labels if key(label) not in moved)
        current = names.get(person, ())
        merged = list(current)
        for other in moving:
            if key(other) != key(person) and all(key(other) != key(label) for label in merged):
                merged.append(other)
        names[person] = tuple(merged)
        return People(names, self.path)

    def without(self, label: str) -> People:
        """These people with `label` no longer an alias (a person of its own again)."""
        gone = key(label)
        names = {name: tuple(other for other in others if key(other) != gone)
                 for name, others in self.names.items() if key(name) != gone}
        return People({name: others for name, others in names.items() if others}, self.path)

    def text(self) -> str:
        """The file's contents."""
        lines = ["# Labels that name the same person, for kakaoaudit history, show --last and summary.",
                 "# Written by 'kakaoaudit history alias'; you may edit it. The key is the name shown.",
                 f"[{SECTION}]"]
        for name, others in self.names.items():
            values = ", ".join(_toml_string(other) for other in others)
            lines.append(f"{_toml_string(name)} = [{values}]")
        return "\n".join(lines) + "\n"

    def save(self) -> Path:
        """Write the file atomically, owner only."""
        from kakaoaudit.core.output import write_atomic  # noqa: PLC0415

        path = self.path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, self.text())
        if os.name == "posix":
            os.chmod(path, 0o600)
        return path


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's string escapes are TOML's (control characters as \\uXXXX)."""
    return json.dumps(text, ensure_ascii=False)
