"""core/domain.py: the plain data objects and their few rules."""
from __future__ import annotations

import dataclasses

import pytest

from annotator.core.domain import ROLES, STATUSES, Annotation, Article, Label, Span, Suggestion


def test_span_key_and_defaults() -> None:
    span = Span(3, 9, "ACTOR")
    assert span.key() == (3, 9, "ACTOR")
    assert (span.attributes, span.origin, span.id) == ({}, "manual", None)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((0, 5), (5, 9), False),   # end exclusive: touching spans do not overlap
    ((0, 5), (4, 9), True),
    ((2, 3), (0, 9), True),    # inside
    ((6, 9), (0, 5), False),
])
def test_span_overlaps_is_symmetric_and_end_exclusive(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    x, y = Span(*a, "ACTOR"), Span(*b, "LOCATION")
    assert x.overlaps(y) is expected
    assert y.overlaps(x) is expected


def test_suggestion_key_ignores_origin_and_score() -> None:
    a = Suggestion(1, 4, "COUNT", "rule", 0.9)
    b = Suggestion(1, 4, "COUNT", "camel", 0.2)
    assert a.key() == b.key() == (1, 4, "COUNT")


def test_objects_are_frozen() -> None:
    for obj in (Label("ACTOR", "فاعل", "Actor", "#ff0000", "1"), Article(1, None, "t", "text"),
                Span(0, 1, "ACTOR"), Annotation(1, 1, "hala"), Suggestion(0, 1, "ACTOR", "rule")):
        field = dataclasses.fields(obj)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, None)


def test_default_mutable_fields_are_not_shared() -> None:
    assert Span(0, 1, "A").attributes is not Span(0, 1, "A").attributes
    assert Article(1, None, "t", "x").meta is not Article(2, None, "t", "x").meta


def test_statuses_and_roles() -> None:
    assert STATUSES[0] == "new" and "done" in STATUSES and "flagged" in STATUSES
    assert Annotation(1, 1, "hala").status in STATUSES
    assert ROLES == ("annotator", "reviewer")
