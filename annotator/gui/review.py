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

The window shows a :class:`~annotator.core.session.ReviewSession` and binds keys and
widgets to its methods; how the draft is kept and written is documented there.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QTreeWidgetItem

from ..core.domain import Label, Span
from ..core.session import ReviewSession
from ..core.session.review import STRATEGIES, overlaps
from ..core.store import Project
from ..core.team.adjudication import Conflict
from ..core.team.queue import review_queue
from .i18n import isolate, neutralise, translate
from .review_display import (
    highlight_panels,
    show_conflicts,
    show_current_conflict,
    show_gold,
    show_panels,
    show_status,
    show_strategy,
    show_title,
)
from .review_layout import build_actions, build_window, default_strategy
from .review_models import MAX_PICK, AnnotatorPanel
from .sync_status import attach_review as attach_hub_sync
from .undo import bind_history
from .window_base import WindowBase

__all__ = ["MAX_PICK", "STRATEGIES", "ReviewWindow", "isolate", "tr"]
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return translate("Review", text)


def step_text(text: str) -> str:
    """An undo step's name as the Edit menu shows it (the session names its steps in English)."""
    names = {
        "add span": tr("add span"), "relabel span": tr("relabel span"), "delete span": tr("delete span"),
        "take option": tr("take option"), "take a version": tr("take a version"),
        "reject all options": tr("reject all options"), "change strategy": tr("change strategy"),
        "accept as gold": tr("accept as gold"),
    }
    head, sep, rest = text.partition(" (")
    return names.get(head, head) + (f" ({rest}" if sep else "")


