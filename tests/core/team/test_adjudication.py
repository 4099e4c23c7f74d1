"""Adjudication: strategies for the gold draft, conflict clustering, agreement classes, provenance."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.domain import Span
from annotator.core.errors import AnnotatorError
from annotator.core.team.adjudication import (
    ConflictOption,
    DraftSpan,
    agreement_class,
    draft_gold,
    provenance,
)

ACTOR = Span(0, 5, "ACTOR")
ACTOR_WIDE = Span(0, 7, "ACTOR")  # other boundary, overlaps ACTOR
ACTOR_AS_LOC = Span(0, 5, "LOCATION")  # same boundaries, other label
PLACE = Span(10, 15, "LOCATION")
COUNT = Span(20, 22, "COUNT")
SOURCE = Span(30, 40, "SOURCE")


def keys(draft):
    return [(s.start, s.end, s.label) for s in draft.spans]


def option_keys(conflict):
    return [(o.start, o.end, o.label) for o in conflict.options]


# ---------------------------------------------------------------- strategies


def three_annotators():
    # ACTOR: all three. PLACE: a and b. COUNT: c only.
    return {"a": [ACTOR, PLACE], "b": [ACTOR, PLACE], "c": [ACTOR, COUNT]}


def test_unanimous_keeps_only_spans_everyone_marked():
    draft = draft_gold(three_annotators(), "unanimous")
    assert keys(draft) == [(0, 5, "ACTOR")]
    assert draft.spans[0].supporters == ("a", "b", "c")
    # PLACE (2 of 3) and COUNT (1 of 3) were rejected and overlap nothing kept: the reviewer
    # must see them, one conflict each, sorted by start.
    assert [option_keys(c) for c in draft.conflicts] == [
        [(10, 15, "LOCATION")],
        [(20, 22, "COUNT")],
    ]
    assert draft.conflicts[0].options[0].supporters == ("a", "b")
    assert draft.conflicts[0].options[0].in_draft is False


def test_majority_needs_more_than_half():
    draft = draft_gold(three_annotators(), "majority")
    assert keys(draft) == [(0, 5, "ACTOR"), (10, 15, "LOCATION")]  # 3/3 and 2/3
    assert [option_keys(c) for c in draft.conflicts] == [[(20, 22, "COUNT")]]  # 1/3
    # With four annotators two is exactly half, which is not a majority.
    four = {"a": [PLACE], "b": [PLACE], "c": [], "d": []}
    draft4 = draft_gold(four, "majority")
    assert draft4.spans == ()
    assert [option_keys(c) for c in draft4.conflicts] == [[(10, 15, "LOCATION")]]


def test_min_strategy_counts_supporters():
    draft = draft_gold(three_annotators(), "min", min_annotators=1)
    assert keys(draft) == [(0, 5, "ACTOR"), (10, 15, "LOCATION"), (20, 22, "COUNT")]
    assert draft.conflicts == ()
    draft3 = draft_gold(three_annotators(), "min", min_annotators=3)
    assert keys(draft3) == [(0, 5, "ACTOR")]


def test_rejected_span_overlapping_an_accepted_one_is_overruled_not_a_conflict():
    # a, b: ACTOR [0,5); c: ACTOR [0,7). Majority keeps [0,5); c's variant is outvoted.
    draft = draft_gold({"a": [ACTOR], "b": [ACTOR], "c": [ACTOR_WIDE]}, "majority")
    assert keys(draft) == [(0, 5, "ACTOR")]
    assert draft.conflicts == ()


def test_overlapping_accepted_spans_keep_the_better_supported_one():
    # min 1 accepts both ACTOR (a, b) and LOCATION (c) on the same text; ACTOR has more support.
    draft = draft_gold({"a": [ACTOR], "b": [ACTOR], "c": [ACTOR_AS_LOC]}, "min", min_annotators=1)
    assert keys(draft) == [(0, 5, "ACTOR")]
    (conflict,) = draft.conflicts
    assert conflict.options == (
        ConflictOption(0, 5, "ACTOR", ("a", "b"), in_draft=True),
        ConflictOption(0, 5, "LOCATION", ("c",), in_draft=False),
    )


def test_tied_overlapping_accepted_spans_keep_neither():
    # Four annotators, min 2: ACTOR [0,5) by a, b and ACTOR [0,7) by c, d. Tie: both to review.
    spans = {"a": [ACTOR], "b": [ACTOR], "c": [ACTOR_WIDE], "d": [ACTOR_WIDE]}
    draft = draft_gold(spans, "min", min_annotators=2)
    assert draft.spans == ()
    (conflict,) = draft.conflicts
    assert (conflict.start, conflict.end) == (0, 7)
    assert option_keys(conflict) == [(0, 5, "ACTOR"), (0, 7, "ACTOR")]
    assert [o.supporters for o in conflict.options] == [("a", "b"), ("c", "d")]
    assert not any(o.in_draft for o in conflict.options)


def test_conflict_clusters_join_chains_and_stay_apart_otherwise():
    # a: [0,5) ACTOR, [40,45) ACTOR; b: [3,9) ACTOR; c: [8,12) LOCATION.
    # [0,5)~[3,9)~[8,12) form one chain (one conflict); [40,45) is a separate conflict.
    spans = {
        "a": [Span(0, 5, "ACTOR"), Span(40, 45, "ACTOR")],
        "b": [Span(3, 9, "ACTOR")],
        "c": [Span(8, 12, "LOCATION")],
    }
    draft = draft_gold(spans, "majority")
    assert draft.spans == ()
    assert [(c.start, c.end) for c in draft.conflicts] == [(0, 12), (40, 45)]
    assert option_keys(draft.conflicts[0]) == [
        (0, 5, "ACTOR"),
        (3, 9, "ACTOR"),
        (8, 12, "LOCATION"),
    ]


def test_kept_span_splits_a_cluster_into_separate_conflicts():
    # min 2 with four annotators: [5,15) by a, b, c is kept. [0,6) by d alone and [14,20) by d
    # alone are overruled (they overlap the kept span). [30,35) by d alone is its own conflict.
    kept = Span(5, 15, "ACTOR")
    spans = {
        "a": [kept], "b": [kept], "c": [kept],
        "d": [Span(0, 6, "ACTOR"), Span(14, 20, "ACTOR"), Span(30, 35, "COUNT")],
    }
    draft = draft_gold(spans, "min", min_annotators=2)
    assert keys(draft) == [(5, 15, "ACTOR")]
    assert [option_keys(c) for c in draft.conflicts] == [[(30, 35, "COUNT")]]


def test_one_annotator_only():
    alone = {"a": [ACTOR, PLACE]}
    assert keys(draft_gold(alone, "unanimous")) == [(0, 5, "ACTOR"), (10, 15, "LOCATION")]
    assert keys(draft_gold(alone, "majority")) == [(0, 5, "ACTOR"), (10, 15, "LOCATION")]
    draft = draft_gold(alone, "min", min_annotators=2)
    assert draft.spans == ()
    assert [option_keys(c) for c in draft.conflicts] == [[(0, 5, "ACTOR")], [(10, 15, "LOCATION")]]


def test_empty_annotations():
    for spans in ({}, {"a": [], "b": []}):
        for strategy in ("unanimous", "majority", "min"):
            draft = draft_gold(spans, strategy)
            assert draft.spans == () and draft.conflicts == ()
    assert draft_gold({"a": [], "b": []}).annotators == ("a", "b")


def test_identical_annotations_give_no_conflicts():
    same = [ACTOR, PLACE, COUNT, SOURCE]
    for strategy in ("unanimous", "majority", "min"):
        draft = draft_gold({"a": same, "b": list(same), "c": list(same)}, strategy)
        assert keys(draft) == [s.key() for s in same]
        assert all(s.supporters == ("a", "b", "c") for s in draft.spans)
        assert draft.conflicts == ()


def test_a_span_marked_twice_by_one_annotator_counts_once():
    draft = draft_gold({"a": [PLACE, PLACE], "b": []}, "majority")
    assert draft.spans == ()  # one supporter of two is not a majority
    assert draft.conflicts[0].options[0].supporters == ("a",)


def test_bad_strategy_or_threshold_is_a_user_error():
    with pytest.raises(AnnotatorError, match="strategy"):
        draft_gold(three_annotators(), "plurality")  # type: ignore[arg-type]
    with pytest.raises(AnnotatorError, match="min_annotators"):
        draft_gold(three_annotators(), "min", min_annotators=0)


span_strategy = st.builds(
    lambda start, length, label: Span(start, start + length, label),
    st.integers(0, 40),
    st.integers(1, 8),
    st.sampled_from(["ACTOR", "LOCATION"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from("abcd"), st.lists(span_strategy, max_size=5), max_size=4),
    st.sampled_from(["unanimous", "majority", "min"]),
    st.integers(1, 4),
)
def test_merge_invariants(spans_by_annotator, strategy, k):
    draft = draft_gold(spans_by_annotator, strategy, min_annotators=k)
    n = len(spans_by_annotator)
    need = {"unanimous": n, "majority": n // 2 + 1, "min": k}[strategy]
    # Kept spans meet the threshold and never overlap each other.
    for s in draft.spans:
        assert len(s.supporters) >= need
        assert s.supporters == tuple(sorted(set(s.supporters)))
    for i, s in enumerate(draft.spans):
        assert not any(s.overlaps(t) for t in draft.spans[i + 1 :])
    # Every proposed span ends up somewhere: in the draft, in a conflict, or overruled by an
    # overlapping draft span.
    in_draft = {s.key() for s in draft.spans}
    in_conflict = {o.key() for c in draft.conflicts for o in c.options if not o.in_draft}
    for spans in spans_by_annotator.values():
        for span in spans:
            key = span.key()
            overruled = any(span.overlaps(s) for s in draft.spans)
            assert key in in_draft or key in in_conflict or overruled
            assert not (key in in_draft and key in in_conflict)
    # Options marked in_draft are draft spans; conflicts are sorted and internally connected.
    for c in draft.conflicts:
        assert all(o.key() in in_draft for o in c.options if o.in_draft)
        assert c.start == min(o.start for o in c.options)
        assert c.end == max(o.end for o in c.options)
    starts = [c.start for c in draft.conflicts]
    assert starts == sorted(starts)


# ---------------------------------------------------------------- agreement class


def test_agreement_class_all_partial_conflict():
    everyone = {"a": [ACTOR, PLACE], "b": [ACTOR], "c": [ACTOR]}
    assert agreement_class(ACTOR, everyone) == "all"
    assert agreement_class(PLACE, everyone) == "partial"  # b, c left that text unmarked
    other_label = {"a": [ACTOR], "b": [ACTOR_AS_LOC]}
    assert agreement_class(ACTOR, other_label) == "conflict"
    other_boundary = {"a": [ACTOR], "b": [ACTOR_WIDE]}
    assert agreement_class(ACTOR, other_boundary) == "conflict"
    # Conflict wins even if everyone also has the exact span.
    assert agreement_class(ACTOR, {"a": [ACTOR], "b": [ACTOR, Span(3, 9, "COUNT")]}) == "conflict"
    # A span far away from another annotator's span is not in conflict with it.
    assert agreement_class(ACTOR, {"a": [ACTOR], "b": [SOURCE]}) == "partial"


def test_agreement_class_accepts_draft_spans_and_edge_cases():
    draft_span = DraftSpan(0, 5, "ACTOR", ("a", "b"))
    assert agreement_class(draft_span, {"a": [ACTOR], "b": [ACTOR]}) == "all"
    assert agreement_class(ACTOR, {"a": [ACTOR]}) == "all"  # one annotator: all of one
    assert agreement_class(ACTOR, {}) == "partial"  # nobody to agree with
    assert agreement_class(ACTOR, {"a": [], "b": []}) == "partial"


# ---------------------------------------------------------------- provenance


def test_provenance_and_gold_spans():
    draft = draft_gold(three_annotators(), "majority")
    when = "2025-01-02T03:04:05+00:00"
    assert provenance(draft.spans[1], "reviewer1", when) == {
        "annotators": ["a", "b"],
        "adjudicator": "reviewer1",
        "adjudicated_at": when,
    }
    gold = draft.gold_spans("reviewer1", when)
    assert [(g.start, g.end, g.label, g.origin) for g in gold] == [
        (0, 5, "ACTOR", "gold"),
        (10, 15, "LOCATION", "gold"),
    ]
    assert gold[0].attributes["annotators"] == ["a", "b", "c"]
