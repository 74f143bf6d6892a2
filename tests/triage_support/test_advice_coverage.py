"""What docs/advice-coverage.md credits to `kakaoaudit triage` / `support-kit` is really in their output."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from kakaoaudit.triage import support_kit
from kakaoaudit.triage.assess import KEEP, NEVER, STEPS, Assessment, Confidence, Facts, Situation, notes
from kakaoaudit.triage.restriction import resolve_place

COVERAGE = Path(__file__).resolve().parents[2] / "docs" / "advice-coverage.md"
ROW = re.compile(r"^\|\s*(?P<id>[A-Z]\d+(?:\.\d+)?)\s*\|[^|]*\|(?P<covered>[^|]*)\|\s*$")


def credited(command: str) -> set[str]:
    if not COVERAGE.exists():
        pytest.skip("docs/advice-coverage.md is not there")
    found = set()
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match and f"`kakaoaudit {command}`" in match["covered"]:
            found.add(match["id"])
    return found


def triage_sources() -> set[str]:
    now = datetime(2026, 11, 28, tzinfo=timezone.utc)
    everything = Facts(symptoms=frozenset(), moment=None, notice_kind="policy_violation", matches=(),
                       other_apps_online=None, past_restrictions="several", suspicious_login=True, abroad=True,
                       place=resolve_place("JP", "", now.date()), korean_number=False, now=now)
    assessment = Assessment(Situation.PROTECTIVE_MEASURE, Confidence.LOW, {}, ())
    items = [*KEEP, *NEVER, *notes(everything, assessment), *(item for steps in STEPS.values() for item in steps)]
    return {source for item in items for source in item.sources}


def kit_sources() -> set[str]:
    lists = (support_kit.BEFORE_SENDING, support_kit.ATTACHMENTS, support_kit.ATTACHMENTS_ABROAD,
             support_kit.HOW_TO_SEND, support_kit.HOW_TO_SEND_ABROAD, support_kit.AFTER_SENDING, support_kit.REAPPLY)
    return {source for items in lists for item in items for source in item.sources} | set(support_kit.DRAFT_SOURCES)


@pytest.mark.parametrize(("command", "sources"), [("triage", triage_sources), ("support-kit", kit_sources)])
def test_every_credited_item_is_in_the_output(command: str, sources: object) -> None:
    claimed = credited(command)
    assert claimed, f"no row credits kakaoaudit {command}"
    assert callable(sources)
    missing = claimed - sources()
    assert not missing, f"advice-coverage.md credits kakaoaudit {command} with {sorted(missing)}"
