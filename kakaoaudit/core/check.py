"""The check API's classes: `Check` (what a check declares and does) and `Context` (all it may use).

`kakaoaudit.api` re-exports them for check authors; the engine and the registry use them from here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any, ClassVar, Protocol

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.facts import FACT_URLS, sources_in
from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.localtime import local_date
from kakaoaudit.core.model import Category, Finding, Severity, Status
from kakaoaudit.core.questions import Question
from kakaoaudit.core.secret import SamplePassword, Secret


class BreachSource(str, enum.Enum):
    """Where a breach lookup looks, for the wording of its findings."""

    ONLINE = "online"
    """The Pwned Passwords range API (or a mirror of it)."""
    OFFLINE = "offline"
    """A downloaded copy of the list (``--hibp-dataset``)."""
    DEMO = "demo"
    """The demo's tiny sample list."""


class BreachLookup(Protocol):
    """Answers "how often was this password seen in breaches?" without revealing it.

    Implementations raise `kakaoaudit.core.errors.KakaoauditError` (with a reason) when they cannot
    tell; they never return 0 for a lookup that did not complete.
    """

    def count(self, password: Secret) -> int: ...


def source_of(lookup: object) -> BreachSource | None:
    """The `BreachSource` a lookup declares in its ``source`` attribute; None for one that does not say."""
    source = getattr(lookup, "source", None)
    try:
        return BreachSource(source) if source is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Context:
    """Everything a check may use. Checks are pure functions of their context."""

    answers: Answers
    """The answers to the questions of every selected check."""
    now: Callable[[], datetime]
    """The clock (aware, UTC); tests pass a fixed one. For a calendar date use `today`, never ``now().date()``."""
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
    zone: tzinfo | None = None
    """The user's time zone for calendar dates; None: the system's local time zone (``TZ``)."""

    def today(self) -> date:
        """Today's date in the user's calendar (their time zone, not UTC): compare dates they gave with it."""
        return local_date(self.now(), self.zone)

    @property
    def breach_source(self) -> BreachSource | None:
        """Where `breach` looks (online, offline copy, demo sample), when it says."""
        return source_of(self.breach)

    @property
    def sample_password(self) -> bool:
        """True when `password` is the demo's published sample, not the person's own."""
        return isinstance(self.password, SamplePassword)


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
    #: URLs backing the check (Kakao help pages, standards), for its documentation. A finding cites the sources
    #: of the claims it states (`kakaoaudit.core.facts`) and, of these, the ones that back no fact (standards).
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

        `max_points` defaults to the check's weight (0 for info); `points` to all of them for pass, half
        for warn and none otherwise; `severity` to info for pass and info findings and medium otherwise;
        ADVICE IDs to the check's own. `references` default to the sources of the claims the finding
        states, then the check's references that back no fact (standards such as NIST): a finding never
        cites a Kakao page for something it does not say.
        """
        maximum = (0 if status is Status.INFO else self.weight) if max_points is None else max_points
        if points is None:
            points = {Status.PASS: maximum, Status.WARN: maximum // 2}.get(status, 0)
        if severity is None:
            severity = Severity.INFO if status in (Status.PASS, Status.INFO) else Severity.MEDIUM
        advice = tuple(advice)
        if references is None:
            stated = sources_in((title, detail, *advice, note))
            references = (*stated, *(url for url in self.references if url not in FACT_URLS and url not in stated))
        return Finding(
            check_id=self.id,
            code=code,
            status=status,
            severity=severity,
            title=title,
            detail=detail,
            advice=advice,
            note=note,
            references=tuple(references),
            advice_ids=tuple(self.advice_ids if advice_ids is None else advice_ids),
            points=points,
            max_points=maximum,
        )
