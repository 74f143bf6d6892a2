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

from kakaoaudit.core.answers import Answers
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

HELP_CENTRE: Final = "https://cs.kakao.com/helps"
#: Sources by KAKAO-FACTS number (ADVICE items cite the article: no URL of their own).
FACT_URLS: Final[Mapping[str, tuple[str, ...]]] = {
    "K1": ("https://cs.kakao.com/helps?articleId=1073200212&service=8&category=702&device=2631&locale=en",),
    "K2": ("https://cs.kakao.com/helps_html/1073200213?locale=en",),
    "K4": ("https://kakao.com/talksafety/en/toolandguide/verify",),
    "K5": ("https://cs.kakao.com/helps_html/1073200211?locale=en",),
    "K6": ("https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52",
           "http://ajunews.com/view/20201130162328062"),
    "K9": ("https://cs.kakao.com/helps_html/1073185993?locale=en",
           "https://cs.kakao.com/helps_html/1073185963?locale=en"),
    "K10": ("https://kakao.com/talksafety/en/toolandguide/account",),
    "K12": ("https://jairo777m.blogspot.com/2021/05/ios_01084061721.html",),
}

#: The command's questions, in the order they are asked. They live apart, light, in
#: kakaoaudit.triage_questions: every command reads them (one answers file serves all commands).
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


def _phrase_text(match: notice_phrases.Match) -> str:
    return f"「{match.variant}」" if match.phrase.language == "ja" else f'"{match.variant}"'


def _notice_evidence(facts: Facts) -> Iterable[Evidence]:
    long_term = [m for m in facts.matches if m.phrase.signal is notice_phrases.Signal.LONG_TERM]
    for index, match in enumerate(long_term):
        yield Evidence(
            _("The notice says {phrase}: wording like this signals a long-term restriction, which does not lift "
              "by waiting.", phrase=_phrase_text(match)),
            {Situation.LONG_TERM: 5 if index == 0 else 1},
        )
    for match in facts.matches:
        if match.phrase.signal is notice_phrases.Signal.ACCOUNT_PROTECTION:
            yield Evidence(_("The notice says {phrase}: Kakao protects an account this way when its password "
                             "appears in leaks or after unusual logins.", phrase=_phrase_text(match)),
                           {Situation.PROTECTIVE_MEASURE: 4})
        elif match.phrase.signal is notice_phrases.Signal.SHORT_TERM:
            yield Evidence(_("The notice says {phrase}: that points to a temporary limit.",
                             phrase=_phrase_text(match)), {Situation.SHORT_TERM: 2})
        elif match.phrase.signal is notice_phrases.Signal.NETWORK:
            yield Evidence(_("The notice says {phrase}: that is a connection error, not a restriction.",
                             phrase=_phrase_text(match)), {Situation.NETWORK: 3})
    kind = facts.notice_kind
    if kind in ("identity_verification", "security_restriction"):
        yield Evidence(_("The notice asks for verification or restricts features for security reasons: a sign of "
                         "a long-term restriction."), {Situation.LONG_TERM: 4})
    elif kind == "policy_violation":
        yield Evidence(_("The notice mentions a violation of the rules: such a service restriction is lifted "
                         "through the notice or customer service, not by waiting."), {Situation.LONG_TERM: 4})
    elif kind == "temporary_limit":
        yield Evidence(_("The notice speaks of a temporary limit: short restrictions often lift within hours "
                         "to a day."), {Situation.SHORT_TERM: 3})
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
        yield Evidence(_("Only some features are blocked (friends, new chats, open chats): that is how Kakao's "
                         "protection measures look, not a network problem. Kakao says they usually lift "
                         "automatically."), {Situation.SHORT_TERM: 2, Situation.NETWORK: -2})
    if "cannot_log_in" in facts.symptoms:
        yield Evidence(_("You cannot sign in: Kakao asks for verification or protects the account this way."),
                       {Situation.PROTECTIVE_MEASURE: 1, Situation.LONG_TERM: 1})
    if facts.suspicious_login:
        yield Evidence(_("You saw a login you did not make or learned that your password leaked: Kakao can "
                         "protect the account when its password appears in leaks, even without misuse."),
                       {Situation.PROTECTIVE_MEASURE: 3})


def _time_evidence(facts: Facts) -> Iterable[Evidence]:
    if facts.moment is None:
        yield Evidence(_("You do not know when it started: note the time you first noticed it."))
        return
    shortest, longest = facts.moment.elapsed(facts.now)
    if longest < timedelta(hours=1):
        yield Evidence(_("It started less than an hour ago: a network hiccup and a short restriction both fit; "
                         "a restriction lasts longer."), {Situation.NETWORK: 1, Situation.SHORT_TERM: 1})
    elif shortest >= timedelta(days=1):
        yield Evidence(_("It has lasted more than a day ({duration}): short restrictions often lift within hours "
                         "to a day, so a longer one is likely.", duration=duration_text(shortest)),
                       {Situation.LONG_TERM: 2})
    elif longest < timedelta(days=1):
        yield Evidence(_("It started {duration} ago: within the time in which short restrictions often lift.",
                         duration=duration_text(longest)), {Situation.SHORT_TERM: 1})


