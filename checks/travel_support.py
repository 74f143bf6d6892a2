"""KA609 support from abroad: the time difference to Korea, and email as the channel (ADVICE O2, O3; K15).

The class docstring is the check's documentation page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kakaoaudit.api import (
    Answers,
    ChecklistItem,
    Context,
    Finding,
    Phase,
    Status,
    TravelCheck,
    Trip,
    country_label,
    difference_of,
    time_differences,
    translator,
)
from kakaoaudit.api import claims as kakao

from .travel_shared import K14_HELP_CENTRE, K15_TZ, TRIP  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared

_ = translator(__name__)


class SupportFromAbroad(TravelCheck):
    """The time difference to Korea at the destination, and how to reach Kakao's support from there.

    What it checks
        Nothing to answer: it says how far the destination's clocks are from Korean time on the travel
        dates ("Taiwan is 1 hour behind Korea"; several time zones or a clock change: see the travel plan),
        and how to write to support from abroad. Good to know, not a score (weight 0).

    Why
        Kakao's support centre works in Korean time, UTC+9 all year without daylight saving time
        (KAKAO-FACTS K15); its opening hours are in no source, so kakaoaudit shows none and says to check
        the hours, days and languages on the official help centre before calling (ADVICE R4). From abroad
        the article recommends email: it does not depend on the time difference; write a subject such as
        「利用制限解除について(海外からの問い合わせ)」, give the date and time of the restriction, the
        symptoms, a local contact and the time difference, attach the ID document and screenshots (ADVICE
        O2, O3), watch the spam and promotions folders for the reply (S5), and use only the official help
        centre, checking its address (S6, K14).

    Findings
        ``time-difference`` (one offset), ``time-differences`` (several zones or a clock change: see the
        travel plan), ``no-zone`` (a place without time zone); all information. Checklist: note the help
        centre now; abroad, how to write, the hours to check and where replies land.

    Sources
        https://www.iana.org/time-zones (K15), https://cs.kakao.com/helps (K14).
    """

    id = "KA609"
    title = _("Support from abroad")
    weight = 0
    advice_ids = ("O2", "O3", "S5", "S6")
    references = (K15_TZ, K14_HELP_CENTRE)
    why = _("{kst} {email}", kst=kakao.KST(), email=kakao.EMAIL_FROM_ABROAD())
    fix = _("Note Kakao's official help centre and, if your account is restricted abroad, write to its customer "
            "service by email.")
    questions = TRIP

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        detail = _("{kst} {hours} {email}", kst=kakao.KST(), hours=kakao.HOURS_UNKNOWN(),
                   email=kakao.EMAIL_FROM_ABROAD())
        country = country_label(trip.destination)
        if not time_differences(trip):
            yield self.finding(Status.INFO, _("No time zone is known for {country}", country=country), code="no-zone",
                               detail=detail)
            return
        words = difference_of(trip)
        if words is not None:
            yield self.finding(Status.INFO, words, code="time-difference", detail=detail)
            return
        yield self.finding(
            Status.INFO,
            _("The clocks in {country} differ from Korea's by time zone, or change during your trip: see the time "
              "differences of the travel plan", country=country),
            code="time-differences",
            detail=detail,
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        yield self.item(Phase.NOW, kakao.HELP_CENTRE())
        yield self.item(Phase.ABROAD, kakao.EMAIL_ABROAD_HOWTO())
        yield self.item(Phase.ABROAD, kakao.HOURS_UNKNOWN())
        yield self.item(Phase.ABROAD, _("Look for Kakao's replies in the spam and promotions folders too"))
