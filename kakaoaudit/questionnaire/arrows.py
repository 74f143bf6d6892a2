"""The prompter with arrow keys and checkboxes, for a real terminal (questionary on prompt_toolkit).

Choices are picked with the arrow keys and Enter, "select all that apply" with Space and Enter, and
yes/no questions are a choice of yes, no and (where allowed) "I don't know", so that nothing is ever
read from a box left unticked. Questions answered with text (dates, phone numbers, addresses,
countries) are a line with the same natural reading and the same messages as the numbered prompts
(`kakaoaudit.questionnaire.prompt`), which stay for ``TERM=dumb``, pipes, screen readers and
``--plain``. ``?`` shows a question's help. Everything goes to standard error.

questionary's ``ask()`` swallows Ctrl-C and returns None, which would read as "no answer": this
module calls ``unsafe_ask()`` so that Ctrl-C reaches the questionnaire, which keeps the answers so
far and exits with 130.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Any

from kakaoaudit.core.i18n import translator
from kakaoaudit.core.questions import NO_DEFAULT, UNKNOWN, AnswerValue, AnswerValueError, QType, Question
from kakaoaudit.questionnaire.prompt import Prompter

_ = translator("kakaoaudit.questionnaire")

#: What a key binding returns for "?" in a list: show the help, then ask again.
_HELP = object()


def usable(*, plain: bool) -> bool:
    """True when arrow keys can be offered: both ends are a real terminal that can move the cursor."""
    if plain or os.environ.get("TERM") == "dumb" or os.environ.get("KAKAOAUDIT_PLAIN"):
        return False
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class ArrowPrompter(Prompter):
    """Choices with the arrow keys and checkboxes; text answers read as the numbered prompts read them."""

    def ask(self, question: Question, label: str, today: date, *, previous: Any = NO_DEFAULT) -> AnswerValue:
        if question.type in (QType.BOOL, QType.CHOICE):
            return self._select(question, label, today, previous)
        if question.type is QType.MULTI:
            return self._checkbox(question, label, today, previous)
        return self._line(question, label, today, previous)

    # --- lists ----------------------------------------------------------------------------------

    def _options(self, question: Question) -> list[tuple[str, Any]]:
        if question.type is QType.BOOL:
            options: list[tuple[str, Any]] = [(self.text(_("Yes")), True), (self.text(_("No")), False)]
        else:
            options = [(self.text(choice.label), choice.value) for choice in question.choices]
        if question.allow_unknown:
            options.append((self.text(_("I don't know")), UNKNOWN))
        return options

    def _select(self, question: Question, label: str, today: date, previous: Any) -> AnswerValue:
        import questionary  # noqa: PLC0415 - prompt_toolkit loads only for a questionnaire on a terminal

        options = self._options(question)
        current = previous if previous is not NO_DEFAULT else (
            question.parse(question.default, today=today) if question.has_default else None)
        choices = [questionary.Choice(title=title, value=index) for index, (title, _value) in enumerate(options)]
        start = next((index for index, (_title, value) in enumerate(options) if value == current), None)
        instruction = self.text(_("(arrow keys, then Enter; ? = help)"))
        while True:
            prompt = questionary.select(self.text(question.prompt), choices=choices, qmark=label or ">",
                                        default=None if start is None else choices[start],
                                        instruction=instruction, **self._io())
            picked = _with_help(prompt).unsafe_ask()
            if picked is _HELP:
                self.say(question.help or _("No more help for this question."))
                continue
            value = options[int(picked)][1]
            return UNKNOWN if value == UNKNOWN else question.parse(value, today=today)

    def _checkbox(self, question: Question, label: str, today: date, previous: Any) -> AnswerValue:
        import questionary  # noqa: PLC0415

        options = self._options(question)
        ticked = set(previous) if isinstance(previous, (tuple, list)) else set()
        instruction = self.text(_("(Space ticks, Enter when done; nothing ticked = don't know; ? = help)")
                                if question.empty_is_unknown else
                                _("(Space ticks, Enter when done; nothing ticked = none; ? = help)"))
        while True:
            choices = [questionary.Choice(title=title, value=index, checked=value in ticked)
                       for index, (title, value) in enumerate(options)]
            prompt = questionary.checkbox(self.text(question.prompt), choices=choices, qmark=label or ">",
                                          instruction=instruction, **self._io())
            picked = _with_help(prompt).unsafe_ask()
            if picked is _HELP:
                self.say(question.help or _("No more help for this question."))
                continue
            values = [options[int(index)][1] for index in picked]
            if UNKNOWN in values:
                return UNKNOWN
            try:
                return question.parse(values, today=today)
            except AnswerValueError as error:
                self.say(self.retry_message(question, error))

    # --- a line of text -------------------------------------------------------------------------

    def _line(self, question: Question, label: str, today: date, previous: Any) -> AnswerValue:
        import questionary  # noqa: PLC0415

        hint = self.hint(question, previous)
        flagged: str | None = None
        typed = ""
        while True:
            prompt = questionary.text(self.text(question.prompt), default=typed, qmark=label or ">",
                                      instruction=hint, **self._io())
            raw = str(prompt.unsafe_ask() or "").strip()
            if raw == "?":
                self.say(question.help or _("No more help for this question."))
                typed = ""
                continue
            try:
                value = self.answer(question, self._normal(question, raw), today, previous)
            except AnswerValueError as error:
                self.say(self.retry_message(question, error))
                typed = raw
                continue
            if question.prompt_check is not None and raw not in (flagged, ""):
                problem = question.prompt_check(value)
                if problem is not None:
                    flagged = typed = raw
                    self.say(problem)
                    continue
            return value

    @staticmethod
    def _normal(question: Question, raw: str) -> str:
        if question.type is QType.TEXT:
            return raw
        import unicodedata  # noqa: PLC0415

        return unicodedata.normalize("NFKC", raw).strip()

    @staticmethod
    def _io() -> dict[str, Any]:
        """prompt_toolkit on standard error: standard output carries only the report."""
        from prompt_toolkit.output import create_output  # noqa: PLC0415

        return {"output": create_output(stdout=sys.stderr)}


def _with_help(prompt: Any) -> Any:
    """`prompt` (a questionary list) with "?" bound to leave it and show the question's help."""
    bindings = prompt.application.key_bindings

    @bindings.add("?", eager=True)  # type: ignore[untyped-decorator]
    def _help(event: Any) -> None:
        event.app.exit(result=_HELP)

    return prompt
