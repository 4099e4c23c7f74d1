"""Review mode's layout: the builders that make and wire the window's widgets (no workflow
logic). What the widgets show of a ReviewSession is set in :mod:`.review_display`."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
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
    QVBoxLayout,
    QWidget,
)

from ..core.session.review import STRATEGIES
from . import bidi_cells
from .i18n import arabic_ui, translate
from .review_models import (
    CLASS_STYLE,
    MAX_PICK,
    AnnotatorPanel,
    GoldView,
    ReviewQueueModel,
    class_text,
)

# The ReviewWindow these functions build or serve. Not imported (it imports this module):
# the window is the only caller, and the layering stays one-way.
ReviewWindow = Any


def tr(text: str) -> str:
    return translate("Review", text)

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
    m_file = w.menuBar().addMenu(tr("&File"))
    m_review = w.menuBar().addMenu(tr("&Review"))
    m_edit = w.menuBar().addMenu(tr("&Edit"))
    m_view = w.menuBar().addMenu(tr("&View"))
    m_team = w.menu_team = w.menuBar().addMenu(tr("&Team"))
    m_help = w.menuBar().addMenu(tr("&Help"))

    act = w.make_action
    act(m_file, tr("Quit"), "Ctrl+Q", w.close, "actQuit")

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
    bidi_cells.install(w.queue_table)
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
    bidi_cells.install(w.conflict_tree)
    w.conflict_tree.itemClicked.connect(w._conflict_clicked)
    rv.addWidget(w.conflict_tree, 1)
    rv.addWidget(build_keys_help(w))
    right.setMinimumWidth(340)

    w.install_panes(left, centre, right, [300, 720, 380])
    w.status_reviewer, w.status_position, w.status_conflicts, w.status_score = \
        w.make_status_labels(4)



def default_strategy(settings: QSettings) -> tuple[str, int]:
    """The reviewer's last choice (QSettings), unanimous and k = 2 at first."""
    strategy = str(settings.value("review_strategy", "unanimous"))
    try:
        k = int(settings.value("review_min_annotators", 2) or 2)
    except (TypeError, ValueError):
        k = 2
    return (strategy if strategy in STRATEGIES else "unanimous"), max(1, k)
