"""The Auditor: select checks, collect their questions, run them in isolation, score, report."""

from __future__ import annotations

import contextvars
import io
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

from kakaoaudit import __version__
from kakaoaudit.core import localtime
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.check import BreachLookup, Check, Context
from kakaoaudit.core.errors import UsageError
from kakaoaudit.core.facts import FACT_URLS
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.model import Category, Finding, LookUp, Report, Severity, Status
from kakaoaudit.core.questions import Question, each_once
from kakaoaudit.core.scoring import CheckInfo, score
from kakaoaudit.core.secret import Secret, scrub

_ = translator("kakaoaudit")

#: Seconds a check may run before it is reported as `error` (environment: KAKAOAUDIT_CHECK_TIMEOUT).
DEFAULT_CHECK_TIMEOUT = 10.0
CHECK_TIMEOUT_ENV = "KAKAOAUDIT_CHECK_TIMEOUT"
#: Extra seconds for a check that uses the network: the breach lookup's own total limit
#: (kakaoaudit.breach.DEFAULT_TOTAL_TIMEOUT, not imported: the engine starts with every command and needs
#: no hashlib; tests/test_engine_isolation.py keeps the two equal), so that a slow lookup ends as the
#: check's `unknown`, not as a time-out `error`.
NETWORK_ALLOWANCE = 15.0


def select_checks(
    checks: Sequence[type[Check]], only: Iterable[str] = (), skip: Iterable[str] = ()
) -> list[type[Check]]:
    """The checks named by `only` (all when empty) minus `skip`; names are IDs or categories.

    An unknown name is a `UsageError` with the nearest valid name.
    """
    only_set = {_resolve_name(name, checks) for name in _split(only)}
    skip_set = {_resolve_name(name, checks) for name in _split(skip)}

    def matches(check: type[Check], names: set[str]) -> bool:
        return check.id in names or check.category.value in names

    return [
        check
        for check in checks
        if (not only_set or matches(check, only_set)) and not matches(check, skip_set)
    ]


def _split(names: Iterable[str]) -> list[str]:
    return [part.strip() for name in names for part in name.split(",") if part.strip()]


def _resolve_name(name: str, checks: Sequence[type[Check]]) -> str:
    ids = {check.id for check in checks}
    categories = {category.value for category in Category}
    if name.upper() in ids:
        return name.upper()
    if name.lower() in categories:
        return name.lower()
    valid = sorted(ids | categories)
    import difflib  # noqa: PLC0415 - only for a name that is not valid

    nearest = difflib.get_close_matches(name, valid, n=1, cutoff=0.5) or difflib.get_close_matches(
        name.upper(), valid, n=1, cutoff=0.5
    )
    if nearest:
        raise UsageError(_("no check or category '{name}'; did you mean '{suggestion}'?", name=name,
                           suggestion=nearest[0]))
    raise UsageError(_("no check or category '{name}'; 'kakaoaudit checks' lists them", name=name))


def questions_of(checks: Iterable[type[Check]]) -> list[Question]:
    """The questions of `checks`, each id once, in check order (`each_once`)."""
    return each_once(question for check in checks for question in check.questions)


def applicable(questions: Sequence[Question], answers: Mapping[str, Any]) -> list[Question]:
    """The questions still to be answered given `answers`, in order.

    A question whose condition depends on an unanswered question is kept (the prompter asks in
    order, so the condition is known by the time it comes up); one whose condition refers to a
    question outside the selection does not apply.
    """
    known = {question.id for question in questions}
    pending = []
    for question in questions:
        if question.id in answers:
            continue
        if any(other not in known for other in question.when):
            continue
        if question.applies(answers) is False:
            continue
        pending.append(question)
    return pending


