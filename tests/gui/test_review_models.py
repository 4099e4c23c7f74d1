"""gui/review_models.py: the review queue's model and an annotator's span table."""
from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.domain import Label, Span
from annotator.core.team.queue import ReviewItem
from annotator.gui.review_models import (
    CLASS_STYLE,
    AnnotatorPanel,
    AnnotatorSpanModel,
    ReviewQueueModel,
    class_text,
    label_name,
)

DISPLAY, USER = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole


def _items() -> list[ReviewItem]:
    return [ReviewItem(5, "حلب", ("amal", "badr"), 0.42, False, None),
            ReviewItem(9, "إدلب", ("amal", "badr"), 0.80, True, "accepted"),
            ReviewItem(2, "", ("amal", "chadi"), 0.95, False, "draft")]


def test_queue_rows_marks_and_ids(qapp) -> None:
    model = ReviewQueueModel()
    model.set_items(_items())
    assert model.rowCount() == 3 and model.row_of(9) == 1 and model.row_of(None) is None
    assert [model.data(model.index(r, 0), DISPLAY) for r in range(3)] == ["", "✓", "✎"]
    assert model.data(model.index(2, 1), DISPLAY) == "#2"  # no title: the id
    assert model.data(model.index(0, 2), DISPLAY) == "0.42"
    assert model.data(model.index(1, 1), USER) == 9
    assert model.item(5).title == "حلب" and model.item(7) is None


def test_next_without_gold_wraps_and_skips_accepted(qapp) -> None:
    model = ReviewQueueModel()
    model.set_items(_items())
    assert model.next_without_gold(5) == 2   # 9 has accepted gold
    assert model.next_without_gold(2) == 5   # wraps around
    assert model.next_without_gold(None) == 5
    model.set_gold_status(5, "accepted")
    model.set_gold_status(2, "accepted")
    assert model.next_without_gold(9) is None
    assert model.data(model.index(0, 0), DISPLAY) == "✓"


def test_set_gold_status_signals_only_a_change(qapp) -> None:
    model = ReviewQueueModel()
    model.set_items(_items())
    changed: list[int] = []
    model.dataChanged.connect(lambda a, *_: changed.append(a.row()))
    model.set_gold_status(9, "accepted")  # already so
    model.set_gold_status(5, "draft")
    assert changed == [0]


def test_annotator_span_table_marks_each_span_by_class(qapp) -> None:
    text = "قوات النظام في حلب"
    labels = {"ACTOR": Label("ACTOR", "فاعل", "Actor", "#d62728", "1")}
    model = AnnotatorSpanModel()
    spans = [Span(0, 11, "ACTOR"), Span(15, 18, "LOCATION")]
    model.set_content(text, spans, ["all", "conflict"], labels)
    assert [model.data(model.index(r, 0), DISPLAY) for r in range(2)] == ["✓", "✗"]
    assert model.data(model.index(0, 1), DISPLAY) == "Actor"
    assert model.data(model.index(1, 1), DISPLAY) == "LOCATION"  # an unknown label: its name
    assert model.data(model.index(0, 2), DISPLAY) == "قوات النظام"
    assert model.data(model.index(1, 0), USER) == (15, 18)
    assert model.set_focus((14, 20)) == [1]
    assert model.in_focus(1) and not model.in_focus(0)


def test_panel_heading_and_class_texts(qapp) -> None:
    panel = AnnotatorPanel()
    panel.set_content(2, "badr", "قوات النظام", [Span(0, 11, "ACTOR")], ["partial"], {})
    assert panel.model.rowCount() == 1
    assert set(CLASS_STYLE) == {"all", "partial", "conflict"}
    assert class_text("conflict").startswith("conflict")
    assert label_name(None, "ACTOR") == "ACTOR"
