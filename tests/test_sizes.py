"""#13 "Done means": no module over about 600 lines, no window class over about 400.

A window class lays out and binds; when one grows, move a cohesive group of its methods into
a module beside it (``workbench_parts.py``, ``article_clock.py``, ``review_layout.py``,
``review_display.py``), and a module that grows past the limit splits by concern.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"
MODULE_LINES = 600
GUI_CLASS_LINES = 400


def test_no_module_is_over_the_limit() -> None:
    long = {p.relative_to(PACKAGE).as_posix(): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert long == {}


def test_no_window_class_is_over_the_limit() -> None:
    long = {}
    for path in (PACKAGE / "gui").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                lines = node.end_lineno - node.lineno + 1
                if lines > GUI_CLASS_LINES:
                    long[f"{path.name}:{node.name}"] = lines
    assert long == {}
