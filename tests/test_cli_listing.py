"""`kakaoaudit --help` lists the extension commands without importing them, exactly as if it did.

The list comes from `EXTENSION_LISTING` (the commands' short helps, in their own domains) and the
help's width is computed without shutil; both must give what the commands and click would.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click import formatting

from kakaoaudit import cli as cli_module
from kakaoaudit.core.i18n import LANGUAGES, set_language


def command_in(lang: str, name: str) -> click.Command:
    """The extension command `name` built with its texts in `lang`."""
    module = importlib.import_module(cli_module.EXTENSION_COMMANDS[name])
    if "command" in vars(module):  # built when the module is imported: build it again in `lang`
        module = importlib.reload(module)
    command: click.Command = module.command
    return command


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_listed_short_help_is_the_commands_own(lang: str) -> None:
    set_language(lang)
    try:
        for name in cli_module.EXTENSION_COMMANDS:
            command = command_in(lang, name)
            listed = cli_module.listed_command(name)
            for limit in (20, 45, 60, 80, 200):
                assert listed.get_short_help_str(limit) == command.get_short_help_str(limit), (name, limit)
    finally:
        set_language("en")
        command_in("en", "show")
        command_in("en", "summary")


HELP = "import sys\nfrom kakaoaudit import cli\n{setup}\nsys.exit(cli.main({args!r}))"


@pytest.mark.parametrize("columns", ["", "52", "120"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_help_is_the_same_as_with_the_commands_loaded(lang: str, columns: str) -> None:
    """One process per run, as a user runs it: the same text as when every command is imported and built."""
    env = {**os.environ, "COLUMNS": columns, "KAKAOAUDIT_NO_PLUGINS": "1"}

    def help_text(setup: str) -> str:
        code = HELP.format(setup=setup, args=["--lang", lang, "--help"])
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                              cwd=Path(__file__).parent, check=True)
        return done.stdout

    listed = help_text("")
    assert listed == help_text("cli.EXTENSION_LISTING.clear()  # every command imported and built")
    for name in cli_module.EXTENSION_COMMANDS:
        assert f"  {name} " in listed


@pytest.mark.parametrize("columns", [None, "", "0", "-5", "abc", "30", "60", "98", "99", "100", "101", "250"])
@pytest.mark.parametrize("max_width", [None, 60, 100])
def test_the_help_width_is_clicks(monkeypatch: pytest.MonkeyPatch, columns: str | None, max_width: int | None) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert cli_module.terminal_columns() == shutil.get_terminal_size().columns
    assert cli_module.help_width(max_width) == click.HelpFormatter(max_width=max_width).width
    monkeypatch.setattr(formatting, "FORCED_WIDTH", 77)  # click's test runner forces a width
    assert cli_module.help_width(max_width) == click.HelpFormatter(max_width=max_width).width == 77


PROBE = """
import json, sys
from kakaoaudit.cli import main
code = main({args!r})
watched = ('shutil', 'dataclasses', 'urllib.request', 'ssl', 'http.client', 'tempfile', 'zipfile')
print(json.dumps(sorted(m for m in sys.modules if m.startswith('kakaoaudit') or m in watched)))
"""


def modules_after(*args: str) -> set[str]:
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "KAKAOAUDIT_NO_PLUGINS": "1"}
    done = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True, text=True,
                          env=env, timeout=60, cwd=Path(__file__).parent, check=True)
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return set(loaded)


def test_help_imports_no_command_module_and_no_shutil() -> None:
    loaded = modules_after("--help")
    assert not {name for name in loaded if name.startswith("kakaoaudit.commands.")}
    assert "shutil" not in loaded


def test_version_imports_only_the_command_line() -> None:
    # i18n's helpers (placeholders, untrusted) are two small modules of regular expressions.
    assert modules_after("--version") <= {"kakaoaudit", "kakaoaudit.cli", "kakaoaudit.core", "kakaoaudit.core.i18n",
                                          "kakaoaudit.core.placeholders", "kakaoaudit.core.untrusted",
                                          "kakaoaudit.core.claims", "kakaoaudit.core.facts",
                                          "kakaoaudit.core.disclaimer", "kakaoaudit.core.errors", "kakaoaudit.formats",
                                          "kakaoaudit.options",
                                          "dataclasses"}


def test_the_demo_needs_neither_the_network_stack_nor_the_commands_logic() -> None:
    loaded = modules_after("demo", "--format", "json")
    unwanted = {"kakaoaudit.breach.online", "urllib.request", "ssl", "http.client", "kakaoaudit.triage.assess",
                "kakaoaudit.triage.support_kit", "kakaoaudit.triage.restriction"}
    assert not loaded & unwanted
    assert {"kakaoaudit.triage.questions", "kakaoaudit.triage.support_kit_questions"} <= loaded


def test_the_demo_asks_nothing_so_it_loads_no_questionnaire() -> None:
    loaded = modules_after("demo", "--format", "json")
    assert not loaded & {"kakaoaudit.commands.answering", "kakaoaudit.questionnaire.flow",
                         "kakaoaudit.questionnaire.store", "kakaoaudit.questionnaire.prompt"}
    assert "kakaoaudit.commands.quick_check" in loaded  # what the quick check covered: nothing left out


EXIT_PROBE = """
import atexit, gc, sys
# Registered first, so it runs last (exit handlers run in reverse): after kakaoaudit's own.
atexit.register(lambda: sys.stderr.write(f"frozen at exit: {{gc.get_freeze_count() > 0}}\\n"))
from kakaoaudit.cli import main
for _ in range({times}):
    code = main(["demo", "--format", "json"])
sys.stdout.flush()
sys.exit(code)
"""


@pytest.mark.parametrize("times", [1, 2])
def test_the_last_garbage_collection_is_left_out_at_exit_and_the_report_is_whole(times: int) -> None:
    env = {**os.environ, "KAKAOAUDIT_LANG": "en", "KAKAOAUDIT_NO_PLUGINS": "1"}
    done = subprocess.run([sys.executable, "-c", EXIT_PROBE.format(times=times)], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.strip().splitlines()[-1] == "frozen at exit: True"
    reports = done.stdout.replace("}\n{", "}\n\x00{").split("\x00")
    assert len(reports) == times
    assert all(json.loads(report)["score"] >= 0 for report in reports)  # each delivered whole before exit
