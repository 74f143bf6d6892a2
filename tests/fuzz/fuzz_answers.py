"""atheris harness for the answers loader (run for longer than the hypothesis properties can).

Not collected by pytest (the name does not start with test_). Run:
    pip install atheris && python tests/fuzz/fuzz_answers.py -max_total_time=600
Any exception other than kakaoaudit's one-line errors is a crash that atheris reports with its input.
"""

from __future__ import annotations

import contextlib
import sys
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from kakaoaudit.commands.audit import known_questions
    from kakaoaudit.core.answers import parse_answers_text
    from kakaoaudit.core.errors import KakaoauditError
    from kakaoaudit.core.registry import discover

QUESTIONS = known_questions(discover())
TODAY = date(2026, 11, 28)


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    with contextlib.suppress(KakaoauditError):
        parse_answers_text(text, Path("fuzz.toml"), QUESTIONS, today=TODAY)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
