"""KA606 long stay abroad, KA607 documents for an identity check from abroad (ADVICE O1, O2, Q2, R2).

Each class docstring is the check's documentation page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from kakaoaudit.api import (
    ON_TRIP,
    Answers,
    ChecklistItem,
    Choice,
    Context,
    Finding,
    Msg,
    Phase,
    QType,
    Question,
    Severity,
    Status,
    TravelCheck,
    Trip,
    country_label,
    translator,
)
from kakaoaudit.api import claims as kakao

from .travel_shared import K12_REVERIFICATION, K14_HELP_CENTRE, TRIP  # noqa: TID251 - the sibling kakaoaudit.checks.travel_shared

_ = translator(__name__)

LONG_STAY = "travel.long_stay"
DOCUMENTS = "travel.documents"
PASSPORT, OTHER_ID, VISA, LOCAL_CONTACT = "passport", "other_id", "visa", "local_contact"

#: A trip of at most this many days (both ends counted) is not asked about a long stay: it is not one.
#: kakaoaudit's own line for *asking* (Kakao publishes no limit, and the check computes none).
SHORT_TRIP_DAYS = 14


def short_trip(answers: Mapping[str, Any], lang: str) -> bool | None:
    """False ("not a long stay") when the travel dates span at most `SHORT_TRIP_DAYS` days; None (ask)
    otherwise, or when a date is not known."""
    depart, back = answers.get("travel.depart"), answers.get("travel.return")
    if isinstance(depart, date) and isinstance(back, date) and 0 <= (back - depart).days < SHORT_TRIP_DAYS:
        return False
    return None


STAY_QUESTIONS: tuple[Question, ...] = (
    Question(
        LONG_STAY,
        QType.BOOL,
        _("Will you stay abroad for a long time (for example weeks or months of study, work or living there)?"),
        help=_("No source gives a number of days; the article only says that signing in from abroad for a long time "
               "can look unusual."),
        allow_unknown=True,
        when=ON_TRIP,
        present=True,
        # Asked only for trips longer than two weeks (or without both dates): the dates say the rest.
        infer=short_trip,
        infer_from=("travel.depart", "travel.return"),
    ),
)

DOCUMENT_QUESTIONS: tuple[Question, ...] = (
    Question(
        DOCUMENTS,
        QType.MULTI,
        _("Which of these will you have ready to send from abroad if you are asked to prove who you are?"),
        help=_("Choose all that apply; leave it empty if none."),
        choices=(
            Choice(PASSPORT, _("Clear photos of my passport's photo page, that I can open abroad")),
            Choice(OTHER_ID, _("Clear photos of another photo ID (driver's licence, My Number card, residence card)")),
            Choice(VISA, _("My visa or residence permit for the destination")),
            Choice(LOCAL_CONTACT, _("A local address and phone number where I can be reached")),
        ),
        allow_unknown=True,
        when=ON_TRIP,
        present=True,
    ),
)

_PHOTO_TIPS = _("{photo} Keep the photos where you can open them abroad, behind a lock.", photo=kakao.ID_PHOTO())


class LongStay(TravelCheck):
    """A long stay abroad: good to know, not scored (no source gives a limit).

    What it checks
        Whether you will stay abroad for a long time (``travel.long_stay``: weeks or months of study, work or
        living there), as you judge it. The question is not asked for a trip of two weeks or less by its
        dates (kakaoaudit's own line for asking, not a limit of Kakao's): such a trip is not a long stay.

    Why
        The article warns that signing in from abroad for a long time can be judged an unusual usage pattern
        and restricted (ADVICE O1). No source gives a limit, so the check never computes one from the dates
        and has weight 0. Contacts that are out of date can delay identity checks and abroad may not update
        by themselves (C3, P3.1); a new device reportedly asks for a new code (KAKAO-FACTS K12).

    Findings
        ``long-stay`` (info: the advice), ``short-trip`` (info), ``long-stay-unknown`` (unknown). Checklist:
        keep the registered contacts current during the stay.

    Sources
        https://jairo777m.blogspot.com/2021/05/ios_01084061721.html (K12), https://cs.kakao.com/helps.
    """

    id = "KA606"
    title = _("Long stay abroad")
    weight = 0
    advice_ids = ("O1", "P3.1")
    references = (K12_REVERIFICATION, K14_HELP_CENTRE)
    why = _("{long_stay} No source gives a limit, so this is advice, not a score.", long_stay=kakao.LONG_STAY())
    fix = _("For a long stay, keep the destination among the allowed countries, keep the registered contacts current "
            "and avoid changing phones while abroad.")
    questions = TRIP + STAY_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        long_stay = ctx.answers.get_bool(LONG_STAY)
        if long_stay is None:
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure whether this is a long stay"),
                code="long-stay-unknown",
                detail=_("For weeks or months abroad, the advice of this check applies."),
            )
        elif not long_stay:
            yield self.finding(Status.INFO, _("Not a long stay abroad: nothing more to prepare for it"),
                               code="short-trip")
        else:
            yield self.finding(
                Status.INFO,
                _("A long stay abroad: keep your account details in order for it"),
                code="long-stay",
                detail=_("{long_stay} No source gives a number of days to stay under.", long_stay=kakao.LONG_STAY()),
                advice=[
                    _("If login restriction by country is on, keep {country} among its allowed countries for the whole "
                      "stay.", country=country_label(trip.destination)),
                    _("If you take a local phone number or a new email address, update the registered contacts in "
                      "your Kakao Account settings. {stale}", stale=kakao.CONTACTS_GO_STALE()),
                    _("Avoid changing phones or reinstalling KakaoTalk while abroad. {reverify}",
                      reverify=kakao.REVERIFICATION()),
                    _("Keep your visa or residence permit and your local address at hand. {documents}",
                      documents=kakao.ABROAD_DOCUMENTS()),
                ],
            )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        if answers.get_bool(LONG_STAY):
            yield self.item(Phase.ABROAD, _("During the stay, keep the phone number and email registered with Kakao "
                                            "current, including a new local number or email"))


class IdentityDocuments(TravelCheck):
    """Photos of an ID document ready to send from abroad; for long stays also visa and local contact.

    What it checks
        Which of these you will have ready to send from abroad (``travel.documents``): clear photos of the
        passport's photo page or of another photo ID, the visa or residence permit, a local address and phone
        number. For a long stay (``travel.long_stay``) the last two are checked too.

    Why
        From abroad, an identity check may ask for a local phone number, an address, proof of residence, a
        visa or a residence permit (ADVICE O2); the usual ID documents are a passport, driver's licence, My
        Number card, residence card (Q2), photographed whole and sharp, without glare (R2).

    Findings
        ``id-ready`` (pass), ``id-missing`` (fail), ``documents-unknown`` (unknown); for a long stay also
        ``residence-ready`` (pass) or ``residence-missing`` (warn, low). Checklist: save the photos now.

    Sources
        https://cs.kakao.com/helps (the official help centre where identity checks are requested).
    """

    id = "KA607"
    title = _("Documents for an identity check from abroad")
    weight = 10
    advice_ids = ("O2", "Q2", "R2")
    references = (K14_HELP_CENTRE,)
    why = _("{asked} {abroad}", asked=kakao.ID_MAY_BE_ASKED(), abroad=kakao.ABROAD_DOCUMENTS())
    fix = _("Save clear photos of your passport before you leave; for a long stay, also copies of your visa or "
            "residence permit and a local address and phone number.")
    questions = TRIP + STAY_QUESTIONS + DOCUMENT_QUESTIONS

    def assess(self, ctx: Context, trip: Trip) -> Iterable[Finding]:
        answers = ctx.answers
        if answers.is_unknown(DOCUMENTS):
            yield self.finding(
                Status.UNKNOWN,
                _("You are not sure which documents you will have ready"),
                code="documents-unknown",
                advice=[_("Before you leave, save clear photos of your passport's photo page."), _PHOTO_TIPS],
            )
            return
        ready = set(answers.get_list(DOCUMENTS))
        long_stay = answers.get_bool(LONG_STAY) is True
        id_points = 7 if long_stay else self.weight
        if ready & {PASSPORT, OTHER_ID}:
            yield self.finding(Status.PASS, _("Photos of an ID document are ready"), code="id-ready",
                               max_points=id_points)
        else:
            yield self.finding(
                Status.FAIL,
                _("No photos of an ID document ready for an identity check from abroad"),
                code="id-missing",
                detail=_("{asked} {documents} Abroad, a passport is the one you surely have with you.",
                         asked=kakao.ID_MAY_BE_ASKED(), documents=kakao.ID_DOCUMENTS()),
                advice=[_("Before you leave, save clear photos of your passport's photo page."), _PHOTO_TIPS],
                max_points=id_points,
            )
        if long_stay:
            yield self._residence_finding(ready)

    def _residence_finding(self, ready: set[str]) -> Finding:
        missing: list[Msg] = []
        if VISA not in ready:
            missing.append(_("your visa or residence permit"))
        if LOCAL_CONTACT not in ready:
            missing.append(_("a local address and phone number"))
        if not missing:
            return self.finding(Status.PASS, _("Visa or residence permit and a local contact are ready"),
                                code="residence-ready", max_points=3)
        what = missing[0] if len(missing) == 1 else _("{first} and {second}", first=missing[0], second=missing[1])
        return self.finding(
            Status.WARN,
            _("For a long stay, also have ready: {what}", what=what),
            code="residence-missing",
            severity=Severity.LOW,
            detail=kakao.ABROAD_DOCUMENTS(),
            advice=[_("Keep copies of {what} with the photos of your passport.", what=what)],
            max_points=3,
        )

    def checklist(self, answers: Answers, trip: Trip, findings: Sequence[Finding]) -> Iterable[ChecklistItem]:
        ready = set(answers.get_list(DOCUMENTS))
        yield self.item(Phase.NOW, _("Save clear photos of your passport's photo page (whole page, sharp, no glare)"),
                        done=bool(ready & {PASSPORT, OTHER_ID}))
        if answers.get_bool(LONG_STAY):
            yield self.item(Phase.NOW, _("Keep copies of your visa or residence permit, and a local address and "
                                         "phone number"), done={VISA, LOCAL_CONTACT} <= ready)
