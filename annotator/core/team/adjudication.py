"""Combining several annotators' spans into a gold draft for a reviewer to adjudicate.

Pure functions over ``spans_by_annotator: dict[annotator, list[span]]`` where a span is
anything with ``start``, ``end`` and ``label`` (:class:`annotator.core.domain.Span`,
:class:`DraftSpan`, a suggestion). Annotators present in the mapping with an empty list count:
they looked at the article and marked nothing, which is a vote against every span.

How :func:`draft_gold` decides, in order:

1. Candidates are the distinct (start, end, label) triples; a candidate's *supporters* are
   the annotators who marked exactly it.
2. The strategy accepts a candidate by support count: ``unanimous`` = every annotator,
   ``majority`` = more than half, ``min`` = at least ``min_annotators``.
3. Accepted candidates that overlap each other compete: one is kept only if its support is
   strictly greater than that of every accepted candidate it overlaps. Kept spans therefore
   never overlap; a tie keeps neither, because there is no principled winner.
4. Whatever the strategy did not settle is a :class:`Conflict` for the reviewer: accepted
   candidates that were not kept, and rejected candidates that overlap nothing kept.
   Rejected candidates that overlap a kept span count as settled (the majority overruled them).
   Conflict options are grouped into clusters of overlapping candidates; a kept span that
   overlaps an unsettled one is listed too (``in_draft=True``) so the reviewer sees the
   alternative it beat.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from annotator.core.domain import Span
from annotator.core.errors import AnnotatorError

Strategy = Literal["unanimous", "majority", "min"]
AgreementClass = Literal["all", "partial", "conflict"]
STRATEGIES: tuple[str, ...] = ("unanimous", "majority", "min")
SpanKey = tuple[int, int, str]


@dataclass(frozen=True)
class DraftSpan:
    """A span proposed for the gold standard, with the annotators who marked exactly it."""

    start: int
    end: int
    label: str
    supporters: tuple[str, ...]

    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)

    def overlaps(self, other: Any) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class ConflictOption:
    """One alternative of a conflict; ``in_draft`` if the strategy already put it in the draft."""

    start: int
    end: int
    label: str
    supporters: tuple[str, ...]
    in_draft: bool = False

    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)


@dataclass(frozen=True)
class Conflict:
    """A cluster of overlapping candidates the strategy did not settle; start/end is its extent."""

    start: int
    end: int
    options: tuple[ConflictOption, ...]


@dataclass(frozen=True)
class Draft:
    """Result of :func:`draft_gold`: spans for the gold draft and what the reviewer must decide."""

    spans: tuple[DraftSpan, ...]
    conflicts: tuple[Conflict, ...]
    annotators: tuple[str, ...]
    strategy: str

    def gold_spans(self, adjudicator: str, when: str) -> list[Span]:
        """The draft as gold :class:`Span` objects carrying their :func:`provenance`."""
        return [
            Span(s.start, s.end, s.label, provenance(s, adjudicator, when), origin="gold")
            for s in self.spans
        ]


def draft_gold(
    spans_by_annotator: Mapping[str, Sequence[Any]],
    strategy: Strategy = "majority",
    min_annotators: int = 2,
) -> Draft:
    """Combine annotators' spans into a :class:`Draft` (rules in the module docstring)."""
    threshold = _support_threshold(strategy, len(spans_by_annotator), min_annotators)
    candidates = _candidates(spans_by_annotator)
    spans: list[DraftSpan] = []
    conflicts: list[Conflict] = []
    for cluster in _overlap_clusters(candidates):
        kept, cluster_conflicts = _resolve_cluster(cluster, threshold)
        spans.extend(kept)
        conflicts.extend(cluster_conflicts)
    spans.sort(key=lambda s: (s.start, s.end, s.label))
    conflicts.sort(key=lambda c: (c.start, c.end))
    return Draft(tuple(spans), tuple(conflicts), tuple(sorted(spans_by_annotator)), strategy)


def _support_threshold(strategy: str, n_annotators: int, min_annotators: int) -> int:
    """The smallest number of supporters the strategy accepts."""
    if strategy == "unanimous":
        return max(n_annotators, 1)
    if strategy == "majority":
        return n_annotators // 2 + 1
    if strategy == "min":
        if min_annotators < 1:
            raise AnnotatorError(f"min_annotators must be at least 1, not {min_annotators}")
        return min_annotators
    choices = ", ".join(STRATEGIES)
    raise AnnotatorError(f"Unknown adjudication strategy {strategy!r}; use one of {choices}")


