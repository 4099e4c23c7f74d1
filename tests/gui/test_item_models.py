"""gui/item_models.py: the article list and the span list behind the workbench's tables.

The article list's laziness on a large project is held by tests/gui/test_article_list.py.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from annotator.core.domain import Label, Span
from annotator.core.store import Project
from annotator.gui.item_models import (
    ArticleTableModel,
    SpanTableModel,
    category_text,
    format_value,
    origin_text,
    parse_value,
    spans_in_order,
    status_text,
)

DISPLAY, EDIT, USER = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.UserRole
ACTOR = Label("ACTOR", "فاعل", "Actor", "#d62728", "1")
COUNT = Label("COUNT", "عدد", "Count", "#2ca02c", "3")


@pytest.mark.parametrize(("attrs", "shown"), [
    ({"value": 34}, "34"), ({"value": 50, "approx": True}, "~50"), ({"value": [20, 99]}, "20–99"), ({}, ""),
])
def test_format_value(attrs: dict, shown: str) -> None:
    assert format_value(attrs) == shown


@pytest.mark.parametrize(("typed", "parsed"), [
    ("34", {"value": 34, "approx": False}),
    (" ~50 ", {"value": 50, "approx": True}),
    ("40-50", {"value": [40, 50], "approx": True}),
    ("٤٠–٥٠", {"value": [40, 50], "approx": True}),
    ("50-40", None), ("كثير", None), ("", None),
])
def test_parse_value(typed: str, parsed: dict | None) -> None:
    assert parse_value(typed) == parsed


def test_texts_of_statuses_categories_and_origins(qapp) -> None:
    assert status_text("in_progress") == "in progress"
    assert status_text("unknown") == "unknown"
    assert category_text("killed") == "killed"
    assert origin_text("rule+patterns") == "rule + patterns"
    assert origin_text("camel") == "CAMeL"


def test_article_list_filters_finds_rows_and_reads_them(project: Project, add_article: Callable[..., int],
                                                        qapp) -> None:
    first = add_article("قصف على ريف حمص", title="حمص")
    second = add_article("غارات على إدلب", title="إدلب")
    project.set_status(second, "hala", "done")
    model = ArticleTableModel(project, "hala")
    assert model.ids == [first, second] and model.rowCount() == 2
    assert model.row_of(second) == 1 and model.row_of(999) is None
    assert model.data(model.index(1, 0), DISPLAY) == "إدلب"
    assert model.data(model.index(1, 0), USER) == second
    assert model.article_row(5) is None
    model.set_filter("done", None)
    assert model.ids == [second]
    model.set_filter(None, "حمص")
    assert model.ids == [first]
    model.set_filter(None, None)
    assert model.rowCount() == 2


def test_article_list_refresh_re_reads_one_row(project: Project, add_article: Callable[..., int], qapp) -> None:
    article = add_article("قصف على ريف حمص", title="حمص")
    model = ArticleTableModel(project, "hala")
    model.data(model.index(0, 0), DISPLAY)
    fetched = model.rows_fetched
    model.data(model.index(0, 1), DISPLAY)
    assert model.rows_fetched == fetched  # cached
    changed: list[int] = []
    model.dataChanged.connect(lambda a, *_: changed.append(a.row()))
    model.refresh_article(article)
    model.data(model.index(0, 0), DISPLAY)
    assert changed == [0] and model.rows_fetched == fetched + 1


def test_span_list_rows_cells_and_edits(qapp) -> None:
    text = "قتل 5 عناصر من قوات النظام"
    model = SpanTableModel()
    count = Span(4, 11, "COUNT", {"value": 5, "approx": False, "category": "killed"}, "rule", id=2)
    actor = Span(15, 26, "ACTOR", id=1)
    model.set_content(text, [actor, count], {"ACTOR": ACTOR, "COUNT": COUNT})
    assert [model.data(model.index(r, 0), USER) for r in range(2)] == [2, 1]  # text order
    assert model.row_of(1) == 1 and model.row_of(None) is None
    assert model.data(model.index(0, 1), DISPLAY) == "5 عناصر"
    assert model.data(model.index(0, 2), DISPLAY) == "5"
    assert model.data(model.index(0, 3), EDIT) == "killed"
    assert model.data(model.index(0, 4), DISPLAY) == "rule"
    assert model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, 2)) & Qt.ItemFlag.ItemIsEditable  # only COUNT has a value
    edits: list[tuple[int | None, dict]] = []
    assert not model.setData(model.index(0, 2), "~7")  # no writer yet: refused
    model.on_edit = lambda span, attrs: edits.append((span.id, attrs)) or True
    assert model.setData(model.index(0, 2), "~7")
    assert not model.setData(model.index(0, 3), "eaten")
    assert model.setData(model.index(0, 3), "wounded")
    assert edits == [(2, {"value": 7, "approx": True, "category": "killed"}),
                     (2, {"value": 5, "approx": False, "category": "wounded"})]


def test_span_list_update_inserts_and_removes_only_what_changed(qapp) -> None:
    text = "قتل 5 عناصر من قوات النظام"
    model = SpanTableModel()
    labels = {"ACTOR": ACTOR}
    model.set_content(text, [Span(15, 26, "ACTOR", id=1)], labels)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_content(text, [Span(0, 3, "ACTOR", id=3), Span(15, 26, "ACTOR", id=1)], labels)
    assert inserted == [(0, 0)] and resets == []
    assert model.rowCount() == 2


def test_spans_in_order_sorts_by_start_then_end_into_a_new_list() -> None:
    a, b, c, d = Span(0, 3, "ACTOR", id=1), Span(5, 9, "ACTOR", id=2), Span(5, 7, "ACTOR", id=3), Span(12, 14, "ACTOR")
    in_order = [a, c, b, d]
    result = spans_in_order(in_order)
    assert result == in_order and result is not in_order  # the caller's list is never handed back
    assert spans_in_order([d, b, a, c]) == [a, c, b, d]
    assert spans_in_order([a, b, c, d]) == [a, c, b, d]  # same start: the shorter first
    assert spans_in_order([]) == []
