"""The window catches the full-text index up in the background (gui/search_index.py, #13)."""
from __future__ import annotations

import json

from annotator.core.store import Project
from annotator.gui import search_index, workers

TEXTS = [f"خبر رقم {i} عن قصف في {'ريف حلب' if i % 3 == 0 else 'بادية دير الزور'}." for i in range(30)]


def _pending(path) -> int:
    with Project.open(path) as project:
        return project.search_index_pending()


def test_a_freshly_imported_project_is_indexed_after_it_opens(qtbot, make_project, open_window):
    path, _ids = make_project(TEXTS)
    assert _pending(path) == len(TEXTS)
    window = open_window(path)
    qtbot.waitUntil(lambda: _pending(path) == 0, timeout=20_000)
    qtbot.waitUntil(lambda: window.search_index.job is None, timeout=5000)


def test_a_text_filter_waits_for_the_index_and_then_lists_exactly_the_matches(
        qtbot, make_project, open_window, monkeypatch):
    monkeypatch.setattr(search_index, "FILTER_SCAN_LIMIT", 5)  # 30 articles waiting: too many to scan
    path, ids = make_project(TEXTS)
    window = open_window(path)
    window.search_index.timer.stop()  # the job starts when the filter needs it, not before
    everything = list(window.article_model.ids)
    window.search_edit.setText("حلب")
    window._apply_filter()
    assert window.search_index.filter_waiting
    assert window.article_model.ids == everything  # nothing half-searched shown meanwhile
    assert "30 articles left" in window.statusBar().currentMessage()
    expected = [i for i, text in zip(ids, TEXTS) if "حلب" in text]
    qtbot.waitUntil(lambda: window.article_model.ids == expected, timeout=20_000)
    assert not window.search_index.filter_waiting
    assert _pending(path) == 0
    window.search_edit.setText("الزور")
    window._apply_filter()  # indexed now: applied at once
    assert window.article_model.ids == [i for i in ids if i not in expected]


def test_a_short_tail_is_filtered_at_once(qtbot, make_project, open_window):
    path, ids = make_project(TEXTS)
    window = open_window(path)
    window.search_index.timer.stop()
    window.search_edit.setText("حلب")
    window._apply_filter()
    assert not window.search_index.filter_waiting
    assert window.article_model.ids == [i for i, text in zip(ids, TEXTS) if "حلب" in text]


def test_closing_the_window_cancels_the_catch_up(qtbot, make_project, open_window):
    path, _ids = make_project(TEXTS)
    window = open_window(path)
    window.search_index.timer.stop()
    window.search_index.start()
    job = window.search_index.job
    assert job is not None
    window.close()
    assert job.cancelled.is_set()
    assert workers.pool().waitForDone(20_000)


def test_a_cancelled_job_indexes_nothing(make_project):
    path, _ids = make_project(TEXTS)
    job = search_index.SearchIndexJob(str(path))
    job.cancelled.set()
    assert job.work(lambda _left: None) == 0
    assert _pending(path) == len(TEXTS)


def test_articles_imported_from_the_window_end_up_indexed(qtbot, make_project, open_window, tmp_path):
    path, _ids = make_project(TEXTS[:2])
    window = open_window(path)
    qtbot.waitUntil(lambda: _pending(path) == 0, timeout=20_000)
    source = tmp_path / "new.jsonl"
    source.write_text("".join(json.dumps({"text": f"وصل وفد إلى الحسكة {i}"}, ensure_ascii=False) + "\n"
                              for i in range(5)), encoding="utf-8")
    window.import_files([str(source)])
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=15_000)
    qtbot.waitUntil(lambda: _pending(path) == 0, timeout=20_000)
    with Project.open(path) as project:
        assert len(project.search_articles("الحسكه")) == 5


def test_articles_pulled_from_the_hub_end_up_indexed(qtbot, make_project, open_window):
    from PySide6.QtCore import QObject, Signal

    from annotator.core.importing import ArticleRecord, import_records

    class Pulls(QObject):  # HubSyncStatus's signal: a sync completed
        pulled = Signal()

    path, _ids = make_project(TEXTS[:2])
    window = open_window(path)
    window.hub_sync = Pulls(window)
    warmer = search_index.attach(window, window._apply_filter)
    warmer.timer.stop()
    window.search_index.timer.stop()
    with Project.open(path) as other:  # what a sync writes, through its own connection
        import_records(other, [ArticleRecord(text=f"وصل وفد إلى الحسكة {i}") for i in range(4)])
    assert _pending(path) == 6
    window.hub_sync.pulled.emit()
    qtbot.waitUntil(lambda: _pending(path) == 0, timeout=20_000)
    qtbot.waitUntil(lambda: warmer.job is None, timeout=5000)
    window.hub_sync = None
