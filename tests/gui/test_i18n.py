"""gui/i18n.py: translation and bidirectional-text helpers."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.gui.i18n import (
    BIDI_CONTROLS,
    arabic_ui,
    escaped_rich_text,
    follow_text_direction,
    is_rtl,
    isolate,
    neutralise,
    plural_form,
    rtl_safe,
)


def test_plural_form_picks_singular_or_plural_without_a_translation() -> None:
    text = "%n suggestion|%n suggestions"
    assert plural_form(text, 1) == "%n suggestion"
    assert plural_form(text, 2) == "%n suggestions"
    assert plural_form("%n اقتراحات", 5) == "%n اقتراحات"


def test_is_rtl_follows_the_first_strong_character() -> None:
    assert is_rtl("7 عناصر")          # digits are weak
    assert not is_rtl("RSF قوات")
    assert is_rtl("«قوات» RSF")
    assert not is_rtl("123 …")


def test_neutralise_removes_bidi_controls_and_line_breaks() -> None:
    assert neutralise("a\u202eb\nc\td") == "ab c d"
    assert not set(neutralise("".join(BIDI_CONTROLS) + "x")) & BIDI_CONTROLS
    assert neutralise(None) == "" and neutralise("") == ""


def test_escaped_rich_text_shows_markup_as_written() -> None:
    assert escaped_rich_text('<img src="x">\nسطر') == '<qt>&lt;img src="x"&gt;<br>سطر</qt>'
    assert escaped_rich_text(None) == ""


def test_isolate() -> None:
    assert isolate("RSF") == "\u2068RSF\u2069"


def test_rtl_safe_marks_latin_only_in_the_arabic_ui(qapp) -> None:
    assert not arabic_ui()
    assert rtl_safe("F1 help") == "F1 help"
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        assert arabic_ui()
        assert rtl_safe("F1 مساعدة") == "\u200fF1 مساعدة"
        assert rtl_safe("مساعدة F1") == "مساعدة F1"
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_a_text_box_follows_the_direction_of_what_is_written(qapp) -> None:
    box = QPlainTextEdit()
    box.setPlainText("تعليق على المقال")
    follow_text_direction(box)
    assert box.layoutDirection() == Qt.LayoutDirection.RightToLeft
    box.setPlainText("a comment")
    follow_text_direction(box)
    assert box.layoutDirection() == Qt.LayoutDirection.LeftToRight
