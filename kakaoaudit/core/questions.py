"""Questions that checks declare, and the typed values of their answers.

A question has a dotted id (``security.two_step.enabled``), a type, a localized prompt and
help, an optional default and, for conditional questions, `when`: the answers that make it
relevant. `Question.parse` turns a value from an answers file or the prompter into the typed
answer, or raises `AnswerValueError` saying what was expected.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kakaoaudit.core.answer_text import NEVER, is_never, parse_date
from kakaoaudit.core.i18n import Msg, translator

_ = translator("kakaoaudit")

#: The answer of a question whose type is not known statically; `UNKNOWN` means "I don't know".
AnswerValue = bool | int | str | date | tuple[str, ...]
UNKNOWN = "unknown"
#: The "I'm not sure about these" item of a "select all that apply" question: the items left
#: unselected are then unknown instead of "no" (see `Answers.get_flag`).
UNSURE = "unsure"
#: Saved answers that describe the present (`Question.present`) are asked again after this many days.
STALE_DAYS = 30


class _Known:
    """The condition "answered with something known" (not "unknown", not "never", not empty)."""

    def __repr__(self) -> str:
        return "KNOWN"


#: For `Question.when`: the other question was answered with something known, e.g. a follow-up about
#: what the person saw, asked only when they gave the date they last looked (not "never", not "unknown").
KNOWN: Any = _Known()


def is_known(value: object) -> bool:
    """True for an answer that says something: not "unknown", not "never", not empty."""
    return value not in (UNKNOWN, NEVER, "", ()) and value is not None

QUESTION_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
#: A key segment that looks like it holds a password or other secret; such keys are refused in
#: answers files (and as question ids) so that nobody is led to write a password into a file.
SECRET_KEY_SEGMENT = re.compile(
    r"^(pass|passwd|passphrase|pwd|pw|secret|pin|pincode|token|hash|sha1|sha_1)$"
    r"|^password$|^password_(value|text|plain)$|パスワード|暗証|비밀번호",
    re.IGNORECASE,
)


def looks_secret(key: str) -> bool:
    """True when any segment of a dotted key looks like it names a password or secret."""
    return any(SECRET_KEY_SEGMENT.search(part) for part in key.split("."))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class QType(str, enum.Enum):
    """The type of a question's answer."""

    BOOL = "bool"
    CHOICE = "choice"
    MULTI = "multi"
    INT = "int"
    DATE = "date"
    PHONE = "phone"
    EMAIL = "email"
    COUNTRY = "country"
    COUNTRIES = "countries"
    TEXT = "text"


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


#: Marker for a question without a default: it must be answered.
NO_DEFAULT: Any = _NoDefault()

_EXPECTED = {
    QType.BOOL: _("true or false"),
    QType.CHOICE: _("one of: {choices}"),
    QType.MULTI: _("a list of: {choices}"),
    QType.INT: _("a whole number"),
    QType.DATE: _("a date like 2024-05-31"),
    QType.PHONE: _("a phone number as text"),
    QType.EMAIL: _("an email address as text"),
    QType.COUNTRY: _("a country code such as JP or a country name"),
    QType.COUNTRIES: _("a list of countries such as [\"JP\", \"KR\"]"),
    QType.TEXT: _("text"),
}


