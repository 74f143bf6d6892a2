"""No Korean text can show a particle placeholder such as 「이(가)」 or 「(으)로」.

A placeholder is only allowed directly after a `{field}` (a closing quote, bracket or colon may stand
between), where `Msg.render` replaces it by the form the field's value needs. Anywhere else the
translator knows the word and writes the right particle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from kakaoaudit.core.korean import particle_for, resolve_particles

pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parent.parent
KO_CATALOGS = sorted((ROOT / "kakaoaudit" / "locale" / "ko" / "LC_MESSAGES").glob("*.po"))
#: 이(가), 을(를), 은(는), 와(과), (으)로, (이)라는 ... and the reversed 가(이), 를(을), 는(은), 과(와).
PLACEHOLDER = re.compile(r"\((?:이|가|을|를|은|는|와|과|으)\)")
#: The values the check renders with: after a consonant, after a vowel, after ㄹ, unreadable.
VALUES = ("대만", "싱가포르", "서울", "")


class _Every(Mapping[str, str]):
    """The same value for every field name."""

    def __init__(self, value: str) -> None:
        self.value = value

    def __getitem__(self, key: str) -> str:
        return self.value

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def ko_messages() -> Iterator[tuple[str, str, str]]:
    """(catalog, msgid, msgstr) of every translated Korean message."""
    from babel.messages.pofile import read_po

    for path in KO_CATALOGS:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale="ko")
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in texts:
                if text:
                    yield path.name, str(ids[0]), text


def placeholders_left(text: str) -> list[str]:
    """The placeholders of a msgstr that no field value resolves, with some context. What is left
    in the resolved template is what a reader sees around the values."""
    left = set()
    for value in VALUES:
        resolved = resolve_particles(text, _Every(value))
        left |= {resolved[max(0, m.start() - 12):m.end() + 2] for m in PLACEHOLDER.finditer(resolved)}
    return sorted(left)


def test_the_catalogs_are_there() -> None:
    assert len(KO_CATALOGS) > 30
    assert sum(1 for _ in ko_messages()) > 500


def test_no_placeholder_outside_a_field() -> None:
    problems = [
        f"{catalog}: {msgid!r}: {left}" for catalog, msgid, text in ko_messages() if (left := placeholders_left(text))
    ]
    assert problems == [], "\n".join(problems)


def test_the_check_finds_a_placeholder_after_fixed_text() -> None:
    assert placeholders_left("kakaoaudit은(는) 카카오와 관계가 없습니다") != []
    assert placeholders_left("template-ko.toml을(를) 만들었습니다") != []
    assert placeholders_left("{path} 이(가)") != []  # a space: not directly after the field
    assert placeholders_left("{{path}}을(를)") != []  # an escaped brace is not a field
    assert placeholders_left("{path}을(를) 만들었습니다. '{text}'(이)라는 값, '{scheme}:'(으)로") == []


def test_kakaoaudit_takes_the_particles_of_a_vowel() -> None:
    # kakaoaudit is read 카카오오디트: 는, 가, 를, 와, 로; one form everywhere.
    wrong = re.compile(r"kakaoaudit(?:은|이|을|과|으로)")
    problems = [f"{catalog}: {msgid!r}" for catalog, msgid, text in ko_messages() if wrong.search(text)]
    assert problems == [], "\n".join(problems)
    assert [particle_for("kakaoaudit", p) for p in ("은(는)", "이(가)", "을(를)", "와(과)", "(으)로")] == [
        "는", "가", "를", "와", "로"
    ]
