"""What natural Japanese output looks like, as checks on a text: the glossary (docs/glossary.ja.md) and
the typography rules that go with it. Shared by the ja_*_test.py files (loaded by path: no package)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GLOSSARY = ROOT / "docs" / "glossary.ja.md"

JAPANESE = "ぁ-んァ-ヶ一-龥々ー"
PARTICLES = "をがはでにのとへもや"
#: Counters written right after their number: 14日間, 3件, 1時間, 2つ.
COUNTERS = "日間|日前|日後|日(?!本)|時間|回|件|点|分|か月|ヶ月|年|歳|文字|桁|個|人|通|倍|秒|週間|か国|つ"
HANGUL = re.compile(r"[\uac00-\ud7a3]+")
URL = re.compile(r"<?https?://\S+")

#: (rule, pattern) for texts shown to a Japanese reader, catalog entries and rendered output alike.
TYPOGRAPHY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a space between a placeholder and its particle", re.compile(r"\} [" + PARTICLES + "]")),
    ("a space before a particle", re.compile(r"[" + JAPANESE + r"」）] [" + PARTICLES + r"](?=[" + JAPANESE + "])")),
    ("a space between a number and its counter", re.compile(r"(?:\d|\})\s(?:" + COUNTERS + ")")),
    ("an ASCII comma between Japanese words (use 、)", re.compile(r"[" + JAPANESE + r"」）], [" + JAPANESE + "「（]")),
    ("y/n instead of はい/いいえ", re.compile(r"(?<![A-Za-z])[yY]/[nN](?![A-Za-z])")),
    ("a half-width bracket next to Japanese (use （）)",
     re.compile(r"[" + JAPANESE + r"、。」] ?\(|\)[" + JAPANESE + "「、。]")),
)


@dataclass(frozen=True)
class Term:
    preferred: str
    avoid: tuple[re.Pattern[str], ...]


def glossary() -> list[Term]:
    """The glossary table: | preferred | `regex`, `regex` | note |; a '|' inside a regex is written '\\|'."""
    terms = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) < 3 or not line.startswith("|") or set(cells[0]) <= {"-"} or cells[0] == "使う語":
            continue
        patterns = tuple(re.compile(p.replace("\\|", "|")) for p in re.findall(r"`([^`]+)`", cells[1]))
        terms.append(Term(cells[0], patterns))
    return terms


def problems(text: str, *, allowed_hangul: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Every rule `text` breaks, one line each (empty: natural Japanese as far as these rules go)."""
    found = []
    for term in glossary():
        for pattern in term.avoid:
            for match in pattern.finditer(text):
                found.append(f"{match.group(0)!r}: write {term.preferred} ({_around(text, match)})")
    for rule, pattern in TYPOGRAPHY:
        for match in pattern.finditer(text):
            found.append(f"{rule}: {_around(text, match)}")
    for match in HANGUL.finditer(URL.sub("", text)):
        if match.group(0) not in allowed_hangul:
            found.append(f"Hangul in Japanese: {match.group(0)!r}")
    return found


def _around(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 15):match.end() + 15].replace("\n", " ")
