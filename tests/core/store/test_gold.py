"""The gold family: one gold row per article, its spans replaced or edited in place."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.domain import Span
from annotator.core.store import Project, now_iso


def test_gold_rows_and_spans(project: Project, add_article: Callable[..., int]) -> None:
    text = "قصفت الطائرات مدينة حلب"
    aid = add_article(text)
    when = now_iso()
    with project.transaction():
        gold_id = project.gold.upsert(aid, "lead", "manual", "draft", when)
        assert project.gold.upsert(aid, "lead", "unanimous", "draft", when) == gold_id  # one row per article
        project.gold.replace_spans(gold_id, [Span(text.index("حلب"), len(text), "LOCATION")], when)
    assert project.gold.status(aid) == "draft" and project.gold.strategy(aid) == "unanimous"
    assert project.gold.accepted_rows() == []
    (span,) = project.gold.spans(aid)
    assert project.gold.span_row(span.id)[1:] == (gold_id, aid)
    with project.transaction():
        assert project.gold.set_status(aid, "lead", "accepted", now_iso())
        project.gold.delete_span(span.id)
    assert [r[0] for r in project.gold.accepted_rows()] == [aid] and project.gold.spans(aid) == []
    with project.transaction():
        assert project.gold.delete(aid) and not project.gold.delete(aid)
    assert project.gold.count() == 0 and project.gold.status(aid) is None
