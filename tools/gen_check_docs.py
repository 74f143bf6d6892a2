"""Generate the check reference (docs/checks/) from the registry: one page per check and an index,
in English (``KA401.md``) and Japanese (``KA401.ja.md``).

    python tools/gen_check_docs.py           # write the pages (and remove pages of checks that are gone)
    python tools/gen_check_docs.py --check   # exit 1 when a page is out of date

Each page comes from the check class itself: its docstring (the documentation), `why`, `fix`, its
questions and the ADVICE IDs and references it declares — so the documentation cannot drift from
the code. Only built-in checks are listed (plugins document themselves).

The Japanese page's body is the Japanese translation of the docstring, kept in
``checks/docs/<ID>.ja.md`` (next to the code, outside docs/ so that mkdocs does not publish it as a page).
Its first line records the SHA-256 of the English docstring it was translated from; when the docstring
changes, ``--check`` (and writing) fails until the translation is updated and its hash with it:

    python tools/gen_check_docs.py --hash KA401   # the hash line for the current docstring
"""

from __future__ import annotations

import hashlib
import inspect
import re
import sys
from pathlib import Path

from kakaoaudit.api import Check
from kakaoaudit.core.questions import QType
from kakaoaudit.core.registry import discover
from kakaoaudit.questionnaire.template import condition_text, how_to_write, toml_value

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "checks"
SUFFIX = {"en": ".md", "ja": ".ja.md"}
#: The translations of the docstrings, one file per check and language: ``<ID>.<lang>.md``.
TRANSLATIONS = ROOT / "checks" / "docs"
_HASH_LINE = re.compile(r"<!-- english-sha256: ([0-9a-f]{64}) -->\n")


class StaleTranslation(Exception):
    """A translated docstring that is missing or was made from another version of the English text."""

HEADINGS = {
    "en": {
        "title": "Check reference",
        "intro": "Every built-in check: its ID (permanent), what it asks, what it reports and the article's advice "
        "it covers (ADVICE.md IDs). Generated from the code by `python tools/gen_check_docs.py`; "
        "`kakaoaudit checks` lists the installed checks, plugins included.",
        "category": "Category",
        "weight": "Weight",
        "network": "Uses the network",
        "password": "Needs the password",
        "advice": "ADVICE IDs",
        "why": "Why it matters",
        "fix": "How to fix",
        "id": "ID",
        "check": "Check",
        "questions": "Questions",
        "references": "References",
        "yes": "yes",
        "no": "no",
        "only_when": "only when",
        "default": "default",
        "unknown_ok": "or \"unknown\" (I don't know)",
        "choices": "one of",
        "choices_multi": "any of",
        "separator": "; ",
        "brackets": " ({})",
    },
    "ja": {
        "title": "チェック一覧",
        "intro": "内蔵のすべてのチェックの ID(変わりません)、質問、結果、対応する記事のアドバイス(ADVICE.md の ID)。"
        "`python tools/gen_check_docs.py` でコードから生成しています。インストール済みのチェック(プラグインを含む)は "
        "`kakaoaudit checks` で一覧できます。",
        "category": "カテゴリー",
        "weight": "配点",
        "network": "ネットワーク",
        "password": "パスワード",
        "advice": "ADVICE ID",
        "why": "なぜ大切か",
        "fix": "直し方",
        "id": "ID",
        "check": "チェック",
        "questions": "質問",
        "references": "参考",
        "yes": "使う",
        "no": "使わない",
        "only_when": "次の場合のみ:",
        "default": "既定値",
        "unknown_ok": "わからなければ \"unknown\"",
        "choices": "次の中から1つ",
        "choices_multi": "次の中からいくつでも",
        "separator": "。",
        "brackets": "({})",
    },
}


def english_hash(check: type[Check]) -> str:
    """The SHA-256 of the check's docstring as the English page shows it."""
    return hashlib.sha256(inspect.cleandoc(check.__doc__ or "").encode("utf-8")).hexdigest()


def hash_line(check: type[Check]) -> str:
    return f"<!-- english-sha256: {english_hash(check)} -->"


def translated_doc(check: type[Check], lang: str) -> str:
    """The docstring in `lang`: the English one, or its translation when it matches the English text."""
    if lang == "en":
        return inspect.cleandoc(check.__doc__ or "")
    path = TRANSLATIONS / f"{check.id}.{lang}.md"
    where = path.relative_to(ROOT)
    if not path.exists():
        raise StaleTranslation(f"{where} is missing: translate {check.id}'s docstring, first line {hash_line(check)}")
    text = path.read_text(encoding="utf-8")
    match = _HASH_LINE.match(text)
    if match is None:
        raise StaleTranslation(f"{where}: the first line must be {hash_line(check)}")
    if match.group(1) != english_hash(check):
        raise StaleTranslation(f"{where} was translated from another version of {check.id}'s docstring: update "
                               f"the translation, then its first line to {hash_line(check)}")
    return text[match.end():].strip()


