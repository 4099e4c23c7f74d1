"""The small windows (gui/dialogs.py): guidelines and shortcuts, opened with their keys."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from annotator.gui.app import set_language
from annotator.gui.dialogs import markdown_without_wrappers


@pytest.fixture
def arabic_ui(qapp) -> Iterator[None]:
    set_language(qapp, "ar")
    try:
        yield
    finally:
        set_language(qapp, "en")


def _open_dialog(qtbot, window, key: Qt.Key, name: str) -> QDialog:
    qtbot.keyClick(window.view, key)
    qtbot.waitUntil(lambda: any(w.objectName() == name and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == name)
    qtbot.addWidget(dialog)
    return dialog  # type: ignore[return-value]


def test_arabic_guidelines_show_every_arabic_heading_and_rule_right_to_left(
        arabic_ui, qtbot, make_project, open_window) -> None:
    path, _ = make_project(["خبر قصير عن اشتباكات في ريف حلب."])
    window = open_window(path)
    dialog = _open_dialog(qtbot, window, Qt.Key.Key_F1, "guidelinesDialog")
    shown = dialog.browser.toPlainText()  # type: ignore[attr-defined]
    # The title, a section heading, a rule from the body and the label names in the table
    # (all were missing while the file's <div dir="rtl"> wrapper swallowed them).
    assert "دليل التوسيم — أخبار النزاعات باللغة العربية" in shown
    assert "١. مبادئ عامة" in shown
    assert "المقطع امتداد متصل من نص المقال" in shown
    assert "ACTOR (فاعل)" in shown
    assert "<div" not in shown
    document = dialog.browser.document()  # type: ignore[attr-defined]
    block = document.firstBlock()
    while block.isValid() and not block.text().strip():
        block = block.next()
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft


def test_english_guidelines_still_render_left_to_right(qtbot, make_project, open_window) -> None:
    path, _ = make_project(["خبر قصير عن اشتباكات في ريف حلب."])
    window = open_window(path)
    dialog = _open_dialog(qtbot, window, Qt.Key.Key_F1, "guidelinesDialog")
    shown = dialog.browser.toPlainText()  # type: ignore[attr-defined]
    assert "ACTOR" in shown and "LOCATION" in shown and "SOURCE" in shown
    assert dialog.browser.document().firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight  # type: ignore[attr-defined]


def test_only_lines_that_open_or_close_a_div_are_dropped() -> None:
    md = '<div dir="rtl">\n\n# عنوان\n\nنص فيه <div> داخل السطر\n\n</div>\n'
    assert markdown_without_wrappers(md) == "\n\n# عنوان\n\nنص فيه <div> داخل السطر\n\n\n"
