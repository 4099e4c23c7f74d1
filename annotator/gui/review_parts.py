"""Review mode's widgets: the queue and annotator item models, the annotator panels,
the gold view, and the builders that lay the window out (no workflow logic: that is
:class:`~annotator.core.session.ReviewSession`'s)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
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

from ..core.model import Label, Span
from ..core.session.review import ReviewSession, overlaps
from ..core.team import ReviewItem
from .article_view import ArticleView, tint
from .i18n import arabic_ui, isolate, neutralise, tooltip, translate
from .table_model import TableModel

if TYPE_CHECKING:
    from .review import ReviewWindow

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


# ======================================================================= layout
def build_keys_help(w: ReviewWindow) -> QWidget:
    """Key → action, one per row: mixing Latin key names into Arabic sentences garbles them."""
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

def build_strategy_bar(w: ReviewWindow) -> QWidget:
    bar = QWidget()
    bar.setObjectName("strategyBar")
    bar.setStyleSheet("QWidget#strategyBar { background: #fffdf8; }")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(24, 2, 24, 8)
    layout.addWidget(QLabel(tr("Merge strategy:")))
    w.strategy_box = QComboBox()
    w.strategy_box.setObjectName("strategyBox")
    for name, text in (("unanimous", tr("unanimous")), ("majority", tr("majority")),
                       ("min", tr("at least k annotators"))):
        w.strategy_box.addItem(text, name)
    w.strategy_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    layout.addWidget(w.strategy_box)
    w.k_label = QLabel(tr("k ="))
    layout.addWidget(w.k_label)
    w.k_spin = QSpinBox()
    w.k_spin.setObjectName("minAnnotators")
    w.k_spin.setRange(1, MAX_PICK)
    w.k_spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    layout.addWidget(w.k_spin)
    w.strategy_box.currentIndexChanged.connect(lambda _i: w._strategy_changed())
    w.k_spin.valueChanged.connect(lambda _v: w._strategy_changed())
    layout.addSpacing(16)
    w.gold_badge = QLabel()
    w.gold_badge.setObjectName("goldStatus")
    layout.addWidget(w.gold_badge)
    layout.addStretch(1)
    w.accept_button = QPushButton("✓  " + tr("Accept as gold") + "   (Ctrl+Enter)")
    w.accept_button.setObjectName("acceptGold")
    w.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    w.accept_button.setStyleSheet(
        "QPushButton { background: #1c7c3c; color: white; font-weight: bold; border-radius: 6px;"
        " padding: 6px 16px; } QPushButton:hover { background: #23924a; }"
        " QPushButton:disabled { background: #9bb8a3; }"
    )
    w.accept_button.clicked.connect(w.accept_gold)
    layout.addWidget(w.accept_button)
    return bar

def build_annotator_strip(w: ReviewWindow) -> QWidget:
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
    w.legend_labels: list[QLabel] = []
    for cls, (mark, strong, light) in CLASS_STYLE.items():
        chip = QLabel(f"{mark}  {class_text(cls)}")
        chip.setObjectName(f"legend_{cls}")
        chip.setStyleSheet(
            f"background: {light}; color: {strong}; border: 1px solid {strong}; border-radius: 4px;"
            " padding: 1px 8px; font-weight: bold;"
        )
        legend.addWidget(chip)
        w.legend_labels.append(chip)
    legend.addStretch(1)
    sv.addLayout(legend)
    w.panel_row = QHBoxLayout()
    w.panel_row.setSpacing(6)
    sv.addLayout(w.panel_row, 1)
    w.panels: list[AnnotatorPanel] = []
    return strip

def build_actions(w: ReviewWindow) -> None:
    rtl = arabic_ui()
    next_key, prev_key = ("Alt+Left", "Alt+Right") if rtl else ("Alt+Right", "Alt+Left")
    m_review = w.menuBar().addMenu(tr("&Review"))
    m_edit = w.menuBar().addMenu(tr("&Edit"))
    m_view = w.menuBar().addMenu(tr("&View"))
    m_team = w.menuBar().addMenu(tr("&Team"))
    m_help = w.menuBar().addMenu(tr("&Help"))

    act = w.make_action

    w.act_accept = act(m_review, tr("Accept as gold"), ["Ctrl+Return", "Ctrl+Enter"], w.accept_gold,
                          "actAcceptGold")
    m_review.addSeparator()
    w.act_next_conflict = act(m_review, tr("Next conflict"), ["F8", "Alt+Down"], w.next_conflict,
                                 "actNextConflict")
    w.act_prev_conflict = act(m_review, tr("Previous conflict"), ["Shift+F8", "Alt+Up"],
                                 w.previous_conflict, "actPrevConflict")
    # Arabic keyboard layouts may put Arabic-Indic or Eastern digits on the number row.
    def digit_keys(n: int) -> list[str]:
        return [f"Alt+{n}", f"Alt+{chr(0x0660 + n)}", f"Alt+{chr(0x06F0 + n)}"]

    for n in range(1, MAX_PICK + 1):
        act(m_review, tr("Take annotator %1's version").replace("%1", str(n)), digit_keys(n),
            lambda n=n: w.pick_version(n), f"actPick{n}")
    act(m_review, tr("Reject all options of the conflict"), digit_keys(0), w.reject_all, "actRejectAll")
    m_review.addSeparator()
    w.act_next = act(m_review, tr("Next article in the queue"), [next_key, "Ctrl+PgDown"], w.next_article,
                        "actNext")
    w.act_prev = act(m_review, tr("Previous article in the queue"), [prev_key, "Ctrl+PgUp"],
                        w.previous_article, "actPrev")
    w.add_undo_actions(m_edit)
    m_edit.addSeparator()
    act(m_edit, tr("Delete span"), None, w.delete_selected_span, "actDelete")
    act(m_view, tr("Larger text"), ["Ctrl+=", "Ctrl++"], lambda: w.change_font_size(+1), "actZoomIn")
    act(m_view, tr("Smaller text"), "Ctrl+-", lambda: w.change_font_size(-1), "actZoomOut")
    act(m_view, tr("Back to the article"), "F6", w.view.setFocus, "actFocusView")
    w.add_help_actions(m_team, m_help)


def build_window(w: ReviewWindow) -> None:
    """Queue | title, strategy, palette, gold draft, annotator panels | conflicts."""
    w.resize(1400, 860)

    # Start side: the queue.
    left = QWidget()
    lv = QVBoxLayout(left)
    lv.setContentsMargins(6, 6, 6, 6)
    heading = QLabel(tr("Review queue"))
    heading.setStyleSheet("font-weight: bold;")
    lv.addWidget(heading)
    w.queue_model = ReviewQueueModel(w)
    w.queue_table = QTableView()
    w.queue_table.setObjectName("reviewQueue")
    w.queue_table.setModel(w.queue_model)
    w.queue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    w.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    w.queue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.queue_table.verticalHeader().setVisible(False)
    w.queue_table.verticalHeader().setDefaultSectionSize(26)
    w.queue_table.setWordWrap(False)
    w.queue_table.setAlternatingRowColors(True)
    qh = w.queue_table.horizontalHeader()
    # Fixed widths from the headers: ResizeToContents would read up to a thousand rows
    # each time one row changes, and the queue can hold thousands of articles.
    qh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    fm = w.queue_table.fontMetrics()
    for col, sample in ((0, "✓"), (2, tr("Agreement"))):
        qh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        qh.resizeSection(col, max(fm.horizontalAdvance(sample), fm.horizontalAdvance("0.00")) + 20)
    w.queue_table.clicked.connect(w._queue_clicked)
    w.queue_table.activated.connect(w._queue_clicked)
    lv.addWidget(w.queue_table, 1)
    left.setMinimumWidth(250)

    # Centre: title, strategy bar, palette, gold draft, annotator panels.
    centre = QWidget()
    cv = QVBoxLayout(centre)
    cv.setContentsMargins(0, 0, 0, 0)
    cv.setSpacing(0)
    cv.addWidget(w.make_banner())
    cv.addWidget(w.make_title_label(16, "10px 24px 4px 24px"))
    cv.addWidget(build_strategy_bar(w))
    cv.addWidget(w.make_palette("4px 14px")[0])
    vsplit = QSplitter(Qt.Orientation.Vertical)
    vsplit.setObjectName("reviewVerticalSplitter")
    vsplit.setChildrenCollapsible(False)
    gold_box = QWidget()
    gv = QVBoxLayout(gold_box)
    gv.setContentsMargins(0, 0, 0, 0)
    gv.setSpacing(0)
    w.view = GoldView()
    w.prepare_view(w.view)
    gv.addWidget(w.view, 1)
    w.view.labelKeyPressed.connect(w.label_key)
    w.view.deletePressed.connect(w.delete_selected_span)
    w.view.acceptSuggestionPressed.connect(w.take_option_at_cursor)
    w.view.rejectSuggestionPressed.connect(
        lambda: w.statusBar().showMessage(tr("Enter takes this option; Alt+0 rejects all options"), 4000))
    w.view.spanClicked.connect(w._view_clicked)
    w.view.escapePressed.connect(lambda: w.select_span(None))
    vsplit.addWidget(gold_box)
    vsplit.addWidget(build_annotator_strip(w))
    vsplit.setStretchFactor(0, 3)
    vsplit.setStretchFactor(1, 2)
    vsplit.setSizes([430, 270])
    cv.addWidget(vsplit, 1)

    # End side: conflicts and the keys that settle them.
    right = QWidget()
    rv = QVBoxLayout(right)
    rv.setContentsMargins(6, 6, 6, 6)
    w.conflict_heading = QLabel(tr("Conflicts"))
    w.conflict_heading.setStyleSheet("font-weight: bold;")
    rv.addWidget(w.conflict_heading)
    w.conflict_tree = QTreeWidget()
    w.conflict_tree.setObjectName("conflictList")
    w.conflict_tree.setColumnCount(4)
    w.conflict_tree.setHeaderLabels(["", tr("Position"), tr("Options"), tr("Annotators")])
    w.conflict_tree.setRootIsDecorated(False)
    w.conflict_tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    w.conflict_tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    ch = w.conflict_tree.header()
    ch.setStretchLastSection(False)
    for col in (0, 1, 3):
        ch.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    ch.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    w.conflict_tree.itemClicked.connect(w._conflict_clicked)
    rv.addWidget(w.conflict_tree, 1)
    rv.addWidget(build_keys_help(w))
    right.setMinimumWidth(340)

    w.install_panes(left, centre, right, [300, 720, 380])
    w.status_reviewer, w.status_position, w.status_conflicts, w.status_score = \
        w.make_status_labels(4)



def fill_conflict_tree(tree: QTreeWidget, session: ReviewSession, label_map: dict[str, Label]) -> None:
    """One row per conflict (✓ settled, ✗ open), its options and who supported each."""
    tree.clear()
    text, names = session.text, session.annotators
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"] if session.conflicts else [0]
    bold = QFont()
    bold.setBold(True)
    for i, c in enumerate(session.conflicts):
        settled = session.is_settled(c)
        top = QTreeWidgetItem([f"{'✓' if settled else '✗'} {i + 1}", position_text(text, c.start, line_starts),
                               "«" + text[c.start:c.end].replace("\n", " ") + "»", ""])
        top.setData(0, Qt.ItemDataRole.UserRole, i)
        top.setToolTip(0, tr("settled") if settled else tr("open"))
        top.setToolTip(1, f"{c.start}–{c.end}")
        top.setToolTip(2, tooltip(text[c.start:c.end]))
        top.setForeground(0, QBrush(QColor("#1c7c3c" if settled else CONFLICT_COLOR)))
        top.setFont(0, bold)
        top.setFont(2, bold)
        tree.addTopLevelItem(top)
        for o in c.options:
            numbers = [str(names.index(a) + 1) for a in o.supporters if a in names]
            lab = label_map.get(o.label)
            child = QTreeWidgetItem(["●" if o.in_draft else "", label_name(lab, o.label),
                                     "«" + text[o.start:o.end].replace("\n", " ") + "»", " ".join(numbers)])
            child.setData(0, Qt.ItemDataRole.UserRole, i)
            if o.in_draft:
                child.setToolTip(0, tr("in the draft"))
            if lab is not None:
                child.setBackground(1, QBrush(tint(lab.color, 0.45)))
            who = ", ".join(f"{names.index(a) + 1} · {a}" if a in names else a for a in o.supporters)
            for col in (2, 3):
                child.setToolTip(col, tooltip(f"{text[o.start:o.end]}\n{o.label} {o.start}–{o.end}\n{who}"))
            child.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
            top.addChild(child)
        top.setExpanded(True)


def position_text(text: str, start: int, line_starts: list[int]) -> str:
    """Paragraph number (blank lines not counted): offsets mean nothing to a reader."""
    line = bisect_right(line_starts, start) - 1
    para = sum(1 for j in range(line + 1)
               if text[line_starts[j]:(line_starts[j + 1] - 1 if j + 1 < len(line_starts) else None)].strip())
    return tr("para. %1").replace("%1", str(max(para, 1)))
