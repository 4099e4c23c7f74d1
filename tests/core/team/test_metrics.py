"""Agreement metrics: hand-computed cases (arithmetic in comments) and cross-checks."""
from __future__ import annotations

import math
import random

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.core.domain import Span
from annotator.core.team import metrics
from annotator.core.team.metrics import (
    PRF,
    cohen_kappa,
    krippendorff_alpha,
    simple_tokens,
    span_prf,
    token_labels,
)

# A sentence of the genre written for these tests. Token indices (simple_tokens):
#  0 أعلنت(0,5)  1 قوات(6,10)  2 سوريا(11,16)  3 الديمقراطية(17,28)  4 مقتل(29,33)  5 4(34,35)
#  6 عناصر(36,41)  7 من(42,44)  8 داعش(45,49)  9 في(50,52)  10 ريف(53,56)  11 دير(57,60)
# 12 الزور(61,66)
TEXT = "أعلنت قوات سوريا الديمقراطية مقتل 4 عناصر من داعش في ريف دير الزور"
SDF = Span(6, 28, "ACTOR")  # قوات سوريا الديمقراطية
FOUR = Span(34, 35, "COUNT")  # 4
RIF = Span(53, 66, "LOCATION")  # ريف دير الزور
DEIR = Span(57, 66, "LOCATION")  # دير الزور
AMINA = [SDF, FOUR, RIF]  # 3 spans
BILAL = [SDF, DEIR]  # 2 spans


def test_text_fixture_offsets_are_what_the_comments_say():
    assert TEXT[SDF.start : SDF.end] == "قوات سوريا الديمقراطية"
    assert TEXT[FOUR.start : FOUR.end] == "4"
    assert TEXT[RIF.start : RIF.end] == "ريف دير الزور"
    assert TEXT[DEIR.start : DEIR.end] == "دير الزور"
    assert len(simple_tokens(TEXT)) == 13


# ---------------------------------------------------------------- span P/R/F1


def test_exact_prf_three_against_two_spans():
    # Only ACTOR matches exactly: tp=1; bilal's DEIR unmatched: fp=1; amina's FOUR, RIF: fn=2.
    # P = 1/2, R = 1/3, F1 = 2*1 / (2*1 + 1 + 2) = 2/5.
    prf = span_prf(AMINA, BILAL, mode="exact")
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 2)
    assert prf.precision == pytest.approx(1 / 2)
    assert prf.recall == pytest.approx(1 / 3)
    assert prf.f1 == pytest.approx(2 / 5)


def test_overlap_prf_three_against_two_spans():
    # ACTOR exact + LOCATION RIF~DEIR overlap: tp=2, fp=0, fn=1 (FOUR).
    # P = 1, R = 2/3, F1 = 4 / (4 + 0 + 1) = 4/5.
    prf = span_prf(AMINA, BILAL, mode="overlap")
    assert (prf.tp, prf.fp, prf.fn) == (2, 0, 1)
    assert prf.precision == 1.0
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(4 / 5)


def test_f1_is_symmetric_and_fp_fn_swap():
    forward = span_prf(AMINA, BILAL, mode="exact")
    backward = span_prf(BILAL, AMINA, mode="exact")
    assert (backward.tp, backward.fp, backward.fn) == (forward.tp, forward.fn, forward.fp)
    assert backward.f1 == forward.f1


def test_label_filter_restricts_both_sides():
    # LOCATION only: RIF vs DEIR. exact: tp0 fp1 fn1 -> F1 0; overlap: tp1 -> F1 1.
    exact = span_prf(AMINA, BILAL, mode="exact", label="LOCATION")
    overlap = span_prf(AMINA, BILAL, mode="overlap", label="LOCATION")
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)
    assert exact.f1 == 0.0
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 0, 0)
    # COUNT only: amina has one, bilal none: tp0 fp0 fn1; precision has no prediction -> 0.
    count = span_prf(AMINA, BILAL, mode="overlap", label="COUNT")
    assert (count.tp, count.fp, count.fn) == (0, 0, 1)
    assert (count.precision, count.recall, count.f1) == (0.0, 0.0, 0.0)


def test_overlap_needs_the_same_label():
    prf = span_prf([Span(0, 5, "ACTOR")], [Span(0, 5, "LOCATION")], mode="overlap")
    assert (prf.tp, prf.fp, prf.fn) == (0, 1, 1)


def test_touching_spans_do_not_overlap():
    # end is exclusive: [0,5) and [5,9) share no code point.
    prf = span_prf([Span(0, 5, "ACTOR")], [Span(5, 9, "ACTOR")], mode="overlap")
    assert prf.tp == 0


def test_overlap_matching_is_one_to_one():
    # One long reference span against two short predictions: only one can pair with it.
    # Shared lengths 5 (0..5) and 14 (6..20): the larger wins, the other is an fp.
    pred = [Span(0, 5, "ACTOR"), Span(6, 20, "ACTOR")]
    prf = span_prf([Span(0, 20, "ACTOR")], pred, mode="overlap")
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 0)


