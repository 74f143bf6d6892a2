"""Restriction triage: from the symptoms to the likely situation and what to do next, in order.

A heuristic over the user's answers (it never contacts Kakao): each answer adds evidence for one
of the situations the article tells apart (ADVICE C1-C3, T1-T3) or the account protective measure
after a leaked password (KAKAO-FACTS K6); the situation with the most evidence wins, and how sure
the result is follows from how clearly it wins. Every piece of evidence is shown as a reason.

`assess` is the pure decision; `advise` the steps, things to keep, things never to do and notes;
`document` and `to_json` present them in a language.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from kakaoaudit.core import claims as kakao
from kakaoaudit.core.answers import Answers
from kakaoaudit.core.facts import FACTS, facts_in
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.questions import Question
from kakaoaudit.triage import notice_phrases
from kakaoaudit.triage import questions as triage_questions
from kakaoaudit.triage.document import Document, Section
from kakaoaudit.triage.questions import (
    NOTICE_KIND,
    NOTICE_TEXT,
    OTHER_APPS_ONLINE,
    PAST_RESTRICTIONS,
    SUSPICIOUS_LOGIN,
    SYMPTOMS,
)
from kakaoaudit.triage.restriction import (
    ABROAD,
    Moment,
    Place,
    duration_text,
    kst_text,
    local_text,
    minutes,
    offset_text,
    zone_label,
)

_ = translator("kakaoaudit.triage")

#: Symptoms that only a restriction produces: some features blocked while messages may still work.
FEATURE_BLOCKS: Final = frozenset({"cannot_add_friends", "cannot_start_chats", "cannot_join_open_chats"})

HELP_CENTRE: Final = FACTS["K14"].sources[0]

#: The command's questions, in the order they are asked. They live apart, light, in
#: kakaoaudit.triage.questions: every command reads them (one answers file serves all commands).
QUESTIONS: Final[tuple[Question, ...]] = triage_questions.QUESTIONS


class Situation(str, enum.Enum):
    """The likely situation, from the most to the least serious (ties go to the more serious)."""

    PROTECTIVE_MEASURE = "protective_measure"
    LONG_TERM = "long_term"
    SHORT_TERM = "short_term"
    NETWORK = "network"
    UNCLEAR = "unclear"

    @property
    def label(self) -> Msg:
        return _SITUATION_LABELS[self]


_SITUATION_LABELS = {
    Situation.PROTECTIVE_MEASURE: _("Account protective measure (possibly after a leaked password)"),
    Situation.LONG_TERM: _("Long-term restriction"),
    Situation.SHORT_TERM: _("Short-term restriction"),
    Situation.NETWORK: _("Network problem"),
    Situation.UNCLEAR: _("Not clear yet"),
}
_RANKED = (Situation.PROTECTIVE_MEASURE, Situation.LONG_TERM, Situation.SHORT_TERM, Situation.NETWORK)


class Confidence(str, enum.Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> Msg:
        return _CONFIDENCE_LABELS[self]


_CONFIDENCE_LABELS = {
    Confidence.HIGH: _("fairly sure: the answers point clearly one way"),
    Confidence.MEDIUM: _("somewhat sure: the answers lean this way"),
    Confidence.LOW: _("not sure: there is little to go on, or the answers point different ways"),
}


@dataclass(frozen=True)
class Facts:
    """What the triage knows, from the answers."""

    symptoms: frozenset[str]
    moment: Moment | None
    #: None when the user does not remember the notice.
    notice_kind: str | None
    matches: tuple[notice_phrases.Match, ...]
    other_apps_online: bool | None
    past_restrictions: str | None
    suspicious_login: bool | None
    abroad: bool
    place: Place
    #: The registered phone is a South Korean mobile number (None: not known).
    korean_number: bool | None
    now: datetime


def facts_from(answers: Answers, *, moment: Moment | None, place: Place, korean_number: bool | None,
               now: datetime) -> Facts:
    """The facts of the triage from its answers (the start and place resolved by the caller)."""
    return Facts(
        symptoms=frozenset(answers.get_list(SYMPTOMS)),
        moment=moment,
        notice_kind=answers.get_text(NOTICE_KIND),
        matches=notice_phrases.detect(answers.get_text(NOTICE_TEXT) or ""),
        other_apps_online=answers.get_bool(OTHER_APPS_ONLINE),
        past_restrictions=answers.get_text(PAST_RESTRICTIONS),
        suspicious_login=answers.get_bool(SUSPICIOUS_LOGIN),
        abroad=bool(answers.get_bool(ABROAD)),
        place=place,
        korean_number=korean_number,
        now=now,
    )


@dataclass(frozen=True)
class Evidence:
    """One reason, and how much it weighs for (or, negative, against) a situation."""

    reason: Msg
    weights: Mapping[Situation, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Assessment:
    situation: Situation
    confidence: Confidence
    scores: Mapping[Situation, int]
    reasons: tuple[Msg, ...]


def gather(facts: Facts) -> list[Evidence]:
    """Every piece of evidence the facts give, in the order it is explained."""
    evidence: list[Evidence] = []
    evidence.extend(_notice_evidence(facts))
    evidence.extend(_network_evidence(facts))
    evidence.extend(_symptom_evidence(facts))
    evidence.extend(_time_evidence(facts))
    evidence.extend(_history_evidence(facts))
    return evidence


def _phrase_text(match: notice_phrases.Match) -> Msg:
    """The words quoted from the notice, with the quotation marks of the output's language (「」 in Japanese,
    "" in English and Korean), whatever language the notice itself was in."""
    return _('"{words}"', words=match.variant)


def _notice_evidence(facts: Facts) -> Iterable[Evidence]:
    long_term = [m for m in facts.matches if m.phrase.signal is notice_phrases.Signal.LONG_TERM]
    for index, match in enumerate(long_term):
        yield Evidence(kakao.NOTICE_SAYS_LONG(phrase=_phrase_text(match)),
                       {Situation.LONG_TERM: 5 if index == 0 else 1})
    for match in facts.matches:
        if match.phrase.signal is notice_phrases.Signal.ACCOUNT_PROTECTION:
            yield Evidence(kakao.NOTICE_SAYS_PROTECTIVE(phrase=_phrase_text(match)),
                           {Situation.PROTECTIVE_MEASURE: 4})
        elif match.phrase.signal is notice_phrases.Signal.SHORT_TERM:
            yield Evidence(_("The notice says {phrase}: that points to a temporary limit.",
                             phrase=_phrase_text(match)), {Situation.SHORT_TERM: 2})
        elif match.phrase.signal is notice_phrases.Signal.NETWORK:
            yield Evidence(_("The notice says {phrase}: that is a connection error, not a restriction.",
                             phrase=_phrase_text(match)), {Situation.NETWORK: 3})
    kind = facts.notice_kind
    if kind in ("identity_verification", "security_restriction"):
        yield Evidence(kakao.NOTICE_KIND_LONG(), {Situation.LONG_TERM: 4})
    elif kind == "policy_violation":
        yield Evidence(kakao.NOTICE_KIND_POLICY(), {Situation.LONG_TERM: 4})
    elif kind == "temporary_limit":
        yield Evidence(kakao.NOTICE_KIND_TEMPORARY(), {Situation.SHORT_TERM: 3})
    elif kind == "protective_measure":
        yield Evidence(_("The notice says the account is protected because of a leaked password or unusual "
                         "logins."), {Situation.PROTECTIVE_MEASURE: 5})
    elif kind == "none":
        yield Evidence(_("No notice appeared: a network problem and a short restriction both look like this."),
                       {Situation.NETWORK: 1, Situation.SHORT_TERM: 1})
    elif kind is None:
        yield Evidence(_("You do not remember what the notice said: try to send once more and read any "
                         "pop-up closely."))


def _network_evidence(facts: Facts) -> Iterable[Evidence]:
    if facts.other_apps_online is False:
        yield Evidence(_("Other apps cannot reach the internet either: the network is the likeliest cause."),
                       {Situation.NETWORK: 4})
    elif facts.other_apps_online:
        yield Evidence(_("Other apps reach the internet, so the network is an unlikely cause."),
                       {Situation.NETWORK: -4})
    else:
        yield Evidence(_("You do not know whether other apps reach the internet: open a web page to find out."))


def _symptom_evidence(facts: Facts) -> Iterable[Evidence]:
    if facts.symptoms & FEATURE_BLOCKS:
        yield Evidence(_("{blocked} {lifts}", blocked=kakao.FEATURES_BLOCKED(), lifts=kakao.PROTECTION_LIFTS()),
                       {Situation.SHORT_TERM: 2, Situation.NETWORK: -2})
    if "cannot_log_in" in facts.symptoms:
        yield Evidence(kakao.CANNOT_SIGN_IN(), {Situation.PROTECTIVE_MEASURE: 1, Situation.LONG_TERM: 1})
    if facts.suspicious_login:
        yield Evidence(_("You saw a login you did not make or learned that your password leaked. {leak}",
                         leak=kakao.LEAK_PROTECTIVE_MEASURE()), {Situation.PROTECTIVE_MEASURE: 3})


def _time_evidence(facts: Facts) -> Iterable[Evidence]:
    if facts.moment is None:
        yield Evidence(_("You do not know when it started: note the time you first noticed it."))
        return
    shortest, longest = facts.moment.elapsed(facts.now)
    if longest < timedelta(hours=1):
        yield Evidence(_("It started less than an hour ago: a network hiccup and a short restriction both fit."),
                       {Situation.NETWORK: 1, Situation.SHORT_TERM: 1})
    elif shortest >= timedelta(days=1):
        yield Evidence(_("It has lasted more than a day ({duration}), so a longer restriction is likely. {short}",
                         duration=duration_text(shortest), short=kakao.SHORT_LIFTS()), {Situation.LONG_TERM: 2})
    elif longest < timedelta(days=1):
        yield Evidence(_("It started {duration} ago. {short}", duration=duration_text(longest),
                         short=kakao.SHORT_LIFTS()), {Situation.SHORT_TERM: 1})


def _history_evidence(facts: Facts) -> Iterable[Evidence]:
    if facts.past_restrictions == "several":
        yield Evidence(_("Your account was restricted several times before. {repeated}", repeated=kakao.REPEATED()),
                       {Situation.LONG_TERM: 1})
    elif facts.past_restrictions == "once":
        yield Evidence(_("Your account was restricted once before: if it keeps happening, look at your settings and "
                         "habits (kakaoaudit audit)."))


def assess(facts: Facts) -> Assessment:
    """The likely situation, how sure, and why."""
    evidence = gather(facts)
    scores = dict.fromkeys(_RANKED, 0)
    for item in evidence:
        for situation, weight in item.weights.items():
            scores[situation] += weight
    scores = {situation: max(score, 0) for situation, score in scores.items()}
    ranked = sorted(_RANKED, key=lambda s: (-scores[s], _RANKED.index(s)))
    best, runner_up = ranked[0], ranked[1]
    top, margin = scores[best], scores[best] - scores[runner_up]
    reasons = tuple(item.reason for item in evidence)
    if top < 2:
        return Assessment(Situation.UNCLEAR, Confidence.LOW, scores, reasons)
    if top >= 5 and margin >= 3:
        confidence = Confidence.HIGH
    elif top >= 3 and margin >= 2:
        confidence = Confidence.MEDIUM
    else:
        confidence = Confidence.LOW
    return Assessment(best, confidence, scores, reasons)


@dataclass(frozen=True)
class Item:
    """One line of advice: its text, and the article's items it delivers besides the claims it states."""

    text: Msg
    advice: tuple[str, ...] = ()
    """ADVICE items the line delivers in its own words (the facts of its claims come with them)."""

    @property
    def sources(self) -> tuple[str, ...]:
        """The facts it states (KAKAO-FACTS K*, the article's items) and the ADVICE items it delivers."""
        return tuple(dict.fromkeys((*facts_in([self.text]), *self.advice)))


