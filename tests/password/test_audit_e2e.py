"""The whole audit with the password checks: a real loopback range server, offline copies, faults, leaks.

Runs `kakaoaudit audit` in-process (the `cli` fixture) on the demo profile's answers, with the password
on standard input (`--password-stdin`) and the range API pointed at a local server (`--hibp-url`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit import __version__
from kakaoaudit.breach.ranges import MAX_BODY_BYTES

CANARY = "Quokka-Lantern-5521-Canary"


@pytest.fixture
def answers(cli: Callable[..., Any], tmp_path: Path) -> Path:
    """The demo profile's answers as a file (every built-in question answered)."""
    path = tmp_path / "answers.toml"
    assert cli("init", "--sample", "-o", str(path)).exit_code == 0
    return path


def audit(cli: Callable[..., Any], answers: Path, *args: str, password: str | None = CANARY,
          only: str = "KA101,KA102,KA201") -> Any:
    options = ["audit", "--answers", str(answers), "--format", "json", *args]
    if only:
        options += ["--only", only]
    if password is not None:
        options.append("--password-stdin")
    return cli(*options, stdin="" if password is None else password + "\n")


def findings_of(result: Any, check_id: str) -> dict[str, dict[str, Any]]:
    assert result.exit_code in (0, 1), result.stderr
    return {f["code"]: f for f in result.json()["findings"] if f["check_id"] == check_id}


def detail_text(finding: dict[str, Any]) -> str:
    return str(finding["detail"]["text"] if isinstance(finding["detail"], dict) else finding["detail"])


# ------------------------------------------------------------------------------------ online


def test_found_against_the_local_server(  # noqa: PLR0917  # fixtures and parameters
    cli: Callable[..., Any], answers: Path, range_server: Any, reply: Any,
    body: Callable[..., bytes], sha1: Callable[[str], str],
    validate_report: Callable[[Any], None]) -> None:
    range_server.serve(reply(body=body({CANARY: 4242})))
    result = audit(cli, answers, "--hibp-url", range_server.url)
    validate_report(result.stdout)
    breached = findings_of(result, "KA201")["breached"]
    assert (breached["status"], breached["severity"]) == ("fail", "critical")
    assert "4,242" in str(breached["title"])
    assert {"KA101", "KA102"} <= {f["check_id"] for f in result.json()["findings"]}
    [request] = range_server.requests
    assert request.method == "GET"
    assert request.path == f"/range/{sha1(CANARY)[:5]}"
    assert request.headers["add-padding"] == "true"
    assert request.headers["user-agent"] == f"kakaoaudit/{__version__}"


def test_not_found_and_the_environment_variable(  # noqa: PLR0917  # fixtures and parameters
    cli: Callable[..., Any], answers: Path, range_server: Any,
    reply: Any, body: Callable[..., bytes],
    monkeypatch: pytest.MonkeyPatch) -> None:
    range_server.serve(reply(body=body({"something else": 12}, padding=800)))
    monkeypatch.setenv("KAKAOAUDIT_HIBP_URL", range_server.url + "/")
    result = audit(cli, answers)
    assert findings_of(result, "KA201")["not-breached"]["status"] == "pass"
    assert len(range_server.requests) == 1


_LINES = b"\r\n".join(b"%035X:1" % i for i in range(200))
# Each fault: the lookup does not complete, KA201 is "unknown" with a clear reason, the rest still runs.
FAULTS = [
    ("silent", {"mode": "silent"}, "did not answer within 1.5 seconds"),
    ("slow drip", {"mode": "drip_body", "drip_interval": 0.05, "body": _LINES}, "did not answer within 1.5 seconds"),
    ("429 forever", {"status": 429, "headers": {"Retry-After": "0"}}, "HTTP 429"),
    ("500", {"status": 500}, "HTTP 500"),
    ("403", {"status": 403}, "HTTP 403"),
    ("malformed", {"body": b"<html><body>Hotel Wi-Fi: please sign in</body></html>"}, "sign-in page"),
    ("oversized", {"body": b"0" * 35 + b":1\r\n" + b"A" * (MAX_BODY_BYTES + 10)}, "far larger"),
    ("empty", {"body": b""}, "not a Pwned Passwords range"),
]


