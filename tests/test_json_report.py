"""The JSON report round-trips through from_dict and renders again in another language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from kakaoaudit.core.answers import Answers
from kakaoaudit.core.engine import Auditor
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.model import ChecklistItem, Phase, Report, Suppressed, TimeDifference, TravelPlan
from kakaoaudit.core.registry import discover
from kakaoaudit.formats.json_report import from_dict, to_dict

_ = translator("kakaoaudit")


def demo_like_report() -> Report:
    checks = [c.check for c in discover().checks]
    answers = Answers({"security.two_step.enabled": False, "security.sms_filter_blocks_kakao": True})
    report = Auditor(checks=checks, now=lambda: datetime(2026, 11, 28, tzinfo=timezone.utc)).run(answers)
    plan = TravelPlan(
        destination="TW",
        depart=date(2026, 12, 20),
        return_date=date(2027, 1, 3),
        time_differences=(TimeDifference("Asia/Taipei", "-1:00"),),
        checklist=(ChecklistItem(Phase.NOW, _("Category"), "KA401", False),),
    )
    suppressed = (Suppressed(report.findings[0], "my reason", date(2027, 6, 1)),)
    return Report(**{**report.__dict__, "travel": plan, "suppressed": suppressed, "notes": (_("Status"),)})


def test_round_trip_is_stable(validate_report: Callable[[Any], None]) -> None:
    report = demo_like_report()
    first = to_dict(report, lang="en")
    validate_report(first)
    second = to_dict(from_dict(first), lang="en")
    assert second == first


def test_saved_report_renders_in_another_language(validate_report: Callable[[Any], None]) -> None:
    english = to_dict(demo_like_report(), lang="en")
    japanese = to_dict(from_dict(english), lang="ja")
    validate_report(japanese)
    titles = {f["code"]: f["title"] for f in japanese["findings"]}
    assert titles["two-step-off"] == "2段階認証がオフになっている"
    assert japanese["travel"]["checklist"][0]["text"] == "カテゴリー"
    assert "セキュリティ設定" in [c["title"] for c in japanese["categories"]]
