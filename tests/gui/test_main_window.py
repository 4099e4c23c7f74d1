"""The workbench, driven like a user drives it: selections, label keys, clicks, shortcuts.

Every check of what was saved opens a *second* connection to the project file
(:func:`stored_spans`), so "saved" means "on disk, visible to another process".
"""
from __future__ import annotations

from gui_helpers import cell_option, close_window, stored_spans
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTextEdit,
)

from annotator.core.store import Project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

# Written for these tests in the style of the genre (not copied from any outlet).
ARTICLE = (
    "ريف حمص: هجوم على مواقع قوات النظام\n"
    "\n"
    "أفادت مصادر ميدانية ل”المدن” بأن عناصر تابعة للتنظيم هاجموا مواقع "
    "والميلشيات الرديفة في ريف حمص الشرقي، ما أدى إلى مقتل 4 جنود.\n"
    "\n"
    "وقال المرصد السوري لحقوق الإنسان إن الطيران الروسي شنّ غارات على بادية دير الزور."
)
SECOND = "دير الزور: انفجار لغم\n\nقتل 3 مدنيين بانفجار لغم أرضي في ريف دير الزور الشرقي."
THIRD = "إدلب: قصف مدفعي\n\nقصفت قوات النظام بلدات في جبل الزاوية جنوبي إدلب."


# --------------------------------------------------------------------- helpers
def view_of(window) -> QTextEdit:
    view = window.findChild(QTextEdit, "articleView")
    assert view is not None
    return view


