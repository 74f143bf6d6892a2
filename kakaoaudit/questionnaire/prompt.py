"""The numbered prompter: asks a question on a terminal, as a line of text, and reads natural answers.

This is the plain mode, for ``TERM=dumb``, pipes, screen readers and ``--plain``; on a real terminal
`kakaoaudit.questionnaire.arrows` offers arrow keys and checkboxes over the same questions.

Prompts go to standard error so that standard output carries only the report. Answers are read
the way people type them (`kakaoaudit.core.answer_text`): yes/no in Japanese, English and Korean
(はい, いいえ, 예, 아니요), "I don't know" (u, わからない, 모름), dates such as 2024/5/31, 令和6年5月31日
or R6.5.31 (a month or a year where a rough date is asked, "never" where that is an answer),
choices by number or by their words. A wrong answer is told what to type, in the person's
language: choice numbers and their labels, never kakaoaudit's internal keys. Enter takes the
default (or keeps the answer given last time), ``?`` shows the question's help. The password is
asked with a hidden prompt and never echoed.
"""

from __future__ import annotations

import getpass
import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any, TextIO

from kakaoaudit.core.answer_text import NEVER, RoughDate, is_never, parse_dont_know, parse_yes_no
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import NO_DEFAULT, UNKNOWN, AnswerValue, AnswerValueError, QType, Question
from kakaoaudit.core.secret import Secret
from kakaoaudit.core.untrusted import printable

_ = translator("kakaoaudit.questionnaire")

#: The longest line read at a prompt, in characters (a pasted notice comes line by line).
MAX_LINE_LENGTH = 64 * 1024
#: Separators between the numbers of a "select all that apply" answer: 1,3 / 1、3 / 1 3.
_LIST_SEPARATORS = re.compile(r"[,、，;\s]+")


