"""The command line end to end (in-process), its exit codes and its outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit import __version__

Cli = Callable[..., Any]


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kakaoaudit {__version__}"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_help_mentions_independence(cli: Cli, lang: str) -> None:
    result = cli("--lang", lang, "--help")
    assert result.exit_code == 0
    assert "Kakao Corp." in result.stdout
    for command in ("audit", "checks", "demo", "init", "schema"):
        assert command in result.stdout
    if lang == "ja":
        assert "点検" in result.stdout


def test_demo_prints_a_table(cli: Cli) -> None:
    result = cli("demo")
    assert result.exit_code == 0, result.stderr
    assert "Score:" in result.stdout
    assert "KA401" not in result.stdout  # check IDs only with --details
    assert "not affiliated with Kakao Corp." in result.stdout
    assert result.stderr == ""
    detailed = cli("demo", "--details")
    assert "KA401" in detailed.stdout and "severity: medium" in detailed.stdout
    full = cli("demo", "--full")
    assert "What to do:" in full.stdout and "KA401" not in full.stdout
    assert "KA401" in cli("demo", "--full", "--details").stdout


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_demo_json_validates_against_the_schema(cli: Cli, validate_report: Callable[[Any], None], lang: str) -> None:
    result = cli("demo", "--format", "json", "--lang", lang)
    assert result.exit_code == 0
    validate_report(result.stdout)
    data = result.json()
    assert data["language"] == lang
    assert data["mode"] == "demo"
    assert data["generated_at"].endswith("Z")
    assert [f["check_id"] for f in data["findings"]] == sorted(f["check_id"] for f in data["findings"])


def test_schema_command_prints_the_shipped_schema(cli: Cli) -> None:
    result = cli("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/draft/2020-12")
    assert "findings" in schema["required"]


def test_language_from_environment(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAOAUDIT_LANG", "ja")
    assert "スコア" in cli("demo").stdout
    monkeypatch.setenv("KAKAOAUDIT_LANG", "en")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert "Score" in cli("demo").stdout


def test_checks_lists_builtins(cli: Cli) -> None:
    table = cli("checks")
    assert table.exit_code == 0
    assert "KA401" in table.stdout
    data = cli("checks", "--format", "json").json()
    row = next(c for c in data["checks"] if c["id"] == "KA401")
    assert row == {
        "id": "KA401",
        "title": "2-step verification",
        "category": "security",
        "weight": 15,
        "network": False,
        "password": False,
        "advice_ids": ["P2.1"],
        "distribution": "kakaoaudit",
    }


def test_fail_under_and_fail_on(cli: Cli) -> None:
    assert cli("demo", "--fail-under", "10").exit_code == 0
    assert cli("demo", "--fail-under", "100").exit_code == 1
    # The demo's sample password is in the sample breach list: a critical finding.
    assert cli("demo", "--fail-on", "critical").exit_code == 1
    assert cli("demo", "--only", "KA401", "--fail-on", "critical").exit_code == 0
    assert cli("demo", "--only", "KA401", "--fail-on", "medium").exit_code == 1


def test_fail_under_at_the_exact_boundary(cli: Cli) -> None:
    score = cli("demo", "--format", "json").json()["score"]
    assert isinstance(score, int) and 0 < score < 100
    # "below N" fails: the score itself passes, one more fails.
    assert cli("demo", "--fail-under", str(score)).exit_code == 0
    assert cli("demo", "--fail-under", str(score + 1)).exit_code == 1


def test_fail_under_fails_when_no_score_can_be_computed(cli: Cli) -> None:
    # Without a password the only check is skipped: no score. --fail-under fails even at 0, as its help says.
    args = ("audit", "--only", "KA101", "--no-password", "--no-input", "--no-history")
    report = cli(*args, "--format", "json")
    assert report.exit_code == 0, report.stderr
    assert report.json()["score"] is None
    assert cli(*args, "--fail-under", "0").exit_code == 1
    assert "cannot be computed" in cli("audit", "--help").stdout


def test_usage_errors_are_one_line_exit_2(cli: Cli) -> None:
    result = cli("demo", "--only", "KA4O1")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "did you mean 'KA401'" in result.stderr
    assert "Traceback" not in result.stderr
    bad_option = cli("demo", "--format", "xml")
    assert bad_option.exit_code == 2
    assert "Traceback" not in bad_option.stderr


def test_output_is_written_atomically(cli: Cli, tmp_path: Path, validate_report: Callable[[Any], None]) -> None:
    target = tmp_path / "report.json"
    result = cli("demo", "--format", "json", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    validate_report(target.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_output_errors(cli: Cli, tmp_path: Path) -> None:
    missing_parent = cli("demo", "--output", str(tmp_path / "nope" / "r.txt"))
    assert missing_parent.exit_code == 2
    assert "does not exist" in missing_parent.stderr
    directory = cli("demo", "--output", str(tmp_path))
    assert directory.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_init_template_then_audit_reports_missing_answers(cli: Cli, tmp_path: Path) -> None:
    template = tmp_path / "answers.toml"
    assert cli("init", "--output", str(template)).exit_code == 0
    text = template.read_text(encoding="utf-8")
    assert "# enabled = " in text
    assert not [line for line in text.splitlines() if line.split("=")[0].strip().lower() in ("password", "# password")]
    result = cli("audit", "--answers", str(template))
    assert result.exit_code == 2
    for key in ("security.two_step.enabled", "security.sms_filter_blocks_kakao"):
        assert key in result.stderr
    # a conditional question is listed with its condition
    assert "security.two_step.route: How does the 2-step verification reach you? (only when " in result.stderr
    assert "--answers" in result.stderr or "kakaoaudit init" in result.stderr
    again = cli("init", "--output", str(template))
    assert again.exit_code == 2
    assert "--force" in again.stderr


def test_init_sample_reproduces_the_demo(cli: Cli, tmp_path: Path) -> None:
    from kakaoaudit.breach.sources import demo_dataset

    sample = tmp_path / "sample.toml"
    assert cli("init", "--sample", "-o", str(sample)).exit_code == 0
    # The demo checks its sample password against its sample breach list: give the audit the same.
    audit = cli("audit", "--answers", str(sample), "--format", "json", "--password-stdin", "--no-history",
                "--hibp-dataset", str(demo_dataset()), stdin="sakura1990\n").json()
    demo = cli("demo", "--format", "json").json()
    assert [(f["code"], f["status"]) for f in audit["findings"]] == [(f["code"], f["status"]) for f in demo["findings"]]
    assert audit["score"] == demo["score"]


def test_init_to_stdout_in_japanese(cli: Cli) -> None:
    result = cli("--lang", "ja", "init", "-o", "-")
    assert result.exit_code == 0
    assert "2段階認証" in result.stdout


def test_audit_from_answers_file(cli: Cli, tmp_path: Path, validate_report: Callable[[Any], None]) -> None:
    answers = tmp_path / "a.toml"
    answers.write_text(
        "[security.two_step]\nenabled = false\n[security]\nsms_filter_blocks_kakao = false\n", encoding="utf-8"
    )
    result = cli("audit", "--answers", str(answers), "--format", "json", "--label", "母", "--only", "KA401",
                 "--no-history")
    assert result.exit_code == 0, result.stderr
    validate_report(result.stdout)
    data = result.json()
    assert data["label"] == "母"
    assert data["mode"] == "audit"
    assert {f["code"]: f["status"] for f in data["findings"]} == {"two-step-off": "fail", "sms-filter-ok": "pass"}
    assert data["top_actions"][0]["code"] == "two-step-off"


def test_default_command_is_audit(cli: Cli, tmp_path: Path) -> None:
    result = cli()
    assert result.exit_code == 2  # no terminal, no answers: the missing answers are listed
    assert "security.two_step.enabled" in result.stderr


def test_keyboard_interrupt_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr("kakaoaudit.commands.audit.run_audit", interrupt)
    result = cli("demo")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr


def test_internal_error_is_one_line_and_debug_shows_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def bug(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr("kakaoaudit.commands.audit.run_audit", bug)
    plain = cli("demo")
    assert plain.exit_code == 70
    assert "Traceback" not in plain.stderr
    assert "RuntimeError" in plain.stderr
    debug = cli("demo", "--debug")
    assert "Traceback" in debug.stderr


def run_subprocess(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    # Run outside the source tree: the source folder has no kakaoaudit/checks (it is installed there).
    env = {**os.environ, "PYTHONIOENCODING": "", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=60,
                          cwd=Path(__file__).parent, **kwargs)


def test_python_dash_m_works() -> None:
    result = run_subprocess("-m", "kakaoaudit", "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kakaoaudit {__version__}"


def test_help_does_not_load_heavy_modules() -> None:
    code = (
        "import sys\nfrom kakaoaudit.cli import main\ncode = main(['--help'])\n"
        "heavy = [m for m in ('zxcvbn', 'phonenumbers', 'email_validator', 'tabulate', 'kakaoaudit.commands.audit',"
        " 'kakaoaudit.core.engine', 'sqlite3', 'urllib.request') if m in sys.modules]\nprint(heavy)"
    )
    result = run_subprocess("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_output_survives_a_legacy_encoding_pipe() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "KAKAOAUDIT_LANG": "ja"}
    result = subprocess.run([sys.executable, "-m", "kakaoaudit", "demo"], capture_output=True, env=env, timeout=60,
                            cwd=Path(__file__).parent)
    assert result.returncode == 0
    assert "スコア" in result.stdout.decode("utf-8")


def test_template_declares_each_table_once() -> None:
    import sys as _sys

    from kakaoaudit.core.i18n import translator
    from kakaoaudit.core.questions import QType, Question
    from kakaoaudit.questionnaire.template import render_answers

    if _sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    _ = translator("kakaoaudit")
    questions = [
        Question("contacts.a", QType.BOOL, _("yes")),
        Question("device.b", QType.BOOL, _("yes")),
        Question("contacts.c", QType.TEXT, _("yes")),
        Question("contacts.sub.d", QType.INT, _("yes")),
    ]
    text = render_answers(questions, {"contacts.a": True, "device.b": False, "contacts.c": 'x"y', "contacts.sub.d": 3},
                          lang="ja")
    assert tomllib.loads(text) == {"contacts": {"a": True, "c": 'x"y', "sub": {"d": 3}}, "device": {"b": False}}
