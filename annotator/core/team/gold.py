"""Gold annotations: the reviewer's span-by-span edits and batch adjudication.

The rest of the team workflow lives next door: the review queue (:mod:`.queue`), combining
annotators' spans into a draft (:mod:`.adjudication`), agreement (:mod:`.agreement`) and
assignment (:mod:`.assignment`); bringing project files together is :mod:`annotator.core.sync`.

Everything here takes an open :class:`~annotator.core.store.Project` and never imports Qt,
so the CLI, the GUI and the tests share one implementation. Every function that writes does
so in one transaction (``with project.transaction():``): it either applies all of its change or
none of it, and a call made inside another transaction joins it.

Gold lives in ``gold`` (one row per article: adjudicator, strategy, status, timestamps) and
``gold_spans``. A gold row is ``'draft'`` while a reviewer edits it span by span in the GUI
(each edit is saved at once, like annotate mode) and ``'accepted'`` when done; only accepted
gold is exported. Every gold span carries provenance in its attributes: ``annotators`` (who
marked exactly that span), ``adjudicator`` and ``adjudicated_at``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain import Span
from ..errors import AnnotatorError, ProjectError, SpanError
from ..store import Project, now_iso
from .adjudication import STRATEGIES, DraftSpan, draft_gold, provenance

GOLD_STATUSES = ("draft", "accepted")
# Keys that provenance() writes into a gold span's attributes; recomputed on every edit so
# they always describe the span as it is now.
PROVENANCE_KEYS = ("annotators", "adjudicator", "adjudicated_at")

SpanKey = tuple[int, int, str]


# ===================================================================================== gold
def gold_rows(project: Project) -> list[tuple[int, str, str | None]]:
    """(article_id, adjudicator, updated_at) of every ACCEPTED gold article, by article id.

    Drafts are left out because a half-adjudicated article must not reach a training set.
    """
    return project.gold.accepted_rows()


def gold_spans(project: Project, article_id: int) -> list[Span]:
    """The gold spans of an article (draft or accepted), by position, with their provenance."""
    return project.gold.spans(article_id)


def gold_draft(project: Project, article_id: int) -> tuple[str, list[Span]] | None:
    """(status, spans) of the article's gold, or None when nobody has adjudicated it yet.

    The review view opens an article with this: a draft continues where the reviewer
    stopped (its edits were saved as they happened), accepted gold can be corrected.
    """
    status = project.gold.status(article_id)
    if status is None:
        return None
    return status, gold_spans(project, article_id)


def save_gold(project: Project, article_id: int, adjudicator: str, spans: Sequence[Span],
              strategy: str | None = None, *, status: str = "accepted") -> list[Span]:
    """Replace the article's gold with ``spans`` in one transaction and return it as stored.

    Only reviewers write gold (PermissionDenied otherwise): gold is what models are trained
    and evaluated on. Spans are checked against the text and the label schema exactly like
    an annotator's (whitespace trimmed, overlap rules); identical duplicates are dropped.
    Provenance is recomputed from the annotations now in the project, so a span the
    reviewer drew by hand still records which annotators had marked it.
    """
    _check_gold_status(status)
    project.require_reviewer(adjudicator)
    with project.transaction():
        text = project.article_text(article_id)
        accepted = _validate_spans(project, text, spans)
        support = _supporters(project, article_id)
        when = now_iso()
        gold_id = project.gold.upsert(article_id, adjudicator, strategy, status, when)
        project.gold.replace_spans(
            gold_id, [_with_provenance(s, support.get(s.key(), ()), adjudicator, when) for s in accepted], when,
        )
    return gold_spans(project, article_id)


def set_gold_status(project: Project, article_id: int, adjudicator: str, status: str) -> None:
    """Accept a draft (or reopen accepted gold as a draft). ProjectError if there is no gold."""
    _check_gold_status(status)
    project.require_reviewer(adjudicator)
    with project.transaction():
        if not project.gold.set_status(article_id, adjudicator, status, now_iso()):
            raise ProjectError(f"article {article_id} has no gold annotation yet")


def delete_gold(project: Project, article_id: int, adjudicator: str) -> bool:
    """Discard the article's gold (draft or accepted); True if there was any."""
    project.require_reviewer(adjudicator)
    with project.transaction():
        return project.gold.delete(article_id)


