"""The workbench's widgets, built and laid out (no workflow logic: that is the session's)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import STATUSES
from . import bidi_cells
from .article_view import ArticleView
from .bidi_cells import BidiDelegate
from .i18n import arabic_ui, follow_text_direction, plural_form
from .item_models import (
    ArticleTableModel,
    SpanTableModel,
    category_text,
    origin_text,
    setup_article_table,
    status_text,
)
from .project_files import import_dialog, open_project_dialog

# The MainWindow these functions build or serve. Not imported (it imports this module):
# the window is the only caller, and the layering stays one-way.
MainWindow = Any

def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)

def tr_n(text: str, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return plural_form(QCoreApplication.translate("MainWindow", text, None, n), n)


#: The suggestion sources the workbench offers, one or several joined by commas.
SUGGEST_SOURCES = ("off", "rules", "patterns", "rules,patterns", "rules,patterns,model", "model", "camel")
DEFAULT_SOURCE = "rules,patterns"
# What Ctrl+Enter does with suggestions nobody accepted or rejected, once the annotator
# ticked "don't ask again" (the setting ``done_with_suggestions``; empty: ask).
DONE_CHOICES = ("accept", "reject", "keep")
DONE_SETTING = "done_with_suggestions"


def ask_about_unreviewed(w: MainWindow, count: int) -> str | None:
    """Ask what to do with ``count`` unreviewed suggestions before marking the article done:
    one of DONE_CHOICES, or None to stay on the article. A ticked "don't ask again"
    remembers the answer (Article → Ask about unreviewed suggestions brings the question back)."""
    box = QMessageBox(w)
    box.setObjectName("unreviewedSuggestions")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Mark done and go to next"))
    box.setText(tr_n("%n suggestion is still unreviewed.|%n suggestions are still unreviewed.", count))
    box.setInformativeText(tr("Accept them all, reject them all, or mark the article done and leave them?"))
    buttons: dict[object, str] = {}
    for choice, text, role in (("accept", tr("Accept all"), QMessageBox.ButtonRole.AcceptRole),
                               ("reject", tr("Reject all"), QMessageBox.ButtonRole.DestructiveRole),
                               ("keep", tr("Done anyway"), QMessageBox.ButtonRole.ApplyRole)):
        button = box.addButton(text, role)
        button.setObjectName(f"done_{choice}")
        buttons[button] = choice
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("done_cancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    dont_ask = QCheckBox(tr("Don't ask again"), box)  # parented: Python must not free it
    box.setCheckBox(dont_ask)
    box.exec()
    answer = buttons.get(box.clickedButton())
    if answer is not None and dont_ask.isChecked():
        w.settings.setValue(DONE_SETTING, answer)
        w.act_ask_unreviewed.setChecked(False)
    return answer


def settle_unreviewed(w: MainWindow) -> bool:
    """Before an article is marked done: accept, reject or keep the suggestions nobody
    reviewed, as asked or as remembered. False: the annotator stays on the article."""
    if w.article_id is None or not w.visible_suggestions:
        return True
    choice = str(w.settings.value(DONE_SETTING, "") or "")
    if choice not in DONE_CHOICES:
        choice = ask_about_unreviewed(w, len(w.visible_suggestions)) or ""
    if choice == "accept":
        return w._act(w.session.accept_all) is not None
    if choice == "reject":
        return w._act(w.session.reject_all) is not None
    return choice == "keep"


def ask_flag_comment(w: MainWindow) -> str | None:
    """Article → Flag: the annotator's comment on what is wrong, or None if cancelled."""
    dialog = QInputDialog(w)
    dialog.setObjectName("flagDialog")
    dialog.setWindowTitle(tr("Flag article"))
    dialog.setLabelText(tr("What is wrong with this article?"))
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
    box = dialog.findChild(QPlainTextEdit)
    if box is not None:  # Arabic comments are written and aligned right to left
        box.textChanged.connect(lambda: follow_text_direction(box))
    return dialog.textValue() if dialog.exec() else None


