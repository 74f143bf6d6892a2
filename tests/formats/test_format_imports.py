"""Each format loads what it uses: Markdown, HTML and JSON load neither terminal view (the table with
tabulate, the short view with wcwidth): a shared heading lives in `formats.sections`."""

from __future__ import annotations

import subprocess
import sys

import pytest

TERMINAL_ONLY = ("tabulate", "wcwidth", "kakaoaudit.formats.table", "kakaoaudit.formats.brief",
                 "kakaoaudit.formats.terminal")


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
@pytest.mark.parametrize("view", [[], ["--full"]])
def test_a_format_does_not_load_the_terminal_renderers(fmt: str, view: list[str]) -> None:
    argv = ["demo", "--format", fmt, *view]
    code = (f"import sys; from kakaoaudit.cli import main; main({argv!r}); "
            f"print(sorted(m for m in {TERMINAL_ONLY!r} if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip(), "the format wrote nothing"
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_the_short_terminal_view_loads_its_renderer() -> None:
    # The check above can fail: the table view does load what the other formats must not.
    code = ("import sys; from kakaoaudit.cli import main; main(['demo', '--format', 'table']); "
            "print('kakaoaudit.formats.brief' in sys.modules and 'wcwidth' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stderr.strip().splitlines()[-1] == "True"
