"""Questions parse typed answers; the answers file is validated with clear, located errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kakaoaudit.core.answers import MAX_FILE_BYTES, Answers, load_answers_file, parse_answers_text
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import translator
from kakaoaudit.core.questions import UNKNOWN, AnswerValueError, Choice, QType, Question

pytestmark = pytest.mark.calendar  # dates and time zones: CI runs these under several TZ values

_ = translator("kakaoaudit")
TODAY = date(2026, 11, 28)

QUESTIONS = {
    q.id: q
    for q in (
        Question("security.two_step.enabled", QType.BOOL, _("yes"), allow_unknown=True),
        Question("security.two_step.route", QType.CHOICE, _("yes"),
                 choices=(Choice("kakaotalk", _("yes")), Choice("phone", _("no"))),
                 when={"security.two_step.enabled": True}),
        Question("conduct.features", QType.MULTI, _("yes"),
                 choices=(Choice("chat", _("yes")), Choice("friends", _("no")))),
        Question("conduct.friends_added", QType.INT, _("yes"), minimum=0, maximum=10000),
        Question("profile.reviewed_on", QType.DATE, _("yes"), past_only=True),
        Question("contacts.phone", QType.PHONE, _("yes")),
        Question("contacts.email", QType.EMAIL, _("yes")),
        Question("profile.nickname", QType.TEXT, _("yes"), max_length=50),
    )
}


def write(tmp_path: Path, text: str | bytes, name: str = "answers.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load(path: Path) -> dict[str, object]:
    return load_answers_file(path, QUESTIONS, today=TODAY).values


def error_text(path: Path) -> str:
    with pytest.raises(InputError) as info:
        load(path)
    return str(info.value)


def test_nested_tables_and_dotted_keys_are_the_same(tmp_path: Path) -> None:
    nested = write(tmp_path, '[security.two_step]\nenabled = true\nroute = "phone"\n', "a.toml")
    dotted = write(tmp_path, 'security.two_step.enabled = true\nsecurity.two_step.route = "phone"\n', "b.toml")
    assert load(nested) == load(dotted) == {"security.two_step.enabled": True, "security.two_step.route": "phone"}


def test_every_type_parses(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[security.two_step]
enabled = "unknown"
[conduct]
features = ["chat", "friends", "chat"]
friends_added = 12
[profile]
reviewed_on = 2024-05-31
nickname = "  さくら  "
[contacts]
phone = "０９０-1234-5678"
email = "Someone@Example.jp"
""",
    )
    values = load(path)
    assert values["security.two_step.enabled"] == UNKNOWN
    assert values["conduct.features"] == ("chat", "friends")
    assert values["conduct.friends_added"] == 12
    assert values["profile.reviewed_on"] == date(2024, 5, 31)
    assert values["profile.nickname"] == "さくら"
    assert values["contacts.phone"] == "０９０-1234-5678"


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffsecurity.two_step.enabled = false\n".encode())
    assert load(path) == {"security.two_step.enabled": False}


def test_malformed_toml_reports_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "[security.two_step]\nenabled = tru\n")
    message = error_text(path)
    assert str(path) in message
    assert "line 2, column" in message
    assert "\n" not in message.strip()


def test_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    message = error_text(write(tmp_path, "[security.two_step]\nenabeld = true\n"))
    assert "unknown key 'security.two_step.enabeld'" in message
    assert "did you mean 'security.two_step.enabled'" in message


def test_unknown_key_without_near_match_points_to_init(tmp_path: Path) -> None:
    assert "kakaoaudit init" in error_text(write(tmp_path, "zzz = 1\n"))


@pytest.mark.parametrize(
    ("toml", "key", "expected", "value"),
    [
        ('security.two_step.enabled = "yes"', "security.two_step.enabled", "true or false", '"yes"'),
        ('security.two_step.route = "sms"', "security.two_step.route", "one of: kakaotalk, phone", '"sms"'),
        ("conduct.friends_added = -1", "conduct.friends_added", "a whole number", "-1"),
        ("conduct.friends_added = 1.5", "conduct.friends_added", "a whole number", "1.5"),
        ("conduct.friends_added = true", "conduct.friends_added", "a whole number", "true"),
        ('profile.reviewed_on = "yesterday"', "profile.reviewed_on", "a date like", '"yesterday"'),
        ("profile.reviewed_on = 2099-01-01", "profile.reviewed_on", "the date is in the future", "2099-01-01"),
        ('conduct.features = ["chat", "x"]', "conduct.features", "a list of: chat, friends", "a list"),
        ("contacts.phone = 5", "contacts.phone", "a phone number as text", "5"),
        ('profile.nickname = "' + "x" * 60 + '"', "profile.nickname", "at most 50 characters", "..."),
        ('profile.nickname = "a\\u001b[31mb"', "profile.nickname", "control characters", "\\u001b"),
    ],
)
def test_wrong_value_names_file_key_expected_and_value(
    tmp_path: Path, toml: str, key: str, expected: str, value: str
) -> None:
    path = write(tmp_path, toml + "\n")
    message = error_text(path)
    assert str(path) in message
    assert f"key '{key}'" in message
    assert expected in message
    assert value in message
    assert "\x1b" not in message


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    message = error_text(write(tmp_path, 'security.two_step.enabled = 1\nnope = 2\nconduct.friends_added = "x"\n'))
    assert len(message.splitlines()) == 3


