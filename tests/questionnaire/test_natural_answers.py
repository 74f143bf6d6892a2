"""Natural answers at the prompt and in the answers file: dates as people write them, yes/no in every
language, "never", "don't know"; every error says what to type, in the person's language, with choice
numbers and labels (never kakaoaudit's internal keys); the answers file takes what its template documents."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kakaoaudit.commands.audit import known_questions, load_registry
from kakaoaudit.core.answer_text import NEVER, RoughDate
from kakaoaudit.core.i18n import Msg
from kakaoaudit.core.questions import UNKNOWN, AnswerValueError, QType, Question
from kakaoaudit.questionnaire.prompt import Prompter

TODAY = date(2026, 11, 28)
KNOWN = known_questions(load_registry())


def answer(question: Question, typed: str, lang: str = "en") -> Any:
    return Prompter(lang).answer(question, typed, TODAY)


BIRTH = KNOWN["profile.birth_date"]
LAST_CHANGED = KNOWN["password.last_changed"]
REVIEWED = KNOWN["security.sessions.reviewed_on"]
DEPART = KNOWN["travel.depart"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("1962-03-15", date(1962, 3, 15)),
    ("1962/3/15", date(1962, 3, 15)),
    ("1962.3.15", date(1962, 3, 15)),
    ("1962年3月15日", date(1962, 3, 15)),
    ("1962년 3월 15일", date(1962, 3, 15)),
    ("昭和37年3月15日", date(1962, 3, 15)),
    ("S37.3.15", date(1962, 3, 15)),
    ("平成2年5月12日", date(1990, 5, 12)),
    ("H2/5/12", date(1990, 5, 12)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("R6.5.31", date(2024, 5, 31)),
    ("１９６２－０３－１５", date(1962, 3, 15)),
    ("19620315", date(1962, 3, 15)),
])
def test_a_birth_date_as_people_write_it(typed: str, expected: date) -> None:
    assert answer(BIRTH, typed) == expected


@pytest.mark.parametrize("typed", ["2022", "1962/3", "昭和37年"])
def test_a_birth_date_is_a_whole_day(typed: str) -> None:
    with pytest.raises(AnswerValueError):
        answer(BIRTH, typed)


@pytest.mark.parametrize(("typed", "expected"), [
    ("2022", RoughDate(2022)),
    ("2022年", RoughDate(2022)),
    ("2022년", RoughDate(2022)),
    ("2024-05", RoughDate(2024, 5)),
    ("2024/5", RoughDate(2024, 5)),
    ("2024年5月", RoughDate(2024, 5)),
    ("令和6年5月", RoughDate(2024, 5)),
    ("平成30年", RoughDate(2018)),
    ("2022年頃", RoughDate(2022)),
    ("약 2022년", RoughDate(2022)),
    ("2024/5/31", date(2024, 5, 31)),
])
def test_a_rough_date_where_a_rough_date_is_asked(typed: str, expected: date) -> None:
    assert answer(LAST_CHANGED, typed) == expected


@pytest.mark.parametrize("typed", ["never", "したことがない", "一度もない", "見たことがない", "없음", "한 번도 없어요"])
def test_never_where_never_is_an_answer(typed: str) -> None:
    assert answer(REVIEWED, typed) == NEVER


def test_never_is_not_an_answer_everywhere() -> None:
    with pytest.raises(AnswerValueError):
        answer(LAST_CHANGED, "never")


@pytest.mark.parametrize(("typed", "expected"), [
    ("12/16", date(2026, 12, 16)),
    ("12月16日", date(2026, 12, 16)),
    ("12월 16일", date(2026, 12, 16)),
    ("1/3", date(2027, 1, 3)),  # the next 3 January
    ("2027/1/3", date(2027, 1, 3)),
])
def test_trip_dates_in_the_future(typed: str, expected: date) -> None:
    assert answer(DEPART, typed) == expected


@pytest.mark.parametrize("typed", ["u", "unknown", "わからない", "分かりません", "不明", "모름", "모르겠어요",
                                   "don't know", "not sure"])
def test_dont_know_in_every_language(typed: str) -> None:
    assert answer(KNOWN["security.two_step.enabled"], typed) == UNKNOWN
    assert answer(REVIEWED, typed) == UNKNOWN


@pytest.mark.parametrize(("typed", "expected"), [
    ("y", True), ("yes", True), ("Y", True), ("はい", True), ("ハイ", True), ("うん", True), ("예", True),
    ("네", True), ("n", False), ("no", False), ("いいえ", False), ("아니요", False), ("아니오", False),
    ("아뇨", False), ("ｙ", True),
])
def test_yes_and_no_in_every_language(typed: str, expected: bool) -> None:
    assert answer(KNOWN["security.two_step.enabled"], typed) is expected
    assert Prompter("en", read=lambda _prompt: typed).confirm(Msg("x", "Continue?")) is expected


def test_choices_by_number_or_by_their_words() -> None:
    question = KNOWN["contacts.backup.kind"]
    assert answer(question, "3") == "both"
    assert answer(question, "両方", lang="ja") == "both"
    assert answer(question, "Neither") == "none"


@pytest.mark.parametrize("typed", ["1、2", "1,2", "1 2", "１，２"])
def test_several_choices_separated_as_people_separate_them(typed: str) -> None:
    import unicodedata

    assert answer(KNOWN["conduct.recent_activity"], unicodedata.normalize("NFKC", typed)) == (
        "same_message", "many_messages")


def test_nothing_ticked_is_dont_know_where_a_none_item_exists() -> None:
    assert answer(KNOWN["conduct.recent_activity"], "") == UNKNOWN
    assert answer(KNOWN["recovery.habits"], "") == UNKNOWN


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_errors_say_what_to_type_with_numbers_and_labels_never_internal_keys(lang: str) -> None:
    prompter = Prompter(lang)
    for question in KNOWN.values():
        if question.type not in (QType.CHOICE, QType.MULTI):
            continue
        try:
            prompter.answer(question, "???", TODAY)
        except AnswerValueError as error:
            message = prompter.retry_message(question, error)
        else:
            continue
        assert "1" in message and str(len(question.choices)) in message, (question.id, message)
        for value in question.choice_values:
            if value not in ("phone", "email", "none", "never", "other", "app", "search", "vpn", "public"):
                assert value not in message, (question.id, value, message)


def test_a_country_that_is_not_one_suggests_names_not_codes() -> None:
    prompter = Prompter("ja")
    with pytest.raises(AnswerValueError) as raised:
        prompter.answer(KNOWN["travel.destination"], "Tiawan", TODAY)
    message = prompter.retry_message(KNOWN["travel.destination"], raised.value)
    assert "台湾（TW）" in message and "日本" in message


def test_a_country_question_without_dont_know_says_it_needs_an_answer() -> None:
    prompter = Prompter("en")
    with pytest.raises(AnswerValueError) as raised:
        prompter.answer(KNOWN["travel.destination"], "u", TODAY)
    assert "needs an answer" in prompter.retry_message(KNOWN["travel.destination"], raised.value)


@pytest.mark.parametrize(("typed", "says"), [
    ("hanako@gmial.com", "hanako@gmail.com"),
    ("hanako@yahoo.co.jpp", "hanako@yahoo.co.jp"),
    ("minsu@naver.con", "minsu@naver.com"),
    ("hanako.example.com", "has no @"),
])
def test_an_email_worth_a_second_look(typed: str, says: str) -> None:
    check = KNOWN["contacts.email"].prompt_check
    assert check is not None
    problem = check(typed)
    assert problem is not None and says in problem.render("en")
    assert check("hanako@gmail.com") is None and check("") is None


def test_the_same_address_typed_again_is_kept() -> None:
    typed = iter(["hanako@gmial.com", "hanako@gmial.com"])
    question = KNOWN["contacts.email"]
    assert Prompter("en", read=lambda _p: next(typed)).ask(question, "[1/1]", TODAY) == "hanako@gmial.com"


def test_a_phone_number_with_letters_is_asked_again() -> None:
    check = KNOWN["contacts.phone"].prompt_check
    assert check is not None
    assert check("O9O-I234-5678") is not None and check("090-1234-5678") is None


# --- the answers file takes what its template documents ----------------------------------------------

@pytest.mark.parametrize("question_id", sorted(key for key, q in KNOWN.items() if q.allow_unknown))
def test_unknown_is_accepted_wherever_the_template_lists_it(question_id: str) -> None:
    question = KNOWN[question_id]
    assert "unknown" in question.expected().render("en")
    assert question.parse("unknown", today=TODAY) == UNKNOWN
    if question.type is QType.MULTI:
        assert question.parse(["unknown"], today=TODAY) == UNKNOWN  # restriction_reasons = ["unknown"]


def test_rough_dates_and_never_in_a_file() -> None:
    assert LAST_CHANGED.parse(2022, today=TODAY) == RoughDate(2022)  # a bare TOML year
    assert LAST_CHANGED.parse("2022-05", today=TODAY) == RoughDate(2022, 5)
    assert REVIEWED.parse("never", today=TODAY) == NEVER
    with pytest.raises(AnswerValueError):
        LAST_CHANGED.parse(20240101, today=TODAY)  # not a year


def test_an_answers_file_with_a_typo_in_an_email_still_gives_its_finding(cli: Any, tmp_path: Any) -> None:
    path = tmp_path / "a.toml"
    path.write_text('[contacts]\nemail = "hanako@gmial.com"\nemail_access = true\nemail_spam_checked = true\n',
                    encoding="utf-8")
    result = cli("audit", "--answers", str(path), "--only", "KA302", "--no-input", "--no-history", "--format", "json")
    assert result.exit_code == 0, result.stderr
    # Kept as given: the check reports the likely typo (the prompt would have asked again).
    assert "email-typo" in {f["code"] for f in result.json()["findings"]}