def _candidates(spans_by_annotator: Mapping[str, Sequence[Any]]) -> list[DraftSpan]:
    """Distinct (start, end, label) triples with their supporters, sorted by position."""
    supporters: dict[SpanKey, set[str]] = {}
    for annotator, spans in spans_by_annotator.items():
        for span in spans:
            supporters.setdefault((span.start, span.end, span.label), set()).add(annotator)
    return [
        DraftSpan(start, end, label, tuple(sorted(names)))
        for (start, end, label), names in sorted(supporters.items())
    ]


def _overlap_clusters(candidates: list[DraftSpan]) -> list[list[DraftSpan]]:
    """Connected groups of overlapping candidates (input sorted by start)."""
    clusters: list[list[DraftSpan]] = []
    cluster_end = None
    for candidate in candidates:
        if cluster_end is not None and candidate.start < cluster_end:
            clusters[-1].append(candidate)
            cluster_end = max(cluster_end, candidate.end)
        else:
            clusters.append([candidate])
            cluster_end = candidate.end
    return clusters


def _resolve_cluster(
    cluster: list[DraftSpan], threshold: int
) -> tuple[list[DraftSpan], list[Conflict]]:
    """Kept spans and remaining conflicts of one cluster of overlapping candidates."""
    accepted = [c for c in cluster if len(c.supporters) >= threshold]
    kept = [c for c in accepted if _beats_overlapping(c, accepted)]
    unsettled = [
        c
        for c in cluster
        if c not in kept and (c in accepted or not any(c.overlaps(k) for k in kept))
    ]
    if not unsettled:
        return kept, []
    shown_kept = [k for k in kept if any(k.overlaps(u) for u in unsettled)]
    options = [_option(c, in_draft=c in shown_kept) for c in unsettled + shown_kept]
    options.sort(key=lambda o: (o.start, o.end, o.label))
    return kept, [_conflict(group) for group in _option_clusters(options)]


def _beats_overlapping(candidate: DraftSpan, accepted: list[DraftSpan]) -> bool:
    support = len(candidate.supporters)
    return all(
        len(other.supporters) < support
        for other in accepted
        if other is not candidate and candidate.overlaps(other)
    )


def _option(candidate: DraftSpan, in_draft: bool) -> ConflictOption:
    return ConflictOption(
        candidate.start, candidate.end, candidate.label, candidate.supporters, in_draft
    )


def _option_clusters(options: list[ConflictOption]) -> list[list[ConflictOption]]:
    """Options sorted by start, split where they stop overlapping (like _overlap_clusters)."""
    groups: list[list[ConflictOption]] = []
    group_end = None
    for option in options:
        if group_end is not None and option.start < group_end:
            groups[-1].append(option)
            group_end = max(group_end, option.end)
        else:
            groups.append([option])
            group_end = option.end
    return groups


def _conflict(options: list[ConflictOption]) -> Conflict:
    return Conflict(
        start=min(o.start for o in options),
        end=max(o.end for o in options),
        options=tuple(options),
    )


def agreement_class(span: Any, spans_by_annotator: Mapping[str, Iterable[Any]]) -> AgreementClass:
    """How far the annotators agree on ``span``, for colouring it in the review view.

    ``"conflict"``: some annotator marked an overlapping span with another label or other
    boundaries. Otherwise ``"all"`` if every annotator marked exactly this span, else
    ``"partial"`` (some marked it, the others left the text unmarked).
    """
    key = (span.start, span.end, span.label)
    holders = 0
    for spans in spans_by_annotator.values():
        has_exact = False
        for other in spans:
            other_key = (other.start, other.end, other.label)
            if other_key == key:
                has_exact = True
            elif other.start < span.end and span.start < other.end:
                return "conflict"
        holders += has_exact
    return "all" if spans_by_annotator and holders == len(spans_by_annotator) else "partial"


def provenance(draft_span: DraftSpan, adjudicator: str, when: str) -> dict[str, Any]:
    """Attributes stored with a gold span: who marked it, who accepted it, and when."""
    return {
        "annotators": list(draft_span.supporters),
        "adjudicator": adjudicator,
        "adjudicated_at": when,
    }
