"""Leak scan: every command with a canary password and canary contacts; nothing leaks anywhere.

Scanned: standard output and error, every file written (reports, the history database, temporary
files) and every byte sent to the local breach server. The answers file itself (the user's input,
which holds the contacts by design) is the only file not scanned.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.hardening

class Scanner:
    def __init__(self, battery: Any) -> None:
        self.battery = battery
        self.forbidden = {**battery.password_forms(battery.PASSWORD), **battery.contact_forms()}

    def __call__(self, label: str, blob: bytes) -> None:
        self.battery.count("leak scans")
        found = self.battery.hits(blob, self.forbidden)
        assert not found, f"{label} holds {found}"

    def files(self, folder: Path, skip: Path) -> int:
        scanned = 0
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path != skip:
                self(str(path), path.read_bytes())
                scanned += 1
        return scanned


def test_no_command_leaks_the_password_or_the_contacts(  # noqa: PLR0917 - fixtures
    cli: Callable[..., Any], canary_answers: Path, tmp_path: Path, range_server: Any, battery: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = Scanner(battery)
    PASSWORD = battery.PASSWORD
    # A breach hit, so that the report talks about the password as much as it ever does.
    range_server.serve(battery.Reply(body=battery.make_range_body({PASSWORD: 31337}, padding=300)))
    out = tmp_path / "out"
    out.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    answers = str(canary_answers)
    audit = ("audit", "--answers", answers, "--password-stdin", "--hibp-url", range_server.url)
    runs: list[tuple[tuple[str, ...], str]] = [
        ((*audit, "--format", "json", "-o", str(out / "report.json")), PASSWORD + "\n"),
        ((*audit, "--format", "table", "--label", "Mother"), PASSWORD + "\n"),
        ((*audit, "--format", "markdown", "-o", str(out / "report.md")), PASSWORD + "\n"),
        ((*audit, "--format", "html", "-o", str(out / "report.html"), "--debug"), PASSWORD + "\n"),
        ((*audit, "--format", "json", "-o", str(out / "second.json")), PASSWORD + "\n"),
        (("demo", "--format", "json", "-o", str(out / "demo.json")), ""),
        (("travel", "--answers", answers, "--format", "json", "-o", str(out / "travel.json")), ""),
        (("travel", "--answers", answers, "--format", "markdown"), ""),
        (("triage", "--answers", answers, "--format", "json"), ""),
        (("triage", "--answers", answers, "--format", "markdown", "-o", str(out / "triage.md")), ""),
        (("support-kit", "--answers", answers, "--redact", "--format", "json"), ""),
        (("support-kit", "--answers", answers, "--redact", "--format", "text", "-o", str(out / "kit.txt")), ""),
        (("show", str(out / "report.json"), "--format", "html", "-o", str(out / "shown.html")), ""),
        (("show", str(out / "report.json"), "--format", "table"), ""),
        (("summary", str(out), "--format", "json"), ""),
        (("summary", str(out), "--format", "html", "-o", str(out / "summary.html")), ""),
        (("history", "--format", "json"), ""),
        (("history", "export"), ""),
        (("history", "diff"), ""),
        (("init", "-o", str(out / "template.toml")), ""),
    ]
    for args, stdin in runs:
        result = cli(*args, stdin=stdin)
        assert result.exit_code in (0, 1), (args, result.stderr)
        scan(f"stdout of {args[:2]}", result.stdout.encode("utf-8"))
        scan(f"stderr of {args[:2]}", result.stderr.encode("utf-8"))
    # The audit did look the password up (so the scan covers a real lookup and a real hit) ...
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert any(f["check_id"] == "KA201" and f["status"] == "fail" for f in report["findings"])
    # ... sent only the prefix ...
    assert len(range_server.requests) >= 5
    for request in range_server.requests:
        scan("a request to the breach server", request.raw)
        assert request.path.startswith("/range/") and len(request.path) == len("/range/") + 5
    # ... and every file it wrote (reports, history, temporary files) is clean.
    assert scan.files(out, skip=canary_answers) >= 10
    home = Path(os.environ["KAKAOAUDIT_HOME"])
    assert scan.files(home, skip=canary_answers) >= 1  # the history database
    scan.files(temp, skip=canary_answers)
    assert list(temp.iterdir()) == [], "temporary files were left behind"


def test_no_redact_is_the_only_way_contacts_appear(cli: Callable[..., Any], canary_answers: Path,
                                                    battery: Any) -> None:
    """The scan above is not blind: with --no-redact the unmasked contacts do appear (and never the password)."""
    result = cli("audit", "--answers", str(canary_answers), "--no-password", "--offline", "--format", "json",
                 "--no-redact", "--no-history")
    assert result.exit_code in (0, 1), result.stderr
    battery.count("leak scans")
    found = battery.hits(result.stdout.encode(), battery.contact_forms())
    assert {"email", "backup email"} <= set(found), found
    assert any(name.startswith("phone") for name in found), found
