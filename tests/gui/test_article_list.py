"""The article list stays lazy on a large project (issue #14 item 1).

A freshly imported 100,000-article project took 25-28 s to show its window: columns sized
to their contents made Qt call ``ArticleTableModel.data()`` 2.4 million times, reading every
row. These tests open a project of many articles through the real window and count what
the list asked for.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.importing import ArticleRecord, import_records
from annotator.core.store import Project
from annotator.gui import item_models as models
from annotator.gui.item_models import PAGE, ArticleTableModel

N_ARTICLES = 20_000


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.db"
    with Project.create(path, creator="lead") as project:
        records = (ArticleRecord(text=f"نص الخبر رقم {i} عن القوات في دير الزور", title=f"خبر رقم {i}",
                                 source="المدن", external_id=f"a{i}") for i in range(N_ARTICLES))
        assert import_records(project, records).new == N_ARTICLES
    return path


@pytest.fixture
def counted_data(monkeypatch) -> dict[str, set[int] | int]:
    """Count every ``data()`` call Qt makes on the article model, and the rows it touched."""
    seen: dict = {"calls": 0, "rows": set()}
    original = ArticleTableModel.data

    def data(self, index, role=0):
        seen["calls"] += 1
        seen["rows"].add(index.row())
        return original(self, index, role)

    monkeypatch.setattr(models.ArticleTableModel, "data", data)
    return seen


def _visible_rows(window) -> int:
    table = window.article_table
    return table.viewport().height() // table.verticalHeader().defaultSectionSize() + 1


def test_opening_at_the_last_article_reads_only_the_rows_on_screen(big_project: Path, open_window,
                                                                     counted_data, qtbot) -> None:
    with Project.open(big_project) as project:
        last_id = project.article_list_runs("hala")[1][-1]
        project.set_setting("last_article:hala", last_id)

    window = open_window(big_project)
    qtbot.wait(50)  # let it paint

    model = window.article_model
    assert model.rowCount() == N_ARTICLES
    assert window.article_id == last_id
    table = window.article_table
    assert table.currentIndex().row() == N_ARTICLES - 1
    visible = _visible_rows(window)
    assert table.rowAt(table.viewport().height() - 1) in (N_ARTICLES - 1, -1)  # scrolled to the end
    rows = counted_data["rows"]
    assert rows and min(rows) >= N_ARTICLES - visible - 1, "rows off screen were read"
    assert len(rows) <= visible + 1
    assert counted_data["calls"] < 100 * visible
    assert model.rows_fetched <= visible + 2 * PAGE


def test_scrolling_reads_the_rows_shown_not_the_rows_passed(big_project: Path, open_window, counted_data,
                                                            qtbot) -> None:
    window = open_window(big_project)
    qtbot.wait(50)
    fetched = window.article_model.rows_fetched
    counted_data["rows"].clear()
    bar = window.article_table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    window.article_table.viewport().repaint()
    visible = _visible_rows(window)
    assert 0 < len(counted_data["rows"]) <= visible + 1
    assert window.article_model.rows_fetched - fetched <= visible + 2 * PAGE


def test_filters_and_row_lookup_match_the_store(tmp_path: Path, qapp) -> None:
    """Two runs (assigned, then the rest), filters from SQL, rows found by binary search."""
    from annotator.core.team.assignment import assign

    path = tmp_path / "p.db"
    with Project.create(path, creator="lead") as project:
        import_records(project, [ArticleRecord(text=f"خبر {i} في حمص", title=f"عنوان {i}") for i in range(60)])
        assign(project, ["hala", "omar"], overlap=1, seed=3)
        ids = project.list_articles("hala")
        project.set_status(ids[-1], "hala", "done")
        project.set_status(ids[0], "hala", "flagged")
        model = ArticleTableModel(project, "hala")
        assert list(model.ids) == ids
        assert [model.row_of(i) for i in ids] == list(range(len(ids)))
        assert model.row_of(10_000) is None
        for status in (None, "new", "done", "flagged", "in_progress"):
            for search in (None, "عنوان 1"):
                model.set_filter(status, search)
                assert list(model.ids) == project.list_articles("hala", status=status, search=search), (status, search)
        # The search box also finds words of the text (full-text index), not only titles.
        model.set_filter(None, "حمص")
        assert list(model.ids) == ids and project.list_articles("hala", search="حمص") == []
        model.set_filter(None, "حم")
        assert list(model.ids) == ids
        model.set_filter("done", None)
        assert list(model.ids) == [ids[-1]]
