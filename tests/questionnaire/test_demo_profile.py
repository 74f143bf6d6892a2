"""The demo profile tells one story: its trip is ahead of today, and its answers agree with each other."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kakaoaudit.questionnaire.demo_profile import demo_document


def test_the_trip_and_the_backup_are_relative_to_today() -> None:
    today = date(2031, 6, 1)
    document = demo_document(today)
    assert document["travel"]["depart"] == today + timedelta(days=12)
    assert document["travel"]["return"] == today + timedelta(days=21)
    assert document["recovery"]["chat_backup_on"] == today - timedelta(days=20)
    assert document["triage"]["since"].startswith((today - timedelta(days=2)).isoformat())


def test_each_fact_is_in_the_profile_once() -> None:
    document = demo_document(date(2026, 11, 28))
    assert "past_restrictions" not in document["triage"]  # conduct.restricted_before, asked once
    assert "chat_backup_on" not in document["travel"]  # recovery.chat_backup_on
    assert "backup_email" not in document["security"]["two_step"]  # contacts.backup.kind
    # It does not remember looking at the devices, so it says nothing about what it saw there.
    assert document["security"]["sessions"] == {"reviewed_on": "unknown"}


def test_the_demo_report_agrees_with_itself(cli: Any) -> None:
    result = cli("demo", "--format", "json")
    data = result.json()
    codes = {f["code"]: f for f in data["findings"]}
    today = date.fromisoformat(data["generated_at"][:10])
    assert data["travel"]["depart"] == (today + timedelta(days=12)).isoformat()
    # The chat backup: "more than 2 weeks old" in KA705 and too old for the trip in KA608, never "recent".
    assert {"KA705", "KA608"} <= {f["check_id"] for f in data["findings"] if f["code"] == "backup-old"}
    assert "backup-recent" not in codes
    # Restricted once, in the audit; no "no unknown devices" credit without a look.
    assert "restricted-once" in codes and "sessions-none-unknown" not in codes
    triage = cli("triage", "--demo", "--format", "json", "--lang", "en").json()
    # The triage demo reads the same past restriction (once), where it used to say "never".
    assert any("restricted once before" in reason for reason in triage["reasons"]), triage["reasons"]
