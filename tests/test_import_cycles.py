"""No import cycles between annotator's modules.

The graph is built from the source with :mod:`ast`: module-level imports only. Imports inside
functions (lazy imports of spaCy, of the GUI's dialogs, ...) and under ``if TYPE_CHECKING:``
do not run at import time, so they cannot form a cycle and are left out. ``from pkg import
name`` counts as an edge to ``pkg.name`` when that is a module, else to ``pkg``; importing a
package also runs its ``__init__``, so ``a.b.c`` depends on ``a.b`` as well (except from inside
``a.b``, whose ``__init__`` is already running).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "annotator"


def module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level_imports(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: top level, and inside module-level
    if/try/with blocks (not functions, not classes' methods, not ``if TYPE_CHECKING:``)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                found += _module_level_imports(node.body)
            found += _module_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *[h.body for h in node.handlers]):
                found += _module_level_imports(block)
        elif isinstance(node, ast.With):
            found += _module_level_imports(node.body)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    files = {module_name(p, root.parent): p for p in root.rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        package = name if is_package else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                           for alias in node.names]
            for target in targets:
                if target in modules and target != name:
                    edges.add(target)
                # Importing a.b.c also runs a/__init__ and a/b/__init__, unless they are this
                # module's own packages, which are already being imported when it runs.
                parts = target.split(".")
                for i in range(1, len(parts)):
                    prefix = ".".join(parts[:i])
                    if prefix in modules and not name.startswith(prefix + ".") and prefix != name:
                        edges.add(prefix)
        graph[name] = edges
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_annotator_has_no_import_cycles() -> None:
    graph = import_graph()
    assert "annotator.core.store" in graph["annotator.core.team.gold"]
    assert find_cycles(graph) == []


def test_the_cycle_finder_finds_cycles(tmp_path: Path) -> None:
    """Guard against a check that cannot fail: a real two-module cycle is reported, while a
    cycle closed only by a function-level or TYPE_CHECKING import is not."""
    pkg = tmp_path / "annotator"
    (pkg / "core").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "core" / "__init__.py").write_text("")
    (pkg / "core" / "a.py").write_text("from . import b\n")
    (pkg / "core" / "b.py").write_text("from .a import thing\n")
    (pkg / "core" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nfrom .a import x\nif TYPE_CHECKING:\n    from .d import y\n"
    )
    (pkg / "core" / "d.py").write_text("from .b import v\n\n\ndef f():\n    from .c import z\n")
    cycles = find_cycles(import_graph(pkg))
    assert cycles == [["annotator.core.a", "annotator.core.b"]]