def add_gold_span(project: Project, article_id: int, adjudicator: str, start: int, end: int,
                  label: str, attributes: dict[str, Any] | None = None) -> Span:
    """Add one span to the article's gold (one transaction); returns it with its id.

    Without gold yet, a 'draft' is started so the reviewer's first click is already saved.
    Accepted gold stays accepted: the reviewer is correcting it, not reopening it.
    """
    project.require_reviewer(adjudicator)
    with project.transaction():
        text = project.article_text(article_id)
        when = now_iso()
        gold_id = project.gold.id_for(article_id)
        if gold_id is None:
            gold_id = project.gold.upsert(article_id, adjudicator, "manual", "draft", when)
        start, end = project.validate_span(text, start, end, label, project.gold.spans_by_id(gold_id))
        support = _supporters(project, article_id).get((start, end, label), ())
        span = _with_provenance(Span(start, end, label, dict(attributes or {})), support, adjudicator, when)
        span_id = project.gold.insert_span(gold_id, span, when)
        project.gold.touch(gold_id, adjudicator, when)
    return Span(start, end, label, span.attributes, "gold", span_id, when)


def delete_gold_span(project: Project, span_id: int, adjudicator: str) -> Span:
    """Delete one gold span (one transaction) and return it, so the GUI can offer undo."""
    project.require_reviewer(adjudicator)
    with project.transaction():
        span, gold_id, _ = project.gold.span_row(span_id)
        project.gold.delete_span(span_id)
        project.gold.touch(gold_id, adjudicator, now_iso())
    return span


def update_gold_span(project: Project, span_id: int, adjudicator: str, *, label: str | None = None,
                     start: int | None = None, end: int | None = None,
                     attributes: dict[str, Any] | None = None) -> Span:
    """Change a gold span's label, offsets or attributes (one transaction); returns it.

    Provenance is recomputed: after a change of boundaries or label, different annotators
    may have marked exactly this span, and this reviewer is now its adjudicator.
    """
    project.require_reviewer(adjudicator)
    with project.transaction():
        old, gold_id, article_id = project.gold.span_row(span_id)
        new_label = old.label if label is None else label
        new_start = old.start if start is None else start
        new_end = old.end if end is None else end
        others = [s for s in project.gold.spans_by_id(gold_id) if s.id != span_id]
        new_start, new_end = project.validate_span(
            project.article_text(article_id), new_start, new_end, new_label, others
        )
        when = now_iso()
        base = old.attributes if attributes is None else dict(attributes)
        support = _supporters(project, article_id).get((new_start, new_end, new_label), ())
        new = _with_provenance(Span(new_start, new_end, new_label, base), support, adjudicator, when)
        project.gold.update_span(span_id, new)
        project.gold.touch(gold_id, adjudicator, when)
    return Span(new_start, new_end, new_label, new.attributes, old.origin, span_id, old.created_at)


def _check_gold_status(status: str) -> None:
    if status not in GOLD_STATUSES:
        raise ProjectError(f"gold status must be one of {', '.join(GOLD_STATUSES)}, got {status!r}")














def _validate_spans(project: Project, text: str, spans: Iterable[Span]) -> list[Span]:
    """Check spans in position order (so overlap messages are stable); drop exact duplicates."""
    accepted: list[Span] = []
    seen: set[SpanKey] = set()
    for s in sorted(spans, key=lambda s: (s.start, s.end, s.label)):
        start, end = project.validate_span(text, s.start, s.end, s.label, accepted)
        if (start, end, s.label) in seen:
            continue
        seen.add((start, end, s.label))
        accepted.append(Span(start, end, s.label, dict(s.attributes), "gold"))
    return accepted


