"""Where to look up a "don't know" answer: the questions people commonly cannot answer have a place,
every place comes from kakaoaudit.core.lookup_places (the sourced texts), the blog-only menu paths
(KAKAO-FACTS K18) stay hedged in every language, and the report carries the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kakaoaudit.commands.audit import known_questions, load_registry
from kakaoaudit.core import lookup_places as places
from kakaoaudit.core.i18n import Msg

#: The answers the usability review found a first-time user could not give (ux-review A4).
COMMONLY_UNKNOWN = (
    "profile.kakao_id",
    "password.last_changed",
    "contacts.backup.kind",
    "contacts.reviewed_on",
    "security.two_step.enabled",
    "security.two_step.route",
    "security.sms_filter_blocks_kakao",
    "security.sessions.reviewed_on",
    "security.sessions.unknown_found",
    "security.country_restriction.enabled",
    "security.country_restriction.countries",
    "travel.roaming",
    "travel.vpn.exit_country",
    # The backup email of 2-step verification is asked as the backup contact (contacts.backup.kind);
    # the travel check's backup date is the chat backup's (recovery.chat_backup_on).
    "recovery.chat_backup",
    "recovery.chat_backup_on",
)
PLACES = {name: value for name, value in vars(places).items() if isinstance(value, Msg)}
#: The places that give a menu path reported by blogs only (K18).
BLOG_PATHS = ("TWO_STEP", "COUNTRY_RESTRICTION", "LOGIN_MANAGEMENT")
HEDGES = {"en": ("Reportedly",), "ja": ("とされています",), "ko": ("알려져 있습니다",)}


@pytest.fixture(scope="module")
def questions() -> dict[str, Any]:
    return known_questions(load_registry())


@pytest.mark.parametrize("question_id", COMMONLY_UNKNOWN)
def test_commonly_unknown_answers_say_where_to_look(questions: dict[str, Any], question_id: str) -> None:
    question = questions[question_id]
    assert question.allow_unknown
    assert question.lookup is not None, question_id


def test_every_lookup_is_a_sourced_place(questions: dict[str, Any]) -> None:
    for question in questions.values():
        if question.lookup is not None:
            assert question.lookup in PLACES.values(), question.id


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
@pytest.mark.parametrize("name", BLOG_PATHS)
def test_blog_only_paths_stay_hedged(name: str, lang: str) -> None:
    text = PLACES[name].render(lang)
    for hedge in HEDGES[lang]:
        assert hedge in text, (name, lang, text)


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_places_without_a_source_invent_no_path(lang: str) -> None:
    for name in ("ACCOUNT_SETTINGS", "ACCOUNT_SETTINGS_NOW", "CHAT_BACKUP"):
        assert ">" not in PLACES[name].render(lang), name


def test_the_demo_report_carries_the_list(cli: Callable[..., Any], validate_report: Callable[[Any], None]) -> None:
    from kakaoaudit.formats.json_report import from_dict

    result = cli("demo", "--format", "json")
    data = result.json()
    validate_report(data)
    assert [item["question_id"] for item in data["look_up"]] == data["unknown_answers"]
    assert data["look_up"][0]["where"] == places.LOGIN_MANAGEMENT.render("en")
    report = from_dict(data)
    assert report.look_up[0].where == places.LOGIN_MANAGEMENT
    assert report.look_up[0].prompt.render("ja") != report.look_up[0].prompt.render("en")
