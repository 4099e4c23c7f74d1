"""The annotations family: keys for export, grouped spans, the project's span rule."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from annotator.core.errors import SpanError
from annotator.core.store import Project


def test_keys_filter_and_order(project: Project, add_article: Callable[..., int]) -> None:
    a, b = add_article("النص الأول"), add_article("النص الثاني")
    project.set_status(b, "omar", "done")
    project.set_status(a, "omar", "in_progress")
    project.set_status(a, "amal", "done")
    assert [k[:3] for k in project.annotation_keys()] == [
        (a, "amal", "done"), (a, "omar", "in_progress"), (b, "omar", "done")]
    assert [k[:2] for k in project.annotation_keys(status="done")] == [(a, "amal"), (b, "omar")]
    assert [k[:2] for k in project.annotation_keys(annotator="omar")] == [(a, "omar"), (b, "omar")]
    assert project.newest_annotations() == [(a, "amal"), (b, "omar")]  # amal's edit of a came last
    assert project.newest_annotations(annotator="omar") == [(a, "omar"), (b, "omar")]


def test_overlap_rule_is_the_projects(project: Project, add_article: Callable[..., int]) -> None:
    text = "قصفت الطائرات مدينة حلب"
    aid = add_article(text)
    s = text.index("مدينة حلب")
    project.add_span(aid, "amal", s, len(text), "LOCATION")
    with pytest.raises(SpanError, match="overlaps"):
        project.add_span(aid, "amal", text.index("حلب"), len(text), "ACTOR")
    with pytest.raises(SpanError, match="overlaps"):
        project.check_span(text, text.index("حلب"), len(text), project.spans(aid, "amal"))
    project.set_setting("allow_overlap", True)
    assert project.check_span(text, text.index("حلب"), len(text), project.spans(aid, "amal")) == (
        text.index("حلب"), len(text))
    project.add_span(aid, "amal", text.index("حلب"), len(text), "ACTOR")
    assert len(project.spans(aid, "amal")) == 2


def test_spans_by_article_counts_annotators_with_no_spans(project: Project,
                                                          add_article: Callable[..., int]) -> None:
    text = "قصفت الطائرات مدينة حلب"
    aid = add_article(text)
    project.add_span(aid, "amal", text.index("حلب"), len(text), "LOCATION")
    for name in ("amal", "omar"):
        project.set_status(aid, name, "done")
    grouped = project.annotations.spans_by_article(("done",), 2)
    assert set(grouped[aid]) == {"amal", "omar"} and grouped[aid]["omar"] == []
    assert project.annotations.spans_by_article(("done",), 3) == {}


def test_attributes_that_are_not_an_object_read_as_none(project: Project,
                                                        add_article: Callable[..., int]) -> None:
    """#16 item 1: attributes '[1,2,3]' reached the views as a list and crashed them."""
    text = "قصفت الطائرات مدينة حلب"
    aid = add_article(text)
    span = project.add_span(aid, "amal", text.index("حلب"), len(text), "LOCATION", {"k": "v"})
    conn = sqlite3.connect(project.path)
    for bad in ("[1,2,3]", "5", '"str"', "null", "{broken"):
        conn.execute("UPDATE spans SET attributes = ? WHERE id = ?", (bad, span.id))
        conn.commit()
        assert project.spans(aid, "amal")[0].attributes == {}
        assert project.span(span.id).attributes == {}
    conn.close()


def test_own_span_ids_are_those_spans_returns(project: Project, add_article: Callable[..., int]) -> None:
    """The session's "is this span still mine?" check reads only the ids it asks about, and
    answers as a read of the whole span list would: another annotator's span, another
    article's, a deleted one and one that no longer fits its text are not owned."""
    text = "قصفت الطائرات مدينة حلب وريف إدلب"
    aid, other_article = add_article(text), add_article("خبر آخر عن حماة")
    mine = project.add_span(aid, "amal", text.index("حلب"), text.index("حلب") + 3, "LOCATION")
    outside = project.add_span(aid, "amal", text.index("إدلب"), len(text), "LOCATION")
    theirs = project.add_span(aid, "omar", text.index("مدينة"), text.index("مدينة") + 5, "LOCATION")
    elsewhere = project.add_span(other_article, "amal", 0, 3, "ACTOR")
    gone = project.add_span(aid, "amal", 0, 4, "ACTOR")
    project.delete_span(gone.id)
    conn = sqlite3.connect(project.path)
    conn.execute('UPDATE spans SET "end" = ? WHERE id = ?', (len(text) + 5, outside.id))  # a hand edit
    conn.commit()
    conn.close()
    asked = [mine.id, outside.id, theirs.id, elsewhere.id, gone.id, 10_000]
    expected = {s.id for s in project.spans(aid, "amal")} & set(asked)
    assert project.own_span_ids(aid, "amal", asked) == expected == {mine.id}
    assert project.own_span_ids(aid, "omar", asked) == {theirs.id}
    assert project.own_span_ids(aid, "amal", []) == set()


def test_spans_many_takes_the_text_lengths_the_caller_read(project: Project, add_article: Callable[..., int]) -> None:
    """An export has read the texts: their lengths replace SQLite's count, with the same result."""
    text = "قصفت الطائرات مدينة حلب"
    a, b = add_article(text), add_article("خبر آخر عن حمص")
    project.add_span(a, "amal", text.index("حلب"), len(text), "LOCATION")
    project.add_span(a, "omar", 0, 4, "ACTOR")
    project.add_span(b, "omar", 8, 11, "LOCATION")
    counted = project.spans_many([a, b])
    assert project.spans_many([a, b], {a: len(text), b: len("خبر آخر عن حمص")}) == counted
    assert sorted(counted) == [(a, "amal"), (a, "omar"), (b, "omar")]
    # The lengths given are the ones checked against: a span past them is left out.
    assert project.spans_many([a, b], {a: len(text) - 1, b: 20})[(a, "amal")] == []
