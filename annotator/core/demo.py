"""The built-in demo project: sample articles and two annotators' work, created on first run."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from .domain import Span
from .importing import import_paths
from .paths import resources_dir, user_data_dir
from .store import Project

log = logging.getLogger(__name__)

DEMO_REVIEWER = "reviewer"


def demo_project_path() -> Path:
    return user_data_dir() / "demo.db"


def build_demo_project(path: Path) -> Path:
    """Create a demo project at ``path`` from resources/samples (overwrites nothing)."""
    samples = resources_dir() / "samples"
    tmp = path.with_name(path.name + ".building")
    tmp.unlink(missing_ok=True)
    with Project.create(tmp, creator=DEMO_REVIEWER) as project:
        project.set_setting("project_name", "Demo: Syrian conflict news")
        import_paths(project, [samples / "demo_articles.jsonl"], fmt="jsonl")
        by_external = project.articles.ids_by_external_id()
        annotations = samples / "demo_annotations.jsonl"
        if annotations.exists():
            with open(annotations, encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    article_id = by_external.get(rec["article"])
                    if article_id is None:
                        continue
                    spans = [Span(s["start"], s["end"], s["label"], origin="manual") for s in rec["spans"]]
                    _add_count_attributes(project, article_id, spans)
                    project.ensure_annotator(rec["annotator"])
                    project.replace_spans(article_id, rec["annotator"], spans)
                    project.set_status(article_id, rec["annotator"], rec.get("status", "done"))
    tmp.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    return path


def _add_count_attributes(project: Project, article_id: int, spans: list[Span]) -> None:
    text = project.article_text(article_id)
    try:
        from .counts import count_attributes
    except ImportError:  # counts module not available: spans stay without attributes
        return
    for i, s in enumerate(spans):
        if s.label == "COUNT":
            spans[i] = Span(s.start, s.end, s.label, count_attributes(text, s.start, s.end), s.origin)


def ensure_demo_project() -> Path:
    path = demo_project_path()
    if not path.exists():
        log.info("creating demo project at %s", path)
        build_demo_project(path)
    return path
