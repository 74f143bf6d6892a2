"""Is this address Kakao's? A pure classifier for `kakaoaudit check-url` and the recovery checks.

Kakao's own domains are kakao.com with its subdomains and kakaocorp.com (KAKAO-FACTS K14); the
official help centre is https://cs.kakao.com/helps (ADVICE S6). Any other host is "not on the list
of official domains" — never called fake — and one that imitates kakao.com is a lookalike:

* a spelling close to it (Damerau-Levenshtein distance 1 to "kakao", 2 to "kakaocorp"): kakoa.com;
* Kakao's name with words added: kakao-help.com, mykakao.net;
* Kakao's name under another ending: kakao.net, kakao.co.jp;
* Kakao's name in front of another site: cs.kakao.com.example.net;
* letters of other alphabets or digits that look like Latin letters (homoglyphs), including in
  punycode (xn--) form: kаkao.com with a Cyrillic "а", kaka0.com;
* Kakao's name before an "@" (which browsers treat as a user name) or after the real host.

The address is read the way a browser reads it (WHATWG URL): "\\" ends the host like "/", tabs and
newlines vanish, the host is percent-decoded and mapped with UTS 46 (full-width letters, "。",
invisible characters), so "ｋａｋａｏ．ｃｏｍ" is kakao.com, where the browser would really go.
IDNA work uses the `idna` package, which email-validator (a runtime dependency) installs.

Only http and https addresses are checked; anything else (javascript:, data:, mailto:, ftp:) is
"invalid". Nothing here opens a connection or resolves a name: it only reads the text.
"""

from __future__ import annotations

import enum
import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote_to_bytes

from kakaoaudit.core.i18n import Msg, translator

_ = translator("kakaoaudit.urlcheck")

#: Kakao's own registrable domains (KAKAO-FACTS K14); their subdomains are official too.
OFFICIAL_DOMAINS: Final = ("kakao.com", "kakaocorp.com")
#: The official help centre (ADVICE S6).
HELP_CENTRE: Final = "https://cs.kakao.com/helps"
#: Longest address checked; longer input is "invalid" (a pasted document, not an address).
MAX_URL_LENGTH: Final = 8192

_BRANDS: Final = (("kakaocorp", "kakaocorp.com", 2), ("kakao", "kakao.com", 1))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", re.DOTALL)
_ASCII_LABEL = re.compile(r"^[a-z0-9_-]{1,63}$")
#: An official host name inside a path segment: evil.example/cs.kakao.com/helps.
_OFFICIAL_HOST_IN_TEXT = re.compile(r"(?:^|[.@])kakao(?:corp)?\.com(?:$|[.:/])")
_FORBIDDEN_IN_HOST = frozenset(" #%/:<>?@[\\]^|\"'`{}")
#: Second-level labels under a two-letter country ending that belong to the suffix (kakao.co.jp).
_SECOND_LEVEL: Final = frozenset({"co", "com", "ne", "net", "or", "org", "go", "gov", "ac", "edu", "ed", "lg", "gr"})

#: Characters of other scripts (and digits) that pass for the Latin letters of "kakaocorp" and of
#: common words around it. NFKC and the removal of accents fold the rest (ｋ, ķ, ⓚ).
_CONFUSABLES: Final = {
    # Cyrillic, Greek, Armenian and Latin variants
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k", "ԟ": "k", "қ": "k",
    "ҝ": "k", "ӄ": "k", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "ɡ": "g", "ο": "o", "α": "a", "κ": "k", "ε": "e", "ι": "i", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ϲ": "c", "ɑ": "a", "ı": "i", "ȷ": "j", "ℓ": "l", "ĸ": "k", "ᴋ": "k", "ᴏ": "o", "ᴄ": "c",
    "ᴘ": "p", "օ": "o", "հ": "h", "ս": "u", "ɾ": "r", "ᴦ": "r", "г": "r",
    # Digits that read as letters
    "0": "o", "1": "l", "3": "e", "4": "a", "5": "s",
}


