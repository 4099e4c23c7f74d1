"""What each layer may import (docs/architecture.md): the dependency rules, checked on the source.

Every import counts here, including those inside functions: a lazy import is still a
dependency. A layer is ``cli``, ``gui`` or a part of the core (``core.store``, ``core.team``,
``core.formats``, ...; a single module such as ``core.text`` is its own part).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# May import nothing of the project beyond these (besides itself).
ALLOWED: dict[str, set[str]] = {
    # The data model, errors and paths depend on nothing.
    "core.domain": set(),
    "core.errors": set(),
    "core.paths": set(),
    # Language data and text rules sit below everything that reads text.
    "core.lang": {"core.paths"},
    "core.text": {"core.lang"},
    # The store runs all SQL; it knows the data model and the text rules, no workflow.
    "core.store": {"core.domain", "core.errors", "core.paths", "core.text"},
    # File formats turn files into records and back; they never touch the store.
    "core.formats": {"core.domain", "core.errors", "core.tokenizer"},
    # Workflow over the store.
    "core.team": {"core.domain", "core.errors", "core.store"},
    "core.sync": {"core.domain", "core.errors", "core.store", "core.team"},
    "core.session": {"core.counts", "core.domain", "core.errors", "core.mentions", "core.store", "core.team",
                     "core.text"},
}
# Known exceptions, each a debt with a reason (empty this list rather than add to it).
KNOWN_EXCEPTIONS = {
    # lexicon.py reads the gazetteers' first words through suggest.base's YAML loader (lazily);
    # the loader belongs in core.lang or resources.
    ("core.lang", "core.suggest"),
}


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2:
        return module
    if parts[1] in ("cli", "gui"):
        return parts[1]
    return ".".join(parts[1:3])


def dependencies(root: Path = ROOT / "annotator") -> set[tuple[str, str]]:
    """(importing layer, imported layer) for every import between different layers."""
    found: set[tuple[str, str]] = set()
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        package = parts[:-1]
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - (node.level - 1)] if node.level else []
                targets = [".".join(base + ([node.module] if node.module else []))]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                if target.startswith("annotator.") and layer(target) != layer(name):
                    found.add((layer(name), layer(target)))
    return found


def violations(deps: set[tuple[str, str]]) -> list[tuple[str, str]]:
    bad = []
    for source, target in sorted(deps):
        if (source, target) in KNOWN_EXCEPTIONS:
            continue
        if source.startswith("core") and target in ("cli", "gui"):
            bad.append((source, target))  # the core serves both front ends and knows neither
        elif source in ALLOWED and target not in ALLOWED[source]:
            bad.append((source, target))
    return bad


def test_each_layer_imports_only_what_it_may() -> None:
    deps = dependencies()
    assert ("core.team", "core.store") in deps and ("gui", "core.session") in deps
    assert violations(deps) == []


def test_the_known_exceptions_still_exist() -> None:
    """An exception that was paid off must leave the list, so the list never hides a new one."""
    assert KNOWN_EXCEPTIONS <= dependencies()


def test_the_layer_check_can_fail(tmp_path: Path) -> None:
    pkg = tmp_path / "annotator" / "core" / "store"
    pkg.mkdir(parents=True)
    (tmp_path / "annotator" / "__init__.py").write_text("")
    (tmp_path / "annotator" / "core" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "bad.py").write_text("def f():\n    from ..team.gold import save_gold\n    from ...gui import app\n")
    assert violations(dependencies(tmp_path / "annotator")) == [("core.store", "core.team"), ("core.store", "gui")]