@dataclass
class Auditor:
    """Runs selected checks over one set of answers and builds the `Report`."""

    checks: Sequence[type[Check]]
    # A lambda, not the function: looked up at each call, so that a test that replaces localtime.now is seen.
    now: Callable[[], datetime] = field(default=lambda: localtime.now())  # noqa: PLW0108
    #: The user's time zone for calendar dates (`Context.today`); None: the system's.
    zone: tzinfo | None = None
    lang: str = "en"
    offline: bool = False
    redact: bool = True
    password: Secret | None = None
    password_missing: Msg | None = None
    breach: BreachLookup | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    label: str | None = None
    mode: str = "audit"
    warnings: tuple[Msg, ...] = ()
    #: Tracebacks of checks that raised, for ``--debug``.
    tracebacks: list[str] = field(default_factory=list)
    #: Seconds each check may run; None: KAKAOAUDIT_CHECK_TIMEOUT, else `DEFAULT_CHECK_TIMEOUT`.
    check_timeout: float | None = None
    #: Checks the caller chose not to run (the quick check left them out), with the reason their
    #: `skipped` finding gives.
    skip: Mapping[str, Msg] = field(default_factory=dict)

    def run(self, answers: Answers) -> Report:
        """Run every check in isolation and score the results."""
        started = self.now()
        ctx = Context(
            answers=answers,
            now=self.now,
            lang=self.lang,
            password=self.password,
            password_missing=self.password_missing,
            # With --offline the caller passes only a lookup that needs no network (a downloaded copy).
            breach=self.breach,
            offline=self.offline,
            redact=self.redact,
            options=self.options,
            zone=self.zone,
        )
        # Checks that cannot run (offline, no password) are listed without running; the others run
        # one after another in a worker thread, each within its time limit.
        not_run = [self._not_runnable(check, ctx) for check in self.checks]
        runnable = [check for check, skipped in zip(self.checks, not_run, strict=True) if skipped is None]
        limits = [self._time_limit(check) for check in runnable]
        ran = iter(zip(runnable, limits, _run_isolated(runnable, limits, ctx), strict=True))
        findings: list[Finding] = []
        for skipped in not_run:
            if skipped is not None:
                findings.append(skipped)
            else:
                check, limit, outcome = next(ran)
                findings.extend(self._findings(check, outcome, limit))
        infos = [CheckInfo(c.id, c.title, c.category, c.weight) for c in self.checks]
        scored = score(infos, findings)
        unknown = [q for q in questions_of(self.checks) if answers.is_unknown(q.id)]
        return Report(
            generated_at=started.astimezone(timezone.utc),
            tool_version=__version__,
            language=self.lang,
            score=scored.score,
            grade=scored.grade,
            grade_capped=scored.grade_capped,
            categories=scored.categories,
            checks=scored.checks,
            findings=tuple(findings),
            top_actions=scored.top_actions,
            coverage=scored.coverage,
            unknown_answers=tuple(q.id for q in unknown),
            look_up=tuple(LookUp(q.id, q.prompt, q.lookup) for q in unknown),
            redacted=self.redact,
            label=self.label,
            mode=self.mode,
            warnings=self.warnings,
        )

    def _not_runnable(self, check: type[Check], ctx: Context) -> Finding | None:
        """The `skipped` finding of a check that cannot run here; None when it can run."""
        if check.id in self.skip:
            return _not_run(check, Status.SKIPPED, self.skip[check.id])
        if check.needs_network and self.offline and self.breach is None:
            return _not_run(check, Status.SKIPPED, _("not checked: --offline was given and this check "
                                                      "needs the network"))
        if check.needs_password and ctx.password is None:
            reason = ctx.password_missing or _("not checked: no password was given")
            return _not_run(check, Status.SKIPPED, reason)
        return None

    def _findings(self, check: type[Check], outcome: _Outcome, limit: float) -> list[Finding]:
        """The findings of a check that ran: its own, or one `error` finding saying what went wrong."""
        if outcome.error is not None:
            # Shown with --debug: a check may have put the password (or its hash) in its exception.
            self.tracebacks.append(f"{check.id}:\n{scrub(outcome.traceback, self.password)}")
            return [_not_run(check, Status.ERROR, _("the check failed with {error}; run with --debug for "
                                                     "details", error=type(outcome.error).__name__))]
        if outcome.results is None:
            return [_not_run(check, Status.ERROR, _("the check took longer than {seconds} s and was abandoned",
                                                     seconds=format(limit, "g")))]
        if outcome.printed:
            # Output of a check would mix into the report on the screen (and could hold what it was given).
            return [_not_run(check, Status.ERROR, _("the check printed output; checks must not print"))]
        results = outcome.results
        problem = _invalid_results(check, results)
        if problem is not None:
            return [_not_run(check, Status.ERROR, problem)]
        return results

    def _time_limit(self, check: type[Check]) -> float:
        limit = self.check_timeout if self.check_timeout is not None else _env_timeout()
        if check.needs_network or check.needs_password:
            limit += float(self.options.get("timeout") or NETWORK_ALLOWANCE)
        return limit


def _env_timeout() -> float:
    try:
        value = float(os.environ.get(CHECK_TIMEOUT_ENV, ""))
    except ValueError:
        return DEFAULT_CHECK_TIMEOUT
    return value if 0 < value < float("inf") else DEFAULT_CHECK_TIMEOUT


@dataclass
class _Outcome:
    """What running one check gave: its results, or the error it raised, or neither (it timed out)."""

    results: list[Any] | None = None
    error: BaseException | None = None
    traceback: str = ""
    printed: bool = False


