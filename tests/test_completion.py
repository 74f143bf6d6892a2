"""Shell completion (docs/completion.md): the scripts for bash, zsh and fish, and a completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "kakaoaudit"], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).parent, timeout=60)


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o"), ("zsh", "compdef"), ("fish", "complete")])
def test_completion_script(shell: str, marker: str) -> None:
    result = run({"_KAKAOAUDIT_COMPLETE": f"{shell}_source"})
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout


def test_commands_complete() -> None:
    result = run({"_KAKAOAUDIT_COMPLETE": "bash_complete", "COMP_WORDS": "kakaoaudit de", "COMP_CWORD": "1"})
    assert "demo" in {line.split(",")[-1] for line in result.stdout.split()}
    result = run({"_KAKAOAUDIT_COMPLETE": "bash_complete", "COMP_WORDS": "kakaoaudit tr", "COMP_CWORD": "1"})
    assert {"travel", "triage"} <= {line.split(",")[-1] for line in result.stdout.split()}
