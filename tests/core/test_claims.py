"""Every sentence about Kakao is a claim tied to its facts, worded at their strength, in every language.

The rules (kakaoaudit.core.facts, docs/plugins.md):

* a message that names Kakao's behaviour (restrictions and who lifts them, menu paths, support, codes,
  countries, Talk Safety Pass, backups, the login history, hours...) is a declared claim, with fact ids;
* a claim resting on a blog-only fact says "reportedly" (「とされています」, 「~라고 알려져 있습니다」) in
  en, ja and ko, and no other message uses those hedges, so a hedge can neither go missing nor be faked;
* a claim of an article fact that the article words as a possibility keeps "often/may/can" in all three;
* each claim is declared once.

A finding's references are held to what it states in tests/scoring/test_truth_properties.py.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from kakaoaudit.core import claims
from kakaoaudit.core.facts import FACTS, Confidence, Fact, claim, claim_of, claims_in, facts_in, registered, sources_in
from kakaoaudit.core.i18n import Msg, gettext_for, translator

pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parents[2]

#: What names Kakao's behaviour, in the English source of a message. Broad on purpose: a new sentence about
#: Kakao has to become a claim (or be reworded) before the suite passes.
BEHAVIOUR = re.compile(
    r"[\w)…] > [\w(]"  # a menu path
    r"|\breportedly\b|\baccording to\b"
    r"|\bKakao(?:'s)? (?:says|said|advises?|recommends?|lists|names|notes|does not|cannot|can|may|will|sends|asks|"
    r"limits|restricts|lifts|extends|publishes|imposes|counts|blocks|requires|needs|deletes|protects|treats|lets|"
    r"describes)\b"
    r"|\b(?:customer service|Customer Center|support)\b(?!-)[^.]*"
    r"\b(?:can|cannot|may|will|works?|answers|lifts?|hours?)\b"
    r"|\bTalk Safety Pass (?:is|needs|relaxes|should|would|will|works|lets|can)\b|\bKakao Certificate\b"
    r"|\blogin history\b[^.]*\b(?:shows|covers|keeps)\b"
    r"|\blift(?:s|ed|ing)?\b"
    r"|\bservice restriction\b"
    r"|\b\d{1,2}:\d{2} ?[-–〜~] ?\d{1,2}:\d{2}\b|\bsupport hours\b|\bopening hours\b"
    r"|\b(?:do|does|did|will|would) not arrive\b|\bnever arrive\b"
    r"|\b(?:24 hours|14 days|90 days|7 days|several weeks)\b|\bat most \d+ countries\b"
    r"|\btriggers?\b|\bdetection\b|\bre-?verif",
    re.IGNORECASE,
)

#: Messages that match but say nothing about how Kakao behaves, each with why (keep this short).
NOT_ABOUT_KAKAO: dict[str, str] = {
    "kakaoaudit is not affiliated with Kakao Corp. It never logs in to or contacts Kakao, and it cannot lift a "
    "restriction.": "about kakaoaudit; who lifts one follows as the claim WHO_LIFTS",
    "My KakaoTalk account has been restricted and I cannot use it normally. Please check the restriction and tell me "
    "how to have it lifted.": "the user's own request, in the draft to support",
    "Waited for it to lift by itself": "what the user tried (a choice of the support kit)",
    "iPhone: Settings > General > About. Android: Settings > About phone.": "the phone's menus, not Kakao's",
}

_FIELD = re.compile(r"\{[^{}]*\}")

HEDGES = {"en": re.compile(r"\breportedly\b", re.IGNORECASE), "ja": re.compile("とされ"), "ko": re.compile("알려져")}
MODALS = {
    "en": re.compile(r"\b(?:can|may|might|often|usually|usual|likely|tends?|most|typically|sometimes)\b",
                     re.IGNORECASE),
    "ja": re.compile("ことがあ|場合があ|ことも|可能性|ほとんど|多い|通常|傾向|かもしれ|ことが多|一般|目安|ある"),
    "ko": re.compile("수 있|경우가|경우도|대부분|가능성|보통|흔히|경향|일반적|많습니다"),
}


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kakaoaudit_i18n_tool_claims", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def messages() -> dict[str, dict[str, list[tuple[str, int]]]]:
    """domain -> msgid -> where, for every message of kakaoaudit and its built-in checks."""
    return dict(load_tool().extracted())


@cache
def declared() -> frozenset[tuple[str, str]]:
    """(domain, msgid) of every claim, once every module that declares some is imported."""
    from kakaoaudit.core.registry import discover  # the built-in checks
    from kakaoaudit.triage import assess, support_kit  # noqa: F401 - they state claims too

    discover()
    return frozenset((c.text.domain, c.text.msgid) for c in registered())


def translated(domain: str, msgid: str, lang: str) -> str:
    return gettext_for(domain, lang).gettext(msgid)


def test_every_message_that_names_kakaos_behaviour_is_a_claim() -> None:
    loose = []
    for domain, found in messages().items():
        for msgid, where in found.items():
            if (domain, msgid) in declared() or msgid in NOT_ABOUT_KAKAO:
                continue
            match = BEHAVIOUR.search(_FIELD.sub("", msgid))
            if match:
                loose.append(f"{where[0][0]}:{where[0][1]}: {match.group(0)!r} in {msgid!r}")
    assert not loose, ("These messages name Kakao's behaviour without being a claim of kakaoaudit.core.claims "
                       "(state it there, with its fact ids, and use it):\n" + "\n".join(loose))


def test_the_allow_list_holds_only_messages_that_exist() -> None:
    every = {msgid for found in messages().values() for msgid in found}
    assert set(NOT_ABOUT_KAKAO) <= every


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_a_blog_only_fact_is_hedged_and_only_a_blog_only_fact(lang: str) -> None:
    wrong = []
    for found in registered():
        text = translated(found.text.domain, found.text.msgid, lang)
        hedged = bool(HEDGES[lang].search(text))
        if found.hedged and not hedged:
            wrong.append(f"{found.facts} (blog only) unhedged: {text!r}")
        if not found.hedged and hedged:
            wrong.append(f"{found.facts} ({found.confidence.value}) hedged as if from a blog: {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_the_articles_may_stays_may(lang: str) -> None:
    firm = [f"{found.facts}: {translated(found.text.domain, found.text.msgid, lang)!r}"
            for found in registered()
            if found.modal and not MODALS[lang].search(translated(found.text.domain, found.text.msgid, lang))]
    assert not firm, "The article words these as a possibility; the claim must too:\n" + "\n".join(firm)


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_no_other_message_hedges(lang: str) -> None:
    """A hedge outside a claim would pass a blog-only fact off as checked, or hedge something unsourced."""
    faked = []
    for domain, found in messages().items():
        for msgid in found:
            if (domain, msgid) in declared():
                continue
            if HEDGES[lang].search(translated(domain, msgid, lang)):
                faked.append(f"{domain}: {msgid!r}")
    assert not faked, "\n".join(faked)


def test_each_claim_is_declared_once_and_its_facts_exist() -> None:
    for found in registered():
        assert found.facts and all(fact in FACTS for fact in found.facts)
        where = messages().get(found.text.domain, {}).get(found.text.msgid, [])
        assert len(where) == 1, f"{found.text.msgid!r} appears {len(where)} times: declare it once, use it by name"


def test_the_claims_module_holds_only_claims() -> None:
    stray = [msgid for msgid in messages()["kakaoaudit.claims"] if ("kakaoaudit.claims", msgid) not in declared()]
    assert not stray


def test_no_source_gives_support_hours() -> None:
    """KAKAO-FACTS K15: the opening hours are in no source; every output says to check them instead."""
    window = re.compile(r"\b\d{1,2}:\d{2} ?[-–〜~] ?\d{1,2}:\d{2}"
                        r"|\d{1,2}時 ?[-–〜~] ?\d{1,2}時|\d{1,2}시 ?[-~] ?\d{1,2}시")
    for domain, found in messages().items():
        for msgid in found:
            for lang in ("en", "ja", "ko"):
                assert not window.search(translated(domain, msgid, lang)), (domain, msgid, lang)
    assert "hours, days and languages" in claims.HOURS_UNKNOWN.text.msgid


# ------------------------------------------------------------------------------------------ the machinery


def test_a_claims_confidence_is_its_weakest_facts() -> None:
    assert claims.COUNTRY_APPROVAL.confidence is Confidence.BLOG and claims.COUNTRY_APPROVAL.hedged
    assert claims.PROTECTION_LIFTS.confidence is Confidence.OFFICIAL and not claims.PROTECTION_LIFTS.hedged
    assert claims.WHO_LIFTS.confidence is Confidence.ARTICLE and claims.WHO_LIFTS.modal
    assert claims.PROTECTION_LIFTS.sources == (FACTS["K1"].sources[0], FACTS["K2"].sources[0])


def test_claims_are_read_back_out_of_nested_messages() -> None:
    _ = translator("kakaoaudit.test_claims")
    nested = _("{a} and {b}", a=claims.COUNTRY_LIMIT(limit=3), b=_("plain {c}", c=claims.HELP_CENTRE()))
    assert [found for found in claims_in([nested, None])] == [claims.COUNTRY_LIMIT, claims.HELP_CENTRE]
    assert facts_in([nested]) == ("K7", "K14", "S6")
    assert sources_in([nested]) == (FACTS["K7"].sources[0], FACTS["K14"].sources[0])
    assert claim_of(claims.COUNTRY_LIMIT(limit=3)) is claims.COUNTRY_LIMIT
    assert claim_of(_("plain {c}", c="x")) is None


def test_a_claim_needs_known_facts_and_is_declared_once() -> None:
    _ = translator("kakaoaudit.test_claims")
    with pytest.raises(ValueError, match="known fact ids"):
        claim("K99", _("Kakao does something nobody wrote down."))
    with pytest.raises(ValueError, match="known fact ids"):
        claim((), _("Kakao does something without a source."))
    with pytest.raises(ValueError, match="declared twice"):
        claim("K14", claims.HELP_CENTRE.text)


def test_every_kakao_facts_row_is_in_the_table() -> None:
    ids = {f"K{n}" for n in range(1, 19)}
    assert ids <= set(FACTS)
    assert all(isinstance(fact, Fact) and fact.sources for fact in FACTS.values() if fact.id.startswith("K")
               and fact.confidence is not Confidence.ARTICLE)
    assert all(FACTS[fact].confidence is Confidence.BLOG for fact in ("K7", "K11", "K12", "K13", "K16", "K18"))


def test_the_detector_catches_what_the_review_found() -> None:
    """The sentences the truth review flagged would each fail the first test of this file."""
    for sentence in (
        "Kakao support works 09:00-18:00 Korea time (KST).",
        "Only the VPN's location matters for Kakao; Kakao does not lift measures by hand.",
        "Turn it on: KakaoTalk > Settings > Kakao Account > Account security > 2-step verification.",
        "A login from a country that is not allowed can be approved with an email code, reportedly.",
        "Talk Safety Pass should be open to you.",
        "Codes do not arrive abroad without roaming.",
        "Customer service cannot lift it.",
        "The login history shows only the last 90 days.",
    ):
        assert BEHAVIOUR.search(sentence), sentence
    for sentence in ("Your password is easy to guess (strength 1 of 4)", "Turn on 2-step verification.",
                     "Change it in the Kakao Account settings."):
        assert not BEHAVIOUR.search(sentence), sentence


def test_a_claim_renders_as_a_message() -> None:
    message = claims.COUNTRY_LIMIT(limit=3)
    assert isinstance(message, Msg)
    assert message.render("en") == "Reportedly, at most 3 countries can be allowed."
    assert "とされています" in message.render("ja")
    assert "알려져 있습니다" in message.render("ko")