class Verdict(str, enum.Enum):
    """What the address is, from Kakao's point of view."""

    OFFICIAL = "official"
    """The host is kakao.com, a subdomain of it, or kakaocorp.com (or a subdomain)."""
    LOOKALIKE = "lookalike"
    """Not official, and made to look like kakao.com: a warning."""
    NOT_OFFICIAL = "not_official"
    """Not on the list of Kakao's official domains (which does not make it fake)."""
    INVALID = "invalid"
    """Not an http(s) address that can be read."""


#: The reason codes `UrlVerdict.reasons` can hold, by the verdict they come with.
REASONS: Final = {
    Verdict.OFFICIAL: ("official_domain", "not_https", "userinfo", "normalized_host", "no_scheme"),
    Verdict.LOOKALIKE: (
        "typo", "extra_words", "other_tld", "official_name_in_subdomain", "homoglyph", "punycode",
        "userinfo_disguise", "official_name_in_path",
    ),
    Verdict.NOT_OFFICIAL: ("not_listed", "ip_address"),
    Verdict.INVALID: ("empty", "too_long", "control_chars", "scheme", "no_host", "bad_host", "bad_port"),
}


@dataclass(frozen=True)
class UrlVerdict:
    """The classification of one address."""

    input: str
    """The text as given."""
    verdict: Verdict
    reasons: tuple[str, ...]
    """Machine codes (see `REASONS`); the first explains the verdict, the rest are remarks."""
    scheme: str | None = None
    """"http" or "https" (or the refused scheme of an invalid address)."""
    host: str | None = None
    """The host as a browser shows it (Unicode, lower case, no trailing dot)."""
    ascii_host: str | None = None
    """The host as it goes over the network (punycode "xn--" labels)."""
    domain: str | None = None
    """The official domain the host belongs to (official) or imitates (lookalike)."""

    @property
    def official(self) -> bool:
        return self.verdict is Verdict.OFFICIAL


@dataclass(frozen=True)
class _Parts:
    scheme: str
    userinfo: str | None
    host: str
    port: str | None
    path: str
    notes: tuple[str, ...]


