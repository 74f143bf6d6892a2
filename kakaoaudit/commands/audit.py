"""What the commands do, between parsing (cli.py) and the core: gather answers, run, render, exit.

Kept apart from cli.py so that `kakaoaudit --help` imports none of it.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from kakaoaudit.commands.collected import Collected
from kakaoaudit.commands.delivery import deliver
from kakaoaudit.commands.quick_check import Asked, quick_note, skipped_reason
from kakaoaudit.core import localtime, suppress
from kakaoaudit.core.answers import Answers, AnswersFile, Source, load_answers_file, parse_answers
from kakaoaudit.core.check import BreachLookup, Check
from kakaoaudit.core.engine import Auditor, questions_of, select_checks
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, current_language, translator
from kakaoaudit.core.inputs import remember
from kakaoaudit.core.model import Category, Report, Severity, Status
from kakaoaudit.core.output import refuse_input, write_atomic
from kakaoaudit.core.questions import AnswerValue, Question
from kakaoaudit.core.registry import Registry, discover
from kakaoaudit.core.secret import Secret
from kakaoaudit.core.untrusted import json_safe
from kakaoaudit.formats import render
from kakaoaudit.history.audit import SETTINGS_SECTION, AuditHistory, parse_settings, settings_from
from kakaoaudit.questionnaire.demo_profile import DEMO_NAME, demo_document
from kakaoaudit.questionnaire.template import render_answers
from kakaoaudit.travel.trip import active_checks, attach_plan

if TYPE_CHECKING:
    from kakaoaudit.commands.answering import Answering
    from kakaoaudit.questionnaire.store import AnswerStore

_ = translator("kakaoaudit")

EXIT_OK, EXIT_FINDINGS = 0, 1
#: The longest password line `--password-stdin` reads, in characters (a passphrase is far shorter).
MAX_PASSWORD_LENGTH = 1024
#: The longest --label, in characters.
MAX_LABEL_LENGTH = 100


class Scope(NamedTuple):
    """How a command narrows the audit (``kakaoaudit travel``: its options and the travel checks)."""

    preset: Mapping[str, AnswerValue] = MappingProxyType({})
    """Answers given as command options: they override the answers file and are never asked."""
    category: Category | None = None
    """Run only the checks of this category."""
    validate: Callable[[Answers, date], None] | None = None
    """Called with every answer (and the user's local date) before any check runs; raises a `KakaoauditError`."""


def interactive() -> bool:
    """Prompts only on a terminal."""
    return sys.stdin.isatty()


def run_audit(options: Mapping[str, Any], *, mode: str, scope: Scope | None = None) -> int:
    """The audit (or the demo): password -> answers -> checks -> report -> exit code."""
    scope = scope or Scope()
    lang = current_language()
    registry = load_registry()
    checks = select_checks([c.check for c in registry.checks], options.get("only", ()), options.get("skip", ()))
    if scope.category is not None:
        checks = [check for check in checks if check.category is scope.category]
    now = localtime.now()
    # Every date the person gives (answers, the trip) is a date of their calendar, not UTC's.
    today = localtime.local_date(now)
    demo = mode == "demo"
    # Before any question, so that an unusable --hibp-dataset or --hibp-url stops the audit at once.
    breach = make_breach(options, demo=demo) if any(c.needs_password or c.needs_network for c in checks) else None
    prompter = None
    label = _label(options.get("label"))
    # The demo is not the user's account: it never reads or writes the history, nor the answers file.
    history = AuditHistory(None, label=label)
    answering: Answering | None = None
    if demo:
        collected = _demo_answers(registry, today)
    else:
        from kakaoaudit.commands.answering import Answering, make_prompter  # noqa: PLC0415 - only when it may ask
        from kakaoaudit.commands.answering import interactive as asking_here  # noqa: PLC0415
        from kakaoaudit.questionnaire.store import AnswerStore  # noqa: PLC0415

        asking = asking_here(options)
        if asking:
            prompter = make_prompter(lang, options)
        store = AnswerStore.at(options.get("answers_file"), save=asking and not options.get("no_save"))
        loaded = load_store(registry, store, now, required=not asking)
        _refuse_output_over_inputs(options)
        for note in loaded.notes if loaded is not None else ():
            click.echo(f"kakaoaudit: {note.render(lang)}", err=True)
        # Before any question: "last audit N days ago", or the choice about an unusable history file.
        # Only whole audits make the trend: a travel run scores the trip, not the account.
        whole_audit = mode == "audit" and scope.category is None
        history = AuditHistory.start(enabled=whole_audit and not options.get("no_history"), remind=whole_audit,
                                     label=label,
                                     now=now, prompter=prompter,
                                     reminder_days=settings_from(loaded.sections if loaded else {}).reminder_days)
        command = "travel" if scope.category is Category.TRAVEL else "audit"
        answering = Answering(command, store, loaded, prompter, known_questions(registry), now)
    # The password comes first: without it the password checks are skipped, so their own questions
    # (nickname, ID, birth date) are not asked at all.
    password, missing = _password(checks, options, prompter, demo)
    try:
        asked: Any = Asked(tuple(questions_of(checks)))
        if answering is not None:
            from kakaoaudit.commands.answering import ask_questions, complete  # noqa: PLC0415

            answering.start(scope.preset, ask_again=bool(options.get("ask_again")))
            asked = ask_questions(answering, checks, options, scope, has_password=password is not None)
            collected = complete(answering, asked.questions, options.get("answers_file"))
            answering.say_kept()
        return _audit(registry, checks, options=options, scope=scope, collected=collected, asked=asked,
                      password=password, missing=missing, breach=breach, history=history,
                      now=now, mode=mode, label=label)
    except KeyboardInterrupt as error:
        from kakaoaudit.questionnaire.flow import Interrupted  # noqa: PLC0415 - only when the person stopped the run

        kept = answering.kept_path() if answering is not None else None
        if kept is not None and not isinstance(error, Interrupted):
            raise Interrupted(kept) from None
        raise
    finally:
        if password is not None:
            password.clear()


def questions_to_ask(checks: Sequence[type[Check]], *, has_password: bool) -> list[Question]:
    """The questions of the checks that will run: without a password the password checks are skipped,
    so only the questions they share with other checks remain."""
    return questions_of([check for check in checks if has_password or not check.needs_password])


def debug_requested() -> bool:
    from kakaoaudit.options import debug_requested as requested  # noqa: PLC0415

    return requested()


def _audit(
    registry: Registry,
    checks: Sequence[type[Check]],
    *,
    options: Mapping[str, Any],
    scope: Scope,
    collected: Collected,
    asked: Any,
    password: Secret | None,
    missing: Msg | None,
    breach: BreachLookup | None,
    history: AuditHistory,
    now: datetime,
    mode: str,
    label: str | None,
) -> int:
    lang = current_language()
    demo = mode == "demo"
    today = localtime.local_date(now)
    answers = Answers(collected.values, collected.sources)
    if scope.validate is not None:
        scope.validate(answers, today)
    # Without a trip, the travel checks collapse into one "no trip planned" line.
    checks = active_checks(checks, answers, today)
    auditor = Auditor(
        checks=checks,
        skip={check.id: skipped_reason() for check in asked.left_out},
        now=lambda: now,
        lang=lang,
        offline=demo or bool(options.get("offline")),
        redact=not options.get("no_redact"),
        password=password,
        password_missing=missing,
        breach=breach,
        options=check_options(options),
        label=label,
        mode=mode,
        warnings=registry.warnings,
    )
    try:
        report = auditor.run(answers)
    finally:
        if password is not None:
            password.clear()
    report = suppress.apply(report, collected.sections.get(suppress.SECTION), now=now)
    # After the suppressions: the travel readiness note states the final score.
    report = attach_plan(report, checks, answers, today)
    note = quick_note(asked)
    if note is not None:
        report = replace(report, notes=(*report.notes, note))
    if options.get("debug") or debug_requested():
        for trace in auditor.tracebacks:  # the password and its hash are removed from them
            click.echo(trace, err=True)
    for warning in registry.warnings:
        click.echo(f"kakaoaudit: {warning.render(lang)}", err=True)
    output = options.get("output")
    text = render(report, options.get("fmt", "table"), lang=lang, terminal=output is None,
                  full=bool(options.get("full")), details=bool(options.get("details")))
    emit(text, output)
    # Only once the report was delivered; a failure here is a warning. Always the redacted form, made
    # only when the history keeps it (not for the demo, --no-history or a travel run).
    entry = None
    if history.store is not None:
        from kakaoaudit.formats.json_report import to_dict  # noqa: PLC0415 - only once there is a report

        entry = history.record(report, to_dict(replace(report, redacted=True), lang=report.language))
    # On a terminal the run ends with the recap: what the person acts on is what they see last.
    from kakaoaudit.commands.finish import finish  # noqa: PLC0415

    finish(report, lang=lang, options=options, in_history=entry is not None)
    return exit_code(report, options.get("fail_under"), options.get("fail_on"))


def check_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The command options that checks may honour (through `Context.options`)."""
    return {
        "check_dns": bool(options.get("check_dns")),
        "timeout": options.get("timeout"),
    }


def make_breach(options: Mapping[str, Any], *, demo: bool) -> BreachLookup | None:
    """The breach lookup for the password checks: online client, offline dataset, or none.

    See kakaoaudit.breach.sources: the demo's sample list in the demo, ``--hibp-dataset`` (offline),
    None with ``--offline`` and no dataset, else the range API (``--hibp-url``, ``--timeout``). A
    dataset or URL that cannot be used is an `InputError`.
    """
    from kakaoaudit.breach.sources import make_breach as make  # noqa: PLC0415 - builds a lookup only when needed

    return make(options, demo=demo)


#: Modules whose `QUESTIONS` (a tuple of Question) are asked by commands rather than by checks
#: (triage, support kit). Every command knows them, so one answers file serves all commands; they
#: hold only the questions (not the commands' logic), so that reading them stays light.
COMMAND_QUESTION_MODULES = ("kakaoaudit.triage.questions", "kakaoaudit.triage.support_kit_questions")


def load_registry() -> Registry:
    return discover()


def command_questions() -> dict[str, Question]:
    """The questions of the command modules that exist, by id."""
    found: dict[str, Question] = {}
    for name in COMMAND_QUESTION_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name and name.startswith(error.name):
                continue
            raise
        for question in getattr(module, "QUESTIONS", ()):
            found.setdefault(question.id, question)
    return found


def known_questions(registry: Registry) -> dict[str, Question]:
    """Every question an answers file may answer: the checks' and the commands'."""
    return {**command_questions(), **registry.questions()}


def _label(raw: object) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    label = " ".join(raw.split())
    if len(label) > MAX_LABEL_LENGTH:
        raise InputError(_("--label: at most 100 characters"))
    if not label.isprintable():
        # It is shown in every report and replayed by `kakaoaudit history`: no terminal escape codes.
        raise InputError(_("--label: control characters are not allowed; use letters, digits and spaces"))
    return label


def _refuse_output_over_inputs(options: Mapping[str, Any]) -> None:
    """Before any question: `-o` naming the answers file or the breach dataset is refused (exit 2)."""
    dataset = options.get("hibp_dataset")
    if dataset is not None:
        remember(Path(dataset))
    output = options.get("output")
    if output is not None:
        refuse_input(Path(output))


def _demo_answers(registry: Registry, today: date) -> Collected:
    known = known_questions(registry)
    parsed = parse_answers(demo_document(today), Path(DEMO_NAME), known, today=today)
    values = dict(parsed.values)
    sources = dict.fromkeys(values, Source.FILE)
    # Plugins' questions are not in the demo profile: their defaults, else "unknown" when allowed.
    for question in known.values():
        if question.id not in values and question.has_default:
            values[question.id] = question.parse(question.default, today=today)
            sources[question.id] = Source.DEFAULT
    return Collected(values, sources, asked=False)


def collect_answers(
    registry: Registry,
    questions: Sequence[Question],
    answers_file: Path | None,
    prompter: Any,
    today: date,
    *,
    preset: Mapping[str, AnswerValue] | None = None,
    loaded: AnswersFile | None = None,
) -> Collected:
    """Answers from the file, then `preset` (command options, overriding the file), then the prompter
    (on a terminal), then declared defaults; without a terminal, missing answers are an `InputError`.
    Nothing is kept: the commands keep answers through `kakaoaudit.commands.answering`."""
    from kakaoaudit.commands.answering import Answering, complete  # noqa: PLC0415

    if loaded is None and answers_file is not None:
        loaded = load_answers(registry, answers_file, localtime.now())
    # The answers' dates are read in the person's calendar: `today` is their date.
    answering = Answering("audit", None, loaded, prompter, known_questions(registry),
                          localtime.start_of_local_day(today))
    answering.start(preset or {})
    answering.infer(questions)
    answering.ask(questions)
    answering.finish()
    collected: Collected = complete(answering, questions, answers_file)
    return collected


def load_answers(registry: Registry, answers_file: Path | None, now: datetime) -> AnswersFile | None:
    """The answers file with its reserved sections parsed: ``[suppress]`` (`kakaoaudit.suppress`) and
    ``[settings]`` (`kakaoaudit.audit_history`); None without a file."""
    if answers_file is None:
        return None
    from kakaoaudit.questionnaire.legacy import read_legacy  # noqa: PLC0415
    from kakaoaudit.questionnaire.store import META, parse_meta  # noqa: PLC0415

    sections = {
        suppress.SECTION: suppress.section_parser(registry.ids(), now),
        SETTINGS_SECTION: parse_settings,
        META: parse_meta,
    }
    return load_answers_file(answers_file, known_questions(registry), today=localtime.local_date(now),
                             sections=sections, legacy=read_legacy)


def load_store(registry: Registry, store: AnswerStore, now: datetime, *, required: bool) -> AnswersFile | None:
    """The person's answers file, read; None when it does not exist yet (a file named with --answers must
    exist when nothing can be asked: `required`)."""
    if not store.exists and not (store.explicit and required):
        return None
    from kakaoaudit.questionnaire.store import META  # noqa: PLC0415

    loaded = load_answers(registry, store.path, now)
    if loaded is not None and META in loaded.sections:
        store.meta = loaded.sections[META]
    return loaded


def _password(
    checks: Sequence[type[Check]], options: Mapping[str, Any], prompter: Any, demo: bool
) -> tuple[Secret | None, Msg | None]:
    """The password for the checks that need one, or why there is none."""
    if not any(check.needs_password for check in checks):
        return None, None
    if demo:
        # The demo's published sample password (never the user's): it shows the password checks.
        from kakaoaudit.breach.sources import sample_password  # noqa: PLC0415

        return sample_password(), None
    if options.get("no_password"):
        return None, _("not checked: --no-password was given")
    if options.get("password_stdin"):
        return _password_from_stdin()
    if prompter is not None:
        secret = prompter.ask_password()
        if secret is None:
            return None, _("not checked: you chose not to enter the password")
        return secret, None
    return None, _("not checked: there is no terminal for the hidden password prompt; use --password-stdin")


def _password_from_stdin() -> tuple[Secret | None, Msg | None]:
    """The first line of standard input, read with a limit; a byte order mark before it is not part of it."""
    line = sys.stdin.readline(MAX_PASSWORD_LENGTH + 3)  # a byte order mark, the password, CR LF
    if not line:
        return None, _("not checked: standard input was empty (--password-stdin)")
    # Windows editors and PowerShell start a file or a pipe with a byte order mark: not a character typed.
    line = line.removeprefix("\ufeff")
    # Only the line ending is removed: spaces can be part of a password.
    line = line[:-2] if line.endswith("\r\n") else line.removesuffix("\n")
    if len(line) > MAX_PASSWORD_LENGTH:
        raise InputError(_("--password-stdin: the first line is longer than {limit} characters; give the password "
                           "alone on the first line", limit=MAX_PASSWORD_LENGTH))
    return Secret(line), None


def _answers_header(lang: str, sample: bool = False) -> list[str]:
    first = _("kakaoaudit answers (the demo profile's sample answers)") if sample else _("kakaoaudit answers")
    return [
        first.render(lang),
        _("Use: kakaoaudit audit --answers THIS_FILE. Never write your password here.").render(lang),
        _("Questions left commented out are asked when you run kakaoaudit in a terminal.").render(lang),
    ]


def emit(text: str, output: Path | None) -> None:
    """The report to the screen, or to `output` atomically."""
    if output is None:
        deliver(text, nl=False)
        return
    write_atomic(Path(output), text)
    click.echo(_("Report written to {path}", path=str(output)).render(), err=True)


def exit_code(report: Report, fail_under: int | None, fail_on: str | None) -> int:
    """1 when the score is under `fail_under` (or unknown) or a problem reaches `fail_on`."""
    if fail_under is not None and (report.score is None or report.score < fail_under):
        return EXIT_FINDINGS
    if fail_on is not None:
        threshold = Severity.parse(fail_on)
        if any(f.status in (Status.FAIL, Status.WARN) and f.severity >= threshold for f in report.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def list_checks(fmt: str) -> int:
    """`kakaoaudit checks`: every installed check."""
    lang = current_language()
    registry = load_registry()
    rows: list[dict[str, Any]] = [
        {
            "id": loaded.check.id,
            "title": loaded.check.title.render(lang),
            "category": loaded.check.category.value,
            "weight": loaded.check.weight,
            "network": loaded.check.needs_network,
            "password": loaded.check.needs_password,
            "advice_ids": list(loaded.check.advice_ids),
            "distribution": loaded.distribution,
        }
        for loaded in registry.checks
    ]
    for warning in registry.warnings:
        click.echo(f"kakaoaudit: {warning.render(lang)}", err=True)
    if fmt == "json":
        deliver(json_safe(json.dumps({"checks": rows}, ensure_ascii=False, indent=2)))
        return EXIT_OK
    from tabulate import tabulate  # noqa: PLC0415

    yes, no = _("yes").render(lang), _("no").render(lang)
    # The table is read by people: the category's own translated name (JSON keeps the machine key).
    labels = {loaded.check.id: loaded.check.category.label.render(lang) for loaded in registry.checks}
    table = [
        [r["id"], r["title"], labels[r["id"]], r["weight"], yes if r["network"] else no,
         " ".join(r["advice_ids"]), r["distribution"]]
        for r in rows
    ]
    headers = ["ID", _("Title").render(lang), _("Category").render(lang), _("Weight").render(lang),
               _("Network").render(lang), _("Article's advice").render(lang), _("From").render(lang)]
    deliver(tabulate(table, headers=headers, tablefmt="simple"))
    return EXIT_OK


def write_init(*, sample: bool, output: Path, force: bool, only: Sequence[str], skip: Sequence[str]) -> int:
    """`kakaoaudit init`: a commented answers template (or the demo profile's answers)."""
    lang = current_language()
    registry = load_registry()
    checks = select_checks([c.check for c in registry.checks], only, skip)
    questions = questions_of(checks)
    if not only and not skip:
        # The commands' questions too (triage, support-kit): one answers file serves every command.
        seen = {question.id for question in questions}
        questions += [question for question in command_questions().values() if question.id not in seen]
    values: dict[str, AnswerValue] = {}
    if sample:
        # The demo's dates are relative to today: the commands' clock, so that triage reads them as the demo does.
        values = _demo_answers(registry, localtime.today()).values
    text = render_answers(questions, values, lang=lang, header=_answers_header(lang, sample))
    if str(output) == "-":
        deliver(text, nl=False)
        return EXIT_OK
    if output.exists() and not force:
        raise InputError(_("{path} already exists; use --force to overwrite it, or -o another file",
                           path=str(output)))
    write_atomic(output, text)
    click.echo(_("Wrote {path}. Fill it in, then run: kakaoaudit audit --answers {path}",
                 path=str(output)).render(lang), err=True)
    return EXIT_OK
