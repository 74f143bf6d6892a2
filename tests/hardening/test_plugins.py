"""Misbehaving plugins (a real distribution installed with pip): each is `error`, the audit completes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.hardening


def test_each_misbehaving_plugin_is_an_error_and_the_audit_completes(plugin_site: Path, tmp_path: Path,
                                                                      battery: Any) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("[contacts.backup]\nkind = \"email\"\n[security.two_step]\nenabled = true\n"
                       "route = \"kakaotalk\"\n[security]\nsms_filter_blocks_kakao = false\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(plugin_site), "KAKAOAUDIT_LANG": "en", "KAKAOAUDIT_CHECK_TIMEOUT": "2"}
    env.pop("KAKAOAUDIT_NO_PLUGINS", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "kakaoaudit", "audit", "--answers", str(answers), "--format", "json", "--no-history",
         "--only", "HRD101,HRD102,HRD103,HRD104,HRD105,HRD106,KA401"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)  # nothing the plugins printed got into the report
    status = {f["check_id"]: (f["status"], str(f["detail"])) for f in report["findings"]}
    for check_id, reason in (("HRD101", "RuntimeError"), ("HRD102", "instead of a Finding"),
                             ("HRD103", "longer than 2 s"), ("HRD104", "must not print"), ("HRD105", "SystemExit")):
        assert status[check_id][0] == "error", (check_id, status[check_id])
        assert reason in status[check_id][1], (check_id, status[check_id])
        battery.count("fault cases")
    assert status["HRD106"][0] == "pass"
    assert status["KA401"][0] == "pass"
    assert "hello" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    # The hung check is abandoned after its limit; the process exits without waiting for it.
    assert elapsed < 30
