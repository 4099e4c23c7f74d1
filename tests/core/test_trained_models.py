"""Which trained model is current: the last one recorded, stored with its resolved path."""
from __future__ import annotations

import json
from pathlib import Path

from annotator.core.store import Project
from annotator.core.trained_models import current_model_path, record_model


def test_no_model_is_current_in_a_new_project(project: Project) -> None:
    assert current_model_path(project) is None


def test_the_last_recorded_model_is_current_and_paths_are_absolute(
    project: Project, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = record_model(project, "run1/model-best", {"ents_f": 0.5})
    second = record_model(project, tmp_path / "run2" / "model-best", {"ents_f": 0.7})
    assert second > first
    assert current_model_path(project) == str(tmp_path / "run2" / "model-best")
    rows = project.conn.execute("SELECT path, is_current, metrics FROM models ORDER BY id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        (str(tmp_path / "run1" / "model-best"), 0),
        (str(tmp_path / "run2" / "model-best"), 1),
    ]
    assert json.loads(rows[1][2]) == {"ents_f": 0.7}


def test_the_current_model_survives_reopening(project_path: Path, tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.db") as p:
        record_model(p, tmp_path / "m", {})
    with Project.open(tmp_path / "p.db") as p:
        assert current_model_path(p) == str(tmp_path / "m")