def _history_evidence(facts: Facts) -> Iterable[Evidence]:
    if facts.past_restrictions == "several":
        yield Evidence(_("Your account was restricted several times before: repeated restrictions tend to last "
                         "longer."), {Situation.LONG_TERM: 1})
    elif facts.past_restrictions == "once":
        yield Evidence(_("Your account was restricted once before: if it keeps happening, something in your "
                         "settings or habits needs a look."))


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
    """One line of advice, with the ADVICE and KAKAO-FACTS items it comes from."""

    text: Msg
    sources: tuple[str, ...] = ()


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
                urls.extend(url for url in FACT_URLS.get(source, ()) if url not in urls)
        return tuple(urls)


_SUPPORT_KIT = _("kakaoaudit support-kit drafts the inquiry with everything support asks for: the date and "
                 "time, symptoms, what you tried, your device and app version.")

STEPS: Final[Mapping[Situation, tuple[Item, ...]]] = {
    Situation.NETWORK: (
        Item(_("Check the connection: switch between Wi-Fi and mobile data, or turn flight mode on and off, and "
               "open a web page to see whether it loads."), ("C1",)),
        Item(_("Update KakaoTalk from the official app store and restart it."), ("S1",)),
        Item(_('When other apps work again, send one short message to someone you know. If it still stays '
               '"sending", run kakaoaudit triage again: a restriction lasts longer than a network problem.'),
             ("C1",)),
    ),
    Situation.SHORT_TERM: (
        Item(_("For now, stop sending many messages, adding friends or joining open chats: repeating what "
               "triggered the measure can make it last longer."), ("K2", "P1.1", "P1.2")),
        Item(_("Wait: a short restriction often lifts by itself within a few hours to a day. Kakao says its user "
               "protection measures usually lift automatically, within several weeks."), ("T1", "K1")),
        Item(_("Meanwhile, reach the people you need by phone, text message or email."), ("T1",)),
        Item(_("Check that the phone number and email registered to your Kakao account are the ones you use now "
               "(KakaoTalk > Settings > Kakao Account)."), ("C3",)),
        Item(_("If it still lasts after a day, or a notice asks for identity verification, contact Kakao's "
               "official support: kakaoaudit support-kit drafts the inquiry."), ("T2", "S1")),
        Item(_("If it happens again and again, review your settings and habits: kakaoaudit audit shows what to "
               "fix."), ("T1", "Q3")),
    ),
    Situation.LONG_TERM: (
        Item(_("Save the evidence first: screenshots of the notice and any error code, and the emails (see "
               "below)."), ("C2", "T3")),
        Item(_("Check that the phone number and email registered to your Kakao account are the ones you use now: "
               "identity checks go to them."), ("C3",)),
        Item(_("Update KakaoTalk, then open Settings (gear icon) > Kakao Customer Center (or Help)."), ("S1",)),
        Item(_("Choose the inquiry about usage restrictions (「利用制限に関するお問い合わせ」 in the Japanese app), or "
               "the closest category; read the descriptions so that you do not pick a wrong one."), ("S2",)),
        Item(_("Enter your phone number, name, birth date and registered email exactly as on your ID document, "
               "and a contact where you can be reached."), ("S3",)),
        Item(_("Have an ID document ready (see below): valid, with current details, photographed whole and "
               "sharp, without glare, shadows or fingers."), ("Q2", "R2")),
        Item(_SUPPORT_KIT, ("R4", "O3")),
        Item(_("A review usually takes days to a week, longer on holidays: answer every question quickly and "
               "check the spam and promotions folders for replies."), ("S4", "Q1", "S5")),
        Item(_("If it is refused, read the reply closely, fix every point before its deadline and apply again: "
               "kakaoaudit support-kit --reapply gives a checklist."), ("R1", "R2", "R3")),
    ),
    Situation.PROTECTIVE_MEASURE: (
        Item(_("On a device you trust, change the Kakao account password to a new one that you use nowhere else "
               "and that is not your ID, birth date, name or phone number."), ("K9", "P2.3", "P2.5")),
        Item(_("Look at the login history in the Kakao account settings and log out every session you do not "
               "recognise."), ("K9",)),
        Item(_("Turn on 2-step verification, with an email address you use nowhere else."), ("P2.1", "K6", "K9")),
        Item(_("Consider the country login restriction, which lets the account sign in only from the countries "
               "you allow."), ("K6",)),
        Item(_("If you used the same password on other services, change it there too."), ("P2.5",)),
        Item(_("If you cannot sign in, or someone else used the account, contact Kakao's customer service through "
               "the official help centre; report a suspected takeover within 14 days."), ("K9", "S6")),
        Item(_SUPPORT_KIT, ("R4",)),
    ),
    Situation.UNCLEAR: (
        Item(_("Check the network first: open a web page, and switch between Wi-Fi and mobile data."), ("C1",)),
        Item(_("Open KakaoTalk, try to send one message, and read any notice or pop-up closely; take a "
               "screenshot of it."), ("C2",)),
        Item(_("Note when it started and what you have tried."), ("R4",)),
        Item(_("Wait a few hours without sending many messages."), ("T1", "K2")),
        Item(_("If it lasts more than a day, or a notice asks for verification, contact Kakao's official support: "
               "kakaoaudit support-kit drafts the inquiry."), ("T2", "S1")),
        Item(_("Run kakaoaudit triage again with what you found out."), ()),
    ),
}

