"""The annotation workbench: article list, article view, label palette and span list.

The window shows an :class:`~annotator.core.session.AnnotationSession` and binds the
widgets to its methods; what an action does lives in the session.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from ..core.domain import Label, Span, Suggestion
from ..core.session import AnnotationSession
from ..core.session.annotation import MentionsLabelled
from ..core.store import Project
from . import project_files
from .article_clock import ArticleClock
from .article_view import ArticleView
from .i18n import arabic_ui, isolate, neutralise, plural_form
from .item_models import ArticleTableModel
from .search_index import attach as attach_search_index
from .suggestion_feed import SuggestionFeed
from .sync_status import attach as attach_hub_sync
from .undo import bind_history
from .window_base import WindowBase
from .workbench_parts import ask_flag_comment, build_actions, build_window, settle_unreviewed, window_icon
from .workers import ImportJob, pool, start_warm_up

if TYPE_CHECKING:
    from .model_training import ModelTrainer

__all__ = ["MainWindow", "window_icon"]
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def tr_n(text: str, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return plural_form(QCoreApplication.translate("MainWindow", text, None, n), n)


def step_text(text: str) -> str:
    """An undo step's name as the Edit menu shows it (the session names its steps in English)."""
    names = {
        "add span": tr("add span"), "relabel span": tr("relabel span"), "edit attributes": tr("edit attributes"),
        "toggle clitic": tr("toggle clitic"), "label all mentions": tr("label all mentions"),
        "accept suggestion": tr("accept suggestion"), "accept all suggestions": tr("accept all suggestions"),
        "reject all suggestions": tr("reject all suggestions"),
        "reject suggestion": tr("reject suggestion"), "delete span": tr("delete span"),
    }
    return names.get(text, text)


def mentions_sentence(result: MentionsLabelled) -> str:
    """What "label all mentions" did, as the annotator reads it."""
    n = len(result.saved)
    parts = [tr_n("Labelled %n more mention.|Labelled %n more mentions.", n) if n
             else tr("No other mention was free to label.")]
    if result.inside_longer:
        parts.append(tr_n("%n was left alone inside a longer name.|%n were left alone inside longer names.",
                          result.inside_longer))
    if result.already_labelled:
        parts.append(tr_n("%n was already labelled.|%n were already labelled.", result.already_labelled))
    return " ".join(parts)


