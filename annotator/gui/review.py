"""Review mode: a reviewer adjudicates the finished annotations of an article into gold.

Layout (mirrored as a whole in the Arabic, right-to-left UI):

* start side: the review queue — articles with at least two *done* annotations, lowest
  agreement first, with their score, ✓ once gold is accepted and ✎ while a draft is saved;
* centre: the merge strategy and "Accept as gold", the label palette, the editable GOLD
  DRAFT in the main article view (objectName ``articleView``: the workbench's testing
  contract holds in review mode too), and under it one panel per annotator listing that
  annotator's spans coloured *and* marked by agreement class (✓ all agree, ~ partial,
  ✗ conflict), with a legend;
* end side: the conflicts the strategy left open, with their options and supporters.

How the draft is kept (rules the code relies on):

* Until the reviewer changes something, the draft is *derived*: ``merge(strategy)`` of the
  done annotations, nothing written. Browsing the queue therefore never creates gold rows
  (a gold row, even a draft, stops ``annotator adjudicate`` from touching the article).
* The first edit stores the derived draft as a 'draft' gold row and applies the edit on
  top; every edit is saved at once through :mod:`annotator.core.team`, like annotate mode.
* Each edit is one undo step remembering the whole gold state before and after (status,
  strategy, spans, settled conflicts); undo/redo write that state back with ``save_gold`` /
  ``delete_gold``. Whole snapshots rather than per-span inverses because gold span ids change
  when a state is rewritten and a "take annotator N's version" replaces several spans at once.
* Which conflicts the reviewer has settled is saved in the project setting
  ``review:<article id>`` with the strategy, so "conflicts left" survives a restart.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.adjudication import Conflict, Draft, agreement_class, merge
from ..core.errors import AnnotatorError
from ..core.model import Label, Span, Suggestion
from ..core.store import Project, now_iso
from ..core.team import (
    ReviewItem,
    add_gold_span,
    delete_gold,
    delete_gold_span,
    gold_draft,
    review_queue,
    save_gold,
    update_gold_span,
)
from .article_view import ArticleView, tint
from .window_base import WindowBase

log = logging.getLogger(__name__)

STRATEGIES = ("unanimous", "majority", "min")
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
    translated = QCoreApplication.translate("Review", text)
    return rtl_safe(translated) if translated != text else translated


def rtl_safe(text: str) -> str:
    """In the Arabic UI, a translation that starts with Latin ("F1 …", "Alt …") still reads
    right to left: a leading RIGHT-TO-LEFT MARK sets the paragraph direction."""
    if text and QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft and \
            not ("\u0600" <= text[0] <= "\u06ff" or text[0] == "\u200f"):
        return "\u200f" + text
    return text


def _arabic() -> bool:
    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _label_name(label: Label | None, fallback: str) -> str:
    if label is None:
        return fallback
    return label.name_ar if _arabic() and label.name_ar else (label.name_en or label.name)


def isolate(text: str) -> str:
    """Wrap in Unicode first-strong isolates so mixed Arabic/Latin pieces keep their order."""
    return f"\u2068{text}\u2069"


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _plain(span: Span) -> Span:
    """A span as save_gold takes it: no id (gold rows are rewritten), provenance recomputed."""
    return Span(span.start, span.end, span.label, dict(span.attributes), "gold")


@dataclass(frozen=True)
class GoldState:
    """Everything one undo step restores for an article.

    ``status`` None means nothing is stored: the draft is derived from the strategy.
    """

    status: str | None
    strategy: str
    k: int
    spans: tuple[Span, ...]
    resolved: frozenset[tuple[int, int]]


class GoldCommand(QUndoCommand):
    """An already applied change of an article's gold; undo/redo write a whole state back."""

    def __init__(self, window: "ReviewWindow", article_id: int, before: GoldState, after: GoldState, text: str):
        super().__init__(text)
        self.window = window
        self.article_id = article_id
        self.before = before
        self.after = after
        self._first = True

    def redo(self) -> None:
        if self._first:  # applied before the push
            self._first = False
            return
        self.window.restore_state(self.article_id, self.after)

    def undo(self) -> None:
        self.window.restore_state(self.article_id, self.before)


