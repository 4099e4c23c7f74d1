"""Qt item models over the store. They hold ids and a small page cache, never the data."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import compress, count, islice
from operator import attrgetter, is_not, lt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from ..core.domain import Label, Span
from ..core.store import ArticleRow, Project
from .i18n import is_rtl as _is_rtl
from .i18n import neutralise, tooltip
from .table_model import TableModel

#: Rows read from the store at a time: about one screenful of the list.
PAGE = 40
_Index = QModelIndex | QPersistentModelIndex

STATUS_COLORS = {
    "new": "#6b6b6b",
    "in_progress": "#b26a00",
    "done": "#1c7c3c",
    "skipped": "#7a7a7a",
    "flagged": "#b3261e",
}


def status_text(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "new": QCoreApplication.translate("Status", "new"),
        "in_progress": QCoreApplication.translate("Status", "in progress"),
        "done": QCoreApplication.translate("Status", "done"),
        "skipped": QCoreApplication.translate("Status", "skipped"),
        "flagged": QCoreApplication.translate("Status", "flagged"),
    }
    return names.get(status, status)


def category_text(category: str) -> str:
    """A COUNT category as shown (the stored value stays English for the exports)."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "killed": QCoreApplication.translate("SpanList", "killed"),
        "wounded": QCoreApplication.translate("SpanList", "wounded"),
        "captured": QCoreApplication.translate("SpanList", "captured"),
        "displaced": QCoreApplication.translate("SpanList", "displaced"),
        "other": QCoreApplication.translate("SpanList", "other"),
    }
    return names.get(category, category)


def origin_text(origin: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "manual": QCoreApplication.translate("SpanList", "manual"),
        "rule": QCoreApplication.translate("SpanList", "rule"),
        "model": QCoreApplication.translate("SpanList", "model"),
        "camel": QCoreApplication.translate("SpanList", "CAMeL"),
        "import": QCoreApplication.translate("SpanList", "imported"),
        "gold": QCoreApplication.translate("SpanList", "gold"),
        "patterns": QCoreApplication.translate("SpanList", "patterns"),
    }
    # Merged suggestions name every source that proposed them: «rule+patterns».
    return " + ".join(names.get(part, part) for part in origin.split("+"))


