"""The triage decision: evidence → situation and confidence; the advice that follows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest

from kakaoaudit.core.answers import Answers
from kakaoaudit.triage import notice_phrases
from kakaoaudit.triage.assess import (
    KEEP,
    NEVER,
    QUESTIONS,
    STEPS,
    Confidence,
    Facts,
    Situation,
    advise,
    assess,
    facts_from,
)
from kakaoaudit.triage.restriction import Moment, Started, resolve_place

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
JAPAN = resolve_place("JP", "", NOW.date())


def ago(**delta: float) -> Moment:
    local = (NOW - timedelta(**delta)).astimezone(timezone(timedelta(hours=9)))
    return Moment(Started(local.date(), time(local.hour, local.minute)), JAPAN)


BASE = Facts(symptoms=frozenset({"stuck_sending"}), moment=None, notice_kind=None, matches=(),
             other_apps_online=None, past_restrictions=None, suspicious_login=None, abroad=False, place=JAPAN,
             korean_number=None, now=NOW)


def facts(notice_text: str = "", **changes: object) -> Facts:
    return replace(BASE, matches=notice_phrases.detect(notice_text), **changes)  # type: ignore[arg-type]


CASES = [
    # nothing known at all: never a guess, never "network, all fine"
    ("nothing known", facts(), Situation.UNCLEAR, Confidence.LOW),
    ("offline phone", facts(other_apps_online=False, notice_kind="none", moment=ago(minutes=20)),
     Situation.NETWORK, Confidence.HIGH),
    ("network error notice", facts("通信エラーが発生しました", notice_kind="other", other_apps_online=False),
     Situation.NETWORK, Confidence.HIGH),
    ("fresh, no notice, network fine", facts(other_apps_online=True, notice_kind="none", moment=ago(hours=3)),
     Situation.SHORT_TERM, Confidence.LOW),
    ("temporary limit notice", facts("しばらくしてから再度お試しください", notice_kind="temporary_limit",
                                     other_apps_online=True, moment=ago(hours=2)),
     Situation.SHORT_TERM, Confidence.HIGH),
    ("only friends blocked", facts(symptoms=frozenset({"cannot_add_friends"}), other_apps_online=True,
                                   notice_kind="none", moment=ago(hours=5)),
     Situation.SHORT_TERM, Confidence.MEDIUM),
    ("T3 phrase ja", facts("引き続きご利用いただくには本人確認が必要です。", notice_kind="identity_verification",
                           other_apps_online=True, moment=ago(days=2)),
     Situation.LONG_TERM, Confidence.HIGH),
    ("T3 phrase pasted, kind not remembered", facts("Some features are restricted for security reasons.",
                                                    notice_kind="other"),
     Situation.LONG_TERM, Confidence.HIGH),
    ("T3 phrase ko beats a dead network", facts("보안상의 이유로 일부 기능이 제한되었습니다", notice_kind="other",
                                                other_apps_online=False),
     Situation.LONG_TERM, Confidence.LOW),
    ("rules violation", facts(notice_kind="policy_violation", other_apps_online=True),
     Situation.LONG_TERM, Confidence.MEDIUM),
    ("lasting two days, no notice", facts(other_apps_online=True, notice_kind="none", moment=ago(days=2),
                                          past_restrictions="several"),
     Situation.LONG_TERM, Confidence.MEDIUM),
    ("lasting two days, nothing else", facts(other_apps_online=True, notice_kind="none", moment=ago(days=2)),
     Situation.LONG_TERM, Confidence.LOW),
    ("leak notice", facts("アカウント保護措置が適用されました", notice_kind="protective_measure",
                          other_apps_online=True, symptoms=frozenset({"cannot_log_in"})),
     Situation.PROTECTIVE_MEASURE, Confidence.HIGH),
    ("suspicious login only", facts(suspicious_login=True, other_apps_online=True,
                                    symptoms=frozenset({"cannot_log_in"})),
     Situation.PROTECTIVE_MEASURE, Confidence.MEDIUM),
]


@pytest.mark.parametrize(("name", "given", "situation", "confidence"), CASES, ids=[c[0] for c in CASES])
def test_assessment(name: str, given: Facts, situation: Situation, confidence: Confidence) -> None:
    result = assess(given)
    assert (result.situation, result.confidence) == (situation, confidence), result.scores
    assert result.reasons, "every assessment says why"
    assert all(score >= 0 for score in result.scores.values())


def test_network_is_never_the_answer_when_other_apps_work() -> None:
    for given in (facts(other_apps_online=True), facts(other_apps_online=True, notice_kind="none",
                                                      moment=ago(minutes=10))):
        assert assess(given).situation is not Situation.NETWORK


def test_ties_go_to_the_more_serious_situation_with_low_confidence() -> None:
    # +4 network (apps offline) against +4 long term (a rules notice)
    result = assess(facts(other_apps_online=False, notice_kind="policy_violation"))
    assert result.scores[Situation.NETWORK] == result.scores[Situation.LONG_TERM]
    assert (result.situation, result.confidence) == (Situation.LONG_TERM, Confidence.LOW)


def test_unknown_answers_are_explained_not_guessed() -> None:
    reasons = [r.msgid for r in assess(facts()).reasons]
    assert any("do not remember" in r for r in reasons)
    assert any("do not know whether other apps" in r for r in reasons)
    assert any("do not know when it started" in r for r in reasons)


@pytest.mark.parametrize("situation", list(Situation))
def test_steps_exist_in_order_and_are_sourced(situation: Situation) -> None:
    steps = STEPS[situation]
    assert len(steps) >= 3
    for item in (*steps, *KEEP, *NEVER):
        for lang in ("ja", "ko"):
            assert item.text.render(lang) != item.text.msgid, (lang, item.text.msgid)


def test_long_term_steps_follow_the_article() -> None:
    sources = [source for item in STEPS[Situation.LONG_TERM] for source in item.sources]
    for advice in ("C2", "T3", "C3", "S1", "S2", "S3", "Q2", "R2", "R4", "S4", "S5", "R1", "R3"):
        assert advice in sources
    assert sources.index("S1") < sources.index("S2") < sources.index("S3")


def test_never_list_holds_p41_and_k2() -> None:
    sources = {source for item in NEVER for source in item.sources}
    assert {"P4.1", "K2", "K5", "K10", "S6"} <= sources
    # One story (review A3, F2): only Kakao lifts, by its system or through its official support; never "Kakao does
    # not lift by hand" next to a step that asks support to lift a long-term restriction.
    first = NEVER[0].text.render("en")
    assert "only Kakao lifts one, by its system or through its official support" in first
    assert not any("by hand" in item.text.render("en") for item in NEVER)


@pytest.mark.parametrize(
    ("korean", "fragment"),
    [(None, "most likely cannot use it"), (False, "most likely cannot use it"),
     (True, "does not mean you have a Kakao Certificate")],
)
def test_talk_safety_pass_note(korean: bool | None, fragment: str) -> None:
    """The same claims as the audit's KA706 (review F13): "most likely", and a Korean number only "may"."""
    triage = advise(facts(korean_number=korean))
    notes = [item for item in triage.notes if "K4" in item.sources]
    assert len(notes) == 1 and fragment in notes[0].text.render("en")
    assert "almost certainly" not in notes[0].text.render("en")
    assert "https://kakao.com/talksafety/en/toolandguide/verify" in triage.references


