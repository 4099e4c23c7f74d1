"""The annotation workbench: article list, article view, label palette and span list."""
from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import AnnotatorError
from ..core.model import STATUSES, Label, Span, Suggestion
from ..core.store import Project
from .article_view import ArticleView
from .commands import AddSpans, DeleteSpan, UpdateSpan
from .models import ArticleTableModel, SpanTableModel, setup_article_table, status_text
from .sync_status import attach as attach_hub_sync
from .window_base import WindowBase
from .workers import SuggestJob, WarmUpJob, pool

log = logging.getLogger(__name__)

SUGGEST_SOURCES = ("off", "rules", "model", "camel")


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


class _CategoryDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        from .models import category_text

        box = QComboBox(parent)
        for category in SpanTableModel.CATEGORIES:
            box.addItem(category_text(category), category)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(str(index.data(Qt.ItemDataRole.EditRole) or "other"))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MainWindow(WindowBase):
    """One annotator's window over one project."""

    def __init__(self, project: Project, annotator: str, settings: QSettings | None = None):
        super().__init__()
        self.project = project
        self.annotator = project.ensure_annotator(annotator)
        self.settings = settings or QSettings()
        self.labels: list[Label] = project.labels()
        self.label_by_key = {lab.key: lab for lab in self.labels if lab.key}
        self.article_id: int | None = None
        self.spans: list[Span] = []
        self.suggestions: list[Suggestion] = []
        self.selected_span_id: int | None = None
        self._opened_at = time.monotonic()
        self._seconds_flushed = 0.0
        self._suggest_generation = 0
        # No suggester job until the window has shown its first article: a job imports
        # spaCy (and torch) in a thread, which would compete with start-up for the GIL.
        self._hold_suggestions = True
        self.undo_stack = QUndoStack(self)
        self.setObjectName("mainWindow")
        self._build()
        self._build_actions()
        self.hub_sync = attach_hub_sync(self, project)  # None without a team hub
        self._update_title()
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self._open_initial_article()
        # After the first paint, load what the first selection will need, off the GUI thread.
        QTimer.singleShot(300, lambda: pool().start(WarmUpJob()))
        QTimer.singleShot(300, self._release_suggestions)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.resize(1400, 860)

        # Article list with its filters.
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 6, 6)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(tr("Search titles…"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(tr("All"), None)
        for st in STATUSES:
            self.status_filter.addItem(status_text(st), st)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.status_filter)
        lv.addLayout(filters)
        self.article_model = ArticleTableModel(self.project, self.annotator, self)
        self.article_table = QTableView()
        self.article_table.setObjectName("articleList")
        self.article_table.setModel(self.article_model)
        self.article_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.article_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.article_table.setAlternatingRowColors(True)
        setup_article_table(self.article_table)  # never reads more rows than it shows
        lv.addWidget(self.article_table, 1)
        self.article_table.clicked.connect(self._article_clicked)
        self.article_table.activated.connect(self._article_clicked)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        left.setMinimumWidth(260)

        # Centre: title, label palette, the article, suggestions bar.
        centre = QWidget()
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(0)
        cv.addWidget(self.make_banner())
        self.make_title_label()
        self.meta_label = QLabel()
        self.meta_label.setObjectName("articleMeta")
        self.meta_label.setStyleSheet(
            "QLabel#articleMeta { color: #6b6b6b; padding: 0 28px 8px 28px; background: #fffdf8; }"
        )
        cv.addWidget(self.title_label)
        cv.addWidget(self.meta_label)
        cv.addWidget(self._build_palette())
        self.view = ArticleView()
        self.prepare_view(self.view)
        cv.addWidget(self.view, 1)
        cv.addWidget(self._build_suggestion_bar())
        self.view.labelKeyPressed.connect(self.label_key)
        self.view.deletePressed.connect(self.delete_selected_span)
        self.view.acceptSuggestionPressed.connect(self.accept_suggestion_at_cursor)
        self.view.rejectSuggestionPressed.connect(self.reject_suggestion_at_cursor)
        self.view.spanClicked.connect(self.select_span)
        self.view.escapePressed.connect(lambda: self.select_span(None))

        # Right: the span list.
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 6, 6, 6)
        self.span_heading = QLabel(tr("Spans"))
        self.span_heading.setStyleSheet("font-weight: bold;")
        rv.addWidget(self.span_heading)
        self.span_model = SpanTableModel(self)
        self.span_model.on_edit = self._edit_attributes
        self.span_table = QTableView()
        self.span_table.setObjectName("spanList")
        self.span_table.setModel(self.span_model)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.verticalHeader().setVisible(False)
        self.span_table.setWordWrap(False)
        self.span_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.span_table.setItemDelegateForColumn(3, _CategoryDelegate(self.span_table))
        sh = self.span_table.horizontalHeader()
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            sh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        sh.setResizeContentsPrecision(0)  # as for the article list: rows on screen only
        self.span_table.clicked.connect(self._span_row_clicked)
        rv.addWidget(self.span_table, 1)
        right.setMinimumWidth(300)

        self.install_panes(left, centre, right, [330, 760, 330])
        self.status_annotator, self.status_position, self.status_done, self.status_time = \
            self.make_status_labels(4)

    def _build_palette(self) -> QWidget:
        bar, layout = self.make_palette()
        self.exact_button = QToolButton()
        self.exact_button.setObjectName("exactSelection")
        self.exact_button.setText(tr("Exact characters"))
        self.exact_button.setToolTip(tr("Do not snap selections to whole words (or hold Alt while dragging)"))
        self.exact_button.setCheckable(True)
        self.exact_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.exact_button)
        return bar

    def _build_suggestion_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("suggestionBar")
        bar.setStyleSheet("QWidget#suggestionBar { background: #f3efe6; border-top: 1px solid #ddd6c8; }")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(20, 4, 20, 4)
        layout.addWidget(QLabel(tr("Suggestions:")))
        self.suggest_source = QComboBox()
        self.suggest_source.setObjectName("suggestSource")
        names = {"off": tr("off"), "rules": tr("rules"), "model": tr("trained model"), "camel": tr("CAMeL NER")}
        for src in SUGGEST_SOURCES:
            self.suggest_source.addItem(names[src], src)
        source = str(self.settings.value("suggest_source", "rules"))
        self.suggest_source.setCurrentIndex(max(0, SUGGEST_SOURCES.index(source) if source in SUGGEST_SOURCES else 1))
        self.suggest_source.currentIndexChanged.connect(self._suggest_source_changed)
        self.suggest_source.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.suggest_source)
        self.suggest_info = QLabel()
        self.suggest_info.setObjectName("suggestInfo")
        layout.addWidget(self.suggest_info, 1)
        accept_all = QPushButton(tr("Accept all"))
        accept_all.setObjectName("acceptAll")
        accept_all.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        accept_all.clicked.connect(self.accept_all_suggestions)
        layout.addWidget(accept_all)
        return bar

    def _build_actions(self) -> None:
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # In a right-to-left layout the next article lies to the left.
        next_key, prev_key = ("Alt+Left", "Alt+Right") if rtl else ("Alt+Right", "Alt+Left")
        m_file = self.menuBar().addMenu(tr("&File"))
        m_article = self.menuBar().addMenu(tr("&Article"))
        m_edit = self.menuBar().addMenu(tr("&Edit"))
        m_view = self.menuBar().addMenu(tr("&View"))
        self.menu_team = self.menuBar().addMenu(tr("&Team"))
        m_help = self.menuBar().addMenu(tr("&Help"))

        act = self.make_action
        act(m_file, tr("Open project…"), "Ctrl+O", self.open_project_dialog, "actOpen")
        act(m_file, tr("Import articles…"), "Ctrl+I", self.import_dialog, "actImport")
        act(m_file, tr("Quit"), "Ctrl+Q", self.close, "actQuit")
        self.act_next = act(m_article, tr("Next article"), [next_key, "Ctrl+PgDown"], self.next_article, "actNext")
        self.act_prev = act(m_article, tr("Previous article"), [prev_key, "Ctrl+PgUp"], self.previous_article,
                            "actPrev")
        self.act_done = act(m_article, tr("Mark done and go to next"), ["Ctrl+Return", "Ctrl+Enter"],
                            self.mark_done_and_next, "actDone")
        self.act_skip = act(m_article, tr("Skip"), ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"], self.skip_article,
                            "actSkip")
        self.act_flag = act(m_article, tr("Flag with a comment…"), "Ctrl+Shift+F", self.flag_article_dialog,
                            "actFlag")
        self.add_undo_actions(m_edit)
        m_edit.addSeparator()
        act(m_edit, tr("Delete span"), None, self.delete_selected_span, "actDelete")
        act(m_edit, tr("Toggle clitic in span"), "Ctrl+K", self.toggle_clitic, "actClitic")
        act(m_edit, tr("Label all mentions"), "Ctrl+M", self.label_all_mentions, "actMentions")
        act(m_edit, tr("Accept all suggestions"), "Ctrl+Shift+A", self.accept_all_suggestions, "actAcceptAll")
        act(m_edit, tr("Exact character selection"), "Ctrl+E", self.exact_button.toggle, "actExact")
        act(m_view, tr("Larger text"), ["Ctrl+=", "Ctrl++"], lambda: self.change_font_size(+1), "actZoomIn")
        act(m_view, tr("Smaller text"), "Ctrl+-", lambda: self.change_font_size(-1), "actZoomOut")
        act(m_view, tr("Find in list"), "Ctrl+F", self.search_edit.setFocus, "actFind")
        act(m_view, tr("Back to the article"), "F6", self.view.setFocus, "actFocusView")
        self.add_help_actions(self.menu_team, m_help)

    # ---------------------------------------------------------------- articles
    def _open_initial_article(self) -> None:
        last = self.project.setting(f"last_article:{self.annotator}")
        if last is not None and self.article_model.row_of(int(last)) is not None:
            self.open_article(int(last))
        elif self.article_model.ids:
            self.open_article(self.article_model.ids[0])
        else:
            self.view.set_article("")
            self.title_label.setText(tr("This project has no articles yet. Import some with: annotator import"))
            self._update_status()

    def open_article(self, article_id: int) -> None:
        """Show an article (and this annotator's spans on it)."""
        self._flush_time()
        article = self.project.article(article_id)
        self.article_id = article_id
        self.article = article
        self.selected_span_id = None
        self.suggestions = []
        self.title_label.setText(article.title or f"#{article.id}")
        meta = " · ".join(x for x in (article.source, article.published, article.url) if x)
        self.meta_label.setText(meta)
        self.meta_label.setVisible(bool(meta))
        self.view.set_article(article.text)
        self.spans = self.project.spans(article_id, self.annotator)
        self._show_spans()
        self._opened_at = time.monotonic()
        self._seconds_flushed = 0.0
        row = self.article_model.row_of(article_id)
        if row is not None:
            self.article_table.selectionModel().setCurrentIndex(
                self.article_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.article_table.scrollTo(self.article_model.index(row, 0))
        self._guard(lambda: self.project.set_setting(f"last_article:{self.annotator}", article_id))
        self._update_status()
        self.view.setFocus()
        self._request_suggestions()

    def _article_clicked(self, index) -> None:
        article_id = self.article_model.data(index, Qt.ItemDataRole.UserRole)
        if article_id is not None and article_id != self.article_id:
            self.open_article(int(article_id))

    def navigation_ids(self) -> list[int]:
        return self.article_model.ids

    def navigation_row(self, article_id: int | None) -> int | None:
        return None if article_id is None else self.article_model.row_of(article_id)

    def edge_message(self, last: bool) -> str:
        return tr("This is the last article in the list.") if last else tr("This is the first article in the list.")

    def _set_status(self, status: str, comment: str | None = None) -> bool:
        if self.article_id is None:
            return False
        ok = self._guard(lambda: self.project.set_status(self.article_id, self.annotator, status, comment))
        if ok is None and self.banner.isVisible():
            return False
        self.article_model.refresh_article(self.article_id)
        self._update_status()
        return True

    def mark_done_and_next(self) -> None:
        if self._set_status("done"):
            if self.hub_sync is not None:
                self.hub_sync.article_finished()
            self.next_article()

    def skip_article(self) -> None:
        if self._set_status("skipped"):
            self.next_article()

    def flag_article(self, comment: str) -> None:
        self._set_status("flagged", comment.strip() or None)

    def flag_article_dialog(self) -> None:
        comment, ok = QInputDialog.getMultiLineText(self, tr("Flag article"), tr("What is wrong with this article?"))
        if ok:
            self.flag_article(comment)

    def _apply_filter(self) -> None:
        self.article_model.set_filter(self.status_filter.currentData(), self.search_edit.text())
        if self.article_id is not None:
            row = self.article_model.row_of(self.article_id)
            if row is not None:
                self.article_table.selectRow(row)
        self._update_status()

    # ------------------------------------------------------------------- spans
    def _show_spans(self) -> None:
        self.view.set_spans(self.spans, self.selected_span_id)
        self.span_model.set_content(self.view.text, self.spans, {lab.name: lab for lab in self.labels})
        self.span_heading.setText(tr("Spans") + f" ({len(self.spans)})")
        self._filter_suggestions()

    def _reload_spans(self, article_id: int, spans: list[Span] | None = None) -> None:
        """After any change in the store: show what is stored now.

        ``spans``, when given, is that state already known from the write that just
        committed (this article's spans plus the one added, minus the one deleted):
        re-reading 1,500 spans after every keypress would cost more than the write.
        """
        if article_id != self.article_id:
            self.open_article(article_id)
        else:
            self.spans = spans if spans is not None else self.project.spans(article_id, self.annotator)
            if self.selected_span_id not in {s.id for s in self.spans}:
                self.selected_span_id = None
            self._show_spans()
        self.article_model.refresh_article(article_id)
        self._update_status()

    def _push(self, command) -> None:
        """Record a committed edit; a later undo/redo the store refuses is reported here."""
        command.on_error = self.report_error
        self.undo_stack.push(command)

    def _span_by_id(self, span_id: int | None) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

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
            self.create_span(*selection, label, exact=self.view.exact_selection or self.exact_button.isChecked())
        elif self.selected_span_id is not None:
            self.relabel_selected(label)
        else:
            sugg = self._suggestion_at_cursor()
            if sugg is not None:  # a label key on a suggestion accepts it with that label
                self._accept([replace(sugg, label=label)])
            else:
                self.statusBar().showMessage(tr("Select some text first."), 3000)

    def span_bounds(self, start: int, end: int, *, exact: bool = False) -> tuple[int, int]:
        """Where a selection becomes a span: whole words, clitics and quotes left out."""
        if exact:
            return start, end
        from ..core.text import snap_span

        return snap_span(self.view.text, start, end)

    def create_span(self, start: int, end: int, label: str, *, exact: bool = False,
                    origin: str = "manual", attributes: dict | None = None) -> Span | None:
        article_id = self.article_id
        if article_id is None:
            return None
        s, e = self.span_bounds(start, end, exact=exact)
        attrs = dict(attributes or {})
        if label == "COUNT" and not attrs:
            attrs = self._count_attributes(s, e)
        span = self._guard(lambda: self.project.add_span(article_id, self.annotator, s, e, label, attrs, origin))
        if span is None:
            return None
        self._push(AddSpans(self.project, article_id, self.annotator, [span], self._reload_spans,
                                      tr("add span")))
        self.selected_span_id = span.id
        self.view.place_cursor_cp(span.end)
        self._reload_spans(article_id, sorted([*self.spans, span], key=lambda x: (x.start, x.end)))
        return span

    def _count_attributes(self, start: int, end: int) -> dict:
        try:
            from ..core.counts import count_attributes
        except ImportError:
            return {}
        return count_attributes(self.view.text, start, end)

    def relabel_selected(self, label: str) -> None:
        before = self._span_by_id(self.selected_span_id)
        if before is None or before.label == label or self.article_id is None:
            return
        attrs = before.attributes
        if label == "COUNT" and not attrs:
            attrs = self._count_attributes(before.start, before.end)
        self._update(before, replace(before, label=label, attributes=attrs), tr("relabel span"))

    def _update(self, before: Span, after: Span, text: str) -> bool:
        article_id = self.article_id
        if (after.label, after.attributes, after.start, after.end) == \
                (before.label, before.attributes, before.start, before.end):
            return True  # nothing changes: no write, and no undo step that would do nothing
        saved = self._guard(
            lambda: self.project.update_span(before.id, label=after.label, attributes=after.attributes,
                                             start=after.start, end=after.end)
        )
        if saved is None:
            return False
        self._push(UpdateSpan(self.project, article_id, self.annotator, before, saved,
                                        self._reload_spans, text))
        self._reload_spans(article_id)
        return True

    def _edit_attributes(self, span: Span, attributes: dict) -> bool:
        return self._update(span, replace(span, attributes=attributes), tr("edit attributes"))

    def delete_selected_span(self) -> None:
        span = self._span_by_id(self.selected_span_id)
        if span is None:
            # Delete with the cursor inside a span deletes that span.
            item = self.view.shown_at(self.view.cursor_cp())
            span = self._span_by_id(item.span_id) if item is not None else None
        if span is None or self.article_id is None:
            return
        article_id = self.article_id
        if self._guard(lambda: self.project.delete_span(span.id)) is None:
            return
        self._push(DeleteSpan(self.project, article_id, self.annotator, span, self._reload_spans))
        self.selected_span_id = None
        self._reload_spans(article_id, [s for s in self.spans if s.id != span.id])

    def select_span(self, span_id: int | None) -> None:
        self.selected_span_id = span_id if self._span_by_id(span_id) is not None else None
        self.view.set_spans(self.spans, self.selected_span_id)
        row = self.span_model.row_of(self.selected_span_id)
        if row is not None:
            self.span_table.selectRow(row)
        else:
            self.span_table.clearSelection()

    def _span_row_clicked(self, index) -> None:
        span_id = self.span_model.data(index, Qt.ItemDataRole.UserRole)
        span = self._span_by_id(span_id)
        if span is None:
            return
        self.select_span(span.id)
        self.view.place_cursor_cp(span.start)
        self.view.setFocus()

    def toggle_clitic(self) -> None:
        """Take the proclitic into the selected span, or leave it out again."""
        span = self._span_by_id(self.selected_span_id)
        if span is None:
            return
        from ..core.text import snap_span

        text = self.view.text
        with_clitic = snap_span(text, span.start, span.end, keep_clitic=True)
        without = snap_span(text, span.start, span.end)
        target = without if (span.start, span.end) == with_clitic and with_clitic != without else with_clitic
        if target == (span.start, span.end):
            self.statusBar().showMessage(tr("This span has no clitic to toggle."), 3000)
            return
        self._update(span, replace(span, start=target[0], end=target[1]), tr("toggle clitic"))

    def label_all_mentions(self) -> None:
        """Label the other occurrences of the selected span's text with its label."""
        span = self._span_by_id(self.selected_span_id)
        if span is None or self.article_id is None:
            self.statusBar().showMessage(tr("Select a span first."), 3000)
            return
        from ..core.mentions import find_mentions

        ranges = find_mentions(self.view.text, span.start, span.end, self.spans)
        new = [Span(a, b, span.label, dict(span.attributes) if span.label != "COUNT" else self._count_attributes(a, b),
                    span.origin) for a, b in ranges]
        if not new:
            self.statusBar().showMessage(tr("No other mentions."), 3000)
            return
        self._add_many(new, tr("label all mentions"))

    def _add_many(self, spans: list[Span], text: str) -> list[Span]:
        article_id = self.article_id
        saved = self._guard(lambda: self.project.add_spans(article_id, self.annotator, spans))
        if not saved:
            return []
        self._push(AddSpans(self.project, article_id, self.annotator, saved, self._reload_spans, text))
        self._reload_spans(article_id)
        self.statusBar().showMessage(f"{text}: {len(saved)}", 3000)
        return saved

    # ------------------------------------------------------------- suggestions
    def _suggest_source_changed(self) -> None:
        self.settings.setValue("suggest_source", self.suggest_source.currentData())
        self._request_suggestions()

    def suggestion_options(self, source: str) -> dict:
        if source == "model":
            from ..core.models_registry import current_model_path

            path = current_model_path(self.project)
            return {"model_path": path} if path else {}
        return {}

    def _release_suggestions(self) -> None:
        self._hold_suggestions = False
        self._request_suggestions()

    def _request_suggestions(self) -> None:
        self._suggest_generation += 1
        self.suggestions = []
        self.view.set_suggestions([])
        source = self.suggest_source.currentData()
        if source == "off" or self.article_id is None:
            self.suggest_info.setText("")
            return
        from ..core.preannotate import stored_suggestions

        stored = stored_suggestions(self.project, self.article_id, source)
        if stored is not None:  # pre-annotated with `annotator suggest`: no model needed
            self.suggestions = stored
            self._filter_suggestions()
            return
        try:
            options = self.suggestion_options(source)
        except AnnotatorError as exc:
            self.suggest_info.setText(str(exc))
            return
        self.suggest_info.setText(tr("working…"))
        if self._hold_suggestions:
            return  # _release_suggestions asks again once the window is up
        job = SuggestJob(self.article_id, self.view.text, source, options)
        generation = self._suggest_generation
        # The pool deletes a finished job at once, in its thread; unowned, the signals object
        # went with it and the queued result was dropped (or the process crashed). The
        # window owns it until the result has been delivered.
        signals = job.signals
        signals.setParent(self)

        def finished(aid: int, _src: str, res: list) -> None:
            signals.deleteLater()
            self._suggestions_ready(generation, aid, res)

        def failed(_aid: int, _src: str, msg: str) -> None:
            signals.deleteLater()
            self._suggestions_failed(generation, msg)

        signals.finished.connect(finished)
        signals.failed.connect(failed)
        pool().start(job)

    def _suggestions_ready(self, generation: int, article_id: int, result: list[Suggestion]) -> None:
        if generation != self._suggest_generation or article_id != self.article_id:
            return  # the user has moved on
        self.suggestions = list(result)
        self._filter_suggestions()

    def _suggestions_failed(self, generation: int, message: str) -> None:
        if generation == self._suggest_generation:
            self.suggest_info.setText(message.splitlines()[0] if message else "")

    def _filter_suggestions(self) -> None:
        if self.article_id is None:
            return
        rejected = self.project.rejected_suggestions(self.article_id, self.annotator)
        shown = [
            s for s in self.suggestions
            if s.key() not in rejected and not any(s.start < x.end and x.start < s.end for x in self.spans)
        ]
        self.visible_suggestions = shown
        self.view.set_suggestions(shown)
        if self.suggest_source.currentData() != "off" and (self.suggestions or shown):
            self.suggest_info.setText(tr("%1 suggestions — Enter accepts, Backspace rejects").replace("%1", str(len(shown))))

    def _suggestion_at_cursor(self) -> Suggestion | None:
        cp = self.view.cursor_cp()
        selection = self.view.selection_cp()
        for s in getattr(self, "visible_suggestions", []):
            if selection and s.start < selection[1] and selection[0] < s.end:
                return s
            if s.start <= cp < s.end or (cp == s.end and s.start < cp):
                return s
        return None

    def _accept(self, suggestions: list[Suggestion]) -> list[Span]:
        spans = [Span(s.start, s.end, s.label, dict(s.attributes), s.origin) for s in suggestions]
        return self._add_many(spans, tr("accept suggestion") if len(spans) == 1 else tr("accept all suggestions"))

    def accept_suggestion_at_cursor(self) -> None:
        sugg = self._suggestion_at_cursor()
        if sugg is None:
            self.statusBar().showMessage(tr("No suggestion under the cursor."), 3000)
            return
        saved = self._accept([sugg])
        if saved:
            self._move_to_next_suggestion(saved[0].end)

    def reject_suggestion_at_cursor(self) -> None:
        sugg = self._suggestion_at_cursor()
        if sugg is None or self.article_id is None:
            return
        article_id = self.article_id
        # reject_suggestion returns None; "or True" tells success from _guard's None (refused).
        if self._guard(lambda: self.project.reject_suggestion(article_id, self.annotator, sugg.start, sugg.end,
                                                                sugg.label) or True) is None:
            return
        self._filter_suggestions()
        self._move_to_next_suggestion(sugg.end)

    def _move_to_next_suggestion(self, after: int) -> None:
        nxt = next((s for s in self.visible_suggestions if s.start >= after), None)
        if nxt is not None:
            self.view.place_cursor_cp(nxt.start)

    def accept_all_suggestions(self) -> None:
        shown = list(getattr(self, "visible_suggestions", []))
        # Suggestions may overlap one another; accept the first of each overlapping run.
        chosen: list[Suggestion] = []
        for s in sorted(shown, key=lambda x: (x.start, -(x.end - x.start))):
            if not any(s.start < c.end and c.start < s.end for c in chosen):
                chosen.append(s)
        if chosen:
            self._accept(chosen)

    # ------------------------------------------------------------------ status
    def _tick(self) -> None:
        self._update_time_label()
        # Time is saved every minute so a crash loses at most a minute of timing.
        if time.monotonic() - self._opened_at - self._seconds_flushed >= 60:
            self._flush_time()

    def _elapsed(self) -> float:
        return time.monotonic() - self._opened_at

    def _flush_time(self) -> None:
        if self.article_id is None:
            return
        pending = self._elapsed() - self._seconds_flushed
        if pending >= 1:
            article_id = self.article_id
            if self._guard(lambda: self.project.add_seconds(article_id, self.annotator, pending)) is not None or \
                    not self.banner.isVisible():
                self._seconds_flushed += pending

    def _update_time_label(self) -> None:
        previous = 0.0
        if self.article_id is not None:
            ann = self.project.annotation(self.article_id, self.annotator)
            previous = ann.seconds if ann else 0.0
        total = int(previous + self._elapsed() - self._seconds_flushed)
        self.status_time.setText("⏱ " + f"{total // 60:02d}:{total % 60:02d}")

    def _update_status(self) -> None:
        self.status_annotator.setText(tr("Annotator:") + f" {self.annotator}")
        n = len(self.article_model.ids)
        row = self.article_model.row_of(self.article_id) if self.article_id is not None else None
        pos = (row + 1) if row is not None else 0
        self.status_position.setText(tr("Article") + f" {pos} / {n}")
        self.status_done.setText(tr("Done:") + f" {self.project.done_count(self.annotator)}")
        self._update_time_label()

    def _update_title(self) -> None:
        name = self.project.setting("project_name") or self.project.path.stem
        self.setWindowTitle(f"{name} — {self.annotator} — " + tr("Arabic News Annotator"))

    # ------------------------------------------------------------------- dialogs
    def open_project_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Open project"), str(self.project.path.parent),
                                              tr("Project files (*.db *.sqlite);;All files (*)"))
        if path:
            self.open_project(path)

    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Import articles"), str(self.project.path.parent),
            tr("Articles (*.jsonl *.txt *.csv);;All files (*)"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]):  # -> ImportJob
        """Import in a worker with a progress line; the list refreshes when it is done."""
        from .workers import ImportJob

        job = ImportJob(str(self.project.path), list(paths), self.annotator)
        signals = job.signals
        signals.setParent(self)  # keep it alive until its last signal is delivered
        self.statusBar().showMessage(tr("Importing…"))

        def progress(n: int) -> None:
            self.statusBar().showMessage(tr("Importing…") + f" {n:,}")

        def finished(summary) -> None:
            signals.deleteLater()
            self.article_model.reload()
            if self.article_id is None and self.article_model.ids:
                self.open_article(self.article_model.ids[0])
            self._update_status()
            message = tr("Imported:") + f" {summary.line()}"
            if summary.errors:
                message += " — " + str(summary.errors[0])
            self.statusBar().showMessage(message, 15000)
            self.last_import = summary

        def failed(message: str) -> None:
            signals.deleteLater()
            self.report_error(message)

        signals.progress.connect(progress)
        signals.finished.connect(finished)
        signals.failed.connect(failed)
        pool().start(job)
        return job

    def open_project(self, path: str) -> QMainWindow | None:
        """Replace this window by one on another project file (same annotator)."""
        from . import create_main_window

        window = self._guard(lambda: create_main_window(path, self.annotator))
        if window is None:
            return None
        window.show()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closes this project file too
        self.close()
        return window

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.hub_sync is not None:
            self.hub_sync.stop()
        self._flush_time()
        pool().waitForDone(5000)
        super().closeEvent(event)


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