def test_overlap_matching_is_greedy_by_shared_length_as_documented():
    # ref r1=[0,10) r2=[9,20); pred p1=[5,11) p2=[0,3).
    # Shared: r1-p1 = 5, r1-p2 = 3, r2-p1 = 2. Greedy takes r1-p1 (5) first; r1 and p1 are
    # then used, so neither remaining pair is possible: tp=1. (A maximum matching would pair
    # r1-p2 and r2-p1 for tp=2; the docstring states greedy is not maximum in such cases.)
    ref = [Span(0, 10, "ACTOR"), Span(9, 20, "ACTOR")]
    pred = [Span(5, 11, "ACTOR"), Span(0, 3, "ACTOR")]
    prf = span_prf(ref, pred, mode="overlap")
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)


def test_duplicate_spans_are_counted_as_a_multiset():
    prf = span_prf([Span(0, 5, "ACTOR"), Span(0, 5, "ACTOR")], [Span(0, 5, "ACTOR")])
    assert (prf.tp, prf.fp, prf.fn) == (1, 0, 1)


def test_empty_against_empty_is_perfect_and_flagged():
    prf = span_prf([], [], mode="overlap")
    assert prf.empty
    assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert not PRF(0, 1, 0).empty
    assert PRF(0, 1, 0).f1 == 0.0


def test_unknown_mode_is_rejected():
    with pytest.raises(ValueError):
        span_prf(AMINA, BILAL, mode="fuzzy")  # type: ignore[arg-type]


span_strategy = st.builds(
    lambda start, length, label: Span(start, start + length, label),
    st.integers(0, 60),
    st.integers(1, 15),
    st.sampled_from(["ACTOR", "LOCATION"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(span_strategy, max_size=8), st.lists(span_strategy, max_size=8))
def test_prf_properties(a, b):
    exact = span_prf(a, b, mode="exact")
    overlap = span_prf(a, b, mode="overlap")
    assert exact.f1 == span_prf(b, a, mode="exact").f1
    assert overlap.tp == span_prf(b, a, mode="overlap").tp  # greedy rule is symmetric too
    assert exact.tp <= overlap.tp <= min(len(a), len(b))
    assert overlap.tp + overlap.fn == len(a) and overlap.tp + overlap.fp == len(b)
    per_label = sum(
        (span_prf(a, b, mode="overlap", label=lab) for lab in ("ACTOR", "LOCATION")), PRF()
    )
    assert per_label == overlap


# ---------------------------------------------------------------- tokens


def test_simple_tokens_words_punctuation_and_clitics():
    text = "قصفت الطائرات «للتنظيم» 3 مواقع."
    tokens = [text[s:e] for s, e in simple_tokens(text)]
    assert tokens == ["قصفت", "الطائرات", "«", "للتنظيم", "»", "3", "مواقع", "."]


def test_simple_tokens_keep_diacritics_inside_the_word():
    text = "قُتِلَ 12 عنصرا، وأصيب"
    tokens = [text[s:e] for s, e in simple_tokens(text)]
    assert tokens == ["قُتِلَ", "12", "عنصرا", "،", "وأصيب"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("قتل داعش «»،.!؟ \n\t\u064e\u0651\u0670ـ٣٤ab_9")),
            st.characters(),
        ),
        max_size=40,
    )
)
def test_simple_tokens_equal_the_regex(text):
    # The numpy implementation must agree with the regex that defines it, for any text.
    assert simple_tokens(text) == [m.span() for m in metrics._TOKEN_RE.finditer(text)]


def test_token_labels_any_overlap_labels_the_whole_token():
    text = "قصفت الطائرات «للتنظيم» 3 مواقع."
    # The ACTOR span is لتنظيم (16,22): the guideline drops the proclitic ل, yet the token
    # للتنظيم (15,22) overlaps it and is labelled ACTOR.
    spans = [Span(16, 22, "ACTOR"), Span(5, 13, "ACTOR")]
    assert text[16:22] == "لتنظيم"
    assert token_labels(text, spans) == ["O", "ACTOR", "O", "ACTOR", "O", "O", "O", "O"]


def test_token_labels_multiword_span_and_caller_tokens():
    labels = token_labels(TEXT, AMINA)
    assert labels == ["O", "ACTOR", "ACTOR", "ACTOR", "O", "COUNT", "O", "O", "O", "O",
                      "LOCATION", "LOCATION", "LOCATION"]
    # Caller-supplied tokens: two coarse tokens, the first half and the second half.
    assert token_labels(TEXT, [FOUR], tokens=[(0, 33), (34, 66)]) == ["O", "COUNT"]
    assert token_labels("", AMINA) == []


def test_token_labels_earliest_span_wins_on_overlap():
    # Overlapping spans (not normal in one annotation) on tokens 1..3: earliest start wins.
    labels = token_labels(TEXT, [Span(11, 28, "LOCATION"), Span(6, 16, "ACTOR")])
    assert labels[1:4] == ["ACTOR", "ACTOR", "LOCATION"]


