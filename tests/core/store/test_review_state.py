"""core/store/review_state.py: a reviewer's settled conflicts, keyed by the article's content."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.errors import ProjectError
from annotator.core.store import Project


def test_nothing_kept_reads_none(project: Project, add_article: Callable[..., int]) -> None:
    assert project.review.get(add_article("نص أول")) is None


def test_set_then_get_and_overwrite(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article("نص أول")
    project.review.set(article, "min", 2, [(10, 14), (0, 3)])
    assert project.review.get(article) == {"strategy": "min", "k": 2, "resolved": [(0, 3), (10, 14)]}
    project.review.set(article, "unanimous", 3, [])
    assert project.review.get(article) == {"strategy": "unanimous", "k": 3, "resolved": []}


def test_an_unknown_article_is_refused(project: Project) -> None:
    with pytest.raises(ProjectError, match="no article with id 99"):
        project.review.set(99, "min", 2, [])


def test_the_state_follows_the_text_not_the_local_id(project: Project, add_article: Callable[..., int]) -> None:
    """Keyed by content hash: the same text imported again under a new id finds the state
    (what lets merging carry it between files whose ids differ)."""
    article = add_article("نص أول")
    add_article("نص ثان")  # the next id is not the deleted one
    project.review.set(article, "majority", 2, [(1, 2)])
    project.delete_article(article)
    again = add_article("نص أول")
    assert again != article
    assert project.review.get(again) == {"strategy": "majority", "k": 2, "resolved": [(1, 2)]}


def test_a_damaged_resolved_list_reads_as_nothing_settled(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article("نص أول")
    project.review.set(article, "min", 2, [(0, 3)])
    with project.transaction() as conn:
        conn.execute("UPDATE review_state SET resolved = 'not json'")
    assert project.review.get(article) == {"strategy": "min", "k": 2, "resolved": []}


def test_set_inside_a_rolled_back_transaction_leaves_nothing(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article("نص أول")
    with pytest.raises(RuntimeError), project.transaction():
        project.review.set(article, "min", 2, [(0, 3)])
        raise RuntimeError("the user action failed later")
    assert project.review.get(article) is None