class MainWindow(WindowBase):
    """One annotator's window over one project."""

    # Built by workbench_parts.build_window.
    article_model: ArticleTableModel
    view: ArticleView

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
        self.suggestion_feed = SuggestionFeed(self)
        self.undo_stack = QUndoStack(self)
        bind_history(self.session.history, self.undo_stack, self._run_history, step_text)
        self.setObjectName("mainWindow")
        build_window(self)
        self._trainer: ModelTrainer | None = None
        build_actions(self)
        self.hub_sync = attach_hub_sync(self, project)  # None without a team hub
        self.search_index = attach_search_index(self, self._apply_filter)
        self._update_title()
        self.clock = ArticleClock(self)
        self._open_initial_article()
        # After the first paint, load what the first selection will need, off the GUI thread.
        # A timer of the window's own, stopped when it closes: a window closed within those
        # 300 ms must not ask its (maybe closed) project for suggestions.
        self._startup_timer = QTimer(self)
        self._startup_timer.setSingleShot(True)
        self._startup_timer.setInterval(300)
        self._startup_timer.timeout.connect(start_warm_up)
        self._startup_timer.timeout.connect(self.suggestion_feed.release)
        self._startup_timer.start()

    @property
    def trainer(self) -> ModelTrainer:
        """Model → Train's machinery, built on first use (start-up does not pay for it)."""
        if self._trainer is None:
            from .model_training import ModelTrainer

            self._trainer = ModelTrainer(self)
        return self._trainer

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
            self.update_status()

    def open_article(self, article_id: int) -> None:
        """Show an article (and this annotator's spans on it)."""
        self.clock.flush()
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
        row = self.article_model.row_of(article_id)
        if row is not None:
            self.select_row(self.article_table, row)
        self._guard(self.session.remember_article)
        self.update_status()
        self.view.setFocus()
        self.suggestion_feed.request()

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
        self.update_status()
        return True

    def mark_done_and_next(self) -> None:
        if not settle_unreviewed(self):
            return
        if self._set_status(self.session.mark_done):
            if self.hub_sync is not None:
                self.hub_sync.article_finished()
            self.next_article()

    def skip_article(self) -> None:
        if self._set_status(self.session.skip):
            self.next_article()

    def flag_article(self, comment: str) -> None:
        self._set_status(lambda: self.session.flag(comment))

    def flag_article_dialog(self) -> None:
        comment = ask_flag_comment(self)
        if comment is not None:
            self.flag_article(comment)

    def _apply_filter(self) -> None:
        search = self.search_edit.text()
        if self.search_index.defers(search):
            return  # applied when the search index has caught up
        self.article_model.set_filter(self.status_filter.currentData(), search)
        if self.article_id is not None:
            row = self.article_model.row_of(self.article_id)
            if row is not None:
                self.article_table.selectRow(row)
        self.update_status()

    # ------------------------------------------------------------------- spans
    def _show_spans(self) -> None:
        if self.selected_span_id not in {s.id for s in self.spans}:
            self.selected_span_id = None
        self.view.set_spans(self.spans, self.selected_span_id)
        self.span_model.set_content(self.view.text, self.spans, {lab.name: lab for lab in self.labels})
        self.span_heading.setText(tr("Spans") + f" ({len(self.spans)})")
        self.suggestion_feed.show()

    def _changed(self) -> None:
        """After an action: show what the session holds now (and learn it as patterns)."""
        self.suggestion_feed.learn()
        self._show_spans()
        if self.article_id is not None:
            self.article_model.refresh_article(self.article_id)
        self.update_status()

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
            sugg = self.suggestion_feed.at_cursor()
            if sugg is not None:  # a label key on a suggestion accepts it with that label
                self._act(lambda: self.session.accept_suggestions([sugg], label))
            else:
                self.statusBar().showMessage(tr("Select some text first."), 3000)

    def create_span(self, start: int, end: int, label: str, *, exact: bool = False,
                    origin: str = "manual", attributes: dict | None = None) -> Span | None:
        if self.article_id is None:
            return None
        clash = self.session.overlapping(start, end, exact=exact)
        if clash is not None:
            lab = next((x for x in self.labels if x.name == clash.label), None)
            shown = neutralise((lab.name_ar if arabic_ui() else lab.name_en) or lab.name) if lab else clash.label
            sentence = tr("This selection overlaps the %1 span «%2». Delete or relabel it first, or select less.")
            # Shown as is, not through report_error: the isolates keep the label and the
            # quoted Arabic in their places inside the sentence.
            self.statusBar().showMessage(sentence.replace("%1", isolate(shown)).replace(
                "%2", isolate(neutralise(self.session.text[clash.start:clash.end]))), 8000)
            QApplication.beep()
            return None
        span = self._guard(lambda: self.session.create_span(start, end, label, exact=exact, origin=origin,
                                                            attributes=attributes))
        if span is not None:
            self.selected_span_id = span.id
            self.view.place_cursor_cp(span.end)
        self._changed()
        return span

    def relabel_span(self, span_id: int, label: str) -> None:
        self.selected_span_id = span_id
        self._act(lambda: self.session.relabel(span_id, label))

    def delete_span(self, span_id: int) -> None:
        self._act(lambda: self.session.delete_span(span_id))

    def show_span_menu(self, point) -> None:  # type: ignore[no-untyped-def]
        """Right-click on the article: relabel, delete, accept or reject what is there."""
        from .span_menu import build_span_menu

        self.span_menu = build_span_menu(self, point)
        self.span_menu.popup(self.view.viewport().mapToGlobal(point))

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
        self._act(lambda: self.session.delete_span(span.id))  # the selection goes with the span

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
        """Label the other occurrences of the selected span's text with its label, and say
        in a sentence what was done and what was left alone."""
        span_id = self.selected_span_id
        if span_id is None or self._span_by_id(span_id) is None or self.article_id is None:
            self.statusBar().showMessage(tr("Select a span first."), 3000)
            return
        result = self._act(lambda: self.session.label_mentions(span_id))
        if isinstance(result, MentionsLabelled):
            self.statusBar().showMessage(mentions_sentence(result), 8000)

    # ------------------------------------------------------------- suggestions
    def accept_suggestion_at_cursor(self) -> None:
        sugg = self.suggestion_feed.at_cursor()
        if sugg is None:
            self.statusBar().showMessage(tr("No suggestion under the cursor."), 3000)
            return
        saved = self._act(lambda: self.session.accept_suggestions([sugg]))
        if saved:
            self.suggestion_feed.move_to_next(saved[0].end)  # type: ignore[index]

    def reject_suggestion_at_cursor(self) -> None:
        sugg = self.suggestion_feed.at_cursor()
        if sugg is None or self.article_id is None:
            return
        if self._act(lambda: self.session.reject_suggestion(sugg) or True) is not None:
            self.suggestion_feed.move_to_next(sugg.end)

    def accept_suggestion(self, sugg: Suggestion, label: str | None = None) -> None:
        self._act(lambda: self.session.accept_suggestions([sugg], label))

    def reject_suggestion(self, sugg: Suggestion) -> None:
        def reject() -> bool:
            self.session.reject_suggestion(sugg)
            return True  # done (None from _act: refused)

        self._act(reject)

    def accept_all_suggestions(self) -> None:
        if self.visible_suggestions:
            self._act(self.session.accept_all)

    # ------------------------------------------------------------------ status
    def update_status(self) -> None:
        self.status_annotator.setText(tr("Annotator:") + f" {self.annotator}")
        n = len(self.article_model.ids)
        row = self.article_model.row_of(self.article_id) if self.article_id is not None else None
        pos = (row + 1) if row is not None else 0
        self.status_position.setText(tr("Article") + f" {pos} / {n}")
        self.status_done.setText(tr("Done:") + f" {self.project.done_count(self.annotator)}")
        self.clock.show_time()

    def _update_title(self) -> None:
        name = self.project.setting("project_name") or self.project.path.stem
        self.setWindowTitle(neutralise(f"{name} — {self.annotator} — ") + tr("Arabic News Annotator"))

    # ------------------------------------------------------------------- dialogs
    def import_files(self, paths: list[str]) -> ImportJob:
        return project_files.import_files(self, paths)

    def open_project(self, path: str) -> QMainWindow | None:
        return project_files.open_project(self, path)

    def closeEvent(self, event) -> None:  # noqa: N802
        self._startup_timer.stop()
        self.search_index.stop()
        if self.hub_sync is not None:
            self.hub_sync.stop()
        if self._trainer is not None:
            self._trainer.cancel()
        self.clock.flush()
        pool().waitForDone(5000)
        super().closeEvent(event)
