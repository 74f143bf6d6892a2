"""Find the tell-tale wording of restriction notices in pasted text (ADVICE T3; KAKAO-FACTS K6).

The article names three phrases that signal a long-term restriction: 「本人確認が必要」
「追加の確認手続きが必要」「セキュリティ上の理由で一部機能が制限されています」. This module knows them,
their English and Korean renderings and a few close variants, plus wording of short, temporary
limits, of the account protective measure that follows a leaked password (K6) and of plain
network errors.

Matching is done on a normalised form of both sides: NFKC (full-width letters and digits,
half-width katakana), case-folded, with every space, line break, punctuation mark and symbol
removed; so 「本人\n確認が必要」, "ＩＤＥＮＴＩＴＹ verification  is\nrequired" and "본인확인이 필요"
all match. Pure: no I/O, no translation (the phrases are data, shown as written).
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from typing import Final

#: Pasted text beyond this many characters is not read (a notice is a few lines).
MAX_NOTICE_CHARS: Final = 20_000


class Signal(str, enum.Enum):
    """What a phrase suggests about the restriction."""

    LONG_TERM = "long_term"
    SHORT_TERM = "short_term"
    ACCOUNT_PROTECTION = "account_protection"
    NETWORK = "network"


@dataclass(frozen=True)
class Phrase:
    """One notice phrase in one language, with the variants that count as the same."""

    id: str
    signal: Signal
    language: str
    #: The phrase as shown to the user (the first variant).
    text: str
    variants: tuple[str, ...]


def _phrase(phrase_id: str, signal: Signal, language: str, *variants: str) -> Phrase:
    return Phrase(phrase_id, signal, language, variants[0], variants)


#: Every known phrase; T3's three phrases come first, in the article's order, in ja, en, ko.
PHRASES: Final[tuple[Phrase, ...]] = (
    _phrase("identity_verification", Signal.LONG_TERM, "ja", "本人確認が必要", "本人確認を行う必要"),
    _phrase("identity_verification", Signal.LONG_TERM, "en", "identity verification is required",
            "identity verification required", "verification of your identity is required",
            "verify your identity"),
    _phrase("identity_verification", Signal.LONG_TERM, "ko", "본인 확인이 필요", "본인 인증이 필요"),
    _phrase("additional_verification", Signal.LONG_TERM, "ja", "追加の確認手続きが必要", "追加の確認が必要",
            "追加の本人確認が必要"),
    _phrase("additional_verification", Signal.LONG_TERM, "en", "additional verification is required",
            "additional verification required", "additional verification steps are required",
            "an additional verification procedure is required"),
    _phrase("additional_verification", Signal.LONG_TERM, "ko", "추가 확인 절차가 필요", "추가 인증 절차가 필요",
            "추가 확인이 필요"),
    _phrase("security_restriction", Signal.LONG_TERM, "ja", "セキュリティ上の理由で一部機能が制限されています",
            "セキュリティ上の理由で一部機能が制限", "セキュリティ上の理由で一部の機能が制限",
            "セキュリティ上の理由により一部機能が制限", "セキュリティ上の理由により一部の機能が制限"),
    _phrase("security_restriction", Signal.LONG_TERM, "en", "some features are restricted for security reasons",
            "some features have been restricted for security reasons",
            "for security reasons some features are restricted",
            "for security reasons some features have been restricted"),
    _phrase("security_restriction", Signal.LONG_TERM, "ko", "보안상의 이유로 일부 기능이 제한",
            "보안상의 이유로 일부 기능 사용이 제한", "보안상 이유로 일부 기능이 제한"),
    _phrase("temporary_limit", Signal.SHORT_TERM, "ja", "一時的に制限", "しばらくしてから再度お試しください",
            "しばらくしてからもう一度お試しください"),
    _phrase("temporary_limit", Signal.SHORT_TERM, "en", "temporarily restricted", "temporarily limited",
            "try again later"),
    _phrase("temporary_limit", Signal.SHORT_TERM, "ko", "일시적으로 제한", "잠시 후 다시 시도"),
    _phrase("account_protection", Signal.ACCOUNT_PROTECTION, "ja", "アカウント保護措置", "アカウントの保護措置",
            "パスワードが流出"),
    _phrase("account_protection", Signal.ACCOUNT_PROTECTION, "en", "account protection measure",
            "account protective measure", "protective measure on your account", "your password was leaked"),
    _phrase("account_protection", Signal.ACCOUNT_PROTECTION, "ko", "계정 보호조치", "비밀번호가 유출"),
    _phrase("network_error", Signal.NETWORK, "ja", "ネットワークに接続できません", "ネットワークエラー",
            "通信エラー", "ネットワーク接続を確認"),
    _phrase("network_error", Signal.NETWORK, "en", "network error", "no internet connection",
            "check your network", "check your internet connection"),
    _phrase("network_error", Signal.NETWORK, "ko", "네트워크 오류", "네트워크에 연결할 수 없", "인터넷 연결을 확인",
            "네트워크 연결을 확인"),
)

#: The three phrases of ADVICE T3.
T3_PHRASE_IDS: Final = ("identity_verification", "additional_verification", "security_restriction")


def normalize(text: str) -> str:
    """NFKC, case-folded, only letters, digits and combining marks kept (no spaces, line breaks,
    punctuation or symbols)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in ("L", "N", "M"))


_KEYS: Final[tuple[tuple[Phrase, tuple[str, ...]], ...]] = tuple(
    (phrase, tuple(normalize(variant) for variant in phrase.variants)) for phrase in PHRASES
)


@dataclass(frozen=True)
class Match:
    """A phrase found in the text."""

    phrase: Phrase
    #: The variant that matched, as written in `PHRASES`.
    variant: str


def detect(text: str) -> tuple[Match, ...]:
    """The phrases found in `text` (its first `MAX_NOTICE_CHARS` characters), in `PHRASES` order,
    each phrase at most once."""
    haystack = normalize(text[:MAX_NOTICE_CHARS])
    if not haystack:
        return ()
    found: list[Match] = []
    for phrase, keys in _KEYS:
        for variant, key in zip(phrase.variants, keys, strict=True):
            if key in haystack:
                found.append(Match(phrase, variant))
                break
    return tuple(found)
