"""kakaoaudit.urls.classify: a corpus of addresses and what a browser would really open."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakaoaudit.urls import classify as urlcheck
from kakaoaudit.urls.classify import Verdict, classify, distance, skeleton

OFFICIAL, LOOKALIKE, NOT_OFFICIAL, INVALID = Verdict.OFFICIAL, Verdict.LOOKALIKE, Verdict.NOT_OFFICIAL, Verdict.INVALID

#: (address, verdict, reasons that must be present, official or imitated domain)
CORPUS: list[tuple[str, Verdict, tuple[str, ...], str | None]] = [
    # Official hosts and paths (K14)
    ("https://cs.kakao.com/helps", OFFICIAL, ("official_domain",), "kakao.com"),
    ("https://cs.kakao.com/helps?service=52&category=561&locale=en", OFFICIAL, (), "kakao.com"),
    ("https://kakao.com", OFFICIAL, (), "kakao.com"),
    ("https://kakao.com/talksafety/en/toolandguide/verify", OFFICIAL, (), "kakao.com"),
    ("https://accounts.kakao.com/login", OFFICIAL, (), "kakao.com"),
    ("https://a.b.c.kakao.com/", OFFICIAL, (), "kakao.com"),
    ("https://www.kakaocorp.com/page/", OFFICIAL, (), "kakaocorp.com"),
    ("https://kakaocorp.com", OFFICIAL, (), "kakaocorp.com"),
    ("HTTPS://CS.KAKAO.COM/HELPS", OFFICIAL, (), "kakao.com"),
    ("  https://cs.kakao.com/helps \n", OFFICIAL, (), "kakao.com"),
    ("https://kakao.com.", OFFICIAL, (), "kakao.com"),
    ("https://kakao.com:443/x", OFFICIAL, (), "kakao.com"),
    ("https:cs.kakao.com/helps", OFFICIAL, (), "kakao.com"),
    ("https:\\\\cs.kakao.com\\helps", OFFICIAL, (), "kakao.com"),
    ("cs.kakao.com/helps", OFFICIAL, ("no_scheme",), "kakao.com"),
    ("//cs.kakao.com/helps", OFFICIAL, ("no_scheme",), "kakao.com"),
    ("http://cs.kakao.com/helps", OFFICIAL, ("not_https",), "kakao.com"),
    ("https://user@cs.kakao.com/", OFFICIAL, ("userinfo",), "kakao.com"),
    ("https://kakao.com@cs.kakao.com/", OFFICIAL, ("userinfo",), "kakao.com"),
    ("https://kak\tao.com/", OFFICIAL, (), "kakao.com"),  # browsers drop tabs and newlines
    # Written unusually, but the browser lands on kakao.com (UTS 46 mapping, percent-decoding)
    ("https://ｋａｋａｏ．ｃｏｍ/", OFFICIAL, ("normalized_host",), "kakao.com"),
    ("https://cs。kakao。com/helps", OFFICIAL, ("normalized_host",), "kakao.com"),
    ("https://k\u200bakao.com/", OFFICIAL, ("normalized_host",), "kakao.com"),
    ("https://%6Bakao.com/", OFFICIAL, ("normalized_host",), "kakao.com"),
    ("https://kakao.com\\.evil.example/", OFFICIAL, (), "kakao.com"),  # "\" ends the host, like "/"
    # Lookalikes: typo distance
    ("https://kakoa.com", LOOKALIKE, ("typo",), "kakao.com"),
    ("https://kakaoo.com", LOOKALIKE, (), "kakao.com"),
    ("https://kkao.com", LOOKALIKE, ("typo",), "kakao.com"),
    ("https://kakao-corp.com", LOOKALIKE, ("typo",), "kakaocorp.com"),
    ("https://kakaocrop.com", LOOKALIKE, ("typo",), "kakaocorp.com"),
    ("https://ka_kao.com", LOOKALIKE, ("typo",), "kakao.com"),
    # Lookalikes: extra words
    ("https://kakao-help.com/unlock", LOOKALIKE, ("extra_words",), "kakao.com"),
    ("https://kakaohelp.net", LOOKALIKE, ("extra_words",), "kakao.com"),
    ("https://mykakao.jp", LOOKALIKE, ("extra_words",), "kakao.com"),
    ("https://kakaotalk-support.example", LOOKALIKE, ("extra_words",), "kakao.com"),
    ("https://kakaocorp-security.com", LOOKALIKE, ("extra_words",), "kakaocorp.com"),
    ("https://kakaocom.net", LOOKALIKE, ("extra_words",), "kakao.com"),
    # Lookalikes: other endings
    ("https://kakao.net", LOOKALIKE, ("other_tld",), "kakao.com"),
    ("https://cs.kakao.co.jp/helps", LOOKALIKE, ("other_tld",), "kakao.com"),
    ("https://www.kakao.co.kr", LOOKALIKE, ("other_tld",), "kakao.com"),
    ("https://kakaocorp.org", LOOKALIKE, ("other_tld",), "kakaocorp.com"),
    ("https://kakao.com.co", LOOKALIKE, (), "kakao.com"),
    # Lookalikes: Kakao's name in front of another site
    ("https://cs.kakao.com.evil.example/helps", LOOKALIKE, ("official_name_in_subdomain",), "kakao.com"),
    ("https://kakao-login.evil.example", LOOKALIKE, ("official_name_in_subdomain",), "kakao.com"),
    ("https://kakaocorp.com.evil.co.jp", LOOKALIKE, ("official_name_in_subdomain",), "kakaocorp.com"),
    # Lookalikes: homoglyphs and punycode
    ("https://kаkao.com", LOOKALIKE, ("homoglyph", "punycode"), "kakao.com"),  # Cyrillic а
    ("https://xn--kkao-53d.com/helps", LOOKALIKE, ("homoglyph", "punycode"), "kakao.com"),
    ("https://κakao.com", LOOKALIKE, ("homoglyph", "punycode"), "kakao.com"),  # Greek kappa
    ("https://kakaó.com", LOOKALIKE, ("homoglyph", "punycode"), "kakao.com"),
    ("https://kaka0.com", LOOKALIKE, ("homoglyph",), "kakao.com"),
    ("https://kakaoc0rp.com", LOOKALIKE, ("homoglyph",), "kakaocorp.com"),
    ("https://kаkao.net", LOOKALIKE, ("homoglyph", "other_tld", "punycode"), "kakao.com"),
    ("https://kakao♥.com", LOOKALIKE, ("extra_words", "punycode"), "kakao.com"),
    # Userinfo and path tricks
    ("https://kakao.com@evil.example/helps", LOOKALIKE, ("userinfo_disguise",), "kakao.com"),
    ("https://cs.kakao.com:helps@evil.example", LOOKALIKE, ("userinfo_disguise",), "kakao.com"),
    ("https://kakao.com%2Fhelps@evil.example", LOOKALIKE, ("userinfo_disguise",), "kakao.com"),
    ("kakao.com@evil.example", LOOKALIKE, ("userinfo_disguise",), "kakao.com"),
    ("https://evil.example/cs.kakao.com/helps", LOOKALIKE, ("official_name_in_path",), "kakao.com"),
    ("https://evil.example\\@kakao.com", LOOKALIKE, ("official_name_in_path",), "kakao.com"),
    # Not on the official list (which does not make them fake)
    ("https://example.com", NOT_OFFICIAL, ("not_listed",), None),
    ("https://daum.net", NOT_OFFICIAL, ("not_listed",), None),
    ("https://kakaku.com", NOT_OFFICIAL, ("not_listed",), None),
    ("https://cacao.com", NOT_OFFICIAL, ("not_listed",), None),
    ("https://someblog.example/kakaotalk-restriction/", NOT_OFFICIAL, ("not_listed",), None),
    ("https://www.google.com/search?q=kakao.com", NOT_OFFICIAL, ("not_listed",), None),
    ("https://user@example.com", NOT_OFFICIAL, ("not_listed",), None),
    ("https://ドメイン.テスト/", NOT_OFFICIAL, ("not_listed",), None),
    ("http://192.168.0.1/", NOT_OFFICIAL, ("ip_address",), None),
    ("http://3232235777/", NOT_OFFICIAL, ("ip_address",), None),
    ("http://0x7f.1/", NOT_OFFICIAL, ("ip_address",), None),
    ("https://[2001:db8::1]/helps", NOT_OFFICIAL, ("ip_address",), None),
    # Not web addresses
    ("javascript:alert(1)", INVALID, ("scheme",), None),
    ("JavaScript:location='https://cs.kakao.com'", INVALID, ("scheme",), None),
    ("data:text/html,<a href=https://cs.kakao.com>", INVALID, ("scheme",), None),
    ("mailto:help@kakao.com", INVALID, ("scheme",), None),
    ("ftp://kakao.com/", INVALID, ("scheme",), None),
    ("file:///etc/passwd", INVALID, ("scheme",), None),
    ("intent://kakao.com#Intent;end", INVALID, ("scheme",), None),
    ("", INVALID, ("empty",), None),
    ("   \t ", INVALID, ("empty",), None),
    ("https://", INVALID, ("no_host",), None),
    ("https:///", INVALID, ("no_host",), None),
    ("https://kakao.com:99999/", INVALID, ("bad_port",), None),
    ("https://kakao.com:http/", INVALID, ("bad_port",), None),
    ("https://kakao .com/", INVALID, ("bad_host",), None),
    ("https://kakao..com/", INVALID, ("bad_host",), None),
    ("https://kakao.com%40evil.example/", INVALID, ("bad_host",), None),
    ("https://xn--zz.com/", INVALID, ("bad_host",), None),
    ("https://[zz]/", INVALID, ("bad_host",), None),
    ("https://1.2.3.4.5/", INVALID, ("bad_host",), None),
    ("https://" + "a" * 64 + ".com/", INVALID, ("bad_host",), None),
    ("https://kak\x00ao.com/", INVALID, ("control_chars",), None),
    ("https://kakao.com/\x7f/helps", INVALID, ("control_chars",), None),
    ("https://\u202ekakao.com", INVALID, ("bad_host",), None),  # right-to-left override
    ("https://kakao.com/" + "a" * 9000, INVALID, ("too_long",), None),
]


@pytest.mark.parametrize(("address", "verdict", "reasons", "domain"), CORPUS, ids=[repr(c[0])[:60] for c in CORPUS])
def test_corpus(address: str, verdict: Verdict, reasons: tuple[str, ...], domain: str | None) -> None:
    result = classify(address)
    assert result.verdict is verdict, result
    assert set(reasons) <= set(result.reasons), result
    assert set(result.reasons) <= set(urlcheck.REASONS[verdict]), result
    if verdict in (OFFICIAL, LOOKALIKE):
        assert result.domain == domain, result
    else:
        assert result.domain is None
    assert result.official is (verdict is OFFICIAL)


@pytest.mark.parametrize(("address", "verdict", "_reasons", "_domain"), CORPUS, ids=[repr(c[0])[:60] for c in CORPUS])
def test_every_verdict_is_explained_in_each_language(address: str, verdict: Verdict, _reasons: object,
                                                     _domain: object) -> None:
    result = classify(address)
    english = urlcheck.explain(result).render("en")
    assert english and english != urlcheck.explain(result).render("ja")
    if verdict is LOOKALIKE:
        assert "Do not enter" in english and urlcheck.HELP_CENTRE in english
    if verdict is NOT_OFFICIAL:
        assert "not on the list" in english  # K14: never called fake
        assert "fake" not in english.lower()


def test_hosts_are_shown_in_both_forms_for_punycode() -> None:
    result = classify("https://xn--kkao-53d.com/")
    assert result.host == "kаkao.com" and result.ascii_host == "xn--kkao-53d.com"
    assert "xn--kkao-53d.com" in urlcheck.explain(result).render("en")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("kakao", "kakao", 0), ("kakoa", "kakao", 1), ("kkao", "kakao", 1), ("kakaoo", "kakao", 1),
     ("cacao", "kakao", 2), ("kakaku", "kakao", 2), ("", "kakao", 5), ("kakaocrop", "kakaocorp", 1)],
)
def test_damerau_levenshtein(a: str, b: str, expected: int) -> None:
    assert distance(a, b) == expected == distance(b, a)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("kаkао", "kakao"), ("ＫＡＫＡＯ", "kakao"), ("kakáo", "kakao"), ("ⓚakao", "kakao"), ("kaka0", "kakao"),
     ("κακαο", "kakao")],
)
def test_skeleton_folds_lookalike_characters(text: str, folded: str) -> None:
    assert skeleton(text) == folded


def test_shown_input_escapes_what_a_terminal_would_interpret() -> None:
    assert urlcheck.shown_input("https://kakao.com\u202e.evil\x1b[2J") == "https://kakao.com\\u202e.evil\\u001b[2J"
    assert len(urlcheck.shown_input("x" * 500)) == 200


def test_classify_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        classify(b"https://kakao.com")  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_never_raises_and_only_official_hosts_are_official(text: str) -> None:
    result = classify(text)
    assert result.reasons and result.reasons[0] in urlcheck.REASONS[result.verdict]
    if result.official:
        assert result.ascii_host is not None
        assert any(result.ascii_host == d or result.ascii_host.endswith("." + d) for d in urlcheck.OFFICIAL_DOMAINS)
    urlcheck.explain(result).render("ja")


@given(st.sampled_from(["https://", "http://", ""]), st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
       st.sampled_from(["com", "net", "co.jp", "example"]))
def test_a_host_is_official_only_under_an_official_domain(scheme: str, label: str, ending: str) -> None:
    result = classify(f"{scheme}{label}.{ending}/helps")
    assert not result.official or f"{label}.{ending}" in ("kakao.com", "kakaocorp.com")
    sub = classify(f"{scheme}{label}.kakao.com/helps")
    assert sub.official