@dataclass(frozen=True)
class Triage:
    """The complete triage: the assessment and what to do about it."""

    facts: Facts
    assessment: Assessment
    steps: tuple[Item, ...]
    keep: tuple[Item, ...]
    never: tuple[Item, ...]
    notes: tuple[Item, ...]

    @property
    def references(self) -> tuple[str, ...]:
        urls = [HELP_CENTRE]
        for item in (*self.steps, *self.keep, *self.never, *self.notes):
            for source in item.sources:
                urls.extend(url for url in FACTS[source].sources if url not in urls)
        return tuple(urls)


_SUPPORT_KIT = _("kakaoaudit support-kit drafts the inquiry with everything support asks for: the date and "
                 "time, symptoms, what you tried, your device and app version.")

_LONG_SUPPORT = _("If a notice asks for identity verification or mentions a violation of the rules, it is more than a "
                  "short restriction. {long} kakaoaudit support-kit drafts the inquiry.",
                  long=kakao.LONG_NEEDS_SUPPORT())

STEPS: Final[Mapping[Situation, tuple[Item, ...]]] = {
    Situation.NETWORK: (
        Item(_("Check the connection: switch between Wi-Fi and mobile data, or turn flight mode on and off, and "
               "open a web page to see whether it loads."), ("C1",)),
        Item(_("Once web pages load again, restart KakaoTalk, and update it from the official app store if an update "
               "is waiting."), ("S1",)),
        Item(_("When other apps work again, send one short message to someone you know. If it still stays "
               "\"sending\", run kakaoaudit triage again. {symptoms}", symptoms=kakao.SYMPTOMS()), ("C1",)),
    ),
    Situation.SHORT_TERM: (
        Item(_("For now, stop sending many messages, adding friends or joining open chats. {extended}",
               extended=kakao.PROTECTION_EXTENDED()), ("P1.1", "P1.2")),
        Item(_("Wait. {short} {protection}", short=kakao.SHORT_LIFTS(), protection=kakao.PROTECTION_LIFTS())),
        Item(_("Meanwhile, reach the people you need by phone, text message or email."), ("T1",)),
        Item(_("Check that the phone number and email registered to your Kakao account are the ones you use now, in "
               "the Kakao Account settings."), ("C3",)),
        Item(_LONG_SUPPORT, ("S1",)),
        Item(_("If it happens again and again, review your settings and habits: kakaoaudit audit shows what to "
               "fix."), ("T1", "Q3")),
    ),
    Situation.LONG_TERM: (
        Item(_("Save the evidence first: screenshots of the notice and any error code, and the emails (see "
               "below)."), ("C2", "T3")),
        Item(_("Check that the phone number and email registered to your Kakao account are the ones you use now. "
               "{stale}", stale=kakao.CONTACTS_GO_STALE())),
        Item(kakao.SUPPORT_IN_APP()),
        Item(kakao.INQUIRY_CATEGORY()),
        Item(_("Enter your phone number, name, birth date and registered email exactly as on your ID document, and a "
               "contact where you can be reached. {match}", match=kakao.DETAILS_MUST_MATCH())),
        Item(_("Have an ID document ready (see below). {asked} {photo}", asked=kakao.ID_MAY_BE_ASKED(),
               photo=kakao.ID_PHOTO()), ("Q2",)),
        Item(_SUPPORT_KIT, ("R4", "O3")),
        Item(_("{review} {long} Check the spam and promotions folders for replies.", review=kakao.REVIEW_TAKES(),
               long=kakao.LONG_TAKES_TIME()), ("S5",)),
        Item(_("{reply} kakaoaudit support-kit --reapply gives a checklist.", reply=kakao.READ_THE_REPLY()),
             ("R2", "R3")),
    ),
    Situation.PROTECTIVE_MEASURE: (
        Item(_("On a device you trust, change the Kakao account password. {advice}", advice=kakao.PASSWORD_ADVICE()),
             ("P2.3", "P2.5")),
        Item(_("Look at the login history in the Kakao Account settings and log out every session you do not "
               "recognise. {where}", where=kakao.LOGINS_PATH())),
        Item(_("Turn on 2-step verification, with an email address you use nowhere else. {advises}",
               advises=kakao.ADVISES_TWO_STEP_AND_COUNTRY()), ("P2.1",)),
        Item(_("Consider login restriction by country as well. {approval}", approval=kakao.COUNTRY_APPROVAL())),
        Item(_("If you used the same password on other services, change it there too."), ("P2.5",)),
        Item(_("If you cannot sign in, or someone else used the account: {report} {centre}",
               report=kakao.REPORT_MISUSE(), centre=kakao.HELP_CENTRE())),
        Item(_SUPPORT_KIT, ("R4",)),
    ),
    Situation.UNCLEAR: (
        Item(_("Check the network first: open a web page, and switch between Wi-Fi and mobile data."), ("C1",)),
        Item(_("Open KakaoTalk, try to send one message, and read any notice or pop-up closely; take a screenshot of "
               "it. {evidence}", evidence=kakao.EVIDENCE())),
        Item(_("Note when it started and what you have tried."), ("R4",)),
        Item(_("Wait a few hours without sending many messages. {short}", short=kakao.SHORT_LIFTS())),
        Item(_LONG_SUPPORT, ("S1",)),
        Item(_("Run kakaoaudit triage again with what you found out.")),
    ),
}