@pytest.mark.parametrize(("name", "fault", "reason"), FAULTS, ids=[f[0] for f in FAULTS])
def test_faults_are_unknown_with_a_reason(  # noqa: PLR0917  # fixtures and parameters
    cli: Callable[..., Any], answers: Path, range_server: Any, reply: Any,
    name: str, fault: dict[str, Any], reason: str) -> None:
    range_server.serve(reply(**fault))
    started = time.monotonic()
    result = audit(cli, answers, "--hibp-url", range_server.url, "--timeout", "1.5")
    elapsed = time.monotonic() - started
    failed = findings_of(result, "KA201")["lookup-failed"]
    assert failed["status"] == "unknown"
    assert reason in detail_text(failed), detail_text(failed)
    assert any("--hibp-dataset" in str(advice) for advice in failed["advice"])
    assert findings_of(result, "KA101")  # the rest of the audit ran
    assert elapsed < 12, f"{name} took {elapsed:.1f} s"


def test_connection_refused(cli: Callable[..., Any], answers: Path, closed_port: int) -> None:
    result = audit(cli, answers, "--hibp-url", f"http://127.0.0.1:{closed_port}")
    failed = findings_of(result, "KA201")["lookup-failed"]
    assert "refused the connection" in detail_text(failed)


def test_dns_failure(cli: Callable[..., Any], answers: Path) -> None:
    result = audit(cli, answers, "--hibp-url", "https://pwned.invalid", "--timeout", "2")
    failed = findings_of(result, "KA201")["lookup-failed"]
    assert "could not be looked up" in detail_text(failed)


def test_429_with_retry_after_is_honoured(cli: Callable[..., Any], answers: Path, range_server: Any,
                                          reply: Any, body: Callable[..., bytes]) -> None:
    range_server.serve(reply(status=429, headers={"Retry-After": "1"}), reply(body=body({CANARY: 7})))
    started = time.monotonic()
    result = audit(cli, answers, "--hibp-url", range_server.url)
    assert time.monotonic() - started >= 1.0
    assert findings_of(result, "KA201")["breached"]["status"] == "fail"
    assert len(range_server.requests) == 2


# ------------------------------------------------------------------------------------ offline


@pytest.mark.parametrize("shape", ["file", "folder"])
def test_offline_dataset_end_to_end(  # noqa: PLR0917  # fixtures and parameters
    cli: Callable[..., Any], answers: Path, tmp_path: Path, shape: str,
    dataset_file: Callable[..., Path], range_folder: Callable[..., Path]) -> None:
    entries = {CANARY: 31}
    path = dataset_file(tmp_path / "pwned.txt", entries) if shape == "file" else range_folder(tmp_path / "r", entries)
    # No server at all: the autouse network guard fails the test on any connection.
    result = audit(cli, answers, "--offline", "--hibp-dataset", str(path))
    breached = findings_of(result, "KA201")["breached"]
    assert "31" in str(breached["title"])
    assert "downloaded copy" in detail_text(breached)


def test_offline_without_a_dataset_skips_with_the_reason(cli: Callable[..., Any], answers: Path) -> None:
    result = audit(cli, answers, "--offline")
    skipped = findings_of(result, "KA201")["skipped"]
    assert skipped["status"] == "skipped" and "--offline" in detail_text(skipped)
    assert findings_of(result, "KA101")  # the strength check needs no network


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file or folder"),
        (b"", "empty"),
        (b"8846F7EAEE8FB117AD06BDD830B7586C:42\n", "NTLM"),
        (b"<html>not a list</html>\n", "not the SHA-1 list"),
    ],
)
def test_an_unusable_dataset_stops_at_start_up(cli: Callable[..., Any], tmp_path: Path, content: bytes | None,
                                               expected: str) -> None:
    path = tmp_path / "pwned.txt"
    if content is not None:
        path.write_bytes(content)
    # No answers file and no terminal: without the dataset error the missing answers would be listed.
    result = cli("audit", "--hibp-dataset", str(path), "--password-stdin", stdin=CANARY + "\n")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--hibp-dataset" in lines[0] and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("url", ["ftp://mirror.example", "https://user:hunter2@mirror.example", "not a url",
                                 "https://mirror.example/?q=1"])
