"""A reviewer adjudicating finished annotations into gold, without Qt (the curation
service behind review mode; INCEpTION's curation service plays this part there).

How the draft is kept (rules the code relies on):

* Until the reviewer changes something, the draft is *derived*: ``draft_gold(strategy)`` of the
  done annotations, nothing written. Browsing therefore never creates gold rows (a gold
  row, even a draft, stops ``annotator adjudicate`` from touching the article).
* The first edit stores the derived draft as a 'draft' gold row and applies the edit on
  top, in the same transaction: a refused edit leaves nothing written.
* Every action is one method, one transaction and one undo step that remembers the whole
  gold state before and after (status, strategy, spans, settled conflicts). Whole snapshots
  rather than per-span inverses because gold span ids change when a state is rewritten and
  "take annotator N's version" replaces several spans at once.
* Which conflicts are settled is kept in the store's review state, keyed by the article's
  content hash, so it survives a restart and travels with a merge.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..domain import Span, Suggestion
from ..errors import AnnotatorError, SpanError
from ..store import Project, now_iso
from ..team.adjudication import Conflict, Draft, agreement_class, draft_gold
from ..team.gold import (
    add_gold_span,
    delete_gold,
    delete_gold_span,
    gold_draft,
    gold_spans,
    save_gold,
    update_gold_span,
)
from .annotation import count_attributes, span_bounds
from .history import History, Step

STRATEGIES = ("unanimous", "majority", "min")
PROVENANCE_KEYS = ("annotators", "adjudicator", "adjudicated_at")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def plain(span: Span) -> Span:
    """A span as save_gold takes it: no id (gold rows are rewritten), provenance recomputed."""
    return Span(span.start, span.end, span.label, dict(span.attributes), "gold")


@dataclass(frozen=True)
class GoldState:
    """Everything one undo step restores for an article.

    ``status`` None means nothing is stored: the draft is derived from the strategy.
    """

    status: str | None
    strategy: str
    k: int
    spans: tuple[Span, ...]
    resolved: frozenset[tuple[int, int]]


class ReviewSession:
    """The reviewer's current article: annotators' spans, strategy, draft, conflicts, gold."""

    def __init__(self, project: Project, reviewer: str, default_strategy: tuple[str, int] = ("unanimous", 2)):
        project.require_reviewer(reviewer)
        self.project = project
        self.reviewer = reviewer
        self.history = History(project)
        self.default_strategy = default_strategy
        self.article_id: int | None = None
        self.text = ""
        self.annotators: tuple[str, ...] = ()
        self.by_annotator: dict[str, list[Span]] = {}
        self.strategy, self.k = default_strategy
        self.draft: Draft | None = None
        self.conflicts: list[Conflict] = []
        self.gold_status: str | None = None
        self.spans: list[Span] = []
        self.resolved: set[tuple[int, int]] = set()
        self.conflict_index: int | None = None
        self.score: float | None = None

    # ---------------------------------------------------------------- reading
    def open(self, article_id: int, annotators: Sequence[str] | None = None, score: float | None = None,
             *, keep_conflict: bool = False) -> None:
        """(Re)read everything about the article from the store.

        ``annotators`` and ``score`` come from the review queue when the caller has them.
        ``keep_conflict``: stay on the same conflict (after an edit or an undo).
        """
        article = self.project.article(article_id)
        same = article_id == self.article_id
        previous = self.current_conflict() if keep_conflict and same else None
        self.article_id = article_id
        self.text = article.text
        self.annotators = tuple(sorted(annotators)) if annotators is not None else tuple(sorted(
            a.annotator for a in self.project.annotations_of(article_id) if a.status == "done"))
        self.by_annotator = {name: self.project.spans(article_id, name) for name in self.annotators}
        stored = gold_draft(self.project, article_id)
        record = self.project.review.get(article_id) or {}
        # The article's own strategy if it has one, else the reviewer's usual choice (not
        # whatever the previous article happened to use).
        default_strategy, default_k = self.default_strategy
        strategy = record.get("strategy") or (self.project.gold.strategy(article_id) if stored else None) \
            or default_strategy
        if strategy not in STRATEGIES:
            strategy = default_strategy
        self._set_strategy(strategy, int(record.get("k") or default_k))
        if stored is None:
            self.gold_status, self.spans, self.resolved = None, self.derived_spans(), set()
        else:
            self.gold_status, self.spans = stored[0], list(stored[1])
            extents = {(c.start, c.end) for c in self.conflicts}
            if record:
                self.resolved = {(int(a), int(b)) for a, b in record["resolved"]} & extents
            else:
                # Gold accepted before review mode kept notes (batch adjudication, an older
                # version): everything in it was decided.
                self.resolved = set(extents) if self.gold_status == "accepted" else set()
        self.score = score if score is not None else self._article_score()
        self.conflict_index = None
        if previous is not None:
            self.conflict_index = next((i for i, c in enumerate(self.conflicts)
                                        if (c.start, c.end) == (previous.start, previous.end)), None)

    def reload(self) -> None:
        if self.article_id is not None:
            self.open(self.article_id, self.annotators, self.score, keep_conflict=True)

    def _set_strategy(self, strategy: str, k: int) -> None:
        n = max(1, len(self.annotators))
        self.strategy, self.k = strategy, max(1, min(k, n))
        self.draft = draft_gold(self.by_annotator, self.strategy, self.k)  # type: ignore[arg-type]
        self.conflicts = list(self.draft.conflicts)

    def _article_score(self) -> float | None:
        if len(self.annotators) < 2 or self.article_id is None:
            return None
        from ..team.agreement import ArticleAnnotations, compute_agreement

        report = compute_agreement([ArticleAnnotations(self.article_id, "", self.by_annotator, tokens=())])
        return report.articles[0].score if report.articles else None

    def derived_spans(self) -> list[Span]:
        """The strategy's draft as spans; negative ids stand in until it is stored."""
        assert self.draft is not None
        gold = self.draft.gold_spans(self.reviewer, now_iso())
        return [replace(s, id=-(i + 1)) for i, s in enumerate(gold)]

    def span(self, span_id: int | None) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None) if span_id is not None else None

    def classes(self, annotator: str) -> list[str]:
        return [agreement_class(s, self.by_annotator) for s in self.by_annotator.get(annotator, [])]

    def state(self) -> GoldState:
        return GoldState(self.gold_status, self.strategy, self.k, tuple(plain(s) for s in self.spans),
                         frozenset(self.resolved))

    # --------------------------------------------------------------- conflicts
    def conflicts_left(self) -> int:
        return sum(1 for c in self.conflicts if (c.start, c.end) not in self.resolved)

    def is_settled(self, conflict: Conflict) -> bool:
        return (conflict.start, conflict.end) in self.resolved

    def current_conflict(self) -> Conflict | None:
        if self.conflict_index is None or not 0 <= self.conflict_index < len(self.conflicts):
            return None
        return self.conflicts[self.conflict_index]

    def conflict_at(self, cp: int) -> int | None:
        return next((i for i, c in enumerate(self.conflicts) if c.start <= cp < c.end), None)

    def neighbour_conflict(self, step: int, cursor: int) -> int | None:
        """The conflict after (``step`` +1) or before (-1) the current one, or, with none
        current, the first after / last before the ``cursor``; None at either end."""
        conflicts = self.conflicts
        if not conflicts:
            return None
        if self.conflict_index is None:
            if step > 0:
                return next((i for i, c in enumerate(conflicts) if c.end > cursor), 0)
            return next((i for i in range(len(conflicts) - 1, -1, -1) if conflicts[i].start < cursor),
                        len(conflicts) - 1)
        target = self.conflict_index + step
        return target if 0 <= target < len(conflicts) else None

    def first_open_conflict(self) -> int | None:
        if not self.conflicts:
            return None
        return next((i for i, c in enumerate(self.conflicts) if not self.is_settled(c)), 0)

    def next_open_after(self, settled: Conflict) -> int | None:
        """The next unsettled conflict after ``settled`` (wrapping), or None."""
        idx = next((i for i, c in enumerate(self.conflicts) if (c.start, c.end) == (settled.start, settled.end)),
                   -1)
        order = list(range(idx + 1, len(self.conflicts))) + list(range(idx + 1))
        return next((i for i in order if not self.is_settled(self.conflicts[i])), None)

    def open_options(self) -> list[Suggestion]:
        """Options of unsettled conflicts that are not in the gold (drawn dashed)."""
        in_gold = {s.key() for s in self.spans}
        n = max(1, len(self.annotators))
        out = []
        for c in self.conflicts:
            if self.is_settled(c):
                continue
            for o in c.options:
                if o.key() not in in_gold:
                    who = ", ".join(f"{self.annotators.index(a) + 1}·{a}" for a in o.supporters
                                    if a in self.annotators)
                    out.append(Suggestion(o.start, o.end, o.label, who, len(o.supporters) / n))
        return out

    # ------------------------------------------------------------ gold writes
    def _article(self) -> int:
        if self.article_id is None:
            raise AnnotatorError("no article is open")
        return self.article_id

    def _write_state(self, article_id: int, state: GoldState) -> None:
        """Make the store hold ``state`` for the article (None status: no gold at all)."""
        with self.project.transaction():
            if state.status is None:
                delete_gold(self.project, article_id, self.reviewer)
            else:
                save_gold(self.project, article_id, self.reviewer, list(state.spans), state.strategy,
                          status=state.status)
            self.project.review.set(article_id, state.strategy, state.k, state.resolved)

    def _record(self, text: str, article_id: int, before: GoldState, after: GoldState) -> None:
        self.history.push(Step(text, article_id, lambda: self._write_state(article_id, before),
                               lambda: self._write_state(article_id, after)))

    def _transition(self, after: GoldState, text: str) -> None:
        """Write a whole new state for the current article: one transaction, one undo step."""
        article_id = self._article()
        before = self.state()
        self._write_state(article_id, after)
        self._record(text, article_id, before, after)
        self.reload()

    def _edit(self, text: str, action: Callable[[], Span | None], touched: Sequence[tuple[int, int]]) -> Span | None:
        """One span edit on the stored gold (the derived draft is stored first), in one
        transaction with the settled conflicts it touches: a refused edit writes nothing."""
        article_id = self._article()
        before = self.state()
        resolved = set(self.resolved) | {(c.start, c.end) for c in self.conflicts
                                         for a, b in touched if overlaps(a, b, c.start, c.end)}
        with self.project.transaction():
            if self.gold_status is None:
                save_gold(self.project, article_id, self.reviewer, [plain(s) for s in self.spans], self.strategy,
                          status="draft")
            result = action()
            self.project.review.set(article_id, self.strategy, self.k, resolved)
            stored = gold_draft(self.project, article_id)
        assert stored is not None
        after = GoldState(stored[0], self.strategy, self.k, tuple(plain(s) for s in stored[1]),
                          frozenset(resolved))
        self._record(text, article_id, before, after)
        self.reload()
        return result

    def _stored_id(self, key: tuple[int, int, str]) -> int:
        """The id of a gold span now in the store (inside the edit's transaction)."""
        span = next((s for s in gold_spans(self.project, self._article()) if s.key() == key), None)
        if span is None or span.id is None:
            raise SpanError(f"the span {key} is no longer in the gold")
        return span.id

    # ------------------------------------------------------------ span edits
    def create_span(self, start: int, end: int, label: str, *, exact: bool = False) -> Span:
        """Snap, read COUNT attributes, add to the gold: one step."""
        article_id = self._article()
        s, e = span_bounds(self.text, start, end, exact=exact)
        attrs = count_attributes(self.text, s, e) if label == "COUNT" else {}
        span = self._edit("add span",
                          lambda: add_gold_span(self.project, article_id, self.reviewer, s, e, label, attrs),
                          [(s, e)])
        assert span is not None
        return self._by_key(span.key()) or span

    def relabel(self, span_id: int, label: str) -> Span | None:
        before = self.span(span_id)
        if before is None or before.label == label:
            return None
        attrs = {k: v for k, v in before.attributes.items() if k not in PROVENANCE_KEYS}
        if label == "COUNT" and not attrs:
            attrs = count_attributes(self.text, before.start, before.end)
        key = before.key()
        saved = self._edit("relabel span",
                           lambda: update_gold_span(self.project, self._stored_id(key), self.reviewer,
                                                    label=label, attributes=attrs),
                           [(before.start, before.end)])
        return self._by_key(saved.key()) if saved is not None else None

    def delete_span(self, span_id: int) -> Span:
        span = self.span(span_id)
        if span is None:
            raise SpanError(f"no gold span with id {span_id}")
        key = span.key()
        self._edit("delete span", lambda: delete_gold_span(self.project, self._stored_id(key), self.reviewer),
                   [(span.start, span.end)])
        return span

    def _by_key(self, key: tuple[int, int, str]) -> Span | None:
        return next((s for s in self.spans if s.key() == key), None)

    # -------------------------------------------------------------- decisions
    def replace_range(self, start: int, end: int, chosen: Sequence[Span], conflict: Conflict | None,
                      text: str) -> None:
        """Gold spans overlapping [start, end) give way to ``chosen``: one step."""
        keep = [plain(s) for s in self.spans
                if not overlaps(s.start, s.end, start, end)
                and not any(overlaps(s.start, s.end, x.start, x.end) for x in chosen)]
        new = sorted(keep + [Span(s.start, s.end, s.label, dict(s.attributes), "gold") for s in chosen],
                     key=lambda s: (s.start, s.end))
        resolved = set(self.resolved)
        if conflict is not None:
            resolved.add((conflict.start, conflict.end))
        self._transition(GoldState(self.gold_status or "draft", self.strategy, self.k, tuple(new),
                                   frozenset(resolved)), text)

    def settle(self, conflict: Conflict, chosen: Sequence[Span], text: str) -> None:
        start = min([conflict.start, *(s.start for s in chosen)])
        end = max([conflict.end, *(s.end for s in chosen)])
        self.replace_range(start, end, chosen, conflict, text)

    def take_version(self, conflict: Conflict, number: int) -> str:
        """The conflict's text becomes what annotator ``number`` (1-based) marked there;
        returns that annotator's name."""
        if not 1 <= number <= len(self.annotators):
            raise AnnotatorError(f"there is no annotator {number} on this article")
        name = self.annotators[number - 1]
        chosen = [s for s in self.by_annotator.get(name, []) if overlaps(s.start, s.end, conflict.start, conflict.end)]
        self.settle(conflict, chosen, f"take a version ({number} · {name})")
        return name

    def reject_all(self, conflict: Conflict) -> None:
        """None of the conflict's options goes into the gold."""
        self.settle(conflict, [], "reject all options")

    def take_option(self, start: int, end: int, label: str) -> None:
        """A dashed option (with its label or another) replaces whatever gold overlaps it."""
        index = self.conflict_at(start)
        self.replace_range(start, end, [Span(start, end, label)],
                           self.conflicts[index] if index is not None else None, "take option")

    def set_strategy(self, strategy: str, k: int | None = None) -> bool:
        """Recompute the draft with another strategy. Stored gold becomes a draft of the new
        merge (one step); returns True if that gold had been accepted before."""
        if strategy not in STRATEGIES:
            raise AnnotatorError(f"unknown strategy {strategy!r}")
        k = self.k if k is None else k
        if self.article_id is None or self.gold_status is None:
            # Nothing stored: the draft is simply derived again, nothing to undo.
            self._set_strategy(strategy, k)
            if self.article_id is not None:
                self.spans, self.resolved, self.conflict_index = self.derived_spans(), set(), None
            return False
        was_accepted = self.gold_status == "accepted"
        draft = draft_gold(self.by_annotator, strategy, k)  # type: ignore[arg-type]
        spans = tuple(plain(s) for s in draft.gold_spans(self.reviewer, now_iso()))
        self._transition(GoldState("draft", strategy, k, spans, frozenset()), "change strategy")
        return was_accepted

    def accept_gold(self) -> None:
        """Save the gold (with provenance) as accepted; every conflict counts as settled."""
        all_conflicts = frozenset((c.start, c.end) for c in self.conflicts)
        self._transition(GoldState("accepted", self.strategy, self.k, tuple(plain(s) for s in self.spans),
                                   all_conflicts), "accept as gold")

    # ----------------------------------------------------------------- history
    def undo(self) -> Step | None:
        return self._after(self.history.undo())

    def redo(self) -> Step | None:
        return self._after(self.history.redo())

    def _after(self, step: Step | None) -> Step | None:
        if step is not None and step.article_id == self.article_id:
            self.reload()
        return step

    # ------------------------------------------------------------------ misc
    def remember_article(self) -> None:
        self.project.set_setting(f"last_review:{self.reviewer}", self._article())

    def last_article(self) -> int | None:
        last = self.project.setting(f"last_review:{self.reviewer}")
        return None if last is None else int(last)