class CategoryDelegate(BidiDelegate):
    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        for category in SpanTableModel.CATEGORIES:
            box.addItem(category_text(category), category)
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(str(index.data(Qt.ItemDataRole.EditRole) or "other"))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def build_article_list(w: MainWindow) -> QWidget:
    """The article list with its search box and status filter."""
    left = QWidget()
    lv = QVBoxLayout(left)
    lv.setContentsMargins(6, 6, 6, 6)
    filters = QHBoxLayout()
    w.search_edit = QLineEdit()
    w.search_edit.setObjectName("searchEdit")
    w.search_edit.setPlaceholderText(tr("Search titles…"))
    w.search_edit.setClearButtonEnabled(True)
    w.status_filter = QComboBox()
    w.status_filter.setObjectName("statusFilter")
    w.status_filter.addItem(tr("All"), None)
    for st in STATUSES:
        w.status_filter.addItem(status_text(st), st)
    filters.addWidget(w.search_edit, 1)
    filters.addWidget(w.status_filter)
    lv.addLayout(filters)
    w.article_model = ArticleTableModel(w.project, w.annotator, w)
    w.article_table = table = QTableView()
    table.setObjectName("articleList")
    table.setModel(w.article_model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    bidi_cells.install(table)
    # Fixed column widths and row heights measured from the header and sample text: the
    # list never reads more rows than it shows, and a row changing status never shrinks
    # or widens the columns (nor moves the titles).
    setup_article_table(table)
    lv.addWidget(table, 1)
    table.clicked.connect(w._article_clicked)
    table.activated.connect(w._article_clicked)
    w._search_timer = QTimer(w)
    w._search_timer.setSingleShot(True)
    w._search_timer.setInterval(250)
    w._search_timer.timeout.connect(w._apply_filter)
    w.search_edit.textChanged.connect(lambda _t: w._search_timer.start())
    w.status_filter.currentIndexChanged.connect(lambda _i: w._apply_filter())
    left.setMinimumWidth(260)
    return left


def build_span_list(w: MainWindow) -> QWidget:
    right = QWidget()
    rv = QVBoxLayout(right)
    rv.setContentsMargins(6, 6, 6, 6)
    w.span_heading = QLabel(tr("Spans"))
    w.span_heading.setStyleSheet("font-weight: bold;")
    rv.addWidget(w.span_heading)
    w.span_model = SpanTableModel(w)
    w.span_model.on_edit = w._edit_attributes
    w.span_table = table = QTableView()
    table.setObjectName("spanList")
    table.setModel(w.span_model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    bidi_cells.install(table)
    table.setItemDelegateForColumn(3, CategoryDelegate(table))
    sh = table.horizontalHeader()
    sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    # Label, value, category and origin: wide enough for anything they can show.
    arabic = arabic_ui()
    bidi_cells.fix_column_widths(table, {
        0: [(lab.name_ar if arabic and lab.name_ar else lab.name) for lab in w.labels],
        2: ["~0000", "000–0000"],
        3: [category_text(c) for c in SpanTableModel.CATEGORIES],
        4: origin_samples(),
    })
    table.clicked.connect(w._span_row_clicked)
    rv.addWidget(table, 1)
    right.setMinimumWidth(span_list_width(table, rv))
    return right


# Suggestion sources that merge into one suggestion (its origin names them all: «rule + patterns»).
_SUGGESTION_SOURCES = ("rule", "patterns", "model", "camel")
# The text column shows at least a typical three-word name whole.
_TEXT_COLUMN_SAMPLE = "قوات النظام السوري"


def origin_samples() -> list[str]:
    """Every origin the span list shows whole: the single ones and any two suggestion
    sources merged. Three or more merged sources are rare; their cell elides and its
    tooltip names them all."""
    singles = ["manual", "import", "gold", *_SUGGESTION_SOURCES]
    pairs = [f"{a}+{b}" for i, a in enumerate(_SUGGESTION_SOURCES) for b in _SUGGESTION_SOURCES[i + 1:]]
    return [origin_text(o) for o in singles + pairs]


def span_list_width(table: QTableView, layout: QVBoxLayout) -> int:
    """The narrowest the span panel may be: its fixed columns, a text column that shows a long
    name whole, the vertical scroll bar and the frames, so no column is cut off and no
    horizontal scroll bar appears at the window's default size."""
    header = table.horizontalHeader()
    fixed = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
    text = table.fontMetrics().horizontalAdvance(_TEXT_COLUMN_SAMPLE) + 16
    scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
    margins = layout.contentsMargins()
    return fixed + text + scroll_bar + 2 * table.frameWidth() + margins.left() + margins.right()


def build_exact_button(w: MainWindow) -> QToolButton:
    w.exact_button = QToolButton()
    w.exact_button.setObjectName("exactSelection")
    w.exact_button.setText(tr("Exact characters"))
    w.exact_button.setToolTip(tr("Do not snap selections to whole words (or hold Alt while dragging)"))
    w.exact_button.setCheckable(True)
    w.exact_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    w.exact_button.setStyleSheet("QToolButton:checked { background: #f2c14e; font-weight: bold; }")
    return w.exact_button


def build_exact_indicator(w: MainWindow) -> QLabel:
    """While exact-characters mode is on, the status bar says so and what it applies to:
    it is easy to forget, and every selection until it is switched off keeps its edges."""
    label = QLabel(tr("Exact characters: on for every selection, on every article, until Ctrl+E"))
    label.setObjectName("exactIndicator")
    label.setStyleSheet("QLabel#exactIndicator { background: #f2c14e; color: #1b1b1b; font-weight: bold;"
                        " padding: 0 10px; border-radius: 3px; }")
    label.setVisible(w.exact_button.isChecked())
    w.exact_button.toggled.connect(label.setVisible)
    w.statusBar().addPermanentWidget(label)
    return label


def build_suggestion_bar(w: MainWindow) -> QWidget:
    bar = QWidget()
    bar.setObjectName("suggestionBar")
    bar.setStyleSheet("QWidget#suggestionBar { background: #f3efe6; border-top: 1px solid #ddd6c8; }")
    rows = QVBoxLayout(bar)
    rows.setContentsMargins(20, 4, 20, 4)
    rows.setSpacing(2)
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    rows.addLayout(layout)
    layout.addWidget(QLabel(tr("Suggestions:")))
    w.suggest_source = QComboBox()
    w.suggest_source.setObjectName("suggestSource")
    names = {"off": tr("off"), "rules": tr("rules"), "patterns": tr("learned patterns"),
             "rules,patterns": tr("rules + learned patterns"),
             "rules,patterns,model": tr("rules + patterns + trained model"),
             "model": tr("trained model"), "camel": tr("CAMeL NER")}
    for src in SUGGEST_SOURCES:
        w.suggest_source.addItem(names[src], src)
    source = str(w.settings.value("suggest_source", DEFAULT_SOURCE))
    if source not in SUGGEST_SOURCES:
        source = DEFAULT_SOURCE
    w.suggest_source.setCurrentIndex(SUGGEST_SOURCES.index(source))
    w.suggest_source.currentIndexChanged.connect(lambda _i: w.suggestion_feed.source_changed())
    w.suggest_source.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    layout.addWidget(w.suggest_source)
    layout.addWidget(QLabel(tr("Minimum score:")))
    w.suggest_min_score = QDoubleSpinBox()
    w.suggest_min_score.setObjectName("suggestMinScore")
    w.suggest_min_score.setRange(0.0, 1.0)
    w.suggest_min_score.setSingleStep(0.05)
    w.suggest_min_score.setDecimals(2)
    w.suggest_min_score.setToolTip(tr("Suggestions scoring under this are hidden"))
    w.suggest_min_score.setValue(float(w.settings.value("suggest_min_score", 0.0)))
    w.suggest_min_score.valueChanged.connect(lambda _v: w.suggestion_feed.threshold_changed())
    w.suggest_min_score.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    layout.addWidget(w.suggest_min_score)
    w.suggest_info = QLabel()
    w.suggest_info.setObjectName("suggestInfo")
    w.suggest_info.setTextFormat(Qt.TextFormat.PlainText)
    # The count and key hints must never widen the article pane: a longer line once pushed
    # the side panes to their minimum (the titles in the list became 38 px wide) as soon
    # as the first suggestions arrived. Beside the controls it then wrapped onto three to
    # six short lines; its own row, the width of the pane and one line high, reads at a
    # glance and keeps the bar (and the article above it) the same height.
    w.suggest_info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    w.suggest_info.setWordWrap(False)
    layout.addStretch(1)
    accept_all = QPushButton(tr("Accept all"))
    accept_all.setObjectName("acceptAll")
    accept_all.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    accept_all.clicked.connect(w.accept_all_suggestions)
    layout.addWidget(accept_all)
    rows.addWidget(w.suggest_info)
    return bar


def default_window_size() -> tuple[int, int]:
    """Room for the list, a comfortable reading width and a span list whose columns all show:
    1,600 pixels where the screen has them, never less than the 1,400 the layout was made for."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 1400, 860
    free = screen.availableGeometry()
    return min(1600, max(1400, free.width() - 40)), min(900, max(860, free.height() - 60))


def build_window(w: MainWindow) -> None:
    """List | title, palette, article, suggestions | span list."""
    width, height = default_window_size()
    w.resize(width, height)
    left = build_article_list(w)
    centre = QWidget()
    cv = QVBoxLayout(centre)
    cv.setContentsMargins(0, 0, 0, 0)
    cv.setSpacing(0)
    cv.addWidget(w.make_banner())
    w.make_title_label()
    w.meta_label = w.make_data_label("articleMeta")
    w.meta_label.setStyleSheet(
        "QLabel#articleMeta { color: #6b6b6b; padding: 0 28px 8px 28px; background: #fffdf8; }")
    cv.addWidget(w.title_label)
    cv.addWidget(w.meta_label)
    bar, layout = w.make_palette()
    layout.addWidget(build_exact_button(w))
    cv.addWidget(bar)
    w.view = ArticleView()
    w.prepare_view(w.view)
    cv.addWidget(w.view, 1)
    cv.addWidget(build_suggestion_bar(w))
    w.view.labelKeyPressed.connect(w.label_key)
    w.view.deletePressed.connect(w.delete_selected_span)
    w.view.acceptSuggestionPressed.connect(w.accept_suggestion_at_cursor)
    w.view.rejectSuggestionPressed.connect(w.backspace)
    w.view.spanClicked.connect(w.select_span)
    w.view.escapePressed.connect(lambda: w.select_span(None))
    w.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    w.view.customContextMenuRequested.connect(w.show_span_menu)
    right = build_span_list(w)
    # The span panel gets the width its columns need; the article list gives it up, as its
    # titles elide anyway, and the article keeps its reading width.
    right_width = right.minimumWidth()
    left_width = max(300, min(400, width - 560 - right_width))
    w.install_panes(left, centre, right, [left_width, width - left_width - right_width, right_width])
    w.exact_indicator = build_exact_indicator(w)
    w.status_annotator, w.status_position, w.status_done, w.status_time = w.make_status_labels(4)


def build_actions(w: MainWindow) -> None:
    # In a right-to-left layout the next article lies to the left.
    next_key, prev_key = ("Alt+Left", "Alt+Right") if arabic_ui() else ("Alt+Right", "Alt+Left")
    m_file = w.menuBar().addMenu(tr("&File"))
    m_article = w.menuBar().addMenu(tr("&Article"))
    m_edit = w.menuBar().addMenu(tr("&Edit"))
    m_view = w.menuBar().addMenu(tr("&View"))
    m_model = w.menuBar().addMenu(tr("&Model"))
    w.menu_team = w.menuBar().addMenu(tr("&Team"))
    m_help = w.menuBar().addMenu(tr("&Help"))

    act = w.make_action
    act(m_file, tr("Open project…"), "Ctrl+O", lambda: open_project_dialog(w), "actOpen")
    act(m_file, tr("Import articles…"), "Ctrl+I", lambda: import_dialog(w), "actImport")
    act(m_file, tr("Quit"), "Ctrl+Q", w.close, "actQuit")
    w.act_next = act(m_article, tr("Next article"), [next_key, "Ctrl+PgDown"], w.next_article, "actNext")
    w.act_prev = act(m_article, tr("Previous article"), [prev_key, "Ctrl+PgUp"], w.previous_article, "actPrev")
    w.act_done = act(m_article, tr("Mark done and go to next"), ["Ctrl+Return", "Ctrl+Enter"],
                     w.mark_done_and_next, "actDone")
    w.act_skip = act(m_article, tr("Skip"), ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"], w.skip_article, "actSkip")
    w.act_flag = act(m_article, tr("Flag with a comment…"), "Ctrl+Shift+F", w.flag_article_dialog, "actFlag")
    m_article.addSeparator()
    w.act_ask_unreviewed = act(m_article, tr("Ask about unreviewed suggestions when done"), None,
                               lambda: w.settings.setValue(DONE_SETTING, "" if w.act_ask_unreviewed.isChecked()
                                                           else "keep"), "actAskUnreviewed")
    w.act_ask_unreviewed.setCheckable(True)
    w.act_ask_unreviewed.setChecked(str(w.settings.value(DONE_SETTING, "") or "") not in DONE_CHOICES)
    w.add_undo_actions(m_edit)
    m_edit.addSeparator()
    act(m_edit, tr("Delete span"), None, w.delete_selected_span, "actDelete")
    act(m_edit, tr("Toggle clitic in span"), "Ctrl+K", w.toggle_clitic, "actClitic")
    act(m_edit, tr("Label all mentions"), "Ctrl+M", w.label_all_mentions, "actMentions")
    act(m_edit, tr("Next suggestion"), "F8", lambda: w.suggestion_feed.step(True), "actNextSuggestion")
    act(m_edit, tr("Previous suggestion"), "Shift+F8", lambda: w.suggestion_feed.step(False), "actPrevSuggestion")
    act(m_edit, tr("Accept all suggestions"), "Ctrl+Shift+A", w.accept_all_suggestions, "actAcceptAll")
    act(m_edit, tr("Exact character selection"), "Ctrl+E", w.exact_button.toggle, "actExact")
    act(m_view, tr("Larger text"), ["Ctrl+=", "Ctrl++"], lambda: w.change_font_size(+1), "actZoomIn")
    act(m_view, tr("Smaller text"), "Ctrl+-", lambda: w.change_font_size(-1), "actZoomOut")
    act(m_view, tr("Find in list"), "Ctrl+F", w.search_edit.setFocus, "actFind")
    act(m_view, tr("Back to the article"), "F6", w.view.setFocus, "actFocusView")
    w.act_train = act(m_model, tr("Train…"), None, lambda: w.trainer.dialog(), "actTrain")
    w.act_cancel_training = act(m_model, tr("Cancel training"), None, lambda: w.trainer.cancel(),
                                "actCancelTraining")
    w.act_cancel_training.setEnabled(False)
    w.add_help_actions(w.menu_team, m_help)



def window_icon() -> QIcon:
    from ..core.paths import resources_dir

    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in (16, 32, 48, 64, 128, 256):
        png = folder / f"annotator-{size}.png"
        if png.exists():
            icon.addPixmap(QPixmap(str(png)))
    svg = folder / "annotator.svg"
    if icon.isNull() and svg.exists():
        icon = QIcon(str(svg))
    return icon
