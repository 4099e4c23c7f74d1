"""Inter-annotator agreement over a corpus: the report behind ``annotator agreement``, the review
queue's scores and the agreement dialog; :func:`project_agreement` reads it from a project.

The measures themselves (P/R/F1, kappa, alpha) are :mod:`annotator.core.team.metrics`; the
conventions (absent annotator = missing data, empty vs empty = perfect) are documented there.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np

from .metrics import (
    MICRO,
    PRF,
    MatchCounts,
    SpanKey,
    Token,
    _alpha_from_value_counts,
    _bounds_of,
    _counts_to_prf,
    _group_by_label,
    _kappa_from_codes,
    _keys,
    _match_counts,
    _project_spans,
    _sum_prf,
)

if TYPE_CHECKING:
    from ..store import Project


@dataclass(frozen=True)
class ArticleAnnotations:
    """One article as the store hands it over.

    ``spans_by_annotator`` holds only the annotators who annotated the article (an empty list
    means "annotated, nothing found"). ``tokens`` may carry another tokeniser's (start, end)
    pairs; by default :func:`simple_tokens` is used.
    """

    article_id: Any
    text: str
    spans_by_annotator: Mapping[str, Sequence[Any]]
    tokens: Sequence[Token] | None = None


@dataclass(frozen=True)
class PairAgreement:
    """Agreement of two annotators over the articles both annotated."""

    annotators: tuple[str, str]
    n_articles: int
    n_tokens: int
    exact: dict[str, PRF]  # per label
    overlap: dict[str, PRF]
    kappa: float  # token level, nan without shared tokens

    @property
    def exact_micro(self) -> PRF:
        return _sum_prf(self.exact.values())

    @property
    def overlap_micro(self) -> PRF:
        return _sum_prf(self.overlap.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "articles": self.n_articles,
            "tokens": self.n_tokens,
            "exact": _prf_table_dict(self.exact),
            "overlap": _prf_table_dict(self.overlap),
            "kappa": _json_float(self.kappa),
        }


@dataclass(frozen=True)
class ArticleAgreement:
    """Per-article score: mean over annotator pairs of the micro overlap-F1.

    ``score`` is None when fewer than two annotators did the article (nothing to compare).
    """

    article_id: Any
    annotators: tuple[str, ...]
    n_spans: int
    score: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "annotators": list(self.annotators),
            "spans": self.n_spans,
            "score": self.score,
        }


@dataclass(frozen=True)
class AgreementReport:
    """Everything :func:`compute_agreement` measures; ``overall_*`` are micro over pairs."""

    label: str | None
    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    pairs: tuple[PairAgreement, ...]
    overall_exact: dict[str, PRF]
    overall_overlap: dict[str, PRF]
    alpha: float  # Krippendorff, nominal, token units, all annotators
    articles: tuple[ArticleAgreement, ...] = field(repr=False)

    @property
    def overall_exact_micro(self) -> PRF:
        return _sum_prf(self.overall_exact.values())

    @property
    def overall_overlap_micro(self) -> PRF:
        return _sum_prf(self.overall_overlap.values())

    @property
    def mean_kappa(self) -> float:
        """Light's kappa: the mean of the pairwise Cohen's kappas (pairs with a value only)."""
        values = [p.kappa for p in self.pairs if not math.isnan(p.kappa)]
        return sum(values) / len(values) if values else math.nan

    def worst_articles(self, n: int | None = None) -> list[ArticleAgreement]:
        """Compared articles, lowest score first (ties by id) — the review queue."""
        scored = [a for a in self.articles if a.score is not None]
        scored.sort(key=lambda a: (a.score, str(a.article_id)))
        return scored if n is None else scored[:n]

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable (nan becomes None)."""
        return {
            "label": self.label,
            "annotators": list(self.annotators),
            "labels": list(self.labels),
            "articles_total": len(self.articles),
            "articles_compared": sum(1 for a in self.articles if a.score is not None),
            "overall": {
                "exact": _prf_table_dict(self.overall_exact),
                "overlap": _prf_table_dict(self.overall_overlap),
                "mean_kappa": _json_float(self.mean_kappa),
                "alpha": _json_float(self.alpha),
            },
            "pairs": [p.to_dict() for p in self.pairs],
            "articles": [a.to_dict() for a in self.worst_articles()]
            + [a.to_dict() for a in self.articles if a.score is None],
        }

    def format_table(self, worst: int = 10) -> str:
        """Plain-text summary for the CLI (fixed-width columns, no colour)."""
        return _format_report(self, worst)


