"""Frozen result types: what a check returns and what a report holds.

Texts are `Msg` objects (see `kakaoaudit.core.i18n`) so that a report renders in any language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from kakaoaudit.core.i18n import Msg, translator

_ = translator("kakaoaudit")


class Status(str, enum.Enum):
    """The outcome of one finding."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    #: The check ran but could not tell (a lookup failed, an answer was "I don't know").
    UNKNOWN = "unknown"
    #: The check did not run (offline, not selected, no password given); the reason is in `detail`.
    SKIPPED = "skipped"
    #: The check itself failed (a bug or a misbehaving plugin).
    ERROR = "error"
    #: Something good to know that is neither right nor wrong (the time difference to Korea): no points,
    #: never labelled "OK" or "Check".
    INFO = "info"

    @property
    def scored(self) -> bool:
        """Only pass, warn and fail count in the score; the others are listed apart."""
        return self in (Status.PASS, Status.WARN, Status.FAIL)

    @property
    def listed_apart(self) -> bool:
        """Unknown, skipped and error: left out of the score and listed apart with their reasons."""
        return self in (Status.UNKNOWN, Status.SKIPPED, Status.ERROR)

    @property
    def label(self) -> Msg:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.PASS: _("OK"),
    Status.WARN: _("Check"),
    Status.FAIL: _("Fix"),
    Status.UNKNOWN: _("Unknown"),
    Status.SKIPPED: _("Skipped"),
    Status.ERROR: _("Error"),
    Status.INFO: _("Good to know"),
}


class Severity(str, enum.Enum):
    """How much harm the problem can do; ordered from `INFO` to `CRITICAL`."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    @property
    def label(self) -> Msg:
        return _SEVERITY_LABELS[self]

    # All four are needed: as a str subclass the enum would otherwise compare alphabetically.
    def __lt__(self, other: object) -> bool:
        return self.rank < _rank(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= _rank(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > _rank(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= _rank(other)

    @classmethod
    def parse(cls, text: str) -> Severity:
        """A severity from its name, any case; `ValueError` otherwise."""
        return cls(text.strip().lower())


_SEVERITY_ORDER = list(Severity)


def _rank(other: object) -> int:
    if not isinstance(other, Severity):
        raise TypeError(f"cannot compare Severity with {type(other).__name__}")
    return other.rank

_SEVERITY_LABELS = {
    Severity.INFO: _("info"),
    Severity.LOW: _("low"),
    Severity.MEDIUM: _("medium"),
    Severity.HIGH: _("high"),
    Severity.CRITICAL: _("critical"),
}


class Category(str, enum.Enum):
    """Check categories; a built-in check's ID block says its category (KA1xx password, ...)."""

    PASSWORD = "password"
    BREACH = "breach"
    CONTACTS = "contacts"
    SECURITY = "security"
    CONDUCT = "conduct"
    TRAVEL = "travel"
    RECOVERY = "recovery"

    @property
    def block(self) -> int:
        """The hundreds digit of built-in check IDs in this category."""
        return list(Category).index(self) + 1

    @property
    def label(self) -> Msg:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    Category.PASSWORD: _("Password"),
    Category.BREACH: _("Leaked passwords"),
    Category.CONTACTS: _("Registered contacts"),
    Category.SECURITY: _("Security settings"),
    Category.CONDUCT: _("Usage habits"),
    Category.TRAVEL: _("Travel and VPN"),
    Category.RECOVERY: _("Recovery readiness"),
}


@dataclass(frozen=True)
class Finding:
    """One result of a check: what was found, why it matters, what to do."""

    check_id: str
    """ID of the check that produced it (e.g. ``KA401``)."""
    code: str
    """Stable key of this kind of finding within the check (e.g. ``two-step-off``); history and
    suppressions key on ``check_id`` + ``code``."""
    status: Status
    """pass / warn / fail / unknown / skipped / error."""
    severity: Severity
    """How much harm the problem can do."""
    title: Msg
    """One line: what we found."""
    detail: Msg | None = None
    """Why it matters, or why the check could not tell."""
    advice: tuple[Msg, ...] = ()
    """What to do, concretely, in the order to do it."""
    note: Msg | None = None
    """Where current standards (NIST, OWASP) differ from the article's advice: one sentence."""
    references: tuple[str, ...] = ()
    """URLs backing the finding (Kakao help pages, standards)."""
    advice_ids: tuple[str, ...] = ()
    """IDs of the article's advice (ADVICE.md) this finding is about."""
    points: int = 0
    """Points earned (0..max_points); only counted when the status is scored."""
    max_points: int = 0
    """Points at stake."""

    @property
    def points_at_stake(self) -> int:
        """Points the user gains by fixing this finding."""
        return self.max_points - self.points if self.status.scored else 0


