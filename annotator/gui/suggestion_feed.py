"""Suggestions for the workbench's open article: asked of the chosen source off the GUI
thread, handed to the session (which filters out rejected and covered ones), then shown."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ..core.domain import Suggestion
from ..core.errors import AnnotatorError
from .workers import SuggestJob, start_job

# The MainWindow these functions build or serve. Not imported (it imports this module):
# the window is the only caller, and the layering stays one-way.
MainWindow = Any


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


class SuggestionFeed(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.generation = 0  # a result for an older request is dropped
        # No suggester job until the window has shown its first article: a job imports
        # spaCy (and torch) in a thread, which would compete with start-up for the GIL.
        self.held = True

    def source(self) -> str:
        return str(self.window.suggest_source.currentData())

    def source_changed(self) -> None:
        self.window.settings.setValue("suggest_source", self.source())
        self.request()

    def release(self) -> None:
        self.held = False
        self.request()

    def options(self, source: str) -> dict:
        if source == "model":
            from ..core.trained_models import current_model_path

            path = current_model_path(self.window.project)
            return {"model_path": path} if path else {}
        return {}

    def request(self) -> None:
        w = self.window
        self.generation += 1
        w.session.set_suggestions([])
        w.view.set_suggestions([])
        source = self.source()
        if source == "off" or w.article_id is None:
            w.suggest_info.setText("")
            return
        from ..core.preannotate import stored_suggestions

        stored = stored_suggestions(w.project, w.article_id, source)
        if stored is not None:  # pre-annotated with `annotator suggest`: no model needed
            w.session.set_suggestions(stored)
            self.show()
            return
        try:
            options = self.options(source)
        except AnnotatorError as exc:
            w.suggest_info.setText(str(exc))
            return
        w.suggest_info.setText(tr("working…"))
        if self.held:
            return  # release() asks again once the window is up
        generation, article_id = self.generation, w.article_id
        start_job(self, SuggestJob(w.view.text, source, options),
                  finished=lambda result: self._ready(generation, article_id, result),
                  failed=lambda message: self._failed(generation, message))

    def _ready(self, generation: int, article_id: int, result: list[Suggestion]) -> None:
        if generation != self.generation or article_id != self.window.article_id:
            return  # the user has moved on
        self.window.session.set_suggestions(result)
        self.show()

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.window.suggest_info.setText(message.splitlines()[0] if message else "")

    def show(self) -> None:
        """Show what the session offers now (after any change of spans or rejections)."""
        w = self.window
        if w.article_id is None:
            return
        shown = w.session.set_suggestions(w.session.suggestions)
        w.view.set_suggestions(shown)
        if self.source() != "off" and (w.session.suggestions or shown):
            hint = tr("%1 suggestions — Enter accepts, Backspace rejects")
            w.suggest_info.setText(hint.replace("%1", str(len(shown))))

    def at_cursor(self) -> Suggestion | None:
        view = self.window.view
        cp = view.cursor_cp()
        selection = view.selection_cp()
        for s in self.window.session.visible_suggestions:
            if selection and s.start < selection[1] and selection[0] < s.end:
                return s
            if s.start <= cp < s.end or (cp == s.end and s.start < cp):
                return s
        return None

    def move_to_next(self, after: int) -> None:
        nxt = next((s for s in self.window.session.visible_suggestions if s.start >= after), None)
        if nxt is not None:
            self.window.view.place_cursor_cp(nxt.start)
