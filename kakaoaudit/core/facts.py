"""What kakaoaudit may say about Kakao: the facts it rests on, and every sentence tied to its facts.

kakaoaudit never logs in to Kakao, so everything it says about Kakao (what triggers a restriction,
who lifts it, menu paths, what support asks for, codes abroad, Talk Safety Pass...) comes from two
places only: the team's fact sheet (KAKAO-FACTS K1-K18) and the article the report follows (its
advice items, ADVICE.md P1.1-O3). Each of them is a `Fact` here, with its sources and how far it
can be trusted (`Confidence`).

A sentence about Kakao is a `Claim`: a message plus the facts it states, declared once (the
built-in ones in `kakaoaudit.core.claims`) and used wherever it is needed::

    APPROVAL = claim("K7", message)   # message: the sentence, made by the module's translator
    detail = APPROVAL()               # a Msg like any other, which the claim registry recognises

The hedge follows the confidence: a claim resting on a blog-only fact says so in every language
("reportedly", 「とされています」, 「~라고 알려져 있습니다」), one resting on the article keeps the
article's "often"/"may", and tests (tests/core/test_claims.py) fail on a claim that does not, on a
message that names Kakao's behaviour without being a claim, and on a finding that cites a source
none of its claims rests on. `facts_in` and `sources_in` read the claims back out of any message,
so a finding's references follow from what it says (`Check.finding`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from kakaoaudit.core.i18n import Msg, Param


class Confidence(str, enum.Enum):
    """How far a fact can be trusted, which decides how it is worded."""

    OFFICIAL = "official"
    """Kakao's own help pages (or news quoting them): stated as Kakao's word ("Kakao says ...")."""
    STANDARD = "standard"
    """A public standard or database (the IANA time zones): stated plainly."""
    ARTICLE = "article"
    """The article kakaoaudit follows: its own hedges ("often", "may", "can") are kept."""
    BLOG = "blog"
    """A blog, or a blog's copy of Kakao's FAQ: always hedged ("reportedly")."""

    @property
    def rank(self) -> int:
        """0 for the weakest: a claim is as strong as its weakest fact."""
        return _RANKS[self]


_RANKS = {Confidence.BLOG: 0, Confidence.ARTICLE: 1, Confidence.STANDARD: 2, Confidence.OFFICIAL: 2}


@dataclass(frozen=True)
class Fact:
    """One fact kakaoaudit may state, with where it comes from."""

    id: str
    """KAKAO-FACTS number (``K7``) or ADVICE item (``O1``)."""
    confidence: Confidence
    sources: tuple[str, ...]
    """URLs backing it (a finding that states it cites them); the article's items have none."""
    about: str
    """What it says, in one English line (for the documentation)."""
    modal: bool = False
    """The source words it as a possibility ("often", "may", "can"): a claim of it keeps that."""


K1_URL = "https://cs.kakao.com/helps?articleId=1073200212&service=8&category=702&device=2631&locale=en"
K2_URL = "https://cs.kakao.com/helps_html/1073200213?locale=en"
K3_URL = "https://cs.kakao.com/helps?service=8&category=5&locale=en&device=2&articleId=1073182381"
K4_URL = "https://kakao.com/talksafety/en/toolandguide/verify"
K5_URL = "https://cs.kakao.com/helps_html/1073200211?locale=en"
K6_URLS = ("https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52",
           "http://ajunews.com/view/20201130162328062")
K7_URL = "https://jairo777m.blogspot.com/2021/08/kakao_0138665172.html"
K8_URL = "https://cs.kakao.com/helps?service=52&category=561&locale=en"
K9_URLS = ("https://cs.kakao.com/helps_html/1073185993?locale=en", "https://cs.kakao.com/helps_html/1073185963?locale=en")
K10_URL = "https://kakao.com/talksafety/en/toolandguide/account"
K11_URL = "http://aoe02.aoe3333.com/2025/06/blog-post_13.html"
K12_URL = "https://jairo777m.blogspot.com/2021/05/ios_01084061721.html"
K13_BLOG_URL = ("https://def.tokyohibi.com/entry/%EC%B9%B4%EC%B9%B4%EC%98%A4%ED%86%A1-%EB%8C%80%ED%99%94-"
                "%EB%B0%B1%EC%97%85-%EB%B3%B5%EC%9B%90-%EB%B0%A9%EB%B2%95")
