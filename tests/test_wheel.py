"""The built wheel holds the checks, the catalogs and the schema, and runs on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel_path,) = out.glob("kakaoaudit-*.whl")
    return wheel_path


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kakaoaudit/checks/__init__.py" in names
    assert "kakaoaudit/checks/two_step.py" in names
    assert "kakaoaudit/formats/report.schema.json" in names
    assert "kakaoaudit/data/confusables.json" in names  # check-url's lookalike table
    assert "kakaoaudit/locale/ja/LC_MESSAGES/kakaoaudit.mo" in names
    assert "kakaoaudit/locale/ja/LC_MESSAGES/kakaoaudit.checks.two_step.mo" in names
    assert any(name.startswith("kakaoaudit/data/demo/") for name in names)
    assert "kakaoaudit/py.typed" in names
    assert not [name for name in names if name.startswith(("tests/", "checks/"))]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "kakaoaudit = kakaoaudit.cli:main" in text
    assert "KA401 = kakaoaudit.checks.two_step:TwoStepVerification" in text


def test_installed_wheel_runs_checks(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, timeout=180,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "KAKAOAUDIT_LANG": "ja"}
    result = subprocess.run([sys.executable, "-m", "kakaoaudit", "checks"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "KA401" in result.stdout
    assert "2段階認証" in result.stdout
    check = subprocess.run(
        [sys.executable, "-c", "import kakaoaudit; print(kakaoaudit.__file__)"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )
    assert check.stdout.strip().startswith(str(target))
