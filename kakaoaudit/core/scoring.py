"""Transparent scoring: points per check, per category and overall, the grade, the top actions.

Rules (documented in docs/scoring.md and shown in every report):

* Only pass, warn and fail findings are scored; unknown, skipped and error findings are left out
  of the denominator and listed apart with their reasons; info findings are never scored.
* The overall score is the account's: the travel checks are scored apart, as the trip's readiness
  (the score of the "Travel and VPN" category), so that planning a trip never changes the account's
  score. Only a report of nothing but travel checks (``kakaoaudit travel``) is scored on them.
* Each check is worth its `weight`. Its findings' points are scaled to it:
  check points = weight x (sum of finding points / sum of finding max points).
* Category and overall scores are 0-100: earned check points / possible check points.
* Coverage: the points of the checks that could decide, out of the points of every check that ran.
  Below `MIN_COVERAGE` there is no grade (None): too many answers were "I don't know" to grade.
* Grade: A >= 90, B >= 80, C >= 70, D >= 60, else F. A failed critical finding caps the grade
  at D (a leaked password is never an "A", whatever else is in order).
* Top actions: what protects the account most comes first (`top_actions`): failed and warned
  findings ordered by severity, then fix (fail) before check (warn), then the account's own
  protection (password, leaked passwords, security settings, registered contacts) before habits,
  travel and recovery readiness, then the points at stake, then check ID and code; at most one per
  check (its findings usually share one fix).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.model import (
    Category,
    CategoryScore,
    CheckSummary,
    Coverage,
    Finding,
    Severity,
    Status,
    TopAction,
)

GRADES: tuple[tuple[int, str], ...] = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))
CRITICAL_CAP = "D"
#: The share of the possible points that must be assessed for a grade (issue: "less than 60%: no grade").
MIN_COVERAGE = 0.6
TOP_ACTIONS = 3
#: Categories whose problems let someone into the account or lock its owner out: their top actions
#: come before those of habits, travel and recovery readiness of the same severity and status.
PROTECTING: frozenset[Category] = frozenset({Category.PASSWORD, Category.BREACH, Category.SECURITY,
                                             Category.CONTACTS})
_FIX_FIRST = {Status.FAIL: 0, Status.WARN: 1}

# The worst status first: the status a check summary shows.
_STATUS_ORDER = (Status.ERROR, Status.FAIL, Status.WARN, Status.UNKNOWN, Status.SKIPPED, Status.PASS, Status.INFO)


class CheckInfo(NamedTuple):
    """What scoring needs to know of a check."""

    check_id: str
    title: Msg
    category: Category
    weight: int


class Score(NamedTuple):
    """The scoring of one audit."""

    score: int | None
    grade: str | None
    grade_capped: bool
    categories: tuple[CategoryScore, ...]
    checks: tuple[CheckSummary, ...]
    top_actions: tuple[TopAction, ...]
    coverage: Coverage


def summarize_check(info: CheckInfo, findings: Sequence[Finding]) -> CheckSummary:
    """The check's points scaled to its weight, and its worst status."""
    scored = [f for f in findings if f.status.scored and f.max_points > 0]
    possible = sum(f.max_points for f in scored)
    earned = sum(f.points for f in scored)
    if possible:
        points, maximum = round(info.weight * earned / possible), info.weight
    else:
        points, maximum = 0, 0
    statuses = {f.status for f in findings} or {Status.SKIPPED}
    status = next(s for s in _STATUS_ORDER if s in statuses)
    return CheckSummary(info.check_id, info.title, info.category, info.weight, points, maximum, status)


def percent(earned: int, possible: int) -> int | None:
    return round(100 * earned / possible) if possible else None


def grade_for(score: int | None) -> str | None:
    if score is None:
        return None
    return next(letter for floor, letter in GRADES if score >= floor)


def coverage_of(summaries: Iterable[CheckSummary]) -> Coverage:
    """Points of the checks that decided, of the points of the checks that ran (not skipped)."""
    ran = [s for s in summaries if s.status is not Status.SKIPPED]
    return Coverage(sum(s.max_points for s in ran), sum(s.weight for s in ran))