@dataclass(frozen=True)
class CheckSummary:
    """One check's line in the report: its points and how it went."""

    check_id: str
    title: Msg
    category: Category
    weight: int
    points: int
    max_points: int
    status: Status
    """The worst status among its findings."""


@dataclass(frozen=True)
class CategoryScore:
    """Score of one category; `score` is None when nothing in it could be scored."""

    category: Category
    points: int
    max_points: int
    score: int | None
    checks: int


@dataclass(frozen=True)
class Coverage:
    """How much of the audit the score rests on: the points of the checks that could decide (pass, warn
    or fail), out of the points of every check that ran (those that could not tell, because an answer
    was "I don't know" or a lookup failed, included). Checks that did not run (skipped) are in neither."""

    assessed_points: int
    possible_points: int

    @property
    def ratio(self) -> float | None:
        """assessed / possible, or None when no check ran."""
        return self.assessed_points / self.possible_points if self.possible_points else None


@dataclass(frozen=True)
class TopAction:
    """One of the actions that gains the most points, with the finding it fixes."""

    check_id: str
    code: str
    title: Msg
    advice: Msg | None
    severity: Severity
    points_at_stake: int


class Phase(str, enum.Enum):
    """When a travel checklist item is to be done."""

    NOW = "now"
    DAY_BEFORE = "day_before"
    ABROAD = "abroad"
    AFTER_RETURN = "after_return"


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the travel checklist."""

    phase: Phase
    text: Msg
    check_id: str | None = None
    """The check whose finding asks for it, if any."""
    done: bool = False
    """True when the answers show it is already in order."""


@dataclass(frozen=True)
class TimeDifference:
    """How far one time zone of the destination is from Korean time (KST) during the trip."""

    zone: str
    """IANA zone, e.g. ``America/Los_Angeles``."""
    offset_to_kst: str
    """Local time minus KST, e.g. ``-17:00`` (``+0:00`` on Korean time)."""


@dataclass(frozen=True)
class TravelPlan:
    """The trip the travel checks were run for (``kakaoaudit travel``)."""

    destination: str
    """ISO 3166-1 alpha-2 code."""
    depart: date | None
    return_date: date | None
    time_differences: tuple[TimeDifference, ...]
    """Every time zone of the destination and its offset to Korean time, per offset seen during the trip."""
    checklist: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Suppressed:
    """A finding the user chose to set aside, with why and until when (never scored)."""

    finding: Finding
    reason: str
    expires: date


@dataclass(frozen=True)
class LookUp:
    """An answer the person did not know, and where to find it: one line of the report's "look these
    up in the app" list."""

    question_id: str
    prompt: Msg
    """The question, as it was asked."""
    where: Msg | None
    """Where to look, as far as the sources say (`Question.lookup`); None when the question gives none."""


@dataclass(frozen=True)
class Report:
    """The result of an audit; rendered by `kakaoaudit.formats`."""

    generated_at: datetime
    """When the audit ran (aware, UTC)."""
    tool_version: str
    language: str
    score: int | None
    """0-100, or None when nothing could be scored."""
    grade: str | None
    """A-F; None when too little could be assessed to grade (see `coverage`) or without a score."""
    grade_capped: bool
    """True when a failed critical finding held the grade down (a breached password is never an A)."""
    categories: tuple[CategoryScore, ...]
    checks: tuple[CheckSummary, ...]
    findings: tuple[Finding, ...]
    top_actions: tuple[TopAction, ...]
    redacted: bool = True
    """False only with ``--no-redact``: contacts then appear in full."""
    label: str | None = None
    """Whose report it is (e.g. 「母」), for the family helper."""
    mode: str = "audit"
    """"audit" or "demo" (the built-in sample profile)."""
    warnings: tuple[Msg, ...] = field(default=())
    """Problems that did not stop the audit (a plugin that failed to load)."""
    travel: TravelPlan | None = None
    """The trip, for reports made by ``kakaoaudit travel`` (or with travel answers)."""
    suppressed: tuple[Suppressed, ...] = field(default=())
    """Findings set aside in the answers file's ``[suppress]`` section; listed apart, not scored."""
    notes: tuple[Msg, ...] = field(default=())
    """Expired suppressions that came back, and similar remarks for the reader."""
    coverage: Coverage = field(default=Coverage(0, 0))
    """How much of the audit could be assessed; the score is read next to it."""
    unknown_answers: tuple[str, ...] = field(default=())
    """Ids of the questions answered "I don't know", in question order (the look-it-up list)."""
    look_up: tuple[LookUp, ...] = field(default=())
    """The same answers with their questions and where to look them up (empty in reports of schema < 1.2)."""

    @property
    def not_scored(self) -> tuple[Finding, ...]:
        """Findings left out of the score (unknown, skipped, error), listed with their reasons."""
        return tuple(f for f in self.findings if f.status.listed_apart)
