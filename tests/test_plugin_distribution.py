"""A real third-party distribution installed with pip: listed, run, and isolated when broken."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN_SOURCE = Path(__file__).parent / "plugins" / "kakaoaudit-test-plugin"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("plugin-site")
    build = tmp_path_factory.mktemp("plugin-build")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(target), str(PLUGIN_SOURCE)],
        check=True, capture_output=True, timeout=180, cwd=build,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert list(target.glob("kakaoaudit_test_plugin-1.0.0.dist-info"))
    return target


def kakaoaudit(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "KAKAOAUDIT_LANG": "en"}
    env.pop("KAKAOAUDIT_NO_PLUGINS", None)
    return subprocess.run([sys.executable, "-m", "kakaoaudit", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=60)


def test_plugin_is_listed_and_bad_entry_points_are_one_warning_each(plugin_site: Path, tmp_path: Path) -> None:
    result = kakaoaudit(plugin_site, tmp_path, "checks", "--format", "json")
    assert result.returncode == 0, result.stderr
    checks = {c["id"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["TST101"]["distribution"] == "kakaoaudit-test-plugin"
    assert checks["KA401"]["distribution"] == "kakaoaudit"  # the built-in kept its ID
    assert "TST102" not in checks
    warnings = [line for line in result.stderr.splitlines() if line.startswith("kakaoaudit: check not loaded")]
    assert len(warnings) == 2, result.stderr
    broken = next(w for w in warnings if "TST102" in w)
    assert "kakaoaudit_test_plugin.broken:Broken" in broken
    assert "kakaoaudit-test-plugin" in broken
    assert "ModuleNotFoundError" in broken
    duplicate = next(w for w in warnings if "KA401 = kakaoaudit_test_plugin" in w)
    assert "duplicate ID KA401" in duplicate
    assert "Traceback" not in result.stderr


def test_plugin_check_runs_in_the_audit(plugin_site: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(
        "[tst]\ndevice_locked = false\n[security.two_step]\nenabled = true\nroute = \"kakaotalk\"\n"
        "[contacts.backup]\nkind = \"email\"\n[security]\nsms_filter_blocks_kakao = false\n",
        encoding="utf-8",
    )
    result = kakaoaudit(plugin_site, tmp_path, "audit", "--answers", str(answers), "--format", "json",
                        "--only", "TST101,KA401", "--no-history")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    findings = {(f["check_id"], f["code"]): f["status"] for f in report["findings"]}
    assert findings[("TST101", "off")] == "fail"
    assert findings[("KA401", "two-step-on")] == "pass"
    assert report["top_actions"][0]["check_id"] == "TST101"
    assert len(report["warnings"]) == 2


def test_plugins_can_be_switched_off(plugin_site: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(plugin_site), "KAKAOAUDIT_NO_PLUGINS": "1"}
    result = subprocess.run([sys.executable, "-m", "kakaoaudit", "checks", "--format", "json"], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=60)
    ids = {c["id"] for c in json.loads(result.stdout)["checks"]}
    assert "TST101" not in ids
    assert "KA401" in ids
    assert "check not loaded" not in result.stderr
