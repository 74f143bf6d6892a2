"""Gathering the answers of one command run: the person's answers file, the questions, and keeping them.

Shared by audit, travel, triage and support-kit (the demo aside, which reads its own profile):

1. the person's answers file is read (``--answers FILE``, else the default one in kakaoaudit's folder,
   which may not exist yet); older keys are read as today's with a note each;
2. on a terminal: an interrupted questionnaire is offered to continue; saved answers about the
   present that are older than 30 days, and those read from an unticked box of an older version, are
   asked again with the old answer as the default (``--ask-again``: every saved answer); the run says
   which saved answers it uses and how to change them;
3. the questions still open are asked (`kakaoaudit.questionnaire.flow`), each answer written to the
   file at once; Ctrl-C keeps them and exits with 130;
4. without a terminal, a missing answer is an error that lists each (as before).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kakaoaudit.commands.quick_check import Asked
from kakaoaudit.core import localtime
from kakaoaudit.core.answers import AnswersFile, Source
from kakaoaudit.core.check import Check
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import AnswerValue, Question
from kakaoaudit.questionnaire.flow import Interrupted, Questionnaire
from kakaoaudit.questionnaire.store import AnswerStore

_ = translator("kakaoaudit.commands.answering")


def interactive(options: Mapping[str, Any]) -> bool:
    """Prompts only on a terminal, and not with --no-input (nor --password-stdin, which uses standard input)."""
    return sys.stdin.isatty() and not options.get("no_input") and not options.get("password_stdin")


def make_prompter(lang: str, options: Mapping[str, Any]) -> Any:
    """Arrow keys and checkboxes on a real terminal; the numbered prompts with --plain, TERM=dumb and the like."""
    from kakaoaudit.questionnaire.arrows import ArrowPrompter, usable  # noqa: PLC0415 - only on a terminal
    from kakaoaudit.questionnaire.prompt import Prompter  # noqa: PLC0415

    return ArrowPrompter(lang) if usable(plain=bool(options.get("plain"))) else Prompter(lang)


@dataclass
class Answering:
    """The answers of one run: what the file says, what is asked, where they are kept."""

    command: str
    store: AnswerStore | None
    loaded: AnswersFile | None
    prompter: Any
    known: Mapping[str, Question]
    now: datetime
    values: dict[str, AnswerValue] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    questionnaire: Questionnaire | None = None
    #: Answers taken out of `values` to be asked again, by key (the old answer is the default).
    previous: dict[str, AnswerValue] = field(default_factory=dict)
    #: Answers given by the interrupted questionnaire this run continues: the same questions, numbered on.
    resumed: set[str] = field(default_factory=set)
    _continuing: bool = False

    @property
    def lang(self) -> str:
        return str(self.prompter.lang) if self.prompter is not None else "en"

    def start(self, preset: Mapping[str, AnswerValue], *, ask_again: bool = False) -> None:
        """Take the file's answers and the command's options; on a terminal, decide what to ask again."""
        if self.loaded is not None:
            self.values.update(self.loaded.values)
            self.sources.update(dict.fromkeys(self.loaded.values, Source.FILE))
        for key, value in preset.items():
            self.values[key] = value
            self.sources[key] = Source.OPTION
        if self.prompter is None:
            store = self.store
            if store is not None and not store.explicit and self.loaded is not None and self.loaded.values:
                # Found by itself, without --answers: say whose answers these are.
                import click  # noqa: PLC0415

                used = _("Using {count} saved answers from {file}.", count=len(self.loaded.values),
                         file=str(store.path))
                click.echo(f"kakaoaudit: {used.render()}", err=True)
            return
        self._offer_to_continue()
        store = self.store
        for key in list(self.values):
            question = self.known.get(key)
            if question is None or self.sources.get(key) is not Source.FILE:
                continue
            again = ask_again or (store is not None and store.is_stale(question, self.now)) or (
                self.loaded is not None and key in self.loaded.reask)
            if again:
                self.previous.setdefault(key, self.values.pop(key))
                self.sources.pop(key, None)
        self._say_saved()
        self.questionnaire = Questionnaire(self.prompter, self.store, self.known, self.command, self.now,
                                           self.values, self.sources, self.previous, continuing=self._continuing)

    def _offer_to_continue(self) -> None:
        store = self.store
        if store is None or store.meta.unfinished is None or self.loaded is None:
            return
        given = [key for key in self.loaded.values if store.answered_in_unfinished_run(key)]
        if not given:
            return  # stopped before the first answer: nothing to continue
        if store.meta.unfinished == self.command and self.prompter.confirm(
            _("Last time the questions stopped before the end ({count} answers kept). Continue where you stopped?",
              count=len(given)), default=True):
            self.resumed = set(given)
            self._continuing = True
            return
        if store.meta.unfinished == self.command:
            for key in given:  # start again: those answers become the defaults
                if key in self.values:
                    self.previous[key] = self.values.pop(key)
                    self.sources.pop(key, None)

    def _say_saved(self) -> None:
        """Which saved answers this run uses, and how to change them."""
        store = self.store
        if store is None or self.loaded is None:
            return
        used = [key for key in self.values if self.sources.get(key) is Source.FILE and key in self.known]
        again = [key for key in self.previous if key in self.known]
        if not used and not again:
            return
        say = self.prompter.say
        say(_("Using {count} saved answers from {file}.", count=len(used), file=str(store.path)))
        if again:
            say(_("{count} of them are asked again (answers about today older than {days} days, or answers to check "
                  "again); Enter keeps the old answer.", count=len(again), days=30))
        say(_("To change a saved answer: {command}, or edit the file.",
              command=self.command_line("--ask-again")))

    def command_line(self, *extra: str) -> str:
        """The command that reads this person's answers again, e.g. ``kakaoaudit triage --answers mum.toml``."""
        parts = ["kakaoaudit", self.command]
        store = self.store
        if store is not None and store.explicit:
            parts += ["--answers", _quoted(str(store.path))]
        return " ".join([*parts, *extra])

    def ask_opening(self, questions: Sequence[Question]) -> None:
        if self.questionnaire is not None:
            with self._keeping():
                self.questionnaire.ask_opening(questions)

    def ask(self, questions: Sequence[Question], *, intro: Msg | None = None) -> None:
        """Ask what `questions` still need, numbered; each answer kept at once."""
        questionnaire = self.questionnaire
        if questionnaire is None:
            return
        questionnaire.infer(questions)
        numbered, _maybe = questionnaire.count(questions)
        # Continuing an interrupted questionnaire: its questions keep their numbers ([10/10], not [1/1]).
        done = 0
        if self.resumed and numbered:
            opening = {question.id for question in questions if question.opening}
            before = {key: value for key, value in self.values.items()
                      if key not in self.resumed or key in opening}
            counting = Questionnaire(self.prompter, None, self.known, self.command, self.now, before, {})
            done = max(len(counting.count(questions)[0]) - len(numbered), 0)
        if numbered:
            self.prompter.say("")
            self.prompter.say(_("{count} questions. Ctrl-C stops at any time; your answers so far are kept "
                                "(never the password).", count=len(numbered) + done))
            if intro is not None:
                self.prompter.say(intro)
        with self._keeping():
            questionnaire.ask(questions, done=done)
        questionnaire.finish()

    def infer(self, questions: Sequence[Question]) -> None:
        """Work out what can be worked out (also without a terminal)."""
        if self.questionnaire is not None:
            self.questionnaire.infer(questions)
            return
        Questionnaire(_NoPrompter(self.lang), None, self.known, self.command, self.now, self.values,
                      self.sources).infer(questions)

    def finish(self) -> None:
        """The answers taken out to be asked again but not asked in the end stay as they were."""
        for key, value in self.previous.items():
            if key not in self.values:
                self.values[key] = value
                self.sources[key] = Source.FILE

    @property
    def asked(self) -> list[str]:
        return list(self.questionnaire.asked) if self.questionnaire is not None else []

    def say_kept(self) -> None:
        """After the questions: where the answers are, and the command that uses them next time."""
        store = self.store
        if self.prompter is None or store is None or not store.written:
            return
        self.prompter.say(_("Your answers are kept in {file} (never the password).", file=str(store.path)))
        if store.explicit:
            self.prompter.say(_("Next time: {command}", command=self.command_line()))
        else:
            other = f"kakaoaudit {self.command} --answers OTHER.toml"
            self.prompter.say(_("kakaoaudit reads them from there next time. For another person, give them a file "
                                "of their own: {command}", command=other))

    def _keeping(self) -> _Keeping:
        return _Keeping(self)

    def kept_path(self) -> str | None:
        """The answers file, when it holds this person's answers (written now or by the run this continues)."""
        store = self.store
        if store is None or not store.save:
            return None
        return str(store.path) if store.written or (self.resumed and store.exists) else None


