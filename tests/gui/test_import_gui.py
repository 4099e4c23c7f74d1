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


def test_import_status_is_a_translated_sentence_and_the_file_dialog_speaks_arabic(
        qtbot, qapp, make_project, open_window, tmp_path):
    """#12 item 10: the import status line was `Imported: 5 new, 0 duplicate, 1 rejected`
    in Arabic too, and the file dialog read "Look in", "Files of type"."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    from annotator.gui.app import set_language

    source = tmp_path / "new.jsonl"
    good = [{"id": f"n{i}", "title": f"خبر {i}", "text": f"قال المرصد السوري إن {i} عناصر قتلوا في دير الزور."}
            for i in range(1, 28)]
    lines = [json.dumps(r, ensure_ascii=False) for r in good] + ['{"title": "بلا نص"}']
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    path, _ids = make_project(["مقال أول عن قصف في ريف إدلب الجنوبي."])
    window = open_window(path)
    window.import_files([str(source)])
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=15000)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Imported 27 new articles. 1 record could not be read: \u2068{source}:28")
    assert message.endswith("\u2069")

    set_language(qapp, "ar")
    try:
        path2, _ = make_project(["مقال ثان."], name="second.db")
        window = open_window(path2)
        window.import_files([str(source)])
        qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=15000)
        assert window.statusBar().currentMessage().startswith(
            f"استُورد 27 مقالًا جديدًا. تعذرت قراءة سجل واحد: \u2068{source}:28")

        seen = {}

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, look)
                return
            seen["direction"] = dialog.layoutDirection()
            seen["labels"] = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
            dialog.reject()

        QTimer.singleShot(20, look)
        qtbot.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    finally:
        set_language(qapp, "en")
    assert seen["direction"] == Qt.LayoutDirection.RightToLeft
    assert seen["labels"]["lookInLabel"] == "البحث في:"
    assert seen["labels"]["fileTypeLabel"] == "نوع الملفات:"
    assert seen["labels"]["fileNameLabel"] == "اسم الملف:"
