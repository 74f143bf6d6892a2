"""What `kakaoaudit triage` and `kakaoaudit support-kit` share: answers, place, output, saving.

Answers come from the built-in demo profile (``--demo``), or from the person's answers file (the
one every command shares: what it answers is not asked again), then the prompter on a terminal,
which keeps each answer in that file as it is given (`kakaoaudit.commands.answering`), then the
declared defaults; without a terminal, missing answers are one error listing each key. The notice
is pasted over several lines; a country with several time zones is asked which one (or, without a
terminal, its main zone is used and the others are listed in the output).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from kakaoaudit.commands.delivery import deliver
from kakaoaudit.core import localtime
from kakaoaudit.core.answers import Answers, Source
from kakaoaudit.core.engine import applicable
from kakaoaudit.core.errors import InputError, UsageError
from kakaoaudit.core.i18n import Msg, current_language, translator
from kakaoaudit.core.output import refuse_input, write_atomic
from kakaoaudit.core.questions import NO_DEFAULT, AnswerValue, AnswerValueError, Choice, QType, Question
from kakaoaudit.questionnaire.prompt import Prompter
from kakaoaudit.triage.restriction import (
    SINCE,
    TIME_ZONE,
    Moment,
    PastedTextQuestion,
    Place,
    location_country,
    moment_of,
    needs_zone_choice,
    resolve_place,
)

_ = translator(__name__)

DEFAULT_SAVE_NAME = "kakaoaudit-answers.toml"
#: Slack for a start "in the future": clocks differ by a few minutes.
FUTURE_SLACK = timedelta(minutes=10)


def now() -> datetime:
    """The clock (aware, UTC): `kakaoaudit.core.localtime.now`, which tests replace (or this)."""
    return localtime.now()


class PastedText:
    """Mixed into a prompter: a pasted notice is read over several lines, up to an empty line."""

    lang: str
    _read: Any
    say: Any  # the prompter's

    def ask(self, question: Question, label: str, today: date, *, previous: Any = NO_DEFAULT) -> AnswerValue:
        if not isinstance(question, PastedTextQuestion):
            return super().ask(question, label, today, previous=previous)  # type: ignore[misc, no-any-return]
        self.say("")
        self.say(f"{label} {question.prompt.render(self.lang)}".strip())
        self.say(_("Paste the text, then press Enter on an empty line. Just Enter skips; ? shows help."))
        while True:
            lines: list[str] = []
            while True:
                line = self._read("> " if not lines else "  ")
                if not line.strip():
                    break
                lines.append(line)
            raw = "\n".join(lines)
            if raw.strip() == "?":
                self.say(question.help or _("No more help for this question."))
                continue
            if not raw.strip() and previous is not NO_DEFAULT:
                return previous  # type: ignore[no-any-return]
            try:
                return question.parse(raw, today=today)
            except AnswerValueError as error:
                message = _("Please answer with {expected}.", expected=error.expected)
                if error.hint is not None:
                    message = _("{message} ({hint})", message=message, hint=error.hint)
                self.say(message)


def command_prompter(lang: str, options: Mapping[str, Any]) -> Any:
    """The prompter of triage and support-kit: arrow keys on a real terminal, else numbered; pasted notices."""
    from kakaoaudit.questionnaire.arrows import ArrowPrompter, usable  # noqa: PLC0415 - only on a terminal

    base = ArrowPrompter if usable(plain=bool(options.get("plain"))) else Prompter
    return type("CommandPrompter", (PastedText, base), {})(lang)


@dataclass(frozen=True)
class Session:
    """The answers of one run of a command, and where the user is."""

    answers: Answers
    place: Place
    moment: Moment | None
    now: datetime
    prompter: Any
    #: True when the prompter asked anything.
    asked: bool


def questions_to_ask(own: Sequence[Question], known: Mapping[str, Question]) -> list[Question]:
    """The command's questions, the time zone left out (it is asked only when needed).

    A question shared with the checks (``contacts.phone``...) is asked in the checks' words when
    they declare it unconditionally.
    """
    chosen: list[Question] = []
    for question in own:
        if question.id == TIME_ZONE:
            continue
        shared = known.get(question.id)
        use_shared = shared is not None and not shared.when and shared.type is question.type
        chosen.append(shared if use_shared and shared is not None else question)
    return chosen


def start(own: Sequence[Question], options: Mapping[str, Any], *, command: str) -> Session:
    """Collect the answers for a command's questions (from the person's answers file, then asked) and
    place the restriction in time."""
    from kakaoaudit.commands.answering import Answering, complete, interactive  # noqa: PLC0415
    from kakaoaudit.commands.audit import _demo_answers, known_questions, load_registry, load_store  # noqa: PLC0415
    from kakaoaudit.questionnaire.store import AnswerStore  # noqa: PLC0415

    moment_now = now()
    # The user's date, for the answers and the zone offsets "today"; the start is checked exactly below,
    # in the zone of the place the user is in.
    today = localtime.local_date(moment_now)
    registry = load_registry()
    known = {**{question.id: question for question in own}, **known_questions(registry)}
    questions = questions_to_ask(own, known)
    answers_file = options.get("answers_file")
    prompter = None
    answering: Answering | None = None
    if options.get("demo"):
        if answers_file is not None:
            raise UsageError(_("--demo and --answers cannot be used together"))
        collected = _demo_answers(registry, today)
        missing = applicable(questions, collected.values)
        if missing:
            raise InputError(_("the demo profile does not answer {keys}", keys=", ".join(q.id for q in missing)))
        values, sources, asked = dict(collected.values), dict(collected.sources), False
    else:
        asking = interactive(options)
        if asking:
            prompter = command_prompter(current_language(), options)
        store = AnswerStore.at(answers_file, save=asking and not options.get("no_save"))
        loaded = load_store(registry, store, moment_now, required=not asking)
        for note in loaded.notes if loaded is not None else ():
            say_on_stderr(note)
        if options.get("output") is not None:
            refuse_input(Path(options["output"]))  # before any question: never over the answers file
        answering = Answering(command, store, loaded, prompter, known, moment_now)
        answering.start({}, ask_again=bool(options.get("ask_again")))
        answering.infer(questions)
        answering.ask(questions)
        answering.finish()
        collected = complete(answering, questions, answers_file)
        values, sources, asked = dict(collected.values), dict(collected.sources), bool(answering.asked)
    country = location_country(Answers(values))
    chosen = str(values.get(TIME_ZONE) or "")
    if prompter is not None and needs_zone_choice(country, chosen, today):
        values[TIME_ZONE] = ask_zone(prompter, country, today)
        sources[TIME_ZONE] = Source.PROMPT
        chosen, asked = str(values[TIME_ZONE]), True
        if answering is not None and answering.store is not None and answering.store.save:
            answering.store.record({TIME_ZONE: values[TIME_ZONE]}, known, moment_now, lang=prompter.lang)
    if answering is not None:
        answering.say_kept()
    answers = Answers(values, sources)
    place = resolve_place(country, chosen, today)
    moment = moment_of(answers, place)
    if moment is not None and moment.local - FUTURE_SLACK > moment_now:
        raise InputError(_("{key}: {value} is in the future in {zone}; give the local time it started",
                           key=SINCE, value=moment.started.text, zone=place.zone))
    return Session(answers, place, moment, moment_now, prompter, asked)


def ask_zone(prompter: Any, country: str, today: date) -> str:
    """Ask which of the country's clocks the user is on."""
    from kakaoaudit.core import countries  # noqa: PLC0415
    from kakaoaudit.core.timezones import utc_offset  # noqa: PLC0415
    from kakaoaudit.triage.restriction import distinct_zones, offset_text  # noqa: PLC0415

    zones = distinct_zones(country, today)
    question = Question(
        TIME_ZONE,
        QType.CHOICE,
        _("{country} has several time zones. Which one are you in?",
          country=countries.name(country, prompter.lang)),
        choices=tuple(Choice(zone, _("{zone} ({offset} today)", zone=zone,
                                     offset=offset_text(utc_offset(zone, today)))) for zone in zones),
    )
    value = prompter.ask(question, "", today)
    return str(value)


def emit(text: str, output: Path | None, *, also_screen: bool) -> None:
    """The output to the screen and/or, atomically, to `output`."""
    if output is None or also_screen:
        deliver(text, nl=False)
    if output is not None:
        write_atomic(Path(output), text)
        click.echo(_("Written to {path}", path=str(output)).render(), err=True)


def say_on_stderr(message: Msg) -> None:
    click.echo(message.render(), err=True)
