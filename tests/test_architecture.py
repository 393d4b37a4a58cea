"""The rooms of the integration, as docs/architecture.md describes them.

The plain modules import no Home Assistant and no adapter, and no module takes part
in an import cycle, deferred imports inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "custom_components" / "back_relief"

# The plain routine: whole rooms, and plain modules in the other rooms.
PLAIN_ROOMS = ("routine",)
PLAIN_MODULES = frozenset(
    {
        "const",
        "language.texts",
        "language.wording",
        "language.checkin_answers",
        "voice.answers",
        "house.reminder_rules",
        "house.sign_rules",
        "house.phone_actions",
        "look_back.daily_statistics",
        "look_back.insights",
        "look_back.report",
        "look_back.report_chart",
        "look_back.report_html",
        "look_back.summary",
    }
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _is_package(name: str, modules: dict[str, Path]) -> bool:
    return name == "" or modules[name].name == "__init__.py"


def _imports(name: str, path: Path, modules: dict[str, Path]) -> tuple[set[str], set[str]]:
    """Return the package's own modules and the outside packages that a module imports."""
    own: set[str] = set()
    outside: set[str] = set()
    here = name.split(".") if name else []
    if not _is_package(name, modules):
        here = here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            outside.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                outside.add((node.module or "").split(".")[0])
                continue
            base = here[: len(here) - (node.level - 1)]
            target = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            candidates = [target] if node.module else []
            candidates += [f"{target}.{alias.name}".strip(".") for alias in node.names]
            own.update(candidate for candidate in candidates if candidate in modules)
    own.discard(name)
    return own, outside


def _is_plain(name: str) -> bool:
    return name in PLAIN_MODULES or name.split(".", maxsplit=1)[0] in PLAIN_ROOMS


def test_the_rooms_hold_what_the_test_names() -> None:
    """Every plain module named here exists, so a move can't silently drop a check."""
    modules = _modules()
    assert modules.keys() >= PLAIN_MODULES
    assert all(any(name.startswith(f"{room}.") for name in modules) for room in PLAIN_ROOMS)


@pytest.mark.parametrize("name", sorted(name for name in _modules() if _is_plain(name)))
def test_a_plain_module_imports_no_home_assistant_and_no_adapter(name: str) -> None:
    """The routine stays plain Python, testable without Home Assistant."""
    modules = _modules()
    own, outside = _imports(name, modules[name], modules)
    assert "homeassistant" not in outside
    assert "voluptuous" not in outside
    adapters = {module for module in own if not _is_plain(module) and module.count(".") > 0}
    adapters |= {module for module in own if module and "." not in module and not _is_plain(module)}
    adapters = {module for module in adapters if not _is_package(module, modules)}
    assert not adapters, f"{name} imports adapters {sorted(adapters)}"


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle() -> None:
    """No module imports one that imports it, however deep or deferred."""
    modules = _modules()
    graph = {
        name: {
            target
            for target in _imports(name, path, modules)[0]
            if not _is_package(target, modules)
        }
        for name, path in modules.items()
        if not _is_package(name, modules)
    }
    assert _find_cycle(graph) is None, " -> ".join(_find_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check above can fail."""
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None