KEEP: Final[tuple[Item, ...]] = (
    Item(_("Screenshots of every notice and pop-up, with any error code. {evidence}", evidence=kakao.EVIDENCE())),
    Item(_("The notices and emails about the restriction. {keep}", keep=kakao.KEEP_NOTICES())),
    Item(_("The date and time it started, and what you tried."), ("R4",)),
    Item(_("Every email exchanged with support, and the inquiry number."), ("S5", "R4")),
)

NEVER: Final[tuple[Item, ...]] = (
    Item(_("{only_kakao} Anyone else who promises to do it, for money or for your password or codes, is not "
           "Kakao.", only_kakao=kakao.NO_UNLOCK_SERVICES())),
    Item(_("Never give your password or verification codes to anyone, even to someone who says they are from "
           "support. {pc_code}", pc_code=kakao.PC_CODE())),
    Item(_("Do not keep repeating what may have triggered it (many messages, friend requests, open-chat joins). "
           "{extended}", extended=kakao.PROTECTION_EXTENDED()), ("P1.1",)),
    Item(_("Do not delete and reinstall KakaoTalk or move to another phone to reset it. {reverify}",
           reverify=kakao.REVERIFICATION())),
    Item(_("Do not request verification codes again and again. {blocked}", blocked=kakao.CODES_BLOCKED_24H())),
    Item(_("Use only the official help centre or the app's own menu. {centre}", centre=kakao.HELP_CENTRE())),
)


