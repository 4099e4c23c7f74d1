"""Agreement measures on plain data: span P/R/F1, token labels, Cohen's kappa, Krippendorff's alpha.

Everything here is pure: the store hands in plain data (article text plus each annotator's
spans) and gets numbers back. Nothing imports Qt or spaCy. The corpus report built from these
measures is :mod:`annotator.core.team.agreement`.

Conventions used throughout (documented once here, relied on by the report and the tests):

* Span offsets are code-point offsets, ``end`` exclusive, as in :mod:`annotator.core.domain`.
* An annotator *absent* from ``spans_by_annotator`` did not annotate that article (missing
  data); an annotator present with an empty list annotated it and marked nothing. Pairwise
  numbers use only the articles both annotators did; Krippendorff's alpha treats the absent
  annotator's tokens as missing values.
* Empty-vs-empty agreement is perfect: P = R = F1 = 1.0 when there are no spans at all, and
  kappa/alpha are 1.0 when every rating falls in one category on every side. A quantity that
  has no data at all (no shared tokens, no pairable unit) is ``nan`` (``None`` in ``to_dict``).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from annotator.core.domain import Span

Mode = Literal["exact", "overlap"]
SpanKey = tuple[int, int, str]  # (start, end, label)
Token = tuple[int, int]  # (start, end) code-point offsets
OUTSIDE = "O"
MICRO = "micro"  # key of the micro-average next to the per-label entries in to_dict()

# The krippendorff package builds an (units, values, values) float array; beyond this many
# counts in one "collapsed" unit the squared counts would leave float64's exact integer range.
_MAX_COLLAPSED_COUNT = 1 << 20  # must stay >= 3


# --------------------------------------------------------------------------------------
# Span precision / recall / F1
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    """Matching counts of a prediction against a reference, with the derived scores.

    ``tp`` matched pairs, ``fp`` spans of the prediction left unmatched, ``fn`` spans of the
    reference left unmatched. F1 = 2tp / (2tp + fp + fn) is symmetric in the two sides.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        """Neither side had any span: the scores are 1.0 by convention, not by evidence."""
        return self.tp == 0 and self.fp == 0 and self.fn == 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def span_prf(
    a: Sequence[Span], b: Sequence[Span], *, mode: Mode = "exact", label: str | None = None
) -> PRF:
    """Compare spans ``b`` against reference spans ``a``.

    ``mode="exact"``: a match needs the same (start, end, label).
    ``mode="overlap"``: a match needs the same label and at least one shared code point; the
    matching is one-to-one (see :func:`_overlap_matches` for the greedy rule).
    ``label`` restricts both sides to one label first.
    """
    _check_mode(mode)
    counts = _match_counts(_group_by_label(_keys(a, label)), _group_by_label(_keys(b, label)))
    return _sum_prf(_counts_to_prf(c, mode) for c in counts.values())


def _check_mode(mode: str) -> None:
    if mode not in ("exact", "overlap"):
        raise ValueError(f"mode must be 'exact' or 'overlap', not {mode!r}")


def _keys(spans: Iterable[Any], label: str | None = None) -> list[SpanKey]:
    """(start, end, label) tuples: cheaper to hash and compare than dataclasses."""
    return [(s.start, s.end, s.label) for s in spans if label is None or s.label == label]


def _group_by_label(keys: Iterable[SpanKey]) -> dict[str, list[SpanKey]]:
    grouped: dict[str, list[SpanKey]] = {}
    for key in keys:
        grouped.setdefault(key[2], []).append(key)
    return grouped


# Per label, (exact tp, overlap tp, reference spans, predicted spans): everything both PRFs
# derive from, as plain ints so a corpus can be summed without building objects.
MatchCounts = tuple[int, int, int, int]


def _counts_to_prf(counts: MatchCounts, mode: str) -> PRF:
    exact_tp, overlap_tp, n_ref, n_pred = counts
    tp = exact_tp if mode == "exact" else overlap_tp
    return PRF(tp, n_pred - tp, n_ref - tp)


def _match_counts(
    a: dict[str, list[SpanKey]], b: dict[str, list[SpanKey]]
) -> dict[str, MatchCounts]:
    """Per label, the match counts of ``b`` against reference ``a`` (both grouped by label).

    Both modes are computed in one go because overlap matching starts from the exact
    matches (see :func:`_overlap_matches`).
    """
    result: dict[str, MatchCounts] = {}
    for lab in a.keys() | b.keys():
        ref, pred = a.get(lab, []), b.get(lab, [])
        exact_tp, overlap_tp = _tp_exact_and_overlap(ref, pred)
        result[lab] = (exact_tp, overlap_tp, len(ref), len(pred))
    return result


