"""``kakaoaudit travel --to COUNTRY [--depart DATE] [--return DATE]``: get the account ready for a trip.

Runs only the travel checks (KA6xx) and the questions they need, with the trip taken from the
options (they override the answers file and are recorded as given by option), and reports the
travel readiness score (the "Travel and VPN" category) with a checklist ordered by when to act:
now, the day before, while abroad, after the return. Bad input is one clear line (exit 2): an
unknown country with suggestions, a date that is not a date, a departure in the past, a return
before the departure, or the home country as destination.

The command is built on access (`command`, through the module's ``__getattr__``) so that its help
is in the language chosen for this run; its top-level imports stay light (click and the translator).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from kakaoaudit.core.i18n import translator

_ = translator(__name__)


def build() -> click.Command:
    """The click command, with its help texts in the current language."""
    from kakaoaudit.options import answer_options, common_options, report_options  # noqa: PLC0415

    @click.command(
        name="travel",
        help=_(
            "Get your account ready for a trip abroad: the allowed countries of login restriction by country, "
            "verification codes abroad, a way "
            "to sign in without text messages, VPN and public Wi-Fi, documents for an identity check, the chat "
            "backup and the time difference to Korea. Prints the travel readiness score and a checklist "
            "by when to act (now, the day before, while abroad, after you return). Runs only the travel checks "
            "(KA6xx); the trip comes from the options or the answers file (travel.*)."
        ).render(),
        short_help=_("Check your account before a trip abroad and get a checklist.").render(),
    )
    @click.option("--to", "destination", metavar="COUNTRY", default=None,
                  help=_("Where you are going: a country code (TW) or name in Japanese, English or Korean "
                         "(台湾, Taiwan, 대만).").render())
    @click.option("--depart", metavar="DATE", default=None,
                  help=_("The day you leave, as 2030-12-20 (today or later).").render())
    @click.option("--return", "return_date", metavar="DATE", default=None,
                  help=_("The day you come back, as 2031-01-03.").render())
    @report_options
    @answer_options
    @common_options
    def travel(**options: Any) -> int:
        return run(options)

    return travel


def __getattr__(name: str) -> Any:
    if name == "command":
        return build()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(options: dict[str, Any]) -> int:
    """Check the options, then run the travel checks through the audit with the trip preset."""
    from kakaoaudit.commands.audit import Scope, run_audit  # noqa: PLC0415
    from kakaoaudit.core.model import Category  # noqa: PLC0415
    from kakaoaudit.travel.trip import validate_trip  # noqa: PLC0415

    preset = trip_options(options.get("destination"), options.get("depart"), options.get("return_date"))
    if options.get("only") or options.get("skip"):
        _check_selection(options.get("only", ()), options.get("skip", ()))

    def validate(answers: Any, today: date) -> None:
        validate_trip(answers, today)

    return run_audit(options, mode="audit", scope=Scope(preset=preset, category=Category.TRAVEL, validate=validate))


def _check_selection(only: tuple[str, ...], skip: tuple[str, ...]) -> None:
    """`UsageError` when --only/--skip leave no travel check (the report would be empty)."""
    from kakaoaudit.commands.audit import load_registry  # noqa: PLC0415
    from kakaoaudit.core.engine import select_checks  # noqa: PLC0415
    from kakaoaudit.core.errors import UsageError  # noqa: PLC0415
    from kakaoaudit.core.model import Category  # noqa: PLC0415

    selected = select_checks([loaded.check for loaded in load_registry().checks], only, skip)
    if not any(check.category is Category.TRAVEL for check in selected):
        raise UsageError(_("--only/--skip leave no travel check to run; the travel mode runs only the travel checks "
                           "(KA601-KA609)"))


def trip_options(destination: str | None, depart: str | None, return_date: str | None) -> dict[str, Any]:
    """The answers the options give (travel.planned is always true); `UsageError` for a bad value."""
    from kakaoaudit.core import localtime  # noqa: PLC0415
    from kakaoaudit.core.answers import Answers, Source  # noqa: PLC0415
    from kakaoaudit.travel.trip import DEPART, DESTINATION, PLANNED, RETURN, validate_trip  # noqa: PLC0415

    preset: dict[str, Any] = {PLANNED: True}
    if destination is not None:
        preset[DESTINATION] = parse_country(destination)
    if depart is not None:
        preset[DEPART] = parse_date(depart, "--depart")
    if return_date is not None:
        preset[RETURN] = parse_date(return_date, "--return")
    # The dates given as options are checked now, before any question is asked, against the user's
    # own date: a departure today is today on their calendar (docs/travel.md, "Dates").
    validate_trip(Answers(preset, dict.fromkeys(preset, Source.OPTION)), localtime.today())
    return preset


def parse_country(text: str) -> str:
    """The ISO code of the country `text` names; `UsageError` with suggestions otherwise."""
    from kakaoaudit.core import countries  # noqa: PLC0415
    from kakaoaudit.core.errors import UsageError  # noqa: PLC0415
    from kakaoaudit.core.i18n import current_language  # noqa: PLC0415

    try:
        return countries.lookup(text).code
    except countries.CountryNotFound as missing:
        shown = _shown(text)
        if not missing.suggestions:
            raise UsageError(_("--to: unknown country '{text}'; give a country code such as TW or the country's "
                               "name", text=shown)) from None
        lang = current_language()
        names = ", ".join(f"{code} ({countries.name(code, lang)})" for code in missing.suggestions)
        raise UsageError(_("--to: unknown country '{text}'; did you mean {suggestions}?", text=shown,
                           suggestions=names)) from None


def parse_date(text: str, option: str) -> date:
    """A calendar date as people write it (2030-12-20, 2030/12/20, 2030年12月20日, or 12/20 for the next
    20 December; full-width digits too); `UsageError` otherwise."""
    from kakaoaudit.core import localtime  # noqa: PLC0415 - keeps the command list light
    from kakaoaudit.core.answer_text import parse_date as read_date  # noqa: PLC0415
    from kakaoaudit.core.errors import UsageError  # noqa: PLC0415

    try:
        return read_date(text, today=localtime.today(), future=True)
    except ValueError:
        raise UsageError(_("{option}: '{text}' is not a date; write it like 2030-12-20", option=option,
                           text=_shown(text))) from None


def _shown(text: str) -> str:
    """What the user typed, short and without control characters, for an error message."""
    return "".join(ch for ch in text.strip()[:40] if ch.isprintable())
