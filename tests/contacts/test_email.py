"""parse_email / same_email: offline syntax checks, and the DNS path against a fake resolver."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, NamedTuple

import dns.exception
import dns.resolver
import pytest

from kakaoaudit.contacts.phone_email import EMAIL_PROBLEMS, MAX_EMAIL_INPUT, EmailInfo, parse_email, same_email


class Valid(NamedTuple):
    text: str
    normalized: str
    local: str
    domain: str
    ascii_domain: str
    smtputf8: bool


VALID = [
    Valid("taro@example.com", "taro@example.com", "taro", "example.com", "example.com", False),
    Valid(
        "Taro.Yamada@Example.COM",
        "Taro.Yamada@example.com",
        "Taro.Yamada",
        "example.com",
        "example.com",
        False,
    ),
    Valid("  taro@example.com \n", "taro@example.com", "taro", "example.com", "example.com", False),
    Valid(
        "taro+kakao@mail.example.co.jp",
        "taro+kakao@mail.example.co.jp",
        "taro+kakao",
        "mail.example.co.jp",
        "mail.example.co.jp",
        False,
    ),
    # internationalised domains (IDNA): ASCII local part, so no SMTPUTF8 needed
    Valid("taro@例え.jp", "taro@例え.jp", "taro", "例え.jp", "xn--r8jz45g.jp", False),
    Valid("user@한국.kr", "user@한국.kr", "user", "한국.kr", "xn--3e0b707e.kr", False),
    Valid("taro@xn--r8jz45g.jp", "taro@例え.jp", "taro", "例え.jp", "xn--r8jz45g.jp", False),
    Valid("taro@例え.JP", "taro@例え.jp", "taro", "例え.jp", "xn--r8jz45g.jp", False),
    # Unicode local parts
    Valid("山田@例え.jp", "山田@例え.jp", "山田", "例え.jp", "xn--r8jz45g.jp", True),
    Valid("사용자@example.kr", "사용자@example.kr", "사용자", "example.kr", "example.kr", True),
    Valid("e\u0301@example.com", "\u00e9@example.com", "\u00e9", "example.com", "example.com", True),  # NFC
    # email-validator checks the 64-octet local-part limit only in its strict mode
    Valid(
        "x" * 65 + "@example.com", "x" * 65 + "@example.com", "x" * 65, "example.com", "example.com", False
    ),
]


@pytest.mark.parametrize("case", VALID, ids=[c.text[:30] for c in VALID])
def test_valid_addresses(case: Valid) -> None:
    info = parse_email(case.text)
    assert info.valid and info.problem is None and info.problem_detail is None
    assert info.normalized == case.normalized
    assert info.local_part == case.local
    assert info.domain == case.domain
    assert info.ascii_domain == case.ascii_domain
    assert info.smtputf8 is case.smtputf8
    assert info.deliverable is None  # not checked


INVALID = [
    ("", "empty"),
    ("   \u3000", "empty"),
    ("garbage", "syntax"),
    ("@example.com", "syntax"),
    ("taro@", "syntax"),
    ('"john doe"@example.com', "syntax"),  # quoted local parts are refused
    ('"taro"@example.com', "syntax"),
    ("taro@example.com.", "syntax"),  # trailing dot in the domain
    ("taro.@example.com", "syntax"),
    ("taro..x@example.com", "syntax"),
    ("taro @example.com", "syntax"),  # inner space
    ("taro@exa mple.com", "syntax"),
    ("taro@@example.com", "syntax"),  # double @
    ("a@b@example.com", "syntax"),
    ("taro@localhost", "syntax"),
    ("taro@example.test", "syntax"),  # special-use domains
    ("taro@ex.invalid", "syntax"),
    ("taro@[192.0.2.1]", "syntax"),
    ("taro@exa_mple.com", "syntax"),
    ("<taro@example.com>", "syntax"),
    ("Taro <taro@example.com>", "syntax"),
    ("😀@😀", "syntax"),
    ("\x00@example.com", "syntax"),
    ("ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｃｏｍ", "full_width"),  # typed in full-width mode
    ("taro＠example.com", "full_width"),
    ("a@" + "b" * 250 + ".com", "too_long"),  # found by email-validator
    ("a@" + ("b" * 63 + ".") * 3 + "b" * 60 + ".com", "too_long"),
    ("x" * (MAX_EMAIL_INPUT + 1), "too_long"),  # our cap
]


@pytest.mark.parametrize(("text", "problem"), INVALID, ids=[t[:30] for t, _ in INVALID])
def test_invalid_addresses(text: str, problem: str) -> None:
    info = parse_email(text)
    assert not info.valid
    assert info.problem == problem
    assert info.problem in EMAIL_PROBLEMS
    assert info.normalized is None and info.local_part is None and info.domain is None
    assert info.smtputf8 is False
    if problem in ("syntax", "full_width"):
        assert info.problem_detail  # email-validator's English reason


@pytest.mark.parametrize(
    "text", ["x" * 100_000, "@" * 100_000, "a@" + "b" * 100_000 + ".com", "例" * 100_000]
)
def test_huge_input_is_fast_and_too_long(text: str) -> None:
    start = time.perf_counter()
    info = parse_email(text)
    assert time.perf_counter() - start < 0.05
    assert info.problem == "too_long"
    assert len(info.raw_normalized) <= MAX_EMAIL_INPUT


def test_raw_normalized_is_nfc_and_trimmed() -> None:
    assert parse_email("  e\u0301@example.com ").raw_normalized == "\u00e9@example.com"


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_email(None)  # type: ignore[arg-type]


def test_repr_does_not_show_the_address() -> None:
    info = parse_email("tanaka.taro@example.com")
    assert "tanaka" not in repr(info) and "example" not in repr(info)
    assert "ta***@ex*****.com" in repr(info)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Taro@Example.COM", "taro@example.com", True),  # local part compared case-insensitively too
        ("taro@例え.jp", "taro@xn--r8jz45g.jp", True),
        ("taro@例え.jp", "TARO@例え.JP", True),
        ("e\u0301@example.com", "\u00e9@example.com", True),
        (" taro@example.com", "taro@example.com ", True),
        ("t.aro@gmail.com", "taro@gmail.com", False),  # provider tricks are not undone
        ("taro+kakao@gmail.com", "taro@gmail.com", False),
        ("taro@example.com", "taro@example.co.jp", False),
        ("garbage", "GARBAGE", True),  # the same invalid text
        ("garbage", "taro@example.com", False),
        ("", "", False),
    ],
)
def test_same_email(a: str, b: str, same: bool) -> None:
    ea, eb = parse_email(a), parse_email(b)
    assert same_email(ea, eb) is same
    assert same_email(eb, ea) is same


# ---- DNS, against a fake resolver (the network is blocked in this directory) -------------------


class FakeResolver:
    def __init__(self, answer: Callable[[str, str], Any]) -> None:
        self.answer = answer
        self.lifetime: float | None = None
        self.queries: list[tuple[str, str]] = []

    def resolve(self, name: str, rdtype: str) -> Any:
        self.queries.append((name, rdtype))
        return self.answer(name, rdtype)


def _install(monkeypatch: pytest.MonkeyPatch, answer: Callable[[str, str], Any]) -> FakeResolver:
    import email_validator

    fake = FakeResolver(answer)
    monkeypatch.setattr(email_validator, "caching_resolver", lambda *a, **k: fake)
    return fake


def _mx(name: str, rdtype: str) -> Any:
    if rdtype == "MX":
        return [SimpleNamespace(preference=10, exchange="mx.example.com.")]
    raise AssertionError(rdtype)


def _raise(exc: BaseException) -> Callable[[str, str], Any]:
    def answer(name: str, rdtype: str) -> Any:
        raise exc

    return answer


def test_dns_deliverable(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _install(monkeypatch, _mx)
    info = parse_email("taro@例え.jp", check_dns=True, dns_timeout=2.5)
    assert info.valid and info.deliverable is True and info.problem is None
    assert fake.queries == [("xn--r8jz45g.jp", "MX")]  # the IDNA form goes to DNS
    assert fake.lifetime == 2.5


def test_dns_not_asked_without_check_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _install(monkeypatch, _mx)
    assert parse_email("taro@example.com").deliverable is None
    assert fake.queries == []


def test_dns_not_asked_for_bad_syntax(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _install(monkeypatch, _mx)
    assert parse_email("taro@@example.com", check_dns=True).problem == "syntax"
    assert fake.queries == []


def test_dns_nxdomain_is_undeliverable(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, _raise(dns.resolver.NXDOMAIN()))  # type: ignore[no-untyped-call]
    info = parse_email("taro@no-such-domain.example", check_dns=True)
    assert not info.valid and info.problem == "undeliverable" and info.deliverable is False
    assert info.normalized == "taro@no-such-domain.example"  # the syntax was fine
    assert info.problem_detail is not None and "does not exist" in info.problem_detail


def test_dns_null_mx_is_undeliverable(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, lambda name, rdtype: [SimpleNamespace(preference=0, exchange=".")])
    info = parse_email("taro@example.com", check_dns=True)
    assert info.problem == "undeliverable" and info.deliverable is False


@pytest.mark.parametrize(
    "exc",
    [dns.exception.Timeout(), dns.resolver.NoNameservers(), RuntimeError("boom"), OSError("offline")],  # type: ignore[no-untyped-call]
    ids=["timeout", "no-nameservers", "unexpected", "oserror"],
)
def test_dns_failure_is_could_not_check(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    _install(monkeypatch, _raise(exc))
    info = parse_email("taro@example.com", check_dns=True)
    assert info.valid and info.problem is None
    assert info.deliverable is None  # "could not check", never "undeliverable"
    assert info.problem_detail  # why it could not be checked


def test_dns_without_resolver_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    import email_validator

    def no_config(*args: Any, **kwargs: Any) -> Any:
        raise dns.resolver.NoResolverConfiguration("no /etc/resolv.conf")  # type: ignore[no-untyped-call]

    monkeypatch.setattr(email_validator, "caching_resolver", no_config)
    info = parse_email("taro@example.com", check_dns=True)
    assert info.valid and info.deliverable is None


def test_dns_with_the_real_resolver_and_no_network(network_attempts: list[Any]) -> None:
    start = time.perf_counter()
    info = parse_email("taro@example.com", check_dns=True, dns_timeout=1.0)
    assert time.perf_counter() - start < 5
    assert info.valid and info.deliverable is None and info.problem is None


def test_dns_does_not_change_dnspython_default_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, _mx)
    seen: list[EmailInfo] = []
    before = getattr(dns.resolver, "default_resolver", None)
    lifetime = getattr(before, "lifetime", None)
    seen.append(parse_email("taro@example.com", check_dns=True, dns_timeout=0.5))
    after = getattr(dns.resolver, "default_resolver", None)
    assert after is before and getattr(after, "lifetime", None) == lifetime
    assert seen[0].deliverable is True