class _Keeping:
    """Ctrl-C (or a closed terminal) while asking: the answers so far are in the file; say so, exit 130."""

    def __init__(self, answering: Answering) -> None:
        self.answering = answering
        self._previous_hangup: Any = None

    def __enter__(self) -> None:
        import signal  # noqa: PLC0415

        hangup = getattr(signal, "SIGHUP", None)
        if hangup is not None:
            try:
                self._previous_hangup = signal.signal(hangup, _hang_up)
            except ValueError:  # not in the main thread (tests): Ctrl-C still works
                self._previous_hangup = None

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        import signal  # noqa: PLC0415

        hangup = getattr(signal, "SIGHUP", None)
        if hangup is not None and self._previous_hangup is not None:
            signal.signal(hangup, self._previous_hangup)
        if isinstance(error, KeyboardInterrupt) and not isinstance(error, Interrupted):
            raise Interrupted(self.answering.kept_path()) from None


def _hang_up(signum: int, frame: Any) -> None:
    """The terminal was closed: stop as Ctrl-C does (the answers so far are already kept)."""
    raise KeyboardInterrupt


class _NoPrompter:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def say(self, message: Any) -> None:  # pragma: no cover - never asks
        pass

    def ask(self, *args: Any, **kwargs: Any) -> AnswerValue:  # pragma: no cover - never asks
        raise InputError(_("no terminal to ask on"))


