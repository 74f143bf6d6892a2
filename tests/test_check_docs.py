"""The generated check reference is up to date with the code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_check_reference_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen_check_docs", ROOT / "tools" / "gen_check_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    for lang, path in module.PAGES.items():
        expected = module.render(lang)
        assert path.read_text(encoding="utf-8") == expected, f"{path.name}: run python tools/gen_check_docs.py"
        for check_id in ("KA401",):
            assert f"## {check_id} " in expected
