"""Generate the gettext catalogs of country names used by the travel mode (needs babel, a dev dependency).

    python tools/gen_travel_countries.py           # write kakaoaudit.travel.countries.po/.mo (ja, ko)
    python tools/gen_travel_countries.py --check   # exit 1 when they do not match countries.json

Country names inside travel messages are messages of the domain ``kakaoaudit.travel.countries``
whose msgid is the English (CLDR) name (`kakaoaudit.travel.country_label`), so that a saved report
renders them again in another language. The translations come from kakaoaudit/data/countries.json
(CLDR names in ja and ko); this script turns them into catalogs, and tests/travel checks they agree.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kakaoaudit" / "data" / "countries.json"
LOCALEDIR = ROOT / "kakaoaudit" / "locale"
DOMAIN = "kakaoaudit.travel.countries"
LANGUAGES = ("ja", "ko")


def catalog(lang: str) -> Catalog:
    """The catalog of `lang`: English name -> name in `lang`, every country, sorted."""
    countries = json.loads(DATA.read_text(encoding="utf-8"))["countries"]
    result = Catalog(locale=lang, domain=DOMAIN, project="kakaoaudit", fuzzy=False, charset="utf-8")
    for code in sorted(countries):
        names = countries[code]["names"]
        result.add(names["en"], names[lang], auto_comments=[code])
    return result


def files(lang: str) -> dict[Path, bytes]:
    """The .po and .mo file of `lang` and their content."""
    po, mo = io.BytesIO(), io.BytesIO()
    built = catalog(lang)
    write_po(po, built, width=100, omit_header=False, sort_output=True, no_location=True)
    write_mo(mo, built, use_fuzzy=False)
    # Creation dates would make every run a diff.
    po_bytes = re.sub(rb'"(POT-Creation-Date|PO-Revision-Date): [^"]*\\n"\n', b"", po.getvalue())
    base = LOCALEDIR / lang / "LC_MESSAGES" / DOMAIN
    return {base.parent / f"{DOMAIN}.po": po_bytes, base.parent / f"{DOMAIN}.mo": mo.getvalue()}


def main(argv: list[str]) -> int:
    stale = []
    for lang in LANGUAGES:
        for path, content in files(lang).items():
            if "--check" in argv:
                if not path.exists() or (path.suffix == ".po" and path.read_bytes() != content):
                    stale.append(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
    for path in stale:
        print(f"{path.relative_to(ROOT)}: out of date (run: python tools/gen_travel_countries.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
