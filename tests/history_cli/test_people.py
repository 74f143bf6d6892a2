"""One person at a time: the history groups audits by person, `history alias` joins labels that name
the same person («母» and "Mother"), and `history diff` compares a person's audits in the run's language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.errors import InputError
from kakaoaudit.history.people import People

Cli = Callable[..., Any]
Add = Callable[..., int]


def test_several_people_are_listed_one_line_each(cli: Cli, add_report: Add) -> None:
    add_report(30, score=40, label="母")
    add_report(20, score=90)
    add_report(10, score=70, label="Mother")
    add_report(5, score=60, label="父")
    result = cli("history")
    assert result.exit_code == 0, result.stderr
    assert "Your audit history: 4 people, 4 audit(s)" in result.stdout
    assert "kakaoaudit history --label NAME" in result.stdout
    assert "No." not in result.stdout  # the audits are not mixed in one numbered table


def test_an_alias_makes_one_person(cli: Cli, add_report: Add, home: Path) -> None:
    add_report(30, score=40, label="母")
    add_report(20, score=90)
    add_report(10, score=70, label="Mother")
    joined = cli("history", "alias", "母", "Mother")
    assert joined.exit_code == 0, joined.stderr
    assert "母 is also: Mother" in joined.stdout
    people = (home / "people.toml").read_text(encoding="utf-8")
    assert '"母" = ["Mother"]' in people
    overview = cli("history")
    assert "2 people, 3 audit(s)" in overview.stdout
    assert "Trend (母): ▄▆  40 → 70" in overview.stdout
    one = cli("history", "--label", "mother", "--format", "json").json()  # case and alias do not matter
    assert [e["score"] for e in one["entries"]] == [40, 70]
    assert {e["person"] for e in one["entries"]} == {"母"}
    assert one["people"] == [{"name": "母", "labels": ["Mother", "母"], "audits": 2}]
    table = cli("history", "--label", "母")
    assert "Your audit history (2 audit(s)" in table.stdout and "Mother" in table.stdout
    unlabelled = cli("history", "--label", "-", "--format", "json").json()
    assert [e["score"] for e in unlabelled["entries"]] == [90]


def test_diff_compares_the_same_person_across_aliases(cli: Cli, add_report: Add,
                                                      make_finding: Callable[..., dict[str, Any]]) -> None:
    first = add_report(30, label="母", findings=[make_finding("KA401", "two-step-off", "fail")])
    add_report(20)
    second = add_report(10, label="Mother", findings=[make_finding("KA401", "two-step-on", "pass")])
    add_report(5, label="父")
    cli("history", "alias", "母", "Mother")
    data = cli("history", "diff", "--label", "母", "--format", "json").json()
    assert (data["old"]["id"], data["new"]["id"]) == (first, second)
    data = cli("history", "diff", str(second), "--format", "json").json()
    assert data["old"]["id"] == first  # the audit before it of the same person, not the unlabelled one


def test_diff_titles_follow_the_run_language(cli: Cli, add_report: Add, store: Any,
                                             make_finding: Callable[..., dict[str, Any]]) -> None:
    message = {"domain": "kakaoaudit.checks.two_step", "msgid": "Your phone filters Kakao's verification text "
                                                                "messages", "params": {}}
    old = make_finding("KA401", "sms-filter-ok", "pass")
    new = {**make_finding("KA401", "sms-filter-blocks", "fail", title="スマートフォンが…"),
           "i18n": {"title": message}}
    add_report(20, findings=[old])
    add_report(10, findings=[new])
    english = cli("history", "diff").stdout
    assert "✗ Your phone filters Kakao's verification text messages" in english
    assert "スマートフォン" not in english and "sms-filter-blocks" not in english
    japanese = cli("--lang", "ja", "history", "diff").stdout
    assert "新しい問題（1件）" in japanese
    assert "✗ スマートフォンがカカオの認証 SMS をブロックしている" in japanese  # the catalog's, not the stored text
    assert "Your phone filters" not in japanese


def test_alias_errors_and_listing(cli: Cli, home: Path) -> None:
    assert "No labels are joined yet" in cli("history", "alias").stdout
    single = cli("history", "alias", "母")
    assert single.exit_code == 2 and "at least one other label" in single.stderr
    cli("history", "alias", "母", "Mother", "お母さん")
    assert "母 is also: Mother, お母さん" in cli("history", "alias").stdout
    removed = cli("history", "alias", "--remove", "mother")
    assert removed.exit_code == 0 and "a person of its own again" in removed.stdout
    assert "母 is also: お母さん" in cli("history", "alias").stdout


def test_a_broken_people_file_is_one_clear_line(cli: Cli, home: Path, add_report: Add) -> None:
    add_report(1, label="母")
    home.mkdir(exist_ok=True)
    (home / "people.toml").write_text("[people]\n\"母\" = 3\n", encoding="utf-8")
    result = cli("history")
    assert result.exit_code == 2
    assert "people.toml: [people] 母: expected a list of other names" in result.stderr
    assert "Traceback" not in result.stderr


def test_people_model(tmp_path: Path) -> None:
    people = People({}, tmp_path / "people.toml")
    people = people.with_alias("母", ["Mother", " mother ", "母"])
    assert people.names == {"母": ("Mother",)}
    assert people.person_of("MOTHER") == "母" and people.person_of("父") == "父" and people.person_of(None) is None
    # An alias of an alias joins the same person; a person named as someone's label moves with their labels.
    people = people.with_alias("Mother", ["Mom"]).with_alias("父", ["Dad"]).with_alias("母", ["父"])
    assert people.names == {"母": ("Mother", "Mom", "父", "Dad")}
    people.save()
    again = People.load(tmp_path / "people.toml")
    assert again.names == people.names
    assert json.loads(json.dumps(list(again.labels_of("mom")))) == ["母", "Mother", "Mom", "父", "Dad"]
    with pytest.raises(InputError):
        People({}).with_alias(" ", ["x"])
