"""The person's answers file: merged into with tomlkit (nothing it did not change is lost), atomically,
with the date of each answer; answers about the present are asked again after 30 days."""

from __future__ import annotations

import os
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomllib

from kakaoaudit.core.answer_text import RoughDate
from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.questions import QType, Question
from kakaoaudit.questionnaire.store import ANSWERS_FILENAME, AnswerStore, Meta, _lines, default_path, parse_meta

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)

QUESTIONS = {
    question.id: question
    for question in (
        Question("contacts.phone", QType.PHONE, Msg("x", "Which phone number?")),
        Question("security.two_step.enabled", QType.BOOL, Msg("x", "2-step on?"), present=True),
        Question("security.sessions.reviewed_on", QType.DATE, Msg("x", "When did you look?"), rough=True,
                 present=True),
        Question("profile.nickname", QType.TEXT, Msg("x", "Your name?")),
    )
}

HAND_WRITTEN = """\
# Mother's answers: written by hand. Keep this comment.
[contacts]
phone = "090-1234-5678"  # the old phone

[security.two_step]
enabled = false

[suppress]
KA501 = { reason = "club announcements", expires = 2027-01-01 }

[settings]
reminder_days = 30

[plugin_table]
something = "a plugin's key, unknown to kakaoaudit"
"""


def store(path: Path) -> AnswerStore:
    return AnswerStore(path, explicit=True, save=True)


def test_merging_keeps_every_key_table_and_comment(tmp_path: Path) -> None:
    path = tmp_path / "mother.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    store(path).record({"security.two_step.enabled": True, "security.sessions.reviewed_on": RoughDate(2026, 10),
                        "profile.nickname": "はなこ"}, QUESTIONS, NOW, lang="en")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Mother's answers: written by hand. Keep this comment.")
    assert "# the old phone" in text
    data = tomllib.loads(text)
    assert data["contacts"]["phone"] == "090-1234-5678"
    assert data["security"]["two_step"]["enabled"] is True  # changed
    assert data["security"]["sessions"]["reviewed_on"] == "2026-10"  # what the person meant, as a string
    assert data["profile"]["nickname"] == "はなこ"
    assert data["suppress"]["KA501"]["reason"] == "club announcements"
    assert data["settings"] == {"reminder_days": 30}
    assert data["plugin_table"]["something"].startswith("a plugin's key")
    assert "# Your name?" in text  # a new key carries its question
    assert set(data["meta"]["answered"]) == {"security.two_step.enabled", "security.sessions.reviewed_on",
                                             "profile.nickname"}


SPACED = """\
# Spaced out by hand: every blank line here is the person's.



[contacts]
phone = "090-1234-5678"
[security.two_step]
enabled = false


# the rest later
"""


