"""The Korean catalogs read as one voice: the glossary's terms (docs/glossary.ko.md), one register (합니다체),
Korean examples and documents, and no Japanese text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parents[2]
KO = ROOT / "kakaoaudit" / "locale" / "ko" / "LC_MESSAGES"
GLOSSARY = ROOT / "docs" / "glossary.ko.md"
#: Country names are nouns, some of which end in 다 (캐나다): not sentences.
NOT_SENTENCES = {"kakaoaudit.travel.countries"}


def ko_messages() -> Iterator[tuple[str, str, str]]:
    """(domain, msgid, msgstr) of every translated Korean message."""
    from babel.messages.pofile import read_po

    for path in sorted(KO.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale="ko")
        for message in catalog:
            if message.id and message.string and isinstance(message.id, str) and isinstance(message.string, str):
                yield path.stem, message.id, message.string


def glossary() -> list[tuple[str, list[re.Pattern[str]]]]:
    """(preferred, [avoided patterns]) of every row of the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        # A "|" inside a pattern is written "\|", as Markdown tables need.
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) >= 2 and "`" in cells[1]:
            patterns = re.findall(r"`([^`]+)`", cells[1])
            rows.append((cells[0], [re.compile(p.replace("\\|", "|")) for p in patterns]))
    return rows


def test_the_glossary_is_read() -> None:
    rows = glossary()
    preferred = {term for term, _ in rows}
    assert {"휴대폰", "스크린샷", "비밀번호 관리 도구", "스팸함", "이용제한"} <= preferred
    assert {"보호조치", "톡안녕패스", "카카오 고객센터", "와이파이", "신분증"} <= preferred
    assert sum(len(avoided) for _, avoided in rows) >= 40


def test_no_ko_message_uses_an_avoided_form() -> None:
    rows = glossary()
    problems = [
        f"{domain}: {msgid!r}: {match.group(0)!r} (use {preferred!r}) in {text!r}"
        for domain, msgid, text in ko_messages()
        for preferred, avoided in rows
        for pattern in avoided
        if (match := pattern.search(text))
    ]
    assert not problems, "\n".join(problems)


def test_a_pattern_with_alternatives_is_read_whole() -> None:
    patterns = {p.pattern for _, avoided in glossary() for p in avoided}
    assert "kakaoaudit(?:은|이|을|과|으로)(?![가-힣])" in patterns
    assert any(p.search("카카오오디트 kakaoaudit은 도구") for p in map(re.compile, patterns))


def test_a_preferred_term_is_never_itself_avoided() -> None:
    rows = glossary()
    assert not [(term, p.pattern) for term, _ in rows for _, avoided in rows for p in avoided if p.fullmatch(term)]


# --------------------------------------------------------------------------------------------------
# One register: 합니다체
# --------------------------------------------------------------------------------------------------

#: The end of a sentence: a full stop, question or exclamation mark and a space, or the end of the text
#: (closing brackets and quotes may follow). "보다 " and "마다 " inside a sentence are not an end.
_END = r"(?=[.?!][)'\"」\]]*(?:\s|$)|[)'\"」\]]*$|\([^()]*\)[.]?$)"
#: 해요체: 하세요, 해요, 예요, 이에요, 나요?, 가요?, 죠 (not 아니요, the word for "no", nor the noun 필요).
HAEYO = re.compile(r"(?<!아니)(?<!필)(?:요|죠)" + _END)
#: 한다체: 한다, 했다, 없다, 있다, 찍는다, ...이다 (not 니다, and not 둘 다).
HANDA = re.compile(r"(?<![니 ])다" + _END)


def sentences_in(text: str) -> str:
    """The text without fields, so that "{count}개다" is not confused with a field's content."""
    return re.sub(r"\{[^{}]*\}", "X", text)


@pytest.mark.parametrize(("pattern", "name"), [(HAEYO, "해요체"), (HANDA, "한다체")])
def test_one_register(pattern: re.Pattern[str], name: str) -> None:
    problems = [
        f"{domain}: {msgid!r}: {text!r}"
        for domain, msgid, text in ko_messages()
        if domain not in NOT_SENTENCES and pattern.search(sentences_in(text))
    ]
    assert not problems, f"{name} in ko (use 합니다체: 하십시오, 합니다, 입니까?):\n" + "\n".join(problems)


def test_the_register_check_finds_the_other_registers() -> None:
    for text in ("지정하세요", "보내지지 않나요?", "그렇죠.", "확인해요", "주소예요."):
        assert HAEYO.search(text), text
    for text in ("짧은 시간에 많은 친구를 추가했다", "한 번도 없다", "스크린샷을 찍는다. 다음", "읽지 않음 상태다.",
                 "그룹에 보냈다(공지 등)", "최신 정보다(결혼 후에도)."):
        assert HANDA.search(text), text
    for text in ("아니요", "확인하십시오.", "있습니까?", "둘 다", "서비스마다 다른", "1년보다 뒤입니다", "확인 필요",
                 "켰다 끈 뒤", "사용합니다(입력 불필요)."):
        assert not HAEYO.search(text) and not HANDA.search(text), text


# --------------------------------------------------------------------------------------------------
# Korean examples and documents, no Japanese text
# --------------------------------------------------------------------------------------------------

JAPAN_ONLY = re.compile(
    r"마이넘버|재류 ?카드|주민기본대장|住民|平成|令和|昭和|\b0[89]0-\d{4}-\d{4}|\+81 ?[789]0-\d{4}|\+81 …|\+81 \.\.\."
)
KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
#: Han characters a ko message may show: country names given as examples of what the user may type.
HAN_ALLOWED = {"台湾", "日本"}
HAN = re.compile(r"[\u4e00-\u9fff]+")


def test_no_japanese_documents_numbers_or_era_names() -> None:
    problems = [f"{domain}: {msgid!r}: {text!r}" for domain, msgid, text in ko_messages() if JAPAN_ONLY.search(text)]
    assert not problems, "\n".join(problems)


def test_no_japanese_text() -> None:
    problems = [
        f"{domain}: {msgid!r}: {text!r}"
        for domain, msgid, text in ko_messages()
        if KANA.search(text) or set(HAN.findall(text)) - HAN_ALLOWED
    ]
    assert not problems, "\n".join(problems)


def test_a_japanese_example_comes_after_the_korean_one() -> None:
    for domain, msgid, text in ko_messages():
        for word, korean in (("台湾", "대만"), ("日本", "일본")):
            if word in text:
                assert korean in text and text.index(korean) < text.index(word), f"{domain}: {msgid!r}: {text!r}"


def test_korean_phone_examples_and_documents_are_there() -> None:
    texts = [text for _, _, text in ko_messages()]
    assert any("010-1234-5678" in text and "+82 10-1234-5678" in text for text in texts)
    assert any("주민등록증" in text and "운전면허증" in text and "여권" in text for text in texts)
    assert sum("+82 10-1234-5678" in text for text in texts) >= 2


def test_the_checks_find_what_they_look_for() -> None:
    assert JAPAN_ONLY.search("090-1234-5678") and JAPAN_ONLY.search("사진이 있는 마이넘버 카드")
    assert JAPAN_ONLY.search("900512나 平成2") and JAPAN_ONLY.search("국가 번호(+81 …)")
    assert not JAPAN_ONLY.search("010-1234-5678 또는 +82 10-1234-5678")
    assert KANA.search("「本人確認が必要」") and KANA.search("カカオ") and not KANA.search("카카오")
