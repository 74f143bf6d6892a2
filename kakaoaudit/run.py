"""What the commands do, between parsing (cli.py) and the core: gather answers, run, render, exit.

Kept apart from cli.py so that `kakaoaudit --help` imports none of it.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import click

from kakaoaudit.answers import Answers, AnswersFile, Source, load_answers_file, parse_answers
from kakaoaudit.api import BreachLookup, Check
from kakaoaudit.engine import Auditor, applicable, questions_of, select_checks
from kakaoaudit.errors import InputError, OutputError
from kakaoaudit.formats import render
from kakaoaudit.i18n import Msg, current_language, translator
from kakaoaudit.model import Report, Severity, Status
from kakaoaudit.output import write_atomic
from kakaoaudit.profiles import DEMO_NAME, demo_document
from kakaoaudit.questions import AnswerValue, Question
from kakaoaudit.registry import Registry, discover
from kakaoaudit.secret import Secret
from kakaoaudit.template import condition_text, render_answers

_ = translator("kakaoaudit")

EXIT_OK, EXIT_FINDINGS = 0, 1


@dataclass(frozen=True)
class Collected:
    """The answers of one run and where each came from."""

    values: dict[str, AnswerValue]
    sources: dict[str, Source]
    asked: bool


def interactive() -> bool:
    """Prompts only on a terminal."""
    return sys.stdin.isatty()


def run_audit(options: Mapping[str, Any], *, mode: str) -> int:
    """The audit (or the demo): answers -> password -> checks -> report -> exit code."""
    lang = current_language()
    registry = load_registry()
    checks = select_checks([c.check for c in registry.checks], options.get("only", ()), options.get("skip", ()))
    now = datetime.now(timezone.utc)
    questions = questions_of(checks)
    demo = mode == "demo"
    prompter = None
    if demo:
        collected = _demo_answers(registry, now.date())
    else:
        use_prompt = interactive() and not options.get("no_input") and not options.get("password_stdin")
        if use_prompt:
            from kakaoaudit.prompt import Prompter  # noqa: PLC0415 - only on a terminal

            prompter = Prompter(lang)
        collected = collect_answers(registry, questions, options.get("answers_file"), prompter, now.date())
    password, missing = _password(checks, options, prompter, demo)
    auditor = Auditor(
        checks=checks,
        now=lambda: now,
        lang=lang,
        offline=demo or bool(options.get("offline")),
        redact=not options.get("no_redact"),
        password=password,
        password_missing=missing,
        breach=make_breach(options, demo=demo),
        options=check_options(options),
        label=_label(options.get("label")),
        mode=mode,
        warnings=registry.warnings,
    )
    try:
        report = auditor.run(Answers(collected.values, collected.sources))
    finally:
        if password is not None:
            password.clear()
    if options.get("debug"):
        for trace in auditor.tracebacks:
            click.echo(trace, err=True)
    for warning in registry.warnings:
        click.echo(f"kakaoaudit: {warning.render(lang)}", err=True)
    emit(render(report, options.get("fmt", "table"), lang=lang), options.get("output"))
    if prompter is not None and collected.asked:
        _offer_to_save(prompter, questions, collected, lang)
    return exit_code(report, options.get("fail_under"), options.get("fail_on"))


def check_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The command options that checks may honour (through `Context.options`)."""
    return {
        "check_dns": bool(options.get("check_dns")),
        "timeout": options.get("timeout"),
    }


def make_breach(options: Mapping[str, Any], *, demo: bool) -> BreachLookup | None:
    """The breach lookup for the password checks: online client, offline dataset, or none.

    Filled in by the password checks' issue (kakaoaudit.breach); None means "no lookup".
    """
    return None


#: Modules whose `QUESTIONS` (a tuple of Question) are asked by commands rather than by checks
#: (triage, support kit). Every command knows them, so one answers file serves all commands.
COMMAND_QUESTION_MODULES = ("kakaoaudit.triage", "kakaoaudit.support_kit")


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
    if len(label) > 100:
        raise InputError(_("--label: at most 100 characters"))
    return label


def _demo_answers(registry: Registry, today: date) -> Collected:
    known = known_questions(registry)
    parsed = parse_answers(demo_document(), Path(DEMO_NAME), known, today=today)
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
) -> Collected:
    """Answers from the file, then the prompter (on a terminal), then declared defaults.

    Without a terminal, missing answers are an `InputError` listing each with how to supply it.
    """
    values: dict[str, AnswerValue] = {}
    sources: dict[str, Source] = {}
    if answers_file is not None:
        loaded: AnswersFile = load_answers_file(answers_file, known_questions(registry), today=today)
        values.update(loaded.values)
        sources.update(dict.fromkeys(loaded.values, Source.FILE))
    asked = False
    if prompter is not None:
        before = set(values)
        prompter.ask_all(questions, values, today)
        new = set(values) - before
        sources.update(dict.fromkeys(new, Source.PROMPT))
        asked = bool(new)
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
        raise InputError(*_missing_messages(missing, answers_file))
    return Collected(values, sources, asked)


