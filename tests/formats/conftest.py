"""Reports for the format tests: the demo, and edge cases built from small checks of every kind.

`report_of(kind)` gives a `Report`:

* ``all-pass``: every check passes (one per section: P1, P2 with a standards note, P3, travel,
  recovery, a plugin check without ADVICE IDs);
* ``all-unknown``: every check answers "unknown" (nothing can be scored);
* ``nothing``: no check selected at all;
* ``mixed``: fail / warn / pass / unknown / skipped / error, a trip, a suppressed finding, notes, a
  warning, unmasked contacts, and hostile text (``<script>``) in the label and a plugin's title.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.api import Category, Check, Context, Finding, Private, Severity, Status
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.engine import Auditor
from kakaoaudit.core.i18n import LANGUAGES, translator
from kakaoaudit.core.model import ChecklistItem, Phase, Report, Suppressed, TimeDifference, TravelPlan
from kakaoaudit.formats.json_report import to_dict

_ = translator("tests.formats")

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'
KINDS = ("demo", "all-pass", "all-unknown", "nothing", "mixed")
FORMATS = ("table", "json", "markdown", "html")

def _check(check_id: str, category: Category, advice: tuple[str, ...], outcome: str, *,
           note: bool = False, title: str | None = None, contact: bool = False) -> type[Check]:
    """A small check that yields one finding with the given outcome."""

    class Made(Check):
        id = check_id
        weight = 10
        advice_ids = advice
        references = (f"https://example.org/{check_id.lower()}",)

        def run(self, ctx: Context) -> Iterable[Finding]:
            status = Status(outcome)
            extra: dict[str, Any] = {}
            if note:
                extra["note"] = _("NIST says something different about {what}.", what=check_id)
            detail = _("Why {id} matters.", id=check_id)
            if contact:
                detail = _("Your phone {phone} is registered.", phone=Private("+81 90-1234-5678", "+81 90-****-5678"))
            if status is Status.UNKNOWN:
                detail = _("You answered that you do not know.")
            yield self.finding(
                status,
                _(title) if title else _("Finding of {id} ({status})", id=check_id, status=outcome),
                code=f"{check_id.lower()}-{outcome}",
                detail=detail,
                advice=[_("First do this for {id}.", id=check_id), _("Then that.")],
                severity=Severity.HIGH if status is Status.FAIL else None,
                **extra,
            )

    Made.title = _(title) if title else _("Check {id}", id=check_id)
    Made.category = category
    Made.__name__ = Made.__qualname__ = f"Check{check_id}"
    return Made


def _checks(outcomes: dict[str, str]) -> list[type[Check]]:
    layout = [
        ("KA501", Category.CONDUCT, ("P1.1", "P1.3")),
        ("KA101", Category.PASSWORD, ("P2.2", "P2.4")),
        ("KA301", Category.CONTACTS, ("P3.1", "C3")),
        ("KA601", Category.TRAVEL, ("O1",)),
        ("KA701", Category.RECOVERY, ("P4.1", "S1")),
        ("EXM101", Category.SECURITY, ()),
    ]
    return [
        _check(check_id, category, advice, outcomes.get(check_id, "pass"), note=check_id == "KA101",
               title=HOSTILE if check_id == "EXM101" and outcomes.get("hostile") else None,
               contact=check_id == "KA301")
        for check_id, category, advice in layout
    ]


class _Broken(Check):
    id = "KA702"
    title = _("A check that crashes")
    category = Category.RECOVERY
    advice_ids = ("R2",)

    def run(self, ctx: Context) -> Iterable[Finding]:
        raise RuntimeError("boom")


def build(kind: str) -> Report:
    """One of the edge reports (see the module docstring)."""
    answers = Answers({})
    if kind == "nothing":
        return Auditor(checks=[], now=lambda: NOW).run(answers)
    if kind == "all-pass":
        return Auditor(checks=_checks({}), now=lambda: NOW, label="母").run(answers)
    if kind == "all-unknown":
        outcomes = dict.fromkeys(("KA501", "KA101", "KA301", "KA601", "KA701", "EXM101"), "unknown")
        return Auditor(checks=_checks(outcomes), now=lambda: NOW).run(answers)
    if kind == "mixed":
        outcomes = {"KA501": "warn", "KA101": "fail", "KA301": "pass", "KA601": "unknown", "KA701": "skipped",
                    "EXM101": "fail", "hostile": "yes"}
        report = Auditor(checks=[*_checks(outcomes), _Broken], now=lambda: NOW, label=HOSTILE, redact=False,
                         warnings=(_("A plugin failed to load."),)).run(answers)
        plan = TravelPlan(
            destination="TW",
            depart=date(2026, 12, 20),
            return_date=date(2027, 1, 3),
            time_differences=(TimeDifference("Asia/Taipei", "-1:00"),),
            checklist=(
                ChecklistItem(Phase.AFTER_RETURN, _("Remove the travel country."), "KA601"),
                ChecklistItem(Phase.NOW, _("Add Taiwan to the allowed countries."), "KA601", done=True),
                ChecklistItem(Phase.ABROAD, _("Avoid public Wi-Fi for signing in."), None),
                ChecklistItem(Phase.DAY_BEFORE, _("Charge the phone."), None),
            ),
        )
        suppressed = (Suppressed(report.findings[0], "my reason <i>", date(2027, 6, 1)),)
        return replace(report, travel=plan, suppressed=suppressed, notes=(_("A suppression expired."),))
    raise ValueError(kind)


@pytest.fixture
def report_of(cli: Callable[..., Any]) -> Callable[[str], Report]:
    """The report of `kind`; "demo" runs the real demo (JSON) and rebuilds it."""
    from kakaoaudit.formats.json_report import from_dict

    def make(kind: str) -> Report:
        if kind == "demo":
            result = cli("demo", "--format", "json")
            assert result.exit_code in (0, 1), result.stderr
            return from_dict(result.json())
        return build(kind)

    return make


@pytest.fixture
def saved(tmp_path: Path, report_of: Callable[[str], Report]) -> Callable[[str, str], Path]:
    """The report of `kind` saved as a JSON file in `lang` (what `--format json -o` writes)."""

    def save(kind: str, lang: str = "en") -> Path:
        path = tmp_path / f"{kind}-{lang}.json"
        path.write_text(json.dumps(to_dict(report_of(kind), lang=lang), ensure_ascii=False, indent=2),
                        encoding="utf-8")
        return path

    return save


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture
def edge() -> Callable[[str], Report]:
    """`build` as a fixture (test modules cannot import conftest with --import-mode=importlib)."""
    return build
