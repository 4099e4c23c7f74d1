"""gui/project_files.py: File → Import and File → Open from the workbench."""
from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import pytest
from gui_helpers import close_window

from annotator.gui.project_files import import_sentence, open_project


def _summary(**fields):  # type: ignore[no-untyped-def]
    base = dict(new=0, duplicate=0, spans=0, suggestions=0, labels_added=[], rejected=0, errors=[])
    return SimpleNamespace(**{**base, **fields})


def test_import_sentence_says_what_happened(qapp) -> None:
    assert import_sentence(_summary(new=1)) == "Imported 1 new article."
    text = import_sentence(_summary(new=3, duplicate=2, spans=5, labels_added=["WEAPON"], rejected=1,
                                    errors=["in.jsonl:4: no text"]))
    assert text == ("Imported 3 new articles. 2 were already in the project. 5 spans came with them. "
                    "Labels added: \u2068WEAPON\u2069. 1 record could not be read: \u2068in.jsonl:4: no text\u2069")


def test_open_project_replaces_the_window(make_project, qtbot) -> None:
    from annotator.gui import create_main_window

    first, _ = make_project(["مقال أول"], name="first.db")
    second, _ = make_project(["مقال ثان", "مقال ثالث"], name="second.db")
    window = create_main_window(str(first), "hala")  # not given to qtbot: Qt deletes it on close
    window.show()
    first_project = window.project
    destroyed: list[bool] = []
    window.destroyed.connect(lambda *_: destroyed.append(True))
    other = open_project(window, str(second))
    assert other is not None
    qtbot.addWidget(other)
    assert other.project.path.name == "second.db" and other.annotator == "hala"
    assert len(other.article_model.ids) == 2
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5000)  # the old window and its project go
    with pytest.raises(sqlite3.ProgrammingError):  # its project file was closed with it
        first_project.article_count()
    close_window(other)


def test_open_project_on_a_bad_file_keeps_the_window(make_project, open_window, tmp_path) -> None:
    path, _ = make_project(["مقال"])
    window = open_window(path)
    assert open_project(window, str(tmp_path / "nothing.db")) is None
    assert window.isVisible()
    assert "nothing.db" in window.statusBar().currentMessage()
