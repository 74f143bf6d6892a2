"""HistoryStore.diff: fixed, new and changed findings across audits, checks added and removed."""

from __future__ import annotations

from typing import Any

import pytest

from kakaoaudit.history.store import REASON_CHECK_ADDED, REASON_CHECK_REMOVED, FindingChange, HistoryStore


def keys(changes: tuple[FindingChange, ...]) -> list[tuple[str, str]]:
    return [(c.check_id, c.code) for c in changes]


@pytest.fixture
def pair(store: HistoryStore, make_report: Any, make_finding: Any) -> tuple[HistoryStore, int, int]:
    f = make_finding
    before = [
        f("KA101", "a", "fail"),  # -> pass: fixed
        f("KA102", "b", "warn"),  # check removed: fixed
        f("KA103", "c", "fail"),  # the check now reports another code: c fixed, c2 new
        f("KA104", "d", "pass"),  # -> fail: new
        f("KA106", "f", "warn", severity="high"),  # -> fail critical: changed
        f("KA107", "g", "fail"),  # -> error: changed (not fixed: it could not run)
        f("KA108", "h", "unknown"),  # -> fail: changed (not new: it was not known before)
        f("KA109", "i", "skipped"),  # -> skipped: unchanged
        f("KA110", "j", "fail", title="二段階認証がオフです"),  # same, title in another language
        f("KA111", "k", "pass", points=10),  # -> pass: unchanged
        f("KA113", "m", "pass"),  # check removed while passing: not reported
        f("KA114", "n", "warn", points=3),  # -> warn with 5 points: changed
        f("KA115", "o", "error"),  # check removed while erroring: changed
        f("KA116", "p", "pass"),  # -> skipped: changed
    ]
    after = [
        f("KA101", "a", "pass"),
        f("KA103", "c2", "warn"),
        f("KA104", "d", "fail"),
        f("KA105", "e", "fail"),  # a new check that fails: new
        f("KA106", "f", "fail", severity="critical"),
        f("KA107", "g", "error"),
        f("KA108", "h", "fail"),
        f("KA109", "i", "skipped"),
        f("KA110", "j", "fail", title="Two-step verification is off"),
        f("KA111", "k", "pass", points=10),
        f("KA112", "l", "skipped"),  # a new check that was skipped: changed
        f("KA114", "n", "warn", points=5),
        f("KA116", "p", "skipped"),
        f("KA117", "q", "pass"),  # a new check that passes: not reported
    ]
    old_id = store.add(make_report(0, findings=before))
    new_id = store.add(make_report(90, findings=after, score=80))
    return store, old_id, new_id


def test_diff_sorts_findings_into_fixed_new_and_changed(pair: tuple[HistoryStore, int, int]) -> None:
    store, old_id, new_id = pair
    diff = store.diff()

    assert (diff.old.id, diff.new.id) == (old_id, new_id)
    assert (diff.old.score, diff.new.score) == (72, 80)
    assert keys(diff.fixed) == [("KA101", "a"), ("KA102", "b"), ("KA103", "c")]
    assert keys(diff.new_findings) == [("KA103", "c2"), ("KA104", "d"), ("KA105", "e")]
    assert keys(diff.changed) == [
        ("KA106", "f"),
        ("KA107", "g"),
        ("KA108", "h"),
        ("KA112", "l"),
        ("KA114", "n"),
        ("KA115", "o"),
        ("KA116", "p"),
    ]
    assert diff.unchanged_count == 3  # KA109, KA110, KA111


def test_diff_marks_checks_added_and_removed(pair: tuple[HistoryStore, int, int]) -> None:
    store, _, _ = pair
    diff = store.diff()
    reasons = {(c.check_id, c.code): c.reason for c in diff.fixed + diff.new_findings + diff.changed}
    assert reasons[("KA102", "b")] == REASON_CHECK_REMOVED == "check removed"
    assert reasons[("KA115", "o")] == REASON_CHECK_REMOVED
    assert reasons[("KA105", "e")] == REASON_CHECK_ADDED
    assert reasons[("KA112", "l")] == REASON_CHECK_ADDED
    # The check still ran, with another code: neither added nor removed.
    assert reasons[("KA103", "c")] is None
    assert reasons[("KA103", "c2")] is None
    assert reasons[("KA101", "a")] is None