def stale_translations() -> list[str]:
    """One line per translation that is missing or out of date."""
    problems = []
    for loaded in discover().checks:
        if loaded.builtin:
            for lang in SUFFIX:
                try:
                    translated_doc(loaded.check, lang)
                except StaleTranslation as error:
                    problems.append(str(error))
    return problems


def pages() -> dict[Path, str]:
    """Every page of the reference, by path (raises `StaleTranslation` when a translation is out of date)."""
    checks = [loaded.check for loaded in discover().checks if loaded.builtin]
    found: dict[Path, str] = {}
    for lang, suffix in SUFFIX.items():
        found[FOLDER / f"index{suffix}"] = render_index(checks, lang)
        for check in checks:
            section = _check_section(check, lang, HEADINGS[lang])
            found[FOLDER / f"{check.id}{suffix}"] = "\n".join(section).rstrip() + "\n"
    return found


def render_index(checks: list[type[Check]], lang: str) -> str:
    words = HEADINGS[lang]
    lines = [f"# {words['title']}", "", words["intro"], ""]
    lines.append(f"| {words['id']} | {words['check']} | {words['category']} | {words['weight']} | {words['advice']} |")
    lines.append("|---|---|---|---|---|")
    for check in checks:
        lines.append(
            f"| [{check.id}]({check.id}.md) | {check.title.render(lang)} | {check.category.label.render(lang)} | "
            f"{check.weight} | {', '.join(check.advice_ids) or '-'} |"
        )
    return "\n".join(lines) + "\n"


def _check_section(check: type[Check], lang: str, words: dict[str, str]) -> list[str]:
    lines = [f"# {check.id} {check.title.render(lang)}", ""]
    lines.append(
        f"{words['category']}: {check.category.label.render(lang)} · {words['weight']}: {check.weight} · "
        f"{words['network']}: {words['yes'] if check.needs_network else words['no']} · "
        f"{words['password']}: {words['yes'] if check.needs_password else words['no']} · "
        f"{words['advice']}: {', '.join(check.advice_ids) or '-'}"
    )
    lines.append("")
    doc = translated_doc(check, lang)
    if doc:
        lines.extend([doc, ""])
    if check.why is not None:
        lines.extend([f"## {words['why']}", "", check.why.render(lang), ""])
    if check.fix is not None:
        lines.extend([f"## {words['fix']}", "", check.fix.render(lang), ""])
    if check.questions:
        lines.extend([f"## {words['questions']}", ""])
        for question in check.questions:
            if question.type in (QType.CHOICE, QType.MULTI):
                # The page lists the values; the template's wording points at choices written above it.
                choices = " / ".join(f"`{c.value}`" for c in question.choices)
                extra = [f"{words['choices_multi' if question.type is QType.MULTI else 'choices']}: {choices}"]
                if question.allow_unknown:
                    extra.append(words["unknown_ok"])
            else:
                extra = [how_to_write(question).render(lang)]
            if question.has_default:
                extra.append(f"{words['default']} `{toml_value(question.default)}`")
            if question.when:
                extra.append(f"{words['only_when']} {condition_text(question, lang)}")
            details = words["brackets"].format(words["separator"].join(extra))
            lines.append(f"- `{question.id}` — {question.prompt.render(lang)}{details}")
        lines.append("")
    if check.references:
        lines.extend([f"## {words['references']}", ""])
        lines.extend(f"- <{url}>" for url in check.references)
        lines.append("")
    return lines


def main(argv: list[str]) -> int:
    if "--hash" in argv:
        wanted_id = argv[argv.index("--hash") + 1] if argv.index("--hash") + 1 < len(argv) else ""
        for loaded in discover().checks:
            if loaded.check.id == wanted_id:
                print(hash_line(loaded.check))
                return 0
        print(f"no built-in check {wanted_id!r}")
        return 2
    problems = stale_translations()
    for line in problems:
        print(line)
    if problems:
        return 1
    wanted = pages()
    existing = set(FOLDER.glob("*.md"))
    stale = sorted(
        [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        + [p for p in existing if p not in wanted]
    )
    if "--check" in argv:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python tools/gen_check_docs.py")
        return 1 if stale else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for path in existing - set(wanted):
        path.unlink()
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