class AnswerValueError(ValueError):
    """The value does not fit the question; `expected` says what would."""

    def __init__(self, expected: Msg, hint: Msg | None = None) -> None:
        super().__init__(expected.msgid)
        self.expected = expected
        self.hint = hint


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice or multi question."""

    value: str
    label: Msg


@dataclass(frozen=True)
class Question:
    """A question a check needs answered. Declared by checks; the engine asks each id once."""

    id: str
    type: QType
    prompt: Msg
    help: Msg | None = None
    default: Any = NO_DEFAULT
    choices: tuple[Choice, ...] = ()
    #: Offer "I don't know" (the answer is then `UNKNOWN`); a check turns it into an `unknown` finding.
    allow_unknown: bool = False
    minimum: int | None = None
    maximum: int | None = None
    #: For dates: refuse dates after today (e.g. "when did you last change it").
    past_only: bool = False
    max_length: int = 500
    #: Ask only when every listed answer matches (a value, a tuple of accepted values, or `KNOWN`).
    when: Mapping[str, Any] = field(default_factory=dict)
    #: Where to find the answer in the app ("where to find this in the app"), shown in the report's
    #: "look these up" list when the answer was "I don't know". Only places a source gives:
    #: `kakaoaudit.core.lookup_places`; a plugin gives its own translated text.
    lookup: Msg | None = None
    #: For dates: a month or a year is enough ("2024-05", "2024", 令和6年): the answer is then a `RoughDate`.
    rough: bool = False
    #: For dates: a day written without its year (12月16日, 12/16) is its next occurrence (trip dates).
    future: bool = False
    #: "Never" is a real answer ("when did you last back up?"): stored as `NEVER`.
    allow_never: bool = False
    #: For "select all that apply": an empty selection means "I don't know" (the question has a
    #: "none of these" item for "none"), so that nothing left unticked is read as a "no".
    empty_is_unknown: bool = False
    #: The answer describes the present (a setting today, recent activity, the last time something was
    #: checked): a saved answer older than `STALE_DAYS` days is asked again, the old one as the default.
    present: bool = False
    #: Detail for the few: asked only by ``kakaoaudit audit --full`` (the quick check leaves it out, and
    #: the checks that read it then say nothing about it).
    detail: bool = False
    #: Asked before the others, before the counter starts, because its answer decides which questions
    #: follow (the trip).
    opening: bool = False
    #: Works the answer out from other answers when it can (the home country from a +81 number):
    #: ``infer(answers, lang)`` gives the answer, or None when the question must be asked.
    infer: Callable[[Mapping[str, Any], str], AnswerValue | None] | None = field(default=None, compare=False)
    #: The questions `infer` reads: until they are answered the question waits (it is a follow-up of them).
    infer_from: tuple[str, ...] = ()
    #: At the prompt only: a problem with a valid answer that is worth a second look (an email address
    #: that is not valid, a typo in its domain). Gives what to say, or None; the prompter then asks again
    #: and takes the same answer if it is typed again. An answers file keeps such an answer (the checks
    #: report it).
    prompt_check: Callable[[AnswerValue], Msg | None] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not QUESTION_ID.match(self.id):
            raise ValueError(f"question id {self.id!r} is not dotted lower-case (e.g. 'security.two_step.enabled')")
        if self.type in (QType.CHOICE, QType.MULTI) and not self.choices:
            raise ValueError(f"question {self.id} of type {self.type.value} needs choices")
        if SECRET_KEY_SEGMENT.search(self.id.rsplit(".", 1)[-1]):
            raise ValueError(f"question id {self.id!r} looks like it asks for a secret; never ask for a password")
        if self.default is not NO_DEFAULT and self.type not in (QType.COUNTRY, QType.COUNTRIES):
            self.parse(self.default)  # the country table stays unloaded until a country is parsed

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def expected(self) -> Msg:
        """What a valid answer looks like in an answers file, for its error messages and the template."""
        message = _EXPECTED[self.type]
        if self.type in (QType.CHOICE, QType.MULTI):
            values = ", ".join(self.choice_values + ((UNKNOWN,) if self.allow_unknown else ()))
            message = Msg(message.domain, message.msgid, (("choices", values),))
            if self.type is QType.MULTI and self.empty_is_unknown:
                message = _("{expected} (an empty list means \"I don't know\")", expected=message)
            return message
        if self.type is QType.DATE and self.rough:
            message = _("a date like 2024-05-31, or a month or year like \"2024-05\" or \"2024\"")
        if self.allow_never:
            message = _("{expected}, or \"never\"", expected=message)
        if self.allow_unknown:
            return _("{expected}, or \"unknown\"", expected=message)
        return message

    def applies(self, answers: Mapping[str, Any]) -> bool | None:
        """Whether the question is relevant given `answers`; None while a condition is unanswered.

        A condition already known to be false wins over one still unanswered: the question cannot apply.
        """
        pending = False
        for other, wanted in self.when.items():
            if other not in answers:
                pending = True
                continue
            if wanted is KNOWN:
                if not is_known(answers[other]):
                    return False
                continue
            accepted = wanted if isinstance(wanted, tuple) else (wanted,)
            if answers[other] not in accepted:
                return False
        return None if pending else True

    def waits_for(self) -> tuple[str, ...]:
        """The other questions this one depends on: its conditions, and what its answer is inferred from."""
        return (*self.when, *(key for key in self.infer_from if key not in self.when))

    def parse(self, raw: object, *, today: date | None = None) -> AnswerValue:
        """The typed answer for `raw` (from TOML or the prompter); `AnswerValueError` if it does not fit."""
        if self.allow_unknown and _is_unknown_literal(raw):
            return UNKNOWN
        if self.allow_never and isinstance(raw, str) and raw.strip().lower() == NEVER:
            return NEVER
        parser = _PARSERS[self.type]
        return parser(self, raw, today)


def each_once(questions: Iterable[Question]) -> list[Question]:
    """`questions` with each id once, in the order they first come.

    A question shared by several checks is declared by each (same id, type and choices). When a later
    declaration asks it under fewer conditions (the chat backup: KA705 always, the travel check only with a
    trip), that one is kept, in the first one's place: a copy for one case never narrows who is asked.
    """
    seen: dict[str, Question] = {}
    for question in questions:
        first = seen.setdefault(question.id, question)
        if first is not question and _fewer_conditions(question, first):
            seen[question.id] = question
    return list(seen.values())


def _fewer_conditions(new: Question, old: Question) -> bool:
    """True when every condition of `new` is also one of `old`, and `old` has more."""
    return len(new.when) < len(old.when) and all(
        key in old.when and old.when[key] == value for key, value in new.when.items())


def _is_unknown_literal(raw: object) -> bool:
    """"unknown", or a list holding only it (``["unknown"]``, as the template lists it among the values)."""
    if isinstance(raw, str):
        return raw.strip().lower() == UNKNOWN
    if isinstance(raw, (list, tuple)) and len(raw) == 1 and isinstance(raw[0], str):
        return raw[0].strip().lower() == UNKNOWN
    return False


def _fail(question: Question, hint: Msg | None = None) -> AnswerValueError:
    return AnswerValueError(question.expected(), hint)


def _clean_text(question: Question, raw: object, max_length: int) -> str:
    if not isinstance(raw, str):
        raise _fail(question)
    text = unicodedata.normalize("NFC", raw).strip()
    if len(text) > max_length:
        raise _fail(question, _("at most {limit} characters", limit=max_length))
    if _CONTROL.search(text):
        raise _fail(question, _("control characters are not allowed"))
    return text


def _parse_bool(question: Question, raw: object, today: date | None) -> AnswerValue:
    if isinstance(raw, bool):
        return raw
    raise _fail(question)


def _parse_choice(question: Question, raw: object, today: date | None) -> AnswerValue:
    if isinstance(raw, str) and raw.strip() in question.choice_values:
        return raw.strip()
    raise _fail(question)


def _parse_multi(question: Question, raw: object, today: date | None) -> AnswerValue:
    if not isinstance(raw, (list, tuple)):
        raise _fail(question)
    if not raw and question.empty_is_unknown:
        return UNKNOWN
    values: list[str] = []
    for item in raw:
        if not isinstance(item, str) or item.strip() not in question.choice_values:
            raise _fail(question)
        if item.strip() not in values:
            values.append(item.strip())
    return tuple(values)


def _parse_int(question: Question, raw: object, today: date | None) -> AnswerValue:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _fail(question)
    if question.minimum is not None and raw < question.minimum:
        raise _fail(question, _("at least {minimum}", minimum=question.minimum))
    if question.maximum is not None and raw > question.maximum:
        raise _fail(question, _("at most {maximum}", maximum=question.maximum))
    return raw


def _parse_date(question: Question, raw: object, today: date | None) -> AnswerValue:
    if question.rough and isinstance(raw, int) and not isinstance(raw, bool) and 1000 <= raw <= 9999:
        raw = str(raw)  # a bare TOML year, 2024
    if isinstance(raw, date) and not hasattr(raw, "hour"):
        value = raw
    elif isinstance(raw, str):
        if question.allow_never and is_never(raw):
            return NEVER
        try:
            value = parse_date(raw, today=today, rough=question.rough, future=question.future)
        except ValueError:
            raise _fail(question) from None
    else:
        raise _fail(question)
    if question.past_only and today is not None and value > today:
        raise _fail(question, _("the date is in the future"))
    if value.year < 1900:
        raise _fail(question, _("the year is too early"))
    return value


def _parse_phone(question: Question, raw: object, today: date | None) -> AnswerValue:
    # Deep validation (valid number? mobile?) is a check's job: it becomes a finding, not an error.
    return _clean_text(question, raw, 64)


def _parse_email(question: Question, raw: object, today: date | None) -> AnswerValue:
    return _clean_text(question, raw, 320)


def _parse_country(question: Question, raw: object, today: date | None) -> AnswerValue:
    from kakaoaudit.core import countries  # noqa: PLC0415 - the country table loads only when needed

    text = _clean_text(question, raw, 100)
    try:
        return countries.lookup(text).code
    except countries.CountryNotFound as missing:
        # A letter or two is no name to guess from: suggestions would be noise.
        suggestions = missing.suggestions if len(text) >= 3 else ()
        hint = _("did you mean {suggestions}?", suggestions=_country_names(suggestions)) if suggestions else None
        raise _fail(question, hint) from None


def _country_names(codes: tuple[str, ...]) -> Msg:
    """"Taiwan (TW), Thailand (TH)" in the reader's language."""
    from kakaoaudit.core import countries  # noqa: PLC0415

    first = _("{name} ({code})", name=countries.label(codes[0]), code=codes[0])
    if len(codes) == 1:
        return first
    return _("{first}, {rest}", first=first, rest=_country_names(codes[1:]))


def _parse_countries(question: Question, raw: object, today: date | None) -> AnswerValue:
    if isinstance(raw, str):
        # On the prompt: "JP, KR" or "日本、韓国".
        raw = [part for part in re.split(r"[,、，]", raw) if part.strip()]
    if not isinstance(raw, (list, tuple)) or len(raw) > 50:
        raise _fail(question)
    codes: list[str] = []
    for item in raw:
        code = _parse_country(question, item, today)
        assert isinstance(code, str)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _parse_text(question: Question, raw: object, today: date | None) -> AnswerValue:
    return _clean_text(question, raw, question.max_length)


_PARSERS = {
    QType.BOOL: _parse_bool,
    QType.CHOICE: _parse_choice,
    QType.MULTI: _parse_multi,
    QType.INT: _parse_int,
    QType.DATE: _parse_date,
    QType.PHONE: _parse_phone,
    QType.EMAIL: _parse_email,
    QType.COUNTRY: _parse_country,
    QType.COUNTRIES: _parse_countries,
    QType.TEXT: _parse_text,
}
