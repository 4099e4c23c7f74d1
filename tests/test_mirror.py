"""Tests mirror the modules (#13 item 6): every module under annotator/ has its own test file.

The rule, also in docs/architecture.md:

* a module ``annotator/<path>/<name>.py`` is tested in ``tests/<path>/test_<name>.py``
  (``annotator/core/formats/csv.py`` → ``tests/core/formats/test_csv.py``);
* a package's ``__init__.py`` that defines something is tested in the package's test folder,
  in a file named after the package (``annotator/core/formats/__init__.py`` →
  ``tests/core/formats/test_formats.py``; ``annotator/gui/__init__.py`` → ``tests/gui/test_gui.py``);
* an ``__init__.py`` or ``__main__.py`` that defines no function or class (a docstring, imports,
  ``__all__``) needs no file of its own: its package's tests import through it.

A module whose tests cannot live at that path, or that has none yet, is listed below with
the reason. Keep both lists short; empty ``NOT_YET_TESTED`` rather than add to it.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "annotator"
TESTS = ROOT / "tests"

#: Modules tested elsewhere than their mirrored path, with why.
TESTED_ELSEWHERE: dict[str, tuple[str, str]] = {
    # The hub tests share a real PostgreSQL server, started once by tests/hub/conftest.py.
    "core/store/hub_server.py": ("tests/hub/test_hub_server.py", "needs the PostgreSQL server of tests/hub"),
    "core/sync/hub.py": ("tests/hub/test_sync.py", "needs the PostgreSQL server of tests/hub"),
    "gui/sync_status.py": ("tests/hub/test_sync_status.py", "needs the PostgreSQL server of tests/hub"),
    "cli/hub.py": ("tests/hub/test_sync.py", "needs the PostgreSQL server of tests/hub"),
}

#: Modules with no test file yet: a debt, each with its reason. Remove a line with its test.
NOT_YET_TESTED: dict[str, str] = {}


def mirrored_test(module: Path) -> Path | None:
    """Where ``module``'s tests live by the rule; None for a trivial ``__init__``/``__main__``."""
    rel = module.relative_to(PACKAGE)
    if rel.name in ("__init__.py", "__main__.py"):
        if not defines_something(module):
            return None
        return TESTS / rel.parent / f"test_{rel.parent.name or 'annotator'}.py"
    return TESTS / rel.parent / f"test_{rel.stem}.py"


def defines_something(module: Path) -> bool:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for node in tree.body)


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_its_test_file() -> None:
    missing = []
    for module in modules():
        rel = module.relative_to(PACKAGE).as_posix()
        if rel in NOT_YET_TESTED:
            continue
        if rel in TESTED_ELSEWHERE:
            expected = ROOT / TESTED_ELSEWHERE[rel][0]
        else:
            found = mirrored_test(module)
            if found is None:
                continue
            expected = found
        if not expected.is_file():
            missing.append(f"annotator/{rel} -> {expected.relative_to(ROOT)}")
    assert missing == [], "write these test files (or, with a reason, list the module in tests/test_mirror.py)"


def test_the_lists_name_real_modules_and_stay_short() -> None:
    known = {m.relative_to(PACKAGE).as_posix() for m in modules()}
    listed = set(TESTED_ELSEWHERE) | set(NOT_YET_TESTED)
    assert listed <= known, f"listed modules that do not exist: {sorted(listed - known)}"
    for rel in NOT_YET_TESTED:  # a module that got its test file leaves the debt list
        module = PACKAGE / rel
        found = mirrored_test(module)
        assert found is None or not found.is_file(), f"{rel} has {found.relative_to(ROOT)}: remove it from the list"
    assert all(reason.strip() for reason in NOT_YET_TESTED.values())
    assert all(reason.strip() for _path, reason in TESTED_ELSEWHERE.values())
    assert len(TESTED_ELSEWHERE) <= 5


def test_the_rule_itself() -> None:
    assert mirrored_test(PACKAGE / "core" / "formats" / "csv.py") == TESTS / "core" / "formats" / "test_csv.py"
    assert mirrored_test(PACKAGE / "core" / "formats" / "__init__.py") == TESTS / "core" / "formats" / "test_formats.py"
    assert mirrored_test(PACKAGE / "gui" / "__init__.py") == TESTS / "gui" / "test_gui.py"
    assert mirrored_test(PACKAGE / "cli" / "__init__.py") is None  # imports only: tests/test_cli.py goes through it
    assert mirrored_test(PACKAGE / "terminal.py") == TESTS / "test_terminal.py"
    assert mirrored_test(PACKAGE / "core" / "team" / "__init__.py") is None  # a docstring only
