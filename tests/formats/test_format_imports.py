"""Each format loads what it uses: Markdown, HTML and JSON do not load the terminal table (and tabulate)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_a_format_does_not_load_the_table_renderer(fmt: str) -> None:
    code = ("import sys; from kakaoaudit.cli import main; main(['demo', '--format', '" + fmt + "']); "
            "print(sorted(m for m in ('tabulate', 'kakaoaudit.formats.table') if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"