def compute_agreement(
    articles: Iterable[ArticleAnnotations],
    label: str | None = None,
    tokenizer: Callable[[str], Sequence[Token]] | None = None,
) -> AgreementReport:
    """Measure agreement over a corpus; ``label`` restricts every measure to one label.

    With a label filter the token level becomes binary (that label vs ``"O"``): the other
    labels' spans are removed before anything is computed. Tokens come from each article's
    ``tokens``, else ``tokenizer(text)``, else :func:`simple_tokens`.
    """
    articles = list(articles)
    annotators = tuple(sorted({name for art in articles for name in art.spans_by_annotator}))
    keys_per_article = [
        {name: _keys(spans, label) for name, spans in art.spans_by_annotator.items()}
        for art in articles
    ]
    labels = _labels_seen(keys_per_article, label)
    pair_names = list(combinations(annotators, 2))
    accumulator = _PairAccumulator(pair_names)
    article_scores = tuple(
        _score_article(art.article_id, keys, accumulator)
        for art, keys in zip(articles, keys_per_article)
    )

    codes = _token_code_matrix(articles, keys_per_article, annotators, labels, tokenizer)
    n_values = len(labels) + 1
    pairs = []
    for a, b in pair_names:
        row_a, row_b = codes[annotators.index(a)], codes[annotators.index(b)]
        shared = (row_a >= 0) & (row_b >= 0)
        pairs.append(
            PairAgreement(
                annotators=(a, b),
                n_articles=accumulator.articles[(a, b)],
                n_tokens=int(shared.sum()),
                exact=accumulator.table((a, b), "exact", labels),
                overlap=accumulator.table((a, b), "overlap", labels),
                kappa=_kappa_from_codes(row_a[shared], row_b[shared], n_values),
            )
        )
    return AgreementReport(
        label=label,
        annotators=annotators,
        labels=labels,
        pairs=tuple(pairs),
        overall_exact={lab: _sum_prf(p.exact[lab] for p in pairs) for lab in labels},
        overall_overlap={lab: _sum_prf(p.overlap[lab] for p in pairs) for lab in labels},
        alpha=_alpha_from_value_counts(_value_counts(codes, n_values)),
        articles=article_scores,
    )