def _tp_exact_and_overlap(ref: list[SpanKey], pred: list[SpanKey]) -> tuple[int, int]:
    """True positives of both modes for spans that all carry the same label."""
    if ref == pred:  # the common case of identical annotations: no matching needed
        return len(ref), len(ref)
    ref_set, pred_set = set(ref), set(pred)
    if len(ref_set) == len(ref) and len(pred_set) == len(pred):
        # No duplicate spans (the normal case): set algebra instead of multiset algebra.
        exact = ref_set & pred_set
        ref_left = [k for k in ref if k not in exact]
        pred_left = [k for k in pred if k not in exact]
        exact_tp = len(exact)
    else:
        ref_count, pred_count = Counter(ref), Counter(pred)
        common = ref_count & pred_count
        ref_left = list((ref_count - common).elements())
        pred_left = list((pred_count - common).elements())
        exact_tp = sum(common.values())
    return exact_tp, exact_tp + _overlap_matches(ref_left, pred_left)


def _overlap_matches(ref: list[SpanKey], pred: list[SpanKey]) -> int:
    """Size of a one-to-one matching of overlapping spans (labels already equal).

    Greedy: candidate pairs are taken in order of largest shared length, then smallest
    boundary difference (|Δstart| + |Δend|), then the two spans' positions taken without regard
    to side (so swapping reference and prediction gives the same matching and F1 stays
    symmetric); a pair is kept when neither span is matched yet. Greedy is not a maximum
    matching in every pathological case (one long span overlapping two short ones), but it is
    deterministic, explainable ("each span is paired with the one it shares most text with"),
    and exact matches always come first: no pair can share more than a span's full length, so
    removing the exact matches beforehand (as :func:`_tp_exact_and_overlap` does) gives the same
    result.
    """
    if not ref or not pred:
        return 0
    candidates = _overlapping_pairs(ref, pred)
    if not candidates:
        return 0
    candidates.sort()
    used_ref: set[int] = set()
    used_pred: set[int] = set()
    for *_, i, j in candidates:
        if i not in used_ref and j not in used_pred:
            used_ref.add(i)
            used_pred.add(j)
    return len(used_ref)


def _overlapping_pairs(ref: list[SpanKey], pred: list[SpanKey]) -> list[tuple[int, ...]]:
    """Sortable (-shared, boundary diff, first span, second span, i, j) of overlapping pairs.

    "first" and "second" are the two spans' (start, end) in sorted order, not by side.

    Pred spans are sorted by start with a running maximum of their ends, so for each ref span
    the scan walks back from the last pred span starting before it ends and stops as soon as no
    earlier pred span can reach it: linear in the number of overlaps, even with nested spans.
    """
    order = sorted(range(len(pred)), key=lambda j: pred[j][0])
    starts = [pred[j][0] for j in order]
    running_max_end: list[int] = []
    best = -1
    for j in order:
        best = max(best, pred[j][1])
        running_max_end.append(best)
    pairs: list[tuple[int, ...]] = []
    for i, (r_start, r_end, _) in enumerate(ref):
        k = bisect_left(starts, r_end) - 1
        while k >= 0 and running_max_end[k] > r_start:
            j = order[k]
            p_start, p_end, _ = pred[j]
            shared = min(r_end, p_end) - max(r_start, p_start)
            if shared > 0:
                diff = abs(r_start - p_start) + abs(r_end - p_end)
                r, p = (r_start, r_end), (p_start, p_end)
                pairs.append((-shared, diff, min(r, p), max(r, p), i, j))
            k -= 1
    return pairs


# --------------------------------------------------------------------------------------
# Tokens and token labels
# --------------------------------------------------------------------------------------

# Python's \w does not cover combining marks, so Arabic harakat, shadda, sukun and the dagger
# alif (and Latin combining accents) are added: a vocalised word stays one token.
_MARKS = (
    "\u0300-\u036f"  # Latin combining diacritics
    "\u0610-\u061a\u064b-\u065f\u0670"  # Arabic marks, harakat, dagger alif
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic annotation marks
)
_WORD_RE = re.compile(rf"[\w{_MARKS}]+")
_TOKEN_RE = re.compile(rf"[\w{_MARKS}]+|[^\w\s{_MARKS}]+")