def select_qt(view: QTextEdit, start: int, end: int) -> None:
    """Select Qt positions [start, end) through the view's text cursor."""
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def select_text(view: QTextEdit, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Select ``needle`` in an LF, BMP-only article (Qt positions are code points there)."""
    text = view.toPlainText()
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    select_qt(view, start, start + len(needle))
    return start, start + len(needle)


def point_at(view: QTextEdit, qt_pos: int) -> QPoint:
    """A viewport point where the mouse lands on cursor position ``qt_pos``.

    Arabic is drawn right to left and joined, so the caret rectangle is only a hint:
    search around it for a point that Qt's own hit test maps to ``qt_pos``.
    """
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_pos)
    rect = view.cursorRect(cursor)
    y = rect.center().y()
    for dx in sorted(range(-8, 9), key=abs):
        point = QPoint(rect.x() + dx, y)
        if view.cursorForPosition(point).position() == qt_pos:
            return point
    raise AssertionError(f"no point in the viewport hits position {qt_pos}")


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, ord(ch.upper()) if ch.isascii() else ord(ch),
                                                     Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, view, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view, key, mods)


def spans_as_text(path, article_id, annotator, text):
    return [(text[s.start:s.end], s.label) for s in stored_spans(path, article_id, annotator)]


# ------------------------------------------------------------ creating spans
def test_label_keys_store_spans_with_exact_offsets(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE, SECOND])
    window = open_window(path)
    view = view_of(window)
    assert window.article_id == ids[0]
    assert view.document().toPlainText() == ARTICLE

    cases = [("قوات النظام", Qt.Key.Key_1, "ACTOR"), ("دير الزور", Qt.Key.Key_2, "LOCATION"),
             ("4", Qt.Key.Key_3, "COUNT"), ("مصادر ميدانية", Qt.Key.Key_4, "SOURCE")]
    expected = []
    for needle, key, label in cases:
        start, end = select_text(view, needle)
        press(qtbot, view, key)
        expected.append((start, end, label))
        saved = {(s.start, s.end, s.label) for s in stored_spans(path, ids[0], "hala")}
        assert saved == set(expected)  # on disk at once, nothing else
    assert sorted(spans_as_text(path, ids[0], "hala", ARTICLE)) == sorted((n, lab) for n, _k, lab in cases)
    # What the window shows is what is stored.
    assert [(s.start, s.end, s.label) for s in window.spans] == sorted(expected)
    assert window.span_model.rowCount() == 4


def test_partial_word_selection_snaps_to_whole_words(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    start = ARTICLE.index("مصادر ميدانية")
    select_qt(view, start + 2, start + len("مصادر ميد"))  # «ادر ميد»
    press(qtbot, view, Qt.Key.Key_4)
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("مصادر ميدانية", "SOURCE")]


def test_clitics_and_quotes_stay_outside_and_ctrl_k_toggles_them(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)

    select_text(view, "والميلشيات الرديفة")
    press(qtbot, view, Qt.Key.Key_1)
    select_text(view, "للتنظيم")
    press(qtbot, view, Qt.Key.Key_1)
    select_text(view, "ل”المدن”")
    press(qtbot, view, Qt.Key.Key_4)
    assert sorted(spans_as_text(path, ids[0], "hala", ARTICLE)) == sorted(
        [("الميلشيات الرديفة", "ACTOR"), ("لتنظيم", "ACTOR"), ("المدن", "SOURCE")]
    )
    tanzim = next(s for s in stored_spans(path, ids[0], "hala") if ARTICLE[s.start:s.end] == "لتنظيم")
    assert tanzim.start == ARTICLE.index("للتنظيم") + 1  # the span starts at the second ل

    # The last created span is selected: Ctrl+K takes its clitic in, again leaves it out.
    select_text(view, "والميلشيات الرديفة")
    view.moveCursor(QTextCursor.MoveOperation.Start)  # no selection: keys act on the selected span
    window.select_span(next(s.id for s in window.spans if ARTICLE[s.start:s.end] == "الميلشيات الرديفة"))
    press(qtbot, view, Qt.Key.Key_K, CTRL)
    assert ("والميلشيات الرديفة", "ACTOR") in spans_as_text(path, ids[0], "hala", ARTICLE)
    press(qtbot, view, Qt.Key.Key_K, CTRL)
    assert ("الميلشيات الرديفة", "ACTOR") in spans_as_text(path, ids[0], "hala", ARTICLE)

    window.select_span(tanzim.id)
    press(qtbot, view, Qt.Key.Key_K, CTRL)
    assert ("للتنظيم", "ACTOR") in spans_as_text(path, ids[0], "hala", ARTICLE)


def test_exact_button_keeps_the_exact_characters(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    start = ARTICLE.index("والميلشيات")
    qtbot.mouseClick(window.exact_button, Qt.MouseButton.LeftButton)
    assert window.exact_button.isChecked()
    select_qt(view, start, start + len("والميلش"))  # clitic and half a word
    press(qtbot, view, Qt.Key.Key_1)
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("والميلش", "ACTOR")]
    assert stored_spans(path, ids[0], "hala")[0].start == start
    # Ctrl+E switches it off again: the next selection snaps.
    press(qtbot, view, Qt.Key.Key_E, CTRL)
    assert not window.exact_button.isChecked()


def test_alt_drag_selects_exact_characters(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    assert not window.exact_button.isChecked()
    word = ARTICLE.index("للتنظيم")
    a, b = word, word + 3  # «للت»: exact, clitic included, word cut
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, ALT, point_at(view, a))
    qtbot.mouseMove(viewport, point_at(view, b))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, ALT, point_at(view, b))
    cursor = view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (a, b)
    press(qtbot, view, Qt.Key.Key_1)
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("للت", "ACTOR")]

    # A plain drag (no Alt) over the same characters snaps to the word, clitic left out.
    window.select_span(window.spans[0].id)
    press(qtbot, view, Qt.Key.Key_Delete)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_at(view, a))
    qtbot.mouseMove(viewport, point_at(view, b))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_at(view, b))
    press(qtbot, view, Qt.Key.Key_1)
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("لتنظيم", "ACTOR")]


# ------------------------------------------------------ selecting and editing
def test_click_selects_delete_removes_key_relabels(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    start, end = select_text(view, "المرصد السوري لحقوق الإنسان")
    press(qtbot, view, Qt.Key.Key_1)  # wrong label on purpose
    span = stored_spans(path, ids[0], "hala")[0]
    window.select_span(None)
    assert window.selected_span_id is None

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, start + 3))
    assert window.selected_span_id == span.id
    assert window.span_table.selectionModel().selectedRows()[0].row() == 0
    assert not view.textCursor().hasSelection()

    press(qtbot, view, Qt.Key.Key_4)  # a label key on a selected span relabels it
    assert [(s.id, s.start, s.end, s.label) for s in stored_spans(path, ids[0], "hala")] == [
        (span.id, start, end, "SOURCE")
    ]
    # Clicking outside every span clears the selection.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, ARTICLE.index("غارات") + 2))
    assert window.selected_span_id is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, end - 2))
    assert window.selected_span_id == span.id
    press(qtbot, view, Qt.Key.Key_Delete)
    assert stored_spans(path, ids[0], "hala") == []
    assert window.spans == [] and window.span_model.rowCount() == 0


def test_undo_and_redo_are_saved_at_once(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)

    def saved():
        return [(s.start, s.end, s.label) for s in stored_spans(path, ids[0], "hala")]

    a = select_text(view, "المرصد السوري لحقوق الإنسان")
    press(qtbot, view, Qt.Key.Key_4)
    b = select_text(view, "الطيران الروسي")
    press(qtbot, view, Qt.Key.Key_1)
    both = [(*a, "SOURCE"), (*b, "ACTOR")]
    assert saved() == both

    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert saved() == both[:1]
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert saved() == []
    press(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert saved() == both[:1]
    press(qtbot, view, Qt.Key.Key_Y, CTRL)
    assert saved() == both
    assert [(s.start, s.end, s.label) for s in window.spans] == both

    # Relabel and delete undo too, and the undone delete comes back under its old id.
    first_id = window.spans[0].id
    window.select_span(first_id)
    press(qtbot, view, Qt.Key.Key_1)
    assert saved() == [(*a, "ACTOR"), (*b, "ACTOR")]
    press(qtbot, view, Qt.Key.Key_Delete)
    assert saved() == [(*b, "ACTOR")]
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert saved() == [(*a, "ACTOR"), (*b, "ACTOR")]
    assert stored_spans(path, ids[0], "hala")[0].id == first_id
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert saved() == both
    press(qtbot, view, Qt.Key.Key_Y, CTRL)
    press(qtbot, view, Qt.Key.Key_Y, CTRL)
    assert saved() == [(*b, "ACTOR")]


def test_overlap_is_refused_with_a_message(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    select_text(view, "مصادر ميدانية")
    press(qtbot, view, Qt.Key.Key_4)
    before = stored_spans(path, ids[0], "hala")
    depth = window.undo_stack.count()

    select_text(view, "ميدانية")
    press(qtbot, view, Qt.Key.Key_1)
    assert "overlap" in window.statusBar().currentMessage()
    assert stored_spans(path, ids[0], "hala") == before
    assert window.undo_stack.count() == depth  # nothing to undo: nothing happened
    assert len(window.spans) == 1
    # The window still works.
    select_text(view, "الطيران الروسي")
    press(qtbot, view, Qt.Key.Key_1)
    assert len(stored_spans(path, ids[0], "hala")) == 2


# ---------------------------------------------------------- moving through
def test_done_skip_flag_next_previous(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE, SECOND, THIRD])
    window = open_window(path)
    view = view_of(window)
    assert window.article_id == ids[0]

    press(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert window.article_id == ids[1]
    assert view.toPlainText() == SECOND
    press(qtbot, view, Qt.Key.Key_Return, CTRL | SHIFT)
    assert window.article_id == ids[2]

    answered = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("العنوان لا يطابق النص")
        answered.append(True)
        dialog.accept()

    QTimer.singleShot(50, answer)
    press(qtbot, view, Qt.Key.Key_F, CTRL | SHIFT)
    assert answered
    assert window.article_id == ids[2]  # flagging does not move on
    # A window manager gives the focus back after a dialog; the offscreen platform has none.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)

    with Project.open(path) as other:
        statuses = {i: other.annotation(i, "hala") for i in ids}
        assert statuses[ids[0]].status == "done"
        assert statuses[ids[1]].status == "skipped"
        assert statuses[ids[2]].status == "flagged"
        assert statuses[ids[2]].comment == "العنوان لا يطابق النص"

    press(qtbot, view, Qt.Key.Key_PageUp, CTRL)
    assert window.article_id == ids[1]
    press(qtbot, view, Qt.Key.Key_Left, ALT)  # left-to-right UI: Alt+Left goes back
    assert window.article_id == ids[0]
    window.previous_article()
    assert window.article_id == ids[0]
    assert "first" in window.statusBar().currentMessage()
    press(qtbot, view, Qt.Key.Key_PageDown, CTRL)
    press(qtbot, view, Qt.Key.Key_Right, ALT)
    assert window.article_id == ids[2]
    window.next_article()
    assert window.article_id == ids[2]
    assert "last" in window.statusBar().currentMessage()
    # The list shows the new statuses.
    status_col = window.article_model.COLUMNS.index("status")
    shown = [window.article_model.index(r, status_col).data() for r in range(3)]
    assert shown == ["done", "skipped", "flagged"]


def test_reopening_returns_to_the_last_article(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE, SECOND, THIRD])
    window = open_window(path)
    window.open_article(ids[2])
    close_window(window)
    again = open_window(path)
    assert again.article_id == ids[2]
    assert view_of(again).toPlainText() == THIRD
    # Each annotator has their own place.
    other = open_window(path, "omar")
    assert other.article_id == ids[0]


def test_font_size_keys_are_remembered(qtbot, make_project, open_window):
    path, _ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    size = view.font().pointSize()
    press(qtbot, view, Qt.Key.Key_Equal, CTRL)
    press(qtbot, view, Qt.Key.Key_Equal, CTRL)
    press(qtbot, view, Qt.Key.Key_Minus, CTRL)
    assert view.font().pointSize() == size + 1
    assert int(QSettings().value("font_size")) == size + 1
    close_window(window)
    again = open_window(path)
    assert view_of(again).font().pointSize() == size + 1
    assert view_of(again).toPlainText() == ARTICLE


def test_article_list_filters_by_status_and_folded_search(qtbot, make_project, open_window):
    path, ids = make_project([
        ("مقتل أحمد العلي في إدلب", "قُتل أحمد العلي في قصف على إدلب."),
        ("غارات على ريف حماة", "شنت طائرات غارات على ريف حماة الشمالي."),
        ("انفجار في مدينة الباب", "انفجرت عبوة ناسفة في مدينة الباب."),
    ])
    window = open_window(path)
    view = view_of(window)
    press(qtbot, view, Qt.Key.Key_Return, CTRL)  # first one done
    assert window.article_model.ids == ids

    done = window.status_filter.findData("done")
    window.status_filter.setCurrentIndex(done)
    assert window.article_model.ids == [ids[0]]
    window.status_filter.setCurrentIndex(window.status_filter.findData("new"))
    assert window.article_model.ids == ids[1:]
    window.status_filter.setCurrentIndex(0)
    assert window.article_model.ids == ids

    # No hamza, no diacritics typed; stored with hamza (and found when typed with harakat).
    for query, expected in (("احمد", [ids[0]]), ("إدْلِب", [ids[0]]), ("حماه", [ids[1]]), ("xyz", [])):
        window.search_edit.clear()
        type_text(window.search_edit, query)
        qtbot.waitUntil(lambda expected=expected: window.article_model.ids == expected, timeout=3000)
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.article_model.ids == ids, timeout=3000)


def test_markup_is_shown_literally(qtbot, make_project, open_window):
    text = "بيان <b>عاجل</b> من <script>alert('x')</script> المصدر &amp; <i>غيره</i>"
    path, _ids = make_project([text])
    window = open_window(path)
    view = view_of(window)
    assert view.document().toPlainText() == text
    html = view.toHtml()
    assert "&lt;b&gt;" in html and "&lt;script&gt;" in html
    assert "<b>" not in html.split("<body", 1)[1]


def test_span_list_click_selects_and_scrolls(qtbot, make_project, open_window):
    filler = "\n\n".join(f"فقرة رقم {i} عن الأحداث في ريف حلب الغربي وما جرى فيها." for i in range(80))
    text = filler + "\n\nوأعلنت هيئة تحرير الشام سيطرتها على القرية."
    path, ids = make_project([text])
    with Project.open(path) as p:
        first = p.add_span(ids[0], "hala", 0, 4, "ACTOR")
        start = text.index("هيئة تحرير الشام")
        last = p.add_span(ids[0], "hala", start, start + len("هيئة تحرير الشام"), "ACTOR")
    window = open_window(path)
    view = view_of(window)
    assert view.verticalScrollBar().value() == 0
    assert window.span_model.rowCount() == 2
    table = window.span_table
    rect = table.visualRect(window.span_model.index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_span_id == last.id
    scrolled = view.verticalScrollBar().value()
    assert scrolled > view.viewport().height()  # far down: the span is near the end
    assert view.viewport().rect().contains(view.cursorRect())
    assert view.cursor_cp() == last.start
    assert window.span_table.selectionModel().selectedRows()[0].row() == 1
    rect = table.visualRect(window.span_model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_span_id == first.id
    assert view.verticalScrollBar().value() < scrolled
    assert view.viewport().rect().contains(view.cursorRect())


def test_count_span_attributes_and_value_editing(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    start, end = select_text(view, "4")
    press(qtbot, view, Qt.Key.Key_3)
    from annotator.core.counts import count_attributes

    (span,) = stored_spans(path, ids[0], "hala")
    assert span.attributes == count_attributes(ARTICLE, start, end)
    assert {"value", "category"} <= set(span.attributes)

    model = window.span_model
    value_col = model.COLUMNS.index("value")
    index = model.index(0, value_col)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    table = window.span_table
    cell = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double click starts
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # with a press
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "40-50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_spans(path, ids[0], "hala")[0].attributes.get("value") == [40, 50], timeout=3000)
    attrs = stored_spans(path, ids[0], "hala")[0].attributes
    assert (attrs["value"], attrs["approx"]) == ([40, 50], True)
    assert model.index(0, value_col).data() == "40–50"

    depth = window.undo_stack.count()
    assert model.setData(model.index(0, model.COLUMNS.index("category")), attrs["category"])
    assert window.undo_stack.count() == depth  # the same value again: nothing to undo
    category = "displaced" if attrs["category"] != "displaced" else "captured"
    assert model.setData(model.index(0, model.COLUMNS.index("category")), category)
    assert stored_spans(path, ids[0], "hala")[0].attributes == {**attrs, "category": category}
    assert not model.setData(index, "many")  # not a number: refused, nothing saved
    assert not model.setData(model.index(0, model.COLUMNS.index("category")), "bored")
    assert stored_spans(path, ids[0], "hala")[0].attributes == {**attrs, "category": category}
    press(qtbot, view, Qt.Key.Key_Z, CTRL)  # attribute edits undo like everything else
    assert stored_spans(path, ids[0], "hala")[0].attributes == attrs
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert stored_spans(path, ids[0], "hala")[0].attributes == span.attributes

    # Only COUNT spans have editable values.
    select_text(view, "الطيران الروسي")
    press(qtbot, view, Qt.Key.Key_1)
    row = next(r for r in range(model.rowCount()) if model.spans[r].label == "ACTOR")
    assert not model.flags(model.index(row, value_col)) & Qt.ItemFlag.ItemIsEditable


def test_status_bar_shows_annotator_position_and_done(qtbot, make_project, open_window):
    path, _ids = make_project([ARTICLE, SECOND, THIRD])
    window = open_window(path, "سلمى")
    view = view_of(window)
    assert "سلمى" in window.status_annotator.text()
    assert "1 / 3" in window.status_position.text()
    assert window.status_done.text().endswith("0")
    press(qtbot, view, Qt.Key.Key_Return, CTRL)
    assert "2 / 3" in window.status_position.text()
    assert window.status_done.text().endswith("1")
    assert "سلمى" in window.windowTitle()


def test_arabic_ui_is_mirrored(qtbot, qapp, make_project, open_window):
    from annotator.gui.app import set_language

    path, ids = make_project([ARTICLE, SECOND])
    set_language(qapp, "ar")
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window = open_window(path)
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "فاعل" in window.label_buttons["ACTOR"].text()
        view = view_of(window)
        # In a mirrored window the next article lies to the left.
        press(qtbot, view, Qt.Key.Key_Left, ALT)
        assert window.article_id == ids[1]
        press(qtbot, view, Qt.Key.Key_Right, ALT)
        assert window.article_id == ids[0]
        # The right-click menu reads right to left, in Arabic (#12 item 8).
        start, _end = select_text(view, "قوات النظام")
        press(qtbot, view, Qt.Key.Key_1)
        menu = right_click_menu(qtbot, window, view, start + 2)
        assert menu.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert menu.actions()[1].text().startswith("تغيير الوسم إلى")
        menu.close()
    finally:
        set_language(qapp, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_each_annotator_sees_only_their_own_spans(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    hala = open_window(path, "hala")
    omar = open_window(path, "omar")
    hv, ov = view_of(hala), view_of(omar)

    hala.activateWindow()
    qtbot.waitUntil(hala.isActiveWindow)
    select_text(hv, "الطيران الروسي")
    press(qtbot, hv, Qt.Key.Key_1)
    omar.open_article(ids[0])  # reload: still nothing of hala's
    assert omar.spans == [] and omar.span_model.rowCount() == 0
    assert ov.extraSelections() == []

    omar.activateWindow()
    qtbot.waitUntil(omar.isActiveWindow)
    select_text(ov, "الطيران")  # overlaps hala's span: allowed, it is omar's own annotation
    press(qtbot, ov, Qt.Key.Key_2)
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("الطيران الروسي", "ACTOR")]
    assert spans_as_text(path, ids[0], "omar", ARTICLE) == [("الطيران", "LOCATION")]
    hala.open_article(ids[0])
    assert [(s.label) for s in hala.spans] == ["ACTOR"]
    assert [(s.label) for s in omar.spans] == ["LOCATION"]


def test_undo_never_touches_another_annotators_span(qtbot, make_project, open_window):
    """Two annotators share a project file; one deletes a span, the other adds one.

    Span ids are never reused (schema migration 5), so undoing the delete restores
    exactly the deleted span, and no undo or redo ever touches the other annotator's.
    """
    path, ids = make_project([ARTICLE])
    hala = open_window(path, "hala")
    omar = open_window(path, "omar")
    hv, ov = view_of(hala), view_of(omar)

    select_text(hv, "مصادر ميدانية")
    press(qtbot, hv, Qt.Key.Key_4)
    press(qtbot, hv, Qt.Key.Key_Delete)  # hala's span is gone: its id is free again
    assert stored_spans(path, ids[0], "hala") == []

    omar.activateWindow()
    qtbot.waitUntil(omar.isActiveWindow)
    select_text(ov, "الطيران الروسي")
    press(qtbot, ov, Qt.Key.Key_1)
    (omars,) = stored_spans(path, ids[0], "omar")

    hala.activateWindow()
    qtbot.waitUntil(hala.isActiveWindow)
    hala.statusBar().clearMessage()
    for _ in range(3):  # undo the delete, then the add, then nothing is left to undo
        press(qtbot, hv, Qt.Key.Key_Z, CTRL)
        assert stored_spans(path, ids[0], "omar") == [omars]
        if _ == 0:  # the delete is undone: hala's span is back, under its own id
            assert [(ARTICLE[s.start:s.end], s.label) for s in stored_spans(path, ids[0], "hala")] == \
                [("مصادر ميدانية", "SOURCE")]
            assert stored_spans(path, ids[0], "hala")[0].id != omars.id
    saved = stored_spans(path, ids[0], "hala")
    assert saved == []  # the add is undone too
    assert [s.id for s in hala.spans] == [s.id for s in saved]  # the window shows what is stored
    for _ in range(3):
        press(qtbot, hv, Qt.Key.Key_Y, CTRL)
        assert stored_spans(path, ids[0], "omar") == [omars]


def test_clicking_a_paragraphs_first_line_lands_in_it(qtbot, make_project, open_window):
    """Blank lines between paragraphs are short, but must not cover the next line's top."""
    path, _ids = make_project([ARTICLE])
    view = view_of(open_window(path))
    starts = [i + 2 for i in range(len(ARTICLE) - 1) if ARTICLE[i:i + 2] == "\n\n"]
    assert len(starts) == 2
    for start in starts:
        cursor = QTextCursor(view.document())
        cursor.setPosition(start + 3)
        rect = view.cursorRect(cursor)
        for y in (rect.top() + 2, rect.center().y(), rect.bottom() - 2):
            landed = view.cursorForPosition(QPoint(rect.x(), y)).position()
            assert start <= landed <= start + 6, (start, y, landed)


def test_span_list_follows_every_edit(qtbot, make_project, open_window):
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    model = window.span_model
    label_col, text_col = model.COLUMNS.index("label"), model.COLUMNS.index("text")

    def rows():
        return [(model.index(r, label_col).data(), model.index(r, text_col).data()) for r in range(model.rowCount())]

    def stored():
        return [(s.label, ARTICLE[s.start:s.end]) for s in stored_spans(path, ids[0], "hala")]

    for needle, key in (("الطيران الروسي", Qt.Key.Key_1), ("مصادر ميدانية", Qt.Key.Key_4),
                        ("دير الزور", Qt.Key.Key_2), ("حمص", Qt.Key.Key_2)):
        select_text(view, needle, 1 if needle == "حمص" else 0)
        press(qtbot, view, key)
        assert rows() == stored()
    window.select_span(window.spans[1].id)
    press(qtbot, view, Qt.Key.Key_1)  # relabel: the row changes in place
    assert rows() == stored()
    press(qtbot, view, Qt.Key.Key_Delete)
    assert rows() == stored() and len(rows()) == 3
    for _ in range(3):
        press(qtbot, view, Qt.Key.Key_Z, CTRL)
        assert rows() == stored()
    press(qtbot, view, Qt.Key.Key_Y, CTRL)
    assert rows() == stored()


def test_suggestions_accept_reject_and_accept_all(qtbot, make_project, open_window):
    from annotator.core.suggest import get_suggester

    expected = {(s.start, s.end, s.label) for s in get_suggester("rules").suggest(ARTICLE)}
    assert len(expected) >= 5  # the article is written to have several
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    window.suggest_source.setCurrentIndex(window.suggest_source.findData("rules"))
    assert QSettings().value("suggest_source") == "rules"  # remembered
    qtbot.waitUntil(lambda: bool(getattr(window, "visible_suggestions", None)), timeout=60_000)
    shown = {(s.start, s.end, s.label) for s in window.visible_suggestions}
    assert shown == expected
    drawn = {(sel.cursor.selectionStart(), sel.cursor.selectionEnd()) for sel in view.extraSelections()}
    assert {(a, b) for a, b, _ in expected} <= drawn

    def suggestion(text):
        return next(s for s in window.visible_suggestions if ARTICLE[s.start:s.end] == text)

    # Enter on a suggestion accepts it; the cursor moves on to the next one.
    target = suggestion("قوات النظام")
    view.place_cursor_cp(target.start + 2)
    press(qtbot, view, Qt.Key.Key_Return)
    (saved,) = stored_spans(path, ids[0], "hala")
    assert (saved.start, saved.end, saved.label) == (target.start, target.end, target.label)
    assert saved.origin == target.origin
    assert view.cursor_cp() == min(s.start for s in window.visible_suggestions if s.start >= target.end)

    # Backspace rejects: nothing stored, and it stays hidden when the article comes back.
    rejected = suggestion("مصادر ميدانية")
    view.place_cursor_cp(rejected.start + 1)
    press(qtbot, view, Qt.Key.Key_Backspace)
    assert len(stored_spans(path, ids[0], "hala")) == 1
    assert rejected.key() not in {s.key() for s in window.visible_suggestions}
    with Project.open(path) as other:
        assert other.rejected_suggestions(ids[0], "hala") == {rejected.key()}

    # A label key on a suggestion (no selection) accepts it with that label.
    relabel = suggestion("المدن")
    view.place_cursor_cp(relabel.start + 1)
    press(qtbot, view, Qt.Key.Key_Escape)
    press(qtbot, view, Qt.Key.Key_2)
    assert (relabel.start, relabel.end, "LOCATION") in {(s.start, s.end, s.label)
                                                        for s in stored_spans(path, ids[0], "hala")}

    # Accept all takes every remaining one in one undoable step.
    remaining = {s.key() for s in window.visible_suggestions}
    before = {s.key() for s in stored_spans(path, ids[0], "hala")}
    qtbot.mouseClick(window.findChild(QPushButton, "acceptAll"), Qt.MouseButton.LeftButton)
    after = {s.key() for s in stored_spans(path, ids[0], "hala")}
    assert after == before | remaining
    assert window.visible_suggestions == []
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert {s.key() for s in stored_spans(path, ids[0], "hala")} == before

    window.open_article(ids[0])  # reopened: the rejected one is still not offered
    qtbot.waitUntil(lambda: bool(window.visible_suggestions), timeout=60_000)
    assert rejected.key() not in {s.key() for s in window.visible_suggestions}


def test_f8_and_shift_f8_walk_the_suggestions_in_reading_order_and_go_round(qtbot, make_project, open_window):
    """Keyboard-first: F8 puts the cursor on the next suggestion, Shift+F8 on the previous
    one, going round at either end with a word in the status bar; Enter then accepts the
    suggestion reached."""
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    window.suggest_source.setCurrentIndex(window.suggest_source.findData("rules"))
    qtbot.waitUntil(lambda: len(getattr(window, "visible_suggestions", []) or []) >= 3, timeout=60_000)
    starts = [s.start for s in window.visible_suggestions]
    assert starts == sorted(starts)

    view.place_cursor_cp(0)
    # From the start of the text (on the first suggestion, if one starts there) …
    ahead = starts[1:] if starts[0] == 0 else starts
    reached = []
    for _ in ahead:
        press(qtbot, view, Qt.Key.Key_F8)
        reached.append(view.cursor_cp())
    assert reached == ahead  # … every suggestion once, in reading order
    press(qtbot, view, Qt.Key.Key_F8)  # past the last: round to the first
    assert view.cursor_cp() == min(starts)
    assert window.statusBar().currentMessage() == "Back to the first suggestion."
    press(qtbot, view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # and back to the last
    assert view.cursor_cp() == max(starts)
    press(qtbot, view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    second_last = sorted(starts)[-2]
    assert view.cursor_cp() == second_last

    # Enter accepts the suggestion F8 reached, and the cursor moves on.
    target = next(s for s in window.visible_suggestions if s.start == second_last)
    press(qtbot, view, Qt.Key.Key_Return)
    (saved,) = stored_spans(path, ids[0], "hala")
    assert (saved.start, saved.end, saved.label) == (target.start, target.end, target.label)
    assert view.cursor_cp() == max(starts)


def test_every_suggestion_action_is_one_undo_step_and_backspace_deletes_a_span(qtbot, make_project, open_window):
    """#12 item 5: Ctrl+Z after a Backspace-reject un-rejects it (it used to undo an earlier
    accept and leave the rejection for good); Backspace on a selected span deletes it."""
    path, ids = make_project([ARTICLE])
    window = open_window(path)
    view = view_of(window)
    window.suggest_source.setCurrentIndex(window.suggest_source.findData("rules"))
    qtbot.waitUntil(lambda: bool(window.visible_suggestions), timeout=60_000)

    def suggestion(text):
        return next(s for s in window.visible_suggestions if ARTICLE[s.start:s.end] == text)

    def rejected():
        with Project.open(path) as other:
            return other.rejected_suggestions(ids[0], "hala")

    accepted = suggestion("قوات النظام")
    view.place_cursor_cp(accepted.start + 1)
    press(qtbot, view, Qt.Key.Key_Return)
    refused = suggestion("مصادر ميدانية")
    view.place_cursor_cp(refused.start + 1)
    press(qtbot, view, Qt.Key.Key_Backspace)
    assert rejected() == {refused.key()}

    press(qtbot, view, Qt.Key.Key_Z, CTRL)  # the rejection, not the accept
    assert rejected() == set()
    assert refused.key() in {s.key() for s in window.visible_suggestions}
    assert [s.key() for s in stored_spans(path, ids[0], "hala")] == [accepted.key()]
    press(qtbot, view, Qt.Key.Key_Z, CTRL)  # then the accept
    assert stored_spans(path, ids[0], "hala") == []
    press(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    press(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert rejected() == {refused.key()}
    assert [s.key() for s in stored_spans(path, ids[0], "hala")] == [accepted.key()]

    # Backspace with a span selected deletes that span, like Delete, and undoes like it.
    a, b = select_text(view, "الطيران الروسي")
    press(qtbot, view, Qt.Key.Key_1)
    assert window.selected_span_id is not None
    press(qtbot, view, Qt.Key.Key_Backspace)
    assert (a, b, "ACTOR") not in {s.key() for s in stored_spans(path, ids[0], "hala")}
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert (a, b, "ACTOR") in {s.key() for s in stored_spans(path, ids[0], "hala")}


HOSTILE_TITLES = ['<img src="/local/file.png"> بيان', "<img width=30000 height=30000>",
                  "\u202eعنوان معكوس <b>x</b>"]


def test_titles_are_plain_text_and_bidi_controls_are_neutralised(qtbot, make_project, open_window):
    """#16 item 12: a title is never Qt rich text (it loaded local images and a 30,000 px
    image grew the window to 30,637 × 30,246), and a U+202E in it cannot reverse a list."""
    from PySide6.QtWidgets import QLabel

    articles = [(title, f"نص المقال رقم {n}.\n\nقصفت قوات النظام بلدات في ريف إدلب.")
                for n, title in enumerate(HOSTILE_TITLES)]
    path, ids = make_project(articles)
    window = open_window(path)
    for article_id, title in zip(ids, HOSTILE_TITLES, strict=True):
        window.open_article(article_id)
        label = window.findChild(QLabel, "articleTitle")
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == title.replace("\u202e", "")
        assert label.sizeHint().width() < 3000 and label.sizeHint().height() < 3000
        assert window.minimumSizeHint().width() < 3000 and window.minimumSizeHint().height() < 3000
    model = window.article_model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert all("\u202e" not in text for text in shown)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip


def test_an_annotator_name_with_markup_is_shown_as_written(qtbot, make_project, open_window):
    name = "<img width=30000 height=30000>"
    path, _ids = make_project([THIRD])
    window = open_window(path, annotator=name)
    assert window.status_annotator.textFormat() == Qt.TextFormat.PlainText
    assert window.status_annotator.text().endswith(name)
    assert window.minimumSizeHint().width() < 3000 and window.minimumSizeHint().height() < 3000


# ------------------------------------------------------- #12: a working day
SDF_ARTICLE = "بيان\n\nوأعلنت قوات سوريا الديمقراطية (SDF) سيطرتها على القرية."


def drag(qtbot, view, a: int, b: int) -> None:
    """A plain mouse drag from cursor position ``a`` to ``b``."""
    viewport = view.viewport()
    none = Qt.KeyboardModifier.NoModifier
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, none, point_at(view, a))
    qtbot.mouseMove(viewport, point_at(view, b))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, none, point_at(view, b))


def test_dragging_over_a_name_with_a_bracketed_alias_stores_no_bracket(qtbot, make_project, open_window):
    """#12 item 2: the drag took in `(` and left `)` out, in both directions."""
    path, ids = make_project([SDF_ARTICLE])
    window = open_window(path)
    view = view_of(window)
    a = SDF_ARTICLE.index("قوات")
    b = SDF_ARTICLE.index(")") + 1
    for start, end in ((a, b), (b, a)):
        drag(qtbot, view, start, end)
        cursor = view.textCursor()
        assert {cursor.selectionStart(), cursor.selectionEnd()} == {a, b}
        press(qtbot, view, Qt.Key.Key_1)
        assert spans_as_text(path, ids[0], "hala", SDF_ARTICLE) == [("قوات سوريا الديمقراطية", "ACTOR")]
        assert window.span_model.rowCount() == 1
        press(qtbot, view, Qt.Key.Key_Delete)
        assert stored_spans(path, ids[0], "hala") == []
    # The alias in brackets is its own span.
    s = SDF_ARTICLE.index("SDF")
    drag(qtbot, view, s - 1, s + 4)
    press(qtbot, view, Qt.Key.Key_1)
    assert spans_as_text(path, ids[0], "hala", SDF_ARTICLE) == [("SDF", "ACTOR")]


IDLIB_ARTICLE = ("إدلب: قصف\n\nقصفت قوات النظام ريف إدلب الجنوبي، وسقطت قذائف على مدينة إدلب "
                 "وعلى إدلب نفسها. وتحدث سكان جبل الزاوية جنوبي إدلب.")


def test_ctrl_m_skips_names_inside_longer_spans_and_suggestions_and_says_so(qtbot, make_project, open_window):
    """#12 item 7: Ctrl+M labelled إدلب inside ريف إدلب الجنوبي; now it leaves matches
    inside a longer span or suggestion alone and reports what it did as a sentence."""
    from annotator.core.domain import Suggestion
    from annotator.core.preannotate import store_suggestions

    path, ids = make_project([IDLIB_ARTICLE])
    city = IDLIB_ARTICLE.index("مدينة إدلب")
    with Project.open(path) as project:
        store_suggestions(project, ids[0], "rules", [Suggestion(city, city + len("مدينة إدلب"), "LOCATION", "rule")])
    QSettings().setValue("suggest_source", "rules")
    window = open_window(path)
    view = view_of(window)
    qtbot.waitUntil(lambda: len(window.visible_suggestions) == 1, timeout=10_000)
    select_text(view, "ريف إدلب الجنوبي")
    press(qtbot, view, Qt.Key.Key_2)
    first = select_text(view, "إدلب")
    press(qtbot, view, Qt.Key.Key_2)
    press(qtbot, view, Qt.Key.Key_M, CTRL)
    stored = {(IDLIB_ARTICLE[s.start:s.end], s.start) for s in stored_spans(path, ids[0], "hala")}
    free = [i for i in range(len(IDLIB_ARTICLE)) if IDLIB_ARTICLE.startswith("إدلب", i)]
    inside_span = IDLIB_ARTICLE.index("ريف إدلب") + 4
    inside_suggestion = city + len("مدينة ")
    expected_new = {("إدلب", i) for i in free} - {("إدلب", inside_span), ("إدلب", inside_suggestion)}
    assert stored == expected_new | {("ريف إدلب الجنوبي", inside_span - 4)}
    assert len(expected_new) == 3 and first[0] == 0
    assert window.statusBar().currentMessage() == (
        "Labelled 2 more mentions. 2 were left alone inside longer names.")
    # The suggestion is still offered, and one Ctrl+Z takes back all that Ctrl+M did.
    assert [IDLIB_ARTICLE[s.start:s.end] for s in window.visible_suggestions] == ["مدينة إدلب"]
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert len(stored_spans(path, ids[0], "hala")) == 2
    # Again with nothing free: the sentence says so.
    press(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    window.select_span(next(s.id for s in window.spans if s.start == 0))
    press(qtbot, view, Qt.Key.Key_M, CTRL)
    assert window.statusBar().currentMessage() == (
        "No other mention was free to label. 2 were left alone inside longer names. 2 were already labelled.")


def test_exact_characters_mode_shows_in_the_status_bar_while_on(qtbot, make_project, open_window):
    """#12 item 9: Ctrl+E is sticky and its on-state was barely visible."""
    from PySide6.QtWidgets import QLabel

    path, ids = make_project([ARTICLE, SECOND])
    window = open_window(path)
    view = view_of(window)
    indicator = window.statusBar().findChild(QLabel, "exactIndicator")
    assert indicator is not None and not indicator.isVisible()
    press(qtbot, view, Qt.Key.Key_E, CTRL)
    assert window.exact_button.isChecked() and indicator.isVisible()
    assert "every article" in indicator.text() and "Ctrl+E" in indicator.text()
    # Its scope: it stays on on the next article, and still keeps the exact characters there.
    press(qtbot, view, Qt.Key.Key_Right, ALT)
    assert window.article_id == ids[1] and indicator.isVisible()
    start = SECOND.index("مدنيين")
    select_qt(view, start, start + 3)
    press(qtbot, view, Qt.Key.Key_3)
    assert spans_as_text(path, ids[1], "hala", SECOND) == [("مدن", "COUNT")]
    # A temporary message does not hide it.
    window.statusBar().showMessage("x", 3000)
    assert indicator.isVisible()
    press(qtbot, view, Qt.Key.Key_E, CTRL)
    assert not indicator.isVisible()


def store_rule_suggestions(path, article_id: int, text: str, names: list[tuple[str, str]]) -> set:
    """Pre-annotate ``article_id`` (source "rules") with the given (text, label) suggestions."""
    from annotator.core.domain import Suggestion
    from annotator.core.preannotate import store_suggestions

    found = [Suggestion(text.index(n), text.index(n) + len(n), label, "rule") for n, label in names]
    with Project.open(path) as project:
        store_suggestions(project, article_id, "rules", found)
    return {s.key() for s in found}


def answer_box(qtbot, button: str, *, dont_ask: bool = False) -> list[str]:
    """Click ``button`` (objectName) in the next modal box; returns the box's text when it came."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.checkBox().setChecked(dont_ask)
        names = {b.objectName(): b for b in box.buttons()}
        assert sorted(names) == ["done_accept", "done_cancel", "done_keep", "done_reject"]
        qtbot.mouseClick(names[button], Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, answer)
    return seen


def test_done_with_unreviewed_suggestions_asks_and_remembers(qtbot, make_project, open_window):
    """#12 item 3: Ctrl+Enter marked an article with 22 unreviewed suggestions done silently."""
    path, ids = make_project([ARTICLE, SECOND, THIRD])
    first = store_rule_suggestions(path, ids[0], ARTICLE,
                                   [("قوات النظام", "ACTOR"), ("ريف حمص الشرقي", "LOCATION"), ("4 جنود", "COUNT")])
    second = store_rule_suggestions(path, ids[1], SECOND, [("ريف دير الزور الشرقي", "LOCATION"), ("3 مدنيين", "COUNT")])
    third = store_rule_suggestions(path, ids[2], THIRD, [("جبل الزاوية", "LOCATION")])
    QSettings().setValue("suggest_source", "rules")
    window = open_window(path)
    view = view_of(window)
    qtbot.waitUntil(lambda: len(window.visible_suggestions) == 3, timeout=10_000)

    def status(article_id):
        with Project.open(path) as other:
            ann = other.annotation(article_id, "hala")
            return ann.status if ann else None

    def rejected(article_id):
        with Project.open(path) as other:
            return other.rejected_suggestions(article_id, "hala")

    def ctrl_enter():
        press(qtbot, view, Qt.Key.Key_Return, CTRL)
        window.activateWindow()  # the offscreen platform does not give the focus back
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)

    seen = answer_box(qtbot, "done_cancel")
    ctrl_enter()
    assert seen == ["3 suggestions are still unreviewed."]
    assert window.article_id == ids[0] and status(ids[0]) != "done"  # cancelled: nothing happened

    seen = answer_box(qtbot, "done_reject")
    ctrl_enter()
    assert seen and status(ids[0]) == "done" and window.article_id == ids[1]
    assert rejected(ids[0]) == first and stored_spans(path, ids[0], "hala") == []

    qtbot.waitUntil(lambda: len(window.visible_suggestions) == 2, timeout=10_000)
    seen = answer_box(qtbot, "done_accept", dont_ask=True)
    ctrl_enter()
    assert seen == ["2 suggestions are still unreviewed."]
    assert {s.key() for s in stored_spans(path, ids[1], "hala")} == second and status(ids[1]) == "done"
    assert QSettings().value("done_with_suggestions") == "accept"
    assert not window.act_ask_unreviewed.isChecked()

    # Remembered: the next Ctrl+Enter accepts without asking.
    qtbot.waitUntil(lambda: len(window.visible_suggestions) == 1, timeout=10_000)
    seen = answer_box(qtbot, "done_keep")  # would answer a box if one came
    ctrl_enter()
    assert {s.key() for s in stored_spans(path, ids[2], "hala")} == third and status(ids[2]) == "done"
    qtbot.wait(100)
    assert seen == []
    # The Article menu brings the question back.
    window.act_ask_unreviewed.trigger()
    assert window.act_ask_unreviewed.isChecked() and QSettings().value("done_with_suggestions") == ""


def right_click_menu(qtbot, window, view, cp: int):
    """Right-click at code point ``cp`` (LF, BMP text) and return the menu that opens."""
    window.span_menu = None
    point = point_at(view, cp)
    viewport = view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=point)
    # The window system follows a right-click with a context-menu event; QTest does not.
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                       viewport.mapToGlobal(point)))
    qtbot.waitUntil(lambda: getattr(window, "span_menu", None) is not None and window.span_menu.isVisible(),
                    timeout=3000)
    return window.span_menu


