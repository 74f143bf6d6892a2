"""The example plugin (examples/kakaoaudit-example-plugin): listed by `kakaoaudit checks`, run in the audit.

.ci/run installs it into the test environment; elsewhere this test installs it into a folder of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parent.parent / "examples" / "kakaoaudit-example-plugin"


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    try:
        metadata.distribution("kakaoaudit-example-plugin")
        return ""
    except metadata.PackageNotFoundError:
        if os.environ.get("CI"):
            pytest.fail(".ci/run must install examples/kakaoaudit-example-plugin into the test environment")
    target = tmp_path_factory.mktemp("example-plugin")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--target", str(target), str(PLUGIN)],
                   check=True, capture_output=True, timeout=180, cwd=target)
    return str(target)


def kakaoaudit(path: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KAKAOAUDIT_NO_PLUGINS"}
    if path:
        env["PYTHONPATH"] = path
    return subprocess.run([sys.executable, "-m", "kakaoaudit", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=60)


def test_listed_by_checks(plugin_path: str, tmp_path: Path) -> None:
    result = kakaoaudit(plugin_path, tmp_path, "checks", "--format", "json")
    assert result.returncode == 0, result.stderr
    row = next(c for c in json.loads(result.stdout)["checks"] if c["id"] == "EXM101")
    assert row["distribution"] == "kakaoaudit-example-plugin"
    assert "check not loaded" not in result.stderr


def test_runs_in_the_audit(plugin_path: str, tmp_path: Path) -> None:
    sample = tmp_path / "answers.toml"
    assert kakaoaudit(plugin_path, tmp_path, "init", "--sample", "-o", str(sample)).returncode == 0
    text = sample.read_text(encoding="utf-8")
    assert "# screen_lock = " in text  # the plugin's questions are in the template, to be filled in
    text = text.replace("# screen_lock = ", 'screen_lock = "pattern"').replace("# os_updates = ", "os_updates = false")
    sample.write_text(text, encoding="utf-8")
    result = kakaoaudit(plugin_path, tmp_path, "audit", "--answers", str(sample), "--only", "EXM101",
                        "--format", "json", "--no-history")
    assert result.returncode == 0, result.stderr
    codes = {f["code"]: f["status"] for f in json.loads(result.stdout)["findings"]}
    assert codes == {"lock-pattern": "warn", "updates-pending": "fail"}