class ReviewWindow(WindowBase):
    """A reviewer's adjudication window over one project (``annotator gui --review``)."""

    menu_team: QMenu  # built by review_layout.build_actions

    def __init__(self, project: Project, reviewer: str, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.session = ReviewSession(project, reviewer, default_strategy(self.settings))
        self.project = project
        self.reviewer = reviewer
        self.labels: list[Label] = project.labels()
        self.label_map = {lab.name: lab for lab in self.labels}
        self.label_by_key = {lab.key: lab for lab in self.labels if lab.key}
        self.article_id: int | None = None
        self.selected_span_id: int | None = None
        self._loading = False
        self.undo_stack = QUndoStack(self)
        bind_history(self.session.history, self.undo_stack, self._run_history, step_text)
        self.setObjectName("reviewWindow")
        build_window(self)
        build_actions(self)
        show_title(self)
        self.reload_queue()
        self._open_initial_article()
        # With a team hub: pull in the background, then build the queue again (None without).
        self.hub_sync = attach_hub_sync(self, project, self.queue_pulled)
        if self.hub_sync is not None:
            self.act_hub_pull = self.make_action(self.menu_team, tr("Pull from the hub and rebuild the queue"),
                                                 None, self.hub_sync.request, "actHubPull")

    # The session's state, read by the display code and the tests.
    text = property(lambda self: self.session.text)
    annotators = property(lambda self: self.session.annotators)
    by_annotator = property(lambda self: self.session.by_annotator)
    conflicts = property(lambda self: self.session.conflicts)
    gold_status = property(lambda self: self.session.gold_status)
    spans = property(lambda self: self.session.spans)
    resolved = property(lambda self: self.session.resolved)
    strategy = property(lambda self: self.session.strategy)
    k = property(lambda self: self.session.k)
    score = property(lambda self: self.session.score)

    @property
    def conflict_index(self) -> int | None:
        return self.session.conflict_index

    @conflict_index.setter
    def conflict_index(self, value: int | None) -> None:
        self.session.conflict_index = value

    def current_conflict(self) -> Conflict | None:
        return self.session.current_conflict()

    def conflicts_left(self) -> int:
        return self.session.conflicts_left()

    # ------------------------------------------------------------------- queue
    def reload_queue(self) -> None:
        items = self._guard(lambda: review_queue(self.project))
        self.queue_model.set_items(items or [])
        self._select_queue_row()

    def queue_pulled(self) -> None:
        """A sync with the hub brought everyone's latest work: rebuild the queue from it."""
        self.reload_queue()
        if self.article_id is None:
            self._open_initial_article()

    def _select_queue_row(self) -> None:
        self.select_row(self.queue_table, self.queue_model.row_of(self.article_id))

    def _open_initial_article(self) -> None:
        last = self.session.last_article()
        if last is not None and self.queue_model.row_of(last) is not None:
            self.open_article(last)
        elif self.queue_model.items:
            self.open_article(self.queue_model.items[0].article_id)
        else:
            self.view.set_article("")
            self.title_label.setText(tr(
                "No article has two finished annotations yet. Annotators mark articles done with Ctrl+Enter."))
            self.accept_button.setEnabled(False)
            show_panels(self)
            show_conflicts(self)
            show_status(self)

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

    # ---------------------------------------------------------------- articles
    def open_article(self, article_id: int) -> None:
        """Show an article: its gold draft, each annotator's spans and the open conflicts."""
        if self._guard(lambda: self._load(article_id)) is None:
            return
        self.accept_button.setEnabled(True)
        self._select_queue_row()
        self._guard(self.session.remember_article)
        first_open = self.session.first_open_conflict()
        if first_open is not None:
            self.go_to_conflict(first_open, focus=False)
        self.view.setFocus()

    def _load(self, article_id: int) -> bool:
        """Read the article through the session and show it."""
        item = self.queue_model.item(article_id)
        self.session.open(article_id, item.annotators if item is not None else None,
                          item.score if item is not None else None)
        self.article_id = article_id
        article = self.project.article(article_id)
        self.title_label.setText(neutralise(article.title) or f"#{article.id}")
        self.view.set_article(article.text)
        self._show_session(panels=True)
        return True

    def _show_session(self, panels: bool = False) -> None:
        """Show what the session holds now (after opening, an action, an undo)."""
        show_strategy(self, self.session.strategy, self.session.k)
        if self.selected_span_id not in {s.id for s in self.spans}:
            self.selected_span_id = None
        self._refresh(panels)

    def _refresh(self, panels: bool = True) -> None:
        # The annotators' spans do not change while reviewing: after an action only the
        # highlighted conflict in their panels moves.
        if panels:
            show_panels(self)
        else:
            highlight_panels(self)
        show_gold(self)
        show_conflicts(self)
        if self.article_id is not None:
            self.queue_model.set_gold_status(self.article_id, self.gold_status)
        show_status(self)

    # --------------------------------------------------------------- conflicts
    def go_to_conflict(self, index: int, *, focus: bool = True) -> None:
        if not 0 <= index < len(self.conflicts):
            return
        self.conflict_index = index
        show_current_conflict(self)
        self.view.place_cursor_cp(self.conflicts[index].start)
        if focus:
            self.view.setFocus()

    def next_conflict(self) -> None:
        self._step_conflict(+1)

    def previous_conflict(self) -> None:
        self._step_conflict(-1)

    def _step_conflict(self, step: int) -> None:
        if not self.conflicts:
            self.statusBar().showMessage(tr("No conflicts in this article."), 3000)
            return
        target = self.session.neighbour_conflict(step, self.view.cursor_cp())
        if target is None:
            self.statusBar().showMessage(
                tr("This is the last conflict.") if step > 0 else tr("This is the first conflict."), 3000)
            return
        self.go_to_conflict(target)

    def _conflict_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None:
            self.go_to_conflict(int(index))

    def _target_conflict(self) -> Conflict | None:
        """The conflict being adjudicated: the current one, else the one under the cursor."""
        current = self.current_conflict()
        if current is not None:
            return current
        index = self.session.conflict_at(self.view.cursor_cp())
        if index is None:
            self.statusBar().showMessage(tr("Go to a conflict first (F8)."), 4000)
            return None
        return self.conflicts[index]

    def pick_version(self, number: int) -> None:
        """Alt+N: the conflict's text becomes what annotator N marked there (maybe nothing)."""
        c = self._target_conflict()
        if c is None:
            return
        if not 1 <= number <= len(self.annotators):
            self.statusBar().showMessage(tr("There is no annotator %1 on this article.").replace("%1", str(number)),
                                         4000)
            return
        self._decide(lambda: self.session.take_version(c, number), c)

    def reject_all(self) -> None:
        """Alt+0: none of the options goes into the gold."""
        c = self._target_conflict()
        if c is not None:
            self._decide(lambda: self.session.reject_all(c) or True, c)

    def take_option_at_cursor(self) -> None:
        """Enter on a dashed option: that option replaces whatever gold overlaps it."""
        item = self.view.shown_at(self.view.cursor_cp())
        if item is None or item.span_id is not None or not any(
                o.key() == (item.start, item.end, item.label) for o in self.session.open_options()):
            return
        self._act(lambda: self.session.take_option(item.start, item.end, item.label) or True)

    def _decide(self, action: Callable[[], Any], settled: Conflict | None) -> None:
        """Run a decision; after one on a conflict, go on to the next open conflict."""
        if self._act(action) is None or settled is None:
            return
        target = self.session.next_open_after(settled)
        if target is not None:
            self.go_to_conflict(target)
        else:
            self.conflict_index = next((i for i, c in enumerate(self.conflicts)
                                        if (c.start, c.end) == (settled.start, settled.end)), None)
            show_gold(self)
            show_current_conflict(self)

    # ------------------------------------------------------------- gold state
    def _act(self, action: Callable[[], Any]) -> Any:
        """Run a session action (one transaction, one undo step) and show the result."""
        result = self._guard(action)
        self._show_session()
        return result

    def _run_history(self, redo: bool) -> bool:
        """Undo/redo: the session writes a remembered state back; show its article."""
        step = self._guard(self.session.redo if redo else self.session.undo)
        if step is not None and step.article_id != self.article_id:
            self.open_article(step.article_id)
        else:
            self._show_session()
        return step is not None

    # ------------------------------------------------------------------- spans
    def _span_by_id(self, span_id: int | None) -> Span | None:
        return self.session.span(span_id)

    def select_span(self, span_id: int | None) -> None:
        self.selected_span_id = span_id if self._span_by_id(span_id) is not None else None
        self.view.set_spans(self.spans, self.selected_span_id)

    def _view_clicked(self, span_id: int | None) -> None:
        self.select_span(span_id)
        index = self.session.conflict_at(self.view.cursor_cp())
        if index is not None and index != self.conflict_index:
            self.conflict_index = index
            show_current_conflict(self)

    def _panel_clicked(self, panel: AnnotatorPanel, index) -> None:
        rng = panel.model.data(index, Qt.ItemDataRole.UserRole)
        if rng is None:
            return
        conflict = self.session.conflict_at(rng[0])
        if conflict is None:
            conflict = next((i for i, c in enumerate(self.conflicts) if overlaps(c.start, c.end, *rng)), None)
        if conflict is not None:
            self.go_to_conflict(conflict)
        else:
            self.view.place_cursor_cp(rng[0])
            self.view.setFocus()
            highlight_panels(self)

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
                self._act(lambda: self.session.take_option(item.start, item.end, label) or True)
            else:
                self.statusBar().showMessage(tr("Select some text first."), 3000)

    def create_span(self, start: int, end: int, label: str, *, exact: bool = False) -> Span | None:
        if self.article_id is None:
            return None
        span = self._act(lambda: self.session.create_span(start, end, label, exact=exact))
        if span is not None:
            self.selected_span_id = span.id
            self.view.set_spans(self.spans, self.selected_span_id)
            self.view.place_cursor_cp(span.end)
        return span

    def relabel_selected(self, label: str) -> None:
        span_id = self.selected_span_id
        if span_id is None:
            return
        saved = self._act(lambda: self.session.relabel(span_id, label))
        if saved is not None:
            self.select_span(saved.id)

    def delete_selected_span(self) -> None:
        span = self._span_by_id(self.selected_span_id)
        if span is None:
            item = self.view.shown_at(self.view.cursor_cp())
            span = self._span_by_id(item.span_id) if item is not None else None
        if span is None:
            return
        if self._act(lambda: self.session.delete_span(span.id)) is not None:  # type: ignore[arg-type]
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
        self.session.default_strategy = (strategy, k)
        self.set_strategy(strategy, k)

    def set_strategy(self, strategy: str, k: int | None = None) -> None:
        """Recompute the draft with another strategy (undoable when gold is stored)."""
        was_accepted = self._act(lambda: self.session.set_strategy(strategy, k))
        if was_accepted is None:  # refused: the controls show what is in force
            return
        if self.session.gold_status is None:
            self.selected_span_id = None
            show_gold(self)
        if was_accepted:
            self.statusBar().showMessage(
                tr("The gold was accepted before; it is a draft again until you accept it."), 8000)

    # ------------------------------------------------------------------ accept
    def accept_gold(self) -> None:
        """Save the gold (with provenance) as accepted and go to the next article without gold."""
        if self.article_id is None or self._act(lambda: self.session.accept_gold() or True) is None:
            return
        title = self.title_label.text()
        nxt = self.queue_model.next_without_gold(self.article_id)
        if nxt is not None:
            self.open_article(nxt)
            self.statusBar().showMessage(tr("Gold saved for") + f" «{title}»", 5000)
        else:
            self.statusBar().showMessage(tr("Every article in the queue has accepted gold."), 8000)

    def change_font_size(self, step: int) -> None:
        super().change_font_size(step)
        self.view.set_spans(self.spans, self.selected_span_id)