class _PairAccumulator:
    """Running match counts per (pair, label) and the number of shared articles per pair."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self.counts: dict[tuple[str, str], dict[str, list[int]]] = {pair: {} for pair in pairs}
        self.articles: dict[tuple[str, str], int] = {pair: 0 for pair in pairs}

    def add(self, pair: tuple[str, str], per_label: dict[str, MatchCounts]) -> None:
        self.articles[pair] += 1
        table = self.counts[pair]
        for lab, counts in per_label.items():
            total = table.setdefault(lab, [0, 0, 0, 0])
            for i, value in enumerate(counts):
                total[i] += value

    def table(self, pair: tuple[str, str], mode: str, labels: tuple[str, ...]) -> dict[str, PRF]:
        table = self.counts[pair]
        return {lab: _counts_to_prf(tuple(table.get(lab, (0, 0, 0, 0))), mode) for lab in labels}


def _labels_seen(
    keys_per_article: list[dict[str, list[SpanKey]]], label: str | None
) -> tuple[str, ...]:
    if label is not None:
        return (label,)
    seen = {key[2] for keys in keys_per_article for spans in keys.values() for key in spans}
    return tuple(sorted(seen))


def _score_article(
    article_id: Any, keys: dict[str, list[SpanKey]], accumulator: _PairAccumulator
) -> ArticleAgreement:
    """Accumulate the article's pairwise counts and return its mean pairwise overlap-F1.

    Micro overlap-F1 of a pair is 2·tp / (spans of one + spans of the other), 1.0 if neither
    has a span — so an article nobody marked anything in scores 1.0.
    """
    names = tuple(sorted(keys))
    grouped = {name: _group_by_label(keys[name]) for name in names}
    f1s = []
    for a, b in combinations(names, 2):
        per_label = _match_counts(grouped[a], grouped[b])
        accumulator.add((a, b), per_label)
        tp = sum(c[1] for c in per_label.values())
        total = len(keys[a]) + len(keys[b])
        f1s.append(2 * tp / total if total else 1.0)
    score = sum(f1s) / len(f1s) if f1s else None
    n_spans = sum(len(spans) for spans in keys.values())
    return ArticleAgreement(article_id, names, n_spans, score)


def _token_code_matrix(
    articles: list[ArticleAnnotations],
    keys_per_article: list[dict[str, list[SpanKey]]],
    annotators: tuple[str, ...],
    labels: tuple[str, ...],
    tokenizer: Callable[[str], Sequence[Token]] | None,
) -> np.ndarray:
    """(annotators, all tokens of all articles) codes: -1 missing, 0 "O", 1.. labels.

    Per article the token boundaries are computed once and each annotator's spans are
    projected with :func:`_project_spans`, so the cost is per span, not per token.
    """
    code_of = {lab: i + 1 for i, lab in enumerate(labels)}
    row_of = {name: i for i, name in enumerate(annotators)}
    blocks = [np.zeros((len(annotators), 0), dtype=np.int16)]
    for art, keys in zip(articles, keys_per_article):
        tokens = art.tokens
        if tokens is None and tokenizer is not None:
            tokens = tokenizer(art.text)
        starts, ends = _bounds_of(art.text, tokens)
        block = np.full((len(annotators), len(starts)), -1, dtype=np.int16)
        for name, spans in keys.items():
            block[row_of[name]] = _project_spans(starts, ends, spans, code_of)
        blocks.append(block)
    return np.concatenate(blocks, axis=1)


def _value_counts(codes: np.ndarray, n_values: int) -> np.ndarray:
    """(tokens, values) matrix: how many annotators gave each value to each token."""
    counts = np.zeros((codes.shape[1], n_values), dtype=np.int32)
    for v in range(n_values):
        counts[:, v] = (codes == v).sum(axis=0, dtype=np.int32)
    return counts


def _json_float(value: float) -> float | None:
    return None if math.isnan(value) else value


def _prf_table_dict(table: dict[str, PRF]) -> dict[str, Any]:
    out = {lab: prf.to_dict() for lab, prf in table.items()}
    out[MICRO] = _sum_prf(table.values()).to_dict()
    return out


# --------------------------------------------------------------------------------------
# Plain-text table
# --------------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.3f}"


def _prf_rows(name: str, exact: dict[str, PRF], overlap: dict[str, PRF]) -> list[str]:
    rows = []
    entries = list(exact) + [MICRO]
    for lab in entries:
        ex = _sum_prf(exact.values()) if lab == MICRO else exact[lab]
        ov = _sum_prf(overlap.values()) if lab == MICRO else overlap[lab]
        rows.append(
            f"{name:<24} {lab:<10} {ex.tp:>6} {ex.fp:>6} {ex.fn:>6} {_fmt(ex.f1):>8}"
            f" {ov.tp:>6} {ov.fp:>6} {ov.fn:>6} {_fmt(ov.f1):>8}"
        )
        name = ""
    return rows


def _format_report(report: AgreementReport, worst: int) -> str:
    compared = [a for a in report.articles if a.score is not None]
    lines = [
        "Inter-annotator agreement"
        + (f" (label {report.label})" if report.label else ""),
        f"annotators: {', '.join(report.annotators) or '-'}",
        f"articles: {len(report.articles)} ({len(compared)} annotated by two or more)",
        "",
        f"{'pair':<24} {'label':<10} {'ex.tp':>6} {'ex.fp':>6} {'ex.fn':>6} {'ex.F1':>8}"
        f" {'ov.tp':>6} {'ov.fp':>6} {'ov.fn':>6} {'ov.F1':>8}",
    ]
    for pair in report.pairs:
        lines += _prf_rows(" / ".join(pair.annotators), pair.exact, pair.overlap)
    lines += _prf_rows("ALL PAIRS (micro)", report.overall_exact, report.overall_overlap)
    lines += ["", f"{'pair':<24} {'articles':>8} {'tokens':>9} {'kappa':>8}"]
    for pair in report.pairs:
        lines.append(
            f"{' / '.join(pair.annotators):<24} {pair.n_articles:>8} {pair.n_tokens:>9}"
            f" {_fmt(pair.kappa):>8}"
        )
    lines += [
        "",
        f"mean pairwise kappa (Light): {_fmt(report.mean_kappa)}",
        f"Krippendorff's alpha (nominal, tokens, all annotators): {_fmt(report.alpha)}",
    ]
    if compared and worst > 0:
        lines += ["", f"lowest-agreement articles (mean pairwise overlap F1), worst {worst}:"]
        for art in report.worst_articles(worst):
            lines.append(f"  {str(art.article_id):<12} {_fmt(art.score):>6}  spans={art.n_spans}")
    return "\n".join(lines)


# Statuses counted by project_agreement(include_unfinished=True): 'new' means opened but
# never worked on and 'skipped' means deliberately not annotated, so neither is a judgement.
UNFINISHED_STATUSES = ("in_progress", "done", "flagged")


def project_agreement(project: Project, label: str | None = None,
                      annotators: Sequence[str] | None = None, *,
                      include_unfinished: bool = False) -> AgreementReport:
    """Inter-annotator agreement over the articles at least two annotators did.

    By default only 'done' annotations count: half-finished work would make agreement look
    worse than it is. ``include_unfinished`` adds 'in_progress' and 'flagged' (never 'new' or
    'skipped', which carry no judgement). ``annotators`` restricts the comparison to them.
    """
    if label is not None:
        project.label(label)  # LabelError naming the project's labels
    statuses = UNFINISHED_STATUSES if include_unfinished else ("done",)
    names = None if annotators is None else sorted(set(annotators))
    grouped = project.annotations.spans_by_article(statuses, 2, names)
    ids = sorted(grouped)
    texts = project.articles.texts(ids)
    return compute_agreement(
        (ArticleAnnotations(aid, texts[aid], grouped[aid]) for aid in ids), label=label
    )