def _missing_messages(missing: Sequence[Question], answers_file: Path | None) -> list[Msg]:
    lines = [_("{count} question(s) have no answer and there is no terminal to ask them:", count=len(missing))]
    for question in missing:
        line = _("  {id}: {prompt}", id=question.id, prompt=question.prompt)
        if question.when:
            line = _("{message} (only when {condition})", message=line, condition=condition_text(question))
        lines.append(line)
    if answers_file is None:
        lines.append(_("Run kakaoaudit in a terminal to be asked, or write the answers in a file "
                       "('kakaoaudit init' creates one) and pass it with --answers FILE."))
    else:
        lines.append(_("Add these keys to {file} ('kakaoaudit init -o -' shows every key with its "
                       "explanation), or run kakaoaudit in a terminal to be asked.", file=str(answers_file)))
    return lines


def _password(
    checks: Sequence[type[Check]], options: Mapping[str, Any], prompter: Any, demo: bool
) -> tuple[Secret | None, Msg | None]:
    """The password for the checks that need one, or why there is none."""
    if not any(check.needs_password for check in checks):
        return None, None
    if demo:
        return None, _("not checked in the demo: the demo never asks for a password")
    if options.get("no_password"):
        return None, _("not checked: --no-password was given")
    if options.get("password_stdin"):
        line = sys.stdin.readline()
        if not line:
            return None, _("not checked: standard input was empty (--password-stdin)")
        # Only the line ending is removed: spaces can be part of a password.
        return Secret(line[:-2] if line.endswith("\r\n") else line.rstrip("\n")), None
    if prompter is not None:
        secret = prompter.ask_password()
        if secret is None:
            return None, _("not checked: you chose not to enter the password")
        return secret, None
    return None, _("not checked: there is no terminal for the hidden password prompt; use --password-stdin")


def _offer_to_save(prompter: Any, questions: Sequence[Question], collected: Collected, lang: str) -> None:
    if not prompter.confirm(_("Save your answers to a file for next time? (the password is never saved)")):
        return
    name = prompter.ask_text(_("File name [{default}]:", default="kakaoaudit-answers.toml")) or (
        "kakaoaudit-answers.toml"
    )
    path = Path(name).expanduser()
    kept = {q.id: collected.values[q.id] for q in questions if q.id in collected.values}
    try:
        write_atomic(path, render_answers(questions, kept, lang=lang, header=_answers_header(lang)))
    except OutputError as error:
        prompter.say(str(error))
        return
    prompter.say(_("Saved. Next time: kakaoaudit --answers {file}", file=str(path)))


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
        click.echo(text, nl=False)
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
        click.echo(json.dumps({"checks": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    from tabulate import tabulate  # noqa: PLC0415

    yes, no = _("yes").render(lang), _("no").render(lang)
    table = [
        [r["id"], r["title"], r["category"], r["weight"], yes if r["network"] else no,
         " ".join(r["advice_ids"]), r["distribution"]]
        for r in rows
    ]
    headers = ["ID", _("Title").render(lang), _("Category").render(lang), _("Weight").render(lang),
               _("Network").render(lang), "ADVICE", _("From").render(lang)]
    click.echo(tabulate(table, headers=headers, tablefmt="simple"))
    return EXIT_OK


def write_init(*, sample: bool, output: Path, force: bool, only: Sequence[str], skip: Sequence[str]) -> int:
    """`kakaoaudit init`: a commented answers template (or the demo profile's answers)."""
    lang = current_language()
    registry = load_registry()
    checks = select_checks([c.check for c in registry.checks], only, skip)
    questions = questions_of(checks)
    values: dict[str, AnswerValue] = {}
    if sample:
        values = _demo_answers(registry, datetime.now(timezone.utc).date()).values
    text = render_answers(questions, values, lang=lang, header=_answers_header(lang, sample))
    if str(output) == "-":
        click.echo(text, nl=False)
        return EXIT_OK
    if output.exists() and not force:
        raise InputError(_("{path} already exists; use --force to overwrite it, or -o another file",
                           path=str(output)))
    write_atomic(output, text)
    click.echo(_("Wrote {path}. Fill it in, then run: kakaoaudit audit --answers {path}",
                 path=str(output)).render(lang), err=True)
    return EXIT_OK
