"""gui/__init__.py: create_main_window, the one way windows are made."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from gui_helpers import close_window, project_with_articles

from annotator.core.errors import PermissionDenied, ProjectError
from annotator.gui import create_main_window


def test_the_workbench_and_review_mode(tmp_path: Path, qtbot) -> None:
    from annotator.gui.main_window import MainWindow
    from annotator.gui.review import ReviewWindow

    path = tmp_path / "p.db"
    project_with_articles(path, ["نص"], creator="lead")
    window = create_main_window(str(path), "hala")
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.annotator == "hala"
    review = create_main_window(str(path), "lead", review=True)
    qtbot.addWidget(review)
    assert isinstance(review, ReviewWindow)
    close_window(window)
    review.close()
    review.project.close()


def test_a_non_reviewer_is_refused_review_mode_and_the_file_released(tmp_path: Path, qtbot) -> None:
    path = tmp_path / "p.db"
    project_with_articles(path, ["نص"], creator="lead")
    with pytest.raises(PermissionDenied):
        create_main_window(str(path), "hala", review=True)
    path.rename(tmp_path / "moved.db")  # not held open by the refused window


def test_a_bad_project_file_is_a_domain_error(tmp_path: Path, qtbot) -> None:
    with pytest.raises(ProjectError):
        create_main_window(str(tmp_path / "missing.db"), "hala")


def test_closing_the_window_closes_the_project(tmp_path: Path, qtbot) -> None:
    path = tmp_path / "p.db"
    project_with_articles(path, ["نص"])
    window = create_main_window(str(path), "hala")
    project = window.project
    window.clock.stop()
    window.deleteLater()  # what closing does to a window of the app (WA_DeleteOnClose)

    def closed() -> bool:
        try:
            project.article_count()
        except sqlite3.ProgrammingError:  # "Cannot operate on a closed database"
            return True
        return False

    qtbot.waitUntil(closed, timeout=5000)
