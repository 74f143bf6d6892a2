"""Discovery through the entry-point group: validation and isolation of bad checks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest

from kakaoaudit.api import Category, Check, Context, Finding, QType, Question, Status
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.registry import discover

_ = translator("kakaoaudit")


@pytest.fixture(autouse=True)
def plugins_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests load fake plugins: undo the suite-wide KAKAOAUDIT_NO_PLUGINS."""
    monkeypatch.delenv("KAKAOAUDIT_NO_PLUGINS", raising=False)


@dataclass
class Dist:
    name: str


@dataclass
class FakeEntryPoint:
    name: str
    value: str
    dist: Dist
    target: Any

    def load(self) -> Any:
        if isinstance(self.target, Exception):
            raise self.target
        return self.target


def make_check(check_id: str, category: Category = Category.SECURITY, **attrs: Any) -> type[Check]:
    def run(self: Check, ctx: Context) -> Iterable[Finding]:
        yield self.finding(Status.PASS, _("OK"), code="ok")

    namespace = {"id": check_id, "title": _("OK"), "category": category, "run": run, **attrs}
    return type(f"Check{check_id}", (Check,), namespace)


def ep(name: str, target: Any, dist: str = "kakaoaudit-plugin") -> FakeEntryPoint:
    return FakeEntryPoint(name, f"plugin.module:{name}", Dist(dist), target)


def test_builtin_checks_are_discovered_like_plugins() -> None:
    registry = discover()
    assert "KA401" in registry.ids()
    loaded = next(c for c in registry.checks if c.check.id == "KA401")
    assert loaded.builtin
    assert loaded.distribution == "kakaoaudit"
    assert not registry.warnings


def test_a_valid_plugin_loads() -> None:
    registry = discover([ep("EXM101", make_check("EXM101"))])
    assert registry.ids() == ("EXM101",)
    assert registry.warnings == ()


def warning_text(registry: Any) -> str:
    assert len(registry.warnings) == 1
    return str(registry.warnings[0].render("en"))


def test_import_failure_is_one_warning_naming_entry_point_and_distribution() -> None:
    registry = discover([ep("EXM101", ImportError("no module named x")), ep("EXM102", make_check("EXM102"))])
    text = warning_text(registry)
    assert "EXM101 = plugin.module:EXM101" in text
    assert "kakaoaudit-plugin" in text
    assert "ImportError" in text
    assert registry.ids() == ("EXM102",)


def test_duplicate_id_keeps_the_builtin() -> None:
    builtin = ep("KA401", make_check("KA401"), dist="kakaoaudit")
    impostor = ep("KA401", make_check("KA401"), dist="evil-plugin")
    registry = discover([impostor, builtin])
    assert [c.distribution for c in registry.checks] == ["kakaoaudit"]
    assert "evil-plugin" in warning_text(registry)


def test_duplicate_plugin_ids() -> None:
    registry = discover([ep("EXM101", make_check("EXM101"), "a"), ep("EXM101", make_check("EXM101"), "b")])
    assert "duplicate ID EXM101" in warning_text(registry)


def test_id_rules() -> None:
    cases = {
        "KA101": "plugin IDs are",  # a plugin may not use the KA prefix
        "KAB101": "plugin IDs are",
        "E101": "plugin IDs are",
        "EXMPLE101": "plugin IDs are",
        "EXM1011": "plugin IDs are",
    }
    for check_id, expected in cases.items():
        registry = discover([ep(check_id, make_check(check_id))])
        assert expected in warning_text(registry), check_id
        assert registry.ids() == ()


def test_builtin_ids_follow_the_category_block() -> None:
    registry = discover([ep("KA101", make_check("KA101", Category.SECURITY), dist="kakaoaudit")])
    assert "ID block" in warning_text(registry)
    registry = discover([ep("KAX01", make_check("KAX01"), dist="kakaoaudit")])
    assert "KA followed by 3 digits" in warning_text(registry)


def test_entry_point_name_must_match_id() -> None:
    assert "must be the check's ID" in warning_text(discover([ep("EXM102", make_check("EXM101"))]))


def test_non_check_objects_and_bad_attributes() -> None:
    assert "not a subclass" in warning_text(discover([ep("EXM101", object)]))
    assert "not a subclass" in warning_text(discover([ep("EXM101", len)]))
    assert "'title'" in warning_text(discover([ep("EXM101", make_check("EXM101", title="plain"))]))
    assert "'category'" in warning_text(discover([ep("EXM101", make_check("EXM101", category="x"))]))
    assert "'weight'" in warning_text(discover([ep("EXM101", make_check("EXM101", weight=1000))]))
    assert "'questions'" in warning_text(discover([ep("EXM101", make_check("EXM101", questions=["x"]))]))


def test_questions_shared_only_when_compatible() -> None:
    same = (Question("device.lock", QType.BOOL, _("yes")),)
    other = (Question("device.lock", QType.TEXT, _("yes")),)
    ok = discover(
        [ep("EXM101", make_check("EXM101", questions=same)), ep("EXM102", make_check("EXM102", questions=same))]
    )
    assert ok.ids() == ("EXM101", "EXM102")
    assert list(ok.questions()) == ["device.lock"]
    clash = discover(
        [ep("EXM101", make_check("EXM101", questions=same)), ep("EXM102", make_check("EXM102", questions=other))]
    )
    assert "declared differently" in warning_text(clash)
    assert clash.ids() == ("EXM101",)


def test_no_plugins_keeps_only_builtins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAOAUDIT_NO_PLUGINS", "1")
    builtin = ep("KA401", make_check("KA401"), dist="kakaoaudit")
    registry = discover([ep("EXM101", make_check("EXM101")), builtin, ep("EXM102", ImportError("x"))])
    assert registry.ids() == ("KA401",)
    assert registry.warnings == ()


class CountingDist:
    """A distribution whose name, like importlib.metadata's, costs a parse of its metadata each time."""

    def __init__(self, name: str) -> None:
        self._name = name
        self.reads = 0

    @property
    def name(self) -> str:
        self.reads += 1
        return self._name


def test_each_distribution_name_is_read_once_and_given_to_each_of_its_checks() -> None:
    first, second = CountingDist("kakaoaudit-one"), CountingDist("kakaoaudit-two")
    points = [FakeEntryPoint(f"EXM10{n}", "plugin.module:x", first, make_check(f"EXM10{n}")) for n in (1, 2, 3)]
    points.append(FakeEntryPoint("OTH101", "other.module:x", second, make_check("OTH101")))
    registry = discover(points)
    assert {loaded.check.id: loaded.distribution for loaded in registry.checks} == {
        "EXM101": "kakaoaudit-one", "EXM102": "kakaoaudit-one", "EXM103": "kakaoaudit-one",
        "OTH101": "kakaoaudit-two"}
    assert (first.reads, second.reads) == (1, 1)


def test_an_entry_point_without_a_distribution_is_named_as_such() -> None:
    point = FakeEntryPoint("EXM101", "plugin.module:x", None, ImportError("x"))
    assert "an unknown distribution" in warning_text(discover([point]))
