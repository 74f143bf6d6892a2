"""docs/advice-coverage.md covers every ADVICE item with checks and commands that exist.

The ADVICE IDs are a constant here (tests must not depend on files outside the repository); when the
shared ADVICE.md sits beside the clone (``../shared/ADVICE.md``), the constant must match it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from kakaoaudit.cli import EXTENSION_COMMANDS, KakaoauditGroup, build_cli
from kakaoaudit.core.registry import discover

ROOT = Path(__file__).resolve().parents[2]
COVERAGE = ROOT / "docs" / "advice-coverage.md"
SHARED_ADVICE = ROOT.parent / "shared" / "ADVICE.md"

#: Every item of ADVICE.md, in its order (IDs are permanent).
ADVICE_IDS = (
    "P1.1", "P1.2", "P1.3", "P1.4",
    "P2.1", "P2.2", "P2.3", "P2.4", "P2.5", "P2.6",
    "P3.1", "P3.2", "P3.3",
    "P4.1",
    "C1", "C2", "C3", "T1", "T2", "T3",
    "S1", "S2", "S3", "S4", "S5", "S6",
    "R1", "R2", "R3", "R4",
    "Q1", "Q2", "Q3",
    "O1", "O2", "O3",
)

_ROW = re.compile(r"^\|\s*(?P<id>[A-Z]\d(?:\.\d)?)\s*\|(?P<advice>[^|]*)\|(?P<covered>[^|]*)\|\s*$")
_CHECK = re.compile(r"^KA\d{3}$")
_BLOCK = re.compile(r"^KA(?P<block>\d)xx$")
_COMMAND = re.compile(r"^`kakaoaudit (?P<name>[a-z][a-z-]*)`$")


def advice_ids_of(text: str) -> tuple[str, ...]:
    """The IDs of ADVICE.md's tables, in order."""
    return tuple(re.findall(r"^\| ((?:P\d\.\d)|(?:[A-Z]\d)) \|", text, flags=re.MULTILINE))


@cache
def rows() -> dict[str, list[str]]:
    """ADVICE ID -> the tokens of its "Covered by" cell (each ID once)."""
    found: dict[str, list[str]] = {}
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match is None:
            continue
        advice_id = match["id"]
        assert advice_id not in found, f"{advice_id} has two rows"
        found[advice_id] = [token.strip() for token in match["covered"].split(",") if token.strip()]
    return found


@cache
def declared() -> dict[str, set[str]]:
    """Check ID -> the ADVICE IDs it declares, for the registered built-in checks."""
    registry = discover()
    return {loaded.check.id: set(loaded.check.advice_ids) for loaded in registry.checks if loaded.builtin}


@cache
def builtin_commands() -> set[str]:
    return set(build_cli().commands)


def test_the_constant_matches_the_shared_advice_file() -> None:
    if not SHARED_ADVICE.exists():
        pytest.skip("../shared/ADVICE.md is not beside the repository")
    assert advice_ids_of(SHARED_ADVICE.read_text(encoding="utf-8")) == ADVICE_IDS


def test_every_advice_id_has_a_row_and_no_row_is_unknown() -> None:
    assert set(rows()) == set(ADVICE_IDS), (
        f"missing rows: {sorted(set(ADVICE_IDS) - set(rows()))}; unknown rows: {sorted(set(rows()) - set(ADVICE_IDS))}"
    )
    assert list(rows()) == list(ADVICE_IDS), "keep the rows in ADVICE.md's order"