def notes(facts: Facts, assessment: Assessment) -> tuple[Item, ...]:
    """What else the user should know, given the facts."""
    found: list[Item] = []
    # Talk Safety Pass: the same sentences as the audit's KA706, so that both say the same.
    if facts.korean_number is True:
        found.append(Item(_("{needs} {korean}", needs=kakao.SAFETY_PASS(), korean=kakao.SAFETY_PASS_KOREAN_NUMBER())))
    else:
        found.append(Item(_("{needs} {other}", needs=kakao.SAFETY_PASS(), other=kakao.SAFETY_PASS_OTHER_NUMBER())))
    if facts.abroad:
        found.append(Item(_("{triggers} {roaming}", triggers=kakao.ABROAD_TRIGGERS(),
                            roaming=kakao.CODES_NEED_ROAMING())))
        found.append(Item(_("{documents} {email}", documents=kakao.ABROAD_DOCUMENTS(),
                            email=kakao.EMAIL_FROM_ABROAD())))
    if facts.notice_kind == "policy_violation":
        found.append(Item(kakao.SERVICE_RESTRICTION()))
    if facts.past_restrictions == "several":
        found.append(Item(_("{repeated} Find out why the earlier ones happened, and avoid it.",
                            repeated=kakao.REPEATED())))
    if assessment.situation is Situation.PROTECTIVE_MEASURE or facts.suspicious_login:
        found.append(Item(_("{leak} kakaoaudit audit checks your password safely.",
                            leak=kakao.LEAK_PROTECTIVE_MEASURE())))
    return tuple(found)


