"""Every item of the article's advice (ADVICE.md) is delivered by what kakaoaudit SAYS, in Japanese and English.

Not an ID mapping: for each item, its key advice must appear in the rendered text of the output that owns
it (the demo's audit report, its travel section included; the triage for each situation; the support kit
at home, from abroad and for a re-application). docs/advice-coverage.md is this table in prose; the
`advice_ids` of the checks only say which items a finding is about, for the report's sections.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.answers import Answers
from kakaoaudit.triage import support_kit
from kakaoaudit.triage.assess import KEEP, NEVER, STEPS, Facts, Situation, assess, document, notes
from kakaoaudit.triage.assess import Triage as TriageResult
from kakaoaudit.triage.restriction import Moment, Started, resolve_place

ROOT = Path(__file__).resolve().parent
COVERAGE = ROOT.parent / "docs" / "advice-coverage.md"
SHARED_ADVICE = ROOT.parent.parent / "shared" / "ADVICE.md"
NOW = datetime(2026, 11, 28, 12, tzinfo=timezone.utc)

AUDIT, TRIAGE, KIT = "audit", "triage", "support-kit"

#: Item -> (the outputs that deliver it, its key advice in English, the same in Japanese). Regexes, matched
#: against the text with whitespace collapsed.
DELIVERED: dict[str, tuple[tuple[str, ...], str, str]] = {
    "P1.1": ((AUDIT,), r"do not send many messages in a short time or the same message to many people",
             r"短時間に大量のメッセージを送ったり、多くの人に同じ内容を送ったりしない"),
    "P1.2": ((AUDIT,), r"do not invite many people to groups at once or post promotional links over and over",
             r"グループ招待の乱発や宣伝リンクの過剰な投稿をしない"),
    "P1.3": ((AUDIT,), r"message the people who need it, at a sensible frequency", r"必要な相手と適切な頻度"),
    "P1.4": ((AUDIT,), r"re-read the terms of use and community guidelines regularly",
             r"利用規約やコミュニティガイドラインを定期的に確認"),
    "P2.1": ((AUDIT,), r"turn on 2-step verification", r"2段階認証をオンにする"),
    "P2.2": ((AUDIT,), r"8 or more characters mixing letters, digits and symbols, hard to guess",
             r"8文字以上で英数字と記号を組み合わせ、推測されにくい"),
    "P2.3": ((AUDIT,), r"no birthday or simple word", r"誕生日や単純な単語を入れない"),
    "P2.4": ((AUDIT,), r"change it regularly", r"定期的に変更する"),
    "P2.5": ((AUDIT,), r"use it on no other service", r"ほかのサービスと使い回さない"),
    "P2.6": ((AUDIT,), r"keep your passwords in a password manager", r"パスワード管理ツールを使う"),
    "P3.1": ((AUDIT,), r"keep the registered email and phone number current",
             r"登録メールアドレスと電話番号を最新にする"),
    "P3.2": ((AUDIT,), r"open the settings regularly", r"定期的に設定画面を開き"),
    "P3.3": ((AUDIT,), r"register a sub email address or a spare phone number",
             r"サブのメールアドレスや予備の電話番号を登録する"),
    "P4.1": ((AUDIT, TRIAGE), r'Never use unofficial tools, apps or "unlock services"',
             r"非公式のツールやアプリ、「解除代行サービス」は使わないでください"),
    "C1": ((TRIAGE,), r'stay "sending".*a restriction tends to last longer',
           r"「送信中」のまま.*利用制限のほうが長く続く傾向"),
    "C2": ((TRIAGE, KIT), r"A closed pop-up may not come back",
           r"ポップアップは一度閉じると再表示されないことがあります"),
    "C3": ((TRIAGE, AUDIT), r"registered details may not update by themselves",
           r"登録情報が自動では更新されないこともあり"),
    "T1": ((TRIAGE,), r"often lifts by itself within a few hours to a day.*reach the people you need by phone",
           r"数時間〜1日程度で自然に解除されることが多い.*電話"),
    "T2": ((TRIAGE,), r"can take days to weeks, and support may ask for ID documents or your usage history",
           r"数日〜数週間かかることがあり、途中で本人確認書類や利用履歴"),
    "T3": ((TRIAGE,), r"likely signals a long-term restriction.*do not delete them",
           r"長期的な制限の可能性が高.*削除しないでください"),
    "S1": ((TRIAGE, KIT), r"Settings \(gear icon\) > Kakao Customer Center \(or Help\); update the app first",
           r"歯車アイコン.*カカオカスタマーセンター.*最新版"),
    "S2": ((TRIAGE, KIT), r"inquiry about usage restrictions", r"「利用制限に関するお問い合わせ」"),
    "S3": ((TRIAGE, KIT), r"exactly as on your ID document", r"本人確認書類どおりに"),
    "S4": ((TRIAGE, KIT), r"A review usually takes days to a week", r"審査には通常数日〜1週間"),
    "S5": ((TRIAGE, KIT), r"spam or promotions folder", r"迷惑メールフォルダーやプロモーションタブ"),
    "S6": ((TRIAGE, KIT), r"https://cs\.kakao\.com/helps: check the address every time, because lookalike sites",
           r"https://cs\.kakao\.com/helps です。類似ドメインや偽サイト"),
    "R1": ((TRIAGE, KIT), r"the reply says what to fix and by when", r"直すべき点と期限"),
    "R2": ((TRIAGE, KIT), r"without glare, shadows or fingers", r"反射・影・指の映り込み"),
    "R3": ((KIT,), r"I fixed each point", r"指摘された点"),
    "R4": ((KIT,), r"check the hours, days and languages", r"受付時間・曜日・対応言語"),
    "Q1": ((TRIAGE, KIT), r"longer when documents are incomplete", r"書類に不備がある場合"),
    "Q2": ((TRIAGE, KIT), r"driver's licence, passport, My Number card", r"運転免許証、パスポート、マイナンバーカード"),
    "Q3": ((AUDIT, TRIAGE), r"Repeated restrictions can last longer and may even become permanent",
           r"半永久的な利用停止"),
    "O1": ((AUDIT,), r"a VPN connection and a long stay can each trigger", r"VPN 経由の接続、長期の滞在"),
    "O2": ((KIT, TRIAGE), r"local phone number, an address, proof of residence, a visa", r"居住証明、ビザ"),
    "O3": ((AUDIT, KIT), r"inquiry from abroad", r"海外からの問い合わせ"),
}


def collapse(text: str) -> str:
    return " ".join(text.split())


@cache
def audit_text(lang: str) -> str:
    """The demo's report in `lang`, as Markdown (the travel section of its trip included)."""
    with tempfile.TemporaryDirectory() as home:
        result = subprocess.run([sys.executable, "-m", "kakaoaudit", "demo", "--format", "markdown", "--lang", lang],
                                capture_output=True, text=True, encoding="utf-8", check=False, timeout=120,
                                env={**os.environ, "KAKAOAUDIT_HOME": home, "NO_COLOR": "1"})
    assert result.returncode in (0, 1), result.stderr
    return collapse(re.sub(r"\\(.)", r"\1", result.stdout))


