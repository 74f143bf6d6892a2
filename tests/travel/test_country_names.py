"""Country names in travel messages render in the report's language, from catalogs that match countries.json."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kakaoaudit.core import countries
from kakaoaudit.core.i18n import Msg
from kakaoaudit.travel.trip import country_choice, country_label, country_list

ROOT = Path(__file__).resolve().parents[2]


def test_every_country_renders_in_every_language() -> None:
    for country in countries.all_countries():
        label = country_label(country.code)
        for lang in ("en", "ja", "ko"):
            assert label.render(lang) == country.names[lang], (country.code, lang)
        # A saved report (JSON) keeps the message, so it renders again in another language.
        assert Msg.from_json(label.to_json()).render("ko") == country.names["ko"]


def test_lists_of_countries() -> None:
    assert country_list(["JP", "KR"]).render("en") == "Japan, South Korea"
    assert country_list(["JP", "KR"]).render("ja") == "日本、韓国"
    assert country_choice(["TW", "JP", "US"]).render("en") == "Taiwan, Japan or United States"
    assert country_choice(["TW", "JP"]).render("ja") == "台湾または日本"
    assert country_choice(["TW", "JP"]).render("ko") == "대만 또는 일본"
    assert country_choice(["TW"]).render("en") == "Taiwan"
    with pytest.raises(ValueError):
        country_list([])


def test_the_catalogs_are_generated_from_the_country_data() -> None:
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("gen_travel_countries", ROOT / "tools" / "gen_travel_countries.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run: python tools/gen_travel_countries.py"