def advise(facts: Facts) -> Triage:
    """The full triage for `facts`."""
    assessment = assess(facts)
    return Triage(
        facts=facts,
        assessment=assessment,
        steps=STEPS[assessment.situation],
        keep=KEEP,
        never=NEVER,
        notes=notes(facts, assessment),
    )


HEURISTIC: Final = _("This is a heuristic: it reads your answers, not your account, and never contacts Kakao. "
                     "Only Kakao knows for sure what happened.")


def _when_lines(triage: Triage, lang: str) -> list[str]:
    facts = triage.facts
    lines: list[str] = []
    place = zone_label(facts.place, lang)
    if facts.moment is None:
        lines.append(_("Started: not known").render(lang))
    else:
        shortest, longest = facts.moment.elapsed(facts.now)
        lines.append(_("Started: {local} in {place}", local=local_text(facts.moment), place=place).render(lang))
        lines.append(_("In Korean time: {kst}", kst=kst_text(facts.moment)).render(lang))
        if shortest == longest:
            lines.append(_("That is {duration} ago.", duration=duration_text(longest)).render(lang))
        else:
            lines.append(_("That is between {shortest} and {longest} ago.", shortest=duration_text(shortest),
                           longest=duration_text(longest)).render(lang))
    if facts.place.other_zones:
        lines.append(_("{country} has several time zones; the times use {zone}. Others: {zones}. To choose, set "
                       "support.time_zone in the answers file.", country=place, zone=facts.place.zone,
                       zones=", ".join(facts.place.other_zones)).render(lang))
    return lines


