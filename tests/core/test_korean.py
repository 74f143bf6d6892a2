"""Korean particles agree with the value of the field they follow (kakaoaudit.core.korean)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakaoaudit.core.i18n import Msg, Private
from kakaoaudit.core.korean import final_consonant, has_final_consonant, particle_for, resolve_particles

# Every placeholder: its form after 미국 (ㄱ), 일본 (ㄴ), 서울 (ㄹ) and 가나 (no final consonant).
PAIRS = [
    ("이(가)", "이", "이", "이", "가"),
    ("가(이)", "이", "이", "이", "가"),
    ("을(를)", "을", "을", "을", "를"),
    ("를(을)", "을", "을", "을", "를"),
    ("은(는)", "은", "은", "은", "는"),
    ("는(은)", "은", "은", "은", "는"),
    ("와(과)", "과", "과", "과", "와"),
    ("과(와)", "과", "과", "과", "와"),
    ("(으)로", "으로", "으로", "로", "로"),
    ("(이)라는", "이라는", "이라는", "이라는", "라는"),
    ("(이)나", "이나", "이나", "이나", "나"),
    ("(이)라고", "이라고", "이라고", "이라고", "라고"),
    ("(이)에요", "이에요", "이에요", "이에요", "예요"),
]
PLACEHOLDER = re.compile(r"\((?:이|가|을|를|은|는|와|과|으)\)")


@pytest.mark.parametrize(("placeholder", "after_guk", "after_bon", "after_ul", "after_vowel"), PAIRS)
def test_every_particle_pair(
    placeholder: str, after_guk: str, after_bon: str, after_ul: str, after_vowel: str
) -> None:
    template = "{x}" + placeholder + " 끝"
    for value, expected in (("미국", after_guk), ("일본", after_bon), ("서울", after_ul), ("가나", after_vowel)):
        assert resolve_particles(template, {"x": value}).format(x=value) == f"{value}{expected} 끝"


@pytest.mark.parametrize(
    ("text", "final"),
    [
        ("가", ""), ("각", "ㄱ"), ("닭", "ㄺ"), ("길", "ㄹ"), ("힣", "ㅎ"), ("나무", ""), ("사람", "ㅁ"),
        ("ㅋㅋ", "ㅋ"), ("ㄹ", "ㄹ"), ("ㅏ", ""),
    ],
)
def test_hangul_by_its_last_syllable(text: str, final: str) -> None:
    assert final_consonant(text) == final
    assert has_final_consonant(text) is (final != "")


def test_decomposed_hangul_is_read_like_composed() -> None:
    import unicodedata

    assert final_consonant(unicodedata.normalize("NFD", "서울")) == "ㄹ"


def test_rieul_takes_ro_but_other_clusters_take_euro() -> None:
    assert particle_for("서울", "(으)로") == "로"
    assert particle_for("닭", "(으)로") == "으로"  # ㄺ is not ㄹ
    assert particle_for("바다", "(으)로") == "로"
    assert particle_for("부산항", "(으)로") == "으로"


@pytest.mark.parametrize(
    ("digit", "final"),
    [("0", "ㅇ"), ("1", "ㄹ"), ("2", ""), ("3", "ㅁ"), ("4", ""), ("5", ""), ("6", "ㄱ"), ("7", "ㄹ"), ("8", "ㄹ"),
     ("9", "")],
)
def test_digits_by_their_korean_reading(digit: str, final: str) -> None:
    assert final_consonant(digit) == final
    assert final_consonant("KA10" + digit) == final
    assert final_consonant(chr(0xFF10 + int(digit))) == final  # full-width digit


def test_round_numbers_are_read_like_their_last_zero() -> None:
    # 십, 백, 천, 만 end in a consonant that is not ㄹ, like 영.
    for number in ("10", "100", "1000", "10000"):
        assert particle_for(number, "이(가)") == "이"
        assert particle_for(number, "(으)로") == "으로"


def test_masked_phone_goes_by_its_last_digit() -> None:
    assert final_consonant("+81 **-****-**78") == "ㄹ"
    assert resolve_particles("{phone}이(가) 등록", {"phone": "+81 **-****-**78"}) == "{phone}이 등록"
    assert resolve_particles("{phone}(으)로 받기", {"phone": "+81 **-****-**78"}) == "{phone}로 받기"
    assert resolve_particles("{phone}을(를)", {"phone": "+82 **-****-**92"}) == "{phone}를"


def test_masked_email_goes_by_its_top_level_domain() -> None:
    # .net is read 닷넷, .com 닷컴, .org 오알지 (or 오그), .kr 케이알, .jp 제이피
    assert final_consonant("ha***@ex*****.net") == "ㅅ"
    assert final_consonant("ha***@ex*****.com") == "ㅁ"
    assert final_consonant("ha***@ex*****.org") == ""
    assert final_consonant("ha***@ex*****.co.kr") == "ㄹ"
    assert final_consonant("ha***@ex*****.jp") == ""
    assert resolve_particles("{email}은(는)", {"email": "ha***@ex*****.net"}) == "{email}은"


def test_version_goes_by_its_last_digit() -> None:
    assert resolve_particles("{v}(으)로 작성", {"v": "kakaoaudit 0.1.0"}).format(v="kakaoaudit 0.1.0") == (
        "kakaoaudit 0.1.0으로 작성"
    )
    assert particle_for("kakaoaudit 0.1.1", "(으)로") == "로"


@pytest.mark.parametrize(
    ("country", "subject", "object_"),
    [("대만", "이", "을"), ("미국", "이", "을"), ("일본", "이", "을"), ("대한민국", "이", "을"), ("필리핀", "이", "을"),
     ("싱가포르", "가", "를"), ("베트남", "이", "을"), ("호주", "가", "를")],
)
def test_country_names_of_the_catalog(country: str, subject: str, object_: str) -> None:
    assert particle_for(country, "이(가)") == subject
    assert particle_for(country, "을(를)") == object_


def test_a_parenthesised_aside_is_not_read() -> None:
    assert final_consonant("대만(TW)") == "ㄴ"
    assert final_consonant("싱가포르 (SG)") == ""
    assert final_consonant("대만（TW）") == "ㄴ"
    assert final_consonant("(TW)") == ""  # all in one parenthesis: read inside, 티더블유
    assert final_consonant("서울 [KR]") == "ㄹ"


@pytest.mark.parametrize(
    ("text", "final"),
    [
        # acronyms and single letters by letter names: 엘, 엠, 엔, 알 end in a consonant
        ("VPN", "ㄴ"), ("URL", "ㄹ"), ("SMS", ""), ("ID", ""), ("KR", "ㄹ"), ("M", "ㅁ"), ("x", ""), ("MyVPN", "ㄴ"),
        # runs without a vowel are spelled out
        ("db", ""), ("html", "ㄹ"), ("txt", ""), ("kr", "ㄹ"), ("http", ""),
        # words as Korean loanwords
        ("com", "ㅁ"), ("json", "ㄴ"), ("toml", "ㄹ"), ("email", "ㄹ"), ("ping", "ㅇ"), ("time", "ㅁ"),
        ("phone", "ㄴ"), ("file", "ㄹ"), ("net", "ㅅ"), ("app", "ㅂ"), ("web", "ㅂ"), ("mac", "ㄱ"), ("back", "ㄱ"),
        ("audit", ""), ("kakaoaudit", ""), ("server", ""), ("yes", ""), ("code", ""), ("log", ""), ("key", ""),
        ("Taiwan", "ㄴ"), ("café", ""), ("ＴＯＭＬ", "ㄹ"),
        # file names by their extension
        ("template-ko.toml", "ㄹ"), ("history.sqlite3", "ㅁ"), ("C:\\Users\\me\\report.json", "ㄴ"),
        # time zones: the city's Korean reading (뉴욕, 방콕, 루이빌, 시카고, 디트로이트)
        ("America/New_York", "ㄱ"), ("America/New\\_York", "ㄱ"), ("Asia/Bangkok", "ㄱ"),
        ("America/Kentucky/Louisville", "ㄹ"), ("America/Chicago", ""), ("America/Detroit", ""),
    ],
)
def test_latin_text(text: str, final: str) -> None:
    assert final_consonant(text) == final


def test_kana_are_open_syllables_except_n() -> None:
    assert final_consonant("サーバー") == ""
    assert final_consonant("にほん") == "ㄴ"
    assert final_consonant("ﾆﾎﾝ") == "ㄴ"


@pytest.mark.parametrize("text", ["", " ", "***", "-", "東京", "Москва", "🙂", "(", ")", "(((", "**-****-**"])
def test_no_reading_is_none(text: str) -> None:
    assert final_consonant(text) is None
    assert has_final_consonant(text) is None


def test_unknown_reading_takes_the_form_after_a_vowel() -> None:
    assert resolve_particles("{x}이(가) {x}을(를) {x}(으)로 '{x}'(이)라는", {"x": "東京"}) == (
        "{x}가 {x}를 {x}로 '{x}'라는"
    )
    assert resolve_particles("{x}은(는)", {"x": ""}) == "{x}는"
    assert particle_for("대만", "없는 조사") == "없는 조사"


def test_trailing_punctuation_and_percent() -> None:
    assert final_consonant("서울!!  ") == "ㄹ"
    assert final_consonant("'대만'") == "ㄴ"
    assert final_consonant("「일본」") == "ㄴ"
    assert final_consonant("50%") == ""  # 퍼센트


def test_quoted_and_formatted_fields() -> None:
    values = {"text": "lang", "scheme": "javascript", "n": "서울", "x": "대만"}
    template = "'{text}'(이)라는 '{scheme}:'(으)로 {n!r}(으)로 {x:>6}와(과) ({x})을(를)"
    resolved = resolve_particles(template, values)
    assert resolved == "'{text}'이라는 '{scheme}:'로 {n!r}로 {x:>6}과 ({x})을"
    assert resolved.format(**values) == "'lang'이라는 'javascript:'로 '서울'로     대만과 (대만)을"


def test_escaped_braces_are_not_fields() -> None:
    assert resolve_particles("{{x}}이(가) {{{x}}}을(를)", {"x": "가나"}) == "{{x}}이(가) {{{x}}}를"
    assert resolve_particles("{{x}}이(가)", {"x": "가나"}).format(x="가나") == "{x}이(가)"


def test_a_placeholder_not_after_a_field_is_left_alone() -> None:
    assert resolve_particles("{x} 이(가) 다음, 서울(으)로", {"x": "가나"}) == "{x} 이(가) 다음, 서울(으)로"


def test_odd_templates_and_values_never_raise() -> None:
    odd = ("{", "}", "{x", "{x!z}이(가)", "{0}이(가)", "{}을(를)", "{x.y}은(는)", "{x[0]}와(과)", "{x:{w}}(으)로")
    for template in odd:
        assert resolve_particles(template, {"x": "서울", "w": "5"}) != ""
    assert resolve_particles("{x[0]}와(과)", {"x": "서울"}) == "{x[0]}와"  # 서
    assert resolve_particles("{x:{w}}(으)로", {"x": "서울", "w": "5"}) == "{x:{w}}로"
    assert resolve_particles("{x}(으)로", {"x": 7}) == "{x}로"  # 칠
    assert resolve_particles("{x}(으)로", {"x": 3.0}) == "{x}으로"  # 영
    assert resolve_particles("no fields", {}) == "no fields"
    assert resolve_particles("{missing}이(가)", {}) == "{missing}가"


# --- the property: never raises, no placeholder left after a field -------------------------------------------

_FIELD_NAMES = st.sampled_from(["a", "b", "country"])
_PLACEHOLDERS = st.sampled_from([p for p, *_ in PAIRS])
_FILLER = st.text(st.characters(blacklist_characters="{}()"), max_size=8)
_LEAD = st.sampled_from(["", "'", '"', ":'", ")", "」"])


@st.composite
def _templates(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        parts.append(draw(_FILLER) + "{" + draw(_FIELD_NAMES) + "}" + draw(_LEAD) + draw(_PLACEHOLDERS))
    return "".join(parts) + draw(_FILLER)


@given(template=st.text(max_size=40), value=st.text(max_size=12))
def test_any_template_never_raises(template: str, value: str) -> None:
    resolve_particles(template, {"a": value, "b": value, "country": value})


@given(template=_templates(), values=st.fixed_dictionaries({n: st.text(max_size=12) for n in ("a", "b", "country")}))
def test_no_placeholder_is_left_after_a_field(template: str, values: dict[str, str]) -> None:
    resolved = resolve_particles(template, values)
    # The literal text around the fields never holds a placeholder, so none may be left anywhere;
    # a value itself may (it is shown as given), so look at the template, not the output.
    assert not PLACEHOLDER.search(resolved)
    resolved.format(**values)


@given(value=st.text(max_size=20))
def test_final_consonant_is_a_final_or_none(value: str) -> None:
    final = final_consonant(value)
    assert final is None or final == "" or 0x3131 <= ord(final) <= 0x314E


# --- through the catalog: Msg.render in Korean -----------------------------------------------------------------


def test_a_real_message_renders_in_korean_without_placeholders() -> None:
    domain = "kakaoaudit.checks.travel_country"
    msgid = "{country} is not among your allowed countries yet"
    taiwan = Msg("kakaoaudit.travel.countries", "Taiwan")
    singapore = Msg("kakaoaudit.travel.countries", "Singapore")
    assert Msg(domain, msgid, (("country", taiwan),)).render("ko") == "대만은 아직 허용 국가에 없습니다"
    assert Msg(domain, msgid, (("country", singapore),)).render("ko") == "싱가포르는 아직 허용 국가에 없습니다"
    # Japanese and English are untouched
    assert Msg(domain, msgid, (("country", taiwan),)).render("en") == "Taiwan is not among your allowed countries yet"


def test_a_private_value_goes_by_what_is_shown() -> None:
    msg = Msg("kakaoaudit.checks.contacts", "A spare phone number {phone} is registered",
              (("phone", Private("+81 90-1234-5672", "+81 **-****-**72")),))
    assert msg.render("ko") == "예비 전화번호 +81 **-****-**72가 등록되어 있습니다"
    assert msg.render("ko", redact=False) == "예비 전화번호 +81 90-1234-5672가 등록되어 있습니다"


def test_the_report_footer_names_the_version() -> None:
    msg = Msg("kakaoaudit.formats", "Made by kakaoaudit {version}", (("version", "0.1.0"),))
    assert msg.render("ko") == "kakaoaudit 0.1.0으로 작성"
