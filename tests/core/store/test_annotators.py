"""The annotators family: names are checked; roles only change on purpose."""
from __future__ import annotations

import pytest

from annotator.core.errors import PermissionDenied, ProjectError
from annotator.core.store import Project


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "x" * 101, "a\x1b]0;title\x07", "a\u202eb", "a\x00b"])
def test_unusable_names_are_refused(project: Project, bad: str) -> None:
    with pytest.raises(ProjectError, match="annotator name"):
        project.ensure_annotator(bad)


def test_roles(project: Project) -> None:
    assert project.ensure_annotator("  أمل  ") == "أمل"
    assert project.role("أمل") == "annotator"
    with pytest.raises(PermissionDenied):
        project.require_reviewer("أمل")
    with project.transaction():
        project.annotators_table.promote("أمل")
    project.require_reviewer("أمل")
    assert ("lead", "reviewer") in project.annotators()