@pytest.mark.parametrize("key", ["password", "account.password", "pwd", "kakao.secret", "pin", "パスワード"])
def test_password_keys_are_refused_with_the_reason(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, f'"{key}" = "hunter2-canary"\n' if "." not in key else f'{key} = "hunter2-canary"\n')
    message = error_text(path)
    assert "passwords are never read from a file" in message
    assert "hunter2-canary" not in message


def test_a_value_under_a_password_namespace_is_not_echoed(tmp_path: Path) -> None:
    questions = {"password.reused": Question("password.reused", QType.BOOL, _("yes"))}
    path = write(tmp_path, 'password.reused = "hunter2-canary"\n')
    with pytest.raises(InputError) as info:
        load_answers_file(path, questions, today=TODAY)
    assert "hunter2-canary" not in str(info.value)


def test_missing_file_directory_and_huge_file(tmp_path: Path) -> None:
    assert "no such answers file" in error_text(tmp_path / "missing.toml")
    assert "is a directory" in error_text(tmp_path)
    huge = write(tmp_path, "# " + "x" * MAX_FILE_BYTES + "\n")
    assert "too large" in error_text(huge)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, "profile.nickname = \"さくら\"\n".encode("shift_jis"))
    assert "not UTF-8" in error_text(path)


def test_reserved_sections_are_handed_to_their_parser(tmp_path: Path) -> None:
    seen = {}

    def parse(raw: object, where: Path) -> str:
        seen["raw"] = raw
        return "parsed"

    path = write(tmp_path, '[suppress]\nKA401 = { reason = "x" }\n')
    result = load_answers_file(path, QUESTIONS, today=TODAY, sections={"suppress": parse})
    assert result.sections == {"suppress": "parsed"}
    assert seen["raw"] == {"KA401": {"reason": "x"}}


def test_parse_text_names_its_source() -> None:
    with pytest.raises(InputError) as info:
        parse_answers_text("x = [", Path("<built-in>"), QUESTIONS, today=TODAY)
    assert "<built-in>" in str(info.value)


def test_answers_accessors() -> None:
    answers = Answers({"a.b": True, "a.c": "unknown", "a.d": 3, "a.e": date(2020, 1, 1), "a.f": ("x",), "a.g": "t"})
    assert answers.get_bool("a.b") is True
    assert answers.get_bool("a.c") is None
    assert answers.is_unknown("a.c")
    assert answers.get_text("a.c") is None
    assert answers.get_text("a.g") == "t"
    assert answers.get_int("a.d") == 3
    assert answers.get_int("a.b") is None
    assert answers.get_date("a.e") == date(2020, 1, 1)
    assert answers.get_list("a.f") == ("x",)
    assert answers.get_list("missing.key") == ()


class TestQuestion:
    def test_ids_must_be_dotted_lower_case(self) -> None:
        for bad in ("enabled", "Security.two", "a..b", "a.b-c", ""):
            with pytest.raises(ValueError):
                Question(bad, QType.BOOL, _("yes"))

    def test_a_question_may_not_ask_for_a_password(self) -> None:
        with pytest.raises(ValueError, match="never ask for a password"):
            Question("account.password", QType.TEXT, _("yes"))

    def test_password_namespace_is_fine_for_questions_about_habits(self) -> None:
        Question("password.reused", QType.BOOL, _("yes"))

    def test_choice_needs_choices_and_default_must_be_valid(self) -> None:
        with pytest.raises(ValueError):
            Question("a.b", QType.CHOICE, _("yes"))
        with pytest.raises(AnswerValueError):
            Question("a.b", QType.BOOL, _("yes"), default="maybe")

    def test_conditions(self) -> None:
        question = QUESTIONS["security.two_step.route"]
        assert question.applies({}) is None
        assert question.applies({"security.two_step.enabled": True}) is True
        assert question.applies({"security.two_step.enabled": False}) is False
        either = Question("a.b", QType.BOOL, _("yes"), when={"x.y": ("p", "q")})
        assert either.applies({"x.y": "q"}) is True

    def test_unknown_only_where_allowed(self) -> None:
        with pytest.raises(AnswerValueError):
            QUESTIONS["conduct.friends_added"].parse("unknown")
        assert QUESTIONS["security.two_step.enabled"].parse(" Unknown ") == UNKNOWN

    def test_dates_from_strings_and_full_width_digits(self) -> None:
        assert QUESTIONS["profile.reviewed_on"].parse("２０２４-０５-３１", today=TODAY) == date(2024, 5, 31)
        with pytest.raises(AnswerValueError):
            QUESTIONS["profile.reviewed_on"].parse("1850-01-01", today=TODAY)
