"""The labels family: the schema cache follows every change, spans are counted per label."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.domain import Label
from annotator.core.store import Project


def test_cache_follows_changes_and_counts_every_label(project: Project, add_article: Callable[..., int]) -> None:
    text = "قصفت الطائرات مدينة حلب"
    aid = add_article(text)
    project.add_span(aid, "amal", text.index("حلب"), len(text), "LOCATION")
    counts = project.labels_table.span_counts()
    assert counts["LOCATION"] == 1 and counts["ACTOR"] == 0 and set(counts) == set(project.label_names())
    project.labels_table.add(Label("WEAPON", "سلاح", "Weapon", "#123456", "5"))
    assert "WEAPON" in project.labels_table.names()
    project.labels_table.update("LOCATION", name="PLACE")
    assert project.labels_table.span_counts()["PLACE"] == 1
    assert project.spans(aid, "amal")[0].label == "PLACE"
