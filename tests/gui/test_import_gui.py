"""File > Import runs the importer on a worker thread and refreshes the list when done."""
from __future__ import annotations

import json


def test_import_from_the_window_adds_articles_and_reports_bad_lines(qtbot, make_project, open_window, tmp_path):
    path, ids = make_project(["مقال أول عن قصف في ريف إدلب الجنوبي."])
    window = open_window(path)
    assert len(window.article_model.ids) == 1

    source = tmp_path / "new.jsonl"
    good = [{"id": f"n{i}", "title": f"خبر {i}", "text": f"قال المرصد السوري إن {i} عناصر قتلوا في دير الزور."}
            for i in range(1, 6)]
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines.insert(2, '{"title": "بلا نص"}')  # a bad record: reported, the others imported
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    window.import_files([str(source)])
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=15000)

    summary = window.last_import
    assert (summary.new, summary.rejected) == (5, 1)
    assert "new.jsonl:3" in str(summary.errors[0]) and "no 'text'" in str(summary.errors[0])
    assert len(window.article_model.ids) == 6  # the list shows them without a restart
    assert "5" in window.statusBar().currentMessage()
    with_titles = {window.article_model.article_row(r).title for r in range(6)}
    assert {"خبر 1", "خبر 5"} <= with_titles


def test_import_of_a_missing_file_is_a_message_not_a_crash(qtbot, make_project, open_window, tmp_path):
    path, _ids = make_project(["مقال واحد."])
    window = open_window(path)
    window.import_files([str(tmp_path / "nowhere.jsonl")])
    qtbot.waitUntil(lambda: "nowhere.jsonl" in window.statusBar().currentMessage(), timeout=15000)
    assert len(window.article_model.ids) == 1