# ---------------------------------------------------------------- kappa


def test_kappa_on_a_hand_computed_2x2_table():
    # Confusion (x rows, y columns): AA=4, AB=1, BA=2, BB=3, n=10.
    # p_o = (4+3)/10 = 0.7. x marginals A 5, B 5; y marginals A 6, B 4.
    # p_e = 0.5*0.6 + 0.5*0.4 = 0.5. kappa = (0.7-0.5)/(1-0.5) = 0.4.
    x = ["A"] * 4 + ["A"] * 1 + ["B"] * 2 + ["B"] * 3
    y = ["A"] * 4 + ["B"] * 1 + ["A"] * 2 + ["B"] * 3
    assert cohen_kappa(x, y) == pytest.approx(0.4)


def test_kappa_degenerate_and_edge_cases():
    assert cohen_kappa(["O"] * 5, ["O"] * 5) == 1.0  # p_e = 1: defined as perfect
    # x all O, y has 3 of 5 O: p_o = 3/5, p_e = 1*3/5 -> kappa 0.
    assert cohen_kappa(["O"] * 5, ["O", "O", "O", "X", "X"]) == pytest.approx(0.0)
    assert math.isnan(cohen_kappa([], []))
    with pytest.raises(ValueError):
        cohen_kappa(["O"], [])


def test_kappa_matches_scikit_learn():
    rng = random.Random(3)
    for _ in range(30):
        n = rng.randint(2, 300)
        x = [rng.choice("OAAL") for _ in range(n)]
        y = [v if rng.random() < 0.7 else rng.choice("OALC") for v in x]
        if len(set(x)) == len(set(y)) == 1 and x[0] == y[0]:
            continue  # sklearn's nan case, covered by the degenerate test
        assert cohen_kappa(x, y) == pytest.approx(cohen_kappa_score(x, y))


# ---------------------------------------------------------------- alpha


def test_alpha_on_a_hand_computed_reliability_matrix():
    # units (coder1, coder2, coder3):
    #   u1 (a, a, -)   m=2: ordered pairs a-a x2 / (m-1=1)        -> o_aa += 2
    #   u2 (a, b, -)   m=2: a-b, b-a / 1                          -> o_ab += 1, o_ba += 1
    #   u3 (b, b, b)   m=3: 6 ordered b-b pairs / 2               -> o_bb += 3
    #   u4 (-, a, -)   one rating: not pairable, ignored
    # o = [[2,1],[1,3]], n_a = 3, n_b = 4, n = 7.
    # D_o = (o_ab + o_ba) / n = 2/7;  D_e = 2 * n_a * n_b / (n (n-1)) = 24/42 = 4/7.
    # alpha = 1 - D_o/D_e = 1 - (2/7)/(4/7) = 0.5
    units = [["a", "a", None], ["a", "b", None], ["b", "b", "b"], [None, "a", None]]
    assert krippendorff_alpha(units) == pytest.approx(0.5)


def test_alpha_degenerate_cases():
    assert krippendorff_alpha([["a", "a"], ["a", "a", "a"]]) == 1.0  # one value only
    assert math.isnan(krippendorff_alpha([["a", None], [None, "b"]]))  # nothing pairable
    assert math.isnan(krippendorff_alpha([]))


def test_collapsed_alpha_equals_the_package_on_all_units(monkeypatch):
    rng = np.random.default_rng(11)
    data = rng.integers(0, 4, size=(3, 600)).astype(float)
    agree = rng.random(600) < 0.8  # mostly unanimous units, as with tokens
    data[1:, agree] = data[0, agree]
    data[rng.random((3, 600)) < 0.1] = np.nan
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    counts = np.stack([(data == v).sum(axis=0) for v in range(4)], axis=1)
    assert metrics._alpha_from_value_counts(counts) == pytest.approx(expected, rel=1e-12)
    # Collapsed rows are chunked; tiny chunk sizes must not change the result, including
    # sizes that leave a remainder of one rating (which alone would not be pairable).
    pairable = counts[counts.sum(axis=1) >= 2]
    totals = pairable[pairable.max(axis=1) == pairable.sum(axis=1)].sum(axis=0)
    sizes = range(3, 13)
    assert any(t % size == 1 for t in totals for size in sizes)
    for size in sizes:
        monkeypatch.setattr(metrics, "_MAX_COLLAPSED_COUNT", size)
        assert metrics._alpha_from_value_counts(counts) == pytest.approx(expected, rel=1e-12)


# ---------------------------------------------------------------- corpus report


def test_kappa_of_the_single_article():
    # Article 1 alone, 13 tokens (see test_report_token_kappa_and_alpha_by_hand without the
    # 4 shared O tokens): p_o = 11/13, p_e = (9 + 0 + 6 + 6*8)/169 = 63/169,
    # kappa = (143 - 63)/(169 - 63) = 80/106 = 40/53.
    a, b = token_labels(TEXT, AMINA), token_labels(TEXT, BILAL)
    assert cohen_kappa(a, b) == pytest.approx(40 / 53)


