"""Write answers as TOML: the commented template of `kakaoaudit init`.

Answers given at the prompt are merged into the person's file by `kakaoaudit.questionnaire.store`
(tomlkit keeps what it did not change). Never writes a password: questions cannot ask for one (see
`questions.SECRET_KEY_SEGMENT`) and the password is not an answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from kakaoaudit.core.answer_text import RoughDate
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import KNOWN, UNKNOWN, AnswerValue, QType, Question

_ = translator("kakaoaudit")


def toml_value(value: AnswerValue) -> str:
    """`value` as a TOML literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, RoughDate):
        return json.dumps(str(value))  # "2024-05" is not TOML as a bare value, and 2024 would be an integer
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    # A JSON string is a valid TOML basic string (JSON escapes are a subset of TOML's).
    return json.dumps(value, ensure_ascii=False)


def render_answers(
    questions: Sequence[Question],
    values: Mapping[str, AnswerValue],
    *,
    lang: str,
    header: Sequence[str] = (),
    comments: bool = True,
) -> str:
    """A TOML document with one table per question group, in question order.

    With `comments`, every key carries its question, help and expected values; a question
    without a value (and without a default) is written commented out, to be filled in.
    """
    lines = [f"# {line}" if line else "#" for line in header]
    if header:
        lines.append("")
    # A TOML table may be declared once: group the questions by table, in first-appearance order.
    tables: dict[str, list[Question]] = {}
    for question in questions:
        tables.setdefault(question.id.rsplit(".", 1)[0], []).append(question)
    for table, members in tables.items():
        if lines and lines[-1] != "":
            lines.append("")
        lines.append(f"[{table}]")
        for question in members:
            key = question.id.rsplit(".", 1)[1]
            if comments:
                lines.extend(_comment_lines(question, lang))
            if question.id in values:
                lines.append(f"{key} = {toml_value(values[question.id])}")
            elif question.has_default:
                lines.append(f"{key} = {toml_value(question.default)}")
            else:
                lines.append(f"# {key} = ")
            if comments:
                lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _comment_lines(question: Question, lang: str) -> list[str]:
    lines = [f"# {question.prompt.render(lang)}"]
    if question.help is not None:
        lines.append(f"# {question.help.render(lang)}")
    if question.type in (QType.CHOICE, QType.MULTI):
        for choice in question.choices:
            lines.append(f"#   {json.dumps(choice.value)}: {choice.label.render(lang)}")
    lines.append("# " + _("Expected: {expected}", expected=how_to_write(question)).render(lang))
    if question.when:
        lines.append("# " + _("Only asked when: {condition}", condition=condition_text(question, lang)).render(lang))
    return [line.replace("\n", " ") for line in lines]


#: How to write each type of answer in the file, in everyday words: the person filling it in need not know
#: TOML's names for them ("string", "boolean"). Each language's catalog gives its own examples.
_HOW_TO_WRITE = {
    QType.BOOL: _("true (yes) or false (no)"),
    QType.CHOICE: _("one of the choices above, in quotes"),
    QType.MULTI: _("any of the choices above, in square brackets, like {example}"),
    QType.INT: _("a number, like 3"),
    QType.DATE: _("a date, like 2024-05-31"),
    QType.PHONE: _("a phone number in quotes, like \"+82 10-1234-5678\""),
    QType.EMAIL: _("an email address in quotes, like \"name@example.com\""),
    QType.COUNTRY: _("a country code or a country name in quotes, like \"KR\" or \"Korea\""),
    QType.COUNTRIES: _("countries in square brackets, like [\"KR\", \"JP\"]"),
    QType.TEXT: _("words in quotes, like \"...\""),
}


def how_to_write(question: Question) -> Msg:
    """How to write the answer to `question` in the file, in words for someone who never edited a TOML file."""
    message = _HOW_TO_WRITE[question.type]
    if question.type is QType.MULTI:
        example = toml_value(tuple(question.choice_values[:2]))
        message = _("any of the choices above, in square brackets, like {example}", example=example)
        if question.empty_is_unknown:
            message = _("{expected} (empty brackets [] mean \"I don't know\")", expected=message)
    if question.type is QType.DATE and question.rough:
        message = _("a date, like 2024-05-31, or only the month or the year in quotes, like \"2024-05\" or \"2024\"")
    if question.type in (QType.CHOICE, QType.MULTI):
        if question.allow_unknown and UNKNOWN not in question.choice_values:
            message = _("{expected}, or \"unknown\" (I don't know)", expected=message)
        return message
    if question.allow_never:
        message = _("{expected}, or \"never\" (never done)", expected=message)
    if question.allow_unknown:
        message = _("{expected}, or \"unknown\" (I don't know)", expected=message)
    return message


def condition_text(question: Question, lang: str | None = None) -> str:
    """The condition of a conditional question: ``a.b = true, c.d = ["x", "y"]``, a condition on an answer
    being given in words (``contacts.phone is answered``)."""
    parts = [_("{key} is answered", key=other).render(lang) if wanted is KNOWN
             else f"{other} = {toml_value(_as_value(wanted))}"
             for other, wanted in question.when.items()]
    return _(", ").render(lang).join(parts)


def _as_value(wanted: object) -> AnswerValue:
    if isinstance(wanted, tuple):
        return tuple(str(item) for item in wanted)
    if isinstance(wanted, (bool, int, str, date)):
        return wanted
    return str(wanted)
