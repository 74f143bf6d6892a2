"""The house keeps its rooms: imports go from the commands to the capabilities to the core, never back,
with no cycle, and the built-in checks import only the check API, as a third-party plugin must.

Every import statement counts, also one inside a function (a lazy import is still a dependency), and so
does a string naming a kakaoaudit module for importlib; only imports under ``if TYPE_CHECKING:`` are
left out.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kakaoaudit"

#: The rooms each room may import (besides itself and the top-level ``kakaoaudit`` for __version__).
#: The top layer (cli, commands, api) may use every room; formats read only the report model.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "contacts": {"core"},
    "password": {"core"},
    "breach": {"core"},
    "urls": {"core"},
    "travel": {"core"},
    "triage": {"core", "contacts"},
    "history": {"core"},
    "questionnaire": {"core"},
    "formats": {"core"},
    "data": set(),
}
TOP = {"cli", "options", "commands", "api", "__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


_MODULE_PATH = re.compile(r"kakaoaudit(?:\.[a-z_]+)+")


def imports_of(path: Path) -> Iterator[str]:
    """The kakaoaudit modules `path` imports, outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(child) for statement in node.body for child in ast.walk(statement))
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    # Strings that name a module to import later (importlib.import_module, the api's lazy names, the
    # command table): any string constant that is a kakaoaudit module path, apart from docstrings and the
    # gettext domains given to translator() (stable names, not imports).
    not_imports = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    not_imports |= {id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call)
                    and ast.unparse(node.func).endswith("translator") for arg in node.args}
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in not_imports:
            named = node.value.split(":", 1)[0]
            if _MODULE_PATH.fullmatch(named) and named in _modules():
                yield named
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("kakaoaudit"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *filter(None, [base])])
            if not base.startswith("kakaoaudit"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield candidate if (ROOT / (candidate.replace(".", "/") + ".py")).exists() else base


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kakaoaudit"


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_down(path: Path) -> None:
    room = room_of(module_name(path))
    if room in TOP or room == "kakaoaudit":
        return
    allowed = ALLOWED[room] | {room, "kakaoaudit", "data"}  # kakaoaudit.data holds files only (importlib.resources)
    wrong = sorted({target for target in imports_of(path) if room_of(target) not in allowed})
    assert not wrong, f"{room} may import only {sorted(allowed)}"


def test_every_room_is_known() -> None:
    rooms = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert rooms <= set(ALLOWED) | TOP


def test_no_import_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in sources():
        name = module_name(path)
        graph[name] = {target for target in imports_of(path) if target != name and target in _modules()}
    # A package's __init__ is imported with each of its modules: not an edge of its own.
    for name, targets in graph.items():
        targets.discard(name.rsplit(".", 1)[0])
    cycle = _find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


@functools.cache
def _modules() -> frozenset[str]:
    return frozenset(module_name(path) for path in sources())


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


@pytest.mark.parametrize("path", sorted((ROOT / "checks").glob("*.py")), ids=lambda p: p.name)
def test_built_in_checks_import_only_the_check_api(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("kakaoaudit"):
            assert node.module == "kakaoaudit.api", f"line {node.lineno}: {node.module}"
        if isinstance(node, ast.Import):
            assert not any(alias.name.startswith("kakaoaudit") for alias in node.names), f"line {node.lineno}"


def test_the_api_names_what_it_exports() -> None:
    from kakaoaudit import api

    for name in api.__all__:
        assert getattr(api, name) is not None, name
