"""Discover checks from the entry-point group ``kakaoaudit.checks`` and validate them.

Built-in checks are registered exactly like third-party ones, in kakaoaudit's own
``setup.cfg``. An entry point's name is the check's ID and its object a `Check` subclass.

ID rules (IDs are permanent: history, suppressions and scripts key on them):

* built-in checks (distribution ``kakaoaudit``): ``KA`` + 3 digits, the hundreds digit being the
  category block (1 password, 2 breach, 3 contacts, 4 security, 5 conduct, 6 travel, 7 recovery);
* third-party checks: a prefix of 2 to 5 upper-case letters that does not start with ``KA``,
  then 3 digits (``EXM101``); choose a prefix after your project and keep it.

A check that fails to import, has an invalid ID, or repeats an ID or a question already taken
is left out with one warning naming the entry point and its distribution; the rest still run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import metadata
from typing import Any, NamedTuple

from kakaoaudit.core.check import Check
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Category
from kakaoaudit.core.questions import Question, each_once

_ = translator("kakaoaudit")

GROUP = "kakaoaudit.checks"
BUILTIN_DISTRIBUTION = "kakaoaudit"
UNKNOWN_DISTRIBUTION = "an unknown distribution"
BUILTIN_ID = re.compile(r"^KA[1-9]\d{2}$")
PLUGIN_ID = re.compile(r"^(?!KA)[A-Z]{2,5}\d{3}$")


class LoadedCheck(NamedTuple):
    """A check class that passed validation, with where it came from."""

    check: type[Check]
    entry_point: str
    distribution: str

    @property
    def builtin(self) -> bool:
        return self.distribution == BUILTIN_DISTRIBUTION


class Registry(NamedTuple):
    """The usable checks, ordered by ID, and the warnings about the ones left out."""

    checks: tuple[LoadedCheck, ...]
    warnings: tuple[Msg, ...]

    def ids(self) -> tuple[str, ...]:
        return tuple(loaded.check.id for loaded in self.checks)

    def questions(self) -> dict[str, Question]:
        """Every question of every check, by id (each once)."""
        return {question.id: question for question in
                each_once(question for loaded in self.checks for question in loaded.check.questions)}


#: Set to 1 to run the built-in checks only (to rule out a misbehaving plugin).
NO_PLUGINS_ENV = "KAKAOAUDIT_NO_PLUGINS"


def plugins_disabled() -> bool:
    return os.environ.get(NO_PLUGINS_ENV, "").strip().lower() in ("1", "true", "yes")


def discover(entry_points: Iterable[Any] | None = None) -> Registry:
    """Load and validate the checks of the entry-point group (or of `entry_points`, for tests).

    With ``KAKAOAUDIT_NO_PLUGINS=1`` only kakaoaudit's own checks are loaded.
    """
    points = installed_entry_points() if entry_points is None else list(entry_points)
    named = list(zip(points, _distributions(points), strict=True))
    if plugins_disabled():
        named = [(point, name) for point, name in named if name == BUILTIN_DISTRIBUTION]
    # Built-ins first so that a plugin can never take over a built-in ID.
    named.sort(key=lambda item: (item[1] != BUILTIN_DISTRIBUTION, item[0].name))
    accepted: dict[str, LoadedCheck] = {}
    questions: dict[str, tuple[Question, str]] = {}
    warnings: list[Msg] = []
    for point, distribution in named:
        where = _("entry point '{name} = {value}' of {distribution}", name=point.name, value=point.value,
                  distribution=distribution)
        try:
            obj = point.load()
        except Exception as error:
            warnings.append(_("check not loaded: {where} failed to import ({error})", where=where,
                              error=type(error).__name__))
            continue
        problem = _validate(obj, point.name, distribution, accepted)
        if problem is None:
            problem = _question_clash(obj, questions)
        if problem is not None:
            warnings.append(_("check not loaded: {where}: {problem}", where=where, problem=problem))
            continue
        for question in obj.questions:
            questions.setdefault(question.id, (question, obj.id))
        accepted[obj.id] = LoadedCheck(obj, point.name, distribution)
    ordered = tuple(sorted(accepted.values(), key=lambda loaded: loaded.check.id))
    return Registry(ordered, tuple(warnings))


def installed_entry_points() -> list[Any]:
    """The entry points of the group ``kakaoaudit.checks`` of every installed distribution."""
    return list(metadata.entry_points(group=GROUP))


def _distributions(points: list[Any]) -> list[str]:
    """The name of the distribution that declares each of `points`.

    Read once per distribution: ``Distribution.name`` parses the whole metadata file each time it
    is asked, and the entry points of one distribution share their ``dist``.
    """
    names: dict[int, str] = {}  # id(dist) -> its name; `points` keeps every dist alive meanwhile
    found = []
    for point in points:
        dist = getattr(point, "dist", None)
        if dist is None:
            found.append(UNKNOWN_DISTRIBUTION)
            continue
        if id(dist) not in names:
            name = getattr(dist, "name", None)
            names[id(dist)] = str(name) if name else UNKNOWN_DISTRIBUTION
        found.append(names[id(dist)])
    return found


def _validate(obj: Any, name: str, distribution: str, accepted: dict[str, LoadedCheck]) -> Msg | None:
    if not (isinstance(obj, type) and issubclass(obj, Check)) or obj is Check:
        return _("it is not a subclass of kakaoaudit.api.Check")
    check_id = getattr(obj, "id", None)
    if not isinstance(check_id, str):
        return _("the check has no 'id'")
    if check_id != name:
        return _("the entry point's name must be the check's ID ({id})", id=check_id)
    if check_id in accepted:
        first = accepted[check_id]
        return _("duplicate ID {id}: already provided by '{entry_point}' of {distribution}", id=check_id,
                 entry_point=first.entry_point, distribution=first.distribution)
    if distribution == BUILTIN_DISTRIBUTION:
        if not BUILTIN_ID.match(check_id):
            return _("built-in IDs are KA followed by 3 digits")
    elif not PLUGIN_ID.match(check_id):
        return _(
            "plugin IDs are 2 to 5 upper-case letters not starting with KA, then 3 digits (e.g. EXM101)"
        )
    if not isinstance(getattr(obj, "title", None), Msg):
        return _("'title' must be a translatable message")
    category = getattr(obj, "category", None)
    if not isinstance(category, Category):
        return _("'category' must be a kakaoaudit.api.Category")
    if distribution == BUILTIN_DISTRIBUTION and int(check_id[2]) != category.block:
        return _("the ID block does not match the category {category}", category=category.value)
    weight = getattr(obj, "weight", None)
    if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= 100:
        return _("'weight' must be a whole number from 0 to 100")
    questions = getattr(obj, "questions", ())
    if not isinstance(questions, tuple) or not all(isinstance(q, Question) for q in questions):
        return _("'questions' must be a tuple of kakaoaudit.api.Question")
    return None


def _question_clash(obj: type[Check], questions: dict[str, tuple[Question, str]]) -> Msg | None:
    """Two checks may share a question only when they declare the same type and choices."""
    for question in obj.questions:
        known = questions.get(question.id)
        if known is None:
            continue
        other, owner = known
        if (other.type, other.choice_values) != (question.type, question.choice_values):
            return _("question '{question}' is already declared differently by {owner}",
                     question=question.id, owner=owner)
    return None