def test_abroad_and_history_notes() -> None:
    triage = advise(facts(abroad=True, past_restrictions="several", notice_kind="policy_violation"))
    sources = {source for item in triage.notes for source in item.sources}
    assert {"O1", "O2", "O3", "K12", "K5", "Q3"} <= sources
    assert not {"O1", "K5", "Q3"} & {s for item in advise(facts()).notes for s in item.sources}


def test_references_are_urls_with_the_help_centre_first() -> None:
    triage = advise(facts(suspicious_login=True, notice_kind="protective_measure"))
    assert triage.references[0] == "https://cs.kakao.com/helps"
    assert all(url.startswith(("https://", "http://")) for url in triage.references)
    assert len(set(triage.references)) == len(triage.references)


def test_facts_from_answers() -> None:
    answers = Answers({
        "triage.symptoms": ("stuck_sending", "cannot_join_open_chats"),
        "triage.notice_kind": "other",
        "triage.notice_text": "追加の確認手続きが必要です",
        "triage.other_apps_online": "unknown",
        "triage.past_restrictions": "unknown",
        "triage.suspicious_login": False,
        "support.abroad": True,
    })
    result = facts_from(answers, moment=None, place=JAPAN, korean_number=None, now=NOW)
    assert result.symptoms == {"stuck_sending", "cannot_join_open_chats"}
    assert result.other_apps_online is None and result.past_restrictions is None
    assert result.suspicious_login is False and result.abroad
    assert [m.phrase.id for m in result.matches] == ["additional_verification"]


def test_questions_are_well_formed() -> None:
    ids = [question.id for question in QUESTIONS]
    assert len(ids) == len(set(ids))
    # conduct.restricted_before: the audit's question, asked once for every command.
    assert all(q.id.startswith(("triage.", "support.", "profile.", "contacts.", "conduct.")) for q in QUESTIONS)
    notice = next(q for q in QUESTIONS if q.id == "triage.notice_text")
    assert notice.applies({"triage.notice_kind": "none"}) is False
    assert notice.applies({"triage.notice_kind": "unknown"}) is False
    assert notice.applies({"triage.notice_kind": "other"}) is True
    assert date(2026, 1, 1)  # the module imports cleanly without a terminal


def test_the_network_path_does_not_assume_a_network() -> None:
    """Review F18: no step needs the internet before the one that checks the connection brings it back."""
    steps = [item.text.render("en") for item in STEPS[Situation.NETWORK]]
    assert steps[0].startswith("Check the connection")
    assert "Once web pages load again" in steps[1] and "app store" in steps[1]


def test_short_restriction_steps_tell_one_story_of_who_lifts_it() -> None:
    """Review F2: wait for what Kakao's system lifts; support only for what a notice sends there."""
    steps = " ".join(item.text.render("en") for item in STEPS[Situation.SHORT_TERM])
    assert "cannot be lifted early by hand, not even by customer service" in steps
    assert "If a notice asks for identity verification or mentions a violation of the rules" in steps
    assert "If it still lasts after a day" not in steps
