"""Each check runs within its time limit, its output captured, isolated from the others.

The checks run one after another in a worker thread (no thread per check): a check that hangs is
abandoned at its limit and the checks after it still run; what a check prints is caught as its
own; context variables (the decimal context among them) do not leak from one check to the next;
the standard streams are the caller's again afterwards, also after a time-out.
"""

from __future__ import annotations

import contextvars
import decimal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

from kakaoaudit.api import Category, Check, Context, Finding, Status
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.engine import Auditor
from kakaoaudit.core.i18n import translator

_ = translator("kakaoaudit")

LIMIT = 0.3
LEAK: contextvars.ContextVar[str] = contextvars.ContextVar("leak", default="unset")


def make(check_id: str, run: Callable[[Check, Context], Iterable[Any]]) -> type[Check]:
    namespace = {"id": check_id, "title": _("OK"), "category": Category.SECURITY, "run": run}
    return type(f"C{check_id}", (Check,), namespace)


def passing(self: Check, ctx: Context) -> Iterator[Finding]:
    yield self.finding(Status.PASS, _("OK"), code="ok")


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set at the end of the test: lets the abandoned checks end instead of lingering."""
    event = threading.Event()
    yield event
    event.set()


def audit(*checks: type[Check]) -> tuple[dict[str, tuple[Status, str]], Auditor]:
    auditor = Auditor(checks=checks, check_timeout=LIMIT)
    report = auditor.run(Answers({}))
    outcome = {f.check_id: (f.status, f.detail.render("en") if f.detail else f.code) for f in report.findings}
    assert [f.check_id for f in report.findings] == [check.id for check in checks]
    return outcome, auditor


def test_a_hanging_check_is_abandoned_and_the_following_checks_run(release: threading.Event) -> None:
    def hangs(self: Check, ctx: Context) -> Iterator[Finding]:
        release.wait(30)
        yield self.finding(Status.PASS, _("never reported"), code="late")

    started = time.monotonic()
    outcome, _auditor = audit(make("EXM101", passing), make("EXM102", hangs), make("EXM103", passing),
                              make("EXM104", hangs), make("EXM105", passing))
    elapsed = time.monotonic() - started
    assert outcome["EXM101"][0] is outcome["EXM103"][0] is outcome["EXM105"][0] is Status.PASS
    for check_id in ("EXM102", "EXM104"):
        assert outcome[check_id][0] is Status.ERROR
        assert f"longer than {LIMIT:g} s" in outcome[check_id][1]
    assert 2 * LIMIT <= elapsed < 2 * LIMIT + 5


def test_a_short_limit_after_a_long_one_is_kept(release: threading.Event) -> None:
    # The first check may take LIMIT + 20 s (it uses the network) but ends at once; the caller,
    # sleeping until that long limit, must still stop the hanging check after LIMIT.
    def hangs(self: Check, ctx: Context) -> Iterator[Finding]:
        release.wait(30)
        yield self.finding(Status.PASS, _("never reported"), code="late")

    def brief(self: Check, ctx: Context) -> Iterator[Finding]:
        time.sleep(0.1)  # the caller is asleep by now
        yield self.finding(Status.PASS, _("OK"), code="ok")

    networked = make("EXM101", brief)
    networked.needs_network = True
    auditor = Auditor(checks=[networked, make("EXM102", hangs)], check_timeout=LIMIT, options={"timeout": 20})
    started = time.monotonic()
    report = auditor.run(Answers({}))
    elapsed = time.monotonic() - started
    assert [finding.status for finding in report.findings] == [Status.PASS, Status.ERROR]
    assert LIMIT <= elapsed < LIMIT + 5


def test_the_limit_is_each_checks_own_not_the_sum() -> None:
    def quick_enough(self: Check, ctx: Context) -> Iterator[Finding]:
        time.sleep(LIMIT * 0.4)
        yield self.finding(Status.PASS, _("OK"), code="ok")

    outcome, _auditor = audit(*(make(f"EXM10{n}", quick_enough) for n in range(1, 6)))
    assert {status for status, _detail in outcome.values()} == {Status.PASS}


def test_output_is_caught_per_check_and_the_streams_come_back(release: threading.Event,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    def prints(self: Check, ctx: Context) -> Iterator[Finding]:
        print("to stdout")
        yield self.finding(Status.PASS, _("OK"), code="ok")

    def writes_stderr(self: Check, ctx: Context) -> Iterator[Finding]:
        sys.stderr.write("to stderr")
        yield self.finding(Status.PASS, _("OK"), code="ok")

    def hangs(self: Check, ctx: Context) -> Iterator[Finding]:
        print("before the limit")
        release.wait(30)
        yield self.finding(Status.PASS, _("OK"), code="ok")

    stdout, stderr = sys.stdout, sys.stderr
    outcome, _auditor = audit(make("EXM101", prints), make("EXM102", passing), make("EXM103", writes_stderr),
                              make("EXM104", hangs))
    assert sys.stdout is stdout and sys.stderr is stderr
    assert outcome["EXM101"] == (Status.ERROR, "the check printed output; checks must not print")
    assert outcome["EXM102"][0] is Status.PASS
    assert outcome["EXM103"] == (Status.ERROR, "the check printed output; checks must not print")
    assert outcome["EXM104"] == (Status.ERROR, f"the check took longer than {LIMIT:g} s and was abandoned")
    captured = capsys.readouterr()
    for text in ("to stdout", "to stderr", "before the limit"):
        assert text not in captured.out + captured.err


@pytest.mark.parametrize("error", [SystemExit(3), KeyboardInterrupt(), ZeroDivisionError("boom")])
def test_a_check_that_raises_anything_is_an_error(error: BaseException) -> None:
    def raises(self: Check, ctx: Context) -> Iterator[Finding]:
        raise error
        yield  # pragma: no cover - a generator

    outcome, auditor = audit(make("EXM101", raises), make("EXM102", passing))
    assert outcome["EXM101"][0] is Status.ERROR
    assert type(error).__name__ in outcome["EXM101"][1]
    assert outcome["EXM102"][0] is Status.PASS
    assert auditor.tracebacks and auditor.tracebacks[0].startswith("EXM101:")


def test_context_variables_and_the_decimal_context_do_not_leak_between_checks() -> None:
    seen: list[tuple[str, int]] = []

    def changes(self: Check, ctx: Context) -> Iterator[Finding]:
        seen.append((LEAK.get(), decimal.getcontext().prec))
        LEAK.set("set by a check")
        decimal.getcontext().prec = 5
        yield self.finding(Status.PASS, _("OK"), code="ok")

    LEAK.set("the caller's")
    audit(make("EXM101", changes), make("EXM102", changes))
    assert seen == [("unset", 28), ("unset", 28)]
    assert LEAK.get() == "the caller's"


def test_checks_run_one_after_another_in_a_thread_of_their_own() -> None:
    running: list[str] = []
    names: list[str] = []

    def records(self: Check, ctx: Context) -> Iterator[Finding]:
        running.append(self.id)
        names.append(threading.current_thread().name)
        assert threading.current_thread() is not threading.main_thread()
        time.sleep(0.01)
        assert running[-1] == self.id  # nothing else ran meanwhile
        yield self.finding(Status.PASS, _("OK"), code="ok")

    audit(*(make(f"EXM10{n}", records) for n in range(1, 4)))
    assert running == ["EXM101", "EXM102", "EXM103"]
    assert names == ["kakaoaudit-check-EXM101", "kakaoaudit-check-EXM102", "kakaoaudit-check-EXM103"]


def test_the_network_allowance_is_the_lookups_own_limit() -> None:
    from kakaoaudit.breach.ranges import DEFAULT_TOTAL_TIMEOUT
    from kakaoaudit.core.engine import NETWORK_ALLOWANCE

    assert NETWORK_ALLOWANCE == DEFAULT_TOTAL_TIMEOUT
