"""Compile the plugin's .po catalogs to .mo (needs babel): python compile_catalogs.py [--check]

--check exits 1 when a message of phone.py has no Japanese translation or a .mo is out of date.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parent / "src" / "kakaoaudit_example_plugin"
DOMAIN = "kakaoaudit_example_plugin"


def main(argv: list[str]) -> int:
    problems = []
    msgids = {m for _l, m, _c, _x in extract_from_file("python", PACKAGE / "phone.py", keywords={"_": None})}
    for po in sorted((PACKAGE / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = po.parent.parent.name
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        mo = po.with_suffix(".mo")
        if "--check" in argv:
            if lang == "ja":
                translated = {m.id for m in catalog if m.id and m.string}
                problems += [f"no ja translation: {m!r}" for m in msgids - translated]
            # Compare the messages, not the bytes: the header carries the time of reading.
            wanted = {m.id: m.string for m in catalog if m.id and m.string}
            compiled = {}
            if mo.exists():
                with mo.open("rb") as handle:
                    compiled = {m.id: m.string for m in read_mo(handle) if m.id}
            if compiled != wanted:
                problems.append(f"{mo.name} ({lang}) is out of date")
        else:
            mo.write_bytes(buffer.getvalue())
    print("\n".join(problems) or "catalogs OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
