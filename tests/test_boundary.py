"""Architecture boundaries, checked in fresh interpreters (this process has imported lots already).

1. ``annotator.core`` and the CLI never import Qt: every module imports with PySide6 made
   unimportable.
2. Start-up stays light: the CLI and the store do not pull in spaCy, torch or transformers
   (those are imported inside the functions that need them).
3. The store (``annotator/core/store/``) is the only code that runs SQL, and nothing outside
   it reaches into the store's private members.
"""
from __future__ import annotations

import json
import os
import re
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
    assert "annotator.core.store" in modules and "annotator.core.importing" in modules
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
        "import annotator.core.importing, annotator.core.exporting, annotator.core.tokenizer\n"
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


#: What the way from ``annotator gui PROJECT`` to the first article on screen must not load
#: (bench/bench_startup.py times that way). Beyond the models: sqlite-utils' optional pandas
#: and numpy; importlib.metadata, which its plugin look-up reads every installed package's
#: entry points with; review mode's session and adjudication; the xcb check's subprocess
#: (needed only when Qt is going to use xcb).
NOT_AT_START = HEAVY + ("camel_tools", "pandas", "numpy", "importlib.metadata", "annotator.core.session.review",
                        "annotator.core.team", "subprocess")

START_PATH_PROBE = r'''
import json, os, sys
import annotator.gui as gui

_create = gui.create_main_window

def create_and_report(*args, **kwargs):
    window = _create(*args, **kwargs)
    window.show()
    window.view.viewport().repaint()  # the first paint, synchronously: no event loop, no warm-up timer
    loaded = sorted(m for m in sys.modules if any(m == n or m.startswith(n + ".") for n in NOT_AT_START))
    print(json.dumps({"article_shown": bool(window.view.toPlainText()), "loaded": loaded}), flush=True)
    os._exit(0)

gui.create_main_window = create_and_report
from annotator.cli import main
main(["gui", sys.argv[1], "--annotator", "probe", "--lang", "en"])
'''


def _modules_at_first_article(project: Path, not_at_start: tuple[str, ...], tmp: Path) -> dict:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data"),
           "XDG_CACHE_HOME": str(tmp / "cache")}
    code = f"NOT_AT_START = {not_at_start!r}\n" + START_PATH_PROBE
    proc = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True,
                          cwd=str(ROOT), env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    result: dict = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["article_shown"], "the probe ran before the window showed an article"
    return result


def test_start_to_first_article_loads_nothing_it_does_not_need(tmp_path: Path) -> None:
    """Start-up had grown from 0.58 s to 0.66 s: numpy and the plugin look-up came with
    sqlite-utils, review mode's modules with the session package, subprocess with the xcb check."""
    from annotator.core.demo import build_demo_project

    project = build_demo_project(tmp_path / "demo.db")
    assert _modules_at_first_article(project, NOT_AT_START, tmp_path)["loaded"] == []


def test_the_start_path_probe_can_fail(tmp_path: Path) -> None:
    """The same probe sees what the start path does load."""
    from annotator.core.demo import build_demo_project

    project = build_demo_project(tmp_path / "demo.db")
    loaded = _modules_at_first_article(project, ("sqlite_utils", "annotator.core.session"), tmp_path)["loaded"]
    assert "sqlite_utils" in loaded and "annotator.core.session.annotation" in loaded


# ------------------------------------------------------------------------ SQL boundary
STORE_DIR = PACKAGE_DIR / "core" / "store"
SQL_CALL = re.compile(r"\.execute(?:many|script)?\(")
# `project._x`, `self.project._x`, `proj._x`: any private member of a Project, reached from outside.
PRIVATE_STORE_ACCESS = re.compile(r"\b(?:self\.)?(?:project|proj)\._[A-Za-z]\w*")

# Nothing outside annotator/core/store/ runs SQL or reaches into the store's private members.
KNOWN_SQL_OUTSIDE_STORE: dict[str, int] = {}
KNOWN_PRIVATE_ACCESS: dict[str, int] = {}


def _outside_store() -> list[Path]:
    return [p for p in sorted(PACKAGE_DIR.rglob("*.py")) if STORE_DIR not in p.parents]


def _count(pattern: re.Pattern[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for path in _outside_store():
        n = len(pattern.findall(path.read_text(encoding="utf-8")))
        if n:
            found[path.relative_to(ROOT).as_posix()] = n
    return found


def test_only_the_store_runs_sql() -> None:
    assert _count(SQL_CALL) == KNOWN_SQL_OUTSIDE_STORE


def test_nothing_outside_the_store_touches_its_private_members() -> None:
    assert _count(PRIVATE_STORE_ACCESS) == KNOWN_PRIVATE_ACCESS


def test_the_sql_boundary_check_can_fail(tmp_path: Path) -> None:
    """The patterns do catch the calls they are meant to catch."""
    sample = 'rows = project.conn.execute("SELECT 1")\nconn.executemany(q, r)\nwith self.project._write():\n'
    assert len(SQL_CALL.findall(sample)) == 2
    assert PRIVATE_STORE_ACCESS.findall(sample) == ["self.project._write"]
    assert "annotator/core/sync/files.py" not in _count(SQL_CALL)  # the store's own files are the only exception
    assert any(p.name == "files.py" for p in _outside_store())


def test_opening_the_store_loads_no_pandas() -> None:
    """sqlite-utils imports pandas when it is installed (camel-tools brings it) only to convert
    pandas values, which the store never inserts; the import cost half a second of start-up
    and crept back when the store became a package (schema.py imported sqlite-utils first)."""
    code = (
        "import sys, json\n"
        "import annotator.core.store.schema, annotator.core.store\n"
        "print(json.dumps('pandas' in sys.modules))\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) is False
