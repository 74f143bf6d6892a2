"""The entry-point scanner finds what importlib.metadata finds, in the same order, or declines.

Compared on the real ``sys.path`` (kakaoaudit itself, and the example plugin when it is installed),
with the test plugin and the example plugin installed by pip, and on folders of hand-made
distributions that exercise the rules: sys.path order, the first distribution of a normalised name
winning, several distributions in one folder, sections and comments, the Name from METADATA or
PKG-INFO, and the cases it leaves to importlib.metadata.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core import entry_points, registry
from kakaoaudit.core.entry_points import ScannedEntryPoint, scan

GROUP = "kakaoaudit.checks"


def standard(group: str, path: list[str]) -> list[tuple[str, str, str, str | None]]:
    """importlib.metadata's answer for `path`, as (name, value, group, distribution name)."""
    found = metadata.entry_points(group=group) if path is sys.path else _entry_points_on(group, path)
    return [(point.name, point.value, point.group, point.dist.name if point.dist else None) for point in found]


def _entry_points_on(group: str, path: list[str]) -> list[Any]:
    distributions = metadata.distributions(path=path)
    seen: set[str] = set()
    points: list[Any] = []
    for dist in distributions:
        # The de-duplication of importlib.metadata.entry_points, by the distribution's normalised name.
        key = dist._normalized_name  # type: ignore[attr-defined]
        if key in seen:
            continue
        seen.add(key)
        points.extend(point for point in dist.entry_points if point.group == group)
    return points


def scanned(group: str, path: list[str] | None = None) -> list[tuple[str, str, str, str | None]] | None:
    found = scan(group, path)
    if found is None:
        return None
    return [(point.name, point.value, point.group, point.distribution) for point in found]


@pytest.mark.parametrize("group", [GROUP, "console_scripts", "pytest11", "no.such.group"])
def test_the_installed_distributions_give_the_same_entry_points(group: str) -> None:
    assert scanned(group) == standard(group, sys.path)


def test_kakaoaudit_and_the_example_plugin_are_found() -> None:
    found = scanned(GROUP)
    assert found is not None
    assert ("KA401", "kakaoaudit.checks.two_step:TwoStepVerification", GROUP, "kakaoaudit") in found
    try:
        metadata.distribution("kakaoaudit-example-plugin")
    except metadata.PackageNotFoundError:
        return
    assert any(distribution == "kakaoaudit-example-plugin" for *_, distribution in found)


Make = Callable[..., Path]


@pytest.fixture
def make_dist(tmp_path: Path) -> Make:
    """A distribution's metadata folder: make_dist("site", "foo-1.0.dist-info", entry_points=..., name=...)."""

    def make(site: str, folder: str, *, entry_points: str | None = None, name: str | None = "",
             info: str = "METADATA") -> Path:
        target = tmp_path / site / folder
        target.mkdir(parents=True)
        if name is not None:
            dist_name = name or folder.partition("-")[0]
            (target / info).write_text(f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: 1.0\n\nBody: no\n",
                                       encoding="utf-8")
        if entry_points is not None:
            (target / "entry_points.txt").write_text(entry_points, encoding="utf-8")
        return target.parent

    return make


def test_sys_path_order_sections_comments_and_names(make_dist: Make, tmp_path: Path) -> None:
    first = make_dist("a", "Alpha_Checks-1.0.dist-info", name="alpha-checks", entry_points=(
        "# a comment\n[console_scripts]\nalpha = alpha:main\n\n[kakaoaudit.checks]\n"
        "  ALP101 =  alpha.checks : One  \nALP102=alpha.checks:Two [extra]\n; not a comment for this parser = x\n"
    ))
    make_dist("a", "beta-2.0.egg-info", info="PKG-INFO", name="Beta",
              entry_points="[kakaoaudit.checks]\nBET101 = b:C\n")
    make_dist("a", "gamma-1.0.dist-info", name="gamma")  # no entry points at all
    make_dist("a", "delta-1.0.dist-info", name=None, entry_points="[kakaoaudit.checks]\nDEL101 = d:C\n")  # no METADATA
    second = make_dist("b", "alpha.checks-9.0.dist-info", name="alpha.checks",  # same normalised name: shadowed
                       entry_points="[kakaoaudit.checks]\nALP999 = other:C\n")
    make_dist("b", "epsilon-1.0.dist-info", entry_points="[kakaoaudit.checks]\nEPS101 = e:C\nEPS101 = e:D\n")
    path = [str(first), str(tmp_path / "missing"), str(second)]
    for group in (GROUP, "console_scripts"):
        assert scanned(group, path) == standard(group, path)
    found = scanned(GROUP, path)
    assert found is not None
    assert ("ALP101", "alpha.checks : One", GROUP, "alpha-checks") in found
    assert not any(name == "ALP999" for name, *_ in found)
    assert ("DEL101", "d:C", GROUP, None) in found


