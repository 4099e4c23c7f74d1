"""The rules shared by the store, import and merge."""
from __future__ import annotations

import pytest

from annotator.core.domain import Span
from annotator.core.errors import SpanError
from annotator.core.store import check_span, parse_attributes
from annotator.core.store.rules import json_object


def test_check_span_trims_and_refuses() -> None:
    text = "  حلب  "
    assert check_span(text, 0, 7) == (2, 5)
    for start, end in ((0, 8), (-1, 3), (3, 3), (0, 2)):
        with pytest.raises(SpanError):
            check_span(text, start, end)
    with pytest.raises(SpanError, match="overlaps"):
        check_span(text, 2, 5, [Span(3, 4, "LOCATION")])
    assert check_span(text, 2, 5, [Span(3, 4, "LOCATION")], allow_overlap=True) == (2, 5)


@pytest.mark.parametrize("raw", ["[1,2,3]", "5", '"str"', "null", "{bad", b"{}", 7])
def test_attributes_must_be_a_json_object(raw: object) -> None:
    with pytest.raises(SpanError):
        parse_attributes(raw)


def test_json_object() -> None:
    assert json_object(None, "meta") == {} and json_object('{"a": 1}', "meta") == {"a": 1}
    with pytest.raises(ValueError, match="meta is not valid JSON"):
        json_object("{not json", "meta")
    with pytest.raises(ValueError, match="meta must be JSON text"):
        json_object(b"{}", "meta")
    with pytest.raises(ValueError, match="not valid JSON"):
        json_object("[" * 100_000, "meta")
