"""gui/table_model.py: the base of the windows' table models."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from annotator.gui.table_model import TableModel


class Fruits(TableModel):
    COLUMNS = ("name", "count")

    def __init__(self, rows: list[tuple[str, int]]):
        super().__init__()
        self.rows = rows

    def row_count(self) -> int:
        return len(self.rows)

    def headers(self) -> list[str]:
        return ["Name", "Count"]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        return None


def test_rows_columns_and_headers(qapp) -> None:
    model = Fruits([("تفاح", 3), ("موز", 5)])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(2)] == ["Name", "Count"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.column(model.index(1, 1)) == "count"


def test_a_table_has_no_child_rows(qapp) -> None:
    model = Fruits([("تفاح", 3)])
    parent = model.index(0, 0)
    assert parent.isValid()
    assert (model.rowCount(parent), model.columnCount(parent)) == (0, 0)
    assert model.rowCount(QModelIndex()) == 1


def test_emit_row_changed_covers_the_whole_row(qapp) -> None:
    model = Fruits([("تفاح", 3), ("موز", 5)])
    seen = []
    model.dataChanged.connect(lambda a, b, *_: seen.append(((a.row(), a.column()), (b.row(), b.column()))))
    model.emit_row_changed(1)
    assert seen == [((1, 0), (1, 1))]


def test_default_headers_are_blank(qapp) -> None:
    class Bare(TableModel):
        COLUMNS = ("a", "b", "c")

        def row_count(self) -> int:
            return 0

    assert Bare().headers() == ["", "", ""]
