"""Maintain the gettext catalogs (needs the dev extra: babel).

    python tools/i18n.py extract    # update every .po from the sources (keeps translations)
    python tools/i18n.py compile    # .po -> .mo (the .mo files are committed and shipped)
    (extract, compile and fill take --domain PREFIX to touch only the domains starting with PREFIX)
    python tools/i18n.py check      # fail on a missing translation, bad placeholders or stale .mo
    python tools/i18n.py todo ja    # list the msgids still untranslated in a language
    python tools/i18n.py fill ja FILE.json   # set translations from {msgid: text}

Each source file belongs to the domain of its `translator(...)` call: ``translator(__name__)``
in a check module gives the domain of its module name (``kakaoaudit.checks.two_step``);
``translator("kakaoaudit")`` is the core's shared domain. Catalogs live in
``kakaoaudit/locale/<lang>/LC_MESSAGES/<domain>.po``.
"""

from __future__ import annotations

import io
import re
import string
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALEDIR = ROOT / "kakaoaudit" / "locale"
SOURCES = {ROOT / "kakaoaudit": "kakaoaudit", ROOT / "checks": "kakaoaudit.checks"}
#: Languages whose catalogs must be complete.
REQUIRED = ("ja", "ko")
LANGUAGES = ("ja", "en", "ko")
_TRANSLATOR = re.compile(r"""\btranslator\(\s*(__name__|["']([^"']+)["'])""")


def module_name(path: Path) -> str:
    for folder, package in SOURCES.items():
        if path.is_relative_to(folder):
            parts = path.relative_to(folder).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            return ".".join((package, *parts))
    raise ValueError(path)


def source_files() -> Iterator[tuple[Path, str]]:
    """(file, domain) for every source file that declares a translator."""
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py")):
            match = _TRANSLATOR.search(path.read_text(encoding="utf-8"))
            if match:
                yield path, module_name(path) if match.group(1) == "__name__" else match.group(2)


def extracted() -> dict[str, dict[str, list[tuple[str, int]]]]:
    """domain -> msgid -> [(file, line)]"""
    found: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    for path, domain in source_files():
        for lineno, message, _comments, _context in extract_from_file("python", path, keywords={"_": None}):
            if isinstance(message, str) and message:
                found[domain][message].append((str(path.relative_to(ROOT)), lineno))
    return found


def po_path(lang: str, domain: str) -> Path:
    return LOCALEDIR / lang / "LC_MESSAGES" / f"{domain}.po"


def load_po(path: Path, lang: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=lang, domain=domain)
    return Catalog(locale=lang, domain=domain, project="kakaoaudit", fuzzy=False)


def extract(prefix: str = "") -> None:
    for domain, messages in sorted(extracted().items()):
        if not domain.startswith(prefix):
            continue
        for lang in LANGUAGES:
            path = po_path(lang, domain)
            old = load_po(path, lang, domain)
            new = Catalog(locale=lang, domain=domain, project="kakaoaudit", fuzzy=False,
                          charset="utf-8")
            for msgid, locations in messages.items():
                previous = old.get(msgid)
                text = previous.string if previous is not None else ""
                new.add(msgid, text, locations=sorted(set(locations)))
            path.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            write_po(buffer, new, width=100, omit_header=False, sort_output=True, no_location=False)
            path.write_bytes(_stable_header(buffer.getvalue()))
    print("catalogs updated")


def _stable_header(data: bytes) -> bytes:
    # Creation dates would make every extract a diff.
    return re.sub(rb'"(POT-Creation-Date|PO-Revision-Date): [^"]*\\n"\n', b"", data)


def compile_all(prefix: str = "") -> None:
    for po in sorted(LOCALEDIR.glob(f"*/LC_MESSAGES/{prefix}*.po")):
        lang = po.parent.parent.name
        catalog = load_po(po, lang, po.stem)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        po.with_suffix(".mo").write_bytes(buffer.getvalue())
    print("catalogs compiled")


def fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def problems() -> list[str]:
    """Everything wrong with the catalogs, one line each."""
    found: list[str] = []
    for domain, messages in sorted(extracted().items()):
        for lang in LANGUAGES:
            path = po_path(lang, domain)
            if not path.exists():
                found.append(f"{path.relative_to(ROOT)}: missing (run: python tools/i18n.py extract)")
                continue
            catalog = load_po(path, lang, domain)
            for msgid, locations in messages.items():
                entry = catalog.get(msgid)
                where = f"{locations[0][0]}:{locations[0][1]}"
                if entry is None:
                    found.append(f"{where}: not in {path.relative_to(ROOT)}: {msgid!r}")
                    continue
                if lang in REQUIRED and (not entry.string or entry.fuzzy):
                    found.append(f"{where}: no {lang} translation: {msgid!r}")
                    continue
                if entry.string and fields(str(entry.string)) != fields(msgid):
                    found.append(f"{where}: {lang} placeholders differ: {msgid!r}")
            mo = path.with_suffix(".mo")
            if not mo.exists():
                found.append(f"{mo.relative_to(ROOT)}: missing (run: python tools/i18n.py compile)")
                continue
            with mo.open("rb") as handle:
                compiled = {m.id: m.string for m in read_mo(handle) if m.id}
            wanted = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
            if compiled != wanted:
                found.append(f"{mo.relative_to(ROOT)}: out of date (run: python tools/i18n.py compile)")
    return found


def todo(lang: str) -> None:
    for domain, messages in sorted(extracted().items()):
        catalog = load_po(po_path(lang, domain), lang, domain)
        for msgid in messages:
            entry = catalog.get(msgid)
            if entry is None or not entry.string:
                print(f"{domain}\t{msgid}")


def fill(lang: str, source: Path, prefix: str = "") -> None:
    """Set translations from a JSON object {msgid: translation} into every catalog (of the domains
    starting with `prefix`) that has the msgid."""
    import json

    translations = json.loads(source.read_text(encoding="utf-8"))
    used = set()
    for po in sorted((LOCALEDIR / lang / "LC_MESSAGES").glob(f"{prefix}*.po")):
        catalog = load_po(po, lang, po.stem)
        changed = False
        for message in catalog:
            if message.id and message.id in translations:
                message.string = translations[message.id]
                message.flags.discard("fuzzy")
                used.add(message.id)
                changed = True
        if changed:
            buffer = io.BytesIO()
            write_po(buffer, catalog, width=100, sort_output=True)
            po.write_bytes(_stable_header(buffer.getvalue()))
    unused = set(translations) - used
    for msgid in sorted(unused):
        print(f"not in any catalog: {msgid!r}")
    print(f"{len(used)} translations set")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    prefix = argv[argv.index("--domain") + 1] if "--domain" in argv else ""
    if command == "extract":
        extract(prefix)
    elif command == "compile":
        compile_all(prefix)
    elif command == "fill":
        fill(argv[2], Path(argv[3]), prefix)
    elif command == "todo":
        todo(argv[2] if len(argv) > 2 else "ja")
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