class _Invalid(Exception):
    def __init__(self, reason: str, scheme: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.scheme = scheme


def classify(text: str) -> UrlVerdict:
    """Classify `text` (an address as pasted by a user); never raises for a `str`."""
    if not isinstance(text, str):
        raise TypeError(f"classify() takes a str, not {type(text).__name__}")
    try:
        parts = _split(text)
        ascii_host, unicode_host, host_notes = _host(parts.host)
    except _Invalid as invalid:
        return UrlVerdict(text, Verdict.INVALID, (invalid.reason,), scheme=invalid.scheme)
    notes = (*parts.notes, *host_notes)
    base = {"scheme": parts.scheme, "host": unicode_host, "ascii_host": ascii_host}
    if "ip_address" in notes:
        return UrlVerdict(text, Verdict.NOT_OFFICIAL, ("ip_address",), **base)
    official = _official_domain(ascii_host)
    if official is not None:
        remarks = [note for note in notes if note in REASONS[Verdict.OFFICIAL]]
        if parts.scheme != "https":
            remarks.insert(0, "not_https")
        if parts.userinfo is not None:
            remarks.append("userinfo")
        return UrlVerdict(text, Verdict.OFFICIAL, ("official_domain", *dict.fromkeys(remarks)), domain=official,
                          **base)
    reasons, imitated = _imitation(unicode_host, ascii_host, parts)
    if reasons:
        return UrlVerdict(text, Verdict.LOOKALIKE, reasons, domain=imitated, **base)
    return UrlVerdict(text, Verdict.NOT_OFFICIAL, ("not_listed",), **base)


# --------------------------------------------------------------------------------------------------
# Reading the address the way a browser does
# --------------------------------------------------------------------------------------------------

def _split(text: str) -> _Parts:
    if len(text) > MAX_URL_LENGTH:
        raise _Invalid("too_long")
    # WHATWG: leading and trailing C0 controls and spaces are stripped, tabs and newlines removed.
    cleaned = text.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15"
                         "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    cleaned = cleaned.replace("\t", "").replace("\n", "").replace("\r", "")
    if not cleaned:
        raise _Invalid("empty")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise _Invalid("control_chars")
    notes: list[str] = []
    match = _SCHEME.match(cleaned)
    if match and (match[1].lower() in ("http", "https") or "." not in match[1]):
        scheme, rest = match[1].lower(), match[2]
        if scheme not in ("http", "https"):
            raise _Invalid("scheme", scheme)
    else:
        # What people paste from a bookmark bar or a message: "cs.kakao.com/helps", "kakao.com:443".
        scheme, rest = "https", cleaned
        notes.append("no_scheme")
    rest = rest.lstrip("/\\")  # special schemes accept any number of slashes (either way)
    end = min((i for i in (rest.find(c) for c in "/\\?#") if i >= 0), default=len(rest))
    authority, after = rest[:end], rest[end:]
    path = re.split(r"[?#]", after, maxsplit=1)[0]
    userinfo = None
    if "@" in authority:
        userinfo, authority = authority.rsplit("@", 1)
    host, port = _host_and_port(authority)
    if not host:
        raise _Invalid("no_host", scheme)
    return _Parts(scheme, userinfo, host, port, path, tuple(notes))


def _host_and_port(authority: str) -> tuple[str, str | None]:
    if authority.startswith("["):
        close = authority.find("]")
        if close < 0:
            raise _Invalid("bad_host")
        host, tail = authority[: close + 1], authority[close + 1 :]
        if tail and not tail.startswith(":"):
            raise _Invalid("bad_host")
        port = tail[1:] if tail else None
    elif ":" in authority:
        host, port = authority.split(":", 1)
    else:
        host, port = authority, None
    if port and (not port.isascii() or not port.isdigit() or int(port) > 65535):
        raise _Invalid("bad_port")
    return host, port


def _host(raw: str) -> tuple[str, str, tuple[str, ...]]:
    """(ASCII host, Unicode host, notes) or `_Invalid`."""
    notes: list[str] = []
    if raw.startswith("["):
        try:
            ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise _Invalid("bad_host") from None
        return raw.lower(), raw.lower(), ("ip_address",)
    host = raw
    if "%" in host:
        try:
            host = unquote_to_bytes(host).decode("utf-8")
        except UnicodeDecodeError:
            raise _Invalid("bad_host") from None
        notes.append("normalized_host")
    mapped = _uts46(host)
    if mapped != host.lower() and "normalized_host" not in notes:
        notes.append("normalized_host")
    if any(ch in _FORBIDDEN_IN_HOST or unicodedata.category(ch) in ("Cc", "Zs") for ch in mapped):
        raise _Invalid("bad_host")
    if mapped.endswith("."):
        mapped = mapped[:-1]
    labels = mapped.split(".")
    if not mapped or any(not label for label in labels):
        raise _Invalid("bad_host")
    if _ends_in_number(labels[-1]):
        if not _ipv4(labels):
            raise _Invalid("bad_host")
        return mapped, mapped, ("ip_address",)
    ascii_labels, unicode_labels = zip(*(_label(label) for label in labels), strict=True)
    ascii_host = ".".join(ascii_labels)
    if len(ascii_host) > 253:
        raise _Invalid("bad_host")
    return ascii_host, ".".join(unicode_labels), tuple(notes)


def _uts46(host: str) -> str:
    import idna  # noqa: PLC0415 - only when an address is checked

    try:
        mapped: str = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError, ValueError):
        raise _Invalid("bad_host") from None
    return mapped


def _label(label: str) -> tuple[str, str]:
    """(A-label, U-label) of one label, validated."""
    import idna  # noqa: PLC0415

    if label.isascii():
        if not _ASCII_LABEL.match(label):
            raise _Invalid("bad_host")
        if not label.startswith("xn--"):
            return label, label
        try:
            return label, str(idna.ulabel(label))
        except (idna.IDNAError, UnicodeError, ValueError):
            raise _Invalid("bad_host") from None
    try:
        a_label = idna.alabel(label).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        # IDNA 2008 is stricter than the UTS 46 processing browsers apply (symbols, some scripts):
        # the browser still goes there, so read the label rather than refuse it.
        a_label = "xn--" + label.encode("punycode").decode("ascii")
    if len(a_label) > 63:
        raise _Invalid("bad_host")
    return a_label, label


def _ends_in_number(label: str) -> bool:
    return label.isascii() and (label.isdigit() or bool(re.fullmatch(r"0x[0-9a-f]*", label)))