def document(triage: Triage, lang: str) -> Document:
    """The triage as a document of sections, in `lang`."""
    from kakaoaudit.core.disclaimer import DISCLAIMER  # noqa: PLC0415
    from kakaoaudit.core.timezones import get_zone  # noqa: PLC0415

    assessment = triage.assessment
    local_now = triage.facts.now.astimezone(get_zone(triage.facts.place.zone))

    def texts(items: Iterable[Item]) -> tuple[str, ...]:
        return tuple(item.text.render(lang) for item in items)

    sections = [
        Section(_("Likely situation").render(lang), lines=(
            assessment.situation.label.render(lang),
            _("How sure: {confidence}", confidence=assessment.confidence.label).render(lang),
        )),
        Section(_("Why").render(lang), items=tuple(reason.render(lang) for reason in assessment.reasons)),
        Section(_("When").render(lang), lines=tuple(_when_lines(triage, lang))),
        Section(_("Next steps, in order").render(lang), items=texts(triage.steps), numbered=True),
        Section(_("Keep these").render(lang), items=texts(triage.keep)),
        Section(_("Never do this").render(lang), items=texts(triage.never)),
    ]
    if triage.notes:
        sections.append(Section(_("Good to know").render(lang), items=texts(triage.notes)))
    sections.append(Section(_("Sources").render(lang), items=triage.references))
    return Document(
        title=_("kakaoaudit triage: why your messages may not be sending").render(lang),
        intro=(
            _("As of {datetime} ({offset}) in {place}", datetime=minutes(local_now),
              offset=offset_text(local_now.utcoffset() or timedelta(0)),
              place=zone_label(triage.facts.place, lang)).render(lang),
            HEURISTIC.render(lang),
        ),
        sections=tuple(sections),
        footer=(DISCLAIMER.render(lang),),
    )


FORMAT_NAME: Final = "kakaoaudit-triage"
FORMAT_VERSION: Final = 1


def to_json(triage: Triage, lang: str, *, tool_version: str) -> dict[str, Any]:
    """The triage as the JSON document described by ``formats/triage.schema.json``."""
    from kakaoaudit.core.disclaimer import DISCLAIMER  # noqa: PLC0415

    facts, assessment = triage.facts, triage.assessment

    def items(values: Iterable[Item]) -> list[dict[str, Any]]:
        return [{"text": item.text.render(lang), "sources": list(item.sources)} for item in values]

    started: dict[str, Any] | None = None
    if facts.moment is not None:
        earliest, latest = facts.moment.kst()
        shortest, longest = facts.moment.elapsed(facts.now)
        started = {
            "local": facts.moment.started.text,
            "time_known": facts.moment.started.clock is not None,
            "utc_offset": facts.moment.utc_offset.total_seconds() / 3600,
            "kst_earliest": minutes(earliest),
            "kst_latest": minutes(latest),
            "elapsed_hours_min": round(shortest.total_seconds() / 3600, 2),
            "elapsed_hours_max": round(longest.total_seconds() / 3600, 2),
        }
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "tool_version": tool_version,
        "generated_at": facts.now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "language": lang,
        "heuristic": HEURISTIC.render(lang),
        "situation": assessment.situation.value,
        "situation_label": assessment.situation.label.render(lang),
        "confidence": assessment.confidence.value,
        "confidence_label": assessment.confidence.label.render(lang),
        "scores": {situation.value: score for situation, score in assessment.scores.items()},
        "reasons": [reason.render(lang) for reason in assessment.reasons],
        "detected_phrases": [
            {"id": m.phrase.id, "signal": m.phrase.signal.value, "language": m.phrase.language, "text": m.variant}
            for m in facts.matches
        ],
        "place": {"country": facts.place.country, "time_zone": facts.place.zone,
                  "other_time_zones": list(facts.place.other_zones)},
        "started": started,
        "next_steps": items(triage.steps),
        "keep": items(triage.keep),
        "never": items(triage.never),
        "notes": items(triage.notes),
        "references": list(triage.references),
        "disclaimer": DISCLAIMER.render(lang),
    }
