"""Keep the catalog of click's own messages (domain ``kakaoaudit.click``) in step with the installed click.

click looks its messages up with the standard library's ``gettext.gettext``/``ngettext`` (the process's
default text domain); ``kakaoaudit.core.click_language`` points that domain at this catalog while a
command runs, so that "Usage:", "Options", "Show this message and exit." and click's error messages
appear in the user's language.

    python tools/click_catalog.py          # add click's msgids to the ja/en/ko catalogs (keeps translations)
    python tools/click_catalog.py --check  # exit 1 when click has a msgid the catalogs lack
    python tools/i18n.py compile --domain kakaoaudit.click

Needs the dev extra (babel).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n import LANGUAGES, _stable_header, load_po, po_path

DOMAIN = "kakaoaudit.click"
MessageId = str | tuple[str, str]
#: Messages click passes to gettext from a variable, which no extractor can see.
LOOKED_UP_FROM_VARIABLES: tuple[str, ...] = ("required",)


def click_messages() -> list[MessageId]:
    """Every msgid (a plural one as (singular, plural)) in the installed click's source, in source order."""
    found: list[MessageId] = []
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        keywords = {"_": None, "ngettext": (1, 2)}
        for _lineno, message, _comments, _context in extract_from_file("python", path, keywords=keywords):
            if message and message not in found:
                found.append(message)
    return found + [message for message in LOOKED_UP_FROM_VARIABLES if message not in found]


def _key(message: MessageId) -> str:
    return message if isinstance(message, str) else message[0]


def missing(lang: str) -> list[MessageId]:
    catalog = load_po(po_path(lang, DOMAIN), lang, DOMAIN)
    return [message for message in click_messages() if catalog.get(_key(message)) is None]


def update() -> None:
    for lang in LANGUAGES:
        path = po_path(lang, DOMAIN)
        old = load_po(path, lang, DOMAIN)
        new = Catalog(locale=lang, domain=DOMAIN, project="kakaoaudit", fuzzy=False, charset="utf-8")
        for message in click_messages():
            previous = old.get(_key(message))
            if previous is not None and previous.string:
                text = previous.string
            else:
                text = "" if isinstance(message, str) else ("",) * new.num_plurals
            new.add(message, text)
        buffer = io.BytesIO()
        write_po(buffer, new, width=100, omit_header=False, sort_output=True, no_location=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_stable_header(buffer.getvalue()))
    print(f"{DOMAIN} catalogs updated")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        gaps = [(lang, message) for lang in LANGUAGES for message in missing(lang)]
        for lang, message in gaps:
            print(f"{po_path(lang, DOMAIN)}: click's msgid not in the catalog: {message!r}")
        return 1 if gaps else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
