"""The fast .mo reader translates exactly as gettext.translation does, and declines what it does not read.

Checked on every shipped catalog in every language (and a language without catalogs), on a
plugin folder with two matching catalogs (the fallback chain), and on catalogs the reader leaves
to gettext.GNUTranslations: plural entries, a big-endian file, a bad file.
"""

from __future__ import annotations

import gettext
import struct
from pathlib import Path

import pytest

from kakaoaudit.core import i18n

LOCALEDIR = Path(i18n.BUILTIN_LOCALEDIR)
DOMAINS = sorted({path.stem for path in LOCALEDIR.glob("*/LC_MESSAGES/*.mo")})


def mo_file(entries: dict[str | tuple[str, str], str | list[str]], *, big_endian: bool = False,
            charset: str = "utf-8") -> bytes:
    """A GNU .mo file (as msgfmt writes it) of `entries`; a tuple key is (msgid, msgid_plural)."""
    order = ">" if big_endian else "<"
    header = f"Content-Type: text/plain; charset={charset}\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
    items: list[tuple[bytes, bytes]] = [(b"", header.encode(charset))]
    for key, value in entries.items():
        msgid = "\x00".join(key).encode(charset) if isinstance(key, tuple) else key.encode(charset)
        text = "\x00".join(value).encode(charset) if isinstance(value, list) else value.encode(charset)
        items.append((msgid, text))
    items.sort()
    count = len(items)
    ids_at = 28
    texts_at = ids_at + 8 * count
    data_at = texts_at + 8 * count
    ids = b""
    texts = b""
    blob = b""
    for msgid, _text in items:
        ids += struct.pack(order + "2I", len(msgid), data_at + len(blob))
        blob += msgid + b"\x00"
    for _msgid, text in items:
        texts += struct.pack(order + "2I", len(text), data_at + len(blob))
        blob += text + b"\x00"
    head = struct.pack(order + "7I", 0x950412DE, 0, count, ids_at, texts_at, 0, 0)
    return head + ids + texts + blob


def messages_of(domain: str) -> list[str]:
    texts: set[str] = {"", "not a message of any catalog"}
    for path in LOCALEDIR.glob(f"*/LC_MESSAGES/{domain}.mo"):
        with path.open("rb") as handle:
            texts.update(key for key in gettext.GNUTranslations(handle)._catalog if isinstance(key, str))
    return sorted(texts)


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_shipped_catalog_translates_as_gettext_does(domain: str) -> None:
    for lang in (*i18n.LANGUAGES, "fr"):
        ours = i18n.gettext_for.__wrapped__(domain, lang)  # type: ignore[attr-defined]
        theirs = gettext.translation(domain, LOCALEDIR, languages=[lang], fallback=True)
        for msgid in messages_of(domain):
            assert ours.gettext(msgid) == theirs.gettext(msgid), (domain, lang, msgid)


def test_the_shipped_catalogs_are_read_by_the_fast_reader() -> None:
    for path in LOCALEDIR.glob("*/LC_MESSAGES/*.mo"):
        catalog = i18n._read_catalog(str(path))
        assert isinstance(catalog, i18n._Catalog), path
        with path.open("rb") as handle:
            assert catalog._messages == gettext.GNUTranslations(handle)._catalog, path


def test_two_matching_catalogs_chain_as_gettext_chains_them(tmp_path: Path) -> None:
    for folder, entries in (("ja_JP", {"a": "ja_JP a"}), ("ja", {"a": "ja a", "b": "ja b"})):
        target = tmp_path / folder / "LC_MESSAGES"
        target.mkdir(parents=True)
        (target / "kakaoaudit_test_chain.mo").write_bytes(mo_file(entries))
    i18n.translator("kakaoaudit_test_chain", localedir=tmp_path)
    ours = i18n.gettext_for.__wrapped__("kakaoaudit_test_chain", "ja")  # type: ignore[attr-defined]
    theirs = gettext.translation("kakaoaudit_test_chain", tmp_path, languages=["ja"], fallback=True)
    assert ours.gettext("a") == theirs.gettext("a") == "ja_JP a"
    assert ours.gettext("b") == theirs.gettext("b") == "ja b"
    assert ours.gettext("c") == theirs.gettext("c") == "c"


@pytest.mark.parametrize(
    ("data", "standard_reader"),
    [
        (mo_file({"one": "un", ("apple", "apples"): ["pomme", "pommes"]}), True),  # plural entries
        (mo_file({"one": "un"}, big_endian=True), False),
        (mo_file({"one": "ひとつ"}, charset="euc-jp"), False),
        (mo_file({"one": "un"})[:40], True),  # cut short: GNUTranslations' own error
        (b"not a catalog at all", True),
    ],
)
def test_other_catalogs_read_as_gettext_reads_them(tmp_path: Path, data: bytes, standard_reader: bool) -> None:
    path = tmp_path / "x.mo"
    path.write_bytes(data)
    try:
        with path.open("rb") as handle:
            expected: gettext.NullTranslations | Exception = gettext.GNUTranslations(handle)
    except Exception as error:  # the reader must fail the same way
        expected = error
    if isinstance(expected, Exception):
        with pytest.raises(type(expected)):
            i18n._read_catalog(str(path))
        return
    ours = i18n._read_catalog(str(path))
    assert isinstance(ours, gettext.GNUTranslations) is standard_reader
    for msgid in ("", "one", "apple", "missing"):
        assert ours.gettext(msgid) == expected.gettext(msgid)