class ArticleTableModel(TableModel):
    """The article list: ids from one query, row data fetched a page at a time.

    A project of a million articles costs one list of ids (no id → row dict):
    the list is two ascending runs (assigned to the annotator, then the rest), so the
    row of an id is a binary search. Rows are read from the store only when the view
    asks for them, one small page at a time — see :func:`setup_article_table` for the
    view settings that keep Qt from asking for every row.
    """

    COLUMNS = ("title", "source", "status", "spans")

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.ids: list[int] = []
        self._runs: tuple[tuple[int, int], ...] = ()
        self._cache: dict[int, ArticleRow] = {}
        self.rows_fetched = 0  # article rows read from the store so far (tests and benchmarks)
        self.status_filter: str | None = None
        self.search: str | None = None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        assigned, others = self.project.article_list_runs(self.annotator, status=self.status_filter,
                                                          search=self.search)
        self.ids = assigned + others
        self._runs = ((0, len(assigned)), (len(assigned), len(self.ids)))
        self._cache.clear()
        self.endResetModel()

    def set_filter(self, status: str | None, search: str | None) -> None:
        self.status_filter = status or None
        self.search = search or None
        self.reload()

    def row_of(self, article_id: int) -> int | None:
        for lo, hi in self._runs:
            row = bisect_left(self.ids, article_id, lo, hi)
            if row < hi and self.ids[row] == article_id:
                return row
        return None

    def refresh_article(self, article_id: int) -> None:
        self._cache.pop(article_id, None)
        row = self.row_of(article_id)
        if row is not None:
            self.emit_row_changed(row)

    def article_row(self, row: int) -> ArticleRow | None:
        if not 0 <= row < len(self.ids):
            return None
        aid = self.ids[row]
        cached = self._cache.get(aid)
        if cached is None:
            start = (row // PAGE) * PAGE
            page = self.ids[start:start + PAGE]
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            self._cache.update(self.project.article_rows(page, self.annotator))
            self.rows_fetched += len(page)
            cached = self._cache.get(aid)
        return cached

    def row_count(self) -> int:
        return len(self.ids)

    def headers(self) -> list[str]:
        from PySide6.QtCore import QCoreApplication

        return [
            QCoreApplication.translate("ArticleList", "Title"),
            QCoreApplication.translate("ArticleList", "Outlet"),
            QCoreApplication.translate("ArticleList", "Status"),
            QCoreApplication.translate("ArticleList", "Spans"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ARTICLE_ROLES or not index.isValid():
            return None  # before touching the store: the view asks a dozen roles per cell
        row = self.article_row(index.row())
        if row is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "title":
                return ("● " if row.assigned else "") + (neutralise(row.title) or f"#{row.id}")
            if col == "source":
                return neutralise(row.source)
            if col == "status":
                return status_text(row.status)
            return row.span_count
        if role == Qt.ItemDataRole.ForegroundRole and col == "status":
            return QBrush(QColor(STATUS_COLORS.get(row.status, "#000000")))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and col == "title":
            return tooltip(row.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("title", "source"):
            return _ARABIC_ALIGN if _is_rtl(row.title if col == "title" else row.source or "") else None
        return None


#: Column widths of the article list that need no row: the widest text each can show.
# Outlets are elided past this sample (the title, which identifies the article, gets the room).
_OUTLET_SAMPLE = "الشرق الأوسط"
_SPANS_SAMPLE = "9999"


def setup_article_table(table: QTableView) -> None:
    """View settings that keep :class:`ArticleTableModel` lazy on a project of any size.

    ``ResizeToContents`` on any column, or rows sized to their contents, makes Qt read
    every row (2.4 million ``data()`` calls and 25 s before a 100,000-article project
    showed its window). So every row has the same fixed height, and the columns get
    widths measured from their header and a sample text: the title stretches, the others
    are fixed at open and stay resizable by hand. Selecting and scrolling to a row then
    costs the rows on screen only.
    """
    from PySide6.QtWidgets import QHeaderView

    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    model = table.model()
    metrics = table.fontMetrics()
    header_metrics = header.fontMetrics()
    samples = {
        1: [_OUTLET_SAMPLE],
        2: [status_text(s) for s in STATUS_COLORS],
        3: [_SPANS_SAMPLE],
    }
    for col, texts in samples.items():
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "") if model is not None else ""
        width = max([header_metrics.horizontalAdvance(title) + 24] + [metrics.horizontalAdvance(t) + 16 for t in texts])
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, width)


class SpanTableModel(TableModel):
    """The spans of the current article, in text order. Editable: COUNT value and category."""

    COLUMNS = ("label", "text", "value", "category", "origin")
    CATEGORIES = ("killed", "wounded", "captured", "displaced", "other")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.spans: list[Span] = []
        self.text = ""
        self.labels: dict[str, Label] = {}
        self.on_edit = None  # callable(span, attributes) set by the window: writes through the store
        self._brushes: dict[str, QBrush] = {}
        # Category and origin cells as shown, by stored value: translated once per article
        # shown (like the brushes), not for each cell on every paint.
        self._shown_texts: dict[tuple[str, str], str] = {}
        self._arabic = False

    def set_content(self, text: str, spans: list[Span], labels: dict[str, Label]) -> None:
        new = spans_in_order(spans)
        if text != self.text or labels != self.labels:  # another article: start afresh
            self.beginResetModel()
            self.text = text
            self.spans = new
            self.labels = labels
            self._brushes.clear()
            self._shown_texts.clear()
            self._arabic = _arabic_ui()
            self.endResetModel()
            return
        self._update_rows(new)

    def _update_rows(self, new: list[Span]) -> None:
        """Tell the view only which rows changed (an edit touches one or a few).

        A model reset makes the table ask again for every visible cell and re-measure its
        columns: most of the cost of an edit on an article with a long span list.
        """
        old = self.spans
        n = min(len(old), len(new))
        # The unchanged ends: the very same span objects (found at C speed), then equal ones.
        head = next(compress(count(), map(is_not, old, new)), n)
        while head < n and old[head] == new[head]:
            head += 1
        tail = min(next(compress(count(), map(is_not, reversed(old), reversed(new))), n), n - head)
        while tail < n - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
            tail += 1
        removed, added = len(old) - head - tail, len(new) - head - tail
        if removed == added:
            self.spans = new
            if removed:
                self.dataChanged.emit(self.index(head, 0), self.index(head + removed - 1, len(self.COLUMNS) - 1))
            return
        if removed:
            self.beginRemoveRows(QModelIndex(), head, head + removed - 1)
            self.spans = old[:head] + old[len(old) - tail:]
            self.endRemoveRows()
        if added:
            self.beginInsertRows(QModelIndex(), head, head + added - 1)
            self.spans = new
            self.endInsertRows()
        self.spans = new

    def row_of(self, span_id: int | None) -> int | None:
        for i, s in enumerate(self.spans):
            if s.id == span_id:
                return i
        return None

    def row_count(self) -> int:
        return len(self.spans)

    def headers(self) -> list[str]:
        from PySide6.QtCore import QCoreApplication

        return [
            QCoreApplication.translate("SpanList", "Label"),
            QCoreApplication.translate("SpanList", "Text"),
            QCoreApplication.translate("SpanList", "Value"),
            QCoreApplication.translate("SpanList", "Category"),
            QCoreApplication.translate("SpanList", "Origin"),
        ]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        # Asked for each painted cell: plain int tests first (a Qt enum's attribute costs
        # more than the whole test in Python).
        if index.column() in _SPAN_EDITABLE_COLUMNS and index.isValid():
            if self.spans[index.row()].label == "COUNT":
                return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks every visible cell for a dozen roles on each paint; answering the
        # ones this model does not use first keeps a repaint cheap (Python per call).
        if role not in _SPAN_ROLES or not index.isValid() or index.row() >= len(self.spans):
            return None
        span = self.spans[index.row()]
        col = self.COLUMNS[index.column()]
        # Roles are plain ints here, compared with ints (_DISPLAY…): looking up a Qt enum
        # member costs a Python call each time, several per cell and paint.
        if role == _ALIGNMENT:
            return _ARABIC_ALIGN if col == "text" and _is_rtl(self.text[span.start:span.end]) else None
        if role == _DISPLAY or role == _EDIT:
            if col == "label":
                lab = self.labels.get(span.label)
                return neutralise(lab.name_ar) if lab and role == _DISPLAY and self._arabic else span.label
            if col == "text":
                return self.text[span.start:span.end].replace("\n", " ")
            if col == "value":
                return format_value(span.attributes)
            if col == "category":
                category = span.attributes.get("category", "")
                return self._shown_text(category_text, category) if role == _DISPLAY else category
            return self._shown_text(origin_text, span.origin) if role == _DISPLAY else span.origin
        if role == _BACKGROUND and col == "label":
            brush = self._brushes.get(span.label)
            if brush is None:
                lab = self.labels.get(span.label)
                if not lab:
                    return None
                from .article_view import tint

                brush = self._brushes[span.label] = QBrush(tint(lab.color, 0.55))
            return brush
        if role == _TOOLTIP:
            # A cell too narrow for its text (a long name, three merged origins) elides;
            # its tooltip shows it whole.
            if col == "text":
                return f"{self.text[span.start:span.end]}\n{span.start}–{span.end}"
            if col == "origin":
                return self._shown_text(origin_text, span.origin)
            return f"{span.start}–{span.end}"
        if role == _USER:
            return span.id
        return None

    def _shown_text(self, translate: Callable[[str], str], value: str) -> str:
        key = (translate.__name__, value)
        shown = self._shown_texts.get(key)
        if shown is None:
            shown = self._shown_texts[key] = translate(value)
        return shown

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        span = self.spans[index.row()]
        col = self.COLUMNS[index.column()]
        attrs = dict(span.attributes)
        if col == "value":
            parsed = parse_value(str(value))
            if parsed is None:
                return False
            attrs.update(parsed)
        elif col == "category":
            if str(value) not in self.CATEGORIES:
                return False
            attrs["category"] = str(value)
        else:
            return False
        return bool(self.on_edit(span, attrs))


_ARTICLE_ROLES = frozenset(
    int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole,
                     Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole)
)
_SPAN_ROLES = frozenset(
    int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
                     Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.TextAlignmentRole)
)
_DISPLAY, _EDIT, _ALIGNMENT, _BACKGROUND, _TOOLTIP, _USER = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))
_SPAN_EDITABLE_COLUMNS = frozenset(SpanTableModel.COLUMNS.index(c) for c in ("value", "category"))
# Arabic cells read from the right even in an English (left-to-right) window.
_ARABIC_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


