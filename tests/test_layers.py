"""The package's layers import downward only (README, "How it is built").

data and validation -> model, journal and content -> figures -> views -> ``widgets/__init__.py``.
A view imports no other view (only its own helpers, which carry its name), nobody imports another
module's private names, and no two modules import each other, directly or in a loop.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "widgets"

#: Layer of each top-level part of the package, and the layers it may import.
LAYER = {
    "validation": 0,
    "data": 0,
    "model": 1,
    "journal": 1,
    "content": 1,
    "figures": 2,
    "views": 3,
}
MAY_IMPORT = {
    "validation": set(),
    "data": {"validation"},
    "model": {"data", "validation", "model"},
    # the practice journal sits beside model and reads its breath modes
    "journal": {"data", "validation", "model", "journal"},
    "content": {"data", "validation", "content"},
    "figures": {"data", "validation", "model", "journal", "content", "figures"},
    "views": {"data", "validation", "model", "journal", "content", "figures", "views"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__init__"


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import of ``widgets`` in ``path``, nested ones too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("widgets"):
            names = [a.name for a in node.names]
            folder = PACKAGE.parent.joinpath(*node.module.split("."))
            # "from widgets.model import measure" imports the module widgets.model.measure
            submodules = [n for n in names if (folder / f"{n}.py").exists()]
            found.extend((f"{node.module}.{n}", []) for n in submodules)
            rest = [n for n in names if n not in submodules]
            if rest:
                found.append((node.module, rest))
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names if a.name.startswith("widgets"))
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def test_every_part_has_a_layer():
    # A new folder of the package must be placed in LAYER, or the rule would skip it.
    parts = {part_of(m) for m in MODULES} - {"__init__"}
    assert parts <= set(LAYER), f"parts without a layer: {sorted(parts - set(LAYER))}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if part_of(m) in LAYER))
def test_imports_go_downward(module):
    here = part_of(module)
    for target, _ in GRAPH[module]:
        there = part_of(target)
        assert there in MAY_IMPORT[here], f"{module} ({here}) imports {target} ({there})"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if part_of(m) == "views"))
def test_no_view_imports_another_view(module):
    # A view's own helpers share its name: breath_lift_teacher_panel belongs to breath_lift.
    own = module.rsplit(".", 1)[-1]
    for target, _ in GRAPH[module]:
        if part_of(target) == "views" and target != "widgets.views":
            other = target.rsplit(".", 1)[-1]
            family = own.startswith(other + "_") or other.startswith(own + "_")
            assert family, f"view {module} imports the view {target}"


def test_no_private_names_cross_modules():
    offenders = [
        f"{module} imports {name} from {target}"
        for module, found in GRAPH.items()
        for target, names in found
        for name in names
        if name.startswith("_") and target != module
    ]
    assert not offenders


def test_no_import_cycles():
    edges = {m: {t for t, _ in found if t in MODULES and t != m} for m, found in GRAPH.items()}
    # Package faces (__init__) re-export; a submodule importing its own package face is fine.
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for start in edges:
        if start not in state:
            visit(start, [start])
    assert not cycles
