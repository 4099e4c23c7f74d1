"""One annotator's work on a project, without Qt: the workbench's workflow logic.

Every user action is one method and one store transaction, recorded as one undo step
(:class:`~annotator.core.session.history.History`). The window only shows the session's
state and calls these methods; tests drive them directly.
"""
from __future__ import annotations

import time
from bisect import insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any

from ..domain import Span, Suggestion
from ..errors import SpanError
from ..store import Project
from .history import History, Step


def count_attributes(text: str, start: int, end: int) -> dict[str, Any]:
    """The COUNT attributes (value, approx, category) read from the span's words."""
    try:
        from ..counts import count_attributes as parse
    except ImportError:  # counts is optional in stripped-down builds
        return {}
    return parse(text, start, end)


def span_bounds(text: str, start: int, end: int, *, exact: bool = False) -> tuple[int, int]:
    """Where a selection becomes a span: whole words, clitics and quotes left out."""
    if exact:
        return start, end
    from ..text import snap_span

    return snap_span(text, start, end)


@dataclass(frozen=True)
class MentionsLabelled:
    """What "label all mentions" did: the spans it saved, and the whole-word occurrences
    it left alone because a longer span or suggestion holds them, or a span already
    labels exactly that text."""

    saved: list[Span]
    inside_longer: int = 0
    already_labelled: int = 0


_POSITION = attrgetter("start", "end")


def _overlaps(a: Span | Suggestion, b: Span | Suggestion) -> bool:
    return a.start < b.end and b.start < a.end


