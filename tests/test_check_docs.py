"""The generated check reference (docs/checks/) is up to date with the code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_check_docs", ROOT / "tools" / "gen_check_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_check_reference_is_up_to_date() -> None:
    generator = load_generator()
    wanted = generator.pages()
    for path, text in wanted.items():
        assert path.exists() and path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} is out of date: run python tools/gen_check_docs.py"
        )
    extra = set(generator.FOLDER.glob("*.md")) - set(wanted)
    assert not extra, f"pages of checks that no longer exist: {sorted(extra)}"


def test_every_builtin_check_has_its_page_in_both_languages() -> None:
    from kakaoaudit.core.registry import discover

    generator = load_generator()
    wanted = generator.pages()
    for loaded in discover().checks:
        if loaded.builtin:
            for suffix in (".md", ".ja.md"):
                assert generator.FOLDER / f"{loaded.check.id}{suffix}" in wanted


def test_every_builtin_check_says_why_it_matters_and_how_to_fix() -> None:
    from kakaoaudit.core.registry import discover

    for loaded in discover().checks:
        if loaded.builtin:
            check = loaded.check
            assert check.__doc__ and check.__doc__.strip(), check.id
            assert check.why is not None, f"{check.id} has no 'why'"
            assert check.fix is not None, f"{check.id} has no 'fix'"
            assert check.fix.render("ja") != check.fix.render("en"), f"{check.id}: 'fix' lacks Japanese"