def graded(score: int | None, coverage: Coverage) -> str | None:
    """The grade of `score`, or None when less than `MIN_COVERAGE` of the points could be assessed."""
    ratio = coverage.ratio
    if ratio is None or ratio < MIN_COVERAGE:
        return None
    return grade_for(score)


def score(infos: Sequence[CheckInfo], findings: Sequence[Finding]) -> Score:
    """Score an audit from its checks and all their findings."""
    by_check: dict[str, list[Finding]] = {info.check_id: [] for info in infos}
    for finding in findings:
        by_check.setdefault(finding.check_id, []).append(finding)
    summaries = tuple(summarize_check(info, by_check[info.check_id]) for info in infos)
    categories = tuple(_category_scores(summaries))
    account = account_checks(summaries)
    overall = percent(sum(s.points for s in account), sum(s.max_points for s in account))
    coverage = coverage_of(account)
    grade = graded(overall, coverage)
    capped = False
    if any(f.status is Status.FAIL and f.severity is Severity.CRITICAL for f in findings) and grade in ("A", "B", "C"):
        grade, capped = CRITICAL_CAP, True
    return Score(overall, grade, capped, categories, summaries, top_actions(summaries, findings), coverage)


def account_checks(summaries: Sequence[CheckSummary]) -> tuple[CheckSummary, ...]:
    """The checks the overall score rests on: all but the travel checks, which score the trip apart; only the
    travel checks when nothing else ran (a report of ``kakaoaudit travel``)."""
    ran = [s for s in summaries if s.status is not Status.SKIPPED]
    others = tuple(s for s in summaries if s.category is not Category.TRAVEL)
    if any(s.category is not Category.TRAVEL for s in ran) or not ran:
        return others
    return tuple(summaries)


def _category_scores(summaries: Iterable[CheckSummary]) -> Iterable[CategoryScore]:
    for category in Category:
        members = [s for s in summaries if s.category is category]
        if not members:
            continue
        earned = sum(s.points for s in members)
        possible = sum(s.max_points for s in members)
        yield CategoryScore(category, earned, possible, percent(earned, possible), len(members))


def top_actions(summaries: Sequence[CheckSummary], findings: Sequence[Finding],
                limit: int = TOP_ACTIONS) -> tuple[TopAction, ...]:
    """The failed and warned findings that protect the account most, in the order of `action_rank`;
    at most one per check. Points at stake are in check-weight terms (what the score gains)."""
    weights = {s.check_id: s.weight for s in summaries}
    categories = {s.check_id: s.category for s in summaries}
    possible: dict[str, int] = {}
    for finding in findings:
        if finding.status.scored:
            possible[finding.check_id] = possible.get(finding.check_id, 0) + finding.max_points
    candidates = []
    for finding in findings:
        if finding.status not in _FIX_FIRST:
            continue
        total = possible.get(finding.check_id) or 1
        stake = round(weights.get(finding.check_id, 0) * finding.points_at_stake / total)
        candidates.append((action_rank(finding, categories.get(finding.check_id), stake), stake, finding))
    candidates.sort(key=lambda item: item[0])
    chosen: list[TopAction] = []
    seen: set[str] = set()
    for _rank, stake, f in candidates:
        if f.check_id in seen:
            continue
        seen.add(f.check_id)
        chosen.append(TopAction(f.check_id, f.code, f.title, f.advice[0] if f.advice else None, f.severity, stake))
        if len(chosen) == limit:
            break
    return tuple(chosen)


def action_rank(finding: Finding, category: Category | None, stake: int) -> tuple[int, int, int, int, str, str]:
    """The sort key of a candidate top action (smaller first): severity (critical first), fix before
    check, the account's own protection (`PROTECTING`) before the rest, more points at stake, check
    ID, code."""
    return (-finding.severity.rank, _FIX_FIRST.get(finding.status, 2), 0 if category in PROTECTING else 1, -stake,
            finding.check_id, finding.code)
