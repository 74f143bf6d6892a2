"""What a check author imports: the stable check API of kakaoaudit.

A check is a small declarative class::

    from kakaoaudit.api import Category, Check, Context, Finding, Question, QType, Severity, Status
    from kakaoaudit.core.i18n import translator

    _ = translator("mycompany-checks", localedir=Path(__file__).parent / "locale")

    class ScreenLock(Check):
        \"\"\"The phone's screen lock (its docstring is its documentation page).\"\"\"

        id = "EXM101"
        title = _("Screen lock on the phone")
        category = Category.SECURITY
        questions = (Question("device.screen_lock", QType.BOOL, _("Does your phone have a screen lock?")),)

        def run(self, ctx: Context) -> Iterable[Finding]:
            if ctx.answers.get_bool("device.screen_lock"):
                yield self.finding(Status.PASS, _("The screen lock is on"), code="on")
            else:
                yield self.finding(Status.FAIL, _("No screen lock"), code="off", severity=Severity.HIGH)

and an entry point in the group ``kakaoaudit.checks`` whose name is the check's ID.

A check never prints, prompts, reads files or opens sockets: everything comes from `Context`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, Protocol

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.i18n import Msg, Private, translator
from kakaoaudit.core.model import Category, Finding, Severity, Status
from kakaoaudit.core.questions import NO_DEFAULT, UNKNOWN, Choice, QType, Question
from kakaoaudit.core.secret import Secret

__all__ = [
    "NO_DEFAULT",
    "UNKNOWN",
    "Answers",
    "BreachLookup",
    "Category",
    "Check",
    "Choice",
    "Context",
    "Finding",
    "Msg",
    "Private",
    "QType",
    "Question",
    "Secret",
    "Severity",
    "Status",
    "translator",
]


class BreachLookup(Protocol):
    """Answers "how often was this password seen in breaches?" without revealing it.

    Implementations raise `kakaoaudit.errors.KakaoauditError` (with a reason) when they cannot
    tell; they never return 0 for a lookup that did not complete.
    """

    def count(self, password: Secret) -> int: ...


@dataclass(frozen=True)
class Context:
    """Everything a check may use. Checks are pure functions of their context."""

    answers: Answers
    """The answers to the questions of every selected check."""
    now: Callable[[], datetime]
    """The clock (aware, UTC); tests pass a fixed one."""
    lang: str = "en"
    """The report's language (checks return `Msg` texts and need not use it)."""
    password: Secret | None = None
    """The password, when the user gave one; None otherwise (see `password_missing`)."""
    password_missing: Msg | None = None
    """Why there is no password (declined, no terminal), for the skipped finding."""
    breach: BreachLookup | None = None
    """The breach lookup (online or an offline dataset); None when offline without a dataset."""
    offline: bool = False
    """True with ``--offline``: no network at all."""
    redact: bool = True
    """Whether reports mask contacts (checks wrap contacts in `Private` either way)."""
    options: Mapping[str, Any] = field(default_factory=dict)
    """Command options a check may honour (e.g. ``check_dns``)."""

    def today(self) -> date:
        """Today's date (UTC)."""
        return self.now().date()


class Check:
    """Base class of all checks, built-in and third-party.

    Class attributes declare the check; `run` yields its findings. The docstring of a check
    class is its documentation page.
    """

    #: Stable ID: ``KA`` + 3 digits for built-ins (block = category), ``PREFIX`` + 3 digits for plugins.
    id: ClassVar[str]
    #: Short title of what is checked.
    title: ClassVar[Msg]
    category: ClassVar[Category]
    #: Points the check is worth in the score (1-100).
    weight: ClassVar[int] = 10
    #: The questions whose answers the check needs.
    questions: ClassVar[tuple[Question, ...]] = ()
    #: True if the check uses the network (the breach lookup); skipped with ``--offline``.
    needs_network: ClassVar[bool] = False
    #: True if the check needs the password (asked by a hidden prompt).
    needs_password: ClassVar[bool] = False
    #: The ADVICE.md IDs the check covers.
    advice_ids: ClassVar[tuple[str, ...]] = ()
    #: URLs backing the check (Kakao help pages, standards); findings inherit them.
    references: ClassVar[tuple[str, ...]] = ()
    #: Why it matters, in one or two sentences, for the documentation and the report.
    why: ClassVar[Msg | None] = None
    #: How to fix what it finds, in one or two sentences, for the documentation.
    fix: ClassVar[Msg | None] = None

    def run(self, ctx: Context) -> Iterable[Finding]:
        """Yield the findings of this check."""
        raise NotImplementedError

    def finding(
        self,
        status: Status,
        title: Msg,
        *,
        code: str,
        severity: Severity | None = None,
        detail: Msg | None = None,
        advice: Iterable[Msg] = (),
        note: Msg | None = None,
        points: int | None = None,
        max_points: int | None = None,
        references: Iterable[str] | None = None,
        advice_ids: Iterable[str] | None = None,
    ) -> Finding:
        """A finding of this check with sensible defaults.

        `max_points` defaults to the check's weight; `points` to all of them for pass, half for
        warn and none otherwise; `severity` to info for pass and medium otherwise; references and
        ADVICE IDs to the check's own.
        """
        maximum = self.weight if max_points is None else max_points
        if points is None:
            points = {Status.PASS: maximum, Status.WARN: maximum // 2}.get(status, 0)
        if severity is None:
            severity = Severity.INFO if status is Status.PASS else Severity.MEDIUM
        return Finding(
            check_id=self.id,
            code=code,
            status=status,
            severity=severity,
            title=title,
            detail=detail,
            advice=tuple(advice),
            note=note,
            references=tuple(self.references if references is None else references),
            advice_ids=tuple(self.advice_ids if advice_ids is None else advice_ids),
            points=points,
            max_points=maximum,
        )