def _facts(**changes: Any) -> Facts:
    place = resolve_place("JP", "", NOW.date())
    base: dict[str, Any] = {"symptoms": frozenset({"stuck_sending"}), "moment": Moment(Started(date(2026, 11, 26),
                                                                                                  None), place),
                            "notice_kind": "identity_verification", "matches": (), "other_apps_online": True,
                            "past_restrictions": "several", "suspicious_login": False, "abroad": True,
                            "place": place, "korean_number": False, "now": NOW}
    return Facts(**{**base, **changes})


@cache
def triage_text(lang: str) -> str:
    """The triage of every situation in `lang`."""
    facts = _facts()
    parts = []
    for situation in Situation:
        base = assess(facts)
        assessment = type(base)(situation, base.confidence, base.scores, base.reasons)
        triage = TriageResult(facts, assessment, STEPS[situation], KEEP, NEVER, notes(facts, assessment))
        rendered = document(triage, lang)
        parts.append(" ".join([rendered.title, *rendered.intro,
                               *(line for section in rendered.sections for line in (*section.lines, *section.items)),
                               *rendered.footer]))
    return collapse(" ".join(parts))


@cache
def kit_text(lang: str) -> str:
    """The support kit at home, from abroad and for a re-application, in `lang`."""
    parts = []
    for abroad, reapply in ((False, False), (True, False), (False, True)):
        values: dict[str, Any] = {"triage.symptoms": ("stuck_sending",), "restriction.abroad": abroad,
                                  "support.name": "山田 花子", "contacts.phone": "090-1234-5678"}
        kit = support_kit.build(Answers(values), moment=None, place=resolve_place("US" if abroad else "JP", "",
                                                                                    NOW.date()),
                                now=NOW, lang=lang, reapply=reapply)
        rendered = support_kit.document(kit)
        parts.append(" ".join([rendered.title, *rendered.intro, kit.body,
                               *(line for section in rendered.sections for line in (*section.lines, *section.items)),
                               *rendered.footer]))
    return collapse(" ".join(parts))


OUTPUTS = {AUDIT: audit_text, TRIAGE: triage_text, KIT: kit_text}


def test_every_advice_item_is_in_the_table() -> None:
    ids = tuple(DELIVERED)
    assert len(ids) == 36
    if SHARED_ADVICE.exists():
        shared = tuple(re.findall(r"^\| ((?:P\d\.\d)|(?:[A-Z]\d)) \|", SHARED_ADVICE.read_text(encoding="utf-8"),
                                  flags=re.MULTILINE))
        assert shared == ids


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("advice_id", list(DELIVERED))
def test_the_key_advice_is_said(advice_id: str, lang: str) -> None:
    owners, english, japanese = DELIVERED[advice_id]
    pattern = re.compile(english if lang == "en" else japanese, re.IGNORECASE if lang == "en" else 0)
    assert any(pattern.search(OUTPUTS[owner](lang)) for owner in owners), (
        f"{advice_id}: the {lang} output of {' or '.join(owners)} does not say {pattern.pattern!r}")


def test_the_coverage_document_names_the_same_outputs() -> None:
    rows = {match[1]: match[2] for match in re.finditer(r"^\| (P\d\.\d|[A-Z]\d) \|[^|]*\|([^|]*)\|", COVERAGE.read_text(
        encoding="utf-8"), flags=re.MULTILINE)}
    assert set(rows) == set(DELIVERED)
    names = {AUDIT: "`kakaoaudit audit`", TRIAGE: "`kakaoaudit triage`", KIT: "`kakaoaudit support-kit`"}
    for advice_id, (owners, _english, _japanese) in DELIVERED.items():
        for owner in owners:
            assert names[owner] in rows[advice_id], f"{advice_id}: docs/advice-coverage.md does not name {owner}"


def test_a_missing_sentence_fails() -> None:
    """The test reads the text: a report without the P1 advice would fail it."""
    text = audit_text("en").replace("at a sensible frequency", "")
    assert not re.search(DELIVERED["P1.3"][1], text, re.IGNORECASE)
