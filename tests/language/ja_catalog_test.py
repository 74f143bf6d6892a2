"""Every Japanese translation, and every Japanese doc page, keeps the glossary (docs/glossary.ja.md) and
reads as Japanese: no Hangul, no stray spaces, Japanese punctuation, natural titles for unknowns."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("babel")

from babel.messages.pofile import read_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
JA = ROOT / "kakaoaudit" / "locale" / "ja" / "LC_MESSAGES"
#: The domain of the country names, generated from CLDR by tools/gen_travel_countries.py.
CLDR_NAMES = "kakaoaudit.travel.countries"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"kakaoaudit_tests_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


rules = _load("ja_rules")


def _entries() -> list[tuple[str, str, str]]:
    """(domain, msgid, msgstr) for every translated Japanese message."""
    found = []
    for po in sorted(JA.glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale="ja", domain=po.stem)
        found.extend((po.stem, str(m.id), str(m.string)) for m in catalog if m.id and m.string)
    return found


def test_the_glossary_table_is_read() -> None:
    terms = {term.preferred: term for term in rules.glossary()}
    assert {"公衆Wi-Fi", "フォルダー", "ブラウザー", "カテゴリー", "パスワード管理ツール", "本人確認書類", "トーク",
            "ウェブ"} <= terms.keys()
    assert all(term.avoid for term in terms.values())


@pytest.mark.parametrize(("text", "rule"), [
    ("空港の公共 Wi-Fi では", "公衆Wi-Fi"),
    ("迷惑メールフォルダを確認", "フォルダー"),
    ("パスワードマネージャーを使う", "パスワード管理ツール"),
    ("顔写真付きの身分証明書", "本人確認書類"),
    ("グループチャットに招待", "トーク"),
    ("Webページを開く", "ウェブ"),
    ("Talk Drawer Plus(톡서랍 플러스)", "Hangul"),
    ("国名 で答えてください", "particle"),
    ("{country} で答えてください", "placeholder"),
    ("14 日間", "counter"),
    ("日本, 台湾", "comma"),
    ("(y/n, u = わからない)", "y/n"),
    ("アメリカ合衆国 (US)", "bracket"),
])
def test_each_rule_catches_its_mistake(text: str, rule: str) -> None:
    assert any(rule in problem for problem in rules.problems(text)), rules.problems(text)


def test_product_names_and_good_japanese_pass() -> None:
    text = ("公衆Wi-Fi では VPN を使い、オープンチャットとシークレットチャットは含まれません。"
            "{country}では14日間、台湾（TW）の「はい/いいえ」で答えてください。"
            "Talk Drawer Plus はカカオの有料の自動バックアップです。")
    assert rules.problems(text) == []


def test_every_japanese_translation_keeps_the_glossary_and_the_typography() -> None:
    found = []
    for domain, msgid, msgstr in _entries():
        if domain == CLDR_NAMES:
            continue  # Unicode CLDR's country names, generated unchanged (「ココス(キーリング)諸島」)
        # Hangul only where the English shows it too: country names given as examples of what to type.
        allowed = set(rules.HANGUL.findall(msgid))
        found.extend(f"{domain}: {msgid[:60]!r}: {problem}"
                     for problem in rules.problems(msgstr, allowed_hangul=allowed))
    assert found == [], "\n".join(found[:60])


def test_titles_for_what_you_do_not_know_say_so_plainly() -> None:
    """「~がわかりません」, never 「~わからない状態です」 or 「覚えていない状態です」 (review D3)."""
    openings = ("You are not sure", "You do not know", "You do not remember")
    titles = [(msgid, msgstr) for _domain, msgid, msgstr in _entries()
              if msgid.startswith(openings) and ":" not in msgid and "." not in msgid]
    assert len(titles) >= 30
    wrong = [(msgid, msgstr) for msgid, msgstr in titles if not msgstr.endswith("わかりません")]
    assert wrong == []
    stilted = [msgstr for _d, _i, msgstr in _entries() if "状態です" in msgstr and ("わからない" in msgstr
                                                                                   or "覚えていない" in msgstr
                                                                                   or "決まっていない" in msgstr)]
    assert stilted == []


def test_you_answered_i_do_not_know_is_not_an_honorific_report() -> None:
    """「「わからない」と回答したため、判断できません。」 rather than 「と回答されました」 (review D10)."""
    assert not [msgstr for _d, _i, msgstr in _entries() if "回答されました" in msgstr or "回答されたため" in msgstr]


def test_the_japanese_doc_pages_keep_the_glossary() -> None:
    found = []
    for page in sorted((ROOT / "docs").glob("*.ja.md")):
        if page.name == "glossary.ja.md":
            continue
        text = page.read_text(encoding="utf-8")
        for term in rules.glossary():
            for pattern in term.avoid:
                found.extend(f"{page.name}: {match.group(0)!r}: write {term.preferred}"
                             for match in pattern.finditer(text))
        # Hangul only in code: the Korean names one may type (`--to 대만`).
        prose = re.sub(r"`[^`\n]*`", "", rules.URL.sub("", text))
        found.extend(f"{page.name}: Hangul {word!r}" for word in rules.HANGUL.findall(prose))
    assert found == [], "\n".join(found[:60])


def test_paths_addresses_and_numbers_are_set_off_with_brackets() -> None:
    """「登録番号「+81 90-…」は」, not 「登録番号+81 90-…は」: a Latin value never runs into the Japanese."""
    latin = r"\{(?:path|email|phone|domain|host|number|folder|suggestion)\}"
    glued = re.compile(r"[" + rules.JAPANESE + r"]" + latin + "|" + latin + r"[" + rules.JAPANESE + r"]")
    found = [f"{domain}: {msgstr}" for domain, _msgid, msgstr in _entries() if glued.search(msgstr)]
    assert found == [], "\n".join(found[:20])
