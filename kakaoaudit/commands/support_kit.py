"""``kakaoaudit support-kit``: draft the inquiry to Kakao's customer service, and what goes with it.

Prints the draft (subject, the restriction's date and time in local time and KST, symptoms, what was
tried, account, device and app version, inquiry number, how to reach the user; from abroad the local
contact and the time difference), the attachments to prepare, how to reach the right form in the app
and the official address; ``--reapply`` adds the re-application checklist.

The draft holds the user's name and contacts in full, because support needs them: it is always
shown on the screen, and written to a file only with ``--output`` (the same text, atomically).
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
    from kakaoaudit.cli import answer_options, common_options  # noqa: PLC0415 - cli is loaded already when this runs

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
    @click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
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


def render(fmt: str, kit: Any) -> str:
    """The kit in `fmt` ("text", "markdown" or "json")."""
    import json  # noqa: PLC0415

    from kakaoaudit import __version__  # noqa: PLC0415
    from kakaoaudit.triage import document as textdoc  # noqa: PLC0415
    from kakaoaudit.triage import support_kit as logic  # noqa: PLC0415

    if fmt == "json":
        return json.dumps(logic.to_json(kit, tool_version=__version__), ensure_ascii=False, indent=2) + "\n"
    document = logic.document(kit)
    return textdoc.render_markdown(document) if fmt == "markdown" else textdoc.render_text(document)


def run(options: dict[str, Any]) -> int:
    """Collect the answers, draft, show, and write only where asked."""
    from kakaoaudit.commands import session  # noqa: PLC0415
    from kakaoaudit.core.i18n import current_language  # noqa: PLC0415
    from kakaoaudit.triage import support_kit as logic  # noqa: PLC0415

    state = session.start(logic.QUESTIONS, options, command="support-kit")
    kit = logic.build(state.answers, moment=state.moment, place=state.place, now=state.now,
                      lang=current_language(), redact=bool(options.get("redact")),
                      reapply=bool(options.get("reapply")))
    output = options.get("output")
    session.emit(render(options.get("fmt", "text"), kit), output, also_screen=True)
    if output is None and not kit.redacted:
        session.say_on_stderr(_("The draft above holds your contacts in full. Nothing was saved; to keep it, run "
                                "again with --output FILE."))
    return 0