class Prompter:
    """Asks questions on a terminal, one line at a time; `read` and `read_hidden` are injectable for tests."""

    def __init__(
        self,
        lang: str,
        *,
        out: TextIO | None = None,
        read: Callable[[str], str] | None = None,
        read_hidden: Callable[[str], str] | None = None,
    ) -> None:
        self.lang = lang
        self.out = out or sys.stderr
        self._read = read or _read_line
        self._read_hidden = read_hidden or _read_hidden

    def say(self, message: Msg | str) -> None:
        # A plain text may come from a file (an answer shown back): no terminal escape codes get through.
        text = message.render(self.lang) if isinstance(message, Msg) else printable(message)
        self.out.write(text + "\n")
        self.out.flush()

    def text(self, message: Msg) -> str:
        return message.render(self.lang)

    # --- one question ---------------------------------------------------------------------------

    def ask(self, question: Question, label: str, today: date, *, previous: Any = NO_DEFAULT) -> AnswerValue:
        """Ask `question` until the answer fits. `label` is its number (``[3/12]``, empty for none);
        `previous` is the answer saved last time, kept with Enter."""
        self.say("")
        self.say(f"{label} {self.text(question.prompt)}".strip())
        self._show_choices(question)
        hint = self.hint(question, previous)
        flagged: str | None = None
        while True:
            raw = self._read(f"{hint} > ").strip()
            if question.type is not QType.TEXT:
                raw = unicodedata.normalize("NFKC", raw).strip()
            if raw == "?":
                self.say(question.help or _("No more help for this question."))
                continue
            try:
                value = self.answer(question, raw, today, previous)
            except AnswerValueError as error:
                self.say(self.retry_message(question, error))
                if question.type in (QType.CHOICE, QType.MULTI):
                    self._show_choices(question)
                continue
            if question.prompt_check is not None and raw not in (flagged, ""):
                problem = question.prompt_check(value)
                if problem is not None:
                    flagged = raw
                    self.say(problem)
                    continue
            return value

    def answer(self, question: Question, raw: str, today: date, previous: Any = NO_DEFAULT) -> AnswerValue:
        """The typed answer for what was typed; `AnswerValueError` when it does not fit."""
        if raw == "":
            if previous is not NO_DEFAULT:
                return previous  # type: ignore[no-any-return]
            if question.has_default:
                return question.parse(question.default, today=today)
            if question.type is QType.MULTI:
                return question.parse([], today=today)
        if question.allow_unknown and parse_dont_know(raw):
            return UNKNOWN
        if not question.allow_unknown and raw and parse_dont_know(raw) and question.type is not QType.TEXT:
            raise AnswerValueError(question.expected(), _("this question needs an answer"))
        return question.parse(self.interpret(question, raw), today=today)

    def interpret(self, question: Question, raw: str) -> object:
        """Turn what was typed into the value the question parses (numbers and words pick choices)."""
        if question.type is QType.BOOL:
            answer = parse_yes_no(raw)
            return raw if answer is None else answer
        if question.type is QType.CHOICE:
            return self._choice(question, raw)
        if question.type is QType.MULTI:
            if not raw:
                return []
            return [self._choice(question, part) for part in _LIST_SEPARATORS.split(raw) if part]
        if question.type is QType.DATE and question.allow_never and is_never(raw):
            return NEVER
        if question.type is QType.INT:
            try:
                return int(raw)
            except ValueError:
                return raw
        return raw

    def _choice(self, question: Question, raw: str) -> str:
        """The value of the choice numbered or named by `raw` (its label, or its value for those who
        know them); `raw` itself when it names none (the question then says what would fit)."""
        if raw.isdigit() and 1 <= int(raw) <= len(question.choices):
            return question.choices[int(raw) - 1].value
        folded = raw.casefold()
        for choice in question.choices:
            if folded in (choice.value.casefold(), self.text(choice.label).casefold()):
                return choice.value
        return raw

    def _show_choices(self, question: Question) -> None:
        if question.type in (QType.CHOICE, QType.MULTI):
            for index, choice in enumerate(question.choices, 1):
                self.say(f"  {index}) {self.text(choice.label)}")

    # --- what to type ---------------------------------------------------------------------------

    def hint(self, question: Question, previous: Any = NO_DEFAULT) -> str:
        """The short reminder before the cursor: how to answer, Enter, u, ?."""
        parts: list[Msg] = []
        if question.type is QType.BOOL:
            parts.append(_("yes/no"))
        elif question.type is QType.CHOICE:
            parts.append(_("1-{last}", last=len(question.choices)))
        elif question.type is QType.MULTI:
            parts.append(_("numbers separated by commas, such as 1,3"))
        elif question.type is QType.DATE:
            parts.append(_("e.g. 2024/5/31") if not question.rough else _("e.g. 2024/5/31, 2024-05 or 2024"))
        if question.type is QType.DATE and question.allow_never:
            parts.append(_("never"))
        if question.allow_unknown and not (question.type is QType.MULTI and question.empty_is_unknown
                                           and previous is NO_DEFAULT):
            parts.append(_("u = don't know"))
        if previous is not NO_DEFAULT:
            parts.append(_("Enter keeps: {answer}", answer=self.show(question, previous)))
        elif question.has_default and not (isinstance(question.default, str) and question.default == ""):
            parts.append(_("Enter = {default}", default=self.show(question, question.default)))
        elif question.has_default:
            parts.append(_("Enter = none"))
        elif question.type is QType.MULTI:
            parts.append(_("Enter or u = don't know") if question.empty_is_unknown else _("Enter = none of these"))
        parts.append(_("? = help"))
        # The separator and the brackets are the language's own: 「(はい/いいえ、? = 説明)」
        joined = self.text(_(", ")).join(self.text(part) for part in parts)
        return self.text(_("({hint})", hint=joined))

    def show(self, question: Question, value: object) -> str:
        """An answer as the person reads it: yes/no, the choices' labels, a date, "don't know"."""
        if value == UNKNOWN:
            return self.text(_("don't know"))
        if value == NEVER and question.allow_never:
            return self.text(_("never"))
        if isinstance(value, bool):
            return self.text(_("yes") if value else _("no"))
        if isinstance(value, (tuple, list)):
            if not value:
                return self.text(_("none of these"))
            return self.text(_(", ")).join(self.show(question, item) for item in value)
        if isinstance(value, RoughDate):
            return str(value)
        if isinstance(value, date):
            return value.isoformat()
        if question.type in (QType.COUNTRY, QType.COUNTRIES) and isinstance(value, str):
            from kakaoaudit.core import countries  # noqa: PLC0415

            try:  # the name the person would type: 日本, not JP
                return countries.name(value, self.lang)
            except KeyError:
                return value
        for choice in question.choices:
            if choice.value == value:
                return self.text(choice.label)
        return str(value)

    def retry_message(self, question: Question, error: AnswerValueError) -> str:
        """What to type, after an answer that does not fit: in words and numbers, never internal keys."""
        message = self.what_to_type(question)
        if error.hint is not None:
            return self.text(_("{message} ({hint})", message=message, hint=error.hint))
        return message

    def what_to_type(self, question: Question) -> str:
        """How to answer `question`, as one or two sentences."""
        if question.type is QType.DATE:
            parts: list[Msg] = []
            if question.rough:
                parts.append(_("a month or a year is enough: 2024-05 or 2024"))
            if question.future:
                parts.append(_("the month and day alone are fine: 12/16 or 12月16日"))
            if question.allow_never:
                parts.append(_("\"never\" if you never did"))
            if question.allow_unknown:
                parts.append(_("u if you don't know"))
            first = _("Please type a date such as 2024-05-31, 2024/5/31 or 2024年5月31日.")
            if not parts:
                return self.text(first)
            rest = self.text(_("; ")).join(self.text(part) for part in parts)
            return self.text(_("{sentence} ({details})", sentence=first, details=rest))
        return self.text(self._what_to_type(question))

    def _what_to_type(self, question: Question) -> Msg:
        unknown = question.allow_unknown
        kind = question.type
        if kind is QType.BOOL:
            return _("Please answer y (yes) or n (no), or u if you don't know.") if unknown else _(
                "Please answer y (yes) or n (no).")
        if kind is QType.CHOICE:
            last = len(question.choices)
            return _("Please type one of the numbers 1 to {last} shown above, or u if you don't know.", last=last) \
                if unknown else _("Please type one of the numbers 1 to {last} shown above.", last=last)
        if kind is QType.MULTI:
            last = len(question.choices)
            return _("Please type the numbers of everything that applies, 1 to {last}, separated by commas "
                     "(for example 1,3), or u if you don't know.", last=last) if unknown else _(
                "Please type the numbers of everything that applies, 1 to {last}, separated by commas "
                "(for example 1,3).", last=last)
        if kind is QType.INT:
            return _("Please type a whole number, such as 3.")
        if kind is QType.PHONE:
            return _("Please type the number as you dial it, for example 090-1234-5678 or +81 90-1234-5678.")
        if kind is QType.EMAIL:
            return _("Please type an email address such as hanako@example.com.")
        if kind is QType.COUNTRY:
            return _("Please type a country's name or code, for example 日本, Japan, 일본 or JP.")
        if kind is QType.COUNTRIES:
            return _("Please type countries' names or codes separated by commas, for example 日本, Taiwan or JP, TW.")
        return _("Please answer with {expected}.", expected=question.expected())

    # --- other prompts --------------------------------------------------------------------------

    def ask_password(self) -> Secret | None:
        """The password by a hidden prompt; None when the user declines (just Enter)."""
        self.say("")
        self.say(_("kakaoaudit checks your password's strength here, and whether it appears in known "
                   "leaks by sending only the first 5 characters of its SHA-1 hash. The password is never "
                   "shown, stored or sent."))
        value = self._read_hidden(self.text(_("Kakao account password (Enter to skip): ")))
        return Secret(value) if value else None

    def confirm(self, question: Msg, default: bool = False) -> bool:
        hint = self.text(_("[Y/n]") if default else _("[y/N]"))
        while True:
            raw = self._read(f"{question.render(self.lang)} {hint} ").strip()
            if not raw:
                return default
            answer = parse_yes_no(raw)
            if answer is not None:
                return answer
            self.say(_("Please answer y (yes) or n (no)."))

    def ask_text(self, question: Msg) -> str:
        return self._read(f"{question.render(self.lang)} ").strip()

    def choose(self, question: Question, today: date) -> AnswerValue:
        """A question outside any questionnaire (which time zone), without a number."""
        return self.ask(question, "", today)


def _read_line(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline(MAX_LINE_LENGTH + 1)  # Ctrl-C raises KeyboardInterrupt: the CLI exits with 130
    if not line:
        raise InputError(_("the input ended before every question was answered"))
    if len(line) > MAX_LINE_LENGTH and not line.endswith("\n"):
        raise InputError(_("a line of the input is longer than {limit} characters", limit=MAX_LINE_LENGTH))
    return line.rstrip("\r\n")


def _read_hidden(prompt: str) -> str:
    try:
        return getpass.getpass(prompt, stream=sys.stderr)
    except EOFError:
        raise InputError(_("the input ended before the password was entered")) from None
