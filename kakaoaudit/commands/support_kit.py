"""``kakaoaudit support-kit``: draft the inquiry to Kakao's customer service, and what goes with it.

Prints the draft (subject, the restriction's date and time in local time and KST, symptoms, what was
tried, account, device and app version, inquiry number, how to reach the user; from abroad the local
contact and the time difference), the attachments to prepare, how to reach the right form in the app
and the official address; ``--reapply`` adds the re-application checklist.

Triage's verdict comes first (the likely situation, how sure, its first steps): a short restriction
often lifts by itself, and then waiting is better than writing. The draft holds the user's name and
contacts in full, because support needs them: it is always shown on the screen, and written to a
file with ``--output`` (the same text, atomically), or, on a terminal, when the user accepts the
offer at the end (a file of their choice, by default in kakaoaudit's folder; owner only).
``--redact`` masks phone numbers and email addresses, to show the draft to someone else. It never
contains the password: no question asks for it.

The command is built on access (`command`, through the module's ``__getattr__``) so that its help
is in the language chosen for this run; its top-level imports stay light (click and the translator).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kakaoaudit.core.i18n import translator

_ = translator(__name__)

FORMATS = ("text", "markdown", "json")


def build() -> click.Command:
    """The click command, with its help texts in the current language."""
    from kakaoaudit.options import FilePath, answer_options, common_options  # noqa: PLC0415

    @click.command(
        name="support-kit",
        help=_(
            "Draft your inquiry to Kakao's customer service about a restriction: subject, date and time in local "
            "and Korean time, symptoms, what you tried, device and app version, how to reach you; with the "
            "attachments to prepare and the steps to the right form. The draft is shown on the screen and "
            "written to a file only with --output. It never contains your password."
        ).render(),
        short_help=_("Draft your inquiry to Kakao's customer service.").render(),
    )
    @click.option("--demo", is_flag=True, help=_("Use the built-in demo profile's answers (no input).").render())
    @click.option("--reapply", is_flag=True,
                  help=_("Applying again after a refusal: add the re-application checklist.").render())
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                  help=_("Output format.").render())
    @click.option("--output", "-o", type=FilePath(), default=None,
                  help=_("Also write exactly what is shown to this file (whole or not at all).").render())
    @click.option("--redact", is_flag=True,
                  help=_("Mask phone numbers and email addresses (to show the draft to someone else).").render())
    @answer_options
    @common_options
    def support_kit(**options: Any) -> int:
        return run(options)

    return support_kit


def __getattr__(name: str) -> Any:
    if name == "command":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(fmt: str, kit: Any, verdict: Any = None) -> str:
    """The kit in `fmt` ("text", "markdown" or "json"); `verdict` (a triage section) goes first."""
    import dataclasses  # noqa: PLC0415
    import json  # noqa: PLC0415

    from kakaoaudit import __version__  # noqa: PLC0415
    from kakaoaudit.core.untrusted import json_safe  # noqa: PLC0415
    from kakaoaudit.triage import document as textdoc  # noqa: PLC0415
    from kakaoaudit.triage import support_kit as logic  # noqa: PLC0415

    if fmt == "json":
        text = json.dumps(logic.to_json(kit, tool_version=__version__), ensure_ascii=False, indent=2)
        return json_safe(text) + "\n"
    document = logic.document(kit)
    if verdict is not None:
        document = dataclasses.replace(document, sections=(verdict, *document.sections))
    return textdoc.render_markdown(document) if fmt == "markdown" else textdoc.render_text(document)


def verdict_section(state: Any, lang: str) -> Any:
    """What `kakaoaudit triage` says about the same answers: the likely situation, how sure, and its
    first two steps (a short restriction often lifts by itself: waiting may be better than writing)."""
    from kakaoaudit.triage import assess  # noqa: PLC0415
    from kakaoaudit.triage.document import Section  # noqa: PLC0415
    from kakaoaudit.triage.restriction import korean_number  # noqa: PLC0415

    facts = assess.facts_from(state.answers, moment=state.moment, place=state.place,
                              korean_number=korean_number(state.answers), now=state.now)
    triage = assess.advise(facts)
    situation = triage.assessment
    return Section(
        _("What triage says first").render(lang),
        lines=(
            _("Likely: {situation}. How sure: {confidence}", situation=situation.situation.label,
              confidence=situation.confidence.label).render(lang),
            _("Its first steps, before you write (all of them: kakaoaudit triage):").render(lang),
        ),
        items=tuple(item.text.render(lang) for item in triage.steps[:2]),
        numbered=True,
    )


def run(options: dict[str, Any]) -> int:
    """Collect the answers, draft, show, and write only where asked."""
    from kakaoaudit.commands import session  # noqa: PLC0415
    from kakaoaudit.core.i18n import current_language  # noqa: PLC0415
    from kakaoaudit.triage import support_kit as logic  # noqa: PLC0415

    state = session.start(logic.QUESTIONS, options, command="support-kit")
    lang = current_language()
    kit = logic.build(state.answers, moment=state.moment, place=state.place, now=state.now,
                      lang=lang, redact=bool(options.get("redact")),
                      reapply=bool(options.get("reapply")))
    output = options.get("output")
    fmt = options.get("fmt", "text")
    text = render(fmt, kit, verdict_section(state, lang))
    session.emit(text, output, also_screen=True)
    if output is None and state.prompter is not None:
        offer_to_save_draft(state.prompter, text, fmt)
    elif output is None and not kit.redacted:
        session.say_on_stderr(_("The draft above holds your contacts in full. Nothing was saved; to keep it, run "
                                "again with --output FILE."))
    return 0


SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}


def default_draft_path(fmt: str, today: Any = None) -> Path:
    """Where the draft goes unless the user names a file: kakaoaudit's folder, dated."""
    from kakaoaudit.commands.finish import home  # noqa: PLC0415
    from kakaoaudit.core import localtime  # noqa: PLC0415

    day = today or localtime.today()
    return home() / f"support-kit-{day.isoformat()}{SUFFIXES.get(fmt, '.txt')}"


def offer_to_save_draft(prompter: Any, text: str, fmt: str) -> Path | None:
    """On a terminal: save the draft (atomically, owner only) into a file the user chooses."""
    import os  # noqa: PLC0415

    from kakaoaudit.core.errors import OutputError  # noqa: PLC0415
    from kakaoaudit.core.output import write_atomic  # noqa: PLC0415

    if not prompter.confirm(_("Save this draft to a file? (it holds your contacts in full; only you will be able to "
                              "read the file)")):
        return None
    default = default_draft_path(fmt)
    name = prompter.ask_text(_("File name [{default}]:", default=str(default)))
    path = Path(name).expanduser() if name else default
    if path.exists() and not prompter.confirm(_("{path} exists. Replace it?", path=str(path))):
        prompter.say(_("Not saved."))
        return None
    try:
        if path == default:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text)
        if os.name == "posix":
            os.chmod(path, 0o600)
    except (OutputError, OSError) as error:
        prompter.say(str(error))
        return None
    prompter.say(_("Saved the draft to {path}.", path=str(path)))
    return path