def _ipv4(labels: list[str]) -> bool:
    """WHATWG's IPv4 forms: 1 to 4 parts, each decimal, octal (0...) or hexadecimal (0x...)."""
    if len(labels) > 4:
        return False
    for label in labels:
        if not label.isascii():
            return False
        try:
            if label.startswith("0x"):
                int(label[2:] or "0", 16)
            elif len(label) > 1 and label.startswith("0"):
                int(label[1:], 8)
            else:
                int(label, 10)
        except ValueError:
            return False
    return True


def _official_domain(ascii_host: str) -> str | None:
    for domain in OFFICIAL_DOMAINS:
        if ascii_host == domain or ascii_host.endswith("." + domain):
            return domain
    return None


# --------------------------------------------------------------------------------------------------
# Lookalikes
# --------------------------------------------------------------------------------------------------

def skeleton(text: str) -> str:
    """`text` with look-alike characters folded to the Latin letters they pass for (lower case)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = "".join(_CONFUSABLES.get(ch, ch) for ch in folded)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): edits, including swaps of neighbours."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def _imitates(label: str) -> tuple[str, str] | None:
    """(how, official domain) when one label plays on Kakao's name: "exact", "homoglyph", "contains",
    "typo"; None otherwise. The longer name is tried first (kakaocrop imitates kakaocorp, not kakao)."""
    folded = skeleton(label)
    joined = folded.replace("-", "").replace("_", "")
    words = [word for word in re.split(r"[-_]", folded) if word] + [joined]
    (long_brand, long_domain, long_max), (short_brand, short_domain, short_max) = _BRANDS
    return (
        _contained(label, joined, long_brand, long_domain)
        or _typo(words, long_brand, long_domain, 1)
        or _contained(label, joined, short_brand, short_domain)
        or _typo(words, long_brand, long_domain, long_max)
        or _typo(words, short_brand, short_domain, short_max)
    )


def _contained(label: str, joined: str, brand: str, domain: str) -> tuple[str, str] | None:
    if brand not in joined:
        return None
    if brand in label:
        return ("exact" if label == brand else "contains"), domain
    if brand in label.replace("-", "").replace("_", ""):
        return "typo", domain  # kakao-corp, ka_kao: only a separator added
    return "homoglyph", domain


def _typo(words: list[str], brand: str, domain: str, max_distance: int) -> tuple[str, str] | None:
    if any(len(word) >= 4 and distance(word, brand) <= max_distance for word in words):
        return "typo", domain
    return None


def _suffix_length(labels: list[str]) -> int:
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return 2
    return 1 if len(labels) >= 2 else 0


def _imitation(unicode_host: str, ascii_host: str, parts: _Parts) -> tuple[tuple[str, ...], str | None]:
    labels = unicode_host.split(".")
    site = len(labels) - _suffix_length(labels) - 1  # the label people read as the site's name
    suffix = ".".join(labels[site + 1 :])
    reasons: list[str] = []
    imitated: str | None = None
    for index, label in enumerate(labels[: site + 1]):
        found = _imitates(label)
        if found is None:
            continue
        how, domain = found
        imitated = imitated or domain
        if index < site:
            reasons.append("official_name_in_subdomain")
        elif how == "homoglyph":
            reasons.append("homoglyph")
            if suffix != "com":
                reasons.append("other_tld")
        elif how == "exact":
            reasons.append("other_tld")
        elif how == "contains":
            reasons.append("extra_words")
        else:
            reasons.append("typo")
    if parts.userinfo is not None and _imitates_anywhere(parts.userinfo):
        reasons.append("userinfo_disguise")
        imitated = imitated or "kakao.com"
    first_segment = next((s for s in re.split(r"[/\\]", parts.path) if s), "")
    if _OFFICIAL_HOST_IN_TEXT.search(skeleton(unquote_to_bytes(first_segment).decode("utf-8", "replace"))):
        reasons.append("official_name_in_path")
        imitated = imitated or "kakao.com"
    if reasons and "xn--" in ascii_host:
        reasons.append("punycode")
    return tuple(dict.fromkeys(reasons)), imitated


def _imitates_anywhere(text: str) -> bool:
    """Whether a user name or a path segment carries Kakao's name (kakao.com@evil.example)."""
    folded = skeleton(unquote_to_bytes(text).decode("utf-8", "replace"))
    return any(_imitates(part) is not None for part in re.split(r"[.:/\\@]", folded) if part)


