"""Helpers the workbench tests import (``from gui_helpers import ...``). They live here, not in
conftest.py: ``from conftest import`` finds whichever conftest module pytest loaded last (the
hub tests have one too), so a run of ``pytest tests/gui tests/hub`` could not collect."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.store import Project


def project_with_articles(path: Path, articles: Sequence[str | tuple[str, str]],
                          creator: str = "lead") -> list[int]:
    """Create a project at ``path`` holding ``articles`` (text, or (title, text)); return their ids.

    Goes through the real importer so search keys are made as for imported files.
    """
    from annotator.core.importing import ArticleRecord, content_hash, import_records

    records = []
    for item in articles:
        title, text = item if isinstance(item, tuple) else (item.split("\n", 1)[0][:80], item)
        records.append(ArticleRecord(text=text, title=title))
    with Project.create(path, creator=creator) as project:
        summary = import_records(project, records)
        assert not summary.rejected, summary.errors
        ids = [project.article_id_by_hash(content_hash(r.text)) for r in records]
    assert all(i is not None for i in ids)
    return [int(i) for i in ids]  # type: ignore[arg-type]


def stored_spans(path: Path, article_id: int, annotator: str) -> list:
    """The spans as a *second* connection to the file sees them (what survives a crash)."""
    with Project.open(path) as other:
        return other.spans(article_id, annotator)


def close_window(window) -> None:
    """Close a window the way the user does and release its project file at once."""
    try:
        window.clock.stop()
        if window.isVisible():
            window.close()
    except RuntimeError:  # already deleted by Qt
        return
    window.project.close()


def cell_option(view, row: int, column: int):
    """The style option the view's delegate paints the cell with."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option
