"""Generate kakaoaudit/data/countries.json (run from anywhere; needs the dev extras: babel).

    python tools/gen_countries.py            # (re)write the file
    python tools/gen_countries.py --check    # exit 1 if the committed data is not what would be written

Sources:
- codes: the ISO 3166-1 alpha-2 codes of tzdata's `iso3166.tab` that CLDR (babel) names, plus XK
  (Kosovo: user-assigned, but used by CLDR, the EU and phonenumbers); CLDR's region and pseudo
  codes (001, 419, EU, EZ, UN, QO, XA, XB, ZZ) and its exceptionally reserved codes (AC, CP, CQ,
  DG, EA, IC, TA) are left out;
- names: CLDR territory names in en, ja and ko (babel), plus CLDR's alpha-3 aliases that name
  exactly one country ("JPN", "KOR"; withdrawn ones left out) and the hand-written aliases below;
- zones: tzdata's `zone.tab` (one row per country and zone, country-specific link names, most
  populous first), `zone1970.tab` for a country missing there, `EXTRA_ZONES` for XK;
- calling codes: phonenumbers.country_code_for_region.

The output is deterministic for given versions of babel, tzdata and phonenumbers (recorded in
"generated_with"): keys sorted, no indentation, LF line end. `--check` compares the data, not the
recorded versions: when one of them moves, the check still runs and fails only if the data changed
(then it names what changed and the versions, and the file must be regenerated and committed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "kakaoaudit" / "data" / "countries.json"
LANGUAGES = ("en", "ja", "ko")
FORMAT = 1

#: User-assigned codes that are kept although not in ISO 3166-1.
EXTRA_CODES = {"XK"}

#: Zones for countries that no tzdata table lists. Kosovo keeps Central European time like Belgrade.
EXTRA_ZONES = {"XK": ["Europe/Belgrade"]}

#: Common names people type that CLDR does not give (en, ja, ko mixed). Must not clash.
EXTRA_ALIASES: dict[str, list[str]] = {
    "KR": [
        "Korea",
        "Republic of Korea",
        "Korea, Republic of",
        "ROK",
        "S. Korea",
        "大韓民国",
        "韓国",
        "한국",
        "대한민국",
        "남한",
    ],
    "KP": [
        "DPRK",
        "Korea, Democratic People's Republic of",
        "Democratic People's Republic of Korea",
        "朝鮮民主主義人民共和国",
        "조선민주주의인민공화국",
        "북조선",
    ],
    "US": [
        "USA",
        "U.S.",
        "America",
        "United States of America",
        "アメリカ",
        "米国",
        "アメリカ合衆国",
        "미합중국",
        "아메리카",
    ],
    "GB": [
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "イギリス",
        "英国",
        "イングランド",
        "영국",
        "잉글랜드",
    ],
    "TW": ["Taiwan", "台湾", "臺灣", "台灣", "대만", "타이완"],
    "JP": ["Japan", "Nippon", "Nihon", "日本", "日本国", "일본"],
    "CN": ["PRC", "People's Republic of China", "中華人民共和国", "中华人民共和国", "중화인민공화국"],
    "HK": ["Hong Kong", "Hongkong", "香港", "ホンコン", "홍콩"],
    "MO": ["Macau", "Macao", "澳門", "マカオ", "마카오", "마카우"],
    "RU": ["Russian Federation", "ロシア連邦", "러시아 연방"],
    "VN": ["Viet Nam", "ヴェトナム", "월남"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "CZ": ["Czech Republic", "チェコ共和国", "체코 공화국"],
    "TR": ["Turkey", "トルコ共和国", "터키"],
    "MM": ["Burma", "ビルマ", "버마"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "SZ": ["Swaziland", "スワジランド", "스와질란드"],
    "MK": ["Macedonia", "マケドニア", "마케도니아"],
    "NL": ["Holland", "オランダ王国"],
    "VA": ["Vatican", "Holy See", "バチカン", "바티칸"],
    "AE": ["UAE", "Emirates"],
    "PS": ["Palestine", "パレスチナ", "팔레스타인"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo"],
    "CG": ["Republic of the Congo"],
    "PH": ["Philippine"],
    "NZ": ["NZ", "ニュージーランド"],
    "SG": ["シンガポール共和国"],
    "TH": ["タイ王国", "Siam"],
    "DE": ["ドイツ連邦共和国"],
    "FR": ["フランス共和国"],
    "FM": ["Federated States of Micronesia"],
}


def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return {str(k): str(v) for k, v in Locale.parse(lang).territories.items()}


def _tab_rows(name: str) -> Iterable[list[str]]:
    text = resources.files("tzdata").joinpath("zoneinfo").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _iso_codes() -> set[str]:
    return {row[0] for row in _tab_rows("iso3166.tab")}


def _zones() -> dict[str, list[str]]:
    zones: dict[str, list[str]] = {}
    for row in _tab_rows("zone.tab"):
        zones.setdefault(row[0], []).append(row[2])
    listed = set(zones)
    for row in _tab_rows("zone1970.tab"):  # only for countries zone.tab does not list
        for code in row[0].split(","):
            if code not in listed:
                zones.setdefault(code, []).append(row[2])
    for code, extra in EXTRA_ZONES.items():
        if not zones.get(code):
            zones[code] = list(extra)
    return zones


#: Withdrawn alpha-3 codes CLDR still maps (ZAR is also the rand's currency code): not aliases.
WITHDRAWN_ALPHA3 = {"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"}


def _cldr_code_aliases(codes: set[str]) -> dict[str, list[str]]:
    """CLDR's alpha-3 codes ("JPN", "KOR") that name exactly one country; old 2-letter codes are skipped."""
    from babel.core import get_global

    out: dict[str, list[str]] = {}
    for key, targets in get_global("territory_aliases").items():
        alias = str(key)
        if len(alias) != 3 or not alias.isalpha() or alias in WITHDRAWN_ALPHA3:
            continue
        if len(targets) != 1 or targets[0] not in codes:
            continue
        out.setdefault(targets[0], []).append(alias)
    return out