def test_the_persons_own_blank_lines_stay_and_ours_are_tidy(tmp_path: Path) -> None:
    path = tmp_path / "spaced.toml"
    path.write_text(SPACED, encoding="utf-8")
    kept = store(path)
    kept.record({"security.two_step.enabled": True, "profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="en")
    kept.record({"security.sessions.reviewed_on": RoughDate(2026, 10)}, QUESTIONS, NOW, lang="en")
    text = path.read_text(encoding="utf-8")
    # The person's layout: three blank lines, a table right after a key, two blank lines before a comment.
    assert text.startswith("# Spaced out by hand: every blank line here is the person's.\n\n\n\n[contacts]\n")
    assert 'phone = "090-1234-5678"\n[security.two_step]\n' in text
    assert "\n\n\n# the rest later\n" in text
    # What kakaoaudit added: one blank line before each new table, never two of its own in a row.
    lines = text.splitlines()
    for header in ("[profile]", "[security.sessions]", "[meta.answered]"):
        at = lines.index(header)
        assert lines[at - 1] == "" and lines[at - 2] != "", (header, lines[at - 3:at + 1])
    assert "\n\n\n" not in text.split("# the rest later", 1)[1]
    data = tomllib.loads(text)
    assert data["security"]["two_step"]["enabled"] is True and data["profile"]["nickname"] == "Hanako"


def test_a_windows_file_keeps_its_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "windows.toml"
    path.write_bytes(SPACED.replace("\n", "\r\n").encode("utf-8"))
    store(path).record({"security.two_step.enabled": True, "profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="en")
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") > SPACED.count("\n")  # every line, ours too, ends in CRLF
    assert raw.startswith(SPACED.split("[security", 1)[0].replace("\n", "\r\n").encode("utf-8"))
    assert tomllib.loads(raw.decode("utf-8"))["profile"]["nickname"] == "Hanako"


def test_unicode_line_separators_inside_a_comment_or_string_are_not_line_breaks(tmp_path: Path) -> None:
    # TOML breaks lines only at LF; U+2028, U+0085 and U+2029 may sit in a comment or a string.
    path = tmp_path / "separators.toml"
    person = ('# a note\u2028[looks_like_a_table]\u0085\n[contacts]\nphone = "090"\n'
              'motto = "one\u2028\u2028two\u2029"\n')
    path.write_text(person, encoding="utf-8")
    store(path).record({"profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="en")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(person)
    data = tomllib.loads(text)
    assert "looks_like_a_table" not in data and data["contacts"]["motto"] == "one\u2028\u2028two\u2029"
    assert data["profile"]["nickname"] == "Hanako"
    # The comparison cuts lines only at LF (str.splitlines would also cut at these).
    assert _lines("a\u2028b\x85c\u2029d\x0ce\r\nf") == ["a\u2028b\x85c\u2029d\x0ce\r\n", "f"]


def test_a_moved_multi_line_string_of_the_person_keeps_its_line_endings(tmp_path: Path) -> None:
    # tomlkit gathers the entries of an array of tables, so the person's lines move; tomllib reads CRLF
    # and LF alike inside a string, so only leaving the person's lines alone keeps the value.
    path = tmp_path / "mixed.toml"
    person_string = 'k = """\nline1\nline2"""\n'
    path.write_bytes(('[[arr]]\r\nk = 1\r\n[t]\r\n' + "".join(f"k{i} = {i}\r\n" for i in range(10))
                      + "[[arr]]\n" + person_string).encode("utf-8"))
    store(path).record({"profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="en")
    text = path.read_bytes().decode("utf-8")
    assert person_string in text


def test_a_nan_in_the_file_does_not_switch_tidying_off(tmp_path: Path) -> None:
    path = tmp_path / "nan.toml"
    path.write_bytes(b'# mine\r\n[contacts]\r\nphone = "1"\r\nx = nan\r\n')
    store(path).record({"profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="en")
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") and b"\r\n\r\n\r\n" not in raw


def test_a_byte_order_mark_and_a_missing_last_newline_are_handled(tmp_path: Path) -> None:
    path = tmp_path / "notepad.toml"
    path.write_bytes(b"\xef\xbb\xbf[contacts]\nphone = \"090\"")  # no newline at the end
    store(path).record({"contacts.email": "hanako@example.com"}, {}, NOW, lang="en")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf[contacts]\nphone = \"090\"\n")  # the mark stays; nothing glued
    assert tomllib.loads(raw.decode("utf-8-sig"))["contacts"] == {"phone": "090", "email": "hanako@example.com"}


@pytest.mark.parametrize("content", ['[[contacts]]\nname = "a"\n', "contacts = 1\n", "[[meta]]\nx = 1\n",
                                     "[meta]\nanswered = 3\n"])
def test_a_table_that_is_something_else_in_the_file_is_one_clear_error(tmp_path: Path, content: str) -> None:
    from kakaoaudit.core.errors import OutputError

    path = tmp_path / "odd.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        store(path).record({"contacts.phone": "090-1234-5678"}, QUESTIONS, NOW, lang="ja")
    message = str(raised.value)
    assert "is not a table in this file" in message and "left as it is" in message
    assert path.read_text(encoding="utf-8") == content


@pytest.mark.timeout(60)
def test_a_long_file_of_repeated_lines_is_saved_at_once_and_whole(tmp_path: Path) -> None:
    # Comparing the file as read with the file to write line by line is quadratic on repeated lines
    # (difflib): 30,000 identical comment lines took hours. The comparison is bounded; a change too
    # large to compare is saved as tomlkit wrote it.
    path = tmp_path / "long.toml"
    path.write_text("[security.two_step]\nenabled = false\n" + "# a note\n" * 30_000, encoding="utf-8")
    started = time.monotonic()
    store(path).record({"security.two_step.enabled": True, "profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="en")
    assert time.monotonic() - started < 30
    text = path.read_text(encoding="utf-8")
    assert text.count("# a note\n") == 30_000
    data = tomllib.loads(text)
    assert data["security"]["two_step"]["enabled"] is True and data["profile"]["nickname"] == "Hanako"


def test_another_command_never_removes_what_one_saved(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    store(path).record({"contacts.phone": "090-1234-5678"}, QUESTIONS, NOW, lang="ja")
    # A second run reads the file afresh at each write: what was written in between is kept.
    other = store(path)
    path.write_text(path.read_text(encoding="utf-8") + '\n[triage]\nsymptoms = ["stuck_sending"]\n', encoding="utf-8")
    other.record({"profile.nickname": "Hanako"}, QUESTIONS, NOW, lang="ja")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["contacts"]["phone"] == "090-1234-5678" and data["triage"]["symptoms"] == ["stuck_sending"]
    assert data["profile"]["nickname"] == "Hanako"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_new_file_is_private_and_starts_with_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "answers.toml"  # kakaoaudit's folder may not exist yet
    store(path).record({"contacts.phone": "090"}, QUESTIONS, NOW, lang="en")
    assert path.stat().st_mode & 0o777 == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# kakaoaudit answers") and "never holds your password" in text
    assert not list(path.parent.glob("*.tmp"))  # written through a temporary file, nothing left over


def test_saving_off_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    AnswerStore(path, explicit=False, save=False).record({"contacts.phone": "090"}, QUESTIONS, NOW, lang="en")
    assert not path.exists()


def test_the_unfinished_mark_and_its_start(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    kept = store(path)
    kept.record({}, QUESTIONS, NOW, lang="en", unfinished="audit")
    assert not kept.written  # only the mark: no answer is kept yet
    kept.record({"contacts.phone": "090"}, QUESTIONS, NOW + timedelta(minutes=1), lang="en")
    assert kept.written and kept.meta.unfinished == "audit" and kept.answered_in_unfinished_run("contacts.phone")
    kept.record({}, QUESTIONS, NOW, lang="en", unfinished=None)
    assert "unfinished" not in tomllib.loads(path.read_text(encoding="utf-8"))["meta"]


def test_answers_about_today_are_stale_after_30_days(tmp_path: Path) -> None:
    enabled, phone = QUESTIONS["security.two_step.enabled"], QUESTIONS["contacts.phone"]
    kept = AnswerStore(tmp_path / "a.toml", explicit=True, save=True,
                       meta=Meta({"security.two_step.enabled": NOW - timedelta(days=31)}))
    assert kept.is_stale(enabled, NOW)
    assert not kept.is_stale(enabled, NOW - timedelta(days=2))
    assert not kept.is_stale(phone, NOW)  # a phone number does not describe "today"


def test_an_older_file_without_dates_counts_from_its_own_date(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text("[security.two_step]\nenabled = true\n", encoding="utf-8")
    old = (NOW - timedelta(days=45)).timestamp()
    os.utime(path, (old, old))
    kept = AnswerStore.at(path, save=True)
    assert kept.is_stale(QUESTIONS["security.two_step.enabled"], NOW)
    recent = (NOW - timedelta(days=3)).timestamp()
    os.utime(path, (recent, recent))
    assert not AnswerStore.at(path, save=True).is_stale(QUESTIONS["security.two_step.enabled"], NOW)


def test_meta_is_read_leniently() -> None:
    meta = parse_meta({"answered": {"a.b": date(2026, 1, 1), "c.d": "nonsense", 3: NOW}, "unfinished": 5},
                      Path("x"))
    assert set(meta.answered) == {"a.b"} and meta.unfinished is None
    assert parse_meta("not a table", Path("x")) == Meta()


def test_the_default_file_is_in_kakaoauditss_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAOAUDIT_HOME", str(tmp_path))
    assert default_path() == tmp_path / ANSWERS_FILENAME
    monkeypatch.delenv("KAKAOAUDIT_HOME")
    import platformdirs

    assert default_path().parent == Path(platformdirs.user_data_dir("kakaoaudit", appauthor=False))


@pytest.mark.parametrize("text", ["x = [[[", "a = 1\na = 2\n", "\udcff".encode("utf-8", "surrogateescape").decode(
    "latin-1"), "x = " + "[" * 600 + "]" * 600 + "\n"])
def test_a_file_spoilt_since_it_was_read_is_left_as_it_is(tmp_path: Path, text: str) -> None:
    """Another program may write the answers file while kakaoaudit asks: what it cannot read back, it leaves."""
    from kakaoaudit.core.errors import OutputError

    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(OutputError) as raised:
        store(path).record({"contacts.phone": "090-1234-5678"}, QUESTIONS, NOW, lang="en")
    assert "the file was left as it is" in str(raised.value)
    assert path.read_bytes() == before


def test_a_folder_that_cannot_hold_the_file_is_one_clear_error(tmp_path: Path) -> None:
    from kakaoaudit.core.errors import OutputError

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError):
        store(blocker / "answers.toml").record({"contacts.phone": "090-1234-5678"}, QUESTIONS, NOW, lang="en")
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_a_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kakaoaudit.core.errors import OutputError

    def refused(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)  # a folder the user may not write in (root may write anywhere)
    with pytest.raises(OutputError) as raised:
        store(tmp_path / "new" / "answers.toml").record({"contacts.phone": "090-1234-5678"}, QUESTIONS, NOW,
                                                        lang="en")
    assert "Permission denied" in str(raised.value)
