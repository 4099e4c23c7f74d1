"""The ``proj`` fixture of the team and sync tests: see :func:`team_helpers.make_team_project`."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from team_helpers import make_team_project

from annotator.core.store import Project


@pytest.fixture
def proj(tmp_path: Path) -> Iterator[Project]:
    p = make_team_project(tmp_path)
    try:
        yield p
    finally:
        p.close()
