"""The review queue: articles enough annotators finished, lowest agreement first."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import ProjectError
from ..store import Project
from ..store.annotations import eligible_articles_sql
from .agreement import ArticleAnnotations, compute_agreement


@dataclass(frozen=True)
class ReviewItem:
    """One article waiting for (or having had) adjudication."""

    article_id: int
    title: str
    annotators: tuple[str, ...]
    score: float  # mean pairwise overlap F1 of the done annotations (agreement module)
    has_gold: bool  # accepted gold exists
    gold_status: str | None = None  # None, 'draft' or 'accepted'

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "annotators": list(self.annotators),
            "score": self.score,
            "has_gold": self.has_gold,
            "gold_status": self.gold_status,
        }


def review_queue(project: Project, min_done: int = 2) -> list[ReviewItem]:
    """Articles with at least ``min_done`` done annotations, lowest agreement first.

    The reviewer's time is best spent where annotators disagree most. Ties are broken by
    article id so the order is stable between calls. Two queries in all (spans of every
    relevant annotation, then titles and gold status), grouped in Python, so 10,000
    articles take well under a second; tokens are not needed for the per-article score,
    so no text is read or tokenised.
    """
    if min_done < 2:
        raise ProjectError("the review queue compares annotations: min_done must be at least 2")
    grouped = project.annotations.spans_by_article(("done",), min_done)
    if not grouped:
        return []
    report = compute_agreement(
        ArticleAnnotations(aid, "", by_name, tokens=()) for aid, by_name in grouped.items()
    )
    info = project.gold.review_info(eligible_articles_sql(("done",)), ["done", min_done])
    items = []
    for art in report.worst_articles():
        title, gold_status = info.get(art.article_id, ("", None))
        items.append(
            ReviewItem(
                article_id=int(art.article_id),
                title=title,
                annotators=tuple(art.annotators),
                score=float(art.score if art.score is not None else 0.0),
                has_gold=gold_status == "accepted",
                gold_status=gold_status,
            )
        )
    items.sort(key=lambda it: (it.score, it.article_id))
    return items
