"""The base of the windows' Qt table models: columns, row count and headers in one place.

A subclass names its ``COLUMNS``, says how many rows it has (:meth:`row_count`) and what
the headers read (:meth:`headers`), and implements ``data``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: a table has no child rows


class TableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def headers(self) -> list[str]:
        """The column headers as shown (translated), one per column."""
        return ["" for _ in self.COLUMNS]

    def column(self, index: Index) -> str:
        return self.COLUMNS[index.column()]

    def emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # Qt API
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]