# ====================================================================== item models
class ReviewQueueModel(QAbstractTableModel):
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

    def set_gold_status(self, article_id: int, status: str | None) -> None:
        row = self.row_of(article_id)
        if row is None or self.items[row].gold_status == status:
            return
        self.items[row] = replace(self.items[row], has_gold=status == "accepted", gold_status=status)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ["", tr("Article"), tr("Agreement")][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        it = self.items[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "gold":
                return "✓" if it.gold_status == "accepted" else ("✎" if it.gold_status == "draft" else "")
            if col == "title":
                return it.title or f"#{it.article_id}"
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
            return f"{it.title}\n{', '.join(it.annotators)}"
        if role == Qt.ItemDataRole.UserRole:
            return it.article_id
        return None


def _score_color(score: float) -> str:
    if score < 0.5:
        return "#b3261e"
    if score < 0.8:
        return "#8a5a00"
    return "#1c7c3c"


class AnnotatorSpanModel(QAbstractTableModel):
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
        return self.focus is not None and _overlaps(self.spans[row].start, self.spans[row].end, *self.focus)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ["", tr("Label"), tr("Text")][section]

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
                return _label_name(self.labels.get(span.label), span.label)
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
            return f"{class_text(cls)}\n{span.label} {span.start}–{span.end}"
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
        self.header.setStyleSheet("font-weight: bold;")
        self.stats = QLabel()
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
        self.header.setText(isolate(f"{number} · {name}"))
        summary = "  ".join(isolate(f"{CLASS_STYLE[c][0]} {counts[c]}") for c in CLASS_STYLE if counts[c])
        self.stats.setText(isolate(tr("%1 spans").replace("%1", str(len(spans)))) + "   " + summary)
        tip = tr("Take annotator %1's version").replace("%1", str(number)) + f": Alt+{number}"
        self.header.setToolTip(tip)
        self.setToolTip(tip)
        if labels != self.model.labels:
            widest = max([self.table.fontMetrics().horizontalAdvance(_label_name(lab, lab.name)) for lab in
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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
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


# =========================================================================== window
class ReviewWindow(WindowBase):
    """A reviewer's adjudication window over one project (``annotator gui --review``)."""

    def __init__(self, project: Project, reviewer: str, settings: QSettings | None = None):
        super().__init__()
        project.require_reviewer(reviewer)
        self.project = project
        self.reviewer = reviewer
        self.settings = settings or QSettings()
        self.labels: list[Label] = project.labels()
        self.label_map = {lab.name: lab for lab in self.labels}
        self.label_by_key = {lab.key: lab for lab in self.labels if lab.key}
        self.article_id: int | None = None
        self.text = ""
        self.annotators: tuple[str, ...] = ()
        self.by_annotator: dict[str, list[Span]] = {}
        self.strategy, self.k = self._default_strategy()
        self.draft: Draft | None = None
        self.conflicts: list[Conflict] = []
        self.gold_status: str | None = None
        self.spans: list[Span] = []
        self.resolved: set[tuple[int, int]] = set()
        self.conflict_index: int | None = None
        self.selected_span_id: int | None = None
        self.score: float | None = None
        self._loading = False
        self.undo_stack = QUndoStack(self)
        self.setObjectName("reviewWindow")
        self._build()
        self._build_actions()
        self._update_title()
        self.reload_queue()
        self._open_initial_article()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.resize(1400, 860)

        # Start side: the queue.
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 6, 6)
        heading = QLabel(tr("Review queue"))
        heading.setStyleSheet("font-weight: bold;")
        lv.addWidget(heading)
        self.queue_model = ReviewQueueModel(self)
        self.queue_table = QTableView()
        self.queue_table.setObjectName("reviewQueue")
        self.queue_table.setModel(self.queue_model)
        self.queue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue_table.verticalHeader().setVisible(False)
        self.queue_table.verticalHeader().setDefaultSectionSize(26)
        self.queue_table.setWordWrap(False)
        self.queue_table.setAlternatingRowColors(True)
        qh = self.queue_table.horizontalHeader()
        # Fixed widths from the headers: ResizeToContents would read up to a thousand rows
        # each time one row changes, and the queue can hold thousands of articles.
        qh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fm = self.queue_table.fontMetrics()
        for col, sample in ((0, "✓"), (2, tr("Agreement"))):
            qh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            qh.resizeSection(col, max(fm.horizontalAdvance(sample), fm.horizontalAdvance("0.00")) + 20)
        self.queue_table.clicked.connect(self._queue_clicked)
        self.queue_table.activated.connect(self._queue_clicked)
        lv.addWidget(self.queue_table, 1)
        left.setMinimumWidth(250)

        # Centre: title, strategy bar, palette, gold draft, annotator panels.
        centre = QWidget()
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(0)
        cv.addWidget(self.make_banner())
        cv.addWidget(self.make_title_label(16, "10px 24px 4px 24px"))
        cv.addWidget(self._build_strategy_bar())
        cv.addWidget(self._build_palette())
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.setObjectName("reviewVerticalSplitter")
        vsplit.setChildrenCollapsible(False)
        gold_box = QWidget()
        gv = QVBoxLayout(gold_box)
        gv.setContentsMargins(0, 0, 0, 0)
        gv.setSpacing(0)
        self.view = GoldView()
        self.prepare_view(self.view)
        gv.addWidget(self.view, 1)
        self.view.labelKeyPressed.connect(self.label_key)
        self.view.deletePressed.connect(self.delete_selected_span)
        self.view.acceptSuggestionPressed.connect(self.take_option_at_cursor)
        self.view.rejectSuggestionPressed.connect(
            lambda: self.statusBar().showMessage(tr("Enter takes this option; Alt+0 rejects all options"), 4000))
        self.view.spanClicked.connect(self._view_clicked)
        self.view.escapePressed.connect(lambda: self.select_span(None))
        vsplit.addWidget(gold_box)
        vsplit.addWidget(self._build_annotator_strip())
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        vsplit.setSizes([430, 270])
        cv.addWidget(vsplit, 1)

        # End side: conflicts and the keys that settle them.
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 6, 6, 6)
        self.conflict_heading = QLabel(tr("Conflicts"))
        self.conflict_heading.setStyleSheet("font-weight: bold;")
        rv.addWidget(self.conflict_heading)
        self.conflict_tree = QTreeWidget()
        self.conflict_tree.setObjectName("conflictList")
        self.conflict_tree.setColumnCount(4)
        self.conflict_tree.setHeaderLabels(["", tr("Position"), tr("Options"), tr("Annotators")])
        self.conflict_tree.setRootIsDecorated(False)
        self.conflict_tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.conflict_tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        ch = self.conflict_tree.header()
        ch.setStretchLastSection(False)
        for col in (0, 1, 3):
            ch.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        ch.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflict_tree.itemClicked.connect(self._conflict_clicked)
        rv.addWidget(self.conflict_tree, 1)
        rv.addWidget(self._build_keys_help())
        right.setMinimumWidth(340)

        self.install_panes(left, centre, right, [300, 720, 380])
        self.status_reviewer, self.status_position, self.status_conflicts, self.status_score = \
            self.make_status_labels(4)

    def _build_keys_help(self) -> QWidget:
        """Key → action, one per row: mixing Latin key names into Arabic sentences garbles them."""
        from PySide6.QtWidgets import QGridLayout

        box = QFrame()
        box.setObjectName("reviewKeysHelp")
        box.setStyleSheet("QFrame#reviewKeysHelp { background: #f3efe6; border-radius: 4px; }"
                          " QLabel { color: #444; }")
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        rows = [
            ("F8 / Shift+F8", tr("Next conflict") + " / " + tr("Previous conflict")),
            ("Alt+1 … Alt+9", tr("Take annotator N's version")),
            ("Alt+0", tr("Reject all options of the conflict")),
            ("Enter", tr("Take the dashed option under the cursor")),
            ("1 … 9, Delete", tr("Label the selection / delete the span")),
            ("Ctrl+Enter", tr("Accept as gold")),
        ]
        for r, (keys, action) in enumerate(rows):
            k = QLabel(keys)
            k.setStyleSheet("font-weight: bold; font-family: monospace;")
            k.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            grid.addWidget(k, r, 0)
            text = QLabel(action)
            text.setWordWrap(True)
            grid.addWidget(text, r, 1)
        grid.setColumnStretch(1, 1)
        return box

    def _build_strategy_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("strategyBar")
        bar.setStyleSheet("QWidget#strategyBar { background: #fffdf8; }")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(24, 2, 24, 8)
        layout.addWidget(QLabel(tr("Merge strategy:")))
        self.strategy_box = QComboBox()
        self.strategy_box.setObjectName("strategyBox")
        for name, text in (("unanimous", tr("unanimous")), ("majority", tr("majority")),
                           ("min", tr("at least k annotators"))):
            self.strategy_box.addItem(text, name)
        self.strategy_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.strategy_box)
        self.k_label = QLabel(tr("k ="))
        layout.addWidget(self.k_label)
        self.k_spin = QSpinBox()
        self.k_spin.setObjectName("minAnnotators")
        self.k_spin.setRange(1, MAX_PICK)
        self.k_spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.k_spin)
        self.strategy_box.currentIndexChanged.connect(lambda _i: self._strategy_changed())
        self.k_spin.valueChanged.connect(lambda _v: self._strategy_changed())
        layout.addSpacing(16)
        self.gold_badge = QLabel()
        self.gold_badge.setObjectName("goldStatus")
        layout.addWidget(self.gold_badge)
        layout.addStretch(1)
        self.accept_button = QPushButton("✓  " + tr("Accept as gold") + "   (Ctrl+Enter)")
        self.accept_button.setObjectName("acceptGold")
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.setStyleSheet(
            "QPushButton { background: #1c7c3c; color: white; font-weight: bold; border-radius: 6px;"
            " padding: 6px 16px; } QPushButton:hover { background: #23924a; }"
            " QPushButton:disabled { background: #9bb8a3; }"
        )
        self.accept_button.clicked.connect(self.accept_gold)
        layout.addWidget(self.accept_button)
        return bar

    def _build_palette(self) -> QWidget:
        return self.make_palette("4px 14px")[0]

    def _build_annotator_strip(self) -> QWidget:
        strip = QWidget()
        strip.setObjectName("annotatorStrip")
        sv = QVBoxLayout(strip)
        sv.setContentsMargins(6, 4, 6, 4)
        sv.setSpacing(4)
        legend = QHBoxLayout()
        legend.setSpacing(10)
        title = QLabel(tr("Legend:"))
        title.setStyleSheet("color: #555;")
        legend.addWidget(title)
        self.legend_labels: list[QLabel] = []
        for cls, (mark, strong, light) in CLASS_STYLE.items():
            chip = QLabel(f"{mark}  {class_text(cls)}")
            chip.setObjectName(f"legend_{cls}")
            chip.setStyleSheet(
                f"background: {light}; color: {strong}; border: 1px solid {strong}; border-radius: 4px;"
                " padding: 1px 8px; font-weight: bold;"
            )
            legend.addWidget(chip)
            self.legend_labels.append(chip)
        legend.addStretch(1)
        sv.addLayout(legend)
        self.panel_row = QHBoxLayout()
        self.panel_row.setSpacing(6)
        sv.addLayout(self.panel_row, 1)
        self.panels: list[AnnotatorPanel] = []
        return strip

    def _build_actions(self) -> None:
        rtl = _arabic()
        next_key, prev_key = ("Alt+Left", "Alt+Right") if rtl else ("Alt+Right", "Alt+Left")
        m_review = self.menuBar().addMenu(tr("&Review"))
        m_edit = self.menuBar().addMenu(tr("&Edit"))
        m_view = self.menuBar().addMenu(tr("&View"))
        m_team = self.menuBar().addMenu(tr("&Team"))
        m_help = self.menuBar().addMenu(tr("&Help"))

        act = self.make_action

        self.act_accept = act(m_review, tr("Accept as gold"), ["Ctrl+Return", "Ctrl+Enter"], self.accept_gold,
                              "actAcceptGold")
        m_review.addSeparator()
        self.act_next_conflict = act(m_review, tr("Next conflict"), ["F8", "Alt+Down"], self.next_conflict,
                                     "actNextConflict")
        self.act_prev_conflict = act(m_review, tr("Previous conflict"), ["Shift+F8", "Alt+Up"],
                                     self.previous_conflict, "actPrevConflict")
        # Arabic keyboard layouts may put Arabic-Indic or Eastern digits on the number row.
        def digit_keys(n: int) -> list[str]:
            return [f"Alt+{n}", f"Alt+{chr(0x0660 + n)}", f"Alt+{chr(0x06F0 + n)}"]

        for n in range(1, MAX_PICK + 1):
            act(m_review, tr("Take annotator %1's version").replace("%1", str(n)), digit_keys(n),
                lambda n=n: self.pick_version(n), f"actPick{n}")
        act(m_review, tr("Reject all options of the conflict"), digit_keys(0), self.reject_all, "actRejectAll")
        m_review.addSeparator()
        self.act_next = act(m_review, tr("Next article in the queue"), [next_key, "Ctrl+PgDown"], self.next_article,
                            "actNext")
        self.act_prev = act(m_review, tr("Previous article in the queue"), [prev_key, "Ctrl+PgUp"],
                            self.previous_article, "actPrev")
        self.add_undo_actions(m_edit)
        m_edit.addSeparator()
        act(m_edit, tr("Delete span"), None, self.delete_selected_span, "actDelete")
        act(m_view, tr("Larger text"), ["Ctrl+=", "Ctrl++"], lambda: self.change_font_size(+1), "actZoomIn")
        act(m_view, tr("Smaller text"), "Ctrl+-", lambda: self.change_font_size(-1), "actZoomOut")
        act(m_view, tr("Back to the article"), "F6", self.view.setFocus, "actFocusView")
        self.add_help_actions(m_team, m_help)

    # ------------------------------------------------------------------- queue
    def reload_queue(self) -> None:
        items = self._guard(lambda: review_queue(self.project))
        self.queue_model.set_items(items or [])
        self._select_queue_row()

    def _select_queue_row(self) -> None:
        row = self.queue_model.row_of(self.article_id)
        if row is None:
            self.queue_table.clearSelection()
            return
        index = self.queue_model.index(row, 0)
        self.queue_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.queue_table.scrollTo(index)

    def _open_initial_article(self) -> None:
        last = self.project.setting(f"last_review:{self.reviewer}")
        if last is not None and self.queue_model.row_of(int(last)) is not None:
            self.open_article(int(last))
        elif self.queue_model.items:
            self.open_article(self.queue_model.items[0].article_id)
        else:
            self.view.set_article("")
            self.title_label.setText(tr(
                "No article has two finished annotations yet. Annotators mark articles done with Ctrl+Enter."))
            self.accept_button.setEnabled(False)
            self._show_panels()
            self._show_conflicts()
            self._update_status()

    def _queue_clicked(self, index) -> None:
        article_id = self.queue_model.data(index, Qt.ItemDataRole.UserRole)
        if article_id is not None and article_id != self.article_id:
            self.open_article(int(article_id))

    def navigation_ids(self) -> list[int]:
        return [item.article_id for item in self.queue_model.items]

    def navigation_row(self, article_id: int | None) -> int | None:
        return None if article_id is None else self.queue_model.row_of(article_id)

    def edge_message(self, last: bool) -> str:
        return tr("This is the last article in the queue.") if last else tr("This is the first article in the queue.")

    def _next_without_gold(self) -> int | None:
        """The next queue article (after the current one, wrapping) without accepted gold."""
        items = self.queue_model.items
        if not items:
            return None
        row = self.queue_model.row_of(self.article_id)
        start = -1 if row is None else row
        for i in range(1, len(items) + 1):
            it = items[(start + i) % len(items)]
            if it.gold_status != "accepted" and it.article_id != self.article_id:
                return it.article_id
        return None

    # ---------------------------------------------------------------- articles
    def open_article(self, article_id: int) -> None:
        """Show an article: its gold draft, each annotator's spans and the open conflicts."""
        if self._guard(lambda: self._load(article_id)) is None:
            return
        self.accept_button.setEnabled(True)
        self._select_queue_row()
        self._guard(lambda: self.project.set_setting(f"last_review:{self.reviewer}", article_id))
        if self.conflicts:
            first_open = next((i for i, c in enumerate(self.conflicts) if (c.start, c.end) not in self.resolved), 0)
            self.go_to_conflict(first_open, focus=False)
        self.view.setFocus()

    def _done_annotators(self, article_id: int) -> tuple[str, ...]:
        item = self.queue_model.item(article_id)
        if item is not None:
            return tuple(sorted(item.annotators))
        return tuple(sorted(a.annotator for a in self.project.annotations_of(article_id) if a.status == "done"))

    def _load(self, article_id: int, *, keep_conflict: bool = False) -> bool:
        """(Re)read everything about the article from the store and show it."""
        article = self.project.article(article_id)
        changed_article = article_id != self.article_id
        previous_conflict = self.current_conflict() if keep_conflict and not changed_article else None
        self.article_id = article_id
        self.text = article.text
        self.annotators = self._done_annotators(article_id)
        self.by_annotator = {name: self.project.spans(article_id, name) for name in self.annotators}
        stored = gold_draft(self.project, article_id)
        record = self.project.setting(_record_key(article_id)) or {}
        # The article's own strategy if it has one, else the reviewer's usual choice (not
        # whatever the previous article happened to use).
        default_strategy, default_k = self._default_strategy()
        strategy = record.get("strategy") or (self._stored_strategy(article_id) if stored else None) \
            or default_strategy
        if strategy not in STRATEGIES:
            strategy = default_strategy
        k = int(record.get("k") or default_k)
        self._set_strategy_controls(strategy, k)
        self._recompute_draft()
        if stored is None:
            self.gold_status = None
            self.spans = self._derived_spans()
            self.resolved = set()
        else:
            self.gold_status, self.spans = stored[0], list(stored[1])
            extents = {(c.start, c.end) for c in self.conflicts}
            if "resolved" in record:
                self.resolved = {tuple(x) for x in record["resolved"]} & extents  # type: ignore[misc]
            else:
                # Gold accepted before review mode kept notes (batch adjudication, an older
                # version): everything in it was decided.
                self.resolved = set(extents) if self.gold_status == "accepted" else set()
        if self.selected_span_id not in {s.id for s in self.spans}:
            self.selected_span_id = None
        item = self.queue_model.item(article_id)
        self.score = item.score if item is not None else self._article_score()
        self.conflict_index = None
        if changed_article:
            self.title_label.setText(article.title or f"#{article.id}")
            self.view.set_article(article.text)
        elif previous_conflict is not None:  # an undo or an edit: stay on the same conflict
            self.conflict_index = next((i for i, c in enumerate(self.conflicts)
                                        if (c.start, c.end) == (previous_conflict.start, previous_conflict.end)), None)
        self._show_panels()
        self._show_gold()
        self._show_conflicts()
        self.queue_model.set_gold_status(article_id, self.gold_status)
        self._update_status()
        return True

    def _default_strategy(self) -> tuple[str, int]:
        """The reviewer's last choice (QSettings), unanimous and k = 2 at first."""
        strategy = str(self.settings.value("review_strategy", "unanimous"))
        try:
            k = int(self.settings.value("review_min_annotators", 2) or 2)
        except (TypeError, ValueError):
            k = 2
        return (strategy if strategy in STRATEGIES else "unanimous"), max(1, k)

    def _stored_strategy(self, article_id: int) -> str | None:
        # team.gold_draft() gives status and spans but not the strategy the gold came from.
        row = self.project.conn.execute("SELECT strategy FROM gold WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else row[0]

    def _article_score(self) -> float | None:
        if len(self.annotators) < 2:
            return None
        from ..core.agreement import ArticleAnnotations, compute_agreement

        report = compute_agreement([ArticleAnnotations(self.article_id, "", self.by_annotator, tokens=())])
        return report.articles[0].score if report.articles else None

    def _set_strategy_controls(self, strategy: str, k: int) -> None:
        self._loading = True
        try:
            n = max(1, len(self.annotators))
            self.k_spin.setRange(1, max(n, 1))
            self.strategy = strategy
            self.k = max(1, min(k, n))
            self.strategy_box.setCurrentIndex(STRATEGIES.index(strategy))
            self.k_spin.setValue(self.k)
            self.k_spin.setEnabled(strategy == "min")
            self.k_label.setEnabled(strategy == "min")
        finally:
            self._loading = False

    def _recompute_draft(self) -> None:
        self.draft = merge(self.by_annotator, self.strategy, self.k)  # type: ignore[arg-type]
        self.conflicts = list(self.draft.conflicts)

    def _derived_spans(self) -> list[Span]:
        """The strategy's draft as spans; negative ids stand in until it is stored."""
        assert self.draft is not None
        gold = self.draft.gold_spans(self.reviewer, now_iso())
        return [replace(s, id=-(i + 1)) for i, s in enumerate(gold)]

    # ------------------------------------------------------------------ display
    def _show_gold(self) -> None:
        self.view.set_spans(self.spans, self.selected_span_id)
        self.view.set_suggestions(self._open_options())
        current = self.current_conflict()
        self.view.set_conflict_range((current.start, current.end) if current is not None else None)
        badge = {
            None: (tr("Draft, not saved yet: derived from the strategy"), "#6b6b6b"),
            "draft": ("✎ " + tr("Draft saved"), "#8a5a00"),
            "accepted": ("✓ " + tr("Accepted gold"), "#1c7c3c"),
        }[self.gold_status if self.gold_status in ("draft", "accepted") else None]
        self.gold_badge.setText(badge[0])
        self.gold_badge.setStyleSheet(f"color: {badge[1]}; font-weight: bold;")

    def _open_options(self) -> list[Suggestion]:
        """Options of unsettled conflicts that are not in the gold: drawn dashed in the view."""
        in_gold = {s.key() for s in self.spans}
        out = []
        n = max(1, len(self.annotators))
        for c in self.conflicts:
            if (c.start, c.end) in self.resolved:
                continue
            for o in c.options:
                if o.key() not in in_gold:
                    who = ", ".join(f"{self.annotators.index(a) + 1}·{a}" for a in o.supporters
                                    if a in self.annotators)
                    out.append(Suggestion(o.start, o.end, o.label, who, len(o.supporters) / n))
        return out

    def _show_panels(self) -> None:
        while len(self.panels) < len(self.annotators):
            panel = AnnotatorPanel()
            panel.table.clicked.connect(lambda index, p=panel: self._panel_clicked(p, index))
            self.panel_row.addWidget(panel, 1)
            self.panels.append(panel)
        for i, panel in enumerate(self.panels):
            if i < len(self.annotators):
                name = self.annotators[i]
                spans = self.by_annotator.get(name, [])
                classes = [agreement_class(s, self.by_annotator) for s in spans]
                panel.set_content(i + 1, name, self.text, spans, classes, self.label_map)
                panel.show()
            else:
                panel.hide()
        self._highlight_panels()

    def _highlight_panels(self) -> None:
        current = self.current_conflict()
        for panel in self.panels[:len(self.annotators)]:
            panel.highlight(*((current.start, current.end) if current is not None else (None, None)))

    def _show_conflicts(self) -> None:
        tree = self.conflict_tree
        tree.clear()
        line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"] if self.conflicts else [0]
        bold = QFont()
        bold.setBold(True)
        for i, c in enumerate(self.conflicts):
            settled = (c.start, c.end) in self.resolved
            top = QTreeWidgetItem([f"{'✓' if settled else '✗'} {i + 1}", self._position_text(c.start, line_starts),
                                   "«" + self.text[c.start:c.end].replace("\n", " ") + "»", ""])
            top.setData(0, Qt.ItemDataRole.UserRole, i)
            top.setToolTip(0, tr("settled") if settled else tr("open"))
            top.setToolTip(1, f"{c.start}–{c.end}")
            top.setToolTip(2, self.text[c.start:c.end])
            top.setForeground(0, QBrush(QColor("#1c7c3c" if settled else CONFLICT_COLOR)))
            top.setFont(0, bold)
            top.setFont(2, bold)
            tree.addTopLevelItem(top)
            for o in c.options:
                numbers = [str(self.annotators.index(a) + 1) for a in o.supporters if a in self.annotators]
                lab = self.label_map.get(o.label)
                child = QTreeWidgetItem(["●" if o.in_draft else "", _label_name(lab, o.label),
                                         "«" + self.text[o.start:o.end].replace("\n", " ") + "»",
                                         " ".join(numbers)])
                child.setData(0, Qt.ItemDataRole.UserRole, i)
                if o.in_draft:
                    child.setToolTip(0, tr("in the draft"))
                if lab is not None:
                    child.setBackground(1, QBrush(tint(lab.color, 0.45)))
                who = ", ".join(f"{self.annotators.index(a) + 1} · {a}" if a in self.annotators else a
                                for a in o.supporters)
                for col in (2, 3):
                    child.setToolTip(col, f"{self.text[o.start:o.end]}\n{o.label} {o.start}–{o.end}\n{who}")
                child.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
                top.addChild(child)
            top.setExpanded(True)
        left = self.conflicts_left()
        self.conflict_heading.setText(
            tr("Conflicts") + "  " + tr("%1 left of %2").replace("%1", str(left)).replace("%2", str(len(self.conflicts)))
            if self.conflicts else tr("Conflicts") + " — " + tr("No conflicts in this article."))
        self._select_conflict_row()

    def _position_text(self, start: int, line_starts: list[int]) -> str:
        """Paragraph number (blank lines not counted): offsets mean nothing to a reader."""
        from bisect import bisect_right

        line = bisect_right(line_starts, start) - 1
        para = sum(1 for j in range(line + 1)
                   if self.text[line_starts[j]:(line_starts[j + 1] - 1 if j + 1 < len(line_starts) else None)].strip())
        return tr("para. %1").replace("%1", str(max(para, 1)))

    def _select_conflict_row(self) -> None:
        tree = self.conflict_tree
        tree.clearSelection()
        if self.conflict_index is None or self.conflict_index >= tree.topLevelItemCount():
            return
        item = tree.topLevelItem(self.conflict_index)
        item.setSelected(True)
        tree.scrollToItem(item)

    def conflicts_left(self) -> int:
        return sum(1 for c in self.conflicts if (c.start, c.end) not in self.resolved)

    def _update_status(self) -> None:
        self.status_reviewer.setText(tr("Reviewer:") + f" {self.reviewer}")
        n = len(self.queue_model.items)
        row = self.queue_model.row_of(self.article_id)
        self.status_position.setText(tr("Queue") + f" {(row + 1) if row is not None else '–'} / {n}")
        self.status_conflicts.setText(tr("Conflicts left:") + f" {self.conflicts_left()} / {len(self.conflicts)}")
        self.status_score.setText(tr("Agreement:") + (f" {self.score:.2f}" if self.score is not None else " –"))

    def _update_title(self) -> None:
        name = self.project.setting("project_name") or self.project.path.stem
        mode = tr("Review")
        self.setWindowTitle(f"{name} — {self.reviewer} — {mode} — " + tr("Arabic News Annotator"))

    # --------------------------------------------------------------- conflicts
    def current_conflict(self) -> Conflict | None:
        if self.conflict_index is None or not 0 <= self.conflict_index < len(self.conflicts):
            return None
        return self.conflicts[self.conflict_index]

    def go_to_conflict(self, index: int, *, focus: bool = True) -> None:
        if not 0 <= index < len(self.conflicts):
            return
        self.conflict_index = index
        c = self.conflicts[index]
        self.view.set_conflict_range((c.start, c.end))
        self.view.place_cursor_cp(c.start)
        self._select_conflict_row()
        self._highlight_panels()
        if focus:
            self.view.setFocus()

    def next_conflict(self) -> None:
        if not self.conflicts:
            self.statusBar().showMessage(tr("No conflicts in this article."), 3000)
            return
        if self.conflict_index is None:
            cp = self.view.cursor_cp()
            target = next((i for i, c in enumerate(self.conflicts) if c.end > cp), 0)
        elif self.conflict_index + 1 < len(self.conflicts):
            target = self.conflict_index + 1
        else:
            self.statusBar().showMessage(tr("This is the last conflict."), 3000)
            return
        self.go_to_conflict(target)

    def previous_conflict(self) -> None:
        if not self.conflicts:
            self.statusBar().showMessage(tr("No conflicts in this article."), 3000)
            return
        if self.conflict_index is None:
            cp = self.view.cursor_cp()
            target = next((i for i in range(len(self.conflicts) - 1, -1, -1) if self.conflicts[i].start < cp),
                          len(self.conflicts) - 1)
        elif self.conflict_index > 0:
            target = self.conflict_index - 1
        else:
            self.statusBar().showMessage(tr("This is the first conflict."), 3000)
            return
        self.go_to_conflict(target)

    def _conflict_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None:
            self.go_to_conflict(int(index))

    def _conflict_at(self, cp: int) -> int | None:
        return next((i for i, c in enumerate(self.conflicts) if c.start <= cp < c.end), None)

    def _target_conflict(self) -> Conflict | None:
        """The conflict being adjudicated: the current one, else the one under the cursor."""
        current = self.current_conflict()
        if current is not None:
            return current
        index = self._conflict_at(self.view.cursor_cp())
        return None if index is None else self.conflicts[index]

    def pick_version(self, number: int) -> None:
        """Alt+N: the conflict's text becomes what annotator N marked there (maybe nothing)."""
        c = self._target_conflict()
        if c is None:
            self.statusBar().showMessage(tr("Go to a conflict first (F8)."), 4000)
            return
        if not 1 <= number <= len(self.annotators):
            self.statusBar().showMessage(tr("There is no annotator %1 on this article.").replace("%1", str(number)),
                                         4000)
            return
        name = self.annotators[number - 1]
        chosen = [s for s in self.by_annotator.get(name, []) if _overlaps(s.start, s.end, c.start, c.end)]
        self._settle(c, chosen, tr("take a version") + f" ({number} · {name})")

    def reject_all(self) -> None:
        """Alt+0: none of the options goes into the gold."""
        c = self._target_conflict()
        if c is None:
            self.statusBar().showMessage(tr("Go to a conflict first (F8)."), 4000)
            return
        self._settle(c, [], tr("reject all options"))

    def take_option_at_cursor(self) -> None:
        """Enter on a dashed option: that option replaces whatever gold overlaps it."""
        cp = self.view.cursor_cp()
        item = self.view.shown_at(cp)
        option = None
        if item is not None and item.span_id is None:
            option = next((o for o in self._open_options() if (o.start, o.end, o.label) == (item.start, item.end,
                                                                                              item.label)), None)
        if option is None:
            return
        index = self._conflict_at(option.start)
        conflict = self.conflicts[index] if index is not None else None
        self._replace_range(option.start, option.end, [Span(option.start, option.end, option.label)],
                            conflict, tr("take option"))

    def _settle(self, c: Conflict, chosen: list[Span], text: str) -> None:
        start = min([c.start, *(s.start for s in chosen)])
        end = max([c.end, *(s.end for s in chosen)])
        if self._replace_range(start, end, chosen, c, text):
            self._advance_after_settling(c)

    def _replace_range(self, start: int, end: int, chosen: list[Span], conflict: Conflict | None, text: str) -> bool:
        """Gold spans overlapping [start, end) give way to ``chosen``; one undo step."""
        keep = [_plain(s) for s in self.spans
                if not _overlaps(s.start, s.end, start, end)
                and not any(_overlaps(s.start, s.end, x.start, x.end) for x in chosen)]
        new = sorted(keep + [Span(s.start, s.end, s.label, dict(s.attributes), "gold") for s in chosen],
                     key=lambda s: (s.start, s.end))
        resolved = set(self.resolved)
        if conflict is not None:
            resolved.add((conflict.start, conflict.end))
        status = self.gold_status or "draft"
        return self._transition(GoldState(status, self.strategy, self.k, tuple(new), frozenset(resolved)), text)

    def _advance_after_settling(self, settled: Conflict) -> None:
        """After a decision, go on to the next open conflict (the reviewer's next job)."""
        idx = next((i for i, c in enumerate(self.conflicts) if (c.start, c.end) == (settled.start, settled.end)), -1)
        order = list(range(idx + 1, len(self.conflicts))) + list(range(0, idx + 1))
        target = next((i for i in order if (self.conflicts[i].start, self.conflicts[i].end) not in self.resolved), None)
        if target is not None:
            self.go_to_conflict(target)
        else:
            self.conflict_index = idx if idx >= 0 else None
            self._show_gold()
            self._select_conflict_row()
            self._highlight_panels()

    # ------------------------------------------------------------- gold state
    def _state(self) -> GoldState:
        return GoldState(self.gold_status, self.strategy, self.k, tuple(_plain(s) for s in self.spans),
                         frozenset(self.resolved))

    def _record(self, state: GoldState) -> dict[str, Any]:
        return {"strategy": state.strategy, "k": state.k, "resolved": [list(x) for x in sorted(state.resolved)]}

    def _write_state(self, article_id: int, state: GoldState) -> bool:
        """Make the store hold ``state`` for the article (None status: no gold at all)."""
        def write() -> bool:
            if state.status is None:
                delete_gold(self.project, article_id, self.reviewer)
            else:
                save_gold(self.project, article_id, self.reviewer, list(state.spans),
                          state.strategy, status=state.status)
            self.project.set_setting(_record_key(article_id), self._record(state))
            return True

        return self._guard(write) is not None

    def restore_state(self, article_id: int, state: GoldState) -> None:
        """Undo/redo: write a remembered state back and show it."""
        self._write_state(article_id, state)
        if article_id == self.article_id:
            self._guard(lambda: self._load(article_id, keep_conflict=True))
        else:
            self.open_article(article_id)

    def _transition(self, after: GoldState, text: str) -> bool:
        """Write a whole new state for the current article as one undo step."""
        article_id = self.article_id
        if article_id is None:
            return False
        before = self._state()
        if not self._write_state(article_id, after):
            return False
        self.undo_stack.push(GoldCommand(self, article_id, before, after, text))
        self._guard(lambda: self._load(article_id, keep_conflict=True))
        return True

    def _edit(self, text: str, action: Callable[[], Any], touched: Sequence[tuple[int, int]]) -> Any:
        """One span edit through the team functions, saved at once, as one undo step.

        A derived draft is stored first (as a 'draft') so the edit has rows to act on; if
        the edit is then refused, that stored draft is removed again.
        """
        article_id = self.article_id
        if article_id is None:
            return None
        before = self._state()
        materialised = False
        if self.gold_status is None:
            spans = [_plain(s) for s in self.spans]
            if self._guard(lambda: save_gold(self.project, article_id, self.reviewer, spans, self.strategy,
                                             status="draft")) is None:
                return None
            materialised = True
            self._reload_gold_rows()
        result = self._guard(action)
        if result is None:
            if materialised:
                self._guard(lambda: delete_gold(self.project, article_id, self.reviewer))
                self._reload_gold_rows()
            return None
        self._reload_gold_rows()
        for a, b in touched:
            for c in self.conflicts:
                if _overlaps(a, b, c.start, c.end):
                    self.resolved.add((c.start, c.end))
        after = self._state()
        self._guard(lambda: self.project.set_setting(_record_key(article_id), self._record(after)))
        self.undo_stack.push(GoldCommand(self, article_id, before, after, text))
        self._show_gold()
        self._show_conflicts()
        self.queue_model.set_gold_status(article_id, self.gold_status)
        self._update_status()
        return result

    def _reload_gold_rows(self) -> None:
        stored = gold_draft(self.project, self.article_id) if self.article_id is not None else None
        if stored is None:
            self.gold_status, self.spans = None, self._derived_spans()
        else:
            self.gold_status, self.spans = stored[0], list(stored[1])

    def _id_of(self, key: tuple[int, int, str]) -> int:
        span = next((s for s in self.spans if s.key() == key), None)
        if span is None or span.id is None or span.id < 0:
            raise AnnotatorError(f"the span {key} is no longer in the gold")
        return span.id

    # ------------------------------------------------------------------- spans
    def _span_by_id(self, span_id: int | None) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None) if span_id is not None else None

    def select_span(self, span_id: int | None) -> None:
        self.selected_span_id = span_id if self._span_by_id(span_id) is not None else None
        self.view.set_spans(self.spans, self.selected_span_id)

    def _view_clicked(self, span_id: int | None) -> None:
        self.select_span(span_id)
        index = self._conflict_at(self.view.cursor_cp())
        if index is not None and index != self.conflict_index:
            self.conflict_index = index
            c = self.conflicts[index]
            self.view.set_conflict_range((c.start, c.end))
            self._select_conflict_row()
            self._highlight_panels()

    def _panel_clicked(self, panel: AnnotatorPanel, index) -> None:
        rng = panel.model.data(index, Qt.ItemDataRole.UserRole)
        if rng is None:
            return
        conflict = self._conflict_at(rng[0])
        if conflict is None:
            conflict = next((i for i, c in enumerate(self.conflicts) if _overlaps(c.start, c.end, *rng)), None)
        if conflict is not None:
            self.go_to_conflict(conflict)
        else:
            self.view.place_cursor_cp(rng[0])
            self.view.setFocus()
            self._highlight_panels()

    def label_key(self, key: str) -> None:
        lab = self.label_by_key.get(key)
        if lab is None:
            self.statusBar().showMessage(tr("No label on key") + f" {key}", 3000)
            return
        self.apply_label(lab.name)

    def apply_label(self, label: str) -> None:
        """A label key or button: label the selection, else relabel the selected span."""
        if self.article_id is None:
            return
        selection = self.view.selection_cp()
        if selection is not None:
            self.create_span(*selection, label, exact=self.view.exact_selection)
        elif self.selected_span_id is not None:
            self.relabel_selected(label)
        else:
            item = self.view.shown_at(self.view.cursor_cp())
            if item is not None and item.span_id is None:  # a dashed option: take it with this label
                index = self._conflict_at(item.start)
                self._replace_range(item.start, item.end, [Span(item.start, item.end, label)],
                                    self.conflicts[index] if index is not None else None, tr("take option"))
            else:
                self.statusBar().showMessage(tr("Select some text first."), 3000)

    def create_span(self, start: int, end: int, label: str, *, exact: bool = False) -> Span | None:
        article_id = self.article_id
        if article_id is None:
            return None
        if not exact:
            from ..core.text import snap_span

            start, end = snap_span(self.text, start, end)
        attrs: dict[str, Any] = {}
        if label == "COUNT":
            attrs = _count_attributes(self.text, start, end)
        s, e = start, end
        span = self._edit(tr("add span"),
                          lambda: add_gold_span(self.project, article_id, self.reviewer, s, e, label, attrs),
                          [(s, e)])
        if span is not None:
            self.selected_span_id = span.id
            self.view.set_spans(self.spans, self.selected_span_id)
            self.view.place_cursor_cp(span.end)
        return span

    def relabel_selected(self, label: str) -> None:
        before = self._span_by_id(self.selected_span_id)
        if before is None or before.label == label:
            return
        attrs = {k: v for k, v in before.attributes.items() if k not in ("annotators", "adjudicator", "adjudicated_at")}
        if label == "COUNT" and not attrs:
            attrs = _count_attributes(self.text, before.start, before.end)
        key = before.key()
        saved = self._edit(tr("relabel span"),
                           lambda: update_gold_span(self.project, self._id_of(key), self.reviewer, label=label,
                                                    attributes=attrs),
                           [(before.start, before.end)])
        if saved is not None:
            self.select_span(saved.id)

    def delete_selected_span(self) -> None:
        span = self._span_by_id(self.selected_span_id)
        if span is None:
            item = self.view.shown_at(self.view.cursor_cp())
            span = self._span_by_id(item.span_id) if item is not None else None
        if span is None:
            return
        key = span.key()
        if self._edit(tr("delete span"), lambda: delete_gold_span(self.project, self._id_of(key), self.reviewer),
                      [(span.start, span.end)]) is not None:
            self.selected_span_id = None
            self.view.set_spans(self.spans, None)

    # ---------------------------------------------------------------- strategy
    def _strategy_changed(self) -> None:
        if self._loading:
            return
        strategy = self.strategy_box.currentData()
        k = self.k_spin.value()
        self.k_spin.setEnabled(strategy == "min")
        self.k_label.setEnabled(strategy == "min")
        if (strategy, k) == (self.strategy, self.k):
            return
        self.settings.setValue("review_strategy", strategy)
        self.settings.setValue("review_min_annotators", k)
        self.set_strategy(strategy, k)

    def set_strategy(self, strategy: str, k: int | None = None) -> None:
        """Recompute the draft with another strategy (undoable when gold is stored)."""
        if strategy not in STRATEGIES:
            raise AnnotatorError(f"unknown strategy {strategy!r}")
        k = self.k if k is None else k
        article_id = self.article_id
        if article_id is None:
            self.strategy, self.k = strategy, k
            return
        if self.gold_status is None:
            # Nothing stored: the draft is simply derived again, nothing to undo.
            self.strategy, self.k = strategy, k
            self._set_strategy_controls(strategy, k)
            self._recompute_draft()
            self.spans = self._derived_spans()
            self.resolved = set()
            self.conflict_index = None
            self.selected_span_id = None
            self._show_gold()
            self._show_conflicts()
            self._highlight_panels()
            self._update_status()
            return
        was_accepted = self.gold_status == "accepted"
        draft = merge(self.by_annotator, strategy, k)  # type: ignore[arg-type]
        spans = tuple(_plain(s) for s in draft.gold_spans(self.reviewer, now_iso()))
        if self._transition(GoldState("draft", strategy, k, spans, frozenset()), tr("change strategy")):
            if was_accepted:
                self.statusBar().showMessage(
                    tr("The gold was accepted before; it is a draft again until you accept it."), 8000)
        else:
            self._set_strategy_controls(self.strategy, self.k)

    # ------------------------------------------------------------------ accept
    def accept_gold(self) -> None:
        """Save the gold (with provenance) as accepted and go to the next article without gold."""
        article_id = self.article_id
        if article_id is None:
            return
        all_conflicts = frozenset((c.start, c.end) for c in self.conflicts)
        state = GoldState("accepted", self.strategy, self.k, tuple(_plain(s) for s in self.spans), all_conflicts)
        if not self._transition(state, tr("accept as gold")):
            return
        title = self.title_label.text()
        nxt = self._next_without_gold()
        if nxt is not None:
            self.open_article(nxt)
            self.statusBar().showMessage(tr("Gold saved for") + f" «{title}»", 5000)
        else:
            self.statusBar().showMessage(tr("Every article in the queue has accepted gold."), 8000)

    # -------------------------------------------------------------------- misc
    def change_font_size(self, step: int) -> None:
        super().change_font_size(step)
        self.view.set_spans(self.spans, self.selected_span_id)



def _record_key(article_id: int) -> str:
    return f"review:{article_id}"


def _count_attributes(text: str, start: int, end: int) -> dict:
    try:
        from ..core.counts import count_attributes
    except ImportError:
        return {}
    return count_attributes(text, start, end)
