"""gui/bidi_cells.py: table cells take the direction of their own text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView

from annotator.gui import bidi_cells


def _option(view: QTableView, row: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, view.model().index(row, 0))
    return option


def test_arabic_cells_read_right_to_left_in_the_english_ui(qapp) -> None:
    model = QStandardItemModel()
    for text in ("7 عناصر", "RSF", ""):
        model.appendRow(QStandardItem(text))
    view = QTableView()
    view.setModel(model)
    delegate = bidi_cells.install(view)
    assert view.itemDelegate() is delegate
    arabic, latin = _option(view, 0), _option(view, 1)
    assert arabic.direction == Qt.LayoutDirection.RightToLeft
    assert arabic.displayAlignment & Qt.AlignmentFlag.AlignRight
    assert latin.direction == Qt.LayoutDirection.LeftToRight
    assert latin.displayAlignment & Qt.AlignmentFlag.AlignLeft
    assert arabic.textElideMode == Qt.TextElideMode.ElideRight  # the logical end


def test_fixed_column_widths_fit_the_widest_text(qapp) -> None:
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Status", "X"])
    view = QTableView()
    view.setModel(model)
    short, long = "done", "in progress and more"
    bidi_cells.fix_column_widths(view, {0: [short, long], 1: ["a"]})
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert header.sectionSize(0) > view.fontMetrics().horizontalAdvance(long)
    assert header.sectionSize(1) >= view.fontMetrics().horizontalAdvance("X")
    assert header.sectionSize(0) > header.sectionSize(1)


def test_the_models_alignment_is_kept_only_when_absolute_or_centred(qapp) -> None:
    """What the delegate decides without asking the model again: an absolute or centred
    alignment from the model stays; any other is replaced by the text's side."""
    flag = Qt.AlignmentFlag
    model = QStandardItemModel()
    cases = [
        ("RSF", flag.AlignRight | flag.AlignAbsolute | flag.AlignVCenter, flag.AlignRight | flag.AlignAbsolute),
        ("7 عناصر", flag.AlignHCenter | flag.AlignVCenter, flag.AlignHCenter),
        ("7 عناصر", flag.AlignLeft | flag.AlignVCenter, flag.AlignRight | flag.AlignAbsolute),  # not absolute: replaced
        ("RSF", None, flag.AlignLeft | flag.AlignAbsolute),
        ("7 عناصر", None, flag.AlignRight | flag.AlignAbsolute),
    ]
    for text, alignment, _ in cases:
        item = QStandardItem(text)
        if alignment is not None:
            item.setData(int(alignment.value), Qt.ItemDataRole.TextAlignmentRole)
        model.appendRow(item)
    view = QTableView()
    view.setModel(model)
    bidi_cells.install(view)
    horizontal = flag.AlignLeft | flag.AlignRight | flag.AlignHCenter | flag.AlignJustify | flag.AlignAbsolute
    for row, (_, _, expected) in enumerate(cases):
        option = _option(view, row)
        assert option.displayAlignment & horizontal == expected, row
