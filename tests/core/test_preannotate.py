"""core/preannotate.py: running a suggester over the project and keeping its suggestions."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.domain import Suggestion
from annotator.core.errors import ExportError
from annotator.core.preannotate import (
    SuggestSummary,
    articles_to_suggest,
    store_suggestions,
    stored_suggestions,
    suggest_project,
)
from annotator.core.store import Project

TEXT = "قصفت الطائرات ريف حمص الشرقي، وقال المرصد السوري إن 3 مدنيين قتلوا."


def test_store_and_read_back_per_source(project: Project, add_article: Callable[..., int]) -> None:
    article = add_article(TEXT)
    assert stored_suggestions(project, article, "rules") is None  # never ran
    found = [Suggestion(14, 28, "LOCATION", "rule", 0.9)]
    store_suggestions(project, article, "rules", found)
    assert [(s.start, s.end, s.label) for s in stored_suggestions(project, article, "rules") or []] == \
        [(14, 28, "LOCATION")]
    store_suggestions(project, article, "rules", [])
    assert stored_suggestions(project, article, "rules") == []  # ran, found nothing
    assert stored_suggestions(project, article, "camel") is None


def test_articles_to_suggest_skips_finished_work(project: Project, add_article: Callable[..., int]) -> None:
    first, second = add_article(TEXT), add_article("نص آخر عن إدلب")
    project.set_status(first, "hala", "done")
    assert articles_to_suggest(project, "hala") == [second]
    assert set(articles_to_suggest(project, "omar")) == {first, second}


def test_suggest_project_with_the_project_patterns(project: Project, add_article: Callable[..., int],
                                                   tmp_path: Path) -> None:
    taught = add_article("قصفت المدفعية ريف حمص الشرقي أمس.")
    start = "قصفت المدفعية ريف حمص الشرقي أمس.".index("ريف حمص الشرقي")
    project.add_span(taught, "hala", start, start + len("ريف حمص الشرقي"), "LOCATION")
    project.set_status(taught, "hala", "done")
    other = add_article(TEXT)
    progress: list[tuple[int, int]] = []
    out = tmp_path / "suggested.jsonl"
    summary = suggest_project(project, "patterns", annotator="hala", output=out,
                              progress=lambda n, total: progress.append((n, total)))
    assert isinstance(summary, SuggestSummary)
    assert (summary.articles, summary.source) == (1, "patterns") and summary.suggestions >= 1
    assert progress == [(1, 1)]
    stored = stored_suggestions(project, other, "patterns") or []
    assert ("ريف حمص الشرقي", "LOCATION") in {(TEXT[s.start:s.end], s.label) for s in stored}
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["answer"] == "suggested" and len(record["spans"]) == summary.suggestions
    assert summary.line() == f"patterns: {summary.suggestions} suggestions on 1 articles; written to {out}"
    assert summary.to_dict()["output"] == str(out)


def test_an_output_in_a_missing_folder_is_refused(project: Project, add_article: Callable[..., int],
                                                  tmp_path: Path) -> None:
    add_article(TEXT)
    with pytest.raises(ExportError, match="folder does not exist"):
        suggest_project(project, "patterns", output=tmp_path / "nowhere" / "out.jsonl")
