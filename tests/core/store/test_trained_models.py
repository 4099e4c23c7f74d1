"""The trained-models family: the newest recorded model is the one current model."""
from __future__ import annotations

from pathlib import Path

from annotator.core.store import Project


def test_the_last_recorded_model_is_current(project: Project, tmp_path: Path) -> None:
    assert project.trained_models.current_path() is None
    first = project.trained_models.record(tmp_path / "m1", {"f": 0.5})
    second = project.trained_models.record(tmp_path / "m2", {"f": 0.6})
    assert second > first
    assert project.trained_models.current_path() == str((tmp_path / "m2").resolve())
