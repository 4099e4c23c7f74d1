"""The annotation workbench: article list, article view, label palette and span list.

The window shows an :class:`~annotator.core.session.AnnotationSession` and binds the
widgets to its methods; what an action does lives in the session.
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMainWindow, QVBoxLayout, QWidget

from ..core.errors import AnnotatorError
from ..core.model import Label, Span, Suggestion
from ..core.session import AnnotationSession
from ..core.store import Project
from .article_view import ArticleView
from .i18n import arabic_ui, neutralise
from .undo import bind_history
from .window_base import WindowBase
from .workbench_parts import (
    build_article_list,
    build_exact_button,
    build_span_list,
    build_suggestion_bar,
    window_icon,
)
from .workers import SuggestJob, WarmUpJob, pool, start_job

__all__ = ["MainWindow", "window_icon"]
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def step_text(text: str) -> str:
    """An undo step's name as the Edit menu shows it (the session names its steps in English)."""
    names = {
        "add span": tr("add span"), "relabel span": tr("relabel span"), "edit attributes": tr("edit attributes"),
        "toggle clitic": tr("toggle clitic"), "label all mentions": tr("label all mentions"),
        "accept suggestion": tr("accept suggestion"), "accept all suggestions": tr("accept all suggestions"),
        "reject suggestion": tr("reject suggestion"), "delete span": tr("delete span"),
    }
    return names.get(text, text)


