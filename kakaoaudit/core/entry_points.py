"""Entry points of one group, read straight from the installed distributions' metadata folders.

`importlib.metadata.entry_points(group=...)` builds an object for every distribution on
``sys.path`` and for every entry point of every group, and importing it costs a few milliseconds
more; kakaoaudit only needs one group, on every start of an audit. `scan` gives the same entry
points in the same order, reading only the ``*.dist-info`` / ``*.egg-info`` folders of the
directories on ``sys.path``:

* ``sys.path`` in order; in each directory the metadata folders as `importlib.metadata` groups
  them (by normalised name, in listing order); the first distribution of a normalised name wins,
  as in `importlib.metadata.entry_points`;
* ``entry_points.txt`` parsed like `importlib.metadata` does (``[section]`` lines, ``name = value``
  pairs, ``#`` comments);
* the distribution's name is the ``Name`` field of its ``METADATA`` (else ``PKG-INFO``).

Where it cannot promise the same answer it returns None and the caller asks `importlib.metadata`:
another distribution finder on ``sys.meta_path``, a ``sys.path`` entry that is a file (a zip),
an ``.egg`` directory, or a file it cannot read or parse.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import reduce
from typing import Any

__all__ = ["ScannedEntryPoint", "scan"]

#: How `importlib.metadata.EntryPoint.load` reads ``module:attr.attr [extras]``.
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")
_SEPARATORS = re.compile(r"[-_.]+")


class ScannedEntryPoint:
    """An entry point found by `scan`: the attributes kakaoaudit uses of `importlib.metadata.EntryPoint`."""

    __slots__ = ("distribution", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, distribution: str | None) -> None:
        self.name = name
        self.value = value
        self.group = group
        #: The ``Name`` of the distribution that declares it (None when its metadata has none).
        self.distribution = distribution

    def load(self) -> Any:
        """Import the module and return the object, as `importlib.metadata.EntryPoint.load` does."""
        match = _VALUE.match(self.value)
        if match is None:  # importlib.metadata fails here with an AttributeError too
            raise AttributeError(f"entry point value {self.value!r} is not 'module:attribute'")
        module = importlib.import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return reduce(getattr, attrs, module)

    def __repr__(self) -> str:
        return f"ScannedEntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


class _Unsupported(Exception):
    """The scan cannot promise importlib.metadata's answer here."""


def scan(group: str, path: list[str] | None = None) -> list[ScannedEntryPoint] | None:
    """The entry points of `group` of the distributions on `path` (default: ``sys.path``), in
    `importlib.metadata` order; None when only `importlib.metadata` can tell."""
    if not _only_path_finder():
        return None
    try:
        return list(_scan(group, sys.path if path is None else path))
    except _Unsupported:
        return None


def _only_path_finder() -> bool:
    """True when the standard path finder is the only distribution finder (no custom importer)."""
    from importlib.machinery import PathFinder  # noqa: PLC0415 - loaded already by the interpreter

    finders = [finder for finder in sys.meta_path if getattr(finder, "find_distributions", None) is not None]
    return finders == [PathFinder]


def _normalize(name: str) -> str:
    return _SEPARATORS.sub("-", name).lower().replace("-", "_")


def _scan(group: str, path: list[str]) -> Any:
    seen: set[str] = set()
    header = f"[{group}]"
    for folder in _metadata_folders(path):
        name = _name_from_stem(os.path.basename(folder))
        normalized = _normalize(name) if name else _normalize(_dist_name(folder) or "")
        if normalized in seen:
            continue
        seen.add(normalized)
        text = _read(folder, "entry_points.txt")
        if not text or header not in text:
            continue
        points = [(key, value) for section, key, value in _pairs(text) if section == group]
        if points:
            distribution = _dist_name(folder)
            yield from (ScannedEntryPoint(key, value, group, distribution) for key, value in points)


def _metadata_folders(path: list[str]) -> Any:
    for root in path:
        if not isinstance(root, str):
            raise _Unsupported
        if os.path.basename(root).lower().endswith(".egg"):
            raise _Unsupported  # an egg's own EGG-INFO: importlib.metadata's legacy rules
        try:
            children = os.listdir(root or ".")
        except OSError:
            if os.path.exists(root or "."):
                raise _Unsupported from None  # a zip file on sys.path
            continue
        grouped: dict[str, list[str]] = {}
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")):
                key = _normalize(low.rpartition(".")[0].partition("-")[0])
                grouped.setdefault(key, []).append(os.path.join(root, child))
        for folders in grouped.values():
            yield from folders


def _name_from_stem(stem: str) -> str | None:
    filename, ext = os.path.splitext(stem)
    if ext not in (".dist-info", ".egg-info"):
        return None
    return filename.partition("-")[0]


def _read(folder: str, filename: str) -> str | None:
    """The text of `filename` in `folder` (of `folder` itself when `filename` is empty); None if absent."""
    try:
        with open(os.path.join(folder, filename) if filename else folder, "rb") as stream:
            data = stream.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None
    except OSError:
        raise _Unsupported from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unsupported from None


def _pairs(text: str) -> Any:
    """(section, name, value) of each ``name = value`` line, as importlib.metadata's Sectioned reads them."""
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is None:
            continue
        name, sep, value = line.partition("=")
        if not sep:
            raise _Unsupported  # importlib.metadata fails on such a line: let it say so
        yield section, name.strip(), value.strip()


def _dist_name(folder: str) -> str | None:
    """The ``Name`` header of the distribution's METADATA (or PKG-INFO, or the path itself when a file)."""
    text = _read(folder, "METADATA") or _read(folder, "PKG-INFO") or _read(folder, "")
    if not text:
        return None
    name = None
    for line in text.splitlines():
        if not line:
            break  # end of the headers
        if line[0] in " \t":
            if name is not None:
                raise _Unsupported  # a folded Name: let the email parser unfold it
            continue  # a folded continuation line of another header
        if name is not None:
            return name
        key, sep, value = line.partition(":")
        if not sep:
            break  # not a header: the email parser ends the headers here
        if key.lower() == "name":
            name = value.lstrip(" \t")
    return name
