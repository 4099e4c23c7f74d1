"""Cells of lists and tables that hold Arabic: laid out right to left in either UI.

A cell takes the direction of its own text, not the window's: in the English UI a cell
``7 عناصر`` laid out left to right reads ``عناصر 7`` to an Arabic reader, an Arabic title
is cut on its first words instead of its last, and a leading ``“`` jumps to the far end.
Every cell is elided at its *logical* end (the left, for Arabic).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from .i18n import arabic_ui, is_rtl

# Plain ints and members looked up once: a Qt enum's attribute, and a flag operation on it,
# cost a Python call each, and this runs for every cell of every paint.
_HORIZONTAL = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignHCenter
               | Qt.AlignmentFlag.AlignJustify | Qt.AlignmentFlag.AlignAbsolute).value
_H_CENTER = Qt.AlignmentFlag.AlignHCenter.value
_ABSOLUTE = Qt.AlignmentFlag.AlignAbsolute.value
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute).value
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute).value
_RTL, _LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
_ELIDE_END = Qt.TextElideMode.ElideRight
_Alignment = Qt.AlignmentFlag


class BidiDelegate(QStyledItemDelegate):
    """Direction from the cell's text; elided at its logical end; placed on the side
    the model asks for (centred cells stay centred), else Arabic on the right and other
    text on the UI's reading side."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if not text:
            return
        rtl = is_rtl(text)
        option.direction = _RTL if rtl else _LTR
        option.textElideMode = _ELIDE_END  # the logical end, whichever side it is on
        align = option.displayAlignment.value
        if align & (_H_CENTER | _ABSOLUTE):
            # Centred, or placed by the model on purpose: a view's own default alignment
            # is never absolute, so an absolute one came from the model's alignment role.
            return
        side = _RIGHT if rtl or arabic_ui() else _LEFT
        option.displayAlignment = _Alignment((align & ~_HORIZONTAL) | side)


def install(view: QAbstractItemView) -> BidiDelegate:
    """Give every cell of ``view`` the bidi-aware delegate (column delegates derive from it)."""
    delegate = BidiDelegate(view)
    view.setItemDelegate(delegate)
    return delegate


def fix_column_widths(table: QTableView, contents: dict[int, list[str]]) -> None:
    """Fixed widths that fit every text a column can hold and its header: a cell that
    changes (a status, a label, a category) never clips, shrinks or widens its column,
    and the rest of the window stays where the user's eyes and pointer are."""
    fm = table.fontMetrics()
    bold = table.font()
    bold.setBold(True)
    from PySide6.QtGui import QFontMetrics

    fm_bold = QFontMetrics(bold)  # a cell may be drawn bold; its width must fit either way
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 8
    model = table.model()
    header = table.horizontalHeader()
    for column, texts in contents.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max(max(fm.horizontalAdvance(t), fm_bold.horizontalAdvance(t)) for t in [*texts, title])
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, widest + margin)
