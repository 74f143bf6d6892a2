"""`kakaoaudit show`: a saved report is checked, then rendered in any format and language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.formats import FORMATS

Cli = Callable[..., Any]


@pytest.mark.parametrize("kind", ["demo", "all-pass", "all-unknown", "nothing", "mixed"])
def test_json_round_trips_unchanged(cli: Cli, saved: Callable[[str, str], Path], kind: str, lang: str) -> None:
    path = saved(kind, lang)
    result = cli("show", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json() == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_renders_in_every_format(cli: Cli, saved: Callable[[str, str], Path], fmt: str) -> None:
    result = cli("show", str(saved("mixed", "en")), "--format", fmt, "--lang", "ko")
    assert result.exit_code == 0, result.stderr
    assert "보안 설정 강화" in (result.stdout if fmt != "json" else result.json()["disclaimer"] + "보안 설정 강화")
    assert "카카오 공식 고객센터" in result.stdout


def test_renders_again_in_another_language(cli: Cli, saved: Callable[[str, str], Path]) -> None:
    path = saved("demo", "en")
    original = json.loads(path.read_text(encoding="utf-8"))
    korean = cli("show", str(path), "--format", "json", "--lang", "ko").json()
    assert korean["language"] == "ko"
    assert [f["code"] for f in korean["findings"]] == [f["code"] for f in original["findings"]]
    two_step = next(f for f in korean["findings"] if f["check_id"] == "KA401")
    assert any("\uac00" <= ch <= "\ud7a3" for ch in two_step["title"])  # Hangul
    japanese = cli("show", str(path), "--lang", "ja").stdout
    assert "セキュリティ設定の強化" in japanese


def test_without_lang_the_report_keeps_its_language(cli: Cli, saved: Callable[[str, str], Path]) -> None:
    path = str(saved("all-pass", "ja"))
    result = cli("show", path)
    assert result.exit_code == 0
    assert "規約違反行為の回避" in result.stdout
    assert "보안 설정 강화" in cli("--lang", "ko", "show", path).stdout
    assert "Strengthen your security settings" in cli("show", path, "--lang", "en").stdout


def test_reads_standard_input(cli: Cli, saved: Callable[[str, str], Path]) -> None:
    text = saved("mixed", "en").read_text(encoding="utf-8")
    # The in-process runner's stdin is text without a byte buffer; a real one is read as bytes.
    result = cli("show", "-", "--format", "markdown", stdin=text)
    assert result.exit_code == 0, result.stderr
    assert "## Do these first" in result.stdout


def test_writes_a_file(cli: Cli, saved: Callable[[str, str], Path], tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    result = cli("show", str(saved("mixed", "en")), "--format", "html", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def mutate(saved: Callable[[str, str], Path], change: Callable[[dict[str, Any]], Any]) -> Path:
    path = saved("mixed", "en")
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.json", "missing.json: no such file"),
        (lambda p: p, "is a folder, not a report file"),
        (lambda p: write(p / "e.json", b""), "e.json: the file is empty"),
        (lambda p: write(p / "e.json", b"  \n"), "e.json: the file is empty"),
        (lambda p: write(p / "b.json", b'{"a": '), "b.json: not valid JSON (line 1, column 7"),
        (lambda p: write(p / "n.json", b'{"a": NaN}'), "n.json: not valid JSON (NaN is not allowed in JSON)"),
        (lambda p: write(p / "l.json", b"\xff\xfe{}"), "l.json: not a JSON report (not UTF-8 text at byte 0)"),
        (lambda p: write(p / "f.json", b'{"name": "package"}'), "f.json: not a kakaoaudit report"),
        (lambda p: write(p / "a.json", b"[1, 2]"), "a.json: not a kakaoaudit report"),
        (lambda p: write(p / "d.json", b"[" * 100000 + b"]" * 100000), "d.json: lists or objects are nested too"),
    ],
)
def test_bad_files_give_one_clear_line(cli: Cli, tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    result = cli("show", str(make(tmp_path)))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_newer_major_version_asks_to_update(cli: Cli, saved: Callable[[str, str], Path]) -> None:
    path = mutate(saved, lambda d: d.update(schema_version="2.0", findings="a new shape"))
    result = cli("show", str(path))
    assert result.exit_code == 2
    assert "made by a newer kakaoaudit (report format 2.0" in result.stderr and "update kakaoaudit" in result.stderr
    japanese = cli("show", str(path), "--lang", "ja")
    assert "kakaoaudit を更新してください" in japanese.stderr


def test_newer_minor_version_is_read(cli: Cli, saved: Callable[[str, str], Path]) -> None:
    path = mutate(saved, lambda d: d.update(schema_version="1.7"))
    assert cli("show", str(path)).exit_code == 0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["findings"][2].update(status="bad"), "findings[2].status: must be one of"),
        (lambda d: d["findings"][1].pop("advice"), 'findings[1]: the key "advice" is missing'),
        (lambda d: d["categories"][0].update(score=-5), "categories[0].score: must be at least 0"),
        (lambda d: d.update(generated_at="2026-13-45T00:00:00Z"), "not a valid report"),
        (lambda d: d["travel"].update(depart="2026-02-30"), "not a valid report"),
    ],
)
def test_schema_violations_name_the_first_place(cli: Cli, saved: Callable[[str, str], Path],
                                                change: Callable[[dict[str, Any]], Any], expected: str) -> None:
    result = cli("show", str(mutate(saved, change)))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_unredacted_report_stays_marked(cli: Cli, saved: Callable[[str, str], Path]) -> None:
    result = cli("show", str(saved("mixed", "en")), "--lang", "ja", "--full")
    assert "伏せ字にせず表示しています" in result.stdout
    assert "+81 90-1234-5678" in result.stdout
    masked = cli("show", str(saved("all-pass", "en")), "--full")
    assert "+81 90-****-5678" in masked.stdout and "1234" not in masked.stdout
