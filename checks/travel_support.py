"""KA609 support from abroad: Korean office hours in local time, email as the channel (ADVICE O2, O3; K15).

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
    support_hours,
    translator,
    window_label,
)

from .travel_shared import K14_HELP_CENTRE, K15_TZ, TRIP  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared

_ = translator(__name__)

_CHANNEL = _("Kakao's customer service works in Korean time (KST, UTC+9, no daylight saving time). From abroad, "
             "email is the smoother channel: it does not depend on office hours.")


class SupportFromAbroad(TravelCheck):
    """Korean office hours in local time at the destination, and how to reach support from there.

    What it checks
        Nothing to answer: it shows what Korean office hours, 9:00-18:00 KST, are in local time on the travel
        dates, for every time zone of the destination (daylight saving time there included), and how to
        write to support from abroad. Information, not a score (weight 0).

    Why
        Kakao's customer service works in Korea Standard Time, UTC+9 all year without daylight saving time
        (KAKAO-FACTS K15). From abroad the article recommends email: it does not depend on office hours;
        write a subject such as 「利用制限解除について(海外からの問い合わせ)」, give the date and time of the
        restriction, the symptoms, a local contact and the time difference, attach the ID document and
        screenshots (ADVICE O2, O3), watch the spam and promotions folders for the reply (S5), and use only
        the official help centre, checking its address (S6, K14).

    Findings
        ``time-difference`` (one zone), ``time-differences`` (several zones or a clock change: see the travel
        plan), ``same-time`` (Korea, Japan and others on Korean time), ``no-zone`` (a place without time
        zone); all pass. Checklist: note the help centre now; abroad, how to write and where replies land.

    Sources
        https://www.iana.org/time-zones (K15), https://cs.kakao.com/helps (K14).
    """

    id = "KA609"
    title = _("Support from abroad")
    weight = 0
    advice_ids = ("O2", "O3", "S5", "S6")
    references = (K15_TZ, K14_HELP_CENTRE)
    why = _(
        "If your account is restricted abroad, you will deal with Kakao's support across a time difference; email "
        "is the channel that does not depend on it."
    )
    fix = _("Note Kakao's official help centre and, if your account is restricted abroad, write to its customer "
            "service by email.")
    questions = TRIP

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        hours = support_hours(trip)
        country = country_label(trip.destination)
        if not hours:
            yield self.finding(Status.PASS, _("Kakao's support works in Korean time (KST)"), code="no-zone",
                               detail=_CHANNEL)
        elif all(h.offset_to_kst == "+0:00" for h in hours):
            yield self.finding(
                Status.PASS,
                _("No time difference: Korean office hours (9:00-18:00 KST) are the same hours in {country}",
                  country=country),
                code="same-time",
                detail=_CHANNEL,
            )
        elif len(hours) == 1:
            yield self.finding(
                Status.PASS,
                _("Korean office hours (9:00-18:00 KST) are {window} in {country} (local time is Korean time "
                  "{offset})", window=window_label(hours[0].local_window), country=country,
                  offset=hours[0].offset_to_kst),
                code="time-difference",
                detail=_CHANNEL,
            )
        else:
            yield self.finding(
                Status.PASS,
                _("Korean office hours (9:00-18:00 KST) fall at different local times in {country} (several time "
                  "zones or a clock change): see the support hours of the travel plan", country=country),
                code="time-differences",
                detail=_CHANNEL,
            )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        yield self.item(Phase.NOW, _("Note Kakao's official help centre, https://cs.kakao.com/helps, and check the "
                                     "address whenever you use it: beware of lookalike sites"))
        yield self.item(Phase.ABROAD, _("If your account is restricted, write to Kakao's customer service by email: "
                                        "subject \"About lifting a restriction (inquiry from abroad)\", with the date "
                                        "and time, what happened, a local contact and the time difference; attach "
                                        "your ID document and screenshots"))
        yield self.item(Phase.ABROAD, _("Look for Kakao's replies in the spam and promotions folders too"))