K13_DRAWER_URL = "https://cs.kakao.com/helps?articleId=1073196180&service=8&category=565&device=2062&locale=ko"
HELP_CENTRE = "https://cs.kakao.com/helps"
IANA_URL = "https://www.iana.org/time-zones"
K16_URLS = ("https://itshowke.com/?p=28537",
            "https://docs.channel.io/autotalk_guide/ko/articles/e7214b62-기본개념")
K18_URLS = ("https://yuris21.tistory.com/entry/카카오톡-2단계-해지하기", K7_URL, K11_URL)

_O, _S, _A, _B = Confidence.OFFICIAL, Confidence.STANDARD, Confidence.ARTICLE, Confidence.BLOG


def _facts(*facts: Fact) -> dict[str, Fact]:
    return {fact.id: fact for fact in facts}


#: KAKAO-FACTS.md, row by row (K13 holds two facts of different strength: the chat backup, from a blog,
#: and Talk Drawer Plus, from Kakao's help), then the article's items (ADVICE.md).
FACTS: Mapping[str, Fact] = _facts(
    Fact("K1", _O, (K1_URL,), "user protection measures: their triggers and effects; they usually lift by "
                              "themselves within several weeks"),
    Fact("K2", _O, (K2_URL,), "Kakao's system imposes and lifts user protection measures; they are not lifted "
                              "by hand; repeats can extend them"),
    Fact("K3", _O, (K3_URL,), "more than a set, unpublished number of messages triggers limits, whatever the "
                              "content"),
    Fact("K4", _O, (K4_URL,), "Talk Safety Pass needs a Kakao Certificate issued with a South Korean mobile "
                              "number; others most likely cannot use it"),
    Fact("K5", _O, (K5_URL,), "service restrictions are a separate sanction for policy violations; the route is "
                              "the in-app notice or customer service"),
    Fact("K6", _O, K6_URLS, "the account protective measure: leaked passwords and abnormal mass logins; Kakao "
                            "advises 2-step verification and country login restriction"),
    Fact("K7", _B, (K7_URL,), "country login restriction: main country automatic, a country added at the "
                              "extra-verification screen, at most 3, approval by KakaoTalk message or email code"),
    Fact("K8", _O, (K8_URL,), "2-step verification through KakaoTalk or the contact phone number; a backup email; "
                              "'1644'/'Kakao' filters block verification texts"),
    Fact("K9", _O, K9_URLS, "suspected compromise: new password used nowhere else, login history, 2-step "
                            "verification; deactivation for 7 days; report within 14 days"),
    Fact("K10", _O, (K10_URL,), "KakaoTalk for PC/Mac: a 4-digit security code without a Kakao Certificate; "
                                "never share it"),
    Fact("K11", _B, (K11_URL,), "the login history covers 90 days; current logins and other services can be "
                                "logged out"),
    Fact("K12", _B, (K12_URL,), "re-verification on a new device or changed device details deletes chats for "
                                "good; no codes abroad without roaming; too many requests block for 24 hours"),
    Fact("K13", _B, (K13_BLOG_URL,), "the chat backup: text only, restorable for 14 days, its password cannot be "
                                     "recovered"),
    Fact("K13-drawer", _O, (K13_DRAWER_URL,), "Talk Drawer Plus, Kakao's paid service, backs up chats and media "
                                              "(described on Kakao's Korean help)"),
    Fact("K14", _O, (HELP_CENTRE,), "the official help centre is cs.kakao.com/helps; kakao.com, its subdomains and "
                                    "kakaocorp.com are Kakao's"),
    Fact("K15", _S, (IANA_URL,), "Korea Standard Time is UTC+9 all year and the support centre works in it; its "
                                 "opening hours are in no source"),
    Fact("K16", _B, K16_URLS, "Talk Safety Pass is 톡안녕패스 and relaxes (완화하기) a long-term measure, which does "
                              "not always lift it at once"),
    Fact("K17", _A, (), "a VPN connection and airport or hotel Wi-Fi can themselves trigger fraud detection; no "
                        "source says only the VPN's exit country matters", modal=True),
    Fact("K18", _B, K18_URLS, "menu paths reported by blogs: 2-step verification, country login restriction, "
                              "login management"),
    # The article (ADVICE.md): no URL of its own; `modal` where it words the fact as a possibility.
    Fact("P1.1", _A, (), "many messages in a short time or the same content to many people look like spam",
         modal=True),
    Fact("P1.2", _A, (), "mass group invitations and promotional links can be judged spam even when unintended",
         modal=True),
    Fact("P1.3", _A, (), "message the people who need it, at a sensible frequency"),
    Fact("P1.4", _A, (), "re-read the terms of use and community guidelines regularly"),
    Fact("P2.1", _A, (), "turn on 2-step verification"),
    Fact("P2.2", _A, (), "a strong password: 8 or more characters, letters, digits and symbols mixed"),
    Fact("P2.3", _A, (), "no birthdays or simple words in the password"),
    Fact("P2.4", _A, (), "change the password regularly"),
    Fact("P2.5", _A, (), "do not reuse the password on other services"),
    Fact("P2.6", _A, (), "use a password manager"),
    Fact("P3.1", _A, (), "keep the registered email and phone number current"),
    Fact("P3.2", _A, (), "open the settings regularly and check the registered information"),
    Fact("P3.3", _A, (), "register a sub email address or a spare phone number"),
    Fact("P4.1", _A, (), "lift restrictions only through official support; no unofficial tools"),
    Fact("C1", _A, (), "symptoms: messages stay 'sending'; a restriction tends to last longer than a network "
                       "problem", modal=True),
    Fact("C2", _A, (), "read notices, note error codes, take screenshots; a closed pop-up may not come back",
         modal=True),
    Fact("C3", _A, (), "registered details may not update by themselves; stale ones delay identity checks",
         modal=True),
    Fact("T1", _A, (), "a short restriction often lifts by itself within hours to a day", modal=True),
    Fact("T2", _A, (), "a long restriction needs official support, ID documents or usage history; days to weeks"),
    Fact("T3", _A, (), "wording that likely signals a long restriction; keep notices and emails", modal=True),
    Fact("S1", _A, (), "in the app: gear icon > Kakao Customer Center / Help; update the app first"),
    Fact("S2", _A, (), "choose the inquiry about usage restrictions (or the closest category)"),
    Fact("S3", _A, (), "enter phone, name, birth date and email exactly as on the ID document", modal=True),
    Fact("S4", _A, (), "a review usually takes days to a week, longer on holidays", modal=True),
    Fact("S5", _A, (), "replies can land in the spam or promotions folder; keep the correspondence", modal=True),
    Fact("S6", _A, (HELP_CENTRE,), "the official help centre https://cs.kakao.com/helps; beware lookalike sites"),
    Fact("R1", _A, (), "read the official reply closely and fix what it points out before its deadline"),
    Fact("R2", _A, (), "ID photos whole and sharp, without glare, shadow or fingers; details current", modal=True),
    Fact("R3", _A, (), "re-apply carefully, with a checklist"),
    Fact("R4", _A, (), "what to have ready for a phone or email inquiry; check hours, days and languages first"),
    Fact("Q1", _A, (), "lifting usually takes days to a week; longer with incomplete documents or on holidays",
         modal=True),
    Fact("Q2", _A, (), "usable ID documents: driver's licence, passport, My Number card, residence card, Basic "
                       "Resident Register card", modal=True),
    Fact("Q3", _A, (), "repeated restrictions can last longer and even become permanent", modal=True),
    Fact("O1", _A, (), "an unusual country, public Wi-Fi, VPNs and long stays abroad can trigger detection",
         modal=True),
    Fact("O2", _A, (), "from abroad support may ask for a local contact, address, residence proof or visa",
         modal=True),
    Fact("O3", _A, (), "from abroad email is the smoother channel, with a subject such as 「利用制限解除について"
                       "(海外からの問い合わせ)」"),
)