def _supporters(project: Project, article_id: int) -> dict[SpanKey, tuple[str, ...]]:
    """For each (start, end, label) any annotator marked on the article: who marked it."""
    support: dict[SpanKey, set[str]] = defaultdict(set)
    for start, end, label, name in project.annotations.supporters(article_id):
        support[(start, end, label)].add(name)
    return {key: tuple(sorted(names)) for key, names in support.items()}


def _with_provenance(span: Span, supporters: Sequence[str], adjudicator: str, when: str) -> Span:
    attrs = {k: v for k, v in span.attributes.items() if k not in PROVENANCE_KEYS}
    attrs.update(provenance(DraftSpan(span.start, span.end, span.label, tuple(supporters)), adjudicator, when))
    return Span(span.start, span.end, span.label, attrs, "gold", span.id, span.created_at)


# ====================================================================== batch adjudication
@dataclass
class AdjudicationSummary:
    """What :func:`adjudicate_batch` did."""

    strategy: str
    considered: int = 0  # articles with enough done annotations
    written: int = 0  # gold written (no conflicts left)
    conflicts_remaining: int = 0  # left for a reviewer: the strategy could not settle them
    skipped_existing: int = 0  # already had gold (draft or accepted), left alone
    spans: int = 0  # gold spans written
    conflict_articles: list[int] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.written} articles adjudicated ({self.strategy}, {self.spans} gold spans); "
            f"{self.conflicts_remaining} left with conflicts for review; "
            f"{self.skipped_existing} skipped (gold exists); {self.considered} considered"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "strategy": self.strategy,
            "considered": self.considered,
            "written": self.written,
            "conflicts_remaining": self.conflicts_remaining,
            "skipped_existing": self.skipped_existing,
            "spans": self.spans,
            "conflict_articles": list(self.conflict_articles),
        }


def adjudicate_batch(project: Project, adjudicator: str, strategy: str = "unanimous",
                     min_annotators: int = 2) -> AdjudicationSummary:
    """Write gold for every article whose done annotations combine without conflicts.

    Articles need ``min_annotators`` done annotations (with fewer, the ``min`` strategy could
    never reach its threshold and unanimity of one person is no check at all). Articles that
    already have gold — accepted, or a draft a reviewer is working on — are never touched:
    a reviewer's decision outranks an automatic one. Articles with conflicts are counted and
    listed for the review queue. The whole batch is one transaction.
    """
    if strategy not in STRATEGIES:
        raise AnnotatorError(f"unknown strategy {strategy!r}; use one of {', '.join(STRATEGIES)}")
    if min_annotators < 1:
        raise AnnotatorError(f"min_annotators must be at least 1, not {min_annotators}")
    project.require_reviewer(adjudicator)
    summary = AdjudicationSummary(strategy=strategy)
    with project.transaction():
        grouped = project.annotations.spans_by_article(("done",), min_annotators)
        existing = project.gold.article_ids()
        when = now_iso()
        for aid in sorted(grouped):
            summary.considered += 1
            if aid in existing:
                summary.skipped_existing += 1
                continue
            draft = draft_gold(grouped[aid], strategy, min_annotators)  # type: ignore[arg-type]
            spans = draft.gold_spans(adjudicator, when)
            if draft.conflicts or not _fits(project, project.article_text(aid), spans):
                summary.conflicts_remaining += 1
                summary.conflict_articles.append(aid)
                continue
            gold_id = project.gold.upsert(aid, adjudicator, strategy, "accepted", when)
            project.gold.insert_spans(gold_id, spans, when)
            summary.written += 1
            summary.spans += len(spans)
    return summary


def _fits(project: Project, text: str, spans: Sequence[Span]) -> bool:
    """Whether the combined spans pass this project's span rules.

    They come from validated annotations, so this only fails if the rules changed since
    (e.g. overlap was switched off); such an article is left to a reviewer, not aborted.
    """
    accepted: list[Span] = []
    try:
        for s in spans:
            project.check_span(text, s.start, s.end, accepted)
            accepted.append(s)
    except SpanError:
        return False
    return True
