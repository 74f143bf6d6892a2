"""Korean particles (조사) that agree with the word they follow.

A Korean particle has two forms, chosen by whether the preceding word ends in a final consonant
(받침): 이/가, 을/를, 은/는, 과/와, 으로/로 (and 로 after ㄹ). A translator cannot know the value of
a message field, so the ko catalogs write both forms after a field: ``{country}이(가)``.
`resolve_particles` replaces each such placeholder with the form the field's value needs before
the template is formatted, so no report shows "대만이(가)".

The value is read the way a Korean reader says it aloud: Hangul by its last syllable; digits by
their Sino-Korean reading (8 팔, 0 영); Latin acronyms by letter names (VPN 엔, URL 엘); Latin words
by a rule taken from the Korean loanword orthography (외래어 표기법), see `_latin_word_final`;
kana by their sound (ん/ン ㄴ). Punctuation, masks (``*``), closing quotes and a trailing
parenthesis (대만(TW)) are not read. Standard library only: the packages on PyPI either stopped
in 2018 (tossi) or treat every Latin word as vowel-final and skip no punctuation (korean-josa).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping

__all__ = ["final_consonant", "has_final_consonant", "particle_for", "resolve_particles"]

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
#: The 28 finals of a Hangul syllable, as compatibility jamo ("" = none); index 8 is ㄹ.
_FINALS = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
           "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")
#: Digits by their Sino-Korean reading: 영 일 이 삼 사 오 육 칠 팔 구. A number ending in 0 is read
#: 십, 백, 천 or 만, all with a final consonant that is not ㄹ, like 영: the last digit decides.
_DIGIT_FINALS = ("ㅇ", "ㄹ", "", "ㅁ", "", "", "ㄱ", "ㄹ", "ㄹ", "")
#: Latin letters by their Korean names; only 엘, 엠, 엔 and 알 end in a consonant (Z is 지 or 제트).
_LETTER_FINALS = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
#: A short vowel before a final p/b, t, k/c keeps that stop as 받침 (cat 캣, net 넷, app 앱, mac 맥).
_STOP_FINALS = {"p": "ㅂ", "b": "ㅂ", "t": "ㅅ", "k": "ㄱ", "c": "ㄱ"}
_VOWELS = "aeiou"
#: Place names of the time zone database whose established Korean spelling the rule below misses
#: (외래어 표기법 keeps a stop after a short vowel, which spelling alone does not show): 뉴욕, 방콕.
_ESTABLISHED = {"york": "ㄱ", "bangkok": "ㄱ"}
#: Brackets whose content is an aside: "대만(TW)" is read 대만.
_CLOSING = {")": "(", "）": "（", "]": "["}


def final_consonant(text: str) -> str | None:
    """The final consonant of the last word of `text` as read aloud in Korean, as a compatibility
    jamo ("ㄹ", "ㄴ", ...); "" when it ends in a vowel; None when nothing in it can be read."""
    text = unicodedata.normalize("NFC", text)  # macOS file names come decomposed
    end = _last_readable(text)
    if end is None:
        return None
    char = text[end]
    code = ord(char)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return _FINALS[(code - _HANGUL_FIRST) % 28]
    if 0x3131 <= code <= 0x314E:  # a lone consonant letter (ㅋㅋ), read by its name: 키읔, 리을
        return char
    if 0x314F <= code <= 0x3163:  # a lone vowel letter
        return ""
    if char == "%":
        return ""  # 퍼센트
    if unicodedata.category(char) == "Nd":
        return _DIGIT_FINALS[unicodedata.decimal(char)]
    if char in "んンﾝ":
        return "ㄴ"
    if 0x3041 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F:  # other kana are open syllables
        return ""
    if _latin(char):
        start = end
        while start > 0 and _latin(text[start - 1]):
            start -= 1
        return _latin_final("".join(_latin(c) for c in text[start:end + 1]))
    return None  # Han characters, other scripts: the reading is not known


def has_final_consonant(text: str) -> bool | None:
    """Whether `text` ends, read aloud in Korean, in a final consonant (받침); None when it
    cannot tell (no Hangul, digit, Latin letter or kana to read)."""
    final = final_consonant(text)
    return None if final is None else final != ""


def _last_readable(text: str) -> int | None:
    """Index of the last character that is pronounced: trailing spaces, punctuation, symbols,
    masks and a parenthesised aside after a word are skipped."""
    index = len(text) - 1
    while index >= 0:
        char = text[index]
        opening = _CLOSING.get(char)
        if opening is not None:
            start = _matching_opening(text, index, char, opening)
            # An aside after a word is skipped; a text that is all one parenthesis is read inside.
            if start is not None and any(_readable(c) for c in text[:start]):
                index = start - 1
                continue
        if _readable(char):
            return index
        index -= 1
    return None


def _readable(char: str) -> bool:
    return char == "%" or unicodedata.category(char)[0] in "LN"


def _matching_opening(text: str, index: int, closing: str, opening: str) -> int | None:
    depth = 0
    for position in range(index, -1, -1):
        if text[position] == closing:
            depth += 1
        elif text[position] == opening:
            depth -= 1
            if depth == 0:
                return position
    return None


def _latin(char: str) -> str:
    """The ASCII letter `char` is (é -> e, full-width Ａ -> A), or ""."""
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() and base.isalpha() else ""


def _latin_final(run: str) -> str:
    """Final consonant of a run of Latin letters: acronyms and vowel-less runs are spelled out
    (VPN, kr, db, html), a trailing capitalised word of a CamelCase name is read alone."""
    acronym = re.search(r"[A-Z]{2,}$", run)
    if len(run) == 1 or acronym or not any(v in run.lower() for v in _VOWELS):
        return _LETTER_FINALS.get(run[-1].lower(), "")
    camel = re.search(r"[A-Z][a-z]+$", run)
    return _latin_word_final((camel.group(0) if camel else run).lower())


def _latin_word_final(word: str) -> str:
    """A Latin word read as a Korean loanword (외래어 표기법): m, n, ng, l are kept as 받침
    (com 컴, json 제이슨, ping 핑, email 이메일), also before a silent e (time, phone, file); a p, b,
    t, k or c is kept only after the single short vowel of a one-syllable word (net 넷, app 앱,
    mac 맥); any other ending gets a vowel (kakaoaudit 카카오오디트, server 서버, org, yes, code).
    A few place names keep the reading Korean has established for them (New York 뉴욕).
    A heuristic, not a dictionary: right for the domains, file names and keys a report shows."""
    if word in _ESTABLISHED:
        return _ESTABLISHED[word]
    if word.endswith("ng"):
        return "ㅇ"
    if len(word) >= 3 and word[-1] == "e" and word[-2] in "mnl":
        word = word[:-1]  # silent e: time, phone, file, table
    last = word[-1]
    if last in "mnl":
        return {"m": "ㅁ", "n": "ㄴ", "l": "ㄹ"}[last]
    stem = word[:-2] if word.endswith(("ck", "pp", "tt", "bb")) else word[:-1]
    vowel_groups = re.findall(f"[{_VOWELS}]+", word)
    short_vowel = len(vowel_groups) == 1 and len(vowel_groups[0]) == 1 and stem[-1:] != "" and stem[-1] in _VOWELS
    if last in _STOP_FINALS and short_vowel:
        return _STOP_FINALS[last]
    return ""


# Placeholder -> (form after a final consonant, form after a vowel). After ㄹ, (으)로 is 로.
_PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "이(가)": ("이", "가"), "가(이)": ("이", "가"),
    "을(를)": ("을", "를"), "를(을)": ("을", "를"),
    "은(는)": ("은", "는"), "는(은)": ("은", "는"),
    "과(와)": ("과", "와"), "와(과)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)에요": ("이에요", "예요"),
    "(이)": ("이", ""),  # the copula in 이라는, 이라고, 이나, 이며, ...
}
#: What may stand between a field and its particle without being read: the closing quote of
#: '{text}'(이)라는, the colon of '{scheme}:'(으)로, a closing bracket, an escaped brace.
_TRANSPARENT = "'\"’”」』)]:"
_PARTICLE_AFTER_FIELD = re.compile(
    f"(?:[{re.escape(_TRANSPARENT)}]|\\}}\\}})*"
    f"(?P<placeholder>{'|'.join(re.escape(p) for p in sorted(_PLACEHOLDERS, key=len, reverse=True))})"
)
#: `{{`, `}}` (escaped braces) or a replacement field, one level of nested fields in its spec.
_TOKEN = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")


def particle_for(text: str, placeholder: str) -> str:
    """The form of `placeholder` ("이(가)", "(으)로", ...) that follows `text`; where the reading of
    `text` is unknown, the form after a vowel (most unreadable values, foreign words, end in one
    when read in Korean). A string that is not a known placeholder is returned unchanged."""
    forms = _PLACEHOLDERS.get(placeholder)
    if forms is None:
        return placeholder
    final = final_consonant(text)
    if not final or (placeholder == "(으)로" and final == "ㄹ"):
        return forms[1]
    return forms[0]


def resolve_particles(template: str, values: Mapping[str, object]) -> str:
    """`template` (str.format syntax) with each particle placeholder that follows a field
    (``{name}이(가)``, ``'{name!r}'(이)라는``) replaced by the form the field's value in `values`
    needs. Everything else is left as it is, so the result still formats with the same values;
    escaped braces are not fields and a malformed template is returned unchanged. Never raises."""
    pieces: list[str] = []
    done = 0
    for token in _TOKEN.finditer(template):
        field = token.group("field")
        if field is None:
            continue
        match = _PARTICLE_AFTER_FIELD.match(template, token.end())
        if match is None:
            continue
        value = _field_text(field, values)
        placeholder = match.group("placeholder")
        pieces += [template[done:match.start("placeholder")], particle_for(value or "", placeholder)]
        done = match.end()
    return "".join(pieces) + template[done:] if pieces else template


def _field_text(field: str, values: Mapping[str, object]) -> str | None:
    """The text `{field}` renders to with `values`, or None when it does not render."""
    formatter = string.Formatter()
    try:
        ((_, name, spec, conversion),) = formatter.parse("{" + field + "}")
        if name is None:
            return None
        value, _ = formatter.get_field(name, (), values)
        nested = formatter.vformat(spec or "", (), values)
        return str(formatter.format_field(formatter.convert_field(value, conversion), nested))
    except Exception:  # any failure only means the reading is unknown; str.format reports it later
        return None