def simple_tokens(text: str) -> list[Token]:
    """Word runs and punctuation runs, as (start, end) code-point pairs.

    Deliberately simple and dependency-free (no spaCy): agreement only needs a stable unit
    that both annotators' spans are projected onto. Clitics stay attached (``وقالت`` is one
    token); a span covering part of a token labels the whole token. The result equals
    ``[m.span() for m in _TOKEN_RE.finditer(text)]`` (a test checks it); it is computed with
    numpy because regex matching was the slowest step of a corpus report.
    """
    starts, ends = _token_bounds(text)
    return list(zip(starts.tolist(), ends.tolist()))


_SPACE, _WORD, _PUNCT = 0, 1, 2


@lru_cache(maxsize=1)
def _bmp_classes() -> np.ndarray:
    """Class (space / word / punctuation) of every BMP code point, decided by _TOKEN_RE itself."""
    return np.array([_char_class(chr(cp)) for cp in range(0x10000)], dtype=np.int8)


def _char_class(char: str) -> int:
    match = _TOKEN_RE.fullmatch(char)
    if match is None:
        return _SPACE
    return _WORD if _WORD_RE.fullmatch(char) else _PUNCT


def _token_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end arrays of the tokens of :func:`simple_tokens`.

    A token is a maximal run of word characters or of punctuation characters — exactly what
    the regex alternation yields, since each branch is greedy over its own character class.
    """
    if not text:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _bmp_classes()[np.minimum(points, 0xFFFF)]
    for i in np.flatnonzero(points > 0xFFFF).tolist():  # rare: emoji, historic scripts
        classes[i] = _char_class(text[i])
    change = np.flatnonzero(classes[1:] != classes[:-1]) + 1
    run_starts = np.concatenate(([0], change))
    run_ends = np.concatenate((change, [len(points)]))
    keep = classes[run_starts] != _SPACE
    return run_starts[keep], run_ends[keep]


def token_labels(
    text: str, spans: Iterable[Any], tokens: Sequence[Token] | None = None
) -> list[str]:
    """The label of each token: that of a span overlapping it, else ``"O"``.

    ``tokens`` must be sorted and non-overlapping (as any tokeniser gives); default
    :func:`simple_tokens`. If several spans overlap one token (only possible with overlapping
    spans, which one annotation does not normally contain) the earliest-starting span wins.
    Cost is per span (two binary searches and a slice), not per token.
    """
    starts, ends = _bounds_of(text, tokens)
    keys = _keys(spans)
    labels = sorted({k[2] for k in keys})
    codes = _project_spans(starts, ends, keys, {lab: i + 1 for i, lab in enumerate(labels)})
    names = [OUTSIDE, *labels]
    return [names[c] for c in codes.tolist()]


def _bounds_of(text: str, tokens: Sequence[Token] | None) -> tuple[np.ndarray, np.ndarray]:
    if tokens is None:
        return _token_bounds(text)
    pairs = np.asarray(tokens, dtype=np.int64).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


def _project_spans(
    starts: np.ndarray, ends: np.ndarray, keys: list[SpanKey], code_of: Mapping[str, int]
) -> np.ndarray:
    """Per-token label codes (0 = outside) for one annotator's spans.

    For a span [s, e) the overlapping tokens are those with end > s and start < e; with sorted
    tokens that is the index range [searchsorted(ends, s, right), searchsorted(starts, e, left)).
    Spans are written latest-start first, so the earliest-starting span wins a shared token.
    """
    codes = np.zeros(len(starts), dtype=np.int16)
    if not keys or len(starts) == 0:
        return codes
    ordered = sorted(keys, reverse=True)
    span_starts = np.fromiter((k[0] for k in ordered), dtype=np.int64, count=len(ordered))
    span_ends = np.fromiter((k[1] for k in ordered), dtype=np.int64, count=len(ordered))
    lo = np.searchsorted(ends, span_starts, side="right").tolist()
    hi = np.searchsorted(starts, span_ends, side="left").tolist()
    for first, stop, key in zip(lo, hi, ordered):
        codes[first:stop] = code_of[key[2]]
    return codes


# --------------------------------------------------------------------------------------
# Cohen's kappa and Krippendorff's alpha
# --------------------------------------------------------------------------------------


def cohen_kappa(x: Sequence[str], y: Sequence[str]) -> float:
    """Cohen's kappa of two raters' categorical labels: (p_o - p_e) / (1 - p_e).

    Degenerate case: when both raters used one and the same category throughout, p_e = 1 and
    the formula is 0/0; that is perfect (if uninformative) agreement, so the result is 1.0.
    (scikit-learn returns nan there.) Empty input gives nan; unequal lengths raise ValueError.
    """
    if len(x) != len(y):
        raise ValueError(f"cohen_kappa needs equal lengths, got {len(x)} and {len(y)}")
    categories = {c: i for i, c in enumerate(sorted(set(x) | set(y)))}
    codes_x = np.fromiter((categories[c] for c in x), dtype=np.int64, count=len(x))
    codes_y = np.fromiter((categories[c] for c in y), dtype=np.int64, count=len(y))
    return _kappa_from_codes(codes_x, codes_y, len(categories))


def _kappa_from_codes(x: np.ndarray, y: np.ndarray, n_categories: int) -> float:
    """Kappa from integer codes in [0, n_categories), via the confusion matrix (vectorised)."""
    n = len(x)
    if n == 0:
        return math.nan
    confusion = np.bincount(
        x.astype(np.int64) * n_categories + y, minlength=n_categories * n_categories
    ).reshape(n_categories, n_categories)
    observed = np.trace(confusion) / n
    expected = float(confusion.sum(axis=1) @ confusion.sum(axis=0)) / (n * n)
    if expected >= 1.0:
        return 1.0
    return float((observed - expected) / (1.0 - expected))


def krippendorff_alpha(units: Sequence[Sequence[str | None]]) -> float:
    """Nominal Krippendorff's alpha; ``units[i][c]`` is coder c's label for unit i (None: missing).

    Computed by the ``krippendorff`` package (labels mapped to integers, missing as nan).
    Degenerate cases, decided here because the package raises on them: one single value among
    all pairable ratings gives 1.0; no unit rated by two coders gives nan.
    """
    values = sorted({v for unit in units for v in unit if v is not None})
    codes = {v: i for i, v in enumerate(values)}
    n_coders = max((len(unit) for unit in units), default=0)
    data = np.full((n_coders, len(units)), np.nan)
    for i, unit in enumerate(units):
        for c, value in enumerate(unit):
            if value is not None:
                data[c, i] = codes[value]
    counts = np.zeros((len(units), max(len(values), 1)), dtype=np.int64)
    for c in range(n_coders):
        rated = ~np.isnan(data[c])
        np.add.at(counts, (np.nonzero(rated)[0], data[c, rated].astype(np.int64)), 1)
    degenerate = _alpha_degenerate(counts)
    if degenerate is not None:
        return degenerate
    import krippendorff  # light, but only needed here

    return float(
        krippendorff.alpha(
            reliability_data=data,
            value_domain=list(range(len(values))),
            level_of_measurement="nominal",
        )
    )


def _alpha_degenerate(value_counts: np.ndarray) -> float | None:
    """1.0 / nan for the cases the formula cannot decide, else None (compute normally)."""
    pairable = value_counts[value_counts.sum(axis=1) >= 2]
    if len(pairable) == 0:
        return math.nan
    if np.count_nonzero(pairable.sum(axis=0)) <= 1:
        return 1.0
    return None


def _alpha_from_value_counts(value_counts: np.ndarray) -> float:
    """Nominal alpha from a (units, values) count matrix, for corpora of millions of tokens.

    The package materialises a (units, values, values) float array, which for millions of
    tokens is gigabytes. Alpha depends on the units only through the coincidence matrix
    o = Σ_u (n_u n_uᵀ - diag n_u) / (m_u - 1), and a unit on which all m_u coders gave value v
    adds exactly m_u to o[v, v]. One unit holding M such ratings also adds exactly M, so all
    unanimous units are collapsed into a few rows per value (chunks of at most 2^20 so squared
    counts stay exact in float64, and never of 1, since a lone rating is not pairable).
    Disagreement units — the few near spans — pass unchanged.
    The result is identical to passing every unit; a test checks it against the package.
    """
    m = value_counts.sum(axis=1)
    pairable = value_counts[m >= 2]
    degenerate = _alpha_degenerate(pairable)
    if degenerate is not None:
        return degenerate
    unanimous = pairable.max(axis=1) == pairable.sum(axis=1)
    rows = [pairable[~unanimous].astype(np.int64)]
    totals = pairable[unanimous].sum(axis=0, dtype=np.int64)
    n_values = value_counts.shape[1]
    for v in range(n_values):
        remaining = int(totals[v])
        while remaining > 0:
            chunk = min(remaining, _MAX_COLLAPSED_COUNT)
            if remaining - chunk == 1:
                chunk -= 1  # leave 2 for the last row rather than an unpairable 1
            row = np.zeros((1, n_values), dtype=np.int64)
            row[0, v] = chunk
            rows.append(row)
            remaining -= chunk
    import krippendorff

    return float(
        krippendorff.alpha(value_counts=np.concatenate(rows), level_of_measurement="nominal")
    )


def _sum_prf(items: Iterable[PRF]) -> PRF:
    total = PRF()
    for prf in items:
        total = total + prf
    return total
