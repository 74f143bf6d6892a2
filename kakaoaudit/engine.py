"""The Auditor: select checks, collect their questions, run them in isolation, score, report."""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from kakaoaudit import __version__
from kakaoaudit.answers import Answers
from kakaoaudit.api import BreachLookup, Check, Context
from kakaoaudit.errors import UsageError
from kakaoaudit.i18n import Msg, translator
from kakaoaudit.model import Category, Finding, Report, Severity, Status
from kakaoaudit.questions import Question
from kakaoaudit.scoring import CheckInfo, score
from kakaoaudit.secret import Secret

_ = translator("kakaoaudit")

#: Seconds a check may run before it is reported as `error` (environment: KAKAOAUDIT_CHECK_TIMEOUT).
DEFAULT_CHECK_TIMEOUT = 10.0
CHECK_TIMEOUT_ENV = "KAKAOAUDIT_CHECK_TIMEOUT"
#: Extra seconds for a check that uses the network: the breach lookup's own total limit
#: (kakaoaudit.breach.DEFAULT_TOTAL_TIMEOUT, not imported: it would load urllib and ssl), so that a slow
#: lookup ends as the check's `unknown`, not as a time-out `error`.
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
    nearest = difflib.get_close_matches(name, valid, n=1, cutoff=0.5) or difflib.get_close_matches(
        name.upper(), valid, n=1, cutoff=0.5
    )
    if nearest:
        raise UsageError(_("no check or category '{name}'; did you mean '{suggestion}'?", name=name,
                           suggestion=nearest[0]))
    raise UsageError(_("no check or category '{name}'; 'kakaoaudit checks' lists them", name=name))


def questions_of(checks: Iterable[type[Check]]) -> list[Question]:
    """The questions of `checks`, each id once, in check order."""
    seen: dict[str, Question] = {}
    for check in checks:
        for question in check.questions:
            seen.setdefault(question.id, question)
    return list(seen.values())


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
    now: Callable[[], datetime] = field(default=lambda: datetime.now(timezone.utc))
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
        )
        findings: list[Finding] = []
        for check in self.checks:
            findings.extend(self._run_one(check, ctx))
        infos = [CheckInfo(c.id, c.title, c.category, c.weight) for c in self.checks]
        scored = score(infos, findings)
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
            redacted=self.redact,
            label=self.label,
            mode=self.mode,
            warnings=self.warnings,
        )

    def _run_one(self, check: type[Check], ctx: Context) -> list[Finding]:
        if check.needs_network and self.offline and self.breach is None:
            return [_not_run(check, Status.SKIPPED, _("not checked: --offline was given and this check "
                                                       "needs the network"))]
        if check.needs_password and ctx.password is None:
            reason = ctx.password_missing or _("not checked: no password was given")
            return [_not_run(check, Status.SKIPPED, reason)]
        limit = self._time_limit(check)
        outcome = _run_isolated(check, ctx, limit)
        if outcome.error is not None:
            self.tracebacks.append(f"{check.id}:\n{outcome.traceback}")
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


def _run_isolated(check: type[Check], ctx: Context, limit: float) -> _Outcome:
    """Run `check` in a worker thread for at most `limit` seconds, with its output captured.

    A thread cannot be killed in Python: a check that hangs is abandoned, still running, in a daemon
    thread (the process exits without waiting for it). Its output after the time limit is no longer
    captured.
    """
    outcome = _Outcome()
    captured = io.StringIO()

    def work() -> None:
        try:
            outcome.results = list(check().run(ctx))
        except BaseException as error:  # SystemExit or KeyboardInterrupt raised by a check, too
            outcome.error = error
            outcome.traceback = traceback.format_exc()

    worker = threading.Thread(target=work, name=f"kakaoaudit-check-{check.id}", daemon=True)
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        worker.start()
        worker.join(limit)
    if worker.is_alive():
        return _Outcome()
    outcome.printed = bool(captured.getvalue())
    return outcome


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
        references=tuple(check.references),
    )
