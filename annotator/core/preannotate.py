"""Pre-annotation: run a suggester over the project and keep its suggestions.

Suggestions are stored per article and source, apart from anyone's annotation: an
annotator sees them as suggestions (accept with Enter, reject with Backspace) and
they never count as annotated until accepted.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .domain import Span, Suggestion
from .store import Project


@dataclass
class SuggestSummary:
    articles: int = 0
    suggestions: int = 0
    source: str = ""
    output: str | None = None

    def line(self) -> str:
        where = f"; written to {self.output}" if self.output else ""
        return f"{self.source}: {self.suggestions} suggestions on {self.articles} articles{where}"

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def articles_to_suggest(project: Project, annotator: str | None) -> list[int]:
    """Articles not yet done (by ``annotator``, or by anyone when None)."""
    return project.articles.not_done(annotator)


def store_suggestions(project: Project, article_id: int, source: str, suggestions: list[Suggestion]) -> None:
    """Replace the stored suggestions of one article and source (one transaction)."""
    project.suggestions.store(article_id, source, suggestions)


def stored_suggestions(project: Project, article_id: int, source: str) -> list[Suggestion] | None:
    """The stored suggestions, or None when this source never ran on the article."""
    return project.suggestions.stored(article_id, source)


def suggest_project(project: Project, source: str, *, annotator: str | None = None,
                    output: str | os.PathLike[str] | None = None,
                    progress: Callable[[int, int], None] | None = None, **options) -> SuggestSummary:
    from .formats.atomic import atomic_file
    from .formats.jsonl import record_dict
    from .suggest import get_suggester, parse_sources

    if "patterns" in parse_sources(source):
        # The pattern suggester learns from this project (only from the annotator's own
        # spans and gold in blind mode).
        options = {"project": project, "annotator": annotator, **options}
    suggester = get_suggester(source, **options)
    ids = articles_to_suggest(project, annotator)
    summary = SuggestSummary(source=source, output=str(output) if output else None)
    label_names = set(project.label_names())

    def run(fh) -> None:
        for n, article_id in enumerate(ids, 1):
            article = project.article(article_id)
            found = [s for s in suggester.suggest(article.text) if s.label in label_names]
            store_suggestions(project, article_id, source, found)
            summary.articles += 1
            summary.suggestions += len(found)
            if fh is not None:
                spans = [Span(s.start, s.end, s.label, s.attributes, s.origin) for s in found]
                rec = record_dict(article, spans, f"suggest-{source}")
                rec["answer"] = "suggested"
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if progress:
                progress(n, len(ids))

    if output:
        if not Path(output).parent.exists():
            from .errors import ExportError

            raise ExportError(f"{output}: folder does not exist")
        with atomic_file(output) as fh:
            run(fh)
    else:
        run(None)
    return summary
