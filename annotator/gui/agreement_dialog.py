"""The agreement dialog: inter-annotator agreement tables and a per-label F1 bar chart.

Numbers come from :func:`annotator.core.team.agreement.project_agreement` (done annotations of
articles at least two annotators finished). The report is computed in the thread pool on
a connection of its own — over a large project it takes seconds, and the window must stay
responsive meanwhile. The chart is drawn with QPainter: the app ships
PySide6-Essentials, which has no QtCharts.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import Label
from ..core.errors import AnnotatorError
from ..core.store import Project
from ..core.team.agreement import AgreementReport
from ..core.team.metrics import PRF
from .i18n import arabic_ui, isolate, neutralise, translate
from .workers import Job, start_job

log = logging.getLogger(__name__)
WORST_SHOWN = 50

def tr(text: str) -> str:
    return translate("AgreementDialog", text)


def fmt(value: float | None) -> str:
    """Two decimals; '–' where a measure has no data (nan)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.2f}"


def _label_name(label: Label | None, fallback: str) -> str:
    if label is None:
        return fallback
    return neutralise(label.name_ar if arabic_ui() and label.name_ar else (label.name_en or label.name))


# =========================================================================== chart
@dataclass(frozen=True)
class Bar:
    """One label's group of bars."""

    name: str  # shown under the group
    color: str  # the label's colour
    overlap: float
    exact: float