@pytest.mark.parametrize("case", ["zip", "egg", "bad-line", "finder"])
def test_what_only_importlib_metadata_can_tell_is_left_to_it(case: str, make_dist: Make, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_dist("site", "alpha-1.0.dist-info", entry_points="[kakaoaudit.checks]\nALP101 = a:C\n")
    path = [str(site)]
    if case == "zip":
        archive = tmp_path / "plugins.zip"
        archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip archive
        path.append(str(archive))
    elif case == "egg":
        egg = tmp_path / "thing-1.0-py3.11.egg"
        egg.mkdir()
        path.append(str(egg))
    elif case == "bad-line":
        make_dist("site", "beta-1.0.dist-info", entry_points="[kakaoaudit.checks]\nno equals sign here\n")
    else:
        class Finder:
            @staticmethod
            def find_distributions(*args: Any, **kwargs: Any) -> list[Any]:
                return []

        monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert scan(GROUP, path) is None


def test_a_scanned_entry_point_loads_like_importlib_metadata() -> None:
    point = ScannedEntryPoint("X", "kakaoaudit.checks.two_step:TwoStepVerification", GROUP, "kakaoaudit")
    standard_point = metadata.EntryPoint("X", point.value, GROUP)
    assert point.load() is standard_point.load()
    module_only = ScannedEntryPoint("X", "kakaoaudit.core.entry_points", GROUP, "kakaoaudit")
    assert module_only.load() is entry_points
    for value in ("not a valid value!", "kakaoaudit.core.entry_points:NoSuchThing"):
        with pytest.raises(Exception) as ours:
            ScannedEntryPoint("X", value, GROUP, "d").load()
        with pytest.raises(Exception) as theirs:
            metadata.EntryPoint("X", value, GROUP).load()
        assert type(ours.value) is type(theirs.value)  # the registry's warning names the error's type


def test_registry_gives_the_same_checks_and_warnings_either_way(make_dist: Make, monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    """Discovery through the scanner and through importlib.metadata: same checks, same warnings."""
    monkeypatch.delenv("KAKAOAUDIT_NO_PLUGINS", raising=False)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "kakaoaudit_scan_plugin.py").write_text(
        "from kakaoaudit.api import Category, Check, Status, translator\n"
        "_ = translator('kakaoaudit_scan_plugin')\n"
        "class Good(Check):\n"
        "    id = 'SCN101'\n    title = _('A check')\n    category = Category.SECURITY\n"
        "    def run(self, ctx):\n        yield self.finding(Status.PASS, _('OK'), code='ok')\n",
        encoding="utf-8",
    )
    site = make_dist("site", "scan_plugin-1.0.dist-info", name="kakaoaudit-scan-plugin", entry_points=(
        "[kakaoaudit.checks]\nSCN101 = kakaoaudit_scan_plugin:Good\nSCN102 = kakaoaudit_scan_plugin:Missing\n"
        "KA401 = kakaoaudit_scan_plugin:Good\nSCN103 = no_such_module_anywhere:Check\n"
    ))
    monkeypatch.setattr(sys, "path", [str(package), str(site), *sys.path])

    def outcome() -> tuple[list[tuple[str, str]], list[str]]:
        found = registry.discover()
        return ([(loaded.check.id, loaded.distribution) for loaded in found.checks],
                [warning.render("en") for warning in found.warnings])

    scanned_outcome = outcome()
    monkeypatch.setattr(registry, "scan", lambda group: None)
    assert outcome() == scanned_outcome
    ids, warnings = scanned_outcome
    assert ("SCN101", "kakaoaudit-scan-plugin") in ids and ("KA401", "kakaoaudit") in ids
    assert len(warnings) == 3 and all("kakaoaudit-scan-plugin" in warning for warning in warnings)
    monkeypatch.setenv("KAKAOAUDIT_NO_PLUGINS", "1")
    assert not any(check_id.startswith("SCN") for check_id, _ in outcome()[0])


ROOT = Path(__file__).resolve().parent.parent
PLUGINS = {
    "kakaoaudit-test-plugin": ROOT / "tests" / "plugins" / "kakaoaudit-test-plugin",
    "kakaoaudit-example-plugin": ROOT / "examples" / "kakaoaudit-example-plugin",
}


@pytest.fixture(scope="module")
def plugins_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test plugin and the example plugin, installed with pip into one folder."""
    target = tmp_path_factory.mktemp("plugins-site")
    for name, source in PLUGINS.items():
        # Built from a copy: setuptools leaves build/ and *.egg-info next to the sources it builds.
        copy = tmp_path_factory.mktemp("plugin-source") / name
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
             "--target", str(target), str(copy)],
            check=True, capture_output=True, timeout=180, cwd=tmp_path_factory.mktemp("plugin-build"),
            env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        )
    return target


def test_pip_installed_plugins_are_found_as_importlib_metadata_finds_them(plugins_site: Path) -> None:
    path = [str(plugins_site), *sys.path]
    found = scanned(GROUP, path)
    assert found == standard(GROUP, path)
    assert found is not None
    distributions = {distribution for *_, distribution in found}
    assert {"kakaoaudit", *PLUGINS} <= distributions
    assert ("TST101", "kakaoaudit_test_plugin.screen_lock:ScreenLock", GROUP, "kakaoaudit-test-plugin") in found
    assert ("EXM101", "kakaoaudit_example_plugin.phone:PhoneSecurity", GROUP, "kakaoaudit-example-plugin") in found
