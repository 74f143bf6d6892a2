"""Generate the check reference (docs/checks/) from the registry: one page per check and an index,
in English (``KA401.md``) and Japanese (``KA401.ja.md``).

    python tools/gen_check_docs.py           # write the pages (and remove pages of checks that are gone)
    python tools/gen_check_docs.py --check   # exit 1 when a page is out of date

Each page comes from the check class itself: its docstring (the documentation), `why`, `fix`, its
questions and the ADVICE IDs and references it declares — so the documentation cannot drift from
the code. Only built-in checks are listed (plugins document themselves).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from kakaoaudit.api import Check
from kakaoaudit.core.questions import QType
from kakaoaudit.core.registry import discover
from kakaoaudit.questionnaire.template import condition_text

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "checks"
SUFFIX = {"en": ".md", "ja": ".ja.md"}

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
        "unknown_ok": "\"unknown\" allowed",
    },
    "ja": {
        "title": "チェック一覧",
        "intro": "内蔵のすべてのチェックの ID(変わりません)、質問、結果、対応する記事のアドバイス(ADVICE.md の ID)。"
        "`python tools/gen_check_docs.py` でコードから生成しています。インストール済みのチェック(プラグインを含む)は "
        "`kakaoaudit checks` で一覧できます。",
        "category": "カテゴリ",
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
        "only_when": "次の場合のみ",
        "default": "既定値",
        "unknown_ok": "\"unknown\"(わからない)可",
    },
}


def pages() -> dict[Path, str]:
    """Every page of the reference, by path."""
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
    doc = inspect.cleandoc(check.__doc__ or "")
    if doc:
        lines.extend([doc, ""])
    if check.why is not None:
        lines.extend([f"## {words['why']}", "", check.why.render(lang), ""])
    if check.fix is not None:
        lines.extend([f"## {words['fix']}", "", check.fix.render(lang), ""])
    if check.questions:
        lines.extend([f"## {words['questions']}", ""])
        for question in check.questions:
            extra = [question.type.value]
            if question.type in (QType.CHOICE, QType.MULTI):
                extra.append(" / ".join(f"`{c.value}`" for c in question.choices))
            if question.allow_unknown:
                extra.append(words["unknown_ok"])
            if question.has_default:
                extra.append(f"{words['default']} `{question.default}`")
            if question.when:
                extra.append(f"{words['only_when']} `{condition_text(question, lang)}`")
            lines.append(f"- `{question.id}` — {question.prompt.render(lang)} ({'; '.join(extra)})")
        lines.append("")
    if check.references:
        lines.extend([f"## {words['references']}", ""])
        lines.extend(f"- <{url}>" for url in check.references)
        lines.append("")
    return lines


def main(argv: list[str]) -> int:
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