KEEP: Final[tuple[Item, ...]] = (
    Item(_("Screenshots of every notice and pop-up, with any error code: a closed pop-up may not come back."),
         ("C2",)),
    Item(_("The notices and emails about the restriction: they are evidence for the review, so do not delete "
           "them."), ("T3",)),
    Item(_("The date and time it started, and what you tried."), ("R4",)),
    Item(_("Every email exchanged with support, and the inquiry number."), ("S5", "R4")),
)

NEVER: Final[tuple[Item, ...]] = (
    Item(_('Do not use unofficial tools, apps or "unlock services", and do not pay anyone to lift the '
           "restriction: only Kakao's official support can."), ("P4.1",)),
    Item(_("Kakao does not lift its system measures by hand: anyone who promises to, or asks for your password or "
           "codes, is not Kakao."), ("K2",)),
    Item(_("Never give your password, verification codes or security code to anyone, even to someone who says "
           "they are from support."), ("K10",)),
    Item(_("Do not keep repeating what may have triggered it (many messages, friend requests, open-chat joins): "
           "Kakao can extend the period."), ("K2", "P1.1")),
    Item(_("Do not delete and reinstall KakaoTalk or move to another phone to reset it: a new verification on "
           "another device reportedly deletes chats that cannot be recovered."), ("K12",)),
    Item(_("Do not request verification codes again and again: too many requests reportedly block them for 24 "
           "hours."), ("K12",)),
    Item(_("Use only https://cs.kakao.com/helps or the app's own menu: beware of lookalike sites."), ("S6",)),
)


def notes(facts: Facts, assessment: Assessment) -> tuple[Item, ...]:
    """What else the user should know, given the facts."""
    found: list[Item] = []
    if facts.korean_number is True:
        found.append(Item(_("Your number is a South Korean mobile number: you may be able to use Kakao's Talk "
                            "Safety Pass to relax or remove protection measures."), ("K4",)))
    elif facts.korean_number is False:
        found.append(Item(_("Talk Safety Pass, which can relax or remove protection measures, needs a Kakao "
                            "Certificate issued with a South Korean mobile number. Your number is not one, so you "
                            "most likely cannot use it: your way is waiting, or Kakao's customer service."),
                          ("K4",)))
    else:
        found.append(Item(_("Talk Safety Pass, which can relax or remove protection measures, needs a Kakao "
                            "Certificate issued with a South Korean mobile number. With a Japanese or other number "
                            "you most likely cannot use it: your way is waiting, or Kakao's customer service."),
                          ("K4",)))
    if facts.abroad:
        found.append(Item(_("Abroad, logins from an unusual country, airport or hotel Wi-Fi and VPNs can all "
                            "trigger Kakao's detection. Verification texts reportedly do not arrive without "
                            "roaming."), ("O1", "K12")))
        found.append(Item(_("From abroad, support may ask for a local phone number, address, proof of residence "
                            "or visa; email is the easier channel across time zones."), ("O2", "O3")))
    if facts.notice_kind == "policy_violation":
        found.append(Item(_("A restriction for breaking the rules is a separate sanction from the automatic "
                            "protection measures: follow the in-app notice, or ask customer service."), ("K5",)))
    if facts.past_restrictions == "several":
        found.append(Item(_("Repeated restrictions last longer and can become permanent: find out why the earlier "
                            "ones happened and avoid it."), ("Q3",)))
    if assessment.situation is Situation.PROTECTIVE_MEASURE or facts.suspicious_login:
        found.append(Item(_("A password that appears in leaks from other sites can trigger Kakao's account "
                            "protective measure even without misuse: kakaoaudit audit checks yours safely."),
                          ("K6",)))
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
                     "Only Kakao can say for sure what happened.")


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