def ask_questions(answering: Answering, checks: Sequence[type[Check]], options: Mapping[str, Any], scope: Any, *,
                  has_password: bool) -> Asked:
    """Ask what the audit still needs: the opening question (the trip), then a quick check of the checks
    that carry the most points (at most 15 questions, 22 with a trip), or everything with ``--full``,
    ``--only``/``--skip`` or ``kakaoaudit travel``."""
    from kakaoaudit.questionnaire import quick  # noqa: PLC0415

    runnable = [check for check in checks if has_password or not check.needs_password]
    every = quick.asked_questions(runnable, full=True)
    answering.infer(every)
    if answering.prompter is None:
        return Asked(tuple(every))
    full = bool(options.get("full") or options.get("only") or options.get("skip") or scope.category is not None)
    answering.ask_opening(every)
    if full:
        answering.ask(every)
        answering.finish()
        return Asked(tuple(every))
    opening = [question for question in every if question.opening]
    trip = any(answering.values.get(question.id) is True for question in opening)
    # The opening questions asked now (or by the interrupted run this one continues) count in the limit.
    opened = sum(1 for question in opening if question.id in answering.asked or question.id in answering.resumed)
    budget = (quick.QUICK_LIMIT_TRIP if trip else quick.QUICK_LIMIT) - opened
    # An interrupted quick check goes on with the same questions: its answers count as still to ask.
    opening_ids = {question.id for question in opening}
    known = {key: value for key, value in answering.values.items()
             if key not in answering.resumed or key in opening_ids}
    selection = quick.select(runnable, known, budget=budget)
    intro = None
    if selection.left_out:
        intro = _("This is the quick check: the questions that carry the most points. 'kakaoaudit audit --full' "
                  "asks the rest; your answers are kept, so it asks only what is missing.")
    answering.ask(list(selection.questions), intro=intro)
    answering.finish()
    in_part = tuple(check for check in selection.checks
                    if any(q.detail and q.id not in answering.values for q in check.questions))
    return Asked(selection.questions, selection.left_out, in_part)


def complete(answering: Answering, questions: Sequence[Question], answers_file: Path | None) -> Any:
    """The answers with the declared defaults filled in; without a terminal, what is still missing is an
    `InputError` listing each with how to supply it."""
    from kakaoaudit.commands.collected import Collected, missing_messages  # noqa: PLC0415
    from kakaoaudit.core.engine import applicable  # noqa: PLC0415

    today = localtime.local_date(answering.now)
    values, sources = answering.values, answering.sources
    # Defaults can make further questions applicable; repeat until nothing changes.
    while True:
        pending = applicable(questions, values)
        defaults = [q for q in pending if q.has_default]
        if not defaults:
            break
        for question in defaults:
            values[question.id] = question.parse(question.default, today=today)
            sources[question.id] = Source.DEFAULT
    missing = applicable(questions, values)
    if missing:
        raise InputError(*missing_messages(missing, answers_file, answering.command))
    loaded = answering.loaded
    return Collected(values, sources, bool(answering.asked), loaded.sections if loaded is not None else {})


def _quoted(path: str) -> str:
    import shlex  # noqa: PLC0415

    return shlex.quote(path) if sys.platform != "win32" else (f'"{path}"' if " " in path else path)


def answers_file_option(options: Mapping[str, Any]) -> Path | None:
    value = options.get("answers_file")
    return Path(value) if value is not None else None
