"""The interactive prompter: asks the questions the answers file left open, on a terminal.

Prompts go to standard error so that standard output carries only the report. Enter takes the
default, ``?`` shows the question's help, Ctrl-C stops the audit (exit 130) with nothing
written. The password is asked with a hidden prompt and never echoed.
"""

from __future__ import annotations

import getpass
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import TextIO

from kakaoaudit.core.engine import applicable
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import UNKNOWN, AnswerValue, AnswerValueError, QType, Question
from kakaoaudit.core.secret import Secret
from kakaoaudit.core.untrusted import printable

_ = translator("kakaoaudit")

#: The longest line read at a prompt, in characters (a pasted notice comes line by line).
MAX_LINE_LENGTH = 64 * 1024

_YES = {"y", "yes", "true", "1", "はい", "うん", "예", "네"}
_NO = {"n", "no", "false", "0", "いいえ", "아니요", "아니오"}
_DONT_KNOW = {"u", "unknown", "dk", "わからない", "分からない", "不明", "모름", "모르겠음"}


class Prompter:
    """Asks questions on a terminal; `read` and `read_hidden` are injectable for tests."""

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

    def ask_all(self, questions: Sequence[Question], answers: dict[str, AnswerValue], today: date) -> None:
        """Ask every applicable unanswered question, in order, adding to `answers`.

        Conditions are re-evaluated after each answer, so a follow-up question appears only when
        the answer before it makes it relevant; the progress counter follows.
        """
        asked = 0
        while True:
            pending = applicable(questions, answers)
            if not pending:
                return
            question = pending[0]
            asked += 1
            answers[question.id] = self.ask(question, asked, asked + len(pending) - 1, today)

    def ask(self, question: Question, number: int, total: int, today: date) -> AnswerValue:
        """Ask one question until the answer is valid."""
        self.say("")
        self.say(f"[{number}/{total}] {question.prompt.render(self.lang)}")
        if question.type in (QType.CHOICE, QType.MULTI):
            for index, choice in enumerate(question.choices, 1):
                self.say(f"  {index}) {choice.label.render(self.lang)}")
        hint = self._hint(question)
        while True:
            raw = self._read(f"{hint} > ").strip()
            raw = unicodedata.normalize("NFKC", raw) if question.type is not QType.TEXT else raw
            if raw == "?":
                self.say(question.help or _("No more help for this question."))
                continue
            if raw == "" and question.has_default:
                return question.parse(question.default, today=today)
            try:
                return question.parse(self._interpret(question, raw), today=today)
            except AnswerValueError as error:
                message = _("Please answer with {expected}.", expected=error.expected)
                if error.hint is not None:
                    message = _("{message} ({hint})", message=message, hint=error.hint)
                self.say(message)

    def _hint(self, question: Question) -> str:
        parts: list[str] = []
        if question.type is QType.BOOL:
            parts.append(_("y/n").render(self.lang))
        elif question.type is QType.MULTI:
            parts.append(_("numbers separated by commas").render(self.lang))
        elif question.type is QType.CHOICE:
            parts.append(_("number").render(self.lang))
        elif question.type is QType.DATE:
            parts.append(_("YYYY-MM-DD").render(self.lang))
        if question.allow_unknown:
            parts.append(_("u = don't know").render(self.lang))
        if question.has_default:
            parts.append(_("Enter = {default}", default=self._show(question, question.default)).render(self.lang))
        parts.append(_("? = help").render(self.lang))
        return "(" + ", ".join(parts) + ")"

    def _show(self, question: Question, value: object) -> str:
        if isinstance(value, bool):
            return (_("yes") if value else _("no")).render(self.lang)
        for choice in question.choices:
            if choice.value == value:
                return choice.label.render(self.lang)
        return str(value)

    def _interpret(self, question: Question, raw: str) -> object:
        """Turn what was typed into the value the question parses (numbers pick choices)."""
        lowered = raw.lower()
        if question.allow_unknown and lowered in _DONT_KNOW:
            return UNKNOWN
        if question.type is QType.BOOL:
            if lowered in _YES:
                return True
            if lowered in _NO:
                return False
            return raw
        if question.type is QType.CHOICE:
            return self._choice(question, raw)
        if question.type is QType.MULTI:
            if not raw:
                return []
            return [self._choice(question, part.strip()) for part in raw.replace("、", ",").split(",")]
        if question.type is QType.INT:
            try:
                return int(raw)
            except ValueError:
                return raw
        return raw

    @staticmethod
    def _choice(question: Question, raw: str) -> str:
        if raw.isdigit() and 1 <= int(raw) <= len(question.choices):
            return question.choices[int(raw) - 1].value
        return raw

    def ask_password(self) -> Secret | None:
        """The password by a hidden prompt; None when the user declines (just Enter)."""
        self.say("")
        self.say(_("kakaoaudit checks your password's strength here, and whether it appears in known "
                   "leaks by sending only the first 5 characters of its SHA-1 hash. The password is never "
                   "shown, stored or sent."))
        value = self._read_hidden(_("Kakao account password (Enter to skip): ").render(self.lang))
        return Secret(value) if value else None

    def confirm(self, question: Msg, default: bool = False) -> bool:
        hint = "[Y/n]" if default else "[y/N]"
        while True:
            raw = unicodedata.normalize("NFKC", self._read(f"{question.render(self.lang)} {hint} ")).strip().lower()
            if not raw:
                return default
            if raw in _YES:
                return True
            if raw in _NO:
                return False

    def ask_text(self, question: Msg) -> str:
        return self._read(f"{question.render(self.lang)} ").strip()


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
