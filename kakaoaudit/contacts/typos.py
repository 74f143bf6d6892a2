"""A likely typo in an email address's domain: gmial.com, yahoo.co.jpp, naver.con.

The domain is compared with the mail domains most used in Japan, Korea and elsewhere with difflib
(the standard library's similarity ratio); a domain close to one of them but not equal is most likely
a slip of the keyboard. This is a hint at the prompt, never a verdict: an unusual domain is not wrong.
"""

from __future__ import annotations

import difflib
from typing import Final

#: Mail domains common among KakaoTalk's users (Japan, Korea and the large international ones).
COMMON_DOMAINS: Final = (
    "gmail.com", "googlemail.com", "yahoo.co.jp", "yahoo.com", "ymail.com", "yahoo.co.kr", "icloud.com", "me.com",
    "mac.com",
    "outlook.com", "outlook.jp", "hotmail.com", "hotmail.co.jp", "live.com", "live.jp", "msn.com", "aol.com",
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp", "rakuten.jp",
    "nifty.com", "biglobe.ne.jp", "ocn.ne.jp", "so-net.ne.jp",
    "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "korea.kr", "protonmail.com", "proton.me",
    # Real providers close to the ones above: never "corrected" into them.
    "mail.com", "gmx.com", "gmx.net", "web.de", "zoho.com", "yandex.com", "qq.com", "163.com", "126.com",
)
#: How similar a domain must be to count as a typo of a common one (gmial.com ~ gmail.com is 0.89).
CUTOFF: Final = 0.82


def likely_typo(domain: str | None) -> str | None:
    """The common mail domain that `domain` most likely misspells (``gmial.com`` -> ``gmail.com``); None when
    it is one of them, or close to none. Offline: it compares spellings only, and never says whether a domain
    takes mail (the check KA302 reports it; the prompt offers `suggest_address`)."""
    if not domain:
        return None
    folded = domain.strip().casefold().rstrip(".")
    if folded in COMMON_DOMAINS:
        return None
    close = difflib.get_close_matches(folded, COMMON_DOMAINS, n=1, cutoff=CUTOFF)
    return close[0] if close else None


def suggest_address(address: str) -> str | None:
    """`address` with its domain corrected to the common domain it most likely meant; None when the
    domain is a common one, or close to none."""
    local, at, domain = address.strip().rpartition("@")
    if not at or not local or not domain:
        return None
    corrected = likely_typo(domain)
    return f"{local}@{corrected}" if corrected else None
