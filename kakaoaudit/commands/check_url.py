"""``kakaoaudit check-url URL...``: is this address one of Kakao's official domains?

One line per address in the user's language (or ``--format json``). Exit code 0 when every address
is official, 1 otherwise (lookalike, not on the official list, or not a web address), 2 on a usage
error. ``-`` reads the addresses from standard input, one per line, so that a link with ``&`` or
``?`` needs no shell quoting. Nothing is opened or looked up: only the text is read.

The command is built on access (`command`, through the module's ``__getattr__``) so that its help
is in the language chosen for this run; its top-level imports stay light (click and the translator).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from kakaoaudit.core.i18n import translator

_ = translator(__name__)

#: Most addresses read from standard input at once (it is a checker, not a crawler).
MAX_STDIN_URLS = 1000
#: The most standard input may hold for `check-url -`: a thousand long addresses.
MAX_STDIN_CHARS = MAX_STDIN_URLS * 4096
EXIT_OFFICIAL, EXIT_NOT_OFFICIAL = 0, 1


def build() -> click.Command:
    """The click command, with its help texts in the current language."""
    from kakaoaudit.options import common_options  # noqa: PLC0415

    @click.command(
        name="check-url",
        help=_(
            "Check whether web addresses belong to Kakao (kakao.com and its subdomains, kakaocorp.com). "
            "Prints one line per address: official, lookalike (imitates kakao.com: do not use it), not on "
            "the official list, or not a web address. Exit status 0 only when every address is official. "
            "Use '-' to read addresses from standard input, one per line."
        ).render(),
        short_help=_("Check whether a web address is one of Kakao's official domains.").render(),
    )
    @click.argument("urls", nargs=-1, required=True, metavar="URL...")
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                  help=_("Output format.").render())
    @common_options
    def check_url(urls: tuple[str, ...], fmt: str) -> int:
        return run(urls, fmt)

    return check_url


def __getattr__(name: str) -> Any:
    if name == "command":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(urls: tuple[str, ...], fmt: str) -> int:
    """Classify `urls` ('-' = standard input), print the verdicts, return the exit code."""
    from kakaoaudit.commands.delivery import deliver  # noqa: PLC0415
    from kakaoaudit.core.untrusted import json_safe  # noqa: PLC0415
    from kakaoaudit.urls import classify as urlcheck  # noqa: PLC0415 - keeps the command list light

    addresses = _addresses(urls)
    results = [urlcheck.classify(address) for address in addresses]
    if fmt == "json":
        document = {
            "official_domains": list(urlcheck.OFFICIAL_DOMAINS),
            "help_centre": urlcheck.HELP_CENTRE,
            "results": [
                {
                    "input": result.input,
                    "verdict": result.verdict.value,
                    "label": urlcheck.VERDICT_LABELS[result.verdict].render(),
                    "host": result.host,
                    "ascii_host": result.ascii_host,
                    "domain": result.domain,
                    "scheme": result.scheme,
                    "reasons": list(result.reasons),
                    "message": urlcheck.explain(result).render(),
                }
                for result in results
            ],
        }
        import json  # noqa: PLC0415 - only for --format json; keeps --help light
        deliver(json_safe(json.dumps(document, ensure_ascii=False, indent=2)))
    else:
        for result in results:
            line = _("[{verdict}] {url}: {explanation}", verdict=urlcheck.VERDICT_LABELS[result.verdict],
                     url=urlcheck.shown_input(result.input), explanation=urlcheck.explain(result))
            deliver(line.render())
    return EXIT_OFFICIAL if all(result.official for result in results) else EXIT_NOT_OFFICIAL


def _addresses(urls: tuple[str, ...]) -> list[str]:
    addresses: list[str] = []
    for url in urls:
        if url != "-":
            addresses.append(url)
            continue
        # Read with a limit: standard input may be a file of any size, or endless (/dev/zero).
        text = sys.stdin.read(MAX_STDIN_CHARS + 1)
        if len(text) > MAX_STDIN_CHARS:
            from kakaoaudit.core.errors import InputError  # noqa: PLC0415

            raise InputError(_("standard input holds more than {limit} characters; give at most {count} addresses, "
                               "one per line", limit=MAX_STDIN_CHARS, count=MAX_STDIN_URLS))
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines:
            raise click.UsageError(_("'-' was given but standard input holds no address").render())
        if len(lines) > MAX_STDIN_URLS:
            raise click.UsageError(_("at most {limit} addresses at once from standard input",
                                     limit=MAX_STDIN_URLS).render())
        addresses.extend(lines)
    return addresses
