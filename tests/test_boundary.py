"""Architecture boundaries, checked in fresh interpreters (this process has imported lots already).

1. ``annotator.core`` and the CLI never import Qt: every module imports with PySide6 made
   unimportable.
2. Start-up stays light: the CLI and the store do not pull in spaCy, torch or transformers
   (those are imported inside the functions that need them).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import annotator

PACKAGE_DIR = Path(annotator.__file__).resolve().parent
ROOT = PACKAGE_DIR.parent

BLOCK_QT = r'''
import importlib.abc, sys

class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError(f"Qt is blocked in this test: import of {name}")
        return None

sys.meta_path.insert(0, _NoQt())
'''


def run_python(code: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT),
                          env=env, timeout=timeout)


def core_modules() -> list[str]:
    names = []
    for path in sorted((PACKAGE_DIR / "core").rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_the_blocker_works() -> None:
    """Guard against a test that cannot fail: with the blocker, importing Qt does fail."""
    proc = run_python(BLOCK_QT + "import PySide6.QtCore\n")
    assert proc.returncode != 0
    assert "Qt is blocked in this test" in proc.stderr


def test_core_and_cli_import_without_qt() -> None:
    modules = core_modules() + ["annotator.cli"]
    assert "annotator.core.store" in modules and "annotator.core.importer" in modules
    code = BLOCK_QT + (
        "import importlib, json, traceback\n"
        f"failed = {{}}\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except BaseException:\n"
        "        failed[name] = traceback.format_exc(limit=-3)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(json.dumps({'failed': failed, 'qt': qt}))\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}, "\n".join(f"{k}:\n{v}" for k, v in result["failed"].items())
    assert result["qt"] == []


HEAVY = ("spacy", "torch", "transformers", "thinc")


def test_cli_and_store_start_light() -> None:
    code = (
        "import sys, json\n"
        "import annotator.cli, annotator.core.store\n"
        "from click.testing import CliRunner\n"
        "r = CliRunner().invoke(annotator.cli.main, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_import_and_export_modules_start_light() -> None:
    """The CLI's import/export code paths load these at start of the command; spaCy waits."""
    code = (
        "import sys, json\n"
        "import annotator.core.importer, annotator.core.exporter, annotator.core.tokenizer\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_the_heavy_check_can_fail() -> None:
    """The same probe does see spaCy when something imports it."""
    code = (
        "import sys, json\n"
        "import annotator.core.tokenizer as t\n"
        "t.make_nlp()\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert "spacy" in json.loads(proc.stdout.strip().splitlines()[-1])
