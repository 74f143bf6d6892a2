"""Notice wording (ADVICE T3): every phrase in every language, with spaces, full width and line breaks."""

from __future__ import annotations

import pytest

from kakaoaudit.triage.notice_phrases import MAX_NOTICE_CHARS, PHRASES, T3_PHRASE_IDS, Signal, detect, normalize

# (phrase id, language, text as a user may paste it)
T3_CASES = [
    # identity verification
    ("identity_verification", "ja", "本人確認が必要です。"),
    ("identity_verification", "ja", "ご利用には本人 確認が 必要です"),
    ("identity_verification", "ja", "本人確認が\n必要です"),
    ("identity_verification", "ja", "「本人確認が必要」"),
    ("identity_verification", "en", "Identity verification is required."),
    ("identity_verification", "en", "ＩＤＥＮＴＩＴＹ ＶＥＲＩＦＩＣＡＴＩＯＮ ＩＳ ＲＥＱＵＩＲＥＤ"),
    ("identity_verification", "en", "identity\nverification  is\r\nrequired"),
    ("identity_verification", "en", "Please verify your identity to continue"),
    ("identity_verification", "ko", "본인 확인이 필요합니다."),
    ("identity_verification", "ko", "본인확인이 필요합니다"),
    ("identity_verification", "ko", "본인\n확인이 필요"),
    # additional verification
    ("additional_verification", "ja", "追加の確認手続きが必要です"),
    ("additional_verification", "ja", "追加の確認 手続きが\n必要です"),
    ("additional_verification", "ja", "追加の確認手続きが、必要です。"),
    ("additional_verification", "en", "Additional verification is required"),
    ("additional_verification", "en", "ADDITIONAL VERIFICATION\nREQUIRED"),
    ("additional_verification", "en", "Ａｄｄｉｔｉｏｎａｌ verification is required."),
    ("additional_verification", "ko", "추가 확인 절차가 필요합니다."),
    ("additional_verification", "ko", "추가확인절차가필요합니다"),
    ("additional_verification", "ko", "추가 확인\n절차가 필요"),
    # some features restricted for security reasons
    ("security_restriction", "ja", "セキュリティ上の理由で一部機能が制限されています"),
    ("security_restriction", "ja", "セキュリティ上の理由で 一部機能が\n制限されています。"),
    ("security_restriction", "ja", "ｾｷｭﾘﾃｨ上の理由で一部機能が制限されています"),
    ("security_restriction", "ja", "セキュリティ上の理由により、一部の機能が制限されました"),
    ("security_restriction", "en", "Some features are restricted for security reasons."),
    ("security_restriction", "en", "some features have been\nrestricted for security reasons"),
    ("security_restriction", "en", "For security reasons, some features are restricted."),
    ("security_restriction", "en", "ＳＯＭＥ features are restricted for security reasons"),
    ("security_restriction", "ko", "보안상의 이유로 일부 기능이 제한되었습니다."),
    ("security_restriction", "ko", "보안상의 이유로\n일부 기능이 제한"),
    ("security_restriction", "ko", "보안상의이유로일부기능이제한됩니다"),
]


@pytest.mark.parametrize(("phrase_id", "language", "text"), T3_CASES)
def test_each_t3_phrase_is_found_in_each_language(phrase_id: str, language: str, text: str) -> None:
    found = [(m.phrase.id, m.phrase.language) for m in detect(text)]
    assert (phrase_id, language) in found
    assert all(m.phrase.signal is Signal.LONG_TERM for m in detect(text) if m.phrase.id == phrase_id)


def test_every_t3_phrase_has_a_case_in_every_language() -> None:
    covered = {(phrase_id, language) for phrase_id, language, _ in T3_CASES}
    assert covered == {(p, lang) for p in T3_PHRASE_IDS for lang in ("ja", "en", "ko")}
    declared = {(p.id, p.language) for p in PHRASES if p.signal is Signal.LONG_TERM}
    assert declared == covered


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: f"{p.id}-{p.language}")
def test_every_variant_matches_itself_and_in_a_longer_text(phrase: object) -> None:
    from kakaoaudit.triage.notice_phrases import Phrase

    assert isinstance(phrase, Phrase)
    for variant in phrase.variants:
        matches = detect(f"お知らせ\n{variant}\n(エラーコード 1234)")
        assert phrase.id in {m.phrase.id for m in matches}, variant


@pytest.mark.parametrize(
    ("text", "signals"),
    [
        ("", set()),
        ("メッセージを送信しました", set()),
        ("Your message was sent.", set()),
        ("본인 확인", set()),  # the phrase is incomplete
        ("identity verification", set()),
        # the user protection measure (利用者保護措置, 이용자보호조치) is not the account protective measure
        ("利用者保護措置が適用されました", set()),
        ("이용자보호조치가 적용되었습니다", set()),
        ("カカオアカウント保護措置が適用されました", {Signal.ACCOUNT_PROTECTION}),
        ("카카오계정 보호조치", {Signal.ACCOUNT_PROTECTION}),
        ("機能が一時的に制限されています。しばらくしてから再度お試しください。", {Signal.SHORT_TERM}),
        ("Please try again later.", {Signal.SHORT_TERM}),
        ("네트워크 연결을 확인해 주세요", {Signal.NETWORK}),
        ("A network error occurred", {Signal.NETWORK}),
    ],
)
def test_other_signals_and_near_misses(text: str, signals: set[Signal]) -> None:
    assert {m.phrase.signal for m in detect(text)} == signals


def test_each_phrase_is_reported_once_in_article_order() -> None:
    text = "本人確認が必要です。本人確認が必要です。追加の確認手続きが必要です。Identity verification is required."
    ids = [(m.phrase.id, m.phrase.language) for m in detect(text)]
    assert ids == [("identity_verification", "ja"), ("identity_verification", "en"), ("additional_verification", "ja")]


def test_long_text_is_capped_and_fast() -> None:
    filler = "あ" * MAX_NOTICE_CHARS
    assert detect(filler + "本人確認が必要") == ()  # beyond the cap: not read
    assert [m.phrase.id for m in detect("本人確認が必要" + filler * 50)] == ["identity_verification"]


def test_normalize() -> None:
    assert normalize("Ａ b\u3000Ｃ、。!\n?") == "abc"
    assert normalize("ｾｷｭﾘﾃｨ") == "セキュリティ"
    assert normalize("verifi-\ncation") == "verification"