# --------------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------------

VERDICT_LABELS: Final = {
    Verdict.OFFICIAL: _("official"),
    Verdict.LOOKALIKE: _("lookalike"),
    Verdict.NOT_OFFICIAL: _("not on the official list"),
    Verdict.INVALID: _("not a web address"),
}

_REASON_TEXTS: Final = {
    "typo": _("its name is spelled almost like Kakao's"),
    "extra_words": _("it is Kakao's name with words added"),
    "other_tld": _("it is Kakao's name with another ending than kakao.com"),
    "official_name_in_subdomain": _("Kakao's name is put in front of another site's address"),
    "homoglyph": _("it uses letters from other alphabets, or digits, that look like Kakao's name"),
    "punycode": _("it is an internationalised (xn--) address that displays as Kakao's name"),
    "userinfo_disguise": _("Kakao's name stands before an '@', and browsers ignore everything before the '@'"),
    "official_name_in_path": _("Kakao's address is put after the real site's address"),
    "not_https": _("It starts with http:// instead of https://, so the connection is not encrypted: use https://."),
    "userinfo": _("It contains a name before an '@'; Kakao's own links do not, so type the address yourself."),
    "normalized_host": _("It is written with unusual characters (full-width, invisible or encoded), which "
                         "browsers turn into this address."),
    "empty": _("it is empty"),
    "too_long": _("it is too long to be a web address"),
    "control_chars": _("it contains control characters"),
    "no_host": _("it has no site name"),
    "bad_host": _("the site name contains characters or parts that are not allowed"),
    "bad_port": _("the number after ':' (the port) is not valid"),
    "ip_address": _("it is a numeric IP address instead of a name"),
}


def reason_text(reason: str) -> Msg:
    """The explanation of one reason code (see `REASONS`)."""
    return _REASON_TEXTS.get(reason) or _("{reason}", reason=reason)


def explain(result: UrlVerdict) -> Msg:
    """What we found about the address and what to do, in one or two sentences."""
    if result.verdict is Verdict.INVALID:
        if result.reasons == ("scheme",):
            return _("It starts with '{scheme}:', not http:// or https://, so it is not a web page address. "
                     "Do not open it.", scheme=result.scheme or "")
        return _("This cannot be read as a web address: {why}.", why=reason_text(result.reasons[0]))
    host = _shown_host(result)
    if result.verdict is Verdict.OFFICIAL:
        message = _("{host} belongs to Kakao's official domain {domain}.", host=host, domain=result.domain or "")
        for remark in result.reasons[1:]:
            if remark != "no_scheme":
                message = _("{message} {remark}", message=message, remark=reason_text(remark))
        return message
    if result.verdict is Verdict.LOOKALIKE:
        why = _list(reason_text(reason) for reason in result.reasons)
        return _("{host} is not one of Kakao's official domains but imitates {domain}: {why}. Do not enter your "
                 "Kakao account details, codes or ID documents there; Kakao's help centre is {help}.",
                 host=host, domain=result.domain or "kakao.com", why=why, help=HELP_CENTRE)
    if result.reasons == ("ip_address",):
        return _("{host} is not on the list of Kakao's official domains: {why}. Kakao's help centre is {help}.",
                 host=host, why=reason_text("ip_address"), help=HELP_CENTRE)
    return _("{host} is not on the list of Kakao's official domains (kakao.com and its subdomains, "
             "kakaocorp.com). Kakao's help centre is {help}.", host=host, help=HELP_CENTRE)


def _shown_host(result: UrlVerdict) -> str:
    if result.host and result.ascii_host and result.host != result.ascii_host:
        return f"{result.host} ({result.ascii_host})"
    return result.host or ""


def _list(messages: Iterable[Msg]) -> Msg:
    items = list(messages)
    combined = items[0]
    for item in items[1:]:
        combined = _("{first}; {second}", first=combined, second=item)
    return combined


def shown_input(text: str, limit: int = 200) -> str:
    """`text` safe to print on a terminal: control and invisible format characters escaped, capped."""
    shown = "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else f"\\u{ord(ch):04x}" for ch in text
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
