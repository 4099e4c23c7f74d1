"""Assigning articles to annotators: overlap, balance, seeding, scale."""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from team_helpers import bulk_articles

from annotator.core.errors import ProjectError
from annotator.core.store import Project
from annotator.core.team import assignment as team_assignment


def test_assign_gives_each_article_exactly_overlap_distinct_annotators(tmp_path: Path) -> None:
    with Project.create(tmp_path / "asg.db", creator="lead") as p:
        ids = bulk_articles(p, 50)
        counts = team_assignment.assign(p, ["x", "y", "z", "w"], overlap=3, seed=7)
        rows = p.conn.execute("SELECT article_id, annotator FROM assignments").fetchall()
        per_article = Counter(aid for aid, _ in rows)
        assert set(per_article) == set(ids) and set(per_article.values()) == {3}
        assert len(set(rows)) == len(rows) == 150
        assert sum(counts.values()) == 150 and max(counts.values()) - min(counts.values()) <= 1
        assert counts == Counter(name for _, name in rows)
        assert p.role("w") == "annotator"
        # Varied pairs: with overlap 2 of 4 people every pair should occur, not a fixed rotation.
        team_assignment.assign(p, ["x", "y", "z", "w"], overlap=2, seed=7)
        pairs = Counter(tuple(sorted(names)) for names in team_groups(p).values())
        assert len(pairs) == 6


def team_groups(p: Project) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for aid, name in p.conn.execute("SELECT article_id, annotator FROM assignments"):
        groups.setdefault(aid, []).append(name)
    return groups


def test_assign_is_seeded_replaces_previous_and_keeps_others(tmp_path: Path) -> None:
    with Project.create(tmp_path / "asg.db", creator="lead") as p:
        bulk_articles(p, 30)
        team_assignment.assign(p, ["other"], overlap=1)
        team_assignment.assign(p, ["x", "y", "z"], overlap=2, seed=1)
        first = team_assignment.assignments(p)
        team_assignment.assign(p, ["z", "y", "x"], overlap=2, seed=1)  # argument order does not matter
        assert team_assignment.assignments(p) == first
        team_assignment.assign(p, ["x", "y", "z"], overlap=2, seed=2)
        assert team_assignment.assignments(p) != first
        counts = team_assignment.assign(p, ["x", "y", "z"], overlap=1, seed=1)
        assert counts == {"x": 10, "y": 10, "z": 10}
        now = team_assignment.assignments(p)
        assert sum(len(now[n]) for n in "xyz") == 30  # old overlap-2 rows are gone
        assert len(now["other"]) == 30  # someone else's assignments stay
        assert p.list_articles("x")[:10] == sorted(now["x"])  # assigned articles come first
        for bad in (0, 4):
            with pytest.raises(team_assignment.AssignmentError):
                team_assignment.assign(p, ["x", "y", "z"], overlap=bad)
        with pytest.raises(ProjectError, match="more than once"):
            team_assignment.assign(p, ["x", "x"], overlap=1)
        with pytest.raises(ProjectError):
            team_assignment.assign(p, [], overlap=1)
        with pytest.raises(team_assignment.AssignmentError, match="no article"):
            team_assignment.assign(p, ["x"], overlap=1, articles=[999_999])
        assert team_assignment.assignments(p) == now


def test_assign_hundred_thousand_articles_in_seconds(tmp_path: Path) -> None:
    with Project.create(tmp_path / "big.db", creator="lead") as p:
        bulk_articles(p, 100_000)
        started = time.perf_counter()
        counts = team_assignment.assign(p, ["a", "b", "c", "d", "e"], overlap=2, seed=3)
        elapsed = time.perf_counter() - started
        assert counts == dict.fromkeys("abcde", 40_000)
        assert p.conn.execute("SELECT count(*) FROM assignments").fetchone()[0] == 200_000
        assert elapsed < 10.0, f"assign took {elapsed:.1f}s"
