"""Every message of the triage and support-kit modules is translated into Japanese and Korean.

Read from the source with `ast`, so that a message the gettext extractor cannot see (a `_()` nested
in the arguments of another `_()`) is caught too.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "kakaoaudit"
MODULES = {  # domain -> the source files writing into it
    "kakaoaudit.restriction": [SRC / "triage" / "restriction.py", SRC / "triage" / "restriction_questions.py"],
    "kakaoaudit.triage": [SRC / "triage" / "assess.py", SRC / "triage" / "questions.py"],
    "kakaoaudit.support_kit": [SRC / "triage" / "support_kit.py", SRC / "triage" / "support_kit_questions.py"],
    "kakaoaudit.commands.triage": [SRC / "commands" / "triage.py"],
    "kakaoaudit.commands.support_kit": [SRC / "commands" / "support_kit.py"],
    "kakaoaudit.commands.session": [SRC / "commands" / "session.py"],
}


def messages(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), ast.dump(first)
            found.append(first.value)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["ja", "ko"])
@pytest.mark.parametrize("domain", sorted(MODULES))
def test_every_message_is_translated(domain: str, lang: str) -> None:
    from babel.messages.mofile import read_mo

    with (ROOT / "kakaoaudit" / "locale" / lang / "LC_MESSAGES" / f"{domain}.mo").open("rb") as handle:
        compiled = {message.id: message.string for message in read_mo(handle) if message.id}
    found = [msgid for path in MODULES[domain] for msgid in messages(path)]
    assert all(messages(path) for path in MODULES[domain])
    for msgid in found:
        translated = compiled.get(msgid)
        assert translated, (lang, msgid)
        assert fields(str(translated)) == fields(msgid), (lang, msgid)
