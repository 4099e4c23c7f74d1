"""Suggestions for the workbench's open article: asked of the chosen sources off the GUI
thread, handed to the session (which filters out rejected and covered ones), then shown.

Several sources combine ("rules,patterns,model"): overlapping suggestions merge into one
that keeps every origin (:class:`~annotator.core.suggest.CombinedSuggester`). The
``patterns`` source is the project's own: it is built once in the background from the
project (:meth:`SuggestionFeed.warm`), then learns on the GUI thread every span the
annotator creates or accepts and every rejection as it happens (:meth:`learn`), so the
next article already benefits. A score threshold hides the weaker suggestions.

After start-up the sources are warmed in the background (spaCy and the gazetteers take
seconds to load), so the suggestions of an opened article only cost the matching.
"""
from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ..core.domain import Suggestion
from ..core.errors import AnnotatorError
from .i18n import plural_form
from .workers import start_job

if TYPE_CHECKING:  # the jobs load with the first warm-up, after start-up
    from .suggestion_jobs import GuardedPatterns

# The MainWindow these functions build or serve. Not imported (it imports this module):
# the window is the only caller, and the layering stays one-way.
MainWindow = Any

PATTERNS = "patterns"


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def tr_n(text: str, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return plural_form(QCoreApplication.translate("MainWindow", text, None, n), n)


class SuggestionFeed(QObject):
    #: The open article's suggestions are on screen (its id): the bench and tests wait for it.
    shown = Signal(int)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.generation = 0  # a result for an older request is dropped
        # No suggester job until the window has shown its first article: a job imports
        # spaCy (and torch) in a thread, which would compete with start-up for the GIL.
        self.held = True
        self.warming = False
        self.patterns: GuardedPatterns | None = None
        self.proposed: list[Suggestion] = []  # what the sources proposed, before the threshold

    # ------------------------------------------------------------------ sources
    def source(self) -> str:
        return str(self.window.suggest_source.currentData())

    def names(self) -> list[str]:
        source = self.source()
        return [] if source == "off" else [n.strip() for n in source.split(",") if n.strip()]

    def source_changed(self) -> None:
        self.window.settings.setValue("suggest_source", self.source())
        if not self.held and self._missing():
            self.warm()
        self.request()

    def threshold(self) -> float:
        return float(self.window.suggest_min_score.value())

    def threshold_changed(self) -> None:
        self.window.settings.setValue("suggest_min_score", self.threshold())
        self._apply()

    def options(self, names: list[str]) -> dict[str, dict]:
        """Per source, what it is built with (the model: the project's current model)."""
        if "model" in names:
            from ..core.trained_models import current_model_path

            path = current_model_path(self.window.project)
            return {"model": {"model_path": path} if path else {}}
        return {}

    def plan(self) -> tuple[list[str], dict[str, dict]]:
        """The sources to ask and their options. Before any model is trained, a combination
        with the model asks the others (the model alone says it has none)."""
        names = self.names()
        options = self.options(names)
        if "model" in names and len(names) > 1 and not options.get("model"):
            names = [n for n in names if n != "model"]
        return names, options

    def model_changed(self) -> None:
        """A new current model: its suggestions join the rules and patterns."""
        box = self.window.suggest_source
        if "model" not in self.names():
            index = box.findData("rules,patterns,model")
            if index >= 0:
                box.setCurrentIndex(index)  # source_changed() warms and asks again
                return
        if not self.held:
            self.warm()
        self.request()

    # ------------------------------------------------------------------ warming
    def release(self) -> None:
        """The window is up: warm the sources in the background, then suggest."""
        self.held = False
        self.warm()

    def _missing(self) -> bool:
        return PATTERNS in self.names() and self.patterns is None

    def warm(self) -> None:
        if self.warming:
            return
        try:
            names, options = self.plan()
        except AnnotatorError:
            return  # request() shows the error
        if not names:
            return
        from .suggestion_jobs import WarmJob, sources_to_build

        self.warming = True
        start_job(self, WarmJob(str(self.window.project.path), sources_to_build(names, options),
                                PATTERNS in names and self.patterns is None),
                  finished=self._warmed, failed=self._warm_failed)

    def _warmed(self, patterns: Any) -> None:
        self.warming = False
        # spaCy, the gazetteers and the matchers are millions of objects that live as long
        # as the window: left to the cyclic collector, every full collection walks them all
        # (0.3 s here, at random moments — in the middle of an article's suggestions).
        # Frozen, the collector only looks at what is allocated from now on.
        gc.freeze()
        if patterns is not None and self.patterns is None:
            from .suggestion_jobs import GuardedPatterns

            self.patterns = GuardedPatterns(patterns)
            self.patterns.learn_project(self.window.project)  # what happened while it was built
        if self._missing():
            self.warm()  # the source changed to one with patterns meanwhile
        self.request()

    def _warm_failed(self, message: str) -> None:
        self.warming = False
        self.request()  # the job reports the same error where the user sees it

    # ------------------------------------------------------------------ learning
    def learn(self) -> None:
        """After a change of spans or rejections: the project's patterns learn it now
        (only the new rows are read), and the open article's suggestions are asked again
        so another mention of a name just labelled is suggested too."""
        if self.patterns is None:
            return
        learned = self.patterns.learn_project(self.window.project)
        if learned and PATTERNS in self.names():
            self.request(keep_shown=True)

    # ------------------------------------------------------------------ asking
    def request(self, keep_shown: bool = False) -> None:
        w = self.window
        self.generation += 1
        if not keep_shown:
            self.proposed = []
            w.session.set_suggestions([])
            w.view.set_suggestions([])
        if not self.names() or w.article_id is None:
            w.suggest_info.setText("")
            return
        try:
            names, options = self.plan()
        except AnnotatorError as exc:
            w.suggest_info.setText(str(exc))
            return
        if PATTERNS not in names:  # learned patterns change: stored ones would be stale
            from ..core.preannotate import stored_suggestions

            stored = stored_suggestions(w.project, w.article_id, self.source())
            if stored is not None:  # pre-annotated with `annotator suggest`: no model needed
                self._ready(self.generation, w.article_id, stored)
                return
        if not keep_shown:
            w.suggest_info.setText(tr("working…"))
        if self.held or self.warming or self._missing():
            return  # the warm-up asks again when it is done
        from .suggestion_jobs import SourcesJob

        generation, article_id = self.generation, w.article_id
        start_job(self, SourcesJob(w.view.text, names, options, self.patterns),
                  finished=lambda result: self._ready(generation, article_id, result),
                  failed=lambda message: self._failed(generation, message))

    def _ready(self, generation: int, article_id: int, result: list[Suggestion]) -> None:
        if generation != self.generation or article_id != self.window.article_id:
            return  # the user has moved on
        self.proposed = list(result)
        self._apply()
        self.shown.emit(article_id)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.window.suggest_info.setText(message.splitlines()[0] if message else "")

    def _apply(self) -> None:
        """Hand the proposals at or above the threshold to the session, and show them."""
        threshold = self.threshold()
        self.window.session.set_suggestions([s for s in self.proposed if s.score >= threshold])
        self.show()

    def show(self) -> None:
        """Show what the session offers now (after any change of spans or rejections)."""
        w = self.window
        if w.article_id is None:
            return
        shown = w.session.set_suggestions(w.session.suggestions)
        w.view.set_suggestions(shown)
        if self.names() and (self.proposed or shown):
            text = tr_n("%n suggestion — Enter accepts, Backspace rejects|%n suggestions — Enter accepts, Backspace rejects", len(shown))  # noqa: E501
            hidden = len(self.proposed) - len(w.session.suggestions)
            if hidden:
                text += " · " + tr("%1 under the threshold").replace("%1", str(hidden))
            w.suggest_info.setText(text)

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

    def _first_from(self, after: int) -> Suggestion | None:
        """The first shown suggestion starting at or after ``after``."""
        return next((s for s in self.window.session.visible_suggestions if s.start >= after), None)

    def move_to_next(self, after: int) -> None:
        nxt = self._first_from(after)
        if nxt is not None:
            self.window.view.place_cursor_cp(nxt.start)

    def step(self, forward: bool) -> Suggestion | None:
        """Put the cursor on the next (or previous) suggestion after (before) the one under
        it, in reading order, going round at the end: F8 / Shift+F8, so an annotator walks
        the suggestions from the keyboard alone (Enter and Backspace then move on by
        themselves). Returns the suggestion reached, or None when there is none."""
        shown = self.window.session.visible_suggestions
        if not shown:
            return None
        here = self.at_cursor()
        cp = self.window.view.cursor_cp()
        if forward:
            target = self._first_from(here.end if here is not None else cp)
            wrapped = target is None
            target = target or shown[0]
        else:
            before = here.start if here is not None else cp
            target = next((s for s in reversed(shown) if s.end <= before), None)
            wrapped = target is None
            target = target or shown[-1]
        self.window.view.place_cursor_cp(target.start)
        if wrapped and len(shown) > 1:
            self.window.statusBar().showMessage(
                tr("Back to the first suggestion.") if forward else tr("On to the last suggestion."), 3000)
        return target
