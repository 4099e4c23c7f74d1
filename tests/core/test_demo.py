"""core/demo.py: the built-in demo project, built from resources/samples."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.demo import DEMO_REVIEWER, build_demo_project, demo_project_path, ensure_demo_project
from annotator.core.paths import resources_dir
from annotator.core.store import Project

SAMPLES = resources_dir() / "samples"


def _sample_lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user data folder moved into the test's folder (platformdirs reads XDG_DATA_HOME)."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_build_makes_every_sample_article_and_annotation(tmp_path: Path) -> None:
    path = build_demo_project(tmp_path / "demo.db")
    assert path == tmp_path / "demo.db"
    assert not (tmp_path / "demo.db.building").exists()  # built beside, then moved into place
    articles = _sample_lines("demo_articles.jsonl")
    annotations = _sample_lines("demo_annotations.jsonl")
    with Project.open(path) as project:
        assert project.article_count() == len(articles)
        assert project.setting("project_name") == "Demo: Syrian conflict news"
        by_external = project.articles.ids_by_external_id()
        for rec in annotations:
            article_id = by_external[rec["article"]]
            stored = project.spans(article_id, rec["annotator"])
            assert [(s.start, s.end, s.label) for s in stored] == \
                [(s["start"], s["end"], s["label"]) for s in rec["spans"]]
            annotation = project.annotation(article_id, rec["annotator"])
            assert annotation is not None and annotation.status == rec.get("status", "done")


def test_count_spans_get_their_attributes_from_the_text(tmp_path: Path) -> None:
    with Project.open(build_demo_project(tmp_path / "demo.db")) as project:
        counts = [s for article_id in project.article_ids() for name, _role in project.annotators()
                  for s in project.spans(article_id, name) if s.label == "COUNT"]
    assert counts, "the demo has COUNT spans"
    assert all("value" in s.attributes and "category" in s.attributes for s in counts)


def test_the_demo_reviewer_created_the_project(tmp_path: Path) -> None:
    with Project.open(build_demo_project(tmp_path / "demo.db")) as project:
        assert DEMO_REVIEWER in dict(project.annotators())


def test_ensure_builds_once_in_the_user_data_folder(data_home: Path) -> None:
    path = ensure_demo_project()
    assert path == demo_project_path()
    assert path.is_file() and data_home in path.parents
    with Project.open(path) as project:
        project.set_setting("project_name", "renamed by the user")
    assert ensure_demo_project() == path
    with Project.open(path) as project:  # the existing demo is kept, not rebuilt
        assert project.setting("project_name") == "renamed by the user"
