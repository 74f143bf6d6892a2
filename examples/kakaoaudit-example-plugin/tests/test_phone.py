"""EXM101 through kakaoaudit's API: every answer gives the right finding, in ja and en."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import metadata

import pytest
from kakaoaudit_example_plugin.phone import OS_UPDATES, SCREEN_LOCK, PhoneSecurity

from kakaoaudit.api import Answers, Context, Status


def findings(answers: dict[str, object]) -> dict[str, Status]:
    ctx = Context(answers=Answers(answers), now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))  # type: ignore[arg-type]
    return {f.code: f.status for f in PhoneSecurity().run(ctx)}


@pytest.mark.parametrize(
    ("lock", "updates", "expected"),
    [
        ("biometric", True, {"lock-ok": Status.PASS, "updates-ok": Status.PASS}),
        ("pin", False, {"lock-ok": Status.PASS, "updates-pending": Status.FAIL}),
        ("pattern", True, {"lock-pattern": Status.WARN, "updates-ok": Status.PASS}),
        ("none", True, {"lock-none": Status.FAIL, "updates-ok": Status.PASS}),
        ("unknown", "unknown", {"lock-unknown": Status.UNKNOWN, "updates-unknown": Status.UNKNOWN}),
    ],
)
def test_findings(lock: str, updates: object, expected: dict[str, Status]) -> None:
    assert findings({SCREEN_LOCK: lock, OS_UPDATES: updates}) == expected


def test_texts_are_translated() -> None:
    ctx = Context(answers=Answers({SCREEN_LOCK: "none", OS_UPDATES: False}),
                  now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))
    for finding in PhoneSecurity().run(ctx):
        assert finding.title.render("ja") != finding.title.render("en")
    assert PhoneSecurity.title.render("ja") == "スマートフォンの画面ロックとアップデート"


def test_registered_through_the_entry_point() -> None:
    points = metadata.entry_points(group="kakaoaudit.checks")
    assert any(p.name == "EXM101" and p.value == "kakaoaudit_example_plugin.phone:PhoneSecurity" for p in points)
