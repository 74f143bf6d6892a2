"""The language of the messages libraries print themselves: click's "Usage:", "Options", "Show this
message and exit." and its usage errors.

click translates with the standard library's module-level ``gettext.gettext``/``ngettext``, which look
the message up in the process's default text domain, in the languages named by the ``LANGUAGE``
variable (then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``). That is gettext's own, documented way to choose a
program's message catalog, so kakaoaudit uses it rather than replacing click's functions: while a
command runs, the default domain is ``kakaoaudit.click`` (kakaoaudit/locale/<lang>/LC_MESSAGES/
kakaoaudit.click.mo, kept in step with click by tools/click_catalog.py) and ``LANGUAGE`` is the language
kakaoaudit chose, so click speaks the language of the rest of the output; both are put back afterwards.
Nothing is read until click asks for a message (gettext opens and caches the catalog then).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager

from kakaoaudit.core.i18n import BUILTIN_LOCALEDIR, LANGUAGES

#: The catalog of click's own messages.
DOMAIN = "kakaoaudit.click"


@contextmanager
def library_language(lang: str) -> Iterator[None]:
    """Within the block, messages of click (and any library using gettext's default domain) are in `lang`.

    A message the catalog lacks stays as the library wrote it (English), as gettext does.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(BUILTIN_LOCALEDIR))
    gettext.textdomain(DOMAIN)
    # Only the language kakaoaudit chose: a user's LANG=ja_JP must not make click Japanese in an English run.
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language