def choose(qtbot, menu, name: str) -> None:
    """Click the menu item called ``name`` with the mouse, as the user does."""
    from PySide6.QtGui import QAction

    action = menu.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_right_click_on_a_span_relabels_and_deletes_and_on_a_suggestion_accepts_and_rejects(
        qtbot, make_project, open_window):
    """#12 item 8: the right-click menu offered only Copy and Select All."""
    path, ids = make_project([ARTICLE])
    offered = store_rule_suggestions(path, ids[0], ARTICLE, [("الطيران الروسي", "ACTOR"), ("4 جنود", "COUNT")])
    QSettings().setValue("suggest_source", "rules")
    window = open_window(path)
    view = view_of(window)
    qtbot.waitUntil(lambda: len(window.visible_suggestions) == 2, timeout=10_000)
    start, end = select_text(view, "المرصد السوري لحقوق الإنسان")
    press(qtbot, view, Qt.Key.Key_1)
    window.select_span(None)

    menu = right_click_menu(qtbot, window, view, start + 3)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    labels = [lab.name for lab in window.labels]
    assert names == [f"relabel_{n}" for n in labels] + ["deleteSpan", "copy"]
    assert menu.layoutDirection() == Qt.LayoutDirection.LeftToRight  # the English UI, over Arabic text
    assert not next(a for a in menu.actions() if a.objectName() == "relabel_ACTOR").isEnabled()
    assert window.selected_span_id is not None  # the span right-clicked is the selected one
    choose(qtbot, menu, "relabel_SOURCE")
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("المرصد السوري لحقوق الإنسان", "SOURCE")]
    menu = right_click_menu(qtbot, window, view, end - 2)
    choose(qtbot, menu, "deleteSpan")
    assert stored_spans(path, ids[0], "hala") == []
    press(qtbot, view, Qt.Key.Key_Z, CTRL)  # one undo step each
    assert spans_as_text(path, ids[0], "hala", ARTICLE) == [("المرصد السوري لحقوق الإنسان", "SOURCE")]

    air = ARTICLE.index("الطيران الروسي")
    menu = right_click_menu(qtbot, window, view, air + 2)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names[:2] == ["acceptSuggestion", "rejectSuggestion"]
    assert names[2:] == [f"acceptAs_{n}" for n in labels if n != "ACTOR"] + ["copy"]
    choose(qtbot, menu, "rejectSuggestion")
    with Project.open(path) as other:
        assert other.rejected_suggestions(ids[0], "hala") == {k for k in offered if k[2] == "ACTOR"}
    jnood = ARTICLE.index("4 جنود")
    menu = right_click_menu(qtbot, window, view, jnood + 3)
    choose(qtbot, menu, "acceptSuggestion")
    assert ("4 جنود", "COUNT") in spans_as_text(path, ids[0], "hala", ARTICLE)
    assert window.visible_suggestions == []


