"""The order of the questions, their numbers, and keeping each answer as it is given.

The counter shows the real number from the first question and never jumps: before the first
question the questionnaire knows which questions will be asked for sure (the *numbered* ones) and
counts them; a question that depends on an answer given in this run (a follow-up, asked or not
according to its lead question, or a question whose answer could not be inferred) carries its
lead's number with a letter, ``[3a/12]``, and is not in the count. The questions that decide which
others follow (`Question.opening`: the trip) are asked first, before the count.

An answer that can be worked out from others (`Question.infer`: the home country from a +81
number) is not asked. Every answer given is written to the person's answers file at once
(`AnswerStore.record`), so Ctrl-C or a closed terminal loses nothing; the run is marked unfinished
until the last question, and the next run offers to continue where it stopped.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from kakaoaudit.core import localtime
from kakaoaudit.core.answers import Source
from kakaoaudit.core.errors import OutputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import NO_DEFAULT, AnswerValue, Question
from kakaoaudit.questionnaire.store import AnswerStore

_ = translator("kakaoaudit.questionnaire")


class Asker(Protocol):
    """What the questionnaire needs of a prompter."""

    lang: str

    def say(self, message: Msg | str) -> None: ...

    def ask(self, question: Question, label: str, today: Any, *, previous: Any = NO_DEFAULT) -> AnswerValue: ...


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or a closed terminal) during the questions; `kept` is the file holding the answers so far."""

    def __init__(self, kept: str | None) -> None:
        super().__init__()
        self.kept = kept


def label_for(number: int, follow_up: int, total: int) -> str:
    """``[3/12]`` for a numbered question, ``[3a/12]`` for the first follow-up of question 3."""
    if follow_up <= 0:
        return f"[{number}/{total}]"
    letters = string.ascii_lowercase
    suffix = letters[(follow_up - 1) % 26] * (1 + (follow_up - 1) // 26)
    return f"[{number}{suffix}/{total}]"


def ordered(questions: Sequence[Question]) -> list[Question]:
    """`questions` with each follow-up moved right after the question it depends on (the last one, when
    several), the others in their order: "Which number is registered?" then "Is it your phone's?"."""
    position = {question.id: index for index, question in enumerate(questions)}
    children: dict[str, list[Question]] = {}
    roots: list[Question] = []
    for question in questions:
        anchors = [key for key in question.waits_for() if key in position and key != question.id]
        if anchors:
            children.setdefault(max(anchors, key=position.__getitem__), []).append(question)
        else:
            roots.append(question)
    result: list[Question] = []

    def place(question: Question) -> None:
        result.append(question)
        for child in children.get(question.id, ()):
            place(child)

    for root in roots:
        place(root)
    return result


def waits_for(question: Question, selection: Iterable[str]) -> list[str]:
    """The questions of `selection` that `question` depends on (conditions and inference)."""
    selected = set(selection)
    return [key for key in question.waits_for() if key in selected]


def ready(question: Question, values: Mapping[str, Any], selection: set[str]) -> bool | None:
    """Whether `question` is to be asked now: True, False (it does not apply), or None (it waits for
    an answer of this run)."""
    if question.id in values:
        return False
    if any(other not in selection for other in question.when):
        return False  # its condition is about a question outside this run: it does not apply
    applies = question.applies(values)
    if applies is False:
        return False
    if applies is None or any(key not in values for key in waits_for(question, selection)):
        return None
    return True


@dataclass
class Questionnaire:
    """One run's questions: asks what is missing, in order, numbered, and keeps each answer."""

    prompter: Asker
    store: AnswerStore | None
    #: Every question this command knows (for the comments of new keys in the answers file).
    known: Mapping[str, Question]
    command: str
    now: datetime
    values: dict[str, AnswerValue]
    sources: dict[str, Source]
    #: Saved answers asked again (old answers about the present, a re-run): offered as the default.
    previous: dict[str, AnswerValue] = field(default_factory=dict)
    #: The ids asked in this run, in order.
    asked: list[str] = field(default_factory=list)
    #: True when this run continues an interrupted questionnaire (its mark and start time stay).
    continuing: bool = False
    _started: bool = False

    @property
    def lang(self) -> str:
        return self.prompter.lang

    def infer(self, questions: Sequence[Question]) -> None:
        """Fill in what can be worked out from the answers so far (never asked, never saved)."""
        for question in questions:
            if question.infer is None or question.id in self.values:
                continue
            if any(key not in self.values for key in question.infer_from):
                continue
            value = question.infer(self.values, self.lang)
            if value is not None:
                self.values[question.id] = question.parse(value, today=localtime.local_date(self.now))
                self.sources[question.id] = Source.INFERRED

    def ask_opening(self, questions: Sequence[Question]) -> None:
        """The questions that decide which others follow (the trip), without a number."""
        selection = {question.id for question in questions}
        self.infer(questions)
        for question in questions:
            if question.opening and ready(question, self.values, selection):
                self._ask(question, "")

    def count(self, questions: Sequence[Question]) -> tuple[list[Question], int]:
        """The questions of `questions` that will surely be asked (numbered), and how many may follow
        them at most (follow-ups, inferences that may fail)."""
        questions = ordered(questions)
        selection = {question.id for question in questions}
        numbered = [q for q in questions if ready(q, self.values, selection)]
        maybe = [q for q in questions if ready(q, self.values, selection) is None]
        return numbered, len(maybe)

    def ask(self, questions: Sequence[Question], *, done: int = 0) -> None:
        """Ask every question of `questions` that is still open, numbered, each answer kept at once;
        `done` numbered questions were answered before (an interrupted questionnaire, continued)."""
        questions = ordered(questions)
        self.infer(questions)
        selection = {question.id for question in questions}
        numbered, _maybe = self.count(questions)
        lead_ids = {question.id for question in numbered}
        total = len(numbered) + done
        number, follow_up = done, 0
        while True:
            self.infer(questions)
            question = next((q for q in questions if ready(q, self.values, selection)), None)
            if question is None:
                return
            if question.id in lead_ids:
                number, follow_up = number + 1, 0
            else:
                follow_up += 1
            self._ask(question, label_for(number or 1, follow_up, total))

    def _ask(self, question: Question, label: str) -> None:
        if not self._started:
            self._started = True
            if not self.continuing:
                self._keep({}, unfinished=self.command)
        previous = self.previous.get(question.id, NO_DEFAULT)
        value = self.prompter.ask(question, label, localtime.local_date(self.now), previous=previous)
        self.values[question.id] = value
        self.sources[question.id] = Source.PROMPT
        self.asked.append(question.id)
        self._keep({question.id: value})

    def finish(self) -> None:
        """The questions are done: the run is no longer unfinished."""
        if self._started:
            self._keep({}, unfinished=None)

    def _keep(self, values: Mapping[str, AnswerValue], *, unfinished: str | bool | None = False) -> None:
        store = self.store
        if store is None or not store.save:
            return
        try:
            store.record(values, self.known, self.now, lang=self.lang, unfinished=unfinished)
        except OutputError as error:
            # Answering goes on; only keeping them failed. Said once, then no more attempts.
            self.prompter.say(_("Your answers cannot be kept: {error}", error=str(error)))
            store.save = False

    def interrupted(self) -> Interrupted:
        """The exception for Ctrl-C now: it names the file that keeps the answers given so far."""
        store = self.store
        kept = str(store.path) if store is not None and store.written else None
        return Interrupted(kept)
