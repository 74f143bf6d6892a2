"""Which breach lookup an audit uses, and the demo's sample password.

`make_breach` turns the audit's options into the lookup the checks use: the Pwned Passwords range
API (online, `--hibp-url` or `KAKAOAUDIT_HIBP_URL`, `--timeout`), a downloaded copy
(`--hibp-dataset`, offline), or none (`--offline` without a copy). The demo uses a sample password
and a tiny sample list shipped in the package, so that it shows the password checks without any
input or network. The lookup says where it looks (`BreachSource`), for the checks' wording.

Kept light: the network stack (kakaoaudit.breach.online: ssl, http.client, urllib) is imported only
for an online lookup, so that the demo runs without loading it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kakaoaudit.core.check import BreachSource
from kakaoaudit.core.errors import InputError
from kakaoaudit.core.i18n import Msg, translator
from kakaoaudit.core.secret import DEMO_PASSWORD, SamplePassword, Secret

if TYPE_CHECKING:
    from kakaoaudit.breach.ranges import BreachLookupError
    from kakaoaudit.core.check import BreachLookup

_ = translator("kakaoaudit.password_input")  # the domain keeps its first name (saved reports)

#: A few lines in the format of HIBP's downloader (sorted `SHA1:COUNT`), with the sample's hash.
DEMO_DATASET_NAME: Final = "demo_pwned.txt"

#: The environment variable that gives the range API's base URL when ``--hibp-url`` is not given.
HIBP_URL_VARIABLE: Final = "KAKAOAUDIT_HIBP_URL"


class SourcedLookup:
    """A breach lookup that knows where it looks, for the wording (`Context.breach_source`)."""

    def __init__(self, inner: BreachLookup, source: BreachSource) -> None:
        self.inner = inner
        self.source = source

    def count(self, password: Secret) -> int:
        return self.inner.count(password)


def demo_dataset() -> Path:
    """The sample list shipped in the package."""
    return Path(str(files("kakaoaudit.data").joinpath(DEMO_DATASET_NAME)))


def sample_password() -> SamplePassword:
    return SamplePassword(DEMO_PASSWORD)


def make_breach(options: Mapping[str, Any], *, demo: bool) -> SourcedLookup | None:
    """The lookup for the options; None with ``--offline`` and no dataset.

    A dataset that cannot be used, or a base URL that is not http(s), is an `InputError` (one
    line) so that the audit stops at start-up rather than after the questions.
    """
    from kakaoaudit.breach import ranges as breach  # noqa: PLC0415 - only when a lookup is built
    from kakaoaudit.breach.offline import OfflineDataset  # noqa: PLC0415

    if demo:
        return SourcedLookup(OfflineDataset(demo_dataset()), BreachSource.DEMO)
    dataset = options.get("hibp_dataset")
    if dataset is not None:
        try:
            return SourcedLookup(OfflineDataset(dataset), BreachSource.OFFLINE)
        except breach.BreachLookupError as error:
            problem = _dataset_problem(Path(dataset), error)
        raise InputError(_("--hibp-dataset {path}: {problem}", path=str(dataset), problem=problem))
    if options.get("offline"):
        return None
    timeout = float(options.get("timeout") or breach.DEFAULT_TOTAL_TIMEOUT)
    base_url = hibp_base_url(options.get("hibp_url"), breach.DEFAULT_BASE_URL)
    from kakaoaudit.breach.online import RangeClient  # noqa: PLC0415 - the network stack, online only

    try:
        client = RangeClient(
            base_url,
            connect_timeout=min(breach.DEFAULT_CONNECT_TIMEOUT, timeout),
            total_timeout=timeout,
        )
    except ValueError:
        # The URL itself is not repeated: it could hold credentials a user pasted by mistake.
        raise InputError(_(
            "--hibp-url (or KAKAOAUDIT_HIBP_URL) is not a usable address: give http:// or https://, a host and "
            "an optional path, without user name, query or fragment (the default is {default})",
            default=breach.DEFAULT_BASE_URL,
        )) from None
    return SourcedLookup(client, BreachSource.ONLINE)


def hibp_base_url(option: str | None, default: str) -> str:
    """The range API's base URL: ``--hibp-url``, else ``KAKAOAUDIT_HIBP_URL``, else `default`.

    The variable is read here rather than by click, which skips an empty variable (and does not
    read it at all when ``kakaoaudit`` runs the audit without a command name). A given but empty
    (or blank) value is an `InputError` naming where it came from: falling back to the public
    service would send the prefix to a server the user meant not to use.
    """
    if option is not None:
        if not option.strip():
            raise InputError(_("--hibp-url is empty: give the address of a Pwned Passwords range API mirror "
                               "(http:// or https://), or leave the option out to use {default}",
                               default=default))
        return option.strip()
    variable = os.environ.get(HIBP_URL_VARIABLE)
    if variable is None:
        return default
    if not variable.strip():
        raise InputError(_("{variable} is set but empty: set it to the address of a Pwned Passwords range API "
                           "mirror (http:// or https://), or unset it to use {default}",
                           variable=HIBP_URL_VARIABLE, default=default))
    return variable.strip()


def _dataset_problem(path: Path, error: BreachLookupError) -> Msg:
    """What is wrong with a dataset, in the user's language (the library's detail is English)."""
    detail = error.detail
    if not os.path.lexists(path):
        return _("no such file or folder")
    if "NTLM" in detail:
        return _("this is the NTLM version of the list (downloader option -n); download the SHA-1 version")
    if "is empty" in detail:
        return _("the file is empty (an interrupted download?)")
    if "holds no PREFIX.txt" in detail:
        return _("the folder holds no range files (00000.txt ... FFFFF.txt)")
    if "cannot read" in detail:
        return _("it cannot be read (check the permissions)")
    if "neither a file nor a directory" in detail:
        return _("it is neither a file nor a folder")
    return _("it is not the SHA-1 list written by HIBP's PwnedPasswordsDownloader (lines HASH:COUNT)")
