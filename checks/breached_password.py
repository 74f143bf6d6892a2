"""KA201 Breached password: is the password in Pwned Passwords? (k-anonymity, online or offline)

The lookup comes from the Context (`ctx.breach`): kakaoaudit's own range client, a downloaded
copy of the list, or the demo's sample list (kakaoaudit.breach.sources). Only the first 5 hex
characters of the password's SHA-1 leave the machine; a lookup that did not complete is
"unknown", never "not found". ADVICE P2.5, P2.4; KAKAO-FACTS K6, K9.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kakaoaudit.api import (
    DEMO_PASSWORD,
    FACTS,
    BreachSource,
    Category,
    Check,
    Context,
    Finding,
    KakaoauditError,
    Msg,
    Severity,
    Status,
    translator,
)
from kakaoaudit.api import claims as kakao

_ = translator(__name__)

HIBP_API_URL = "https://haveibeenpwned.com/API/v3#PwnedPasswords"
K6_URL, K6_NEWS_URL = FACTS["K6"].sources
K9_URL = FACTS["K9"].sources[0]
NIST_URL = "https://pages.nist.gov/800-63-4/sp800-63b/authenticators/"

_STATUS = re.compile(r"HTTP (\d{3})")

_RETRY_ONLINE = _("Try again later, or allow more time with --timeout 30.")
_GO_OFFLINE = _("To check without the network, download the Pwned Passwords list once with HIBP's "
                "PwnedPasswordsDownloader and run: kakaoaudit audit --hibp-dataset PATH")
_FIX_DATASET = _("Download the list again with HIBP's PwnedPasswordsDownloader and point --hibp-dataset at its "
                 "output as written (the SHA-1 version, not NTLM).")


class BreachedPassword(Check):
    """Your password does not appear in known data leaks (Pwned Passwords, k-anonymity).

    What it checks
        Whether the password is among the passwords seen in public data breaches, using Have I Been
        Pwned's Pwned Passwords list. Online, kakaoaudit's own client sends only the first 5 characters of
        the password's SHA-1 hash (``GET https://api.pwnedpasswords.com/range/ABCDE``) with
        ``Add-Padding: true``, and compares the hundreds of hash endings that come back on this computer:
        neither the password nor its full hash ever leaves the machine (see docs/privacy.md). Offline,
        ``--hibp-dataset PATH`` reads a copy downloaded with HIBP's PwnedPasswordsDownloader (one sorted
        file, searched with seeks, or the folder of range files), so no network is used at all.

        Options: ``--timeout SECONDS`` (default 15: the whole lookup, retries included; the connection
        itself gets at most 5), ``--hibp-url URL`` or ``KAKAOAUDIT_HIBP_URL`` (a mirror of the range API),
        ``--hibp-dataset PATH``, ``--offline`` (without a dataset the check is skipped).

        A lookup that fails (no connection, name resolution, timeout, TLS, an HTTP error or rate limit,
        a redirect, a malformed answer such as two different Content-Length values or a body cut short,
        an answer that is not a range) gives ``unknown`` with a reason naming the fault and how to retry
        or check offline: never "not found", directly or through a proxy. An empty ``--hibp-url`` or
        ``KAKAOAUDIT_HIBP_URL`` is an error, not the public service.

    Why
        Leaked passwords are the first ones attackers try, on every service. Kakao's account protective
        measure can be triggered when the account's password appears in leaks from other sites or the
        dark web, even without misuse (K6): a leaked password risks a restriction by itself. Kakao's advice
        after a compromise is a new password used nowhere else (K9); NIST SP 800-63B-4 and OWASP ASVS
        6.2.12 also require checking passwords against breached lists and changing a compromised one.

    Findings
        ``breached`` (fail, critical: with the number of times it was seen), ``not-breached`` (pass),
        ``lookup-failed`` (unknown: the lookup did not complete), ``empty`` (unknown), ``no-lookup``
        (skipped: no lookup available); with ``--offline`` and no dataset the check is skipped.

    Sources
        https://haveibeenpwned.com/API/v3#PwnedPasswords (range API, padding),
        https://cs.kakao.com/search?query=%EC%9D%B4%EC%9A%A9%EC%A0%9C%ED%95%9C%EC%A1%B0%EC%B9%98&serviceId=52
        and http://ajunews.com/view/20201130162328062 (K6), https://cs.kakao.com/helps_html/1073185993?locale=en
        (K9), https://pages.nist.gov/800-63-4/sp800-63b/authenticators/.
    """

    id = "KA201"
    title = _("Password in known data leaks")
    category = Category.BREACH
    weight = 20
    needs_password = True
    needs_network = True
    advice_ids = ("P2.5", "P2.4")
    references = (HIBP_API_URL, K6_URL, K6_NEWS_URL, K9_URL, NIST_URL)
    why = _("Leaked passwords are the first ones attackers try. {leak}", leak=kakao.LEAK_PROTECTIVE_MEASURE())
    fix = _("If it was found, change the password now, in Kakao and everywhere else you used it, to one used "
            "nowhere else; and turn on 2-step verification.")

    def run(self, ctx: Context) -> Iterable[Finding]:
        if ctx.password is None:  # the engine skips the check first; this keeps it safe on its own
            yield self.finding(Status.SKIPPED, _("No password was given"), code="skipped", severity=Severity.INFO,
                               detail=ctx.password_missing)
            return
        lookup = ctx.breach
        if lookup is None:
            yield self.finding(Status.SKIPPED, _("The password was not looked up"), code="no-lookup",
                               severity=Severity.INFO,
                               detail=_("No breach lookup was available for this run."))
            return
        if ctx.password.is_empty():
            yield self.finding(
                Status.UNKNOWN,
                _("The password given was empty, so it was not looked up"),
                code="empty",
                advice=[_("Run the audit again and type the password at the hidden prompt, or give it as one "
                          "line with --password-stdin.")],
            )
            return
        source = ctx.breach_source
        sample = ctx.sample_password
        kind: str | None = None
        detail_text = ""
        fault = ""
        count = -1
        try:
            count = lookup.count(ctx.password)
        except KakaoauditError as error:
            kind = str(getattr(error, "kind", "") or "")
            detail_text = str(getattr(error, "detail", "") or "")
            fault = str(getattr(error, "fault", "") or "")
        except ValueError:  # the password is not valid Unicode (a lone surrogate): nothing to hash
            kind = "encoding"
        if kind is not None:
            yield self._failed(kind, detail_text, ctx, fault)
        elif count > 0:
            yield self._found(count, source, sample)
        else:
            yield self._not_found(source, sample)

    def _found(self, count: int, source: BreachSource | None, sample: bool) -> Finding:
        if sample:
            title = _("The demo's sample password \"{sample}\" is in the demo's sample leak list ({count:,} "
                      "times)", sample=DEMO_PASSWORD, count=count)
        else:
            title = _("Your password appears in known data leaks ({count:,} times)", count=count)
        return self.finding(
            Status.FAIL,
            title,
            code="breached",
            severity=Severity.CRITICAL,
            detail=_("Attackers try leaked passwords first, on every service. {leak} {source}",
                     leak=kakao.LEAK_PROTECTIVE_MEASURE(), source=_source_sentence(source)),
            advice=[
                _("Change it now, in the Kakao Account settings, to a new password. {advice}",
                  advice=kakao.PASSWORD_ADVICE()),
                _("Change it everywhere else you used it too, each service to its own password."),
                _("Turn on 2-step verification, and check the login history for devices you do not know."),
            ],
            note=_("NIST SP 800-63B-4 and OWASP ASVS (6.2.12) agree with the article here: a password found in a "
                   "breach must be changed at once."),
            max_points=20,
        )

    def _not_found(self, source: BreachSource | None, sample: bool) -> Finding:
        title = (_("The demo's sample password is not in the demo's sample leak list") if sample
                 else _("Your password was not found in known data leaks"))
        return self.finding(
            Status.PASS,
            title,
            code="not-breached",
            detail=_("{source} Not being on the list does not prove the password is safe: it only covers leaks "
                     "that became public.", source=_source_sentence(source)),
            max_points=20,
        )

    def _failed(self, kind: str, detail_text: str, ctx: Context, fault: str = "") -> Finding:
        advice = [_FIX_DATASET] if kind == "dataset" else [_RETRY_ONLINE, _GO_OFFLINE]
        if kind in ("tls", "malformed", "too_large"):
            advice.insert(0, _("On hotel, airport or café Wi-Fi, open any web page first to complete its sign-in "
                               "page, then try again."))
        return self.finding(
            Status.UNKNOWN,
            _("We could not check whether your password appears in known data leaks"),
            code="lookup-failed",
            detail=_fault_reason(kind, fault, detail_text) or _reason(kind, detail_text, ctx.options.get("timeout")),
            advice=advice,
            max_points=20,
        )


def _source_sentence(source: BreachSource | None) -> Msg:
    if source is BreachSource.DEMO:
        return _("This is the demo's sample list (a few lines in the format of the real list), not the real "
                 "Pwned Passwords data.")
    if source is BreachSource.OFFLINE:
        return _("Checked against your downloaded copy of the Pwned Passwords list, without the network.")
    if source is BreachSource.ONLINE:
        return _("Checked with Have I Been Pwned's Pwned Passwords service: only the first 5 characters of the "
                 "password's SHA-1 hash were sent.")
    return _("Checked with the breach lookup configured for this run.")


#: What was wrong with the server's answer, by `BreachLookupError.fault` (kind "malformed").
_MALFORMED: dict[str, Msg] = {
    "status_line": _("it does not start with an HTTP/1.x status line"),
    "header": _("a header line is malformed"),
    "content_length_conflict": _("two different Content-Length values"),
    "content_length_invalid": _("a Content-Length that is not a number"),
    "length_and_coding": _("both a Content-Length and a Transfer-Encoding"),
    "transfer_coding": _("a transfer coding other than chunked"),
    "chunked": _("broken chunked framing"),
    "switching_protocols": _("it switched to another protocol (HTTP 101)"),
    "interim": _("too many interim (1xx) answers"),
}


def _fault_reason(kind: str, fault: str, detail_text: str) -> Msg | None:
    """One line naming the fault when the lookup reported one (`BreachLookupError.fault`), else None."""
    if fault in _MALFORMED:
        return _("The server's answer was malformed: {problem}.", problem=_MALFORMED[fault])
    if fault == "cut_short":
        return _("The connection closed before the whole answer arrived.")
    if fault == "no_answer":
        return _("The server closed the connection without answering.")
    status = _STATUS.search(detail_text)
    if fault == "redirect" and status is not None:
        return _("The server redirected the lookup elsewhere (HTTP {status}); redirects are not followed.",
                 status=status.group(1))
    if fault == "proxy":
        if kind == "refused":
            return _("The proxy set in http_proxy or https_proxy refused the connection.")
        if kind == "http" and status is not None:
            return _("The proxy set in https_proxy would not connect to the server (HTTP {status}).",
                     status=status.group(1))
        return _("The proxy set in http_proxy or https_proxy cannot be used: give it as http://host:port.")
    return None


def _reason(kind: str, detail_text: str, timeout: object) -> Msg:
    """One line on why the lookup did not complete, by `BreachLookupError.kind`."""
    if kind == "refused":
        return _("The Pwned Passwords server refused the connection.")
    if kind == "dns":
        return _("The server's name could not be looked up: no internet connection, or DNS is blocked.")
    if kind == "timeout":
        if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
            return _("The server did not answer within {seconds:g} seconds.", seconds=float(timeout))
        return _("The server did not answer in time.")
    if kind == "tls":
        return _("The secure (TLS) connection failed: a proxy or a Wi-Fi sign-in page may be in the way.")
    if kind == "rate_limited":
        return _("The server kept asking to slow down (HTTP 429, too many requests).")
    if kind == "http":
        status = _STATUS.search(detail_text)
        if status is not None:
            return _("The server answered with an error (HTTP {status}).", status=status.group(1))
        return _("The server answered with an error.")
    if kind == "malformed":
        return _("The answer was not a Pwned Passwords range (perhaps a Wi-Fi sign-in page or a proxy's error "
                 "page).")
    if kind == "too_large":
        return _("The answer was far larger than a Pwned Passwords range, so it was not read.")
    if kind == "network":
        return _("The network connection failed or was cut off.")
    if kind == "dataset":
        return _("The downloaded Pwned Passwords list could not be used: it is damaged, incomplete or not "
                 "sorted where the lookup looked.")
    if kind == "encoding":
        return _("The password contains characters that cannot be written as UTF-8 text, so it could not be "
                 "looked up.")
    return _("The lookup failed.")