#: Every URL that backs a fact: a finding may cite one of them only when it states that fact.
FACT_URLS: frozenset[str] = frozenset(url for fact in FACTS.values() for url in fact.sources)


@dataclass(frozen=True)
class Claim:
    """A sentence about Kakao and the facts it states; call it (with its parameters) for the message."""

    facts: tuple[str, ...]
    text: Msg

    def __call__(self, **params: Param) -> Msg:
        if not params:
            return self.text
        return Msg(self.text.domain, self.text.msgid, tuple(sorted(params.items())))

    @property
    def confidence(self) -> Confidence:
        """The confidence of its weakest fact."""
        return min((FACTS[fact].confidence for fact in self.facts), key=lambda c: c.rank)

    @property
    def hedged(self) -> bool:
        """True when a blog-only fact is among its facts: it must say "reportedly" in every language."""
        return self.confidence is Confidence.BLOG

    @property
    def modal(self) -> bool:
        """True when the article words one of its facts as a possibility: it keeps "often/may/can"."""
        return any(FACTS[fact].modal and FACTS[fact].confidence is Confidence.ARTICLE for fact in self.facts)

    @property
    def sources(self) -> tuple[str, ...]:
        """The URLs of its facts, each once, in the order of its facts."""
        return tuple(dict.fromkeys(url for fact in self.facts for url in FACTS[fact].sources))


