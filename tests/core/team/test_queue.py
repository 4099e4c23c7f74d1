"""The review queue: lowest agreement first, and fast on ten thousand articles."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from team_helpers import annotate, bulk_articles, ids_of

from annotator.core.errors import ProjectError
from annotator.core.store import Project
from annotator.core.team import gold as team_gold
from annotator.core.team import queue as team_queue


def test_review_queue_lists_lowest_agreement_first(proj: Project) -> None:
    a1, a2, a3, a4, a5, _ = ids_of(proj)
    same = [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")]
    annotate(proj, a1, "a", same)
    annotate(proj, a1, "b", same)
    annotate(proj, a2, "a", [("تنظيم الدولة", "ACTOR"), ("دير الزور", "LOCATION")])
    annotate(proj, a2, "b", [("تنظيم الدولة", "ACTOR")])
    annotate(proj, a3, "a", [("مصادر ميدانية", "SOURCE")])
    annotate(proj, a3, "b", [("ريف حمص", "LOCATION")])
    annotate(proj, a4, "a", [("إدلب", "LOCATION")])  # only one annotator: nothing to compare
    annotate(proj, a5, "a", [("الرقة", "LOCATION")])
    annotate(proj, a5, "b", [("الرقة", "LOCATION")], status="in_progress")  # not done
    team_gold.save_gold(proj, a1, "lead", [], "manual")

    queue = team_queue.review_queue(proj)
    assert [item.article_id for item in queue] == [a3, a2, a1]
    assert [round(item.score, 3) for item in queue] == [0.0, 0.667, 1.0]
    assert [item.has_gold for item in queue] == [False, False, True]
    assert queue[2].gold_status == "accepted"
    assert queue[0].annotators == ("a", "b")
    annotate(proj, a2, "c", [("الجيش", "ACTOR")])
    assert [item.article_id for item in team_queue.review_queue(proj, min_done=3)] == [a2]
    with pytest.raises(ProjectError):
        team_queue.review_queue(proj, min_done=1)


def test_review_queue_handles_ten_thousand_articles_quickly(tmp_path: Path) -> None:
    with Project.create(tmp_path / "big.db", creator="lead") as p:
        ids = bulk_articles(p, 10_000)
        with p.transaction() as conn:
            conn.executemany("INSERT INTO annotators(name, role) VALUES (?, 'annotator')", [("a",), ("b",)])
            conn.executemany(
                "INSERT INTO annotations(article_id, annotator, status) VALUES (?, ?, 'done')",
                [(aid, name) for aid in ids for name in ("a", "b")],
            )
            # a marks "قتل" on every article; b only on even ones -> scores 1.0 and 0.0
            conn.executemany(
                "INSERT INTO spans(annotation_id, start, \"end\", label) "
                "SELECT id, 0, 3, 'ACTOR' FROM annotations WHERE article_id = ? AND annotator = ?",
                [(aid, "a") for aid in ids] + [(aid, "b") for aid in ids if aid % 2 == 0],
            )
        started = time.perf_counter()
        queue = team_queue.review_queue(p)
        elapsed = time.perf_counter() - started
        assert len(queue) == 10_000
        assert all(item.score == 0.0 for item in queue[:5000])
        assert all(item.article_id % 2 == 1 for item in queue[:5000])
        assert all(item.score == 1.0 for item in queue[5000:])
        assert elapsed < 5.0, f"review queue took {elapsed:.1f}s"
