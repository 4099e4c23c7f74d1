"""The suggestions family: stored per article and source; rejections per annotation."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.domain import Suggestion
from annotator.core.store import Project


def test_a_run_with_no_suggestions_is_remembered(project: Project, add_article: Callable[..., int]) -> None:
    aid = add_article("قصفت الطائرات مدينة حلب")
    assert project.suggestions.stored(aid, "rules") is None
    project.suggestions.store(aid, "rules", [])
    assert project.suggestions.stored(aid, "rules") == []
    project.suggestions.store(aid, "rules", [Suggestion(19, 22, "LOCATION", "rule", 0.5, {"k": 1})])
    (got,) = project.suggestions.stored(aid, "rules") or []
    assert (got.start, got.end, got.label, got.score, got.attributes) == (19, 22, "LOCATION", 0.5, {"k": 1})


def test_rejections_are_a_set(project: Project, add_article: Callable[..., int]) -> None:
    aid = add_article("قصفت الطائرات مدينة حلب")
    project.reject_suggestion(aid, "amal", 19, 22, "LOCATION")
    project.reject_suggestion(aid, "amal", 19, 22, "LOCATION")
    assert project.suggestions.rejected(aid, "amal") == {(19, 22, "LOCATION")}
    project.suggestions.unreject(aid, "amal", 19, 22, "LOCATION")
    assert project.suggestions.rejected(aid, "amal") == set()
