"""core/store/table.py: the base of the table families and the span helpers they share."""
from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from annotator.core.domain import Span
from annotator.core.store import Project
from annotator.core.store.table import CHUNK, TableFamily, in_text, marks, raw_spans, replace_raw_spans


def test_marks() -> None:
    assert marks([1, 2, 3]) == "?,?,?"
    assert marks([]) == ""
    assert CHUNK < 999  # SQLite's smallest variable limit


def test_every_family_shares_the_project_connection(project: Project) -> None:
    families = [v for v in vars(project).values() if isinstance(v, TableFamily)]
    assert len(families) >= 10
    assert all(f.project is project and f.conn is project.conn for f in families)


def test_raw_spans_round_trip(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article("قال المرصد السوري إن 4 جنود قتلوا.")
    project.add_span(article, "hala", 4, 17, "SOURCE")
    annotation = project.annotation(article, "hala")
    assert annotation is not None
    spans = raw_spans(project.conn, "spans", annotation.id)
    assert [s[:3] for s in spans] == [(4, 17, "SOURCE")]
    moved = [(21, 22, "COUNT", "{}", "manual", None), *spans]
    with project.transaction() as conn:
        replace_raw_spans(conn, "spans", annotation.id, moved)
    assert [(s.start, s.end, s.label) for s in project.spans(article, "hala")] == [(4, 17, "SOURCE"), (21, 22, "COUNT")]
    with pytest.raises(KeyError):
        raw_spans(project.conn, "articles", annotation.id)  # only the two span tables


def test_in_text_leaves_out_spans_outside_the_text_and_logs_them_once(project: Project,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    good, past_end, empty = Span(0, 4, "ACTOR", id=1), Span(3, 12, "ACTOR", id=2), Span(5, 5, "ACTOR", id=3)
    assert in_text(project, "spans", [good], 10) == [good]
    with caplog.at_level(logging.WARNING, logger="annotator.core.store"):
        assert in_text(project, "spans", [good, past_end, empty], 10) == [good]
        assert in_text(project, "spans", [past_end], 10) == []
    warned = [r for r in caplog.records if "outside its article's text" in r.getMessage()]
    assert len(warned) == 2  # one per bad span, not one per read
    assert in_text(project, "spans", [good], None) == []  # no text: nothing fits