def build() -> dict[str, object]:
    import phonenumbers

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kakaoaudit.core.countries import normalize_key  # the runtime's own key function

    names = {lang: _territories(lang) for lang in LANGUAGES}
    codes = {c for c in names["en"] if len(c) == 2 and c.isalpha() and c.isupper()}
    codes &= _iso_codes() | EXTRA_CODES
    missing = sorted(c for c in codes for lang in LANGUAGES if c not in names[lang])
    if missing:
        raise SystemExit(f"babel lacks names for {missing}")

    zones = _zones()

    aliases = _cldr_code_aliases(codes)
    for code, extra in EXTRA_ALIASES.items():
        if code not in codes:
            raise SystemExit(f"alias for unknown code {code}")
        aliases.setdefault(code, []).extend(extra)

    countries: dict[str, object] = {}
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for code in sorted(codes):
        country_names = {lang: names[lang][code] for lang in LANGUAGES}
        # Keep only aliases that add a key; a clash with another country is an error.
        own_keys = {normalize_key(code), *(normalize_key(n) for n in country_names.values())}
        kept = sorted({a for a in aliases.get(code, []) if normalize_key(a) not in own_keys})
        aliases[code] = kept
        for text in (code, *country_names.values(), *kept):
            key = normalize_key(text)
            if owner.setdefault(key, code) != code:
                clashes.append(f"{text!r} ({code}) vs {owner[key]}")
        calling = phonenumbers.country_code_for_region(code)
        countries[code] = {
            "names": country_names,
            "zones": zones.get(code, []),
            "calling_code": calling or None,
        }
    if clashes:
        raise SystemExit("name clashes:\n  " + "\n  ".join(clashes))
    return {
        "format": FORMAT,
        "generated_with": {pkg: metadata.version(pkg) for pkg in ("babel", "tzdata", "phonenumbers")},
        "countries": countries,
        "aliases": {code: kept for code, kept in sorted(aliases.items()) if kept},
    }


def differences(committed: dict[str, Any], fresh: dict[str, Any]) -> list[str]:
    """What differs between two generated documents, "generated_with" aside: [] when the data is the same."""
    found: list[str] = []
    for key in sorted(set(committed) | set(fresh)):
        if key == "generated_with":
            continue
        old, new = committed.get(key), fresh.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
            shown = ", ".join(changed[:12]) + (f" and {len(changed) - 12} more" if len(changed) > 12 else "")
            found.append(f"{key}: {shown}")
        else:
            found.append(key)
    return found


def staleness(committed_text: str, fresh: dict[str, Any]) -> str | None:
    """Why the committed file is out of date, naming what changed and the library versions; None if it is not."""
    try:
        committed = json.loads(committed_text)
    except ValueError:
        return "the committed file is not valid JSON"
    if not isinstance(committed, dict):
        return "the committed file is not a JSON object"
    changed = differences(committed, fresh)
    if not changed:
        return None
    return (f"the data differs ({'; '.join(changed)}); generated with {committed.get('generated_with')}, "
            f"installed {fresh['generated_with']}: run python tools/gen_countries.py and commit the result")


def render(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    data = build()
    text = render(data)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        problem = staleness(current, data) if current else "it does not exist"
        if problem is not None:
            print(f"{args.output} is out of date: {problem}", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    count = len(data["countries"])  # type: ignore[arg-type]
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes, {count} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
