"""gui/workbench_parts.py: the workbench's widgets, menus and its two questions."""
from __future__ import annotations

from gui_helpers import cell_option, stored_spans
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLineEdit, QPlainTextEdit, QTableView

from annotator.core.domain import Suggestion
from annotator.core.preannotate import store_suggestions
from annotator.core.store import Project
from annotator.gui.workbench_parts import (
    DONE_CHOICES,
    DONE_SETTING,
    SUGGEST_SOURCES,
    ask_flag_comment,
    settle_unreviewed,
    window_icon,
)

TEXT = "قال المرصد السوري إن قوات النظام قصفت ريف حمص."


def _with_a_suggestion(make_project, open_window, qtbot):  # type: ignore[no-untyped-def]
    path, (article,) = make_project([TEXT])
    start = TEXT.index("قوات النظام")
    with Project.open(path) as project:
        store_suggestions(project, article, "rules", [Suggestion(start, start + len("قوات النظام"), "ACTOR", "rule")])
    QSettings().setValue("suggest_source", "rules")
    window = open_window(path)
    qtbot.waitUntil(lambda: len(window.visible_suggestions) == 1, timeout=10_000)
    return path, article, window


def test_the_window_is_built_with_its_lists_and_menus(make_project, open_window) -> None:
    path, _ids = make_project([TEXT])
    window = open_window(path)
    assert window.findChild(QTableView, "articleList") is window.article_table
    assert window.findChild(QLineEdit, "searchEdit") is window.search_edit
    assert window.findChild(QComboBox, "statusFilter").count() == 6  # All + the five statuses
    names = {a.objectName() for a in window.findChildren(QAction)}
    assert {"actOpen", "actImport", "actNext", "actDone", "actSkip", "actFlag", "actDelete", "actClitic",
            "actMentions", "actAcceptAll", "actExact", "actTrain"} <= names
    assert "rules,patterns" in SUGGEST_SOURCES and set(DONE_CHOICES) == {"accept", "reject", "keep"}


def test_settle_with_a_remembered_choice_asks_nothing(make_project, open_window, qtbot) -> None:
    path, article, window = _with_a_suggestion(make_project, open_window, qtbot)
    window.settings.setValue(DONE_SETTING, "accept")
    assert settle_unreviewed(window) is True
    assert [(s.label, s.origin) for s in stored_spans(path, article, "hala")] == [("ACTOR", "rule")]
    assert settle_unreviewed(window) is True  # nothing left unreviewed


def test_settle_keep_leaves_the_suggestions(make_project, open_window, qtbot) -> None:
    path, article, window = _with_a_suggestion(make_project, open_window, qtbot)
    window.settings.setValue(DONE_SETTING, "keep")
    assert settle_unreviewed(window) is True
    assert stored_spans(path, article, "hala") == [] and len(window.visible_suggestions) == 1


def test_flag_comment_dialog_returns_the_text_or_none(make_project, open_window, qtbot) -> None:
    path, _ids = make_project([TEXT])
    window = open_window(path)

    def answer(text: str | None) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, lambda: answer(text))
            return
        assert dialog.objectName() == "flagDialog"
        if text is None:
            dialog.reject()
        else:
            dialog.findChild(QPlainTextEdit).setPlainText(text)
            dialog.accept()

    QTimer.singleShot(0, lambda: answer("العنوان مكرر"))
    assert ask_flag_comment(window) == "العنوان مكرر"
    QTimer.singleShot(0, lambda: answer(None))
    assert ask_flag_comment(window) is None


def test_window_icon_has_every_size(qapp) -> None:
    icon = window_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 64, 256}


def test_the_suggestion_count_reads_on_one_line_and_the_bar_keeps_its_height(make_project, open_window, qtbot):
    """At the default window size the count line («33 suggestions — Enter accepts, Backspace
    rejects») wrapped onto six short lines beside the controls, in English, and three in Arabic."""
    path, _ = make_project(["قصفت قوات النظام ريف إدلب الجنوبي وقتل 4 مدنيين."])
    window = open_window(path)
    info = window.suggest_info
    bar = info.parentWidget()
    qtbot.wait(50)
    height = bar.height()
    info.setText("33 suggestions — Enter accepts, Backspace rejects · 2 under the threshold")
    qtbot.wait(50)
    line = info.fontMetrics().height()
    assert info.height() < 2 * line, "the count line wraps"
    assert info.fontMetrics().horizontalAdvance(info.text()) <= info.contentsRect().width()
    assert bar.height() == height


def test_the_span_list_shows_every_column_whole_at_the_default_size(make_project, open_window, qtbot) -> None:
    """Seen under Xvfb in the English UI: the text column was a few characters wide («تنظ…»),
    the origin of a merged suggestion was cut («rule + pa…») and the list scrolled sideways."""
    from PySide6.QtCore import Qt

    text = "قال المرصد السوري لحقوق الإنسان إن قوات النظام السوري قصفت 12 قرية في ريف حمص الشمالي."
    path, (article,) = make_project([text])
    names = ["المرصد السوري لحقوق الإنسان", "قوات النظام السوري", "ريف حمص الشمالي"]
    with Project.open(path) as project:
        for name, label, origin in zip(names, ("SOURCE", "ACTOR", "LOCATION"),
                                       ("rule+patterns", "patterns+camel", "rule+patterns+model"), strict=True):
            start = text.index(name)
            project.add_span(article, "hala", start, start + len(name), label, origin=origin)
    window = open_window(path)
    table = window.span_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=5_000)
    qtbot.wait(50)
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0  # nothing a sideways scroll away
    # A three-word name shows whole in the text column.
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance("قوات النظام السوري")
    shown = {}
    for row in range(3):
        for column in (0, 2, 3, 4):
            index = table.model().index(row, column)
            cell = cell_option(table, row, column)
            needed = table.itemDelegateForIndex(index).sizeHint(cell, index).width()
            shown[row, column] = index.data()
            if row < 2:  # one or two merged sources show whole
                assert header.sectionSize(column) >= needed, (column, index.data())
    assert shown[0, 4] == "rule + patterns" and shown[1, 4] == "patterns + CAMeL"
    # Three merged sources may elide; the tooltip names them all, and the long name's tooltip shows it whole.
    assert table.model().index(2, 4).data(Qt.ItemDataRole.ToolTipRole) == "rule + patterns + model"
    assert table.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole).startswith(names[0])