def _run_isolated(checks: Sequence[type[Check]], limits: Sequence[float], ctx: Context) -> list[_Outcome]:
    """Run `checks` in turn, each for at most its limit in `limits`, with its output captured.

    The checks run one after another in a daemon worker thread while this thread waits, waking up
    only when the running check's limit has passed (no thread and no hand-over per check). A
    thread cannot be killed in Python: a check still running at its limit is abandoned, still
    running, in its thread (the process exits without waiting for it), its outcome is "timed out",
    and the checks after it continue in a new worker thread. Its output after the time limit is
    no longer captured.
    """
    outcomes: list[_Outcome] = []
    while len(outcomes) < len(checks):
        done = len(outcomes)
        outcomes.extend(_Worker(checks[done:], limits[done:], ctx).run())
    return outcomes


class _Worker:
    """One worker thread running checks in turn; `run` (in the caller's thread) watches their limits.

    State shared by both threads is guarded by `_lock`: once the caller gives up (a check's limit
    passed, or the caller was interrupted) it sets `_abandoned` and puts back the standard streams;
    from then on the worker thread records nothing and touches no stream.
    """

    def __init__(self, checks: Sequence[type[Check]], limits: Sequence[float], ctx: Context) -> None:
        self._checks = checks
        self._limits = limits
        self._ctx = ctx
        self._lock = threading.Lock()
        # Set by the worker when all checks are done, or when a check starts whose limit ends before
        # the moment the caller is sleeping until (a short limit after a long one).
        self._wake = threading.Event()
        self._waiting_until = 0.0
        self._abandoned = False
        self._outcomes: list[_Outcome] = []
        self._captured = io.StringIO()
        self._deadline = 0.0

    def run(self) -> list[_Outcome]:
        """The outcomes of the checks in order, up to and including the first that timed out."""
        saved = sys.stdout, sys.stderr
        thread = threading.Thread(target=self._work, name=f"kakaoaudit-check-{self._checks[0].id}", daemon=True)
        try:
            with self._lock:
                self._start(0)
            thread.start()
            while True:
                with self._lock:
                    if len(self._outcomes) == len(self._checks):
                        break
                    remaining = self._deadline - time.monotonic()
                    if remaining <= 0:
                        self._abandoned = True
                        self._outcomes.append(_Outcome())  # timed out: neither results nor an error
                        break
                    self._waiting_until = self._deadline
                    self._wake.clear()
                self._wake.wait(remaining)
        finally:
            with self._lock:
                self._abandoned = True
                sys.stdout, sys.stderr = saved
        return self._outcomes

    def _start(self, index: int) -> None:
        """Make check `index` the running one: its limit starts now and its output goes to a new buffer."""
        self._deadline = time.monotonic() + self._limits[index]
        if self._deadline < self._waiting_until:
            self._wake.set()
        self._captured = io.StringIO()
        sys.stdout = sys.stderr = self._captured

    def _work(self) -> None:
        for index, check in enumerate(self._checks):
            threading.current_thread().name = f"kakaoaudit-check-{check.id}"
            captured = self._captured
            outcome = _Outcome()
            try:
                # A fresh context per check, as in a thread of its own: no context variable leaks between checks.
                outcome.results = contextvars.Context().run(_results, check, self._ctx)
            except BaseException as error:  # SystemExit or KeyboardInterrupt raised by a check, too
                import traceback  # noqa: PLC0415 - only when a check fails

                outcome.error = error
                outcome.traceback = traceback.format_exc()
            with self._lock:
                if self._abandoned:
                    return
                outcome.printed = bool(captured.getvalue())
                self._outcomes.append(outcome)
                if index + 1 < len(self._checks):
                    self._start(index + 1)
        self._wake.set()


def _results(check: type[Check], ctx: Context) -> list[Any]:
    return list(check().run(ctx))


def _invalid_results(check: type[Check], results: list[Any]) -> Msg | None:
    if not results:
        return _("the check returned no result")
    for result in results:
        if not isinstance(result, Finding):
            return _("the check returned {type} instead of a Finding", type=type(result).__name__)
        if result.check_id != check.id:
            return _("the check returned a finding of another check ({id})", id=result.check_id)
        if not 0 <= result.points <= result.max_points:
            return _("the check returned points outside 0..max_points")
    return None


def _not_run(check: type[Check], status: Status, reason: Msg) -> Finding:
    return Finding(
        check_id=check.id,
        code=status.value,
        status=status,
        severity=Severity.INFO,
        title=check.title,
        detail=reason,
        advice_ids=tuple(check.advice_ids),
        # Only the sources that back no fact: the finding states nothing about Kakao (kakaoaudit.core.facts).
        references=tuple(url for url in check.references if url not in FACT_URLS),
    )
