"""The JSON report: a stable, versioned document described by `report.schema.json`.

Every text appears rendered in the report's language, and each finding, check and top action
also carries its messages in `i18n` (msgid and parameters), from which `from_dict` rebuilds a
`Report` that renders again in any language (`kakaoaudit show`).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from importlib.resources import files
from typing import Any

from kakaoaudit.core.disclaimer import DISCLAIMER
from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.model import (
    Category,
    CategoryScore,
    ChecklistItem,
    CheckSummary,
    Coverage,
    Finding,
    LookUp,
    Phase,
    Report,
    Severity,
    Status,
    Suppressed,
    TimeDifference,
    TopAction,
    TravelPlan,
)
from kakaoaudit.core.untrusted import json_safe

SCHEMA_VERSION = "1.2"
SCHEMA_RESOURCE = "report.schema.json"
#: Domain of texts that were stored without their message (plain strings): shown as they are.
LITERAL_DOMAIN = "kakaoaudit.literal"


def schema_text() -> str:
    """The JSON Schema of the report, as shipped in the package."""
    return files("kakaoaudit.formats").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")


def render(report: Report, *, lang: str) -> str:
    """The report as pretty-printed JSON (stable key and finding order), ending with a newline."""
    return json_safe(json.dumps(to_dict(report, lang=lang), ensure_ascii=False, indent=2)) + "\n"


def to_dict(report: Report, *, lang: str) -> dict[str, Any]:
    """The report as a JSON-ready dict in `lang`."""
    redact = report.redacted

    def text(msg: Msg | None) -> str | None:
        return None if msg is None else msg.render(lang, redact=redact)

    def i18n(msg: Msg | None) -> dict[str, Any] | None:
        return None if msg is None else msg.to_json(redact=redact)

    def listed(status: Status) -> list[dict[str, Any]]:
        return [
            {"check_id": f.check_id, "code": f.code, "reason": text(f.detail) or text(f.title)}
            for f in report.findings
            if f.status is status
        ]

    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": report.generated_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool": {"name": "kakaoaudit", "version": report.tool_version},
        "language": lang,
        "mode": report.mode,
        "label": report.label,
        "redacted": redact,
        "disclaimer": text(DISCLAIMER),
        "score": report.score,
        "grade": report.grade,
        "grade_capped": report.grade_capped,
        "coverage": {
            "assessed_points": report.coverage.assessed_points,
            "possible_points": report.coverage.possible_points,
        },
        "unknown_answers": list(report.unknown_answers),
        "look_up": [
            {
                "question_id": item.question_id,
                "prompt": text(item.prompt),
                "where": text(item.where),
                "i18n": {"prompt": i18n(item.prompt), "where": i18n(item.where)},
            }
            for item in report.look_up
        ],
        "categories": [
            {
                "category": c.category.value,
                "title": text(c.category.label),
                "points": c.points,
                "max_points": c.max_points,
                "score": c.score,
                "checks": c.checks,
            }
            for c in report.categories
        ],
        "checks": [
            {
                "check_id": c.check_id,
                "title": text(c.title),
                "category": c.category.value,
                "weight": c.weight,
                "points": c.points,
                "max_points": c.max_points,
                "status": c.status.value,
                "i18n": {"title": i18n(c.title)},
            }
            for c in report.checks
        ],
        "findings": [
            {
                "check_id": f.check_id,
                "code": f.code,
                "status": f.status.value,
                "severity": f.severity.value,
                "title": text(f.title),
                "detail": text(f.detail),
                "advice": [text(a) for a in f.advice],
                "note": text(f.note),
                "references": list(f.references),
                "advice_ids": list(f.advice_ids),
                "points": f.points,
                "max_points": f.max_points,
                "i18n": {
                    "title": i18n(f.title),
                    "detail": i18n(f.detail),
                    "advice": [i18n(a) for a in f.advice],
                    "note": i18n(f.note),
                },
            }
            for f in report.findings
        ],
        "top_actions": [
            {
                "check_id": t.check_id,
                "code": t.code,
                "title": text(t.title),
                "advice": text(t.advice),
                "severity": t.severity.value,
                "points_at_stake": t.points_at_stake,
            }
            for t in report.top_actions
        ],
        "unknown": listed(Status.UNKNOWN),
        "skipped": listed(Status.SKIPPED),
        "errors": listed(Status.ERROR),
        "warnings": [text(w) for w in report.warnings],
        "notes": [text(n) for n in report.notes],
        "suppressed": [
            {
                "check_id": s.finding.check_id,
                "code": s.finding.code,
                "status": s.finding.status.value,
                "severity": s.finding.severity.value,
                "title": text(s.finding.title),
                "reason": s.reason,
                "expires": s.expires.isoformat(),
            }
            for s in report.suppressed
        ],
        "travel": None if report.travel is None else _travel_dict(report.travel, text, i18n),
    }


def _travel_dict(plan: TravelPlan, text: Any, i18n: Any) -> dict[str, Any]:
    return {
        "destination": plan.destination,
        "depart": plan.depart.isoformat() if plan.depart else None,
        "return": plan.return_date.isoformat() if plan.return_date else None,
        "time_differences": [{"zone": d.zone, "offset_to_kst": d.offset_to_kst} for d in plan.time_differences],
        "checklist": [
            {
                "phase": item.phase.value,
                "text": text(item.text),
                "check_id": item.check_id,
                "done": item.done,
                "i18n": i18n(item.text),
            }
            for item in plan.checklist
        ],
    }


def from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a `Report` from a document that validated against the schema."""

    def msg(i18n: Any, fallback: str | None) -> Msg | None:
        if isinstance(i18n, dict):
            try:
                return Msg.from_json(i18n)
            except ValueError:
                pass
        return None if fallback is None else Msg(LITERAL_DOMAIN, fallback)

    findings = []
    for f in data["findings"]:
        i18n = f.get("i18n") or {}
        advice_i18n = i18n.get("advice") or [None] * len(f["advice"])
        findings.append(
            Finding(
                check_id=f["check_id"],
                code=f["code"],
                status=Status(f["status"]),
                severity=Severity(f["severity"]),
                title=msg(i18n.get("title"), f["title"]) or Msg(LITERAL_DOMAIN, ""),
                detail=msg(i18n.get("detail"), f["detail"]),
                advice=tuple(
                    m for m in (msg(i, a) for i, a in zip(advice_i18n, f["advice"], strict=False)) if m is not None
                ),
                note=msg(i18n.get("note"), f["note"]),
                references=tuple(f["references"]),
                advice_ids=tuple(f["advice_ids"]),
                points=f["points"],
                max_points=f["max_points"],
            )
        )
    by_key = {(f.check_id, f.code): f for f in findings}
    top = []
    for t in data["top_actions"]:
        source = by_key.get((t["check_id"], t["code"]))
        top.append(
            TopAction(
                check_id=t["check_id"],
                code=t["code"],
                title=source.title if source else Msg(LITERAL_DOMAIN, t["title"]),
                advice=(source.advice[0] if source and source.advice else msg(None, t["advice"])),
                severity=Severity(t["severity"]),
                points_at_stake=t["points_at_stake"],
            )
        )
    travel = data.get("travel")
    plan = None
    if travel is not None:
        plan = TravelPlan(
            destination=travel["destination"],
            depart=date.fromisoformat(travel["depart"]) if travel["depart"] else None,
            return_date=date.fromisoformat(travel["return"]) if travel["return"] else None,
            # Reports before schema 1.2 gave invented "support hours" (their offsets are kept, the hours dropped).
            time_differences=tuple(
                TimeDifference(d["zone"], d["offset_to_kst"])
                for d in travel.get("time_differences", travel.get("support_hours", []))
            ),
            checklist=tuple(
                ChecklistItem(Phase(i["phase"]), msg(i.get("i18n"), i["text"]) or Msg(LITERAL_DOMAIN, ""),
                              i["check_id"], i["done"])
                for i in travel["checklist"]
            ),
        )
    suppressed = tuple(
        Suppressed(
            Finding(check_id=x["check_id"], code=x["code"], status=Status(x["status"]),
                    severity=Severity(x["severity"]), title=Msg(LITERAL_DOMAIN, x["title"])),
            x["reason"],
            date.fromisoformat(x["expires"]),
        )
        for x in data.get("suppressed", [])
    )
    checks = tuple(
        CheckSummary(
            check_id=c["check_id"],
            title=msg((c.get("i18n") or {}).get("title"), c["title"]) or Msg(LITERAL_DOMAIN, ""),
            category=Category(c["category"]),
            weight=c["weight"],
            points=c["points"],
            max_points=c["max_points"],
            status=Status(c["status"]),
        )
        for c in data["checks"]
    )
    coverage = data.get("coverage")
    if coverage is None:  # a report of schema 1.0: the same figures from its checks
        from kakaoaudit.core.scoring import coverage_of  # noqa: PLC0415 - only for old reports

        found = coverage_of(checks)
    else:
        found = Coverage(coverage["assessed_points"], coverage["possible_points"])
    grade = data["grade"]
    return Report(
        coverage=found,
        unknown_answers=tuple(data.get("unknown_answers", ())),
        look_up=tuple(
            LookUp(item["question_id"],
                   msg((item.get("i18n") or {}).get("prompt"), item["prompt"]) or Msg(LITERAL_DOMAIN, ""),
                   msg((item.get("i18n") or {}).get("where"), item["where"]))
            for item in data.get("look_up", ())
        ),
        travel=plan,
        suppressed=suppressed,
        notes=tuple(Msg(LITERAL_DOMAIN, n) for n in data.get("notes", [])),
        generated_at=datetime.strptime(data["generated_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc),
        tool_version=data["tool"]["version"],
        language=data["language"],
        score=data["score"],
        grade=None if grade in (None, "-") else grade,
        grade_capped=data["grade_capped"],
        categories=tuple(
            CategoryScore(Category(c["category"]), c["points"], c["max_points"], c["score"], c["checks"])
            for c in data["categories"]
        ),
        checks=checks,
        findings=tuple(findings),
        top_actions=tuple(top),
        redacted=data["redacted"],
        label=data["label"],
        mode=data["mode"],
        warnings=tuple(Msg(LITERAL_DOMAIN, w) for w in data["warnings"]),
    )
