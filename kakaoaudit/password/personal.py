"""The user's own details as they turn up in passwords: names, IDs, phone digits, birth dates.

zxcvbn's dictionaries are English: it does not know "hanako", "0512" or "平成2" unless they are
passed as `user_inputs`. `personal_context` turns the answers (names, Kakao ID, email, phone,
birth date) into those words, in the forms people type them (a birth date as 19900512, 900512,
0512, 1205, 1990, 1990/05/12, H02, 平成2年...), grouped by kind, and `personal_kinds_in` says
which kinds a password contains. ADVICE P2.3 (no birthdays or simple words); KAKAO-FACTS K9
(not the ID, birth date, name or phone number).

Pure functions, no translation: the check words the result. Nothing here is ever shown: the
words are personal data and stay in memory for the one check.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

#: The kinds of personal detail, in the order the report lists them.
NAME, KAKAO_ID, EMAIL, PHONE, BIRTH_DATE, SERVICE = "name", "kakao_id", "email", "phone", "birth_date", "service"
KINDS: Final = (BIRTH_DATE, NAME, PHONE, KAKAO_ID, EMAIL, SERVICE)

#: The service's own names: the first words anyone tries on a Kakao account.
SERVICE_WORDS: Final = ("kakao", "kakaotalk", "katalk", "カカオ", "カカオトーク", "카카오", "카카오톡")

#: Japanese eras: (first day, letter, name). Birth years are usually written in them on forms.
ERAS: Final = (
    (date(2019, 5, 1), "R", "令和"),
    (date(1989, 1, 8), "H", "平成"),
    (date(1926, 12, 25), "S", "昭和"),
    (date(1912, 7, 30), "T", "大正"),
    (date(1868, 1, 25), "M", "明治"),
)

_SEPARATORS = re.compile(r"[\s,、，;；/／・|]+")
_NON_ALNUM = re.compile(r"[\W_]+")
_RUNS = re.compile(r"[^\W\d_]+|\d+")
_ERA_SHORT = re.compile(r"[mtshr]\d\d")  # "h02": a 3-character era year, typed on Japanese forms
# Common letter-for-symbol swaps ("p@ssw0rd"): a password is also read with them undone.
_LEET = str.maketrans({"@": "a", "4": "a", "3": "e", "0": "o", "$": "s", "5": "s", "7": "t", "!": "i", "1": "i"})
_LEET_L = str.maketrans({"1": "l"})


def normalize(text: str) -> str:
    """NFKC (full-width to ASCII, half-width kana to full) and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class PersonalContext:
    """Personal words by kind (`KINDS`), normalised, each kind in the order of likelihood."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def user_inputs(self) -> list[str]:
        """Every word once, for zxcvbn (earlier words count as more likely)."""
        seen: dict[str, None] = {}
        for kind in KINDS:
            for word in self.words.get(kind, ()):
                if _usable(word):
                    seen.setdefault(word, None)
        return list(seen)

    def kinds(self) -> tuple[str, ...]:
        """The kinds that have at least one usable word (what a check covered)."""
        return tuple(kind for kind in KINDS if any(_usable(word) for word in self.words.get(kind, ())))


def personal_context(
    *,
    names: str | None = None,
    kakao_id: str | None = None,
    email: str | None = None,
    phone_forms: Iterable[str] = (),
    birth_date: date | None = None,
) -> PersonalContext:
    """The words of each kind; None or empty inputs give no words (the service words always)."""
    words: dict[str, tuple[str, ...]] = {SERVICE: tuple(normalize(word) for word in SERVICE_WORDS)}
    if birth_date is not None:
        words[BIRTH_DATE] = _unique(normalize(form) for form in birth_date_forms(birth_date))
    if names:
        words[NAME] = _unique(name_forms(names))
    if phone_forms:
        words[PHONE] = _unique(phone_forms)
    if kakao_id:
        words[KAKAO_ID] = _unique(_word_forms(kakao_id))
    if email and "@" in email:
        words[EMAIL] = _unique(_word_forms(email.rsplit("@", 1)[0]))
    return PersonalContext({kind: forms for kind, forms in words.items() if forms})


def birth_date_forms(day: date) -> list[str]:
    """How a birth date is typed: full, short, month-day both ways, year, separators, Japanese eras."""
    y, yy, mm, dd = f"{day.year:04d}", f"{day.year % 100:02d}", f"{day.month:02d}", f"{day.day:02d}"
    m, d = str(day.month), str(day.day)
    forms = [
        y + mm + dd, yy + mm + dd, mm + dd, dd + mm, y,
        dd + mm + y, mm + dd + y, dd + mm + yy, mm + dd + yy,
        f"{y}年{m}月{d}日", f"{m}月{d}日",
    ]
    for sep in ("-", "/", "."):
        forms += [sep.join((y, mm, dd)), sep.join((y, m, d)), sep.join((yy, mm, dd)), sep.join((mm, dd)),
                  sep.join((m, d)), sep.join((dd, mm, y)), sep.join((mm, dd, y))]
    forms += japanese_era_forms(day)
    return forms


def japanese_era_forms(day: date) -> list[str]:
    """The year (and full date) in the Japanese era: H02, H2, 平成2, 平成2年, 平成元年, H020512, H2.5.12."""
    era = next(((letter, name, day.year - start.year + 1) for start, letter, name in ERAS if day >= start), None)
    if era is None:
        return []
    letter, name, year = era
    number, padded = str(year), f"{year:02d}"
    mm, dd, m, d = f"{day.month:02d}", f"{day.day:02d}", str(day.month), str(day.day)
    forms = [letter + padded, letter + number, name + number, name + padded, f"{name}{number}年",
             letter + padded + mm + dd, f"{letter}{number}.{m}.{d}", f"{letter}{padded}.{mm}.{dd}",
             f"{name}{number}年{m}月{d}日"]
    if year == 1:
        forms += [f"{name}元", f"{name}元年", f"{name}元年{m}月{d}日"]
    return forms


def name_forms(text: str) -> list[str]:
    """Each name, the names joined in both orders ("hanakoyamada", "yamadahanako"), and their parts."""
    parts = [normalize(part) for part in _SEPARATORS.split(text) if part.strip()]
    forms = list(parts)
    for first, second in itertools.pairwise(parts):
        forms += [first + second, second + first]
    for part in parts:
        forms += _word_forms(part)
    return forms


def phone_digit_forms(raw_digits: str, *, national: str | None = None, e164: str | None = None) -> list[str]:
    """A phone number's digits as typed: whole, national (with the trunk 0), E.164 without "+",
    the last 8 and the last 4."""
    forms: list[str] = []
    for digits in (raw_digits, e164 or "", national or "", "0" + national if national else ""):
        if digits:
            forms += [digits, digits[-8:], digits[-4:]]
    return forms


def personal_kinds_in(password: str, context: PersonalContext) -> tuple[str, ...]:
    """The kinds of personal detail the password contains (in `KINDS` order).

    The password is read as typed, reversed, and with common symbol swaps undone ("h4n4ko").
    Words of 4 or more characters (2 for Japanese or Korean) count wherever they are; 3-letter
    Latin words (names like "Ken") only as a whole run of letters, so "token" does not hit "ken".
    """
    text = normalize(password)
    variants = {text, text[::-1], text.translate(_LEET), text.translate(_LEET_L).translate(_LEET)}
    letter_runs = {run for variant in variants for run in re.findall(r"[a-z]+", variant)}
    found = []
    for kind in KINDS:
        for word in context.words.get(kind, ()):
            if not _usable(word):
                continue
            hit = word in letter_runs if _short_latin(word) else any(word in variant for variant in variants)
            if hit:
                found.append(kind)
                break
    return tuple(found)


def _word_forms(text: str) -> list[str]:
    """The whole (without separators) and its letter runs and digit runs: "hanako_0512" -> hanako, 0512."""
    normalized = normalize(text)
    forms = [normalized, _NON_ALNUM.sub("", normalized)]
    forms += [part for part in _NON_ALNUM.split(normalized) if part]
    forms += _RUNS.findall(normalized)
    return forms


def _usable(word: str) -> bool:
    """Long enough to mean something: 4+ characters, 2+ for Japanese or Korean, 3-letter Latin names,
    and era years such as "h02"."""
    if not word:
        return False
    if not word.isascii():
        return len(word) >= 2
    if word.isalpha():
        return len(word) >= 3
    return len(word) >= 4 or _ERA_SHORT.fullmatch(word) is not None


def _short_latin(word: str) -> bool:
    return word.isascii() and word.isalpha() and len(word) == 3


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for word in words if word))