def judge(advice_id: str, tokens: list[str], checks: dict[str, set[str]], commands: set[str],
          extension_loaded: dict[str, bool]) -> tuple[list[str], list[str]]:
    """(problems, pending) of one row: problems fail the test, pending items make it xfail."""
    problems: list[str] = []
    pending: list[str] = []
    if not tokens:
        problems.append("the 'Covered by' cell is empty")
    for token in tokens:
        if _CHECK.match(token):
            if token not in checks:
                problems.append(f"{token} is not a registered check")
            elif advice_id not in checks[token]:
                problems.append(f"{token} does not declare {advice_id} in its advice_ids")
        elif block := _BLOCK.match(token):
            members = [check_id for check_id in checks if check_id[2] == block["block"]]
            if not members:
                pending.append(f"no check of block {token} is registered yet")
            elif not any(advice_id in checks[check_id] for check_id in members):
                problems.append(f"no check of block {token} ({', '.join(members)}) declares {advice_id}")
        elif command := _COMMAND.match(token):
            name = command["name"]
            if name in commands:
                continue
            if name not in extension_loaded:
                problems.append(f"'kakaoaudit {name}' is not a command")
            elif not extension_loaded[name]:
                pending.append(f"the module of 'kakaoaudit {name}' does not exist yet")
        else:
            problems.append(f"{token!r} is neither a check ID (KA501), a block (KA1xx) nor `kakaoaudit COMMAND`")
    return problems, pending


@pytest.mark.parametrize("advice_id", ADVICE_IDS)
def test_row_names_only_things_that_exist(advice_id: str) -> None:
    assert advice_id in rows(), f"{advice_id}: no row in {COVERAGE.name}"
    loaded = {name: KakaoauditGroup._load(name) is not None for name in EXTENSION_COMMANDS}
    problems, pending = judge(advice_id, rows()[advice_id], declared(), builtin_commands(), loaded)
    assert not problems, f"{advice_id}: " + "; ".join(problems)
    if pending:
        pytest.xfail(f"{advice_id}: " + "; ".join(pending))


def test_every_advice_id_a_check_declares_is_listed_in_its_row() -> None:
    missing: list[str] = []
    for check_id, advice_ids in sorted(declared().items()):
        for advice_id in sorted(advice_ids):
            if advice_id not in ADVICE_IDS:
                missing.append(f"{check_id} declares {advice_id!r}, which is not an ADVICE ID")
                continue
            tokens = rows().get(advice_id, [])
            if check_id not in tokens and f"KA{check_id[2]}xx" not in tokens:
                missing.append(f"{check_id} declares {advice_id}: add {check_id} to the {advice_id} row")
    assert not missing, "\n".join(missing)


_CHECKS = {"KA501": {"P1.1", "P1.3"}, "KA601": {"O1"}}
_LOADED = {"travel": True, "triage": False}


@pytest.mark.parametrize(
    ("advice_id", "tokens", "problem", "pending"),
    [
        ("P1.1", ["KA501", "`kakaoaudit triage`"], None, "'kakaoaudit triage' does not exist yet"),
        ("P1.1", ["KA501", "`kakaoaudit travel`", "`kakaoaudit demo`"], None, None),
        ("P1.1", ["KA599"], "KA599 is not a registered check", None),
        ("P1.2", ["KA501"], "KA501 does not declare P1.2", None),
        ("P2.2", ["KA1xx"], None, "no check of block KA1xx"),
        ("O2", ["KA6xx"], "no check of block KA6xx (KA601) declares O2", None),
        ("O1", ["KA6xx"], None, None),
        ("S6", ["`kakaoaudit check-link`"], "'kakaoaudit check-link' is not a command", None),
        ("S6", ["kakaoaudit triage"], "is neither a check ID", None),
        ("S6", [], "empty", None),
    ],
)
def test_judge_catches_each_kind_of_mistake(advice_id: str, tokens: list[str], problem: str | None,
                                            pending: str | None) -> None:
    problems, waiting = judge(advice_id, tokens, _CHECKS, {"demo", "audit"}, _LOADED)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in found for found in problems), problems
    if pending is None:
        assert waiting == []
    else:
        assert any(pending in found for found in waiting), waiting


def test_the_row_pattern_reads_the_table() -> None:
    match = _ROW.match("| P1.1 | text | KA501, `kakaoaudit triage` |")
    assert match is not None and match["id"] == "P1.1"
    assert [t.strip() for t in match["covered"].split(",")] == ["KA501", "`kakaoaudit triage`"]
    assert _ROW.match("| ID | Advice | Covered by |") is None
    assert _ROW.match("|---|---|---|") is None
