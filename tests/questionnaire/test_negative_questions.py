"""No yes/no question is asked in the negative in Japanese or Korean.

「~していませんか?」 and 「~않습니까?」 are answered 「はい」/「예」 for "no, I don't" by many people and
for "yes, I do" by others: the same answer meaning two things (truth review C1, the SMS filter that
became a false #1 action). Every yes/no question of every check and command is scanned in the ja and
ko catalogs.
"""

from __future__ import annotations

import re

import pytest

from kakaoaudit.commands.audit import known_questions, load_registry
from kakaoaudit.core.questions import QType

#: Negative question endings: ~ませんか, ~ないですか, ~なかったですか, ~ないか (ja); ~않습니까, ~않나요,
#: ~않아요, ~않았습니까, ~없습니까, ~아닙니까 (ko).
NEGATIVE = {
    "ja": re.compile(r"(ません|ない(です)?|なかった(です)?|なく)か[?？]?"),
    "ko": re.compile(r"(않습니까|않나요|않아요|않았습니까|않았나요|없습니까|없나요|아닙니까|아닌가요)"),
}


def yes_no_questions() -> list[tuple[str, str]]:
    return [(question.id, question.prompt.msgid) for question in known_questions(load_registry()).values()
            if question.type is QType.BOOL]


def test_there_are_yes_no_questions_to_scan() -> None:
    assert len(yes_no_questions()) >= 15


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_no_yes_no_question_is_negative(lang: str) -> None:
    negative = []
    for question in known_questions(load_registry()).values():
        if question.type is not QType.BOOL:
            continue
        text = question.prompt.render(lang)
        assert text != question.prompt.msgid, f"{question.id} is not translated to {lang}"
        if NEGATIVE[lang].search(text):
            negative.append(f"{question.id}: {text}")
    assert not negative, "\n".join(negative)


@pytest.mark.parametrize(("lang", "text"), [
    ("ja", "スマートフォンで、1644 で始まる番号や「Kakao」を含む SMS を拒否・振り分けしていませんか?"),
    ("ko", "휴대폰에서 1644로 시작하는 번호나 'Kakao'가 들어간 문자 메시지를 차단하거나 걸러 내고 있지 않습니까?"),
])
def test_the_scan_finds_the_old_negative_questions(lang: str, text: str) -> None:
    assert NEGATIVE[lang].search(text)


def test_the_sms_filter_question_is_positive() -> None:
    [question] = [q for q in known_questions(load_registry()).values() if q.id == "security.sms_filter_blocks_kakao"]
    assert "設定になっていますか" in question.prompt.render("ja")
    assert "설정되어 있습니까" in question.prompt.render("ko")