_REGISTRY: dict[tuple[str, str], Claim] = {}


def claim(facts: str | tuple[str, ...], text: Msg) -> Claim:
    """Declare a claim: `text` states `facts` (ids of `FACTS`). A message is declared as a claim once."""
    ids = (facts,) if isinstance(facts, str) else tuple(facts)
    unknown = [fact for fact in ids if fact not in FACTS]
    if not ids or unknown:
        raise ValueError(f"a claim needs known fact ids, not {unknown or 'none'}: {text.msgid!r}")
    key = (text.domain, text.msgid)
    if key in _REGISTRY:
        raise ValueError(f"declared twice as a claim: {text.msgid!r}")
    made = Claim(ids, text)
    _REGISTRY[key] = made
    return made


def registered() -> tuple[Claim, ...]:
    """Every claim declared so far (import `kakaoaudit.core.claims` for the built-in ones)."""
    return tuple(_REGISTRY.values())


def claim_of(message: Msg) -> Claim | None:
    """The claim `message` states (itself, not its parameters), or None."""
    return _REGISTRY.get((message.domain, message.msgid))


def claims_in(messages: Iterable[Msg | None]) -> Iterator[Claim]:
    """The claims stated by `messages` and by the messages inside their parameters, in reading order."""
    for message in messages:
        if message is None:
            continue
        found = claim_of(message)
        if found is not None:
            yield found
        yield from claims_in(value for _name, value in message.params if isinstance(value, Msg))


def facts_in(messages: Iterable[Msg | None]) -> tuple[str, ...]:
    """The ids of the facts `messages` state, each once."""
    return tuple(dict.fromkeys(fact for found in claims_in(messages) for fact in found.facts))


def sources_in(messages: Iterable[Msg | None]) -> tuple[str, ...]:
    """The URLs backing what `messages` state, each once: what a finding made of them should cite."""
    return tuple(dict.fromkeys(url for found in claims_in(messages) for url in found.sources))