class F1BarChart(QWidget):
    """Per-label grouped bars: overlap F1 (solid, label colour) and exact F1 (light, hatched).

    Values are written on the bars' tops, label names under the groups, a 0–1 scale with
    grid lines on the side. Groups run in reading order (right to left in Arabic).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementChart")
        self.bars: list[Bar] = []
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(560, 280)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fffdf8"))
        fm = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if not self.bars:
            painter.setPen(QColor("#6b6b6b"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No labels to show."))
            painter.end()
            return
        axis_w = fm.horizontalAdvance("1.00") + 10
        legend_h = fm.height() + 10
        name_h = fm.height() + 8
        top = legend_h + fm.height() + 4  # room for the value over a full bar
        left = 12 if rtl else axis_w + 6
        right = self.width() - (axis_w + 6 if rtl else 12)
        bottom = self.height() - name_h
        plot_h = max(bottom - top, 10)

        def y_of(v: float) -> float:
            return bottom - max(0.0, min(1.0, v)) * plot_h

        # Scale and grid.
        grid = QPen(QColor("#e2dccf"))
        grid.setWidthF(1.0)
        for step in range(5):
            v = step / 4
            y = y_of(v)
            painter.setPen(grid)
            painter.drawLine(int(left), int(y), int(right), int(y))
            painter.setPen(QColor("#6b6b6b"))
            text = f"{v:.2f}"
            if rtl:
                painter.drawText(QRectF(right + 6, y - fm.height() / 2, axis_w, fm.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                painter.drawText(QRectF(left - axis_w - 6, y - fm.height() / 2, axis_w, fm.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

        # Legend.
        self._draw_legend(painter, fm, left, right, rtl)

        # Bars.
        n = len(self.bars)
        group_w = (right - left) / n
        bar_w = min(56.0, group_w * 0.34)
        gap = min(8.0, group_w * 0.06)
        value_font = QFont(self.font())
        value_font.setBold(True)
        for i, bar in enumerate(self.bars):
            slot = (n - 1 - i) if rtl else i
            centre = left + group_w * (slot + 0.5)
            # The solid overlap bar comes first in reading order.
            first_x = centre + gap / 2 if rtl else centre - gap / 2 - bar_w
            second_x = centre - gap / 2 - bar_w if rtl else centre + gap / 2
            base = QColor(bar.color)
            for x, value, solid in ((first_x, bar.overlap, True), (second_x, bar.exact, False)):
                rect = QRectF(x, y_of(value), bar_w, bottom - y_of(value))
                if solid:
                    painter.setBrush(QBrush(base))
                    painter.setPen(QPen(base.darker(140), 1))
                else:
                    painter.setBrush(QBrush(_light(base)))
                    painter.setPen(QPen(base.darker(140), 1))
                painter.drawRect(rect)
                if not solid:
                    painter.setBrush(QBrush(base.darker(120), Qt.BrushStyle.BDiagPattern))
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.drawRect(rect)
                painter.setPen(QColor("#1b1b1b"))
                painter.setFont(value_font)
                painter.drawText(QRectF(x - 10, rect.top() - fm.height() - 2, bar_w + 20, fm.height()),
                                 Qt.AlignmentFlag.AlignCenter, fmt(value))
                painter.setFont(self.font())
            painter.setPen(QColor("#1b1b1b"))
            painter.drawText(QRectF(centre - group_w / 2, bottom + 4, group_w, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, fm.elidedText(bar.name, Qt.TextElideMode.ElideRight,
                                                                         int(group_w) - 4))
        painter.setPen(QPen(QColor("#6b6b6b"), 1))
        painter.drawLine(int(left), int(bottom), int(right), int(bottom))
        painter.end()

    def _draw_legend(self, painter: QPainter, fm: QFontMetrics, left: float, right: float, rtl: bool) -> None:
        swatch = fm.height() - 2
        items = [(tr("overlap F1"), True), (tr("exact F1"), False)]
        x = right if rtl else left
        y = 4
        grey = QColor("#6b6b6b")
        for text, solid in items:
            w = fm.horizontalAdvance(text)
            sx = x - swatch if rtl else x
            rect = QRectF(sx, y + 1, swatch, swatch)
            painter.setPen(QPen(grey.darker(130), 1))
            painter.setBrush(QBrush(grey if solid else _light(grey)))
            painter.drawRect(rect)
            if not solid:
                painter.setBrush(QBrush(grey.darker(120), Qt.BrushStyle.BDiagPattern))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRect(rect)
            painter.setPen(QColor("#1b1b1b"))
            tx = sx - 6 - w if rtl else sx + swatch + 6
            painter.drawText(QRectF(tx, y, w + 2, fm.height()), Qt.AlignmentFlag.AlignVCenter, text)
            step = swatch + 6 + w + 18
            x = x - step if rtl else x + step


def _light(color: QColor) -> QColor:
    return QColor(
        round(255 - (255 - color.red()) * 0.35),
        round(255 - (255 - color.green()) * 0.35),
        round(255 - (255 - color.blue()) * 0.35),
    )


# ===================================================================== computation
class _AgreementJob(Job):
    """project_agreement on a connection of its own (Project objects are per thread)."""

    def __init__(self, path: Path, label: str | None):
        super().__init__()
        self.path = path
        self.label = label

    def work(self, progress: Callable[[int], None]) -> tuple[AgreementReport, dict[int, str]]:
        return compute_report(self.path, self.label)


def compute_report(path: Path, label: str | None) -> tuple[AgreementReport, dict[int, str]]:
    """The report and the titles of its worst articles, read through a new connection."""
    from ..core.team.agreement import project_agreement

    with Project.open(path) as project:
        report = project_agreement(project, label)
        titles: dict[int, str] = {}
        for art in report.worst_articles(WORST_SHOWN):
            try:
                titles[int(art.article_id)] = project.article(int(art.article_id)).title
            except AnnotatorError:
                titles[int(art.article_id)] = ""
    return report, titles


# ========================================================================== dialog
class AgreementDialog(QDialog):
    """Agreement of the project's annotators: overall, per pair, worst articles, a chart."""

    reportReady = Signal(object)  # the AgreementReport shown

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(tr("Inter-annotator agreement"))
        self.resize(960, 700)
        self.project = project
        self.labels = {lab.name: lab for lab in project.labels()}
        self.report: AgreementReport | None = None
        self.titles: dict[int, str] = {}
        self._generation = 0
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Label:")))
        self.label_filter = QComboBox()
        self.label_filter.setObjectName("labelFilter")
        self.label_filter.addItem(tr("All labels"), None)
        for lab in self.labels.values():
            self.label_filter.addItem(_label_name(lab, lab.name), lab.name)
        self.label_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.label_filter)
        top.addStretch(1)
        layout.addLayout(top)
        # Headline numbers as cards (value over caption): one sentence mixing Latin names,
        # Greek letters and Arabic words does not survive right-to-left layout.
        cards = QHBoxLayout()
        cards.setSpacing(8)
        self.cards: dict[str, QLabel] = {}
        for key, caption in (("articles", tr("articles compared")), ("alpha", tr("Krippendorff's α")),
                             ("kappa", tr("mean Cohen's κ")), ("exact", tr("F1, exact match")),
                             ("overlap", tr("F1, overlap"))):
            card = QWidget()
            card.setObjectName("agreementCard")
            card.setStyleSheet("QWidget#agreementCard { background: #f3efe6; border-radius: 6px; }")
            cv = QVBoxLayout(card)
            cv.setContentsMargins(10, 6, 10, 6)
            cv.setSpacing(0)
            value = QLabel("–")
            value.setObjectName(f"card_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet("font-size: 18pt; font-weight: bold; color: #1b1b1b;")
            text = QLabel(caption)
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text.setStyleSheet("color: #555;")
            cv.addWidget(value)
            cv.addWidget(text)
            cards.addWidget(card, 1)
            self.cards[key] = value
        layout.addLayout(cards)
        self.summary = QLabel()
        self.summary.setObjectName("agreementSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # annotator names are data
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("padding: 4px; color: #555;")
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        overall = QWidget()
        ov = QVBoxLayout(overall)
        self.overall_table = QTableWidget(0, 7)
        self.overall_table.setObjectName("overallTable")
        self.overall_table.setHorizontalHeaderLabels([
            tr("Label"), tr("Exact P"), tr("Exact R"), tr("Exact F1"),
            tr("Overlap P"), tr("Overlap R"), tr("Overlap F1"),
        ])
        _table_defaults(self.overall_table)
        self.overall_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ov.addWidget(self.overall_table, 2)
        self.chart = F1BarChart()
        ov.addWidget(self.chart, 3)
        self.tabs.addTab(overall, tr("Overall"))

        self.pair_tree = QTreeWidget()
        self.pair_tree.setObjectName("pairTable")
        self.pair_tree.setHeaderLabels([tr("Pair"), tr("Articles"), tr("Tokens"), "κ", tr("Exact F1"),
                                        tr("Overlap F1")])
        self.pair_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.pair_tree.setAlternatingRowColors(True)
        self.tabs.addTab(self.pair_tree, tr("Pairs"))

        worst = QWidget()
        wv = QVBoxLayout(worst)
        hint = QLabel(tr("Double-click an article to open it."))
        hint.setStyleSheet("color: #6b6b6b;")
        wv.addWidget(hint)
        self.worst_table = QTableWidget(0, 4)
        self.worst_table.setObjectName("worstArticles")
        self.worst_table.setHorizontalHeaderLabels([tr("Score"), tr("Title"), tr("Annotators"), tr("Spans")])
        _table_defaults(self.worst_table)
        self.worst_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.worst_table.cellDoubleClicked.connect(self._worst_double_clicked)
        wv.addWidget(self.worst_table, 1)
        self.tabs.addTab(worst, tr("Worst articles"))
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    # ------------------------------------------------------------ computation
    def current_label(self) -> str | None:
        return self.label_filter.currentData()

    def refresh(self) -> None:
        """Recompute for the label filter in the thread pool; stale results are dropped."""
        self._generation += 1
        generation = self._generation
        self.summary.setText(tr("Computing…"))
        start_job(self, _AgreementJob(self.project.path, self.current_label()),
                  finished=lambda result: self._finished(generation, *result),
                  failed=lambda message: self._failed(generation, message))

    def _finished(self, generation: int, report: AgreementReport, titles: dict[int, str]) -> None:
        if generation != self._generation:
            return
        self.show_report(report, titles)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.summary.setText(message)

    # ---------------------------------------------------------------- display
    def show_report(self, report: AgreementReport, titles: dict[int, str] | None = None) -> None:
        self.report = report
        self.titles = dict(titles or {})
        compared = sum(1 for a in report.articles if a.score is not None)
        self.cards["articles"].setText(str(compared))
        if not compared:
            for key in ("alpha", "kappa", "exact", "overlap"):
                self.cards[key].setText("–")
            self.summary.setText(tr("No article has been finished by two annotators yet."))
        else:
            self.cards["alpha"].setText(fmt(report.alpha))
            self.cards["kappa"].setText(fmt(report.mean_kappa))
            self.cards["exact"].setText(fmt(report.overall_exact_micro.f1))
            self.cards["overlap"].setText(fmt(report.overall_overlap_micro.f1))
            self.summary.setText(tr("Annotators: %1").replace("%1", isolate(neutralise(", ".join(report.annotators)))))
        self._fill_overall(report)
        self._fill_pairs(report)
        self._fill_worst(report)
        self.chart.set_bars([
            Bar(_label_name(self.labels.get(lab), lab), self.labels[lab].color if lab in self.labels else "#888888",
                report.overall_overlap[lab].f1, report.overall_exact[lab].f1)
            for lab in report.labels
        ])
        self.reportReady.emit(report)

    def _fill_overall(self, report: AgreementReport) -> None:
        rows: list[tuple[str, str | None, PRF, PRF]] = [
            (_label_name(self.labels.get(lab), lab), lab, report.overall_exact[lab], report.overall_overlap[lab])
            for lab in report.labels
        ]
        rows.append((tr("micro (all labels)"), None, report.overall_exact_micro, report.overall_overlap_micro))
        table = self.overall_table
        table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, (name, lab, ex, ov) in enumerate(rows):
            values = [name, fmt(ex.precision), fmt(ex.recall), fmt(ex.f1), fmt(ov.precision), fmt(ov.recall),
                      fmt(ov.f1)]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, lab)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if lab is None:
                    item.setFont(bold)
                table.setItem(r, c, item)
            if lab in self.labels:
                from .article_view import tint

                table.item(r, 0).setBackground(QBrush(tint(self.labels[lab].color, 0.45)))

    def _fill_pairs(self, report: AgreementReport) -> None:
        tree = self.pair_tree
        tree.clear()
        bold = QFont()
        bold.setBold(True)
        for pair in report.pairs:
            top = QTreeWidgetItem([
                neutralise(f"{pair.annotators[0]} – {pair.annotators[1]}"), str(pair.n_articles), str(pair.n_tokens),
                fmt(pair.kappa), fmt(pair.exact_micro.f1), fmt(pair.overlap_micro.f1),
            ])
            for c in range(6):
                top.setFont(c, bold)
            tree.addTopLevelItem(top)
            for lab in report.labels:
                child = QTreeWidgetItem([_label_name(self.labels.get(lab), lab), "", "", "",
                                         fmt(pair.exact[lab].f1), fmt(pair.overlap[lab].f1)])
                if lab in self.labels:
                    from .article_view import tint

                    child.setBackground(0, QBrush(tint(self.labels[lab].color, 0.45)))
                top.addChild(child)
            top.setExpanded(True)

    def _fill_worst(self, report: AgreementReport) -> None:
        worst = report.worst_articles(WORST_SHOWN)
        table = self.worst_table
        table.setRowCount(len(worst))
        for r, art in enumerate(worst):
            aid = int(art.article_id)
            values = [fmt(art.score), neutralise(self.titles.get(aid)) or f"#{aid}",
                      neutralise(", ".join(art.annotators)), str(art.n_spans)]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, aid)
                if c in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, item)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        table.resizeColumnToContents(3)

    def _worst_double_clicked(self, row: int, _column: int) -> None:
        item = self.worst_table.item(row, 0)
        if item is None:
            return
        article_id = item.data(Qt.ItemDataRole.UserRole)
        opener = getattr(self.parent(), "open_article", None)
        if article_id is not None and callable(opener):
            opener(int(article_id))
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.activateWindow()


def _table_defaults(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)

