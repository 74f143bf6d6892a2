"""KA201 breached password: findings for every outcome of a lookup, with real lookups where it matters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.api import Context, Finding, Secret, Severity, Status
from kakaoaudit.breach.offline import OfflineDataset
from kakaoaudit.breach.ranges import ERROR_KINDS, FAULTS, BreachLookupError
from kakaoaudit.breach.sources import SourcedLookup, make_breach, sample_password
from kakaoaudit.checks.breached_password import BreachedPassword
from kakaoaudit.core.check import BreachSource
from kakaoaudit.core.secret import DEMO_PASSWORD

DEMO, OFFLINE, ONLINE = BreachSource.DEMO, BreachSource.OFFLINE, BreachSource.ONLINE


class FakeLookup:
    """Answers a fixed count, or raises; records what it was asked."""

    def __init__(self, result: int | BaseException) -> None:
        self.result = result
        self.calls = 0

    def count(self, password: Secret) -> int:
        self.calls += 1
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result


def run(make_ctx: Callable[..., Context], password: Any, lookup: Any, **options: Any) -> Finding:
    findings = list(BreachedPassword().run(make_ctx(password, {}, breach=lookup, options=options or None)))
    assert len(findings) == 1
    return findings[0]


@pytest.mark.parametrize("source", [ONLINE, OFFLINE, DEMO, None])
def test_found_is_a_critical_fail_with_the_count(make_ctx: Callable[..., Context], source: str | None) -> None:
    lookup = FakeLookup(9_659_365) if source is None else SourcedLookup(FakeLookup(9_659_365), source)
    finding = run(make_ctx, "password", lookup)
    assert (finding.code, finding.status, finding.severity) == ("breached", Status.FAIL, Severity.CRITICAL)
    assert "9,659,365" in finding.title.render("en") and "9,659,365" in finding.title.render("ja")
    assert finding.points == 0 and finding.max_points == 20
    advice = " ".join(message.render("en") for message in finding.advice)
    assert "now" in advice and "everywhere" in advice
    assert any("cs.kakao.com/search" in ref for ref in finding.references)  # K6
    assert "protective measure can be triggered" in finding.detail.render("en")


def test_not_found_passes_and_says_what_it_covers(make_ctx: Callable[..., Context]) -> None:
    finding = run(make_ctx, "Granite-Violin-Teacup", SourcedLookup(FakeLookup(0), ONLINE))
    assert (finding.code, finding.status) == ("not-breached", Status.PASS)
    detail = finding.detail.render("en")
    assert "first 5 characters" in detail and "does not prove" in detail


@pytest.mark.parametrize("kind", sorted(ERROR_KINDS))
def test_every_failure_is_unknown_with_a_reason_and_a_way_out(make_ctx: Callable[..., Context], kind: str) -> None:
    lookup = FakeLookup(BreachLookupError(kind, "the server answered HTTP 503 Service Unavailable for range 5BAA6"))
    finding = run(make_ctx, "password", lookup, timeout=7.5)
    assert (finding.code, finding.status) == ("lookup-failed", Status.UNKNOWN)
    reason = finding.detail.render("en")
    assert reason and reason != "The lookup failed."
    advice = " ".join(message.render("en") for message in finding.advice)
    assert ("--hibp-dataset" in advice) and ("--timeout" in advice or kind == "dataset")
    for message in (finding.title, finding.detail, *finding.advice):
        assert message.render("ja") != message.render("en")


@pytest.mark.parametrize(
    ("kind", "detail", "expected"),
    [
        ("http", "the server answered HTTP 503 Service Unavailable for range 5BAA6", "HTTP 503"),
        ("timeout", "the server did not answer in time", "7.5 seconds"),
        ("rate_limited", "the server answered HTTP 429 for range 5BAA6 after 3 attempts", "429"),
        ("malformed", "range body line 1 is not SUFFIX:COUNT", "sign-in page"),
    ],
)
def test_reasons_are_specific(make_ctx: Callable[..., Context], kind: str, detail: str, expected: str) -> None:
    finding = run(make_ctx, "password", FakeLookup(BreachLookupError(kind, detail)), timeout=7.5)
    assert expected in finding.detail.render("en")


#: The kinds the range client reports each fault with (kakaoaudit.breach.online).
FAULT_KINDS = {fault: ["malformed"] for fault in FAULTS} | {
    "cut_short": ["network"], "no_answer": ["network"], "redirect": ["http"], "proxy": ["refused", "http", "network"],
}


@pytest.mark.parametrize(("fault", "kind"), [(f, k) for f in sorted(FAULTS) for k in FAULT_KINDS[f]])
def test_every_fault_is_named_in_every_language(make_ctx: Callable[..., Context], fault: str, kind: str) -> None:
    error = BreachLookupError(kind, "the server answered HTTP 302 Found for range 5BAA6", fault)
    named = run(make_ctx, "password", FakeLookup(error), timeout=7.5)
    plain = run(make_ctx, "password", FakeLookup(BreachLookupError(kind, error.detail)), timeout=7.5)
    assert named.status is Status.UNKNOWN
    assert named.detail.render("en") != plain.detail.render("en")  # more than the kind says
    assert len({named.detail.render(lang) for lang in ("en", "ja", "ko")}) == 3


def test_a_malformed_answer_names_its_fault(make_ctx: Callable[..., Context]) -> None:
    error = BreachLookupError("malformed", "two different Content-Length values", "content_length_conflict")
    finding = run(make_ctx, "password", FakeLookup(error))
    assert finding.detail.render("en") == (
        "The server's answer was malformed: two different Content-Length values.")
    assert "Content-Length" in finding.detail.render("ja")


def test_a_lone_surrogate_is_unknown_not_a_crash(make_ctx: Callable[..., Context], tmp_path: Path,
                                                 dataset_file: Callable[..., Path]) -> None:
    lookup = SourcedLookup(OfflineDataset(dataset_file(tmp_path / "p.txt", {"password": 3})), OFFLINE)
    finding = run(make_ctx, "ab\udcffcd", lookup)
    assert (finding.code, finding.status) == ("lookup-failed", Status.UNKNOWN)
    assert "UTF-8" in finding.detail.render("en")


def test_empty_password_and_missing_lookup(make_ctx: Callable[..., Context]) -> None:
    lookup = FakeLookup(5)
    empty = run(make_ctx, "", lookup)
    assert (empty.code, empty.status) == ("empty", Status.UNKNOWN) and lookup.calls == 0
    missing = run(make_ctx, "password", None)
    assert (missing.code, missing.status) == ("no-lookup", Status.SKIPPED)


def test_the_demo_sample_is_found_in_the_shipped_list(make_ctx: Callable[..., Context]) -> None:
    lookup = make_breach({}, demo=True)
    assert lookup is not None and lookup.source == DEMO
    finding = run(make_ctx, sample_password(), lookup)
    assert (finding.code, finding.status) == ("breached", Status.FAIL)
    title = finding.title.render("en")
    assert "sample" in title and DEMO_PASSWORD in title
    assert "not the real Pwned Passwords data" in finding.detail.render("en")


@pytest.mark.parametrize("shape", ["file", "folder"])
def test_offline_copies_end_to_end(make_ctx: Callable[..., Context], tmp_path: Path, shape: str,
                                   dataset_file: Callable[..., Path], range_folder: Callable[..., Path]) -> None:
    entries = {"hunter2": 17_043, "パスワード": 12}
    path = dataset_file(tmp_path / "p.txt", entries) if shape == "file" else range_folder(tmp_path / "d", entries)
    lookup = make_breach({"hibp_dataset": path, "offline": True}, demo=False)
    assert lookup is not None and lookup.source == OFFLINE
    assert run(make_ctx, "hunter2", lookup).status is Status.FAIL
    assert run(make_ctx, "パスワード", lookup).code == "breached"
    if shape == "file":  # the folder form has only the prefixes of the entries
        assert run(make_ctx, "Granite-Violin-Teacup", lookup).status is Status.PASS
    assert "downloaded copy" in run(make_ctx, "hunter2", lookup).detail.render("en")


def test_offline_with_a_downloaded_copy_runs_and_without_it_skips(tmp_path: Path,
                                                                  dataset_file: Callable[..., Path]) -> None:
    from kakaoaudit.core.answers import Answers
    from kakaoaudit.core.engine import Auditor

    copy = SourcedLookup(OfflineDataset(dataset_file(tmp_path / "p.txt", {"hunter2": 8})), OFFLINE)
    with_copy = Auditor(checks=[BreachedPassword], offline=True, breach=copy, password=Secret("hunter2"))
    [finding] = with_copy.run(Answers({})).findings
    assert (finding.code, finding.status) == ("breached", Status.FAIL)
    without = Auditor(checks=[BreachedPassword], offline=True, breach=None, password=Secret("hunter2"))
    [skipped] = without.run(Answers({})).findings
    assert skipped.status is Status.SKIPPED and "--offline" in skipped.detail.render("en")
