"""core/store/learning.py: what the pattern suggester learns from, read in id order."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.store import Project

TEXT = "أفادت مصادر ميدانية بأن عناصر تابعة للتنظيم هاجموا مواقع قوات النظام في ريف حمص الشرقي، ما أدى إلى مقتل 4 جنود."


def test_spans_come_with_the_text_before_them(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article(TEXT)
    start = TEXT.index("ريف حمص")
    project.add_span(article, "hala", start, start + len("ريف حمص الشرقي"), "LOCATION")
    project.add_span(article, "hala", TEXT.index("4"), TEXT.index("4") + 1, "COUNT", attributes={"value": 4})
    rows = list(project.learning_spans())
    assert [r[0] for r in rows] == ["spans", "spans"]
    for _table, _id, window, s, e, _label, _attrs in rows:
        assert window in TEXT and len(window) == e  # the article text up to the span's end
        assert s <= project.LEARNING_WINDOW
    by_label = {r[5]: r for r in rows}
    location = by_label["LOCATION"]
    assert location[2][location[3]:location[4]] == "ريف حمص الشرقي"
    assert location[3] == project.LEARNING_WINDOW  # a full window of context before it
    assert by_label["COUNT"][6] == {"value": 4}


def test_spans_are_read_after_an_id_and_per_annotator(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article(TEXT)
    first = project.add_span(article, "hala", 6, 11, "SOURCE")
    project.add_span(article, "omar", 6, 11, "SOURCE")
    assert len(list(project.learning_spans())) == 2
    assert [r[1] for r in project.learning_spans("hala")] == [first.id]
    assert [r[0] for r in project.learning_spans(after_span=first.id)] == ["spans"]
    assert list(project.learning_spans(after_span=10**9)) == []


def test_rejections_are_shaped_like_spans(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article(TEXT)
    start = TEXT.index("قوات النظام")
    project.reject_suggestion(article, "hala", start, start + len("قوات النظام"), "ACTOR")
    ((rowid, window, s, e, label),) = list(project.learning_rejections())
    assert (window[s:e], label) == ("قوات النظام", "ACTOR")
    assert list(project.learning_rejections("omar")) == []
    assert list(project.learning_rejections(after=rowid)) == []
