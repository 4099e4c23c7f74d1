"""The assignments family: replacing some annotators' assignments leaves the others'."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.store import Project


def test_replace_for_keeps_other_annotators(project: Project, add_article: Callable[..., int]) -> None:
    a, b = add_article("النص الأول"), add_article("النص الثاني")
    project.assignments.replace_for(["amal", "omar"], [(a, "amal"), (b, "omar")])
    project.assignments.replace_for(["amal"], [(b, "amal")])
    assert project.assignments.by_annotator() == {"amal": [b], "omar": [b]}
    with project.transaction():
        project.assignments.add([(a, "omar"), (b, "omar")])  # the duplicate is ignored
    assert project.assignments.by_annotator("omar") == {"omar": [a, b]}
    assert project.role("amal") == "annotator"  # assigned names become annotators