QUOTED_TITLE = "“الحصار” مستمر في ريف درعا الغربي وسط تصعيد عسكري يطال عشرات القرى والبلدات والمزارع"


def test_arabic_cells_read_right_to_left_and_columns_hold_still_in_the_english_ui(qtbot, make_project, open_window):
    """#12 item 6: `7 عناصر` read `عناصر 7`, titles elided on the wrong side, a leading “
    jumped to the far end, the status column changed width, labels were clipped (`ACT…`)."""
    from PySide6.QtWidgets import QStyle

    text = QUOTED_TITLE + "\n\nقتل 7 عناصر وأصيب 12 مدنيا في قصف على ريف درعا الغربي."
    path, ids = make_project([(QUOTED_TITLE, text), ("Second", SECOND)])
    window = open_window(path)
    view = view_of(window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    select_text(view, "7 عناصر")
    press(qtbot, view, Qt.Key.Key_3)
    select_text(view, "12 مدنيا")
    press(qtbot, view, Qt.Key.Key_3)
    window.span_model.setData(window.span_model.index(1, 3), "wounded", Qt.ItemDataRole.EditRole)
    select_text(view, "ريف درعا الغربي", 1)
    press(qtbot, view, Qt.Key.Key_2)

    # The span list: Arabic cells right to left (so `7 عناصر` reads as written), Latin ones not.
    spans = window.span_table
    texts = [spans.model().index(r, 1).data() for r in range(3)]
    assert texts == ["7 عناصر", "12 مدنيا", "ريف درعا الغربي"]
    for row in range(3):
        option = cell_option(spans, row, 1)
        assert option.direction == Qt.LayoutDirection.RightToLeft
        assert option.displayAlignment & Qt.AlignmentFlag.AlignRight
        assert cell_option(spans, row, 0).direction == Qt.LayoutDirection.LeftToRight
    # No label or category clipped: each column is as wide as its widest cell needs.
    qtbot.wait(50)
    header = spans.horizontalHeader()
    for column in (0, 2, 3, 4):
        for row in range(3):
            index = spans.model().index(row, column)
            option = cell_option(spans, row, column)
            needed = spans.itemDelegateForIndex(index).sizeHint(option, index).width()
            assert header.sectionSize(column) >= needed, (column, index.data())

    # The article list: the title right to left, elided at its logical end (the left),
    # its leading “ kept at the start.
    articles = window.article_table
    option = cell_option(articles, 0, 0)
    assert option.direction == Qt.LayoutDirection.RightToLeft
    assert option.textElideMode == Qt.TextElideMode.ElideRight
    assert option.displayAlignment & Qt.AlignmentFlag.AlignRight
    style = articles.style()
    text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, articles)
    shown = option.fontMetrics.elidedText(option.text, option.textElideMode, text_rect.width())
    assert shown != option.text and shown.startswith("“الحصار”") and shown.endswith("…")
    assert cell_option(articles, 1, 0).direction == Qt.LayoutDirection.LeftToRight

    # Marking done changes the status text; no column moves.
    art_header = articles.horizontalHeader()
    widths = [art_header.sectionSize(c) for c in range(art_header.count())]
    press(qtbot, view, Qt.Key.Key_Return, CTRL)
    qtbot.wait(50)
    assert window.article_model.index(0, 2).data() == "done"
    assert [art_header.sectionSize(c) for c in range(art_header.count())] == widths


