"""Review mode's item models and widgets: the queue, one annotator's spans, the annotator
panel and the gold view (no workflow logic: that is
:class:`~annotator.core.session.ReviewSession`'s)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import Label, Span
from ..core.session.review import overlaps
from ..core.team.queue import ReviewItem
from .article_view import ArticleView, tint
from .i18n import arabic_ui, isolate, neutralise, tooltip, translate
from .table_model import TableModel

MAX_PICK = 9  # Alt+1 … Alt+9

# Agreement classes: a symbol, a strong colour for the symbol and a light one for the row.
# The symbol carries the meaning, the colour only repeats it (colour-blind readers, print).
CLASS_STYLE = {
    "all": ("✓", "#1c7c3c", "#dcf1e2"),
    "partial": ("~", "#8a5a00", "#fff0c4"),
    "conflict": ("✗", "#b3261e", "#fbdad6"),
}
CONFLICT_COLOR = "#b3261e"

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return translate("Review", text)


def label_name(label: Label | None, fallback: str) -> str:
    if label is None:
        return fallback
    return neutralise(label.name_ar if arabic_ui() and label.name_ar else (label.name_en or label.name))


class ReviewQueueModel(TableModel):
    """The review queue: gold mark, title, agreement score (annotators in the tooltip)."""

    COLUMNS = ("gold", "title", "score")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self._row_of: dict[int, int] = {}

    def set_items(self, items: Sequence[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._row_of = {it.article_id: i for i, it in enumerate(self.items)}
        self.endResetModel()

    def row_of(self, article_id: int | None) -> int | None:
        return None if article_id is None else self._row_of.get(article_id)

    def item(self, article_id: int | None) -> ReviewItem | None:
        row = self.row_of(article_id)
        return None if row is None else self.items[row]

    def next_without_gold(self, article_id: int | None) -> int | None:
        """The next article (after ``article_id``, wrapping) without accepted gold."""
        if not self.items:
            return None
        row = self.row_of(article_id)
        start = -1 if row is None else row
        for i in range(1, len(self.items) + 1):
            it = self.items[(start + i) % len(self.items)]
            if it.gold_status != "accepted" and it.article_id != article_id:
                return it.article_id
        return None

    def set_gold_status(self, article_id: int, status: str | None) -> None:
        row = self.row_of(article_id)
        if row is None or self.items[row].gold_status == status:
            return
        self.items[row] = replace(self.items[row], has_gold=status == "accepted", gold_status=status)
        self.emit_row_changed(row)

    def row_count(self) -> int:
        return len(self.items)

    def headers(self) -> list[str]:
        return ["", tr("Article"), tr("Agreement")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        it = self.items[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "gold":
                return "✓" if it.gold_status == "accepted" else ("✎" if it.gold_status == "draft" else "")
            if col == "title":
                return neutralise(it.title) or f"#{it.article_id}"
            return f"{it.score:.2f}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "gold":
                return QBrush(QColor("#1c7c3c" if it.gold_status == "accepted" else "#8a5a00"))
            if col == "score":
                return QBrush(QColor(_score_color(it.score)))
        if role == Qt.ItemDataRole.FontRole and col in ("gold", "score"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != "title":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{it.title}\n{', '.join(it.annotators)}")
        if role == Qt.ItemDataRole.UserRole:
            return it.article_id
        return None


def _score_color(score: float) -> str:
    if score < 0.5:
        return "#b3261e"
    if score < 0.8:
        return "#8a5a00"
    return "#1c7c3c"


class AnnotatorSpanModel(TableModel):
    """One annotator's spans on the article: agreement mark, label, text."""

    COLUMNS = ("agreement", "label", "text")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.spans: list[Span] = []
        self.classes: list[str] = []
        self.labels: dict[str, Label] = {}
        self.focus: tuple[int, int] | None = None  # the current conflict: its rows stand out

    def set_content(self, text: str, spans: Sequence[Span], classes: Sequence[str], labels: dict[str, Label]) -> None:
        self.beginResetModel()
        self.text = text
        self.spans = list(spans)
        self.classes = list(classes)
        self.labels = labels
        self.endResetModel()

    def set_focus(self, rng: tuple[int, int] | None) -> list[int]:
        """Mark the rows overlapping ``rng``; returns them."""
        before = [r for r in range(len(self.spans)) if self.in_focus(r)]
        self.focus = rng
        after = [r for r in range(len(self.spans)) if self.in_focus(r)]
        changed = sorted(set(before) ^ set(after))
        if changed:  # repaint only what changed
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(self.COLUMNS) - 1))
        return after

    def in_focus(self, row: int) -> bool:
        return self.focus is not None and overlaps(self.spans[row].start, self.spans[row].end, *self.focus)

    def row_count(self) -> int:
        return len(self.spans)

    def headers(self) -> list[str]:
        return ["", tr("Label"), tr("Text")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.spans):
            return None
        span, cls = self.spans[index.row()], self.classes[index.row()]
        mark, strong, light = CLASS_STYLE[cls]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "agreement":
                return mark
            if col == "label":
                return label_name(self.labels.get(span.label), span.label)
            return self.text[span.start:span.end].replace("\n", " ")
        focus = self.in_focus(index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == "label":
                lab = self.labels.get(span.label)
                return QBrush(tint(lab.color, 0.75 if focus else 0.5)) if lab else None
            # Rows of the conflict being adjudicated: the class colour, stronger.
            return QBrush(tint(strong, 0.28) if focus else QColor(light))
        if role == Qt.ItemDataRole.ForegroundRole and col == "agreement":
            return QBrush(QColor(strong))
        if role == Qt.ItemDataRole.FontRole and (col == "agreement" or focus):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "agreement":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{class_text(cls)}\n{span.label} {span.start}–{span.end}")
        if role == Qt.ItemDataRole.UserRole:
            return (span.start, span.end)
        return None


def class_text(cls: str) -> str:
    return {
        "all": tr("all annotators agree"),
        "partial": tr("partial: others left it unmarked"),
        "conflict": tr("conflict: other boundaries or label"),
    }[cls]


class AnnotatorPanel(QFrame):
    """One annotator's column: "N · name (k spans)" over a compact table of their spans."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("annotatorPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(4, 2, 4, 2)
        self.header = QLabel()
        self.header.setObjectName("annotatorHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-weight: bold;")
        self.stats = QLabel()
        self.stats.setTextFormat(Qt.TextFormat.PlainText)
        self.stats.setObjectName("annotatorStats")
        self.stats.setStyleSheet("color: #555;")
        head.addWidget(self.header)
        head.addStretch(1)
        head.addWidget(self.stats)
        layout.addLayout(head)
        self.model = AnnotatorSpanModel(self)
        self.table = QTableView()
        self.table.setObjectName("annotatorSpans")
        self.table.setModel(self.model)
        # No selection colour: it would hide the agreement colours; the current conflict's
        # rows are drawn stronger and bold by the model instead.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths, not ResizeToContents: that re-measures every row on every change.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        header.resizeSection(0, fm.horizontalAdvance("✗") + 18)
        layout.addWidget(self.table, 1)
        self.name = ""
        self.number = 0

    def set_content(self, number: int, name: str, text: str, spans: Sequence[Span], classes: Sequence[str],
                    labels: dict[str, Label]) -> None:
        self.number, self.name = number, name
        counts = {c: classes.count(c) for c in CLASS_STYLE}
        # Each piece isolated: a Latin name and digits inside Arabic text must not reorder.
        self.header.setText(isolate(f"{number} · {neutralise(name)}"))
        summary = "  ".join(isolate(f"{CLASS_STYLE[c][0]} {counts[c]}") for c in CLASS_STYLE if counts[c])
        self.stats.setText(isolate(tr("%1 spans").replace("%1", str(len(spans)))) + "   " + summary)
        tip = tr("Take annotator %1's version").replace("%1", str(number)) + f": Alt+{number}"
        self.header.setToolTip(tooltip(tip))
        self.setToolTip(tooltip(tip))
        if labels != self.model.labels:
            widest = max([self.table.fontMetrics().horizontalAdvance(label_name(lab, lab.name)) for lab in
                          labels.values()] + [self.table.fontMetrics().horizontalAdvance(tr("Label"))])
            self.table.horizontalHeader().resizeSection(1, widest + 20)
        self.model.set_content(text, spans, classes, labels)

    def highlight(self, start: int | None, end: int | None) -> None:
        """Make the rows overlapping [start, end) stand out: what the current conflict is about."""
        rows = self.model.set_focus(None if start is None or end is None else (start, end))
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))


class GoldView(ArticleView):
    """The article view with a dashed frame around the conflict being adjudicated."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict_range: tuple[int, int] | None = None

    def set_conflict_range(self, rng: tuple[int, int] | None) -> None:
        self.conflict_range = rng
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.conflict_range is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(CONFLICT_COLOR))
        pen.setWidthF(1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for rect in self._range_rects(*self.conflict_range):
            painter.drawRoundedRect(rect.adjusted(-5, -1, 5, 1), 5, 5)
        painter.end()
