"""What `kakaoaudit triage` and `kakaoaudit support-kit` share: answers, place, output, saving.

Answers come from the built-in demo profile (``--demo``), or from the answers file, then the
prompter on a terminal, then the declared defaults (`kakaoaudit.run.collect_answers`); without a
terminal, missing answers are one error listing each key. The notice is pasted over several lines;
a country with several time zones is asked which one (or, without a terminal, its main zone is
used and the others are listed in the output).
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
from kakaoaudit.core.errors import InputError, KakaoauditError, UsageError
from kakaoaudit.core.i18n import Msg, current_language, translator
from kakaoaudit.core.output import refuse_input, write_atomic
from kakaoaudit.core.questions import AnswerValue, AnswerValueError, Choice, QType, Question
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


class CommandPrompter(Prompter):
    """The prompter, reading pasted notices over several lines and showing empty defaults as "none"."""

    def ask(self, question: Question, number: int, total: int, today: date) -> AnswerValue:
        if not isinstance(question, PastedTextQuestion):
            return super().ask(question, number, total, today)
        self.say("")
        self.say(f"[{number}/{total}] {question.prompt.render(self.lang)}")
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
            try:
                return question.parse(raw, today=today)
            except AnswerValueError as error:
                message = _("Please answer with {expected}.", expected=error.expected)
                if error.hint is not None:
                    message = _("{message} ({hint})", message=message, hint=error.hint)
                self.say(message)

    def _show(self, question: Question, value: object) -> str:
        if value == "":
            return _("none").render(self.lang)
        return super()._show(question, value)


@dataclass(frozen=True)
class Session:
    """The answers of one run of a command, and where the user is."""

    answers: Answers
    place: Place
    moment: Moment | None
    now: datetime
    prompter: CommandPrompter | None
    #: True when the prompter asked anything (then saving is offered).
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


def start(own: Sequence[Question], options: Mapping[str, Any]) -> Session:
    """Collect the answers for a command's questions and place the restriction in time."""
    from kakaoaudit.commands.audit import _demo_answers, collect_answers, interactive, known_questions, load_registry  # noqa: PLC0415

    moment_now = now()
    # The user's date, for the answers and the zone offsets "today"; the start is checked exactly below,
    # in the zone of the place the user is in.
    today = localtime.local_date(moment_now)
    registry = load_registry()
    known = known_questions(registry)
    questions = questions_to_ask(own, known)
    answers_file = options.get("answers_file")
    prompter = None
    if options.get("demo"):
        if answers_file is not None:
            raise UsageError(_("--demo and --answers cannot be used together"))
        collected = _demo_answers(registry, today)
        missing = applicable(questions, collected.values)
        if missing:
            raise InputError(_("the demo profile does not answer {keys}", keys=", ".join(q.id for q in missing)))
    else:
        if interactive() and not options.get("no_input"):
            prompter = CommandPrompter(current_language())
        collected = collect_answers(registry, questions, answers_file, prompter, today)
    if options.get("output") is not None:
        refuse_input(Path(options["output"]))  # before any further question: never over the answers file
    values, sources = dict(collected.values), dict(collected.sources)
    country = location_country(Answers(values))
    chosen = str(values.get(TIME_ZONE) or "")
    asked = collected.asked
    if prompter is not None and needs_zone_choice(country, chosen, today):
        values[TIME_ZONE] = ask_zone(prompter, country, today)
        sources[TIME_ZONE] = Source.PROMPT
        chosen, asked = str(values[TIME_ZONE]), True
    answers = Answers(values, sources)
    place = resolve_place(country, chosen, today)
    moment = moment_of(answers, place)
    if moment is not None and moment.local - FUTURE_SLACK > moment_now:
        raise InputError(_("{key}: {value} is in the future in {zone}; give the local time it started",
                           key=SINCE, value=moment.started.text, zone=place.zone))
    return Session(answers, place, moment, moment_now, prompter, asked)


def ask_zone(prompter: CommandPrompter, country: str, today: date) -> str:
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
    value = prompter.ask(question, 1, 1, today)
    return str(value)


def emit(text: str, output: Path | None, *, also_screen: bool) -> None:
    """The output to the screen and/or, atomically, to `output`."""
    if output is None or also_screen:
        deliver(text, nl=False)
    if output is not None:
        write_atomic(Path(output), text)
        click.echo(_("Written to {path}", path=str(output)).render(), err=True)


def offer_to_save(session: Session, own: Sequence[Question]) -> None:
    """On a terminal, after questions were asked: save every answer of this run for next time."""
    prompter = session.prompter
    if prompter is None or not session.asked:
        return
    if not prompter.confirm(_("Save your answers to a file for next time? (triage and support-kit can reuse them; "
                              "the file holds your contacts)")):
        return
    name = prompter.ask_text(_("File name [{default}]:", default=DEFAULT_SAVE_NAME)) or DEFAULT_SAVE_NAME
    path = Path(name).expanduser()
    if path.exists() and not prompter.confirm(_("{path} exists. Replace it?", path=str(path))):
        prompter.say(_("Not saved."))
        return
    from kakaoaudit.commands.audit import known_questions, load_registry  # noqa: PLC0415
    from kakaoaudit.questionnaire.template import render_answers  # noqa: PLC0415

    known = {**known_questions(load_registry()), **{q.id: q for q in own}}
    questions = [question for question in known.values() if question.id in session.answers]
    values = {question.id: session.answers[question.id] for question in questions}
    header = [
        _("kakaoaudit answers").render(prompter.lang),
        _("Use: kakaoaudit triage --answers THIS_FILE, or kakaoaudit support-kit --answers THIS_FILE. Never write "
          "your password here.").render(prompter.lang),
    ]
    try:
        write_atomic(path, render_answers(questions, values, lang=prompter.lang, header=header), over_input=True)
    except KakaoauditError as error:
        prompter.say(str(error))
        return
    prompter.say(_("Saved. Next time: --answers {file}", file=str(path)))


def say_on_stderr(message: Msg) -> None:
    click.echo(message.render(), err=True)
