"""The README's keyboard-shortcut tables list exactly the shortcuts the menus have (#12).

Both directions: every menu item with a key is in the README with the same keys, and
every row of the README's tables is a menu item of the real window with those keys.
"""
from __future__ import annotations

import re
from pathlib import Path

from gui_helpers import project_with_articles
from PySide6.QtGui import QKeySequence

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| (`[^|]+`) \| ([^|]+) \|$")


def menu_shortcuts(window) -> dict[str, str]:
    """{"Menu → Item": "`Key` / `Key`"} over the window's menu bar."""
    found = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]
            if keys:
                where = f"{menu.title().replace('&', '')} → {action.text().replace('&', '')}"
                found[where] = " / ".join(f"`{k}`" for k in keys)
    return found


def readme_table(heading: str) -> dict[str, str]:
    """The rows of the table under ``heading`` in the README: {"Menu → Item": keys}."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(heading)
    rows = {}
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        m = ROW.match(line)
        if m:
            rows[m.group(2).strip()] = m.group(1)
    return rows


def test_readme_shortcut_tables_match_the_menus(tmp_path, open_window, qtbot):
    from annotator.gui import create_main_window

    path = tmp_path / "p.db"
    project_with_articles(path, ["دير الزور: اشتباكات\n\nاشتباكات في ريف دير الزور الشرقي."], creator="rev")
    workbench = menu_shortcuts(open_window(path, "rev"))
    review = create_main_window(str(path), "rev", review=True)
    qtbot.addWidget(review)
    try:
        in_review = menu_shortcuts(review)
    finally:
        review.close()
        review.project.close()
    assert readme_table("### Shortcuts in the workbench") == workbench
    assert readme_table("### Shortcuts in review mode") == in_review