def test_messages_read_as_sentences_and_the_flag_box_writes_arabic_right_to_left(qtbot, make_project, open_window):
    """#12 item 10: `span 466–469 overlaps the SOURCE span 460–473 «…»`, `approx: False` in
    the tooltip, and a left-aligned flag comment box for an Arabic comment."""
    from PySide6.QtWidgets import QPlainTextEdit

    path, ids = make_project([ARTICLE, SECOND])
    window = open_window(path)
    view = view_of(window)
    select_text(view, "مصادر ميدانية")
    press(qtbot, view, Qt.Key.Key_4)
    select_text(view, "ميدانية")
    press(qtbot, view, Qt.Key.Key_1)
    assert window.statusBar().currentMessage() == (
        "This selection overlaps the \u2068Source\u2069 span «\u2068مصادر ميدانية\u2069». "
        "Delete or relabel it first, or select less.")
    assert len(stored_spans(path, ids[0], "hala")) == 1

    start, end = select_text(view, "4 جنود")
    press(qtbot, view, Qt.Key.Key_3)
    tip = view.shown_at(start).tooltip({lab.name: lab for lab in window.labels})
    assert "approx" not in tip and "Number: 4" in tip and "Category: killed" in tip

    answered = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        box = dialog.findChild(QPlainTextEdit)
        type_text(box, "العنوان لا يطابق النص")
        answered["direction"] = box.layoutDirection()
        answered["alignment"] = box.document().defaultTextOption().alignment()
        answered["caret"] = box.cursorRect().x() > box.viewport().width() // 2
        dialog.accept()

    QTimer.singleShot(20, answer)
    press(qtbot, view, Qt.Key.Key_F, CTRL | SHIFT)
    assert answered["direction"] == Qt.LayoutDirection.RightToLeft
    assert answered["alignment"] & Qt.AlignmentFlag.AlignRight
    assert answered["caret"]  # the text runs from the right edge
    with Project.open(path) as other:
        assert other.annotation(ids[0], "hala").comment == "العنوان لا يطابق النص"


def test_the_panes_hold_still_when_suggestions_arrive(qtbot, make_project, open_window):
    """The first suggestions used to widen the article pane and squeeze the article list
    to its minimum (titles 38 px wide): the count line must take only the room it has."""
    from PySide6.QtWidgets import QSplitter

    path, _ = make_project(["قصفت قوات النظام ريف إدلب الجنوبي وقتل 4 مدنيين."])
    window = open_window(path)
    splitter = window.findChild(QSplitter, "mainSplitter")
    qtbot.wait(50)
    before = (splitter.sizes(), window.width())
    window.suggest_info.setText("9,999 suggestions — Enter accepts, Backspace rejects · 99 under the threshold "
                                "and a good deal more text than the bar could ever hold on one line")
    qtbot.wait(50)
    assert (splitter.sizes(), window.width()) == before
