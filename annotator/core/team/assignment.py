"""Assignment of articles to annotators, balanced and overlapping so agreement can be measured."""
from __future__ import annotations

import random
from collections.abc import Sequence

from ..errors import ProjectError
from ..store import Project, check_annotator_name


class AssignmentError(ProjectError):
    """The requested assignment cannot be made (bad overlap, no annotators, duplicates)."""



def assign(project: Project, annotators: Sequence[str], overlap: int, seed: int = 0, *,
           articles: Sequence[int] | None = None) -> dict[str, int]:
    """Spread the articles so each gets ``overlap`` distinct annotators; return counts.

    Balanced: each article goes to the annotators with the fewest articles so far, ties
    broken by a seeded shuffle, so counts differ by at most one and the pairs vary (fixed
    rotations would always pair the same people, and agreement needs varied pairs). The
    same seed, names and articles give the same assignment. Previous assignments of these
    annotators are replaced; other annotators' assignments stay. One transaction.
    """
    names = [check_annotator_name(n) for n in annotators]
    if not names:
        raise AssignmentError("give at least one annotator to assign articles to")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise AssignmentError(f"annotator named more than once: {', '.join(duplicates)}")
    if isinstance(overlap, bool) or not isinstance(overlap, int) or overlap < 1:
        raise AssignmentError(f"overlap must be a whole number ≥ 1, got {overlap!r}")
    if overlap > len(names):
        raise AssignmentError(
            f"overlap {overlap} needs at least {overlap} annotators; only {len(names)} given"
        )
    ids = project.article_ids()
    if articles is not None:
        known = set(ids)
        unknown = sorted(set(articles) - known)
        if unknown:
            shown = ", ".join(map(str, unknown[:10])) + (" …" if len(unknown) > 10 else "")
            raise AssignmentError(f"no article with id {shown}")
        ids = sorted(set(articles))
    rng = random.Random(seed)
    order = list(ids)
    rng.shuffle(order)
    pool = sorted(names)  # argument order must not change the result
    counts = dict.fromkeys(pool, 0)
    rows: list[tuple[int, str]] = []
    for aid in order:
        rng.shuffle(pool)
        pool.sort(key=counts.__getitem__)  # stable: equal counts keep the shuffled order
        for name in pool[:overlap]:
            counts[name] += 1
            rows.append((aid, name))
    rows.sort()  # primary-key order: the b-tree inserts append instead of splitting pages
    project.assignments.replace_for(names, rows)
    return {n: counts[n] for n in names}


def assignments(project: Project, annotator: str | None = None) -> dict[str, list[int]]:
    """{annotator: assigned article ids} (all annotators, or one)."""
    return project.assignments.by_annotator(annotator)
