"""``kakaoaudit triage``: messages stopped sending — what is it likely to be, and what to do now.

Asks about the symptoms, when it started, what the notice said (or takes the pasted notice), whether
other apps reach the network and past restrictions; prints the likely situation (network problem,
short-term or long-term restriction, account protective measure), how sure and why, the next steps
in order, what to keep and what never to do. A heuristic: it says so. It never contacts Kakao.

The command is built on access (`command`, through the module's ``__getattr__``) so that its help
is in the language chosen for this run; its top-level imports stay light (click and the translator).
"""

from __future__ import annotations

from typing import Any

import click

from kakaoaudit.core.i18n import translator

_ = translator(__name__)

FORMATS = ("table", "markdown", "json")


def build() -> click.Command:
    """The click command, with its help texts in the current language."""
    from kakaoaudit.options import FilePath, answer_options, common_options  # noqa: PLC0415

    @click.command(
        name="triage",
        help=_(
            "Messages stopped sending? Answer a few questions (or give an answers file) and get the likely "
            "situation (network problem, short-term or long-term restriction, account protective measure), how "
            "sure it is and why, and the next steps in order. A heuristic: only Kakao knows for sure."
        ).render(),
        short_help=_("Work out why messages stopped sending, and what to do next.").render(),
    )
    @click.option("--demo", is_flag=True, help=_("Use the built-in demo profile's answers (no input).").render())
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help=_("Output format.").render())
    @click.option("--output", "-o", type=FilePath(), default=None,
                  help=_("Write the result to this file (whole or not at all) instead of the screen.").render())
    @answer_options
    @common_options
    def triage(**options: Any) -> int:
        return run(options)

    return triage


def __getattr__(name: str) -> Any:
    if name == "command":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(fmt: str, triage: Any, lang: str) -> str:
    """The triage in `fmt` ("table", "markdown" or "json")."""
    import json  # noqa: PLC0415

    from kakaoaudit import __version__  # noqa: PLC0415
    from kakaoaudit.core.untrusted import json_safe  # noqa: PLC0415
    from kakaoaudit.triage import assess as logic  # noqa: PLC0415
    from kakaoaudit.triage import document as textdoc  # noqa: PLC0415

    if fmt == "json":
        return json_safe(json.dumps(logic.to_json(triage, lang, tool_version=__version__), ensure_ascii=False,
                                    indent=2)) + "\n"
    document = logic.document(triage, lang)
    return textdoc.render_markdown(document) if fmt == "markdown" else textdoc.render_text(document)


def run(options: dict[str, Any]) -> int:
    """Collect the answers, assess, print (or write) the result."""
    from kakaoaudit.commands import session  # noqa: PLC0415
    from kakaoaudit.core.i18n import current_language  # noqa: PLC0415
    from kakaoaudit.triage import assess as logic  # noqa: PLC0415
    from kakaoaudit.triage.restriction import korean_number  # noqa: PLC0415

    state = session.start(logic.QUESTIONS, options, command="triage")
    facts = logic.facts_from(state.answers, moment=state.moment, place=state.place,
                             korean_number=korean_number(state.answers), now=state.now)
    result = logic.advise(facts)
    session.emit(render(options.get("fmt", "table"), result, current_language()), options.get("output"),
                 also_screen=False)
    return 0
