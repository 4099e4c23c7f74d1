"""gui/article_view.py: the article text, its highlights and its keys, on a bare view.

The offsets against Qt's positions are held by tests/gui/test_offsets_gui.py, and thousands
of highlights by tests/gui/test_highlight_stress.py.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent

from annotator.core.domain import Label, Span, Suggestion
from annotator.gui.article_view import ArticleView, darker, tint

TEXT = "قال المرصد السوري 😀 إن قوات النظام قصفت ريف حمص."
ACTOR = Label("ACTOR", "فاعل", "Actor", "#d62728", "1")


@pytest.fixture
def view(qtbot) -> ArticleView:
    v = ArticleView()
    qtbot.addWidget(v)
    v.set_labels([ACTOR])
    v.set_article(TEXT)
    v.resize(600, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_set_article_keeps_the_text_and_reads_right_to_left(view: ArticleView) -> None:
    assert view.objectName() == "articleView" and view.isReadOnly()
    assert view.text == TEXT
    assert view.toPlainText().replace("\u2029", "\n") == TEXT
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_selection_and_cursor_in_code_points_past_an_emoji(view: ArticleView) -> None:
    start = TEXT.index("قوات النظام")
    view.select_cp(start, start + len("قوات النظام"))
    assert view.selection_cp() == (start, start + len("قوات النظام"))
    view.place_cursor_cp(start)
    assert view.cursor_cp() == start and view.selection_cp() is None


def test_shown_at_prefers_a_span_to_a_suggestion(view: ArticleView) -> None:
    start = TEXT.index("قوات النظام")
    end = start + len("قوات النظام")
    view.set_suggestions([Suggestion(start, end + 5, "ACTOR", "rule")])
    assert view.shown_at(start).kind == "suggestion"  # type: ignore[union-attr]
    view.set_spans([Span(start, end, "ACTOR", id=7)], selected_id=7)
    item = view.shown_at(start)
    assert item is not None and item.span_id == 7
    assert view.shown_at(end + 2).kind == "suggestion"  # type: ignore[union-attr]
    assert view.shown_at(0) is None


@pytest.mark.parametrize(("key", "text", "signal", "args"), [
    (Qt.Key.Key_3, "3", "labelKeyPressed", ["3"]),
    (Qt.Key.Key_3, "٣", "labelKeyPressed", ["3"]),  # Arabic-Indic digit from an Arabic layout
    (Qt.Key.Key_Delete, "", "deletePressed", []),
    (Qt.Key.Key_Return, "\r", "acceptSuggestionPressed", []),
    (Qt.Key.Key_Backspace, "", "rejectSuggestionPressed", []),
    (Qt.Key.Key_Escape, "", "escapePressed", []),
])
def test_keys_become_signals(view: ArticleView, qtbot, key: Qt.Key, text: str, signal: str, args: list) -> None:
    with qtbot.waitSignal(getattr(view, signal), timeout=1000) as blocker:
        view.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
    assert blocker.args == args


def test_font_size(view: ArticleView) -> None:
    view.set_font_size(22)
    assert view.font().pointSize() == 22


def test_tint_and_darker() -> None:
    assert tint("#000000", 1.0) == QColor(0, 0, 0)
    assert tint("#000000", 0.0) == QColor(255, 255, 255)
    assert tint("#d62728", 0.5).red() > QColor("#d62728").red() - 1
    assert darker("#808080").lightness() < QColor("#808080").lightness()