class AnnotationSession:
    """The annotator's current article, its spans and suggestions, and the undo history."""

    def __init__(self, project: Project, annotator: str, clock: Callable[[], float] = time.monotonic):
        self.project = project
        self._clock = clock
        self._opened_at = clock()
        self._seconds_flushed = 0.0
        self.annotator = project.ensure_annotator(annotator)
        self.history = History(project)
        self.article_id: int | None = None
        self.text = ""
        self.spans: list[Span] = []
        self.suggestions: list[Suggestion] = []  # everything the suggester proposed
        self.visible_suggestions: list[Suggestion] = []  # minus rejected and covered ones

    # ---------------------------------------------------------------- reading
    def open(self, article_id: int) -> None:
        article = self.project.article(article_id)
        self.article_id = article_id
        self.text = article.text
        self.suggestions = []
        self.visible_suggestions = []
        self.spans = self.project.spans(article_id, self.annotator)
        self._opened_at = self._clock()
        self._seconds_flushed = 0.0

    def reload(self) -> None:
        if self.article_id is not None:
            self.spans = self.project.spans(self.article_id, self.annotator)
            self._filter_suggestions()

    def span(self, span_id: int | None) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None) if span_id is not None else None

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> list[Suggestion]:
        """What the suggester proposed; returns the ones to show."""
        self.suggestions = list(suggestions)
        self._filter_suggestions()
        return self.visible_suggestions

    def _filter_suggestions(self) -> None:
        if self.article_id is None or not self.suggestions:
            self.visible_suggestions = []
            return
        rejected = self.project.rejected_suggestions(self.article_id, self.annotator)
        self.visible_suggestions = [
            s for s in self.suggestions
            if s.key() not in rejected and not any(_overlaps(s, x) for x in self.spans)
        ]

    def _article(self) -> int:
        if self.article_id is None:
            raise SpanError("no article is open")
        return self.article_id

    # ------------------------------------------------------------------ steps
    def _record(self, text: str, article_id: int, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        self.history.push(Step(text, article_id, undo, redo))

    def _require_own(self, article_id: int, span_ids: Sequence[int]) -> None:
        """Refuse to touch a span id that is no longer this annotator's on this article
        (another window or program changed it); call inside the write transaction."""
        own = self.project.own_span_ids(article_id, self.annotator, span_ids)
        if any(i not in own for i in span_ids):
            raise SpanError("this step cannot be undone or redone: the span was changed elsewhere "
                            "(another window or program)")

    def _add_step(self, text: str, article_id: int, saved: list[Span],
                  rejected: Sequence[Suggestion] = ()) -> None:
        """Spans added (and maybe suggestions they replace): undo removes them again."""
        annotator = self.annotator

        def undo() -> None:
            self._require_own(article_id, [s.id for s in saved if s.id is not None])
            self.project.delete_spans([s.id for s in saved if s.id is not None])

        def redo() -> None:
            self.project.add_spans(article_id, annotator, saved, keep_ids=True)

        self._record(text, article_id, undo, redo)

    # ---------------------------------------------------------------- actions
    def create_span(self, start: int, end: int, label: str, *, exact: bool = False, origin: str = "manual",
                    attributes: dict[str, Any] | None = None) -> Span:
        """Snap the selection, read COUNT attributes, save the span: one undo step."""
        article_id = self._article()
        s, e = span_bounds(self.text, start, end, exact=exact)
        attrs = dict(attributes or {})
        if label == "COUNT" and not attrs:
            attrs = count_attributes(self.text, s, e)
        with self.project.transaction():
            span = self.project.add_span(article_id, self.annotator, s, e, label, attrs, origin)
        self._add_step("add span", article_id, [span])
        spans = list(self.spans)  # a new list: the window may still hold the old one
        insort(spans, span, key=_POSITION)  # kept in text order (after any equal one, as a sort would)
        self.spans = spans
        self._filter_suggestions()
        return span

    def overlapping(self, start: int, end: int, *, exact: bool = False) -> Span | None:
        """The span a selection would overlap once snapped (the store refuses overlaps;
        the window names the span in its message)."""
        s, e = span_bounds(self.text, start, end, exact=exact)
        return next((x for x in self.spans if x.start < e and s < x.end), None)

    def add_spans(self, spans: Sequence[Span], text: str) -> list[Span]:
        """Several spans in one transaction and one undo step."""
        article_id = self._article()
        if not spans:
            return []
        with self.project.transaction():
            saved = self.project.add_spans(article_id, self.annotator, spans)
        self._add_step(text, article_id, saved)
        self.reload()
        return saved

    def update_span(self, span_id: int, text: str = "edit span", **changes: Any) -> Span:
        """Relabel, re-bound or edit the attributes of a span (``label``, ``start``, ``end``,
        ``attributes``): one undo step. Nothing changes: no write and no step."""
        article_id = self._article()
        before = self.span(span_id)
        if before is None:
            raise SpanError(f"no span with id {span_id} on this article")
        after = replace(before, **changes)
        if (after.label, after.attributes, after.start, after.end) == \
                (before.label, before.attributes, before.start, before.end):
            return before
        with self.project.transaction():
            saved = self.project.update_span(span_id, label=after.label, attributes=after.attributes,
                                             start=after.start, end=after.end)

        def set_to(target: Span) -> Callable[[], None]:
            def write() -> None:
                self._require_own(article_id, [span_id])
                self.project.update_span(span_id, label=target.label, attributes=target.attributes,
                                         start=target.start, end=target.end)
            return write

        self._record(text, article_id, set_to(before), set_to(saved))
        self.reload()
        return saved

    def relabel(self, span_id: int, label: str) -> Span:
        span = self.span(span_id)
        if span is None:
            raise SpanError(f"no span with id {span_id} on this article")
        attrs = span.attributes
        if label == "COUNT" and not attrs:
            attrs = count_attributes(self.text, span.start, span.end)
        return self.update_span(span_id, "relabel span", label=label, attributes=attrs)

    def edit_attributes(self, span_id: int, attributes: dict[str, Any]) -> Span:
        return self.update_span(span_id, "edit attributes", attributes=attributes)

    def toggle_clitic(self, span_id: int) -> Span | None:
        """Take the proclitic into the span, or leave it out again (None: nothing to toggle)."""
        span = self.span(span_id)
        if span is None:
            return None
        from ..text import snap_span

        with_clitic = snap_span(self.text, span.start, span.end, keep_clitic=True)
        without = snap_span(self.text, span.start, span.end)
        target = without if (span.start, span.end) == with_clitic and with_clitic != without else with_clitic
        if target == (span.start, span.end):
            return None
        return self.update_span(span_id, "toggle clitic", start=target[0], end=target[1])

    def delete_span(self, span_id: int) -> Span:
        article_id = self._article()
        annotator = self.annotator
        with self.project.transaction():
            self._require_own(article_id, [span_id])
            span = self.project.delete_span(span_id)

        def undo() -> None:
            self.project.add_span(article_id, annotator, span.start, span.end, span.label, span.attributes,
                                  span.origin, span_id=span.id)

        def redo() -> None:
            self._require_own(article_id, [span_id])
            self.project.delete_span(span_id)

        self._record("delete span", article_id, undo, redo)
        self.spans = [s for s in self.spans if s.id != span_id]
        self._filter_suggestions()
        return span

    def label_all_mentions(self, span_id: int) -> list[Span]:
        """Label the other occurrences of the span's text with its label: one undo step."""
        return self.label_mentions(span_id).saved

    def label_mentions(self, span_id: int) -> MentionsLabelled:
        """Label the other whole-word occurrences of the span's text with its label (one
        undo step), leaving alone those inside a longer span or shown suggestion
        (``إدلب`` inside ``ريف إدلب الجنوبي``). A suggestion of exactly that text is
        labelled: the span takes its place, as when it is accepted."""
        span = self.span(span_id)
        if span is None:
            raise SpanError("select a span first")
        from ..mentions import search_mentions

        needle = self.text[span.start:span.end]
        claimed: list[Span | Suggestion] = [
            *(s for s in self.spans if s.id != span.id),
            *(s for s in self.visible_suggestions if self.text[s.start:s.end] != needle),
        ]
        found = search_mentions(self.text, span.start, span.end, claimed)
        new = [Span(a, b, span.label,
                    dict(span.attributes) if span.label != "COUNT" else count_attributes(self.text, a, b),
                    span.origin) for a, b in found.ranges]
        saved = self.add_spans(new, "label all mentions")
        return MentionsLabelled(saved, found.inside_longer, found.already_labelled)

    # ----------------------------------------------------------- suggestions
    def accept_suggestions(self, suggestions: Sequence[Suggestion], label: str | None = None) -> list[Span]:
        spans = [Span(s.start, s.end, label or s.label, dict(s.attributes), s.origin) for s in suggestions]
        return self.add_spans(spans, "accept suggestion" if len(spans) == 1 else "accept all suggestions")

    def accept_all(self) -> list[Span]:
        """Accept every shown suggestion; of overlapping ones, the first (longest) of each run."""
        chosen: list[Suggestion] = []
        for s in sorted(self.visible_suggestions, key=lambda x: (x.start, -(x.end - x.start))):
            if not any(_overlaps(s, c) for c in chosen):
                chosen.append(s)
        return self.accept_suggestions(chosen) if chosen else []

    def reject_suggestion(self, suggestion: Suggestion) -> None:
        """Hide a suggestion for good (until undone): one undo step."""
        article_id = self._article()
        annotator = self.annotator
        key = (suggestion.start, suggestion.end, suggestion.label)

        def redo() -> None:
            self.project.reject_suggestion(article_id, annotator, *key)

        def undo() -> None:
            self.project.unreject_suggestion(article_id, annotator, *key)

        with self.project.transaction():
            redo()
        self._record("reject suggestion", article_id, undo, redo)
        self._filter_suggestions()

    def reject_all(self) -> list[Suggestion]:
        """Hide every shown suggestion for good (until undone): one undo step."""
        article_id = self._article()
        annotator = self.annotator
        keys = [(s.start, s.end, s.label) for s in self.visible_suggestions]
        if not keys:
            return []
        rejected = list(self.visible_suggestions)

        def redo() -> None:
            for key in keys:
                self.project.reject_suggestion(article_id, annotator, *key)

        def undo() -> None:
            for key in keys:
                self.project.unreject_suggestion(article_id, annotator, *key)

        with self.project.transaction():
            redo()
        self._record("reject all suggestions", article_id, undo, redo)
        self._filter_suggestions()
        return rejected

    # ----------------------------------------------------------------- history
    def undo(self) -> Step | None:
        step = self.history.undo()
        self._after_history(step)
        return step

    def redo(self) -> Step | None:
        step = self.history.redo()
        self._after_history(step)
        return step

    def _after_history(self, step: Step | None) -> None:
        if step is not None and step.article_id == self.article_id:
            self.reload()

    # ------------------------------------------------------------------ status
    def set_status(self, status: str, comment: str | None = None) -> None:
        with self.project.transaction():
            self.project.set_status(self._article(), self.annotator, status, comment)

    def mark_done(self) -> None:
        self.set_status("done")

    def skip(self) -> None:
        self.set_status("skipped")

    def flag(self, comment: str) -> None:
        self.set_status("flagged", comment.strip() or None)

    # ---------------------------------------------------------------- timing
    def pending_seconds(self) -> float:
        """Time on the open article not yet saved."""
        return self._clock() - self._opened_at - self._seconds_flushed

    def flush_time(self) -> float:
        """Save the time spent on the open article since the last save (whole seconds
        only matter: under one second waits for the next flush). Returns what was saved."""
        pending = self.pending_seconds()
        if self.article_id is None or pending < 1:
            return 0.0
        with self.project.transaction():
            self.project.add_seconds(self.article_id, self.annotator, pending)
        self._seconds_flushed += pending
        return pending

    def forget_pending_time(self) -> None:
        """Give up on time that cannot be saved (so it is not retried forever)."""
        self._seconds_flushed += self.pending_seconds()

    def seconds_on_article(self) -> float:
        """Saved plus pending time on the open article (the status bar's clock)."""
        saved = 0.0
        if self.article_id is not None:
            ann = self.project.annotation(self.article_id, self.annotator)
            saved = ann.seconds if ann else 0.0
        return saved + self.pending_seconds()

    def remember_article(self) -> None:
        with self.project.transaction():
            self.project.set_setting(f"last_article:{self.annotator}", self._article())

    def last_article(self) -> int | None:
        last = self.project.setting(f"last_article:{self.annotator}")
        return None if last is None else int(last)
