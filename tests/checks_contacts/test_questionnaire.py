"""The questionnaire of these checks at the prompter: follow-ups appear only when relevant, typed input is read."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

import pytest

from kakaoaudit.checks.contacts import BackupContacts, ContactsReview, RegisteredEmail, RegisteredPhone
from kakaoaudit.checks.country_restriction import CountryRestriction
from kakaoaudit.checks.sessions import SessionsReview
from kakaoaudit.core.engine import questions_of
from kakaoaudit.questionnaire.flow import Questionnaire
from kakaoaudit.questionnaire.prompt import Prompter

CHECKS = [RegisteredPhone, RegisteredEmail, BackupContacts, ContactsReview, SessionsReview, CountryRestriction]


def ask(typed: dict[str, str], lang: str = "en") -> tuple[dict[str, Any], list[str]]:
    """Answer every question the prompter asks from `typed` (by question id); returns answers and the ids asked."""
    questions = questions_of(CHECKS)
    by_prompt = {q.prompt.render(lang): q.id for q in questions}
    asked: list[str] = []
    out = io.StringIO()

    def read(_hint: str) -> str:
        # The last question line on the output is "[n/m] prompt".
        line = [ln for ln in out.getvalue().splitlines() if ln.startswith("[")][-1]
        question_id = by_prompt[line.split("] ", 1)[1]]
        asked.append(question_id)
        return typed[question_id]

    answers: dict[str, Any] = {}
    now = datetime(2026, 11, 28, 12, tzinfo=timezone.utc)
    Questionnaire(Prompter(lang, out=out, read=read), None, {}, "audit", now, answers, {}).ask(questions)
    return answers, asked


BASE = {
    "profile.home_country": "",  # Enter: the default
    "contacts.phone": "０９０－１２３４－５６７８",
    "contacts.phone_current": "はい",  # yes/no in every language
    "contacts.email": "taro@example.com",
    "contacts.email_access": "y",
    "contacts.email_spam_checked": "いいえ",
    "contacts.backup.kind": "1",  # email
    "contacts.backup.email": "taro.backup@example.net",
    "contacts.backup.phone": "080-1111-2222",
    "contacts.backup.reachable_without_phone": "u",
    "contacts.reviewed_on": "2026-10-01",
    "security.sessions.reviewed_on": "わからない",
    "security.sessions.unknown_found": "1",
    "security.pc_code_shared": "아니요",
    "security.country_restriction.enabled": "y",
    "security.country_restriction.countries": "日本、アメリカ",
}


def test_a_typical_person_answers_these_checks_in_few_questions() -> None:
    answers, asked = ask(BASE)
    assert "contacts.backup.phone" not in asked  # backup is an email only
    # The person does not remember looking at the devices: what they saw there is not asked.
    assert "security.sessions.unknown_found" not in asked
    assert len(asked) == len(set(asked)) == 14
    assert (answers["contacts.phone_current"], answers["contacts.email_access"]) == (True, True)
    assert answers["contacts.email_spam_checked"] is False
    assert answers["security.pc_code_shared"] is False
    assert answers["profile.home_country"] == "JP"
    assert answers["contacts.phone"] == "090-1234-5678"  # the prompter reads full-width digits
    assert answers["contacts.backup.kind"] == "email"
    assert answers["contacts.backup.reachable_without_phone"] == "unknown"
    assert answers["security.sessions.reviewed_on"] == "unknown"
    assert answers["security.country_restriction.countries"] == ("JP", "US")


@pytest.mark.parametrize(
    ("change", "not_asked"),
    [
        ({"contacts.backup.kind": "4"}, {"contacts.backup.email", "contacts.backup.phone",
                                          "contacts.backup.reachable_without_phone"}),
        ({"contacts.backup.kind": "u"}, {"contacts.backup.email", "contacts.backup.phone",
                                          "contacts.backup.reachable_without_phone"}),
        ({"security.country_restriction.enabled": "n"}, {"security.country_restriction.countries"}),
        ({"security.country_restriction.enabled": "u"}, {"security.country_restriction.countries"}),
    ],
)
def test_follow_ups_are_skipped(change: dict[str, str], not_asked: set[str]) -> None:
    _answers, asked = ask({**BASE, **change})
    assert not_asked.isdisjoint(asked)
    assert len(asked) == 14 - len(not_asked & {"contacts.backup.email",
                                               "contacts.backup.reachable_without_phone",
                                               "security.country_restriction.countries"})


def test_the_home_country_is_not_asked_when_the_number_tells() -> None:
    """A +81 number, or 090 typed by a person writing in Japanese: Japan, without a question."""
    answers, asked = ask({**BASE, "contacts.phone": "+81 90-1234-5678"})
    assert "profile.home_country" not in asked and answers["profile.home_country"] == "JP"
    answers, asked = ask(BASE, lang="ja")
    assert "profile.home_country" not in asked and answers["profile.home_country"] == "JP"


def test_what_was_seen_is_asked_after_a_dated_look() -> None:
    answers, asked = ask({**BASE, "security.sessions.reviewed_on": "2026年10月"})
    assert "security.sessions.unknown_found" in asked
    assert answers["security.sessions.reviewed_on"].isoformat() == "2026-10"


def test_both_backups_ask_both() -> None:
    _answers, asked = ask({**BASE, "contacts.backup.kind": "3"})
    assert {"contacts.backup.email", "contacts.backup.phone"} <= set(asked)
