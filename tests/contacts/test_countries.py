"""kakaoaudit.core.countries: lookup by code, name and alias in en/ja/ko, suggestions, and the data."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
import pytest

from kakaoaudit.core.countries import Country, CountryNotFound, all_countries, get, lookup, name, normalize_key

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # codes, any case and spacing, alpha-3 too
        ("JP", "JP"),
        ("jp", "JP"),
        (" kr\n", "KR"),
        ("Us", "US"),
        ("ｔｗ", "TW"),
        ("JPN", "JP"),
        ("kor", "KR"),
        ("USA", "US"),
        ("GBR", "GB"),
        ("TWN", "TW"),
        # English names (CLDR), case, punctuation, accents, width
        ("Japan", "JP"),
        ("JAPAN", "JP"),
        ("japan.", "JP"),
        ("ｊａｐａｎ", "JP"),
        ("South Korea", "KR"),
        ("south-korea", "KR"),
        ("United States", "US"),
        ("Taiwan", "TW"),
        ("United Kingdom", "GB"),
        ("Côte d’Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("cote divoire", "CI"),
        ("Curaçao", "CW"),
        ("Curacao", "CW"),
        ("Réunion", "RE"),
        ("Åland Islands", "AX"),
        ("Hong Kong SAR China", "HK"),
        ("Congo - Kinshasa", "CD"),
        ("Türkiye", "TR"),
        # Japanese names (CLDR) and aliases
        ("日本", "JP"),
        ("韓国", "KR"),
        ("大韓民国", "KR"),
        ("アメリカ合衆国", "US"),
        ("アメリカ", "US"),
        ("米国", "US"),
        ("イギリス", "GB"),
        ("英国", "GB"),
        ("台湾", "TW"),
        ("香港", "HK"),
        ("中国", "CN"),
        ("ミャンマー (ビルマ)", "MM"),
        ("ミャンマー(ビルマ)", "MM"),
        ("ガーナ", "GH"),
        # Korean names (CLDR) and aliases
        ("일본", "JP"),
        ("대한민국", "KR"),
        ("한국", "KR"),
        ("대한 민국", "KR"),
        ("미국", "US"),
        ("영국", "GB"),
        ("대만", "TW"),
        ("타이완", "TW"),
        ("홍콩", "HK"),
        ("튀르키예", "TR"),
        ("터키", "TR"),
        # English aliases
        ("Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("Republic of Korea", "KR"),
        ("U.S.A.", "US"),
        ("America", "US"),
        ("UK", "GB"),
        ("u.k.", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("Hong Kong", "HK"),
        ("Macau", "MO"),
        ("Czech Republic", "CZ"),
        ("Turkey", "TR"),
        ("Burma", "MM"),
        ("Ivory Coast", "CI"),
        ("DPRK", "KP"),
        ("North Korea", "KP"),
        ("Kosovo", "XK"),
        ("Vatican", "VA"),
    ],
)
def test_lookup(text: str, code: str) -> None:
    country = lookup(text)
    assert isinstance(country, Country)
    assert country.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japna", "JP"),
        ("Tiawan", "TW"),
        ("대민국", "KR"),
        ("Koreaa", "KR"),
        ("Untied States", "US"),
        ("Untied Kingdom", "GB"),
        ("Singapur", "SG"),
        ("にほん", None),  # hiragana: no close name, no suggestion required
        ("イギリフ", "GB"),
        ("한극", "KR"),
        ("Phillipines", "PH"),
    ],
)
def test_typos_give_suggestions(text: str, expected: str | None) -> None:
    with pytest.raises(CountryNotFound) as info:
        lookup(text)
    err = info.value
    assert err.text == text
    assert len(err.suggestions) <= 3
    assert len(set(err.suggestions)) == len(err.suggestions)
    assert all(get(code).code == code for code in err.suggestions)
    if expected is not None:
        assert err.suggestions[0] == expected
    assert isinstance(err, LookupError)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "xyz", "ZZ", "EU", "UN", "001", "419", "XA", "QO", "AC", "Atlantis", "😀", "x" * 100_000],
)
def test_unknown(text: str) -> None:
    with pytest.raises(CountryNotFound) as info:
        lookup(text)
    assert len(info.value.text) <= 100
    assert len(info.value.suggestions) <= 3


def test_not_found_message_names_the_suggestions() -> None:
    with pytest.raises(CountryNotFound, match=r"JP"):
        lookup("Japna")


@pytest.mark.parametrize("code", ["ZZ", "EU", "XX", "", "JPN", "001"])
def test_get_unknown_is_key_error(code: str) -> None:
    with pytest.raises(KeyError):
        get(code)


def test_get_any_case() -> None:
    assert get("jp") is get(" JP ") is lookup("Japan")


def test_name() -> None:
    assert name("KR", "en") == "South Korea"
    assert name("KR", "ja") == "韓国"
    assert name("KR", "ko") == "대한민국"
    assert name("kr", "ja_JP") == "韓国"
    assert name("KR", "ko-KR") == "대한민국"
    assert name("KR", "fr") == "South Korea"  # falls back to English
    assert name("JP", "") == "Japan"
    with pytest.raises(KeyError):
        name("ZZ", "en")


def test_key_facts() -> None:
    jp, kr, us, tw = get("JP"), get("KR"), get("US"), get("TW")
    assert (jp.calling_code, jp.zones) == (81, ("Asia/Tokyo",))
    assert (kr.calling_code, kr.zones) == (82, ("Asia/Seoul",))
    assert us.calling_code == 1 and "America/Los_Angeles" in us.zones and us.zones[0] == "America/New_York"
    assert (tw.calling_code, tw.zones) == (886, ("Asia/Taipei",))
    assert get("XK").zones == ("Europe/Belgrade",) and get("XK").calling_code == 383
    assert get("AQ").calling_code is None
    assert get("BV").zones == ()


def test_full_list() -> None:
    everything = all_countries()
    codes = [c.code for c in everything]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert 245 <= len(codes) <= 260
    assert {"KR", "JP", "US", "TW", "GB", "CN", "HK", "MO", "KP", "XK"} <= set(codes)
    assert not {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"} & set(
        codes
    )
    for country in everything:
        assert len(country.code) == 2 and country.code.isascii() and country.code.isupper()
        assert set(country.names) == {"en", "ja", "ko"}
        assert all(n.strip() for n in country.names.values())
        for zone in country.zones:
            ZoneInfo(zone)  # raises for an unknown zone
        if country.calling_code is not None:
            assert phonenumbers.country_code_for_region(country.code) == country.calling_code
        # every name finds its own country
        for text in (country.code, *country.names.values()):
            assert lookup(text) is country, text
    assert all_countries() is everything  # cached


def test_countries_are_immutable_and_hashable() -> None:
    jp = get("JP")
    with pytest.raises(TypeError):
        jp.names["en"] = "Nippon"  # type: ignore[index]
    with pytest.raises(AttributeError):
        jp.code = "KR"  # type: ignore[misc]
    assert len({jp, get("JP"), get("KR")}) == 2


def test_no_two_countries_share_a_key() -> None:
    data = json.loads(
        resources.files("kakaoaudit").joinpath("data").joinpath("countries.json").read_text("utf-8")
    )
    owner: dict[str, str] = {}
    for code, entry in data["countries"].items():
        for text in (code, *entry["names"].values(), *data["aliases"].get(code, [])):
            key = normalize_key(text)
            assert key, text
            assert owner.setdefault(key, code) == code, (text, code, owner[key])


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Côte d’Ivoire", "cotedivoire"),
        ("U.S.A.", "usa"),
        ("ｊａｐａｎ", "japan"),
        ("대한 민국", "대한민국"),
        ("ガーナ", "ガーナ"),
        ("St. Kitts & Nevis", "stkittsnevis"),
    ],
)
def test_normalize_key(text: str, key: str) -> None:
    assert normalize_key(text) == key


# ---- the generator ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generator() -> Iterator[ModuleType]:
    import babel  # noqa: F401 - a test dependency: missing, it is an error, never a skip

    path = ROOT / "tools" / "gen_countries.py"
    spec = importlib.util.spec_from_file_location("gen_countries_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module


def test_generator_is_deterministic(generator: Any) -> None:
    first = generator.render(generator.build())
    second = generator.render(generator.build())
    assert first == second
    assert "\r" not in first and first.endswith("}\n") and "\n" not in first[:-1]


def test_committed_json_is_up_to_date(generator: Any) -> None:
    """The committed data is what the installed babel, tzdata and phonenumbers give. When one of them
    moves, the check still runs (never a skip): the same data passes, changed data fails, naming it."""
    committed_text = (ROOT / "kakaoaudit" / "data" / "countries.json").read_text(encoding="utf-8")
    fresh = generator.build()
    assert fresh["generated_with"] == {pkg: metadata.version(pkg) for pkg in ("babel", "tzdata", "phonenumbers")}
    problem = generator.staleness(committed_text, fresh)
    assert problem is None, f"kakaoaudit/data/countries.json is out of date: {problem}"
    if json.loads(committed_text)["generated_with"] == fresh["generated_with"]:
        assert generator.render(fresh) == committed_text, "run python tools/gen_countries.py"


def test_a_moved_dependency_is_compared_not_skipped(generator: Any, tmp_path: Path) -> None:
    fresh = generator.build()
    older = {**fresh, "generated_with": {**fresh["generated_with"], "tzdata": "2000.1"}}
    # Another version, the same data: still up to date.
    assert generator.staleness(generator.render(older), fresh) is None
    out = tmp_path / "countries.json"
    out.write_text(generator.render(older), encoding="utf-8")
    assert generator.main(["--output", str(out), "--check"]) == 0
    # Another version and other data (a zone the new tzdata moved): out of date, saying what and why.
    countries = dict(fresh["countries"])
    countries["JP"] = {**countries["JP"], "zones": ["Asia/Seoul"]}
    stale = generator.render({**older, "countries": countries})
    problem = generator.staleness(stale, fresh)
    assert problem is not None
    assert "countries: JP" in problem and "2000.1" in problem and fresh["generated_with"]["tzdata"] in problem
    out.write_text(stale, encoding="utf-8")
    assert generator.main(["--output", str(out), "--check"]) == 1


def test_generator_check_mode(generator: Any, tmp_path: Path) -> None:
    out = tmp_path / "countries.json"
    assert generator.main(["--output", str(out), "--check"]) == 1
    assert generator.main(["--output", str(out)]) == 0
    assert generator.main(["--output", str(out), "--check"]) == 0
    assert out.read_bytes().count(b"\r") == 0


def test_a_code_is_found_without_building_the_names_index(monkeypatch: pytest.MonkeyPatch) -> None:
    from kakaoaudit.core import countries

    monkeypatch.setattr(countries, "_names", None)
    assert [lookup(text).code for text in ("TW", " sg ", "ｊｐ", "U.S.")] == ["TW", "SG", "JP", "US"]
    assert countries._names is None  # what answer files hold costs no normalising of ~1,400 names
    assert lookup("台湾").code == "TW"
    assert countries._names is not None
    # The fast path agrees with the index for every code (the two-letter key of a code is never a name).
    assert all(countries._names.by_key[country.code.lower()] == country.code for country in all_countries())