def test_an_unusable_base_url_stops_at_start_up(cli: Callable[..., Any], answers: Path, url: str) -> None:
    result = audit(cli, answers, "--hibp-url", url)
    assert result.exit_code == 2
    assert "--hibp-url" in result.stderr and "hunter2" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_an_empty_hibp_url_is_an_error_naming_the_option(cli: Callable[..., Any], answers: Path,
                                                         range_server: Any, monkeypatch: pytest.MonkeyPatch,
                                                         value: str) -> None:
    # Never a silent fall-back to the public service (which the offline guard would also refuse).
    monkeypatch.setenv("KAKAOAUDIT_HIBP_URL", range_server.url)  # the option wins, even when empty
    result = audit(cli, answers, "--hibp-url", value)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "--hibp-url is empty" in line and "KAKAOAUDIT_HIBP_URL" not in line
    assert range_server.requests == [] and result.stdout == ""


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_hibp_url_variable_is_an_error_naming_it(cli: Callable[..., Any], answers: Path,
                                                          monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KAKAOAUDIT_HIBP_URL", value)
    result = audit(cli, answers)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "KAKAOAUDIT_HIBP_URL is set but empty" in line, line
    assert "Traceback" not in result.stderr


def test_the_empty_url_error_is_translated(cli: Callable[..., Any], answers: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAOAUDIT_HIBP_URL", "")
    result = audit(cli, answers, "--lang", "ja")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "KAKAOAUDIT_HIBP_URL" in line and "set but empty" not in line
    assert any("\u3040" <= ch <= "\u30ff" for ch in line)  # kana: the Japanese message


# ------------------------------------------------------------------------------------ password input


def test_without_a_terminal_the_password_checks_are_skipped(cli: Callable[..., Any], answers: Path) -> None:
    result = audit(cli, answers, password=None, only="")
    assert result.exit_code in (0, 1), result.stderr
    data = result.json()
    for check_id in ("KA101", "KA201"):
        [finding] = [f for f in data["findings"] if f["check_id"] == check_id]
        assert finding["status"] == "skipped"
        assert "--password-stdin" in detail_text(finding)
    assert any(f["check_id"] == "KA102" and f["status"] != "skipped" for f in data["findings"])
    assert any(f["check_id"] == "KA401" for f in data["findings"])  # the rest of the audit ran


def test_no_password_option(cli: Callable[..., Any], answers: Path) -> None:
    result = cli("audit", "--answers", str(answers), "--format", "json", "--no-password", "--only", "KA101")
    [finding] = result.json()["findings"]
    assert finding["status"] == "skipped" and "--no-password" in detail_text(finding)


@pytest.mark.parametrize(
    ("stdin", "password"),
    [
        ("  pass word  \n", "  pass word  "),  # spaces are part of a password
        ("tab\there\r\n", "tab\there"),
        ("no-newline-at-all", "no-newline-at-all"),
        ("first line\nsecond line\n", "first line"),
        ("パスワード\n", "パスワード"),
    ],
)
def test_password_stdin_strips_only_the_line_ending(  # noqa: PLR0917  # fixtures and parameters
    cli: Callable[..., Any], answers: Path, range_server: Any,
    reply: Any, body: Callable[..., bytes],
    sha1: Callable[[str], str], stdin: str, password: str) -> None:
    range_server.serve(reply(body=body({password: 5})))
    result = cli("audit", "--answers", str(answers), "--format", "json", "--only", "KA201", "--password-stdin",
                 "--hibp-url", range_server.url, stdin=stdin)
    assert range_server.requests[0].path == f"/range/{sha1(password)[:5]}"
    assert findings_of(result, "KA201")["breached"]["status"] == "fail"


@pytest.mark.parametrize(("stdin", "reason"), [("", "standard input was empty"), ("\n", None)])
def test_empty_input(cli: Callable[..., Any], answers: Path, stdin: str, reason: str | None) -> None:
    result = cli("audit", "--answers", str(answers), "--format", "json", "--only", "KA101,KA201",
                 "--password-stdin", "--offline", "--hibp-dataset", str(_demo_list()), stdin=stdin)
    found = {f["check_id"]: f for f in result.json()["findings"]}
    if reason is None:  # an empty line: an empty password, its own finding, not looked up
        assert found["KA101"]["code"] == "empty" and found["KA101"]["status"] == "unknown"
        assert found["KA201"]["code"] == "empty" and found["KA201"]["status"] == "unknown"
    else:
        assert found["KA101"]["status"] == "skipped" and reason in detail_text(found["KA101"])


def _demo_list() -> Path:
    from kakaoaudit.breach.sources import demo_dataset

    return demo_dataset()


# ------------------------------------------------------------------------------------ the demo


def test_the_demo_checks_its_sample_offline(cli: Callable[..., Any], validate_report: Callable[[Any], None]) -> None:
    result = cli("demo", "--format", "json")
    assert result.exit_code == 0, result.stderr
    validate_report(result.stdout)
    data = result.json()
    strength = {f["code"]: f["status"] for f in data["findings"] if f["check_id"] == "KA101"}
    assert strength == {"strength-weak": "fail", "personal-info": "fail", "length-ok": "pass",
                        "composition-missing": "warn"}
    [breached] = [f for f in data["findings"] if f["check_id"] == "KA201"]
    assert breached["code"] == "breached" and "sample" in str(breached["title"])
    assert {f["code"] for f in data["findings"] if f["check_id"] == "KA102"} == {"not-reused", "no-manager",
                                                                                  "change-due"}


# ------------------------------------------------------------------------------------ leaks


def _forbidden(password: str) -> list[bytes]:
    digest = hashlib.sha1(password.encode()).hexdigest()
    parts = {password, digest, digest[5:], digest.upper(), digest[5:].upper()}
    return [part.encode() for part in parts]


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "html"])
def test_the_password_leaves_no_trace(  # noqa: PLR0917  # fixtures and parameters
    cli: Callable[..., Any], answers: Path, tmp_path: Path, range_server: Any,
    reply: Any, body: Callable[..., bytes], fmt: str) -> None:
    range_server.serve(reply(body=body({CANARY: 99}, padding=900)))
    output = tmp_path / "out" / f"report.{fmt}"
    output.parent.mkdir()
    before = set(tmp_path.rglob("*"))
    result = cli("audit", "--answers", str(answers), "--format", fmt, "--output", str(output), "--password-stdin",
                 "--hibp-url", range_server.url, "--debug", stdin=CANARY + "\n")
    assert result.exit_code in (0, 1), result.stderr
    assert output.is_file() and output.stat().st_size > 1000
    written = [p for p in tmp_path.rglob("*") if p.is_file() and (p not in before or p == output)]
    home = Path(os.environ["KAKAOAUDIT_HOME"])
    written += [p for p in home.rglob("*") if p.is_file()]  # the history of audits
    assert any(home.rglob("*")), "the audit should have been recorded in the history"
    blobs = {"stdout": result.stdout.encode(), "stderr": result.stderr.encode()}
    blobs.update({str(p): p.read_bytes() for p in written})
    blobs["request"] = range_server.requests[0].raw
    for name, blob in blobs.items():
        for part in _forbidden(CANARY):
            assert part not in blob, f"{part!r} found in {name}"
    assert hashlib.sha1(CANARY.encode()).hexdigest().upper()[:5].encode() in blobs["request"]