def test_diff_sides_carry_status_severity_points_title(pair: tuple[HistoryStore, int, int]) -> None:
    store, _, _ = pair
    diff = store.diff()
    [severity_change] = [c for c in diff.changed if c.check_id == "KA106"]
    assert severity_change.before == {"status": "warn", "severity": "high", "points": 0, "title": "KA106 f"}
    assert severity_change.after == {
        "status": "fail",
        "severity": "critical",
        "points": 0,
        "title": "KA106 f",
    }
    [removed] = [c for c in diff.fixed if c.check_id == "KA102"]
    assert removed.before is not None and removed.before["status"] == "warn"
    assert removed.after is None
    [added] = [c for c in diff.new_findings if c.check_id == "KA105"]
    assert added.before is None and added.after is not None


def test_diff_defaults_to_the_last_two_of_the_same_label(
    store: HistoryStore, make_report: Any, make_finding: Any
) -> None:
    fail = [make_finding("KA401", "two-step-off", "fail")]
    ok = [make_finding("KA401", "two-step-off", "pass")]
    me_1 = store.add(make_report(0, findings=fail))
    store.add(make_report(1, findings=fail, label="母"))
    me_2 = store.add(make_report(2, findings=ok))

    diff = store.diff()
    assert (diff.old.id, diff.new.id) == (me_1, me_2)  # the mother's audit is not in between
    assert keys(diff.fixed) == [("KA401", "two-step-off")]

    mom_2 = store.add(make_report(3, findings=ok, label="母"))
    diff = store.diff()
    assert diff.new.id == mom_2 and diff.old.label == "母"


def test_diff_with_explicit_ids(store: HistoryStore, make_report: Any, make_finding: Any) -> None:
    a = store.add(make_report(0, findings=[make_finding("KA1", "x", "fail")]))
    b = store.add(make_report(1, findings=[make_finding("KA1", "x", "pass")]))
    c = store.add(make_report(2, findings=[make_finding("KA1", "x", "warn")]))

    assert keys(store.diff(a, b).fixed) == [("KA1", "x")]
    assert keys(store.diff(b, c).new_findings) == [("KA1", "x")]
    assert keys(store.diff(a, c).changed) == [("KA1", "x")]
    assert store.diff(a).new.id == c  # new defaults to the newest
    assert store.diff(new_id=b).old.id == a  # old defaults to the one before new
    same = store.diff(b, b)
    assert (same.fixed, same.new_findings, same.changed, same.unchanged_count) == ((), (), (), 1)


def test_diff_needs_two_entries(store: HistoryStore, make_report: Any) -> None:
    with pytest.raises(LookupError, match="fewer than two"):
        store.diff()
    first = store.add(make_report(0))
    with pytest.raises(LookupError, match="fewer than two"):
        store.diff()
    with pytest.raises(LookupError):
        store.diff(new_id=first)
    second = store.add(make_report(1))
    with pytest.raises(LookupError, match="99"):
        store.diff(99, second)
    with pytest.raises(LookupError, match="99"):
        store.diff(first, 99)


def test_diff_pairs_repeated_codes_instead_of_hiding_one(
    store: HistoryStore, make_report: Any, make_finding: Any
) -> None:
    f = make_finding
    store.add(make_report(0, findings=[f("KA2", "device", "warn"), f("KA2", "device", "warn")]))
    store.add(make_report(1, findings=[f("KA2", "device", "warn")]))
    diff = store.diff()
    assert keys(diff.fixed) == [("KA2", "device")]
    assert diff.unchanged_count == 1


def test_diff_with_no_findings_on_either_side(store: HistoryStore, make_report: Any) -> None:
    store.add(make_report(0, findings=[]))
    store.add(make_report(1, findings=[]))
    diff = store.diff()
    assert (diff.fixed, diff.new_findings, diff.changed, diff.unchanged_count) == ((), (), (), 0)
