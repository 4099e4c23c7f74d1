"""Undoable span edits. Each do/undo is one store transaction, saved at once.

A command is pushed only after its first action has been committed, so a
refused edit (overlap, read-only file) never enters the undo history.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..core.errors import AnnotatorError, SpanError
from ..core.model import Span
from ..core.store import Project

log = logging.getLogger(__name__)
Refresh = Callable[[int], None]  # called with the article id after every change


class _SpanCommand(QUndoCommand):
    def __init__(self, text: str, project: Project, article_id: int, annotator: str, refresh: Refresh):
        super().__init__(text)
        self.project = project
        self.article_id = article_id
        self.annotator = annotator
        self.refresh = refresh
        self.on_error: Callable[[str], None] | None = None  # the window's report_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied before the push
            self._first = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, action: Callable[[], None]) -> None:
        """Apply or revert; if the store refuses (someone else's overlapping span, a file
        gone read-only), say so and drop this step: QUndoStack deletes an obsolete command
        instead of moving past it, so the history never claims a change that did not happen."""
        try:
            action()
        except AnnotatorError as exc:
            log.warning("%s: %s", self.text(), exc)
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(str(exc))
        self.refresh(self.article_id)

    def _require_own(self, span_ids: list[int]) -> None:
        """Refuse to touch a span id that is no longer this annotator's on this article.

        SQLite reuses the id of a deleted span, so in a shared project an id this history
        remembers may now name another annotator's span; undo must never delete it.
        Call inside the write transaction so the check and the change are one step.
        """
        own = {s.id for s in self.project.spans(self.article_id, self.annotator)}
        gone = [i for i in span_ids if i not in own]
        if gone:
            raise SpanError("this step cannot be undone or redone: the span was changed elsewhere "
                            "(another window or program)")

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddSpans(_SpanCommand):
    """One or more spans created together (a label key, accept-all, label-all-mentions)."""

    def __init__(self, project: Project, article_id: int, annotator: str, spans: list[Span],
                 refresh: Refresh, text: str = "add span"):
        super().__init__(text, project, article_id, annotator, refresh)
        self.spans = spans  # as saved, with ids

    def apply(self) -> None:
        self.spans = self.project.add_spans(self.article_id, self.annotator, self.spans, keep_ids=True)

    def revert(self) -> None:
        ids = [s.id for s in self.spans]
        with self.project._write():
            self._require_own(ids)
            self.project.delete_spans(ids)


class DeleteSpan(_SpanCommand):
    def __init__(self, project: Project, article_id: int, annotator: str, span: Span, refresh: Refresh):
        super().__init__("delete span", project, article_id, annotator, refresh)
        self.span = span

    def apply(self) -> None:
        with self.project._write():
            self._require_own([self.span.id])
            self.project.delete_span(self.span.id)

    def revert(self) -> None:
        s = self.span
        self.project.add_span(self.article_id, self.annotator, s.start, s.end, s.label, s.attributes, s.origin,
                              span_id=s.id)


class UpdateSpan(_SpanCommand):
    """Relabel, re-bound or edit attributes of a span."""

    def __init__(self, project: Project, article_id: int, annotator: str, before: Span, after: Span,
                 refresh: Refresh, text: str = "edit span"):
        super().__init__(text, project, article_id, annotator, refresh)
        self.before = before
        self.after = after

    def _set(self, target: Span) -> None:
        with self.project._write():
            self._require_own([self.before.id])
            self.project.update_span(self.before.id, label=target.label, attributes=target.attributes,
                                     start=target.start, end=target.end)

    def apply(self) -> None:
        self._set(self.after)

    def revert(self) -> None:
        self._set(self.before)
