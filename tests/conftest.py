"""Shared fixtures: a fresh project in a temporary folder and a short article of the genre.

Kept small and general on purpose; test modules add their own specialised fixtures.
Nothing here imports Qt, so core tests run without a display.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.store import Project

# Written for these tests (not taken from any outlet). It has the cases the guidelines care
# about: a clitic before a quote (ل”المدن”), ل + article (للتنظيم), a count, a source.
SAMPLE_TEXT = (
    "حمص: هجوم جديد على مواقع قوات النظام\n"
    "\n"
    "أفادت مصادر ميدانية ل”المدن” بأن عناصر تابعة للتنظيم هاجموا مواقع قوات النظام "
    "في ريف حمص الشرقي، ما أدى إلى مقتل 4 جنود.\n"
    "\n"
    "وقال المرصد السوري لحقوق الإنسان إن الطيران الروسي شنّ غارات على بادية دير الزور."
)


@pytest.fixture
def sample_text() -> str:
    """A short Arabic conflict-news article (title line, blank line, two paragraphs)."""
    return SAMPLE_TEXT


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """Where a test's project file lives (not created yet)."""
    return tmp_path / "project.db"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """A new project with the default labels (ACTOR, LOCATION, COUNT, SOURCE), closed afterwards."""
    p = Project.create(project_path, creator="lead")
    try:
        yield p
    finally:
        p.close()


@pytest.fixture
def add_article(project: Project) -> Callable[..., int]:
    """``add_article(text, title=None, **fields) -> article id``, through the real importer.

    Going through :func:`import_records` means the search key and content hash are made
    exactly as for imported files. Adding the same text twice returns the same id.
    """
    from annotator.core.importing import ArticleRecord, content_hash, import_records

    def add(text: str, title: str | None = None, **fields: Any) -> int:
        rec = ArticleRecord(text=text, title=title if title is not None else text.split("\n", 1)[0], **fields)
        summary = import_records(project, [rec])
        if summary.rejected:
            raise AssertionError(f"test article rejected: {summary.errors}")
        article_id = project.article_id_by_hash(content_hash(text))
        assert article_id is not None
        return article_id

    return add
