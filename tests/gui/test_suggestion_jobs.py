"""gui/suggestion_jobs.py: the suggestion feed's background work, run here on the test thread."""
from __future__ import annotations

from pathlib import Path

from gui_helpers import project_with_articles

from annotator.core.domain import Suggestion
from annotator.core.store import Project
from annotator.gui.suggestion_jobs import GuardedPatterns, SourcesJob, WarmJob, sources_to_build

TEXT = "قال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت ريف حمص الشرقي."


def test_sources_to_build_leaves_out_the_projects_own_patterns() -> None:
    assert sources_to_build(["rules", "patterns", "model"], {"model": {"model_path": "m"}}) == \
        [("rules", {}), ("model", {"model_path": "m"})]


def test_warm_builds_the_pattern_suggester_from_the_project(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    (article,) = project_with_articles(path, [TEXT])
    start = TEXT.index("ريف حمص الشرقي")
    with Project.open(path) as project:
        project.add_span(article, "hala", start, start + len("ريف حمص الشرقي"), "LOCATION")
    learned = WarmJob(str(path), [], patterns=True).work(lambda n: None)
    guarded = GuardedPatterns(learned)
    found = guarded.suggest("قصفت الطائرات ريف حمص الشرقي أمس.")
    assert ("ريف حمص الشرقي", "LOCATION") in {("قصفت الطائرات ريف حمص الشرقي أمس."[s.start:s.end], s.label)
                                               for s in found}
    assert WarmJob(str(path), [], patterns=False).work(lambda n: None) is None


def test_sources_job_asks_the_sources_in_order(tmp_path: Path) -> None:
    found = SourcesJob(TEXT, ["rules"], {}, None).work(lambda n: None)
    assert found and all(isinstance(s, Suggestion) for s in found)
    assert ("المرصد السوري لحقوق الإنسان", "SOURCE") in {(TEXT[s.start:s.end], s.label) for s in found}
