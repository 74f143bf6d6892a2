"""No Korean output shows a particle placeholder: 「대만이(가)」, 「미국(으)로」, 「…78은(는)」 never reach a reader.

Every ko message is rendered through `Msg.render` with realistic values in every field (country names,
numbers, masked contacts, product names, file names), and the commands a Korean user runs are run in
Korean; whatever is left of 「(가)」「(를)」「(는)」「(과)」「(으)로」 (and the other forms) fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kakaoaudit.core.i18n import Msg, Private
from kakaoaudit.core.korean import particle_for, resolve_particles
from kakaoaudit.core.placeholders import names

pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parents[2]
KO = ROOT / "kakaoaudit" / "locale" / "ko" / "LC_MESSAGES"
#: A particle placeholder after a word: 이(가), 을(를), 은(는), 와(과), (으)로, (이)나, (이)라는, and malformed
#: leftovers such as 「이나(나)」.
LEFT = re.compile(r"(?:\((?:이|가|을|를|은|는|와|과|으|이라|이나|이며|이에요)\)|(?<=[가-힣\w])\((?:나|라|로|며)\))")
#: Values a report puts into messages, read aloud in Korean with every kind of ending: a consonant
#: (대만, 일본, 0.1.0 영, ...net 넷), a vowel (싱가포르, 2 이, 스위스), ㄹ (서울, 8 팔, 7 칠, .toml).
VALUE_SETS: tuple[tuple[str, ...], ...] = (
    ("대만", "대만(TW)", "일본", "미국", "싱가포르", "스위스", "서울", "칠레"),
    ("0", "1", "2", "3", "7", "8", "10", "2,817", "180"),
    ("+82 **-****-**78", "+81 **-****-**45", "010-1234-5672", "ha***@ex*****.net", "ha***@ex*****.com"),
    ("kakaoaudit 0.1.0", "kakaoaudit", "KA403", "VPN", "Pwned Passwords", "iPhone 13"),
    ("template-ko.toml", "report.html", "/tmp/answers.toml", "answers.json", "2026-12-17", "Asia/Taipei"),
)


def ko_messages() -> Iterator[tuple[str, str]]:
    """(domain, msgid) of every message with a Korean translation."""
    from babel.messages.pofile import read_po

    for path in sorted(KO.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale="ko")
        for message in catalog:
            if message.id and message.string and isinstance(message.id, str):
                yield path.stem, message.id


def left_in(text: str) -> list[str]:
    return [text[max(0, m.start() - 15):m.end() + 3] for m in LEFT.finditer(text)]


def test_the_check_sees_what_a_reader_would_see() -> None:
    shown_to_a_reader = (
        "대만이(가) 허용 국가에 없습니다", "미국(으)로 설정하기", "대만이나(나) 거주 국가", "kakaoaudit는(은)"
    )
    for shown in shown_to_a_reader:
        assert left_in(shown), shown
    for fine in ("대만(TW)은 허용 국가에 없습니다", "설정(톱니바퀴 아이콘)", "(예) ", "ha***@ex*****.net이"):
        assert not left_in(fine), fine


def test_the_values_end_in_every_kind_of_sound() -> None:
    forms = {particle_for(value, "(으)로") + particle_for(value, "이(가)") for values in VALUE_SETS for value in values}
    assert forms == {"으로이", "로가", "로이"}  # after a consonant, a vowel, ㄹ


def _params(msgid: str, values: tuple[str, ...], shift: int) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for index, name in enumerate(sorted(names(msgid))):
        value = values[(index + shift) % len(values)]
        if "@" in value or "**" in value:
            params[name] = Private(value=value.replace("*", "x"), masked=value)
        elif re.search(r"\{" + name + r":(,|\+d|g)\}", msgid):
            params[name] = int(re.sub(r"\D", "", value) or 3)
        else:
            params[name] = value
    return params


def test_every_ko_message_renders_without_a_placeholder() -> None:
    messages = list(ko_messages())
    assert len(messages) > 1500
    problems = set()
    for domain, msgid in messages:
        count = len(names(msgid))
        for values in VALUE_SETS if count else ((),):
            for shift in range(len(values) if count else 1):
                params = _params(msgid, values, shift) if count else {}
                text = Msg(domain, msgid, tuple(sorted(params.items()))).render("ko")
                problems |= {f"{domain}: {msgid!r}: …{left}…" for left in left_in(text)}
    assert not problems, "\n".join(sorted(problems))


def test_the_time_difference_is_said_in_words_with_the_right_particle() -> None:
    behind = "{place} is {amount} behind Korea"
    rendered = {value: Msg("kakaoaudit", behind, (("amount", "1시간"), ("place", value))).render("ko")
                for value in ("대만", "싱가포르")}
    assert rendered == {"대만": "대만은 한국보다 1시간 늦습니다", "싱가포르": "싱가포르는 한국보다 1시간 늦습니다"}


# --------------------------------------------------------------------------------------------------
# Particles the translator wrote after a fixed Latin word or number: 「'kakaoaudit init'으로」, 「audit가」
# --------------------------------------------------------------------------------------------------

#: Particle -> its placeholder. 으로 before 로 so that the longer one is matched.
_PARTICLES = {"이": "이(가)", "가": "이(가)", "을": "을(를)", "를": "을(를)", "은": "은(는)", "는": "은(는)",
              "과": "와(과)", "와": "와(과)", "으로": "(으)로", "로": "(으)로"}
#: A Latin word or number in fixed text, a closing quote, then a particle and the end of the word. A word
#: inside brackets is an aside: the particle after ")" belongs to the word before "(".
_LATIN_THEN_PARTICLE = re.compile(
    r"(?<![{\w])([A-Za-z0-9][A-Za-z0-9_\-./:]*[A-Za-z0-9]|[A-Za-z0-9])['\"’]?(으로|이|가|을|를|은|는|과|와|로)(?=[\s.,)(:;]|$)"
)
#: Words whose reading the spelling rule of kakaoaudit.core.korean does not give: how Korean says them.
READ_AS = {"KAKAOAUDIT_HOME": "홈", "output": "아웃풋", "init": "이닛", "backup": "백업"}


def wrong_particles(text: str) -> list[str]:
    fixed = re.sub(r"\{[^{}]*\}", "\0", text)  # a field's particle is chosen when it is filled
    wrong = []
    for match in _LATIN_THEN_PARTICLE.finditer(fixed):
        word, used = match.groups()
        wanted = particle_for(READ_AS.get(word, word), _PARTICLES[used])
        if wanted != used:
            wrong.append(f"{word}{used} (read aloud: {word}{wanted})")
    return wrong


def test_a_particle_after_a_fixed_word_agrees_with_it() -> None:
    problems = [
        f"{domain}: {msgid!r}: {wrong}" for domain, msgid, text in _ko_texts() if (wrong := wrong_particles(text))
    ]
    assert not problems, "\n".join(problems)


def test_the_fixed_word_check_finds_a_wrong_particle() -> None:
    assert wrong_particles("kakaoaudit audit이 고칠 점을 알려 줍니다") and wrong_particles("support-kit가 만듭니다")
    assert wrong_particles("'kakaoaudit init'로 만들 수 있습니다")
    assert not wrong_particles("'kakaoaudit init'으로 만들 수 있습니다. kakaoaudit는 도구입니다. VPN을 끄십시오")
    assert not wrong_particles("중간 응답(1xx)이 너무 많습니다") and not wrong_particles("{path}을(를) 만들었습니다")
    assert resolve_particles("{v}(으)로", {"v": "0.1.0"}) == "{v}으로"


def _ko_texts() -> Iterator[tuple[str, str, str]]:
    from babel.messages.pofile import read_po

    for path in sorted(KO.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale="ko")
        for message in catalog:
            if message.id and isinstance(message.string, str) and message.string:
                yield path.stem, str(message.id), message.string


# --------------------------------------------------------------------------------------------------
# What a Korean user runs
# --------------------------------------------------------------------------------------------------

COMMANDS = ("audit", "travel", "triage", "support-kit", "check-url", "checks", "history", "show", "summary", "init",
            "schema", "demo")


@pytest.fixture(scope="module")
def sample_answers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ko-answers") / "answers.toml"


def _runs(sample: Path) -> list[tuple[str, ...]]:
    return [
        ("demo",), ("demo", "--full"), ("demo", "--format", "markdown"), ("demo", "--format", "html"),
        ("init", "-o", "-"), ("init", "--sample", "-o", str(sample)),
        ("travel", "--answers", str(sample), "--to", "TW", "--depart", "2030-12-20", "--return", "2031-01-03"),
        ("travel", "--answers", str(sample), "--to", "US", "--depart", "2030-12-20", "--return", "2031-01-03",
         "--format", "markdown"),
        ("triage", "--demo"), ("support-kit", "--demo"), ("checks",),
        ("check-url", "https://cs.kakao.com/helps", "https://kakao-help.example.net"),
        ("--help",), *((command, "--help") for command in COMMANDS),
    ]


def test_no_placeholder_in_any_korean_run(cli: Callable[..., Any], sample_answers: Path) -> None:
    problems = []
    for args in _runs(sample_answers):
        result = cli("--lang", "ko", *args)
        assert result.exit_code in (0, 1), f"{args}: exit {result.exit_code}: {result.stderr[-500:]}"
        output = result.stdout + result.stderr
        assert output.strip(), args
        problems += [f"{' '.join(args)}: …{left}…" for left in left_in(output)]
    assert sample_answers.exists()
    assert not problems, "\n".join(problems)