class MainWindow(WindowBase):
    """One annotator's window over one project."""

    def __init__(self, project: Project, annotator: str, settings: QSettings | None = None):
        super().__init__()
        self.project = project
        self.session = AnnotationSession(project, annotator)
        self.annotator = self.session.annotator
        self.settings = settings or QSettings()
        self.labels: list[Label] = project.labels()
        self.label_by_key = {lab.key: lab for lab in self.labels if lab.key}
        self.article_id: int | None = None
        self.selected_span_id: int | None = None
        self._opened_at = time.monotonic()
        self._seconds_flushed = 0.0
        self._suggest_generation = 0
        # No suggester job until the window has shown its first article: a job imports
        # spaCy (and torch) in a thread, which would compete with start-up for the GIL.
        self._hold_suggestions = True
        self.undo_stack = QUndoStack(self)
        bind_history(self.session.history, self.undo_stack, self._run_history, step_text)
        self.setObjectName("mainWindow")
        self._build()
        self._build_actions()
        self._update_title()
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self._open_initial_article()
        # After the first paint, load what the first selection will need, off the GUI thread.
        QTimer.singleShot(300, lambda: pool().start(WarmUpJob()))
        QTimer.singleShot(300, self._release_suggestions)

    # The session's state, read by the view code and the tests.
    @property
    def spans(self) -> list[Span]:
        return self.session.spans

    @property
    def suggestions(self) -> list[Suggestion]:
        return self.session.suggestions

    @property
    def visible_suggestions(self) -> list[Suggestion]:
        return self.session.visible_suggestions

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.resize(1400, 860)
        left = build_article_list(self)
        centre = QWidget()
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(0)
        cv.addWidget(self.make_banner())
        self.make_title_label()
        self.meta_label = self.make_data_label("articleMeta")
        self.meta_label.setStyleSheet(
            "QLabel#articleMeta { color: #6b6b6b; padding: 0 28px 8px 28px; background: #fffdf8; }")
        cv.addWidget(self.title_label)
        cv.addWidget(self.meta_label)
        bar, layout = self.make_palette()
        layout.addWidget(build_exact_button(self))
        cv.addWidget(bar)
        self.view = ArticleView()
        self.prepare_view(self.view)
        cv.addWidget(self.view, 1)
        cv.addWidget(build_suggestion_bar(self))
        self.view.labelKeyPressed.connect(self.label_key)
        self.view.deletePressed.connect(self.delete_selected_span)
        self.view.acceptSuggestionPressed.connect(self.accept_suggestion_at_cursor)
        self.view.rejectSuggestionPressed.connect(self.backspace)
        self.view.spanClicked.connect(self.select_span)
        self.view.escapePressed.connect(lambda: self.select_span(None))
        right = build_span_list(self)
        self.install_panes(left, centre, right, [330, 760, 330])
        self.status_annotator, self.status_position, self.status_done, self.status_time = \
            self.make_status_labels(4)

    def _build_actions(self) -> None:
        # In a right-to-left layout the next article lies to the left.
        next_key, prev_key = ("Alt+Left", "Alt+Right") if arabic_ui() else ("Alt+Right", "Alt+Left")
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
        last = self.session.last_article()
        if last is not None and self.article_model.row_of(last) is not None:
            self.open_article(last)
        elif self.article_model.ids:
            self.open_article(self.article_model.ids[0])
        else:
            self.view.set_article("")
            self.title_label.setText(tr("This project has no articles yet. Import some with: annotator import"))
            self._update_status()

    def open_article(self, article_id: int) -> None:
        """Show an article (and this annotator's spans on it)."""
        self._flush_time()
        self.session.open(article_id)
        article = self.project.article(article_id)
        self.article_id = article_id
        self.article = article
        self.selected_span_id = None
        self.title_label.setText(neutralise(article.title) or f"#{article.id}")
        meta = " · ".join(neutralise(x) for x in (article.source, article.published, article.url) if x)
        self.meta_label.setText(meta)
        self.meta_label.setVisible(bool(meta))
        self.view.set_article(article.text)
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
        self._guard(self.session.remember_article)
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

    def _set_status(self, action) -> bool:  # type: ignore[no-untyped-def]
        if self.article_id is None:
            return False
        if self._guard(lambda: action() or True) is None and self.banner.isVisible():
            return False
        self.article_model.refresh_article(self.article_id)
        self._update_status()
        return True

    def mark_done_and_next(self) -> None:
        if self._set_status(self.session.mark_done):
            self.next_article()

    def skip_article(self) -> None:
        if self._set_status(self.session.skip):
            self.next_article()

    def flag_article(self, comment: str) -> None:
        self._set_status(lambda: self.session.flag(comment))

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
        if self.selected_span_id not in {s.id for s in self.spans}:
            self.selected_span_id = None
        self.view.set_spans(self.spans, self.selected_span_id)
        self.span_model.set_content(self.view.text, self.spans, {lab.name: lab for lab in self.labels})
        self.span_heading.setText(tr("Spans") + f" ({len(self.spans)})")
        self._show_suggestions()

    def _changed(self) -> None:
        """After an action: show what the session holds now."""
        self._show_spans()
        if self.article_id is not None:
            self.article_model.refresh_article(self.article_id)
        self._update_status()

    def _run_history(self, redo: bool) -> bool:
        """Undo or redo the session's last step; show the article it was on."""
        step = self._guard(self.session.redo if redo else self.session.undo)
        if step is not None and step.article_id != self.article_id:
            self.open_article(step.article_id)
        else:
            self.session.reload()
            self._changed()
        return step is not None

    def _span_by_id(self, span_id: int | None) -> Span | None:
        return self.session.span(span_id)

    def _act(self, action) -> object:  # type: ignore[no-untyped-def]
        """Run a session action; refused (None) or done, the window shows the session after."""
        result = self._guard(action)
        self._changed()
        return result

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
                self._act(lambda: self.session.accept_suggestions([sugg], label))
            else:
                self.statusBar().showMessage(tr("Select some text first."), 3000)

    def create_span(self, start: int, end: int, label: str, *, exact: bool = False,
                    origin: str = "manual", attributes: dict | None = None) -> Span | None:
        if self.article_id is None:
            return None
        span = self._guard(lambda: self.session.create_span(start, end, label, exact=exact, origin=origin,
                                                            attributes=attributes))
        if span is not None:
            self.selected_span_id = span.id
            self.view.place_cursor_cp(span.end)
        self._changed()
        return span

    def relabel_selected(self, label: str) -> None:
        if self.selected_span_id is not None:
            self._act(lambda: self.session.relabel(self.selected_span_id, label))

    def _edit_attributes(self, span: Span, attributes: dict) -> bool:
        return self._act(lambda: self.session.edit_attributes(span.id, attributes)) is not None

    def _span_under_cursor(self) -> Span | None:
        span = self._span_by_id(self.selected_span_id)
        if span is None:
            item = self.view.shown_at(self.view.cursor_cp())
            span = self._span_by_id(item.span_id) if item is not None else None
        return span

    def delete_selected_span(self) -> None:
        """Delete the selected span, else the one the cursor is in."""
        span = self._span_under_cursor()
        if span is None or self.article_id is None:
            return
        if self._act(lambda: self.session.delete_span(span.id)) is not None:
            self.selected_span_id = None
            self._changed()

    def backspace(self) -> None:
        """Backspace deletes a selected span (like Delete), else rejects the suggestion there."""
        if self._span_by_id(self.selected_span_id) is not None:
            self.delete_selected_span()
        else:
            self.reject_suggestion_at_cursor()

    def select_span(self, span_id: int | None) -> None:
        self.selected_span_id = span_id if self._span_by_id(span_id) is not None else None
        self.view.set_spans(self.spans, self.selected_span_id)
        row = self.span_model.row_of(self.selected_span_id)
        if row is not None:
            self.span_table.selectRow(row)
        else:
            self.span_table.clearSelection()

    def _span_row_clicked(self, index) -> None:
        span = self._span_by_id(self.span_model.data(index, Qt.ItemDataRole.UserRole))
        if span is None:
            return
        self.select_span(span.id)
        self.view.place_cursor_cp(span.start)
        self.view.setFocus()

    def toggle_clitic(self) -> None:
        """Take the proclitic into the selected span, or leave it out again."""
        if self._span_by_id(self.selected_span_id) is None:
            return
        if self._act(lambda: self.session.toggle_clitic(self.selected_span_id) or False) is False:
            self.statusBar().showMessage(tr("This span has no clitic to toggle."), 3000)

    def label_all_mentions(self) -> None:
        """Label the other occurrences of the selected span's text with its label."""
        if self._span_by_id(self.selected_span_id) is None or self.article_id is None:
            self.statusBar().showMessage(tr("Select a span first."), 3000)
            return
        saved = self._act(lambda: self.session.label_all_mentions(self.selected_span_id))
        if saved == []:
            self.statusBar().showMessage(tr("No other mentions."), 3000)
        elif saved:
            self.statusBar().showMessage(f"{tr('label all mentions')}: {len(saved)}", 3000)  # type: ignore[arg-type]

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
        self.session.set_suggestions([])
        self.view.set_suggestions([])
        source = self.suggest_source.currentData()
        if source == "off" or self.article_id is None:
            self.suggest_info.setText("")
            return
        from ..core.preannotate import stored_suggestions

        stored = stored_suggestions(self.project, self.article_id, source)
        if stored is not None:  # pre-annotated with `annotator suggest`: no model needed
            self.session.set_suggestions(stored)
            self._show_suggestions()
            return
        try:
            options = self.suggestion_options(source)
        except AnnotatorError as exc:
            self.suggest_info.setText(str(exc))
            return
        self.suggest_info.setText(tr("working…"))
        if self._hold_suggestions:
            return  # _release_suggestions asks again once the window is up
        generation, article_id = self._suggest_generation, self.article_id
        start_job(self, SuggestJob(self.view.text, source, options),
                  finished=lambda result: self._suggestions_ready(generation, article_id, result),
                  failed=lambda message: self._suggestions_failed(generation, message))

    def _suggestions_ready(self, generation: int, article_id: int, result: list[Suggestion]) -> None:
        if generation != self._suggest_generation or article_id != self.article_id:
            return  # the user has moved on
        self.session.set_suggestions(result)
        self._show_suggestions()

    def _suggestions_failed(self, generation: int, message: str) -> None:
        if generation == self._suggest_generation:
            self.suggest_info.setText(message.splitlines()[0] if message else "")

    def _show_suggestions(self) -> None:
        if self.article_id is None:
            return
        shown = self.session.set_suggestions(self.session.suggestions)
        self.view.set_suggestions(shown)
        if self.suggest_source.currentData() != "off" and (self.suggestions or shown):
            self.suggest_info.setText(tr("%1 suggestions — Enter accepts, Backspace rejects").replace("%1", str(len(shown))))

    def _suggestion_at_cursor(self) -> Suggestion | None:
        cp = self.view.cursor_cp()
        selection = self.view.selection_cp()
        for s in self.visible_suggestions:
            if selection and s.start < selection[1] and selection[0] < s.end:
                return s
            if s.start <= cp < s.end or (cp == s.end and s.start < cp):
                return s
        return None

    def accept_suggestion_at_cursor(self) -> None:
        sugg = self._suggestion_at_cursor()
        if sugg is None:
            self.statusBar().showMessage(tr("No suggestion under the cursor."), 3000)
            return
        saved = self._act(lambda: self.session.accept_suggestions([sugg]))
        if saved:
            self._move_to_next_suggestion(saved[0].end)  # type: ignore[index]

    def reject_suggestion_at_cursor(self) -> None:
        sugg = self._suggestion_at_cursor()
        if sugg is None or self.article_id is None:
            return
        if self._act(lambda: self.session.reject_suggestion(sugg) or True) is not None:
            self._move_to_next_suggestion(sugg.end)

    def _move_to_next_suggestion(self, after: int) -> None:
        nxt = next((s for s in self.visible_suggestions if s.start >= after), None)
        if nxt is not None:
            self.view.place_cursor_cp(nxt.start)

    def accept_all_suggestions(self) -> None:
        if self.visible_suggestions:
            self._act(self.session.accept_all)

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
        if pending >= 1 and (self._guard(lambda: self.session.add_seconds(pending) or True) is not None
                             or not self.banner.isVisible()):
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
        self.setWindowTitle(neutralise(f"{name} — {self.annotator} — ") + tr("Arabic News Annotator"))

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

        self.statusBar().showMessage(tr("Importing…"))

        def progress(n: int) -> None:
            self.statusBar().showMessage(tr("Importing…") + f" {n:,}")

        def finished(summary) -> None:
            self.article_model.reload()
            if self.article_id is None and self.article_model.ids:
                self.open_article(self.article_model.ids[0])
            self._update_status()
            message = tr("Imported:") + f" {summary.line()}"
            if summary.errors:
                message += " — " + str(summary.errors[0])
            self.statusBar().showMessage(message, 15000)
            self.last_import = summary

        job = ImportJob(str(self.project.path), list(paths), self.annotator)
        return start_job(self, job, finished=finished, failed=self.report_error, progress=progress)

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

    def closeEvent(self, event) -> None:
        self._flush_time()
        pool().waitForDone(5000)
        super().closeEvent(event)
