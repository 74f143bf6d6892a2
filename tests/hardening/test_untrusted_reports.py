"""A saved report is data, never code: `show` and `summary` treat it as untrusted.

Its message templates are filled, never evaluated (no format specs, conversions, attribute or index
access), the result stays in proportion to the file, its domains never name a file, and a value
that does not fit is one line for that file (`summary` skips it and goes on).
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.placeholders import fill

pytestmark = pytest.mark.hardening

FORMATS = ("table", "markdown", "html", "json")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, battery: Any) -> dict[str, Any]:
    """The demo's JSON report (a valid report to damage)."""
    folder = tmp_path_factory.mktemp("demo-report")
    done = subprocess.run([battery.EXECUTABLE, "demo", "--format", "json"], cwd=folder, capture_output=True,
                          text=True, check=False, timeout=60, env=battery.environment(folder / "home"))
    assert done.returncode == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def with_title(report: dict[str, Any], message: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(report)
    changed["findings"][0]["i18n"]["title"] = message
    return changed


def show(cli: Any, tmp_path: Path, document: Any, *args: str) -> Any:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return cli("show", str(path), *args)


# ---- templates are filled, not evaluated -------------------------------------------------------

@pytest.mark.parametrize("field", ["{a:>2000000000}", "{a.__class__}", "{a[0]}", "{a!r}", "{a.__class__.__mro__}",
                                   "{0}", "{}", "{a:{a}}", "{", "}"])
def test_a_template_is_never_evaluated(field: str, cli: Any, tmp_path: Path, demo: dict[str, Any],
                                       battery: Any) -> None:
    message = {"domain": "kakaoaudit", "msgid": f"before {field} after", "params": {"a": "VALUE"}}
    for fmt in FORMATS:
        started = time.monotonic()
        result = show(cli, tmp_path, with_title(demo, message), "--format", fmt)
        battery.count("fuzz inputs")
        assert result.exit_code == 0, result.stderr
        assert time.monotonic() - started < 10
        assert len(result.stdout) < 200_000
        # What evaluating it would have shown: the class, a quoted repr, a padded or indexed value.
        for evaluated in ("<class", "&lt;class", "'VALUE'", "&#x27;VALUE&#x27;", "before V after", " " * 100):
            assert evaluated not in result.stdout, (fmt, evaluated)
        if fmt == "json":  # shown as written (the other formats escape it their own way)
            # (a plain {a} inside is a field of its own: filled, the braces around it kept)
            assert result.json()["findings"][0]["title"] == f"before {field} after".replace("{a}", "VALUE")


def test_fill_replaces_only_plain_fields() -> None:
    values = {"a": "A", "n": 1234567, "f": 2.5, "d": -3}
    assert fill("{a} {n:,} {f:g} {d:+d} {{a}} {b}", values) == "A 1,234,567 2.5 -3 {a} {b}"
    assert fill("{a:>9} {a.upper} {a[0]} {a!r} {n:x}", values) == "{a:>9} {a.upper} {a[0]} {a!r} {n:x}"
    assert fill("{a:,} {f:+d}", values) == "A 2.5", "number formats only apply to numbers"
    assert fill("{a}" * 1000, {"a": "x" * 1000}, limit=50) == "x" * 49 + "…"


def test_the_catalogs_number_formats_still_work(cli: Any) -> None:
    assert Msg("kakaoaudit.checks.breached_password", "Your password appears in known data leaks ({count:,} times)",
               (("count", 1234567),)).render("en") == "Your password appears in known data leaks (1,234,567 times)"
    assert "（+7）" in Msg("kakaoaudit.commands.history", "Score: {old} → {new} ({change:+d})",
                         (("change", 7), ("new", 57), ("old", 50))).render("ja")
    assert Msg("kakaoaudit.checks.breached_password", "The server did not answer within {seconds:g} seconds.",
               (("seconds", 15.0),)).render("en") == "The server did not answer within 15 seconds."


def test_no_catalog_uses_another_format_spec() -> None:
    import re

    from kakaoaudit.core.i18n import BUILTIN_LOCALEDIR

    allowed = {",", "g", "+d"}
    for po in BUILTIN_LOCALEDIR.rglob("*.po"):
        if po.stem == "kakaoaudit.click":
            continue  # click's own messages ({name!r}): click formats them with str.format, never fill()
        for spec in re.findall(r"\{[A-Za-z_][A-Za-z0-9_]*(?::([^{}]*)|![^{}]*|\.[^{}]*|\[[^{}]*\])\}",
                               po.read_text(encoding="utf-8")):
            assert spec in allowed, f"{po}: a format spec fill() does not support: {spec!r}"


def test_a_repeated_field_cannot_blow_up_the_output(cli: Any, tmp_path: Path, demo: dict[str, Any],
                                                    battery: Any) -> None:
    message = {"domain": "kakaoaudit", "msgid": "{a}" * 20_000, "params": {"a": "y" * 20_000}}
    document = with_title(demo, message)
    size = len(json.dumps(document))
    for fmt in FORMATS:
        result = show(cli, tmp_path, document, "--format", fmt)
        battery.count("fuzz inputs")
        assert result.exit_code == 0, result.stderr
        assert len(result.stdout) < 20 * size, "the output grew out of proportion to the file"


def test_nested_messages_cannot_multiply(cli: Any, tmp_path: Path, demo: dict[str, Any]) -> None:
    message: dict[str, Any] = {"domain": "kakaoaudit", "msgid": "{a}{a}{a}{a}", "params": {"a": "z" * 1000}}
    for _ in range(8):  # 4 ** 8 copies if each level repeated the one below (and within the nesting limit)
        message = {"domain": "kakaoaudit", "msgid": "{a}{a}{a}{a}", "params": {"a": {"msg": message}}}
    document = with_title(demo, message)
    result = show(cli, tmp_path, document, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout) < 20 * len(json.dumps(document))


def test_a_domain_never_names_a_file(cli: Any, tmp_path: Path, demo: dict[str, Any]) -> None:
    """A catalog planted where a domain with '..' would lead is never read."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="en")
    catalog.add("innocent text", "PLANTED TRANSLATION")
    planted = tmp_path / "evil.mo"
    with planted.open("wb") as handle:
        write_mo(handle, catalog)
    from kakaoaudit.core.i18n import BUILTIN_LOCALEDIR

    folder = BUILTIN_LOCALEDIR / "en" / "LC_MESSAGES"
    domain = os.path.relpath(planted.with_suffix(""), folder)
    assert ".." in domain and (folder / f"{domain}.mo").resolve() == planted.resolve()
    message = {"domain": domain, "msgid": "innocent text", "params": {}}
    result = show(cli, tmp_path, with_title(demo, message), "--format", "markdown", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "innocent text" in result.stdout
    assert "PLANTED" not in result.stdout


# ---- values that do not fit ----------------------------------------------------------------

BAD_VALUES: dict[str, Any] = {
    "huge number": 10**300,
    "negative": -(10**18),
    "float": 1e308,
    "long text": "w" * 200_000,
    "control characters": "\x1b]0;owned\x07\x1b[2J\u202e",
    "far date": "9999-12-31",
    "empty": "",
}


def _targets(report: dict[str, Any]) -> list[tuple[list[Any], Any]]:
    """(path, value) of every scalar of the report."""
    found: list[tuple[list[Any], Any]] = []

    def walk(node: Any, path: list[Any]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, [*path, key])
        elif isinstance(node, list):
            for index, value in enumerate(node[:1]):  # the first of each list: every kind of field once
                walk(value, [*path, index])
        else:
            found.append((path, node))

    walk(report, [])
    return found


def _replaced(report: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(report)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


def _one_line_or_shown(result: Any) -> None:
    assert result.exit_code in (0, 2), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if result.exit_code == 2:
        assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1, result.stderr
    for control in ("\x1b", "\x07", "\u202e"):
        assert control not in result.stdout and control not in result.stderr


@pytest.mark.parametrize("kind", BAD_VALUES)
def test_every_field_that_does_not_fit_is_one_line(kind: str, cli: Any, tmp_path: Path, demo: dict[str, Any],
                                                   battery: Any) -> None:
    for number, (path, _old) in enumerate(_targets(demo)):
        document = _replaced(demo, path, BAD_VALUES[kind])
        battery.count("fuzz inputs")
        _one_line_or_shown(show(cli, tmp_path, document, "--format", FORMATS[number % 3]))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_show_and_summary_on_hostile_values(data: st.DataObject, cli: Any, tmp_path_factory: pytest.TempPathFactory,
                                            demo: dict[str, Any], battery: Any) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    targets = _targets(demo)
    document = demo
    for _ in range(data.draw(st.integers(1, 3))):
        path, _old = data.draw(st.sampled_from(targets))
        value = data.draw(st.one_of(st.sampled_from(list(BAD_VALUES.values())), st.integers(), st.floats(),
                                    st.text(max_size=30), st.none(), st.booleans()))
        document = _replaced(document, path, value)
    battery.count("fuzz inputs")
    _one_line_or_shown(show(cli, folder, document, "--format", data.draw(st.sampled_from(FORMATS))))
    (folder / "good.json").write_text(json.dumps(demo), encoding="utf-8")
    summary = cli("summary", str(folder))
    assert summary.exit_code == 0, summary.stderr  # the good report is summarized whatever the other holds
    assert "Traceback" not in summary.stderr


def test_summary_lists_a_file_that_does_not_fit_and_goes_on(cli: Any, tmp_path: Path, demo: dict[str, Any]) -> None:
    (tmp_path / "good.json").write_text(json.dumps(demo), encoding="utf-8")
    broken = copy.deepcopy(demo)
    broken["findings"][0]["points"] = "many"
    broken["label"] = "Someone else"
    (tmp_path / "bad.json").write_text(json.dumps(broken), encoding="utf-8")
    result = cli("summary", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert [item["file"] for item in summary["skipped_files"]] == [str(tmp_path / "bad.json")]
    assert "findings[0].points" in summary["skipped_files"][0]["reason"]
    assert len(summary["people"]) == 1