_START = attrgetter("start")
_POSITION = attrgetter("start", "end")


def spans_in_order(spans: Sequence[Span]) -> list[Span]:
    """The spans sorted by (start, end), as a new list. A list already in that order (the
    session keeps its spans so) is checked at C speed instead of sorted again: the span
    list and the article view both take the whole list after every edit."""
    starts = list(map(_START, spans))
    if all(map(lt, starts, islice(starts, 1, None))):  # strictly increasing starts
        return list(spans)
    return sorted(spans, key=_POSITION)


def format_value(attrs: dict) -> str:
    """The span list's value cell for the guidelines' shape: ``34``, ``~50``, ``20–99``."""
    value = attrs.get("value")
    if value is None:
        return ""
    if isinstance(value, list) and len(value) == 2:
        return f"{value[0]}–{value[1]}"  # a range is approximate by definition
    return f"~{value}" if attrs.get("approx") else f"{value}"


def parse_value(text: str) -> dict | None:
    """Parse an edited value cell: ``34``, ``~50``, ``40-50``, ``~20-99`` (Arabic-Indic digits too)."""
    import re

    t = text.strip().replace("–", "-").translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    approx = t.startswith("~")
    t = t.lstrip("~").strip()
    if re.fullmatch(r"\d+", t):
        return {"value": int(t), "approx": approx}
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", t)
    if m and int(m.group(1)) <= int(m.group(2)):
        # A range is approximate by nature (بين 40 و50), as the guidelines record it.
        return {"value": [int(m.group(1)), int(m.group(2))], "approx": True}
    return None


def _arabic_ui() -> bool:
    from PySide6.QtWidgets import QApplication

    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
